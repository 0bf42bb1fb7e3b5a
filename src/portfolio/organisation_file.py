"""`portfolio init`: write curriculum/organisation.yml for a forking organisation,
from options or from answers typed at the prompt. The file is rendered from
templates/organisation.yml. It holds each text only in the languages it is known in: the
name, short name (if any) and region (if any) as typed, in the default language; the
channels' labels in the languages curriculum/interface.yml has them in. `portfolio check`
then lists every translation still missing (a short name is none: it is written only where
readers know it), instead of readers finding English under another language."""

from __future__ import annotations

import json
import typing
from collections.abc import Callable
from pathlib import Path

from portfolio import yamlfile
from portfolio.interface import INTERFACE_FILE, load_table
from portfolio.language_checks import theme_languages, undeclared
from portfolio.models import ChannelKind
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
    "short_name": ("Short name or acronym, only if your readers know it", ""),
    "country": ("Country code (ISO, e.g. LU, FR, PT)", None),
    "region": ("Region or town", ""),
    "licence": ("Licence of the content", "CC BY-SA 4.0"),
    "email": ("E-mail address of the organisation (not of a person)", ""),
    "website": ("Website address", ""),
    "languages": ("Languages to build, comma-separated (e.g. en,fr)", None),
}


def ask(answers: dict, prompt: Callable[[str], str] | None) -> dict:
    """Fill what the options left out: from the prompt if there is one, else defaults. A
    needed answer still missing stays None, for `write_organisation` to refuse."""
    filled = dict(answers)
    for key, (question, default) in QUESTIONS.items():
        if filled.get(key):
            continue
        typed = prompt(f"{question}{f' [{default}]' if default else ''}: ").strip() if prompt else ""
        filled[key] = typed or default
        if filled[key] is None and key == "languages":  # none chosen: the languages mkdocs.yml builds
            filled[key] = ""
    return filled


def write_organisation(root: Path, answers: dict, force: bool = False) -> Path:
    """Write organisation.yml; an existing one is kept unless `force`, and then backed up.
    Refused, with every reason at once (one line each), if anything is amiss."""
    path = root / CURRICULUM_DIR / "organisation.yml"
    declared = read_languages(root / CONFIG_FILE)
    chosen = [lang.strip() for lang in (answers.get("languages") or "").split(",") if lang.strip()]
    refused = _refusals(root, answers, chosen, list(declared.names))
    if path.exists() and not force:
        refused.insert(
            0,
            f"{CURRICULUM_DIR}/organisation.yml exists and holds your partners, legal notes and adaptations"
            " — edit it, or run `portfolio init --force` to replace it (a backup is kept)",
        )
    if refused:
        raise UsageError("\n".join(refused))
    languages = chosen or list(declared.built)
    # `quote`: a YAML double-quoted string.
    env = template_environment(root / "templates", {"quote": lambda value: json.dumps(value, ensure_ascii=False)})
    text = env.get_template("organisation.yml").render(
        answers=answers,
        languages=languages,
        default=declared.default,
        default_name=declared.names[declared.default],
        labels=_labels(root, declared.default, languages),
        logo=_logo(path),
    )
    if path.exists():
        backup = path.with_name("organisation.yml.bak")
        backup.write_bytes(path.read_bytes())
    partial = path.with_name("organisation.yml.new")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)
    return path


def _refusals(root: Path, answers: dict, chosen: list[str], declared: list[str]) -> list[str]:
    """What is wrong with each answer, in the order of the options: one that is needed and
    missing, a value that is not what its option takes, each language not declared."""
    refused = []
    for key in QUESTIONS:
        option, value = f"--{key.replace('_', '-')}", answers.get(key)
        if value is None:
            refused.append(f"{option} is needed (or run `portfolio init` in a terminal)")
        elif key in _VALUE_CHECKS and value and (what := _VALUE_CHECKS[key][0](value)):
            refused.append(f"{option}: {what} — {_VALUE_CHECKS[key][1]}")
    known = theme_languages(root)
    faults = [fault for lang in chosen if (fault := undeclared(lang, declared, known))]
    return refused + [f"--languages: {what} — {fix}" for what, fix in faults]


def _labels(root: Path, default: str, languages: list[str]) -> dict[str, dict[str, str]]:
    """Each kind of channel's label in the languages curriculum/interface.yml has it in
    (`channel-email`...): no language gets a label it does not have, so that `portfolio
    check` lists the labels still to translate."""
    table, _ = load_table(root, INTERFACE_FILE, default, languages)  # its problems: `portfolio check` says them
    wanted = dict.fromkeys([default, *languages])
    texts = {kind: table.get(f"channel-{kind}") for kind in typing.get_args(ChannelKind)}
    return {kind: {lang: text[lang] for lang in wanted if text and text.has(lang)} for kind, text in texts.items()}


def _logo(path: Path) -> str | None:
    """The `logo:` of the organisation.yml being replaced, kept (it names a file of the
    organisation's, which `portfolio init` does not ask for)."""
    if not path.is_file():
        return None
    data, _ = yamlfile.load(path)
    logo = data.get("logo") if isinstance(data, yamlfile.YamlMap) else None
    return logo if isinstance(logo, str) and logo else None


# Data -------------------------------------------------------------------------
# The options whose value is checked: how to tell what is wrong with it, and how to fix it.
_VALUE_CHECKS = {
    "country": (country_fault, COUNTRY_FIX),
    "email": (email_fault, EMAIL_FIX),
    "website": (website_fault, WEBSITE_FIX),
}
