"""A capsule page as a learner alone on a phone uses it: each material an activity needs
is one tap away where the learner works alone, the quiz says which handbook chapters it
asks about, and the duration reads as the course guide gives it. Rendered without a
build (tests/rendering.py); tests/build/test_handouts.py follows the links in the site."""

from __future__ import annotations

import posixpath
import re

import pytest
from lxml import html as lxml_html

from conftest import LANGUAGES, project_state
from portfolio.interface import strings_for
from portfolio.locations import FORM_PAGES, handout_pdf
from portfolio.materials import alone
from rendering import render_page

STATE = project_state()
CURRICULUM = STATE.curriculum
CAPSULES = list(CURRICULUM.capsules.values())
PAGES = "training/capsules"


def _tree(lang: str, source: str):
    return lxml_html.fromstring(f"<div>{render_page(lang, source)}</div>")


def _ui(lang: str) -> dict[str, str]:
    return strings_for(STATE.interface, lang, STATE.languages.default)


def _from_capsule_page(target: str) -> str:
    """A page path of the language folder as a capsule page's Markdown links to it."""
    return posixpath.relpath(target, PAGES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_material_is_linked_where_the_learner_works_alone(lang):
    """In a self-study activity every material but a supply is a link: a handbook page to
    its page, a form to its form page, a handout to its own PDF ("(PDF)" in the link). In
    a face-to-face or distance activity the trainer hands the handouts out (some are role
    cards to read privately): named, not linked. No trainer sheet is listed."""
    for capsule in CAPSULES:
        page = _tree(lang, f"{PAGES}/{capsule.id}.md")
        items = page.xpath("//ol[contains(@class, 'capsule-activities')]/li")
        assert len(items) == len(capsule.activities), capsule.id
        for activity, item in zip(capsule.activities, items, strict=True):
            listed = item.xpath(".//p[contains(@class, 'capsule-activities__materials')]")
            links = {a.text_content(): a.get("href") for a in listed[0].xpath(".//a")} if listed else {}
            text = listed[0].text_content() if listed else ""
            for material in (CURRICULUM.materials[m] for m in activity.materials):
                title = CURRICULUM.text(material.title, lang)
                where = (capsule.id, activity.title["en"], material.id)
                if material.kind == "trainer-sheet":
                    assert title not in text, where
                elif material.kind == "supply":
                    assert title in text and title not in links, where
                elif material.kind == "page":
                    assert links.get(title) == _from_capsule_page(material.page), where
                elif material.kind == "form":
                    assert links.get(title) == _from_capsule_page(f"{FORM_PAGES}/{material.form}.md"), where
                elif alone(activity):  # a handout, opened alone: in the language's folder, as the page
                    assert links.get(f"{title} (PDF)") == f"../../../{handout_pdf(material.id, lang)}", where
                else:
                    assert title in text and not any(title in name for name in links), where


def test_the_peer_sessions_page_links_the_three_materials_the_learner_trial_could_not_open():
    page = _tree("en", f"{PAGES}/peer-sessions.md")
    links = {a.text_content(): a.get("href") for a in page.xpath("//p[contains(@class, '__materials')]//a")}
    assert links["Step 7: Peer sessions"] == "../../handbook/buddy-system/07-peer-sessions.md"
    assert links["Story: three sessions at the library and the post office (PDF)"].endswith(
        "/pdf/handout-peer-sessions-three-sessions-story-en.pdf"
    )
    assert links["Session log (blank) (PDF)"].endswith("/pdf/handout-peer-sessions-session-log-en.pdf")
    # The activity, its handout and the handout's PDF (title and heading) use one name.
    assert "Description of an invented session (PDF)" in links
    assert "description of an invented session" in CURRICULUM.capsules["peer-sessions"].activities[2].description["en"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_quiz_says_first_which_handbook_chapters_to_read(lang):
    """Between the quiz's heading and its questions, a capsule page names each handbook
    chapter of its `chapters` (titled as its resources title it), linked, in order."""
    ui = _ui(lang)
    for capsule in CAPSULES:
        page = _tree(lang, f"{PAGES}/{capsule.id}.md")
        [note] = page.xpath("//h2[@id='quiz']/following-sibling::*[1][contains(@class, 'capsule-reading')]")
        assert note.xpath("following-sibling::*[1]")[0].tag == "form", capsule.id
        assert note.xpath("./p")[0].text_content() == ui["capsule-read-first"]
        links = note.xpath(".//li/a")
        assert [a.get("href") for a in links] == [_from_capsule_page(c) for c in capsule.chapters], capsule.id
        titles = {r.chapter: CURRICULUM.text(r.title, lang) for r in capsule.resources if r.chapter}
        assert [a.text_content() for a in links] == [titles[c] for c in capsule.chapters], capsule.id


def test_the_initial_self_assessment_quiz_sends_the_learner_to_step_3_first():
    """Three of its questions (the grid used again, the low score, the rural bus routes)
    are answered only in the handbook's step 3."""
    page = _tree("en", f"{PAGES}/initial-self-assessment.md")
    [link] = page.xpath("//div[contains(@class, 'capsule-reading')]//a")
    assert link.get("href") == "../../handbook/buddy-system/03-initial-self-assessment.md"
    assert link.text_content() == "Handbook, step 3: initial self-assessment"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_capsule_s_duration_reads_the_same_on_its_page_and_in_the_course_guide(lang):
    """ "165 minutes, including a break of 15 minutes" on the capsule's card and beside it in
    the course guide: the same words, which name the break the capsule's minutes hold."""
    ui = _ui(lang)
    guide = _tree(lang, "training/index.md")
    said = {
        a.get("href").removeprefix("capsules/").removesuffix(".md"): re.findall(r"\(([^()]*)\)", li.text_content())[-1]
        for li in guide.xpath("//section[contains(@class, 'course-track')]//ol/li")
        for a in li.xpath("./a")
    }
    assert set(said) == set(CURRICULUM.capsules)
    for capsule in CAPSULES:
        page = _tree(lang, f"{PAGES}/{capsule.id}.md")
        [duration] = page.xpath(f"//dt[. = '{ui['capsule-duration']}']/following-sibling::dd[1]")
        breaks = sum(a.minutes for a in capsule.activities if a.kind == "break")
        assert duration.text_content() in said[capsule.id], (capsule.id, duration.text_content(), said[capsule.id])
        assert re.findall(r"\d+", duration.text_content()) == [str(capsule.duration)] + (
            [str(breaks)] if breaks else []
        )
    posture = _tree("en", f"{PAGES}/peer-helper-posture.md").xpath("//dl[@class='capsule-card__facts']//dd")[0]
    assert posture.text_content() == "165 minutes, including a break of 15 minutes"


def test_an_arabic_capsule_page_says_each_number_of_minutes_as_arabic_does():
    """On a phone in Arabic: "10 دقائق" (3 to 10 take the plural), "15 دقيقة" (11 to 99 the
    singular), "110 دقائق" (103 to 110 as 3 to 10); never "10 دقيقة" beside an activity."""
    seen = set()
    for capsule in CAPSULES:
        page = _tree("ar", f"{PAGES}/{capsule.id}.md")
        metas = [m.text_content() for m in page.xpath("//span[@class='capsule-activities__meta']")]
        for activity, meta in zip(capsule.activities, metas, strict=True):
            if activity.minutes in (10, 15):
                noun = "دقائق" if activity.minutes == 10 else "دقيقة"
                assert meta.startswith(f"({activity.minutes} {noun}،"), (capsule.id, meta)
                seen.add(activity.minutes)
        assert not re.search(r"(?<![\d.,])(?:[3-9]|10) دقيقة", page.text_content()), capsule.id
    assert seen == {10, 15}
    card = _tree("ar", f"{PAGES}/pre-matching.md").xpath("//dl[@class='capsule-card__facts']//dd")[0]
    assert card.text_content() == "110 دقائق"
