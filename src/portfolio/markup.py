"""Corrections to the HTML the theme and extensions write, so that every page is valid
and accessible.

- With `navigation.sections`, Material's nav-item partial writes `tabindex=""` on
  section labels (an empty value is invalid HTML and has no effect in browsers).
- Material's head links to the other languages make every page load request a
  `sitemap.xml` that does not exist (see _ALTERNATE_LINK).
- pymdownx.tasklist writes a disabled checkbox with no label before each checklist
  item. Nobody can tick it, and screen readers announce an unlabelled control; the
  box is drawn by the indicator beside it, so the input is left out.
- Search writes how many pages it found ("33 matching documents") in a line that
  screen readers do not announce: the line is a status region (WCAG 4.1.3).
- Each entry of the language menu is a language's own name ("Français", "العربية")
  in a page of another language: it carries its language and direction (WCAG 3.1.2),
  so that screen readers say it in that language and an Arabic name reads from the
  right in an English menu.
- In a language only partly translated, a title of the menus, the header or the footer
  that is still in the default language (a page not translated yet, a section the
  language does not name) carries its language and direction, as the text of the page
  does (partials/said.html); a link to the next or previous page whose title is in
  another language is named by its text, which says each part in its own language,
  instead of a label read out in one voice.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from markupsafe import escape

from portfolio.locale_facts import direction

EMPTY_TABINDEX = ' tabindex=""'
# Material fetches `sitemap.xml` beside every <link rel="alternate" hreflang> of the page
# (one 404 per language on every page load, static-i18n pointing them at pages, not
# language roots). The language menu has its own links; the head links are left out,
# with the spaces before each (see _without_alternate_links).
_ALTERNATE_LINK = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="[^"]*">')
_DISABLED_TASK_CHECKBOX = re.compile(r'(<label class="task-list-control">)<input type="checkbox" disabled\s*/?>')
SEARCH_META = '<div class="md-search-result__meta">'
SEARCH_STATUS = '<div class="md-search-result__meta" role="status" aria-live="polite">'
# An entry of the language menu (partials/alternate.html); not_found.py rewrites its
# address and keeps what follows the class.
_LANGUAGE_LINK = re.compile(r'hreflang="([\w-]+)" class="md-select__link"(?= *>)')
# A title as the theme writes it in the menus, the header and the footer (each alone in
# its element, between spaces and line ends).
_THEME_TITLE = re.compile(
    r'(?P<open><(?P<tag>span|div) class="md-ellipsis")(?P<rest>>\s*(?P<text>[^<]*?)\s*</(?P=tag)>)'
)
# A section's title over its pages in the menu (after the icon that goes back up).
_SECTION_TITLE = re.compile(
    r'(?P<open><label class="md-nav__title" for="[^"]*")'
    r'(?P<rest>>\s*<span class="md-nav__icon md-icon"></span>\s*(?P<text>[^<]*?)\s*</label>)'
)
# A footer link's label ("Next: title").
_FOOTER_LABEL = re.compile(
    r'(?P<open><a href="[^"]*" class="md-footer__link[^"]*") aria-label="[^"]*?: (?P<title>[^"]*)"'
)


def corrected(page: str) -> str:
    """The page with every correction of this module applied."""
    page = page.replace(EMPTY_TABINDEX, "")
    page = _without_alternate_links(page)
    page = page.replace(SEARCH_META, SEARCH_STATUS)
    page = _LANGUAGE_LINK.sub(_in_its_language, page)
    return _DISABLED_TASK_CHECKBOX.sub(r"\1", page)


def _without_alternate_links(page: str) -> str:
    """The page without its head's links to other languages, and the spaces before each.
    (Found by their first characters, then the spaces stripped: a pattern starting with
    `\\s*` would be tried from every space of the page, 3 ms a page.)"""
    parts = _ALTERNATE_LINK.split(page)
    return "".join([part.rstrip() for part in parts[:-1]] + parts[-1:])


def titles_marked(page: str, languages: Mapping[str, str]) -> str:
    """The page with each title the theme writes in the menus, the header and the footer
    that `languages` names (its text -> the language it is in) marked with its language."""
    if not languages:
        return page
    # As the theme writes them: MkDocs' theme templates do not escape (`'` stays), `| e` does.
    written = {form: lang for title, lang in languages.items() for form in (title, str(escape(title)))}

    def title(match: re.Match) -> str:
        lang = written.get(match.group("text"))
        if lang is None:
            return match.group(0)
        return f'{match.group("open")} lang="{lang}" dir="{direction(lang)}"{match.group("rest")}'

    def link(match: re.Match) -> str:
        return match.group("open") if match.group("title") in written else match.group(0)

    return _FOOTER_LABEL.sub(link, _SECTION_TITLE.sub(title, _THEME_TITLE.sub(title, page)))


# Helpers ----------------------------------------------------------------------


# The language menu's entry, marked with the language it names, and its direction.
def _in_its_language(match: re.Match) -> str:
    lang = match.group(1)
    return f'{match.group(0)} lang="{lang}" dir="{direction(lang)}"'
