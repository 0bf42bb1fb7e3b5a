"""The menu (`nav:` in mkdocs.yml) against the pages under docs/: a default-language page
no menu leads to, a menu entry that names no page, and a `not_in_nav:` MkDocs cannot
read. MkDocs stops a strict build on each of them, with no line and no fix.

`not_in_nav:` lists, as gitignore patterns, the pages meant to be reached by links only;
MkDocs matches them against the page's path under docs/, its language folder included
(`en/handbook/draft.md`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from portfolio.problems import Problem, did_you_mean, problem
from portfolio.project import CONFIG_FILE, DOCS_DIR, config_lines, nav_pages


def check_nav(root: Path, config: dict | None, pages: Iterable[Path], default: str) -> list[Problem]:
    """The problems of mkdocs.yml's menu (`config`, as read; None: not readable) with the
    Markdown `pages` under docs/."""
    nav = (config or {}).get("nav")
    if not isinstance(nav, list):
        return []
    docs = root / DOCS_DIR / default
    found: list[Problem] = []
    lines = config_lines(root)
    unlisted = _not_in_nav(root, config, lines, found)
    own = sorted(path.relative_to(docs).as_posix() for path in pages if path.is_relative_to(docs))
    listed = [page for page in nav_pages(nav) if isinstance(page, str) and "://" not in page]
    for page in own:
        if page not in listed and not unlisted(f"{default}/{page}"):
            said = f"no menu leads to the page: `{page}` is not in `nav:` of mkdocs.yml"
            fix = (
                f"add it to `nav:` where readers look for it; for a page reached by links only, list"
                f" `{default}/{page}` under `not_in_nav: |`"
            )
            found.append(problem(docs / page, 1, "not-in-nav", said, fix))
    for page in dict.fromkeys(listed):
        if page not in own:
            said = f"the menu (`nav:`) lists `{page}`, which is not a page of docs/{default}/"
            fix = did_you_mean(page, own, cutoff=0.8) or f"write the path of a page under docs/{default}/"
            found.append(problem(root / CONFIG_FILE, _line(lines, page, "nav:"), "broken-link", said, fix))
    return found


def _not_in_nav(root: Path, config: dict, lines: list[str], found: list[Problem]) -> Callable[[str], bool]:
    """Whether a page (its path under docs/) is one `not_in_nav:` lists; a value MkDocs
    would refuse is added to `found`, at its line of mkdocs.yml (`lines`)."""
    import pathspec

    patterns = config.get("not_in_nav")
    if patterns is None:
        return lambda source: False
    if not isinstance(patterns, str):
        said = "`not_in_nav:` is not text: MkDocs refuses it and stops the build"
        fix = "write `not_in_nav: |` and under it one pattern per line, indented, e.g. `  en/handbook/draft.md`"
        found.append(problem(root / CONFIG_FILE, _line(lines, "not_in_nav:"), "config-syntax", said, fix))
        return lambda source: False
    return pathspec.GitIgnoreSpec.from_lines(patterns.splitlines()).match_file


def _line(lines: list[str], text: str, after: str = "") -> int:
    """The first line holding `text` (below the first line that starts with `after`), or 1."""
    start = next((i for i, line in enumerate(lines) if line.startswith(after)), 0) if after else 0
    return next((i + 1 for i in range(start, len(lines)) if text in lines[i]), 1)
