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


def content_problems(path: Path, html: str) -> list[Problem]:
    """The `[unsafe-markup]` problems of a page's content, at the line of the page's file
    that holds each piece when it can be found there (else it came from a curriculum text,
    a form or a macro the page shows)."""
    text, _ = yamlfile.read_text(path) if path.is_file() else (None, [])
    lines = (text or "").lower().split("\n")
    found = []
    for what, piece in unsafe_content(html):
        line = next((n for n, source in enumerate(lines, 1) if piece.lower() in source), None)
        where = "" if line else " (not written so in the page: made by its template code, or from a text it shows)"
        found.append(problem(path, line or 1, "unsafe-markup", f"the page's HTML holds {what}{where}"))
    return found


def unsafe_content(html: str) -> list[tuple[str, str]]:
    """What is unsafe in a page's content: (what it is, a piece of the HTML to find it by)."""
    if not html:
        return []
    body = LexborHTMLParser(f"<!DOCTYPE html><html><body><div>{html}</div></body></html>").body
    found: list[tuple[str, str]] = []
    for element in body.traverse(include_text=False) if body is not None else ():
        tag = element.tag
        if tag in _FORBIDDEN:
            found.append((f"a <{tag}> element ({_FORBIDDEN[tag]})", f"<{tag}"))
        attributes = element.attributes
        if tag in _ANIMATIONS and (attributes.get("attributeName") or "").lower().endswith("href"):
            found.append((f"an SVG <{tag}> that changes a link", f"<{tag}"))
        for name, value in attributes.items():
            found.extend(_attribute(tag, name.lower().rsplit(":", 1)[-1], value or ""))
    return list(dict.fromkeys(found))


# Helpers ----------------------------------------------------------------------


def _attribute(tag: str, name: str, value: str) -> list[tuple[str, str]]:
    if name.startswith("on"):
        return [(f"an event handler ({name}=…)", name)]
    if name == "style":
        return [("a style that fetches or runs something", value)] if _STYLE.search(value) else []
    if name not in _URL_ATTRIBUTES:
        return []
    urls = [part.strip().split()[0] for part in value.split(",") if part.strip()] if name == "srcset" else [value]
    found = []
    for url in urls:
        address = _ADDRESS_NOISE.sub("", url).lower()
        scheme = _SCHEME.match(address)
        if tag == "img" and name == "src" and address.startswith("data:image/"):
            continue  # an image in the page itself (the policy allows it)
        if scheme and scheme.group(1) in _NEVER:
            found.append((f"a {scheme.group(1)}: address", url))
        elif _fetched(tag, name) and (scheme or address.startswith("//")):
            found.append(("a file fetched from another site", url))
    return found


def _fetched(tag: str, name: str) -> bool:
    """Whether the browser fetches the address by itself (not a link the reader follows)."""
    return not (name == "href" and tag in _LINKS) and name not in ("action", "formaction", "cite")


# Data -------------------------------------------------------------------------
_FORBIDDEN = {
    "script": "behaviour belongs in docs/assets/javascripts",
    "noscript": "behaviour belongs in docs/assets/javascripts",
    "iframe": "another document inside the page",
    "frame": "another document inside the page",
    "frameset": "another document inside the page",
    "object": "another document inside the page",
    "embed": "another document inside the page",
    "applet": "another document inside the page",
    "portal": "another document inside the page",
    "base": "it changes where every link of the page leads",
    "meta": "it can send the reader elsewhere",
    "link": "a file fetched by the page",
    "style": "styles belong in docs/assets/stylesheets",
}
_ANIMATIONS = {"set", "animate", "animatetransform", "animatemotion"}
_URL_ATTRIBUTES = {
    "href", "src", "srcset", "action", "formaction", "poster", "background", "ping", "cite",
    "longdesc", "data", "codebase", "manifest", "lowsrc", "dynsrc", "icon",
}  # fmt: skip
_LINKS = {"a", "area"}  # their href is followed by the reader, never fetched
_NEVER = {"javascript", "vbscript", "data", "file", "filesystem", "blob"}
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):")
# Browsers drop tabs, line ends and leading control characters from an address.
_ADDRESS_NOISE = re.compile(r"[\x00-\x20]")
_STYLE = re.compile(r"url\s*\((?!\s*['\"]?#)|image-set|image\s*\(|expression|@import|behavior|binding|\\", re.I)
