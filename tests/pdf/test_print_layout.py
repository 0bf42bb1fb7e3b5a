"""How the documents break into pages and lines, as a trainer printing them sees it:
writing lines stay with their prompt, a day's timetable is on one page, and French words
are not cut on the cover, in headings and table headers, nor in short words."""

from __future__ import annotations

import itertools
import re
import subprocess

import pytest

from conftest import LANGUAGES, MM, ROOT, pdf_pages
from portfolio.locations import handout_pdf
from portfolio.pdf import pdf_path
from portfolio.project import read_languages

LANGS = read_languages(ROOT / "mkdocs.yml")
HYPHEN = "\u2010"  # WeasyPrint's hyphen at the end of a hyphenated line
# The timetable of each day of the pilot course: its heading and its last row.
DAYS = {
    "en": [("Day 1, face to face", "End of the day"), ("Day 2, face to face", "End of the day")],
    "fr": [("Jour 1, en présentiel", "Fin de la journée"), ("Jour 2, en présentiel", "Fin de la journée")],
}
PROMPT = {"en": "My proposal", "fr": "Ma proposition"}


def text_pages(path, layout: bool = True) -> list[str]:
    """The text of each page; in the order printed with `layout` False (a cell's lines one
    after the other, not beside the next cell's)."""
    command = ["pdftotext", "-layout" if layout else "-raw", str(path), "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout.split("\f")


def handout_path(site, lang, material):
    return site / LANGS.folder(lang) / handout_pdf(material, lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_handout_page_holds_only_its_running_header(built_site, lang):
    """A page of a handout PDF has something under its running header: never a page
    left with one writing line (a rule, no word) that did not fit on the page before."""
    paths = sorted((built_site / LANGS.folder(lang) / "pdf").glob("handout*.pdf"))
    assert len(paths) > 10
    for path in paths:
        for number, page in enumerate(pdf_pages(path), 1):
            body = [w for w in page.words if 18 * MM < w.top < page.height - 20 * MM]
            assert body, f"{path.name} p.{number}: nothing under the running header"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_criteria_table_prompt_and_its_writing_lines_share_a_page(built_site, lang):
    """The prompt "My proposal, and the reasons for it:" is followed by writing lines and
    nothing else: it is on the handout's last page, its lines with it."""
    pages = text_pages(handout_path(built_site, lang, "pre-matching-criteria-table"))
    pages = [page for page in pages if page.strip()]
    holding = [i for i, page in enumerate(pages) if PROMPT[lang] in page]
    assert holding == [len(pages) - 1]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_each_day_of_the_pilot_timetable_is_on_one_page(built_site, lang):
    pages = text_pages(pdf_path(built_site, LANGS, lang, "trainers-pack"))
    for heading, last_row in DAYS[lang]:
        page = next(page for page in pages if re.search(rf"^{re.escape(heading)}\s*$", page, re.M))
        after = page[page.index(heading) :]
        assert last_row in after, f"{heading}: the timetable goes on over the page"


def test_the_questionnaire_part_b_is_on_one_page(built_site):
    """Part B of the course questionnaire (eight statements) is not split: its header
    ("No.  I can…"), repeated on each page a table goes on to, is printed once."""
    pages = text_pages(pdf_path(built_site, LANGS, "en", "trainers-pack"))
    assert len([page for page in pages if re.search(r"^\s*No\.\s+I can…", page, re.M)]) == 1


@pytest.mark.parametrize("document", ["good-tutoring-portfolio", "trainers-pack"])
def test_french_hyphenation_spares_the_cover_headers_and_short_words(built_site, document):
    """No hyphen ends a line of the cover; none ends a table header ("Notes pour le
    forma-teur"); a hyphenated word keeps at least three letters on each line and has at
    least eight ("pi-lote" is not cut)."""
    pages = text_pages(pdf_path(built_site, LANGS, "fr", document), layout=False)
    assert HYPHEN not in pages[0]
    lines = [line.strip() for page in pages for line in page.splitlines() if line.strip()]
    assert not [line for line in lines if "Notes pour le forma" + HYPHEN in line]
    for line, following in itertools.pairwise(lines):
        if line.endswith(HYPHEN):
            before = re.search(r"(\w+)" + HYPHEN + "$", line)
            after = re.match(r"\w+", following)
            assert before and after, (line, following)
            start, end = before.group(1), after.group(0)
            assert len(start) >= 3 and len(end) >= 3 and len(start + end) >= 8, (line, following)


@pytest.mark.parametrize("document", ["good-tutoring-portfolio", "trainers-pack"])
def test_english_and_arabic_are_never_hyphenated(built_site, document):
    for lang in ("en", "ar"):
        pages = text_pages(pdf_path(built_site, LANGS, lang, document))
        assert not [line for page in pages for line in page.splitlines() if line.rstrip().endswith(HYPHEN)]
