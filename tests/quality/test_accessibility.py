"""axe-core in Chromium on what pages become once used (an answered quiz, open search
results), and the keyboard paths through them. Every page type as it loads, in every
language at phone and desktop width, is tests/browser/test_every_page.py."""

from __future__ import annotations

import pytest

from answering import answer_all_anyhow
from audit import violations
from conftest import LANGUAGES, PAGE_TYPES, QUERIES, search, url

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", LANGUAGES)
def test_answered_quiz_has_no_violation(audit_page, site_url, lang):
    page = audit_page
    page.goto(url(site_url, lang, PAGE_TYPES["capsule"]))
    answer_all_anyhow(page)
    page.click(".quiz button[type=submit]")
    page.wait_for_selector(".quiz__feedback:not([hidden])")
    assert violations(page) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_open_search_results_have_no_violation(audit_page, site_url, lang):
    page = audit_page
    page.goto(url(site_url, lang, ""))
    search(page, QUERIES[lang])
    assert violations(page) == []


def test_skip_link_leads_to_the_content(page, site_url):
    page.goto(site_url)
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.classList.contains('md-skip'), document.activeElement.hash]")
    assert focused == [True, "#good-tutoring-portfolio"]
    assert page.is_visible(".md-skip")  # shown when focused


FOCUSED_QUIZ_CONTROL = """(() => {
  const element = document.activeElement;
  return element.closest("form.quiz") ? element.name || element.type : "";
})()"""


def test_every_quiz_control_is_reachable_with_tab(page, site_url):
    """From the top of a capsule page, Tab alone reaches every question and both buttons."""
    page.goto(site_url + PAGE_TYPES["capsule"])
    reached = set()
    for _ in range(600):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED_QUIZ_CONTROL)
        reached.add(focused)
        if focused == "submit":
            break
    names = set(page.eval_on_selector_all(".quiz input", "inputs => inputs.map(i => i.name)"))
    assert names <= reached
    assert "submit" in reached
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # focus is visible
