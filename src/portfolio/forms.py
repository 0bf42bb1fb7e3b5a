"""The forms a coordinator fills in (curriculum/forms/<id>.yml), authored once and
published in every language as a page (the `form` macro), a printable PDF and an
editable Word document that carries the organisation's name, logo, contacts and legal
notes.

The files do not depend on the built site, so they are made before it
(`build_forms`), into a folder the pages read their sizes from; a hook copies them into
each build (online and offline). Where each file lives is decided here only.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown as markdown_lib
from jinja2 import Environment
from markupsafe import Markup

from portfolio import output_cache, parallel, word
from portfolio.interface import strings_for
from portfolio.locale_facts import direction, said_like, written_date
from portfolio.locations import PREBUILT, form_file
from portfolio.models import Form, Text
from portfolio.project import Languages
from portfolio.reproducible import source_date
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
    logo = word.organisation_logo(state)
    # What each file is made from; the same inputs give the same file (output_cache).
    made_from = [output_cache.files([*print_templates(root), Path(__file__), Path(word.__file__), *WRITER_FILES])]
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


# Word ---------------------------------------------------------------------------------


def _write_docx(view: dict, state, lang: str, ui: dict, target: Path) -> dict:
    """An editable Word document: the organisation's header, the privacy notice (read
    before anything is written), then each section as a table of labels with room to
    write, and the legal notes; boxes to tick that tick when clicked; right to left where
    needed."""
    document, language = word.begin(state, lang, view["organisation"].get("name", ""))
    word.paragraph(document, view["title"], language, heading=0)
    word.paragraph(document, view["purpose"], language)
    _filled_by(document.add_paragraph(), view["filled_by"], ui, language)
    if view["privacy"]:
        word.paragraph(document, ui["form-privacy"], language, heading=1)
        _markdown(document, view["privacy"], language)
    for section in view["sections"]:
        word.paragraph(document, section["title"], language, heading=1)
        _markdown(document, section["intro"], language)
        if not section["fields"]:
            continue
        table = document.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        word.full_width(table, document.sections[0])
        for item in section["fields"]:
            row = table.add_row()
            label, answer = row.cells
            word.run(label.paragraphs[0], item["label"], language=language)
            if item["optional"]:
                optional = ui["form-optional"]
                word.run(label.paragraphs[0], said_like(optional, f" ({optional})"), language=language)
            if item["help"]:
                word.run(label.add_paragraph(), item["help"], italic=True, language=language)
            _answer_space(answer.paragraphs[0], item, ui, language)
            _room_to_write(row, item["kind"], item["lines"])
    if view["legal_notes"]:
        word.paragraph(document, ui["form-legal-notes"], language, heading=1)
        _markdown(document, view["legal_notes"], language)
    _contacts(document, view["organisation"], ui["colon"], language)
    organisation = view["organisation"].get("name", "")
    word.finish(document, state, lang, view["title"], organisation, target)
    return {}  # nothing to keep beside the file in the output cache


def _filled_by(paragraph, roles: list[str], ui: dict, language: word.Language) -> None:
    """The line "Filled in by: a, b", each role in its own language (the colon and the
    commas in none: they have no words to read out)."""
    word.run(paragraph, ui["form-filled-by"], language=language)
    word.run(paragraph, f"{ui['colon']} ")
    for number, role in enumerate(roles):
        if number:
            word.run(paragraph, str(ui["list-separator"]))
        word.run(paragraph, role, language=language)


def _answer_space(paragraph, item: dict, ui: dict, language: word.Language) -> None:
    """What a field's answer cell holds before anyone writes in it: a box to tick before
    each option, one option a line, or "Yes" and "No" on one line; a date's slashes."""
    if item["kind"] in ("choice", "checklist"):
        for number, option in enumerate(item["options"]):
            if number:
                paragraph.add_run().add_break()
            word.tick_box(paragraph, said_like(option, f" {option}"), language)
    elif item["kind"] == "yes-no":
        word.tick_box(paragraph, said_like(ui["form-yes"], f" {ui['form-yes']}    "), language)
        word.tick_box(paragraph, said_like(ui["form-no"], f" {ui['form-no']}"), language)
    elif item["kind"] == "date":
        paragraph.add_run("…… / …… / …………")


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


def _markdown(document, text: str, language: word.Language) -> None:
    """A Markdown text as paragraphs, as the PDF shows it: a list's items as bullets, bold
    and emphasis as bold and italic runs, a link as its text; in the text's language."""
    from lxml import html as lxml_html

    if not text:
        return
    tree = lxml_html.fragment_fromstring(markdown_lib.markdown(text), create_parent="div")
    for block in tree.xpath(".//p[not(ancestor::li)] | .//li"):
        block.text = (block.text or "").lstrip()
        paragraph = document.add_paragraph("• " if block.tag == "li" else "")
        word.inline(paragraph, block)
        for run in paragraph.runs:
            language.mark(run, text)


def _contacts(document, organisation: dict, colon: str, language: word.Language) -> None:
    """The organisation's name and channels, as the PDF's footer gives them. An address is
    a run written left to right between left-to-right marks, so that in a right-to-left
    paragraph a web address's last slash or a phone number's "+" stays where it is."""
    paragraph = document.add_paragraph()
    word.run(paragraph, organisation.get("name", ""), language=language)
    for channel in organisation.get("channels", []):
        word.run(paragraph, " · ")
        word.run(paragraph, channel["label"], language=language)
        word.run(paragraph, f"{colon} ")
        word.run(paragraph, f"\u200e{channel['value']}\u200e").font.rtl = False
