"""Outputs reused when their inputs have not changed: PDFs and Word files.

An output is stored under `.cache/outputs/` by a hash of everything it is made from
(its HTML or data, the print stylesheet and templates, the images it shows, the fonts
on the machine, the version of the library that writes it). Outputs are reproducible
(see reproducible.py), so a stored file is exactly the file a new rendering would
write. `make clean` removes the cache; a damaged entry is made again. An entry's name
also holds a key kept outside the project (machine_key): a cache is only read on the
machine that wrote it, never from a repository or another machine.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import secrets
import shutil
import subprocess
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from portfolio.reproducible import source_epoch

CACHE_DIR = Path(".cache") / "outputs"
CODE_DIR = Path(".cache") / "templates"  # compiled templates (templating.py)
KEY_FILE = Path("good-tutoring-portfolio") / "cache-key"  # under the user's cache folder
SWITCH = "PORTFOLIO_OUTPUT_CACHE"


def key(*parts: str | bytes) -> str:
    """The hash of an output's inputs, in order."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def cached(root: Path, inputs: list[str | bytes], target: Path, make: Callable[[], dict]) -> tuple[dict, bool]:
    """`target` copied from the cache entry of its `inputs`, or made by `make()` (which
    writes `target` and returns facts about it, such as a page count) and then stored.
    Files written beside `target` at the same time are named in the facts' `also`.
    Every output also depends on the machine (fonts, library versions) and on the
    commit date that dates it (reproducible.py): both are part of the entry. Returns the
    facts and whether the cache served them. PORTFOLIO_OUTPUT_CACHE=off makes every
    output anew (the reproducibility test renders twice)."""
    if off():
        return make(), False
    entry = key(*inputs, machine(), machine_key(), str(source_epoch(root)))
    folder = root / CACHE_DIR
    stored, facts_file = folder / f"{entry}.bin", folder / f"{entry}.json"
    try:
        facts = json.loads(facts_file.read_text(encoding="utf-8"))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(stored, target)
        for index, name in enumerate(facts.get("also", [])):
            shutil.copyfile(folder / f"{entry}.{index}.bin", target.parent / name)
        return facts, True
    except (OSError, ValueError, AttributeError, TypeError):
        pass  # not stored yet, or damaged: make it
    facts = make()
    also = [(target.parent / name, folder / f"{entry}.{i}.bin") for i, name in enumerate(facts.get("also", []))]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for source, final in (*also, (target, stored), (None, facts_file)):  # the facts last: they complete it
            if source is None:
                write_whole(final, lambda partial: partial.write_text(json.dumps(facts), encoding="utf-8"))
            else:
                write_whole(final, lambda partial, source=source: shutil.copyfile(source, partial))
    except OSError:
        pass  # a read-only or full disk: the build goes on without the cache
    return facts, False


def write_whole(final: Path, write: Callable[[Path], object]) -> None:
    """`final`, written by `write(partial)` to a file beside it, then put in its place:
    a reader (another build at the same time) sees the whole file or none."""
    partial = final.with_name(f"{final.name}.{os.getpid()}.partial")
    write(partial)
    os.replace(partial, final)


def off() -> bool:
    """Whether PORTFOLIO_OUTPUT_CACHE=off asks for every output, and every page, anew."""
    return os.environ.get(SWITCH) == "off"


@functools.cache
def machine_key() -> str:
    """A random key that this machine's user keeps outside every project (in the user's
    cache folder), part of every cache entry's name. A cache is only ever read where it
    was written: one committed to a repository, or copied from another machine, has other
    names and is never found (its pages or PDFs could hold anything). Where the key
    cannot be kept, each process has its own, and nothing is reused between builds."""
    home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    file = home / KEY_FILE
    key = secrets.token_hex(32)
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        with os.fdopen(os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as new:
            new.write(key)
        return key
    except FileExistsError:
        try:
            kept = file.read_text(encoding="ascii").strip()
        except (OSError, ValueError):
            return key
        return kept if len(kept) == len(key) else key  # being written, or damaged: this process's own
    except OSError:
        return key


@functools.cache
def machine() -> str:
    """What the machine adds to every output: the writers' versions and the fonts."""
    versions = [f"{name} {_version(name)}" for name in ("weasyprint", "python-docx", "pydyf", "fonttools")]
    try:
        fonts = subprocess.run(
            ["fc-list", "--format", "%{file} %{fontversion}\n"], capture_output=True, text=True, timeout=30
        ).stdout
    except (OSError, subprocess.SubprocessError):
        fonts = "fonts unknown"
    return "\n".join([*versions, *sorted(fonts.splitlines())])


def files_under(paths: list[Path]) -> list[Path]:
    """Every file under each path (a folder, searched through, or a file), in order,
    without Python's caches: what an output or a build is made from."""
    return [
        found
        for path in paths
        for found in (sorted(path.rglob("*")) if path.is_dir() else [path])
        if found.is_file() and "__pycache__" not in found.parts
    ]


def files(paths: list[Path]) -> bytes:
    """The names and contents of files (missing ones count as absent)."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(str(path.name).encode("utf-8"))
        digest.update(path.read_bytes() if path.is_file() else b"-")
    return digest.digest()


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"
