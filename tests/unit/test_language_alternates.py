"""Each page's versions in the other languages, as portfolio.language_alternates finds
them, are the ones static-i18n's own method finds, in every language build."""

from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import get_files

from portfolio.language_alternates import install

CONFIG = """\
site_name: Alternates
plugins:
  - i18n:
      docs_structure: folder
      fallback_to_default: true
      languages:
        - {locale: en, name: English, default: true, build: true}
        - {locale: fr, name: Français, build: true}
        - {locale: ar, name: العربية, build: true}
        - {locale: de, name: Deutsch, build: true}
"""
# Pages each language has: French lacks one, German another, Arabic all but the home page.
PAGES = {
    "en": ["index.md", "steps.md", "handbook/safety.md", "handbook/forms.md"],
    "fr": ["index.md", "steps.md", "handbook/forms.md"],
    "de": ["index.md", "handbook/safety.md", "handbook/forms.md"],
    "ar": ["index.md"],
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    for lang, pages in PAGES.items():
        for page in pages:
            path = tmp_path / "docs" / lang / page
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"# {lang} {page}\n", encoding="utf-8")
    (tmp_path / "docs/en/diagram.svg").write_text("<svg/>", encoding="utf-8")
    return tmp_path


def _versions(project: Path, fast: bool) -> dict:
    """For each language build: each file's versions, by language (source, address, language)."""
    config = load_config(str(project / "mkdocs.yml"))
    plugin = config.plugins["i18n"]
    if fast:
        assert install(plugin), "the installed static-i18n is not the version this was checked against"
    found = {}
    for lang in PAGES:
        plugin.current_language = lang
        files = plugin.reconfigure_files(get_files(config), config)
        found[lang] = {
            f.src_uri: {other: (a.src_uri, a.url, a.locale) for other, a in f.alternates.items()}
            for f in files
            if getattr(f, "alternates", None)
        }
    return found


def test_every_language_build_finds_the_versions_static_i18n_finds(project):
    assert _versions(project, fast=True) == _versions(project, fast=False)


def test_a_missing_translation_stands_for_the_default_language_page_in_that_language(project):
    found = _versions(project, fast=True)
    steps = found["fr"]["fr/steps.md"]
    assert steps["fr"] == ("fr/steps.md", "fr/steps/", "fr")
    assert steps["de"] == ("en/steps.md", "de/steps/", "en")  # German has no steps page
    assert steps["en"] == ("en/steps.md", "steps/", "en")
    assert found["ar"]["en/handbook/safety.md"]["de"] == ("de/handbook/safety.md", "de/handbook/safety/", "de")
