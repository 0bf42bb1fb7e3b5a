"""The pilot course kit printed from the browser on A4: every column of its forms is on
the paper (Material's minimum cell width and scrolling table box cut the questionnaire's
"Before 4" and "After" columns, and the Arabic page at its left edge)."""

from __future__ import annotations

import re
import subprocess

import pytest

from conftest import squash, url

pytestmark = pytest.mark.browser

PAGE = "trainers/pilot-course/"
HEADERS = "() => Array.from(document.querySelectorAll('article thead th'), cell => cell.innerText)"
# Punctuation that pdftotext moves around a right-to-left word (".2" for "2.").
_PUNCTUATION = re.compile(r"[.:,;!?،؛؟()\[\]/«»\"'…]")
# pdftotext writes the lam-alef ligature's letters the other way round (alef first).
_LAM_ALEF = re.compile("ل([اأإآ])")


def readable(text: str) -> str:
    return _PUNCTUATION.sub("", squash(text))


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_every_column_of_the_forms_is_on_the_paper(page, site_url, lang, tmp_path):
    page.goto(url(site_url, lang, PAGE))
    headers = [text for text in page.evaluate(HEADERS) if text.strip()]
    assert len(headers) >= 7 + 6 + 11
    printed = tmp_path / f"pilot-course-{lang}.pdf"
    page.pdf(path=str(printed), format="A4")
    info = subprocess.run(["pdfinfo", str(printed)], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in info
    text = readable(subprocess.run(["pdftotext", str(printed), "-"], capture_output=True, text=True, check=True).stdout)
    # Word by word: a header cell's words may be on two lines, between other cells' words.
    missing = [
        (cell, word)
        for cell in headers
        for word in cell.split()
        if readable(word) and _LAM_ALEF.sub(r"\1ل", readable(word)) not in text
    ]
    assert not missing, missing
