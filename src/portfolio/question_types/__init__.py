"""Question types as a registry: each type is one module of this package.

A type says how its questions are checked, what an answer-blind learner would score,
what the trainer's answer key shows and what the Moodle banks hold. Its web form is
the partial `overrides/partials/questions/<partial>.html`; its bank entries are
`templates/lms/questions/<partial>.xml` and `.gift`; its labels are interface strings.
Adding a type means one module here, those templates and its labels.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from portfolio.models import Question, Text
from portfolio.problems import Problem, problem

# A function that writes a Text in the language being rendered.
Localise = Callable[[Text], str]


class QuestionKind:
    """What every question type provides. Subclasses override what differs."""

    name: str = ""
    partial: str = ""  # web and bank templates: partials/questions/<partial>.html, lms/questions/<partial>.*
    gift: bool = True  # whether Moodle's GIFT format can express it
    # The fields a question of this type holds besides id, type, prompt, objective, scenario.
    fields: tuple[str, ...] = ()

    def check(self, question: Question, path: Path, line: int) -> list[Problem]:
        """Problems in the question's own structure."""
        found = []
        for other in ("options", "pairs", "extra_matches", "items", "feedback"):
            value = getattr(question, other)
            if other not in self.fields and value:
                found.append(
                    problem(
                        path,
                        line,
                        "wrong-question-field",
                        f"{self.name} question `{question.id}` has `{other}`, which this type does not use",
                        f"remove `{other}`; {self.name} questions hold {' and '.join(f'`{f}`' for f in self.fields)}",
                    )
                )
        return found

    def chance(self, question: Question) -> float:
        """The expected score (0 to 1) of answering at random."""
        raise NotImplementedError

    def blind_scores(self, question: Question, lang: str, default: str) -> dict[str, float]:
        """The score (0 to 1) of each answer-blind strategy, by the strategy's name.
        Strategies apply to a whole quiz: "always the second option", "tick all"."""
        return {"any answer": self.chance(question)}

    def answer_key(self, question: Question, text: Localise) -> list[str]:
        """The right answer, as lines of the trainer's answer key."""
        raise NotImplementedError

    def bank_view(self, question: Question, text: Localise) -> dict[str, Any]:
        """What the Moodle bank templates need, besides id, prompt and scenario."""
        raise NotImplementedError


def count_between(path: Path, line: int, question: Question, what: str, count: int, low: int, high: int) -> list:
    """A problem when a question holds fewer than `low` or more than `high` of `what`."""
    if low <= count <= high:
        return []
    return [
        problem(
            path,
            line,
            "question-size",
            f"{question.type} question `{question.id}` has {count} {what}",
            f"give it {low} to {high} {what}",
        )
    ]


def repeated_texts(path: Path, line: int, question: Question, what: str, texts: list[Text]) -> list[Problem]:
    """A problem for each language in which two of `texts` are the same (no single right answer)."""
    found = []
    for lang in sorted({lang for t in texts for lang in t}):
        written = [" ".join(str(t.get(lang, "")).split()).casefold() for t in texts if t.get(lang)]
        if len(written) != len(set(written)):
            found.append(
                problem(
                    path,
                    line,
                    "same-answer-twice",
                    f"two {what} of {question.type} question `{question.id}` read the same in {lang}",
                )
            )
    return found


def missing_feedback(path: Path, line: int, question: Question) -> list[Problem]:
    if question.feedback:
        return []
    return [problem(path, line, "missing-feedback", f"{question.type} question `{question.id}` has no `feedback`")]


def _registry() -> dict[str, QuestionKind]:
    from portfolio.question_types import choice, matching, ordering

    kinds = [choice.Single(), choice.Multiple(), choice.TrueFalse(), matching.Matching(), ordering.Ordering()]
    return {kind.name: kind for kind in kinds}


KINDS: dict[str, QuestionKind] = _registry()


def kind_of(question: Question) -> QuestionKind:
    return KINDS[question.type]
