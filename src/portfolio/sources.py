"""Load the whole curriculum and check it: structure, references, quiz and time rules.

`load_curriculum` returns the objects it could build and every problem found;
`validate` returns only the problems. Both read `curriculum/` and look up
chapters under `docs/<default language>/`; neither writes anything.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from portfolio import yamlfile
from portfolio.adaptations import KNOWN as ADAPTATION_POINTS
from portfolio.chapters import check_chapters
from portfolio.config_checks import check_config
from portfolio.convert import INVALID, Context, Reference, convert
from portfolio.interface import load_abbreviations, load_interface
from portfolio.language_checks import check_languages, language_fault, language_name, theme_languages, undeclared
from portfolio.locations import CAPSULE_PAGES
from portfolio.models import (
    MATERIAL_FIELDS,
    Capsule,
    Course,
    Curriculum,
    Documents,
    Form,
    Material,
    Organisation,
    People,
    Question,
    Quiz,
    QuizBalance,
    SelfAssessment,
    StepCycle,
    Terminology,
    Text,
    Workspace,
)
from portfolio.organisation_checks import check_legal_notes, check_organisation
from portfolio.page_checks import check_pages, long_titles
from portfolio.page_templates import VARIABLES
from portfolio.problems import Problem, closest_path, did_you_mean, problem
from portfolio.project import (
    CONFIG_FILE,
    CURRICULUM_DIR,
    DOCS_DIR,
    declared_languages,
    extra_names,
    nav_sections,
    read_config,
)
from portfolio.question_types import kind_of
from portfolio.quiz_balance import check_balance
from portfolio.safety import check_yaml_texts
from portfolio.terminology import check_mentions, check_terms, load_terminology
from portfolio.translations import check_records
from portfolio.workspace import WORKSPACE_FILE, check_workspace

MIN_QUESTIONS = 6
LONGEST_WITHOUT_BREAK = 90  # minutes a face-to-face session may last without a break
COURSE_FILE = "course.yml"
PEOPLE_FILE = "people.yml"
BALANCE_FILE = "quiz-balance.yml"
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Ids become file names, URLs and SCORM identifiers: lower-case words joined by hyphens.
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass
class Sources:
    """Everything the sources say, read once, and every problem found in them."""

    curriculum: Curriculum
    interface: dict[str, Text]
    abbreviations: dict[str, Text]
    terminology: Terminology | None
    problems: list[Problem]


def read_sources(root: Path, default: str, languages: Sequence[str]) -> Sources:
    """The curriculum, interface strings, abbreviations and terms under `root`, checked.
    Texts are asked for in `languages` whose codes are languages: a mistyped code (`ua`) is
    said once ([unknown-language]), not once for each text it lacks."""
    known = theme_languages(root)
    languages = [lang for lang in languages if lang == default or not language_fault(lang, known)]
    interface, found = load_interface(root, default, languages)
    curriculum, problems = load_curriculum(root, default, languages, set(interface) or None)
    abbreviations, more = load_abbreviations(root, default, languages)
    terminology, terms = check_terminology(root, curriculum)
    return Sources(curriculum, interface, abbreviations, terminology, problems + found + more + terms)


def validate(root: Path, default: str, languages: Sequence[str]) -> list[Problem]:
    """Every problem of the sources under `root` (curriculum, interface strings, terms)."""
    return read_sources(root, default, languages).problems


def check_terminology(root: Path, curriculum: Curriculum) -> tuple[Terminology | None, list[Problem]]:
    """The terminology file, its problems, every use of a variant it says to avoid, and
    every mention of a document (form, procedure) that does not link to it."""
    default, languages = curriculum.default_language, curriculum.languages
    terminology, problems = load_terminology(root, default, languages)
    if terminology is not None:
        problems = problems + check_terms(root, terminology, languages)
    return terminology, problems + check_mentions(root, terminology, curriculum.forms, default, languages)


def load_curriculum(
    root: Path, default: str, languages: Sequence[str], interface: set[str] | None = None
) -> tuple[Curriculum, list[Problem]]:
    """The curriculum under `root` and its problems, its pages' included; `interface`: the
    keys of the interface texts pages may show (None: not checked)."""
    base = root / CURRICULUM_DIR
    curriculum = Curriculum(default, tuple(languages))
    problems: list[Problem] = []
    references: list[Reference] = []
    # Files that exist but could not be loaded as they are: references to them
    # are not reported again as unknown (the file's own problem says enough).
    unusable: set[tuple[str, str]] = set()
    incomplete: set[Path] = set()

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
        if not ctx.complete:
            incomplete.add(path)  # parts were left out: rules that count parts would mislead
        references.extend(ctx.references)
        return obj, data

    files = ((COURSE_FILE, Course, "course"), ("organisation.yml", Organisation, "organisation"))
    people = None
    for name, cls, attr in (*files, ("steps.yml", StepCycle, "cycle"), ("documents.yml", Documents, "printing")):
        path = base / name
        if not path.is_file():
            problems.append(problem(path, 1, "missing-file", f"{base.name}/{name} does not exist"))
            continue
        obj, _ = read(path, cls)
        if obj is not INVALID:
            setattr(curriculum, attr, obj)
    if (base / BALANCE_FILE).is_file():  # without it, quizzes are not checked for guessing
        balance, _ = read(base / BALANCE_FILE, QuizBalance)
        curriculum.balance = None if balance is INVALID else balance
    if (base / PEOPLE_FILE).is_file():
        people, data = read(base / PEOPLE_FILE, People)
        if people is not INVALID:
            curriculum.people = {p.id: p for p in people.people}
            problems.extend(_check_consent(people, base / PEOPLE_FILE, data))

    kinds = (
        ("capsules", "capsule", Capsule, curriculum.capsules),
        ("quizzes", "quiz", Quiz, curriculum.quizzes),
        ("self-assessments", "self-assessment", SelfAssessment, curriculum.self_assessments),
        ("forms", "form", Form, curriculum.forms),
        ("materials", "material", Material, curriculum.materials),
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
    # The mentoring workspace (optional): its structure, then what it names.
    if (base / WORKSPACE_FILE).is_file():
        workspace, data = read(base / WORKSPACE_FILE, Workspace)
        if workspace is not INVALID:
            curriculum.workspace = workspace
        forms = set(curriculum.forms) | {name for k, name in unusable if k == "form"}
        problems.extend(check_workspace(base / WORKSPACE_FILE, data, forms))

    chapter_problems, chapter_references = check_chapters(root, default, languages)
    problems.extend(chapter_problems)
    known = {kind: set(store) | {name for k, name in unusable if k == kind} for _, kind, _, store in kinds}
    if curriculum.course is not None and base / COURSE_FILE not in incomplete:  # else its own problems say it
        known["track"] = {track.id for track in curriculum.course.tracks}
    known["adaptation"] = set(ADAPTATION_POINTS)
    if interface is not None:
        known["ui"] = interface
    config, config_problems = read_config(root) if (root / CONFIG_FILE).is_file() else (None, [])
    variables = {}  # per language folder, what a page may read (with a broken mkdocs.yml, not checked)
    if config is not None:
        every = {*declared_languages(config), *languages}  # a language not built: its pages checked alike
        variables = {lang: set(VARIABLES) | extra_names(config, lang) for lang in every}
        # A page of the default language is also shown in each language that lacks its translation.
        variables[default] = set.intersection(*(variables[lang] for lang in languages))
    problems.extend(check_pages(root, known, variables, default, languages, config))
    references = [r for r in references + chapter_references if (r.kind, r.value) not in unusable]
    problems.extend(_check_references(references, curriculum, root))
    problems.extend(_check_rules(curriculum, base, raw, unusable, incomplete))
    organisation = raw.get(base / "organisation.yml")
    problems.extend(check_organisation(base / "organisation.yml", organisation, root / DOCS_DIR))
    problems.extend(check_legal_notes(base / "organisation.yml", organisation, curriculum.forms.values()))
    problems.extend(check_records(root))
    if config is None:
        problems.extend(config_problems)
    else:
        problems.extend(check_languages(root, config, languages, default))
        problems.extend(check_config(root, config))
        problems.extend(_check_text_languages(raw, default, declared_languages(config), theme_languages(root)))
        problems.extend(_check_against_config(config, curriculum, root, raw))
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
    """Each name of a record or chapter that does not exist, with the one it may have
    been meant for (a typing mistake: welcome-in-lyonn for welcome-in-lyon)."""
    chapters = root / DOCS_DIR / curriculum.default_language
    known = {
        "capsule": curriculum.capsules,
        "quiz": curriculum.quizzes,
        "self-assessment": curriculum.self_assessments,
        "form": curriculum.forms,
        "material": curriculum.materials,
        "person": curriculum.people,
    }
    found = []
    pages: list[str] | None = None  # the chapters, looked for once one is missing
    for ref in refs:
        if ref.kind == "chapter":
            if _inside(chapters, ref.value) and (chapters / ref.value).is_file():
                continue
            if pages is None:
                pages = [page.relative_to(chapters).as_posix() for page in sorted(chapters.rglob("*.md"))]
            meant = closest_path(ref.value, pages)
            guess = f"did you mean `{meant}`?" if meant else ""
        elif ref.value in known[ref.kind]:
            continue
        else:
            guess = did_you_mean(ref.value, known[ref.kind])
        said = f"`{ref.key}` names `{ref.value}`, which does not exist"
        found.append(problem(ref.path, ref.line, f"unknown-{ref.kind}", said, guess))
    return found


def _check_rules(curriculum: Curriculum, base: Path, raw: dict, unusable: set, incomplete: set) -> list[Problem]:
    found: list[Problem] = []
    for path, data in raw.items():
        found.extend(check_yaml_texts(path, data))
        found.extend(_check_ids_and_titles(path, data))
    found.extend(_check_prerequisites(curriculum, base, raw))
    # Only once every capsule could be read: a broken capsule may be the quiz's user.
    used = {c.quiz for c in curriculum.capsules.values()}
    broken = any(kind in ("capsule", "quiz") for kind, _ in unusable) or not used <= {None, *curriculum.quizzes}
    for quiz in [] if broken else sorted(set(curriculum.quizzes) - used):
        found.append(problem(base / "quizzes" / f"{quiz}.yml", 1, "unused-quiz", f"no capsule uses the quiz `{quiz}`"))
    for capsule in curriculum.capsules.values():
        path = base / "capsules" / f"{capsule.id}.yml"
        found.extend(_check_capsule_time(capsule, path, _key_lines(raw.get(path))))
        found.extend(_check_capsule_page(capsule, path, base.parent / DOCS_DIR / curriculum.default_language))
        lines = _item_lines(raw.get(path), "observation")
        for index, seen in enumerate(capsule.observation):
            line = lines[index] if index < len(lines) else 1
            found.extend(_check_objective(seen.objective, capsule, f"observed behaviour {index + 1}", path, line))
    found.extend(_check_materials(curriculum, base, raw, unusable))
    for quiz in curriculum.quizzes.values():
        path = base / "quizzes" / f"{quiz.id}.yml"
        found.extend(_check_quiz(quiz, path, raw.get(path), curriculum, path not in incomplete))
    for assessment in curriculum.self_assessments.values():
        path = base / "self-assessments" / f"{assessment.id}.yml"
        found.extend(_check_bands(assessment, path, _key_lines(raw.get(path))))
        earlier = curriculum.self_assessments.get(assessment.follows or "")
        default = curriculum.default_language
        if earlier and _statements(earlier, default) != _statements(assessment, default):
            found.append(
                problem(
                    path,
                    _key_lines(raw.get(path)).get("statements", 1),
                    "statements-differ",
                    f"`{assessment.id}` follows `{earlier.id}` but its statements differ from it",
                    f"give it the statements of `{earlier.id}`: the same ids, in the same order, with the same English",
                )
            )
    if curriculum.course:
        seen: dict[str, Path] = {}
        lines = _id_lines(raw.get(base / COURSE_FILE), "tracks")
        for track in curriculum.course.tracks:
            line = lines.get(track.id, 1)
            found.extend(_check_duplicate(track.id, "track", base / COURSE_FILE, seen, line))
            for capsule in sorted({c for c in track.capsules if track.capsules.count(c) > 1}):
                found.append(
                    problem(
                        base / COURSE_FILE,
                        line,
                        "duplicate-id",
                        f"the track `{track.id}` lists the capsule `{capsule}` {track.capsules.count(capsule)} times",
                        "list each capsule once per track",
                    )
                )
        in_tracks = {c for track in curriculum.course.tracks for c in track.capsules}
        for capsule in sorted(set(curriculum.capsules) - in_tracks):
            path = base / "capsules" / f"{capsule}.yml"
            found.append(problem(path, 1, "capsule-in-no-track", f"the capsule `{capsule}` is in no track"))
    return found


def _check_materials(curriculum: Curriculum, base: Path, raw: dict, unusable: set) -> list[Problem]:
    """Each material has what its kind needs; each is used by some activity (judged only
    once every capsule could be read)."""
    found = []
    for material in curriculum.materials.values():
        path = base / "materials" / f"{material.id}.yml"
        lines = _key_lines(raw.get(path))
        needs, excludes = MATERIAL_FIELDS[material.kind]
        if needs and not any(getattr(material, name) for name in needs):
            wanted = " or ".join(f"`{name}:`" for name in needs)
            found.append(
                problem(
                    path,
                    lines.get("kind", 1),
                    "material-content",
                    f"the {material.kind} `{material.id}` has no {wanted}",
                    f"add {wanted} (README: Materials)",
                )
            )
        for name in excludes:
            if getattr(material, name):
                found.append(
                    problem(
                        path,
                        lines.get(name, 1),
                        "material-content",
                        f"a {material.kind} has no `{name}:`",
                        f"remove `{name}:` or change `kind:` to the kind that has it",
                    )
                )
    if not any(kind == "capsule" for kind, _ in unusable):
        used = {m for c in curriculum.capsules.values() for a in c.activities for m in a.materials}
        for material in sorted(set(curriculum.materials) - used):
            path = base / "materials" / f"{material}.yml"
            found.append(problem(path, 1, "unused-material", f"no activity uses the material `{material}`"))
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
    if capsule.mode == "self-study":  # a live call has a time set for all: the capsule is no longer self-paced
        for index, activity in enumerate(capsule.activities, 1):
            if activity.mode == "distance":
                found.append(
                    problem(
                        path,
                        lines.get("mode", 1),
                        "live-in-self-study",
                        f"the capsule is self-study, but activity {index} is a live call at a distance",
                        "set the capsule's `mode:` to distance, or the activity's to self-study if learners do it"
                        " alone; the pilot kit lists every live call to book",
                    )
                )
    long_session = capsule.mode == "face-to-face" and capsule.duration > LONGEST_WITHOUT_BREAK
    if long_session and not any(a.kind == "break" for a in capsule.activities):
        found.append(
            problem(
                path,
                lines.get("activities", 1),
                "no-break",
                f"the session lasts {capsule.duration} minutes with no break",
                f"add an activity with `kind: break` near the middle (sessions over {LONGEST_WITHOUT_BREAK}"
                " minutes need one); its minutes count in the duration, not in the learning time",
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


def _check_quiz(quiz: Quiz, path: Path, data, curriculum: Curriculum, complete: bool) -> list[Problem]:
    found: list[Problem] = []
    lines = _id_lines(data, "questions")
    keys = _key_lines(data)
    if len(quiz.questions) < MIN_QUESTIONS:
        found.append(
            problem(
                path,
                keys.get("questions", 1),
                "quiz-too-short",
                f"the quiz has {len(quiz.questions)} questions, fewer than {MIN_QUESTIONS}",
            )
        )
    if not 0 < quiz.pass_mark <= 100:
        found.append(problem(path, keys.get("pass_mark", 1), "bad-pass-mark", f"the pass mark is {quiz.pass_mark}%"))
    capsule = next((c for c in curriculum.capsules.values() if c.quiz == quiz.id), None)
    seen: dict[str, Path] = {}
    shaped = True
    for question in quiz.questions:
        line = lines.get(question.id, 1)
        found.extend(_check_duplicate(question.id, "question", path, seen, line))
        problems = kind_of(question).check(question, path, line) if complete else []
        shaped = complete and shaped and not any(p.is_error for p in problems)
        found.extend(problems)
        found.extend(_check_objective(question.objective, capsule, f"question `{question.id}`", path, line))
        found.extend(_check_reread(question, capsule, path, line))
    if shaped and curriculum.balance and 0 < quiz.pass_mark <= 100:
        languages = curriculum.languages
        found.extend(
            check_balance(
                quiz, curriculum.balance, path, keys.get("questions", 1), languages, curriculum.default_language
            )
        )
    return found


def _check_reread(question: Question, capsule: Capsule | None, path: Path, line: int) -> list[Problem]:
    """The page a question sends learners to reread is one its capsule lists to read first
    (`chapters`): the quiz shows it under the title the capsule gives it."""
    if question.reread is None or capsule is None or question.reread in capsule.chapters:
        return []
    said = (
        f"question `{question.id}` sends learners to reread {question.reread},"
        f" which is not among the chapters of the capsule `{capsule.id}`"
    )
    listed = ", ".join(capsule.chapters)
    return [problem(path, line, "reread-not-a-chapter", said, f"name one of: {listed}" if listed else "")]


def _check_objective(objective: int | None, capsule: Capsule | None, what: str, path: Path, line: int) -> list[Problem]:
    """A question or an observed behaviour names one objective of its capsule, by number."""
    if capsule is None:
        return []
    if objective is None:
        return [problem(path, line, "no-objective", f"{what} does not say which objective of `{capsule.id}` it tests")]
    if 1 <= objective <= len(capsule.objectives):
        return []
    return [
        problem(
            path,
            line,
            "unknown-objective",
            f"{what} names objective {objective}, but the capsule `{capsule.id}` has {len(capsule.objectives)}",
            f"use a number from 1 to {len(capsule.objectives)} (the capsule's `objectives:` in order)",
        )
    ]


def _statements(assessment: SelfAssessment, default: str) -> list[tuple[str, str]]:
    """What two self-assessments must share to be compared: each statement's id and text."""
    return [(s.id, s.text.get(default, "")) for s in assessment.statements]


def _check_bands(assessment: SelfAssessment, path: Path, lines: dict) -> list[Problem]:
    """Bands must cover every possible total exactly once."""
    lowest, highest = assessment.score_range()
    line = lines.get("bands", 1)
    found = []
    expected = lowest
    for band in sorted(assessment.bands, key=lambda b: (b.min, b.max)):
        if band.min > band.max:
            said = f"the band from {band.min} to {band.max} ends before it starts"
            found.append(problem(path, line, "band-gap", said, "give the band a `min` at most its `max`"))
            continue
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
    """Nobody is named on the site without their recorded consent, and nobody twice."""
    found = []
    seen: dict[str, Path] = {}
    lines: dict[str, int] = {}  # the line of each id's first entry
    for item in _items(data, "people"):
        if _with_id(item):
            found.extend(_check_duplicate(item["id"], "person", path, seen, item.line))
            lines.setdefault(item["id"], item.line)
    for person in people.people:
        line = lines.get(person.id, 1)
        if not person.consent.given:
            found.append(problem(path, line, "no-consent", f"`{person.id}` has no recorded consent to be named"))
        elif not _is_date(person.consent.date):
            found.append(
                problem(
                    path,
                    line,
                    "no-consent",
                    f"`{person.id}` has a consent date `{person.consent.date}` that is not a date",
                    "write the date the consent was given as YYYY-MM-DD",
                )
            )
        elif datetime.date.fromisoformat(person.consent.date) > datetime.date.today():
            found.append(
                problem(
                    path,
                    line,
                    "no-consent",
                    f"`{person.id}` has a consent date `{person.consent.date}` that has not come yet",
                    "write the date the consent was given, once it is given",
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


def _check_against_config(config: dict, curriculum: Curriculum, root: Path, raw: dict) -> list[Problem]:
    """What the curriculum names in mkdocs.yml (`config`, as read): languages, and nav
    sections for the PDFs."""
    found: list[Problem] = []
    base = root / CURRICULUM_DIR
    declared = declared_languages(config)
    known = theme_languages(root)
    org = curriculum.organisation
    org_data = raw.get(base / "organisation.yml")
    for lang in org.languages if org else []:
        if fault := undeclared(lang, declared, known):
            line = org_data.line_of("languages") if isinstance(org_data, yamlfile.YamlMap) else 1
            found.append(problem(base / "organisation.yml", line, "unknown-language", *fault))
    nav = config.get("nav")
    if not isinstance(nav, list):  # check_config says so
        return found
    sections = set(nav_sections(nav))
    docs_data = raw.get(base / "documents.yml")
    for document in curriculum.printing.documents if curriculum.printing else []:
        for part in document.parts:
            if part.nav and part.nav not in sections:
                found.append(
                    problem(
                        base / "documents.yml",
                        _line_of_value(docs_data, part.nav),
                        "unknown-nav-section",
                        f"the document `{document.id}` names the nav section `{part.nav}`, which mkdocs.yml lacks",
                        f"use one of: {', '.join(sorted(sections))}",
                    )
                )
    return found


def _line_of_value(data, wanted: str) -> int:
    """The line of the first mapping that holds `wanted` as a value (1 if none)."""
    stack = [data]
    while stack:
        value = stack.pop(0)
        if isinstance(value, yamlfile.YamlMap):
            for key, item in value.items():
                if item == wanted:
                    return value.line_of(key)
            stack.extend(value.values())
        elif isinstance(value, yamlfile.YamlList):
            stack.extend(value)
    return 1


def _check_text_languages(raw: dict, default: str, declared: Sequence[str], known: Collection[str]) -> list[Problem]:
    """A text's language written as no language code: a typo (`ra:` for `ar:`) or a code
    YAML reads as something else (`no:` is false): that text is never shown. A language
    the site does not declare is left alone: a fork may drop one and keep its texts."""
    found = []
    for path, data in raw.items():
        stack = [data]
        while stack:
            value = stack.pop()
            if isinstance(value, yamlfile.YamlMap):
                if isinstance(value.get(default), str):  # a text in each language
                    for key in value:
                        line = value.line_of(key)
                        if key in declared:
                            continue
                        if not isinstance(key, str):
                            said = f"a text's language is read as {key!r}, not as a language code"
                            fix = 'put the code in double quotes: `"no":`'
                            found.append(problem(path, line, "wrong-type", said, fix))
                        elif not language_name(key) and language_fault(key, known):
                            said = f"`{key}` is not a language code: this text is never shown"
                            fix = f"write the code of one of the site's languages ({', '.join(declared)})"
                            found.append(problem(path, line, "unknown-language", said, fix))
                stack.extend(value.values())
            elif isinstance(value, list):
                stack.extend(value)
    return found


def _check_ids_and_titles(path: Path, data) -> list[Problem]:
    """Every `id:` in a file (the record's, its questions', its tracks') is a safe slug, and
    every `title:` is a name, not a paragraph (menus, PDF covers and LMS lists show it)."""
    found = []
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, yamlfile.YamlMap):
            if isinstance(value.get("id"), str) and not _SLUG.fullmatch(value["id"]):
                found.append(problem(path, value.line_of("id"), "bad-id", f"the id `{value['id']}` is not a slug"))
            found.extend(long_titles(path, value))
            stack.extend(value.values())
        elif isinstance(value, yamlfile.YamlList):
            stack.extend(value)
    return found


def _check_capsule_page(capsule, path: Path, docs: Path) -> list[Problem]:
    """A capsule without its page in the default language: tracks, cards and LMS packages
    would link to a page that does not exist."""
    page = docs / CAPSULE_PAGES / f"{capsule.id}.md"
    if page.is_file():
        return []
    said = f"the capsule `{capsule.id}` has no page: {page.relative_to(docs.parent.parent).as_posix()} does not exist"
    fix = f"write it (front matter `capsule: {capsule.id}`, its `# title`, why it matters), or remove the capsule"
    return [problem(path, 1, "missing-file", said, fix)]


def _check_prerequisites(curriculum: Curriculum, base: Path, raw: dict) -> list[Problem]:
    """Prerequisites that lead back to the capsule itself (a learner could never start)."""
    found = []
    for start in sorted(curriculum.capsules):
        seen: set[str] = set()
        stack = [(start, [start])]
        while stack:
            current, trail = stack.pop()
            capsule = curriculum.capsules.get(current)
            for after in capsule.prerequisites if capsule else []:
                if after == start and start == min(trail):  # one report per circle
                    cycle = " → ".join([*trail, start])
                    path = base / "capsules" / f"{start}.yml"
                    found.append(
                        problem(
                            path,
                            _key_lines(raw.get(path)).get("prerequisites", 1),
                            "prerequisite-cycle",
                            f"the prerequisites go round in a circle: {cycle}",
                        )
                    )
                    stack.clear()
                    break
                if after == start:
                    continue
                if after not in seen:
                    seen.add(after)
                    stack.append((after, [*trail, after]))
    return found


# Helpers ----------------------------------------------------------------------


def _inside(folder: Path, relative: str) -> bool:
    """Whether a path written in a file stays inside `folder` (no /x, no ..)."""
    if not relative or relative.startswith(("/", "\\")) or ":" in relative:
        return False
    return folder.joinpath(relative).resolve().is_relative_to(folder.resolve())


def _is_date(text: str) -> bool:
    if not _DATE.fullmatch(text):
        return False
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _key_lines(data) -> dict:
    return data.key_lines if isinstance(data, yamlfile.YamlMap) else {}


def _items(data, key: str) -> list:
    """The entries of the list under `key` in a parsed file (each mapping knows its line)."""
    items = data.get(key) if isinstance(data, yamlfile.YamlMap) else None
    return list(items) if isinstance(items, yamlfile.YamlList) else []


def _item_lines(data, key: str) -> list[int]:
    """The line of each entry of the list under `key`."""
    return [getattr(item, "line", 1) for item in _items(data, key)]


def _id_lines(data, key: str) -> dict[str, int]:
    """The line of each entry of the list under `key`, by its id."""
    return {item.get("id"): item.line for item in _items(data, key) if _with_id(item)}


def _with_id(item) -> bool:
    """An entry with a text id (an id of another type is reported by the model's check)."""
    return isinstance(item, yamlfile.YamlMap) and isinstance(item.get("id"), str)
