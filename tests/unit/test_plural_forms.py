"""A number of things said as each language says it, with the project's own interface
texts: the form CLDR's plural rules give the number ("1 minute", "دقيقتان", "10 دقائق",
"15 دقيقة"), never one word for every number."""

from __future__ import annotations

import pytest

from conftest import project_state
from portfolio.interface import strings_for
from portfolio.locale_facts import count_text, plural_categories
from portfolio.views import duration_text

STATE = project_state()
NUMBERS = (0, 1, 2, 3, 10, 11, 15, 100, 110, 165)
MINUTES = {
    "en": ["0 minutes", "1 minute", *(f"{n} minutes" for n in NUMBERS[2:])],
    # French: 0 and 1 take the singular.
    "fr": ["0 minute", "1 minute", *(f"{n} minutes" for n in NUMBERS[2:])],
    # Arabic: one and two said in words, 3 to 10 (and 103 to 110) the plural, 11 to 99
    # (and 111 to 199) the singular, 100 the singular after a hundred.
    "ar": [
        "0 دقيقة",
        "دقيقة واحدة",
        "دقيقتان",
        "3 دقائق",
        "10 دقائق",
        "11 دقيقة",
        "15 دقيقة",
        "100 دقيقة",
        "110 دقائق",
        "165 دقيقة",
    ],
}


def _ui(lang: str) -> dict:
    return strings_for(STATE.interface, lang, STATE.languages.default)


@pytest.mark.parametrize("lang", sorted(MINUTES))
def test_a_number_of_minutes_takes_the_form_its_language_gives_the_number(lang):
    said = [count_text(_ui(lang)["minutes-count"], number, lang) for number in NUMBERS]
    assert said == MINUTES[lang]


def test_arabic_questions_and_hours_agree_with_their_number():
    ui = _ui("ar")
    questions = [count_text(ui["questions-count"], n, "ar") for n in (1, 2, 8, 16, 100)]
    assert questions == ["سؤال واحد", "سؤالان", "8 أسئلة", "16 سؤالًا", "100 سؤال"]
    hours = [count_text(ui["hours-count"], n, "ar") for n in (1, 2, 5, 24, 2.5)]
    assert hours == ["ساعة واحدة", "ساعتان", "5 ساعات", "24 ساعة", "2.5 ساعة"]


def test_hours_with_a_decimal_take_the_form_of_the_number_as_written():
    """1.5 is "one" in French ("1,5 heure"), "other" in English; 1.04 is written 1 and
    said as 1; a million takes "de" in French."""
    en, fr = _ui("en")["hours-count"], _ui("fr")["hours-count"]
    assert [count_text(en, n, "en") for n in (1, 1.04, 1.5, 16.333)] == ["1 hour", "1 hour", "1.5 hours", "16.3 hours"]
    assert [count_text(fr, n, "fr") for n in (1.5, 2, 16.333)] == ["1,5 heure", "2 heures", "16,3 heures"]
    assert count_text(_ui("fr")["minutes-count"], 1_000_000, "fr") == "1\u202f000\u202f000 de minutes"


def test_the_categories_a_language_needs_come_from_cldr():
    """No table of languages: a language the project does not build has its own."""
    assert plural_categories("en") == ("one", "other")
    assert plural_categories("fr") == ("one", "many", "other")
    assert plural_categories("ar") == ("zero", "one", "two", "few", "many", "other")
    assert plural_categories("ru") == ("one", "few", "many", "other")
    assert plural_categories("ja") == ("other",)


def test_forms_of_another_language_fall_back_to_other_and_a_plain_text_serves_every_number():
    """An Arabic page showing the English forms (a text not yet translated) gets "3 minutes"."""
    english = _ui("en")["minutes-count"]
    assert count_text(english, 3, "ar") == "3 minutes"
    assert count_text("{count} min", 1, "en") == "1 min"


def test_a_duration_with_a_break_says_both_numbers_in_their_own_form():
    capsule = STATE.curriculum.capsules["peer-helper-posture"]
    assert duration_text(capsule, _ui("en"), "en") == "165 minutes, including a break of 15 minutes"
    assert duration_text(capsule, _ui("fr"), "fr") == "165 minutes, dont une pause de 15 minutes"
    assert duration_text(capsule, _ui("ar"), "ar") == "165 دقيقة، منها استراحة مدتها 15 دقيقة"
    assert duration_text(STATE.curriculum.capsules["pre-matching"], _ui("ar"), "ar") == "110 دقائق"
