"""Keyed tables of texts in every language: interface strings (notices, labels) from
curriculum/interface.yml, and abbreviations shown as tooltips from
curriculum/abbreviations.yml.

An interface text that says a number of things has `{count}` in it. In a language whose
nouns agree with the number, its text is a mapping of plural forms, one for each category
CLDR gives the language (`{one: "{count} minute", other: "{count} minutes"}`; Arabic has
zero, one, two, few, many and other); `locale_facts.count_text` picks the form."""

from __future__ import annotations

import re
import typing
from collections.abc import Sequence
from pathlib import Path

from portfolio import yamlfile
from portfolio.convert import INVALID, Context, Forms, convert_text, line_of
from portfolio.language_checks import language_name
from portfolio.locale_facts import plural_categories, plural_examples
from portfolio.models import AdaptationPoint, Audience, ChannelKind, Mode, Plural, Role, Text
from portfolio.problems import Problem, problem
from portfolio.translations import MISSING, OUTDATED, TRANSLATED, UNRECORDED

INTERFACE_FILE = "curriculum/interface.yml"
# Interface keys for the theme's own labels that the project writes itself: the prefix,
# then the theme's key with dashes for dots (`theme-select-language`: `select.language`).
THEME_LABEL_PREFIX = "theme-"
ABBREVIATIONS_FILE = "curriculum/abbreviations.yml"
TEMPLATE_FOLDERS = ("overrides", "templates")
# Keys made of a prefix and a value of one of the model's vocabularies.
VOCABULARY_KEYS = {
    "mode": typing.get_args(Mode),
    "audience": typing.get_args(Audience),
    "adapt": typing.get_args(AdaptationPoint),
    "role": typing.get_args(Role),
    "channel": typing.get_args(ChannelKind),  # the labels `portfolio init` writes in organisation.yml
    "status": (TRANSLATED, MISSING, OUTDATED, UNRECORDED),
}
_UI_KEY = re.compile(r"""\bui\[\s*["']([\w-]+)["']\s*\]""")
# The same in Python: `ui["key"]`, `strings["key"]`, `strings_for(...)["key"]` (not quoted in backticks).
_CODE_KEY = re.compile(r"""(?<!`)\b(?:ui|strings|strings_for\([^()]*\))\[\s*["']([\w-]+)["']\s*\]""")


def load_interface(root: Path, default: str, languages: Sequence[str]) -> tuple[dict[str, Text], list[Problem]]:
    """The interface strings, and their problems (a key a template needs included)."""
    table, problems = load_table(root, INTERFACE_FILE, default, languages, plurals=True)
    if (root / INTERFACE_FILE).is_file():
        problems += check_keys(root, table)
    return table, problems


def load_abbreviations(root: Path, default: str, languages: Sequence[str]) -> tuple[dict[str, Text], list[Problem]]:
    """The abbreviations and their explanations, and their problems."""
    return load_table(root, ABBREVIATIONS_FILE, default, languages)


def load_table(
    root: Path, name: str, default: str, languages: Sequence[str], plurals: bool = False
) -> tuple[dict[str, Text], list[Problem]]:
    """A YAML file mapping keys to texts in each language; with `plurals`, a text that
    says a number may give a language's plural forms."""
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
        forms = _plural_forms(ctx, str(key), value) if plurals else None
        text = convert_text(value, ctx, data.line_of(key), str(key), forms)
        if text is not INVALID:
            table[key] = text
    return table, problems + ctx.problems


def _plural_forms(ctx: Context, key: str, value: object) -> Forms:
    """How a language's text of `key` written as a mapping is read: as its plural forms,
    which only a text that says a number (`{count}` in the default language) has. Each
    form must be a category CLDR gives the language, and each such category needs its
    form; all that is wrong is said, and the forms are kept (a missing one shows `other`)."""
    default = value.get(ctx.default) if isinstance(value, dict) else None
    other = default.get("other", "") if isinstance(default, dict) else ""  # a list or a number: convert_text says so
    counted = "{count}" in (default if isinstance(default, str) else str(other))

    def read(lang: str, forms: dict, line: int) -> object:
        where = f"{key}.{lang}"
        if not counted:
            fix = f"only a text that says a number (`{{count}}` in its {ctx.default} text) has plural forms"
            ctx.add(line, "wrong-type", f"`{where}` should be a text, not a mapping", fix + ": write one text")
            return INVALID
        wrong = [category for category, text in forms.items() if not isinstance(text, str) or not text.strip()]
        if wrong:
            fix = 'put the text in double quotes, e.g. "{count} minutes"'
            ctx.add(line_of(forms, wrong[0], line), "wrong-type", f"`{where}.{wrong[0]}` should be a text", fix)
            return INVALID
        used, examples = plural_categories(lang), plural_examples(lang)
        name = language_name(lang) or lang
        has = f"{name} has the forms " + ", ".join(f"{c} ({examples[c]})" if examples[c] else c for c in used)
        for category in forms:
            if category not in used:
                said = f"`{where}.{category}` is no plural form of {name}"
                ctx.add(line_of(forms, category, line), "unknown-plural-form", said, f"remove it: {has}")
        for category in used:
            if category not in forms:
                said = f"`{where}` has no `{category}` form, which {name} uses" + (
                    f" for {examples[category]}" if examples[category] else ""
                )
                ctx.add(line, "missing-plural-form", said, f"add `{category}:` with its text: {has}")
        return Plural({c: t.rstrip("\n") for c, t in forms.items() if c in used})

    return read


def required_keys(root: Path) -> dict[str, str]:
    """Every interface key the templates and this package's code read (with where), and
    the keys built from the model's vocabularies (`mode-distance`, `adapt-insurance`...)."""
    found: dict[str, str] = {}
    for folder in TEMPLATE_FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            if path.suffix not in (".html", ".xml", ".gift", ".js"):
                continue
            found |= {k: w for k, w in _keys_in(path, path.relative_to(root), _UI_KEY).items() if k not in found}
    package = Path(__file__).parent
    for path in sorted(package.rglob("*.py")):  # a key the code reads, missing: a crash in the build
        where = Path("src", package.name, path.relative_to(package))
        found |= {k: w for k, w in _keys_in(path, where, _CODE_KEY).items() if k not in found}
    for prefix, vocabulary in VOCABULARY_KEYS.items():
        for value in vocabulary:
            found.setdefault(f"{prefix}-{value}", f"one for each {prefix}: {', '.join(vocabulary)}")
    return found


def _keys_in(path: Path, shown: Path, pattern: re.Pattern) -> dict[str, str]:
    """The interface keys a file reads, each with where it first does."""
    found: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        for key in pattern.findall(line):
            found.setdefault(key, f"{shown.as_posix()}:{number} uses it")
    return found


def check_keys(root: Path, table: dict[str, Text]) -> list[Problem]:
    """Interface keys that templates need and curriculum/interface.yml lacks."""
    return [
        problem(
            root / INTERFACE_FILE,
            1,
            "missing-interface-string",
            f"the key `{key}` is missing ({why})",
        )
        for key, why in sorted(required_keys(root).items())
        if key not in table
    ]


def strings_for(table: dict[str, Text], lang: str, default: str) -> dict[str, str]:
    """Every interface string in `lang`, falling back to the default language. A text
    that says a number may be its plural forms (a Plural): say it with
    `locale_facts.count_text`, or the `count` filter in templates."""
    return {key: text.get_text(lang, default) for key, text in table.items()}


def theme_labels(table: dict[str, Text], lang: str) -> dict[str, str]:
    """The theme's labels (mkdocs-material's partials/languages/) that the interface
    writes itself in `lang`, by the theme's key. Only texts written in `lang`: a language
    without them (a fork's new one) keeps the theme's own labels, not English ones."""
    return {
        key.removeprefix(THEME_LABEL_PREFIX).replace("-", "."): text[lang]
        for key, text in table.items()
        if key.startswith(THEME_LABEL_PREFIX) and text.has(lang)
    }


def abbreviation_lines(table: dict[str, Text], lang: str, default: str) -> str:
    """Markdown `abbr` definitions (`*[DPI]: ...`) for a page written in `lang`."""
    return "\n".join(f"*[{key}]: {text}" for key, text in strings_for(table, lang, default).items())
