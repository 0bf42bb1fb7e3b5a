"""Every Markdown page under docs/, read once and checked: its encoding, its markup
(portfolio.safety), its template code (portfolio.page_templates), the layout its front matter
chooses (portfolio.layouts) and its adaptation points (portfolio.adaptations)."""

from __future__ import annotations

from pathlib import Path

from portfolio import yamlfile
from portfolio.adaptations import check_marks
from portfolio.layouts import LAYOUT_MACROS, check_layout
from portfolio.page_templates import check_template
from portfolio.problems import Problem
from portfolio.project import DOCS_DIR
from portfolio.safety import check_page_line


def check_pages(root: Path, known: dict[str, set[str]]) -> list[Problem]:
    """The problems of every page; `known` lists the ids macros may name, per kind."""
    found: list[Problem] = []
    for path in sorted((root / DOCS_DIR).rglob("*.md")):
        text, problems = yamlfile.read_text(path)
        found.extend(problems)
        if text is None:
            continue
        for number, line in enumerate(text.splitlines(), 1):
            found.extend(check_page_line(path, number, line))
            found.extend(check_marks(path, number, line))
        meta, body, first_line = yamlfile.split_front_matter(text)
        layout, problems = check_layout(path, meta, known)
        found.extend(problems)
        found.extend(check_template(path, body, first_line, known, LAYOUT_MACROS.get(layout or "", frozenset())))
    return found
