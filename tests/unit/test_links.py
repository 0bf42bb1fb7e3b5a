"""Links MkDocs cannot follow, as an author sees them from `portfolio build`."""

from __future__ import annotations

import logging

from mkdocs.commands.build import build
from mkdocs.config import load_config

from portfolio.cli import _MkDocsMessages


def test_a_section_only_the_build_knows_is_said_at_the_links_line(tmp_path, monkeypatch):
    """`make check` leaves to the build the sections of pages whose macros make ids. MkDocs'
    warning about such a link (a real build's) is printed as the project's line: the
    page and line of the link (not of the same text in code), what is missing, and how to fix it."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(
        "# Home\n\nWritten as code: `[the form](form.md#signatures)`.\n\nThen sign [the form](form.md#signatures).\n"
    )
    (docs / "form.md").write_text("# Form\n\n## Sign here\n")
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\nvalidation:\n  anchors: warn\n")
    monkeypatch.chdir(tmp_path)
    records: list[logging.LogRecord] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = records.append
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        build(load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    finally:
        logger.removeHandler(handler)
    shown = [_MkDocsMessages(tmp_path).format(record) for record in records]
    assert shown == [
        "docs/index.md:5 [broken-link] the link `form.md#signatures` leads nowhere: the page docs/form.md"
        " has no section `#signatures` — link to one of the page's headings by its id (the `{ #id }` after it),"
        " or remove the anchor"
    ]
