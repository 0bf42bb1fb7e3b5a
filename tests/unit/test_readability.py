"""The readability measure: sentences, their length, long ones, reading ease."""

from __future__ import annotations

import pytest

from conftest import ROOT
from portfolio import yamlfile
from portfolio.project import DOCS_DIR
from portfolio.readability import LONG, measure, measure_handouts, measure_pages

# Pages volunteers and peer helpers read (front matter `roles:`) and the handouts they get
# read at B1 in English and French: under 15 words a sentence, under 8% over 25 words.
READERS = {"volunteer-mentor", "peer-helper"}
PLAIN_MEAN, PLAIN_LONG = 15, 8

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

{LONG_SENTENCE}
"""
LONG_SENTENCE = (
    "This sentence is much longer than a B1 reader can follow because it goes on with one clause"
    " after another and still another one until it ends at last."
)


def test_sentences_words_and_long_ones_are_counted_from_prose_only():
    reading = measure(PAGE_TEMPLATE.format(LONG_SENTENCE=LONG_SENTENCE), "en")
    assert reading.sentences == 5  # two sentences, two list items, one long sentence
    assert reading.long_share == 20.0  # 1 of 5 sentences over 25 words
    assert reading.mean_words == 9.8  # (5 + 7 + 4 + 4 + 29) words in 5 sentences


def test_reading_ease_exists_for_english_and_french_only():
    assert measure("Le bénévole appelle le coordinateur.", "fr").ease is not None
    assert (
        measure("The buddy calls the coordinator.", "en").ease
        > measure("Organisational considerations necessitate comprehensive intercultural understanding.", "en").ease
    )
    assert measure("يتصل الرفيق بالمنسّق.", "ar").ease is None


def _for_volunteers(page: str) -> bool:
    roles = yamlfile.front_matter(yamlfile.read_text(ROOT / DOCS_DIR / "en" / page)[0] or "").get("roles")
    return bool(READERS & set(roles or []))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_what_volunteers_and_peer_helpers_read_is_plain(lang):
    readings = [r for r in measure_pages(ROOT, [lang]) if r.sentences and _for_volunteers(r.page)]
    readings += measure_handouts(ROOT, [lang])
    assert len(readings) > 60  # the handbook pages for them and every handout
    hard = [
        (r.page, r.mean_words, r.long_share)
        for r in readings
        if r.mean_words >= PLAIN_MEAN or r.long_share >= PLAIN_LONG
    ]
    assert not hard, f"over {PLAIN_MEAN} words a sentence or {PLAIN_LONG}% over {LONG} words"
