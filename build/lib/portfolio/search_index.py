"""One search index per language.

static-i18n writes a single index holding every language, so a French reader's
search also returns English pages. After the build, the index is split: each
language gets `<its folder>/search/search_index.json` with locations relative to
its own root, and pages point their search there (see overrides/main.html).
"""

from __future__ import annotations

import json
from pathlib import Path

from lxml import html as lxml_html

from portfolio.project import Languages

INDEX = "search/search_index.json"


def split_search_index(site_dir: Path, languages: Languages) -> dict[str, int]:
    """Write one index per built language; returns the number of entries in each."""
    source = site_dir / INDEX
    data = json.loads(source.read_text(encoding="utf-8"))
    entries: dict[str, list[dict]] = {lang: [] for lang in languages.built}
    titles = {doc["location"]: doc["title"] for doc in data["docs"] if "#" not in doc["location"]}
    for doc in data["docs"]:
        if _left_empty(doc, titles):
            continue
        lang, location = _language_of(doc["location"], languages)
        entries[lang].append({**doc, "location": location})
    for lang, docs in entries.items():
        lunr = [lang] if lang in data["config"].get("lang", []) else ["en"]
        index = {**data, "config": {**data["config"], "lang": lunr}, "docs": docs}
        target = site_dir / languages.folder(lang) / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        target.write_text(text, encoding="utf-8")
    return {lang: len(docs) for lang, docs in entries.items()}


def searchable(content: str) -> str:
    """A page's HTML as the search plugin should read it: without the elements marked
    `data-search-exclude` (quizzes, answer keys, session plans, handouts, the workspace).
    Material's parser compares elements by tag name, so a <div> inside an excluded <div>
    ends the exclusion at its own end and what follows is indexed; removing the excluded
    elements first keeps all of their text out."""
    if "data-search-exclude" not in content:
        return content
    root = lxml_html.fragment_fromstring(content, create_parent="div")
    for element in root.xpath(".//*[@data-search-exclude]"):
        element.drop_tree()  # its tail (the text after it) stays
    inner = root.text or ""
    return inner + "".join(lxml_html.tostring(child, encoding="unicode") for child in root)


# Helpers ----------------------------------------------------------------------


def _left_empty(doc: dict, titles: dict[str, str]) -> bool:
    """A section whose heading and text were left out of search (data-search-exclude:
    quizzes, answer keys, session plans): Material keeps it with the page's title only."""
    page, _, anchor = doc["location"].partition("#")
    return bool(anchor) and not doc.get("text") and doc.get("title") == titles.get(page)


def _language_of(location: str, languages: Languages) -> tuple[str, str]:
    """The language of an index entry and its location relative to that language's root."""
    for lang in languages.built:
        folder = languages.folder(lang)
        if folder and location.startswith(folder):
            return lang, location[len(folder) :]
    return languages.default, location
