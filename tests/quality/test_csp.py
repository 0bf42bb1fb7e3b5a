"""The Content-Security-Policy allows only the site's own resources, and the site works under it."""

from __future__ import annotations

import re

import pytest

from answering import answer_all_anyhow
from conftest import LANGUAGES, QUERIES, search, url

pytestmark = pytest.mark.browser

RECORD = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def test_every_page_carries_the_policy(built_pages):
    for page in built_pages.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', text)
        assert policy, page
        assert "script-src 'self'" in policy.group(1) and "https:" not in policy.group(1)
        assert "unsafe-inline" not in policy.group(1)


def test_no_page_has_a_style_attribute_the_policy_would_refuse(built_pages):
    """style-src 'self' refuses style attributes: the browser drops them (with a console
    error) and what they did is lost, such as a table column's alignment."""
    styled = sorted(
        page.relative_to(built_pages).as_posix()
        for page in built_pages.rglob("*.html")
        if re.search(r"<[a-z][^>]*\sstyle=", page.read_text(encoding="utf-8"))
    )
    assert styled == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_quiz_and_search_work_with_no_violation(page, site_url, lang):
    page.add_init_script(RECORD)
    page.goto(url(site_url, lang, "training/capsules/initial-self-assessment/"))
    answer_all_anyhow(page)
    page.click(".quiz button[type=submit]")
    assert page.text_content(".quiz__result")
    assert search(page, QUERIES[lang])
    assert page.evaluate("window.__violations") == []
