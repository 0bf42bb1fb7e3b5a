"""Every built page is valid HTML (Nu HTML checker) and every link and anchor resolves (lychee)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

VNU = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"
# Material puts `autocomplete` on its toggle checkboxes, on every page; only that
# message is ignored, by its exact text.
IGNORED = (
    "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, “email”,"
    " “hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, or “week”."
)


def test_every_page_is_valid_html(built_pages):
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--skip-non-html", "--errors-only", "--format", "json", str(built_pages)],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    problems = [
        f"{m['url'].removeprefix(built_pages.as_uri())}:{m.get('lastLine', '?')} {m['message']}"
        for m in messages
        if m["message"] != IGNORED
    ]
    assert problems == []


def test_page_language_matches_its_folder(built_pages):
    for page in built_pages.rglob("*.html"):
        relative = page.relative_to(built_pages).parts
        lang = relative[0] if relative[0] in ("fr", "ar") else "en"
        if page.name == "404.html":
            continue
        assert f'<html lang="{lang}"' in page.read_text(encoding="utf-8"), page


def test_no_broken_link_or_anchor(built_site):
    lychee = shutil.which("lychee", path=str(Path(sys.executable).parent))
    result = subprocess.run(
        [
            lychee,
            "--offline",
            "--include-fragments",
            "--index-files",
            "index.html",  # a link to a folder must reach its page, and anchors are looked up there
            "--no-progress",
            "--root-dir",
            str(built_site),
            *[str(p) for p in built_site.rglob("*.html")],
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, re.sub(r"\n+", "\n", result.stdout + result.stderr)[-4000:]
