"""How much of a quiz can be guessed without reading it (the `guess-*` rules).

The limits are data (curriculum/quiz-balance.yml). Four rules look at how the answers
are laid out across a quiz: where the right option of single-choice questions sits,
how often it is the longest, how true and false answers balance, where the wrong
options of multiple-answer questions sit. A fifth plays every answer-blind strategy
(always the same place, the longest option, always true or false, tick all, tick all
but the last...) and reports the best one when it comes near the pass mark.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from portfolio.models import Question, Quiz, QuizBalance
from portfolio.problems import Problem, problem
from portfolio.question_types import kind_of


def check_balance(
    quiz: Quiz, limits: QuizBalance, path: Path, line: int, languages: tuple[str, ...], default: str
) -> list[Problem]:
    """The `guess-*` problems of one quiz; `line` is where its questions start."""
    by_type = _by_type(quiz)
    found = []
    singles = [q for q in by_type.get("single", []) if q.options]
    if len(singles) >= limits.min_questions:
        found.extend(_positions(singles, limits, path, line))
        found.extend(_longest(singles, limits, path, line, languages, default))
    true_false = [q for q in by_type.get("true-false", []) if len(q.options) == 2]
    if len(true_false) >= 2:
        found.extend(_true_false(true_false, limits, path, line))
    multiple = [q for q in by_type.get("multiple", []) if q.options]
    if len(multiple) >= limits.min_questions:
        found.extend(_wrong_places(multiple, limits, path, line))
    found.extend(_blind_score(quiz, limits, path, line, languages, default))
    return found


def blind_score(quiz: Quiz, lang: str, default: str) -> tuple[float, list[str]]:
    """The best score (percent) of an answer-blind strategy in one language, and the
    strategy: per question type, the rule that does best across the whole quiz."""
    points, names = 0.0, []
    for questions in _by_type(quiz).values():
        totals: Counter[str] = Counter()
        for question in questions:
            totals.update(kind_of(question).blind_scores(question, lang, default))
        best = max(totals, key=lambda name: totals[name])
        points += totals[best]
        names.append(best)
    return 100 * points / max(1, len(quiz.questions)), names


def chance_score(quiz: Quiz) -> float:
    """The expected score (percent) of answering every question at random."""
    return 100 * sum(kind_of(q).chance(q) for q in quiz.questions) / max(1, len(quiz.questions))


def _by_type(quiz: Quiz) -> dict[str, list[Question]]:
    """The quiz's questions grouped by type, in order."""
    by_type: dict[str, list[Question]] = {}
    for question in quiz.questions:
        by_type.setdefault(question.type, []).append(question)
    return by_type


def _share(count: int, total: int) -> float:
    return 100 * count / total


def _positions(singles: list[Question], limits: QuizBalance, path: Path, line: int) -> list[Problem]:
    places = Counter(next(n for n, o in enumerate(q.options, 1) if o.correct) for q in singles if _has_right(q))
    if not places:
        return []
    place, count = places.most_common(1)[0]
    if _share(count, len(singles)) <= limits.position_max_share:
        return []
    return [
        problem(
            path,
            line,
            "guess-position",
            f"the right option is option {place} in {count} of {len(singles)} single-choice questions"
            f" ({_share(count, len(singles)):.0f}%, at most {limits.position_max_share}%)",
        )
    ]


def _longest(
    singles: list[Question], limits: QuizBalance, path: Path, line: int, languages: tuple[str, ...], default: str
) -> list[Problem]:
    found = []
    for lang in languages:
        count = sum(_is_longest(q, lang, default) for q in singles)
        if _share(count, len(singles)) > limits.longest_max_share:
            found.append(
                problem(
                    path,
                    line,
                    "guess-longest",
                    f"the right option is the longest in {count} of {len(singles)} single-choice questions"
                    f" in {lang} ({_share(count, len(singles)):.0f}%, at most {limits.longest_max_share}%)",
                )
            )
    return found


def _is_longest(question: Question, lang: str, default: str) -> bool:
    lengths = [len(o.text.get_text(lang, default)) for o in question.options]
    right = [length for o, length in zip(question.options, lengths, strict=True) if o.correct]
    return bool(right) and right[0] == max(lengths) and lengths.count(max(lengths)) == 1


def _true_false(questions: list[Question], limits: QuizBalance, path: Path, line: int) -> list[Problem]:
    true = sum(q.options[0].correct for q in questions)
    share = _share(true, len(questions))
    if limits.true_min_share <= share <= limits.true_max_share:
        return []
    return [
        problem(
            path,
            line,
            "guess-true-false",
            f"{true} of {len(questions)} true-false questions are true ({share:.0f}%,"
            f" keep it from {limits.true_min_share}% to {limits.true_max_share}%)",
        )
    ]


def _wrong_places(multiple: list[Question], limits: QuizBalance, path: Path, line: int) -> list[Problem]:
    places = Counter(_place(n, len(q.options)) for q in multiple for n, o in enumerate(q.options, 1) if not o.correct)
    total = sum(places.values())
    if not total:
        return []
    place, count = places.most_common(1)[0]
    if _share(count, total) <= limits.wrong_place_max_share:
        return []
    return [
        problem(
            path,
            line,
            "guess-wrong-place",
            f"{count} of the {total} wrong options of multiple-answer questions are {place}"
            f" ({_share(count, total):.0f}%, at most {limits.wrong_place_max_share}%)",
        )
    ]


def _place(number: int, count: int) -> str:
    """Where an option sits, as a learner guessing would see it."""
    if number == count:
        return "the last option"
    return f"option {number}"


def _blind_score(
    quiz: Quiz, limits: QuizBalance, path: Path, line: int, languages: tuple[str, ...], default: str
) -> list[Problem]:
    ceiling = quiz.pass_mark - limits.blind_margin
    best = max(((*blind_score(quiz, lang, default), lang) for lang in languages), key=lambda found: found[0])
    score, names, lang = best
    if score <= ceiling:
        return []
    return [
        problem(
            path,
            line,
            "guess-blind-score",
            f"answering without reading ({', '.join(names)}) scores {score:.0f}% in {lang};"
            f" the pass mark is {quiz.pass_mark}% and a blind answer may reach {ceiling}% at most",
        )
    ]


def _has_right(question: Question) -> bool:
    return any(o.correct for o in question.options)
