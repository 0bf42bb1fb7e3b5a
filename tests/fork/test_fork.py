"""Forking: the organisation file names everything, a new language is a folder and a
line, people need consent, adaptation points are listed, translations tell the truth."""

from __future__ import annotations

import json
import re

import pytest
from mkdocs.exceptions import Abort

from conftest import ROOT, copy_project
from portfolio.cli import main
from portfolio.project import read_languages
from portfolio.sitebuild import build_site
from portfolio.sources import validate
from portfolio.translations import MISSING, OUTDATED, TRANSLATED, UNRECORDED, page_statuses

FORK_ORGANISATION = """\
name:
  en: Associação Exemplo do Norte
  pt: Associação Exemplo do Norte
short_name:
  en: AEN
  pt: AEN
country: PT
region:
  en: Porto
  pt: Porto
licence: CC BY 4.0
languages: [en, pt]
channels:
  - kind: email
    value: geral@example.pt
    label:
      en: E-mail
      pt: Correio eletrónico
adaptations:
  insurance:
    en: Our volunteers are covered by the association's civil liability policy.
"""
PT_LANGUAGE = "        - locale: pt\n          name: Português\n          build: true\n"


@pytest.fixture(scope="module")
def fork(tmp_path_factory):
    """A fork for another organisation: English and Portuguese, Portuguese partial."""
    project = copy_project(tmp_path_factory.mktemp("fork") / "project")
    (project / "curriculum/organisation.yml").write_text(FORK_ORGANISATION, encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    end = config.index("\n\n# Hooks")  # the languages list ends there
    config = config[:end] + "\n" + PT_LANGUAGE.rstrip("\n") + config[end:]
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")  # the line
    (project / "docs/pt").mkdir()  # the folder
    (project / "docs/pt/index.md").write_text("# Portefólio\n\nUm manual para sistemas de apadrinhamento.\n")
    interface = (project / "curriculum/interface.yml").read_text(encoding="utf-8")
    interface = interface.replace(
        "  ar: هذه الصفحة غير مترجمة إلى العربية بعد. أنت تقرأ النسخة الإنجليزية.\n",
        "  ar: هذه الصفحة غير مترجمة إلى العربية بعد. أنت تقرأ النسخة الإنجليزية.\n"
        "  pt: Esta página ainda não está traduzida. Está a ler a versão inglesa.\n",
    )
    (project / "curriculum/interface.yml").write_text(interface, encoding="utf-8")
    site = project / "site"
    build_site(project, site, pdfs=False, exports=False, report=lambda message: None)
    return project, site


def test_the_fork_builds_only_its_languages(fork):
    project, site = fork
    assert read_languages(project / "mkdocs.yml").built == ("en", "pt")
    assert (site / "pt/index.html").is_file()
    assert not (site / "fr").exists() and not (site / "ar").exists()


def test_the_organisation_file_names_everything(fork):
    _, site = fork
    for page in (site / "index.html", site / "pt/index.html", site / "handbook/index.html"):
        html = page.read_text(encoding="utf-8")
        assert "Associação Exemplo do Norte" in html
        assert "Good Tutoring Network" not in html
        assert "geral@example.pt" in html  # the footer's channel
        assert "Associação Exemplo do Norte, Porto, Portugal ·" in html  # its region and country, named


def test_the_language_menu_offers_the_forks_languages(fork):
    _, site = fork
    html = (site / "pt/index.html").read_text(encoding="utf-8")
    menu = set(
        re.findall(r'class="md-select__link"[^>]*hreflang="(\w+)"|hreflang="(\w+)"[^>]*class="md-select__link"', html)
    )
    codes = {a or b for a, b in menu}
    assert codes == {"en", "pt"}
    assert '<html lang="pt"' in html and "Um manual para sistemas de apadrinhamento." in html


def test_the_forks_language_keeps_the_themes_own_labels(fork):
    """The interface's texts for the theme's labels (theme-...) have no Portuguese: the
    Portuguese pages show the theme's Portuguese labels, not the English texts."""
    _, site = fork
    html = (site / "pt/index.html").read_text(encoding="utf-8")
    assert '<button class="md-header__button md-icon" aria-label="Selecione o idioma">' in html
    assert '<nav class="md-search__options" aria-label="Pesquisar">' in html
    assert '<nav class="md-header__inner md-grid" aria-label="Cabeçalho">' in html


def test_untranslated_pages_fall_back_with_a_notice_in_portuguese(fork):
    _, site = fork
    html = (site / "pt/handbook/glossary/index.html").read_text(encoding="utf-8")
    assert "Esta página ainda não está traduzida. Está a ler a versão inglesa." in html
    assert '<div lang="en" dir="ltr">' in html


def test_portuguese_search_finds_the_pages_shown_in_english(fork):
    """The Portuguese site shows English pages where it has no translation: its own
    search finds them, in English, at their Portuguese address, each once."""
    _, site = fork
    english = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    portuguese = json.loads((site / "pt/search/search_index.json").read_text(encoding="utf-8"))
    assert portuguese["config"]["lang"] == ["pt", "en"]  # its English pages read with English word rules
    locations = [doc["location"] for doc in portuguese["docs"]]
    assert len(locations) == len(set(locations))
    assert {loc.split("#")[0] for loc in locations} == {doc["location"].split("#")[0] for doc in english["docs"]}
    glossary = [doc for doc in english["docs"] if doc["location"].startswith("handbook/glossary/")]
    assert glossary and all(doc in portuguese["docs"] for doc in glossary)  # the same words, in English
    page = (site / "pt/handbook/glossary/index.html").read_text(encoding="utf-8")
    assert '<html lang="pt"' in page
    home = [doc for doc in portuguese["docs"] if doc["location"] == ""]
    assert [doc["title"] for doc in home] == ["Portefólio"]  # the translated page, not the English one


def test_adaptation_points_show_the_organisations_text_or_a_notice(fork):
    _, site = fork
    html = (site / "handbook/supervising-volunteers/index.html").read_text(encoding="utf-8")
    assert "covered by the association&#39;s civil liability policy" in html or "covered by the association's" in html
    assert "adaptation--todo" in html  # legal obligations are still to write


def test_portfolio_adapt_lists_each_point_with_its_place(fork, monkeypatch, capsys):
    """The example organisation fills every point; a fork that fills only `insurance` is told
    which points are left, and `--fail-unfilled` fails for it."""
    monkeypatch.chdir(ROOT)
    assert main(["adapt", "--fail-unfilled"]) == 0
    out = capsys.readouterr().out
    assert "docs/en/handbook/buddy-system/03-initial-self-assessment.md:35 [data-protection] filled" in out
    assert "docs/fr/handbook/supervising-volunteers.md:123 [legal-obligations] filled\n" in out
    project, _ = fork
    monkeypatch.chdir(project)
    assert main(["adapt", "--fail-unfilled"]) == 1
    out = capsys.readouterr().out
    assert "docs/en/handbook/supervising-volunteers.md:122 [legal-obligations] NOT FILLED in en\n" in out
    assert "docs/en/handbook/supervising-volunteers.md:124 [insurance] filled\n" in out


def test_portfolio_adapt_says_a_point_filled_only_in_english_for_a_translated_page(fork, monkeypatch, capsys):
    """The fork fills `insurance` in English only: its Portuguese pages show the English text."""
    project, _ = fork
    (project / "docs/pt/handbook").mkdir(exist_ok=True)
    page = project / "docs/pt/handbook/seguro.md"
    page.write_text('# Seguro\n\n{{ adapt("insurance") }}\n', encoding="utf-8")
    monkeypatch.chdir(project)
    try:
        assert main(["adapt"]) == 0
    finally:
        page.unlink()
    out = capsys.readouterr().out
    assert "docs/pt/handbook/seguro.md:3 [insurance] NOT FILLED in pt (readers see the en text)" in out
    assert "docs/en/handbook/supervising-volunteers.md" in out and "insurance (pt)" in out


def test_a_person_without_consent_stops_the_build(tmp_path, monkeypatch, caplog):
    monkeypatch.delenv("CI", raising=False)  # plain lines, not CI annotations
    project = copy_project(tmp_path / "project")
    (project / "curriculum/people.yml").write_text(
        "people:\n  - id: helper\n    name: Someone Named\n    role: {en: Peer helper}\n"
        "    consent: {given: false, date: '2026-01-01'}\n"
    )
    monkeypatch.chdir(project)
    lines = [p.format() for p in validate(project, "en", ("en", "fr", "ar")) if p.is_error]
    assert lines == [
        "curriculum/people.yml:2 [no-consent] `helper` has no recorded consent to be named — record the person's"
        " consent (given: true, date) only once they agreed in writing, or remove them"
    ]
    with pytest.raises(Abort):
        build_site(project, tmp_path / "site", pdfs=False, exports=False)
    assert lines[0] in caplog.text


def test_an_outdated_translation_is_detected_and_marked_up_to_date(tmp_path, monkeypatch, capsys):
    project = copy_project(tmp_path / "project")
    (project / "docs/ar/handbook/glossary.md").unlink()  # a fork whose Arabic is partial
    languages = read_languages(project / "mkdocs.yml")

    def status(lang, page):
        return next(s.state for s in page_statuses(project, languages) if s.lang == lang and s.path == page)

    assert status("fr", "handbook/glossary.md") == TRANSLATED
    assert status("ar", "handbook/glossary.md") == MISSING
    glossary = project / "docs/en/handbook/glossary.md"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "\nA new term was added.\n", encoding="utf-8")
    assert status("fr", "handbook/glossary.md") == OUTDATED
    # A translation that records nothing (a translator new to --mark): nobody knows what
    # it was made from, so readers are told nothing false, and `check` says what to do.
    unrecorded = project / "docs/fr/handbook/where-this-comes-from.md"
    text = unrecorded.read_text(encoding="utf-8")
    unrecorded.write_text(re.sub(r'^translation_of: "\w+"\n', "", text, flags=re.M), encoding="utf-8")
    assert status("fr", "handbook/where-this-comes-from.md") == UNRECORDED
    monkeypatch.chdir(project)
    [said] = [p.format() for p in validate(project, "en", languages.built) if p.rule == "unrecorded-translation"]
    assert said.startswith("docs/fr/handbook/where-this-comes-from.md:1 [unrecorded-translation]")
    assert said.endswith("run `portfolio translations --mark fr handbook/where-this-comes-from.md`")

    site = tmp_path / "site"
    build_site(project, site, pdfs=False, exports=False, report=lambda message: None)
    html = (site / "fr/handbook/glossary/index.html").read_text(encoding="utf-8")
    assert "La version anglaise de cette page a changé depuis cette traduction." in html
    assert "portfolio-outdated" not in (site / "fr/handbook/index.html").read_text(encoding="utf-8")
    origins = (site / "fr/handbook/where-this-comes-from/index.html").read_text(encoding="utf-8")
    assert "portfolio-outdated" not in origins

    assert main(["translations", "--fail-below", "100"]) == 1
    assert "| handbook/where-this-comes-from.md | unrecorded |" in capsys.readouterr().out
    assert main(["translations", "--mark", "fr", "handbook/where-this-comes-from.md"]) == 0
    assert status("fr", "handbook/where-this-comes-from.md") == TRANSLATED
    assert main(["translations", "--mark", "fr", "handbook/glossary.md"]) == 0
    assert status("fr", "handbook/glossary.md") == TRANSLATED
    capsys.readouterr()
    assert main(["translations", "--fail-below", "100"]) == 1  # Arabic is partial
    assert "fr: 100% translated and up to date" in capsys.readouterr().out


def test_portfolio_init_writes_a_valid_organisation_file(tmp_path, monkeypatch):
    project = copy_project(tmp_path / "project")
    monkeypatch.chdir(project)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    options = [
        "--name",
        "Associação Exemplo",
        "--short-name",
        "AE",
        "--country",
        "PT",
        "--languages",
        "en,fr",
        "--email",
        "geral@example.pt",
        "--force",  # the project has its own organisation.yml
    ]
    assert main(["init", *options]) == 0
    text = (project / "curriculum/organisation.yml").read_text(encoding="utf-8")
    assert 'en: "Associação Exemplo"' in text and "languages: [en, fr]" in text
    assert [p for p in validate(project, "en", ("en", "fr")) if p.is_error] == []
    assert read_languages(project / "mkdocs.yml").built == ("en", "fr")
