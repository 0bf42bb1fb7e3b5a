"""Answering a quiz in a browser page or frame as a learner would, whatever the
question type and however the options were shuffled: options are found by their
value (their place in the YAML), never by their place on the screen."""

from __future__ import annotations

from portfolio.models import Question, Quiz


def fieldset(number: int) -> str:
    return f".quiz__question:nth-of-type({number})"


def right_choices(question: Question) -> list[int]:
    return [i for i, o in enumerate(question.options, 1) if o.correct]


def wrong_choice(question: Question) -> int:
    return next(i for i, o in enumerate(question.options, 1) if not o.correct)


def answer_question(page, number: int, question: Question, right: bool) -> None:
    """Answer one question, all right or all wrong."""
    here = fieldset(number)
    if question.type == "matching":
        count = len(question.pairs)
        for index in range(1, count + 1):
            value = index if right else index % count + 1  # each item given the next item's match
            page.select_option(f"{here} select[data-answer='{index}']", str(value))
    elif question.type == "ordering":
        count = len(question.items)
        wanted = list(range(1, count + 1)) if right else [*range(2, count + 1), 1]
        order_items(page, here, wanted)
    else:
        for value in right_choices(question) if right else [wrong_choice(question)]:
            page.check(f"{here} input[value='{value}']")


def order_items(page, here: str, wanted: list[int]) -> None:
    """Move the items with the Up buttons until their right places read `wanted`."""
    for target, position in enumerate(wanted):
        while True:
            shown = current_order(page, here)
            if shown.index(position) <= target:
                break
            page.click(f"{here} .quiz__order-item[data-position='{position}'] .quiz__move[data-move='-1']")


def current_order(page, here: str) -> list[int]:
    return [
        int(p)
        for p in page.eval_on_selector_all(f"{here} .quiz__order-item", "items => items.map(i => i.dataset.position)")
    ]


def answer_quiz(page, quiz: Quiz, right: bool) -> None:
    for number, question in enumerate(quiz.questions, 1):
        answer_question(page, number, question, right)


def answer_anyhow(question) -> None:
    """Give one question (an element handle) some answer without reading it: its first
    option as shown, the first match for each item; an ordering question always has one."""
    first = question.query_selector("input")
    if first:
        first.check()
    for select in question.query_selector_all("select"):
        select.select_option(index=1)


def answer_all_anyhow(page) -> None:
    for question in page.query_selector_all(".quiz__question"):
        answer_anyhow(question)
