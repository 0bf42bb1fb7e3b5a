"""Pages kept on disk between builds of `make site`, so that a build after a save
converts and lays out only the pages whose inputs changed (see preview.py: which pages
are reused, and why a page's key says when it can be).

The pages of the last successful build are stored in `.cache/pages/`, as JSON (read
back as data, never as code), in a file named by what the key of a page cannot see:
the Python version, the installed packages, the code of this package, and the
machine's cache key (so a store committed to the repository is never read). A failed
build stores nothing; a damaged or foreign file is ignored (every page is converted);
`make clean` or PORTFOLIO_OUTPUT_CACHE=off (see output_cache.py) builds every page.
"""

from __future__ import annotations

import functools
import hashlib
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path

from mkdocs.structure.toc import AnchorLink, TableOfContents

from portfolio import output_cache, preview
from portfolio.build_inputs import sources_hash

STORE_DIR = output_cache.CACHE_DIR.parent / "pages"


@contextmanager
def reusing(root: Path) -> Iterator[None]:
    """The block's MkDocs build reuses the stored pages, and stores its own if the block
    succeeds and no source changed while it ran (a page converted from the old version of
    a file must not be kept under the new one's key): enter it before the sources are
    read. The pages stay in memory until the next such build (tests read preview.laid_out())."""
    if output_cache.off():
        yield
        return
    started = sources_hash(root, "")
    preview.forget()
    preview.keep(*_load(root / STORE_DIR / _name()))
    preview.enable(True)
    try:
        yield
        if sources_hash(root, "") == started:
            _save(root / STORE_DIR, _name())
    finally:
        preview.enable(False)


# Store ------------------------------------------------------------------------


def _load(file: Path) -> tuple[dict, dict]:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        converted = {key: _converted(value) for key, value in data["converted"].items()}
        laid_out = {key: _laid_out(value) for key, value in data["laid_out"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}, {}  # none yet, or damaged: every page is converted
    return converted, laid_out


def _save(folder: Path, name: str) -> None:
    """This build's pages, replacing the last build's (readers see a whole file or none)."""
    converted, laid_out = preview.kept_pages()
    data = {
        "converted": {key: stored for key, page in converted.items() if (stored := _as_data(page)) is not None},
        "laid_out": {
            key: {"titles": page.titles, "html": page.html, "entries": page.entries}
            for key, page in laid_out.items()
            if _round_trips(page.entries)
        },
    }
    try:
        folder.mkdir(parents=True, exist_ok=True)
        written = json.dumps(data, ensure_ascii=False)
        output_cache.write_whole(folder / name, lambda partial: partial.write_text(written, encoding="utf-8"))
        for other in folder.iterdir():  # an older Python, package or code: never read again
            if other.name != name:
                other.unlink()
    except OSError:
        pass  # a read-only or full disk: the next build converts every page


@functools.cache
def _name() -> str:
    """The store's file name: a hash of what a page's key leaves out."""
    hashed = hashlib.sha256(sys.version.encode())
    names = sorted(f"{d.metadata['Name']} {d.version}" for d in metadata.distributions())
    hashed.update("\n".join(names).encode())
    hashed.update(output_cache.files(output_cache.files_under([Path(__file__).parent])))
    hashed.update(output_cache.machine_key().encode())  # never read from another machine
    return f"{hashed.hexdigest()[:32]}.json"


# Pages as data ----------------------------------------------------------------


def _as_data(page) -> dict | None:
    """A converted page as JSON data, or None if some of it would not read back the same
    (front matter with dates, for example) or its links to anchors were not noted (MkDocs
    notes them unless its log is at DEBUG level): that page is converted in the next build."""
    if page.links is None:
        return None
    data = {
        "content": page.content,
        "toc": [_anchor_data(anchor) for anchor in page.toc],
        "title": page.title,
        "meta": page.meta,
        "anchors": sorted(page.anchors),
        "links": page.links,
    }
    return data if _round_trips(data) else None


def _converted(data: dict) -> preview.Converted:
    """A stored page read back; a TypeError if it is not what `_as_data` writes."""
    _expect(data["content"], str)
    _expect(data["title"], str, type(None))
    _expect(data["meta"], dict)
    _expect(data["anchors"], list)
    _expect(data["links"], dict)
    if not all(isinstance(a, str) for a in data["anchors"]) or not all(
        isinstance(v, dict) for v in data["links"].values()
    ):
        raise TypeError("anchors or links of another shape")
    return preview.Converted(
        data["content"],
        TableOfContents([_anchor(item) for item in _expect(data["toc"], list)]),
        data["title"],
        data["meta"],
        set(data["anchors"]),
        data["links"],
    )


def _laid_out(data: dict) -> preview.LaidOut:
    _expect(data["titles"], str)
    _expect(data["html"], str)
    if not all(isinstance(entry, dict) for entry in _expect(data["entries"], list)):
        raise TypeError("search entries of another shape")
    return preview.LaidOut(data["titles"], data["html"], data["entries"])


def _expect(value, *types):
    if not isinstance(value, types):
        raise TypeError(f"{type(value).__name__} where {types} was written")
    return value


def _anchor_data(anchor: AnchorLink) -> dict:
    data = {"title": anchor.title, "id": anchor.id, "level": anchor.level}
    data["children"] = [_anchor_data(child) for child in anchor.children]
    if getattr(anchor, "active", False):
        data["active"] = True  # MkDocs marks the first entry
    return data


def _anchor(data: dict) -> AnchorLink:
    anchor = AnchorLink(_expect(data["title"], str), _expect(data["id"], str), _expect(data["level"], int))
    anchor.children = [_anchor(child) for child in _expect(data["children"], list)]
    if data.get("active"):
        anchor.active = True  # type: ignore[attr-defined]
    return anchor


def _round_trips(data) -> bool:
    try:
        return json.loads(json.dumps(data, ensure_ascii=False)) == data
    except (TypeError, ValueError):
        return False
