"""Which pages exist in each language, and which fall back to the default language."""

from __future__ import annotations

from pathlib import Path

from portfolio.project import DOCS_DIR, Languages


def pages(root: Path, lang: str) -> set[str]:
    """The Markdown pages of one language, as paths relative to its folder."""
    folder = root / DOCS_DIR / lang
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*.md")}


def fallbacks(root: Path, languages: Languages) -> dict[str, list[str]]:
    """For each built language, the default-language pages it has no translation of."""
    source = pages(root, languages.default)
    return {lang: sorted(source - pages(root, lang)) for lang in languages.built}
