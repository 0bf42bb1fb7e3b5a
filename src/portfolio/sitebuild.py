"""Build the site (every language) and its offline copy, never half-replacing output.

The PDFs render on the other cores while this process makes the LMS files; the
offline copy is then made from the built site (offline_copy.py). Pages whose inputs
did not change since the last build are not converted again (page_store.py).

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

from portfolio import page_store
from portfolio.build_state import load_sources, pinned
from portfolio.locations import OFFLINE_ZIP, PREBUILT
from portfolio.minify import minify_assets
from portfolio.offline_copy import make_offline_copy
from portfolio.outputs import chosen
from portfolio.problems import Problem, errors
from portfolio.project import CONFIG_FILE, Languages
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
    with (
        _source_date(root),
        _staging(site_dir) as staging,
        _collect_warnings() as warnings,
        page_store.reusing(root),  # entered before the sources are read
    ):
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
                    _run_mkdocs(root, staging)
                minify_assets(root, staging)
                shutil.copytree(before, staging, dirs_exist_ok=True)
            finally:
                shutil.rmtree(before, ignore_errors=True)
            after = [output for output in formats if not output.before_pages]
            with ExitStack() as running:
                # The PDFs render on the other cores while this process makes the LMS files.
                started = [running.enter_context(o.start(state, staging, report)) for o in after if o.start]
                for output in after:
                    if output.start is None:
                        output.build(state, staging, report)
                for output in started:
                    output.wait()
            packed = None
            if offline_zip is not None:
                report("Offline copy: the built site, made to work from the disk ...")
                packed = _offline_zip(root, state.languages, staging, offline_zip)
                shutil.copyfile(packed, staging / OFFLINE_ZIP)  # published for download
            _ordinary_permissions(staging)
            replace_folder(staging, site_dir)
            if packed is not None:
                os.replace(packed, offline_zip)
    return BuildResult(site_dir, warnings, state.problems)


def build_offline(root: Path, zip_path: Path) -> BuildResult:
    """Build the site in a folder of its own (its PDFs, forms and LMS files from the
    output cache when nothing they are made from changed) and pack its offline copy
    into `zip_path`; `site/` is left as it is."""
    zip_path = zip_path.resolve()
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="portfolio-offline-") as tmp:  # not beside the zip: a build clears that
        built = build_site(root, Path(tmp) / "site", report=lambda message: None, offline_zip=zip_path)
    return BuildResult(zip_path, built.warnings, built.problems)


def _offline_zip(root: Path, languages: Languages, site: Path, zip_path: Path) -> Path:
    """The offline copy of the built `site`, packed beside `zip_path` (to be moved into
    place by the caller)."""
    partial = zip_path.with_name(f"{zip_path.name}{_PARTIAL}{os.getpid()}")
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f"{zip_path.stem}{_PARTIAL}", dir=zip_path.parent) as tmp:
        copy = Path(tmp) / "site"
        make_offline_copy(site, copy, languages, leave_out=(OFFLINE_ZIP,))
        zip_folder(copy, partial, top=zip_path.stem, epoch=source_epoch(root))
    return partial


# Helpers ----------------------------------------------------------------------


def _run_mkdocs(root: Path, site_dir: Path) -> None:
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
