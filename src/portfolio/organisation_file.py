"""`portfolio init`: write curriculum/organisation.yml for a forking organisation,
from options or from answers typed at the prompt. The file is rendered from
templates/organisation.yml; names are written the same in every language, to be
translated afterwards."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from portfolio.project import CONFIG_FILE, CURRICULUM_DIR, read_languages

QUESTIONS = {
    "name": ("Name of your organisation", None),
    "short_name": ("Short name or acronym", None),
    "country": ("Country code (ISO, e.g. LU, FR, PT)", None),
    "region": ("Region or town", ""),
    "licence": ("Licence of the content", "CC BY-SA 4.0"),
    "email": ("E-mail address of the organisation (not of a person)", ""),
    "website": ("Website", ""),
    "languages": ("Languages to build, comma-separated", None),
}


def ask(answers: dict, prompt: Callable[[str], str] | None) -> dict:
    """Fill what the options left out: from the prompt if there is one, else defaults."""
    filled = dict(answers)
    for key, (question, default) in QUESTIONS.items():
        if filled.get(key):
            continue
        typed = prompt(f"{question}{f' [{default}]' if default else ''}: ").strip() if prompt else ""
        filled[key] = typed or default
        if filled[key] is None:
            if key == "languages":
                filled[key] = ""
                continue
            raise SystemExit(f"portfolio init: --{key.replace('_', '-')} is needed (or run it in a terminal)")
    return filled


def write_organisation(root: Path, answers: dict) -> Path:
    declared = read_languages(root / CONFIG_FILE)
    chosen = [lang.strip() for lang in (answers.get("languages") or "").split(",") if lang.strip()]
    unknown = [lang for lang in chosen if lang not in declared.names]
    if unknown:
        raise SystemExit(
            f"portfolio init: {', '.join(unknown)} not declared in mkdocs.yml — add the language there first"
        )
    languages = chosen or list(declared.built)
    env = Environment(
        loader=FileSystemLoader(root / "templates"),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["quote"] = lambda value: json.dumps(value, ensure_ascii=False)  # a YAML double-quoted string
    text = env.get_template("organisation.yml").render(answers=answers, languages=languages)
    path = root / CURRICULUM_DIR / "organisation.yml"
    path.write_text(text, encoding="utf-8")
    return path
