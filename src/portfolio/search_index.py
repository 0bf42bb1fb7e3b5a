"""One search index per language.

static-i18n writes a single index holding every language, so a French reader's
search also returns English pages. After the build, the index is split: each
language gets `<its folder>/search/search_index.json` with locations relative to
its own root, and pages point their search there (see overrides/main.html).

Each language's index holds the entries the search plugin made in that language's
own build: its translations, and the default-language pages its site shows where it
has no translation (static-i18n writes those in the language's folder, `uk/handbook/`,
in English). They are not taken from the combined index: static-i18n leaves out of it
every entry that is the same as the default language's, so a language's English
pages would be found on the English site only.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Collection
from pathlib import Path

from lxml import html as lxml_html
from mkdocs.contrib.search import LangOption

from portfolio.project import Languages

INDEX = "search/search_index.json"
# A field of each entry, searched as its text is (Material indexes every field the index's
# configuration names) and never shown: its words as a reader types them on a phone.
VARIANTS = "typed"
_LINE_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"[^\s\-.,;:!?()\[\]«»\"'‘’“”/،؛؟…]+")
# An Arabic word joined to "and", "with", "so", "like" or "for" before its article (والسرية,
# بالسرية, للمنسق): also found by the word with its article alone (السرية, المنسق).
_ARABIC_JOINED = re.compile(r"^(?:[وف]?[بكو]?)(ال|لل)(?=\w{2})")


def split_search_index(
    site_dir: Path, languages: Languages, built: dict[str, list[dict]], partial: Collection[str] = ()
) -> dict[str, int]:
    """Write one index per built language from the entries its own build made (`built`,
    by language, located from the site's root: `fr/handbook/`); static-i18n's combined
    index gives the search configuration. A `partial` language's site shows some pages in
    the default language: its index is read with both languages' word rules (lunr's
    stemmers), so that an English page is found by its English words. Returns the number
    of entries in each."""
    source = site_dir / INDEX
    data = json.loads(source.read_text(encoding="utf-8"))
    counts = {}
    for lang in languages.built:
        folder = languages.folder(lang)
        docs = built.get(lang, [])
        titles = {doc["location"]: doc["title"] for doc in docs if "#" not in doc["location"]}
        shown = [doc for doc in docs if not _left_empty(doc, titles)]
        kept = [_with_variants({**doc, "location": doc["location"].removeprefix(folder)}) for doc in shown]
        lunr = _lunr_languages(lang, languages.default, lang in partial, data["config"].get("lang", []))
        fields = {**data["config"].get("fields", {}), VARIANTS: {"boost": 1.0}}
        index = {**data, "config": {**data["config"], "lang": lunr, "fields": fields}, "docs": kept}
        target = site_dir / folder / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        target.write_text(text, encoding="utf-8")
        counts[lang] = len(kept)
    return counts


def lunr_supported(codes: Collection[str]) -> list[str]:
    """The languages among `codes` that lunr has word rules for (as MkDocs' search option
    knows them), English always: the search plugin's `lang`, which the split reads."""
    known = [code for code in codes if LangOption().get_lunr_supported_lang(code) == code]
    return list(dict.fromkeys(["en", *known]))


def plugin_index(config):
    """Material's search index of the build running now (None if search is off): the
    entries it made of this language's pages, in `entries`."""
    index = getattr(config.plugins.get("material/search"), "search_index", None)
    return index if isinstance(getattr(index, "entries", None), list) else None


def searchable(content: str) -> str:
    """A page's HTML as the search plugin should read it: without the elements marked
    `data-search-exclude` (quizzes, answer keys, session plans, handouts, the workspace).
    Material's parser compares elements by tag name, so a <div> inside an excluded <div>
    ends the exclusion at its own end and what follows is indexed; removing the excluded
    elements first keeps all of their text out. A line break becomes a space too: the
    parser drops <br>, which joined the words on each side ("36 KBEditable")."""
    content = _LINE_BREAK.sub(r" \g<0>", content)
    if "data-search-exclude" not in content:
        return content
    root = lxml_html.fragment_fromstring(content, create_parent="div")
    for element in root.xpath(".//*[@data-search-exclude]"):
        element.drop_tree()  # its tail (the text after it) stays
    inner = root.text or ""
    return inner + "".join(lxml_html.tostring(child, encoding="unicode") for child in root)


@functools.lru_cache(maxsize=8192)  # `make serve` splits the index after every save: the same texts again
def typed_variants(text: str) -> tuple[str, ...]:
    """The words of `text` (an entry's title and text) as a reader may type them where they
    differ from the written word: without accents or vowel marks (bénévole: benevole;
    المنسّق: المنسق; أسرة: اسرة), and an Arabic word without the particle joined to
    its article (والسرية: السرية). Each once, in lower case, in the order found, unless
    the text holds it already."""
    words = [word.lower() for word in _WORD.findall(_TAG.sub(" ", text))]  # lunr lowercases what it indexes
    written = set(words)
    found: dict[str, None] = {}
    for word in dict.fromkeys(words):
        plain = _without_marks(word)
        joined = _ARABIC_JOINED.match(plain)
        bare = "ال" + plain[joined.end() :] if joined and joined.group() != "ال" else plain
        for variant in (plain, bare):
            if variant not in written:  # a form the entry already holds is found already
                found.setdefault(variant)
    return tuple(found)


# Helpers ----------------------------------------------------------------------


def _with_variants(doc: dict) -> dict:
    variants = typed_variants(f"{doc.get('title', '')} {doc.get('text', '')}")
    return {**doc, VARIANTS: " ".join(variants)} if variants else doc


@functools.lru_cache(maxsize=65536)  # a word comes back in many entries
def _without_marks(word: str) -> str:
    """A word without its accents, Arabic vowel marks and hamza seats (NFD's combining
    marks) and Arabic tatweel."""
    decomposed = unicodedata.normalize("NFD", word)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c))).replace(
        "\u0640", ""
    )


def _lunr_languages(lang: str, default: str, partial: bool, known: list[str]) -> list[str]:
    """The languages whose word rules lunr reads an index with: its language if lunr has
    rules for it (those in `known`, see lunr_supported), English otherwise; and the default
    language too where the language shows pages in it (`partial`)."""
    wanted = [lang, default] if partial else [lang]
    return list(dict.fromkeys(code if code in known else "en" for code in wanted))


def _left_empty(doc: dict, titles: dict[str, str]) -> bool:
    """A section whose heading and text were left out of search (data-search-exclude:
    quizzes, answer keys, session plans): Material keeps it with the page's title only."""
    page, _, anchor = doc["location"].partition("#")
    return bool(anchor) and not doc.get("text") and doc.get("title") == titles.get(page)
