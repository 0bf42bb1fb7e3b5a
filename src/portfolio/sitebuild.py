"""Build the site (every language) and its offline copy, never half-replacing output.

Each build goes to a temporary folder beside its destination; only a complete,
strict build replaces the previous `site/` (or zip). A failed build leaves the
previous output exactly as it was.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from portfolio.exports import LMS_FOLDER, export_all
from portfolio.pdf import PDF_FOLDER, build_all
from portfolio.problems import Problem
from portfolio.project import CONFIG_FILE
from portfolio.site import read_state

OFFLINE_ZIP = "good-tutoring-portfolio-offline.zip"


@dataclass
class BuildResult:
    output: Path
    warnings: list[str]
    problems: list[Problem] = field(default_factory=list)  # warnings found in the sources


def build_site(root: Path, site_dir: Path, pdfs: bool = True, exports: bool = True, report=print) -> BuildResult:
    """Build every language strictly into `site_dir`, with each language's PDFs and
    LMS exports."""
    with _staging(site_dir) as staging, _collect_warnings() as warnings:
        _run_mkdocs(root, staging, offline=False)
        state = read_state(root)
        if pdfs:
            build_all(staging, state, report)
        if exports:
            export_all(state, staging, report)
    return BuildResult(site_dir, warnings, state.problems)


def build_offline(root: Path, zip_path: Path, pdfs_from: Path | None = None) -> BuildResult:
    """Build the file:// copy (search included) and pack it into `zip_path`; the PDFs
    and LMS exports already built for the online site are copied in from `pdfs_from`."""
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="offline.", dir=zip_path.parent) as tmp:
        site = Path(tmp) / "site"
        with _collect_warnings() as warnings:
            _run_mkdocs(root, site, offline=True)
        downloads = [*pdfs_from.rglob(f"{PDF_FOLDER}/*"), *pdfs_from.rglob(f"{LMS_FOLDER}/*")] if pdfs_from else []
        for pdf in downloads:
            target = site / pdf.relative_to(pdfs_from)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(pdf, target)
        partial = Path(tmp) / zip_path.name
        _zip_folder(site, partial, top=zip_path.stem)
        os.replace(partial, zip_path)
    return BuildResult(zip_path, warnings)


# Helpers ----------------------------------------------------------------------


def _run_mkdocs(root: Path, site_dir: Path, offline: bool) -> None:
    previous = os.environ.get("OFFLINE")
    os.environ["OFFLINE"] = "true" if offline else "false"
    try:
        config = load_config(str(root / CONFIG_FILE), site_dir=str(site_dir), strict=True)
        build(config)
    finally:
        if previous is None:
            os.environ.pop("OFFLINE", None)
        else:
            os.environ["OFFLINE"] = previous


@contextmanager
def _staging(site_dir: Path) -> Iterator[Path]:
    """A fresh folder beside `site_dir`; swapped in only if the block succeeds."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f"{site_dir.name}.new.", dir=site_dir.parent))
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    old = site_dir.with_name(f"{site_dir.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        os.replace(site_dir, old)
    os.replace(staging, site_dir)
    shutil.rmtree(old, ignore_errors=True)


@contextmanager
def _collect_warnings() -> Iterator[list[str]]:
    """Warnings MkDocs and its plugins log during the block."""
    found: list[str] = []

    class _Handler(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            found.append(record.getMessage())

    handler = _Handler(logging.WARNING)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield found
    finally:
        logger.removeHandler(handler)


def _zip_folder(folder: Path, zip_path: Path, top: str) -> None:
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, f"{top}/{path.relative_to(folder).as_posix()}")
