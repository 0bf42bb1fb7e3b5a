"""The curriculum's data model: one dataclass per kind of YAML record.

These classes are the single source of truth for the structure of curriculum
files: `convert` validates YAML against them, `schema` derives JSON Schemas from
them. A field with a default is optional; `Text` is a text in several languages.
"""

from __future__ import annotations

import dataclasses
import typing
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from portfolio.locale_facts import PLURAL_CATEGORIES, Said, direction


class Text(dict):
    """A text in several languages, written in YAML as `{en: ..., fr: ..., ar: ...}`."""

    def get_text(self, lang: str, default: str) -> str:
        """The text in `lang`, or in the default language when it is missing; either way
        it says which language it is in (a Said, or plural forms with their `lang`)."""
        written_in = lang if self.get(lang) else default
        return _in_language(self[written_in], written_in)

    def has(self, lang: str) -> bool:
        return bool(self.get(lang))


class PartialText(Text):
    """A text that only the languages whose readers know it have (an acronym known in one
    language, none in another): a language without it lacks no translation, and no other
    language's text stands in for it."""

    def get_text(self, lang: str, default: str) -> str:
        """The text in `lang`, or '' where that language has none."""
        return _in_language(self[lang], lang) if self.get(lang) else ""


class Plural(dict):
    """An interface text that says a number of things, in one language: its form for each
    plural category the language uses, written in YAML as
    `{one: "{count} minute", other: "{count} minutes"}`. Only curriculum/interface.yml has
    them; `locale_facts.count_text` (and countText in common.js) picks the form for a number.
    As Text.get_text gives them, they say their language (`lang`, `dir`): the number said is too."""

    lang: str = ""

    @property
    def dir(self) -> str:
        return direction(self.lang) if self.lang else ""


def _in_language(text: str | Plural, lang: str) -> Said | Plural:
    """A text of a Text as it is given out: saying the language it is written in (the
    forms of a Plural are copied, the table's own are one language's for every page)."""
    if isinstance(text, Plural):
        forms = Plural(text)
        forms.lang = lang
        return forms
    return Said(text, lang)


# CLDR's names of plural categories (locale_facts.PLURAL_CATEGORIES); each language uses
# some of them, `other` always (locale_facts.plural_categories).
PluralCategory = Literal[PLURAL_CATEGORIES]


@dataclass(frozen=True)
class Ref:
    """Marks a string that names another record: a capsule, a quiz or a chapter."""

    kind: str


def is_required(spec: dataclasses.Field) -> bool:
    """A field without a default must be written in the YAML."""
    return spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING


def non_null(tp: Any) -> Any:
    """The type inside `X | None`."""
    return next(a for a in typing.get_args(tp) if a is not type(None))


# Vocabularies -----------------------------------------------------------------
Audience = Literal["professional", "volunteer", "peer-helper"]
Mode = Literal["face-to-face", "distance", "self-study"]
ActivityKind = Literal["activity", "debrief", "break"]
# When an activity of a face-to-face capsule happens (Capsule.timings): before the session,
# in the room, or after it. Not written in the YAML: computed from the activities' modes.
Timing = Literal["before", "during", "after"]
Delivery = Literal["face-to-face", "distance", "blended"]
QuestionType = Literal["single", "multiple", "true-false", "matching", "ordering"]
Role = Literal["coordinator", "professional", "volunteer-mentor", "peer-helper", "newcomer", "partner"]

CapsuleId = Annotated[str, Ref("capsule")]
QuizId = Annotated[str, Ref("quiz")]
SelfAssessmentId = Annotated[str, Ref("self-assessment")]
ChapterPath = Annotated[str, Ref("chapter")]
MaterialId = Annotated[str, Ref("material")]
FormId = Annotated[str, Ref("form")]
# What a material is: a handout written in its file and printed with its capsule's
# handouts, a sheet only the trainer uses (an answer key, statements to read out: in the
# trainer's pack, not in the participants' handouts), a supply the trainer brings, a page
# of the handbook, or a form of the project.
MaterialKind = Literal["handout", "trainer-sheet", "supply", "page", "form"]


# Quizzes ----------------------------------------------------------------------
@dataclass
class Option:
    text: Text
    feedback: Text
    correct: bool = False


@dataclass
class Pair:
    """One pair of a matching question: an item and the match that belongs to it."""

    item: Text
    match: Text


@dataclass
class Question:
    """A quiz question. What it holds depends on its type (see `portfolio.question_types`):
    choice questions have `options`, matching questions `pairs` (and `extra_matches`, which
    go with no item), ordering questions `items` in the right order; matching and ordering
    questions explain the answer in `feedback`."""

    id: str
    type: QuestionType
    prompt: Text
    objective: int | None = None  # the capsule objective it tests, counted from 1
    scenario: Text | None = None
    options: list[Option] = field(default_factory=list)
    pairs: list[Pair] = field(default_factory=list)
    # Matches that belong to no item, listed among the others: a learner who knows every
    # pair but one cannot find the last by elimination.
    extra_matches: list[Text] = field(default_factory=list)
    items: list[Text] = field(default_factory=list)
    feedback: Text | None = None
    # The handbook page that teaches what the question asks, one of its capsule's chapters:
    # once the question is checked, the quiz links it to reread (CONTENT.md).
    reread: ChapterPath | None = None


# Moodle's grade for each correct option of a multiple-answer question, by how many
# options are correct (Moodle accepts only fractions from its own list).
MOODLE_FRACTIONS = {1: "100", 2: "50", 3: "33.33333", 4: "25", 5: "20", 6: "16.66667"}
MAX_CORRECT = max(MOODLE_FRACTIONS)


@dataclass
class Quiz:
    id: str
    title: Text
    pass_mark: int
    questions: list[Question]


@dataclass
class QuizBalance:
    """Limits on what a learner can score without reading the questions
    (curriculum/quiz-balance.yml). Shares are percentages of a quiz's questions of
    one type; a share is judged only from `min_questions` questions of that type."""

    min_questions: int
    position_max_share: int  # single choice: the most used place of the right option
    longest_max_share: int  # single choice: the right option is the longest, in any language
    true_min_share: int  # true/false: the share whose answer is "true"
    true_max_share: int
    wrong_place_max_share: int  # multiple answer: the most used place of the wrong options
    blind_margin: int  # the best answer-blind strategy stays this many points under the pass mark


# Materials --------------------------------------------------------------------
@dataclass
class Material:
    """Something an activity uses (curriculum/materials/<id>.yml). A handout or a
    trainer sheet has a `body` (Markdown: paragraphs, lists, tables) or `cards` to cut
    out, or both; a page names its handbook page, a form its form; a supply is only
    named."""

    id: str
    kind: MaterialKind
    title: Text
    prepare: Text | None = None  # what the trainer does before the session: copies, cutting
    body: Text | None = None
    cards: list[Text] = field(default_factory=list)
    page: ChapterPath | None = None
    form: FormId | None = None


# The fields each kind of material needs, and those it must not have.
MATERIAL_FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "handout": (("body", "cards"), ("page", "form")),
    "trainer-sheet": (("body", "cards"), ("page", "form")),
    "supply": ((), ("body", "cards", "page", "form")),
    "page": (("page",), ("body", "cards", "form")),
    "form": (("form",), ("body", "cards", "page")),
}


# Capsules ---------------------------------------------------------------------
@dataclass
class Activity:
    title: Text
    minutes: int
    mode: Mode
    description: Text
    materials: list[MaterialId] = field(default_factory=list)  # ids in curriculum/materials/
    trainer_notes: Text | None = None
    kind: ActivityKind = "activity"  # a debrief after practice, or a break (not learning time)


@dataclass
class Resource:
    title: Text
    chapter: ChapterPath | None = None


@dataclass
class Observation:
    """A behaviour a trainer can see in a role-play, for one performance objective."""

    objective: int  # counted from 1
    behaviour: Text


@dataclass
class Capsule:
    id: str
    title: Text
    summary: Text
    audience: list[Audience]
    mode: Mode
    duration: int
    objectives: list[Text]
    learning_outcomes: list[Text]
    activities: list[Activity]
    prerequisites: list[CapsuleId] = field(default_factory=list)
    chapters: list[ChapterPath] = field(default_factory=list)
    resources: list[Resource] = field(default_factory=list)
    quiz: QuizId | None = None
    self_assessment: SelfAssessmentId | None = None
    observation: list[Observation] = field(default_factory=list)

    def learning_minutes(self) -> int:
        """The capsule's time without its breaks."""
        return self.duration - sum(a.minutes for a in self.activities if a.kind == "break")

    def timings(self) -> list[Timing]:
        """When each activity happens. A capsule that gathers the group (face to face: in
        the room; at a distance: in a live video call) has a session, from its first such
        activity to the end of its last, the work alone between them included (the group
        comes back after it); the activities before it are done before the session, those
        after it after, alone. A capsule that never gathers the group has no session:
        every activity is "during"."""
        gathered = "face-to-face" if self.mode == "face-to-face" else "distance"
        inside = [i for i, a in enumerate(self.activities) if a.mode == gathered]
        if not inside:
            return ["during"] * len(self.activities)
        return [
            "before" if i < inside[0] else "after" if i > inside[-1] else "during" for i in range(len(self.activities))
        ]

    def room_activities(self) -> list[Activity]:
        """The activities of a face-to-face capsule held in the room, breaks included, in
        order (none for other capsules): its session in a timetable."""
        if self.mode != "face-to-face":
            return []
        return self.session_activities()

    def session_activities(self) -> list[Activity]:
        """The activities of its session (timings), in order."""
        return [a for a, when in zip(self.activities, self.timings(), strict=True) if when == "during"]

    def call_minutes(self) -> int:
        """The length of the live video call to book for it: the session of a capsule at a
        distance, from its first live activity to the end of its last, the work alone
        between them included; 0 if it has no live activity."""
        if self.mode == "face-to-face" or not any(a.mode == "distance" for a in self.activities):
            return 0
        return sum(a.minutes for a in self.session_activities())


# Course and tracks ------------------------------------------------------------
@dataclass
class Track:
    id: str
    title: Text
    audience: Audience
    description: Text
    capsules: list[CapsuleId]
    rationale: Text | None = None  # why these capsules, in this order, for this audience


@dataclass
class Course:
    title: Text
    description: Text
    audience: Text
    delivery: Delivery
    objectives: list[Text]
    learning_outcomes: list[Text]
    tracks: list[Track]
    keywords: list[Text] = field(default_factory=list)
    teaching_methods: list[Text] = field(default_factory=list)
    assessment_methods: list[Text] = field(default_factory=list)


# Self-assessments -------------------------------------------------------------
@dataclass
class Statement:
    id: str
    text: Text


@dataclass
class Band:
    """A range of total scores (inclusive) and what it means for the person."""

    min: int
    max: int
    label: Text
    advice: Text


@dataclass
class SelfAssessment:
    id: str
    title: Text
    intro: Text
    scale: list[Text]  # the rating labels, lowest first; a rating scores 1 to len(scale)
    statements: list[Statement]
    bands: list[Band]
    # An earlier self-assessment with the same statements: My progress shows both side by side.
    follows: SelfAssessmentId | None = None

    def score_range(self) -> tuple[int, int]:
        return len(self.statements), len(self.statements) * len(self.scale)


# The buddy-system cycle ----------------------------------------------------------
@dataclass
class Step:
    chapter: ChapterPath
    label: Text


@dataclass
class StepCycle:
    steps: list[Step]


# Printable documents -------------------------------------------------------------
@dataclass
class DocumentPart:
    nav: str | None = None
    exclude: list[ChapterPath] = field(default_factory=list)
    page: ChapterPath | None = None
    capsule_summaries: bool = False


@dataclass
class PrintDocument:
    id: str
    title: Text
    subtitle: Text
    parts: list[DocumentPart]


@dataclass
class Documents:
    documents: list[PrintDocument]


# Organisation and people ------------------------------------------------------------
AdaptationPoint = Literal[
    "local-partners",
    "legal-obligations",
    "contacts",
    "insurance",
    "data-protection",
    "emergency-numbers",
    "designated-person",
]
PersonId = Annotated[str, Ref("person")]


@dataclass
class Consent:
    """What a person agreed to: to be named on the site, and since when (YYYY-MM-DD)."""

    given: bool
    date: str


@dataclass
class Person:
    id: str
    name: str
    role: Text
    consent: Consent
    email: str | None = None
    phone: str | None = None


@dataclass
class People:
    people: list[Person]


ChannelKind = Literal["email", "phone", "address", "website"]


@dataclass
class Channel:
    """A way to reach the organisation itself (not a person): e-mail, phone, address, website."""

    kind: ChannelKind
    value: str
    label: Text


@dataclass
class Partner:
    name: str
    role: Text
    website: str | None = None


@dataclass
class Organisation:
    name: Text
    country: str  # ISO 3166's two capital letters; pages show the country's name in their language
    licence: str
    # Only in the languages whose readers know it: elsewhere the pages use `name`.
    short_name: PartialText = field(default_factory=PartialText)
    region: Text | None = None
    website: str | None = None
    logo: str | None = None
    languages: list[str] = field(default_factory=list)  # a subset of mkdocs.yml's; empty: all
    channels: list[Channel] = field(default_factory=list)
    contacts: list[PersonId] = field(default_factory=list)
    partners: list[Partner] = field(default_factory=list)
    legal_notes: Text | None = None
    adaptations: dict[AdaptationPoint, Text] = field(default_factory=dict)


# Forms ----------------------------------------------------------------------------
FieldKind = Literal["text", "long-text", "date", "yes-no", "choice", "checklist", "signature"]


@dataclass
class FormField:
    """One thing to fill in. `choice` and `checklist` list their `options`; an `optional`
    field says so on the form (answering it is the person's choice); a `long-text` field
    leaves room for `lines` handwritten lines on paper (4 unless it says more)."""

    id: str
    label: Text
    kind: FieldKind
    help: Text | None = None
    options: list[Text] = field(default_factory=list)
    optional: bool = False
    lines: int | None = None


@dataclass
class FormSection:
    title: Text
    intro: Text | None = None  # plain text or a Markdown list, shown before the fields
    fields: list[FormField] = field(default_factory=list)


@dataclass
class Form:
    """A form a coordinator uses, authored once and published as a page, a printable PDF
    and an editable document in every language."""

    id: str
    title: Text
    purpose: Text  # who fills it in, when, and what happens to it afterwards
    filled_by: list[Role]
    sections: list[FormSection]
    privacy: Text | None = None  # the privacy notice printed with the form
    legal_notes: bool = False  # print the organisation's legal notes (organisation.yml)


# Terminology ----------------------------------------------------------------------
@dataclass
class AvoidedVariant:
    """A word readers would misread, in one language, and why."""

    lang: str
    text: str
    why: str


@dataclass
class Concept:
    """One concept: its agreed term in each language, the variants to avoid, and the
    definition the glossary shows (concepts without one are not in the glossary)."""

    term: Text
    avoid: list[AvoidedVariant] = field(default_factory=list)
    definition: Text | None = None
    # The page this term names (a procedure, a policy): a mention of the term in a page
    # links to it, so that what a page mentions exists.
    document: ChapterPath | None = None


@dataclass
class Terminology:
    concepts: dict[str, Concept]
    # Letters a language attaches to the front of a word (Arabic و، ب، ال…): a variant
    # to avoid is found with them too.
    attached_prefixes: dict[str, list[str]] = field(default_factory=dict)


# Mentoring workspace -----------------------------------------------------------------
# curriculum/workspace.yml: the vocabularies and structure of a mentoring plan
# (training/mentoring-workspace/). What people write in a plan stays in their browser.
@dataclass
class WorkspaceRole:
    id: str
    label: Text


@dataclass
class WorkspacePlanKind:
    """A kind of plan (a volunteering placement, a buddy pairing) and its parties."""

    id: str
    label: Text
    roles: list[str]  # ids of `roles`


@dataclass
class WorkspaceField:
    """Something to write: a point of the agreement, a review question."""

    id: str
    label: Text
    help: Text | None = None


@dataclass
class WorkspaceAgreement:
    fields: list[WorkspaceField]
    forms: list[str] = field(default_factory=list)  # ids of curriculum/forms/


@dataclass
class WorkspaceConcern:
    """Where a session marked "concern" points: the procedure, and the form to fill in."""

    page: ChapterPath
    form: str | None = None


@dataclass
class WorkspaceTask:
    id: str
    role: str  # an id of `roles`: the party who does it
    text: Text


@dataclass
class WorkspaceStage:
    id: str
    title: Text
    chapters: list[ChapterPath]
    tasks: list[WorkspaceTask]
    titles: dict[str, Text] = field(default_factory=dict)  # a kind of plan's own title
    forms: list[str] = field(default_factory=list)


@dataclass
class WorkspaceCompetence:
    """A competence a learning-log entry is tied to, with its reflection prompt."""

    id: str
    label: Text
    prompt: Text


@dataclass
class WorkspaceReview:
    id: str
    title: Text
    questions: list[WorkspaceField]


@dataclass
class Workspace:
    roles: list[WorkspaceRole]
    plans: list[WorkspacePlanKind]
    agreement: WorkspaceAgreement
    concern: WorkspaceConcern
    stages: list[WorkspaceStage]
    competences: list[WorkspaceCompetence]
    reviews: list[WorkspaceReview]


# The whole curriculum, once loaded --------------------------------------------
@dataclass
class Curriculum:
    default_language: str
    languages: tuple[str, ...]
    course: Course | None = None
    organisation: Organisation | None = None
    cycle: StepCycle | None = None
    printing: Documents | None = None
    people: dict[str, Person] = field(default_factory=dict)
    capsules: dict[str, Capsule] = field(default_factory=dict)
    quizzes: dict[str, Quiz] = field(default_factory=dict)
    self_assessments: dict[str, SelfAssessment] = field(default_factory=dict)
    forms: dict[str, Form] = field(default_factory=dict)
    materials: dict[str, Material] = field(default_factory=dict)
    workspace: Workspace | None = None
    balance: QuizBalance | None = None

    def text(self, value: Text, lang: str) -> str:
        return value.get_text(lang, self.default_language)

    def track_minutes(self, track: Track) -> int:
        """A track's learning time, computed from its capsules (breaks are not learning time)."""
        return sum(self.capsules[c].learning_minutes() for c in track.capsules if c in self.capsules)

    def capsules_in_order(self) -> list[Capsule]:
        """The course's capsules as learners take them: in the order of the longest track,
        then any others by id."""
        tracks = self.course.tracks if self.course else []
        ordered = max((t.capsules for t in tracks), key=len, default=[])
        rest = sorted(set(self.capsules) - set(ordered))
        return [self.capsules[c] for c in [*ordered, *rest] if c in self.capsules]
