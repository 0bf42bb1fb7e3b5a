"""Where things are in a project, and which languages it builds (read from mkdocs.yml)."""

from __future__ import annotations

import functools
import importlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml
import yaml_env_tag
from mkdocs.exceptions import ConfigurationError
from mkdocs.utils.yaml import yaml_load

CONFIG_FILE = "mkdocs.yml"
CURRICULUM_DIR = "curriculum"
DOCS_DIR = "docs"
OVERRIDES_DIR = "overrides"  # mkdocs.yml's custom_dir: partials and theme files, published too
# The offline copy: built into dist/ and published at the root of the site.


class UsageError(Exception):
    """A command asked for something it cannot do; the message says why and what to do."""


def require_project(root: Path) -> None:
    """Refuse to run a command outside a project folder."""
    if not (root / CONFIG_FILE).is_file() or not (root / CURRICULUM_DIR).is_dir():
        where = root.resolve()
        raise UsageError(
            f"{where} is not a Good Tutoring Portfolio project (no {CONFIG_FILE} and {CURRICULUM_DIR}/)"
            " — run the command in the project folder, or pass --root FOLDER"
        )


@functools.lru_cache(maxsize=256)
def project_root(folder: Path) -> Path | None:
    """The project `folder` is in: the nearest folder, itself or above, with mkdocs.yml."""
    return next((f for f in (folder, *folder.parents) if (f / CONFIG_FILE).is_file()), None)


# `make serve LANG=fr` previews one language (and the default, for the pages it lacks).
PREVIEW_LANGUAGE = "PORTFOLIO_PREVIEW_LANGUAGE"
# Set to 1 by `make serve`: what the preview does that a build does not (preview.py).
PREVIEW = "PORTFOLIO_PREVIEW"


@dataclass(frozen=True)
class Languages:
    default: str
    built: tuple[str, ...]
    names: dict[str, str]

    def folder(self, lang: str) -> str:
        """The site folder of a language: '' for the default one, 'fr/' for French."""
        return "" if lang == self.default else f"{lang}/"


# The Python mkdocs.yml may name (`!!python/name:`, or `!!python/object/apply:` for a
# function with its options): functions the theme's and the Markdown extensions' own
# documentation sets there. Any other `!!python/` tag would run code on the machine that
# reads the file (a fork's CI building a contributor's change), so it is refused before
# MkDocs, which reads every tag, ever sees the file.
CONFIG_PYTHON = frozenset(
    {
        "object/apply:pymdownx.slugs.slugify",
        "name:pymdownx.slugs.slugify",
        "name:pymdownx.superfences.fence_code_format",
        "name:material.extensions.emoji.twemoji",
        "name:material.extensions.emoji.to_svg",
    }
)


# Hosts reserved for examples and tests (RFC 2606, RFC 6761): no site is published there.
EXAMPLE_DOMAINS = frozenset({"example.org", "example.com", "example.net"})
EXAMPLE_TOP_LEVEL = frozenset({"example", "test", "invalid", "localhost"})


class UnsafeConfigTag(yaml.MarkedYAMLError):
    """A `!!python/` tag of mkdocs.yml that CONFIG_PYTHON does not allow."""


class ConfigLoader(yaml.SafeLoader):  # the pure-Python parser words syntax errors better
    """mkdocs.yml read as data: MkDocs' own tags (!ENV, !relative) and the allowed Python
    functions (CONFIG_PYTHON), made as MkDocs makes them (the checks make the headings'
    ids with the toc extension's slugify); nothing else runs."""


def _python_tag(loader: ConfigLoader, suffix: str, node: yaml.Node) -> object:
    if suffix not in CONFIG_PYTHON:
        raise UnsafeConfigTag(problem=f"`!!python/{suffix}` asks YAML to run Python", problem_mark=node.start_mark)
    kind, _, name = suffix.partition(":")
    module, _, attribute = name.rpartition(".")
    function = getattr(importlib.import_module(module), attribute)
    if kind == "name":
        return function
    given = loader.construct_mapping(node, deep=True) if isinstance(node, yaml.MappingNode) else {}
    args, kwds = given.get("args", []), given.get("kwds", {})
    try:
        if not isinstance(args, list) or not isinstance(kwds, dict):
            raise TypeError("args must be a list and kwds a mapping")
        return function(*args, **kwds)
    except (TypeError, ValueError) as error:
        raise yaml.constructor.ConstructorError(
            problem=f"`!!python/{suffix}` cannot be made with these options ({error})", problem_mark=node.start_mark
        ) from None


ConfigLoader.add_constructor("!ENV", yaml_env_tag.construct_env_tag)
ConfigLoader.add_constructor("!relative", lambda loader, node: str(loader.construct_scalar(node) or "."))
ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _python_tag)


def load_config_file(path: Path) -> dict:
    """mkdocs.yml (and the file it INHERITs) as data, read with ConfigLoader; raises
    yaml.YAMLError (UnsafeConfigTag for a tag that would run code) or OSError."""
    with open(path, encoding="utf-8") as stream:
        try:
            return yaml_load(stream, ConfigLoader)
        except ConfigurationError as error:  # MkDocs wraps the YAML error
            raise (error.__cause__ or error.__context__ or yaml.YAMLError(str(error))) from None


def read_config(root: Path) -> tuple[dict | None, list]:
    """mkdocs.yml as data, or None and the problems that stop it being read: its syntax,
    a tag that would run code, a list of languages the build cannot follow."""
    from portfolio.config_checks import language_list_faults
    from portfolio.problems import problem

    path = root / CONFIG_FILE
    try:
        config = load_config_file(path)
    except OSError as error:
        return None, [problem(path, 1, "unreadable-file", f"{CONFIG_FILE} cannot be read: {error.strerror}")]
    except UnsafeConfigTag as error:
        line = error.problem_mark.line + 1 if error.problem_mark else 1
        return None, [problem(path, line, "unsafe-config", f"{CONFIG_FILE}: {error.problem}")]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        what = error.problem or "the YAML is malformed"
        return None, [problem(path, mark.line + 1 if mark else 1, "config-syntax", f"{CONFIG_FILE}: {what}")]
    except (yaml.YAMLError, ValueError, UnicodeDecodeError) as error:
        return None, [problem(path, 1, "config-syntax", f"{CONFIG_FILE} cannot be read: {error}")]
    if not isinstance(config, dict) or not i18n_languages(config):
        return None, [problem(path, 1, "config-syntax", f"{CONFIG_FILE} declares no i18n languages")]
    faults = language_list_faults(path, config)
    return (None, faults) if faults else (config, [])


def config_lines(root: Path) -> list[str]:
    """The lines of mkdocs.yml, for a problem to point at its line (none if unreadable)."""
    try:
        return (root / CONFIG_FILE).read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return []


def declared_languages(config: dict) -> list[str]:
    """Every locale the i18n plugin declares in mkdocs.yml, built or not."""
    return [str(entry.get("locale")) for entry in i18n_languages(config) if isinstance(entry, dict)]


def extra_names(config: dict, lang: str) -> set[str]:
    """The names a page of language `lang`'s site reads as variables (mkdocs-macros):
    those under the top-level `extra:` of mkdocs.yml and under the language's own."""
    own = [
        entry.get("extra")
        for entry in i18n_languages(config)
        if isinstance(entry, dict) and entry.get("locale") == lang
    ]
    return _names(config.get("extra")).union(*map(_names, own))


def _names(extra: object) -> set[str]:
    return {str(name) for name in extra} if isinstance(extra, dict) else set()


def i18n_languages(config: dict) -> list:
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            languages = plugin["i18n"].get("languages")
            return languages if isinstance(languages, list) else []
    return []


def site_address(root: Path) -> str:
    """site_url of mkdocs.yml: the address the site is published at ('' if unset)."""
    config, _ = read_config(root)
    return str((config or {}).get("site_url") or "")


def example_address(address: str) -> bool:
    """An address on a host reserved for examples (RFC 2606: example.org, *.test…), which
    no reader can reach: a fork has not yet set site_url to where it publishes."""
    host = (urlsplit(address).hostname or "").rstrip(".")
    labels = host.split(".")
    return ".".join(labels[-2:]) in EXAMPLE_DOMAINS or labels[-1] in EXAMPLE_TOP_LEVEL


def published_address(root: Path, path: str = "") -> str:
    """The published address of a path of the site (from its top: `fr/` is the French
    folder), under site_url of mkdocs.yml; '' if site_url is unset."""
    site_url = site_address(root)
    return (site_url.rstrip("/") + "/" + path) if site_url else ""


def site_path(address: str) -> str:
    """The path of a site's address ('/' without one): where its root is served, online
    and by `mkdocs serve`."""
    return urlsplit(address or "/").path or "/"


def read_languages(config_file: Path) -> Languages:
    """The static-i18n languages declared in mkdocs.yml (the ones with `build: true`).
    Raises ProblemsFound when mkdocs.yml cannot be read (read_config says why)."""
    config, problems = read_config(config_file.parent)
    if config is None:
        from portfolio.problems import ProblemsFound

        raise ProblemsFound(problems)
    entries = [entry for entry in i18n_languages(config) if isinstance(entry.get("locale"), str)]
    default = next(entry["locale"] for entry in entries if entry.get("default"))
    built = tuple(entry["locale"] for entry in entries if entry.get("build", True))
    chosen = _organisation_languages(config_file.parent)
    if chosen:  # the organisation builds a subset; the default language always
        built = tuple(lang for lang in built if lang in chosen or lang == default)
    preview = os.environ.get(PREVIEW_LANGUAGE, "")
    if preview in built:  # `make serve LANG=fr`: one language, and the default for fallbacks
        built = tuple(lang for lang in built if lang in (default, preview))
    return Languages(default, built, {entry["locale"]: entry.get("name", entry["locale"]) for entry in entries})


def _organisation_languages(root: Path) -> list[str]:
    """The `languages:` of curriculum/organisation.yml, read without validating the file."""
    from portfolio import yamlfile

    data, _ = (
        yamlfile.load(root / CURRICULUM_DIR / "organisation.yml") if (root / CURRICULUM_DIR).is_dir() else (None, [])
    )
    languages = data.get("languages") if isinstance(data, dict) else None
    return [str(lang) for lang in languages] if isinstance(languages, list) else []


# The sources that make a project (what a copy needs to build).
SOURCE_PARTS = ("mkdocs.yml", "docs", "curriculum", "overrides", "templates", "hooks")


def copy_sources(root: Path, target: Path) -> Path:
    """Copy a project's sources to `target`; node_modules is linked, not copied."""
    import shutil

    target.mkdir(parents=True)
    for part in SOURCE_PARTS:
        source = root / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy(source, target / part)
    if (root / "node_modules").is_dir():
        (target / "node_modules").symlink_to(root / "node_modules")
    return target


# The page tree (mkdocs.yml `nav:`) ---------------------------------------------------


def nav_sections(items: list) -> Iterator[str]:
    """The title of every section of the page tree, nested ones included."""
    for item in items:
        if isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, list):
                    yield str(title)
                    yield from nav_sections(value)


def nav_section_pages(items: list, section: str) -> list[str] | None:
    """The pages of the section titled `section` (searched at every depth), in order."""
    for item in items:
        if isinstance(item, dict):
            for title, value in item.items():
                if not isinstance(value, list):
                    continue
                if title == section:
                    return list(nav_pages(value))
                found = nav_section_pages(value, section)
                if found is not None:
                    return found
    return None


def nav_pages(items: list) -> Iterator[str]:
    """Every page of the page tree (or of one of its sections), in order."""
    for item in items:
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            for value in item.values():
                yield from nav_pages(value) if isinstance(value, list) else [value]
