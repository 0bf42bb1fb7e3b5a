"""Build the site (every language) and its offline copy, never half-replacing output.

The PDFs render on the other cores while this process makes the LMS files and the
offline copy's pages, so that a core is not left idle while one long document ends.
Each build goes to a temporary folder beside its destination; only a complete,
strict build (site, PDFs, LMS exports, offline copy) replaces the previous `site/` and
offline zip. A failed or killed build leaves both exactly as they were; what it
left behind is removed by the next build.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from portfolio.build_state import load_sources, pinned
from portfolio.locations import OFFLINE_ZIP, PREBUILT
from portfolio.outputs import OUTPUTS, chosen
from portfolio.problems import Problem, errors
from portfolio.project import CONFIG_FILE, read_languages
from portfolio.publish import replace_folder
from portfolio.reproducible import ENV, source_epoch, zip_folder


@dataclass
class BuildResult:
    output: Path
    warnings: list[str]
    problems: list[Problem] = field(default_factory=list)  # warnings found in the sources


def build_site(
    root: Path,
    site_dir: Path,
    pdfs: bool = True,
    exports: bool = True,
    report=print,
    offline_zip: Path | None = None,
) -> BuildResult:
    """Build every language strictly into `site_dir`, with each language's PDFs and LMS
    exports, and the offline copy into `offline_zip` if given. Everything is built beside
    its destination first; `site_dir` and the zip are replaced together, only once every
    stage has succeeded. A failure (or a kill) at any stage leaves both as they were."""
    site_dir, root = site_dir.resolve(), root.resolve()
    formats = chosen(({"pdf"} if not pdfs else set()) | ({"export"} if not exports else set()))
    _remove_leftovers(site_dir, offline_zip)
    with _source_date(root), _staging(site_dir) as staging, _collect_warnings() as warnings:
        state = load_sources(root)
        with pinned(state):  # the MkDocs builds below reuse it
            before = Path(tempfile.mkdtemp(prefix=f"{site_dir.name}{_PARTIAL}before-", dir=site_dir.parent))
            try:
                # Before the pages (they show these files' sizes), unless the sources have
                # errors: then MkDocs stops at once with every problem, and nothing is rendered.
                if not errors(state.problems):
                    for output in formats:
                        if output.before_pages:
                            output.build(state, before, report)
                with _environment(PREBUILT, str(before)):
                    _run_mkdocs(root, staging, offline=False)
                shutil.copytree(before, staging, dirs_exist_ok=True)
            finally:
                shutil.rmtree(before, ignore_errors=True)
            after = [output for output in formats if not output.before_pages]
            with ExitStack() as running, _offline_folder(offline_zip) as offline:
                # The PDFs render on the other cores while this process makes the LMS
                # files and the offline copy's pages (which show no PDF's size).
                started = [running.enter_context(o.start(state, staging, report)) for o in after if o.start]
                for output in after:
                    if output.start is None:
                        output.build(state, staging, report)
                if offline is not None:
                    report("Offline copy: building with OFFLINE=true ...")
                    with _environment(PREBUILT, str(staging)):  # the forms' sizes, as online
                        _run_mkdocs(root, offline, offline=True)
                for output in started:
                    output.wait()
                packed = None
                if offline is not None:
                    packed = _offline_zip(root, offline, offline_zip, pdfs_from=staging)
                    shutil.copyfile(packed, staging / OFFLINE_ZIP)  # published for download
            _ordinary_permissions(staging)
            replace_folder(staging, site_dir)
            if packed is not None:
                os.replace(packed, offline_zip)
    return BuildResult(site_dir, warnings, state.problems)


def build_offline(root: Path, zip_path: Path, pdfs_from: Path | None = None) -> BuildResult:
    """Build the file:// copy (search included) and pack it into `zip_path`; the PDFs
    and LMS exports already built for the online site are copied in from `pdfs_from`."""
    root = root.resolve()
    _remove_leftovers(None, zip_path)
    files = str(pdfs_from) if pdfs_from else ""
    with (
        _source_date(root),
        _environment(PREBUILT, files),
        _collect_warnings() as warnings,
        _offline_folder(zip_path) as site,
    ):
        _run_mkdocs(root, site, offline=True)
        os.replace(_offline_zip(root, site, zip_path, pdfs_from), zip_path)
    return BuildResult(zip_path, warnings)


@contextmanager
def _offline_folder(zip_path: Path | None) -> Iterator[Path | None]:
    """A fresh folder beside `zip_path` for the offline copy's pages, removed after the
    block; None when no offline copy is asked for."""
    if zip_path is None:
        yield None
        return
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f"{zip_path.stem}{_PARTIAL}", dir=zip_path.parent) as tmp:
        yield Path(tmp) / "site"


def _offline_zip(root: Path, site: Path, zip_path: Path, pdfs_from: Path | None) -> Path:
    """The offline copy's pages in `site`, with the downloads of the online site, packed
    beside `zip_path` (to be moved into place by the caller)."""
    partial = zip_path.with_name(f"{zip_path.name}{_PARTIAL}{os.getpid()}")
    downloads = _downloads(root, pdfs_from) if pdfs_from else []
    for pdf in downloads:
        target = site / pdf.relative_to(pdfs_from)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(pdf, target)
    zip_folder(site, partial, top=zip_path.stem, epoch=source_epoch(root))
    return partial


# Helpers ----------------------------------------------------------------------


def _downloads(root: Path, site: Path) -> list[Path]:
    """The files the build writes after MkDocs: each language's PDFs, LMS files, forms."""
    languages = read_languages(root / CONFIG_FILE)
    return sorted(
        path
        for lang in languages.built
        for output in OUTPUTS
        for path in (site / languages.folder(lang) / output.folder).glob("*")
        if path.is_file()
    )


def _run_mkdocs(root: Path, site_dir: Path, offline: bool) -> None:
    with _environment("OFFLINE", "true" if offline else "false"):
        config = load_config(str(root / CONFIG_FILE), site_dir=str(site_dir), strict=True)
        build(config)


@contextmanager
def _environment(name: str, value: str) -> Iterator[None]:
    """An environment variable set for the block, then put back as it was."""
    previous = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = previous


@contextmanager
def _staging(site_dir: Path) -> Iterator[Path]:
    """A fresh folder beside `site_dir` (ordinary permissions); removed if the block fails."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f"{site_dir.name}{_PARTIAL}", dir=site_dir.parent))
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _ordinary_permissions(folder: Path) -> None:
    """The folder as the umask makes any other (mkdtemp, and copies of its folders, make
    it 0700: a web server running as another user could not read it)."""
    umask = os.umask(0)
    os.umask(umask)
    for path in [folder, *folder.rglob("*")]:
        if path.is_dir() and not path.is_symlink():
            os.chmod(path, 0o777 & ~umask)


def _remove_leftovers(site_dir: Path | None, zip_path: Path | None) -> None:
    """What a killed build left beside its outputs: staging folders, partial zips."""
    leftovers = []
    if site_dir is not None and site_dir.parent.is_dir():
        leftovers += site_dir.parent.glob(f"{site_dir.name}{_PARTIAL}*")
    if zip_path is not None and zip_path.parent.is_dir():
        leftovers += zip_path.parent.glob(f"{zip_path.stem}{_PARTIAL}*")
        leftovers += zip_path.parent.glob(f"{zip_path.name}{_PARTIAL}*")
    for path in leftovers:
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def _source_date(root: Path):
    """SOURCE_DATE_EPOCH set for the build, so that MkDocs' sitemap and every output
    carry the sources' date, not the build's (see portfolio.reproducible)."""
    return _environment(ENV, str(source_epoch(root)))


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


# Data -------------------------------------------------------------------------
# Marks what a build writes before it is complete (site.partial-x1y2, the zip's).
_PARTIAL = ".partial-"
