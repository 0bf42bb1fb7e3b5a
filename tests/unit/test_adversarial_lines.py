"""A page line written to make the checks' patterns backtrack (a contributor's fork can
send any text): the check still finishes, and so do the readability measures. The time
limit only guards against a hang; it is no benchmark. A pattern that backtracks holds the
interpreter, so each run is a process of its own, stopped if it hangs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import portfolio
from conftest import LANGUAGES, scenario_project

SIZE = 40_000
# Each line repeats what one pattern starts on, or follows a start with what its
# quantifiers could share: before the patterns were made linear, some took minutes.
LINES = [
    "[x](" * (SIZE // 4),
    "[" * SIZE,
    "](" * (SIZE // 2),
    "{" * SIZE,
    "<" * SIZE,
    "<a" + "[" * SIZE,
    "src=" + " " * SIZE,
    "src=" + "\t" * SIZE,
    "rel=" + " " * SIZE,
    "[x]:" + " " * SIZE,
    "[x](" + "\t" * SIZE,
    "url(" + " " * SIZE,
    "<" + "\t" * SIZE,
    "![" * (SIZE // 2),
    "<https://" * (SIZE // 9),
]
# The whole check of the project, then each line-level check (and the readability
# measures, which `portfolio readability` runs on pages) on each line alone.
CHECK = """
import sys
from pathlib import Path
from portfolio.sources import validate
found = validate(Path.cwd(), "en", tuple(sys.argv[1].split(",")))
assert all("\\n" not in p.format() for p in found)
"""
LINE_CHECKS = """
import sys
from pathlib import Path
from portfolio.readability import measure
from portfolio.safety import check_page_line, check_text
from portfolio.terminology import _unlinked_names, _variants, _NOT_WORDS
import re
lines = Path(sys.argv[1]).read_text(encoding="utf-8").split("\\n\\n")
for line in lines:
    check_page_line(Path("page.md"), 1, line)
    check_text(Path("file.yml"), 1, line)
    _unlinked_names(line, "page.md", ((re.compile("x"), "handbook/forms/x.md"),))
    _variants(re.compile("(?P<variant>x)"), line)
    measure(line, "en")
"""


def _run(code: str, argument: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(Path(portfolio.__file__).parent.parent)}
    command = [sys.executable, "-c", code, argument]
    try:
        return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        raise AssertionError("the checks did not finish in 60 s on lines made to backtrack") from None


def test_check_finishes_on_lines_made_to_backtrack(tmp_path):
    root = scenario_project(None, tmp_path / "project")
    page = root / "docs" / "en" / "chapter.md"
    page.write_text(page.read_text() + "\n" + "\n\n".join(LINES) + "\n", encoding="utf-8")
    done = _run(CHECK, ",".join(LANGUAGES), root)
    assert done.returncode == 0, done.stderr[-2000:]


def test_each_line_check_finishes_on_lines_made_to_backtrack(tmp_path):
    lines = tmp_path / "lines.txt"
    lines.write_text("\n\n".join(LINES), encoding="utf-8")
    done = _run(LINE_CHECKS, str(lines), tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
