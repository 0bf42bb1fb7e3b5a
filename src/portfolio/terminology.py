"""One agreed term per concept in every language (curriculum/terminology.yml).

`load_terminology` reads the file; `check_terms` warns where a page or a YAML text
uses a variant to avoid; `glossary_rows` gives the glossary of one language.
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Sequence
from pathlib import Path

from portfolio import yamlfile
from portfolio.convert import INVALID, Context, convert
from portfolio.locations import FORM_PAGES
from portfolio.models import Terminology
from portfolio.problems import Problem, problem
from portfolio.project import CURRICULUM_DIR, DOCS_DIR

TERMINOLOGY_FILE = "terminology.yml"
# Files whose texts are not prose to check: the terminology itself, generated records.
_NOT_PROSE = {TERMINOLOGY_FILE, "translations.yml"}


def load_terminology(root: Path, default: str, languages: Sequence[str]) -> tuple[Terminology | None, list[Problem]]:
    path = root / CURRICULUM_DIR / TERMINOLOGY_FILE
    if not path.is_file():
        return None, []  # a project may do without one
    data, problems = yamlfile.load(path)
    if data is None and problems:
        return None, problems
    ctx = Context(path, default, tuple(languages))
    terminology = convert(Terminology, data, ctx)  # an empty file is said to lack its terms
    if terminology is INVALID:
        return None, problems + ctx.problems
    for name, concept in terminology.concepts.items():  # an empty variant is "found" everywhere
        for index in [i for i, variant in enumerate(concept.avoid) if not variant.text.strip()]:
            said = f"a variant to avoid of `{name}` is empty: every text would be said to use it"
            problems.append(problem(path, _avoid_line(data, name, index), "wrong-type", said, "write the variant"))
        concept.avoid = [variant for variant in concept.avoid if variant.text.strip()]
    return terminology, problems + ctx.problems


def _avoid_line(data: yamlfile.YamlMap, name: str, index: int) -> int:
    """The line of the `index`th variant to avoid of the concept `name`."""
    concepts = data.get("concepts") if isinstance(data, dict) else None
    concept = concepts.get(name) if isinstance(concepts, dict) else None
    avoid = concept.get("avoid") if isinstance(concept, dict) else None
    return avoid.line_of(index) if isinstance(avoid, yamlfile.YamlList) else 1


def check_terms(root: Path, terminology: Terminology, languages: Sequence[str]) -> list[Problem]:
    """Every use of a variant to avoid, in the pages of its language and in the texts of
    that language in curriculum/*.yml."""
    finders = {lang: finder for lang in languages if (finder := _finder(terminology, lang))}
    found: list[Problem] = []
    for lang, finder in finders.items():
        for path in sorted((root / DOCS_DIR / lang).rglob("*.md")):
            text, _ = yamlfile.read_text(path)
            found.extend(_check_lines(path, text or "", finder))
    for path in sorted((root / CURRICULUM_DIR).rglob("*.yml")):
        if path.name in _NOT_PROSE:
            continue
        data, _ = yamlfile.load(path)
        for lang, line, value in _texts(data, finders):
            found.extend(_matches(path, line, value, finders[lang]))
    return found


def check_mentions(
    root: Path, terminology: Terminology | None, forms: dict, default: str, languages: Sequence[str]
) -> list[Problem]:
    """Mentions of a document the project has (a form, a procedure) that do not link to it
    (a link to a page the project does not have is portfolio.links' to find)."""
    found: list[Problem] = []
    for lang in languages:
        documents = _documents(terminology, forms, lang, default)
        folder = root / DOCS_DIR / lang
        for path in sorted(folder.rglob("*.md")):
            text, _ = yamlfile.read_text(path)
            page = path.relative_to(folder).as_posix()
            _, body, first_line = yamlfile.split_front_matter(text or "")
            for number, line in enumerate(body.splitlines(), first_line):
                found.extend(_unlinked(path, number, line, page, documents))
    return found


def glossary_rows(terminology: Terminology | None, lang: str, default: str) -> list[dict[str, str]]:
    """The concepts that have a definition, as term and meaning in `lang`, in the
    alphabetical order of that language's terms."""
    if terminology is None:
        return []
    rows = [
        {"term": concept.term.get_text(lang, default), "meaning": concept.definition.get_text(lang, default)}
        for concept in terminology.concepts.values()
        if concept.definition is not None
    ]
    return sorted(rows, key=lambda row: row["term"].casefold())


# Helpers ----------------------------------------------------------------------


class _Finder:
    def __init__(self, pattern: re.Pattern, reasons: dict[str, tuple[str, str]]):
        self.pattern = pattern
        self.reasons = reasons  # variant (case-folded) -> (agreed term, why)


def _finder(terminology: Terminology, lang: str) -> _Finder | None:
    reasons = {}
    for concept in terminology.concepts.values():
        agreed = concept.term.get(lang, "")
        for variant in concept.avoid:
            if variant.lang == lang:
                reasons[variant.text.casefold()] = (agreed, variant.why)
    if not reasons:
        return None
    prefixes = terminology.attached_prefixes.get(lang, [])
    # Up to two attached prefixes (و + ال): «والقرين» is «قرين» too.
    alternatives = "|".join(map(re.escape, sorted(prefixes, key=len, reverse=True)))
    before = f"(?:{alternatives}){{0,2}}" if prefixes else ""
    words = "|".join(map(re.escape, sorted(reasons, key=len, reverse=True)))
    return _Finder(re.compile(rf"(?<!\w){before}(?P<variant>{words})(?!\w)", re.IGNORECASE), reasons)


def _check_lines(path: Path, text: str, finder: _Finder) -> list[Problem]:
    _, body, first_line = yamlfile.split_front_matter(text)
    found = []
    for number, line in enumerate(body.splitlines(), first_line):
        found.extend(_matches(path, number, line, finder))
    return found


def _matches(path: Path, number: int, text: str, finder: _Finder) -> list[Problem]:
    found = []
    for variant in _variants(finder.pattern, text):
        agreed, why = finder.reasons[variant.casefold()]
        found.append(
            problem(
                path,
                number,
                "avoid-term",
                f"«{variant}» is a variant to avoid ({why})",
                f"write «{agreed}» (curriculum/terminology.yml)" if agreed else "see curriculum/terminology.yml",
            )
        )
    return found


@functools.lru_cache(maxsize=1 << 16)
def _variants(pattern: re.Pattern, text: str) -> tuple[str, ...]:
    """The variants to avoid that a line uses, in its prose only. Kept per line: the
    preview checks the same unchanged lines after every save."""
    return tuple(match.group("variant") for match in pattern.finditer(_NOT_WORDS.sub(" ", text)))


def _texts(data: object, finders: dict) -> list[tuple[str, int, str]]:
    """(language, line, text) of every text in a parsed YAML file, and of every plural
    form of an interface text."""
    found = []
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, yamlfile.YamlMap):
            for key, item in value.items():
                if key in finders and isinstance(item, str):
                    found.append((key, value.line_of(key), item))
                elif key in finders and isinstance(item, yamlfile.YamlMap):  # plural forms
                    found.extend((key, item.line_of(c), text) for c, text in item.items() if isinstance(text, str))
                else:
                    stack.append(item)
        elif isinstance(value, yamlfile.YamlList):
            stack.extend(value)
    return found


def _documents(
    terminology: Terminology | None, forms: dict, lang: str, default: str
) -> tuple[tuple[re.Pattern, str], ...]:
    """(pattern of the name in `lang`, page it names) of every form and named procedure."""
    named = [(f.title.get_text(lang, default), f"{FORM_PAGES}/{f.id}.md") for f in forms.values()]
    if terminology is not None:
        named += [(c.term.get(lang, ""), c.document) for c in terminology.concepts.values() if c.document]
    return tuple((re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE), page) for name, page in named if name)


def _unlinked(path: Path, number: int, line: str, page: str, documents: tuple) -> list[Problem]:
    return [
        problem(
            path,
            number,
            "unlinked-mention",
            f"«{name}» names {document}, but does not link to it",
            f"make it a link: [{name}]({_relative(document, page)})",
        )
        for name, document in _unlinked_names(line, page, documents)
    ]


@functools.lru_cache(maxsize=1 << 16)
def _unlinked_names(line: str, page: str, documents: tuple) -> tuple[tuple[str, str], ...]:
    """(name as written, page it names) of each mention on a line that does not link to
    its document. Kept per line, as `_variants`."""
    if line.lstrip().startswith("#") or not _any_name(documents).search(line):
        return ()  # a heading names its own subject; most lines name no document
    links = [(m.start(), m.end(), m.group(2)) for m in _LINK.finditer(line)]
    found = []
    for pattern, document in documents:
        if document == page:
            continue
        for match in pattern.finditer(line):
            linked = any(
                start <= match.start()
                and match.end() <= end
                and posixpath.basename(target.split("#")[0]) == posixpath.basename(document)
                for start, end, target in links
            )
            if not linked:
                found.append((match.group(0), document))
    return tuple(found)


@functools.lru_cache(maxsize=64)
def _any_name(documents: tuple) -> re.Pattern:
    """Every document's name in one pattern: a line it does not match mentions none."""
    names = "|".join(f"(?:{pattern.pattern})" for pattern, _ in documents) or r"(?!)"
    return re.compile(names, re.IGNORECASE)


def _relative(target: str, page: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


# Data -------------------------------------------------------------------------
_LINK = re.compile(r"\[([^\[\]\n]*)\]\(([^()\s]*)(?:\s[^()\n]*)?\)")
# What is not prose on a line: link targets, attribute lists, HTML tags, code spans.
_NOT_WORDS = re.compile(r"\]\([^()]*\)|\{[^{}]*\}|<[^<>]*>|`[^`]*`")
