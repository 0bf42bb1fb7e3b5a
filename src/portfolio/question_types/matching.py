"""Matching questions: each item goes with one match (a situation and its step).

The learner picks a match for every item from one list, shown in a shuffled order;
each right pair earns its share of the question, as in Moodle's matching questions.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from portfolio.locale_facts import said_like
from portfolio.models import Question
from portfolio.problems import Problem
from portfolio.question_types import Localise, QuestionKind, count_between, missing_feedback, repeated_texts

PAIRS = (3, 6)


class Matching(QuestionKind):
    name = "matching"
    partial = "matching"
    fields = ("pairs", "feedback")

    def check(self, question: Question, path: Path, line: int) -> list[Problem]:
        found = super().check(question, path, line)
        found.extend(count_between(path, line, question, "pairs", len(question.pairs), *PAIRS))
        found.extend(repeated_texts(path, line, question, "matches", [p.match for p in question.pairs]))
        found.extend(repeated_texts(path, line, question, "items", [p.item for p in question.pairs]))
        return found + missing_feedback(path, line, question)

    def chance(self, question: Question) -> float:
        """A random one-to-one matching gets one pair in n right on average."""
        return 1 / len(question.pairs) if question.pairs else 0.0

    def answer_key(self, question: Question, text: Localise) -> list[str]:
        lines = [(text(p.item), text(p.match)) for p in question.pairs]
        return [said_like(item, f"{item} → {match}", match) for item, match in lines]

    def bank_view(self, question: Question, text: Localise) -> dict[str, Any]:
        return {
            "pairs": [{"item": text(p.item), "match": text(p.match)} for p in question.pairs],
            "feedback": text(question.feedback) if question.feedback else "",
        }
