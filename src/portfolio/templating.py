"""The one policy for the project's own templates: the partials in `overrides/`, the print
templates, the LMS templates and the organisation file's template.

Every environment made here escapes HTML and XML (text from YAML is never markup by
accident), leaves other formats (GIFT, YAML) as written, fails on a missing value
instead of printing nothing, and keeps the templates' line layout. Pages written by
authors are not rendered here: they go through the macros plugin's sandbox
(page_templates.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape


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
