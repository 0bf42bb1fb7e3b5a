"""axe-core in Chromium on every page type in every language: no WCAG 2.2 AA violation."""

from __future__ import annotations

import pytest

from conftest import LANGUAGES, QUERIES, ROOT, search

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules/axe-core/axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PAGE_TYPES = {
    "home": "",
    "handbook home": "handbook/",
    "step chapter": "handbook/buddy-system/03-initial-self-assessment/",
    "chapter": "handbook/success-factors/",
    "course guide": "training/",
    "capsule": "training/capsules/initial-self-assessment/",
}


def violations(page) -> list[str]:
    """Each violation as `page, element, rule: help`, once transitions have finished."""
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}}).then(r => r.violations)", TAGS
    )
    return [f"{page.url}, {node['target']}, {v['id']}: {v['help']}" for v in found for node in v["nodes"]]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_page_type_has_no_violation(audit_page, site_url, lang, kind):
    page = audit_page
    page.goto(site_url + ("" if lang == "en" else f"{lang}/") + PAGE_TYPES[kind])
    assert violations(page) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_answered_quiz_has_no_violation(audit_page, site_url, lang):
    page = audit_page
    page.goto(site_url + ("" if lang == "en" else f"{lang}/") + PAGE_TYPES["capsule"])
    for question in page.query_selector_all(".quiz__question"):
        question.query_selector("input").check()
    page.click(".quiz button[type=submit]")
    page.wait_for_selector(".quiz__feedback:not([hidden])")
    assert violations(page) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_open_search_results_have_no_violation(audit_page, site_url, lang):
    page = audit_page
    page.goto(site_url + ("" if lang == "en" else f"{lang}/"))
    search(page, QUERIES[lang])
    assert violations(page) == []


def test_skip_link_leads_to_the_content(page, site_url):
    page.goto(site_url)
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.classList.contains('md-skip'), document.activeElement.hash]")
    assert focused == [True, "#good-tutoring-portfolio"]
    assert page.is_visible(".md-skip")  # shown when focused
