"""A learner takes a quiz in Chromium: wrong, then right, by mouse and by keyboard;
options shuffled on each attempt; matching and ordering questions without a mouse. A
failed attempt explains the learner's own choices but keeps the key; a passed one shows it."""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin

import pytest
from playwright.sync_api import expect

from answering import answer_question, answer_quiz, current_order, fieldset, order_items, right_choices, wrong_choice
from conftest import LIST_SEPARATOR, project_state, url
from portfolio.interface import strings_for

pytestmark = pytest.mark.browser

CAPSULE = "initial-self-assessment"  # its quiz has an ordering question
MATCHING = "progress-follow-up"  # its quiz has a matching question
PROGRESS = "good-tutoring-portfolio:progress"


@pytest.fixture(scope="module")
def curriculum():
    found = project_state().curriculum
    return found


def ui(lang: str) -> dict[str, str]:
    state = project_state()
    return strings_for(state.interface, lang, state.languages.default)


def _percentage(text: str) -> tuple[str, str]:
    """The first percentage in a text: its number, and how it is written around the number
    (the sign, a space before it, direction marks); either no-break space is a space."""
    found = re.search(r"[\u200e\u200f\u061c]*(\d+)[\s\u200e\u200f\u061c]*%[\u200e\u200f\u061c]*", text)
    assert found, text
    return found.group(1), re.sub(r"\d+", "N", re.sub(r"[\u00a0\u202f]", " ", found.group()))


def key_texts(lang: str) -> list[str]:
    """What only the key says: "It goes with: …", "Its place: …" (the words before the blank)."""
    text = ui(lang)
    return [text["quiz-right-match"].split("{match}")[0].strip(), text["quiz-right-place"].split("{place}")[0].strip()]


def capsule_url(site_url, lang, capsule=CAPSULE):
    return url(site_url, lang, f"training/capsules/{capsule}/")


@pytest.mark.parametrize(("lang", "capsule"), [("en", CAPSULE), ("ar", CAPSULE), ("fr", MATCHING)])
def test_wrong_then_right_with_feedback_and_score(page, site_url, curriculum, lang, capsule):
    quiz = curriculum.quizzes[capsule]
    assert {"matching", "ordering"} & {q.type for q in quiz.questions}
    page.goto(capsule_url(site_url, lang, capsule))
    assert not page.is_visible(".quiz__feedback")  # answers are not shown before checking
    answer_quiz(page, quiz, right=False)
    page.click(".quiz button[type=submit]")
    result = page.text_content(".quiz__result")
    # 0 %, 0%: in each language's own way, and as the pass mark above it is written (an
    # Arabic score once showed as "%0" under a pass mark written "70%").
    assert _percentage(result) == ("0", _percentage(page.text_content(".quiz__intro"))[1])
    first = quiz.questions[0]
    chosen = page.locator(f"{fieldset(1)} .quiz__option:has(input:checked)")
    # The feedback shown is the chosen option's own, wherever shuffling put the option.
    wrong = next(o for o in first.options if o.text[lang] == chosen.locator("label").text_content())
    assert not wrong.correct
    assert chosen.locator(".quiz__feedback").text_content() == wrong.feedback[lang]
    assert chosen.locator(".quiz__feedback").is_visible()
    # Failed: the learner's own choices are explained, the key is not shown.
    text = ui(lang)
    for number, question in enumerate(quiz.questions, 1):
        here = fieldset(number)
        assert page.text_content(f"{here} .quiz__verdict") == text["quiz-wrong"]
        if question.type in ("matching", "ordering"):  # which parts are wrong, not where they belong
            assert not page.is_visible(f"{here} .quiz__explanation")  # it states the answer
            wrong_part = text["quiz-wrong-match" if question.type == "matching" else "quiz-wrong-place"]
            shown = page.locator(f"{here} .quiz__feedback:visible")
            assert shown.count() == len(question.pairs or question.items)
            assert shown.all_inner_texts() == [wrong_part] * shown.count()
            assert page.locator(f"{here} .quiz__key:visible").count() == 0
            if question.type == "matching":  # a screen reader hears the same, no more
                expect(page.locator(f"{here} select").first).to_have_accessible_description(wrong_part)
            continue
        for option in page.locator(f"{here} .quiz__option").all():
            ticked = option.locator("input").is_checked()
            # Each option chosen shows its own feedback; a right option not chosen is neither
            # marked nor explained.
            assert option.locator(".quiz__feedback").is_visible() == ticked
            if not ticked:
                assert "quiz__option--right" not in option.get_attribute("class")
    seen = page.inner_text(".quiz")
    assert not [said for said in key_texts(lang) if said in seen]
    # One sentence under the result says when the key comes.
    held = page.locator(".quiz__result .quiz__key-held")
    assert held.inner_text() == text["quiz-key-held"]
    assert held.is_visible()
    page.once("dialog", lambda dialog: dialog.accept())  # "Try again" asks before wiping
    page.click(".quiz button[type=reset]")
    assert not page.is_visible(".quiz__feedback")
    assert not page.is_visible(".quiz__explanation")
    assert not page.is_visible(".quiz__key-held")
    answer_quiz(page, quiz, right=True)
    page.click(".quiz button[type=submit]")
    assert "100" in page.text_content(".quiz__result")
    assert page.get_attribute(".quiz__result", "aria-live") == "polite"
    assert not page.is_visible(".quiz__key-held")
    for number, question in enumerate(quiz.questions, 1):  # passed: every explanation
        if question.type in ("matching", "ordering"):
            assert page.is_visible(f"{fieldset(number)} .quiz__explanation")
    page.reload()
    progress = json.loads(page.evaluate(f"localStorage.getItem('{PROGRESS}')"))
    assert progress["capsules"][capsule]["best"] == 100
    assert progress["capsules"][capsule]["passed"] is True


def test_one_wrong_pair_costs_its_share_only(page, site_url, curriculum):
    """Matching and ordering earn a share per right part, as Moodle grades them. An extra
    match, which goes with no item, is in every list box and is wrong for each."""
    quiz = curriculum.quizzes[MATCHING]
    page.goto(capsule_url(site_url, "en", MATCHING))
    answer_quiz(page, quiz, right=True)
    number, question = next((n, q) for n, q in enumerate(quiz.questions, 1) if q.type == "matching")
    assert question.extra_matches
    listed = page.eval_on_selector_all(
        f"{fieldset(number)} select", "l => l.map(s => [...s.options].slice(1).map(o => o.textContent).sort())"
    )
    every = sorted([p.match["en"] for p in question.pairs] + [e["en"] for e in question.extra_matches])
    assert listed == [every] * len(question.pairs)
    hint = page.text_content(f"{fieldset(number)} .quiz__hint")
    assert hint == ui("en")["quiz-matching-hint-extra"]
    extra = page.eval_on_selector(
        f"{fieldset(number)} select[data-answer='1']",
        "(s, text) => [...s.options].find(o => o.textContent === text).value",
        question.extra_matches[0]["en"],
    )
    page.select_option(f"{fieldset(number)} select[data-answer='1']", extra)  # one item wrong
    page.click(".quiz button[type=submit]")
    pairs = len(question.pairs)
    expected = round(100 * (len(quiz.questions) - 1 / pairs) / len(quiz.questions))
    assert expected >= quiz.pass_mark
    assert f"{expected}%" in page.text_content(".quiz__result")
    assert page.locator(f"{fieldset(number)} .quiz__feedback:visible").count() == 1
    # Passed: the wrong pair is given its right match.
    text = ui("en")
    match = text["quiz-right-match"].replace("{match}", question.pairs[0].match["en"])
    wrong = page.locator(f"{fieldset(number)} .quiz__pair:has(select[data-answer='1']) .quiz__feedback")
    assert wrong.inner_text() == f"{text['quiz-wrong-match']} {match}"
    expect(page.locator(f"{fieldset(number)} select[data-answer='1']")).to_have_accessible_description(
        f"{text['quiz-wrong-match']} {match}"
    )


def test_a_passed_attempt_shows_the_whole_key(page, site_url, curriculum):
    """Above the pass mark with mistakes: each right option missed is marked and
    explained, each item out of place is given its place, each explanation shows."""
    quiz = curriculum.quizzes[CAPSULE]
    page.goto(capsule_url(site_url, "en"))
    answer_quiz(page, quiz, right=True)
    single = next(n for n, q in enumerate(quiz.questions, 1) if q.type == "single")
    multiple = next(n for n, q in enumerate(quiz.questions, 1) if q.type == "multiple")
    ordering = next(n for n, q in enumerate(quiz.questions, 1) if q.type == "ordering")
    page.check(f"{fieldset(single)} input[value='{wrong_choice(quiz.questions[single - 1])}']")
    missed = right_choices(quiz.questions[multiple - 1])[0]
    page.uncheck(f"{fieldset(multiple)} input[value='{missed}']")
    items = len(quiz.questions[ordering - 1].items)
    order_items(page, fieldset(ordering), [2, 1, *range(3, items + 1)])  # the first two swapped
    page.click(".quiz button[type=submit]")
    stored = json.loads(page.evaluate(f"localStorage.getItem('{PROGRESS}')"))
    assert quiz.pass_mark <= stored["capsules"][CAPSULE]["best"] < 100
    text = ui("en")
    assert not page.is_visible(".quiz__key-held")
    for number, value in ((single, right_choices(quiz.questions[single - 1])[0]), (multiple, missed)):
        option = page.locator(f"{fieldset(number)} .quiz__option:has(input[value='{value}'])")
        assert not option.locator("input").is_checked()
        assert "quiz__option--right" in option.get_attribute("class")
        feedback = quiz.questions[number - 1].options[value - 1].feedback["en"]
        assert option.locator(".quiz__feedback").inner_text() == feedback
        expect(option.locator("input")).to_have_accessible_description(feedback)
    here = fieldset(ordering)
    assert page.locator(f"{here} .quiz__feedback:visible").all_inner_texts() == [
        f"{text['quiz-wrong-place']} {text['quiz-right-place'].replace('{place}', str(place))}" for place in (2, 1)
    ]  # in the order shown: the second item first
    assert page.is_visible(f"{here} .quiz__explanation")


def test_options_are_shuffled_for_each_attempt(page, site_url, curriculum):
    def orders():
        return page.eval_on_selector_all(
            ".quiz__options[data-shuffle], .quiz__order, .quiz__pairs select",
            "lists => lists.map(l => Array.from(l.children).map(c => c.value || c.dataset.position"
            " || c.querySelector('input').value).join(','))",
        )

    page.goto(capsule_url(site_url, "en"))
    seen = {tuple(orders())}
    for _ in range(3):
        page.reload()
        seen.add(tuple(orders()))
    assert len(seen) > 1
    # True/false keeps "True" first.
    quiz = curriculum.quizzes[CAPSULE]
    for number, question in enumerate(quiz.questions, 1):
        if question.type == "true-false":
            values = page.eval_on_selector_all(f"{fieldset(number)} input", "i => i.map(x => x.value)")
            assert values == ["1", "2"]


def test_a_quiz_can_be_done_with_the_keyboard_alone(page, site_url, curriculum):
    """Radio buttons with arrows, boxes with Space, list boxes with arrows, and the
    ordering's Up buttons with Enter: every question type without a mouse."""
    quiz = curriculum.quizzes[MATCHING]
    quiz_ordering = curriculum.quizzes[CAPSULE]
    page.goto(capsule_url(site_url, "en", MATCHING))
    for number, question in enumerate(quiz.questions, 1):
        here = fieldset(number)
        if question.type == "matching":
            for index in range(1, len(question.pairs) + 1):
                select = f"{here} select[data-answer='{index}']"
                page.focus(select)
                for _ in range(len(question.pairs) + len(question.extra_matches) + 1):
                    if page.eval_on_selector(select, "s => s.value") == str(index):
                        break
                    page.keyboard.press("ArrowDown")
            continue
        wanted = right_choices(question)
        for value in wanted:
            page.focus(f"{here} input[value='{value}']")
            page.keyboard.press("Space")
    page.focus(".quiz button[type=submit]")
    page.keyboard.press("Enter")
    assert "100" in page.text_content(".quiz__result")

    page.goto(capsule_url(site_url, "en", CAPSULE))
    number, question = next((n, q) for n, q in enumerate(quiz_ordering.questions, 1) if q.type == "ordering")
    here = fieldset(number)
    for target in range(1, len(question.items) + 1):
        up = f"{here} .quiz__order-item[data-position='{target}'] .quiz__move[data-move='-1']"
        page.focus(up)
        while current_order(page, here).index(target) > target - 1:
            page.keyboard.press("Enter")
            # The focus stays on the button, and the move is announced.
            assert page.evaluate("document.activeElement.dataset.move") == "-1"
    assert current_order(page, here) == list(range(1, len(question.items) + 1))
    moved = page.text_content(f"{here} .quiz__moved")
    assert moved.startswith("Now in place") and f"of {len(question.items)}: " in moved


def test_unanswered_questions_are_named_not_scored(page, site_url, curriculum):
    quiz = curriculum.quizzes[CAPSULE]
    page.goto(capsule_url(site_url, "fr"))
    page.click(".quiz button[type=submit]")
    # An ordering question always has an answer: its items are in some order.
    left = sum(q.type != "ordering" for q in quiz.questions)
    said = page.text_content(".quiz__result")
    assert f"Répondez d'abord à toutes les questions (il reste {left} questions)" in said
    links = page.eval_on_selector_all(".quiz__result a", "links => links.map(a => a.textContent)")
    assert len(links) == left and LIST_SEPARATOR["fr"].join(links) in said  # "a, b": one space after each comma
    answer_question(page, 1, quiz.questions[0], right=True)
    assert f"il reste {left - 1} questions" in page.text_content(".quiz__result")


def test_the_questions_left_are_counted_as_arabic_counts_them(page, site_url, curriculum):
    """ "(بقي 3 أسئلة)", then "(بقي سؤالان)", then "(بقي سؤال واحد)": the noun takes the
    form Arabic gives each number, chosen in the browser as the message counts down."""
    quiz = curriculum.quizzes[CAPSULE]
    page.goto(capsule_url(site_url, "ar"))
    answerable = [n for n, q in enumerate(quiz.questions, 1) if q.type != "ordering"]
    for number in answerable[:-3]:
        answer_question(page, number, quiz.questions[number - 1], right=True)
    page.click(".quiz button[type=submit]")
    for said, number in zip(("بقي 3 أسئلة", "بقي سؤالان", "بقي سؤال واحد"), answerable[-3:], strict=True):
        assert f"({said})" in page.text_content(".quiz__result")
        answer_question(page, number, quiz.questions[number - 1], right=True)


def test_a_checked_attempt_is_closed_until_try_again(page, site_url, curriculum):
    """After checking, what is right and wrong is on screen: ticking the right answers
    and checking again must not raise the score. Only "Try again" opens a new attempt."""
    quiz = curriculum.quizzes[CAPSULE]
    page.goto(capsule_url(site_url, "en"))
    answer_quiz(page, quiz, right=False)
    page.click(".quiz button[type=submit]")
    result = page.text_content(".quiz__result")
    assert page.evaluate("document.activeElement.classList.contains('quiz__result')")  # the score is read out
    assert not page.is_visible(".quiz button[type=submit]")
    assert page.is_visible(".quiz button[type=reset]")
    # Every answer control is closed: no tick, no choice, no move changes the attempt.
    # They stay as readable as before (not greyed out), and say they are read-only.
    controls = ".quiz input, .quiz select, .quiz .quiz__move"
    assert page.eval_on_selector_all(controls, "c => c.every(x => x.getAttribute('aria-disabled') === 'true')")
    assert page.eval_on_selector_all(controls, "c => c.every(x => !x.disabled)")
    states = "c => c.map(x => x.tagName === 'SELECT' ? x.value : x.checked)"
    before = page.eval_on_selector_all(".quiz input, .quiz select", states)
    orders = page.eval_on_selector_all(".quiz__order", "l => l.map(o => o.textContent)")
    for number, question in enumerate(quiz.questions, 1):
        if question.type == "matching":
            page.select_option(f"{fieldset(number)} select[data-answer='1']", "1", force=True)
        elif question.type == "ordering":
            page.click(f"{fieldset(number)} .quiz__order-item:last-child .quiz__move[data-move='-1']", force=True)
        else:  # force: Playwright itself waits for a control that says it is read-only
            for value in right_choices(question):
                page.click(f"{fieldset(number)} label[for$='-{value}']", force=True)
    page.keyboard.press("ArrowDown")
    assert page.eval_on_selector_all(".quiz input, .quiz select", states) == before
    assert page.eval_on_selector_all(".quiz__order", "l => l.map(o => o.textContent)") == orders
    page.eval_on_selector(".quiz", "form => form.requestSubmit()")  # Enter in a field, or a script
    assert page.text_content(".quiz__result") == result
    stored = json.loads(page.evaluate(f"localStorage.getItem('{PROGRESS}')"))
    assert stored["capsules"][CAPSULE]["best"] < quiz.pass_mark
    page.once("dialog", lambda dialog: dialog.accept())
    page.click(".quiz button[type=reset]")
    assert page.eval_on_selector_all(controls, "c => c.every(x => !x.hasAttribute('aria-disabled'))")
    assert page.is_visible(".quiz button[type=submit]")
    answer_quiz(page, quiz, right=True)
    page.click(".quiz button[type=submit]")
    assert "100" in page.text_content(".quiz__result")


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_checked_question_links_the_page_to_reread_in_its_language(page, site_url, curriculum, lang):
    """Once a question is checked, right or wrong, it links the handbook page that
    teaches it (its `reread`), under the capsule's title for that page; "Try again" hides
    it again. The link leads to that page, in the quiz's language."""
    capsule = curriculum.capsules["recruit-peers"]
    quiz = curriculum.quizzes[capsule.quiz]
    titles = {r.chapter: r.title[lang] for r in capsule.resources if r.chapter}
    rereads = [(number, q.reread) for number, q in enumerate(quiz.questions, 1) if q.reread]
    assert rereads
    page.goto(capsule_url(site_url, lang, "recruit-peers"))
    assert not page.is_visible(".quiz__reread")  # no hint before the learner answers
    answer_quiz(page, quiz, right=False)
    page.click(".quiz button[type=submit]")
    links = {}
    for number, chapter in rereads:
        link = page.locator(f"{fieldset(number)} .quiz__reread a")
        assert link.is_visible()
        assert link.text_content() == titles[chapter]
        links[chapter] = urljoin(page.url, link.get_attribute("href"))
    page.once("dialog", lambda dialog: dialog.accept())
    page.click(".quiz button[type=reset]")
    assert not page.is_visible(".quiz__reread")
    for chapter, address in links.items():
        page.goto(address)
        assert address == url(site_url, lang, chapter.removesuffix(".md") + "/")
        assert page.evaluate("document.documentElement.lang") == lang
