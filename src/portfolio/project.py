"""Where things are in a project, and which languages it builds (read from mkdocs.yml)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

CONFIG_FILE = "mkdocs.yml"
CURRICULUM_DIR = "curriculum"
DOCS_DIR = "docs"
RIGHT_TO_LEFT = frozenset({"ar", "fa", "he", "ur"})


def direction(lang: str) -> str:
    """The writing direction of a language: `rtl` or `ltr`."""
    return "rtl" if lang in RIGHT_TO_LEFT else "ltr"


@dataclass(frozen=True)
class Languages:
    default: str
    built: tuple[str, ...]
    names: dict[str, str]

    def folder(self, lang: str) -> str:
        """The site folder of a language: '' for the default one, 'fr/' for French."""
        return "" if lang == self.default else f"{lang}/"


def read_languages(config_file: Path) -> Languages:
    """The static-i18n languages declared in mkdocs.yml (the ones with `build: true`)."""
    with open(config_file, encoding="utf-8") as stream:
        config = yaml_load(stream)
    i18n = next(plugin["i18n"] for plugin in config.get("plugins", []) if isinstance(plugin, dict) and "i18n" in plugin)
    entries = i18n["languages"]
    default = next(entry["locale"] for entry in entries if entry.get("default"))
    built = tuple(entry["locale"] for entry in entries if entry.get("build", True))
    chosen = _organisation_languages(config_file.parent)
    if chosen:  # the organisation builds a subset; the default language always
        built = tuple(lang for lang in built if lang in chosen or lang == default)
    return Languages(default, built, {entry["locale"]: entry.get("name", entry["locale"]) for entry in entries})


def _organisation_languages(root: Path) -> list[str]:
    """The `languages:` of curriculum/organisation.yml, read without validating the file."""
    from portfolio import yamlfile

    data, _ = (
        yamlfile.load(root / CURRICULUM_DIR / "organisation.yml") if (root / CURRICULUM_DIR).is_dir() else (None, [])
    )
    languages = data.get("languages") if isinstance(data, dict) else None
    return [str(lang) for lang in languages] if isinstance(languages, list) else []


# The sources that make a project (what a copy needs to build).
SOURCE_PARTS = ("mkdocs.yml", "docs", "curriculum", "overrides", "templates", "hooks")


def copy_sources(root: Path, target: Path) -> Path:
    """Copy a project's sources to `target`; node_modules is linked, not copied."""
    import shutil

    target.mkdir(parents=True)
    for part in SOURCE_PARTS:
        source = root / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy(source, target / part)
    if (root / "node_modules").is_dir():
        (target / "node_modules").symlink_to(root / "node_modules")
    return target
