"""Keyed tables of texts in every language: interface strings (notices, labels) from
curriculum/interface.yml, and abbreviations shown as tooltips from
curriculum/abbreviations.yml."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from portfolio import yamlfile
from portfolio.convert import INVALID, Context, convert_text
from portfolio.models import Text
from portfolio.problems import Problem, problem

INTERFACE_FILE = "curriculum/interface.yml"
ABBREVIATIONS_FILE = "curriculum/abbreviations.yml"


def load_interface(root: Path, default: str, languages: Sequence[str]) -> tuple[dict[str, Text], list[Problem]]:
    """The interface strings, and their problems."""
    return load_table(root, INTERFACE_FILE, default, languages)


def load_abbreviations(root: Path, default: str, languages: Sequence[str]) -> tuple[dict[str, Text], list[Problem]]:
    """The abbreviations and their explanations, and their problems."""
    return load_table(root, ABBREVIATIONS_FILE, default, languages)


def load_table(root: Path, name: str, default: str, languages: Sequence[str]) -> tuple[dict[str, Text], list[Problem]]:
    """A YAML file mapping keys to texts in each language."""
    path = root / name
    if not path.is_file():
        return {}, [problem(path, 1, "missing-file", f"{name} does not exist")]
    data, problems = yamlfile.load(path)
    if data is None:
        return {}, problems
    ctx = Context(path, default, tuple(languages))
    if not isinstance(data, dict):
        ctx.add(1, "wrong-type", "the file should be a mapping of keys to texts")
        return {}, problems + ctx.problems
    table = {}
    for key, value in data.items():
        text = convert_text(value, ctx, data.line_of(key), str(key))
        if text is not INVALID:
            table[key] = text
    return table, problems + ctx.problems


def strings_for(table: dict[str, Text], lang: str, default: str) -> dict[str, str]:
    """Every interface string in `lang`, falling back to the default language."""
    return {key: text.get_text(lang, default) for key, text in table.items()}


def abbreviation_lines(table: dict[str, Text], lang: str, default: str) -> str:
    """Markdown `abbr` definitions (`*[DPI]: ...`) for a page written in `lang`."""
    return "\n".join(f"*[{key}]: {text}" for key, text in strings_for(table, lang, default).items())
