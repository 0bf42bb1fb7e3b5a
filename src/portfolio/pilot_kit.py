"""The pilot course kit's letters and sheets as Word documents a trainer adapts: the
invitation, the attendance list, the course evaluation questionnaire and the report
template of the pilot-course page (docs/<lang>/trainers/pilot-course.md), each made
from that page as built, in each built language, after the pages.

A part is the page's heading whose id `KIT_PARTS` names and what follows it, up to the
next heading of the same level or the end of the block it is in (a `pilot-form`); the
invitation is its letter alone (the quote). Its text is the page's, macros expanded,
with the organisation's name; the page's line that links the Word file itself
(`kit_file`, partials/kit-file.html) is left out. The boxes of the rating tables, empty
cells on the page that a participant ticks on paper, are boxes that Word ticks when
clicked, as is each ☐ of the text.

A fork that removes a part from the page (its heading, and the `kit_file` line under
it) gets no Word file for it; a page that links a part it does not hold is reported by
the macro (pages.py). A fork without the page gets no kit.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from lxml import html as lxml_html

from portfolio import output_cache, pdf, word
from portfolio.build_state import BuildState
from portfolio.locations import KIT_PARTS, PILOT_COURSE_PAGE, kit_file, page_url
from portfolio.views import organisation_view

# The part that is a letter: the quote under its heading, without the lines to the trainer.
LETTERS = ("invitation",)
# Tables whose empty cells are boxes to tick (the questionnaire's scales).
RATING_TABLES = ("pilot-form__table--ratings", "pilot-form__table--self-ratings")
# What the page shows that is not the part's text.
_LEFT_OUT = pdf.SCREEN_ONLY + " | .//*[contains(concat(' ', @class, ' '), ' kit-file ')]"
_HEADING = re.compile(r"h([1-6])")
# Where a heading may break between lines: a space, not a no-break space ("Avant\u00a0:").
_BREAKS = re.compile(r"[^\S\u00a0\u202f]+")
# Table columns in millimetres: a column of numbers or boxes is as wide as the longest
# word of its heading needs (about 2.2 mm a letter at 10 pt, and the cell's padding).
_LETTER_MM, _PADDING_MM, _NARROW_MM = 2.2, 4.0, 9.0
# Room to write by hand: a signature or a name in a row, an answer under an open question.
_ROW_MM, _ANSWER_MM = 10, 35


def build_kit(state: BuildState, site_dir: Path, report=print) -> list[Path]:
    """Each part of the pilot-course page as a Word file, in every built language, from
    the built page in `site_dir` (or the output cache, when the same HTML made it)."""
    made = []
    for lang in state.languages.built:
        page = site_dir / state.languages.folder(lang) / page_url(PILOT_COURSE_PAGE) / "index.html"
        if page.is_file():
            made += _kit_of_page(state, site_dir, lang, page)
    report(f"Kit: {len(made)} Word files of the pilot course kit")
    return made


def parts_of(article) -> dict[str, list]:
    """The kit's parts that a built page's article holds: each part's elements, its
    heading first, by the heading's id."""
    found = {}
    for part in KIT_PARTS:
        headings = article.xpath(f".//*[@id='{part}']")
        if headings and _HEADING.fullmatch(headings[0].tag):
            heading = headings[0]
            level = int(heading.tag[1])
            elements = [heading]
            for sibling in heading.itersiblings():
                found_level = _HEADING.fullmatch(str(sibling.tag))
                if found_level and int(found_level[1]) <= level:
                    break
                elements.append(sibling)
            found[part] = elements
    return found


def _kit_of_page(state: BuildState, site_dir: Path, lang: str, page: Path) -> list[Path]:
    article, notices = pdf.built_article(page, _LEFT_OUT)
    # A page not yet translated is shown in the default language: so is its kit.
    written_in = state.languages.default if notices else lang
    organisation = organisation_view(state.curriculum, lang).get("name", "")
    logo = word.organisation_logo(state)
    code = output_cache.files([Path(__file__), Path(word.__file__), Path(pdf.__file__), *([logo] if logo else [])])
    made = []
    for part, elements in parts_of(article).items():
        html = "".join(lxml_html.tostring(element, encoding="unicode") for element in elements)
        target = site_dir / state.languages.folder(lang) / kit_file(part, lang)
        inputs = ["kit-docx", part, lang, written_in, organisation, html, code]
        make = functools.partial(_write, state, written_in, part, elements, organisation, target)
        output_cache.cached(state.root, inputs, target, make)
        made.append(target)
    return made


def _write(state: BuildState, lang: str, part: str, elements: list, organisation: str, target: Path) -> dict:
    """One part as a Word document: its heading as the title (a letter has none: it starts
    with its subject), its text, lists and tables as the page shows them."""
    document, language = word.begin(state, lang, organisation)
    heading, body = elements[0], elements[1:]
    title = " ".join(heading.text_content().split())
    if part in LETTERS:
        quotes = [element for element in body if element.tag == "blockquote"]
        body = [child for quote in quotes[:1] for child in quote]
    else:
        word.paragraph(document, title, language, heading=0)
    writer = _Writer(document, language, int(heading.tag[1]))
    for element in body:
        writer.block(element)
    word.finish(document, state, lang, title, organisation, target)
    return {}


class _Writer:
    """The blocks of a part of the page, as paragraphs, headings and tables of `document`."""

    def __init__(self, document, language: word.Language, level: int):
        self.document, self.language, self.level = document, language, level

    def block(self, element, ratings: bool = False) -> None:
        tag = str(element.tag)
        heading = _HEADING.fullmatch(tag)
        if heading:
            text = " ".join(element.text_content().split())
            word.paragraph(self.document, text, self.language, heading=min(9, int(heading[1]) - self.level))
        elif tag in ("ul", "ol"):
            for number, item in enumerate(element.xpath("./li"), 1):
                paragraph = self.document.add_paragraph(f"{number}. " if tag == "ol" else "• ")
                self._inline(paragraph, item)
                for inner in item.xpath("./ul | ./ol"):
                    self.block(inner)
        elif tag == "table":
            self.table(element, ratings)
        elif tag in ("div", "blockquote", "section"):
            inside = ratings or any(name in (element.get("class") or "").split() for name in RATING_TABLES)
            for child in element:
                self.block(child, inside)
        elif element.text_content().strip():
            self._inline(self.document.add_paragraph(), element)

    def table(self, element, ratings: bool) -> None:
        """A table ruled as on paper, its heading row repeated on each page, its columns of
        numbers and boxes narrow, room to write where the page leaves cells empty; in a
        rating table each empty cell a box to tick."""
        from docx.enum.table import WD_ROW_HEIGHT_RULE
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml import OxmlElement
        from docx.shared import Mm

        rows = element.xpath("./thead/tr | ./tbody/tr | ./tr")
        grid = [[cell for cell in row if cell.tag in ("th", "td")] for row in rows]
        columns = max((len(cells) for cells in grid), default=0)
        if not columns:
            return
        table = self.document.add_table(rows=0, cols=columns)
        table.style = "Table Grid"
        word.full_width(table, self.document.sections[0], _widths(grid, columns, ratings))
        for cells in grid:
            row = table.add_row()
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # a row whole on one page
            header = all(cell.tag == "th" for cell in cells)
            empty = [not cell.text_content().strip() for cell in cells]
            for cell, blank, target in zip(cells, empty, row.cells, strict=False):
                paragraph = target.paragraphs[0]
                if blank and ratings:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                    word.tick_box(paragraph, "", self.language)
                elif not blank:
                    self._inline(paragraph, cell, bold=header)
            if header:
                row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
            elif any(empty) and not ratings:
                row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
                row.height = Mm(_ANSWER_MM if all(empty) else _ROW_MM)

    def _inline(self, paragraph, element, bold: bool = False) -> None:
        element.text = (element.text or "").lstrip()
        word.inline(paragraph, element, bold=bold, boxes=self.language)


def _widths(grid: list[list], columns: int, ratings: bool) -> list[float]:
    """Each column's width in millimetres: a column whose cells hold numbers only (or
    boxes) as wide as its heading's longest word needs; the others share the rest
    equally, each at least as wide as its heading's longest word (so that no word of a
    heading is cut: "Organisati / on"). Equal columns when even that does not fit."""

    def narrow(index: int) -> bool:
        body = [cells[index] for cells in grid if len(cells) > index and cells[index].tag == "td"]
        texts = [cell.text_content().strip() for cell in body]
        return bool(body) and all(text.isdigit() or (ratings and not text) for text in texts)

    def least(index: int) -> float:
        heads = [cells[index].text_content() for cells in grid if len(cells) > index and cells[index].tag == "th"]
        longest = max((len(piece) for head in heads for piece in _BREAKS.split(head)), default=1)
        return longest * _LETTER_MM + _PADDING_MM

    widths = {index: max(_NARROW_MM, least(index)) for index in range(columns) if narrow(index)}
    wide = {index: least(index) for index in range(columns) if index not in widths}
    rest = word.TEXT_WIDTH_MM - sum(widths.values())
    if not wide or rest < sum(wide.values()):
        return [1.0] * columns
    # The widest headings first: one that needs more than an equal share keeps what it
    # needs, and the columns left share what remains.
    for index, needed in sorted(wide.items(), key=lambda item: -item[1]):
        share = rest / sum(1 for i in wide if i not in widths)
        widths[index] = max(needed, share)
        rest -= widths[index]
    return [widths[index] for index in range(columns)]
