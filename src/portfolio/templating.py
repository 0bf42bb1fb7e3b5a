"""The one policy for the project's own templates: the partials in `overrides/`, the print
templates, the LMS templates and the organisation file's template.

Every environment made here escapes HTML and XML (text from YAML is never markup by
accident), leaves other formats (GIFT, YAML) as written, fails on a missing value
instead of printing nothing, and keeps the templates' line layout. Pages written by
authors are not rendered here: they go through the macros plugin's sandbox
(page_templates.py).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup


def template_environment(folder: Path, filters: Mapping[str, Callable] | None = None) -> Environment:
    """Jinja for the templates under `folder`, with `filters` added to Jinja's own."""
    env = Environment(
        loader=FileSystemLoader(folder),
        autoescape=select_autoescape(["html", "xml"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(filters or {})
    return env


@functools.cache
def partials_environment(overrides: Path) -> Environment:
    """Jinja for the partials: text from YAML is escaped, a missing value fails.
    One environment per folder, kept across language builds so that each partial is
    compiled once (Jinja still reloads a partial whose file changed)."""
    return template_environment(overrides, {"cell": table_cell, "markdown_text": markdown_text})


def markdown_text(text: str) -> Markup:
    """A text from YAML, given to Markdown as it is written (entities, tables, `>`),
    except that no HTML tag can start in it. `portfolio check` already refuses HTML in
    texts ([markup-in-text]); this keeps a page safe even so."""
    return Markup(str(text).replace("<", "&lt;"))


def table_cell(text: str) -> str:
    """Text that stays inside one cell of a Markdown table."""
    return " ".join(str(text).split()).replace("|", "\\|")
