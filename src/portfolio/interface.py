"""Interface strings (notices, labels) in every language, from curriculum/interface.yml."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from portfolio import yamlfile
from portfolio.convert import INVALID, Context, convert_text
from portfolio.models import Text
from portfolio.problems import Problem, problem

INTERFACE_FILE = "curriculum/interface.yml"


def load_interface(root: Path, default: str, languages: Sequence[str]) -> tuple[dict[str, Text], list[Problem]]:
    """The keyed table of interface strings, and its problems."""
    path = root / INTERFACE_FILE
    if not path.is_file():
        return {}, [problem(path, 1, "missing-file", f"{INTERFACE_FILE} does not exist")]
    data, problems = yamlfile.load(path)
    if data is None:
        return {}, problems
    ctx = Context(path, default, tuple(languages))
    if not isinstance(data, dict):
        ctx.add(1, "wrong-type", "the file should be a mapping of keys to texts")
        return {}, problems + ctx.problems
    table = {}
    for key, value in data.items():
        text = convert_text(value, ctx, data.line_of(key), key)
        if text is not INVALID:
            table[key] = text
    return table, problems + ctx.problems


def strings_for(table: dict[str, Text], lang: str, default: str) -> dict[str, str]:
    """Every interface string in `lang`, falling back to the default language."""
    return {key: text.get_text(lang, default) for key, text in table.items()}
