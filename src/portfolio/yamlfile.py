"""Read YAML while keeping where each key and item stands in the file.

`load(path)` returns the data and the problems found while reading it: a file that
cannot be read gives `None` and a `yaml-syntax` problem pointing at its line.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from portfolio.problems import Problem, problem


class YamlMap(dict):
    """A mapping that knows its own line and the line of each of its keys."""

    line: int = 1
    key_lines: dict[Any, int]

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


class YamlList(list):
    """A list that knows its own line and the line of each of its items."""

    line: int = 1
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


def load(path: Path) -> tuple[Any, list[Problem]]:
    """Parse one YAML file; never raises for bad content."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return None, [problem(path, 1, "yaml-syntax", f"the file cannot be read: {error}")]
    return load_text(text, path)


def load_text(text: str, path: Path, first_line: int = 1) -> tuple[Any, list[Problem]]:
    """Parse YAML found in `path` from line `first_line` on (front matter starts on line 2)."""
    loader = _Loader(text)
    loader.source_path = path
    loader.first_line = first_line
    loader.found = []
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + first_line if mark else first_line
        what = error.problem or "the YAML is malformed"
        return None, [problem(path, line, "yaml-syntax", f"the YAML cannot be read: {what}")]
    except yaml.YAMLError as error:
        return None, [problem(path, 1, "yaml-syntax", f"the YAML cannot be read: {error}")]
    finally:
        loader.dispose()
    return data, loader.found


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """A Markdown page's front matter (or None), its body, and the body's first line."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return None, text, 1
    return match.group(1), text[match.end() :], text[: match.end()].count("\n") + 1


# Helpers ----------------------------------------------------------------------


# libyaml's parser when PyYAML was built with it (about ten times faster).
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):
    """SafeLoader building YamlMap/YamlList with line numbers in the file (1-based)."""

    source_path: Path
    first_line: int
    found: list[Problem]


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> YamlMap:
    loader.flatten_mapping(node)
    result = YamlMap()
    result.line = node.start_mark.line + loader.first_line
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + loader.first_line
        if key in result.key_lines:
            first = result.key_lines[key]
            loader.found.append(
                problem(loader.source_path, line, "duplicate-key", f"`{key}` already set on line {first}")
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = line
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> YamlList:
    result = YamlList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + loader.first_line
    result.item_lines = [child.start_mark.line + loader.first_line for child in node.value]
    return result


_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)

_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
