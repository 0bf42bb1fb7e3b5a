"""How hard a page is to read, per language: mean words per sentence, the share of
sentences over 25 words, and a reading-ease score where a formula exists for the
language (Flesch for English, Kandel and Moles' adaptation for French; none is
established for Arabic), for pages and for the handouts of curriculum/materials/.
Only prose counts: front matter, headings, tables, code and
template code are left out, and each list item is a sentence of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from portfolio import yamlfile
from portfolio.convert import INVALID, Context, convert
from portfolio.models import Material
from portfolio.project import CURRICULUM_DIR, DOCS_DIR

LONG = 25  # words: a sentence longer than this is hard for a B1 reader


@dataclass(frozen=True)
class Reading:
    page: str
    lang: str
    sentences: int
    mean_words: float
    long_share: float  # percent of sentences over LONG words
    ease: float | None  # reading ease, 0 (hard) to 100 (easy), where a formula exists


def measure(text: str, lang: str, page: str = "") -> Reading:
    sentences = _sentences(text)
    words = [_words(s) for s in sentences]
    count = max(len(sentences), 1)
    total = sum(len(w) for w in words)
    long = sum(len(w) > LONG for w in words)
    ease = None
    if lang in _EASE and total:
        syllables = sum(_syllables(word) for sentence in words for word in sentence)
        base, per_sentence, per_syllable = _EASE[lang]
        ease = round(base - per_sentence * total / count - per_syllable * syllables / total, 1)
    return Reading(page, lang, len(sentences), round(total / count, 1), round(100 * long / count, 1), ease)


def measure_pages(root: Path, languages: list[str]) -> list[Reading]:
    readings = []
    for lang in languages:
        folder = root / DOCS_DIR / lang
        for path in sorted(folder.rglob("*.md")):
            text, _ = yamlfile.read_text(path)
            readings.append(measure(text or "", lang, path.relative_to(folder).as_posix()))
    return readings


def measure_handouts(root: Path, languages: list[str]) -> list[Reading]:
    """The handouts participants read (curriculum/materials/: body and cards), one row per
    file and language, named `materials/<id>.yml`. A file that cannot be read as a
    material is left to `portfolio check`."""
    readings = []
    for path in sorted((root / CURRICULUM_DIR / "materials").glob("*.yml")):
        data, _ = yamlfile.load(path)
        material = convert(Material, data, Context(path, languages[0], tuple(languages)))
        if material is INVALID or material.kind != "handout":
            continue
        for lang in languages:
            texts = [text.get(lang, "") for text in (material.body, *material.cards) if text]
            readings.append(measure("\n".join(texts), lang, f"materials/{path.name}"))
    return readings


# Helpers ----------------------------------------------------------------------


def _sentences(text: str) -> list[str]:
    _, body, _ = yamlfile.split_front_matter(text)
    body = _CODE_BLOCK.sub("", body)
    prose = []
    for line in body.splitlines():
        line = line.strip()
        if not line or line.startswith(("#", "|", "{{", "{%", "<", "!!!", "???")):
            continue
        line = _MARKUP.sub(" ", _LINK.sub(r"\1", line))
        line = _LIST_MARK.sub("", line)
        prose.append(line)
    # Each line is a unit: a paragraph is one line in these pages, and a list item is a
    # sentence even without a full stop.
    return [s for line in prose for s in _SENTENCE_END.split(line) if _words(s)]


def _words(sentence: str) -> list[str]:
    return _WORD.findall(sentence)


def _syllables(word: str) -> int:
    groups = _VOWELS.findall(word.lower())
    count = len(groups)
    if word.lower().endswith("e") and count > 1 and not word.lower().endswith(("le", "ée")):
        count -= 1  # a silent final e
    return max(count, 1)


# Data -------------------------------------------------------------------------
_CODE_BLOCK = re.compile(r"^```.*?^```", re.S | re.M)
_LINK = re.compile(r"\[([^\[\]\n]*)\]\([^()\n]*\)")
_MARKUP = re.compile(r"`[^`]*`|\{[^{}]*\}|<[^<>]*>|[*_]+")
_LIST_MARK = re.compile(r"^(?:[-*+]\s+(?:\[[ x]\]\s+)?|\d+\.\s+)")
_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+")
_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?|\d+(?:[.,]\d+)*", re.UNICODE)
_VOWELS = re.compile(r"[aeiouyàâäéèêëîïôöûüù]+")
# Reading ease: base - a × words per sentence - b × syllables per word.
_EASE = {
    "en": (206.835, 1.015, 84.6),  # Flesch
    "fr": (207.0, 1.015, 73.6),  # Kandel and Moles
}
