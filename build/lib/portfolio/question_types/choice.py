"""Choice questions: one right option (single), several (multiple), or true/false.

Every option carries its own feedback. A multiple-answer question is scored as Moodle
scores the exported banks (see quiz.js): each right option ticked earns its share,
each wrong one ticked costs the whole question, never below zero.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

from portfolio.models import MAX_CORRECT, MOODLE_FRACTIONS, Option, Question
from portfolio.problems import Problem, problem
from portfolio.question_types import Localise, QuestionKind, count_between


class Choice(QuestionKind):
    partial = "choice"
    fields = ("options",)
    options_range = (2, 6)

    def check(self, question: Question, path: Path, line: int) -> list[Problem]:
        found = super().check(question, path, line)
        found.extend(count_between(path, line, question, "options", len(question.options), *self.options_range))
        correct = right_count(question)
        if correct == 0 and question.options:
            found.append(problem(path, line, "no-correct-answer", f"question `{question.id}` has no correct option"))
        return found

    def answer_key(self, question: Question, text: Localise) -> list[str]:
        return [text(o.text) for o in question.options if o.correct]

    def bank_view(self, question: Question, text: Localise) -> dict[str, Any]:
        correct = right_count(question)
        return {
            "options": [
                {
                    "text": text(o.text),
                    "feedback": text(o.feedback),
                    "correct": o.correct,
                    "fraction": self.fraction(o.correct, correct),
                    "mark": "=" if o.correct else "~",
                }
                for o in question.options
            ]
        }

    def fraction(self, is_correct: bool, correct: int) -> str:
        """Moodle's grade for choosing this option, in percent."""
        return "100" if is_correct else "0"


class Single(Choice):
    name = "single"
    options_range = (3, 5)

    def check(self, question: Question, path: Path, line: int) -> list[Problem]:
        found = super().check(question, path, line)
        correct = right_count(question)
        if correct > 1:
            found.append(
                problem(
                    path,
                    line,
                    "several-correct-answers",
                    f"single question `{question.id}` has {correct} correct options",
                )
            )
        return found

    def chance(self, question: Question) -> float:
        return 1 / len(question.options)

    def blind_scores(self, question: Question, lang: str, default: str) -> dict[str, float]:
        options = question.options
        scores = {f"always option {n}": float(options[min(n, len(options)) - 1].correct) for n in range(1, 6)}
        lengths = [len(o.text.get_text(lang, default)) for o in options]
        for label, pick in (("the longest option", max), ("the shortest option", min)):
            chosen = [o for o, length in zip(options, lengths, strict=True) if length == pick(lengths)]
            scores[label] = sum(o.correct for o in chosen) / len(chosen)
        return scores


class Multiple(Choice):
    name = "multiple"
    options_range = (3, 6)

    def check(self, question: Question, path: Path, line: int) -> list[Problem]:
        found = super().check(question, path, line)
        correct = right_count(question)
        if correct > MAX_CORRECT:
            found.append(
                problem(
                    path,
                    line,
                    "too-many-correct",
                    f"question `{question.id}` has {correct} correct options; Moodle can score {MAX_CORRECT} at most",
                )
            )
        if question.options and correct == len(question.options):
            found.append(
                problem(
                    path,
                    line,
                    "no-wrong-option",
                    f"every option of multiple question `{question.id}` is correct: ticking all scores full marks",
                )
            )
        return found

    def fraction(self, is_correct: bool, correct: int) -> str:
        return MOODLE_FRACTIONS.get(correct, "0") if is_correct else "-100"

    def bank_view(self, question: Question, text: Localise) -> dict[str, Any]:
        view = super().bank_view(question, text)
        for option in view["options"]:
            option["mark"] = f"~%{option['fraction']}%"
        return view

    def chance(self, question: Question) -> float:
        """Every non-empty set of ticks equally likely."""
        ticks = [
            subset
            for size in range(1, len(question.options) + 1)
            for subset in itertools.combinations(question.options, size)
        ]
        return sum(score(question.options, chosen) for chosen in ticks) / len(ticks)

    def blind_scores(self, question: Question, lang: str, default: str) -> dict[str, float]:
        options = question.options
        picks = {
            "tick all": options,
            "tick all but the last": options[:-1],
            "tick all but the first": options[1:],
            "tick the first two": options[:2],
            "tick the last two": options[-2:],
        }
        return {label: score(options, chosen) for label, chosen in picks.items()}


class TrueFalse(Choice):
    name = "true-false"
    options_range = (2, 2)

    def check(self, question: Question, path: Path, line: int) -> list[Problem]:
        found = QuestionKind.check(self, question, path, line)
        if len(question.options) != 2:
            return [
                *found,
                problem(
                    path,
                    line,
                    "true-false-options",
                    f"true-false question `{question.id}` has {len(question.options)} options",
                ),
            ]
        correct = right_count(question)
        if correct != 1:
            rule = "no-correct-answer" if correct == 0 else "several-correct-answers"
            found.append(
                problem(path, line, rule, f"true-false question `{question.id}` has {correct} correct options")
            )
        return found

    def chance(self, question: Question) -> float:
        return 0.5

    def blind_scores(self, question: Question, lang: str, default: str) -> dict[str, float]:
        return {"always true": float(question.options[0].correct), "always false": float(question.options[1].correct)}

    def bank_view(self, question: Question, text: Localise) -> dict[str, Any]:
        view = super().bank_view(question, text)
        right = next(o for o in question.options if o.correct)
        other = next(o for o in question.options if not o.correct)
        # The option that is right says whether the statement is true: the first option is "True".
        view["true_is_correct"] = question.options[0].correct
        view["right_feedback"] = text(right.feedback)
        view["wrong_feedback"] = text(other.feedback)
        for option, value in zip(view["options"], ("true", "false"), strict=True):
            option["text"] = value
        return view


def right_count(question: Question) -> int:
    """How many of the question's options are right."""
    return sum(o.correct for o in question.options)


def score(options: list[Option], chosen) -> float:
    """A multiple-answer question's score for a set of ticked options (Moodle's policy)."""
    correct = sum(o.correct for o in options)
    total = sum(1 / correct if o.correct else -1 for o in chosen)
    return max(0.0, min(1.0, total))
