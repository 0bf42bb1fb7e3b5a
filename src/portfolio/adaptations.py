"""Adaptation points: the places a fork must localise (local partners, legal
obligations, contacts, insurance, data protection), marked in pages with
`{{ adapt("legal-obligations") }}` and filled in `curriculum/organisation.yml`.
"""

from __future__ import annotations

import re
import typing
from dataclasses import dataclass
from pathlib import Path

from portfolio import yamlfile
from portfolio.models import AdaptationPoint, Organisation
from portfolio.project import DOCS_DIR, Languages

KNOWN = typing.get_args(AdaptationPoint)


@dataclass(frozen=True)
class Mark:
    path: Path
    line: int
    point: str
    lang: str  # the language of the page
    shown: str | None  # the language of the text readers see there (None: a notice that it is to write)

    @property
    def filled(self) -> bool:
        """The organisation file has the point's text in the page's language."""
        return self.shown == self.lang


def find_marks(root: Path, organisation: Organisation | None, languages: Languages) -> list[Mark]:
    """Every adapt(...) in the pages of the languages built, with whether the organisation
    file fills it in the page's language (a page outside the language folders is of the
    default language; one of a language not built is left out: nobody reads it)."""
    texts = organisation.adaptations if organisation else {}
    marks = []
    for path in sorted((root / DOCS_DIR).rglob("*.md")):
        folder = path.relative_to(root / DOCS_DIR).parts[0]
        if folder in languages.names and folder not in languages.built:
            continue
        lang = folder if folder in languages.built else languages.default
        text, _ = yamlfile.read_text(path)
        for number, line in enumerate((text or "").splitlines(), 1):
            for match in _ADAPT.finditer(line):
                point = texts.get(match.group(1))
                shown = (lang if point.has(lang) else languages.default) if point else None
                marks.append(Mark(path, number, match.group(1), lang, shown))
    return marks


# Data -------------------------------------------------------------------------
_ADAPT = re.compile(r"""adapt\(\s*["']([\w-]+)["']\s*\)""")
