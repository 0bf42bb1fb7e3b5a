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
fork's German texts below (or a piece of one between its {placeholders}); Arabic by its
script. What the pages' scripts write (a quiz's verdict, My progress and its certificate,
the mentoring workspace) is checked the same way, on the pages as the scripts left them,
English and German driven alike.

The fork's PDFs and Word forms say the same to a screen reader: a PDF's structure tree
marks each text in another language than the document (`/Lang`, PDF/UA-1 7.2), a Word
form each run in another language than the form (`w:lang`). A text is known to be
English there when the English PDF or Word form shows it too."""

from __future__ import annotations

import datetime
import json
import re
import shutil
import zipfile
from pathlib import Path

import pikepdf
import pytest
import yaml
from lxml import etree
from lxml import html as lxml_html

from answering import answer_quiz
from conftest import SCREENS, copy_project, language_changes, project_state, read_aloud, served, squash, url
from portfolio.bench import add_languages
from portfolio.build_state import load_sources
from portfolio.forms import _make
from portfolio.models import DocumentPart, PrintDocument
from portfolio.pdf import build_document, load_nav
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
        # Written by scripts: my-progress.js, certificate.js, workspace.js.
        ("progress-not-passed",): "noch nicht bestanden",
        ("certificate-statement",): (
            "Diese Bescheinigung hält fest, dass {name} das Quiz jeder unten genannten Kapsel"
            " im Lernweg „{track}“ des Kurses „{course}“ bestanden hat."
        ),
        ("workspace-not-signed",): "noch nicht unterschrieben",
        ("workspace-signed",): "unterschrieben von {initials} am {date}",
    },
    "workspace.yml": {
        ("roles", 0, "label"): "Ehrenamtliche",  # volunteer
    },
}
# What the fork's Arabic lacks: a page, one activity of a translated capsule, and one
# question of a form with its first option.
ARABIC_MISSING_PAGE = "handbook/buddy-system/01-inform-stakeholders.md"
ARABIC_MISSING_TEXTS = {
    "capsules/inform-stakeholders.yml": [("activities", 1, key) for key in ("title", "description")],
    "forms/consent.yml": [("sections", 0, "fields", 1, "label"), ("sections", 0, "fields", 1, "options", 0)],
}
# A document of the fork, small, as the PDFs are built: a translated page, a page shown in
# English, the capsule summaries (one capsule's translated) and a capsule partly translated.
PRINTED_PAGES = ["index.md", ARABIC_MISSING_PAGE, None, "training/capsules/inform-stakeholders.md"]
PRINTED_FORM = "consent"  # partly translated into German, a question missing in Arabic
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
    found = _languages_of_texts(fork_site, "de", path, _is_german)
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


@pytest.fixture(scope="module")
def fork_prints(fork_site) -> dict[tuple[str, str], Path]:
    """The fork's small document (PRINTED_PAGES) as a PDF, and its form PRINTED_FORM as a
    PDF and a Word file, in English, German and Arabic, as its build writes them: by
    (kind, language), kind "document", "form.pdf" or "form.docx"."""
    project = fork_site.parent
    state = load_sources(project)
    model = state.curriculum.printing.documents[0]
    parts = [DocumentPart(page=page, capsule_summaries=page is None) for page in PRINTED_PAGES]
    document = PrintDocument("language-of-parts", model.title, model.subtitle, parts)
    made = {}
    for lang in ("en", "de", "ar"):
        made["document", lang] = build_document(fork_site, state, document, lang, load_nav(project)).path
        pdf, word = _make(state, PRINTED_FORM, lang, project / "forms")
        made["form.pdf", lang], made["form.docx", lang] = pdf.path, word.path
    return made


@pytest.mark.parametrize("kind", ["document", "form.pdf"])
def test_a_german_pdf_reads_its_english_texts_in_english(fork_prints, kind):
    """A screen reader reads the fork's German PDF in German (its catalog's /Lang) and
    each text still in English, which its structure tree marks, in English: a chapter
    not yet translated (its German notice in German), the cover's subtitle, a capsule's
    summary, the interface's texts the fork lacks, a form's questions."""
    found = _pdf_languages(fork_prints[kind, "en"], fork_prints[kind, "de"], "de", _is_german_line)
    assert found.unmarked_english == [], f"English text read with a German voice in the German {kind}"
    assert found.marked_translation == [], f"German text read with an English voice in the German {kind}"
    assert found.english and found.translated  # it holds both, or the test proves nothing


@pytest.mark.parametrize("kind", ["document", "form.pdf"])
def test_an_arabic_pdf_reads_its_english_texts_in_english(fork_prints, kind):
    found = _pdf_languages(fork_prints[kind, "en"], fork_prints[kind, "ar"], "ar", _is_arabic)
    assert found.unmarked_english == [], f"English text read with an Arabic voice in the Arabic {kind}"
    assert found.marked_translation == [], f"Arabic text read with an English voice in the Arabic {kind}"
    assert found.english and found.translated


def test_the_german_document_says_only_where_its_language_changes(fork_prints):
    """Each structure element that says its language says another than the one around
    it: English inside German, German again inside English (the notice of a chapter shown
    in English), never the language it is already read in."""
    with pikepdf.open(fork_prints["document", "de"]) as pdf:
        assert str(pdf.Root.Lang) == "de"
    changes = language_changes(fork_prints["document", "de"])
    assert ("de", "en") in changes and ("en", "de") in changes
    assert all(around != said for around, said in changes)


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_a_word_form_marks_its_english_texts_as_english(fork_prints, lang):
    """The fork's Word form is written in its language (its default run properties), and
    each run still in English says so (w:lang: Word checks its spelling, a screen reader
    reads it, in English) and, in Arabic, runs left to right; its own language's runs
    say nothing of their own."""
    english = squash("".join(text for text, _, _ in _word_runs(fork_prints["form.docx", "en"])))
    runs = _word_runs(fork_prints["form.docx", lang])
    translated = [(text, said, rtl) for text, said, rtl in runs if _is_german(text) or _is_arabic(text)]
    in_english = [(text, said, rtl) for text, said, rtl in runs if _is_language(text) and squash(text) in english]
    in_english = [run for run in in_english if run not in translated]
    assert translated and in_english
    assert [run for run in translated if run[1] is not None] == [], "its own language marked as another"
    assert [run for run in in_english if run[1] != "en-GB"] == [], "English read as the form's language"
    assert [run for run in in_english if run[2]] == [], "English laid out right to left"
    assert all(rtl == (lang == "ar") for _, _, rtl in translated)


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


@pytest.mark.browser
def test_what_my_progress_and_its_certificate_write_in_english_say_it_is_english(fork_site, browser):
    """my-progress.js fills in the results this browser kept, certificate.js the
    certificate: labels, titles, a band's heading and the date, from the page. On the
    German page those still in English say so (around a German title, not over it), and
    the fork's German (a status, the certificate's sentence) is not marked."""
    progress = _progress()

    def show_progress(page, address):
        page.add_init_script(f"localStorage.setItem({json.dumps(_PROGRESS_KEY)}, {json.dumps(json.dumps(progress))})")
        page.goto(address)
        page.check(".certificate__tracks input[value='professionals']")  # its first capsule's title is German
        page.fill("#certificate-name", "A. B.")

    found = _languages_as_scripts_wrote_them(fork_site, browser, "training/my-progress/", show_progress)
    assert found.unmarked_english == [], "English text a script wrote read with a German voice on My progress"
    assert found.marked_translation == [], "German text a script wrote read with an English voice on My progress"
    # What the scripts wrote is among what was checked, English and German both.
    written = {"yes", "10–19: Just starting out.", "Learning portfolio,", "1 December 2026", "Issued on"}
    assert written <= set(found.english)
    written = {"noch nicht bestanden", "Beteiligte informieren", "Diese Bescheinigung hält fest, dass"}
    assert written <= set(found.translated)


@pytest.mark.browser
def test_what_the_workspace_writes_in_english_says_it_is_english(fork_site, browser):
    """workspace.js writes a plan's header, its logs, signatures and its print from the
    interface strings and the labels of workspace.yml: on the German page those still in
    English say so, the fork's German (a role, a signature's sentence) is not marked."""

    def make_plan(page, address):
        page.goto(address)
        page.fill("#ws-code", "P-07")
        page.select_option("#ws-kind", "placement")
        page.select_option("#ws-role", "volunteer")
        page.click(".workspace__open button[type=submit]")
        page.wait_for_selector(".workspace__plan:not([hidden])")
        page.fill("#ws-session-date", "2026-11-30")
        page.fill("#ws-session-minutes", "90")
        page.click(".workspace__add-session button[type=submit]")
        page.fill("#ws-learning-date", "2026-11-30")
        page.select_option("#ws-learning-competence", "literacy")
        page.click(".workspace__add-learning button[type=submit]")
        goal = "Allein mit dem Bus fahren" if "/de/" in address else "Take the bus alone"  # as a person writes
        page.fill("#ws-agreement-goals", goal)  # an agreement to sign
        page.dispatch_event("#ws-agreement-goals", "change")
        page.fill("#ws-initials-agreement", "VA")
        page.click("[data-sign-off=agreement] .workspace__sign-button")
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # the plan as it prints

    found = _languages_as_scripts_wrote_them(fork_site, browser, "training/mentoring-workspace/", make_plan)
    assert found.unmarked_english == [], "English text a script wrote read with a German voice in the workspace"
    assert found.marked_translation == [], "German text a script wrote read with an English voice in the workspace"
    assert {"Your role:", "A volunteering placement", "90 minutes", "30 Nov 2026", "Written by:"} <= set(found.english)
    assert {"Ehrenamtliche", "noch nicht unterschrieben", "unterschrieben von"} <= set(found.translated)


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
    english_page, page = (_parse(site / folder / path / "index.html") for folder in ("", lang))
    return _languages_in(english_page, page, lang, is_translation)


def _languages_in(english_page, page, lang: str, is_translation) -> _Found:
    """Each text of `page`, in `lang`, that is English (`english_page`, the same page in
    English, shows it too) or a translation (`is_translation`), and how it is marked."""
    english = " ".join(text for text, element in _texts(english_page) if _language_at(element) == "en")
    found = _Found()
    for text, element in _texts(page):
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


def _pdf_languages(english_pdf: Path, pdf: Path, lang: str, is_translation) -> _Found:
    """Each text of `pdf`, in `lang`, that is English (`english_pdf`, the same PDF in
    English, shows it too) or a translation (`is_translation`), and the language a screen
    reader reads it in."""
    english = squash("".join(piece.text for piece in read_aloud(english_pdf)))
    found = _Found()
    for piece in read_aloud(pdf):
        text, where = " ".join(piece.text.split()), f"{piece.text!r} read in {piece.lang!r}"
        shown_in_english = _is_language(text) and squash(text) in english
        if is_translation(text) and shown_in_english:
            continue  # a word of both ("Partner"): either voice reads it right
        if is_translation(text):
            found.translated.append(text)
            if piece.lang != lang:
                found.marked_translation.append(where)
        elif shown_in_english:
            found.english.append(text)
            if piece.lang != "en":
                found.unmarked_english.append(where)
    return found


def _word_runs(path: Path) -> list[tuple[str, str | None, bool]]:
    """Each run of text of a Word document's body: its text, its own language (w:lang,
    None where it says none and is in the document's), and whether it runs right to left."""
    with zipfile.ZipFile(path) as word:
        body = etree.fromstring(word.read("word/document.xml"))
    runs = []
    for run in body.iter(_W + "r"):
        text = "".join(piece.text or "" for piece in run.iter(_W + "t"))
        if text.strip():
            said, rtl = run.find(f"{_W}rPr/{_W}lang"), run.find(f"{_W}rPr/{_W}rtl")
            right_to_left = rtl is not None and rtl.get(_W + "val", "true") not in ("0", "false")
            runs.append((text, None if said is None else said.get(_W + "val"), right_to_left))
    return runs


def _is_arabic(text: str) -> bool:
    return bool(_ARABIC.search(text))


def _is_german_line(text: str) -> bool:
    """Whether a text is one of the fork's German texts or a line of one, as a PDF breaks
    it (whole words: "Date" is not part of "Daten")."""
    pattern = re.compile(rf"(?<!\w){re.escape(text)}(?!\w)")
    return _is_language(text) and any(pattern.search(line) for line in _GERMAN_LINES)


def _is_german(text: str) -> bool:
    """Whether a text is one of the fork's German texts: a line of one (a list's item), or
    the piece of one a script writes between its {placeholders}."""
    return text in _GERMAN_LINES


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


def _progress() -> dict:
    """Progress kept in the browser for My progress: two capsules passed, one tried (its
    title is German), the initial self-assessment's lowest result (every statement rated
    1) with its band, and reflections. What the learner typed has no language the page
    knows: here it has no words to hear."""
    assessment = project_state().curriculum.self_assessments["initial-self-assessment"]
    ratings = {statement.id: 1 for statement in assessment.statements}
    band = next(band for band in assessment.bands if band.min <= len(ratings) <= band.max)
    result = {"score": len(ratings), "max": len(ratings) * len(assessment.scale), "ratings": ratings}
    return {
        "version": 1,
        "name": "",
        "capsules": {
            "initial-self-assessment": {"best": 100, "passed": True},
            "final-evaluation": {"best": 90, "passed": True},
            "inform-stakeholders": {"best": 40, "passed": False},
        },
        "selfAssessments": {assessment.id: {**result, "band": {"min": band.min, "max": band.max}}},
        "reflections": {"initial-self-assessment": {"text": "1, 2, 3"}, "inform-stakeholders": {"text": "4, 5"}},
    }


def _languages_as_scripts_wrote_them(site: Path, browser, path: str, drive) -> _Found:
    """The texts of the German page at `path` and how they are marked (_languages_in),
    once `drive` has used it, as the English page driven alike shows them."""
    english_page, page = (_as_scripts_wrote_it(site, browser, lang, path, drive) for lang in ("en", "de"))
    return _languages_in(english_page, page, "de", _is_german)


def _as_scripts_wrote_it(site: Path, browser, lang: str, path: str, drive):
    """The page at `path` in `lang`, served, once `drive(page, address)` has opened and
    used it, as its scripts left it (parsed). Each page has a browser of its own (nothing
    kept from the other language) and the same day, _TODAY."""
    context = browser.new_context(**SCREENS[1280])
    try:
        with served(site) as address:
            page = context.new_page()
            page.clock.set_fixed_time(_TODAY)
            drive(page, url(address, lang, path))
            return lxml_html.document_fromstring(page.content()).getroottree()
    finally:
        context.close()


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
# The fork's German texts as a page shows them: each line (a list's item), and each piece
# of a text between its {placeholders}, which a script writes around the values.
_GERMAN_LINES = {
    piece.strip()
    for text in [
        *(text for texts in GERMAN_TEXTS.values() for text in texts.values()),
        *(part for title, body in GERMAN_PAGES.values() for part in (title, body)),
    ]
    for line in text.splitlines()
    for piece in [line.removeprefix("- "), *re.split(r"\{\w+\}", line)]
    if piece.strip()
}
_PROGRESS_KEY = "good-tutoring-portfolio:progress"
_TODAY = datetime.datetime(2026, 12, 1, 10, 0)  # the day both pages are written on
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_WORD = re.compile(r"\b(?![A-Z]+\b)[^\W\d_]{3,}\b")  # not in capitals only: PDF, GIFT, SCORM
_NEUTRAL = re.compile(r"\S+@\S+|\S+://\S+|\bzip\b")  # addresses, a file format
_SITE_NAME = "Good Tutoring Portfolio"  # mkdocs.yml `site_name`; the German site has none of its own
