"""Curriculum records presented in one language: plain data for templates, pages,
PDFs and exports alike. Nothing here knows about MkDocs."""

from __future__ import annotations

from typing import Any

from portfolio.models import Curriculum, Text


def localise(value: Any, lang: str, default: str) -> Any:
    """Every Text in a record (recursively) replaced by its string in `lang`, or in the
    default language where the translation is missing."""
    if isinstance(value, Text):
        return value.get_text(lang, default)
    if isinstance(value, dict):
        return {k: localise(v, lang, default) for k, v in value.items()}
    if isinstance(value, list):
        return [localise(v, lang, default) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return localise(vars(value), lang, default)
    return value


def organisation_view(curriculum: Curriculum, lang: str) -> dict[str, Any]:
    """The organisation in one language (footer, covers, forms, certificate)."""
    if curriculum.organisation is None:
        return {}
    return localise(vars(curriculum.organisation), lang, curriculum.default_language)
