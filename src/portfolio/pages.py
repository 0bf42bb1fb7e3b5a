"""Macros that pages call (`{{ capsule_card("id") }}`), rendered from Jinja partials.

No HTML is written here: each macro builds a view (plain data in the page's
language) and renders a partial from `overrides/partials/`.
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Callable, Collection
from typing import Any

from jinja2 import Environment
from mkdocs.utils import get_relative_url

from portfolio import diagrams
from portfolio.adaptations import KNOWN as ADAPTATION_POINTS
from portfolio.build_state import BuildState
from portfolio.certificate import certificate_view
from portfolio.forms import file_sizes, form_view
from portfolio.locale_facts import Said, direction, hours_adding_up, hours_in_tenths, percent, time_of_day
from portfolio.locations import (
    ASSESSMENT_PAGES,
    CAPSULE_PAGES,
    FORM_PAGES,
    KIT_PARTS,
    MLANG,
    OFFLINE_ZIP,
    PILOT_COURSE_PAGE,
    PROGRESS_PAGE,
    TRACKS_PAGE,
    bank_file,
    form_file,
    handouts_pdf,
    kit_file,
    page_source,
    pdf_file,
    scorm_file,
)
from portfolio.materials import capsule_materials, handout_set
from portfolio.models import Capsule
from portfolio.problems import PageProblem, kit_fault, no_page_capsule, unknown_id
from portfolio.project import DOCS_DIR
from portfolio.question_types import kind_of
from portfolio.quiz_balance import chance_score
from portfolio.terminology import glossary_rows
from portfolio.views import LanguageView

# A pilot course's day (pilot_schedule), unless the page says otherwise: sessions from
# 9:00; lunch, for an hour, at the pause (between two sessions, or a session's own
# break) that comes closest to 12:30.
PILOT_START, PILOT_LUNCH, PILOT_LUNCH_MINUTES = "9:00", "12:30", 60


def _heading_id(part: str) -> re.Pattern:
    """A heading's id as Markdown gives it (`## Invitation { #invitation }`)."""
    return re.compile(r"^#{1,6} .*\{[^}]*#" + re.escape(part) + r"[\s}]", re.M)


def clock(minutes: int) -> str:
    """Minutes from the start of a session, as h:mm."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def learning_minutes_by_place(capsules: list[Capsule]) -> tuple[int, int]:
    """Learning minutes (breaks excluded) in the room, and elsewhere: at a distance, in
    self-study, and the work done before or after a face-to-face session."""
    present = sum(a.minutes for c in capsules for a in c.room_activities() if a.kind != "break")
    return present, sum(c.learning_minutes() for c in capsules) - present


def _pilot_hours(capsules: list[Capsule]) -> dict[str, float]:
    """A pilot course's learning hours in the room, in live video calls and alone, that add
    up as the course plans' do: the room's and the rest's first (hours_adding_up), then
    the rest's shared between the calls and the work alone."""
    present, elsewhere = learning_minutes_by_place(capsules)
    # The calls' learning minutes, counted as the room's are (learning_minutes_by_place): no break.
    live = sum(a.minutes for c in capsules if c.call_minutes() for a in c.session_activities() if a.kind != "break")
    present_hours, elsewhere_hours = hours_adding_up([present, elsewhere])
    live_hours, alone_hours = hours_adding_up([live, elsewhere - live], elsewhere_hours)
    return {"present_hours": present_hours, "live_hours": live_hours, "alone_hours": alone_hours, "live": live}


def room_minutes(capsule: Capsule) -> int:
    """A face-to-face capsule's time in the room, its breaks included."""
    return sum(a.minutes for a in capsule.room_activities())


def _time_of_day(name: str, value: object, what: str, example: str) -> int:
    """A macro's `name="h:mm"` argument as minutes after midnight."""
    found = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", str(value))
    if not found:
        raise PageProblem(
            "template-syntax",
            f'`pilot_schedule(…, {name}="{value}")` is not a time of day',
            f'write {what} as hours:minutes, e.g. {name}="{example}"',
        )
    return int(found[1]) * 60 + int(found[2])


def _day_parts(capsules: list[Capsule], opening: int, midday: int) -> list[dict[str, Any]]:
    """A face-to-face day in the order it runs: each capsule's session in the room whole
    (what is done before or after it is not room time), or in two parts around the lunch
    when the lunch takes the place of its own break. The lunch goes at the pause closest
    to `midday` (the earlier of two as close): the end of a session that another follows,
    or the start of a break inside a session. A day that ends by `midday`, or has no
    pause, has no lunch."""
    pauses: list[tuple[int, int, int | None]] = []  # (time, capsule index, break index or None)
    clock_at = opening
    for index, capsule in enumerate(capsules):
        offset, end = clock_at, clock_at + room_minutes(capsule)
        for number, activity in enumerate(capsule.room_activities()):
            if activity.kind == "break" and clock_at < offset and offset + activity.minutes < end:  # not at an edge
                pauses.append((offset, index, number))
            offset += activity.minutes
        clock_at = end
        if index < len(capsules) - 1:
            pauses.append((clock_at, index, None))
    whole = [{"capsule": c, "minutes": room_minutes(c), "continued": False} for c in capsules]
    if clock_at <= midday or not pauses:
        return whole
    _, index, number = min(pauses, key=lambda pause: (abs(pause[0] - midday), pause[0]))
    if number is None:
        return [*whole[: index + 1], {"lunch": True, "replaces_break": False}, *whole[index + 1 :]]
    room = capsules[index].room_activities()
    before = sum(a.minutes for a in room[:number])
    after = room_minutes(capsules[index]) - before - room[number].minutes
    capsule = capsules[index]
    return [
        *whole[:index],
        {"capsule": capsule, "minutes": before, "continued": False},
        {"lunch": True, "replaces_break": True},
        {"capsule": capsule, "minutes": after, "continued": True},
        *whole[index + 1 :],
    ]


class PageMacros(LanguageView):
    """The macros of one language build; `current_page` gives the page being rendered."""

    def __init__(self, state: BuildState, lang: str, env: Environment, current_page: Callable[[], Any]):
        super().__init__(state, lang, env, self._link_from_page, self._file_link)
        self.current_page = current_page

    def macros(self) -> dict[str, Callable[..., str]]:
        return {
            "capsule_card": self.capsule_card,
            "capsule_activities": self.capsule_activities,
            "capsule_tracks": self.capsule_tracks,
            "capsule_reading": self.capsule_reading,
            "quiz": self.quiz,
            "related_capsules": self.related_capsules,
            "step_cycle": self.step_cycle,
            "course_tracks": self.course_tracks,
            "self_assessment": self.self_assessment,
            "progress_tables": self.progress_tables,
            "mentoring_workspace": self.mentoring_workspace,
            "session_plans": self.session_plans,
            "handouts": self.handouts,
            "answer_keys": self.answer_keys,
            "observation_checklists": self.observation_checklists,
            "pilot_schedule": self.pilot_schedule,
            "pilot_calls": self.pilot_calls,
            "kit_file": self.kit_file,
            "course_plans": self.course_plans,
            "downloads": self.downloads,
            "reflection": self.reflection,
            "lms_downloads": self.lms_downloads,
            "adapt": self.adapt,
            "contacts": self.contacts,
            "translation_status": self.translation_status,
            "glossary_terms": self.glossary_terms,
            "form": self.form,
            "forms_list": self.forms_list,
        }

    def variables(self, extra: dict, untranslated: Collection[str] = ()) -> dict[str, Any]:
        """Per-language variables: config.extra as static-i18n set it, plus org, lang, ui.
        A text of `extra` that this language does not give (`untranslated`: the default
        language's stands in, `{{ tagline }}`) is written marked as being in that language
        (partials/said.html); `extra` itself holds the texts as they are."""
        default = self.state.languages.default
        said = self.env.get_template("partials/said.html").module.said
        own = {
            key: said(Said(value, default), self.lang) if key in untranslated and isinstance(value, str) else value
            for key, value in extra.items()
        }
        return {
            **own,
            "extra": dict(extra),
            "lang": self.lang,
            "ui": self.ui,
            "org": self.organisation(),
        }

    # Macros -------------------------------------------------------------------

    def capsule_card(self, capsule_id: str | None = None) -> str:
        """A capsule's summary card: duration, mode, audience, objectives, outcomes, link.
        Without an id, the capsule the page presents (front matter `capsule:`)."""
        capsule = self._capsule(capsule_id or self._page_capsule())
        return self.render(
            "partials/capsule-card.html", capsule=self.capsule_view(capsule), link=self._capsule_link(capsule.id)
        )

    def capsule_activities(self, capsule_id: str | None = None) -> str:
        """The activities of a capsule as a learner sees them (no trainer notes or trainer
        sheets; what a learner opens alone linked); without an id, the page's capsule's."""
        view = self.capsule_view(self._capsule(capsule_id or self._page_capsule()), learner=True)
        return self.render("partials/activities.html", activities=view["activities"], markdown=True)

    def capsule_reading(self, capsule_id: str | None = None) -> str:
        """The handbook chapters to read before a capsule's quiz, linked; without an id,
        the page's capsule's (nothing if it names no chapter)."""
        return self.reading_list(self._capsule(capsule_id or self._page_capsule()))

    def capsule_tracks(self, capsule_id: str | None = None) -> str:
        """Where the capsule stands in each track that takes it, and the capsule that comes
        next there (the menu lists the capsules in one order, not each track's); without an
        id, the page's capsule."""
        capsule = self._capsule(capsule_id or self._page_capsule())
        course = self.state.curriculum.course
        places = []
        for track in course.tracks if course else []:
            if capsule.id not in track.capsules:
                continue
            number = track.capsules.index(capsule.id) + 1
            after = self._capsule(track.capsules[number]) if number < len(track.capsules) else None
            places.append(
                {
                    "title": self.localise(track.title),
                    "link": f"{self._page_link(TRACKS_PAGE)}#track-{track.id}",
                    "number": number,
                    "total": len(track.capsules),
                    "next": after and {"title": self.localise(after.title), "link": self._capsule_link(after.id)},
                }
            )
        return self.render("partials/capsule-tracks.html", places=places, progress=self._page_link(PROGRESS_PAGE))

    def quiz(self, quiz_id: str | None = None) -> str:
        """A quiz as a form: questions and options, feedback hidden until checked; without
        an id, the quiz of the page's capsule (nothing if it has none)."""
        quizzes = self.state.curriculum.quizzes
        if quiz_id is None:
            quiz_id = self._capsule(self._page_capsule()).quiz
            if quiz_id is None:
                return ""
        if quiz_id not in quizzes:
            raise unknown_id("quiz", quiz_id, quizzes)
        return self.quiz_form(quiz_id)

    def self_assessment(self, assessment_id: str) -> str:
        """A self-assessment form: statements on a scale, and the bands that read the total."""
        assessments = self.state.curriculum.self_assessments
        if assessment_id not in assessments:
            raise unknown_id("self-assessment", assessment_id, assessments)
        assessment = assessments[assessment_id]
        return self.render("partials/self-assessment.html", sa=self.localise(assessment), bands=self.bands(assessment))

    def progress_tables(self) -> str:
        """The "My progress" tables: every capsule and self-assessment, filled in by the
        browser, which reads a self-assessment result with its bands in this language."""
        curriculum = self.state.curriculum
        capsules = [
            {"id": c.id, "title": self.localise(c.title), "link": self._page_link(f"{CAPSULE_PAGES}/{c.id}.md")}
            for c in self.state.curriculum.capsules_in_order()  # the course's order, as the learner takes them
        ]
        assessments = [
            {"id": a.id, "title": self.localise(a.title), "link": self._page_link(f"{ASSESSMENT_PAGES}/{a.id}.md")}
            for a in curriculum.self_assessments.values()
        ]
        # A self-assessment that repeats an earlier one's statements: both side by side.
        comparisons = [
            {
                "before": a.follows,
                "after": a.id,
                "before_title": self.localise(curriculum.self_assessments[a.follows].title),
                "after_title": self.localise(a.title),
                "statements": [{"id": st.id, "text": self.localise(st.text)} for st in a.statements],
            }
            for a in curriculum.self_assessments.values()
            if a.follows in curriculum.self_assessments
        ]
        # The learner's own version of the observation checklists, in the same order.
        checks = [
            {
                "id": c.id,
                "title": self.localise(c.title),
                "behaviours": [self.localise(o.behaviour) for o in sorted(c.observation, key=lambda o: o.objective)],
            }
            for c in self.state.curriculum.capsules_in_order()
            if c.observation
        ]
        return self.render(
            "partials/progress.html",
            capsules=capsules,
            assessments=assessments,
            comparisons=comparisons,
            checks=checks,
            bands={
                a.id: [{"min": b["min"], "max": b["max"], "heading": b["heading"]} for b in self.bands(a)]
                for a in curriculum.self_assessments.values()
            },
            certificate=certificate_view(self, self._file_link),
        )

    def mentoring_workspace(self) -> str:
        """The mentoring workspace: one plan per pairing or placement, kept in the browser
        (workspace.js), with the roles, stages, tasks and prompts of curriculum/workspace.yml."""
        from portfolio.workspace import WORKSPACE_FILE, page_href, workspace_view

        curriculum = self.state.curriculum
        if curriculum.workspace is None:
            raise PageProblem(
                "missing-file",
                f"the page shows the mentoring workspace, but curriculum/{WORKSPACE_FILE} is missing or cannot be read",
                "run `portfolio check`",
            )
        steps = {
            step.chapter: {"number": number, "title": self.localise(step.label)}
            for number, step in enumerate(curriculum.cycle.steps if curriculum.cycle else [], 1)
        }
        page = self.current_page()
        link = functools.partial(page_href, page)
        view = workspace_view(curriculum.workspace, self.localise, link, steps, curriculum.forms)
        return self.render("partials/workspace.html", ws=view)

    def adapt(self, point: str) -> str:
        """An adaptation point: the organisation's own text, or a notice that it is still to write."""
        if point not in ADAPTATION_POINTS:
            points = ", ".join(ADAPTATION_POINTS)
            raise PageProblem("unknown-adaptation", f"`{point}` is not an adaptation point", f"use one of: {points}")
        org = self.state.curriculum.organisation
        text = org.adaptations.get(point) if org else None
        return self.render(
            "partials/adaptation.html",
            point=point,
            label=self.ui[f"adapt-{point}"],
            text=self.localise(text) if text else "",
            org=self.organisation(),
        )

    def translation_status(self) -> str:
        """Every page and curriculum file, and how far each language has translated it."""
        from portfolio.translations import summary

        languages = self.state.languages
        statuses = self.state.translation_statuses
        states = {(s.path, s.lang): s.state for s in statuses}
        others = [lang for lang in languages.built if lang != languages.default]
        rows = [
            {"path": path, "states": [states[path, lang] for lang in others]}
            for path in sorted({s.path for s in statuses})
        ]
        shares = {lang: f"{share:.0f}" for lang, share in summary(statuses, languages).items()}
        names = [Said(languages.names[lang], lang) for lang in others]  # each name in its own language
        return self.render("partials/translation-status.html", rows=rows, names=names, others=others, shares=shares)

    def glossary_terms(self) -> str:
        """The key terms of curriculum/terminology.yml with their meaning, in this language."""
        rows = glossary_rows(self.state.terminology, self.lang, self.state.languages.default)
        return self.render("partials/glossary-terms.html", rows=rows)

    def form(self, form_id: str) -> str:
        """A form on its page: purpose, files to download, and its questions."""
        forms = self.state.curriculum.forms
        if form_id not in forms:
            raise unknown_id("form", form_id, forms)
        view = form_view(forms[form_id], self.lang, self.state.languages.default, self.ui, self.organisation())
        return self.render("partials/form.html", form=view, files=self._form_files(form_id))

    def forms_list(self) -> str:
        """Every form with what it is for, and its PDF and Word files with their sizes."""
        items = [
            {
                "title": self.localise(form.title),
                "purpose": self.localise(form.purpose),
                "link": self._page_link(f"{FORM_PAGES}/{form.id}.md"),
                "files": self._form_files(form.id),
            }
            for form in self.state.curriculum.forms.values()
        ]
        return self.render("partials/forms-list.html", forms=items)

    def _form_files(self, form_id: str) -> list[dict[str, Any]]:
        sizes = file_sizes(self.state.languages, self.lang, form_id)
        return [
            {
                "label": self.ui[f"form-{fmt}"],
                "href": self._file_link(self.state.languages.folder(self.lang) + form_file(form_id, self.lang, fmt)),
                "size": self.ui["form-size"].replace("{size}", str(max(1, round(size / 1024)))) if size else "",
            }
            for fmt, size in sizes.items()
        ]

    def contacts(self) -> str:
        """The organisation's channels and the contact people who gave their consent."""
        curriculum = self.state.curriculum
        ids = curriculum.organisation.contacts if curriculum.organisation else []
        people = [self.localise(vars(curriculum.people[i])) for i in ids if curriculum.people[i].consent.given]
        return self.render("partials/contacts.html", org=self.organisation(), people=people)

    def lms_downloads(self) -> str:
        """Links to this language's SCORM packages and question banks (written after the site)."""
        folder = self.state.languages.folder(self.lang)
        course = self.state.curriculum.course
        packages = [
            {
                "title": self.localise(t.title),
                "href": self._file_link(folder + scorm_file(t.id, self.lang)),
            }
            for t in (course.tracks if course else [])
        ]
        banks = {
            "gift": self._file_link(folder + bank_file(self.lang, "gift")),
            "xml": self._file_link(folder + bank_file(self.lang, "xml")),
            "multilingual": self._file_link(bank_file(MLANG, "gift")),
        }
        return self.render("partials/lms-downloads.html", packages=packages, banks=banks)

    def reflection(self) -> str:
        """The reflection field of the capsule this page presents (front matter `capsule:`)."""
        capsule = self._capsule(self._page_capsule())
        return self.render("partials/reflection.html", capsule_id=capsule.id)

    def downloads(self) -> str:
        """Links to this language's PDFs (written after the site is built)."""
        printing = self.state.curriculum.printing
        folder = self.state.languages.folder(self.lang)
        items = [
            {
                "title": self.localise(document.title),
                "subtitle": self.localise(document.subtitle),
                "href": self._file_link(f"{folder}{pdf_file(document.id, self.lang)}"),
            }
            for document in (printing.documents if printing else [])
        ]
        # The offline copy leaves its own download out (data-online-only, offline_copy.py).
        return self.render(
            "partials/downloads.html", documents=items, kit=self._kit_files(), offline=self._file_link(OFFLINE_ZIP)
        )

    # Trainer pages ------------------------------------------------------------

    def session_plans(self) -> str:
        """Every capsule's session plan: activities with start times, notes and materials.
        An activity done before or after the session (in the room, or in the video call)
        stays in its place, marked so, with no start time: the session's clock counts the
        session's time only, and the plan says it apart from the work alone."""
        capsules = []
        for capsule in self.state.curriculum.capsules_in_order():
            view = self.capsule_view(capsule)
            start = 0
            for activity, timing in zip(view["activities"], capsule.timings(), strict=True):
                activity["timing"] = timing
                if timing != "during":
                    activity["start"] = self.ui[f"timing-{timing}"]
                    continue
                activity["start"] = clock(start)
                start += activity["minutes"]
            view["end"] = clock(start)
            view["session_minutes"], view["alone_minutes"] = start, capsule.duration - start
            view["link"] = self._capsule_link(capsule.id)
            view["handouts"] = self._handouts_pdf(capsule)
            capsules.append(view)
        return self.render("partials/session-plans.html", capsules=capsules)

    def handouts(self) -> str:
        """Every capsule's handouts to print for participants, with the handbook pages and
        forms to print and the supplies to bring; the trainer's pack prints each capsule's
        section as its own PDF."""
        materials = self.state.curriculum.materials
        plan = self._page_link("trainers/session-plans.md")
        sets = []
        for capsule in self.state.curriculum.capsules_in_order():
            found = handout_set(capsule, materials, self.localise, self.link)
            if found:
                sets.append({**found, "pdf": self._handouts_pdf(capsule), "plan": plan})
        return self.render("partials/handouts.html", sets=sets)

    def _handouts_pdf(self, capsule: Capsule) -> str | None:
        """A link to the capsule's handouts PDF (cut from the trainer's pack), if it has handouts."""
        materials = self.state.curriculum.materials
        if not any(m.kind == "handout" for m in capsule_materials(capsule, materials)):
            return None
        folder = self.state.languages.folder(self.lang)
        return self._file_link(f"{folder}{handouts_pdf(capsule.id, self.lang)}")

    def answer_keys(self) -> str:
        """Every quiz's right answers, grouped by the capsule objective each question
        tests, with the score a learner answering at random would get on average."""
        items = []
        for capsule in self.state.curriculum.capsules_in_order():
            quiz = self.state.curriculum.quizzes.get(capsule.quiz or "")
            if quiz is None:
                continue
            numbers = {q.id: n for n, q in enumerate(quiz.questions, 1)}
            objectives = []
            for number in sorted({q.objective or 0 for q in quiz.questions}):
                tested = [q for q in quiz.questions if (q.objective or 0) == number]
                objectives.append(
                    {
                        "text": self.localise(capsule.objectives[number - 1])
                        if 0 < number <= len(capsule.objectives)
                        else self.ui["trainer-no-objective"],
                        "questions": [
                            {
                                "number": numbers[q.id],
                                "prompt": self.localise(q.prompt),
                                "answers": kind_of(q).answer_key(q, self.localise),
                            }
                            for q in tested
                        ],
                    }
                )
            items.append(
                {
                    "id": quiz.id,
                    "title": self.localise(capsule.title),
                    "pass_mark": percent(quiz.pass_mark, self.lang),
                    "chance": percent(round(chance_score(quiz)), self.lang),
                    "objectives": objectives,
                }
            )
        return self.render("partials/answer-keys.html", quizzes=items)

    def observation_checklists(self) -> str:
        """For each capsule with performance objectives, the behaviours a trainer watches
        for in role-plays, to tick "seen", "partly" or "not yet"."""
        capsules = [
            {
                "id": capsule.id,
                "title": self.localise(capsule.title),
                "link": self._capsule_link(capsule.id),
                "objectives": [
                    {
                        "text": self.localise(capsule.objectives[number - 1]),
                        "behaviours": [
                            self.localise(o.behaviour) for o in capsule.observation if o.objective == number
                        ],
                    }
                    for number in sorted({o.objective for o in capsule.observation})
                    if 0 < number <= len(capsule.objectives)
                ],
            }
            for capsule in self.state.curriculum.capsules_in_order()
            if capsule.observation
        ]
        return self.render("partials/observation-checklists.html", capsules=capsules)

    def course_plans(self) -> str:
        """Each track as a blended course: face-to-face and distance hours, and a timeline.
        Every figure is learning time (breaks not counted): the capsules' minutes add up
        to the hours said above them."""
        curriculum = self.state.curriculum
        rtl = direction(self.lang) == "rtl"
        tracks = []
        for track in curriculum.course.tracks if curriculum.course else []:
            capsules = [curriculum.capsules[c] for c in track.capsules if c in curriculum.capsules]
            present, distance = learning_minutes_by_place(capsules)
            view = self.localise(track)
            view["hours"] = hours_in_tenths(curriculum.track_minutes(track))
            view["present_hours"], view["distance_hours"] = hours_adding_up([present, distance])
            view["segments"] = diagrams.timeline([(c.learning_minutes(), c.mode) for c in capsules], rtl)
            view["capsules"] = [
                {**self.capsule_view(c), "learning_minutes": c.learning_minutes(), "link": self._capsule_link(c.id)}
                for c in capsules
            ]
            tracks.append(view)
        return self.render(
            "partials/course-plans.html",
            tracks=tracks,
            width=diagrams.TIMELINE_WIDTH,
            height=diagrams.TIMELINE_HEIGHT,
            bar=diagrams.TIMELINE_BAR,
        )

    def pilot_schedule(
        self,
        track_id: str,
        start: str = PILOT_START,
        lunch: str = PILOT_LUNCH,
        lunch_minutes: int = PILOT_LUNCH_MINUTES,
    ) -> str:
        """A pilot course built from a track: its face-to-face capsules over two days, its
        other capsules done at a distance before, between or after the days, in the
        track's order. Each day starts at `start`; its lunch (`lunch_minutes` long) takes
        the pause closest to `lunch`: between two sessions, or a session's own break,
        which the lunch then replaces (the session goes on after it). The work a session
        asks before or after it takes no room time: the day lists it apart. Times are
        given as h:mm and shown as the page's language writes them ("9 h", "9:00 ص")."""
        capsules, days, groups = self._pilot_plan(track_id)
        opening = _time_of_day("start", start, "the first session's time", "9:00")
        midday = _time_of_day("lunch", lunch, "the time lunch should start", "12:30")
        if not isinstance(lunch_minutes, int) or isinstance(lunch_minutes, bool) or not 0 < lunch_minutes <= 180:
            raise PageProblem(
                "template-syntax",
                f"`pilot_schedule(…, lunch_minutes={lunch_minutes!r})` is not a length of lunch",
                "write the lunch break's length in minutes, from 1 to 180, e.g. lunch_minutes=60",
            )
        views = []
        for capsules_of_day in days:
            clock_at, rows = opening, []
            for part in _day_parts(capsules_of_day, opening, midday):
                if part.get("lunch"):
                    rows.append({"time": self._time(clock_at), "lunch": True, "minutes": lunch_minutes, **part})
                    clock_at += lunch_minutes
                    continue
                capsule = part["capsule"]
                rows.append(
                    {
                        "time": self._time(clock_at),
                        "lunch": False,
                        "capsule": self.capsule_view(capsule),
                        "link": self._capsule_link(capsule.id),
                        "minutes": part["minutes"],
                        "continued": part["continued"],
                    }
                )
                clock_at += part["minutes"]
            outside = {when: self._outside_room(capsules_of_day, when) for when in ("before", "after")}
            views.append({"rows": rows, "end": self._time(clock_at), "outside": outside})
        remote_views = {
            key: [
                {"capsule": self.capsule_view(c), "link": self._capsule_link(c.id), "live": c.call_minutes()}
                for c in group
            ]
            for key, group in groups.items()
        }
        return self.render("partials/pilot-schedule.html", days=views, remote=remote_views, **_pilot_hours(capsules))

    def pilot_calls(self, track_id: str) -> str:
        """The live video calls a pilot course built from a track needs (pilot_schedule):
        for each capsule with activities at a distance, when it comes in the course, the
        activities of its call (the work alone in the middle of it marked so) and the
        call's length, and the total; computed from the activities' modes, so that the
        trainer books what the session plans run."""
        capsules, _, groups = self._pilot_plan(track_id)
        calls = [
            {
                "when": self.ui[f"pilot-{key}"],
                "capsule": self.localise(capsule.title),
                "link": self._page_link("trainers/session-plans.md"),
                "id": capsule.id,
                "activities": [
                    {"title": self.localise(a.title), "alone": a.mode != "distance"}
                    for a in capsule.session_activities()
                ],
                "minutes": capsule.call_minutes(),
            }
            for key, group in groups.items()
            for capsule in group
            if capsule.call_minutes()
        ]
        total = sum(call["minutes"] for call in calls)
        figures = _pilot_hours(capsules)
        # The calls' hours as the schedule says them, unless a call holds a break (booked, not learning time).
        hours = figures["live_hours"] if figures["live"] == total else hours_in_tenths(total)
        return self.render("partials/pilot-calls.html", calls=calls, total=total, total_hours=hours)

    def kit_file(self, part: str) -> str:
        """Under a part of the pilot course kit (the id of its heading), the line that links
        its Word version, which the build makes from this page after it (pilot_kit.py). A
        part the page does not hold, or a page other than the kit's, has no Word version."""
        page = self.current_page()
        fault = kit_fault(part, None if page is None else page_source(page.file.src_uri) == PILOT_COURSE_PAGE)
        if fault is not None:
            raise fault
        if page is not None and not _heading_id(part).search(page.markdown or ""):
            raise PageProblem(
                "kit-part",
                f'`kit_file("{part}")` links the Word version of a part the page does not hold',
                f"give the part's heading the id `{{ #{part} }}`, or remove this line with the part",
            )
        return self.render("partials/kit-file.html", file=self._kit_file(part))

    def _kit_file(self, part: str) -> dict[str, Any]:
        path = self.state.languages.folder(self.lang) + kit_file(part, self.lang)
        return {"part": part, "name": posixpath.basename(path), "href": self._file_link(path)}

    def _kit_files(self) -> list[dict[str, Any]]:
        """The kit's Word files in this language: the parts its page holds (the page in
        this language, or in the default language where it is not translated)."""
        docs = self.state.root / DOCS_DIR
        sources = [docs / lang / PILOT_COURSE_PAGE for lang in (self.lang, self.state.languages.default)]
        source = next((path for path in sources if path.is_file()), None)
        text = source.read_text(encoding="utf-8") if source else ""
        return [
            {**self._kit_file(part), "title": self.ui[f"kit-{part}"]}
            for part in KIT_PARTS
            if _heading_id(part).search(text)
        ]

    def _pilot_plan(self, track_id: str) -> tuple[list[Capsule], list[list[Capsule]], dict[str, list[Capsule]]]:
        """A pilot course built from a track: its capsules; its face-to-face capsules over
        two days, shared by their time in the room; and its other capsules before, between
        and after the days, in the track's order."""
        course = self.state.curriculum.course
        tracks = {t.id: t for t in (course.tracks if course else [])}
        if track_id not in tracks:
            raise unknown_id("track", track_id, tracks)
        capsules = [self._capsule(c) for c in tracks[track_id].capsules]
        present = [c for c in capsules if c.mode == "face-to-face"]
        half = sum(room_minutes(c) for c in present) / 2
        days: list[list[Capsule]] = [[], []]
        for capsule in present:
            days[0 if sum(room_minutes(c) for c in days[0]) + room_minutes(capsule) / 2 <= half else 1].append(capsule)
        first_day1 = capsules.index(days[0][0]) if days[0] else 0
        first_day2 = capsules.index(days[1][0]) if days[1] else len(capsules)
        remote = [c for c in capsules if c.mode != "face-to-face"]
        groups = {
            "before": [c for c in remote if capsules.index(c) < first_day1],
            "between": [c for c in remote if first_day1 < capsules.index(c) < first_day2],
            "after": [c for c in remote if capsules.index(c) > first_day2],
        }
        return capsules, days, groups

    def _outside_room(self, capsules: list[Capsule], when: str) -> list[dict[str, Any]]:
        """The activities of a day's sessions done `when` ("before", "after") the session,
        outside the room, each with its capsule."""
        return [
            {
                "capsule": self.localise(capsule.title),
                "link": self._capsule_link(capsule.id),
                "title": self.localise(activity.title),
                "mode_label": self.ui[f"mode-{activity.mode}"],
                "minutes": activity.minutes,
            }
            for capsule in capsules
            for activity, timing in zip(capsule.activities, capsule.timings(), strict=True)
            if timing == when
        ]

    def _time(self, minutes: int) -> str:
        """A time of day (minutes after midnight) as the page's language writes it."""
        return time_of_day(minutes, self.lang, self.ui["time-of-day"], self.ui["time-of-day-on-the-hour"])

    # Learner pages ------------------------------------------------------------

    def course_tracks(self) -> str:
        """Every track of the course: its capsules in order and its total learning time
        (breaks not counted), each capsule with its duration as its page says it (with the
        break it includes, which the total leaves out)."""
        curriculum = self.state.curriculum
        tracks = []
        for track in curriculum.course.tracks if curriculum.course else []:
            view = self.localise(track)
            view["hours"] = hours_in_tenths(curriculum.track_minutes(track))
            view["capsules"] = [
                {"capsule": self.capsule_view(self._capsule(c)), "link": self._capsule_link(c)} for c in track.capsules
            ]
            tracks.append(view)
        return self.render("partials/tracks.html", tracks=tracks)

    def step_cycle(self) -> str:
        """The buddy-system cycle as an SVG diagram, labels in the page's language."""
        steps = self.state.curriculum.cycle.steps if self.state.curriculum.cycle else []
        rtl = direction(self.lang) == "rtl"
        nodes = diagrams.cycle([self.localise(step.label) for step in steps], rtl)
        return self.render(
            "partials/step-cycle.html",
            nodes=nodes,
            rtl=rtl,
            width=diagrams.WIDTH,
            height=diagrams.HEIGHT,
            radius=diagrams.NODE_RADIUS,
        )

    def related_capsules(self) -> str:
        """Cards of the capsules named in the page's front matter `capsules:`."""
        ids = self.current_page().meta.get("capsules") or []
        capsules = [self.capsule_view(self._capsule(i)) for i in ids]
        links = [self._capsule_link(i) for i in ids]
        return self.render("partials/related-capsules.html", items=list(zip(capsules, links, strict=True)))

    # Helpers ------------------------------------------------------------------

    def _page_capsule(self) -> str:
        """The capsule the page presents: its front matter `capsule:` (a macro given no
        id shows that capsule's part; a page that names none is told so)."""
        capsule = str(self.current_page().meta.get("capsule") or "")
        if not capsule:
            raise no_page_capsule()
        return capsule

    def _capsule(self, capsule_id: str) -> Capsule:
        capsules = self.state.curriculum.capsules
        if capsule_id not in capsules:
            raise unknown_id("capsule", capsule_id, capsules)
        return capsules[capsule_id]

    def _capsule_link(self, capsule_id: str) -> str | None:
        """A Markdown link target from the current page to the capsule's page (none on that page)."""
        return self._page_link(f"{CAPSULE_PAGES}/{capsule_id}.md")

    def _file_link(self, path: str) -> str | None:
        """A link from the current page to a file of the site (a path from its top)."""
        page = self.current_page()
        return None if page is None else get_relative_url(path, page.url)

    def _page_link(self, target: str) -> str | None:
        """A Markdown link target from the current page to `target` (a path in the language
        folder); none on that page itself."""
        return self._link_from_page(target) or None

    def _link_from_page(self, target: str) -> str | None:
        """A link from the current page to `target`: "" on that page itself, None outside
        a page."""
        page = self.current_page()
        if page is None:
            return None
        page_path = page_source(page.file.src_uri)
        if page_path == target:
            return ""
        return posixpath.relpath(target, posixpath.dirname(page_path) or ".")
