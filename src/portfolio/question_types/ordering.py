"""Ordering questions: put items in sequence (the steps of a first meeting).

Items are written in the right order and shown shuffled; the learner moves them with
buttons (no dragging). Each item in its right place earns its share of the question,
as Moodle's ordering question grades with "absolute position".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from portfolio.locale_facts import said_like
from portfolio.models import Question
from portfolio.problems import Problem
from portfolio.question_types import Localise, QuestionKind, count_between, missing_feedback, repeated_texts

ITEMS = (3, 6)


class Ordering(QuestionKind):
    name = "ordering"
    partial = "ordering"
    gift = False  # GIFT has no ordering questions: the item is left out of GIFT banks
    fields = ("items", "feedback")

    def check(self, question: Question, path: Path, line: int) -> list[Problem]:
        found = super().check(question, path, line)
        found.extend(count_between(path, line, question, "items", len(question.items), *ITEMS))
        found.extend(repeated_texts(path, line, question, "items", question.items))
        return found + missing_feedback(path, line, question)

    def chance(self, question: Question) -> float:
        """A random order puts one item in n in its place on average."""
        return 1 / len(question.items) if question.items else 0.0

    def answer_key(self, question: Question, text: Localise) -> list[str]:
        return [said_like(said, f"{n}. {said}") for n, said in enumerate(map(text, question.items), 1)]

    def bank_view(self, question: Question, text: Localise) -> dict[str, Any]:
        return {
            "items": [text(item) for item in question.items],
            "feedback": text(question.feedback) if question.feedback else "",
        }
