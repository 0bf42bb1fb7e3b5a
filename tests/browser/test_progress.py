"""Progress stays in the browser: self-assessment results, the My progress page,
export to a file, reset, and import back."""

from __future__ import annotations

import json

import pytest

from answering import answer_all_anyhow
from conftest import project_state

pytestmark = pytest.mark.browser

SA = "training/self-assessments/initial-self-assessment/"
RESULT = ".my-progress__result[data-self-assessment='initial-self-assessment']"


def rate_all(page, rating: int) -> None:
    for statement in page.query_selector_all(".self-assessment__statement"):
        statement.query_selector(f"input[value='{rating}']").check()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_self_assessment_gives_the_band_and_keeps_the_result(page, site_url, lang):
    folder = "" if lang == "en" else f"{lang}/"
    page.goto(site_url + folder + SA)
    rate_all(page, 4)
    page.click(".self-assessment button[type=submit]")
    result = page.text_content(".self-assessment__result")
    assert "40" in result
    assert page.is_visible(".self-assessment__band--current")
    assert page.get_attribute(".self-assessment__band--current", "data-max") == "40"
    assert page.is_visible(".self-assessment__print")
    stored = json.loads(page.evaluate("localStorage.getItem('good-tutoring-portfolio:progress')"))
    assert stored["selfAssessments"]["initial-self-assessment"]["score"] == 40


def test_progress_page_exports_resets_and_imports(page, site_url, tmp_path):
    page.goto(site_url + SA)
    rate_all(page, 2)
    page.click(".self-assessment button[type=submit]")
    page.goto(site_url + "training/capsules/initial-self-assessment/")
    answer_all_anyhow(page)
    page.click(".quiz button[type=submit]")

    page.goto(site_url + "training/my-progress/")
    best = page.text_content(".my-progress__best[data-capsule='initial-self-assessment']")
    assert best.endswith("%") and best != "not yet"
    assert page.text_content(RESULT).startswith("20 / 40")
    # The learner's own practice check: one behaviour marked "partly".
    page.click(".self-check[data-capsule='pre-matching'] summary")
    page.check(".self-check[data-capsule='pre-matching'] input[data-behaviour='2'][value='partly']")

    with page.expect_download() as download:
        page.click(".my-progress__export")
    saved = tmp_path / "progress.json"
    download.value.save_as(saved)
    exported = json.loads(saved.read_text())
    assert exported["selfAssessments"]["initial-self-assessment"]["score"] == 20
    assert exported["selfChecks"] == {"pre-matching": {"2": "partly"}}

    page.once("dialog", lambda dialog: dialog.accept())
    page.click(".my-progress__reset")
    assert page.text_content(RESULT) == "not yet"
    assert page.evaluate("localStorage.getItem('good-tutoring-portfolio:progress')") is None

    page.set_input_files(".my-progress__import", str(saved))
    page.wait_for_function("document.querySelector('.my-progress__status-line').textContent.length > 0")
    assert page.text_content(".my-progress__status-line") == "Progress loaded from the file."
    assert page.text_content(RESULT).startswith("20 / 40")
    assert page.text_content(".my-progress__best[data-capsule='initial-self-assessment']") == best
    assert page.is_checked(".self-check[data-capsule='pre-matching'] input[data-behaviour='2'][value='partly']")


@pytest.mark.parametrize(
    "content",
    [
        '{"hello": "world"}',
        '{"capsules": null, "selfAssessments": {}}',
        '{"capsules": {}, "selfAssessments": {}, "reflections": null}',
    ],
    ids=["other", "null-capsules", "null-reflections"],
)
def test_a_file_that_is_not_progress_is_refused(page, site_url, tmp_path, content):
    bad = tmp_path / "notes.json"
    bad.write_text(content)
    page.goto(site_url + "fr/training/my-progress/")
    page.set_input_files(".my-progress__import", str(bad))
    page.wait_for_function("document.querySelector('.my-progress__status-line').textContent.length > 0")
    assert "rien n'a été modifié" in page.text_content(".my-progress__status-line")


def test_reflections_and_name_print_as_the_learner_portfolio(page, site_url, tmp_path):
    import subprocess

    page.goto(site_url + "training/capsules/peer-sessions/")
    page.fill("#reflection-peer-sessions", "Keep a short log after each meeting.")
    page.wait_for_selector(".reflection__status:has-text('Saved in this browser.')")
    page.reload()
    assert page.input_value("#reflection-peer-sessions") == "Keep a short log after each meeting."

    page.goto(site_url + "training/my-progress/")
    page.fill("#my-progress-name", "Learner Example")
    page.press("#my-progress-name", "Tab")  # change event
    reflections = page.text_content(".my-progress__reflections")
    assert "Keep a short log after each meeting." in reflections
    page.emulate_media(media="print")
    assert page.is_visible(".my-progress__print-title")
    assert not page.is_visible(".my-progress__actions")
    printed = tmp_path / "portfolio.pdf"
    page.pdf(path=str(printed))
    text = subprocess.run(["pdftotext", str(printed), "-"], capture_output=True, text=True, check=True).stdout
    assert "Learning portfolio of Learner Example" in text
    assert "Keep a short log after each meeting." in text


def test_the_same_statements_before_and_after_side_by_side(page, site_url):
    """Intake (step 3) and supervision (steps 8 and 10) use one set of statements; My
    progress sets the learner's two ratings of each statement side by side."""
    curriculum = project_state().curriculum
    later = next(a for a in curriculum.self_assessments.values() if a.follows)
    earlier = curriculum.self_assessments[later.follows]
    assert [s.id for s in later.statements] == [s.id for s in earlier.statements]
    for assessment, rating in ((earlier, 2), (later, 3)):
        page.goto(site_url + f"training/self-assessments/{assessment.id}/")
        rate_all(page, rating)
        page.click(".self-assessment button[type=submit]")
    page.goto(site_url + "training/my-progress/")
    for statement in later.statements:
        before = page.text_content(
            f".my-progress__rating[data-self-assessment='{earlier.id}'][data-statement='{statement.id}']"
        )
        after = page.text_content(
            f".my-progress__rating[data-self-assessment='{later.id}'][data-statement='{statement.id}']"
        )
        assert (before, after) == ("2", "3")
