"""The one policy for the project's own templates: the partials in `overrides/`, the print
templates, the LMS templates and the organisation file's template.

Every environment made here escapes HTML and XML (text from YAML is never markup by
accident), leaves other formats (GIFT, YAML) as written, fails on a missing value
instead of printing nothing, and keeps the templates' line layout. Each has the `count`
filter, which says a number of things as the language does: the interface text
minutes-count, filtered with `count(10, lang)`, is "10 minutes", "10 دقائق". Pages written by
authors are not rendered here: they go through the macros plugin's sandbox
(page_templates.py).
"""

from __future__ import annotations

import functools
import hashlib
import pickle
import re
from collections.abc import Callable, Mapping
from pathlib import Path

from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined, select_autoescape
from jinja2.bccache import Bucket
from markupsafe import Markup

from portfolio.locale_facts import count_text, percent, said_like, text_parts
from portfolio.output_cache import CODE_DIR, machine_key, write_whole


def template_environment(folder: Path | list[Path], filters: Mapping[str, Callable] | None = None) -> Environment:
    """Jinja for the templates under `folder` (or several folders, looked in in order),
    with `count` and `filters` added to Jinja's own filters."""
    env = Environment(
        loader=FileSystemLoader(folder),
        autoescape=select_autoescape(["html", "xml"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update({"count": count_text, **(filters or {})})
    return env


@functools.cache
def partials_environment(overrides: Path, project: Path | None = None) -> Environment:
    """Jinja for the partials: text from YAML is escaped, a missing value fails.
    One environment per folder, kept across language builds so that each partial is
    compiled once (Jinja still reloads a partial whose file changed); with the
    `project`, compiled once for its builds to come too (`compile_once`)."""
    filters = {"cell": table_cell, "markdown_text": markdown_text, "parts": text_parts, "percent": percent}
    env = template_environment(overrides, filters)
    return compile_once(env, project)


class _CompiledOnce(BytecodeCache):
    """Compiled templates kept in memory for the life of the process and, for a project,
    in its `.cache/templates/` for the next build (`make clean` removes them): Jinja
    compiles a template as Python keeps a module's `.pyc`, and checks each against a
    hash of its source, so a changed template is compiled again. Compiled code runs
    when it is loaded: each file's name starts with a key kept outside the project
    (output_cache.machine_key), so a file committed to a repository or copied from
    another machine is never read."""

    def __init__(self, folder: Path | None = None, prefix: str = "") -> None:
        self._code: dict[str, bytes] = {}
        self._folder, self._prefix = folder, prefix

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is None and self._folder is not None:
            try:
                code = (self._folder / f"{self._prefix}{bucket.key}").read_bytes()
            except OSError:
                return  # not compiled yet
        if code is not None:
            try:
                bucket.bytecode_from_string(code)
            except (ValueError, EOFError, TypeError, pickle.UnpicklingError):
                bucket.reset()  # damaged: compiled again, and stored again

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = code = bucket.bytecode_to_string()
        if self._folder is not None:
            try:
                self._folder.mkdir(parents=True, exist_ok=True)
                write_whole(self._folder / f"{self._prefix}{bucket.key}", lambda partial: partial.write_bytes(code))
            except OSError:
                pass  # a read-only or full disk: compiled again next time


@functools.cache
def _compiled(signature: tuple, project: Path | None) -> _CompiledOnce:
    if project is None:
        return _CompiledOnce()
    # One set of files per machine and per environment's settings (which change the code).
    prefix = hashlib.sha256(f"{machine_key()} {signature!r}".encode()).hexdigest()[:24]
    return _CompiledOnce(project / CODE_DIR, f"{prefix}-")


def compile_once(env: Environment, project: Path | None = None) -> Environment:
    """`env` sharing its compiled templates with every environment of the same folders and
    settings made in this process: MkDocs makes a new theme environment for each language
    and each preview rebuild, which would compile every theme template again. With the
    `project`, they are also kept for its next builds."""
    loader = env.loader
    if isinstance(loader, FileSystemLoader):
        # static-i18n adds its sitemap folder again for each language: the same search order
        folders: tuple = tuple(dict.fromkeys(map(str, loader.searchpath)))
    else:
        folders, project = (id(loader),), None  # named by its address: not the same in the next build
    # select_autoescape's choice is a function: named by what it was made from, the same in every process
    autoescape = (env.autoescape,) if not callable(env.autoescape) else _made_from(env.autoescape)
    syntax = tuple(getattr(env, name) for name in _SYNTAX)
    options = (env.trim_blocks, env.lstrip_blocks, env.keep_trailing_newline, autoescape, syntax)
    env.bytecode_cache = _compiled((type(env).__name__, folders, tuple(sorted(env.extensions)), options), project)
    return env


# What a template's code depends on besides its source: how its tags are written.
_SYNTAX = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "newline_sequence",
)


def _made_from(function: Callable) -> tuple:
    """A function by its name and the values it holds (a closure's), not its address."""
    return (function.__qualname__, *(cell.cell_contents for cell in function.__closure__ or ()))


def markdown_text(text: str) -> Markup:
    """A text from YAML, given to Markdown as it is written (entities, tables, `>`),
    except that no HTML tag can start in it. `portfolio check` already refuses HTML in
    texts ([markup-in-text]); this keeps a page safe even so."""
    return Markup(str(text).replace("<", "&lt;"))


def table_cell(text: str) -> str:
    """Text that stays inside one cell of a Markdown table: on one line (a no-break space,
    as French writes before a colon, is kept), its bars escaped; in the language `text` is in."""
    return said_like(text, " ".join(_LINE_SPACE.split(str(text).strip(" \t\r\n"))).replace("|", "\\|"))


_LINE_SPACE = re.compile(r"[ \t\r\n]+")  # what a Markdown line wraps at, unlike a no-break space
