"""Links between the pages under docs/, checked before anything is built, each at its line.

MkDocs checks a page's links only once it has rendered the page, and then says what is
wrong without a line or a way to fix it. These are the same checks, on the Markdown
(portfolio.markdown_text reads it): a link to a page or file that does not exist, to a
section (`#anchor`) that the page does not have, to a folder, or written from the site's
root (`/handbook/…`); and a relative address in HTML (`<a href>`, `<img src>`), which
MkDocs publishes as it is written, so that it does not lead where the file says.

A link is resolved as MkDocs and static-i18n resolve it: relative to the page's file
under docs/ (a French page is docs/fr/…). A page missing from a translation is shown
from the default language (`fallback_to_default`): a link to it works, and a default
language's page shown so links to the translation's pages, whose sections must then
have the same ids. A page's sections are its headings' ids (written `{ #id }`, or made
from the heading's text by the toc extension's slugify in mkdocs.yml) and the ids
written in it. A page with template code or a layout (a capsule, a form) gets more ids
from its macros: links to its sections are left to the build, whose warning
`from_mkdocs` turns into the same line.
"""

from __future__ import annotations

import functools
import posixpath
import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urldefrag

from portfolio import yamlfile
from portfolio.markdown_text import SCHEME, Link, PageBody, Sections, links_of, toc_options
from portfolio.page_templates import uses_templates
from portfolio.problems import Problem, closest, closest_path, problem
from portfolio.project import DOCS_DIR


def check_links(
    root: Path,
    pages: Mapping[Path, PageBody],
    default: str,
    languages: Collection[str] = (),
    config: dict | None = None,
) -> list[Problem]:
    """Every broken link of `pages` (every Markdown page under docs/, by path; a page in
    the folder of one of the other `languages` translates the `default` language's);
    `config`: mkdocs.yml, whose toc settings make the headings' ids."""
    tree = _Tree(root / DOCS_DIR, default, frozenset(languages) - {default}, Sections(pages, toc_options(config)))
    found = []
    for path, body in pages.items():
        source = path.relative_to(tree.docs).as_posix()
        shown_in = tree.shown_untranslated(source)
        for link in links_of(body):
            said = tree.broken(source, link) if len(link.target) <= _LONGEST else _TOO_LONG
            if said is None and shown_in:
                said = tree.broken_where_untranslated(source, link, shown_in)
            if said:
                found.append(problem(path, link.line, "broken-link", *said))
            elif link.html and _RELATIVE.match(link.target):
                said = (
                    f"the HTML address `{shown(link.target)}` is published as it is written, read from the page's"
                    " address on the site, not from its file: nothing checks that it leads somewhere"
                )
                found.append(problem(path, link.line, "html-link", said))
    return found


def from_mkdocs(root: Path, message: str) -> Problem | None:
    """MkDocs' warning about a link of a page (one this check leaves to the build: a
    section of a page whose macros make ids), as this project's line: at the link's line,
    with a fix. None for any other message."""
    found = _MKDOCS_LINK.fullmatch(message.strip())
    if found is None:
        return None
    source, target, why = found["page"], found["link"], found["why"]
    elsewhere = _MKDOCS_ANCHOR.fullmatch(why)
    if elsewhere:
        doc, anchor = elsewhere["doc"], elsewhere["anchor"]
        said, fix = _no_section(target, doc, anchor), _fix_section(anchor, _rendered.get(doc))
    elif why == _MKDOCS_HERE:
        anchor = urldefrag(target).fragment
        said, fix = _no_section(target, None, anchor), _fix_section(anchor, _rendered.get(source))
    else:
        said, fix = f"the link `{shown(target)}` leads nowhere: {why}", ""
    page = root / DOCS_DIR / source
    return problem(page, _line_of(page, target), "broken-link", said, fix)


def note_rendered(pages: Iterable) -> None:
    """The ids of the sections of MkDocs' rendered `pages` (macros' ids included), so that
    `from_mkdocs` can say which section a link to a missing one may have meant."""
    _rendered.update({p.file.src_uri: frozenset(p.present_anchor_ids or ()) for p in pages})


def shown(text: str) -> str:
    """A text as a message may quote it: characters no one can see (controls, direction
    marks, line separators) written as <U+200F>."""
    return "".join(f"<U+{ord(c):04X}>" if unicodedata.category(c) in _UNSEEN else c for c in text)


# Where links lead ---------------------------------------------------------------


@dataclass(frozen=True)
class _Tree:
    """docs/, as links find their way in it."""

    docs: Path
    default: str
    translations: frozenset[str]  # the folders of the other languages
    sections: Sections

    def broken(self, source: str, link: Link) -> tuple[str, str] | None:
        """What is wrong with `link` on the page `source` (relative to docs/) and how to
        fix it, or None if it leads somewhere."""
        target = link.target
        if SCHEME.match(target) or target.startswith("//") or uses_templates(target):
            return None  # another site, an e-mail address, or a macro's link (checked when rendered)
        if any(unicodedata.category(c) in _UNSEEN for c in target):
            return (
                f"the link `{shown(target)}` holds a character no one can see, and leads nowhere",
                "delete the invisible character (often pasted with the text): retype the address",
            )
        if link.html and not target.startswith("#"):
            return None  # published as written: [html-link], a warning (check_links)
        if target.startswith("/"):
            return (
                f"the link `{shown(target)}` is written from the site's root: MkDocs leaves it as it is, and it breaks",
                f"write it relative to this page's file, for example `{self._from_root(source, target)}`",
            )
        address, anchor, resolved = _resolve(source, target)
        if not address or posixpath.normpath(address) == ".":  # this page (`./` is the page itself)
            return self._missing_section(target, self.docs / source, None, anchor) if anchor else None
        if resolved == ".." or resolved.startswith("../"):
            return f"the link `{shown(target)}` leads outside docs/", _FIX_PAGE
        found = self.existing(source, resolved)
        if found is not None and found.is_dir():
            index = posixpath.join(address.rstrip("/"), "index.md")
            has_index = self.existing(source, posixpath.join(resolved, "index.md")) is not None
            fix = f"link to the page's file: `{index}`" if has_index else "link to a page's file (.md), not to a folder"
            return f"the link `{shown(target)}` leads to a folder, not a page", fix
        if found is None:
            meant = self._closest_page(resolved) or self._same_name(source, address, resolved)
            fix = f"did you mean `{posixpath.relpath(meant, posixpath.dirname(source))}`?" if meant else ""
            fix = fix or (_FIX_PAGE if resolved.endswith(".md") else _FIX_FILE)
            return f"the link `{shown(target)}` leads to no page or file: {self._looked_at(source, resolved)}", fix
        if anchor and found.suffix == ".md":
            page = found.relative_to(self.docs).as_posix()
            return self._missing_section(target, found, None if page == source else page, anchor)
        return None

    def shown_untranslated(self, source: str) -> list[str]:
        """The languages whose site shows the default language's page `source`, untranslated."""
        folder, _, rest = source.partition("/")
        if folder != self.default:
            return []
        return sorted(lang for lang in self.translations if not (self.docs / lang / rest).is_file())

    def broken_where_untranslated(self, source: str, link: Link, languages: list[str]) -> tuple[str, str] | None:
        """A link of a default-language page to a section of another page that, in the
        site of a language that shows this page untranslated, leads to that page's
        translation, which has no section of that id."""
        address, anchor, resolved = _resolve(source, link.target)
        if not (anchor and address.endswith(".md")) or link.html or SCHEME.match(address):
            return None
        folder, _, rest = resolved.partition("/")
        for lang in languages:
            translation = self.docs / lang / rest
            ids = self.sections.of(translation) if folder == self.default and translation.is_file() else None
            if ids is not None and anchor not in ids:
                said = (
                    f"the link `{shown(link.target)}` leads nowhere on the site in `{lang}`, which shows this page"
                    f" untranslated: its page docs/{lang}/{rest} has no section `#{anchor}`"
                )
                return said, "give the heading the same `{ #id }` in every language"
        return None

    def existing(self, source: str, resolved: str) -> Path | None:
        """The file or folder under docs/ a resolved link of the page `source` leads to."""
        for path in self._candidates(source, resolved):
            try:
                if path.exists():
                    return path
            except (OSError, ValueError):  # a name too long for the system, a NUL in it
                continue
        return None

    def _candidates(self, source: str, resolved: str) -> list[Path]:
        """Where MkDocs and static-i18n look for a resolved link: the file itself; for
        a translation's page, the default language's; for a path outside the language
        folders, the same path in the page's language, then in the default one."""
        folder, _, rest = resolved.partition("/")
        own = self.docs / resolved
        if rest and folder in self.translations:
            return [own, self.docs / self.default / rest]
        if folder != self.default and folder not in self.translations:
            language = source.partition("/")[0]
            if language in self.translations or language == self.default:
                return [own, self.docs / language / resolved, self.docs / self.default / resolved]
        return [own]

    def _looked_at(self, source: str, resolved: str) -> str:
        names = dict.fromkeys(f"docs/{p.relative_to(self.docs).as_posix()}" for p in self._candidates(source, resolved))
        return " and ".join(map(shown, names)) + (" do not exist" if len(names) > 1 else " does not exist")

    def _from_root(self, source: str, target: str) -> str:
        """A link written from the site's root, written from the page `source` instead."""
        path = target.strip("/")
        languages = {self.default, *self.translations}
        language = source.partition("/")[0]
        if path.partition("/")[0] not in languages and language in languages:
            path = posixpath.join(language, path)  # the site's root shows the page's language
        if not path.endswith(".md"):
            path = posixpath.join(path, "index.md")
        return posixpath.relpath(path, posixpath.dirname(source))

    def _closest_page(self, resolved: str) -> str | None:
        """The page of the same folder whose name is closest to that of a link that leads
        nowhere (a typing mistake: glosary.md for glossary.md)."""
        folder = self.docs / posixpath.dirname(resolved)
        pages = [path.relative_to(self.docs).as_posix() for path in self.sections.pages if path.parent == folder]
        return closest_path(resolved, pages)

    def _same_name(self, source: str, address: str, resolved: str) -> str | None:
        """The file of the name a link that leads nowhere gives, elsewhere under docs/ (the
        link climbs too few or too many folders: ../../assets/x.png for ../../../assets/x.png),
        as a path under docs/ the page can link to; of several, the one written most alike."""
        language, name = source.partition("/")[0], posixpath.basename(resolved)
        reachable = []
        for path in self._files.get(name, ()):
            folder, _, rest = path.partition("/")
            if folder == self.default and language in self.translations:
                path = f"{language}/{rest}"  # the translation's site shows the default language's file
            elif folder in self.translations | {self.default} and folder != language:
                continue  # another language's
            reachable.append(path)
        written = {posixpath.relpath(path, posixpath.dirname(source)): path for path in reachable}
        guess = closest(address, written, cutoff=0)
        return written[guess] if guess else None

    @functools.cached_property
    def _files(self) -> dict[str, list[str]]:
        """Every file under docs/, as its path under docs/, by name (read once a link needs it)."""
        found: dict[str, list[str]] = {}
        for path in sorted(self.docs.rglob("*")):
            if path.is_file():
                found.setdefault(path.name, []).append(path.relative_to(self.docs).as_posix())
        return found

    def _missing_section(self, target: str, page: Path, shown_as: str | None, anchor: str) -> tuple[str, str] | None:
        """A link to a section `anchor` of `page` (shown as docs/`shown_as`; None: the
        link's own page), if the page does not have it."""
        ids = self.sections.of(page)
        if ids is None or anchor in ids:  # unknown: the page's macros may make it
            return None
        return _no_section(target, shown_as, anchor), _fix_section(anchor, ids)


def _resolve(source: str, target: str) -> tuple[str, str, str]:
    """A link's address (decoded, without its query), its anchor, and the path under docs/
    it leads to from the page `source` (relative to docs/)."""
    address, anchor = urldefrag(target)
    address = unquote(address.split("?", 1)[0])
    return address, anchor, posixpath.normpath(posixpath.join(posixpath.dirname(source), address))


def _no_section(target: str, page: str | None, anchor: str) -> str:
    where = f"the page docs/{page}" if page else "this page"
    return f"the link `{shown(target)}` leads nowhere: {where} has no section `#{shown(anchor)}`"


def _fix_section(anchor: str, ids: Collection[str] | None) -> str:
    """The section of `ids` whose id is closest to a missing `anchor`, or the general fix."""
    guess = closest(anchor, sorted(ids or ()))
    return f"did you mean `#{guess}`?" if guess else _FIX_SECTION


def _line_of(page: Path, target: str) -> int:
    """The line of the page's first link to `target`, outside code (1 if none is found)."""
    text, _ = yamlfile.read_text(page)
    _, body, first_line = yamlfile.split_front_matter(text or "")
    return next((link.line for link in links_of(PageBody(body, first_line)) if link.target == target), 1)


# Data -------------------------------------------------------------------------
_RELATIVE = re.compile(rf"(?!{SCHEME.pattern}|//|#|\{{\{{)\S")  # no other site, no section, no macro
# What no one sees: controls, format marks (direction, zero width), line and paragraph separators.
_UNSEEN = frozenset({"Cc", "Cf", "Zl", "Zp"})
# A link longer than any real address is reported as such, not looked for.
_LONGEST = 500
_TOO_LONG = (
    f"a link is longer than {_LONGEST} characters",
    "write the address of a page under docs/, relative to this page",
)
_FIX_PAGE = "point the link at a page under docs/, written relative to this page's file"
_FIX_FILE = "put the file under docs/, or correct its path (relative to this page's file)"
_FIX_SECTION = "link to one of the page's headings by its id (the `{ #id }` after it), or remove the anchor"
# MkDocs' own words (mkdocs/structure/pages.py) for a link it could not follow.
_MKDOCS_LINK = re.compile(r"Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)', but (?P<why>.+?)\.")
_MKDOCS_ANCHOR = re.compile(r"the doc '(?P<doc>[^']+)' does not contain an anchor '#(?P<anchor>[^']+)'")
_MKDOCS_HERE = "there is no such anchor on this page"
# The section ids of the pages MkDocs rendered in this process, by path under docs/ (note_rendered).
_rendered: dict[str, frozenset[str]] = {}
