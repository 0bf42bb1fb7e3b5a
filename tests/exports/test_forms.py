"""The coordinator's forms, as a reader gets them: every form in every language as a page,
a PDF read back with poppler, and a Word document opened by python-docx and by a real
office suite (LibreOffice, converting it to PDF), each with every field of the YAML."""

from __future__ import annotations

import itertools
import re
import subprocess

import docx
import pikepdf
import pytest
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.oxml.ns import nsmap, qn
from docx.oxml.section import CT_SectPr
from docx.oxml.table import CT_TblPr
from docx.oxml.text.font import CT_RPr
from docx.oxml.text.parfmt import CT_PPr
from lxml import etree
from lxml import html as lxml_html

from conftest import LANGUAGES, LIST_SEPARATOR, MM, ROOT, opened_in_libreoffice, pdf_pages
from portfolio.build_state import load_sources
from portfolio.interface import strings_for
from portfolio.locations import form_file

STATE = load_sources(ROOT)
FORMS = list(STATE.curriculum.forms.values())


def words(text: str) -> str:
    """Text with spaces folded, and no break after a hyphen (a PDF may wrap "souhaite-t-il")."""
    return re.sub(r"-\s+", "-", " ".join(text.split()))


def labels(form, lang: str) -> list[str]:
    return [f.label.get_text(lang, "en") for section in form.sections for f in section.fields]


def made(folder, form, lang: str, fmt: str):
    """Where a build puts a form in one language and format."""
    return folder / (STATE.languages.folder(lang) + form_file(form.id, lang, fmt))


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_the_project_has_the_coordinators_forms():
    expected = {
        "volunteer-agreement",
        "code-of-conduct",
        "volunteer-registration",
        "consent",
        "concern-report",
        "peer-helper-role-description",
        "end-of-pairing",
    }
    assert expected <= {form.id for form in FORMS}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_form_is_a_pdf_with_every_field(built_forms, lang):
    for form in FORMS:
        path = made(built_forms, form, lang, "pdf")
        with pikepdf.open(path) as pdf:
            assert str(pdf.Root.Lang) == lang
        text = words(pdf_text(path))
        if lang == "ar":  # poppler splits Arabic ligatures: compare the Latin organisation name only
            continue
        for label in labels(form, lang):
            assert words(label) in text, (form.id, label)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_form_is_a_word_document_with_its_fields_and_organisation(built_forms, lang):
    organisation = STATE.curriculum.organisation.name.get_text(lang, "en")
    for form in FORMS:
        document = docx.Document(made(built_forms, form, lang, "docx"))
        cells = [words(row.cells[0].paragraphs[0].text) for table in document.tables for row in table.rows]
        expected = [words(label) for label in labels(form, lang)]
        assert [cell for cell in cells if any(cell.startswith(label) for label in expected)] == cells
        assert len(cells) == len(expected)
        assert organisation in document.sections[0].header.paragraphs[0].text
        assert document.core_properties.language == lang


@pytest.fixture(scope="module")
def office(built_forms, tmp_path_factory):
    """Every Word form as a real office suite opens it: LibreOffice converts each to PDF
    and to text, into the folder returned."""
    sources = [made(built_forms, form, lang, "docx") for lang in LANGUAGES for form in FORMS]
    return opened_in_libreoffice(sources, tmp_path_factory.mktemp("office"))


def test_libreoffice_opens_every_word_form(office):
    """LibreOffice opens each Word form in every language: it renders it to PDF, and the
    text it reads from it has every field of the YAML."""
    for lang in LANGUAGES:
        for form in FORMS:
            pages = subprocess.run(["pdfinfo", str(office / f"{form.id}-{lang}.pdf")], capture_output=True, text=True)
            assert int(re.search(r"Pages:\s+(\d+)", pages.stdout).group(1)) >= 1
            text = words((office / f"{form.id}-{lang}.txt").read_text(encoding="utf-8"))
            assert "**" not in text, (lang, form.id)  # Markdown is formatting, not text
            for label in labels(form, lang):
                assert words(label) in text, (lang, form.id, label)


# The language a Word form's spelling is checked in: which English, which French.
WORD_LANGUAGE = {"en": "en-GB", "fr": "fr-FR", "ar": "ar"}


def test_word_forms_are_a4_in_the_forms_language_with_margins(office):
    """LibreOffice lays every Word form out on A4 paper (not US Letter), in the form's
    language (not US English), with no word nearer than 10 mm to the paper's edges (the
    running header included)."""
    edge = 10 * MM
    for lang in LANGUAGES:
        for form in FORMS:
            path = office / f"{form.id}-{lang}.pdf"
            with pikepdf.open(path) as pdf:
                assert str(pdf.Root.Lang).startswith(WORD_LANGUAGE[lang]), (form.id, str(pdf.Root.Lang))
            for page in pdf_pages(path):
                assert (round(page.width / MM), round(page.height / MM)) == (210, 297)
                for word in page.words:
                    inside = edge <= word.left and word.right <= page.width - edge
                    assert inside and edge <= word.top and word.bottom <= page.height - edge, (form.id, word)


def test_arabic_word_forms_read_from_right_to_left(office):
    """As LibreOffice lays them out, an Arabic form's title starts at the right margin and
    its tables have the questions on the right and the boxes to tick on the left; English
    and French forms the other way round."""
    margin = 18 * MM
    for lang in LANGUAGES:
        rtl = lang == "ar"
        boxes = []
        for form in FORMS:
            pages = pdf_pages(office / f"{form.id}-{lang}.pdf")
            tallest = max(w.bottom - w.top for w in pages[0].words)
            title = [w for w in pages[0].words if w.bottom - w.top > tallest - 1]
            start = pages[0].width - max(w.right for w in title) if rtl else min(w.left for w in title)
            assert abs(start - margin) < 2, (lang, form.id, title)
            boxes += [(w, page.width / 2) for page in pages for w in page.words if w.text == "☐"]
        assert boxes and all((w.right < middle) if rtl else (w.left > middle) for w, middle in boxes), lang


def table_sides(path, folder) -> list[tuple[float, float]]:
    """Where the tables of each page of a PDF start and end across the paper (left, right,
    in points), from the page rendered: the leftmost and the rightmost dark vertical line
    at least 10 mm long (a table's border; no letter is that tall). A page without a table
    is left out."""
    from PIL import Image, ImageChops

    dpi = 150
    subprocess.run(["pdftoppm", "-png", "-gray", "-r", str(dpi), path, folder / path.stem], check=True)
    sides = []
    for png in sorted(folder.glob(f"{path.stem}-*.png")):
        with Image.open(png) as image:
            dark = image.point(lambda value: 255 if value < 128 else 0)
        # A pixel stays dark where the 2, 4, ... 64 pixels from it downwards are all dark.
        for step in (1, 2, 4, 8, 16, 32):
            dark = ImageChops.darker(dark, ImageChops.offset(dark, 0, -step))
        box = dark.getbbox()
        if box:
            sides.append((box[0] * 72 / dpi, box[2] * 72 / dpi))
    return sides


def test_word_forms_tables_line_up_with_the_text_margins(built_forms, office, tmp_path):
    """As LibreOffice lays them out, every table of an English and an Arabic Word form has
    its borders on the page's side margins, neither in the margin nor short of it (Word
    and LibreOffice hang a table's border out by its cells' padding unless told not to)."""
    tolerance = 0.5 * MM
    for lang in ("en", "ar"):
        for form in FORMS:
            section = docx.Document(made(built_forms, form, lang, "docx")).sections[0]
            margins = (section.left_margin.pt, section.page_width.pt - section.right_margin.pt)
            sides = table_sides(office / f"{form.id}-{lang}.pdf", tmp_path)
            assert sides, (lang, form.id)
            for left, right in sides:
                assert abs(left - margins[0]) < tolerance and abs(right - margins[1]) < tolerance, (
                    lang,
                    form.id,
                    round(left / MM, 2),
                    round(right / MM, 2),
                )


def drawn_area(path, folder) -> tuple[float, float, float, float]:
    """Where a PDF's first page draws anything (left, top, right, bottom, in points from
    the paper's top left corner), off the paper too: the page is rendered with a paper's
    width and height of room on every side."""
    from PIL import Image

    wide, dpi = folder / f"{path.stem}-wide.pdf", 24
    with pikepdf.open(path) as pdf:
        page = pdf.pages[0]
        left, bottom, right, top = map(float, page.MediaBox)
        width, height = right - left, top - bottom
        page.MediaBox = page.TrimBox = page.BleedBox = [left - width, bottom - height, right + width, top + height]
        pdf.save(wide)
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-singlefile", wide, wide.with_suffix("")], check=True)
    with Image.open(wide.with_suffix(".png")) as image:
        box = image.convert("L").point(lambda value: 255 if value < 200 else 0).getbbox()
    points = 72 / dpi
    return (box[0] * points - width, box[1] * points - height, box[2] * points - width, box[3] * points - height)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_pdf_forms_header_and_logo_stay_inside_the_margins(built_forms, lang, tmp_path):
    """Nothing of a PDF form's first page, its logo and organisation's name included, is
    drawn beyond the page's side margins (18 mm) or off the paper, right to left too."""
    margin = 18 * MM
    for form in FORMS:
        path = made(built_forms, form, lang, "pdf")
        left, top, right, bottom = drawn_area(path, tmp_path)
        with pikepdf.open(path) as pdf:
            _, _, width, height = map(float, pdf.pages[0].MediaBox)
        assert left >= margin - 3 and right <= width - margin + 3, (form.id, left, right)  # 3 pt: a pixel
        assert top >= 0 and bottom <= height, (form.id, top, bottom)


def addresses_read_whole(path) -> None:
    """Each of the organisation's addresses (web, e-mail...) is on one line of the PDF's
    text, as written: in right-to-left text too, no slash or "+" moved to its other end."""
    lines = pdf_text(path).splitlines()
    for channel in STATE.curriculum.organisation.channels:
        assert any(channel.value in line for line in lines), (path.name, channel.value)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_pdf_forms_footer_gives_the_organisations_addresses_whole(built_forms, lang):
    for form in FORMS:
        addresses_read_whole(made(built_forms, form, lang, "pdf"))


def test_the_word_forms_give_the_organisations_addresses_whole(office):
    """As LibreOffice lays the Word forms out, in every language."""
    for lang in LANGUAGES:
        for form in FORMS:
            addresses_read_whole(office / f"{form.id}-{lang}.pdf")


# The least room a hand needs to write an answer, by kind of field, in millimetres.
WRITING_ROOM = {"signature": 15, "date": 15, "long-text": 30}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_word_forms_leave_room_to_sign_and_write(built_forms, lang):
    """The row of a signature or a date is at least 1.5 cm high, a long answer's 3 cm:
    "at least", so that a long label still has room."""
    for form in FORMS:
        tables = docx.Document(made(built_forms, form, lang, "docx")).tables
        rows = [row for table in tables for row in table.rows]
        fields = [field for section in form.sections for field in section.fields]
        assert len(rows) == len(fields)
        for row, field in zip(rows, fields, strict=True):
            if field.kind in WRITING_ROOM:
                assert row.height_rule == WD_ROW_HEIGHT_RULE.AT_LEAST, (form.id, field.id)
                assert round(row.height.mm) >= WRITING_ROOM[field.kind], (form.id, field.id)  # Word counts twips


# The kinds of field a form answers with boxes to tick.
TICKED = ("choice", "checklist", "yes-no")
# The namespaces of Word 2010's checkbox controls and of markup compatibility (mc:Ignorable).
W14 = nsmap["w14"]
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def box_texts(field, ui: dict, lang: str) -> list[str]:
    """What each of a field's boxes stands for, in order."""
    if field.kind == "yes-no":
        return [ui["form-yes"], ui["form-no"]]
    return [option.get_text(lang, "en") for option in field.options]


def unticked_box(control) -> str:
    """A content control that must be a Word checkbox, unticked, showing ☐ in the font its
    states name (☒ once ticked), read as "[☐]"."""
    (checkbox,) = control.findall(f"{qn('w:sdtPr')}/{{{W14}}}checkbox")
    state = {child.tag.split("}")[1]: child for child in checkbox}
    assert state["checked"].get(f"{{{W14}}}val") == "0"
    assert state["checkedState"].get(f"{{{W14}}}val") == "2612"
    assert state["uncheckedState"].get(f"{{{W14}}}val") == "2610"
    font = state["uncheckedState"].get(f"{{{W14}}}font")
    assert font and state["checkedState"].get(f"{{{W14}}}font") == font
    (run,) = control.find(qn("w:sdtContent"))
    assert run.tag == qn("w:r") and run.text == "☐"
    assert {run.rPr.rFonts.get(qn(f"w:{script}")) for script in ("ascii", "hAnsi", "eastAsia", "cs")} == {font}
    return "[☐]"


def answer_as_read(paragraph) -> str:
    """An answer cell's paragraph as a person reads it in Word: "[☐]" for a checkbox
    control, a run's text, "\n" for a line break."""
    return "".join(
        unticked_box(child) if child.tag == qn("w:sdt") else child.text
        for child in paragraph.iterchildren(qn("w:sdt"), qn("w:r"))
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_word_forms_boxes_are_checkboxes_word_ticks_when_clicked(built_forms, lang):
    """In the Word document, each option of a choice or a checklist (one a line) and the
    "Yes" and the "No" of a yes/no question (on one line) has one checkbox content control
    before it, unticked, showing ☐, and then its text; right to left in Arabic, box and
    text alike."""
    ui = strings_for(STATE.interface, lang, STATE.languages.default)
    kinds = set()
    for form in FORMS:
        tables = docx.Document(made(built_forms, form, lang, "docx")).tables
        rows = [row for table in tables for row in table.rows]
        for row, field in zip(rows, fields_of(form), strict=True):
            answer = row.cells[1].paragraphs[0]._p
            if field.kind not in TICKED:
                assert answer.find(f".//{qn('w:sdt')}") is None, (form.id, field.id)
                continue
            kinds.add(field.kind)
            texts = box_texts(field, ui, lang)
            parting = "    " if field.kind == "yes-no" else "\n"
            assert answer_as_read(answer) == parting.join(f"[☐] {text}" for text in texts), (form.id, field.id)
            if lang == "ar":
                assert all(r.rPr.find(qn("w:rtl")) is not None for r in answer.iter(qn("w:r"))), (form.id, field.id)
    assert kinds == set(TICKED)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_word_forms_declare_the_checkboxes_namespace_as_word_expects(built_forms, lang):
    """Word 2010 and later read the checkboxes without offering to repair the file, and
    Word 2007 skips them: their namespace (w14) is declared once, on the document's root,
    and listed in mc:Ignorable with prefixes the root declares only."""
    for form in FORMS:
        root = docx.Document(made(built_forms, form, lang, "docx")).element
        assert root.nsmap["w14"] == W14 and root.nsmap["mc"] == MC
        ignorable = root.get(f"{{{MC}}}Ignorable").split()
        assert "w14" in ignorable and set(ignorable) <= set(root.nsmap), (form.id, ignorable)
        assert etree.tostring(root).count(b"xmlns:w14=") == 1, form.id


def test_the_checkboxes_namespace_is_declared_where_a_template_leaves_it_out():
    """Should python-docx's template stop declaring w14 and mc, a Word form still declares
    both on its root (not on each box) and lists w14 in mc:Ignorable."""
    from types import SimpleNamespace

    from docx.oxml import OxmlElement

    from portfolio.word import declare_checkboxes

    root = etree.fromstring(f'<w:document xmlns:w="{nsmap["w"]}"><w:body><w:p/></w:body></w:document>')
    root.find(f"{qn('w:body')}/{qn('w:p')}").append(OxmlElement("w14:checkbox"))
    declare_checkboxes(SimpleNamespace(element=root))
    assert root.nsmap["w14"] == W14 and root.nsmap["mc"] == MC
    assert root.get(f"{{{MC}}}Ignorable") == "w14"
    assert etree.tostring(root).count(b"xmlns:w14=") == 1


def test_a_word_form_with_checkboxes_is_the_same_bytes_when_written_twice(tmp_path):
    """The checkboxes keep the Word file reproducible: the same form, written twice, in
    English and in Arabic, is the same bytes."""
    from portfolio.forms import _write_docx, form_view
    from portfolio.views import organisation_view

    form = STATE.curriculum.forms["end-of-pairing"]
    for lang in ("en", "ar"):
        ui = strings_for(STATE.interface, lang, STATE.languages.default)
        view = form_view(form, lang, STATE.languages.default, ui, organisation_view(STATE.curriculum, lang))
        first, second = tmp_path / f"first-{lang}.docx", tmp_path / f"second-{lang}.docx"
        for target in (first, second):
            _write_docx(view, STATE, lang, ui, target)
        assert first.read_bytes() == second.read_bytes(), lang


def test_libreoffice_shows_every_box_and_option_of_the_word_forms(office):
    """As LibreOffice reads the Word forms, in every language, each option follows its
    box, one box an option and no more (LibreOffice 7.4 shows a checkbox control's glyph
    as text; later versions as a box it ticks)."""
    for lang in LANGUAGES:
        ui = strings_for(STATE.interface, lang, STATE.languages.default)
        for form in FORMS:
            text = words((office / f"{form.id}-{lang}.txt").read_text(encoding="utf-8"))
            fields = [field for field in fields_of(form) if field.kind in TICKED]
            for field in fields:
                for option in box_texts(field, ui, lang):
                    assert words(f"☐ {option}") in text, (lang, form.id, field.id, option)
            assert text.count("☐") == sum(len(box_texts(field, ui, lang)) for field in fields), (lang, form.id)


def bold_in_markdown(form, lang: str) -> list[str]:
    """What a form's Markdown texts (section intros, privacy notice) put in bold."""
    texts = [section.intro for section in form.sections] + [form.privacy]
    return [bold for text in texts if text for bold in re.findall(r"\*\*(.+?)\*\*", text.get_text(lang, "en"))]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_word_forms_show_markdown_as_bold_text_not_as_asterisks(built_forms, lang):
    """The Markdown of a form's texts is formatting in its Word document: what it puts in
    bold is a bold run (in Arabic too), and no asterisk, underscore or link syntax shows."""
    found = 0
    for form in FORMS:
        document = docx.Document(made(built_forms, form, lang, "docx"))
        text = "\n".join(paragraph.text for paragraph in document.paragraphs)
        assert not re.search(r"\*\*|__|\]\(", text), form.id
        runs = [run for paragraph in document.paragraphs for run in paragraph.runs]
        bold = {run.text for run in runs if run.font.bold and run.font.cs_bold}
        for phrase in bold_in_markdown(form, lang):
            assert phrase in bold, (form.id, phrase)
            found += 1
    assert found >= 10


def schema_order(element_class, first: str) -> tuple[str, ...]:
    """The order the OOXML schema gives an element's children, as python-docx transcribes
    it: its first child, then the children it must come before."""
    (child,) = (cell.cell_contents for cell in getattr(element_class, f"_insert_{first}").__closure__)
    return (child._nsptagname, *child._successors)


SCHEMA = {
    qn("w:pPr"): schema_order(CT_PPr, "pStyle"),
    qn("w:rPr"): schema_order(CT_RPr, "rStyle"),
    qn("w:tblPr"): schema_order(CT_TblPr, "tblStyle"),
    qn("w:sectPr"): schema_order(CT_SectPr, "headerReference"),
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_word_forms_keep_the_schemas_order_of_properties(built_forms, lang):
    """Word may refuse a file whose properties are out of the schema's order: in every
    part of every Word form, the properties of paragraphs, runs, tables and the page come
    in that order."""
    for form in FORMS:
        document = docx.Document(made(built_forms, form, lang, "docx"))
        parts = (document.element, document.styles.element, document.sections[0].header.part.element)
        for element in (e for part in parts for e in part.iter(*SCHEMA)):
            order = [SCHEMA[element.tag].index(child.tag.replace(f"{{{nsmap['w']}}}", "w:")) for child in element]
            assert order == sorted(order), (form.id, [child.tag for child in element])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_who_fills_in_a_form_reads_as_a_list_with_a_space_after_each_comma(built_forms, lang):
    """The "Filled in by" line of the Word document and of the PDF: "a, b" (the Arabic
    comma in Arabic), as on the form's page."""
    ui = strings_for(STATE.interface, lang, STATE.languages.default)
    for form in FORMS:
        roles = LIST_SEPARATOR[lang].join(ui[f"role-{role}"] for role in form.filled_by)
        line = f"{ui['form-filled-by']}{ui['colon']} {roles}"  # French: a no-break space before the colon
        assert line in [p.text for p in docx.Document(made(built_forms, form, lang, "docx")).paragraphs]
        if lang != "ar":  # poppler splits Arabic ligatures
            assert words(line) in words(pdf_text(made(built_forms, form, lang, "pdf"))), form.id


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_forms_page_lists_every_form_with_its_files_and_sizes(built_site, lang):
    folder = "" if lang == "en" else f"{lang}/"
    page = (built_site / folder / "handbook/forms/index.html").read_text(encoding="utf-8")
    size = {"en": "KB", "fr": "Ko", "ar": "كيلوبايت"}[lang]
    sizes = re.findall(rf"· \d+ {size}</a>", page)
    for form in FORMS:
        assert form.title.get_text(lang, "en") in page
        for fmt in ("pdf", "docx"):
            assert f"{form.id}-{lang}.{fmt}" in page
    assert len(sizes) == 2 * len(FORMS)


def test_the_trainers_pack_and_the_offline_copy_carry_the_forms(built_site, offline_site):
    with pikepdf.open(built_site / "pdf/trainers-pack-en.pdf") as pdf:
        titles = [str(item.title) for item in pdf.open_outline().root]
    for form in FORMS:
        assert form.title.get_text("en", "en") in titles
        for lang in LANGUAGES:
            for fmt in ("pdf", "docx"):
                assert made(offline_site, form, lang, fmt).is_file()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_concern_report_sends_to_the_concern_procedure_first(built_site, lang):
    """Someone who lands on the concern report form reads, before the form, to call the
    emergency services in immediate danger and a link to the procedure's steps, which
    arrives at those steps in the same language."""
    folder = built_site / ("" if lang == "en" else lang) / "handbook/forms/concern-report"
    page = lxml_html.fromstring((folder / "index.html").read_text(encoding="utf-8"))
    warning = page.xpath("//article//div[contains(@class, 'admonition') and contains(@class, 'warning')]")
    assert warning, "no warning before the form"
    links = [a.get("href") for a in warning[0].iter("a") if "concern-procedure" in a.get("href", "")]
    assert len(links) == 1
    target, _, anchor = links[0].partition("#")
    procedure = (folder / target / "index.html").resolve()
    assert anchor and f'id="{anchor}"' in procedure.read_text(encoding="utf-8")
    assert procedure.is_relative_to(built_site / ("" if lang == "en" else lang))
    form = page.xpath("//div[contains(@class, 'portfolio-form')]")[0]
    assert warning[0].getparent().index(warning[0]) < list(warning[0].getparent()).index(form)


def fields_of(form) -> list:
    return [field for section in form.sections for field in section.fields]


def body_texts(document) -> list[tuple[str, str]]:
    """A Word document's body in reading order: ("p", a paragraph's text) or ("table", the
    text of its first column's first paragraphs)."""
    items = []
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            items.append(("p", "".join(t.text or "" for t in element.iter(qn("w:t")))))
        elif element.tag == qn("w:tbl"):
            items.append(("table", ""))
    return items


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_privacy_notice_comes_before_anything_is_written(built_forms, lang):
    """A person has the right to know how their information is used before they write
    anything (the data-protection chapter): in the Word document and the PDF of every form
    with a privacy notice, the notice comes before the first field, so before the
    registration's "I have read the privacy notice" and the signatures."""
    ui = strings_for(STATE.interface, lang, STATE.languages.default)
    forms = [form for form in FORMS if form.privacy]
    assert {"volunteer-registration", "consent", "concern-report"} <= {form.id for form in forms}
    for form in forms:
        body = body_texts(docx.Document(made(built_forms, form, lang, "docx")))
        heading = body.index(("p", ui["form-privacy"]))
        first_table = next(i for i, (kind, _) in enumerate(body) if kind == "table")
        assert heading < first_table, form.id
        first_sentence = form.privacy.get_text(lang, "en").replace("**", "")[:40]
        assert any(kind == "p" and text.startswith(first_sentence) for kind, text in body[heading:first_table]), form.id
        if lang == "ar":  # poppler splits Arabic ligatures
            continue
        text = words(pdf_text(made(built_forms, form, lang, "pdf")))
        notice = text.index(words(form.privacy.get_text(lang, "en").replace("**", ""))[:40])
        for field in fields_of(form):
            assert notice < text.index(words(field.label.get_text(lang, "en"))), (form.id, field.id)


def test_the_registration_has_room_for_the_interview_and_reference_notes(built_forms):
    """The screening chapter asks the coordinator to note the interview and the references:
    the registration form's part for the coordinator has room for both, after the
    candidate's signature."""
    form = STATE.curriculum.forms["volunteer-registration"]
    ids = [field.id for field in fields_of(form)]
    assert {"interview-notes", "reference-notes"} <= set(ids)
    assert ids.index("candidate-signature") < ids.index("interview-notes") < ids.index("coordinator-signature")
    document = docx.Document(made(built_forms, form, "en", "docx"))
    cells = [row.cells[0].paragraphs[0].text for table in document.tables for row in table.rows]
    assert "Reference notes" in cells and any(cell.startswith("Interview:") for cell in cells)


def test_the_concern_report_asks_who_may_cause_harm_and_records_the_feedback(built_forms):
    """The concern report has a line for the person who may cause harm (a name or a role),
    one for another role of the writer, and in the designated person's part the date of
    the decision and what the writer was told; the person told may be the one who replaces
    the designated person."""
    form = STATE.curriculum.forms["concern-report"]
    by_id = {field.id: field for field in fields_of(form)}
    assert {"person-causing-harm", "writer-role-other", "decision-date", "writer-feedback"} <= set(by_id)
    assert by_id["decision-date"].kind == "date"
    assert "replaces" in by_id["designated-person-told"].label.get_text("en", "en")
    for lang in ("en", "fr"):
        text = words(pdf_text(made(built_forms, form, lang, "pdf")))
        assert words(by_id["person-causing-harm"].label.get_text(lang, "en")) in text
    document = docx.Document(made(built_forms, form, "en", "docx"))
    cells = [row.cells[0].paragraphs[0].text for table in document.tables for row in table.rows]
    assert "Who may cause harm, if you know" in cells


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_concern_reports_exact_words_have_a_taller_box(built_forms, lang):
    """A person's exact words take room: their box is at least twice as tall as another
    long answer's, in the Word document (its row) and in the PDF (its box, as drawn)."""
    form = STATE.curriculum.forms["concern-report"]
    rows = [row for table in docx.Document(made(built_forms, form, lang, "docx")).tables for row in table.rows]
    heights = {field.id: row.height.mm for field, row in zip(fields_of(form), rows, strict=True) if row.height}
    assert heights["own-words"] >= 2 * heights["what-seen"]
    html = re.findall(r"form__field--long-text.*?height: ([\d.]+)mm", _print_html(form, lang), re.S)
    assert max(map(float, html)) >= 2 * min(map(float, html))


def _print_html(form, lang: str) -> str:
    from portfolio.forms import _form_html, _print_environment, form_view
    from portfolio.views import organisation_view

    ui = strings_for(STATE.interface, lang, STATE.languages.default)
    view = form_view(form, lang, "en", ui, organisation_view(STATE.curriculum, lang))
    return _form_html(view, _print_environment(ROOT), ROOT, lang, ui, None)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_end_of_pairing_form_has_every_ending_and_a_date_by_each_signature(built_forms, lang):
    """The end-of-pairing form lets the coordinator record a pair that did not work out
    (the handbook ends it with no fault on either side), has a date by each person's
    signature, and a line to write why someone did not sign (its intro asks for it)."""
    form = STATE.curriculum.forms["end-of-pairing"]
    fields = fields_of(form)
    reasons = [option.get_text("en", "en") for option in next(f for f in fields if f.id == "reason").options]
    assert any("did not work out" in reason for reason in reasons)
    for field, following in itertools.pairwise(fields):
        if field.kind == "signature":
            assert following.kind == "date", field.id
    assert fields[-1].id == "not-signed-why"
    if lang != "ar":
        text = words(pdf_text(made(built_forms, form, lang, "pdf")))
        option = next(f for f in fields if f.id == "reason").options
        reason = next(o for o in option if "did not work out" in o.get_text("en", "en"))
        assert words(reason.get_text(lang, "en")) in text


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_a_forms_different_questions_read_differently_in_translation(lang):
    """Two fields of a form with different English labels do not share a label in a
    translation (French had "Heure" both for the time of the events and the time the
    designated person was told)."""
    for form in FORMS:
        seen: dict[str, str] = {}
        for field in fields_of(form):
            english, translated = field.label.get_text("en", "en"), field.label.get_text(lang, "en")
            assert seen.setdefault(translated, english) == english, (form.id, translated)


def test_arabic_forms_use_the_handbooks_terms():
    """The Arabic forms say «خطر داهم» for immediate danger, as the concern procedure does,
    and call a volunteer mentor «متطوع مرافق», as the interface's role names do."""
    assert STATE.interface["role-volunteer-mentor"].get_text("ar", "en") == "المتطوع المرافق"
    for form in FORMS:
        texts = [form.purpose, form.privacy] + [s.intro for s in form.sections] + [s.title for s in form.sections]
        for field in fields_of(form):
            texts += [field.label, field.help, *field.options]
        arabic = " ".join(text.get_text("ar", "en") for text in texts if text)
        assert "خطر مباشر" not in arabic and "الخطر المباشر" not in arabic, form.id
        assert "مرشد" not in arabic, form.id


def test_the_volunteer_agreement_says_how_to_reach_the_designated_persons_replacement():
    """The person who replaces the designated person acts whenever the designated person
    cannot be reached or the concern is about them, not only during holidays: the
    agreement says who it is and how to reach them, in every language."""
    form = STATE.curriculum.forms["volunteer-agreement"]
    field = next(f for f in fields_of(form) if f.id == "stand-in")
    label = {lang: field.label.get_text(lang, "en") for lang in LANGUAGES}
    assert "how to reach them" in label["en"] and "holiday" not in label["en"]
    assert "joindre" in label["fr"] and "congés" not in label["fr"]
    assert "الوصول إليه" in label["ar"] and "العطل" not in label["ar"]
    assert "about the designated person" in field.help.get_text("en", "en")
