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
import re
from collections.abc import Callable, Mapping
from pathlib import Path

from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined, select_autoescape
from jinja2.bccache import Bucket
from markupsafe import Markup

from portfolio.locale_facts import count_text, said_like, text_parts


def template_environment(folder: Path, filters: Mapping[str, Callable] | None = None) -> Environment:
    """Jinja for the templates under `folder`, with `count` and `filters` added to Jinja's
    own filters."""
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
def partials_environment(overrides: Path) -> Environment:
    """Jinja for the partials: text from YAML is escaped, a missing value fails.
    One environment per folder, kept across language builds so that each partial is
    compiled once (Jinja still reloads a partial whose file changed)."""
    return template_environment(overrides, {"cell": table_cell, "markdown_text": markdown_text, "parts": text_parts})


class _CompiledOnce(BytecodeCache):
    """Compiled templates kept in memory for the life of the process. Jinja checks each
    against a hash of its source, so a changed template is compiled again."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


@functools.cache
def _compiled(signature: tuple) -> _CompiledOnce:
    return _CompiledOnce()


def compile_once(env: Environment) -> Environment:
    """`env` sharing its compiled templates with every environment of the same folders and
    settings made in this process: MkDocs makes a new theme environment for each language
    and each preview rebuild, which would compile every theme template again."""
    loader = env.loader
    if isinstance(loader, FileSystemLoader):
        # static-i18n adds its sitemap folder again for each language: the same search order
        folders: tuple = tuple(dict.fromkeys(map(str, loader.searchpath)))
    else:
        folders = (id(loader),)
    options = (env.trim_blocks, env.lstrip_blocks, env.autoescape, env.block_start_string, env.variable_start_string)
    env.bytecode_cache = _compiled((folders, tuple(sorted(env.extensions)), options))
    return env


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
