"""A real strict MkDocs build of the project, read back as a reader would see it."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from lxml import html as lxml_html
from mkdocs.exceptions import Abort

from conftest import LANGUAGES, ROOT, copy_project, project_state
from portfolio.sitebuild import build_site
from portfolio.sources import validate

TAGLINES = {
    "en": "Practical tools for buddy systems",
    "fr": "Des outils pratiques pour les binômes",
    "ar": "أدوات عملية لنظام الرفقة",
}
ORGANISATION = {"en": "Good Tutoring Network", "fr": "Réseau du bon tutorat", "ar": "رابطة الإرشاد الجيد"}
# The footer's first line: the organisation, its region and its country, all in the page's
# language (the country's code, "(LU)", and the region's English name read wrongly in Arabic).
FOOTER = {
    "en": "Good Tutoring Network (example organisation), Centre, Luxembourg · Content licence CC BY-SA 4.0",
    "fr": "Réseau du bon tutorat (organisation d'exemple), Centre, Luxembourg · Licence du contenu CC BY-SA 4.0",
    "ar": "رابطة الإرشاد الجيد (منظمة مثال)، منطقة الوسط، لوكسمبورغ · ترخيص المحتوى CC BY-SA 4.0",
}
NOTICE = {"fr": "Cette page n'est pas encore traduite", "ar": "هذه الصفحة غير مترجمة إلى العربية بعد"}


def html(site, lang: str, path: str = "") -> str:
    folder = "" if lang == "en" else f"{lang}/"
    return (site / folder / path / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_per_language_values_on_every_language(built_pages, lang):
    """The macros plugin's one-language-behind bug is fixed: each page shows its own language."""
    page = html(built_pages, lang)
    assert TAGLINES[lang] in page
    assert ORGANISATION[lang] in page
    for other in set(LANGUAGES) - {lang}:
        assert TAGLINES[other] not in page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_footer_says_where_the_organisation_works_in_the_page_s_language(built_pages, lang):
    for path in ("", "handbook", "training/capsules/peer-sessions"):
        [line] = lxml_html.fromstring(html(built_pages, lang, path)).find_class("md-copyright__highlight")
        assert " ".join(line.text_content().split()) == FOOTER[lang], path


@pytest.mark.parametrize("lang", LANGUAGES)
def test_capsule_page_renders_its_card_in_the_language(built_pages, lang):
    page = html(built_pages, lang, "training/capsules/initial-self-assessment")
    assert 'class="capsule-card"' in page
    labels = {"en": "<dt>Duration</dt>", "fr": "<dt>Durée</dt>", "ar": "<dt>المدة</dt>"}
    assert labels[lang] in page
    assert "Keep it short; collect two or three stories" not in page  # trainer notes stay out


def test_every_french_and_arabic_page_is_translated(built_pages):
    """No page falls back to English (the fork tests check the notice a fork's readers see)."""
    for lang in ("fr", "ar"):
        pages = sorted((built_pages / lang).rglob("index.html"))
        assert len(pages) > 40
        fallbacks = [p for p in pages if "portfolio-fallback" in p.read_text(encoding="utf-8")]
        assert fallbacks == [], fallbacks
        assert not any(NOTICE[lang] in p.read_text(encoding="utf-8") for p in pages)


def test_arabic_is_right_to_left_with_readable_heading_ids(built_pages):
    page = html(built_pages, "ar")
    assert '<html lang="ar"' in page
    assert '<body dir="rtl"' in page
    ids = re.findall(r'<h2 id="([^"]+)"', page)
    assert ids and not [i for i in ids if re.fullmatch(r"_\d+", i)]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_its_own_search_index(built_pages, lang):
    folder = "" if lang == "en" else f"{lang}/"
    index = json.loads((built_pages / folder / "search/search_index.json").read_text(encoding="utf-8"))
    assert index["docs"]
    assert index["config"]["lang"] == [lang]
    for doc in index["docs"]:
        page = built_pages / folder / doc["location"].split("#")[0] / "index.html"
        assert f'<html lang="{lang}"' in page.read_text(encoding="utf-8"), doc["location"]
    # Every page of the site, each section once (static-i18n's combined index adds none twice).
    locations = [doc["location"] for doc in index["docs"]]
    assert len(locations) == len(set(locations))
    english = json.loads((built_pages / "search/search_index.json").read_text(encoding="utf-8"))
    assert {loc.split("#")[0] for loc in locations} == {doc["location"].split("#")[0] for doc in english["docs"]}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_finds_the_handbook_but_not_the_answers(built_pages, lang):
    """The learner's search index leaves out quiz questions and their feedback, the answer
    keys, the session plans' trainer notes, the handouts and the workspace's forms; the
    pages themselves stay findable."""

    folder = "" if lang == "en" else f"{lang}/"
    index = json.loads((built_pages / folder / "search/search_index.json").read_text(encoding="utf-8"))
    text = " ".join(f"{doc['title']} {doc['text']}" for doc in index["docs"])
    curriculum = project_state().curriculum
    for quiz in curriculum.quizzes.values():
        for question in quiz.questions:
            for option in question.options:
                assert option.feedback[lang] not in text
    for material in curriculum.materials.values():  # handouts: cases and cards are for the session
        for card in material.cards:
            assert " ".join(card[lang].split()) not in text, material.id
    locations = {doc["location"] for doc in index["docs"]}
    pages = {"trainers/answer-keys/", "trainers/session-plans/", "trainers/handouts/", "handbook/peer-helper-role/"}
    assert pages <= locations
    assert not any(location.startswith("trainers/answer-keys/#") for location in locations)
    # The workspace's and the handouts' own headings (forms, cards) are not search results.
    assert not any(
        location.startswith(("training/mentoring-workspace/#ws-", "trainers/handouts/#")) for location in locations
    )


def test_no_page_loads_a_resource_from_elsewhere(built_pages):
    """No script, style, font or image from another origin (links out are fine)."""
    resource = re.compile(
        r'<(?:script|img|iframe|source)[^>]+src="(?:https?:)?//|<link[^>]+rel="stylesheet"[^>]+href="(?:https?:)?//'
    )
    offenders = [p for p in built_pages.rglob("*.html") if resource.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
    assert not list(built_pages.rglob("*.css")) or all(
        "fonts.googleapis" not in p.read_text(encoding="utf-8") for p in built_pages.rglob("*.css")
    )


def test_the_site_s_own_scripts_and_styles_are_published_minified(built_pages):
    """What a phone downloads: each of the project's scripts and style sheets, smaller and
    without its comments, and still a script that parses (the browser tests run them)."""
    sources = ROOT / "docs/assets"
    own = [p for p in sorted(sources.rglob("*")) if p.suffix in (".js", ".css")]
    assert len(own) > 10
    for source in own:
        built = built_pages / "assets" / source.relative_to(sources)
        text = built.read_text(encoding="utf-8")
        assert len(text) < 0.85 * source.stat().st_size, built.name
        assert not re.search(r"^\s*//|/\*(?!!)", text, re.M), built.name
        if source.suffix == ".js":
            checked = subprocess.run(["node", "--check", str(built)], capture_output=True, text=True, check=False)
            assert checked.returncode == 0, checked.stderr


def test_a_failed_build_leaves_the_previous_site_as_it_was(tmp_path, monkeypatch):
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous build")
    capsule = project / "curriculum/capsules/initial-self-assessment.yml"
    capsule.write_text(capsule.read_text().replace("duration: 90", "duration: 0"))
    monkeypatch.chdir(project)
    with pytest.raises(Abort):
        build_site(project, site)
    assert {p.name for p in tmp_path.iterdir()} == {"project", "site"}  # no staging left behind
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text() == "previous build"


def test_the_build_fails_with_the_checkers_messages(tmp_path, monkeypatch, caplog):
    monkeypatch.delenv("CI", raising=False)  # plain lines, not CI annotations
    project = copy_project(tmp_path / "project")
    quiz = project / "curriculum/quizzes/initial-self-assessment.yml"
    text = quiz.read_text()
    quiz.write_text(text.replace("        correct: true\n", "", 1))
    first = text.index("  - id: ")
    name = text[first + 8 : text.index("\n", first)]
    monkeypatch.chdir(project)
    with pytest.raises(Abort):
        build_site(project, tmp_path / "site")
    expected = (
        f"curriculum/quizzes/initial-self-assessment.yml:{text[:first].count(chr(10)) + 1} [no-correct-answer]"
        f" question `{name}` has no correct option — mark at least one option with `correct: true`"
    )
    assert [p.format() for p in validate(project, "en", LANGUAGES)] == [expected]
    assert expected in caplog.text
    assert not (tmp_path / "site").exists()


def test_the_offline_copy_carries_its_own_worker_shim_and_indexes(offline_site):
    assert (offline_site / "assets/javascripts/iframe-worker.js").is_file()
    for lang in LANGUAGES:
        folder = "" if lang == "en" else f"{lang}/"
        assert (offline_site / folder / "search/search_index.js").read_text(encoding="utf-8").startswith("var __index")
    pages = [p.read_text(encoding="utf-8") for p in offline_site.rglob("*.html")]
    assert not [p for p in pages if "unpkg.com" in p or 'src="https://' in p]


def test_every_link_of_the_offline_copy_opens_a_file(offline_site):
    """From the disk, a link to a folder shows a file listing, not the page: every link
    and search result of the copy names a file that is in it (and the copy does not
    offer to download itself)."""
    from urllib.parse import unquote, urljoin, urlsplit

    missing = []
    for page in offline_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r'href="[^"]*offline\.zip', text), page  # named in the fork page, never offered
        for href in re.findall(r'\shref="([^"]*)"', text):
            url = urlsplit(urljoin(page.as_uri(), href))
            elsewhere = url.scheme == "file" and url.path != urlsplit(page.as_uri()).path
            if elsewhere and not Path(unquote(url.path)).is_file():
                missing.append(f"{page.relative_to(offline_site)}: {href}")
    for lang in LANGUAGES:
        folder = offline_site / ("" if lang == "en" else lang)
        script = (folder / "search/search_index.js").read_text(encoding="utf-8")
        index = json.loads(script.removeprefix("var __index = "))
        for doc in index["docs"]:
            if not (folder / doc["location"].split("#")[0]).is_file():
                missing.append(f"{lang} search: {doc['location']}")
    assert missing == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_handbook_home_draws_the_ten_step_cycle_in_its_language(built_pages, lang):
    page = html(built_pages, lang, "handbook")
    svg = page[page.index('<figure class="step-cycle"') : page.index("</figure>")]
    titles = {"en": "The ten steps of the buddy system", "fr": "Les dix étapes", "ar": "الخطوات العشر لنظام الرفقة"}
    assert 'role="img"' in svg and titles[lang] in svg
    description = re.search(r"<desc[^>]*>(.*?)</desc>", svg, re.S).group(1)
    assert "1. " in description and "10. " in description
    circles = [float(x) for x in re.findall(r'<circle cx="([\d.]+)"', svg)]
    assert len(circles) == 10
    # Step 2 stands right of step 1 in left-to-right languages, left of it in Arabic.
    assert (circles[1] < circles[0]) == (lang == "ar")


def test_abbreviations_get_tooltips_in_the_page_language(built_pages):
    english = html(built_pages, "en", "handbook/where-this-comes-from")
    french = html(built_pages, "fr", "handbook/where-this-comes-from")
    assert '<abbr title="Luxembourg Office for Reception and Integration' in english
    assert "<abbr title=\"Office luxembourgeois de l'accueil et de l'intégration\">OLAI</abbr>" in french


@pytest.mark.parametrize("lang", LANGUAGES)
def test_downloads_leads_to_the_handouts_forms_and_lms_files(built_pages, lang):
    """A trainer looking for every file starts at Downloads: besides the PDFs, it leads to
    the pages with the handouts, the forms and the LMS files, in the page's language."""
    page = lxml_html.fromstring(html(built_pages, lang, "downloads"))
    links = {a.get("href") for a in page.find_class("md-content")[0].iter("a")}
    for target in ("../trainers/handouts/", "../handbook/forms/", "../trainers/use-it-in-your-lms/"):
        assert target in links
        folder = "" if lang == "en" else f"{lang}/"
        assert (built_pages / folder / "downloads" / target / "index.html").resolve().is_file()
