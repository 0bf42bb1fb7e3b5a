"""What a page's content may hold, read from its HTML as a browser reads it (Lexbor, an
HTML5 parser).

`make check` reads pages and YAML texts line by line (safety.py), which cannot foresee
every way Markdown, attribute lists, reference links, Jinja string escapes and YAML
texts combine into HTML. So the build also reads each page's content (its HTML as the
page's Markdown, macros and layout made it, before the theme places it) as a browser
does, and refuses what the project never writes there: scripts, embedded or framed
documents, style sheets, event handlers, `javascript:`/`data:`/`file:` addresses, and
anything fetched from another site (the site makes no request elsewhere). Links to
other sites stay allowed: a reader follows them; images may be `data:` images.
"""

from __future__ import annotations

import re
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from portfolio import yamlfile
from portfolio.problems import Problem, problem
from portfolio.safety import ELEMENTS, element_said


def content_problems(path: Path, html: str, title: str | None = None) -> list[Problem]:
    """The `[unsafe-markup]` problems of a page's content and title, at the line of the
    page's file that holds each piece when it can be found there (else it came from a
    curriculum text, a form or a macro the page shows)."""
    unsafe = unsafe_content(html)
    if title and ("<" in title or ">" in title):  # the theme writes titles as HTML, outside the content
        unsafe.append(("a title with < or >, which the theme writes as HTML in every page's menu", title, ""))
    text, _ = yamlfile.read_text(path) if unsafe and path.is_file() else (None, [])
    lines = (text or "").lower().split("\n")
    found = []
    for what, piece, fix in unsafe:
        line = next((n for n, source in enumerate(lines, 1) if piece.lower() in source), None)
        where = "" if line else " (not written so in the page: made by its template code, or from a text it shows)"
        found.append(problem(path, line or 1, "unsafe-markup", f"the page's HTML holds {what}{where}", fix))
    return found


def unsafe_content(html: str) -> list[tuple[str, str, str]]:
    """What is unsafe in a page's content: (what it is, a piece of the HTML to find it by,
    how to fix it; '': the rule's way)."""
    if not html:
        return []
    page = LexborHTMLParser(f"<!DOCTYPE html><html><body><div>{html}</div>{_END}</body></html>")
    found = _unsafe_elements(page.body)
    if page.css_first(_END_SELECTOR) is None:  # the content swallowed what follows it
        found.append(("an unclosed tag, quote or element at its end, which would take in the page after it", "<", ""))
    return list(dict.fromkeys(found))


def _unsafe_elements(root) -> list[tuple[str, str, str]]:
    found: list[tuple[str, str, str]] = []
    for element in root.traverse(include_text=False) if root is not None else ():
        tag = element.tag
        if tag in ELEMENTS:
            what, fix = element_said(tag)
            found.append((what, f"<{tag}", fix))
        if tag == "template":  # its content is a document fragment of its own
            content = _TEMPLATE.sub("", element.html or "")  # (inner_html leaves it out)
            inner = LexborHTMLParser(f"<!DOCTYPE html><html><body>{content}</body></html>")
            found.extend(_unsafe_elements(inner.body))
        for name, value in element.attributes.items():
            found.extend(_attribute(tag, name.lower().rsplit(":", 1)[-1], value or ""))
    return found


# Helpers ----------------------------------------------------------------------


def _attribute(tag: str, name: str, value: str) -> list[tuple[str, str, str]]:
    if name.startswith("on"):
        return [(f"an event handler ({name}=…)", name, "")]
    if name == "style":
        return [("a style that fetches or runs something", value, "")] if _STYLE.search(value) else []
    if name == "attributename" and value.lower().rsplit(":", 1)[-1] == "href":
        return [(f"an SVG <{tag}> that changes a link", f"<{tag}", "")]
    if name not in _URL_ATTRIBUTES:  # SVG paints, filters, cursors and animations take url(…)
        return [("a file fetched by an SVG attribute", value, "")] if _CSS_URL.search(value) else []
    urls = [part.strip().split()[0] for part in value.split(",") if part.strip()] if name == "srcset" else [value]
    found = []
    for url in urls:
        address = _ADDRESS_NOISE.sub("", url).lower().replace("\\", "/")  # browsers read \ as /
        scheme = _SCHEME.match(address)
        if tag == "img" and name == "src" and address.startswith("data:image/"):
            continue  # an image in the page itself (the policy allows it)
        if scheme and scheme.group(1) in _NEVER:
            found.append((f"a {scheme.group(1)}: address", url, ""))
        elif _fetched(tag, name) and (scheme or address.startswith("//")):
            found.append(("an address on another site that the page fetches or sends to", url, ""))
    return found


def _fetched(tag: str, name: str) -> bool:
    """Whether the browser fetches the address, or sends the reader's answers to it (a
    form), rather than take the reader there when they follow a link."""
    return not (name == "href" and tag in _LINKS) and name != "cite"


# Data -------------------------------------------------------------------------
_URL_ATTRIBUTES = {
    "href", "src", "srcset", "action", "formaction", "poster", "background", "ping", "cite",
    "longdesc", "data", "codebase", "manifest", "lowsrc", "dynsrc", "icon", "attributionsrc",
}  # fmt: skip
_LINKS = {"a", "area"}  # their href is followed by the reader, never fetched
_NEVER = {"javascript", "vbscript", "data", "file", "filesystem", "blob"}
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):")
# Browsers drop tabs, line ends and leading control characters from an address.
_ADDRESS_NOISE = re.compile(r"[\x00-\x20]")
_CSS_URL = re.compile(r"(?:url|src)\s*\((?!\s*['\"]?#)", re.I)  # url(#paint) is the page's own
_STYLE = re.compile(_CSS_URL.pattern + r"|image-set|image\s*\(|expression|@import|behavior|binding|\\", re.I)
# Written after the content: if the parser does not find it, the content left a tag,
# a quote or an element (<textarea>, <title>…) open, which would take in the page after it.
_END = '<i data-portfolio-content-end=""></i>'
_END_SELECTOR = "body > i[data-portfolio-content-end]"
_TEMPLATE = re.compile(r"^<template\b[^>]*>|</template>$", re.I)
