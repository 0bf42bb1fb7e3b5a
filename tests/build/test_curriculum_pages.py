"""The curriculum as learners and trainers find it in the built site."""

from __future__ import annotations

import html as htmllib
import posixpath
import re

import pytest
from lxml import html as lxml_html
from mkdocs.exceptions import Abort

from conftest import LANGUAGES, project_state

CURRICULUM = project_state().curriculum


def page(site, lang: str, path: str) -> str:
    folder = "" if lang == "en" else f"{lang}/"
    return (site / folder / path / "index.html").read_text(encoding="utf-8")


def test_the_course_has_fourteen_capsules_and_three_tracks():
    assert len(CURRICULUM.capsules) >= 14
    assert {t.audience for t in CURRICULUM.course.tracks} == {"professional", "volunteer", "peer-helper"}
    assert all(len(CURRICULUM.quizzes[c.quiz].questions) >= 6 for c in CURRICULUM.capsules.values())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_capsule_has_its_page_card_and_quiz(built_pages, lang):
    for capsule in CURRICULUM.capsules.values():
        html = page(built_pages, lang, f"training/capsules/{capsule.id}")
        assert f'<html lang="{lang}"' in html, capsule.id
        assert "portfolio-fallback" not in html, capsule.id  # translated, not fallen back
        assert 'class="capsule-card"' in html and f'data-quiz="{capsule.quiz}"' in html, capsule.id
        assert capsule.title[lang] in html.replace("&#39;", "'"), capsule.id


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_capsule_leads_to_the_next_one_of_each_track_that_takes_it(built_pages, lang):
    """The menu lists capsules in one order; a learner on a track follows the track's."""
    for track in CURRICULUM.course.tracks:
        for number, capsule in enumerate(track.capsules, 1):
            html = page(built_pages, lang, f"training/capsules/{capsule}")
            box = html[html.index('class="capsule-tracks"') :].split("</div>")[0]
            items = re.findall(r"<li>(.*?)</li>", box, re.S)
            assert len(items) == sum(capsule in t.capsules for t in CURRICULUM.course.tracks)  # one line each
            item = next(li for li in items if f"#track-{track.id}" in li)
            assert f"{number} " in re.sub(r"<[^>]+>", "", item), (capsule, track.id)
            if number < len(track.capsules):
                assert f'href="../{track.capsules[number]}/"' in item, (capsule, track.id)
            else:
                assert 'href="../../my-progress/"' in item, (capsule, track.id)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_capsule_page_offers_no_next_page_but_the_track_s(built_pages, lang):
    """The theme's "Previous" and "Next" links follow the site's menu, out of the learner's
    track, right under the page's own "Next in your track": on a capsule page they are
    hidden (Material's `hide: [footer]`, which the capsule layout adds); elsewhere kept."""
    for capsule in CURRICULUM.capsules.values():
        tree = lxml_html.fromstring(page(built_pages, lang, f"training/capsules/{capsule.id}"))
        [links] = tree.xpath("//nav[contains(@class, 'md-footer__inner')]")
        assert links.get("hidden") is not None, capsule.id
        assert tree.xpath("//article//h2[@id='next']/following-sibling::*[1][@class='capsule-tracks']"), capsule.id
    chapter = lxml_html.fromstring(page(built_pages, lang, "handbook/buddy-system/07-peer-sessions"))
    [links] = chapter.xpath("//nav[contains(@class, 'md-footer__inner')]")
    assert links.get("hidden") is None and links.find_class("md-footer__link--next")


def test_no_trainer_note_appears_on_a_learner_page(built_pages):
    notes = [
        " ".join(a.trainer_notes[lang].split())
        for c in CURRICULUM.capsules.values()
        for a in c.activities
        if a.trainer_notes
        for lang in LANGUAGES
    ]
    learner_pages = [p for p in built_pages.rglob("*.html") if "trainers" not in p.parts]
    for path in learner_pages:
        text = " ".join(htmllib.unescape(path.read_text(encoding="utf-8")).split())
        leaked = [n for n in notes if n in text]
        assert leaked == [], path
    plans = " ".join(htmllib.unescape(page(built_pages, "en", "trainers/session-plans")).split())
    english = [
        " ".join(a.trainer_notes["en"].split())
        for c in CURRICULUM.capsules.values()
        for a in c.activities
        if a.trainer_notes
    ]
    assert [n for n in english if n not in plans] == [], "session plans carry every English note"


def test_session_plan_start_times_follow_the_minutes(built_pages):
    capsule = CURRICULUM.capsules["initial-self-assessment"]
    html = page(built_pages, "en", "trainers/session-plans")
    section = html[html.index('id="plan-initial-self-assessment"') :]
    starts = re.findall(r"<td[^>]*>(\d+:\d\d)</td>", section)[: len(capsule.activities) + 1]
    expected, total = [], 0
    for activity in capsule.activities:
        expected.append(f"{total // 60}:{total % 60:02d}")
        total += activity.minutes
    expected.append(f"{total // 60}:{total % 60:02d}")
    assert starts == expected


@pytest.mark.parametrize("lang", LANGUAGES)
def test_track_hours_are_computed_from_the_capsules(built_pages, lang):
    """Learning time: the capsules' minutes without their breaks, written as CLDR writes
    decimals in the language (1.5 in English and Arabic, 1,5 in French)."""
    from babel.numbers import format_decimal

    html = page(built_pages, lang, "training")
    for track in CURRICULUM.course.tracks:
        capsules = [CURRICULUM.capsules[c] for c in track.capsules]
        minutes = sum(c.duration - sum(a.minutes for a in c.activities if a.kind == "break") for c in capsules)
        hours = format_decimal(round(minutes / 60, 1), format="#,##0.#", locale=lang)
        section = html[html.index(f'id="track-{track.id}"') :]
        assert hours in section[:2000], (track.id, hours)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_blended_plan_draws_one_bar_per_capsule(built_pages, lang):
    html = page(built_pages, lang, "trainers/course-plans")
    for track in CURRICULUM.course.tracks:
        section = html[html.index(f'id="course-{track.id}"') :]
        svg = section[section.index("<svg") : section.index("</svg>")]
        assert svg.count("<rect x=") == len(track.capsules)


def test_yaml_text_is_escaped_not_run(tmp_path, monkeypatch):
    """Characters HTML reserves, typed into a question, show as text; a tag is refused
    before anything is built (`[markup-in-text]`)."""
    from conftest import copy_project
    from portfolio.sitebuild import build_site

    project = copy_project(tmp_path / "project")
    quiz = project / "curriculum/quizzes/initial-self-assessment.yml"
    source = quiz.read_text(encoding="utf-8")
    prompt = source.index("    prompt:\n")
    question = source[prompt : source.index("\n", source.index("en:", prompt))]  # the first English prompt
    first = question.split("en: ", 1)[0] + "en: "
    assert source.count(question) == 1
    quiz.write_text(source.replace(question, first + '"When (5 < 6 & 7 > 3) does it take place?"'), encoding="utf-8")
    monkeypatch.chdir(project)
    build_site(project, tmp_path / "site", pdfs=False, exports=False, report=lambda message: None)
    html = (tmp_path / "site/training/capsules/initial-self-assessment/index.html").read_text(encoding="utf-8")
    assert "When (5 &lt; 6 &amp; 7 &gt; 3) does it take place?" in html
    quiz.write_text(
        source.replace(question, first + '"When <script>alert(1)</script> does it take place?"'), encoding="utf-8"
    )
    with pytest.raises(Abort):
        build_site(project, tmp_path / "site", pdfs=False, exports=False, report=lambda message: None)
    html = (tmp_path / "site/training/capsules/initial-self-assessment/index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html and "&lt;script" not in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_chapters_to_read_before_a_quiz_open_in_the_page_s_language(built_pages, lang):
    """Above each capsule's quiz, a link to each handbook chapter of its `chapters`, which
    opens that chapter's built page, in the same language."""
    folder = "" if lang == "en" else f"{lang}/"
    for capsule in CURRICULUM.capsules.values():
        url = f"training/capsules/{capsule.id}/"
        tree = lxml_html.fromstring(page(built_pages, lang, url.rstrip("/")))
        links = tree.xpath("//div[contains(@class, 'capsule-reading')]//a/@href")
        chapters = [chapter.removesuffix(".md") + "/" for chapter in capsule.chapters]
        assert [posixpath.normpath(posixpath.join(url, href)) + "/" for href in links] == chapters, capsule.id
        for chapter in chapters:
            opened = (built_pages / folder / chapter / "index.html").read_text(encoding="utf-8")
            assert f'<html lang="{lang}"' in opened and "portfolio-fallback" not in opened, chapter
