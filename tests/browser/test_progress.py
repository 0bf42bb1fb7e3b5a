"""Progress stays in the browser: self-assessment results, the My progress page,
export to a file, reset, and import back (added to what the browser keeps); what the
browser refuses to keep is said where it was typed; another tab's changes show; the
fields show the keyboard focus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from answering import answer_all_anyhow, answer_quiz
from conftest import LANGUAGES, project_state, url
from portfolio.interface import strings_for

pytestmark = pytest.mark.browser

KEY = "good-tutoring-portfolio:progress"
SA = "training/self-assessments/initial-self-assessment/"
MY_PROGRESS = "training/my-progress/"
RESULT = ".my-progress__result[data-self-assessment='initial-self-assessment']"
STATE = project_state()


def ui(lang: str) -> dict[str, str]:
    return strings_for(STATE.interface, lang, STATE.languages.default)


def stored(page) -> dict | None:
    return json.loads(page.evaluate("key => localStorage.getItem(key)", KEY) or "null")


def load_file(page, path) -> str:
    """Load a progress file on My progress; the status line once it says something."""
    page.evaluate("() => { document.querySelector('.my-progress__status-line').textContent = ''; }")
    page.set_input_files(".my-progress__import", str(path))
    # A selector, not a function: the site's CSP forbids the eval a polled function needs.
    return page.wait_for_selector(".my-progress__status-line:not(:empty)").text_content()


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

    assert load_file(page, saved) == "Progress loaded from the file."
    assert page.text_content(RESULT).startswith("20 / 40")
    assert page.text_content(".my-progress__best[data-capsule='initial-self-assessment']") == best
    assert page.is_checked(".self-check[data-capsule='pre-matching'] input[data-behaviour='2'][value='partly']")


INITIAL = STATE.curriculum.self_assessments["initial-self-assessment"]
STATEMENTS = [s.id for s in INITIAL.statements]
SCALE = len(INITIAL.scale)


def rated(first: int, others: int = 1) -> dict[str, int]:
    """Ratings of the initial self-assessment: `first` for its first statement."""
    return {statement: first if n == 0 else others for n, statement in enumerate(STATEMENTS)}


def impossible(**entry) -> str:
    """A progress file with this initial self-assessment result."""
    return json.dumps({"capsules": {}, "selfAssessments": {"initial-self-assessment": entry}})


@pytest.mark.parametrize(
    "content",
    [
        '{"hello": "world"}',
        '{"capsules": null, "selfAssessments": {}}',
        '{"capsules": {}, "selfAssessments": {}, "reflections": null}',
        # Self-assessment results no form can give (10 statements rated 1 to 4: 10 to 40).
        impossible(score=45, max=40),
        impossible(score=-5, max=40),
        impossible(score=20.5, max=40),
        impossible(score=20, max=40.5),
        impossible(score=14, max=40, ratings=rated(5)),
        impossible(score=9, max=40, ratings=rated(0)),
        impossible(score=30, max=40, ratings=rated(2)),
        impossible(score=20, max=40, band={"min": 30, "max": 40}),
    ],
    ids=[
        "other",
        "null-capsules",
        "null-reflections",
        "score-above-max",
        "negative-score",
        "fractional-score",
        "fractional-max",
        "rating-above-scale",
        "rating-below-scale",
        "ratings-not-the-score",
        "band-without-the-score",
    ],
)
def test_a_file_that_is_not_progress_is_refused(page, site_url, tmp_path, content):
    bad = tmp_path / "notes.json"
    bad.write_text(content)
    page.goto(site_url + "fr/training/my-progress/")
    assert "rien n'a été modifié" in load_file(page, bad)
    assert page.text_content(RESULT) == "pas encore"


def test_reflections_and_name_print_as_the_learner_portfolio(page, site_url, tmp_path):
    import subprocess

    page.goto(site_url + "training/capsules/peer-sessions/")
    page.fill("#reflection-peer-sessions", "Keep a short log after each meeting.")
    page.wait_for_selector(".reflection__status:has-text('Saved in this browser.')")
    page.reload()
    assert page.input_value("#reflection-peer-sessions") == "Keep a short log after each meeting."

    page.goto(site_url + "training/my-progress/")
    title = page.text_content(".my-progress__print-title")
    assert title.startswith("Learning portfolio, ") and " , " not in title  # no name typed yet
    page.fill("#my-progress-name", "Learner Example")
    page.press("#my-progress-name", "Tab")  # change event
    reflections = page.text_content(".my-progress__reflections")
    assert "Keep a short log after each meeting." in reflections
    # One capsule's practice checked: it prints; the capsules never taken do not (empty rows).
    checked, untaken = (page.locator(f".self-check[data-capsule='{c}']") for c in ("pre-matching", "success-factors"))
    checked.locator("summary").click()
    checked.locator("input[data-behaviour='1'][value='seen']").check()
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # as the browser does on printing
    page.emulate_media(media="print")
    assert checked.is_visible() and not untaken.is_visible()
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


# Loading a file adds it to this browser's progress ------------------------------------
def result(rating: int, updated: str) -> dict:
    """A self-assessment result as its form gives it: every statement rated `rating`."""
    return {
        "score": rating * len(STATEMENTS),
        "max": SCALE * len(STATEMENTS),
        "ratings": dict.fromkeys(STATEMENTS, rating),
        "updated": updated,
    }


HERE = {
    "version": 1,
    "name": "Browser Name",
    "capsules": {
        "initial-self-assessment": {"best": 90, "passed": True, "updated": "2025-03-01T10:00:00.000Z"},
        "peer-sessions": {"best": 40, "passed": False, "updated": "2025-03-01T10:00:00.000Z"},
        "recruit-peers": {"best": 70, "passed": True},
    },
    "selfAssessments": {
        "initial-self-assessment": result(3, "2025-03-02T10:00:00.000Z"),
        "supervision-self-assessment": result(2, "2025-01-01T10:00:00.000Z"),
    },
    "reflections": {
        "peer-sessions": {"text": "Keep a short log.", "updated": "2025-03-01T10:00:00.000Z"},
        "pre-matching": {"text": "Listen first.", "updated": "2025-03-01T10:00:00.000Z"},
    },
    "selfChecks": {"pre-matching": {"1": "seen", "2": "partly"}},
}
FILE = {
    "version": 1,
    "name": "File Name",
    "capsules": {
        "initial-self-assessment": {"best": 50, "passed": False},
        "peer-sessions": {"best": 80, "passed": True},
        "final-evaluation": {"best": 75, "passed": True},
    },
    "selfAssessments": {
        "initial-self-assessment": result(1, "2025-01-01T10:00:00.000Z"),
        "supervision-self-assessment": result(4, "2025-04-01T10:00:00.000Z"),
    },
    "reflections": {
        "peer-sessions": {"text": "Ask the buddy first.", "updated": "2025-02-01T10:00:00.000Z"},
        "pre-matching": {"text": "Listen first. Then ask.", "updated": "2025-02-01T10:00:00.000Z"},
        "final-evaluation": {"text": "Celebrate the end.", "updated": "2025-02-01T10:00:00.000Z"},
    },
    "selfChecks": {"pre-matching": {"2": "not-yet", "3": "seen"}},
}
# The reflections section of My progress: each capsule's title and its text.
REFLECTIONS = """() => [...document.querySelectorAll(".my-progress__reflection")]
  .map(p => [p.previousElementSibling.textContent, p.textContent])"""


def test_loading_a_file_adds_it_to_this_browsers_progress(page, site_url, tmp_path):
    """A file from another device adds to what this browser keeps: the best score and a
    pass from either, the newer self-assessment result, both reflections when they
    differ (once when one holds the other), the file's practice marks, and this
    browser's name unless it has none. Loading the same file again changes nothing."""
    titles = {c.id: c.title.get_text("en", "en") for c in STATE.curriculum.capsules.values()}
    page.goto(site_url + MY_PROGRESS)
    page.evaluate("([key, value]) => localStorage.setItem(key, JSON.stringify(value))", [KEY, HERE])
    page.reload()
    saved = tmp_path / "other-device.json"
    saved.write_text(json.dumps(FILE))
    assert load_file(page, saved) == ui("en")["progress-imported"]

    def shown():
        best = {c: page.text_content(f".my-progress__best[data-capsule='{c}']") for c in FILE["capsules"]}
        best["recruit-peers"] = page.text_content(".my-progress__best[data-capsule='recruit-peers']")
        passed = {c: page.text_content(f".my-progress__status[data-capsule='{c}']") for c in best}
        results = {
            a: page.text_content(f".my-progress__result[data-self-assessment='{a}']").split(" —")[0]
            for a in FILE["selfAssessments"]
        }
        return best, passed, results

    best, passed, results = shown()
    assert best == {
        "initial-self-assessment": "90%",
        "peer-sessions": "80%",
        "final-evaluation": "75%",
        "recruit-peers": "70%",
    }
    assert set(passed.values()) == {"yes"}
    assert results == {"initial-self-assessment": "30 / 40", "supervision-self-assessment": "40 / 40"}
    reflections = [
        [titles["pre-matching"], "Listen first. Then ask."],
        [titles["peer-sessions"], "Keep a short log.\n\nAsk the buddy first."],
        [titles["final-evaluation"], "Celebrate the end."],
    ]
    assert sorted(page.evaluate(REFLECTIONS)) == sorted(reflections)
    page.click(".self-check[data-capsule='pre-matching'] summary")
    marks = ".self-check[data-capsule='pre-matching'] input[data-behaviour='{}'][value='{}']"
    for behaviour, value in (("1", "seen"), ("2", "not-yet"), ("3", "seen")):
        assert page.is_checked(marks.format(behaviour, value))
    assert page.input_value("#my-progress-name") == "Browser Name"

    # Again, after the name was cleared: the file's name, and nothing twice.
    page.fill("#my-progress-name", "")
    page.press("#my-progress-name", "Tab")
    assert load_file(page, saved) == ui("en")["progress-imported"]
    assert page.input_value("#my-progress-name") == "File Name"
    assert shown() == (best, passed, results)
    assert sorted(page.evaluate(REFLECTIONS)) == sorted(reflections)


# What the browser refuses to keep -----------------------------------------------------
# The browser refuses every write (storage full or blocked); reading still works.
REFUSE = """Storage.prototype.setItem = function () {
  throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
};"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_what_the_browser_refuses_to_keep_is_said_where_it_was_typed(page, site_url, lang, tmp_path):
    text = ui(lang)
    page.add_init_script(REFUSE)

    page.goto(url(site_url, lang, "training/capsules/peer-sessions/"))
    page.fill("#reflection-peer-sessions", "Keep a short log after each meeting.")
    status = page.locator(".reflection[data-capsule='peer-sessions'] .reflection__status")
    expect(status).to_have_text(text["reflection-not-kept"])
    expect(status).to_be_visible()
    assert page.input_value("#reflection-peer-sessions") == "Keep a short log after each meeting."

    page.goto(url(site_url, lang, SA))
    rate_all(page, 2)
    page.click(".self-assessment button[type=submit]")
    expect(page.locator(".self-assessment__result")).to_contain_text(text["sa-not-kept"])

    page.goto(url(site_url, lang, MY_PROGRESS))
    page.fill("#my-progress-name", "Learner Example")
    page.press("#my-progress-name", "Tab")
    expect(page.locator(".my-progress__name-status")).to_have_text(text["portfolio-name-not-kept"])
    expect(page.locator(".my-progress__name-status")).to_be_visible()
    assert page.input_value("#my-progress-name") == "Learner Example"  # still there, to print or save
    check = page.locator(".self-check[data-capsule='pre-matching']")
    check.locator("summary").click()
    check.locator("input[data-behaviour='1'][value='partly']").check()
    expect(check.locator(".self-check__status")).to_have_text(text["selfcheck-not-kept"])
    expect(check.locator(".self-check__status")).to_be_visible()

    saved = tmp_path / "progress.json"
    saved.write_text(json.dumps(FILE))
    assert load_file(page, saved) == text["progress-import-not-kept"]
    assert page.text_content(".my-progress__best[data-capsule='final-evaluation']") != text["progress-none"]

    # What the page shows goes into the file the message asks for.
    with page.expect_download() as download:
        page.click(".my-progress__export")
    exported = json.loads(Path(download.value.path()).read_text())
    assert exported["name"] == "Learner Example"
    assert exported["selfChecks"]["pre-matching"]["1"] == "partly"
    assert exported["capsules"]["final-evaluation"]["best"] == 75
    assert stored(page) is None


@pytest.mark.parametrize("right", [True, False], ids=["passed", "failed"])
def test_a_quiz_score_the_browser_refuses_to_keep_is_said(page, site_url, right):
    text = ui("fr")
    capsule = STATE.curriculum.capsules["peer-sessions"]
    page.add_init_script(REFUSE)
    page.goto(url(site_url, "fr", "training/capsules/peer-sessions/"))
    answer_quiz(page, STATE.curriculum.quizzes[capsule.quiz], right)
    page.click(".quiz button[type=submit]")
    verdict = "passed" if right else "failed"
    expect(page.locator(".quiz__result")).to_contain_text(text[f"quiz-{verdict}-not-kept"])


# Two tabs of the same capsule, and My progress open beside them ------------------------
def test_a_reflection_typed_in_another_tab_shows_and_is_not_overwritten(page, site_url):
    capsule = "training/capsules/peer-sessions/"
    field = "#reflection-peer-sessions"
    other = page.context.new_page()
    progress_tab = page.context.new_page()
    page.goto(site_url + capsule)
    other.goto(site_url + capsule)
    progress_tab.goto(site_url + MY_PROGRESS)

    page.fill(field, "Written in the first tab.")
    page.wait_for_selector(".reflection__status:has-text('Saved in this browser.')")
    expect(other.locator(field)).to_have_value("Written in the first tab.")
    expect(progress_tab.locator(".my-progress__reflections")).to_contain_text("Written in the first tab.")

    # The second tab goes on from there; the first tab shows it, and nothing is lost.
    other.focus(field)
    other.press(field, "End")
    other.keyboard.type(" Then in the second.")
    other.wait_for_selector(".reflection__status:has-text('Saved in this browser.')")
    expect(page.locator(field)).to_have_value("Written in the first tab. Then in the second.")
    expect(progress_tab.locator(".my-progress__reflections")).to_contain_text("Then in the second.")
    assert stored(page)["reflections"]["peer-sessions"]["text"] == "Written in the first tab. Then in the second."


def test_what_is_typed_is_kept_when_the_page_is_left_at_once(own_page, site_url):
    """The reflection is saved a moment after the last key; leaving the page before that
    moment (a link, closing the tab) keeps it all the same."""
    page = own_page()
    page.clock.install()
    page.goto(site_url + "training/capsules/peer-sessions/")
    page.clock.pause_at("2030-01-01T10:00:00")  # no timer fires from here on
    page.fill("#reflection-peer-sessions", "Typed just before leaving.")
    page.goto(site_url + MY_PROGRESS)
    assert stored(page)["reflections"]["peer-sessions"]["text"] == "Typed just before leaving."


# A self-assessment's band in the language of the page --------------------------------
@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_my_progress_shows_the_band_in_the_language_of_the_page(page, site_url, lang, tmp_path):
    """Taken in English, read in French or Arabic: the band in the page's language, with
    the language's own punctuation, as on the self-assessment page itself."""
    assessment = STATE.curriculum.self_assessments["initial-self-assessment"]
    band = next(b for b in assessment.bands if b.min <= 20 <= b.max)
    page.goto(site_url + SA)
    rate_all(page, 2)
    page.click(".self-assessment button[type=submit]")

    page.goto(url(site_url, lang, SA))
    heading = page.text_content(f".self-assessment__band[data-min='{band.min}'] strong")
    assert band.label.get_text(lang, "en") in heading
    if lang == "fr":
        assert heading == f"{band.min}–{band.max}\u00a0: {band.label.get_text(lang, 'en')}."
    if lang == "ar":  # in words: "10–19" in a right-to-left line reads as 19 to 10
        assert heading == f"من {band.min} إلى {band.max}: {band.label.get_text(lang, 'en')}."
    page.goto(url(site_url, lang, MY_PROGRESS))
    shown = page.text_content(RESULT)
    assert shown.startswith(ui(lang)["progress-sa-score"].replace("{score}", "20").replace("{max}", "40"))  # 20 sur 40
    assert heading in shown
    assert band.label.get_text("en", "en") not in shown

    # A file saved before: the band as English text; read in the page's language too.
    old = {
        "capsules": {},
        "selfAssessments": {
            "initial-self-assessment": {"score": 20, "max": 40, "band": "20–29: Learning and building up."}
        },
    }
    saved = tmp_path / "old.json"
    saved.write_text(json.dumps(old))
    page.once("dialog", lambda dialog: dialog.accept())
    page.click(".my-progress__reset")
    load_file(page, saved)
    assert heading in page.text_content(RESULT)


# Keyboard focus ------------------------------------------------------------------------
# The focused field's outline, and the colour behind it (the first ancestor with one).
FOCUS = """element => {
  const colour = value => (value.match(/[\\d.]+/g) || []).map(Number);
  let behind = element.parentElement, background = [255, 255, 255];
  for (; behind; behind = behind.parentElement) {
    const found = colour(getComputedStyle(behind).backgroundColor);
    if (found.length === 3 || (found.length === 4 && found[3] === 1)) { background = found.slice(0, 3); break; }
  }
  const style = getComputedStyle(element);
  return {
    focused: element.matches(":focus-visible"),
    style: style.outlineStyle,
    width: parseFloat(style.outlineWidth),
    colour: colour(style.outlineColor),
    background: background,
  };
}"""
FIELDS = {
    "training/capsules/final-evaluation/": [
        ".quiz input[type=radio]",
        ".quiz input[type=checkbox]",
        ".quiz select",
        ".reflection textarea",
    ],
    SA: [".self-assessment input[type=radio]"],
    MY_PROGRESS: [
        "#my-progress-name",
        ".self-check input[type=radio]",
        ".certificate__tracks input[type=radio]",
        "#certificate-name",
    ],
}


def contrast(colour: list[float], background: list[float]) -> float:
    """The contrast ratio of `colour` (its alpha laid over the background) and `background`."""
    alpha = colour[3] if len(colour) == 4 else 1
    colour = [alpha * c + (1 - alpha) * b for c, b in zip(colour[:3], background, strict=True)]

    def luminance(rgb):
        linear = [c / 255 / 12.92 if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb[:3]]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(colour), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("path", list(FIELDS), ids=["quiz and reflection", "self-assessment", "my progress"])
def test_the_keyboard_focus_shows_on_every_field(page, site_url, path, scheme):
    """Tabbing to a field of a quiz, a self-assessment, a reflection, My progress or the
    certificate draws a solid outline of at least 2 px, at 3:1 or more against the page,
    in the light and the dark colour scheme."""
    page.goto(site_url + path)
    page.evaluate("scheme => document.body.setAttribute('data-md-color-scheme', scheme)", scheme)
    page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
    for selector in FIELDS[path]:
        field = page.locator(selector).first
        field.scroll_into_view_if_needed()
        field.focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        assert page.evaluate("s => document.activeElement === document.querySelector(s)", selector), selector
        ring = field.evaluate(FOCUS)
        assert ring["focused"], selector
        assert ring["style"] == "solid" and ring["width"] >= 2, (selector, ring)
        assert contrast(ring["colour"], ring["background"]) >= 3, (selector, scheme, ring)
