"""What the preview (`make serve`, PORTFOLIO_PREVIEW=1) does that a build does not.

One language: `make serve LANG=fr` builds the French pages, with English ones where a
French page is missing; of the English site only its home page is built (the language
menu's English links lead nowhere in that preview).

Pages converted once: after each save, MkDocs builds the preview again in the same
process, and every page would be read, laid out, rendered by the macros and converted
from Markdown, which is most of a rebuild. What a page became (its HTML, table of
contents, title, front matter, anchors) is kept, and the next rebuild reuses it when
nothing the page is made from has changed:

- the page itself, its front matter included, and the language it is built in;
- its translation state (a translation says when its source changed after it was
  translated), and every page's state if the page lists them (the translation status);
- everything around the pages: the curriculum, templates, partials, hooks, the code,
  mkdocs.yml, the other files under docs/, every page's front matter, and the whole
  text of a page that other pages read (READ_BY_OTHER_PAGES: Downloads lists the parts
  of the pilot course kit its page holds).

So saving a page converts that page only, and its translations when their state
changes (then also the translation-status pages); saving any other source converts
every page again, as a build does.

Pages laid out once: a page's whole HTML (the theme's layout around its content, its
navigation, its previous and next links) and its search entries are kept too, and
written again as they were when the page is reused and no page's title or address
changed; otherwise the theme lays the page out and the search plugin reads it again.

A page that gave a warning (or an error) while it was converted or laid out is not
kept: the next rebuild converts it again, and the warning is given again.

`make site` reuses pages the same way between builds (page_store.py keeps them on
disk); the tests' own MkDocs builds and `mkdocs build` never do.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.structure.files import InclusionLevel

from portfolio import yamlfile
from portfolio.build_inputs import sources_hash
from portfolio.locations import PREBUILT, READ_BY_OTHER_PAGES, page_source
from portfolio.project import DOCS_DIR, PREVIEW, PREVIEW_LANGUAGE
from portfolio.reproducible import ENV as SOURCE_DATE
from portfolio.translations import page_state

# What the build's environment may change in a page (see reproducible.py, project.py);
# the outputs made before the pages (PREBUILT) count by their names and sizes.
_ENVIRONMENT = (PREVIEW_LANGUAGE, SOURCE_DATE)
_MAX_PAGES = 4000  # pages kept; a long preview session starts again past it
# A macro that lists every page's translation state (portfolio.pages).
_LISTS_STATES = re.compile(r"\btranslation_status\s*\(")


@dataclass
class Converted:
    """What a page became (its Markdown converted)."""

    content: str
    toc: Any
    title: str | None
    meta: dict
    anchors: set
    links: dict | None  # its links to anchors of other pages, by the linked file's path


@dataclass
class LaidOut:
    """A page as written (the theme's layout around it), and its search entries."""

    titles: str  # a hash of every page's title and address when it was written
    html: str  # the whole page as written
    entries: list  # its search entries


_kept: dict[str, Converted] = {}
_reused: dict[int, Converted] = {}  # pages of the current build taken from `_kept`, by id
_written: dict[str, LaidOut] = {}  # by a page's key: its last layout only
_rewritten: dict[int, LaidOut] = {}  # pages of the current build taken from `_written`, by id
_laid_out: list[str] = []  # the pages the theme laid out in the current rebuild
_used: set[str] = set()  # the page keys of the current build
_enabled: list[bool] = []  # set by `make site` (page_store.reusing) for its build


def active() -> bool:
    """Whether pages are reused: in a preview (`make serve`), or in `make site`'s build."""
    return previewing() or bool(_enabled)


def previewing() -> bool:
    """Whether this process is a preview (`make serve`)."""
    return os.environ.get(PREVIEW) == "1"


def enable(on: bool) -> None:
    """Reuse pages in this process's builds (`make site`), or stop."""
    _enabled[:] = [True] if on else []


def surroundings(root: Path) -> str:
    """A hash of everything a page is made from besides its own text, taken at the start
    of each rebuild (every language of it shares it)."""
    _reused.clear()  # what a failed build left
    _rewritten.clear()
    _laid_out.clear()
    _used.clear()
    if len(_kept) > _MAX_PAGES:  # a long session: start again (never during a build)
        _kept.clear()
        _written.clear()
    _WARNINGS.install()
    docs = root / DOCS_DIR

    def content(file: Path) -> bytes:
        data = file.read_bytes()
        if file.suffix == ".md" and file.is_relative_to(docs) and not _read_by_others(file.relative_to(docs)):
            return _front_matter(data).encode()  # a page's text is its own page's input only
        return data

    environment = [(name, os.environ.get(name)) for name in _ENVIRONMENT]
    return sources_hash(root, repr([*environment, _prebuilt()]), content)


def _read_by_others(page: Path) -> bool:
    """Whether other pages read this page's text (READ_BY_OTHER_PAGES, in any language's
    folder): then it is an input of every page."""
    return page_source(page.as_posix()) in READ_BY_OTHER_PAGES


def _front_matter(data: bytes) -> str:
    """A page's front matter as MkDocs finds it (YAML between `---` lines, or
    MultiMarkdown `Key: value` lines); it is not parsed (the preview takes this for every
    page at every save)."""
    text = yamlfile.decode(data, "replace")
    meta, _, _ = yamlfile.split_front_matter(text)
    if meta is not None:
        return meta
    return "\n".join(text.split("\n")[: yamlfile.settings_lines(text)])


def _prebuilt() -> list[tuple[str, int]]:
    """The outputs made before the pages, by name and size (the pages show their sizes)."""
    folder = os.environ.get(PREBUILT)
    if not folder:
        return []
    return [
        (f.relative_to(folder).as_posix(), f.stat().st_size) for f in sorted(Path(folder).rglob("*")) if f.is_file()
    ]


def before(page, markdown: str, around: str, lang: str, states: dict, layout: str) -> str:
    """The page's Markdown, or nothing to convert when its last conversion still holds
    (the plugins then skip it: no layout, no macros). `states`: every page's translation
    state; `layout`: the text of the layout the page is placed in ("" if none)."""
    file = page.file
    lists_states = any(_LISTS_STATES.search(text) for text in (markdown, layout))
    translation = repr(sorted(states.items()) if lists_states else page_state(states, file.src_uri, lang))
    parts = [around, lang, file.src_uri, file.abs_src_path, repr(page.meta), translation, markdown]
    page.preview_key = key = hashlib.sha256("\0".join(parts).encode()).hexdigest()
    page.preview_warnings = _WARNINGS.count
    _used.add(key)
    kept = _kept.get(key)
    if kept is None:
        return markdown
    _reused[id(page)] = kept
    page.meta = {"render_macros": False}
    return ""


def after(page, html: str, files) -> str:
    """The page's HTML: what was kept for it, or what it just became (then kept)."""
    kept = _reused.pop(id(page), None)
    if kept is not None:
        page.toc, page.title, page.meta = kept.toc, kept.title, dict(kept.meta)
        page.present_anchor_ids = set(kept.anchors)
        if kept.links is not None:  # checked against this build's pages, as they are now
            targets = {uri: files.get_file_from_path(uri) for uri in kept.links}
            page.links_to_anchors = {targets[uri]: dict(a) for uri, a in kept.links.items() if targets[uri]}
        return kept.content
    key = getattr(page, "preview_key", None)
    if key is not None and _WARNINGS.count == page.preview_warnings:  # a page that warned is converted again
        _kept[key] = Converted(
            html,
            page.toc,
            page.title,
            dict(page.meta),
            set(getattr(page, "present_anchor_ids", set())),
            _by_path(getattr(page, "links_to_anchors", None)),
        )
    return html


def _by_path(links: dict | None) -> dict | None:
    """MkDocs' links to anchors (by linked File, an object of one build) by path."""
    return None if links is None else {target.src_uri: dict(anchors) for target, anchors in links.items()}


def lay_out(pages, env) -> None:
    """Once every page is converted (MkDocs' on_env): the pages whose whole HTML still
    holds are given an empty template, so the theme does not lay them out again;
    `written` then gives their HTML back. A page's HTML holds when nothing it is made
    from changed and every page has the title and address it had (the navigation and
    the previous and next links show them)."""
    _rewritten.clear()  # what a language build left (pages MkDocs skipped)
    titles = hashlib.sha256(repr([(page.file.src_uri, page.url, page.title) for page in pages]).encode()).hexdigest()
    empty = None
    for page in pages:
        key = getattr(page, "preview_key", None)
        if key is None:
            continue
        page.preview_titles = titles
        laid_out = _written.get(key)
        if laid_out is not None and laid_out.titles == titles:
            empty = empty or env.from_string("")
            page.meta["template"] = empty
            _rewritten[id(page)] = laid_out


def before_search(page, index) -> None:
    """Before the search plugin reads a page (on_page_context): a page written again as
    it was is not read (its search entries are added as they were, by `after_search`)."""
    if id(page) in _rewritten:
        page.content = ""  # not laid out, not read: the kept HTML holds it
        page.meta["search"] = {"exclude": True}
    page.preview_warnings = _WARNINGS.count
    page.preview_entries_from = len(index.entries) if index is not None else 0


def after_search(page, index) -> None:
    """After the search plugin read the page: its kept entries added, or its new ones noted."""
    if index is None:
        return
    laid_out = _rewritten.get(id(page))
    if laid_out is not None:
        index.entries.extend(laid_out.entries)
    else:
        page.preview_entries = index.entries[getattr(page, "preview_entries_from", len(index.entries)) :]


def written(page, output: str) -> str:
    """The page's whole HTML: what was kept for it, or what the theme just wrote (then kept)."""
    laid_out = _rewritten.pop(id(page), None)
    if laid_out is not None:
        return laid_out.html
    _laid_out.append(page.file.src_uri)
    key = getattr(page, "preview_key", None)
    if key is not None and _WARNINGS.count == getattr(page, "preview_warnings", None):
        # replaces the page's previous layout (one kept per page key); a page that warned is laid out again
        _written[key] = LaidOut(getattr(page, "preview_titles", ""), output, list(getattr(page, "preview_entries", [])))
    return output


def kept() -> int:
    """How many converted pages the preview holds."""
    return len(_kept)


def laid_out() -> int:
    """How many pages the theme laid out in the last rebuild (the others were written as
    they were)."""
    return len(_laid_out)


def forget() -> None:
    """Drop every kept page (the next rebuild converts them all)."""
    _kept.clear()
    _reused.clear()
    _written.clear()
    _rewritten.clear()
    _laid_out.clear()
    _used.clear()


def kept_pages() -> tuple[dict[str, Converted], dict[str, LaidOut]]:
    """What the last build converted and laid out (or reused), by page key: what
    page_store.py writes to disk."""
    return (
        {key: _kept[key] for key in _used if key in _kept},
        {key: _written[key] for key in _used if key in _written},
    )


def keep(converted: dict[str, Converted], laid_out: dict[str, LaidOut]) -> None:
    """Pages kept by an earlier build (read by page_store.py), for the next build."""
    _kept.update(converted)
    _written.update(laid_out)


class _WarningCount(logging.Handler):
    """Counts warnings and errors, from any logger, while pages are reused: a page
    during whose conversion or layout the count grew is not kept."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1

    def install(self) -> None:
        # MkDocs' command line stops its loggers' records at "mkdocs": counted there too.
        for logger in (logging.getLogger(), logging.getLogger("mkdocs")):
            if self not in logger.handlers:
                logger.addHandler(self)


_WARNINGS = _WarningCount()


def announced(serve_url: str, languages) -> str | None:
    """Where a one-language preview shows its pages (the server's address, with the path
    of site_url), or None when every language is previewed."""
    previewed = os.environ.get(PREVIEW_LANGUAGE, "")
    if previewed in ("", languages.default) or previewed not in languages.built:
        return None
    return f"Preview of {previewed} alone: {serve_url}{languages.folder(previewed)} (the default language: {serve_url})"


def left_out(files, lang: str, default: str) -> None:
    """In a one-language preview (`make serve LANG=fr`), the default language's pages
    other than its home page are left out of its build: the previewed language needs
    only their sources, for its missing pages."""
    previewed = os.environ.get(PREVIEW_LANGUAGE, "")
    if not previewing() or previewed in ("", default) or lang != default:
        return
    for file in files.documentation_pages():
        if file.url not in ("", "./"):  # the home page: "./" with directory URLs
            file.inclusion = InclusionLevel.EXCLUDED
    for name in ("mkdocs.structure.nav", "mkdocs.structure.pages"):  # a line per page left out
        logger = logging.getLogger(name)
        if _LEFT_OUT not in logger.filters:
            logger.addFilter(_LEFT_OUT)


class _LeftOut(logging.Filter):
    """MkDocs' notes that the nav or a page names a page left out of the build."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "excluded from the built site" not in record.getMessage()


_LEFT_OUT = _LeftOut()
