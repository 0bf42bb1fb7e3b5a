"""WCAG 2.2, 3.1.2 Language of Parts, where a fork's language is only partly translated.

A fork adds German and translates it bit by bit: a few pages, a few curriculum texts, a
few interface strings; Arabic, complete in this project, lacks a page and an activity
in the fork. Everything not yet translated shows in English. A screen reader reads a
text with the voice of the language it is marked with: on a German page, every text
still in English must carry lang="en" (on itself or an element around it, below the
page's German root), and a translated text must not; inside Arabic, an English text
also keeps its own direction (dir="ltr").

A text is known to be English when the English page at the same address shows it
(outside what that page marks as another language); German when it is one of the
fork's German texts below; Arabic by its script."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from lxml import html as lxml_html

from answering import answer_quiz
from conftest import SCREENS, copy_project, project_state, served
from portfolio.bench import add_languages
from portfolio.sitebuild import build_site

# The fork's German: pages (their settings kept from the English page), then texts of
# curriculum files and interface strings, each by its place in the file.
GERMAN_PAGES = {
    "index.md": ("Handbuch für Patenschaften", "Dieses Handbuch hilft Vereinen, die Patenschaften begleiten."),
    "training/capsules/inform-stakeholders.md": (
        "Beteiligte informieren",
        "Ein Patensystem bringt Menschen zusammen, die selten Seite an Seite arbeiten.",
    ),
    "handbook/forms/consent.md": ("Einwilligungserklärung", ""),
}
GERMAN_TEXTS = {
    "capsules/inform-stakeholders.yml": {
        ("title",): "Beteiligte informieren",
        ("summary",): "Bevor jemand zugeordnet wird, erfahren alle Beteiligten, was das Patensystem ist.",
        ("objectives", 0): "Erklären, warum die Beteiligten vor der Suche nach Paten informiert werden.",
        ("objectives", 1): "Eine Karte der Beteiligten für die eigene Einrichtung zeichnen.",
        ("objectives", 2): "Eine Botschaft für Bewohner, Kolleginnen und Partner anpassen.",
        ("objectives", 3): "Regelmäßige Rückmeldungen planen, ohne unnötige Daten zu sammeln.",
        ("activities", 0, "title"): "Wen betrifft das Projekt?",
        ("activities", 0, "description"): "In einer Videokonferenz zeigt die Trainerin eine leere Karte.",
    },
    "quizzes/inform-stakeholders.yml": {
        ("title",): "Prüfen Sie sich: Beteiligte informieren",
        ("questions", 0, "scenario"): "Die Leiterin einer Unterkunft möchte nächste Woche Paten suchen.",
        ("questions", 0, "prompt"): "Was antworten Sie ihr?",
        ("questions", 0, "options", 0, "text"): "Zustimmen, denn das Team versteht es später besser.",
        ("questions", 0, "options", 0, "feedback"): "Nein. Kolleginnen fühlen sich übergangen.",
    },
    "forms/consent.yml": {
        ("title",): "Einwilligungserklärung",
        ("purpose",): "Die Koordinatorin liest dieses Formular beim Aufnahmegespräch gemeinsam mit der Person.",
        ("sections", 0, "title"): "Teilnahme",
        ("sections", 0, "intro"): "- Die Teilnahme ist freiwillig.\n- Ein Nein ändert nichts an Ihrer Unterkunft.",
    },
    "interface.yml": {
        ("fallback-title",): "Noch nicht übersetzt",
        ("fallback-notice",): "Diese Seite ist noch nicht übersetzt. Sie lesen die englische Fassung.",
        ("capsule-why",): "Warum es wichtig ist",
        ("capsule-quiz",): "Prüfen Sie sich",
        ("quiz-check",): "Antworten prüfen",
        ("form-field",): "Frage",
    },
}
# What the fork's Arabic lacks: a page, and one activity of a translated capsule.
ARABIC_MISSING_PAGE = "handbook/buddy-system/01-inform-stakeholders.md"
ARABIC_MISSING_TEXTS = {
    "capsules/inform-stakeholders.yml": [("activities", 1, key) for key in ("title", "description")]
}
# One page of each kind a reader meets, by its address in a language's folder.
PAGE_KINDS = {
    "handbook page shown in English": "handbook/buddy-system/01-inform-stakeholders/",
    "capsule with activities and a quiz partly translated": "training/capsules/inform-stakeholders/",
    "capsule page shown in English, its layout translated": "training/capsules/recruit-peers/",
    "form page partly translated": "handbook/forms/consent/",
    "home page": "",
}
# The kinds whose Arabic the fork lacks in part (ARABIC_MISSING_...).
ARABIC_KINDS = ["handbook page shown in English", "capsule with activities and a quiz partly translated"]


@pytest.fixture(scope="module")
def fork_site(tmp_path_factory) -> Path:
    """The project as a fork has it while translating German, built in English, German
    and Arabic (pages only)."""
    project = copy_project(tmp_path_factory.mktemp("partly-german") / "project")
    add_languages(project, ["de"])
    shutil.rmtree(project / "docs/de")  # add_languages copies every English page: this fork has three
    organisation = project / "curriculum/organisation.yml"
    text = organisation.read_text(encoding="utf-8")
    organisation.write_text(re.sub(r"^languages: \[.*\]", "languages: [en, de, ar]", text, flags=re.M), "utf-8")
    for page, (title, body) in GERMAN_PAGES.items():
        _translate_page(project, page, title, body)
    for file, texts in GERMAN_TEXTS.items():
        _edit_texts(project / "curriculum" / file, {keys: ("de", text) for keys, text in texts.items()})
    (project / "docs/ar" / ARABIC_MISSING_PAGE).unlink()
    for file, places in ARABIC_MISSING_TEXTS.items():
        _edit_texts(project / "curriculum" / file, {keys: ("ar", None) for keys in places})
    site = project / "site"
    build_site(project, site, pdfs=False, exports=False, report=lambda message: None)
    return site


@pytest.mark.parametrize("path", PAGE_KINDS.values(), ids=PAGE_KINDS.keys())
def test_english_text_on_a_german_page_says_it_is_english(fork_site, path):
    german = [text for texts in GERMAN_TEXTS.values() for text in texts.values()]
    german += [part for title, body in GERMAN_PAGES.values() for part in (title, body)]
    lines = {line.removeprefix("- ") for text in german for line in text.splitlines()}  # a list: its items
    found = _languages_of_texts(fork_site, "de", path, lambda text: text in lines)
    assert found.unmarked_english == [], f"English text read with a German voice on de/{path}"
    assert found.marked_translation == [], f"German text read with an English voice on de/{path}"
    assert found.english and found.translated  # the page kind holds both, or the test proves nothing


@pytest.mark.parametrize("kind", ARABIC_KINDS)
def test_english_text_inside_arabic_keeps_its_language_and_direction(fork_site, kind):
    path = PAGE_KINDS[kind]
    found = _languages_of_texts(fork_site, "ar", path, lambda text: bool(_ARABIC.search(text)))
    assert found.unmarked_english == [], f"English text read with an Arabic voice on ar/{path}"
    assert found.marked_translation == [], f"Arabic text read with an English voice on ar/{path}"
    assert found.wrong_direction == [], f"English text laid out right to left on ar/{path}"
    assert found.english and found.translated


def test_a_page_shown_in_english_says_so_in_german(fork_site):
    page = _parse(fork_site / "de" / PAGE_KINDS["handbook page shown in English"] / "index.html")
    assert page.getroot().get("lang") == "de"
    notice = page.find(".//aside[@class='admonition note portfolio-fallback']")
    assert _language_at(notice) == "de" and "Diese Seite ist noch nicht übersetzt." in notice.text_content()
    content = page.find(".//article[@class='md-content__inner md-typeset']/div")
    assert (content.get("lang"), content.get("dir")) == ("en", "ltr")


def test_the_german_search_reads_english_words_too(fork_site):
    """The German site finds its English pages: its index is read with German and English
    word rules (lunr's stemmers); the English site's with English ones only."""
    config = json.loads((fork_site / "de/search/search_index.json").read_text(encoding="utf-8"))["config"]
    assert config["lang"] == ["de", "en"]
    config = json.loads((fork_site / "search/search_index.json").read_text(encoding="utf-8"))["config"]
    assert config["lang"] == ["en"]


@pytest.mark.browser
def test_what_the_quiz_writes_in_english_says_it_is_english(fork_site, browser):
    """quiz.js writes the verdict and the score from the page's texts: those still in
    English say so, as the texts written at build time do."""
    quiz = project_state().curriculum.quizzes["inform-stakeholders"]
    context = browser.new_context(**SCREENS[1280])
    try:
        with served(fork_site) as address:
            page = context.new_page()
            page.goto(address + "de/" + PAGE_KINDS["capsule with activities and a quiz partly translated"])
            page.click(".quiz button[type=submit]")  # nothing answered: "Please answer every question first"
            assert page.get_attribute(".quiz__result > span", "lang") == "en"
            answer_quiz(page, quiz, right=False)
            page.click(".quiz button[type=submit]")
            verdicts = page.eval_on_selector_all(".quiz__verdict", "all => all.map(v => v.firstElementChild?.lang)")
            result = page.eval_on_selector_all(".quiz__result span[lang]", "all => all.map(s => [s.lang, s.dir])")
    finally:
        context.close()
    assert verdicts == ["en"] * len(quiz.questions)
    assert result and all(said == ["en", "ltr"] for said in result)


# Helpers ----------------------------------------------------------------------


class _Found:
    """The texts of a page, sorted by what they are and how they are marked."""

    def __init__(self) -> None:
        self.english: list[str] = []
        self.translated: list[str] = []
        self.unmarked_english: list[str] = []
        self.marked_translation: list[str] = []
        self.wrong_direction: list[str] = []


def _languages_of_texts(site: Path, lang: str, path: str, is_translation) -> _Found:
    """Each text of the page at `path` in `lang` that is English (shown by the English
    page too) or a translation (`is_translation`), and how it is marked."""
    shown = _texts(_parse(site / path / "index.html"))  # the English page
    english = " ".join(text for text, element in shown if _language_at(element) == "en")
    found = _Found()
    for text, element in _texts(_parse(site / lang / path / "index.html")):
        marked, where = _language_at(element), f"{text!r} in <{element.tag} class={element.get('class')!r}>"
        if is_translation(text):
            found.translated.append(text)
            if marked != lang:
                found.marked_translation.append(where)
        elif text in english and _is_language(text):
            found.english.append(text)
            if marked != "en":
                found.unmarked_english.append(where)
            elif _direction_at(element) != "ltr":
                found.wrong_direction.append(where)
    return found


def _is_language(text: str) -> bool:
    """Whether a text is in some language to a listener: it has a word of three letters or
    more, not counting numbers, file formats ("PDF", "zip"), addresses, and the site's
    name, a proper name (WCAG 3.1.2 exempts proper names and technical terms)."""
    return text != _SITE_NAME and bool(_WORD.search(_NEUTRAL.sub("", text)))


def _texts(page):
    """Every text of a page a reader meets (not the document's <title>, nor scripts),
    with the element it belongs to, its spaces as a reader hears them."""
    for element in page.getroot().iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style", "title"):
            continue
        pieces = [(element.text, element), *((child.tail, element) for child in element)]
        for text, owner in pieces:
            if text and text.strip():
                yield " ".join(text.split()), owner


def _language_at(element) -> str | None:
    marking = _marking(element)
    return None if marking is None else marking.get("lang")


def _direction_at(element) -> str | None:
    """The `dir` of the element that gives `element` its language."""
    marking = _marking(element)
    return None if marking is None else marking.get("dir")


def _marking(element):
    """The element that gives `element` its language: itself or its nearest ancestor with `lang`."""
    while element is not None and not element.get("lang"):
        element = element.getparent()
    return element


def _parse(path: Path):
    return lxml_html.parse(str(path))


def _translate_page(project: Path, page: str, title: str, body: str) -> None:
    """A German page: the English page's settings and macros, a German title and text."""
    english = (project / "docs/en" / page).read_text(encoding="utf-8")
    settings = re.match(r"---\n.*?\n---\n", english, re.S)
    macros = "\n\n".join(re.findall(r"^\{\{.*\}\}$", english, re.M))
    text = f"{settings.group(0) if settings else ''}\n# {title}\n\n{body}\n\n{macros}\n"
    (project / "docs/de" / page).parent.mkdir(parents=True, exist_ok=True)
    (project / "docs/de" / page).write_text(text, encoding="utf-8")


def _edit_texts(path: Path, edits: dict[tuple, tuple[str, str | None]]) -> None:
    """Set (or, with None, remove) one language's text at each place of a curriculum file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for keys, (lang, text) in edits.items():
        node = data
        for key in keys:
            node = node[key]
        if text is None:
            node.pop(lang)
        else:
            node[lang] = text
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


# Data -------------------------------------------------------------------------
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_WORD = re.compile(r"\b(?![A-Z]+\b)[^\W\d_]{3,}\b")  # not in capitals only: PDF, GIFT, SCORM
_NEUTRAL = re.compile(r"\S+@\S+|\S+://\S+|\bzip\b")  # addresses, a file format
_SITE_NAME = "Good Tutoring Portfolio"  # mkdocs.yml `site_name`; the German site has none of its own
