"""Links MkDocs cannot follow, as an author sees them from `portfolio build`."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from portfolio.cli import _MkDocsMessages
from portfolio.links import check_links
from portfolio.markdown_text import PageBody


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
    assert _built_with_messages(tmp_path) == [
        "docs/index.md:5 [broken-link] the link `form.md#signatures` leads nowhere: the page docs/form.md"
        " has no section `#signatures` — link to one of the page's headings by its id (the `{ #id }` after it),"
        " or remove the anchor"
    ]


def test_a_section_only_the_build_knows_is_said_with_the_closest_one(tmp_path, monkeypatch):
    """With the project's hook, the line also says which section of the rendered page the
    author probably meant (the ids MkDocs found on it, macros' ids included)."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Home\n\nSign [the form](form.md#signatures).\n")
    (docs / "form.md").write_text('# Form\n\n<h2 id="signature">Signature</h2>\n\n## Dates\n')
    hook = Path(__file__).resolve().parents[2] / "hooks/link_messages.py"
    (tmp_path / "mkdocs.yml").write_text(f"site_name: Test\nvalidation:\n  anchors: warn\nhooks:\n  - {hook}\n")
    monkeypatch.chdir(tmp_path)
    assert _built_with_messages(tmp_path) == [
        "docs/index.md:3 [broken-link] the link `form.md#signatures` leads nowhere: the page docs/form.md"
        " has no section `#signatures` — did you mean `#signature`?"
    ]


def test_a_link_to_the_page_itself_is_not_a_folder(tmp_path):
    """`./` and `.` lead to the page they are on, as MkDocs follows them; their section is checked."""
    docs = tmp_path / "docs"
    (docs / "en").mkdir(parents=True)
    page = docs / "en/index.md"
    body = "# Home\n\n## Start\n\n[Top](./) and [here](.) and [start](./#start) and [nowhere](./#stat).\n"
    page.write_text(body)
    found = check_links(tmp_path, {page: PageBody(body, 1)}, "en", ["en"])
    assert [p.format() for p in found] == [
        f"{page}:5 [broken-link] the link `./#stat` leads nowhere: this page has no section `#stat`"
        " — did you mean `#start`?"
    ]


def test_a_file_linked_from_the_wrong_folder_is_said_with_the_path_that_leads_to_it(tmp_path, monkeypatch):
    """A link that climbs too few folders to a file that exists elsewhere under docs/ is said
    with the path written from the page; a translation may use the default language's file,
    never another language's."""
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.chdir(tmp_path)
    docs = tmp_path / "docs"
    for name in ("assets/images/cycle.png", "en/images/grid.png", "ar/images/map.png"):
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_bytes(b"")
    pages = {
        "en/handbook/buddy-system/01-inform.md": "# Inform\n\n![The cycle](../../assets/images/cycle.png)\n",
        "fr/handbook/notes.md": "# Notes\n\n![La grille](../grid.png)\n\n![La carte](../images/map.png)\n",
    }
    bodies = {}
    for name, body in pages.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(body)
        bodies[docs / name] = PageBody(body, 1)
    found = check_links(tmp_path, bodies, "en", ["en", "fr", "ar"])
    assert [p.format() for p in sorted(found)] == [
        "docs/en/handbook/buddy-system/01-inform.md:3 [broken-link] the link `../../assets/images/cycle.png` leads"
        " to no page or file: docs/en/assets/images/cycle.png does not exist"
        " — did you mean `../../../assets/images/cycle.png`?",
        "docs/fr/handbook/notes.md:3 [broken-link] the link `../grid.png` leads to no page or file:"
        " docs/fr/grid.png and docs/en/grid.png do not exist — did you mean `../images/grid.png`?",
        "docs/fr/handbook/notes.md:5 [broken-link] the link `../images/map.png` leads to no page or file:"
        " docs/fr/images/map.png and docs/en/images/map.png do not exist — put the file under docs/, or correct"
        " its path (relative to this page's file)",
    ]


def _built_with_messages(project) -> list[str]:
    """MkDocs' warnings of a real build of `project`, as `portfolio build` prints them."""
    records: list[logging.LogRecord] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = records.append
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site")))
    finally:
        logger.removeHandler(handler)
    return [_MkDocsMessages(project).format(record) for record in records]


def test_sections_are_checked_with_the_slugs_mkdocs_yml_asks_for():
    """The project's mkdocs.yml gives the toc extension a slugify made by a Python tag
    (`!!python/object/apply:pymdownx.slugs.slugify`, with its options). The check reads
    the file safely, yet makes that function as MkDocs does: a link to a section of a plain
    page (no macro) is checked by its heading's id, right or mistyped, without a traceback."""
    from conftest import ROOT
    from portfolio.markdown_text import toc_options
    from portfolio.project import read_config

    config, problems = read_config(ROOT)
    assert problems == []
    docs = ROOT / "docs"
    index = docs / "en/index.md"
    body = "# Home\n\nRead [the pilot](handbook/where-this-comes-from.md#asti-pilot).\n\n"
    body += "And [the pilot again](handbook/where-this-comes-from.md#asti-pilo).\n"
    pages = {
        index: PageBody(body, 1),
        docs / "en/handbook/where-this-comes-from.md": PageBody(
            (docs / "en/handbook/where-this-comes-from.md").read_text(encoding="utf-8"), 1
        ),
    }
    assert callable(toc_options(config)["slugify"])
    said = [p.format() for p in check_links(ROOT, pages, "en", ["en"], config)]
    assert len(said) == 1 and "#asti-pilo`" in said[0] and "did you mean `#asti-pilot`?" in said[0], said
