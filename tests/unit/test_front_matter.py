"""The checks read a page as MkDocs does: what MkDocs renders as the page is what the
template checks read, and settings that would break the page are refused
(portfolio.page_checks.read_page, portfolio.yamlfile)."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.utils.meta import get_data

from portfolio import yamlfile
from portfolio.page_checks import read_page

PAGES = {
    "front matter": "---\ncapsule: alpha\n---\n\n# Alpha\n\nText {{ x }}.\n",
    "closed by dots": "---\ncapsule: alpha\n...\n{{ config }}\n---\n# Alpha\n",
    "spaces after the fences": "--- \ncapsule: alpha\n---\t\n# Alpha\n",
    "a list, not settings": '---\n- "{{ config }}"\n---\n# Alpha\n',
    "broken YAML": "---\ntitle: {{ config }}\n---\n# Alpha\n",
    "MultiMarkdown settings": "Capsule: alpha\n    more\nAudience: volunteers\n\n# Alpha\n",
    "a first line that looks like a setting": "Important: read this first.\nThen this.\n\n# Alpha\n",
    "a heading first": "# Alpha\n\nKey: value\n",
    "nothing": "",
    "a date that does not exist": "---\ncapsule: alpha\nreviewed: 2025-02-30\nnote: '{{ config }}'\n---\n# A\n",
    "a date": "---\ncapsule: alpha\nreviewed: 2025-02-03\n---\n# A\n",
    "empty": "---\n\n---\n# A\n",
    "null": "---\nnull\n---\n# A\n",
    "only a comment": "---\n# settings to come\n---\n# A\n",
    "a colon in a value": "---\ncapsule: alpha\ntitle: Recruit: peers\n---\n# A\n",
    "no closing line": "---\ncapsule: alpha\n# A\n",
}


@pytest.mark.parametrize("text", PAGES.values(), ids=PAGES.keys())
def test_the_checks_read_as_the_page_what_mkdocs_renders(text):
    rendered, settings = get_data(text)
    page = read_page(Path("page.md"), text)
    hidden = yamlfile.settings_lines(text)
    template = "\n".join(page.template.split("\n")[hidden:]) if page.settings is None else page.template
    assert template.lstrip("\n") == rendered
    # The same settings (dates stay text here: the checks report a date that does not exist).
    read = page.settings or {}
    assert set(read) == (set() if hidden else set(settings))
    assert all(read[k] == v for k, v in settings.items() if isinstance(v, str) and not hidden)
    # Settings MkDocs cannot read, or hides, are refused with a line to fix.
    front_matter = yamlfile.split_front_matter(text)[0] is not None
    unclosed = text.startswith("---\n") and not front_matter
    refused = hidden > 0 or unclosed or (front_matter and rendered == text)
    assert bool(page.problems) == refused


@pytest.mark.parametrize(
    ("settings", "said"),
    [
        ("title: 2024", "the setting `title` is not text"),
        ("title: \"{{ '\\\\x3cscript\\\\x3e' }}\"", "the setting `title` holds template code"),
        ("quiz: 1", "would hide the project's macro or variable"),
        ("ignore_macros: true", "would hide the project's macro or variable"),
        ('note: "\\x3cscript\\x3e"', "HTML in a text"),
        ("\ttitle: A", "(a tab character is used for indentation)"),
    ],
)
def test_settings_that_would_break_the_page_are_refused(settings, said):
    page = read_page(Path("page.md"), f"---\n{settings}\n---\n# A\n")
    assert page.problems and page.problems[0].line == 2
    assert said in page.problems[0].message


def test_a_page_read_from_disk_as_mkdocs_reads_it():
    raw = "\ufeff---\r\ncapsule: alpha\r\n---\r# Alpha\r\n".encode()
    assert yamlfile.decode(raw) == "---\ncapsule: alpha\n---\n# Alpha\n"
