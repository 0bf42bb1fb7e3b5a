"""Pages kept on disk between builds of `make site`, so that a build after a save
converts and lays out only the pages whose inputs changed (see preview.py: which pages
are reused, and why a page's key says when it can be).

The pages of the last successful build are stored in `.cache/pages/`, as JSON (read
back as data, never as code), in a file named by what the key of a page cannot see:
the Python version, the installed packages and the code of this package. A failed
build stores nothing; a damaged or foreign file is ignored (every page is converted);
`make clean` or PORTFOLIO_OUTPUT_CACHE=off (see output_cache.py) builds every page.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path

from mkdocs.structure.toc import AnchorLink, TableOfContents

from portfolio import output_cache, preview

STORE_DIR = output_cache.CACHE_DIR.parent / "pages"


@contextmanager
def reusing(root: Path) -> Iterator[None]:
    """The block's MkDocs build reuses the stored pages, and stores its own if it succeeds.
    The pages stay in memory until the next such build (the tests read preview.laid_out())."""
    if not output_cache.usable(root):
        yield
        return
    preview.forget()
    preview.keep(*_load(root / STORE_DIR / _name()))
    preview.enable(True)
    try:
        yield
        _save(root / STORE_DIR, _name())
    finally:
        preview.enable(False)


# Store ------------------------------------------------------------------------


def _load(file: Path) -> tuple[dict, dict]:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        converted = {key: _converted(value) for key, value in data["converted"].items()}
        laid_out = {key: preview.LaidOut(v["titles"], v["html"], v["entries"]) for key, v in data["laid_out"].items()}
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
        partial = folder / f"{name}.{os.getpid()}.partial"
        partial.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, folder / name)
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
    return f"{hashed.hexdigest()[:32]}.json"


# Pages as data ----------------------------------------------------------------


def _as_data(page) -> dict | None:
    """A converted page as JSON data, or None if some of it would not read back the same
    (front matter with dates, for example): that page is converted in the next build."""
    data = {
        "content": page.content,
        "toc": [_anchor_data(anchor) for anchor in page.toc],
        "title": page.title,
        "meta": page.meta,
        "anchors": sorted(page.anchors),
        "links": page.links,
    }
    return data if _round_trips(data) else None


def _converted(data: dict):
    return preview.Converted(
        data["content"],
        TableOfContents([_anchor(item) for item in data["toc"]]),
        data["title"],
        data["meta"],
        set(data["anchors"]),
        data["links"],
    )


def _anchor_data(anchor: AnchorLink) -> dict:
    data = {"title": anchor.title, "id": anchor.id, "level": anchor.level}
    data["children"] = [_anchor_data(child) for child in anchor.children]
    if getattr(anchor, "active", False):
        data["active"] = True  # MkDocs marks the first entry
    return data


def _anchor(data: dict) -> AnchorLink:
    anchor = AnchorLink(data["title"], data["id"], data["level"])
    anchor.children = [_anchor(child) for child in data["children"]]
    if data.get("active"):
        anchor.active = True  # type: ignore[attr-defined]
    return anchor


def _round_trips(data) -> bool:
    try:
        return json.loads(json.dumps(data, ensure_ascii=False)) == data
    except (TypeError, ValueError):
        return False
