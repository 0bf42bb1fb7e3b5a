"""The browser says a number of things as the build does: common.js's countText, with
Chromium's Intl.PluralRules, picks the same plural form as portfolio.locale_facts.count_text
with Babel's CLDR data, for whole numbers and tenths, in every language built. No site is
built: the script runs alone in a blank page."""

from __future__ import annotations

import pytest

from conftest import LANGUAGES, ROOT, project_state
from portfolio.interface import strings_for
from portfolio.locale_facts import count_text

pytestmark = pytest.mark.browser

NUMBERS = [*range(0, 230), 1000, 1_000_000, 0.5, 1.5, 1.04, 2.5, 16.3, 103.5]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_browser_and_the_build_say_numbers_of_things_alike(page, lang):
    state = project_state()
    ui = strings_for(state.interface, lang, state.languages.default)
    page.set_content(f'<html lang="{lang}"><body></body></html>')
    page.add_script_tag(path=str(ROOT / "docs/assets/javascripts/common.js"))
    for key in ("minutes-count", "hours-count", "questions-count", "statements-count"):
        said = page.evaluate(
            "([forms, numbers, lang]) => numbers.map(n => window.GoodTutoringCommon.countText(forms, n, lang))",
            [ui[key], NUMBERS, lang],
        )
        assert said == [count_text(ui[key], number, lang) for number in NUMBERS], (lang, key)
