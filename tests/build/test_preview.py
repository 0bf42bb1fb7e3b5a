"""The preview (`make serve LANG=fr`): one language, and after a save only the pages whose
inputs changed are converted again; what the reader sees is what a full build gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from conftest import ROOT, copy_project, differences
from portfolio import preview
from portfolio.project import CONFIG_FILE, PREVIEW, PREVIEW_LANGUAGE, read_languages
from portfolio.reproducible import ENV, source_epoch

PAGE = "handbook/buddy-system/07-peer-sessions.md"
BUILT = "fr/handbook/buddy-system/07-peer-sessions/index.html"
NEIGHBOUR = "fr/handbook/buddy-system/08-supervision-and-self-assessment/index.html"  # its previous page


@pytest.fixture
def french_preview(tmp_path, monkeypatch):
    """A project copy previewed in French, as `make serve LANG=fr` does."""
    monkeypatch.setenv(PREVIEW_LANGUAGE, "fr")
    monkeypatch.setenv(ENV, str(source_epoch(ROOT)))  # the copy is not a git clone
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    preview.forget()
    yield copy_project(tmp_path / "project")
    preview.forget()


def _build(project: Path, site: Path) -> None:
    build(load_config(str(project / CONFIG_FILE), site_dir=str(site)))


def _add(project: Path, lang: str, sentence: str) -> None:
    page = project / "docs" / lang / PAGE
    page.write_text(page.read_text(encoding="utf-8") + f"\n{sentence}\n", encoding="utf-8")


def test_a_saved_translation_is_the_only_page_converted_and_the_preview_matches_a_full_build(
    french_preview, tmp_path, monkeypatch
):
    monkeypatch.setenv(PREVIEW, "1")
    site = tmp_path / "preview"
    _build(french_preview, site)
    pages = preview.kept()
    assert pages > 50  # the French pages
    # One language: of the English site, only its home page is built.
    assert (site / "index.html").is_file() and not (site / "handbook").exists()

    # A new title is in every page's navigation: the other pages are laid out again.
    page = french_preview / "docs/fr" / PAGE
    text = page.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("# "))
    page.write_text(text.replace(title, title.replace("Séances", "Rencontres")), encoding="utf-8")
    _build(french_preview, site)
    assert preview.kept() == pages + 1  # the saved page alone was converted
    assert "Rencontres entre pairs" in (site / NEIGHBOUR).read_text(encoding="utf-8")
    assert preview.laid_out() == pages - 1  # every French page (not the English home page)

    _add(french_preview, "fr", "Une phrase ajoutée pendant la relecture.")
    _build(french_preview, site)
    assert preview.kept() == pages + 2
    assert preview.laid_out() == 1  # the other pages are written as they were
    assert "Une phrase ajoutée pendant la relecture." in (site / BUILT).read_text(encoding="utf-8")

    monkeypatch.delenv(PREVIEW)
    _build(french_preview, tmp_path / "full")
    assert differences(site / "fr", tmp_path / "full" / "fr") == []


def test_saving_a_source_page_converts_its_translation_and_the_status_page_only(french_preview, tmp_path, monkeypatch):
    monkeypatch.setenv(PREVIEW, "1")
    site = tmp_path / "preview"
    _build(french_preview, site)
    assert "portfolio-outdated" not in (site / BUILT).read_text(encoding="utf-8")

    pages = preview.kept()

    _add(french_preview, "en", "One more sentence in the English source.")
    _build(french_preview, site)
    # The French page now says its source changed since it was translated.
    assert "portfolio-outdated" in (site / BUILT).read_text(encoding="utf-8")
    # Converted again: that page, and the translation status, which lists its state.
    assert preview.kept() == pages + 2

    _add(french_preview, "en", "A second sentence: the translation's state stays the same.")
    _build(french_preview, site)
    assert preview.kept() == pages + 2  # no French page converted

    monkeypatch.delenv(PREVIEW)
    _build(french_preview, tmp_path / "full")
    assert differences(site / "fr", tmp_path / "full" / "fr") == []


def test_a_one_language_preview_says_where_its_pages_are(monkeypatch):
    languages = read_languages(ROOT / CONFIG_FILE)
    served = "http://127.0.0.1:8000/handbook/"  # a site_url with a folder: MkDocs serves there
    monkeypatch.setenv(PREVIEW_LANGUAGE, "fr")
    assert preview.announced(served, languages) == (
        f"Preview of fr alone: {served}fr/ (the default language: {served})"
    )
    monkeypatch.setenv(PREVIEW_LANGUAGE, "")  # every language: MkDocs' own address says it
    assert preview.announced(served, languages) is None


def test_a_link_to_an_anchor_that_is_gone_is_reported_though_the_linking_page_is_reused(
    french_preview, tmp_path, monkeypatch, caplog
):
    monkeypatch.setenv(PREVIEW, "1")
    site = tmp_path / "preview"
    _build(french_preview, site)
    for lang in ("en", "fr"):  # a section's id is the same in the source and its translations
        target = french_preview / "docs" / lang / "handbook/safeguarding/screening-and-intake.md"
        text = target.read_text(encoding="utf-8")
        target.write_text(text.replace("{ #newcomer-intake }", "{ #intake }"), encoding="utf-8")
    caplog.clear()
    with pytest.raises(Abort):  # mkdocs.yml is strict: a warning fails the rebuild, as in a build
        _build(french_preview, site)
    # 03-initial-self-assessment.md links to #newcomer-intake; it was not converted again.
    assert any(
        "03-initial-self-assessment.md" in r.getMessage() and "newcomer-intake" in r.getMessage()
        for r in caplog.records
        if r.levelname == "WARNING"
    )


def test_a_page_that_warned_is_converted_again_and_warns_again(french_preview, tmp_path, monkeypatch, caplog):
    monkeypatch.setenv(PREVIEW, "1")
    site = tmp_path / "preview"
    _build(french_preview, site)
    page = french_preview / "docs/fr" / PAGE
    # A section of a page whose macros make its ids: `make check` leaves it to the build.
    page.write_text(page.read_text(encoding="utf-8") + "\n[Le guide](../forms/consent.md#disparu)\n", encoding="utf-8")
    other = french_preview / "docs/fr/handbook/glossary.md"
    for saved in (page, other):  # then a save of another page: the linking page is as it was
        saved.write_text(saved.read_text(encoding="utf-8") + "\nUne phrase ajoutée.\n", encoding="utf-8")
        caplog.clear()
        with pytest.raises(Abort):  # strict: the warning fails each rebuild, as in a build
            _build(french_preview, site)
        assert any("consent.md#disparu" in r.getMessage() for r in caplog.records if r.levelname == "WARNING")
