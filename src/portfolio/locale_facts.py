"""What a language writes differently, from CLDR (through Babel): its direction, its
decimal numbers, its percentages, its times of day, its dates, its names of countries
and the plural forms it gives a noun after a number ("1 minute", "2 minutes"; Arabic has
six). No table of languages is kept here: a language that CLDR knows (Pashto, Sorani,
Spanish...) is right from its first page. How a time of day is laid out ("9 h",
"9:00 ص") is the interface's data, in CLDR's pattern letters; CLDR gives the rest (the
words for morning and afternoon). So are the CLDR locale whose dates a language follows
(en-GB) and its first day of a month ("1er"); CLDR gives the order and the names of the
months."""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Mapping

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time, tokenize_pattern, untokenize_pattern
from babel.numbers import format_decimal, format_percent

# CLDR's names of plural categories; each language uses some of them, `other` always
# (plural_categories). models.PluralCategory is made of them.
PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")


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


class Said(str):
    """A text, and the language it is written in (`lang`, and its direction `dir`): the
    language asked for, or the default language where the text has no translation yet
    (models.Text.get_text). Templates mark a text whose language is not that of the
    element around it, so that a screen reader reads it with the right voice (WCAG 2.2,
    3.1.2 Language of Parts: partials/said.html). Anything made from it (joined,
    replaced) is a plain `str` again, whose language nobody knows."""

    lang: str

    def __new__(cls, text: str, lang: str) -> Said:
        said = super().__new__(cls, text)
        said.lang = lang
        return said

    @property
    def dir(self) -> str:
        return direction(self.lang)

    def __reduce__(self):  # copied and pickled with its language
        return (Said, (str(self), self.lang))


def said_like(text: object, made: str, *others: object) -> str:
    """`made` (a text made from `text`, and from `others`: its number filled in, two texts
    joined) in the language `text` is in, if it says one and the others say the same."""
    lang = getattr(text, "lang", None)
    return Said(made, lang) if lang and all(getattr(o, "lang", None) == lang for o in others) else made


def text_parts(text: str, **values: object) -> list:
    """`text` with its `{name}` places filled from `values`, as the pieces a template
    writes one by one: the text's own pieces in the language it is in, each value as it
    is given (a title keeps its own language). An English "Next: {capsule}." around a
    German title is then marked English around the title alone (partials/said.html)."""
    pieces = _PLACE.split(str(text))
    return [values[p[1:-1]] if p[1:-1] in values and p.startswith("{") else said_like(text, p) for p in pieces if p]


def country_name(code: str, lang: str = "en") -> str:
    """The name, in `lang`, of the country whose ISO 3166 code is `code` (LU: Luxembourg,
    لوكسمبورغ); '' where the code names no country. A name CLDR lacks in `lang` is the
    English one."""
    if len(code) != 2 or not code.isalpha() or code in _NOT_COUNTRIES:
        return ""
    return _locale(lang).territories.get(code) or _locale("en").territories.get(code, "")


def decimal(value: float, lang: str, digits: int = 1) -> str:
    """A number with at most `digits` decimals, as the language writes it (1.5, 1,5)."""
    return format_decimal(round(value, digits), format=f"#,##0.{'#' * digits}", locale=_locale(lang))


def percent(value: float, lang: str) -> str:
    """A whole percentage (0 to 100) as the language writes it (80%, 80 %), as the
    browsers' Intl.NumberFormat writes it on the same pages (formatPercent in common.js,
    which leaves out the direction marks newer browsers add)."""
    return format_percent(value / 100, format=None, locale=_locale(lang))


def time_of_day(minutes: int, lang: str, pattern: str, on_the_hour: str | None = None) -> str:
    """A time of day, `minutes` after midnight, as the language writes it: `pattern` in
    CLDR's letters (`H:mm`, `H 'h' mm`, `h:mm a`), or `on_the_hour` for a whole hour
    where the language drops the minutes ("9 h", but "12 h 30")."""
    hour, minute = divmod(minutes % (24 * 60), 60)
    chosen = on_the_hour if on_the_hour and minute == 0 else pattern
    return format_time(datetime.time(hour, minute), chosen, locale=_locale(lang))


def written_date(value: datetime.date, locale: str, first_day: str) -> str:
    """A date in full, as the pages' scripts write it (common.js, formatDate): in the long
    format of `locale`, the CLDR locale whose dates the language follows (the interface's
    `date-locale`: en-GB writes 1 December 2026), and the first day of a month as
    `first_day` says, {day} its number (`date-first-day`: French writes 1er décembre).
    In the language both texts say they are in (a Said): the default language's where a
    language has neither yet, and its date is written as the default language writes it."""
    cldr = _locale(locale)
    tokens = tokenize_pattern(cldr.date_formats["long"].pattern)
    names_the_month = any(kind == "field" and field[0] in "ML" and field[1] >= 3 for kind, field in tokens)
    if value.day == 1 and names_the_month:
        day = first_day.replace("{day}", format_date(value, "d", locale=cldr))
        tokens = [("chars", day) if kind == "field" and field[0] == "d" else (kind, field) for kind, field in tokens]
    return said_like(locale, format_date(value, untokenize_pattern(tokens), locale=cldr), first_day)


def hours(minutes: int, lang: str) -> str:
    """Learning time in hours with one decimal (2.5, 2,5), as the language writes it."""
    return decimal(hours_in_tenths(minutes), lang)


def hours_in_tenths(minutes: int) -> float:
    """Minutes as hours, rounded to the nearest tenth, a half up (460 minutes: 7.7; 75
    minutes: 1.3), in whole numbers so that no float rounds a half to even. The parts of
    a whole, rounded alone, may not add up to it: hours_adding_up makes them."""
    return (minutes * 10 + 30) // 60 / 10


def hours_adding_up(parts: list[int], whole: float | None = None) -> list[float]:
    """The minutes of the parts of a whole as hours in tenths that add up to the whole's
    hours: `whole`, or the parts' minutes rounded as hours_in_tenths rounds them. Each part
    is rounded down to its tenth, then the tenths still missing go one each to the parts
    that lost most (the first of equal ones): 735, 375 and 310 minutes read 12.3, 6.2 and
    5.2 hours in 23.7, where each rounded alone they read 12.3, 6.3 and 5.2 in 23.7."""
    target = round((hours_in_tenths(sum(parts)) if whole is None else whole) * 10)
    tenths = [minutes * 10 // 60 for minutes in parts]
    losses = sorted(range(len(parts)), key=lambda i: (-(parts[i] * 10 % 60), i))
    for index in losses[: max(0, target - sum(tenths))]:
        tenths[index] += 1
    return [t / 10 for t in tenths]


def plural_categories(lang: str) -> tuple[str, ...]:
    """The plural categories a language tells numbers apart by, in CLDR's order, `other`
    always among them: English one, other; French one, many, other; Arabic all six."""
    used = _locale(lang).plural_form.tags
    return tuple(c for c in PLURAL_CATEGORIES if c in used or c == "other")


def plural_examples(lang: str, shown: int = 3) -> dict[str, str]:
    """A few numbers of each plural category of a language, for a translator to recognise
    it (Arabic few: "3, 4, 5…"; "" if none is found): CLDR's rules asked about small
    numbers, then round thousands and millions, then halves (some languages keep a
    category for decimals)."""
    rule = _locale(lang).plural_form
    found: dict[str, list[str]] = {category: [] for category in plural_categories(lang)}
    for number in [*range(200), *(10**power for power in range(3, 10)), 0.5, 1.5, 2.5]:
        numbers = found[rule(number)]
        if len(numbers) <= shown:
            numbers.append(str(number))
    return {c: ", ".join(n[:shown]) + ("…" if len(n) > shown else "") for c, n in found.items()}


def count_text(text: str | Mapping[str, str], count: float, lang: str) -> str:
    """`text` said of `count` things, as the language says it. Of a text's plural forms
    ({one: "{count} minute", other: "{count} minutes"}), the form of the category CLDR's
    rules give the number in the language, or `other` where the forms lack it (English
    forms shown on an Arabic page that falls back to them); a plain text serves every
    number. `{count}` is the number as the language writes it, with one decimal at most.
    The browser chooses the same way (countText in common.js). The result is in the
    language the text is in, if it says one (a Said; plural forms given by
    models.Text.get_text)."""
    number = round(count, 1)
    number = int(number) if number == int(number) else number  # a whole number as such: 2, not 2.0
    chosen = text
    if isinstance(text, Mapping):
        chosen = text.get(_locale(lang).plural_form(number)) or text.get("other", "")
    return said_like(text, chosen.replace("{count}", decimal(number, lang)))


# Data -------------------------------------------------------------------------
_PLACE = re.compile(r"(\{\w+\})")  # a place a value fills in a text, kept by split
# The two-letter codes CLDR names that are no country: groups of countries, "unknown",
# codes for private use.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})
