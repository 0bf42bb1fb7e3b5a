"""JSON Schemas of the curriculum files, derived from the models, for editors.

Editors that understand `# yaml-language-server: $schema=...` (VS Code with the
YAML extension, for example) then check a capsule while it is being typed.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from pathlib import Path
from typing import Any

from portfolio.models import (
    Capsule,
    Course,
    Documents,
    Form,
    Material,
    Organisation,
    PartialText,
    People,
    PluralCategory,
    Quiz,
    QuizBalance,
    SelfAssessment,
    StepCycle,
    Terminology,
    Text,
    Workspace,
    is_required,
    non_null,
)

# Each schema: the model it is derived from, and the curriculum files it describes.
SCHEMAS = {
    "capsule": (Capsule, "capsules/*.yml"),
    "quiz": (Quiz, "quizzes/*.yml"),
    "course": (Course, "course.yml"),
    "organisation": (Organisation, "organisation.yml"),
    "steps": (StepCycle, "steps.yml"),
    "self-assessment": (SelfAssessment, "self-assessments/*.yml"),
    "documents": (Documents, "documents.yml"),
    "people": (People, "people.yml"),
    "terminology": (Terminology, "terminology.yml"),
    "form": (Form, "forms/*.yml"),
    "material": (Material, "materials/*.yml"),
    "quiz-balance": (QuizBalance, "quiz-balance.yml"),
    "workspace": (Workspace, "workspace.yml"),
}


def json_schema(cls: type, default: str) -> dict[str, Any]:
    """The JSON Schema of one kind of curriculum file."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"Good Tutoring Portfolio {cls.__name__.lower()}",
        **_schema(cls, default),
    }


def interface_schema(default: str) -> dict[str, Any]:
    """Interface texts: in a language, a text or, for a text that says a number, its
    plural forms (which of them a language needs, `portfolio check` says)."""
    text = _schema(Text, default)
    forms = {
        "type": "object",
        "description": "Plural forms, e.g. {one: '{count} minute', other: '{count} minutes'}",
        "propertyNames": _schema(PluralCategory, default),
        "required": ["other"],
        "additionalProperties": text["additionalProperties"],
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Good Tutoring Portfolio interface strings",
        "type": "object",
        "additionalProperties": {**text, "additionalProperties": {"anyOf": [text["additionalProperties"], forms]}},
    }


def write_all(folder: Path, default: str = "en", check_only: bool = False) -> list[Path]:
    """Write every schema; returns the files that were missing or different."""
    wanted = {f"{name}.schema.json": json_schema(cls, default) for name, (cls, _) in SCHEMAS.items()}
    wanted["interface.schema.json"] = interface_schema(default)
    stale = []
    for name, content in wanted.items():
        path = folder / name
        text = json.dumps(content, indent=2, ensure_ascii=False) + "\n"
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            stale.append(path)
            if not check_only:
                folder.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
    return stale


# Helpers ----------------------------------------------------------------------


def _schema(tp: Any, default: str) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [_schema(non_null(tp), default), {"type": "null"}]}
    if origin is typing.Annotated:
        return _schema(typing.get_args(tp)[0], default)
    if origin is typing.Literal:
        return {"enum": list(typing.get_args(tp))}
    if origin is list:
        return {"type": "array", "items": _schema(typing.get_args(tp)[0], default)}
    if origin is dict:
        key_tp, value_tp = typing.get_args(tp)
        return {
            "type": "object",
            "propertyNames": _schema(key_tp, default),
            "additionalProperties": _schema(value_tp, default),
        }
    if tp is PartialText:
        return {
            "type": "object",
            "description": "A text in the languages whose readers know it, e.g. {en: ..., fr: ...}",
            "additionalProperties": {"type": "string", "minLength": 1},
        }
    if tp is Text:
        return {
            "type": "object",
            "description": "A text in each language, e.g. {en: ..., fr: ..., ar: ...}",
            "required": [default],
            "additionalProperties": {"type": "string", "minLength": 1},
        }
    if dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp, include_extras=True)
        fields = dataclasses.fields(tp)
        return {
            "type": "object",
            "properties": {f.name: _schema(hints[f.name], default) for f in fields},
            "required": [f.name for f in fields if is_required(f)],
            "additionalProperties": False,
        }
    return {"type": _JSON_TYPES[tp]}


# Data -------------------------------------------------------------------------
_JSON_TYPES = {str: "string", int: "integer", bool: "boolean"}
