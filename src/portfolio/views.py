"""Curriculum records presented in one language: plain data for templates, pages,
PDFs and exports alike, and the partials rendered from it. Nothing here knows about
MkDocs: the page macros (pages.py) add what a page needs, the SCORM packages
(exports.py) use the same views where there is no page."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from jinja2 import Environment
from markupsafe import Markup

from portfolio.interface import strings_for
from portfolio.locale_facts import count_text, country_name, direction, said_like, text_parts
from portfolio.locations import ASSESSMENT_PAGES, handout_pdf, page_url
from portfolio.materials import alone, material_view
from portfolio.models import Band, Capsule, Curriculum, SelfAssessment, Text
from portfolio.question_types import kind_of

if TYPE_CHECKING:
    from portfolio.build_state import BuildState

Link = Callable[[str], "str | None"]


# What the organisation's view holds besides the fields of organisation.yml.
ORGANISATION_VIEW_FIELDS = ("country_name",)


def localise(value: Any, lang: str, default: str) -> Any:
    """Every Text in a record (recursively) replaced by its string in `lang`, or in the
    default language where the translation is missing."""
    if isinstance(value, Text):
        return value.get_text(lang, default)
    if isinstance(value, dict):
        return {k: localise(v, lang, default) for k, v in value.items()}
    if isinstance(value, list):
        return [localise(v, lang, default) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return localise(vars(value), lang, default)
    return value


def organisation_view(curriculum: Curriculum, lang: str) -> dict[str, Any]:
    """The organisation in one language (footer, covers, forms, certificate, pages): its short
    name is the full name where the language has none (an acronym readers do not know
    would tell them nothing), and `country_name` names its country in the language."""
    organisation = curriculum.organisation
    if organisation is None:
        return {}
    view = localise(vars(organisation), lang, curriculum.default_language)
    # A field the organisation leaves out reads as nothing: `{{ org.website }}` on a page
    # showed "None".
    view = {key: "" if value is None else value for key, value in view.items()}
    view["short_name"] = view["short_name"] or view["name"]
    view["country_name"] = country_name(organisation.country, lang)
    return view


def _no_pages(target: str) -> None:
    """Where there are no pages to link to (an LMS package)."""
    return None


def duration_text(capsule: Capsule, ui: dict[str, str], lang: str) -> str:
    """A capsule's duration as every page and document says it in `lang`: "165 minutes,
    including a break of 15 minutes" where it has a break (not learning time: the
    course's hours leave it out), else "75 minutes"; each number of minutes with the
    noun's plural form for it ("90 دقيقة، منها استراحة مدتها 10 دقائق")."""
    breaks = [a.minutes for a in capsule.activities if a.kind == "break"]
    minutes = count_text(ui["minutes-count"], capsule.duration, lang)
    if not breaks:
        return minutes
    said = ui["capsule-minutes-with-break"] if len(breaks) == 1 else ui["capsule-minutes-with-breaks"]
    made = said.replace("{minutes}", minutes).replace("{break}", count_text(ui["minutes-count"], sum(breaks), lang))
    return said_like(said, made)  # in the language of its sentence


class LanguageView:
    """The curriculum in one language, rendered with the project's partials (`env`).
    `link(target)` is a link from where the view is shown to a page (a path in the
    language folder): "" on that page itself, None where there are no pages;
    `file_link(path)` one to a file of the site (a path from its top), or None.
    With `new_tab`, the links lead out of where the view is shown (from an LMS package
    to the published site): the partials write them as HTML links that open a new tab."""

    def __init__(
        self,
        state: BuildState,
        lang: str,
        env: Environment,
        link: Link = _no_pages,
        file_link: Link = _no_pages,
        new_tab: bool = False,
    ):
        self.state = state
        self.lang = lang
        self.env = env
        self.link = link
        self.file_link = file_link
        self.new_tab = new_tab
        self.ui = strings_for(state.interface, lang, state.languages.default)

    def localise(self, value: Any) -> Any:
        """Replace every Text in a record (recursively) by its string in this language."""
        return localise(value, self.lang, self.state.languages.default)

    def organisation(self) -> dict[str, Any]:
        return organisation_view(self.state.curriculum, self.lang)

    def render(self, template: str, **context: Any) -> Markup:
        """A partial, with the interface strings, the language and its direction."""
        return Markup(
            self.env.get_template(template).render(
                ui=self.ui, lang=self.lang, dir=direction(self.lang), new_tab=self.new_tab, **context
            )
        )

    def capsule_view(self, capsule: Capsule, learner: bool = False) -> dict[str, Any]:
        """A capsule with its labels, its duration as said, its activities' materials and
        its self-assessment. For a `learner`, the materials leave out the trainer's sheets
        and link a handout to its own PDF where the learner works alone (materials.py)."""
        view = self.localise(vars(capsule))
        view["mode_label"] = self.ui[f"mode-{capsule.mode}"]
        view["duration_text"] = duration_text(capsule, self.ui, self.lang)
        materials = self.state.curriculum.materials
        for activity, source in zip(view["activities"], capsule.activities, strict=True):
            activity["mode_label"] = self.ui[f"mode-{activity['mode']}"]
            sheet = (self._handout_link if alone(source) else _no_pages) if learner else None
            activity["materials"] = [
                material_view(materials[m], capsule.id, self.localise, self.link, sheet)
                for m in source.materials
                if m in materials and not (learner and materials[m].kind == "trainer-sheet")
            ]
        assessment = self.state.curriculum.self_assessments.get(capsule.self_assessment or "")
        view["assessment"] = assessment and {
            "title": self.localise(assessment.title),
            "link": self.link(f"{ASSESSMENT_PAGES}/{assessment.id}.md") or None,
        }
        view["audience_labels"] = [self.ui[f"audience-{a}"] for a in capsule.audience]
        return view

    def reading(self, capsule: Capsule) -> list[dict[str, Any]]:
        """The handbook chapters a capsule relies on (its `chapters`), each with its title
        (chapter_titles), linked where there are pages."""
        return [{"title": title, "link": self.link(chapter)} for chapter, title in self.chapter_titles(capsule).items()]

    def chapter_titles(self, capsule: Capsule) -> dict[str, Any]:
        """Each of a capsule's chapters with the title the capsule's resources give it (or
        a material that prints it, or "A page of the handbook")."""
        pages = [m for m in self.state.curriculum.materials.values() if m.kind == "page" and m.page]
        titles = {m.page: self.localise(m.title) for m in pages}
        titles |= {r.chapter: self.localise(r.title) for r in reversed(capsule.resources) if r.chapter}
        return {chapter: titles.get(chapter, self.ui["capsule-handbook-page"]) for chapter in capsule.chapters}

    def reading_list(self, capsule: Capsule) -> Markup:
        """The chapters to read before the capsule's quiz, as the partial lists them
        (nothing if the capsule names none)."""
        reading = self.reading(capsule)
        return self.render("partials/reading.html", reading=reading) if reading else Markup("")

    def _handout_link(self, material_id: str) -> str | None:
        """A link to a handout's own PDF, in this language's folder."""
        return self.file_link(self.state.languages.folder(self.lang) + handout_pdf(material_id, self.lang))

    def quiz_form(self, quiz_id: str, in_lms: bool = False) -> Markup:
        """A quiz (one that exists) as a form: questions and options, feedback hidden
        until checked. On the site the best score is kept in the browser, which may
        refuse it (the form then says so); in an LMS package (`in_lms`) the LMS keeps it."""
        quiz = self.state.curriculum.quizzes[quiz_id]
        capsule = next((c for c in self.state.curriculum.capsules.values() if c.quiz == quiz_id), None)
        titles = self.chapter_titles(capsule) if capsule else {}
        folder = self.state.languages.folder(self.lang)
        view = self.localise(quiz)
        for question, source in zip(view["questions"], quiz.questions, strict=True):
            question["partial"] = kind_of(source).partial
            # The page to reread, linked as HTML (the form is not Markdown): its built page.
            page = source.reread if source.reread in titles else None
            question["reread"] = page and {"title": titles[page], "link": self.file_link(folder + page_url(page))}
        return self.render("partials/quiz.html", quiz=view, capsule_id=capsule and capsule.id, in_lms=in_lms)

    def bands(self, assessment: SelfAssessment) -> list[dict[str, Any]]:
        """A self-assessment's bands in this language: each range, its heading as the
        language writes it ("20–29: On the right track.", the interface's `sa-band`) and
        its advice. The self-assessment shows them, My progress reads a result with them."""
        return [self._band(band) for band in assessment.bands]

    def _band(self, band: Band) -> dict[str, Any]:
        """A band of a self-assessment, its heading also in pieces that each say their
        language (a label not yet translated in a translated heading: partials/said.html);
        the whole heading says the sentence's language where the label is in it too."""
        label = self.localise(band.label)
        pieces = text_parts(self.ui["sa-band"], min=str(band.min), max=str(band.max), label=label)
        return {
            "min": band.min,
            "max": band.max,
            "heading": said_like(self.ui["sa-band"], "".join(pieces), label),
            "heading_parts": pieces,
            "advice": self.localise(band.advice),
        }
