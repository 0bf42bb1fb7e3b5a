"""The forms a coordinator fills in (curriculum/forms/<id>.yml), authored once and
published in every language as a page (the `form` macro), a printable PDF and an
editable Word document that carries the organisation's name, logo, contacts and legal
notes.

The files do not depend on the built site, so they are made before it
(`build_forms`), into a folder the pages read their sizes from; a hook copies them into
each build (online and offline). Where each file lives is decided here only.
"""

from __future__ import annotations

import io
import json
import os
import re
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown as markdown_lib
from jinja2 import Environment
from markupsafe import Markup

from portfolio import output_cache, parallel
from portfolio.interface import strings_for
from portfolio.locale_facts import direction, said_like, written_date
from portfolio.locations import PREBUILT, form_file
from portfolio.models import Form, Text
from portfolio.project import Languages
from portfolio.reproducible import source_date, source_epoch, zip_entry
from portfolio.views import organisation_view

FORMATS = ("pdf", "docx")
# The handwritten lines a long answer has room for, unless its field says more (`lines`).
LONG_ANSWER_LINES = 4
PRINT_TEMPLATES = "templates/print"


@dataclass
class Made:
    path: Path
    seconds: float


def file_sizes(languages: Languages, lang: str, form_id: str) -> dict[str, int | None]:
    """The size in bytes of each format of a form, when the build has made them."""
    folder = os.environ.get(PREBUILT)
    sizes: dict[str, int | None] = {}
    for fmt in FORMATS:
        path = Path(folder) / (languages.folder(lang) + form_file(form_id, lang, fmt)) if folder else None
        sizes[fmt] = path.stat().st_size if path and path.is_file() else None
    return sizes


def form_view(form: Form, lang: str, default: str, ui: dict[str, str], organisation: dict) -> dict[str, Any]:
    """A form in one language, as the page, the PDF and the Word document show it."""

    def text(value: Text | None) -> str:
        return value.get_text(lang, default) if value else ""

    return {
        "id": form.id,
        "title": text(form.title),
        "purpose": text(form.purpose),
        "filled_by": [ui[f"role-{role}"] for role in form.filled_by],
        "privacy": text(form.privacy),
        "legal_notes": (organisation.get("legal_notes") or "") if form.legal_notes else "",
        "organisation": organisation,
        "sections": [
            {
                "title": text(section.title),
                "intro": text(section.intro),
                "fields": [
                    {
                        "id": item.id,
                        "label": text(item.label),
                        "kind": item.kind,
                        "help": text(item.help),
                        "options": [text(option) for option in item.options],
                        "optional": item.optional,
                        "lines": (item.lines or LONG_ANSWER_LINES) if item.kind == "long-text" else None,
                    }
                    for item in section.fields
                ],
            }
            for section in form.sections
        ],
    }


def build_forms(state, target: Path, report=print) -> list[Made]:
    """Every form in every built language, as PDF and Word files under `target`,
    rendered in parallel."""
    jobs = [
        (state, form.id, lang, target) for lang in state.languages.built for form in state.curriculum.forms.values()
    ]
    report(f"Forms: {len(jobs)} forms, PDF and Word ...")
    made = parallel.run(_make, jobs)
    return [item for pair in made for item in pair]


def _make(state, form_id: str, lang: str, target: Path) -> tuple[Made, Made]:
    """One form in one language: its PDF and its Word file."""

    from portfolio.pdf import WRITER_FILES, print_templates

    ui = strings_for(state.interface, lang, state.languages.default)
    view = form_view(
        state.curriculum.forms[form_id], lang, state.languages.default, ui, organisation_view(state.curriculum, lang)
    )
    started = time.perf_counter()
    root = state.root
    logo = _logo(state)
    # What each file is made from; the same inputs give the same file (output_cache).
    made_from = [output_cache.files([*print_templates(root), Path(__file__), *WRITER_FILES])]
    made_from.append(output_cache.files([logo] if logo else []))
    pdf = target / (state.languages.folder(lang) + form_file(form_id, lang, "pdf"))
    html = _form_html(view, _print_environment(root), root, lang, ui, logo)
    inputs = ["form-pdf", form_id, lang, html, *made_from]
    output_cache.cached(root, inputs, pdf, lambda: _write_pdf(html, root, logo, f"{form_id}-{lang}", pdf))
    middle = time.perf_counter()
    docx = target / (state.languages.folder(lang) + form_file(form_id, lang, "docx"))
    data = json.dumps([view, ui, lang, direction(lang)], sort_keys=True, default=str)
    inputs = ["form-docx", form_id, lang, data, *made_from]
    output_cache.cached(root, inputs, docx, lambda: _write_docx(view, state, lang, ui, docx))
    return Made(pdf, middle - started), Made(docx, time.perf_counter() - middle)


# PDF ---------------------------------------------------------------------------------


def _print_environment(root: Path) -> Environment:
    from portfolio.pdf import print_environment

    # YAML texts are checked before they get here: their Markdown is the project's own.
    return print_environment(root, {"markdown": lambda text: Markup(markdown_lib.markdown(str(text)))})


def _form_html(view: dict, env: Environment, root: Path, lang: str, ui: dict, logo: Path | None) -> str:
    return env.get_template("form.html").render(
        form=view,
        lang=lang,
        dir=direction(lang),
        ui=ui,
        date=written_date(source_date(root).date(), ui["date-locale"], ui["date-first-day"]),
        stylesheet=(root / PRINT_TEMPLATES / "print.css").resolve().as_uri(),
        logo=logo.as_uri() if logo else None,
        line_height=LINE_HEIGHT_MM,
    )


def _write_pdf(html: str, root: Path, logo: Path | None, identifier: str, target: Path) -> dict:
    from weasyprint import HTML

    from portfolio.pdf import restricted_fetcher, write_pdf

    allowed = [root / PRINT_TEMPLATES] + ([logo.parent] if logo else [])
    target.parent.mkdir(parents=True, exist_ok=True)
    document = HTML(string=html, base_url=str(root / PRINT_TEMPLATES), url_fetcher=restricted_fetcher(allowed))
    write_pdf(document.render(), target, identifier)
    return {}


def _logo(state) -> Path | None:
    """The organisation's logo under docs/ (organisation.yml `logo:`), if it is there."""
    org = state.curriculum.organisation
    if not (org and org.logo):
        return None
    docs = (state.root / "docs").resolve()
    path = (docs / org.logo).resolve()
    return path if path.is_relative_to(docs) and path.is_file() else None


# Word ---------------------------------------------------------------------------------


def _add_logo(paragraph, logo: Path, height) -> None:
    """The logo at the start of `paragraph`; left out if python-docx cannot read it (the
    check refuses such a logo: this keeps a build of unchecked sources from crashing)."""
    picture = paragraph.add_run()
    try:
        picture.add_picture(str(logo), height=height)
    except Exception:  # UnrecognizedImageError, a truncated or an unreadable file alike
        paragraph._p.remove(picture._r)
        return
    paragraph.add_run("  ")


def _write_docx(view: dict, state, lang: str, ui: dict, target: Path) -> dict:
    """An editable Word document: the organisation's header, the privacy notice (read
    before anything is written), then each section as a table of labels with room to
    write, and the legal notes; boxes to tick that tick when clicked; right to left where
    needed."""
    import docx
    from docx.shared import Cm

    # A text still in the default language (a fork's translation is missing) says so.
    language = _Language(lang, {code: _language_tag(state, code) for code in (lang, state.languages.default)})
    document = docx.Document()
    _page(document.sections[0])
    _styles(document, language.tags[lang])
    header = document.sections[0].header.paragraphs[0]
    logo = _logo(state)
    if logo is not None and logo.suffix.lower() in (".png", ".jpg", ".jpeg"):  # Word cannot take SVG
        _add_logo(header, logo, Cm(1.2))
    _run(header, view["organisation"].get("name", ""), bold=True, language=language)
    _paragraph(document, view["title"], language, heading=0)
    _paragraph(document, view["purpose"], language)
    _filled_by(document.add_paragraph(), view["filled_by"], ui, language)
    if view["privacy"]:
        _paragraph(document, ui["form-privacy"], language, heading=1)
        _markdown(document, view["privacy"], language)
    for section in view["sections"]:
        _paragraph(document, section["title"], language, heading=1)
        _markdown(document, section["intro"], language)
        if not section["fields"]:
            continue
        table = document.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        _full_width(table, document.sections[0])
        for item in section["fields"]:
            row = table.add_row()
            label, answer = row.cells
            _run(label.paragraphs[0], item["label"], language=language)
            if item["optional"]:
                optional = ui["form-optional"]
                _run(label.paragraphs[0], said_like(optional, f" ({optional})"), language=language)
            if item["help"]:
                _run(label.add_paragraph(), item["help"], italic=True, language=language)
            _answer_space(answer.paragraphs[0], item, ui, language)
            _room_to_write(row, item["kind"], item["lines"])
    if view["legal_notes"]:
        _paragraph(document, ui["form-legal-notes"], language, heading=1)
        _markdown(document, view["legal_notes"], language)
    _contacts(document, view["organisation"], ui["colon"], language)
    _declare_checkboxes(document)
    if direction(lang) == "rtl":
        _right_to_left(document)
    properties = document.core_properties
    properties.title = view["title"]
    properties.language = lang
    properties.author = view["organisation"].get("name", "")
    properties.created = properties.modified = source_date(state.root).replace(tzinfo=None)
    properties.last_modified_by = ""
    properties.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(_fixed_dates(buffer.getvalue(), source_epoch(state.root)))
    return {}  # nothing to keep beside the file in the output cache


def _page(section) -> None:
    """A4, with the margins of the printed forms (print.css)."""
    from docx.shared import Mm

    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(22)
    section.left_margin = section.right_margin = Mm(18)


def _styles(document, language: str) -> None:
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


def _full_width(table, section) -> None:
    """An empty table's columns, equal, fixed and together as wide as the page's text, its
    borders on the text's margins (the rows added afterwards take their widths).

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
    for column in table.columns:
        column.width = Twips(text // len(table.columns))


def _paragraph(document, text: str, language: _Language, heading: int | None = None):
    paragraph = document.add_heading(text, level=heading) if heading is not None else document.add_paragraph(text)
    for run in paragraph.runs:
        language.mark(run, text)
    return paragraph


def _filled_by(paragraph, roles: list[str], ui: dict, language: _Language) -> None:
    """The line "Filled in by: a, b", each role in its own language (the colon and the
    commas in none: they have no words to read out)."""
    _run(paragraph, ui["form-filled-by"], language=language)
    _run(paragraph, f"{ui['colon']} ")
    for number, role in enumerate(roles):
        if number:
            _run(paragraph, str(ui["list-separator"]))
        _run(paragraph, role, language=language)


# Where the schema (ECMA-376 Part 1: CT_RPr) puts a run's `w:lang`, which python-docx does
# not write: before any of these.
_RUN_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")


@dataclass(frozen=True)
class _Language:
    """The language a Word form is written in (`lang`), and the tag Word marks each
    language with (`tags`, by code: forms._language_tag)."""

    lang: str
    tags: dict[str, str]

    def mark(self, run, text: str) -> None:
        """`run`, made of `text`, marked in the language `text` says it is in (a Said)
        where that is not the form's: an English text where a fork's translation is
        missing, as the pages mark it (partials/said.html; WCAG 2.2, 3.1.2 Language of
        Parts). Word and LibreOffice check its spelling, and a screen reader reads it, in
        that language, and it runs in that language's direction (an English text in an
        Arabic form left to right)."""
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


# Where the schema (ECMA-376 Part 1: CT_PPr, CT_SectPr) puts `w:bidi`, which python-docx
# does not write: before any of these.
_PARAGRAPH_AFTER_BIDI = (
    *("w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents"),
    *("w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl"),
    *("w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange"),
)
_SECTION_AFTER_BIDI = ("w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")


def _right_to_left(document) -> None:
    """The document read from right to left: its pages, every paragraph (aligned at its
    start, on the right), every table (its first column on the right) and every run that
    does not say it is left to right."""
    from docx.enum.table import WD_TABLE_DIRECTION
    from docx.oxml.ns import qn
    from docx.text.font import Font

    for part in (document.element.body, document.sections[0].header.part.element):
        for paragraph in part.iter(qn("w:p")):
            _bidi(paragraph.get_or_add_pPr(), _PARAGRAPH_AFTER_BIDI)
        for run in map(Font, part.iter(qn("w:r"))):
            if run.rtl is None:
                run.rtl = True
    for table in document.tables:
        table.table_direction = WD_TABLE_DIRECTION.RTL
    _bidi(document.element.body.sectPr, _SECTION_AFTER_BIDI)


def _bidi(properties, successors: tuple[str, ...]) -> None:
    from docx.oxml import OxmlElement

    properties.insert_element_before(OxmlElement("w:bidi"), *successors)


def _answer_space(paragraph, item: dict, ui: dict, language: _Language) -> None:
    """What a field's answer cell holds before anyone writes in it: a box to tick before
    each option, one option a line, or "Yes" and "No" on one line; a date's slashes."""
    if item["kind"] in ("choice", "checklist"):
        for number, option in enumerate(item["options"]):
            if number:
                paragraph.add_run().add_break()
            _tick_box(paragraph, said_like(option, f" {option}"), language)
    elif item["kind"] == "yes-no":
        _tick_box(paragraph, said_like(ui["form-yes"], f" {ui['form-yes']}    "), language)
        _tick_box(paragraph, said_like(ui["form-no"], f" {ui['form-no']}"), language)
    elif item["kind"] == "date":
        paragraph.add_run("…… / …… / …………")


# A box to tick is a checkbox content control (Word 2010, [MS-DOCX] 2.3.22 `checkbox`):
# Word ticks it when it is clicked, showing the checked glyph instead of the unchecked
# one. Its glyphs are in the font Word itself gives such a box; where that font is
# missing (LibreOffice on Linux), another with both glyphs (DejaVu Sans) stands in.
_CHECKBOX_FONT = "MS Gothic"
_UNCHECKED, _CHECKED = "\u2610", "\u2612"  # ☐ ☒


def _tick_box(paragraph, text: str, language: _Language) -> None:
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
            state("w14:uncheckedState", _UNCHECKED),
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

    run = OxmlElement("w:r")
    fonts = run.get_or_add_rPr().get_or_add_rFonts()
    for script in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(script), _CHECKBOX_FONT)
    fonts.set(qn("w:hint"), "eastAsia")
    run.text = _UNCHECKED
    return run


# Markup compatibility (ECMA-376 Part 3): the namespaces a reader may skip when it does
# not know them, listed by prefix on the part's root.
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _declare_checkboxes(document) -> None:
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


# The room a hand needs to write an answer, by kind of field, in millimetres; a long
# answer's grows with its lines, 7.5 mm each, as in the PDF (form.html).
_WRITING_ROOM = {"text": 10, "date": 15, "signature": 20}
LINE_HEIGHT_MM = 7.5
_LONG_ANSWER_LABEL_MM = 5  # the row holds the label too: 35 mm for 4 lines


def _room_to_write(row, kind: str, lines: int | None = None) -> None:
    """A field's row at least as high as a handwritten answer needs (more if its label does)."""
    from docx.enum.table import WD_ROW_HEIGHT_RULE
    from docx.shared import Mm

    room = _WRITING_ROOM.get(kind)
    if kind == "long-text" and lines:  # the view's: the field's lines, or LONG_ANSWER_LINES
        room = lines * LINE_HEIGHT_MM + _LONG_ANSWER_LABEL_MM
    if room:
        row.height, row.height_rule = Mm(room), WD_ROW_HEIGHT_RULE.AT_LEAST


def _markdown(document, text: str, language: _Language) -> None:
    """A Markdown text as paragraphs, as the PDF shows it: a list's items as bullets, bold
    and emphasis as bold and italic runs, a link as its text; in the text's language."""
    from lxml import html as lxml_html

    if not text:
        return
    tree = lxml_html.fragment_fromstring(markdown_lib.markdown(text), create_parent="div")
    for block in tree.xpath(".//p[not(ancestor::li)] | .//li"):
        block.text = (block.text or "").lstrip()
        paragraph = document.add_paragraph("• " if block.tag == "li" else "")
        _inline(paragraph, block)
        for run in paragraph.runs:
            language.mark(run, text)


def _inline(paragraph, element, bold: bool = False, italic: bool = False) -> None:
    """An HTML element's text as runs of `paragraph` (a list inside it is a block of its own)."""
    bold = bold or element.tag in ("strong", "b")
    italic = italic or element.tag in ("em", "i")
    _run(paragraph, element.text, bold, italic)
    for child in element:
        if child.tag == "br":
            paragraph.add_run().add_break()
        elif child.tag not in ("ul", "ol"):
            _inline(paragraph, child, bold, italic)
        _run(paragraph, child.tail, bold, italic)


def _run(paragraph, text: str | None, bold: bool = False, italic: bool = False, language: _Language | None = None):
    """Text added to a paragraph, its line breaks and spaces as HTML reads them (no-break
    spaces kept); bold and italic in every script (Word and LibreOffice make Arabic bold
    by its complex-script property); in the language the text says it is in, where that is
    not the form's (`language`)."""
    if not text:
        return None
    run = paragraph.add_run(re.sub(r"[ \t\n]+", " ", text))
    if language is not None:
        language.mark(run, text)
    if bold:
        run.font.bold = run.font.cs_bold = True
    if italic:
        run.font.italic = run.font.cs_italic = True
    return run


def _language_tag(state, lang: str) -> str:
    """The language a Word form's text is marked in (its spelling is checked in it): the
    language's own `form-language` text, which English or which French; a language
    without one (added by a fork) is marked with its own code, not the default's."""
    tag = state.interface.get("form-language")
    return tag.get_text(lang, state.languages.default) if tag is not None and tag.has(lang) else lang


def _contacts(document, organisation: dict, colon: str, language: _Language) -> None:
    """The organisation's name and channels, as the PDF's footer gives them. An address is
    a run written left to right between left-to-right marks, so that in a right-to-left
    paragraph a web address's last slash or a phone number's "+" stays where it is."""
    paragraph = document.add_paragraph()
    _run(paragraph, organisation.get("name", ""), language=language)
    for channel in organisation.get("channels", []):
        _run(paragraph, " · ")
        _run(paragraph, channel["label"], language=language)
        _run(paragraph, f"{colon} ")
        _run(paragraph, f"\u200e{channel['value']}\u200e").font.rtl = False


def _fixed_dates(data: bytes, epoch: int) -> bytes:
    """The same Word file with every zip entry dated from the sources (reproducible)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            zip_entry(target, info.filename, source.read(info.filename), epoch)
    return buffer.getvalue()
