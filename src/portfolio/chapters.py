"""Check handbook chapters: front matter, required sections, and that translations keep
the English structure (same sections, same number of checklist items).

Chapters are Markdown files under `docs/<lang>/handbook/` that start with front
matter. Step chapters (`handbook/buddy-system/NN-*.md`) must contain the sections
listed in STEP_SECTIONS, written as `## Title { #id }` so ids are language-neutral.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from portfolio import yamlfile
from portfolio.convert import INVALID, Context, Reference, convert
from portfolio.models import CapsuleId, Role
from portfolio.problems import Problem, problem
from portfolio.project import DOCS_DIR

HANDBOOK = "handbook"
STEPS = "handbook/buddy-system"


@dataclass
class ChapterMeta:
    roles: list[Role] = field(default_factory=list)
    capsules: list[CapsuleId] = field(default_factory=list)
    step: int | None = None
    translation_of: str | None = None  # see portfolio.translations
    title: str | None = None  # the page's title where it is not its `# …` line (MkDocs reads it)


@dataclass
class Chapter:
    path: Path
    relative: str  # path inside the language folder
    sections: list[tuple[str, int]]  # (id, line) of each `## ... { #id }`
    checklist: int  # number of `- [ ]` items
    body_line: int  # first line after the front matter


def check_chapters(root: Path, default: str, languages: Sequence[str]) -> tuple[list[Problem], list[Reference]]:
    """Problems of every chapter, and the capsule references they make (checked by the caller)."""
    problems: list[Problem] = []
    references: list[Reference] = []
    english: dict[str, Chapter] = {}
    for lang in (default, *[lang for lang in languages if lang != default]):
        for path in sorted((root / DOCS_DIR / lang / HANDBOOK).rglob("*.md")):
            chapter, meta_found, refs = _read(path, root / DOCS_DIR / lang, default, languages)
            if chapter is None:
                continue
            problems += meta_found
            references += refs
            problems += _repeated_sections(chapter)
            if chapter.relative.startswith(STEPS + "/"):
                problems += _missing_sections(chapter)
            if lang == default:
                english[chapter.relative] = chapter
            elif chapter.relative in english:
                problems += _compare(english[chapter.relative], chapter)
    return problems, references


# Checks -----------------------------------------------------------------------


def _repeated_sections(chapter: Chapter) -> list[Problem]:
    """A section id given twice: links, translations and the PDF find the first only."""
    first: dict[str, int] = {}
    found = []
    for section, line in chapter.sections:
        if section in first:
            said = f"the section id `{section}` is already given on line {first[section]}"
            found.append(problem(chapter.path, line, "duplicate-id", said, "give each section its own `{ #id }`"))
        first.setdefault(section, line)
    return found


def _missing_sections(chapter: Chapter) -> list[Problem]:
    ids = [section for section, _ in chapter.sections]
    return [
        problem(
            chapter.path,
            chapter.body_line,
            "missing-section",
            f"the step chapter has no `{section}` section",
            f"add a heading `## ... {{ #{section} }}` (sections, in order: {', '.join(STEP_SECTIONS)})",
        )
        for section in STEP_SECTIONS
        if section not in ids
    ]


def _compare(source: Chapter, translation: Chapter) -> list[Problem]:
    found = []
    source_ids = [s for s, _ in source.sections]
    translated_ids = [s for s, _ in translation.sections]
    if source_ids != translated_ids:
        missing = [s for s in source_ids if s not in translated_ids]
        extra = [s for s in translated_ids if s not in source_ids]
        detail = (
            "; ".join(
                part
                for part in (
                    f"missing: {', '.join(missing)}" if missing else "",
                    f"not in English: {', '.join(extra)}" if extra else "",
                )
                if part
            )
            or "the order differs"
        )
        # At the first section that differs (its heading), else where the text starts.
        differs = next((i for i, (a, b) in enumerate(zip(source_ids, translated_ids, strict=False)) if a != b), None)
        if differs is None and len(translated_ids) > len(source_ids):
            differs = len(source_ids)
        line = translation.sections[differs][1] if differs is not None else translation.body_line
        found.append(
            problem(
                translation.path,
                line,
                "section-mismatch",
                f"{_counted(len(translated_ids), 'section with an id', 'sections with ids')}"
                f" where the English has {len(source_ids)} ({detail})",
            )
        )
    if source.checklist != translation.checklist:
        found.append(
            problem(
                translation.path,
                dict(translation.sections).get("checklist", translation.body_line),  # its checklist's heading
                "checklist-mismatch",
                f"{_counted(translation.checklist, 'checklist item', 'checklist items')} where the English has"
                f" {source.checklist}",
            )
        )
    return found


# Helpers ----------------------------------------------------------------------


def _counted(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _read(path: Path, folder: Path, default: str, languages: Sequence[str]):
    text, _ = yamlfile.read_text(path)  # an unreadable page is reported by page_checks
    meta_text, body, body_line = yamlfile.split_front_matter(text or "")
    if meta_text is None:
        return None, [], []
    data, _ = yamlfile.load_text(meta_text, path, first_line=2)  # front matter it cannot read: page_checks
    found: list[Problem] = []
    ctx = Context(path, default, tuple(languages))
    if isinstance(data, yamlfile.YamlMap):
        meta = convert(ChapterMeta, data, ctx, 2)
        if meta is not INVALID:
            found = found + _check_step_number(meta, path, data)
    sections = [(m.group(1), body_line + body[: m.start()].count("\n")) for m in _SECTION.finditer(body)]
    chapter = Chapter(path, path.relative_to(folder).as_posix(), sections, len(_CHECKLIST.findall(body)), body_line)
    return chapter, found + ctx.problems, ctx.references


def _check_step_number(meta: ChapterMeta, path: Path, data: yamlfile.YamlMap) -> list[Problem]:
    number = re.match(r"(\d+)-", path.name)
    if path.parent.name != "buddy-system" or not number:
        return []
    if meta.step != int(number.group(1)):
        line = data.line_of("step")
        return [
            problem(path, line, "step-mismatch", f"`step` is {meta.step} but the file is step {int(number.group(1))}")
        ]
    return []


# Data -------------------------------------------------------------------------
STEP_SECTIONS = (
    "purpose",
    "who-is-involved",
    "before-you-start",
    "how-to-do-it",
    "tool",
    "pitfalls",
    "adapting",
    "checklist",
    "related-capsules",
)
_SECTION = re.compile(r"^## .*?\{\s*#([\w-]+)\s*\}\s*$", re.M)
_CHECKLIST = re.compile(r"^\s*[-*] \[[ xX]\] ", re.M)
