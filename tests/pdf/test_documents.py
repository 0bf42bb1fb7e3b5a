"""Each PDF read back: metadata, outline, internal links, fonts, and pages to look at."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
from lxml import html as lxml_html
from mkdocs.utils.yaml import yaml_load

from conftest import LANGUAGES, MM, ROOT, pdf_pages, project_state, squash
from portfolio.pdf import outline, pdf_path
from portfolio.project import read_languages

LANGS = read_languages(ROOT / "mkdocs.yml")
CURRICULUM = project_state().curriculum
DOCUMENTS = CURRICULUM.printing.documents
with open(ROOT / "mkdocs.yml", encoding="utf-8") as stream:
    NAV = yaml_load(stream)["nav"]
CASES = [(lang, document) for lang in LANGUAGES for document in DOCUMENTS]
IDS = [f"{lang}-{document.id}" for lang, document in CASES]
SUMMARIES = {
    "en": "Training capsules at a glance",
    "fr": "Les capsules de formation en bref",
    "ar": "الوحدات التدريبية باختصار",
}


def expected_chapters(site, lang, document) -> list[str]:
    """Chapter titles in document order, read from the built pages' <h1>."""
    titles = []
    for source in outline(document, NAV):
        if source is None:
            titles.append(SUMMARIES[lang])
            continue
        stem = source.removesuffix(".md")
        url = "" if stem == "index" else stem.removesuffix("/index") + "/"
        page = site / LANGS.folder(lang) / url / "index.html"
        heading = lxml_html.fromstring(page.read_bytes()).xpath("//article//h1")[0]
        for permalink in heading.xpath(".//a[@class='headerlink']"):
            permalink.drop_tree()
        titles.append(" ".join(heading.text_content().split()))
    return titles


@pytest.mark.parametrize(("lang", "document"), CASES, ids=IDS)
def test_metadata_outline_and_pages(built_site, lang, document):
    path = pdf_path(built_site, LANGS, lang, document.id)
    with pikepdf.open(path) as pdf:
        assert str(pdf.Root.Lang) == lang
        assert str(pdf.docinfo["/Title"]) == document.title[lang]
        assert pdf.Root.MarkInfo.Marked and "/StructTreeRoot" in pdf.Root  # tagged
        with pdf.open_outline() as tree:
            chapters = [" ".join(str(item.title).split()) for item in tree.root]
        assert chapters == expected_chapters(built_site, lang, document)
        assert 10 <= len(pdf.pages) <= 400
        assert pdf.check_pdf_syntax() == []


@pytest.mark.parametrize(("lang", "document"), CASES, ids=IDS)
def test_internal_links_reach_a_page_of_the_document(built_site, lang, document):
    with pikepdf.open(pdf_path(built_site, LANGS, lang, document.id)) as pdf:
        pages = {page.objgen for page in pdf.pages}
        names = pikepdf.NameTree(pdf.Root.Names.Dests) if "/Names" in pdf.Root else {}
        internal = 0
        for page in pdf.pages:
            for annot in page.get("/Annots", []):
                if annot.get("/Subtype") != "/Link" or ("/A" in annot and annot.A.get("/S") == "/URI"):
                    continue
                dest = annot.get("/Dest") or annot.A.get("/D")
                if isinstance(dest, pikepdf.String | pikepdf.Name):
                    dest = names[str(dest)]
                assert dest[0].objgen in pages
                internal += 1
        assert internal >= 10  # the table of contents at least


@pytest.mark.parametrize(("lang", "document"), CASES, ids=IDS)
def test_no_text_runs_beyond_the_side_margins(built_site, lang, document):
    """No word of a document, the trainer's pack's wide session-plan tables included, lies
    beyond the pages' side margins (print.css: 18 mm), nor off the paper."""
    margin = 18 * MM
    for number, page in enumerate(pdf_pages(pdf_path(built_site, LANGS, lang, document.id)), 1):
        beyond = [w for w in page.words if w.left < margin - 1 or w.right > page.width - margin + 1]
        assert not beyond, (number, beyond[:3])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_fonts_are_embedded(built_site, lang):
    path = pdf_path(built_site, LANGS, lang, DOCUMENTS[0].id)
    lines = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert lines and all(line.split()[-5] == "yes" for line in lines)  # the "emb" column


def test_the_arabic_portfolio_is_entirely_arabic(built_site):
    """Every chapter of the Arabic portfolio is translated: no "(in English)" mark in the
    contents, no fallback notice, and the running text is Arabic."""
    path = pdf_path(built_site, LANGS, "ar", DOCUMENTS[0].id)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    contents = subprocess.run(["pdftotext", "-f", "2", "-l", "4", str(path), "-"], capture_output=True, text=True)
    # The contents mark a chapter still in English with "(بالإنجليزية)"; pdftotext splits
    # the lam-alef ligature, so look for the part after it.
    assert "نجليزية" not in contents.stdout
    assert "هذه الصفحة غير مترجمة" not in text
    arabic = sum("\u0600" <= c <= "\u06ff" for c in text)
    latin = sum(c.isascii() and c.isalpha() for c in text)
    assert arabic > 10 * latin


def test_cover_and_a_table_page_render_for_a_person_to_look_at(built_site, tmp_path_factory):
    """Renders PNGs (kept in pytest's temporary folder) of the cover and a page with a table."""
    folder = tmp_path_factory.mktemp("pdf-pages")
    for lang in LANGUAGES:
        path = pdf_path(built_site, LANGS, lang, DOCUMENTS[0].id)
        text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
        # The glossary's table of abbreviations (Latin letters in every language).
        table_page = next(i for i, page in enumerate(text.stdout.split("\f"), 1) if "OLAI" in page and "2IQM" in page)
        for name, number in (("cover", 1), ("table", table_page)):
            prefix = folder / f"{lang}-{name}"
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-r",
                    "50",
                    "-f",
                    str(number),
                    "-l",
                    str(number),
                    "-singlefile",
                    str(path),
                    str(prefix),
                ],
                check=True,
            )
            assert 0.005 < ink(prefix.with_suffix(".png")) < 0.5, f"{lang} {name}: blank or smeared"
    print(f"\nPDF pages rendered for review: {folder}")


def ink(png) -> float:
    """The share of a rendered page's pixels that are not near white: text, rules, logo."""
    from PIL import Image

    with Image.open(png) as image:
        grey = image.convert("L")
        dark = sum(count for value, count in enumerate(grey.histogram()) if value < 200)
        return dark / (grey.width * grey.height)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_trainers_pack_holds_answer_keys_by_objective_and_observation_checklists(built_site, lang):
    """The answer key gives every question type's right answer (a matching question's pairs,
    an ordering question's sequence), the objectives and the chance score; the observation
    checklists list every behaviour to watch for."""
    pack = next(d for d in DOCUMENTS if d.id == "trainers-pack")
    path = pdf_path(built_site, LANGS, lang, pack.id)
    raw = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    text = squash(raw)
    for capsule in CURRICULUM.capsules.values():
        quiz = CURRICULUM.quizzes.get(capsule.quiz or "")
        for question in quiz.questions if quiz else []:
            if question.type == "matching":
                pair = question.pairs[0]
                assert squash(f"{pair.item[lang]} → {pair.match[lang]}") in text
            if question.type == "ordering":
                assert squash(f"1. {question.items[0][lang]}") in text
        for seen in capsule.observation:
            assert squash(seen.behaviour[lang]) in text
    chance = {"en": "answers at random scores", "fr": "répond au hasard obtient"}[lang]
    assert text.count(squash(chance)) == len(CURRICULUM.quizzes)


def test_a_build_in_another_folder_takes_every_pdf_from_the_output_cache(built_site, tmp_path):
    """The session's build stored its PDFs in the output cache; a build of the same sources
    elsewhere (each build happens in a folder of its own) renders none of them again and
    writes the same bytes, handouts PDFs included."""
    from portfolio.build_state import load_sources
    from portfolio.locations import PDF_FOLDER
    from portfolio.pdf import build_all

    site = shutil.copytree(built_site, tmp_path / "site", ignore=shutil.ignore_patterns("*.pdf"))
    built = build_all(load_sources(ROOT), site, report=lambda message: None)
    assert len(built) == len(CASES)
    assert [b.path.name for b in built if not b.reused] == []
    for lang in LANGUAGES:
        folder = Path(LANGS.folder(lang)) / PDF_FOLDER
        names = sorted(p.name for p in (built_site / folder).glob("*.pdf"))
        assert names == sorted(p.name for p in (site / folder).glob("*.pdf"))
        for name in names:
            assert (site / folder / name).read_bytes() == (built_site / folder / name).read_bytes(), name
