"""The pilot course kit in Word, as a trainer gets it: the invitation, the attendance
list, the course evaluation questionnaire and the report template of the pilot-course
page, each a Word file in every language that LibreOffice opens, holding the page's
text in that language, its boxes to tick as checkboxes Word ticks when clicked, right to
left in Arabic, linked from the page and from Downloads, the same bytes when made twice."""

from __future__ import annotations

import re
import shutil
import subprocess
from urllib.parse import unquote, urljoin, urlsplit

import docx
import pytest
from docx.oxml.ns import nsmap, qn
from lxml import html as lxml_html

from conftest import LANGUAGES, MM, opened_in_libreoffice, pdf_pages, project_state
from portfolio.locations import PILOT_COURSE_PAGE, kit_file, page_url
from portfolio.pilot_kit import KIT_PARTS, build_kit

STATE = project_state()
W14 = nsmap["w14"]


def folder(lang: str) -> str:
    return STATE.languages.folder(lang)


def kit_path(site, part: str, lang: str):
    return site / (folder(lang) + kit_file(part, lang))


def page_file(site, lang: str, source: str = PILOT_COURSE_PAGE):
    return site / folder(lang) / page_url(source) / "index.html"


def page(site, lang: str):
    """The built pilot-course page's article, without its permalinks."""
    tree = lxml_html.fromstring(page_file(site, lang).read_bytes())
    for permalink in tree.xpath("//a[@class='headerlink']"):
        permalink.drop_tree()
    return tree.xpath("//article")[0]


def said(element) -> str:
    return " ".join(element.text_content().split())


def words(text: str) -> str:
    return " ".join(text.split())


def table_rows(table) -> list[list[str]]:
    return [[words(cell.text) for cell in row.cells] for row in table.rows]


def checkboxes(document) -> list:
    """The checkbox content controls of a Word document, unticked, showing ☐."""
    found = []
    for control in document.element.body.iter(qn("w:sdt")):
        (box,) = control.findall(f"{qn('w:sdtPr')}/{{{W14}}}checkbox")
        assert box.find(f"{{{W14}}}checked").get(f"{{{W14}}}val") == "0"
        assert "".join(t.text for t in control.find(qn("w:sdtContent")).iter(qn("w:t"))) == "☐"
        found.append(control)
    return found


@pytest.fixture(scope="module")
def office(built_site, tmp_path_factory):
    sources = [kit_path(built_site, part, lang) for lang in LANGUAGES for part in KIT_PARTS]
    return opened_in_libreoffice(sources, tmp_path_factory.mktemp("kit-office"))


def office_text(office, part: str, lang: str) -> str:
    return words((office / f"pilot-{part}-{lang}.txt").read_text(encoding="utf-8-sig"))


def test_libreoffice_opens_every_part_in_every_language(built_site, office):
    """Each part is a Word file in each language, in the page's language and with the
    organisation's name in its header, that LibreOffice lays out on A4."""
    for lang in LANGUAGES:
        organisation = STATE.curriculum.organisation.name.get_text(lang, "en")
        for part in KIT_PARTS:
            document = docx.Document(kit_path(built_site, part, lang))
            assert organisation in document.sections[0].header.paragraphs[0].text, (lang, part)
            assert document.core_properties.language == lang
            pages = pdf_pages(office / f"pilot-{part}-{lang}.pdf")
            assert pages and all((round(p.width / MM), round(p.height / MM)) == (210, 297) for p in pages)
            assert office_text(office, part, lang), (lang, part)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_invitation_is_the_pages_letter_with_its_brackets(built_site, office, lang):
    """The invitation is the letter the page shows, in its language: its subject line
    first, every [bracket] to fill in, the organisation's name; not the line to the
    trainer before it, nor the link to the Word file itself."""
    article = page(built_site, lang)
    letter = article.xpath(".//*[@id='invitation']/following-sibling::blockquote[1]")[0]
    text = office_text(office, "invitation", lang)
    subject = said(letter.xpath("./p[1]")[0])
    assert text.startswith(subject)
    brackets = re.findall(r"\[[^\]]+\]", said(letter))
    assert len(brackets) > 10
    for bracket in brackets:
        assert bracket in text, bracket
    assert STATE.curriculum.organisation.name.get_text(lang, "en") in text
    instruction = said(article.xpath(".//*[@id='invitation']/following-sibling::p[not(@class)][1]")[0])
    assert instruction not in text and ".docx" not in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_attendance_list_has_fifteen_numbered_rows_under_the_pages_headings(built_site, lang):
    """A trainer adds rows or types the names in: the list is a Word table with the page's
    column headings and fifteen numbered rows, empty and tall enough to sign in."""
    article = page(built_site, lang)
    headings = [said(th) for th in article.xpath(".//*[@id='attendance']/following::table[1]//th")]
    (table,) = docx.Document(kit_path(built_site, "attendance", lang)).tables
    rows = table_rows(table)
    assert rows[0] == headings
    assert [row[0] for row in rows[1:]] == [str(number) for number in range(1, 16)]
    assert all(cell == "" for row in rows[1:] for cell in row[1:])
    assert all(row.height is not None and row.height >= 10 * 36000 - 1 for row in table.rows[1:])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_questionnaire_has_every_statement_and_a_checkbox_in_each_rating_cell(built_site, office, lang):
    """The questionnaire's statements of parts A and B are the page's, each with a
    checkbox content control in every cell of its scale (4 in part A, 8 in part B), and the
    role line's boxes too: Word ticks them when clicked, LibreOffice shows each."""
    article = page(built_site, lang)
    document = docx.Document(kit_path(built_site, "evaluation", lang))
    tables = document.tables
    statements = {}
    for part, table in zip(("reaction", "learning"), tables, strict=False):
        page_rows = article.xpath(f".//*[@id='{part}']/following::table[1]/tbody/tr")
        statements[part] = [said(row.xpath("./td")[1]) for row in page_rows]
        rows = table_rows(table)[1:]
        assert [row[1] for row in rows] == statements[part]
        scale = 4 if part == "reaction" else 8
        for row in table.rows[1:]:
            boxes = [cell for cell in row.cells if cell._tc.find(f".//{qn('w:sdt')}") is not None]
            assert len(boxes) == scale, (part, row.cells[1].text)
    assert len(statements["reaction"]) == 8 and len(statements["learning"]) == 8
    role_line = said(article.xpath(".//*[@id='evaluation']/following-sibling::p[contains(., '☐')][1]")[0])
    boxes = checkboxes(document)
    assert len(boxes) == role_line.count("☐") + 8 * 4 + 8 * 8
    assert office_text(office, "evaluation", lang).count("☐") == len(boxes)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_report_template_has_the_pages_headings(built_site, lang):
    """The report template's title and headings are the page's, as Word headings a
    trainer writes under."""
    article = page(built_site, lang)
    report = article.xpath(".//*[@id='report']")[0]
    expected = [said(h) for h in report.xpath("following-sibling::h3")]
    document = docx.Document(kit_path(built_site, "report", lang))
    headings = [words(p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert [words(p.text) for p in document.paragraphs if p.style.name == "Title"] == [said(report)]
    assert headings == expected and len(headings) == 9


def test_arabic_parts_read_from_right_to_left(built_site, office):
    """In Arabic, every paragraph and table runs right to left and LibreOffice starts the
    title at the right margin; in English, at the left one."""
    for lang in ("ar", "en"):
        for part in ("attendance", "evaluation", "report"):
            document = docx.Document(kit_path(built_site, part, lang))
            body = document.element.body
            bidi = [p.pPr is not None and p.pPr.find(qn("w:bidi")) is not None for p in body.iter(qn("w:p"))]
            tables = [t._tbl.tblPr.find(qn("w:bidiVisual")) is not None for t in document.tables]
            assert all(bidi + tables) if lang == "ar" else not any(bidi + tables), (lang, part)
            first = pdf_pages(office / f"pilot-{part}-{lang}.pdf")[0]
            tallest = max(w.bottom - w.top for w in first.words)
            title = [w for w in first.words if w.bottom - w.top > tallest - 1]
            start = first.width - max(w.right for w in title) if lang == "ar" else min(w.left for w in title)
            assert abs(start - 18 * MM) < 2, (lang, part)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_page_and_downloads_link_each_part_to_its_file(built_site, lang):
    """Under each part's heading, a line in the page's language links its Word file, and
    Downloads lists the four: each link opens a file of the built site."""
    pages = {PILOT_COURSE_PAGE: 4, "downloads.md": 4}
    for source, count in pages.items():
        path = page_file(built_site, lang, source)
        tree = lxml_html.fromstring(path.read_bytes())
        links = [a.get("href") for a in tree.xpath("//a[contains(@href, '.docx')]")]
        assert len(links) == count, (source, links)
        for part, href in zip(KIT_PARTS, links, strict=True):
            target = urlsplit(urljoin(path.as_uri(), href)).path
            assert unquote(target) == kit_path(built_site, part, lang).as_posix(), (source, href)
    article = page(built_site, lang)
    for part in KIT_PARTS:
        line = article.xpath(f".//*[@id='{part}']/following-sibling::p[1]")[0]
        assert line.get("class") == "kit-file" and f"pilot-{part}-{lang}.docx" in said(line)


def test_the_trainers_pack_leaves_the_lines_to_the_word_files_out(built_site):
    """Printed, the lines to the Word files would land on the sheets a participant fills
    in: the trainer's pack, printed from the page, does not show them."""
    pack = built_site / "pdf/trainers-pack-en.pdf"
    text = subprocess.run(["pdftotext", str(pack), "-"], capture_output=True, text=True, check=True).stdout
    assert "Course evaluation questionnaire" in text and ".docx" not in text


def test_the_kit_is_the_same_bytes_when_made_twice_and_a_missing_part_is_left_out(built_site, tmp_path, monkeypatch):
    """Made again from the same page, anew (no output cache), each file is the same bytes
    as the build's; a fork's page without the report gets the other three files, and no
    error."""
    monkeypatch.setenv("PORTFOLIO_OUTPUT_CACHE", "off")
    for lang in ("en", "ar"):
        copy = page_file(tmp_path / "again", lang)
        copy.parent.mkdir(parents=True)
        shutil.copy(page_file(built_site, lang), copy)
    build_kit(STATE, tmp_path / "again", report=lambda message: None)
    for lang in ("en", "ar"):
        for part in KIT_PARTS:
            again = kit_path(tmp_path / "again", part, lang)
            assert again.read_bytes() == kit_path(built_site, part, lang).read_bytes(), (lang, part)
    fork = page_file(tmp_path / "fork", "en")
    fork.parent.mkdir(parents=True)
    tree = lxml_html.fromstring(page_file(built_site, "en").read_bytes())
    report = tree.xpath("//*[@id='report']")[0]
    for element in [report, *report.itersiblings()]:
        element.drop_tree()
    fork.write_bytes(lxml_html.tostring(tree))
    made = build_kit(STATE, tmp_path / "fork", report=lambda message: None)
    assert sorted(path.name for path in made) == sorted(f"pilot-{part}-en.docx" for part in KIT_PARTS[:3])


@pytest.mark.parametrize("lang", ["en", "fr"])  # pdftotext gives Arabic words in visual order
@pytest.mark.parametrize("part", ["attendance", "evaluation"])
def test_no_word_of_a_table_heading_is_cut_where_libreoffice_lays_it_out(built_site, office, part, lang):
    """Each column is at least as wide as its heading's longest word: LibreOffice prints
    "Organisation" and "Avant : 1" whole, not "Organisati / on" or "Avan / t : 1"."""
    article = page(built_site, lang)
    heads = article.xpath(f".//*[@id='{part}']/ancestor::div[contains(@class, 'pilot-form')][1]//th")
    needed = {token for th in heads for token in re.findall(r"\w{2,}", said(th))}
    laid_out = pdf_pages(office / f"pilot-{part}-{lang}.pdf")
    printed = {token for sheet in laid_out for word in sheet.words for token in re.findall(r"\w{2,}", word.text)}
    assert needed and needed <= printed, sorted(needed - printed)
