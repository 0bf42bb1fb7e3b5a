"""Turn YAML data into model objects, reporting every structural problem.

The walk follows the dataclasses' type hints (see `models`): unknown keys,
missing fields, wrong types, unknown vocabulary and untranslated texts are
reported with the line they stand on. References to other records are
collected for `validate` to check once every file is loaded.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import re
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from portfolio.models import PartialText, Ref, Text, is_required, non_null
from portfolio.problems import RULES, Problem, article, problem
from portfolio.yamlfile import YamlList, YamlMap


@dataclass(frozen=True)
class Reference:
    """A name of another record, and where it was written."""

    kind: str
    value: str
    path: Path
    line: int
    key: str


@dataclass
class Context:
    path: Path
    default: str
    languages: tuple[str, ...]
    problems: list[Problem] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)

    def add(self, line: int, rule: str, message: str, fix: str = "") -> None:
        self.problems.append(problem(self.path, line, rule, message, fix))

    @property
    def complete(self) -> bool:
        """Whether every part of the data was built: an unknown key is reported and left
        aside, the rest of its record kept; any other error leaves out what it stands on."""
        return not any(p.is_error and p.rule != "unknown-key" for p in self.problems)


INVALID = object()
# Reads a language's text written as a mapping: (language, the mapping, its line) -> the text, or INVALID.
Forms = Callable[[str, Any, int], Any]


def convert(cls: type, data: Any, ctx: Context, line: int = 1, key: str = "") -> Any:
    """Build `cls` from `data`; returns INVALID when it cannot be built."""
    if not isinstance(data, dict):
        label = key or "the file"
        ctx.add(line, "wrong-type", f"{label} should be a mapping of keys, not {_kind(data)}")
        return INVALID
    hints, fields = _shape(cls)
    for name in data:
        if name not in fields:
            known = ", ".join(fields)
            ctx.add(
                line_of(data, name, line),
                "unknown-key",
                f"`{_join(key, name)}` is not a key of {_a(cls)}",
                f"remove it or use one of: {known}",
            )
    values: dict[str, Any] = {}
    for name, spec in fields.items():
        if name not in data:
            if is_required(spec):
                ctx.add(line, "missing-field", f"`{_join(key, name)}` is missing")
            continue
        value = _value(hints[name], data[name], ctx, line_of(data, name, line), _join(key, name))
        if value is not INVALID:
            values[name] = value
    if any(is_required(spec) and name not in values for name, spec in fields.items()):
        return INVALID
    return cls(**values)


# Helpers ----------------------------------------------------------------------


@functools.cache
def _shape(cls: type) -> tuple[dict[str, Any], dict[str, dataclasses.Field]]:
    """A model's type hints and fields, worked out once per class (resolving the hints
    is most of the cost of a small record)."""
    return typing.get_type_hints(cls, include_extras=True), {f.name: f for f in dataclasses.fields(cls)}


def _value(tp: Any, value: Any, ctx: Context, line: int, key: str) -> Any:
    """Check and convert one value against its type hint."""
    line = getattr(value, "line", line)
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        return _value(non_null(tp), value, ctx, line, key)
    if origin is typing.Annotated:
        base, *extras = typing.get_args(tp)
        refs = [extra for extra in extras if isinstance(extra, Ref)]
        if refs and base is str and not isinstance(value, str):  # a text where an id belongs
            kind = refs[0].kind
            ctx.add(
                line,
                "wrong-type",
                f"`{key}` should be the id of a {kind}, not {_kind(value)}",
                RULES[f"unknown-{kind}"][1] if f"unknown-{kind}" in RULES else "",
            )
            return INVALID
        result = _value(base, value, ctx, line, key)
        for extra in extras:
            if isinstance(extra, Ref) and result is not INVALID:
                ctx.references.append(Reference(extra.kind, result, ctx.path, line, key))
        return result
    if origin is typing.Literal:
        allowed = typing.get_args(tp)
        if value not in allowed:
            ctx.add(
                line,
                "unknown-value",
                f"`{key}` is `{value}`, which is not allowed",
                "use one of: " + ", ".join(allowed),
            )
            return INVALID
        return value
    if origin is list:
        return _list(typing.get_args(tp)[0], value, ctx, line, key)
    if origin is dict:
        return _mapping(*typing.get_args(tp), value, ctx, line, key)
    if tp in (Text, PartialText):
        return convert_text(value, ctx, line, key, partial=tp is PartialText)
    if dataclasses.is_dataclass(tp):
        return convert(tp, value, ctx, line, key)
    return _scalar(tp, value, ctx, line, key)


def _list(item_tp: Any, value: Any, ctx: Context, line: int, key: str) -> Any:
    if not isinstance(value, list):
        ctx.add(line, "wrong-type", f"`{key}` should be a list, not {_kind(value)}")
        return INVALID
    items = []
    for index, item in enumerate(value):
        item_line = value.line_of(index) if isinstance(value, YamlList) else line
        converted = _value(item_tp, item, ctx, item_line, f"{key}[{index + 1}]")
        if converted is not INVALID:
            items.append(converted)
    return items


def _mapping(key_tp: Any, value_tp: Any, value: Any, ctx: Context, line: int, key: str) -> Any:
    if not isinstance(value, dict):
        ctx.add(line, "wrong-type", f"`{key}` should be a mapping of keys, not {_kind(value)}")
        return INVALID
    result = {}
    for name, item in value.items():
        item_line = line_of(value, name, line)
        name = _value(key_tp, name, ctx, item_line, f"{key} key")
        converted = _value(value_tp, item, ctx, item_line, f"{key}.{name}")
        if name is not INVALID and converted is not INVALID:
            result[name] = converted
    return result


def convert_text(
    value: Any, ctx: Context, line: int, key: str, forms: Forms | None = None, partial: bool = False
) -> Any:
    """Check a text in several languages; warn for each built language it lacks, unless
    the text is `partial` (a PartialText: only some languages have it). With `forms`, a
    language's text may be a mapping, which `forms(lang, mapping, line)` reads (an
    interface text's plural forms) or refuses (INVALID, having said why)."""
    if not isinstance(value, dict):
        said = "one text for all of them" if isinstance(value, str) else _kind(value)
        ctx.add(
            line,
            "wrong-type",
            f"`{key}` should be a text in each language, not {said}",
            f"write it as {{{ctx.default}: ..., fr: ...}}",
        )
        return INVALID
    odd = [lang for lang, v in value.items() if not isinstance(v, str) and not (forms and isinstance(v, dict))]
    if odd:
        lang = odd[0]
        ctx.add(
            line_of(value, lang, line),
            "wrong-type",
            f"`{key}.{lang}` should be a text, not {_kind(value[lang])}",
            'put the text in double quotes, e.g. "Yes"',
        )
        return INVALID
    read = {lang: forms(lang, v, line_of(value, lang, line)) for lang, v in value.items() if isinstance(v, dict)}
    if any(v is INVALID for v in read.values()):
        return INVALID
    # A text is kept as written, but for the line break a YAML block ends with: the
    # spaces of a quoted text are meant (the list separator ", ").
    kept = {lang: v.rstrip("\n") for lang, v in value.items() if isinstance(v, str) and v.strip()}
    text = (PartialText if partial else Text)({**kept, **{lang: v for lang, v in read.items() if v}})
    if partial:
        return text
    if not text.has(ctx.default):
        ctx.add(line, "missing-default-language", f"`{key}` has no `{ctx.default}` text")
        return INVALID
    for lang in ctx.languages:
        if not text.has(lang):
            ctx.add(line, "missing-translation", f"`{key}` has no `{lang}` text")
    return text


def _scalar(tp: type, value: Any, ctx: Context, line: int, key: str) -> Any:
    if tp is str and isinstance(value, datetime.date):  # YAML reads 2026-01-15 as a date
        return value.isoformat()
    if tp is int and (isinstance(value, bool) or not isinstance(value, int)):
        ctx.add(line, "wrong-type", f"`{key}` should be a whole number, not {_kind(value)}")
        return INVALID
    if tp is not int and not isinstance(value, tp):
        fix = 'write it in double quotes, e.g. "NO": YAML reads yes, no, on and off as true or false'
        said = f"`{key}` should be {_TYPE_NAMES[tp]}, not {_kind(value)}"
        ctx.add(line, "wrong-type", said, fix if tp is str and isinstance(value, bool) else "")
        return INVALID
    return value


def line_of(data: Any, name: str, line: int) -> int:
    """The line of `name` in a mapping read from YAML, else `line`."""
    return data.line_of(name) if isinstance(data, YamlMap) else line


def _join(key: str, name: str) -> str:
    return f"{key}.{name}" if key else name


def _a(cls: type) -> str:
    """A model's name as a reader says it: `an option`, `a self assessment`."""
    words = re.sub(r"(?<!^)(?=[A-Z])", " ", cls.__name__).lower()
    return f"{article(words)} {words}"


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    return next((name for tp, name in _KINDS if isinstance(value, tp)), f"`{value}`")


# Data -------------------------------------------------------------------------
_KINDS = (  # bool before int: True is an int in Python
    (bool, "true/false"),
    (dict, "a mapping"),
    (list, "a list"),
    (str, "a text"),
    ((int, float), "a number"),
)
_TYPE_NAMES = {str: "a text", bool: "true or false"}
