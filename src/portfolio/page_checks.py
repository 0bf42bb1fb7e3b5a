"""Every Markdown page under docs/, read once and checked: its encoding, its markup
(portfolio.safety), its template code (portfolio.page_templates), the layout its front matter
chooses (portfolio.layouts) and its adaptation points (portfolio.adaptations)."""

from __future__ import annotations

from pathlib import Path

from portfolio import yamlfile
from portfolio.adaptations import check_marks
from portfolio.layouts import LAYOUT_MACROS, check_layout
from portfolio.page_templates import check_template
from portfolio.problems import Problem, problem
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
        # Its YAML errors are reported once, by chapters.py.
        data, _ = yamlfile.load_text(meta, path, first_line=2) if meta is not None else (None, [])
        if meta is not None and not isinstance(data, dict):  # MkDocs shows it as text, renders its template code
            body, first_line = text, 1
        found.extend(_hidden_settings(path, text, data))
        layout, problems = check_layout(path, data, known)
        found.extend(problems)
        found.extend(check_template(path, body, first_line, known, LAYOUT_MACROS.get(layout or "", frozenset())))
    return found


def _hidden_settings(path: Path, text: str, data) -> list[Problem]:
    """Text MkDocs reads as page settings, which the page never shows: `Key: value` lines
    before the first blank line (MultiMarkdown); or shows as text: front matter between
    `---` lines that is not `key: value` settings (`data`: that front matter, as read)."""
    if hidden := yamlfile.settings_lines(text):
        first = f"`{text.split(chr(10), 1)[0].strip()[:60]}`"
        if hidden == 1:
            said = f"{first} is read by MkDocs as a page setting: the page never shows it"
        else:
            after = "the line" if hidden == 2 else f"the {hidden - 1} lines"
            said = f"{first} and {after} after it are read by MkDocs as page settings: the page never shows them"
        return [problem(path, 1, "page-settings", said)]
    if data is not None and not isinstance(data, dict):
        return [
            problem(
                path,
                2,
                "page-settings",
                "the front matter is not `key: value` settings: MkDocs shows it as text",
                "write each setting as `key: value` between the two `---` lines, or remove those lines",
            )
        ]
    return []
