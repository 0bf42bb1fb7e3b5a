"""The output formats a build writes beside the site's pages, as one registry.

Each format is a module that writes every built language's files into one folder of
that language (locations.py says which), with one entry here: when it is made (before
the pages, whose links show its files' sizes, or after them, from the built pages),
the `portfolio build` option that leaves it out, and how the build's summary counts
it. The build (sitebuild.py), the offline copy and the summary all read this table;
a new format is its module, its templates, its labels and one line below.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from portfolio.build_state import BuildState
from portfolio.exports import export_all
from portfolio.forms import build_forms
from portfolio.locations import FORMS_FOLDER, KIT_FOLDER, LMS_FOLDER, PDF_FOLDER
from portfolio.parallel import Running
from portfolio.pdf import build_all, start_all
from portfolio.pilot_kit import build_kit

Report = Callable[[str], None]


@dataclass(frozen=True)
class OutputFormat:
    name: str  # as the summary shows it
    folder: str  # in each language's folder
    option: str  # `portfolio build --no-<option>` leaves it out
    before_pages: bool  # made before the pages (and only from sources without errors)
    build: Callable[[BuildState, Path, Report], object]  # (state, site folder, report)
    suffixes: tuple[str, ...]  # the files it writes
    described: str  # the summary's words for them
    # Started on the other cores, for formats made after the pages: the build makes the
    # other formats meanwhile, then waits for them.
    start: Callable[[BuildState, Path, Report], Running] | None = None

    def files(self, site_dir: Path) -> list[Path]:
        """The files of this format in a built site, every language."""
        return sorted(
            path for path in site_dir.rglob(f"{self.folder}/*") if path.is_file() and path.suffix in self.suffixes
        )


OUTPUTS: tuple[OutputFormat, ...] = (
    OutputFormat(
        "forms", FORMS_FOLDER, "pdf", True, build_forms, (".pdf", ".docx"), "printable (PDF) and editable (Word) forms"
    ),
    OutputFormat(
        "pdf", PDF_FOLDER, "pdf", False, build_all, (".pdf",), "documents and capsule handouts (PDF)", start_all
    ),
    OutputFormat(
        "kit", KIT_FOLDER, "pdf", False, build_kit, (".docx",), "letters and sheets of the pilot course kit (Word)"
    ),
    OutputFormat(
        "lms", LMS_FOLDER, "export", False, export_all, (".zip", ".gift", ".xml"), "SCORM packages and question banks"
    ),
)


def chosen(left_out: set[str]) -> list[OutputFormat]:
    """The formats a build makes when the options in `left_out` ("pdf", "export") are given."""
    return [f for f in OUTPUTS if f.option not in left_out]
