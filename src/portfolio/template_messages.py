"""What a page's template code got wrong, in words for its author, and where.

`make check` (portfolio.page_templates.check_template) and the build's sandbox, which
meets what the check could not foresee, say the same mistake with the same words: each
function here gives it as a `PageProblem` (rule, what is wrong, how to fix), which the
check places at the page's line. `failure` places what fails in the build at the line of
the page's file as its author counts it, though MkDocs renders the page without its
front matter, and a layout (portfolio.layouts) may have placed it in its own text.
"""

from __future__ import annotations

import dataclasses
import re
import traceback
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from jinja2 import TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError

from portfolio import yamlfile
from portfolio.layouts import LAYOUT_KEYS, LAYOUTS_DIR, layout_of, origin, read_layout
from portfolio.models import Organisation
from portfolio.problems import PageProblem, Problem, close_matches, closest, problem
from portfolio.project import project_root
from portfolio.views import ORGANISATION_VIEW_FIELDS


def internals(name: str) -> PageProblem:
    """A page reads a private attribute or key (`__globals__`, `_x`)."""
    return PageProblem("unsafe-template", f"`{name}` reaches into Python's internals")


def not_own(attribute: str) -> PageProblem:
    """A page reads what MkDocs knows of it beyond its title and settings (its file, its
    Markdown, the pages around it)."""
    return PageProblem("unsafe-template", f"pages cannot read `page.{attribute}`", _FIX_NOT_OWN)


def unknown_field(variable: str | None, name: str, fields: Iterable[str]) -> PageProblem:
    """A page reads `variable.name`, and `variable` has no such field: said with the one
    it may have meant and those it has. `variable` None: which variable is not known."""
    if variable == "ui":
        return unknown_interface_text(name, fields)
    fields = sorted(str(f) for f in fields)
    close = closest(name, fields)
    prefix = f"{variable}." if variable else ""
    listed = ", ".join(fields[:_LISTED]) + (", …" if len(fields) > _LISTED else "")
    named = _HOLDS.get(variable or "", "its fields")
    if close:
        fix = f"did you mean `{prefix}{close}`? ({named} are: {listed})"
    elif fields:
        fix = f"use one of {named}: {listed}"
    elif variable == "page.meta":
        fix = f"the page has no settings: write `{name}: …` between two lines `---` at its top, or remove it"
    else:
        fix = f"{named} are: none"
    return PageProblem("unknown-variable", f"`{prefix}{name}` is not known", fix)


def unknown_interface_text(key: str, keys: Iterable[str]) -> PageProblem:
    """A page shows an interface text that does not exist: the build would stop there."""
    close = close_matches(key, sorted(keys), 3)
    fix = (
        f"write {' or '.join(f'`{c}`' for c in close)}, or add the key to curriculum/interface.yml with its text"
        " in every language"
        if close
        else "use a key of curriculum/interface.yml, or add the key there with its text in every language"
    )
    return PageProblem("unknown-interface-text", f'`ui["{key}"]` is not a key of curriculum/interface.yml', fix)


def syntax_fault(
    error: TemplateSyntaxError, source: str, lex: Lex, where: Callable[[int], int]
) -> tuple[int, PageProblem]:
    """The line of the page's file to fix, and what is wrong, when Jinja cannot read a
    page's template (`source`); `where` gives the file's line of a line of `source`.
    Jinja names the block ({% if %}, {% for %}…) left open, not the line that opened it:
    `lex` (an environment's `lex`, with the page's delimiters) finds that line."""
    message = error.message or ""
    unknown = _UNKNOWN_TAG.match(message)
    tag = unknown.group(1) if unknown else None
    if message.startswith(_END_OF_TEMPLATE) or (tag and tag.startswith("end")):
        opened, stray = _blocks(source, lex)
        if tag is None and stray is None and opened:
            block, at = opened[-1][0], where(opened[-1][1])
            said = f"`{{% {block} %}}` opened on line {at} is never closed"
            return at, PageProblem("template-syntax", said, f"add `{{% end{block} %}}` where its part of the page ends")
        if tag is not None and stray is not None and stray[0] == tag and opened:
            block, at, end_at = opened[-1][0], where(opened[-1][1]), where(stray[1])
            said = f"`{{% {block} %}}` opened on line {at} is not closed before `{{% {tag} %}}` on line {end_at}"
            return at, PageProblem("template-syntax", said, f"add `{{% end{block} %}}` before line {end_at}")
        if tag is not None and stray is not None and stray[0] == tag:
            said = f"`{{% {tag} %}}` closes nothing: no `{{% {tag[3:]} … %}}` is open before it"
            fix = f"remove it, or add the `{{% {tag[3:]} … %}}` it should close"
            return where(stray[1]), PageProblem("template-syntax", said, fix)
    elif tag in ("else", "elif"):
        said = f"`{{% {tag} %}}` is not inside an `{{% if … %}}`, or comes after its `{{% else %}}`"
        fix = "an `{% if … %}` takes any `{% elif … %}`, then one `{% else %}`, then `{% endif %}`"
        return where(error.lineno or 1), PageProblem("template-syntax", said, fix)
    elif tag is not None:
        said = f"`{{% {tag} %}}` is not something a page can write"
        return where(error.lineno or 1), PageProblem("template-syntax", said, _FIX_TAG)
    said = f"the page's {{{{ … }}}} code cannot be read: {message}"
    return where(error.lineno or 1), PageProblem("template-syntax", said)


def failure(page: Any, error: Exception, lex: Lex, source: str | None = None) -> Problem:
    """A page's template failing while rendering (or, given its `source`, compiling), as
    a problem at the line of the page's file: a refusal of a macro (portfolio.pages) or
    of the sandbox keeps its rule and words. `lex`: as for `syntax_fault`."""
    said = str(error)
    path = getattr(getattr(page, "file", None), "abs_src_path", None) or "docs"
    meta = getattr(page, "meta", None)
    if isinstance(error, TemplateSyntaxError) and source is not None:
        notes = []  # what to add when a line is the layout's

        def where(number: int) -> int:
            line, note = _file_line(path, meta, number)
            notes.append(note)
            return line

        line, fault = syntax_fault(error, source, lex, where)
        return fault.at(path, line, next(filter(None, notes), ""))
    frames = [f.lineno for f in traceback.extract_tb(error.__traceback__) if f.filename == "<template>"]
    line, near = _file_line(path, meta, frames[-1] if frames else None)
    if isinstance(error, PageProblem):
        return error.at(path, line, near)
    if isinstance(error, UndefinedError):
        return problem(path, line, "unknown-variable", f"{said}{near}")
    if isinstance(error, SecurityError):
        return problem(path, line, "unsafe-template", f"{said}{near}")
    return problem(
        path,
        line,
        "template-syntax",
        f"the page's template code fails while rendering: {said}{near}",
        "show variables and call the project's macros only, with their ids in quotes (README: Writing pages)",
    )


# Helpers ----------------------------------------------------------------------


def _blocks(source: str, lex: Lex) -> tuple[list[tuple[str, int]], tuple[str, int] | None]:
    """The blocks left open where Jinja stopped reading `source` (innermost last, each
    with the line of its opening tag), and the end tag it stopped at if one closes no
    open block (with its line)."""
    opened: list[tuple[str, int]] = []
    try:
        tokens = [(line, kind, value) for line, kind, value in lex(source) if kind != "whitespace"]
    except TemplateSyntaxError:  # the text cannot even be cut into tags
        return [], None
    for index, (line, kind, _) in enumerate(tokens[:-1]):
        tag = tokens[index + 1][2] if kind == "block_begin" and tokens[index + 1][1] == "name" else None
        if tag in _BLOCK_TAGS and not (tag == "set" and _assigns(tokens, index + 2)):
            opened.append((tag, line))
        elif tag and tag.startswith("end"):
            if not opened or opened[-1][0] != tag[3:]:
                return opened, (tag, line)
            opened.pop()
    return opened, None


def _assigns(tokens: list[tuple[int, str, str]], start: int) -> bool:
    """Whether the {% set %} whose tokens start at `start` sets a value on the spot
    (`{% set x = 1 %}`), rather than opening a block that ends at {% endset %}."""
    for _, kind, value in tokens[start:]:
        if kind == "block_end":
            return False
        if kind == "operator" and value == "=":
            return True
    return False


def _file_line(path: str, meta: Any, line: int | None) -> tuple[int, str]:
    """The line of the page's file where line `line` of its rendered template comes from
    (counted as its author sees the file, front matter included), and what to add to the
    message when the line is not the page's own: a line of the layout its front matter
    chose is said at that setting's line."""
    if not line:
        return 1, ""
    text, _ = yamlfile.read_text(Path(path)) if Path(path).is_file() else (None, [])
    if text is None:
        return 1, f" (line {line} of the page's text as rendered)"
    settings, body, first_line = yamlfile.split_front_matter(text)
    markdown = body.lstrip("\n") if settings is not None else body  # as MkDocs gives it
    first_line += len(body) - len(markdown)
    layout = layout_of(meta) if isinstance(meta, dict) else None
    if layout is None:
        return first_line + line - 1, ""
    root = project_root(Path(path).resolve().parent)
    laid_out = root is not None and (root / LAYOUTS_DIR / f"{layout}.md").is_file()
    found = origin(markdown, read_layout(root, layout), line) if laid_out else None
    if found is None:
        return 1, f" (line {line} of the page's text as rendered)"
    kind, number = found
    if kind == "page":
        return first_line + number - 1, ""
    key = next(key for key, chosen in LAYOUT_KEYS.items() if chosen == layout and meta.get(key))
    data, _ = yamlfile.load_text(settings or "", Path(path), first_line=2)
    at = data.line_of(key) if isinstance(data, yamlfile.YamlMap) and key in data else 1
    return at, f" (line {number} of {LAYOUTS_DIR}/{layout}.md, the layout that the setting `{key}` chooses)"


# Data -------------------------------------------------------------------------
_FIX_NOT_OWN = (
    "a page may read only its own `page.title` and `page.meta` (the settings at its top); write other"
    " facts as text, and link to another page with [text](page.md)"
)
# What each variable whose fields are known holds, as the fix lists them.
_HOLDS = {
    "org": "the organisation's fields",
    "page.meta": "the page's settings",
    "extra": "the values under `extra:` in mkdocs.yml that this page's languages have",
}
# The fields of `org` (portfolio.views.organisation_view: every field of organisation.yml,
# and the country's name).
ORGANISATION_FIELDS = frozenset(f.name for f in dataclasses.fields(Organisation)) | set(ORGANISATION_VIEW_FIELDS)
_LISTED = 30  # the fields a fix lists at most
# Jinja's tags that open a block, closed by `end` + the tag.
_BLOCK_TAGS = frozenset({"if", "for", "macro", "call", "filter", "block", "with", "autoescape", "set"})
# An environment's `lex`: the (line, kind, value) of each token of a template.
Lex = Callable[[str], Iterator[tuple[int, str, str]]]
_END_OF_TEMPLATE = "Unexpected end of template."
_UNKNOWN_TAG = re.compile(r"Encountered unknown tag '([^']+)'")
_FIX_TAG = (
    'pages use {% if … %}, {% set … %} and the project\'s macros, {{ capsule_card("id") }} (README: Writing pages)'
)
