"""What a trainer prints for a session: every material a session plan names leads to
it, and each capsule's handouts are on the handouts page and in one PDF per language,
with the participants' sheets and without the trainer's. What a learner opens alone:
each material a capsule page links, a handout in a PDF of its own."""

from __future__ import annotations

import posixpath
import re
import subprocess
from urllib.parse import urldefrag

import pikepdf
import pytest
from lxml import html as lxml_html
from mkdocs.utils.yaml import yaml_load

from conftest import LANGUAGES, ROOT, project_state, squash
from portfolio.interface import load_interface
from portfolio.locations import handout_pdf, handouts_pdf
from portfolio.materials import capsule_materials, handout_anchor, learner_sheets, set_anchor
from portfolio.project import read_languages

LANGS = read_languages(ROOT / "mkdocs.yml")
CURRICULUM = project_state().curriculum
INTERFACE, _ = load_interface(ROOT, "en", LANGUAGES)
SITE_URL = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"].rstrip("/") + "/"
CAPSULES = list(CURRICULUM.capsules.values())
WITH_HANDOUTS = [c for c in CAPSULES if any(m.kind == "handout" for m in capsule_materials(c, CURRICULUM.materials))]


def tree(site, lang: str, url: str):
    return lxml_html.fromstring((site / LANGS.folder(lang) / url / "index.html").read_bytes())


def resolve(site, lang: str, page_url: str, href: str):
    """The built file a link leads to, and the id it names (or None)."""
    target, fragment = urldefrag(href)
    path = posixpath.normpath(posixpath.join(page_url, target)) if target else page_url.rstrip("/")
    file = site / LANGS.folder(lang) / path
    return (file / "index.html" if file.is_dir() else file), fragment or None


def pdf_text(path) -> str:
    return squash(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout)


def pieces(text: str, lang: str) -> list[str]:
    """What must be found of a source text in a PDF's text: each paragraph (cards sit side
    by side, so paragraphs of two cards can alternate); in Arabic each word, as pdftotext
    may order a line's parts otherwise around punctuation and gives the ligature lam-alef
    as alef, lam."""
    if lang == "ar":
        words = re.findall(r"[\u0621-\u064a\u064b-\u0652]{3,}", text)
        return [re.sub("\u0644([\u0627\u0623\u0625\u0622])", "\\1\u0644", squash(word)) for word in words]
    return [squash(part) for part in re.split(r"\n\s*\n", text) if part.strip()]


def test_every_activity_names_its_materials_by_id_and_most_print():
    named = [m for c in CAPSULES for a in c.activities for m in a.materials]
    assert set(named) == set(CURRICULUM.materials)  # none missing, none unused
    kinds = {m.kind for m in CURRICULUM.materials.values()}
    assert {"handout", "trainer-sheet", "supply", "page", "form"} <= kinds
    assert len([m for m in CURRICULUM.materials.values() if m.kind == "handout"]) >= 40


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_material_in_the_session_plans_leads_to_what_it_names(built_site, lang):
    url = "trainers/session-plans/"
    plans = tree(built_site, lang, url)
    links = plans.xpath("//div[contains(@class, 'trainer-plans')]//tbody/tr/td[5]//a/@href")
    named = [m for c in CAPSULES for a in c.activities for m in a.materials]
    linked = [m for m in named if CURRICULUM.materials[m].kind != "supply"]
    assert len(links) == len(linked)
    for href in links:
        file, fragment = resolve(built_site, lang, url, href)
        assert file.is_file(), href
        if fragment:
            assert lxml_html.fromstring(file.read_bytes()).get_element_by_id(fragment) is not None, href


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_handouts_page_holds_every_sheet_and_every_card(built_site, lang):
    page = tree(built_site, lang, "trainers/handouts/")
    for capsule in CAPSULES:
        section = page.get_element_by_id(set_anchor(capsule.id))
        assert capsule.title[lang] in section.text_content()
        for material in capsule_materials(capsule, CURRICULUM.materials):
            if material.kind not in ("handout", "trainer-sheet"):
                assert material.title[lang] in section.text_content(), material.id  # to print or bring
                continue
            anchor = handout_anchor(capsule.id, material.id)
            sheet = page.get_element_by_id(anchor)
            assert len(sheet.xpath(".//li[contains(@class, 'handout__card')]")) == len(material.cards)
            assert squash(material.title[lang]) in squash(sheet.text_content())
            # The print list gives each sheet a line of its own, to tick off once printed.
            (line,) = section.xpath(f".//li[a/@href='#{anchor}']")
            assert len(line.xpath(".//a")) == 1, material.id


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("capsule", WITH_HANDOUTS, ids=[c.id for c in WITH_HANDOUTS])
def test_each_capsule_prints_its_participants_handouts_then_the_trainers_sheets(built_site, lang, capsule):
    """Every sheet the print list names is in the capsule's handouts PDF: the participants'
    first, then the trainer's (an answer key), after a heading that marks them as the
    trainer's, so that a trainer who prints this one file has the keys too."""
    path = built_site / LANGS.folder(lang) / handouts_pdf(capsule.id, lang)
    title = INTERFACE["handouts-title"][lang].replace("{capsule}", capsule.title[lang])
    pack = next(d for d in CURRICULUM.printing.documents if d.id == "trainers-pack")
    with pikepdf.open(path) as pdf:
        assert str(pdf.docinfo["/Title"]) == title
        assert str(pdf.docinfo["/Subject"]) == pack.title[lang]  # the document it is cut from
        assert str(pdf.Root.Lang) == lang
    text = pdf_text(path)
    used = capsule_materials(capsule, CURRICULUM.materials)
    last_handout = 0
    for material in used:
        sources = (material.title[lang], *(card[lang] for card in material.cards))
        if material.kind in ("handout", "trainer-sheet"):  # every card is there, each with its own text
            for source in sources:
                assert found(source, text, lang) >= (0.8 if lang == "ar" else 1), (material.id, source)
    if lang == "ar":  # pdftotext's Arabic lines come out of order: the order is checked in en and fr
        return
    for material in used:
        if material.kind == "handout":
            last_handout = max(last_handout, text.rindex(squash(material.title[lang])))
    for material in used:
        if material.kind == "trainer-sheet":
            marked = text.find(squash(INTERFACE["handouts-trainer-only"][lang]), last_handout)
            assert last_handout < marked < text.rindex(squash(material.title[lang])), material.id


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("capsule", WITH_HANDOUTS[:3], ids=[c.id for c in WITH_HANDOUTS[:3]])
def test_the_first_page_of_a_handouts_pdf_says_it_is_the_trainers(built_site, lang, capsule):
    """The first page (what to print, how many copies) says at its top, in the document's
    language, that it is for the trainer and not to be handed out; the participants'
    sheets after it do not. The PDF stays tagged (PDF/UA)."""
    path = built_site / LANGS.folder(lang) / handouts_pdf(capsule.id, lang)
    note = f"{INTERFACE['handouts-trainer-only'][lang]} {INTERFACE['handouts-keep-this-page'][lang]}"
    with pikepdf.open(path) as pdf:
        count = len(pdf.pages)
        assert pdf.Root.MarkInfo.Marked and "/StructTreeRoot" in pdf.Root
        assert "pdfuaid:part" in str(pdf.open_metadata())
    assert count >= 2

    def page(number: int) -> str:
        command = ["pdftotext", "-f", str(number), "-l", str(number), str(path), "-"]
        return squash(subprocess.run(command, capture_output=True, text=True, check=True).stdout)

    first = page(1)
    assert found(note, first, lang) == 1, (lang, capsule.id, first[:200])
    if lang != "ar":  # the note comes before the list, right under the running header
        assert first.index(squash(note)) < first.index(squash(INTERFACE["handouts-for-participants"][lang]))
    for number in range(2, count + 1):
        assert found(INTERFACE["handouts-keep-this-page"][lang], page(number), lang) < 0.5, (lang, number)


def found(source: str, text: str, lang: str) -> float:
    """The share of a source text's pieces found in a PDF's text. Arabic words of two cards
    side by side can come out of pdftotext cut at a line end: a few may be missed."""
    wanted = pieces(source, lang)
    return sum(piece in text for piece in wanted) / max(1, len(wanted))


# The second capsule's activities use an answer key (a trainer sheet).
@pytest.mark.parametrize("capsule", ["matching-and-first-meeting", "supervision-and-self-assessment"])
def test_the_learner_sees_what_each_activity_uses_but_no_trainer_sheet(built_site, capsule):
    page = tree(built_site, "en", f"training/capsules/{capsule}/")
    listed = page.xpath("//ol[contains(@class, 'capsule-activities')]")[0].text_content()
    used = [CURRICULUM.materials[m] for a in CURRICULUM.capsules[capsule].activities for m in a.materials]
    for material in used:
        assert (material.title["en"] in listed) == (material.kind != "trainer-sheet"), material.id


def structure_links(pdf) -> tuple[int, int]:
    """The link annotations the PDF/UA structure tree names, and the other objects it names
    as annotations (an annotation made for another PDF)."""
    links = others = 0
    stack = [pdf.Root.StructTreeRoot]
    while stack:
        element = stack.pop()
        if isinstance(element, pikepdf.Array):
            stack.extend(element)
        elif isinstance(element, pikepdf.Dictionary):
            if element.get("/Type") == "/OBJR":
                target = element.get("/Obj")
                is_link = isinstance(target, pikepdf.Dictionary) and target.get("/Subtype") == "/Link"
                links, others = links + is_link, others + (not is_link)
            elif "/K" in element:
                stack.append(element.K)
    return links, others


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("capsule", WITH_HANDOUTS, ids=[c.id for c in WITH_HANDOUTS])
def test_every_link_on_a_handouts_cover_can_be_followed(built_site, lang, capsule):
    """Each link of a capsule's list (its session plan, its sheets, the trainer's sheets, the
    pages to print) is a link in its handouts PDF: a sheet it holds, or the page on the
    published site, in its language, for a part of the trainer's pack it does not hold
    (WeasyPrint dropped those, and the structure tree named the pack's annotations)."""
    page = tree(built_site, lang, "trainers/handouts/")
    section = page.get_element_by_id(set_anchor(capsule.id))
    shown = section.xpath(
        ".//a[@href][not(ancestor::article[contains(@class, 'handout')])]"
        "[not(contains(@class, 'handout-set__pdf') or @class = 'headerlink')]"
    )
    published = SITE_URL + ("" if lang == "en" else f"{lang}/")
    with pikepdf.open(built_site / LANGS.folder(lang) / handouts_pdf(capsule.id, lang)) as pdf:
        annotations = [a for a in pdf.pages[0].get("/Annots", []) if a.get("/Subtype") == "/Link"]
        addresses = [str(a.A.URI) for a in annotations if "/A" in a]
        assert len(annotations) >= len(shown) >= 2
        assert published + "trainers/session-plans/#plan-" + capsule.id in addresses
        assert all(address.startswith(published) for address in addresses if address.startswith(SITE_URL))
        assert structure_links(pdf)[1] == 0


# The handouts a learner opens alone, each in a PDF of its own (materials.py).
LEARNER_SHEETS = learner_sheets(CAPSULES, CURRICULUM.materials)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_material_a_capsule_page_links_opens_in_the_built_site(built_site, lang):
    """A learner alone on a phone taps each material of an activity: a handbook page or a
    form's page opens, and a handout opens as a PDF of its own, in the page's language,
    titled and headed as the link names it, with every card, and without the trainer's
    print list ("For the trainer only") that opens the capsule's handouts PDF, nor the
    capsule's next handout."""
    opened = set()
    for capsule in CAPSULES:
        url = f"training/capsules/{capsule.id}/"
        links = tree(built_site, lang, url).xpath("//p[contains(@class, 'capsule-activities__materials')]//a")
        for link in links:
            file, fragment = resolve(built_site, lang, url, link.get("href"))
            assert file.is_file() and fragment is None, (capsule.id, link.get("href"))
            if file.suffix != ".pdf":
                assert file.name == "index.html", link.get("href")
                continue
            [material] = [m for m in LEARNER_SHEETS if file.name == posixpath.basename(handout_pdf(m.id, lang))]
            title = material.title[lang]
            assert link.text_content() == f"{title} (PDF)"
            with pikepdf.open(file) as pdf:
                assert str(pdf.docinfo["/Title"]) == title and str(pdf.Root.Lang) == lang
                assert pdf.Root.MarkInfo.Marked and "/StructTreeRoot" in pdf.Root
            text = pdf_text(file)
            for source in (title, *(card[lang] for card in material.cards)):
                assert found(source, text, lang) >= (0.8 if lang == "ar" else 1), (material.id, source)
            assert found(INTERFACE["handouts-keep-this-page"][lang], text, lang) < 0.5, material.id
            sheets = [m for m in capsule_materials(capsule, CURRICULUM.materials) if m.kind == "handout"]
            following = sheets[sheets.index(material) + 1 :][:1]
            if lang != "ar" and following:  # (Arabic words are too common to tell)
                assert found(following[0].title[lang], text, lang) == 0, (material.id, following[0].id)
            opened.add(material.id)
    assert opened == {m.id for m in LEARNER_SHEETS}
    assert len(opened) >= 15
