"""`make site` after a save: the pages whose inputs did not change are taken from the last
build (portfolio.page_store); the site is still exactly the one a build from nothing gives."""

from __future__ import annotations

import json
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


STORED = {  # one converted page, as a build stores it
    "content": "<p>Text.</p>",
    "toc": [{"title": "Title", "id": "title", "level": 1, "children": [], "active": True}],
    "title": "Title",
    "meta": {},
    "anchors": ["title"],
    "links": {},
}


def _store(project: Path, converted: dict) -> Path:
    folder = project / page_store.STORE_DIR
    folder.mkdir(parents=True, exist_ok=True)
    file = folder / page_store._name()
    file.write_text(json.dumps({"converted": converted, "laid_out": {}}), encoding="utf-8")
    return file


@pytest.mark.parametrize(
    "damaged",
    [
        '{"converted": {"k": ',  # cut short
        json.dumps({"converted": {"k": {**STORED, "content": 1}}, "laid_out": {}}),
        json.dumps({"converted": {"k": {**STORED, "links": "x"}}, "laid_out": {}}),
        json.dumps({"converted": {}, "laid_out": {"k": {"titles": "", "html": "", "entries": "abc"}}}),
    ],
)
def test_a_damaged_store_is_ignored(project, damaged):
    _store(project, {}).write_text(damaged, encoding="utf-8")
    with page_store.reusing(project):
        assert preview.kept() == 0  # every page will be converted


def test_a_store_from_another_machine_is_never_read(project, tmp_path, monkeypatch):
    """A store committed to the repository, or copied from elsewhere, is not this
    machine's: its pages could hold anything (they are written as they are)."""
    _store(project, {"k": STORED})
    with page_store.reusing(project):
        assert preview.kept() == 1  # this machine's store is read
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another-machine"))
    for cached in (output_cache.machine_key, page_store._name):
        cached.cache_clear()
    try:
        with page_store.reusing(project):
            assert preview.kept() == 0
    finally:
        monkeypatch.undo()
        for cached in (output_cache.machine_key, page_store._name):
            cached.cache_clear()


def test_nothing_is_stored_when_a_source_changed_during_the_build(project):
    store = project / page_store.STORE_DIR
    with page_store.reusing(project):
        page = project / PAGE  # saved while the build runs
        page.write_text(page.read_text(encoding="utf-8") + "\nSaved during the build.\n", encoding="utf-8")
    assert not store.exists()
    with page_store.reusing(project):
        pass
    assert store.exists()


@pytest.mark.parametrize(
    "text",
    [
        "---\nstatus: new\n---\n# Title\n",
        "\ufeff---\r\nstatus: new\r\n---\r\n# Title\r\n",  # a byte-order mark, Windows line ends
        "--- \nstatus: new\n...\n# Title\n",
        "status: new\ntitle: Title\n\n# Title\n",  # MultiMarkdown
    ],
)
def test_every_form_of_front_matter_counts_for_every_page(text):
    """Front matter shows in every page (the navigation's badges): a change to it in any
    form MkDocs reads must change what every page is made from."""
    changed = text.replace("status: new", "status: deprecated")
    assert preview._front_matter(text.encode()) != preview._front_matter(changed.encode())
    assert preview._front_matter(b"# Title\n\nText.\n") == ""


def test_a_save_of_the_pilot_course_page_updates_the_pages_that_list_its_kit(project, tmp_path, monkeypatch):
    """Downloads and the home page list the Word files of the kit's parts that the pilot
    course page holds: when a fork takes a part out of that page, they stop listing it
    at the next build, as a build from nothing would (no link to a file not made)."""
    _build(project, tmp_path / "first")
    page = project / "docs/en/trainers/pilot-course.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace(" { #report }", "").replace('{{ kit_file("report") }}', ""), encoding="utf-8")
    _build(project, tmp_path / "second")
    downloads = (tmp_path / "second/downloads/index.html").read_text(encoding="utf-8")
    assert "pilot-evaluation-en.docx" in downloads and "pilot-report-en.docx" not in downloads

    monkeypatch.setenv(SWITCH, "off")  # every page converted: a build from nothing
    _build(project, tmp_path / "fresh")
    assert differences(tmp_path / "second", tmp_path / "fresh") == []
