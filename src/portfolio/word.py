"""What every editable Word document of the project is made with (python-docx): the
coordinator's forms (forms.py) and the pilot course kit's letters and sheets
(pilot_kit.py).

A document starts (`begin`) on A4 with the printed forms' margins, in the
organisation's font and the language of its text (w:lang, which Word and LibreOffice
check the spelling in), with the organisation's logo and name in its header; its
tables are as wide as the text (`full_width`); a box to tick is a checkbox that Word
ticks when it is clicked (`tick_box`); it is written (`finish`) right to left where the
language is, dated from the sources, so that the same inputs give the same bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from portfolio.locale_facts import direction
from portfolio.reproducible import source_date, source_epoch, zip_entry


def organisation_logo(state) -> Path | None:
    """The organisation's logo under docs/ (organisation.yml `logo:`), if it is there."""
    org = state.curriculum.organisation
    if not (org and org.logo):
        return None
    docs = (state.root / "docs").resolve()
    path = (docs / org.logo).resolve()
    return path if path.is_relative_to(docs) and path.is_file() else None


def begin(state, lang: str, organisation: str):
    """A new document in `lang` (a text still in the default language, where a fork's
    translation is missing, says so): A4, the project's styles, the organisation's logo
    (PNG or JPEG: Word cannot take SVG) and name in its header. Returns the document and
    its `Language`."""
    import docx
    from docx.shared import Cm

    language = Language(lang, {code: language_tag(state, code) for code in (lang, state.languages.default)})
    document = docx.Document()
    page_setup(document.sections[0])
    styles(document, language.tags[lang])
    header = document.sections[0].header.paragraphs[0]
    logo = organisation_logo(state)
    if logo is not None and logo.suffix.lower() in (".png", ".jpg", ".jpeg"):
        add_logo(header, logo, Cm(1.2))
    run(header, organisation, bold=True, language=language)
    return document, language


def finish(document, state, lang: str, title: str, author: str, target: Path) -> None:
    """The document's checkboxes declared, its text right to left where `lang` is, its
    properties (title, language, author) set and dated from the sources, and the file
    written to `target` with every entry dated so too (the same inputs, the same bytes)."""
    declare_checkboxes(document)
    if direction(lang) == "rtl":
        right_to_left(document)
    properties = document.core_properties
    properties.title = title
    properties.language = lang
    properties.author = author
    properties.created = properties.modified = source_date(state.root).replace(tzinfo=None)
    properties.last_modified_by = ""
    properties.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(fixed_dates(buffer.getvalue(), source_epoch(state.root)))


def add_logo(paragraph, logo: Path, height) -> None:
    """The logo at the start of `paragraph`; left out if python-docx cannot read it (the
    check refuses such a logo: this keeps a build of unchecked sources from crashing)."""
    picture = paragraph.add_run()
    try:
        picture.add_picture(str(logo), height=height)
    except Exception:  # UnrecognizedImageError, a truncated or an unreadable file alike
        paragraph._p.remove(picture._r)
        return
    paragraph.add_run("  ")


# A4, with the margins of the printed forms (print.css), in millimetres.
PAGE_MM, MARGINS_MM = (210, 297), (22, 18)  # (top and bottom, left and right)
TEXT_WIDTH_MM = PAGE_MM[0] - 2 * MARGINS_MM[1]


def page_setup(section) -> None:
    """A4, with the margins of the printed forms (PAGE_MM, MARGINS_MM)."""
    from docx.shared import Mm

    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    section.top_margin = section.bottom_margin = Mm(MARGINS_MM[0])
    section.left_margin = section.right_margin = Mm(MARGINS_MM[1])


def styles(document, language: str) -> None:
    """The text's font and size, in every script, and the language Word and LibreOffice
    check its spelling in (python-docx's template says US English)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "DejaVu Sans", Pt(10)
    properties = normal.element.rPr
    properties.rFonts.set(qn("w:cs"), "DejaVu Sans")  # Arabic is a "complex script"
    properties.sz.addnext(OxmlElement("w:szCs", {qn("w:val"): properties.sz.get(qn("w:val"))}))
    defaults = document.styles.element.find(qn("w:docDefaults"))
    tag = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    tag.set(qn("w:val"), language)
    if direction(language) == "rtl":
        tag.set(qn("w:bidi"), language)


# The room between a cell's border and its text, on either side, in twips (1.9 mm, as in
# python-docx's "Table Grid" style).
_CELL_PADDING = 108
# What comes after `w:tblCellMar` and `w:tblInd` in a table's properties (ECMA-376 Part 1:
# CT_TblPr); python-docx has no setting for either.
_TABLE_AFTER_CELL_MARGINS = ("w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")
_TABLE_AFTER_INDENT = ("w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", *_TABLE_AFTER_CELL_MARGINS)


def full_width(table, section, weights: list[float] | None = None) -> None:
    """An empty table's columns, fixed and together as wide as the page's text, its
    borders on the text's margins (the rows added afterwards take their widths): equal,
    or shared in proportion to `weights`, one a column.

    In the Word 2010 compatibility mode of python-docx's files, Word and LibreOffice put
    the text of a table's first cell, not its border, at the table's indent: with no indent
    the border hangs into the margin by the cell's padding. So the table is indented by
    that padding, both written on the table so that they stay equal. A right-to-left table
    is indented from the right margin (ECMA-376), and its padding is the same on both sides.
    """
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Twips

    def twips(tag: str):
        return OxmlElement(tag, {qn("w:w"): str(_CELL_PADDING), qn("w:type"): "dxa"})

    properties = table._tbl.tblPr
    properties.insert_element_before(twips("w:tblInd"), *_TABLE_AFTER_INDENT)
    margins = OxmlElement("w:tblCellMar")
    margins.extend([twips("w:left"), twips("w:right")])
    properties.insert_element_before(margins, *_TABLE_AFTER_CELL_MARGINS)
    table.autofit = False  # else Word may widen a column for a long word, past the margin
    # In whole twips, Word's unit, rounded down: rounded up, the table would be wider than the text.
    text = (section.page_width - section.left_margin - section.right_margin) // Twips(1)
    if weights is None:
        for column in table.columns:
            column.width = Twips(text // len(table.columns))
        return
    total = sum(weights)
    for column, weight in zip(table.columns, weights, strict=True):
        column.width = Twips(int(text * weight / total))


def paragraph(document, text: str, language: Language, heading: int | None = None):
    """A paragraph of `text`, or a heading of that level (0: the document's title)."""
    added = document.add_heading(text, level=heading) if heading is not None else document.add_paragraph(text)
    for each in added.runs:
        language.mark(each, text)
    return added


# Where the schema (ECMA-376 Part 1: CT_RPr) puts a run's `w:lang`, which python-docx does
# not write: before any of these.
_RUN_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")


@dataclass(frozen=True)
class Language:
    """The language a Word document is written in (`lang`), and the tag Word marks each
    language with (`tags`, by code: `language_tag`)."""

    lang: str
    tags: dict[str, str]

    def mark(self, run, text: str) -> None:
        """`run`, made of `text`, marked in the language `text` says it is in (a Said)
        where that is not the document's: an English text where a fork's translation is
        missing, as the pages mark it (partials/said.html; WCAG 2.2, 3.1.2 Language of
        Parts). Word and LibreOffice check its spelling, and a screen reader reads it, in
        that language, and it runs in that language's direction (an English text in an
        Arabic document left to right)."""
        said = getattr(text, "lang", None)
        if run is None or not said or said == self.lang:
            return
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        tag = self.tags.get(said, said)
        rtl = direction(said) == "rtl"
        marking = OxmlElement("w:lang", {qn("w:val"): tag, **({qn("w:bidi"): tag} if rtl else {})})
        run._r.get_or_add_rPr().insert_element_before(marking, *_RUN_AFTER_LANG)
        if rtl != (direction(self.lang) == "rtl"):
            run.font.rtl = rtl


def language_tag(state, lang: str) -> str:
    """The language a Word document's text is marked in (its spelling is checked in it):
    the language's own `form-language` text, which English or which French; a language
    without one (added by a fork) is marked with its own code, not the default's."""
    tag = state.interface.get("form-language")
    return tag.get_text(lang, state.languages.default) if tag is not None and tag.has(lang) else lang


# Where the schema (ECMA-376 Part 1: CT_PPr, CT_SectPr) puts `w:bidi`, which python-docx
# does not write: before any of these.
_PARAGRAPH_AFTER_BIDI = (
    *("w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents"),
    *("w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl"),
    *("w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange"),
)
_SECTION_AFTER_BIDI = ("w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")


def right_to_left(document) -> None:
    """The document read from right to left: its pages, every paragraph (aligned at its
    start, on the right), every table (its first column on the right) and every run that
    does not say it is left to right."""
    from docx.enum.table import WD_TABLE_DIRECTION
    from docx.oxml.ns import qn
    from docx.text.font import Font

    for part in (document.element.body, document.sections[0].header.part.element):
        for each in part.iter(qn("w:p")):
            _bidi(each.get_or_add_pPr(), _PARAGRAPH_AFTER_BIDI)
        for font in map(Font, part.iter(qn("w:r"))):
            if font.rtl is None:
                font.rtl = True
    for table in document.tables:
        table.table_direction = WD_TABLE_DIRECTION.RTL
    _bidi(document.element.body.sectPr, _SECTION_AFTER_BIDI)


def _bidi(properties, successors: tuple[str, ...]) -> None:
    from docx.oxml import OxmlElement

    properties.insert_element_before(OxmlElement("w:bidi"), *successors)


# A box to tick is a checkbox content control (Word 2010, [MS-DOCX] 2.3.22 `checkbox`):
# Word ticks it when it is clicked, showing the checked glyph instead of the unchecked
# one. Its glyphs are in the font Word itself gives such a box; where that font is
# missing (LibreOffice on Linux), another with both glyphs (DejaVu Sans) stands in.
_CHECKBOX_FONT = "MS Gothic"
UNCHECKED, _CHECKED = "\u2610", "\u2612"  # ☐ ☒


def tick_box(paragraph, text: str, language: Language) -> None:
    """An unticked box at the end of `paragraph`, then `text` as an ordinary run (spaces
    kept: they part "Yes" from "No"), in its language."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def state(tag: str, glyph: str):
        return OxmlElement(tag, {qn("w14:val"): f"{ord(glyph):04X}", qn("w14:font"): _CHECKBOX_FONT})

    checkbox = OxmlElement("w14:checkbox")
    checkbox.extend(
        [
            OxmlElement("w14:checked", {qn("w14:val"): "0"}),
            state("w14:checkedState", _CHECKED),
            state("w14:uncheckedState", UNCHECKED),
        ]
    )
    properties, content = OxmlElement("w:sdtPr"), OxmlElement("w:sdtContent")
    properties.append(checkbox)
    content.append(_box_glyph())
    control = OxmlElement("w:sdt")
    control.extend([properties, content])
    paragraph._p.append(control)
    language.mark(paragraph.add_run(text), text)


def _box_glyph():
    """The run a checkbox control shows: the unticked glyph in the box's font, in every
    script (a right-to-left run is drawn in its complex-script font), taken as East Asian
    where a character could be either, as Word writes it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    glyph = OxmlElement("w:r")
    fonts = glyph.get_or_add_rPr().get_or_add_rFonts()
    for script in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(script), _CHECKBOX_FONT)
    fonts.set(qn("w:hint"), "eastAsia")
    glyph.text = UNCHECKED
    return glyph


# Markup compatibility (ECMA-376 Part 3): the namespaces a reader may skip when it does
# not know them, listed by prefix on the part's root.
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def declare_checkboxes(document) -> None:
    """The checkboxes' namespace (w14) declared once, on the document's root, and listed
    as ignorable: Word 2010 and later read the boxes, Word 2007 skips them and shows
    their glyphs, neither offers to repair the file. python-docx's template does both
    already; this keeps it so should the template change."""
    from docx.oxml.ns import nsmap
    from lxml import etree

    root = document.element
    top = {"mc": _MC, "w14": nsmap["w14"]}
    # Every prefix kept, used or not: mc:Ignorable may name one that no element uses.
    etree.cleanup_namespaces(root, top_nsmap=top, keep_ns_prefixes=[*root.nsmap, *top])
    ignorable = root.get(f"{{{_MC}}}Ignorable", "").split()
    if "w14" not in ignorable:
        root.set(f"{{{_MC}}}Ignorable", " ".join([*ignorable, "w14"]))


def inline(paragraph, element, bold: bool = False, italic: bool = False, boxes: Language | None = None) -> None:
    """An HTML element's text as runs of `paragraph` (a list inside it is a block of its
    own); with `boxes` (the document's language), each ☐ of the text a box to tick."""
    bold = bold or element.tag in ("strong", "b")
    italic = italic or element.tag in ("em", "i")
    _text(paragraph, element.text, bold, italic, boxes)
    for child in element:
        if child.tag == "br":
            paragraph.add_run().add_break()
        elif child.tag not in ("ul", "ol"):
            inline(paragraph, child, bold, italic, boxes)
        _text(paragraph, child.tail, bold, italic, boxes)


def _text(paragraph, text: str | None, bold: bool, italic: bool, boxes: Language | None) -> None:
    """`text` as a run, or, with `boxes`, as a run up to its first ☐ and each ☐ a box to
    tick followed by its words."""
    if boxes is None or not text or UNCHECKED not in text:
        run(paragraph, text, bold, italic)
        return
    first, *after = text.split(UNCHECKED)
    run(paragraph, first, bold, italic)
    for words in after:
        tick_box(paragraph, re.sub(r"[ \t\n]+", " ", words), boxes)


def run(paragraph, text: str | None, bold: bool = False, italic: bool = False, language: Language | None = None):
    """Text added to a paragraph, its line breaks and spaces as HTML reads them (no-break
    spaces kept); bold and italic in every script (Word and LibreOffice make Arabic bold
    by its complex-script property); in the language the text says it is in, where that is
    not the document's (`language`)."""
    if not text:
        return None
    added = paragraph.add_run(re.sub(r"[ \t\n]+", " ", text))
    if language is not None:
        language.mark(added, text)
    if bold:
        added.font.bold = added.font.cs_bold = True
    if italic:
        added.font.italic = added.font.cs_italic = True
    return added


def fixed_dates(data: bytes, epoch: int) -> bytes:
    """The same Word file with every zip entry dated from the sources (reproducible)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            zip_entry(target, info.filename, source.read(info.filename), epoch)
    return buffer.getvalue()
