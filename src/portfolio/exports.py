"""LMS exports from the one curriculum source: SCORM 1.2 packages (one per track and
language), Moodle question banks in GIFT (per language, and one multilingual with
{mlang} blocks) and in Moodle XML (per language). Written into the built site under
`<language folder>/lms/`, so trainers download them from the "Use it in your LMS" page.
"""

from __future__ import annotations

import html
import io
import re
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup

from portfolio import __version__, output_cache
from portfolio.build_state import BuildState
from portfolio.interface import strings_for
from portfolio.locale_facts import direction
from portfolio.locations import LMS_FOLDER, MLANG, bank_file, page_url, scorm_file
from portfolio.models import Capsule, Question, Text
from portfolio.project import CONFIG_FILE, CURRICULUM_DIR, published_address
from portfolio.publish import replace_folder
from portfolio.question_types import kind_of
from portfolio.reproducible import source_epoch, zip_entry
from portfolio.templating import partials_environment, template_environment
from portfolio.views import LanguageView

LMS_TEMPLATES = "templates/lms"
# The longest name Moodle keeps (the `name` of its question and question_categories
# tables, varchar(255): characters, not bytes); its importers do not shorten a category's.
NAME_LIMIT = 255
# Files every SCO shares: the site's own shared, progress and quiz scripts (sco.html loads
# them in this order), and the SCORM ones.
SHARED = {
    "common.js": "docs/assets/javascripts/common.js",
    "progress.js": "docs/assets/javascripts/progress.js",
    "quiz.js": "docs/assets/javascripts/quiz.js",
    "sco.js": f"{LMS_TEMPLATES}/sco.js",
    "sco.css": f"{LMS_TEMPLATES}/sco.css",
}


@dataclass
class Export:
    path: Path
    questions: int = 0
    reused: bool = False  # taken from the output cache


def export_all(state: BuildState, site_dir: Path, report=print) -> list[Export]:
    """Every export for every built language, into the site. Each language's files (and
    the multilingual bank) come from the output cache when nothing they are made from
    has changed, as after an edit of a handbook page."""
    env = _lms_environment(state.root)
    made_from = _inputs(state.root)
    written: list[Export] = []
    for lang in state.languages.built:
        folder = site_dir / state.languages.folder(lang)
        (folder / LMS_FOLDER).mkdir(parents=True, exist_ok=True)

        def make(lang: str = lang, folder: Path = folder) -> list[Export]:
            view = _package_view(state, lang)
            exports = []
            for track in state.curriculum.course.tracks if state.curriculum.course else []:
                report(f"SCORM {lang}: {track.id} ...")
                exports.append(_scorm(state, view, env, track, folder / scorm_file(track.id, lang)))
            exports.append(_bank(state, env, "questions.gift", folder / bank_file(lang, "gift"), lang))
            exports.append(_bank(state, env, "questions.xml", folder / bank_file(lang, "xml"), lang))
            return exports

        written += _cached(state, made_from, lang, folder / bank_file(lang, "xml"), make, report)
    multilingual = site_dir / bank_file(MLANG, "gift")
    written += _cached(
        state, made_from, MLANG, multilingual, lambda: [_bank(state, env, "questions.gift", multilingual, None)], report
    )
    report(f"LMS exports: {len(written)} files")
    return written


def _cached(state: BuildState, made_from: bytes, lang: str, target: Path, make, report) -> list[Export]:
    """The exports `make()` writes beside `target` (one of them), or the same files from
    the output cache."""

    def made() -> dict:
        exports = make()
        return {
            "also": [e.path.name for e in exports if e.path != target],
            "exports": [[e.path.name, e.questions] for e in exports],
        }

    facts, reused = output_cache.cached(state.root, ["lms", lang, made_from], target, made)
    if reused:
        report(f"LMS {lang}: unchanged (from the cache)")
    return [Export(target.parent / name, questions, reused) for name, questions in facts["exports"]]


def _inputs(root: Path) -> bytes:
    """What the exports are made from: the sources, the LMS templates, the partials, the
    scripts the packages carry and the code (all of it: a change anywhere makes them anew)."""
    parts = [
        root / CONFIG_FILE,
        root / CURRICULUM_DIR,
        root / LMS_TEMPLATES,
        root / "overrides",
        *(root / source for source in SHARED.values()),
        Path(__file__).parent,
    ]
    return output_cache.files(output_cache.files_under(parts))


def replace_exports(state: BuildState, site_dir: Path, report=print) -> list[Export]:
    """Write the exports for an already built site: beside it first, then each language's
    `lms/` folder is swapped in whole, so that a failure leaves the previous files."""
    with tempfile.TemporaryDirectory(prefix=".lms.partial-", dir=site_dir) as tmp:
        written = export_all(state, Path(tmp), report)
        for folder in sorted(Path(tmp).rglob(LMS_FOLDER)):
            replace_folder(folder, site_dir / folder.relative_to(tmp))
    return [Export(site_dir / e.path.relative_to(tmp), e.questions) for e in written]


# SCORM ------------------------------------------------------------------------


def _scorm(state: BuildState, view: LanguageView, env: Environment, track, target: Path) -> Export:
    curriculum = state.curriculum
    capsules = [curriculum.capsules[c] for c in track.capsules if c in curriculum.capsules]
    manifest = env.get_template("imsmanifest.xml").render(
        track={"id": track.id, "title": view.localise(track.title)},
        lang=view.lang,
        version=__version__,
        capsules=[
            {
                "id": c.id,
                "title": view.localise(c.title),
                "pass_mark": curriculum.quizzes[c.quiz].pass_mark if c.quiz else 0,
            }
            for c in capsules
        ],
        shared=list(SHARED),
    )
    buffer = io.BytesIO()
    epoch = source_epoch(state.root)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        zip_entry(package, "imsmanifest.xml", manifest.encode("utf-8"), epoch)
        for name, source in SHARED.items():
            zip_entry(package, f"shared/{name}", (state.root / source).read_bytes(), epoch)
        for capsule in capsules:
            zip_entry(package, f"{capsule.id}/index.html", _sco_page(view, env, capsule).encode("utf-8"), epoch)
    target.write_bytes(buffer.getvalue())
    return Export(target)


def _package_view(state: BuildState, lang: str) -> LanguageView:
    """The curriculum in one language as a SCORM package shows it: its links lead to the
    published site (site_url of mkdocs.yml), in the package's language, in a new tab, so
    that the lesson stays open in the LMS; without a site_url, nothing is linked."""
    env = partials_environment(state.root / "overrides", state.root)
    top = published_address(state.root)
    if not top:
        return LanguageView(state, lang, env)
    folder = top + state.languages.folder(lang)
    return LanguageView(
        state, lang, env, lambda target: folder + page_url(target), lambda path: top + path, new_tab=True
    )


def _sco_page(view: LanguageView, env: Environment, capsule: Capsule) -> str:
    """A capsule's page in its SCORM package: the capsule, its activities, the chapters
    to read and its quiz."""
    capsule_view = view.capsule_view(capsule, learner=True)
    quiz = view.quiz_form(capsule.quiz, in_lms=True) if capsule.quiz in view.state.curriculum.quizzes else ""
    activities = view.render("partials/activities.html", activities=capsule_view["activities"], markdown=False)
    return env.get_template("sco.html").render(
        lang=view.lang,
        dir=direction(view.lang),
        ui=view.ui,
        capsule=capsule_view,
        activities=activities,
        reading=view.reading_list(capsule),
        quiz=quiz,
        org=view.organisation(),
    )


# Question banks ----------------------------------------------------------------


def _bank(state: BuildState, env: Environment, template: str, target: Path, lang: str | None) -> Export:
    """A question bank in one language, or in all (lang None: Moodle {mlang} blocks)."""
    curriculum = state.curriculum
    languages = state.languages

    def text(value: Text) -> str:
        if lang is not None:
            return value.get_text(lang, languages.default)
        return "".join(
            f"{{mlang {code}}}{value.get_text(code, languages.default)}{{mlang}}" for code in languages.built
        )

    name = _namer(state, lang)
    codes = [lang] if lang is not None else list(languages.built)
    reread = _rereader(state, codes)
    questions_named = {
        code: strings_for(state.interface, code, languages.default)["lms-question-name"] for code in codes
    }
    gift = template.endswith(".gift")
    quizzed = [c for c in curriculum.capsules_in_order() if c.quiz in curriculum.quizzes]
    categories, left_out = [], 0
    for place, capsule in enumerate(quizzed, 1):
        quiz = curriculum.quizzes[capsule.quiz or ""]
        count = len(quiz.questions)
        questions = []
        for n, q in enumerate(quiz.questions, 1):
            found = _question(q, text, name(capsule.title, _around(questions_named, _padded(n, count))))
            # Moodle's general feedback, shown after each attempt: the explanation of a
            # matching or ordering question, then the page to reread.
            page = text(reread(capsule, q.reread)) if q.reread in capsule.chapters else ""
            found["general"] = [part for part in (found.get("feedback", ""), page) if part]
            questions.append(found)
        kept = [q for q in questions if q["gift"] or not gift]
        left_out += len(questions) - len(kept)
        # Moodle lists categories by name: the capsule's place in the course comes first.
        number = f"{_padded(place, len(quizzed))} "
        categories.append({"title": name(capsule.title, {code: (number, "") for code in codes}), "questions": kept})
    count = sum(len(c["questions"]) for c in categories)
    course = (
        name(curriculum.course.title, {code: ("", "") for code in codes})
        if curriculum.course
        else "Good Tutoring Portfolio"
    )
    label = languages.names.get(lang, lang) if lang else ", ".join(languages.built)
    org = curriculum.organisation
    organisation = text(org.name) if org else ""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        env.get_template(template).render(
            categories=categories,
            count=count,
            course=course,
            label=label,
            organisation=organisation,
            left_out=left_out,
        ),
        encoding="utf-8",
    )
    return Export(target, count)


def _namer(state: BuildState, lang: str | None):
    """A function that writes a name of Moodle's question bank (a category's, a
    question's) from a Text and what goes before and after it in each language: in the
    bank's language, or in every language ({mlang} blocks), within the NAME_LIMIT
    characters Moodle keeps of a name; a text too long for that is shortened (with "…"),
    never what is around it."""
    languages = state.languages
    codes = [lang] if lang is not None else list(languages.built)
    tags = 0 if lang is not None else sum(len(f"{{mlang {code}}}{{mlang}}") for code in codes)

    def name(title: Text, around: dict[str, tuple[str, str]]) -> str:
        titles = {code: title.get_text(code, languages.default) for code in codes}
        names = _names_within(around, titles, NAME_LIMIT - tags)
        if lang is not None:
            return names[lang]
        return "".join(f"{{mlang {code}}}{names[code]}{{mlang}}" for code in codes)

    return name


def _rereader(state: BuildState, codes: list[str]):
    """A function that says, in each of `codes`, a question's page to reread (one of its
    capsule's chapters) as the quiz does on the site, with the page's published address
    (Moodle makes an address a link; the packages' views link there): a bank's question
    shows it in its general feedback."""
    views = {code: _package_view(state, code) for code in codes}

    def reread(capsule: Capsule, chapter: str) -> Text:
        said = {}
        for code, view in views.items():
            link = view.link(chapter)  # None without site_url
            address = f" ({link})" if link else ""
            title = view.chapter_titles(capsule)[chapter]
            said[code] = f"{view.ui['quiz-reread']}{view.ui['colon']} {title}{address}"
        return Text(said)

    return reread


def _around(patterns: dict[str, str], number: str) -> dict[str, tuple[str, str]]:
    """What goes before and after the capsule's title in each language's pattern
    ("{capsule}, question {number}"), with the number written in."""
    parts = {code: pattern.replace("{number}", number).partition("{capsule}") for code, pattern in patterns.items()}
    return {code: (before, after) for code, (before, _, after) in parts.items()}


def _padded(number: int, count: int) -> str:
    """A number as wide as the largest (01 to 12): sorted by name, they keep their order."""
    return f"{number:0{len(str(count))}d}"


def _question(question: Question, text, name: str) -> dict:
    kind = kind_of(question)
    return {
        "id": question.id,  # Moodle's ID number: the same question in every language and export
        "name": name,
        "type": question.type,
        "partial": kind.partial,
        "gift": kind.gift,
        "prompt": text(question.prompt),
        "scenario": text(question.scenario) if question.scenario else "",
        **kind.bank_view(question, text),
    }


# Helpers ----------------------------------------------------------------------


def _names_within(around: dict[str, tuple[str, str]], titles: dict[str, str], limit: int) -> dict[str, str]:
    """A name in each language, its title between what goes `around` it in that language,
    all of them together in `limit` characters (Moodle counts characters, not bytes):
    where they would pass it, the longest titles are cut short (with "…") to one length,
    so each language keeps its fair share; never what is around them (the numbers)."""
    titles = {code: one_line(title) for code, title in titles.items()}
    fixed = sum(len(before) + len(after) for before, after in (around[code] for code in titles))
    longest = max((len(title) for title in titles.values()), default=0)
    while longest > 1 and fixed + sum(min(len(title), longest) for title in titles.values()) > limit:
        longest -= 1
    return {
        code: around[code][0]
        + (title if len(title) <= longest else title[: longest - 1].rstrip() + "…")
        + around[code][1]
        for code, title in titles.items()
    }


def _lms_environment(root: Path) -> Environment:
    return template_environment(
        root / LMS_TEMPLATES,
        {
            "gift": gift_escape,
            "gift_plain": lambda text: gift_escape(text, markup=False),
            "category": category_name,
            "html": html.escape,
            "comment": comment_text,
        },
    )


def one_line(text: str) -> str:
    """Text on one line: each run of spaces, tabs and line breaks made one space, and none
    at either end. No-break spaces stay (French writes one before a colon): Moodle keeps
    them, and Python's split() would take them for spaces."""
    return _BREAKING_SPACE.sub(" ", str(text)).strip(" ")


def comment_text(text: str) -> Markup:
    """Text safe inside a one-line comment (GIFT `//`, XML `<!-- -->`): one line, no `--`.
    Not escaped as XML (`&#39;` for an apostrophe): a comment's text is read as it is."""
    single = one_line(text)
    while "--" in single:
        single = single.replace("--", "- -")
    return Markup(single)


def category_name(text: str) -> str:
    """A category name in a path `$course$/top/<course>/<capsule>`, as both Moodle formats
    write it: on one line, with `/` doubled as in Moodle's own exports (a single `/`
    separates categories, and its importer splits GIFT and XML paths alike). On a GIFT
    `$CATEGORY:` line it is written as it is: Moodle reads that line before it decodes
    GIFT's escapes."""
    return one_line(text).replace("/", "//")


def gift_escape(text: str, markup: bool = True) -> str:
    """Text safe inside a GIFT question: HTML-escaped where GIFT reads HTML ([html]
    format; `markup=False` for plain text such as a match), then the characters GIFT
    reserves escaped with a backslash, and no blank line."""
    escaped = one_line(text)
    if markup:
        escaped = html.escape(escaped, quote=False)
    for char in "\\~=#{}:":  # the backslash first, so that escapes are not escaped again
        escaped = escaped.replace(char, "\\" + char)
    return escaped


# Data -------------------------------------------------------------------------

# Whitespace that breaks a line, which one_line() folds: all but the no-break spaces.
_BREAKING_SPACE = re.compile(r"[^\S\u00a0\u2007\u202f]+")
