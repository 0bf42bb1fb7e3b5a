"""A tagged PDF says where its language changes: each text is read in the language its
HTML marks it with, as the project writes every PDF (portfolio/pdf_languages.py, through
portfolio.pdf.write_pdf). The fork's real documents and forms: tests/fork."""

from __future__ import annotations

import pytest
from weasyprint import HTML
from weasyprint.pdf import tags

from conftest import language_changes, read_aloud
from portfolio.pdf import write_pdf
from portfolio.pdf_languages import marked_languages

# A French page with English, Arabic and French again inside it: a phrase, a section, a
# list nested in a list item, a definition list, a table cell, and a paragraph that says
# the page's own language again (in capitals).
MIXED = """<html lang="fr"><title>Langues</title><body>
<h1>Bienvenue</h1>
<p>Un texte <span lang="en">in English</span> ici.</p>
<section lang="en">
  <h2>A chapter not yet translated</h2>
  <ul><li>One point<ul lang="fr"><li>Un point</li></ul></li></ul>
  <dl><dt lang="ar">مرحبا</dt><dd>Welcome</dd></dl>
  <table><tr><th>Question</th><td lang="fr">Réponse</td></tr></table>
</section>
<p lang="FR">Fin du document.</p>
</body></html>"""
READ = [
    ("Bienvenue", "fr"),
    ("Un texte ", "fr"),
    ("in English", "en"),
    (" ici.", "fr"),
    ("A chapter not yet translated", "en"),
    ("One point", "en"),
    ("Un point", "fr"),
    ("ابحرم", "ar"),  # its glyphs in the order they are drawn, right to left
    ("Welcome", "en"),
    ("Question", "en"),
    ("Réponse", "fr"),
    ("Fin du document.", "fr"),
]


def _written(html: str, target) -> bytes:
    write_pdf(HTML(string=html).render(), target, "languages")
    return target.read_bytes()


def test_each_text_is_read_in_the_language_its_html_marks(tmp_path):
    _written(MIXED, tmp_path / "mixed.pdf")
    read = [(piece.text, piece.lang) for piece in read_aloud(tmp_path / "mixed.pdf")]
    assert [piece for piece in read if piece[0].strip("•◦ ")] == READ  # list bullets left out


def test_only_a_change_of_language_is_marked(tmp_path):
    """Each /Lang says another language than the one around it; the French paragraph
    marked "FR" inside the French document says nothing (a language tag has no case)."""
    _written(MIXED, tmp_path / "mixed.pdf")
    # The phrase, the section; inside the section, the nested list, the term, the cell.
    expected = [("fr", "en"), ("fr", "en"), ("en", "fr"), ("en", "ar"), ("en", "fr")]
    assert language_changes(tmp_path / "mixed.pdf") == expected


def test_a_document_in_one_language_is_written_as_weasyprint_writes_it(tmp_path):
    one_language = MIXED.replace('lang="en"', 'lang="fr"').replace('lang="ar"', 'lang="fr"')
    plain = HTML(string=one_language).render().write_pdf(pdf_variant="pdf/ua-1", pdf_identifier=b"languages")
    assert _written(one_language, tmp_path / "one.pdf") == plain


def test_the_same_document_is_the_same_bytes_when_written_twice(tmp_path):
    assert _written(MIXED, tmp_path / "first.pdf") == _written(MIXED, tmp_path / "second.pdf")


def test_weasyprint_is_put_back_after_the_block():
    before = tags._build_box_tree
    with pytest.raises(RuntimeError), marked_languages() as marked:
        assert marked and tags._build_box_tree is not before
        raise RuntimeError("a failed render")
    assert tags._build_box_tree is before


def test_a_weasyprint_of_another_shape_is_left_alone(monkeypatch, tmp_path):
    monkeypatch.setattr(tags, "_build_box_tree", lambda box, parent: [])
    changed = tags._build_box_tree
    with marked_languages() as marked:
        assert not marked and tags._build_box_tree is changed
