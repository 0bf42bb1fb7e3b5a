"""Links between the pages under docs/, checked before anything is built, each at its line.

MkDocs checks a page's links only once it has rendered the page, and then says what is
wrong without a line or a way to fix it. These are the same checks, on the Markdown:
a link to a page or file that does not exist, to a section (`#anchor`) that the page
does not have, to a folder, or written from the site's root (`/handbook/…`).
And a page of the default language that is not in mkdocs.yml's `nav:` (no menu leads to it).

A link is resolved as MkDocs resolves it: relative to the page's file under docs/ (a
French page is docs/fr/…). A translation's page that does not exist falls back to the
default language's page, as static-i18n shows it (`fallback_to_default`).
A page's sections are its headings' ids (written `{ #id }`, or made from the heading's
text by the toc extension's slugify in mkdocs.yml) and the ids written in it. A page with
template code or a layout (a capsule, a form) gets more ids from its macros: links to its
sections are left to the build, whose warning `from_mkdocs` turns into the same line.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urldefrag

from portfolio.page_templates import uses_templates
from portfolio.problems import Problem, problem
from portfolio.project import DOCS_DIR, nav_pages


@dataclass(frozen=True)
class PageBody:
    """What MkDocs renders of a page (without its front matter) and the line it starts at."""

    text: str
    first_line: int
    complete: bool = True  # all its ids are in its Markdown (no template code, no layout adds more)


def check_links(
    root: Path,
    pages: Mapping[Path, PageBody],
    default: str,
    languages: Collection[str] = (),
    config: dict | None = None,
) -> list[Problem]:
    """Every broken link of `pages` (every Markdown page under docs/, by path; a page in
    the folder of one of the other `languages` translates the `default` language's), and
    every default-language page missing from the nav of `config` (mkdocs.yml, if readable)."""
    docs = root / DOCS_DIR
    sections = _Sections(pages, _toc_options(config))
    tree = _Tree(docs, default, frozenset(languages) - {default})
    found = []
    for path, body in pages.items():
        source = path.relative_to(docs).as_posix()
        for number, target in _links(body):
            said = _broken(tree, source, target[:_LONGEST], sections) if len(target) <= _LONGEST else _TOO_LONG
            if said:
                found.append(problem(path, number, "broken-link", *said))
    nav = (config or {}).get("nav")
    if isinstance(nav, list):
        listed = {page for page in nav_pages(nav) if isinstance(page, str)}
        unlisted = _not_in_nav(config)
        for path in pages:
            source = path.relative_to(docs / default).as_posix() if path.is_relative_to(docs / default) else None
            if source is not None and source not in listed and not unlisted(source):
                said = f"no menu leads to the page: `{source}` is not in `nav:` of mkdocs.yml"
                found.append(problem(path, 1, "not-in-nav", said))
    return found


def _not_in_nav(config: dict) -> Callable[[str], bool]:
    """Whether a page is one mkdocs.yml's `not_in_nav` lists (gitignore patterns, read
    as MkDocs reads them): a page meant to be reached by links only."""
    import pathspec

    patterns = config.get("not_in_nav")
    if not isinstance(patterns, str) or not patterns.strip():
        return lambda source: False
    return pathspec.GitIgnoreSpec.from_lines(patterns.splitlines()).match_file


def from_mkdocs(root: Path, message: str) -> Problem | None:
    """MkDocs' warning about a link of a page (one this check leaves to the build: a
    section of a page whose macros make ids), as this project's line: at the link's line,
    with a fix. None for any other message."""
    said = _MKDOCS_LINK.fullmatch(message.strip())
    if said is None:
        return None
    page, target, why = root / DOCS_DIR / said["page"], said["link"], said["why"]
    elsewhere = _MKDOCS_ANCHOR.fullmatch(why)
    if elsewhere:
        said, fix = _no_section(target, elsewhere["doc"], elsewhere["anchor"]), _FIX_SECTION
    elif why == _MKDOCS_HERE:
        said, fix = _no_section(target, None, urldefrag(target).fragment), _FIX_SECTION
    else:
        said, fix = f"the link `{target}` leads nowhere: {why}", ""
    return problem(page, _line_of(page, target), "broken-link", said, fix)


def _line_of(page: Path, target: str) -> int:
    """The first line of the page that links to `target` (1 if none can be found)."""
    try:
        lines = page.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return 1
    return next((number for number, line in enumerate(lines, 1) if target in line), 1)


# Links ------------------------------------------------------------------------


def _links(body: PageBody) -> Iterator[tuple[int, str]]:
    """Each link target of the page with its line: Markdown links and images, reference
    definitions, and href/src attributes; not in code blocks or code spans."""
    for index, line in _outside_code(body.text):
        for pattern in (_INLINE, _REFERENCE, _ATTRIBUTE):
            for match in pattern.finditer(line):
                yield body.first_line + index, next(group for group in match.groups() if group is not None)


def _broken(tree: _Tree, source: str, target: str, sections: _Sections) -> tuple[str, str] | None:
    """What is wrong with the link `target` on the page `source` (relative to docs/) and
    how to fix it, or None if it leads somewhere."""
    if _SCHEME.match(target) or target.startswith("//") or uses_templates(target):
        return None  # another site, an e-mail address, or a macro's link (checked when rendered)
    if target.startswith("/"):  # the site's root is the page's language folder
        folder = tree.language_folder(source)
        written = posixpath.relpath(posixpath.join(folder, target.lstrip("/")), posixpath.dirname(source))
        return (
            f"the link `{target}` is written from the site's root: MkDocs leaves it as it is, and it breaks",
            f"write it relative to this page's file, for example `{written}`",
        )
    address, anchor = urldefrag(target)
    address = unquote(address.split("?", 1)[0])
    if not address:  # a section of this page
        return _missing_section(target, tree.docs / source, None, anchor, sections) if anchor else None
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(source), address))
    if resolved == ".." or resolved.startswith("../"):
        return f"the link `{target}` leads outside docs/", "link to a page or file under docs/, relative to this page"
    found = tree.existing(resolved)
    if (found is not None and found.is_dir()) or address.endswith("/"):
        index = posixpath.join(address.rstrip("/"), "index.md")
        has_index = tree.existing(posixpath.join(resolved, "index.md")) is not None
        fix = f"link to the page's file: `{index}`" if has_index else "link to a page's file (.md), not to its folder"
        return f"the link `{target}` leads to a folder, not a page", fix
    if found is None:
        closest = sections.closest_page(tree.docs, resolved)
        fix = f"did you mean `{posixpath.relpath(closest, posixpath.dirname(source))}`?" if closest else ""
        return f"the link `{target}` leads to no page or file: {tree.looked_at(resolved)}", fix
    if anchor and found.suffix == ".md":
        shown = found.relative_to(tree.docs).as_posix()
        return _missing_section(target, found, None if shown == source else shown, anchor, sections)
    return None


def _missing_section(
    target: str, page: Path, shown: str | None, anchor: str, sections: _Sections
) -> tuple[str, str] | None:
    """A link to a section `anchor` of `page` (shown as docs/`shown`; None: the link's
    own page), if the page does not have it."""
    ids = sections.of(page)
    if ids is None or anchor in ids:  # unknown: the page's macros may make it
        return None
    closest = difflib.get_close_matches(anchor, sorted(ids), n=1)
    return _no_section(target, shown, anchor), f"did you mean `#{closest[0]}`?" if closest else _FIX_SECTION


def _no_section(target: str, shown: str | None, anchor: str) -> str:
    where = f"the page docs/{shown}" if shown else "this page"
    return f"the link `{target}` leads nowhere: {where} has no section `#{anchor}`"


@dataclass(frozen=True)
class _Tree:
    """docs/, as links find their way in it."""

    docs: Path
    default: str
    translations: frozenset[str]  # the folders of the other languages

    def existing(self, resolved: str) -> Path | None:
        """The file or folder a resolved link leads to: the one of its language, else the
        default language's (a translation falls back to it)."""
        for path in self._candidates(resolved):
            try:
                if path.exists():
                    return path
            except (OSError, ValueError):  # a name too long for the system, a NUL in it
                continue
        return None

    def language_folder(self, source: str) -> str:
        """The language folder a page (relative to docs/) is in, '' if none."""
        folder = source.partition("/")[0]
        return folder if folder in self.translations or folder == self.default else ""

    def looked_at(self, resolved: str) -> str:
        shown = [f"docs/{path.relative_to(self.docs).as_posix()}" for path in self._candidates(resolved)]
        return " and ".join(shown) + (" do not exist" if len(shown) > 1 else " does not exist")

    def _candidates(self, resolved: str) -> list[Path]:
        folder, _, rest = resolved.partition("/")
        own = self.docs / resolved
        return [own, self.docs / self.default / rest] if rest and folder in self.translations else [own]


# Sections ---------------------------------------------------------------------


class _Sections:
    """The ids of each page, read from its Markdown once, when a link first needs them:
    its headings' ids as the toc extension makes them (a small document of the page's
    headings is converted with the toc settings of mkdocs.yml) and the ids written in it."""

    def __init__(self, pages: Mapping[Path, PageBody], toc: dict):
        self._pages, self._toc, self._known = pages, toc, {}
        self._markdown = None

    def of(self, page: Path) -> set[str] | None:
        """The page's ids, or None when its template code or layout may add more."""
        if page not in self._known:
            body = self._pages.get(page)
            self._known[page] = self._read(body.text) if body is not None and body.complete else None
        return self._known[page]

    def closest_page(self, docs: Path, resolved: str) -> str | None:
        """The page of the same folder under docs/ whose name is closest to that of a link
        that leads nowhere (a typing mistake: glosary.md for glossary.md)."""
        folder, name = posixpath.split(resolved)
        names = [path.name for path in self._pages if path.parent == docs / folder]
        closest = difflib.get_close_matches(name, names, n=1, cutoff=0.8)
        return posixpath.join(folder, closest[0]) if closest else None

    def _read(self, text: str) -> set[str]:
        import markdown

        if self._markdown is None:
            self._markdown = markdown.Markdown(extensions=["attr_list", "toc"], extension_configs={"toc": self._toc})
        ids: set[str] = set()
        headings = []
        for _, line in _outside_code(text):
            if _HEADING.match(line):
                headings.append(line.strip())
                continue
            for attributes in _ATTRIBUTES.finditer(line):
                ids.update(_ID_IN_ATTRIBUTES.findall(attributes.group(1)))
            ids.update(_HTML_ID.findall(line))
        converted = self._markdown.reset().convert("\n\n".join(headings))
        return ids | set(_HTML_ID.findall(converted))


def _outside_code(text: str) -> Iterator[tuple[int, str]]:
    """Each line of `text` (its index from 0) outside fenced code blocks, without its
    code spans: what Markdown reads as text."""
    fence = ""
    for index, line in enumerate(text.split("\n")):
        opening = _FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = ""
            continue
        if opening:
            fence = opening.group(1)
            continue
        yield index, _CODE_SPAN.sub("", line)


def _toc_options(config: dict | None) -> dict:
    """The toc extension's settings in mkdocs.yml (its slugify makes the headings' ids)."""
    for entry in (config or {}).get("markdown_extensions") or []:
        if isinstance(entry, dict):
            for name, options in entry.items():
                if name in ("toc", "markdown.extensions.toc") and isinstance(options, dict):
                    return {key: value for key, value in options.items() if key in ("slugify", "separator")}
    return {}


# Data -------------------------------------------------------------------------
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"`[^`\n]*`")
_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")
_INLINE = re.compile(r"\]\([ \t]*(?:<([^<>\n]*)>|([^)\s]*))")  # [text](target "title"), ![alt](<a b.png>)
_REFERENCE = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)")  # [name]: target
_ATTRIBUTE = re.compile(r"\b(?:href|src)[ \t]*=[ \t]*[\"']([^\"'<>]*)[\"']", re.I)
# A link longer than any real address is reported as such, not looked for.
_LONGEST = 500
_TOO_LONG = (
    f"a link is longer than {_LONGEST} characters",
    "write the address of a page under docs/, relative to this page",
)
_FIX_SECTION = "link to one of the page's headings by its id (the `{ #id }` after it), or remove the anchor"
# MkDocs' own words (mkdocs/structure/pages.py) for a link it could not follow.
_MKDOCS_LINK = re.compile(r"Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)', but (?P<why>.+?)\.")
_MKDOCS_ANCHOR = re.compile(r"the doc '(?P<doc>[^']+)' does not contain an anchor '#(?P<anchor>[^']+)'")
_MKDOCS_HERE = "there is no such anchor on this page"
_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]")
_ATTRIBUTES = re.compile(r"\{:?([^{}\n]*)\}")
_ID_IN_ATTRIBUTES = re.compile(r"(?:^|\s)#([^\s{}#.]+)")
_HTML_ID = re.compile(r"\b(?:id|name)[ \t]*=[ \t]*[\"']([^\"'<>]+)[\"']")
