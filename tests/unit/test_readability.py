"""The readability measure: sentences, their length, long ones, reading ease."""

from __future__ import annotations

from portfolio.readability import measure

PAGE_TEMPLATE = """---
roles: [volunteer-mentor]
---

# A title that is not counted

The buddy calls the coordinator. They meet on Monday at the library.

| a table | is not counted either |
| --- | --- |

- Ask before you help
- [Read the procedure](procedure.md) first.

{{{{ capsule_card("x") }}}}

{LONG}
"""
LONG = (
    "This sentence is much longer than a B1 reader can follow because it goes on with one clause"
    " after another and still another one until it ends at last."
)


def test_sentences_words_and_long_ones_are_counted_from_prose_only():
    reading = measure(PAGE_TEMPLATE.format(LONG=LONG), "en")
    assert reading.sentences == 5  # two sentences, two list items, one long sentence
    assert reading.long_share == 20.0  # 1 of 5 sentences over 25 words
    assert reading.mean_words == round((5 + 7 + 4 + 4 + 29) / 5, 1)


def test_reading_ease_exists_for_english_and_french_only():
    assert measure("Le bénévole appelle le coordinateur.", "fr").ease is not None
    assert (
        measure("The buddy calls the coordinator.", "en").ease
        > measure("Organisational considerations necessitate comprehensive intercultural understanding.", "en").ease
    )
    assert measure("يتصل الرفيق بالمنسّق.", "ar").ease is None
