"""The fast layer: pages and macros rendered for one language at a time, without a build
or a PDF (tests/rendering.py), in a few seconds. What needs the built site, the browser
or the printed documents is tested in the other folders."""

from __future__ import annotations

import re

import pytest
from lxml import html as lxml_html

from conftest import LANGUAGES, LIST_SEPARATOR, ROOT, project_state
from portfolio.interface import strings_for
from portfolio.layouts import LAYOUT_MACROS
from portfolio.project import DOCS_DIR
from portfolio.templating import partials_environment
from portfolio.views import LanguageView
from rendering import render_page

STATE = project_state()
CAPSULES = sorted(STATE.curriculum.capsules)


def _tree(lang: str, source: str):
    return lxml_html.fromstring(f"<div>{render_page(lang, source)}</div>")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_capsule_page_shows_its_capsule_in_the_layouts_order(lang):
    """Each capsule page names its capsule once (front matter) and shows, in order: its
    title, the card, why it matters, the activities, the quiz and the reflection field,
    under the interface's headings in the page's language."""
    ui = strings_for(STATE.interface, lang, STATE.languages.default)
    for capsule_id in CAPSULES:
        source = f"training/capsules/{capsule_id}.md"
        text = (ROOT / DOCS_DIR / lang / source).read_text(encoding="utf-8")
        assert f'"{capsule_id}"' not in text and f"'{capsule_id}'" not in text, (
            f"{lang}/{source} names its capsule twice"
        )
        tree = _tree(lang, source)
        order = [
            e.get("id") or e.get("class", "").split()[0]
            for e in tree.xpath("./h1 | ./h2 | ./div[contains(@class, 'capsule-card')] | .//form[@data-quiz]")
        ]
        order = [o for o in order if o in ("why", "activities", "quiz", "reflection", "capsule-card")]
        assert order == ["capsule-card", "why", "activities", "quiz", "quiz", "reflection"], (lang, capsule_id, order)
        headings = {h.get("id"): h.text_content().strip("¶ ") for h in tree.xpath("./h2")}
        for part in ("why", "activities", "quiz", "reflection"):
            assert headings[part] == ui[f"capsule-{part}"]
        assert tree.xpath(f".//*[@id='reflection-{capsule_id}']"), f"{capsule_id}: no reflection field"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_learner_page_never_shows_trainer_notes_or_answer_keys(lang):
    for capsule_id in CAPSULES:
        capsule = STATE.curriculum.capsules[capsule_id]
        text = " ".join(_tree(lang, f"training/capsules/{capsule_id}.md").text_content().split())
        for activity in capsule.activities:
            for note in [activity.trainer_notes] if activity.trainer_notes else []:
                note_text = " ".join(STATE.curriculum.text(note, lang).split())
                assert note_text[:60] not in text, f"{capsule_id}: a trainer note shows to learners"
        sheets = [m for m in STATE.curriculum.materials.values() if m.kind == "trainer-sheet"]
        for sheet in sheets:
            assert STATE.curriculum.text(sheet.title, lang) not in text, f"{capsule_id}: {sheet.id} is listed"


def test_numbers_and_percentages_are_written_as_each_language_writes_them():
    """Hours on the course page and chance scores on the answer keys: a decimal comma and
    a space before % in French, a point in English."""
    assert re.search(r"\b\d+\.\d hours\b", render_page("en", "training/index.md"))
    assert re.search(r"\b\d+,\d heures\b", render_page("fr", "training/index.md"))
    assert re.search(r"\d+%", render_page("en", "trainers/answer-keys.md"))
    assert re.search(r"\d+\u00a0%", render_page("fr", "trainers/answer-keys.md"))


def test_only_the_sites_quiz_can_say_the_score_was_not_kept():
    """On the site the browser keeps the best score, and the quiz says when it refused
    to; in an LMS package the LMS keeps the score, and the quiz has no such text."""
    ui = strings_for(STATE.interface, "fr", STATE.languages.default)
    view = LanguageView(STATE, "fr", partials_environment(ROOT / "overrides"))
    quiz = next(c.quiz for c in STATE.curriculum.capsules.values() if c.quiz)
    site = lxml_html.fromstring(view.quiz_form(quiz))
    lms = lxml_html.fromstring(view.quiz_form(quiz, in_lms=True))
    for verdict in ("passed", "failed"):
        assert site.get(f"data-text-{verdict}-not-kept") == ui[f"quiz-{verdict}-not-kept"]
        assert lms.get(f"data-text-{verdict}-not-kept") is None


def test_the_layout_shows_what_its_pages_must_not_call():
    layout = (ROOT / "templates/layouts/capsule.md").read_text(encoding="utf-8")
    assert {name for name in LAYOUT_MACROS["capsule"] if f"{name}()" in layout} == LAYOUT_MACROS["capsule"]


@pytest.mark.parametrize("lang", ["fr"])
def test_every_page_of_a_language_renders(lang):
    """Every page of one language through its layout, the macros and Markdown: the
    fastest way to know that a change to a macro or a partial breaks no page."""
    sources = sorted(p.relative_to(ROOT / DOCS_DIR / lang).as_posix() for p in (ROOT / DOCS_DIR / lang).rglob("*.md"))
    assert len(sources) >= 50
    for source in sources:
        tree = _tree(lang, source)
        assert tree.xpath("./h1"), f"{lang}/{source}: no title"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_lists_of_names_read_with_a_space_after_each_comma(lang):
    """Who fills in a form, and the parties of each kind of plan in the workspace: "a, b"
    (the Arabic comma in Arabic), never "a,b" nor "a,  b"."""
    ui = strings_for(STATE.interface, lang, STATE.languages.default)
    for form in STATE.curriculum.forms.values():
        roles = LIST_SEPARATOR[lang].join(ui[f"role-{role}"] for role in form.filled_by)
        text = _tree(lang, f"handbook/forms/{form.id}.md").text_content()
        assert f"{ui['form-filled-by']}{ui['colon']} {roles}" in text, form.id
    options = _tree(lang, "training/mentoring-workspace.md").xpath("//select[@id='ws-kind']/option/text()")
    assert options
    for option in options:
        parties = option[option.index("(") + 1 : option.rindex(")")]
        assert len(parties.split(LIST_SEPARATOR[lang])) >= 2 and "  " not in parties, option


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_handouts_preparation_note_stands_apart_from_its_title(lang):
    """ "Request cards — One set for each group", never "cards— One set": the space before
    the dash of each sheet's preparation note is kept."""
    items = _tree(lang, "trainers/handouts.md").xpath("//li[a][contains(., '—')]")
    assert items
    for item in items:
        assert " — " in item.text_content(), item.text_content()
