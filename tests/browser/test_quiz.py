"""A learner takes a quiz in Chromium: wrong, then right, by mouse and by keyboard."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT
from portfolio.validate import load_curriculum

pytestmark = pytest.mark.browser

CAPSULE = "initial-self-assessment"
PROGRESS = "good-tutoring-portfolio:progress"


@pytest.fixture(scope="module")
def answers():
    """For each question, the 1-based numbers of its correct options, from the YAML."""
    curriculum, _ = load_curriculum(ROOT, "en", ("en", "fr", "ar"))
    quiz = curriculum.quizzes[CAPSULE]
    return [[i for i, o in enumerate(q.options, 1) if o.correct] for q in quiz.questions], quiz


def capsule_url(site_url, lang):
    return site_url + ("" if lang == "en" else f"{lang}/") + f"training/capsules/{CAPSULE}/"


def choose(page, question: int, options: list[int]):
    for option in options:
        page.check(f".quiz__question:nth-of-type({question}) .quiz__option:nth-child({option}) input")


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_wrong_then_right_with_feedback_and_score(page, site_url, answers, lang):
    correct, quiz = answers
    page.goto(capsule_url(site_url, lang))
    assert not page.is_visible(".quiz__feedback")  # answers are not shown before checking
    wrong = [
        [next(i for i in range(1, len(q.options) + 1) if i not in c)]
        for c, q in zip(correct, quiz.questions, strict=True)
    ]
    for number, options in enumerate(wrong, 1):
        choose(page, number, options)
    page.click(".quiz button[type=submit]")
    result = page.text_content(".quiz__result")
    zero = page.evaluate(f"new Intl.NumberFormat('{lang}', {{style: 'percent'}}).format(0)")
    assert zero in result  # 0 %, 0%, in each language's own way
    first_feedback = quiz.questions[0].options[wrong[0][0] - 1].feedback[lang]
    assert page.is_visible(f"text={first_feedback}")
    page.once("dialog", lambda dialog: dialog.accept())  # "Try again" asks before wiping
    page.click(".quiz button[type=reset]")
    assert not page.is_visible(".quiz__feedback")
    for number, options in enumerate(correct, 1):
        choose(page, number, options)
    page.click(".quiz button[type=submit]")
    assert "100" in page.text_content(".quiz__result")
    assert page.get_attribute(".quiz__result", "aria-live") == "polite"
    page.reload()
    progress = json.loads(page.evaluate(f"localStorage.getItem('{PROGRESS}')"))
    assert progress["capsules"][CAPSULE]["best"] == 100
    assert progress["capsules"][CAPSULE]["passed"] is True


def test_a_quiz_can_be_done_with_the_keyboard_alone(page, site_url, answers):
    correct, _ = answers
    page.goto(capsule_url(site_url, "en"))
    page.focus(".quiz__question:nth-of-type(1) input")
    for number, options in enumerate(correct, 1):
        selector = f".quiz__question:nth-of-type({number}) input"
        page.focus(selector)
        first = True
        for index in range(1, max(options) + 1):
            if not first:
                key = "ArrowDown" if page.get_attribute(selector, "type") == "radio" else "Tab"
                page.keyboard.press(key)
            first = False
            if index in options and page.evaluate("document.activeElement.type") == "checkbox":
                page.keyboard.press("Space")
        if page.evaluate("document.activeElement.type") == "radio":
            page.keyboard.press("Space")
    page.focus(".quiz button[type=submit]")
    page.keyboard.press("Enter")
    assert "100" in page.text_content(".quiz__result")


def test_unanswered_questions_are_named_not_scored(page, site_url):
    page.goto(capsule_url(site_url, "fr"))
    page.click(".quiz button[type=submit]")
    assert "Répondez d'abord à toutes les questions (il en reste 6)" in page.text_content(".quiz__result")
