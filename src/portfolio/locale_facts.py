"""What a language writes differently, from CLDR (through Babel): its direction, its
decimal numbers, its percentages and its times of day. No table of languages is kept
here: a language that CLDR knows (Pashto, Sorani, Spanish...) is right from its first
page. How a time of day is laid out ("9 h", "9:00 ص") is the interface's data, in
CLDR's pattern letters; CLDR gives the rest (the words for morning and afternoon)."""

from __future__ import annotations

import datetime
import functools

from babel import Locale, UnknownLocaleError
from babel.dates import format_time
from babel.numbers import format_decimal, format_percent


@functools.cache
def _locale(lang: str) -> Locale:
    """CLDR's locale for a language code: the whole tag (pt-BR, zh-Hant), else its language.
    A code that is no language (ua) never gets here: `portfolio check` and the build stop
    on it first (portfolio.language_checks). A language CLDR does not know is written as
    English writes."""
    for tag in dict.fromkeys((str(lang), str(lang).replace("_", "-").split("-")[0])):
        try:
            return Locale.parse(tag.replace("-", "_"))
        except (UnknownLocaleError, ValueError, TypeError):
            continue
    return Locale.parse("en")


def direction(lang: str) -> str:
    """The writing direction of a language: `rtl` or `ltr`."""
    return _locale(lang).text_direction


def decimal(value: float, lang: str, digits: int = 1) -> str:
    """A number with at most `digits` decimals, as the language writes it (1.5, 1,5)."""
    return format_decimal(round(value, digits), format=f"#,##0.{'#' * digits}", locale=_locale(lang))


def percent(value: float, lang: str) -> str:
    """A whole percentage (0 to 100) as the language writes it (80%, 80 %), as the
    browsers' Intl.NumberFormat writes it on the same pages."""
    return format_percent(value / 100, format=None, locale=_locale(lang))


def time_of_day(minutes: int, lang: str, pattern: str, on_the_hour: str | None = None) -> str:
    """A time of day, `minutes` after midnight, as the language writes it: `pattern` in
    CLDR's letters (`H:mm`, `H 'h' mm`, `h:mm a`), or `on_the_hour` for a whole hour
    where the language drops the minutes ("9 h", but "12 h 30")."""
    hour, minute = divmod(minutes % (24 * 60), 60)
    chosen = on_the_hour if on_the_hour and minute == 0 else pattern
    return format_time(datetime.time(hour, minute), chosen, locale=_locale(lang))


def hours(minutes: int, lang: str) -> str:
    """Learning time in hours with one decimal (2.5, 2,5), as the language writes it: the
    minutes rounded to the nearest tenth of an hour, a half up (460 minutes: 7.7; 75
    minutes: 1.3), in whole numbers so that no float rounds a half to even. Each figure
    is rounded from its own minutes, so the parts of a whole may differ from it by a
    tenth (8.7 and 7.7 hours in 16.3)."""
    tenths = (minutes * 10 + 30) // 60
    return decimal(tenths / 10, lang)
