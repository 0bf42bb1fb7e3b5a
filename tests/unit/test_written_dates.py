"""Dates as each language writes them, from the interface's data (date-locale,
date-first-day): the PDFs' covers and footers write them so, as the pages' scripts do."""

from __future__ import annotations

import datetime

import pytest

from conftest import project_state
from portfolio.interface import strings_for
from portfolio.locale_facts import written_date

FIRST = datetime.date(2026, 12, 1)
FIFTEENTH = datetime.date(2027, 3, 15)


@pytest.mark.parametrize(
    "lang, first, fifteenth",
    [
        ("en", "1 December 2026", "15 March 2027"),  # as in Europe, not "December 1, 2026"
        ("fr", "1er décembre 2026", "15 mars 2027"),  # the first of the month is "1er"
        ("ar", "1 ديسمبر 2026", "15 مارس 2027"),
    ],
)
def test_each_language_writes_dates_as_its_interface_says(lang, first, fifteenth):
    ui = strings_for(project_state().interface, lang, "en")
    assert written_date(FIRST, ui["date-locale"], ui["date-first-day"]) == first
    assert written_date(FIFTEENTH, ui["date-locale"], ui["date-first-day"]) == fifteenth


def test_the_first_day_is_written_apart_only_where_the_date_names_the_month():
    # Japanese writes the month as a number (2026年12月1日): no word for the first day there.
    assert written_date(FIRST, "ja", "{day}er") == "2026年12月1日"
