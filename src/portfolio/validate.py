"""Load the whole curriculum and check it: structure, references, quiz and time rules.

`load_curriculum` returns the objects it could build and every problem found;
`validate` returns only the problems. Both read `curriculum/` and look up
chapters under `docs/<default language>/`; neither writes anything.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from portfolio import yamlfile
from portfolio.adaptations import check_pages
from portfolio.chapters import check_chapters
from portfolio.convert import INVALID, Context, Reference, convert
from portfolio.interface import load_abbreviations, load_interface
from portfolio.models import (
    Capsule,
    Course,
    Curriculum,
    Documents,
    Organisation,
    People,
    Quiz,
    SelfAssessment,
    StepCycle,
)
from portfolio.problems import Problem, problem
from portfolio.project import CURRICULUM_DIR, DOCS_DIR

MIN_QUESTIONS = 6
PEOPLE_FILE = "people.yml"
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def validate(root: Path, default: str, languages: Sequence[str]) -> list[Problem]:
    """Every problem of the sources under `root` (curriculum and interface strings)."""
    tables = [load(root, default, languages)[1] for load in (load_interface, load_abbreviations)]
    return load_curriculum(root, default, languages)[1] + [p for found in tables for p in found]


def load_curriculum(root: Path, default: str, languages: Sequence[str]) -> tuple[Curriculum, list[Problem]]:
    base = root / CURRICULUM_DIR
    curriculum = Curriculum(default, tuple(languages))
    problems: list[Problem] = []
    references: list[Reference] = []
    # Files that exist but could not be loaded as they are: references to them
    # are not reported again as unknown (the file's own problem says enough).
    unusable: set[tuple[str, str]] = set()

    raw: dict[Path, object] = {}  # each file's parsed YAML, for the checks that need its lines

    def read(path: Path, cls: type):
        data, found = yamlfile.load(path)
        raw[path] = data
        problems.extend(found)
        if data is None and found:
            return INVALID, None
        ctx = Context(path, default, tuple(languages))
        obj = convert(cls, data, ctx)
        problems.extend(ctx.problems)
        references.extend(ctx.references)
        return obj, data

    files = (("course.yml", Course, "course"), ("organisation.yml", Organisation, "organisation"))
    people = None
    for name, cls, attr in (*files, ("steps.yml", StepCycle, "cycle"), ("documents.yml", Documents, "printing")):
        path = base / name
        if not path.is_file():
            problems.append(problem(path, 1, "missing-file", f"{base.name}/{name} does not exist"))
            continue
        obj, _ = read(path, cls)
        if obj is not INVALID:
            setattr(curriculum, attr, obj)
    if (base / PEOPLE_FILE).is_file():
        people, data = read(base / PEOPLE_FILE, People)
        if people is not INVALID:
            curriculum.people = {p.id: p for p in people.people}
            problems.extend(_check_consent(people, base / PEOPLE_FILE, data))

    kinds = (
        ("capsules", "capsule", Capsule, curriculum.capsules),
        ("quizzes", "quiz", Quiz, curriculum.quizzes),
        ("self-assessments", "self-assessment", SelfAssessment, curriculum.self_assessments),
    )
    for folder, kind, cls, store in kinds:
        seen: dict[str, Path] = {}
        for path in sorted((base / folder).glob("*.yml")):
            obj, data = read(path, cls)
            if obj is INVALID or obj.id != path.stem:
                unusable.add((kind, path.stem))
            if obj is INVALID:
                continue
            line = data.line_of("id") if isinstance(data, yamlfile.YamlMap) else 1
            problems.extend(_check_id(obj.id, path, line, seen))
            store[obj.id] = obj

    chapter_problems, chapter_references = check_chapters(root, default, languages)
    problems.extend(chapter_problems)
    problems.extend(check_pages(root))
    references = [r for r in references + chapter_references if (r.kind, r.value) not in unusable]
    problems.extend(_check_references(references, curriculum, root))
    problems.extend(_check_rules(curriculum, base, raw))
    return curriculum, problems


# Checks -----------------------------------------------------------------------


def _check_id(id_: str, path: Path, line: int, seen: dict[str, Path]) -> list[Problem]:
    found = []
    if id_ != path.stem:
        found.append(problem(path, line, "id-mismatch", f"the id `{id_}` differs from the file name `{path.stem}`"))
    if id_ in seen:
        found.append(problem(path, line, "duplicate-id", f"the id `{id_}` is already used by {seen[id_].name}"))
    seen.setdefault(id_, path)
    return found


def _check_references(refs: list[Reference], curriculum: Curriculum, root: Path) -> list[Problem]:
    chapters = root / DOCS_DIR / curriculum.default_language
    known = {
        "capsule": lambda v: v in curriculum.capsules,
        "quiz": lambda v: v in curriculum.quizzes,
        "self-assessment": lambda v: v in curriculum.self_assessments,
        "person": lambda v: v in curriculum.people,
        "chapter": lambda v: (chapters / v).is_file(),
    }
    return [
        problem(ref.path, ref.line, f"unknown-{ref.kind}", f"`{ref.key}` names `{ref.value}`, which does not exist")
        for ref in refs
        if not known[ref.kind](ref.value)
    ]


def _check_rules(curriculum: Curriculum, base: Path, raw: dict) -> list[Problem]:
    found: list[Problem] = []
    for capsule in curriculum.capsules.values():
        path = base / "capsules" / f"{capsule.id}.yml"
        found.extend(_check_capsule_time(capsule, path, _key_lines(raw.get(path))))
    for quiz in curriculum.quizzes.values():
        path = base / "quizzes" / f"{quiz.id}.yml"
        found.extend(_check_quiz(quiz, path, raw.get(path)))
    for assessment in curriculum.self_assessments.values():
        path = base / "self-assessments" / f"{assessment.id}.yml"
        found.extend(_check_bands(assessment, path, _key_lines(raw.get(path))))
    if curriculum.course:
        seen: dict[str, Path] = {}
        for track in curriculum.course.tracks:
            found.extend(_check_duplicate(track.id, "track", base / "course.yml", seen))
        in_tracks = {c for track in curriculum.course.tracks for c in track.capsules}
        for capsule in sorted(set(curriculum.capsules) - in_tracks):
            path = base / "capsules" / f"{capsule}.yml"
            found.append(problem(path, 1, "capsule-in-no-track", f"the capsule `{capsule}` is in no track"))
    return found


def _check_capsule_time(capsule: Capsule, path: Path, lines: dict) -> list[Problem]:
    if capsule.duration <= 0:
        return [problem(path, lines.get("duration", 1), "bad-duration", f"the duration is {capsule.duration} minutes")]
    found = []
    for index, activity in enumerate(capsule.activities, 1):
        if activity.minutes <= 0:
            found.append(
                problem(
                    path,
                    lines.get("activities", 1),
                    "bad-duration",
                    f"activity {index} lasts {activity.minutes} minutes",
                )
            )
    total = sum(a.minutes for a in capsule.activities)
    if capsule.activities and total != capsule.duration:
        found.append(
            problem(
                path,
                lines.get("activities", 1),
                "minutes-mismatch",
                f"the activities add up to {total} minutes but the duration is {capsule.duration}",
            )
        )
    return found


def _check_quiz(quiz: Quiz, path: Path, data) -> list[Problem]:
    found: list[Problem] = []
    lines = _question_lines(data)
    if len(quiz.questions) < MIN_QUESTIONS:
        line = _key_lines(data).get("questions", 1)
        found.append(
            problem(
                path,
                line,
                "quiz-too-short",
                f"the quiz has {len(quiz.questions)} questions, fewer than {MIN_QUESTIONS}",
            )
        )
    seen: dict[str, Path] = {}
    for question in quiz.questions:
        line = lines.get(question.id, 1)
        found.extend(_check_duplicate(question.id, "question", path, seen, line))
        correct = sum(option.correct for option in question.options)
        if correct == 0:
            found.append(problem(path, line, "no-correct-answer", f"question `{question.id}` has no correct option"))
        elif correct > 1 and question.type != "multiple":
            found.append(
                problem(
                    path,
                    line,
                    "several-correct-answers",
                    f"{question.type} question `{question.id}` has {correct} correct options",
                )
            )
    return found


def _check_bands(assessment: SelfAssessment, path: Path, lines: dict) -> list[Problem]:
    """Bands must cover every possible total exactly once."""
    lowest, highest = assessment.score_range()
    line = lines.get("bands", 1)
    found = []
    expected = lowest
    for band in sorted(assessment.bands, key=lambda b: (b.min, b.max)):
        if band.min > expected:
            found.append(problem(path, line, "band-gap", f"no band covers {_scores(expected, band.min - 1)}"))
        elif band.min < expected:
            found.append(
                problem(path, line, "band-overlap", f"the band from {band.min} overlaps scores below {expected}")
            )
        expected = max(expected, band.max + 1)
    if expected <= highest:
        found.append(problem(path, line, "band-gap", f"no band covers {_scores(expected, highest)}"))
    return found


def _check_consent(people: People, path: Path, data) -> list[Problem]:
    """Nobody is named on the site without their recorded consent."""
    found = []
    items = data.get("people") if isinstance(data, yamlfile.YamlMap) else []
    lines = {item.get("id"): item.line for item in items if isinstance(item, yamlfile.YamlMap)}
    for person in people.people:
        line = lines.get(person.id, 1)
        if not person.consent.given:
            found.append(problem(path, line, "no-consent", f"`{person.id}` has no recorded consent to be named"))
        elif not _DATE.fullmatch(person.consent.date):
            found.append(
                problem(
                    path,
                    line,
                    "no-consent",
                    f"`{person.id}` has a consent date `{person.consent.date}` that is not a date",
                    "write the date the consent was given as YYYY-MM-DD",
                )
            )
    return found


def _scores(first: int, last: int) -> str:
    return f"the score {first}" if first == last else f"the scores {first} to {last}"


def _check_duplicate(id_: str, kind: str, path: Path, seen: dict, line: int = 1) -> list[Problem]:
    if id_ in seen:
        return [problem(path, line, "duplicate-id", f"two {kind}s have the id `{id_}`")]
    seen[id_] = path
    return []


# Helpers ----------------------------------------------------------------------


def _key_lines(data) -> dict:
    return data.key_lines if isinstance(data, yamlfile.YamlMap) else {}


def _question_lines(data) -> dict[str, int]:
    questions = data.get("questions") if isinstance(data, yamlfile.YamlMap) else None
    if not isinstance(questions, yamlfile.YamlList):
        return {}
    return {q.get("id"): q.line for q in questions if isinstance(q, yamlfile.YamlMap)}
