"""The finishing touches of the interactive parts, in every language, on a phone and on a
desktop: "Try again" asks before wiping the answers,
unanswered questions are marked and the message takes the focus, percentages are
written as each language writes them, and trainer pages fit a phone (their tables, the
pilot kit's file names)."""

from __future__ import annotations

import datetime

import pytest
import yaml
from playwright.sync_api import expect

from answering import answer_anyhow, fieldset, order_items
from conftest import LANGUAGES, PAGE_TYPES, ROOT, url
from portfolio.locale_facts import count_text, written_date

pytestmark = pytest.mark.browser

QUIZ = PAGE_TYPES["capsule"]
SELF_ASSESSMENT = PAGE_TYPES["self-assessment"]
MY_PROGRESS = PAGE_TYPES["my progress"]
TRAINER_PAGES = ("session plans", "course plans", "answer keys")
INTERFACE = yaml.safe_load((ROOT / "curriculum/interface.yml").read_text(encoding="utf-8"))

# Each fieldset of a form: marked or not, its note shown or not, its inputs' aria-invalid.
# A question is answered when an option is ticked or every list box has a choice; an
# ordering question (no input, no list box) always has an answer.
MARKS = """selector => [...document.querySelectorAll(selector)].map(fieldset => {
  const note = fieldset.querySelector(".quiz__missing");
  const inputs = [...fieldset.querySelectorAll("input")];
  const selects = [...fieldset.querySelectorAll("select")];
  const controls = [...inputs, ...selects];
  return {
    answered: selects.length ? selects.every(s => s.value) : !inputs.length || inputs.some(input => input.checked),
    marked: fieldset.classList.contains("quiz__fieldset--missing"),
    outlined: getComputedStyle(fieldset).outlineStyle !== "none",
    note: note !== null && note.getClientRects().length > 0 && note.textContent.trim(),
    described: controls.every(c => (c.getAttribute("aria-describedby") || "").split(" ").includes(note.id)),
    invalid: controls.map(c => c.getAttribute("aria-invalid")),
  };
})"""

IN_VIEW = """selector => {
  const box = document.querySelector(selector).getBoundingClientRect();
  return box.height > 0 && box.top >= 0 && box.bottom <= innerHeight;
}"""

# The browser's way with a percentage, without the direction marks newer browsers put
# around an Arabic sign: the page writes a score as the build writes the pass mark beside it.
PERCENT = """([lang, value]) => new Intl.NumberFormat(lang, {style: 'percent'}).format(value)
  .replace(/[\\u200e\\u200f\\u061c]/g, '')"""

BOXES = """selector => [...document.querySelectorAll(selector)]
  .filter(element => element.getClientRects().length > 0)
  .map(element => { const b = element.getBoundingClientRect();
    return {left: b.left, right: b.right, top: b.top, bottom: b.bottom, width: b.width, height: b.height}; })"""


@pytest.fixture
def screen(open_page, width):
    """A page with empty storage at phone or desktop width."""
    return open_page(width)


def answer_all_correctly(page) -> None:
    """Every right option ticked, every match chosen, every ordering put right (read from
    the page's own markers, whatever order the options were shuffled into)."""
    for input in page.query_selector_all(".quiz input[data-correct]"):
        input.check()
    for select in page.query_selector_all(".quiz select[data-answer]"):
        select.select_option(select.get_attribute("data-answer"))
    for number, question in enumerate(page.query_selector_all(".quiz__question"), 1):
        if question.get_attribute("data-type") == "ordering":
            count = len(question.query_selector_all(".quiz__order-item"))
            order_items(page, fieldset(number), list(range(1, count + 1)))


def apart(first: dict, second: dict) -> float:
    """The distance between two boxes (0 when they touch or overlap)."""
    dx = max(second["left"] - first["right"], first["left"] - second["right"], 0)
    dy = max(second["top"] - first["bottom"], first["top"] - second["bottom"], 0)
    return max(dx, dy)


# 1. "Try again" asks first (nothing hidden shows before checking: test_every_page) ------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_try_again_asks_before_wiping_the_answers(screen, site_url, lang):
    dialogs: list[tuple[str, str]] = []
    accept = {"answer": False}

    def on_dialog(dialog):
        dialogs.append((dialog.type, dialog.message))
        if accept["answer"]:
            dialog.accept()
        else:
            dialog.dismiss()

    screen.on("dialog", on_dialog)
    screen.goto(url(site_url, lang, QUIZ))
    answer_all_correctly(screen)
    chosen = screen.eval_on_selector_all(".quiz input:checked", "inputs => inputs.length")
    screen.click(".quiz button[type=submit]")
    assert screen.is_visible(".quiz button[type=reset]")

    # The checked attempt is closed: "Try again" takes the place of "Check", at least 24 x 24 px.
    (retry,) = screen.evaluate(BOXES, ".quiz__actions .md-button")
    assert min(retry["width"], retry["height"]) >= 24
    assert not screen.is_visible(".quiz button[type=submit]")

    screen.click(".quiz button[type=reset]")  # cancelled: nothing is wiped
    assert dialogs == [("confirm", INTERFACE["quiz-retry-confirm"][lang])]
    assert screen.eval_on_selector_all(".quiz input:checked", "inputs => inputs.length") == chosen
    assert screen.eval_on_selector_all(".quiz__feedback:not([hidden])", "shown => shown.length") > 0

    accept["answer"] = True
    screen.click(".quiz button[type=reset]")
    assert len(dialogs) == 2
    assert screen.eval_on_selector_all(".quiz input:checked", "inputs => inputs.length") == 0
    assert screen.eval_on_selector_all(".quiz__feedback:not([hidden])", "shown => shown.length") == 0
    assert not screen.is_visible(".quiz button[type=reset]")


def test_the_confirmation_is_written_as_each_language_writes():
    texts = INTERFACE["quiz-retry-confirm"]
    assert set(texts) >= set(LANGUAGES)
    assert texts["fr"].endswith("\u00a0?")
    assert texts["ar"].endswith("؟")


# 2. Unanswered questions: marked, and the message takes the focus -------------------


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    ("path", "form"),
    [(QUIZ, "quiz"), (SELF_ASSESSMENT, "self-assessment")],
    ids=["quiz", "self-assessment"],
)
def test_unanswered_questions_are_marked_and_the_message_focused(screen, site_url, lang, path, form):
    fieldset = ".quiz__question" if form == "quiz" else ".self-assessment__statement"
    result = f".{form}__result"
    screen.goto(url(site_url, lang, path))
    # Questions a learner must answer (an ordering question always has an answer).
    answerable = [e for e in screen.query_selector_all(fieldset) if e.query_selector("input, select")]
    answer_anyhow(answerable[1])
    screen.click(f"form.{form} button[type=submit]")

    screen.wait_for_function(IN_VIEW, arg=result)
    assert screen.evaluate("sel => document.activeElement === document.querySelector(sel)", result)
    live = screen.eval_on_selector(result, "el => el.getAttribute('role') === 'alert' || el.hasAttribute('aria-live')")
    assert live
    count = len(answerable) - 1
    # A self-assessment counts statements, not questions.
    counted, missing = ("questions-count", "quiz-missing") if form == "quiz" else ("statements-count", "sa-missing")
    questions, message = INTERFACE[counted][lang], INTERFACE[missing][lang]
    assert screen.text_content(result).startswith(message.replace("{questions}", count_text(questions, count, lang)))

    note = INTERFACE["quiz-unanswered"][lang]
    for state in screen.evaluate(MARKS, fieldset):
        if state["answered"]:
            assert not state["marked"] and not state["note"] and state["invalid"] == [None] * len(state["invalid"])
        else:
            assert state["marked"] and state["outlined"] and state["described"]
            assert state["note"] == note  # a text, not colour alone
            assert set(state["invalid"]) == {"true"}

    # Answering a question clears its mark, and the message counts one fewer.
    answer_anyhow(answerable[0])
    first = screen.evaluate(MARKS, fieldset)[0]
    assert not first["marked"] and not first["note"] and first["invalid"] == [None] * len(first["invalid"])
    assert screen.text_content(result).startswith(
        message.replace("{questions}", count_text(questions, count - 1, lang))
    )

    # Once every question is answered, no mark and no message are left.
    for element in screen.query_selector_all(fieldset):
        answer_anyhow(element)
    assert not any(state["marked"] for state in screen.evaluate(MARKS, fieldset))
    assert screen.text_content(result) == ""


# 3. Percentages per language; My progress spaced; the printed name isolated -------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_percentages_are_written_as_the_language_writes_them(page, site_url, lang):
    screen = page  # any width: the numbers do not depend on it
    expected = screen.evaluate(PERCENT, [lang, 1])
    if lang == "fr":
        assert expected != "100%"  # a (narrow) no-break space before the sign
    screen.goto(url(site_url, lang, QUIZ))
    answer_all_correctly(screen)
    screen.click(".quiz button[type=submit]")
    assert expected in screen.text_content(".quiz__result")

    screen.goto(url(site_url, lang, MY_PROGRESS))
    best = screen.text_content(".my-progress__best[data-capsule='initial-self-assessment']")
    assert best == expected


@pytest.mark.parametrize("lang", LANGUAGES)
def test_my_progress_buttons_are_apart_and_large_enough(screen, site_url, lang):
    screen.goto(url(site_url, lang, MY_PROGRESS))
    boxes = screen.evaluate(BOXES, ".my-progress__actions .md-button")
    assert len(boxes) == 4
    for box in boxes:
        assert box["width"] >= 24 and box["height"] >= 24
    for index, box in enumerate(boxes):
        for other in boxes[index + 1 :]:
            assert apart(box, other) >= 8


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_forms_download_buttons_are_apart(screen, site_url, lang):
    screen.goto(url(site_url, lang, "handbook/forms/concern-report/"))
    pdf, word = screen.evaluate(BOXES, ".portfolio-form__files .md-button")
    assert min(pdf["height"], word["height"]) >= 24
    assert apart(pdf, word) >= 8


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_workspace_share_buttons_stand_in_line(screen, site_url, lang):
    """Export, Import a file (a label for the file field) and the print buttons: one
    height, and those on one row at one height, so the row reads as one set of actions."""
    screen.goto(url(site_url, lang, PAGE_TYPES["mentoring workspace"]))
    screen.fill("#ws-code", "P-07")
    screen.select_option("#ws-role", index=1)
    screen.click(".workspace__open button[type=submit]")
    boxes = screen.evaluate(BOXES, ".workspace__exchange .workspace__actions .md-button")
    assert len(boxes) == 4
    assert len({round(box["height"]) for box in boxes}) == 1, boxes
    rows: dict[int, set[int]] = {}
    for box in boxes:  # a row: the boxes whose middles are within 8 px
        middle = round((box["top"] + box["bottom"]) / 2)
        row = next((key for key in rows if abs(key - middle) <= 8), middle)
        rows.setdefault(row, set()).add(round(box["top"]))
    assert all(len(tops) == 1 for tops in rows.values()), boxes


# Where each character of the footer's web address is drawn: its first and its last.
ADDRESS_ENDS = """() => {
  const text = document.querySelector(".md-copyright a[href^='http']").firstChild;
  const range = document.createRange();
  const left = (start) => { range.setStart(text, start); range.setEnd(text, start + 1);
    return range.getBoundingClientRect().left; };
  return [left(0), left(text.length - 1)];
}"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_footer_writes_a_web_address_from_left_to_right(screen, site_url, lang):
    """In Arabic the address's last slash was drawn before it: "/https://example.org"."""
    screen.goto(url(site_url, lang, ""))
    first, last = screen.evaluate(ADDRESS_ENDS)
    assert first < last


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_printed_name_and_date_are_isolated(page, site_url, lang):
    screen = page  # any width
    screen.goto(url(site_url, lang, MY_PROGRESS))
    screen.fill("#my-progress-name", "Learner Example 2")
    screen.press("#my-progress-name", "Tab")  # change event
    assert screen.get_attribute("#my-progress-name", "dir") == "auto"
    isolated = screen.eval_on_selector_all(
        ".my-progress__print-title bdi", "items => items.map(bdi => [bdi.dir, bdi.textContent])"
    )
    assert isolated[0] == ["auto", "Learner Example 2"]
    # The date, written as the language writes it ("1 December 2026", "1er décembre 2026").
    today = written_date(datetime.date.today(), INTERFACE["date-locale"][lang], INTERFACE["date-first-day"][lang])
    assert isolated[1] == ["auto", today]


# 4. Trainer pages fit a phone ---------------------------------------------------------


@pytest.mark.parametrize("width", [360], ids=["360px"])  # no page scrolls sideways at any width: test_every_page
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", TRAINER_PAGES)
def test_trainer_pages_have_no_horizontal_scroll(screen, site_url, width, lang, kind):
    screen.goto(url(site_url, lang, PAGE_TYPES[kind]))
    assert screen.evaluate("document.documentElement.scrollWidth <= innerWidth + 1")
    if kind != "answer keys":
        # Each row is a block: the activity or capsule text gets most of the width,
        # labelled by its column's name; the header row is still there for screen readers.
        cells = screen.evaluate(
            """() => [...document.querySelectorAll(".md-content td[data-label]")]
              .filter(td => td.textContent.trim() && !td.classList.contains("trainer-table__short"))
              .map(td => [td.getBoundingClientRect().width, getComputedStyle(td, "::before").content])"""
        )
        assert cells
        assert min(w for w, _ in cells) >= 200
        assert all(label not in ("none", "normal", "") for _, label in cells)
        assert screen.eval_on_selector_all(".md-content table thead th", "ths => ths.length") > 0


@pytest.mark.parametrize("width", [360], ids=["360px"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_word_file_name_of_the_pilot_kit_stays_on_one_line(screen, site_url, width, lang):
    """The line under each part of the kit names its Word file; on a phone, "pilot-invitation-"
    and "ar.docx" were on two lines (broken at the hyphen), which reads as two names."""
    screen.goto(url(site_url, lang, "trainers/pilot-course/"))
    names = screen.evaluate(
        "() => Array.from(document.querySelectorAll('.kit-file bdi'),"
        " name => [name.textContent, name.getClientRects().length])"
    )
    assert len(names) == 4, names
    assert all(lines == 1 for _, lines in names), names
    assert screen.evaluate("document.documentElement.scrollWidth <= innerWidth + 1")


@pytest.mark.parametrize("width", [360], ids=["360px"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_video_calls_to_book_are_read_on_a_phone_without_scrolling_sideways(screen, site_url, width, lang):
    """The pilot kit's video calls (when, capsule, live activities, minutes) were a table
    wider than a phone, its minutes out of sight: on a phone each call is a block, every
    cell in sight under its column's name."""
    screen.goto(url(site_url, lang, "trainers/pilot-course/"))
    calls = screen.evaluate(
        """() => [...document.querySelectorAll(".pilot-calls table")].map(table => ({
          wider: table.scrollWidth - table.parentElement.clientWidth,
          cells: [...table.querySelectorAll("td")].map(td => {
            const box = td.getBoundingClientRect();
            return [box.left >= 0 && box.right <= innerWidth, getComputedStyle(td, "::before").content];
          }),
        }))"""
    )
    assert len(calls) == 2, calls  # the professionals' course and the volunteers'
    for table in calls:
        assert table["wider"] <= 1, table
        assert table["cells"] and all(seen for seen, _ in table["cells"]), table
        assert all(label not in ("none", "normal", "") for _, label in table["cells"]), table


# 5. Targets at least 24 px high (Arabic desktop sidebar) ---------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_sidebar_links_are_at_least_24px_high(page, site_url, lang):
    """At desktop width (the sidebar is a drawer on a phone)."""
    page.goto(url(site_url, lang, QUIZ))
    heights = page.evaluate(
        """() => [...document.querySelectorAll(".md-sidebar .md-nav__link")]
          .filter(link => link.getClientRects().length > 0)
          .map(link => link.getBoundingClientRect().height)"""
    )
    assert heights and min(heights) >= 24


@pytest.mark.parametrize("width", [360], ids=["360px"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_learners_pages_on_a_phone_as_an_audit_found_them(screen, site_url, width, lang):
    """The header's magnifier is a button named as the search field, which Tab reaches and
    Enter opens; "Back to top" stays on one line inside the screen (in French it took two,
    over the text); Arabic text is never slanted (it has no italics: a quiz's situation);
    a form's box stays on the line of its option; "Load progress from a file" is centred
    like the buttons beside it."""
    screen.goto(url(site_url, lang, QUIZ))
    top = screen.evaluate(
        """() => { const b = document.querySelector(".md-top"); b.hidden = false;
        const r = b.getBoundingClientRect(), s = getComputedStyle(b);
        return {wrap: s.whiteSpace, left: r.left, right: r.right}; }"""
    )
    # Measured first: while search opens and closes, a phone's viewport is wider for a moment.
    assert top["wrap"] == "nowrap" and top["left"] >= 0 and top["right"] <= width, top
    field = screen.locator("[data-md-component=search-query]")
    opener = screen.locator("label.md-header__button[for=__search]")
    assert opener.get_attribute("role") == "button" and opener.get_attribute("tabindex") == "0"
    assert opener.get_attribute("aria-label") == field.get_attribute("aria-label")
    opener.focus()
    screen.keyboard.press("Enter")
    expect(field).to_be_focused()
    screen.keyboard.press("Escape")

    slant = screen.eval_on_selector(".quiz__scenario", "e => getComputedStyle(e).fontStyle")
    assert slant == ("normal" if lang == "ar" else "italic"), (lang, slant)

    screen.goto(url(site_url, lang, "handbook/forms/concern-report/"))
    boxes = screen.eval_on_selector_all("td", "cells => cells.map(c => c.textContent).filter(t => t.includes('☐'))")
    assert boxes and all("☐ " not in text and "☐\u00a0" in text for text in boxes), boxes[:2]

    screen.goto(url(site_url, lang, MY_PROGRESS))
    align = screen.eval_on_selector(".my-progress__import-label", "e => getComputedStyle(e).textAlign")
    assert align == "center"
