"""Language codes and language folders.

A code declared under the i18n plugin in mkdocs.yml becomes the theme's language:
mkdocs-material then reads its interface texts from `partials/languages/<code>.html`, and a
code it has no such file for stops the build with a bare template error. So every code is
checked against the files the installed theme ships (and the project's own, under
overrides/), before any build. Under docs/, a folder the i18n plugin takes for a language
(its name is written like a code) must be a declared language's; a built language's folder
holds at least its home page, index.md (README: Adding a language).

`language_fault` and `undeclared` are the one source of what is said about a code, for
mkdocs.yml, organisation.yml and `portfolio init` alike.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

# A folder name the i18n plugin takes for a language's (folder.py): en, zh-Hant, pt-BR, pt_BR.
from mkdocs_static_i18n.config import RE_LOCALE

from portfolio.locale_facts import country_name
from portfolio.problems import Problem, closest, problem
from portfolio.project import CONFIG_FILE, DOCS_DIR, OVERRIDES_DIR, config_lines, declared_languages

# Where the theme keeps one file of interface texts per language (also under overrides/).
PARTIALS = "partials/languages"
# The project's own file there, which is no language: the theme's labels of the language
# being built, with those the interface writes itself (mkdocs-material's "custom
# translations"). Every build names it as the theme's language (hooks/page_language.py).
LABELS = "custom"


def theme_languages(root: Path) -> frozenset[str]:
    """The language codes the theme has interface texts for: the files the installed
    mkdocs-material ships, and those the project adds under overrides/ (but LABELS)."""
    own = root / OVERRIDES_DIR / PARTIALS
    return _shipped() | frozenset(path.stem for path in own.glob("*.html") if path.stem != LABELS)


def language_name(code: str) -> str:
    """The English name of a language code (`uk`: Ukrainian), or '' if CLDR has none."""
    from babel import Locale, UnknownLocaleError

    english = Locale("en")
    if code in english.languages:
        return english.languages[code]
    try:
        return Locale.parse(code.replace("-", "_")).get_display_name("en") or ""
    except (UnknownLocaleError, ValueError, TypeError):
        return ""


def language_fault(code: str, known: Iterable[str]) -> tuple[str, str] | None:
    """Why `code` is no language code the theme has texts for, and how to fix it, as
    (what, fix); None: it is one. `known`: the codes it has texts for (theme_languages)."""
    fault = _fault(code, sorted(known), ())
    return fault and fault[:2]


def undeclared(code: str, declared: Sequence[str], known: Iterable[str]) -> tuple[str, str] | None:
    """Why `code` cannot be one of mkdocs.yml's languages (`declared`), and how to fix it,
    as (what, fix); None: it is declared. A code that is no language says so first."""
    if code in declared:
        return None
    listed = f"{CONFIG_FILE} declares {', '.join(declared)}"
    fault = _fault(code, sorted(known), declared)
    if fault:
        what, fix, lists = fault
        return what, fix if lists else f"{fix} ({listed})"
    what = f"`{code}` ({language_name(code) or code}) is not declared in {CONFIG_FILE}"
    related = suggestions(code, declared)
    if related:
        return what, f"did you mean {_either(related)}? ({listed})"
    declare = "declare it under the i18n plugin first (README: Adding a language)"
    return what, f"{declare}, or use one of: {', '.join(declared)}"


def suggestions(code: str, candidates: Iterable[str]) -> list[str]:
    """The codes among `candidates` that `code` may have meant: the same code written
    otherwise (FR, pt_BR), the official languages of the country it is the code of (ua:
    uk), its language without the region (en-US: en), else the closest spelling."""
    from babel.languages import get_official_languages

    candidates = sorted(candidates)
    same = [c for c in candidates if _same_code(code, c)]
    if same:
        return same
    territory = code.upper()
    for de_facto in (False, True):
        official = [c for c in get_official_languages(territory, de_facto=de_facto) if c in candidates]
        if official:
            return official
    base = re.split(r"[-_]", code)[0].lower()
    if base != code and base in candidates:
        return [base]
    guess = closest(code, candidates)
    return [guess] if guess else []


def check_languages(root: Path, config: dict, languages: Sequence[str], default: str) -> list[Problem]:
    """The language codes of mkdocs.yml (`config`, as read), the folders under docs/, and
    the home page of each built language (`languages`) but the `default` one (whose pages
    the menu check follows)."""
    known = theme_languages(root)
    declared = declared_languages(config)
    lines = config_lines(root)
    found = []
    for code in dict.fromkeys(declared):
        if code.lower() != "null" and (fault := language_fault(code, known)):  # `null`: static-i18n's switcher link
            found.append(problem(root / CONFIG_FILE, _locale_line(lines, code), "unknown-language", *fault))
    docs = root / DOCS_DIR
    for folder in sorted(p for p in docs.iterdir() if p.is_dir()) if docs.is_dir() else []:
        if folder.name not in declared and RE_LOCALE.match(folder.name):
            found.append(_folder_problem(folder, declared, known))
    for lang in languages:
        home = docs / lang / "index.md"
        if lang != default and lang in declared and not home.is_file():
            said = f"docs/{lang}/index.md does not exist: `{lang}` has no home page of its own"
            fallback = language_name(default) or default
            fix = f"write it, translated from docs/{default}/index.md (the other pages fall back to {fallback})"
            found.append(problem(home, 1, "missing-file", said, fix))
    return found


# Helpers ----------------------------------------------------------------------


def _fault(code: str, known: list[str], offered: Sequence[str]) -> tuple[str, str, bool] | None:
    """language_fault's (what, fix), and whether the fix lists the `offered` codes: those
    to suggest first and to list (none: every known one)."""
    if code in known:
        return None
    guesses = suggestions(code, offered) or suggestions(code, known)
    did_you_mean = f"did you mean {_either(guesses)}?" if guesses else ""
    name = language_name(code) if _is_language(code) else ""
    if guesses and _same_code(code, guesses[0]):
        return f"`{code}` is not written as the theme writes the code", f"write `{guesses[0]}`", False
    if name:  # a language CLDR knows, the theme has no texts for
        own = f"add {OVERRIDES_DIR}/{PARTIALS}/{code}.html: a copy of the theme's {PARTIALS}/en.html, translated"
        fix = f"{did_you_mean} If not, {own}" if did_you_mean else own
        return f"the theme has no interface texts for `{code}` ({name})", fix, False
    what = f"`{code}` is not a language code the theme knows"
    if country := country_name(code.upper()):
        what += f" (`{code}` is {country}'s country code)"
    if did_you_mean:
        return what, did_you_mean, False
    return what, f"use one of: {', '.join(offered or known)}", True


@functools.cache
def _shipped() -> frozenset[str]:
    """The codes the installed mkdocs-material has a partial for."""
    from importlib.resources import files

    folder = files("material") / "templates" / PARTIALS
    return frozenset(item.name.removesuffix(".html") for item in folder.iterdir() if item.name.endswith(".html"))


def _folder_problem(folder: Path, declared: Sequence[str], known: frozenset[str]) -> Problem:
    name = folder.name
    said = (
        f"the folder docs/{name}/ is of no declared language: the i18n plugin takes it for a language `{name}`"
        f" that {CONFIG_FILE} does not declare, and publishes none of its files"
    )
    guesses = suggestions(name, declared)
    declare = "" if language_fault(name, known) else f"declare `{name}` in {CONFIG_FILE} (README: Adding a language)"
    # A language the site may have dropped (a fork's): its folder is left over.
    delete = f"or delete the folder if the site is not to be in {language_name(name) or name}"
    if guesses:
        rename = f"did you mean {_either([f'docs/{g}/' for g in guesses], quote=False)}? Rename the folder"
        fix = f"{rename}, {declare}, {delete}" if declare else rename
    elif declare:
        fix = f"{declare}, rename the folder to a declared language's, {delete}"
    else:  # no language: its files are meant for every language
        folders = ", ".join(f"docs/{lang}/" for lang in declared)
        fix = f"rename it: to the folder of a declared language ({folders}), or to a longer name, as docs/assets/"
    return problem(folder, 1, "unknown-language", said, fix)


def _is_language(code: str) -> bool:
    from babel import Locale

    return re.split(r"[-_]", code)[0] in Locale("en").languages


def _same_code(code: str, other: str) -> bool:
    """The same code written in other letters or with another separator (pt_BR, pt-br)."""
    return code != other and code.replace("_", "-").lower() == other.lower()


def _either(codes: list[str], quote: bool = True) -> str:
    shown = [f"`{c}` ({language_name(c)})" if quote and language_name(c) else f"`{c}`" for c in codes]
    return " or ".join(shown)


def _locale_line(lines: list[str], code: str) -> int:
    """The line of mkdocs.yml that declares `code` (`- locale: ua`), or 1."""
    pattern = re.compile(rf"""^\s*(?:-\s*)?locale:\s*["']?{re.escape(code)}["']?\s*(?:#.*)?$""")
    return next((number for number, line in enumerate(lines, 1) if pattern.match(line)), 1)
