"""axe-core in a page: the WCAG 2.2 A and AA rules, run once transitions have finished."""

from __future__ import annotations

from conftest import ROOT

AXE = ROOT / "node_modules/axe-core/axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def violations(page) -> list[str]:
    """Each violation as `page, element, rule: help` (pages opened with bypass_csp, so
    that axe can be injected despite the site's policy)."""
    # The pointer off the page first: where a test clicked, the page may move a button
    # under it a moment later (an answered quiz scrolls), and the hover's colours would
    # be caught half-way through their transition.
    page.mouse.move(-1, -1)
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}}).then(r => r.violations)", TAGS
    )
    return [f"{page.url}, {node['target']}, {v['id']}: {v['help']}" for v in found for node in v["nodes"]]
