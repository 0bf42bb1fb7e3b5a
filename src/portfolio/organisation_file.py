"""`portfolio init`: write curriculum/organisation.yml for a forking organisation,
from options or from answers typed at the prompt. The file is rendered from
templates/organisation.yml; names are written the same in every language, to be
translated afterwards."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from portfolio import yamlfile
from portfolio.organisation_checks import (
    COUNTRY_FIX,
    EMAIL_FIX,
    WEBSITE_FIX,
    country_fault,
    email_fault,
    website_fault,
)
from portfolio.project import CONFIG_FILE, CURRICULUM_DIR, UsageError, read_languages
from portfolio.templating import template_environment

QUESTIONS = {
    "name": ("Name of your organisation", None),
    "short_name": ("Short name or acronym", None),
    "country": ("Country code (ISO, e.g. LU, FR, PT)", None),
    "region": ("Region or town", ""),
    "licence": ("Licence of the content", "CC BY-SA 4.0"),
    "email": ("E-mail address of the organisation (not of a person)", ""),
    "website": ("Website address", ""),
    "languages": ("Languages to build, comma-separated (e.g. en,fr)", None),
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
            raise UsageError(f"--{key.replace('_', '-')} is needed (or run `portfolio init` in a terminal)")
    return filled


def write_organisation(root: Path, answers: dict, force: bool = False) -> Path:
    """Write organisation.yml; an existing one is kept unless `force`, and then backed up."""
    path = root / CURRICULUM_DIR / "organisation.yml"
    if path.exists() and not force:
        raise UsageError(
            f"{CURRICULUM_DIR}/organisation.yml exists and holds your partners, legal notes and adaptations"
            " — edit it, or run `portfolio init --force` to replace it (a backup is kept)"
        )
    checks = (
        ("country", country_fault, COUNTRY_FIX),
        ("website", website_fault, WEBSITE_FIX),
        ("email", email_fault, EMAIL_FIX),
    )
    for key, fault, fix in checks:
        if answers.get(key) and (what := fault(answers[key])):
            raise UsageError(f"--{key}: {what} — {fix}")
    declared = read_languages(root / CONFIG_FILE)
    chosen = [lang.strip() for lang in (answers.get("languages") or "").split(",") if lang.strip()]
    unknown = [lang for lang in chosen if lang not in declared.names]
    if unknown:
        raise UsageError(f"{', '.join(unknown)} not declared in mkdocs.yml — add the language there first")
    languages = chosen or list(declared.built)
    # `quote`: a YAML double-quoted string.
    env = template_environment(root / "templates", {"quote": lambda value: json.dumps(value, ensure_ascii=False)})
    text = env.get_template("organisation.yml").render(answers=answers, languages=languages, logo=_logo(path))
    if path.exists():
        backup = path.with_name("organisation.yml.bak")
        backup.write_bytes(path.read_bytes())
    partial = path.with_name("organisation.yml.new")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)
    return path


def _logo(path: Path) -> str | None:
    """The `logo:` of the organisation.yml being replaced, kept (it names a file of the
    organisation's, which `portfolio init` does not ask for)."""
    if not path.is_file():
        return None
    data, _ = yamlfile.load(path)
    logo = data.get("logo") if isinstance(data, yamlfile.YamlMap) else None
    return logo if isinstance(logo, str) and logo else None
