"""Corrections to the HTML Material writes, so that every page validates.

With `navigation.sections`, Material's nav-item partial writes `tabindex=""` on
section labels (an empty value is invalid HTML and has no effect in browsers).
"""

from __future__ import annotations

EMPTY_TABINDEX = ' tabindex=""'


def without_empty_tabindex(page: str) -> str:
    return page.replace(EMPTY_TABINDEX, "")
