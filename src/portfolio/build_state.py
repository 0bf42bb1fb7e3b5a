"""What the MkDocs hooks share: the loaded curriculum, the language being built.

static-i18n runs one MkDocs build per language, in the same process and with the
same config object. The sources are loaded and validated once per top-level build,
by the first hook that runs (hooks/organisation.py, `load_state`), and every language
reuses them; `portfolio build`, which has loaded them already, pins its state so that
the site does not load them again.

The order of the hook events in one `portfolio build`:
1. `load_sources` (sitebuild.py), pinned for the whole build; forms.
2. MkDocs, default language: organisation.on_config (50) loads the state (the pinned
   one), static-i18n's on_config (-100) chooses the language, validation.on_config
   (-150) stops the build on errors. Per page: page_layouts (60) places a capsule page
   in its layout, template_pages (50) spares Jinja to pages without template code, the
   macros render; search_split.on_page_context around the search plugin. On_post_build:
   search_split keeps the language's search entries (-50), static-i18n builds the other
   languages (the same events, the state reused), then search_split writes each
   language's index (-200).
3. The PDFs start on the other cores; meanwhile the LMS exports; then the offline
   copy is made from the built site (offline_copy.py).

In `make serve` (PORTFOLIO_PREVIEW=1), hooks/preview.py also runs: on_files (-110)
leaves the default language's pages out of a one-language preview, on_page_markdown
(100) and on_page_content (-1000) reuse the pages whose inputs did not change.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from portfolio.models import Curriculum, Terminology, Text
from portfolio.problems import Problem
from portfolio.project import CONFIG_FILE, Languages, read_languages
from portfolio.sources import Sources, read_sources
from portfolio.translations import Status, all_statuses, page_statuses


@dataclass
class BuildState:
    """The project as one build works from it: its languages, what its sources say (read
    and checked once), and the translation status of each page."""

    root: Path
    languages: Languages
    sources: Sources
    translations: dict[tuple[str, str], str] = field(default_factory=dict)  # (page, lang) -> status

    @property
    def curriculum(self) -> Curriculum:
        return self.sources.curriculum

    @property
    def interface(self) -> dict[str, Text]:
        return self.sources.interface

    @property
    def abbreviations(self) -> dict[str, Text]:
        return self.sources.abbreviations

    @property
    def terminology(self) -> Terminology | None:
        return self.sources.terminology

    @property
    def problems(self) -> list[Problem]:
        return self.sources.problems

    @cached_property
    def translation_statuses(self) -> list[Status]:
        """Every page and curriculum file, and its state in each language (the translation
        status pages): worked out once per build, not again for each language."""
        pages = [Status(path, lang, state) for (path, lang), state in self.translations.items()]
        return all_statuses(self.root, self.languages, pages)


_state: BuildState | None = None
_pinned: BuildState | None = None


def current_language(config: MkDocsConfig) -> str:
    """The language static-i18n is building now (after its on_config)."""
    i18n = config.plugins["i18n"]
    return i18n.current_language or i18n.default_language


def is_first_language_build(config: MkDocsConfig) -> bool:
    i18n = config.plugins["i18n"]
    return i18n.current_language in (None, i18n.default_language)


def load_sources(root: Path) -> BuildState:
    """The one loader: the project at `root` (its languages from mkdocs.yml, its sources
    read and checked once) as the state a build, a command or a test works from."""
    languages = read_languages(root / CONFIG_FILE)
    sources = read_sources(root, languages.default, languages.built)
    statuses = {(s.path, s.lang): s.state for s in page_statuses(root, languages)}
    return BuildState(root, languages, sources, statuses)


@contextmanager
def pinned(loaded: BuildState) -> Iterator[None]:
    """Builds of `loaded.root` inside the block use `loaded` instead of reading the
    sources again (`portfolio build` read them before its MkDocs builds)."""
    global _pinned
    _pinned = loaded
    try:
        yield
    finally:
        _pinned = None


def load_state(config: MkDocsConfig) -> BuildState:
    """Load and validate the sources for this top-level build (or take the pinned
    ones); kept for the other languages."""
    global _state
    root = Path(config.config_file_path).parent
    reuse = _pinned is not None and _pinned.root.resolve() == root.resolve()
    _state = _pinned if reuse else load_sources(root)
    return _state


def state(config: MkDocsConfig) -> BuildState:
    """The state of this build; loaded if this project's was not loaded yet."""
    if _state is None or _state.root.resolve() != Path(config.config_file_path).parent.resolve():
        return load_state(config)
    return _state
