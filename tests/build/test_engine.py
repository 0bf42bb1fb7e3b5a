"""The engine stays replaceable: ProperDocs, the maintained fork of MkDocs 1.x, builds the
same site from the same mkdocs.yml, page for page, with the same content apart from the
generator it names."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from conftest import ROOT


def pages(site) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def test_properdocs_builds_the_same_pages(built_site, tmp_path):
    target = tmp_path / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", str(target)]
    run = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-2000:]
    assert pages(target) == pages(built_site)
    samples = (
        "fr/handbook/buddy-system/06-matching-and-first-meeting/index.html",
        "ar/trainers/handouts/index.html",
    )
    for page in samples:
        ours, theirs = ((site / page).read_text(encoding="utf-8") for site in (built_site, target))
        assert _article(theirs) == _article(ours), page


def _article(html: str) -> str:
    """A page's content: what the engine must not change."""
    return re.search(r"<article.*?</article>", html, re.S).group(0)
