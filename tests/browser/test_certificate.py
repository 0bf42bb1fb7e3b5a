"""The certificate of completion on My progress: the capsules of the chosen track passed
in this browser, their hours and the total in the language's format, the organisation,
the date as the language writes dates; the name typed for it is kept nowhere; on paper,
only the certificate shows."""

from __future__ import annotations

import datetime
import json
import re
import subprocess

import pytest

from audit import violations
from conftest import LANGUAGES, LIST_SEPARATOR, project_state, url
from portfolio.interface import strings_for
from portfolio.locale_facts import hours as format_hours
from portfolio.locale_facts import written_date

pytestmark = pytest.mark.browser

KEY = "good-tutoring-portfolio:progress"
PAGE = "training/my-progress/"
TRACK = "volunteers"  # nine capsules
PASSED = ["initial-self-assessment", "final-evaluation"]  # 90 + 75 minutes, in the track's order
FAILED = "peer-sessions"  # on the track, tried and not passed
ELSEWHERE = "recruit-peers"  # passed, but not on this track
NAME = "Learner Example"
# The total of the passed capsules (165 minutes) as each language writes it; Arabic as
# CLDR writes it, on the page and in locale_facts.hours alike.
TOTAL = {"en": "2.8", "fr": "2,8", "ar": format_hours(165, "ar")}
PROGRESS = {
    "version": 1,
    "name": "",
    "capsules": {
        **{capsule: {"best": 100, "passed": True} for capsule in PASSED},
        FAILED: {"best": 40, "passed": False},
        ELSEWHERE: {"best": 90, "passed": True},
    },
    "selfAssessments": {},
    "reflections": {},
}
# The day the browser believes it is, and its date as each language writes dates: English
# as in Europe (not "December 1, 2026"), French with the first of the month "1er".
ISSUED = datetime.datetime(2026, 12, 1, 10, 0)
ISSUED_ON = {"en": "1 December 2026", "fr": "1er décembre 2026", "ar": "1 ديسمبر 2026"}
MID_MONTH = datetime.datetime(2027, 3, 15, 10, 0)
MID_MONTH_ON = {"en": "15 March 2027", "fr": "15 mars 2027", "ar": "15 مارس 2027"}
# Every element with a box on paper that neither is nor holds nor sits in the sheet.
SHOWN_OUTSIDE = """() => {
  const sheet = document.querySelector(".certificate__sheet");
  return Array.from(document.body.querySelectorAll("*"))
    .filter(e => e.getClientRects().length && !sheet.contains(e) && !e.contains(sheet))
    .map(e => e.tagName + "." + e.className);
}"""


@pytest.fixture(scope="module")
def curriculum():
    return project_state().curriculum


def open_certificate(page, site_url, lang, day=ISSUED):
    """My progress on `day` with the seeded progress, the track chosen and the name typed;
    print() only counts its calls (headless Chromium has no dialog). Returns the stored
    progress."""
    page.clock.set_system_time(day)  # the clock runs on from there
    page.add_init_script(f"localStorage.setItem({json.dumps(KEY)}, {json.dumps(json.dumps(PROGRESS))})")
    page.goto(url(site_url, lang, PAGE))
    page.evaluate("() => { window.print = () => { window.printed = (window.printed || 0) + 1; }; }")
    page.click(".certificate__print")  # no track yet: nothing to print
    assert page.text_content(".certificate__status") != ""
    assert not page.is_visible(".certificate__sheet")
    page.check(f".certificate__tracks input[value='{TRACK}']")
    stored = page.evaluate("key => localStorage.getItem(key)", KEY)
    page.fill("#certificate-name", NAME)
    return stored


@pytest.mark.parametrize("lang", LANGUAGES)
def test_certificate_lists_the_tracks_passed_capsules_and_keeps_no_name(own_page, site_url, curriculum, lang):
    page = own_page()
    stored = open_certificate(page, site_url, lang)
    sheet = ".certificate__sheet"
    assert page.is_visible(sheet)

    # The passed capsules of the track, in the language, with their hours and the total.
    rows = page.eval_on_selector_all(
        f"{sheet} tbody tr", "rows => rows.map(r => Array.from(r.cells, c => c.textContent.trim()))"
    )
    capsules = curriculum.capsules
    expected = [
        [capsules[c].title.get_text(lang, "en"), format_hours(capsules[c].learning_minutes(), lang)] for c in PASSED
    ]
    assert rows == expected
    assert page.text_content(".certificate__total") == TOTAL[lang]
    missing = page.text_content(".certificate__missing")
    assert capsules[FAILED].title.get_text(lang, "en") in missing
    track = next(t for t in curriculum.course.tracks if t.id == TRACK)
    left = [capsules[c].title.get_text(lang, "en") for c in track.capsules if c not in PASSED]
    assert LIST_SEPARATOR[lang].join(left) in missing  # "a, b": one space after each comma
    assert capsules[ELSEWHERE].title.get_text(lang, "en") not in page.text_content(sheet)

    # The organisation, the name (isolated), the track, the date of issue in this language.
    org = curriculum.organisation
    assert page.text_content(".certificate__organisation-name") == org.name.get_text(lang, "en")
    assert page.evaluate("document.querySelector('.certificate__logo').naturalWidth") > 0
    assert page.text_content("bdi.certificate__learner") == NAME
    assert page.get_attribute("bdi.certificate__learner", "dir") == "auto"
    assert track.title.get_text(lang, "en") in page.text_content(".certificate__statement")
    ui = strings_for(project_state().interface, lang, "en")
    assert page.text_content(".certificate__date") == ui["certificate-date"].replace("{date}", ISSUED_ON[lang])
    direction = "rtl" if lang == "ar" else "ltr"
    assert page.get_attribute(sheet, "dir") == direction
    assert page.eval_on_selector(sheet, "e => getComputedStyle(e).direction") == direction

    # Typing the name stored nothing.
    assert page.evaluate("key => localStorage.getItem(key)", KEY) == stored
    assert NAME not in page.evaluate("JSON.stringify(Object.assign({}, localStorage, sessionStorage))")

    # Printing the portfolio (its button or Ctrl+P) leaves the certificate out.
    page.emulate_media(media="print")
    assert not page.is_visible(sheet)
    assert page.is_visible(".my-progress__best >> nth=0")

    # On paper: the certificate alone, through its own button; the name goes afterwards.
    page.emulate_media(media="screen")
    page.click(".certificate__print")
    assert page.evaluate("window.printed") == 1
    page.emulate_media(media="print")
    assert page.is_visible(sheet)
    assert page.evaluate(SHOWN_OUTSIDE) == []
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")
    assert page.input_value("#certificate-name") == ""
    assert page.text_content("bdi.certificate__learner") == ""
    assert page.evaluate("key => localStorage.getItem(key)", KEY) == stored


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("day, written", [(ISSUED, ISSUED_ON), (MID_MONTH, MID_MONTH_ON)], ids=["first", "fifteenth"])
def test_the_certificate_and_the_portfolio_write_the_date_as_the_pdfs_do(own_page, site_url, lang, day, written):
    """The same date on the certificate, on the printed portfolio's title and on the PDF
    covers (locale_facts.written_date, from the same interface data)."""
    page = own_page()
    open_certificate(page, site_url, lang, day)
    assert written[lang] in page.text_content(".certificate__date")
    assert written[lang] in page.text_content(".my-progress__print-title")
    ui = strings_for(project_state().interface, lang, "en")
    assert written_date(day.date(), ui["date-locale"], ui["date-first-day"]) == written[lang]


def test_printed_certificate_is_one_a4_page_and_forgets_the_name(own_page, site_url, tmp_path):
    page = own_page()
    open_certificate(page, site_url, "en")
    page.click(".certificate__print")
    printed = tmp_path / "certificate.pdf"
    page.pdf(path=str(printed), prefer_css_page_size=True)
    text = subprocess.run(["pdftotext", str(printed), "-"], capture_output=True, text=True, check=True).stdout
    assert f"This certificate records that {NAME} passed" in text
    assert "Good Tutoring Network" in text
    assert "Best quiz score" not in text  # the progress table stays on screen
    info = subprocess.run(["pdfinfo", str(printed)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages: +1$", info, re.MULTILINE)
    assert "(A4)" in info
    # Chromium ends printing with `afterprint`: the name is gone, the page is itself again.
    assert page.input_value("#certificate-name") == ""
    assert page.get_attribute("html", "data-printing") is None

    # Nor does the name come back when the learner leaves and returns.
    page.fill("#certificate-name", NAME)
    page.goto(site_url + "training/")
    page.go_back()
    assert page.input_value("#certificate-name") == ""


def test_my_progress_with_a_certificate_has_no_accessibility_violation(own_page, site_url):
    """axe-core on the filled-in sheet, right to left."""
    page = own_page(bypass_csp=True)
    open_certificate(page, site_url, "ar")
    assert violations(page) == []
