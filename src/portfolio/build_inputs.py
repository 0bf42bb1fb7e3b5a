"""Whether a build would change anything: a hash of everything the site is made from.

`make site` with nothing changed since the last successful build of the same outputs
answers at once that the site is up to date. The hash covers the sources (pages,
curriculum, templates, hooks), the code and its pinned dependencies, the commit date
that dates the outputs (reproducible.py), and the build's options.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from portfolio.output_cache import CACHE_DIR, files_under, machine, write_whole
from portfolio.project import SOURCE_PARTS
from portfolio.reproducible import source_epoch

CODE_PARTS = ("src", "pyproject.toml", "package-lock.json")
STAMP = CACHE_DIR.parent / "last-build"


def digest(root: Path, options: str) -> str:
    """The hash of every source and code file (path and content), the date, the options."""
    return sources_hash(root, f"{options}\n{source_epoch(root)}\n{machine()}\n")


def sources_hash(root: Path, start: str, content=Path.read_bytes) -> str:
    """A hash of `start`, then the path and `content` of every source and code file of
    the project at `root`: what a build, or a page in the preview, is made from."""
    hashed = hashlib.sha256(start.encode())
    for file in files_under([root / part for part in (*SOURCE_PARTS, *CODE_PARTS)]):
        hashed.update(file.relative_to(root).as_posix().encode() + b"\0")
        hashed.update(content(file))
    return hashed.hexdigest()


def up_to_date(root: Path, outputs: list[Path], started: str) -> bool:
    """True when the last successful build had these inputs (`started`: what this build
    would start from, its `record`) and its outputs are all there."""
    try:
        recorded = (root / STAMP).read_text(encoding="utf-8")
    except OSError:
        return False
    return recorded == started and all(p.exists() for p in outputs)


def record(root: Path, outputs: list[Path], options: str) -> str:
    """What a build starts from: take it before the build, and `remember` it after (a
    source saved during the build then makes the next build run)."""
    return "\n".join([digest(root, options), *(str(p.resolve()) for p in outputs)]) + "\n"


def remember(root: Path, started: str) -> None:
    """Record a successful build (after its outputs are in place); `started`: its `record`."""
    stamp = root / STAMP
    try:
        stamp.parent.mkdir(parents=True, exist_ok=True)
        write_whole(stamp, lambda partial: partial.write_text(started, encoding="utf-8"))
    except OSError:
        pass  # no stamp: the next build simply runs


def forget(root: Path) -> None:
    """A build started: until it succeeds, nothing is up to date."""
    (root / STAMP).unlink(missing_ok=True)
