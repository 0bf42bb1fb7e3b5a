"""Read YAML while keeping where each key and item stands in the file.

`load(path)` returns the data and the problems found while reading it: a file that
cannot be read gives `None` and a `yaml-syntax` problem pointing at its line.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import yaml
from mkdocs.utils import meta as mkdocs_meta

from portfolio.problems import Problem, problem

# Files already parsed, by path, modification time, size and working directory.
_PARSED: dict[tuple[str, int, int, str], tuple[Any, list[Problem]]] = {}
_PARSED_MAX = 5000


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
    """Parse one YAML file; never raises for bad content. A file parsed before and
    unchanged since (same size and modification time) is not parsed again: several
    checks read the same files, and `mkdocs serve` reloads the sources after each save.
    The parsed data is shared: callers read it, never change it."""
    try:
        stat = path.stat()
        key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size, os.getcwd())  # cwd: problems' paths
    except OSError:
        key = None
    if key is not None and key in _PARSED:
        data, found = _PARSED[key]
        return data, list(found)
    text, found = read_text(path)
    data, found = (None, found) if text is None else load_text(text, path)
    if key is not None:
        if len(_PARSED) > _PARSED_MAX:  # a long preview session: start again
            _PARSED.clear()
        _PARSED[key] = (data, list(found))
    return data, found


def read_text(path: Path) -> tuple[str | None, list[Problem]]:
    """A source file's text (UTF-8, a byte-order mark dropped), or the problem reading it."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, [problem(path, 1, "unreadable-file", f"the file cannot be read: {error.strerror}")]
    try:
        return decode(raw), []
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [problem(path, line, "not-utf8", f"byte {raw[error.start]:#04x} is not UTF-8")]


def decode(raw: bytes, errors: str = "strict") -> str:
    """A source file's bytes as MkDocs reads a page: UTF-8, a byte-order mark dropped,
    every line ending (Windows, old Mac) made `\\n`."""
    return raw.decode("utf-8-sig", errors).replace("\r\n", "\n").replace("\r", "\n")


def load_text(text: str, path: Path, first_line: int = 1) -> tuple[Any, list[Problem]]:
    """Parse YAML found in `path` from line `first_line` on (front matter starts on line 2)."""
    loader = _Loader(text)
    loader.source_path = path
    loader.first_line = first_line
    loader.found = []
    try:
        node = loader.get_single_node()
        if node is None:
            return None, loader.found
        too_big = _too_big(node)
        if too_big:
            return None, [problem(path, node.start_mark.line + first_line, "yaml-syntax", too_big)]
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + first_line if mark else first_line
        if mark and _tab_indented(text, mark.line):
            return None, [problem(path, line, "yaml-syntax", *_TAB_SAID)]
        what = error.problem or "the YAML is malformed"
        return None, [problem(path, line, "yaml-syntax", f"the YAML cannot be read: {what}")]
    except yaml.reader.ReaderError as error:  # a character YAML does not allow (NUL…): its line, not its position
        line = text.count("\n", 0, max(error.position, 0)) + first_line
        said = f"the file holds the character #x{error.character:04x}, which YAML does not allow ({error.reason})"
        return None, [problem(path, line, "control-character", said)]
    except yaml.YAMLError as error:
        said = f"the YAML cannot be read: {str(error).splitlines()[0] if str(error) else type(error).__name__}"
        return None, [problem(path, first_line, "yaml-syntax", said)]
    except _ComplexKey as error:
        return None, [problem(path, error.line, "yaml-syntax", "a key is a list or a mapping; keys are plain words")]
    except (ValueError, TypeError, RecursionError) as error:  # a value its tag cannot build
        return None, [problem(path, first_line, "yaml-syntax", f"the YAML cannot be read: {error}")]
    finally:
        loader.dispose()
    return data, loader.found


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """A Markdown page's front matter (or None), its body, and the body's first line,
    found as MkDocs finds them: YAML from a first line `---` to a line `---` or `...`."""
    match = mkdocs_meta.YAML_RE.match(text)
    if not match:
        return None, text, 1
    return match.group(1).removesuffix("\n"), text[match.end() :], text[: match.end()].count("\n") + 1


def settings_lines(text: str) -> int:
    """How many first lines of a page without `---` front matter MkDocs takes as page
    settings (MultiMarkdown: `Key: value` lines up to the first blank line): they are
    never shown. 0 for a page that starts otherwise."""
    if mkdocs_meta.YAML_RE.match(text):
        return 0
    count, key = 0, False
    for line in text.split("\n"):
        if not line.strip():
            break
        if mkdocs_meta.META_RE.match(line):
            key = True
        elif not (key and mkdocs_meta.META_MORE_RE.match(line)):
            break
        count += 1
    return count


def front_matter(text: str) -> dict:
    """A Markdown page's front matter as a mapping (empty if it has none or it is broken)."""
    meta, _, _ = split_front_matter(text)
    data, _ = load_text(meta, Path("page")) if meta is not None else (None, [])
    return data if isinstance(data, dict) else {}


# Helpers ----------------------------------------------------------------------


# libyaml's parser when PyYAML was built with it (about ten times faster).
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):
    """SafeLoader building YamlMap/YamlList with line numbers in the file (1-based)."""

    source_path: Path
    first_line: int
    found: list[Problem]


class _ComplexKey(Exception):
    def __init__(self, line: int):
        self.line = line


def _tab_indented(text: str, index: int) -> bool:
    """Whether line `index` (from 0) of `text` is indented with a tab (also after a `-`)."""
    lines = text.split("\n")
    return index < len(lines) and _TAB_INDENT.match(lines[index]) is not None


def _too_big(root: yaml.Node) -> str | None:
    """Why a document is refused before it is built: nested too deep, or aliases that
    expand it beyond any curriculum file (an "alias bomb"); None if it is fine."""
    sizes: dict[int, int] = {}
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, children_done = stack.pop()
        if depth > MAX_DEPTH:
            return f"the YAML is nested more than {MAX_DEPTH} levels deep"
        children = _children(node)
        if children_done:
            sizes[id(node)] = 1 + sum(sizes[id(child)] for child in children)
            if sizes[id(node)] > MAX_VALUES:
                return f"the YAML expands to more than {MAX_VALUES:,} values (anchors and aliases repeated)"
        elif id(node) not in sizes:
            stack.append((node, depth, True))
            stack.extend((child, depth + 1, False) for child in children if id(child) not in sizes)
    return None


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def duplicate_key(path: Path, line: int, key: object, first: int) -> Problem:
    """A key set a second time at `line` of a mapping that set it at `first`: YAML keeps
    the second without a word."""
    return problem(path, line, "duplicate-key", f"`{key}` already set on line {first}")


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> YamlMap:
    loader.flatten_mapping(node)
    result = YamlMap()
    result.line = node.start_mark.line + loader.first_line
    result.key_lines = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise _ComplexKey(key_node.start_mark.line + loader.first_line)
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + loader.first_line
        if key in result.key_lines:
            first = result.key_lines[key]
            loader.found.append(duplicate_key(loader.source_path, line, key, first))
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = line
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> YamlList:
    result = YamlList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + loader.first_line
    result.item_lines = [child.start_mark.line + loader.first_line for child in node.value]
    return result


# A line indented with a tab, which YAML refuses (whatever error it then reports there).
_TAB_INDENT = re.compile(r"[ -]*\t")
_TAB_SAID = ("a tab character is used for indentation", "replace it with spaces")
# Limits no curriculum file comes near; beyond them a file is refused, not built.
MAX_DEPTH = 40
MAX_VALUES = 100_000

_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
# Dates stay text (`2025-02-30` is then a wrong date the checks report, not a crash).
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_str)
