"""Corrections to the HTML the theme and extensions write, so that every page is valid
and accessible.

- With `navigation.sections`, Material's nav-item partial writes `tabindex=""` on
  section labels (an empty value is invalid HTML and has no effect in browsers).
- Material's head links to the other languages make every page load request a
  `sitemap.xml` that does not exist (see _ALTERNATE_LINK).
- pymdownx.tasklist writes a disabled checkbox with no label before each checklist
  item. Nobody can tick it, and screen readers announce an unlabelled control; the
  box is drawn by the indicator beside it, so the input is left out.
"""

from __future__ import annotations

import re

EMPTY_TABINDEX = ' tabindex=""'
# Material fetches `sitemap.xml` beside every <link rel="alternate" hreflang> of the page
# (one 404 per language on every page load, static-i18n pointing them at pages, not
# language roots). The language menu has its own links; the head links are left out.
_ALTERNATE_LINK = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')
_DISABLED_TASK_CHECKBOX = re.compile(r'(<label class="task-list-control">)<input type="checkbox" disabled\s*/?>')


def corrected(page: str) -> str:
    """The page with every correction of this module applied."""
    page = page.replace(EMPTY_TABINDEX, "")
    page = _ALTERNATE_LINK.sub("", page)
    return _DISABLED_TASK_CHECKBOX.sub(r"\1", page)
