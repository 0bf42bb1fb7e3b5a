"""Page layouts: what every page of one kind shows, written once.

A page chooses its layout in its front matter: a page that names a capsule
(`capsule: peer-sessions`) is a capsule page, laid out by `templates/layouts/capsule.md`.
Its author writes only the title and why the capsule matters; the layout adds the
capsule's card, activities, what to read before its quiz, the quiz and the
reflection, under headings from the interface strings. The page's title and text go
where the layout marks them; the result is rendered by the macros like any page. A
layout may also add to the page's settings (LAYOUT_SETTINGS).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from portfolio import yamlfile
from portfolio.problems import Problem, unknown_id

LAYOUTS_DIR = "templates/layouts"
# Front matter key -> the layout it chooses.
LAYOUT_KEYS = {"capsule": "capsule"}
# What a layout already shows, per layout: the macros its pages must not call again.
LAYOUT_MACROS = {
    "capsule": frozenset(
        {"capsule_card", "capsule_activities", "capsule_reading", "capsule_tracks", "quiz", "reflection"}
    )
}
# What a layout adds to its pages' settings: Material's `hide` list. A capsule page ends
# with the next capsule of each track the capsule is in; the theme's "Previous" and "Next"
# links under it follow the site's menu instead, out of the learner's track: hidden.
LAYOUT_SETTINGS = {"capsule": {"hide": ("footer",)}}
TITLE_SLOT, TEXT_SLOT = "{## page title ##}", "{## page text ##}"
# What `origin` numbers the lines of a page and of its layout with (characters no page holds).
_PAGE_MARK, _LAYOUT_MARK = "\x00", "\x01"


def layout_of(meta: Mapping) -> str | None:
    """The layout a page's front matter chooses, if any."""
    return next((layout for key, layout in LAYOUT_KEYS.items() if meta.get(key)), None)


def layout_settings(meta: Mapping, layout: str) -> dict:
    """A page's settings (`meta`) with what its layout adds to them (LAYOUT_SETTINGS):
    each of the layout's lists joined to the page's own."""
    settings = dict(meta)
    for key, added in LAYOUT_SETTINGS.get(layout, {}).items():
        own = settings.get(key) or []
        own = [own] if isinstance(own, str) else list(own)
        settings[key] = own + [value for value in added if value not in own]
    return settings


def lay_out(markdown: str, layout: str) -> str:
    """A page's Markdown (front matter removed) placed in a layout's text: its first-level
    heading where the layout marks the title, the rest where it marks the text."""
    lines = markdown.strip("\n").splitlines()
    index = next((i for i, line in enumerate(lines) if line.startswith("# ")), None)
    title = lines[index] if index is not None else ""
    text = "\n".join(lines[:index] + lines[index + 1 :] if index is not None else lines).strip("\n")
    return layout.replace(TITLE_SLOT, title).replace(TEXT_SLOT, text)


def origin(markdown: str, layout: str, line: int) -> tuple[str, int] | None:
    """Where line `line` of `lay_out(markdown, layout)` comes from: ("page", its line in
    `markdown`) or ("layout", its line in `layout`); None past the end. Found by laying out
    the two texts with each line replaced by (or, in the layout, ending with) its number."""
    page = [
        ("# " if text.startswith("# ") else "") + f"{_PAGE_MARK}{number}{_PAGE_MARK}" if text else ""
        for number, text in enumerate(markdown.split("\n"), 1)
    ]
    own = [f"{text}{_LAYOUT_MARK}{number}{_LAYOUT_MARK}" for number, text in enumerate(layout.split("\n"), 1)]
    laid = lay_out("\n".join(page), "\n".join(own)).split("\n")
    if not 1 <= line <= len(laid):
        return None
    for kind, mark in (("page", _PAGE_MARK), ("layout", _LAYOUT_MARK)):
        if mark in laid[line - 1]:
            return kind, int(laid[line - 1].split(mark)[1])
    return None


def read_layout(root: Path, layout: str) -> str:
    return (root / LAYOUTS_DIR / f"{layout}.md").read_text(encoding="utf-8")


def check_layout(
    path: Path, data: yamlfile.YamlMap | None, known: Mapping[str, set[str]]
) -> tuple[str | None, list[Problem]]:
    """The layout a page's front matter (`data`, as read) chooses, and the problems of
    what it names: a capsule page must name a capsule that exists."""
    if not isinstance(data, yamlfile.YamlMap):
        return None, []  # no front matter, or one the other checks report
    layout = layout_of(data)
    found = []
    for key, kind in LAYOUT_KEYS.items():
        value = data.get(key)
        if layout == kind and kind in known and str(value) not in known[kind]:
            found.append(unknown_id(kind, value, known[kind], named_by="the front matter").at(path, data.line_of(key)))
    return layout, found
