"""Matching questions: each item goes with one match (a situation and its step).

The learner picks a match for every item from one list, shown in a shuffled order;
each right pair earns its share of the question, as in Moodle's matching questions.
The list also holds `extra_matches`, which go with no item (Moodle's answers with a
blank question): without them, a learner who knows every pair but one gets the last
by elimination.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from portfolio.locale_facts import said_like
from portfolio.models import Question
from portfolio.problems import Problem, problem
from portfolio.question_types import Localise, QuestionKind, count_between, missing_feedback, repeated_texts

PAIRS = (3, 6)
EXTRA_MATCHES = (0, 3)


class Matching(QuestionKind):
    name = "matching"
    partial = "matching"
    fields = ("pairs", "extra_matches", "feedback")

    def check(self, question: Question, path: Path, line: int) -> list[Problem]:
        found = super().check(question, path, line)
        found.extend(count_between(path, line, question, "pairs", len(question.pairs), *PAIRS))
        extras = question.extra_matches
        found.extend(count_between(path, line, question, "extra matches", len(extras), *EXTRA_MATCHES))
        found.extend(repeated_texts(path, line, question, "matches", [p.match for p in question.pairs] + extras))
        found.extend(repeated_texts(path, line, question, "items", [p.item for p in question.pairs]))
        if question.pairs and not extras:
            said = f"every match of matching question `{question.id}` fits an item: the last is found by elimination"
            found.append(problem(path, line, "guess-elimination", said))
        return found + missing_feedback(path, line, question)

    def chance(self, question: Question) -> float:
        """Answered at random, each item gets one of the matches (extra ones included)."""
        choices = len(question.pairs) + len(question.extra_matches)
        return 1 / choices if choices else 0.0

    def answer_key(self, question: Question, text: Localise) -> list[str]:
        lines = [(text(p.item), text(p.match)) for p in question.pairs]
        return [said_like(item, f"{item} → {match}", match) for item, match in lines]

    def bank_view(self, question: Question, text: Localise) -> dict[str, Any]:
        return {
            "pairs": [{"item": text(p.item), "match": text(p.match)} for p in question.pairs],
            "extra_matches": [text(match) for match in question.extra_matches],
            "feedback": text(question.feedback) if question.feedback else "",
        }
