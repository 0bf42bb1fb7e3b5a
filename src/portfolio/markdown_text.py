"""What Python-Markdown reads in a page, found without converting it: the lines that are
text (not code, not HTML comments), the links they hold, and the ids of the page's
sections. The link checks (links.py) read pages through it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class PageBody:
    """What MkDocs renders of a page (without its front matter) and the line it starts at."""

    text: str
    first_line: int
    complete: bool = True  # all its ids are in its Markdown (no template code, no layout adds more)


@dataclass(frozen=True)
class Link:
    line: int
    target: str
    html: bool  # written in an HTML attribute (href=, src=): published as it is written


def links_of(body: PageBody) -> Iterator[Link]:
    """Each link of the page with its line: Markdown links and images, reference
    definitions, and href/src attributes of HTML; not in code or comments."""
    for index, line in text_lines(body.text):
        number = body.first_line + index
        for pattern in (_INLINE, _REFERENCE):
            for match in pattern.finditer(line):
                yield Link(number, next(group for group in match.groups() if group is not None), False)
        for match in _ATTRIBUTE.finditer(line):
            yield Link(number, match.group(1), True)


def text_lines(text: str) -> Iterator[tuple[int, str]]:
    """Each line of `text` (its index from 0) that Markdown reads as text, without its code
    spans and HTML comments: not in a fenced code block, an indented code block (four
    spaces after a blank line, outside a list, an admonition or a tab) or a comment."""
    fence, comment, code, container, blank = "", False, False, False, True
    for index, line in enumerate(text.split("\n")):
        opening = _FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = ""
            continue
        if not line.strip():
            blank = True
            continue
        indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
        if indent >= 4 and (code or (blank and not container)):
            code = True  # an indented code block goes on until a line is indented less
            continue
        code, blank = False, False
        if opening and not comment:
            fence = opening.group(1)
            continue
        if indent < 4:  # a list, an admonition or a tab holds the indented lines after it
            container = bool(_CONTAINER.match(line)) or (container and indent > 0)
        line, comment = _without_comments(line, comment)
        yield index, CODE_SPAN.sub("", line)


class Sections:
    """The ids of each page, read from its Markdown once, when a link first needs them:
    its headings' ids as the toc extension makes them (a small document of the page's
    headings is converted with the toc settings of mkdocs.yml) and the ids written in it."""

    def __init__(self, pages: Mapping[Path, PageBody], toc: dict):
        self.pages, self._toc, self._known = pages, toc, {}
        self._markdown = None

    def of(self, page: Path) -> set[str] | None:
        """The page's ids, or None when its template code or layout may add more."""
        if page not in self._known:
            body = self.pages.get(page)
            self._known[page] = self.read(body.text) if body is not None and body.complete else None
        return self._known[page]

    def read(self, text: str) -> set[str]:
        """The ids of the sections of a page's Markdown."""
        import markdown

        if self._markdown is None:
            self._markdown = markdown.Markdown(extensions=["attr_list", "toc"], extension_configs={"toc": self._toc})
        ids: set[str] = set()
        headings = []
        lines = list(text_lines(text))
        for position, (index, line) in enumerate(lines):
            following = lines[position + 1] if position + 1 < len(lines) else (None, "")
            if _HEADING.match(line):
                headings.append(line.strip())
            elif following[0] == index + 1 and _UNDERLINE.match(following[1]) and not _NOT_A_TITLE.match(line):
                headings.append("## " + line.strip())  # a title underlined with === or ---
            else:
                for attributes in _ATTRIBUTES.finditer(line):
                    ids.update(_ID_IN_ATTRIBUTES.findall(attributes.group(1)))
                ids.update(_HTML_ID.findall(line))
        converted = self._markdown.reset().convert("\n\n".join(headings))
        return ids | set(_HTML_ID.findall(converted))


def toc_options(config: dict | None) -> dict:
    """The toc extension's settings in mkdocs.yml (its slugify makes the headings' ids)."""
    for entry in (config or {}).get("markdown_extensions") or []:
        if isinstance(entry, dict):
            for name, options in entry.items():
                if name in ("toc", "markdown.extensions.toc") and isinstance(options, dict):
                    return {key: value for key, value in options.items() if key in ("slugify", "separator")}
    return {}


def _without_comments(line: str, comment: bool) -> tuple[str, bool]:
    """The line without what HTML comments hide, and whether a comment is still open at
    its end (`comment`: whether one was open at its start)."""
    kept = []
    while line:
        if comment:
            end = line.find("-->")
            if end < 0:
                return "".join(kept), True
            line, comment = line[end + 3 :], False
        else:
            start = line.find("<!--")
            if start < 0:
                kept.append(line)
                break
            kept.append(line[:start])
            line, comment = line[start + 4 :], True
    return "".join(kept), comment


# Data -------------------------------------------------------------------------
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
CODE_SPAN = re.compile(r"`[^`\n]*`")
# The scheme an address starts with (https:, mailto:, javascript:…): it leads out of the site.
SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")
# What holds the indented lines after it: a list item, an admonition or a collapsible
# block (!!!, ???), a tab (===), a footnote.
_CONTAINER = re.compile(r"^[ \t]*(?:[-*+][ \t]|\d+[.)][ \t]|!!!|\?\?\?|===[ \t]|\[\^[^\]\n]+\]:)")
_INLINE = re.compile(r"\]\([ \t]*(?:<([^<>\n]*)>|([^)\s]*))")  # [text](target "title"), ![alt](<a b.png>)
_REFERENCE = re.compile(r"^[ \t]*\[(?!\^)[^\]\n]+\]:[ \t]*<?([^\s>]+)")  # [name]: target (not a footnote)
_ATTRIBUTE = re.compile(r"\b(?:href|src)[ \t]*=[ \t]*[\"']([^\"'<>]*)[\"']", re.I)
_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]")
_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
# A line above `---` that is no title: a list item, a table's row, a quote, a heading.
_NOT_A_TITLE = re.compile(r"^[ \t]*(?:[-*+>|#]|\d+[.)][ \t])")
_ATTRIBUTES = re.compile(r"\{:?([^{}\n]*)\}")
_ID_IN_ATTRIBUTES = re.compile(r"(?:^|\s)#([^\s{}#.]+)")
_HTML_ID = re.compile(r"\b(?:id|name)[ \t]*=[ \t]*[\"']([^\"'<>]+)[\"']")
