"""What the MkDocs hooks share: the loaded curriculum, the language being built.

static-i18n runs one MkDocs build per language, in the same process and with the
same config object. Each top-level build starts with the default language: that
is when the curriculum is loaded and validated, once; the other language builds
reuse it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from portfolio.interface import load_abbreviations, load_interface
from portfolio.models import Curriculum, Terminology, Text
from portfolio.problems import Problem
from portfolio.project import CONFIG_FILE, Languages, read_languages
from portfolio.translations import page_statuses
from portfolio.validate import check_terminology, load_curriculum


@dataclass
class BuildState:
    root: Path
    languages: Languages
    curriculum: Curriculum
    interface: dict[str, Text]
    abbreviations: dict[str, Text]
    problems: list[Problem] = field(default_factory=list)
    translations: dict[tuple[str, str], str] = field(default_factory=dict)  # (page, lang) -> status
    terminology: Terminology | None = None


_state: BuildState | None = None


def current_language(config: MkDocsConfig) -> str:
    """The language static-i18n is building now (after its on_config)."""
    i18n = config.plugins["i18n"]
    return i18n.current_language or i18n.default_language


def is_offline(config: MkDocsConfig) -> bool:
    """Whether this is the offline build (OFFLINE=true): file:// links, no server."""
    return bool(config.plugins["material/offline"].config.enabled)


def is_first_language_build(config: MkDocsConfig) -> bool:
    i18n = config.plugins["i18n"]
    return i18n.current_language in (None, i18n.default_language)


def read_state(root: Path) -> BuildState:
    """The curriculum, interface strings and abbreviations of the project at `root`,
    with every problem found in them."""
    languages = read_languages(root / CONFIG_FILE)
    curriculum, problems = load_curriculum(root, languages.default, languages.built)
    interface, found = load_interface(root, languages.default, languages.built)
    abbreviations, more = load_abbreviations(root, languages.default, languages.built)
    terminology, terms = check_terminology(root, curriculum)
    statuses = {(s.path, s.lang): s.state for s in page_statuses(root, languages)}
    return BuildState(
        root, languages, curriculum, interface, abbreviations, problems + found + more + terms, statuses, terminology
    )


def load_state(config: MkDocsConfig) -> BuildState:
    """Load and validate the sources for this build; kept for the other languages."""
    global _state
    _state = read_state(Path(config.config_file_path).parent)
    return _state


def state(config: MkDocsConfig) -> BuildState:
    """The state of this build; loaded if this project's was not loaded yet."""
    if _state is None or _state.root != Path(config.config_file_path).parent:
        return load_state(config)
    return _state
