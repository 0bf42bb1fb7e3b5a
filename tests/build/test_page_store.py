"""`make site` after a save: the pages whose inputs did not change are taken from the last
build (portfolio.page_store); the site is still exactly the one a build from nothing gives."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, copy_project, differences
from portfolio import output_cache, page_store, preview
from portfolio.output_cache import SWITCH
from portfolio.reproducible import ENV, source_epoch
from portfolio.sitebuild import build_site

PAGE = "docs/en/handbook/buddy-system/07-peer-sessions.md"


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV, str(source_epoch(ROOT)))  # the copy is not a git clone
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.delenv(SWITCH, raising=False)
    copied = copy_project(tmp_path / "project")
    monkeypatch.chdir(copied)
    return copied


def _build(project: Path, site: Path) -> None:
    build_site(project, site, pdfs=False, exports=False, report=lambda message: None)


def test_after_an_english_save_only_that_page_its_translations_and_the_status_pages_are_laid_out(
    project, tmp_path, monkeypatch
):
    _build(project, tmp_path / "first")
    pages = sum(1 for _ in (tmp_path / "first").rglob("index.html"))
    assert preview.laid_out() == pages  # nothing stored yet: every page

    page = project / PAGE
    page.write_text(page.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    _build(project, tmp_path / "second")
    # The page, its French and Arabic translations (now older than it) and the
    # translation-status page of each language (it lists every page's state).
    assert preview.laid_out() == 6
    built = (tmp_path / "second/handbook/buddy-system/07-peer-sessions/index.html").read_text(encoding="utf-8")
    assert "One more sentence." in built

    monkeypatch.setenv(SWITCH, "off")  # every page converted: a build from nothing
    _build(project, tmp_path / "fresh")
    assert differences(tmp_path / "second", tmp_path / "fresh") == []


def test_a_damaged_store_is_ignored(project, tmp_path):
    store = project / page_store.STORE_DIR
    store.mkdir(parents=True)
    (store / page_store._name()).write_text('{"converted": {"k": {"content": 1}}', encoding="utf-8")
    _build(project, tmp_path / "site")
    assert preview.laid_out() == sum(1 for _ in (tmp_path / "site").rglob("index.html"))
    assert json.loads((store / page_store._name()).read_text(encoding="utf-8"))["converted"]  # written anew


def test_a_committed_cache_is_never_read(tmp_path, monkeypatch):
    monkeypatch.delenv(SWITCH, raising=False)
    repository = tmp_path / "fork"
    (repository / output_cache.CACHE_DIR).mkdir(parents=True)
    assert output_cache.usable(repository)  # not a git clone: nothing is committed
    git = ["git", "-C", str(repository), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    assert output_cache.usable(repository)
    (repository / output_cache.CACHE_DIR / "entry.bin").write_text("anything", encoding="utf-8")
    subprocess.run([*git, "add", "--force", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "a cache"], check=True)
    output_cache._tracked.cache_clear()
    assert not output_cache.usable(repository)
