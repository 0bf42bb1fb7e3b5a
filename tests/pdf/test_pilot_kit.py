"""The pilot course kit's forms in the trainer's pack, read back: the questionnaire's
"I can…" statements get the width and are never cut inside a word, and each form fits on
one or two sheets (a copy for each participant)."""

from __future__ import annotations

import itertools
import re

import pytest
from lxml import html as lxml_html

from conftest import LANGUAGES, MM, ROOT, pdf_pages, project_state, squash
from portfolio.pdf import pdf_path
from portfolio.project import read_languages

LANGS = read_languages(ROOT / "mkdocs.yml")
PACK = next(d for d in project_state().curriculum.printing.documents if d.id == "trainers-pack")
PAGE = "trainers/pilot-course/index.html"
# Punctuation that pdftotext moves around a right-to-left word (".2" for "2.").
_PUNCTUATION = re.compile(r"[.:,;!?،؛؟()\[\]/«»\"']")
# pdftotext writes the lam-alef ligature's letters the other way round (alef first).
_LAM_ALEF = re.compile("ل([اأإآ])")


def readable(text: str, extracted: bool = False) -> str:
    """Text as it is compared with pdftotext's: squashed, without punctuation; the
    page's text (not `extracted`) with each lam-alef written as pdftotext writes it."""
    text = _PUNCTUATION.sub("", squash(text))
    return text if extracted else _LAM_ALEF.sub(r"\1ل", text)


def kit(site, lang):
    """The built pilot-course page: its tables by the id of the heading before them."""
    tree = lxml_html.fromstring((site / LANGS.folder(lang) / PAGE).read_bytes())
    for permalink in tree.xpath("//a[@class='headerlink']"):
        permalink.drop_tree()

    def after(heading_id):
        heading = tree.xpath(f"//*[@id='{heading_id}']")[0]
        return heading, heading.xpath("following::table[1]")[0]

    return after


def cells(row) -> list[str]:
    return [" ".join(cell.text_content().split()) for cell in row.xpath("./th | ./td")]


def word_text(word, rtl: bool) -> str:
    """A printed word as `readable` writes it: pdftotext gives an Arabic word's letters
    in the order they are drawn, from the left."""
    return readable(word.text[::-1] if rtl else word.text, extracted=True)


def lines(page, rtl: bool) -> list[str]:
    """The page's lines of text (words at the same height, across columns), each read
    in its direction, without spaces; an Arabic word with a vowel sign comes out of
    pdftotext in pieces, which this puts together again."""
    rows: dict[int, list] = {}
    for word in page.words:
        rows.setdefault(round(word.top / 2), []).append(word)
    ordered = [sorted(row, key=lambda w: w.left) for _, row in sorted(rows.items())]
    return [readable("".join(w.text for w in row)[:: -1 if rtl else 1], extracted=True) for row in ordered]


def pages_from(pages, rtl, heading, to_text):
    """The indexes of the pages from the one holding `heading` (an element: its text and
    the first words printed after it, as the checklist above names the forms too; the
    line to its Word version is not printed) to the one holding `to_text`."""
    printed = next(e for e in heading.itersiblings() if e.get("class") != "kit-file")
    start = heading.text_content() + " ".join(printed.text_content().split()[:3])
    joined = ["".join(lines(page, rtl)) for page in pages]
    first = next(i for i, text in enumerate(joined) if readable(start) in text)
    last = next((i for i in range(first, len(joined)) if readable(to_text) in joined[i]), None)
    assert last is not None, f"{to_text!r} is not printed whole after {start!r}"
    return first, last


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_word_of_the_self_assessment_statements_is_cut(built_site, lang):
    """Every word of Part B's "I can…" statements is printed whole, on one line (it was
    cut inside, "syste / m", "الخطوا / ت", in a column a few letters wide)."""
    rtl = lang == "ar"
    heading, table = kit(built_site, lang)("learning")
    pages = pdf_pages(pdf_path(built_site, LANGS, lang, PACK.id))
    rows = table.xpath("./tbody/tr")
    first, last = pages_from(pages, rtl, heading, cells(rows[-1])[0] + cells(rows[-1])[1].split()[0])
    printed = [line for page in pages[first : last + 1] for line in lines(page, rtl)]
    statements = [cells(row)[1] for row in rows]
    assert len(statements) == 8
    cut = [word for s in statements for word in s.split() if not any(readable(word) in line for line in printed)]
    assert not cut, cut


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_statements_get_the_width_and_the_boxes_to_tick_are_narrow(built_site, lang):
    """In Part B's header, measured from where each column's first word starts: the
    statement column is wider than any other, and "No." a small part of it (with the
    first column at 20 %, "No." was the widest and the statements 14 mm)."""
    rtl = lang == "ar"
    heading, table = kit(built_site, lang)("learning")
    header = cells(table.xpath(".//thead/tr")[0])
    assert len(header) == 11
    pages = pdf_pages(pdf_path(built_site, LANGS, lang, PACK.id))
    # The table's page: part B's heading and objectives may end the page before it.
    _, last = pages_from(pages, rtl, heading, header[1])
    page = pages[last]
    number = readable(header[0].split()[0])
    # The header's first line: the longest line starting with "No." (part A's has 6 cells).
    starts = [w for w in page.words if word_text(w, rtl) == number]
    line = max(([w for w in page.words if abs(w.top - s.top) < 2] for s in starts), key=len)
    line.sort(key=lambda w: -w.right if rtl else w.left)
    edges, words = [], iter(line)
    for cell in header:
        wanted = readable(cell.split()[0])
        word = next((w for w in words if word_text(w, rtl) == wanted), None)
        assert word is not None, f"header {cell!r} is not printed whole on the header's first line"
        edges.append(word.right if rtl else word.left)
    widths = [round(abs(b - a) / MM, 1) for a, b in itertools.pairwise(edges)]  # every column but the last, mm
    statement = widths[1]
    assert statement > max(widths[:1] + widths[2:]), widths
    assert widths[0] < statement / 4, widths
    assert statement > 0.35 * (page.width / MM - 2 * 18), widths


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_form_fits_on_one_or_two_sheets(built_site, lang):
    """The attendance list and the questionnaire (parts A and B and the open questions)
    each take one or two pages, to copy once for each participant (the questionnaire
    spread over four)."""
    rtl = lang == "ar"
    after = kit(built_site, lang)
    pages = pdf_pages(pdf_path(built_site, LANGS, lang, PACK.id))
    attendance, _ = after("attendance")
    questionnaire, _ = after("evaluation")
    _, last_question = after("open-questions")
    last_question = last_question.xpath("following::table[1]")[0]  # the second of two
    # The list ends, at the latest, on the page where the questionnaire starts.
    first, start = pages_from(pages, rtl, attendance, questionnaire.text_content())
    assert start - first <= 1, (first + 1, start + 1)
    first, last = pages_from(pages, rtl, questionnaire, cells(last_question.xpath(".//tr")[0])[0])
    assert last - first <= 1, (first + 1, last + 1)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_open_question_leaves_several_lines_to_write_the_answer(built_site, lang):
    """Under each open question of the questionnaire, a box a few lines of handwriting
    high (it was three rows of one line): from the first question to the second there
    is room for five lines of 7 mm, and nothing is printed in between."""
    rtl = lang == "ar"
    heading, first = kit(built_site, lang)("open-questions")
    second = first.xpath("following::table[1]")[0]
    questions = [cells(table.xpath(".//tr")[0])[0] for table in (first, second)]
    pages = pdf_pages(pdf_path(built_site, LANGS, lang, PACK.id))
    start, _ = pages_from(pages, rtl, heading, questions[1])
    page = pages[start]

    def top(question: str) -> float:
        words = [readable(word) for word in question.split()[3:5]]  # words the two do not share
        rows: dict[int, list] = {}
        for word in page.words:
            rows.setdefault(round(word.top / 2), []).append(word)
        for row in rows.values():
            printed = {word_text(w, rtl) for w in row}
            if all(word in printed for word in words):
                return min(w.top for w in row)
        raise AssertionError(f"{question!r} is not on page {start + 1}")

    above, below = top(questions[0]), top(questions[1])
    assert below - above > 5 * 7 * MM, round((below - above) / MM)
    between = [w for w in page.words if above + 6 * MM < w.top < below - 1]
    assert not between, [w.text for w in between]
