"""Adaptation points: the places a fork must localise (local partners, legal
obligations, contacts, insurance, data protection), marked in pages with
`{{ adapt("legal-obligations") }}` and filled in `curriculum/organisation.yml`.
Also the check that no contact detail is typed into Markdown."""

from __future__ import annotations

import re
import typing
from dataclasses import dataclass
from pathlib import Path

from portfolio.models import AdaptationPoint, Organisation
from portfolio.problems import Problem, problem
from portfolio.project import DOCS_DIR

KNOWN = typing.get_args(AdaptationPoint)


@dataclass(frozen=True)
class Mark:
    path: Path
    line: int
    point: str
    filled: bool


def find_marks(root: Path, organisation: Organisation | None) -> list[Mark]:
    """Every adapt(...) in the pages, with whether the organisation file fills it."""
    filled = set(organisation.adaptations) if organisation else set()
    marks = []
    for path in sorted((root / DOCS_DIR).rglob("*.md")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for match in _ADAPT.finditer(line):
                marks.append(Mark(path, number, match.group(1), match.group(1) in filled))
    return marks


def check_pages(root: Path) -> list[Problem]:
    """Unknown adaptation points, and contact details typed into Markdown."""
    found = []
    for path in sorted((root / DOCS_DIR).rglob("*.md")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for match in _ADAPT.finditer(line):
                if match.group(1) not in KNOWN:
                    found.append(
                        problem(path, number, "unknown-adaptation", f"`{match.group(1)}` is not an adaptation point")
                    )
            for match in _CONTACT.finditer(line):
                found.append(
                    problem(path, number, "contact-in-markdown", f"`{match.group(0)}` looks like a contact detail")
                )
    return found


# Data -------------------------------------------------------------------------
_ADAPT = re.compile(r"""adapt\(\s*["']([\w-]+)["']\s*\)""")
# An e-mail address, or a phone number written with a leading + or 0 and 8 digits or more.
_CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+|(?<![\w/])(?:\+|0)\d[\d .-]{7,}\d")
