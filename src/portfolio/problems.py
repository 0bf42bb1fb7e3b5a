"""Problems found in the sources, and how they are shown to people.

Every check in the project returns `Problem`s; nothing raises on bad input.
Rules are data: each rule id has its severity and the default way to fix it.
"""

from __future__ import annotations

import difflib
import functools
import os
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from portfolio.locations import KIT_PART, KIT_PARTS, PILOT_COURSE_PAGE
from portfolio.project import project_root

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    rule: str
    message: str
    fix: str = ""

    @property
    def severity(self) -> str:
        return RULES[self.rule][0]

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def format(self, ci: bool = False) -> str:
        """One line: `path:line [rule] what is wrong — how to fix`."""
        fix = self.fix or RULES[self.rule][1]
        text = f"[{self.rule}] {self.message} — {fix}"
        if ci:
            return f"::{self.severity} file={self.path},line={self.line}::{text}"
        return f"{self.path}:{self.line} {text}"


def problem(path: Path | str, line: int, rule: str, message: str, fix: str = "") -> Problem:
    """Build a Problem with a path shown relative to the working directory."""
    if rule not in RULES:
        raise KeyError(f"unknown rule {rule!r}")
    return Problem(_display_path(path), max(line, 1), rule, message, fix)


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.is_error]


def report(problems: list[Problem], ci: bool | None = None) -> str:
    """All problems under a one-line count, the errors first (not lost among many
    warnings), each group sorted by file and line; then, when there are several, one
    line per rule with how many problems it found in how many files and how to fix them
    (said once)."""
    if ci is None:
        ci = bool(os.environ.get("CI"))
    n_err = len(errors(problems))
    n_warn = len(problems) - n_err
    head = f"{n_err} error(s), {n_warn} warning(s)"
    lines = [p.format(ci) for p in sorted(problems, key=lambda p: (not p.is_error, p))]
    counted = ["", "By rule:", *by_rule(problems)] if len(problems) > 1 else []
    return "\n".join([head, *lines, *counted])


def by_rule(problems: list[Problem]) -> list[str]:
    """One line per rule, errors first: how many problems, in how many files, and the fix."""
    rules = sorted({p.rule for p in problems}, key=lambda r: (RULES[r][0] != ERROR, r))
    lines = []
    for rule in rules:
        found = [p for p in problems if p.rule == rule]
        files = len({p.path for p in found})
        where = f"in {files} file{'s' if files > 1 else ''}"
        lines.append(f"  [{rule}] {len(found)} {where} — {RULES[rule][1]}")
    return lines


class ProblemsFound(Exception):
    """Raised by the build when validation found errors; carries them all."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(report(problems))

    def __reduce__(self):  # raised in a worker process (a PDF), read back whole in the build
        return (ProblemsFound, (self.problems,))


class PageProblem(Exception):
    """Raised by a macro when a page asks for what cannot be shown (an id that does not
    exist); the build adds the page's file and line (portfolio.page_templates)."""

    def __init__(self, rule: str, message: str, fix: str = ""):
        self.rule, self.message, self.fix = rule, message, fix
        super().__init__(f"[{rule}] {message}")

    def __reduce__(self):  # kept whole if raised in a worker process
        return (PageProblem, (self.rule, self.message, self.fix))

    def at(self, path: Path | str, line: int, note: str = "") -> Problem:
        """The problem at `line` of the page `path` (`note` added to the message)."""
        return problem(path, line, self.rule, f"{self.message}{note}", self.fix)


def unknown_id(
    kind: str, name: object, known: Iterable[str], named_by: str = "the page", rule: str = ""
) -> PageProblem:
    """`named_by` (the page, its front matter) names a `kind` of id (capsule, quiz,
    track…) that does not exist; the rule is `unknown-<kind>` unless `rule` is given."""
    known = sorted(known)
    message = f"{named_by} names the {kind} `{name}`, which does not exist"
    guess = closest(str(name), known)
    others = ", ".join(k for k in known if k != guess)
    if guess:
        fix = f"did you mean `{guess}`?" + (f" Or use one of: {others}" if others else "")
    else:
        fix = f"use one of: {others or 'none yet'}"
    return PageProblem(rule or f"unknown-{kind}", message, fix)


def close_matches(name: str, known: Iterable[str], n: int = 1, cutoff: float = 0.6) -> list[str]:
    """What a mistyped `name` may have meant: the `n` of `known` closest to it that are at
    least `cutoff` alike (0 to 1), closest first; the one way every "did you mean" is found."""
    return difflib.get_close_matches(name, list(known), n=n, cutoff=cutoff)


def closest(name: str, known: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The one of `known` closest to a mistyped `name` (close_matches), or None."""
    found = close_matches(name, known, 1, cutoff)
    return found[0] if found else None


def article(word: str) -> str:
    """The article a message puts before `word`: "an" before a vowel, else "a"."""
    return "an" if word[:1].lower() in "aeiou" else "a"


def closest_path(path: str, known: Iterable[str], cutoff: float = 0.8) -> str | None:
    """The path of `known` (as `a/b.md`) in the folder of a mistyped `path` whose file name is
    closest to its name (glosary.md for glossary.md): paths of one folder share so much that
    whole paths would all seem alike."""
    folder, name = posixpath.split(path)
    guess = closest(name, [posixpath.basename(p) for p in known if posixpath.dirname(p) == folder], cutoff)
    return posixpath.join(folder, guess) if guess else None


def did_you_mean(name: str, known: Iterable[str], cutoff: float = 0.6) -> str:
    """`did you mean `x`?`, x the one of `known` closest to a mistyped `name`; '' if none is close."""
    guess = closest(name, known, cutoff)
    return f"did you mean `{guess}`?" if guess else ""


def no_page_capsule() -> PageProblem:
    """A macro given no id shows the page's capsule, and the page names none."""
    return PageProblem(
        "unknown-capsule",
        "a macro without an id shows the page's capsule, but the page's front matter names none",
        'set `capsule:` in the front matter, or give the macro the id (quiz("peer-sessions"))',
    )


def kit_fault(part: object, on_kit_page: bool | None, named: bool = True) -> PageProblem | None:
    """Why `kit_file(part)` links no Word file, or None: a part the kit has not (unless the
    part is not `named` yet: a variable's), or a page other than the pilot course kit's,
    which alone has the Word versions (`on_kit_page` None: no page to tell)."""
    if named and part not in KIT_PARTS:
        return unknown_id(KIT_PART, part, KIT_PARTS, rule="unknown-kit-part")
    if on_kit_page is False:
        return PageProblem(
            "kit-part",
            f'`kit_file("{part}")` links a Word file made from {PILOT_COURSE_PAGE} only',
            f"move the line under the part's heading on {PILOT_COURSE_PAGE}, or remove it",
        )
    return None


# Helpers ----------------------------------------------------------------------


def _display_path(path: Path | str) -> str:
    """The path from the top of its project (the folder with mkdocs.yml), wherever the
    command runs; from the working directory for a file outside any project."""
    return _shown(str(path), os.getcwd())


@functools.lru_cache(maxsize=4096)
def _shown(path: str, cwd: str) -> str:
    """`_display_path`, worked out once per file: a file with thousands of warnings (a
    language that has just been added) does not look for its project thousands of times."""
    path = Path(path)
    resolved = path.resolve()
    base = project_root(resolved.parent) or Path(cwd).resolve()
    try:
        return resolved.relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()


# Data: rule id -> (severity, how to fix) --------------------------------------
RULES: dict[str, tuple[str, str]] = {
    "missing-file": (ERROR, "create it (README.md describes each curriculum file)"),
    "unreadable-file": (ERROR, "check that the file exists and that you may read it"),
    "not-utf8": (ERROR, "save the file as UTF-8 (in most editors: Save with encoding, UTF-8)"),
    "control-character": (
        ERROR,
        "delete the invisible character (often pasted from another program): retype the line around it",
    ),
    "yaml-syntax": (ERROR, "fix the YAML near this line (indentation, a missing colon or quote)"),
    "duplicate-key": (ERROR, "keep one of the two keys"),
    "unknown-key": (ERROR, "remove it or correct its spelling"),
    "missing-field": (ERROR, "add it"),
    "wrong-type": (ERROR, "change the value to the expected type"),
    "unknown-value": (ERROR, "use one of the allowed values"),
    "duplicate-id": (ERROR, "give each item its own id"),
    "id-mismatch": (ERROR, "make the id equal to the file name without .yml, or rename the file"),
    "unknown-capsule": (ERROR, "use the id of a file in curriculum/capsules/"),
    "unknown-quiz": (ERROR, "use the id of a file in curriculum/quizzes/"),
    "unknown-kit-part": (ERROR, "use the id of a part's heading on the pilot course page"),
    "kit-part": (ERROR, "put the line under the part's heading on the pilot course page"),
    "unknown-self-assessment": (ERROR, "use the id of a file in curriculum/self-assessments/"),
    "unknown-chapter": (ERROR, "use a path of a page under docs/<default language>/"),
    "missing-default-language": (ERROR, "add the text in the default language"),
    "unrecorded-translation": (WARNING, "once it is checked, run `portfolio translations --mark LANG PATH`"),
    "missing-translation": (WARNING, "add the translation; until then readers see the default language"),
    "no-original": (ERROR, "give the translation the path of its page under docs/<default language>/"),
    "no-correct-answer": (ERROR, "mark at least one option with `correct: true`"),
    "several-correct-answers": (ERROR, "mark exactly one option correct, or make it `type: multiple`"),
    "missing-section": (ERROR, "add the section"),
    "section-mismatch": (ERROR, "give the translation the same `{ #id }` sections, in the same order, as the English"),
    "checklist-mismatch": (ERROR, "give the translation one checklist item for each English item"),
    "step-mismatch": (ERROR, "make `step` equal to the number at the start of the file name"),
    "capsule-in-no-track": (ERROR, "add it to a track in curriculum/course.yml"),
    "quiz-too-short": (ERROR, "give the quiz at least six questions"),
    "band-gap": (ERROR, "extend a band so that every total score falls in one band"),
    "band-overlap": (ERROR, "make the bands meet without overlapping (one ends at n, the next starts at n + 1)"),
    "no-consent": (
        ERROR,
        "record the person's consent (given: true, date) only once they agreed in writing, or remove them",
    ),
    "unknown-person": (ERROR, "use the id of a person in curriculum/people.yml"),
    "contact-in-markdown": (
        ERROR,
        "put the person in curriculum/people.yml with their consent and show them with {{ contacts() }}",
    ),
    "unknown-adaptation": (ERROR, "use one of the adaptation points (portfolio adapt lists them)"),
    "contact-in-text": (
        ERROR,
        "put the person in curriculum/people.yml with their consent; organisation channels go in organisation.yml",
    ),
    "unsafe-markup": (
        ERROR,
        "remove it: scripts belong in docs/assets/javascripts, images and files under docs/, links to pages or https",
    ),
    "doubled-apostrophe": (
        ERROR,
        "write one apostrophe; YAML wants it doubled only in a text between single quotes ('…''…')",
    ),
    "markup-in-text": (
        ERROR,
        "keep to Markdown emphasis, lists and links to https sites (a page of the site by its published address)",
    ),
    "unsafe-template": (ERROR, 'use only the project\'s macros and variables, e.g. {{ capsule_card("id") }}'),
    "unknown-variable": (ERROR, "use the project's variables or its macros (README: Writing pages)"),
    "unknown-macro": (ERROR, "use one of the project's macros (README: Writing pages)"),
    "unknown-interface-text": (ERROR, "use a key of curriculum/interface.yml, or add it there in every language"),
    "id-not-text": (
        ERROR,
        'write the id itself, in quotes, e.g. quiz("peer-sessions"): then it is checked before the build',
    ),
    "page-settings": (ERROR, "start the page with its `# title`; page settings go between two `---` lines at the top"),
    "broken-link": (ERROR, "point the link at a page or file under docs/, written relative to this page's file"),
    "html-link": (
        WARNING,
        "write it in Markdown, [text](page.md) or ![description](image.png): MkDocs checks those and writes the"
        " right address",
    ),
    "not-in-nav": (ERROR, "add the page to `nav:` in mkdocs.yml where readers look for it, or remove the page"),
    "layout-part": (ERROR, "remove the call from the page (templates/layouts/ shows what each layout holds)"),
    "template-syntax": (ERROR, "close every {{ … }} and {% … %}; write {{ '{{' }} for literal braces"),
    "bad-id": (ERROR, "use lower-case letters, digits and hyphens only, e.g. first-meeting"),
    "long-title": (ERROR, "shorten it to a name; say the rest in the text under it"),
    "bad-pass-mark": (ERROR, "give a pass mark from 1 to 100 (a percentage)"),
    "true-false-options": (ERROR, "give a true-false question exactly two options: true first, then false"),
    "too-many-correct": (ERROR, "mark fewer options correct, or split the question in two"),
    "no-wrong-option": (ERROR, "add a wrong option that a learner could believe, or make it a single question"),
    "wrong-question-field": (ERROR, "remove the field this question type does not use"),
    "question-size": (ERROR, "change the number of options, pairs or items"),
    "same-answer-twice": (ERROR, "write each pair's match, or each item, differently"),
    "missing-feedback": (ERROR, "add `feedback:` that explains the right answer in every language"),
    "no-objective": (WARNING, "add `objective: N`, the number of the capsule objective it tests (from 1)"),
    "unknown-objective": (ERROR, "use the number of one of the capsule's objectives, from 1"),
    "guess-position": (WARNING, "move right options to other places, so that each place is used about as often"),
    "guess-longest": (
        WARNING,
        "make the options of each question about as long; lengthen wrong ones or shorten right ones",
    ),
    "guess-true-false": (WARNING, "rewrite some statements so that true and false answers balance"),
    "guess-elimination": (
        WARNING,
        "add one or two `extra_matches:`, answers that fit no item but that a learner who has not studied could pick",
    ),
    "guess-wrong-place": (WARNING, "put the wrong options of multiple-answer questions at different places"),
    "guess-blind-score": (
        ERROR,
        "balance places, lengths and true/false answers until no rule that ignores the questions nears the pass mark",
    ),
    "prerequisite-cycle": (ERROR, "remove one of the prerequisites so that the chain has a first capsule"),
    "unused-quiz": (WARNING, "name it in a capsule's `quiz:` or delete the file"),
    "reread-not-a-chapter": (ERROR, "name a page the capsule lists in `chapters`, or add the page there"),
    "unknown-language": (
        ERROR,
        "use a language code the theme has texts for (as the i18n plugin in mkdocs.yml declares it), and a folder"
        " docs/<code>/ of a declared language",
    ),
    "unknown-nav-section": (ERROR, "use the title of a section of `nav:` in mkdocs.yml"),
    "missing-interface-string": (ERROR, "add the key to curriculum/interface.yml (copy it from the project's own)"),
    "missing-plural-form": (
        ERROR,
        "add the form with its text: until then readers of the language see the `other` form for those numbers",
    ),
    "unknown-plural-form": (WARNING, "remove it: no number takes this form in the language"),
    "config-syntax": (ERROR, "fix mkdocs.yml near this line"),
    "translation-record": (ERROR, "let `portfolio translations --mark LANG FILE` write the file"),
    "unsafe-config": (
        ERROR,
        "remove the tag: mkdocs.yml may name only the functions the theme's and extensions' documentation sets",
    ),
    "unlinked-mention": (WARNING, "link the mention to the page it names"),
    "unknown-track": (ERROR, "use the id of a track in curriculum/course.yml"),
    "unknown-form": (ERROR, "use a form of curriculum/forms/"),
    "avoid-term": (WARNING, "use the agreed term of curriculum/terminology.yml"),
    "bad-duration": (ERROR, "give a number of minutes greater than zero"),
    "minutes-mismatch": (ERROR, "make the activities' minutes add up to the capsule's duration"),
    "no-break": (ERROR, "add an activity with `kind: break`"),
    "live-in-self-study": (ERROR, "set the capsule's `mode:` to distance"),
    "statements-differ": (ERROR, "give both self-assessments the same statements"),
    "unknown-material": (
        ERROR,
        "write the id of a file in curriculum/materials/; for a material the project lacks, add that file first"
        " (README: Materials)",
    ),
    "material-content": (ERROR, "give the material the field its kind needs, and none of the others"),
    "unknown-nav-title": (WARNING, "write the title as `nav:` in mkdocs.yml writes it"),
    "no-legal-notes": (
        WARNING,
        "write `legal_notes:` in each language: what your organisation keeps about people, why, who sees"
        " it, and how to see, correct or delete it (the project's own organisation.yml has an example)",
    ),
    "bad-logo": (ERROR, "use an SVG or a PNG file under docs/, at most 2000×2000 px and 1 MB"),
    "unused-material": (WARNING, "name it in an activity's `materials:` or delete the file"),
}
