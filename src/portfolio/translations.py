"""Translation status, per page and per curriculum file, per language: translated,
missing (readers see the default language), outdated (the default-language source
changed after the translation was made) or unrecorded (translated, but what it was made
from is not recorded: nobody has confirmed it against the source yet, and a later change
of the source cannot be noticed; readers are told nothing they cannot trust).

A translated page records what it was made from in its front matter,
`translation_of: <hash of the English page>`; curriculum files record it in
`curriculum/translations.yml`. `portfolio translations --mark LANG PATH` brings a
record up to date once the translation has been checked.
"""

from __future__ import annotations

import hashlib
import re
import typing
from dataclasses import dataclass
from pathlib import Path

import yaml

from portfolio import yamlfile
from portfolio.locations import page_source
from portfolio.models import Organisation, PartialText
from portfolio.problems import Problem, ProblemsFound, did_you_mean, errors, problem
from portfolio.project import CURRICULUM_DIR, DOCS_DIR, Languages, UsageError

TRANSLATED, MISSING, OUTDATED, UNRECORDED = "translated", "missing", "outdated", "unrecorded"
RECORD_FILE = "translations.yml"
RECORD_KEY = "translation_of"  # a translated page's setting: the fingerprint of what it translates
FINGERPRINT_DIGITS = 12  # a fingerprint's hexadecimal digits
FINGERPRINT = re.compile(f"[0-9a-f]{{{FINGERPRINT_DIGITS}}}")


@dataclass(frozen=True)
class Status:
    path: str  # a page under docs/<lang>/, or a file under curriculum/
    lang: str
    state: str


def page_statuses(root: Path, languages: Languages) -> list[Status]:
    source = root / DOCS_DIR / languages.default
    result = []
    for page in sorted(source.rglob("*.md")):
        relative = page.relative_to(source).as_posix()
        current = fingerprint(_body(yamlfile.read_text(page)[0] or ""))
        for lang in languages.built:
            if lang == languages.default:
                continue
            translation = root / DOCS_DIR / lang / relative
            if not translation.is_file():
                result.append(Status(relative, lang, MISSING))
            else:
                made_from = yamlfile.front_matter(yamlfile.read_text(translation)[0] or "").get(RECORD_KEY)
                result.append(Status(relative, lang, _state(made_from, current)))
    return result


def page_state(states: dict[tuple[str, str], str], src_uri: str, lang: str) -> str | None:
    """The translation state, in `lang`, of the page MkDocs knows as `src_uri` (its path
    under the language folder): None for a page of the default language."""
    return states.get((page_source(src_uri), lang))


def curriculum_statuses(root: Path, languages: Languages) -> list[Status]:
    """Every curriculum file with texts to translate (interface strings, forms, capsules…)."""
    records = _records(root)
    result = []
    for path, texts in _curriculum_files(root, languages.default):
        relative = path.relative_to(root / CURRICULUM_DIR).as_posix()
        current = _texts_fingerprint(texts, languages.default)
        for lang in languages.built:
            if lang == languages.default:
                continue
            if any(not t.get(lang) for t in texts):
                state = MISSING
            else:
                state = _state(records.get(lang, {}).get(relative), current)
            result.append(Status(relative, lang, state))
    return result


def all_statuses(root: Path, languages: Languages, pages: list[Status] | None = None) -> list[Status]:
    """Every page and curriculum file, and its state in each language: what `portfolio
    translations` lists and the translation-status pages show. `pages`: the pages'
    states, when they have been read already."""
    return (page_statuses(root, languages) if pages is None else pages) + curriculum_statuses(root, languages)


def mark(root: Path, languages: Languages, lang: str, path: str) -> str:
    """Record that the `lang` translation of `path` is made from the current source.
    Raises ProblemsFound, and writes nothing, if a file it reads is not readable UTF-8
    text (or YAML): the same problems `portfolio check` gives for it."""
    _check_mark(root, languages, lang, path)
    if path.endswith(".yml"):
        relative = path.removeprefix(f"{CURRICULUM_DIR}/")
        data, problems = yamlfile.load(root / CURRICULUM_DIR / relative)
        record_file = root / CURRICULUM_DIR / RECORD_FILE
        if record_file.is_file():  # a broken record file would be replaced, its records lost
            problems += yamlfile.load(record_file)[1]
        _refuse(problems)
        current = _texts_fingerprint(list(_texts(data, languages.default)), languages.default)
        records = _records(root)
        records.setdefault(lang, {})[relative] = current
        text = yaml.safe_dump(records, sort_keys=True, allow_unicode=True, width=200)
        record_file.write_text(_RECORDS_HEADER + text, encoding="utf-8")
        return current
    relative = path.removeprefix(f"{DOCS_DIR}/{lang}/")
    source, problems = yamlfile.read_text(root / DOCS_DIR / languages.default / relative)
    page = root / DOCS_DIR / lang / relative
    translation, more = yamlfile.read_text(page)
    _refuse(problems + more)
    current = fingerprint(_body(source or ""))
    page.write_text(_with_record(translation or "", current), encoding="utf-8")
    return current


def _refuse(problems: list[Problem]) -> None:
    if errors(problems):
        raise ProblemsFound(errors(problems))


def _check_mark(root: Path, languages: Languages, lang: str, path: str) -> None:
    others = [code for code in languages.built if code != languages.default]
    if lang not in others:
        raise UsageError(f"`{lang}` is not a translated language of this project — use one of: {', '.join(others)}")
    curriculum = path.endswith(".yml")
    if curriculum:
        folder, relative = root / CURRICULUM_DIR, path.removeprefix(f"{CURRICULUM_DIR}/")
        source = folder / relative
    else:
        folder, relative = root / DOCS_DIR / lang, path.removeprefix(f"{DOCS_DIR}/{lang}/")
        source = root / DOCS_DIR / languages.default / relative
    not_translated = UsageError(
        f"{path} is not a translated page or curriculum file of this project"
        f" — give a page as docs/{lang}/<page>.md (the file must exist) or a curriculum file with texts,"
        " as `portfolio translations` lists them"
    )
    if not (folder.joinpath(relative).resolve().is_relative_to(folder.resolve()) and not relative.startswith("/")):
        raise not_translated
    if not source.is_file():
        originals = folder if curriculum else root / DOCS_DIR / languages.default
        known = [p.relative_to(originals).as_posix() for p in originals.rglob("*.yml" if curriculum else "*.md")]
        guess = did_you_mean(relative, known, cutoff=0.8)
        raise UsageError(f"{path} does not exist — {guess}") if guess else not_translated
    if not curriculum:
        if not path.endswith(".md"):
            raise not_translated
        if not folder.joinpath(relative).is_file():
            raise UsageError(
                f"docs/{lang}/{relative} does not exist yet — translate docs/{languages.default}/{relative} into it"
                " first, then record it"
            )
        return
    data, unreadable = yamlfile.load(source)
    texts = list(_texts(data, languages.default))
    if relative == RECORD_FILE or not (texts or errors(unreadable)):  # unreadable: mark() says why
        raise not_translated
    untranslated = sum(not t.get(lang) for t in texts)
    if untranslated:
        raise UsageError(
            f"{path} has {untranslated} text(s) with no `{lang}` translation yet — translate them first"
            " (`make check` lists each one), then record the file"
        )


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:FINGERPRINT_DIGITS]


def summary(statuses: list[Status], languages: Languages) -> dict[str, float]:
    """Per language, the share (percent) of items translated and up to date."""
    shares = {}
    for lang in languages.built:
        mine = [s for s in statuses if s.lang == lang]
        if mine:
            shares[lang] = 100 * sum(s.state == TRANSLATED for s in mine) / len(mine)
    return shares


# Helpers ----------------------------------------------------------------------


def _texts_fingerprint(texts: list[dict], default: str) -> str:
    """What a curriculum file's translations are made from: its default-language texts
    (a text's plural forms one after the other)."""
    return fingerprint("\n".join(_said(t[default]) for t in texts))


def _said(text: str | dict) -> str:
    """A text, or its plural forms ("one: {count} minute" and "other: {count} minutes" lines)."""
    return text if isinstance(text, str) else "\n".join(f"{form}: {value}" for form, value in text.items())


def _state(made_from: object, current: str) -> str:
    """A translation's state from what it records being made from (None: nothing)."""
    if made_from is None:
        return UNRECORDED
    return TRANSLATED if made_from == current else OUTDATED


def _curriculum_files(root: Path, default: str) -> list[tuple[Path, list[dict]]]:
    """The curriculum files that hold texts to translate, each with its texts; the record
    file and files with no text in the default language are left out."""
    found = []
    for path in sorted((root / CURRICULUM_DIR).rglob("*.yml")):
        if path.relative_to(root / CURRICULUM_DIR).as_posix() == RECORD_FILE:
            continue
        texts = list(_texts(yamlfile.load(path)[0], default))
        if texts:
            found.append((path, texts))
    return found


def _texts(data, default: str):
    """Every text in several languages (a mapping with the default language, its text or
    plural forms) in a file, but those only some languages have (their keys: `_PARTIAL_KEYS`)."""
    if isinstance(data, dict):
        text = data.get(default)
        if isinstance(text, str) or _is_forms(text):
            yield data
            return
        for key, value in data.items():
            if key not in _PARTIAL_KEYS:
                yield from _texts(value, default)
    elif isinstance(data, list):
        for item in data:
            yield from _texts(item, default)


def _is_forms(value: object) -> bool:
    """Whether `value` is an interface text's plural forms: a mapping of texts."""
    return isinstance(value, dict) and bool(value) and all(isinstance(v, str) for v in value.values())


def check_records(root: Path) -> list[Problem]:
    """curriculum/translations.yml as `--mark` writes it: for each language, each
    curriculum file's fingerprint (12 hexadecimal digits). Read otherwise, every file
    would be said "unrecorded" with no word of why. A record of a language or a file the
    project no longer has is left alone: a fork may drop either."""
    path = root / CURRICULUM_DIR / RECORD_FILE
    if not path.is_file():
        return []
    data, found = yamlfile.load(path)
    if data is None:
        return found
    fix = f"let `portfolio translations --mark LANG FILE` write {RECORD_FILE}, or take it back from git"
    if not isinstance(data, dict):
        return [*found, problem(path, 1, "translation-record", "the file should map each language to its files", fix)]
    for lang, files in data.items():
        if not isinstance(files, dict):
            said = f"`{lang}` should map files to fingerprints"
            found.append(problem(path, data.line_of(lang), "translation-record", said, fix))
        else:
            for name, mark in files.items():
                if not isinstance(mark, str) or not FINGERPRINT.fullmatch(mark):
                    said = f"`{lang}: {name}` is not a fingerprint ({FINGERPRINT_DIGITS} hexadecimal digits): `{mark}`"
                    found.append(problem(path, files.line_of(name), "translation-record", said, fix))
    return found


def _records(root: Path) -> dict:
    path = root / CURRICULUM_DIR / RECORD_FILE
    data, _ = yamlfile.load(path) if path.is_file() else ({}, [])
    if not isinstance(data, dict):
        return {}
    return {
        str(lang): {str(k): str(v) for k, v in files.items()} for lang, files in data.items() if isinstance(files, dict)
    }


def _body(text: str) -> str:
    return yamlfile.split_front_matter(text)[1]


def _with_record(text: str, current: str) -> str:
    meta, body, _ = yamlfile.split_front_matter(text)
    line = f'{RECORD_KEY}: "{current}"'
    if meta is None:
        return f"---\n{line}\n---\n\n{text}"
    meta = re.sub(rf"^{RECORD_KEY}:.*$", line, meta, flags=re.M) if f"{RECORD_KEY}:" in meta else f"{meta}\n{line}"
    return f"---\n{meta}\n---\n{body}"


# Data -------------------------------------------------------------------------
# The keys of the texts that only some languages have (models.PartialText: the
# organisation's short name): no language lacks them, and they are nobody's translation.
_PARTIAL_KEYS = frozenset(key for key, tp in typing.get_type_hints(Organisation).items() if tp is PartialText)
_RECORDS_HEADER = (
    "# What each curriculum translation was made from: a fingerprint of the default-language\n"
    "# texts of the file. Written by `portfolio translations --mark LANG FILE`; do not edit.\n"
)
