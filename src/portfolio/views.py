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
from portfolio.locale_facts import direction
from portfolio.locations import ASSESSMENT_PAGES
from portfolio.materials import material_view
from portfolio.models import Capsule, Curriculum, SelfAssessment, Text
from portfolio.question_types import kind_of

if TYPE_CHECKING:
    from portfolio.build_state import BuildState

Link = Callable[[str], "str | None"]


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
    """The organisation in one language (footer, covers, forms, certificate)."""
    if curriculum.organisation is None:
        return {}
    return localise(vars(curriculum.organisation), lang, curriculum.default_language)


def _no_pages(target: str) -> None:
    """Where there are no pages to link to (an LMS package)."""
    return None


class LanguageView:
    """The curriculum in one language, rendered with the project's partials (`env`).
    `link(target)` is a link from where the view is shown to a page (a path in the
    language folder): "" on that page itself, None where there are no pages."""

    def __init__(self, state: BuildState, lang: str, env: Environment, link: Link = _no_pages):
        self.state = state
        self.lang = lang
        self.env = env
        self.link = link
        self.ui = strings_for(state.interface, lang, state.languages.default)

    def localise(self, value: Any) -> Any:
        """Replace every Text in a record (recursively) by its string in this language."""
        return localise(value, self.lang, self.state.languages.default)

    def organisation(self) -> dict[str, Any]:
        return organisation_view(self.state.curriculum, self.lang)

    def render(self, template: str, **context: Any) -> Markup:
        """A partial, with the interface strings, the language and its direction."""
        return Markup(
            self.env.get_template(template).render(ui=self.ui, lang=self.lang, dir=direction(self.lang), **context)
        )

    def capsule_view(self, capsule: Capsule) -> dict[str, Any]:
        """A capsule with its labels, its activities' materials and its self-assessment."""
        view = self.localise(vars(capsule))
        view["mode_label"] = self.ui[f"mode-{capsule.mode}"]
        materials = self.state.curriculum.materials
        for activity in view["activities"]:
            activity["mode_label"] = self.ui[f"mode-{activity['mode']}"]
            activity["materials"] = [
                material_view(materials[m], capsule.id, self.localise, self.link)
                for m in activity["materials"]
                if m in materials
            ]
        assessment = self.state.curriculum.self_assessments.get(capsule.self_assessment or "")
        view["assessment"] = assessment and {
            "title": self.localise(assessment.title),
            "link": self.link(f"{ASSESSMENT_PAGES}/{assessment.id}.md") or None,
        }
        view["audience_labels"] = [self.ui[f"audience-{a}"] for a in capsule.audience]
        return view

    def quiz_form(self, quiz_id: str, in_lms: bool = False) -> Markup:
        """A quiz (one that exists) as a form: questions and options, feedback hidden
        until checked. On the site the best score is kept in the browser, which may
        refuse it (the form then says so); in an LMS package (`in_lms`) the LMS keeps it."""
        quiz = self.state.curriculum.quizzes[quiz_id]
        capsule_id = next((c.id for c in self.state.curriculum.capsules.values() if c.quiz == quiz_id), None)
        view = self.localise(quiz)
        for question, source in zip(view["questions"], quiz.questions, strict=True):
            question["partial"] = kind_of(source).partial
        return self.render("partials/quiz.html", quiz=view, capsule_id=capsule_id, in_lms=in_lms)

    def bands(self, assessment: SelfAssessment) -> list[dict[str, Any]]:
        """A self-assessment's bands in this language: each range, its heading as the
        language writes it ("20–29: On the right track.", the interface's `sa-band`) and
        its advice. The self-assessment shows them, My progress reads a result with them."""
        return [
            {
                "min": band.min,
                "max": band.max,
                "heading": self.ui["sa-band"]
                .replace("{min}", str(band.min))
                .replace("{max}", str(band.max))
                .replace("{label}", self.localise(band.label)),
                "advice": self.localise(band.advice),
            }
            for band in assessment.bands
        ]
