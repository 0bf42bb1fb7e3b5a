"""The checks read a page's settings as MkDocs does: what MkDocs renders as the page is
what the checks read as its text (portfolio.yamlfile, portfolio.page_checks)."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.utils.meta import get_data

from portfolio import yamlfile

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
}


def _shown(text: str) -> str:
    """What the checks read as the page's text."""
    meta, body, _ = yamlfile.split_front_matter(text)
    if meta is not None:
        data, _ = yamlfile.load_text(meta, Path("page.md"), first_line=2)
        return body if isinstance(data, dict) else text
    return "\n".join(text.split("\n")[yamlfile.settings_lines(text) :])


@pytest.mark.parametrize("text", PAGES.values(), ids=PAGES.keys())
def test_the_checks_read_as_text_what_mkdocs_renders(text):
    rendered, _ = get_data(text)
    assert _shown(text).lstrip("\n") == rendered


def test_a_page_read_from_disk_as_mkdocs_reads_it():
    raw = "\ufeff---\r\ncapsule: alpha\r\n---\r# Alpha\r\n".encode()
    assert yamlfile.decode(raw) == "---\ncapsule: alpha\n---\n# Alpha\n"
