"""Writing a tagged PDF with its page references kept: the same file, made with far fewer
lists of pages (portfolio/pdf_references.py)."""

from __future__ import annotations

import pydyf
import pytest
from weasyprint import HTML

from portfolio.pdf_references import kept_page_references

# Nine pages, each with a heading, a list and links to the other headings: tags and links
# on every page, as in the documents.
DOCUMENT = "".join(
    f'<h1 id="s{n}" style="break-before: page">Step {n}</h1>'
    + "<ul>"
    + "".join(f"<li>Point {n}.{k}: ask the coordinator.</li>" for k in range(12))
    + "</ul>"
    + "<p>"
    + " ".join(f'<a href="#s{k}">step {k}</a>' for k in range(9))
    + "</p>"
    for n in range(9)
)


def _write(folder) -> list[bytes]:
    """The document, then two parts of it of the same length (as the handouts are
    written, pages[a:b] of the laid-out document), in one go."""
    rendered = HTML(string=f'<html lang="en"><title>Steps</title>{DOCUMENT}</html>').render()
    assert len(rendered.pages) == 9
    written = []
    for name, document in (
        ("all", rendered),
        ("a", rendered.copy(rendered.pages[0:3])),
        ("b", rendered.copy(rendered.pages[3:6])),
    ):
        document.write_pdf(folder / f"{name}.pdf", pdf_variant="pdf/ua-1", pdf_identifier=name.encode())
        written.append((folder / f"{name}.pdf").read_bytes())
    return written


@pytest.fixture
def lists_made(monkeypatch) -> list[int]:
    """How many times pydyf makes the list of page references (its own code, counted)."""
    made: list[int] = []
    original = pydyf.PDF.__dict__["page_references"]

    def counted(pdf):
        made.append(1)
        return original.fget(pdf)

    monkeypatch.setattr(pydyf.PDF, "page_references", property(counted))
    return made


def test_the_files_are_the_same_and_each_list_is_made_once_per_page(tmp_path, lists_made):
    (tmp_path / "plain").mkdir()
    (tmp_path / "kept").mkdir()
    plain = _write(tmp_path / "plain")
    made_plain = len(lists_made)
    lists_made.clear()
    with kept_page_references() as kept:
        fast = _write(tmp_path / "kept")
    assert kept
    assert fast == plain  # the parts too: no list is taken from another file
    assert plain[1] != plain[2]
    assert made_plain > 100  # once per tagged element and link without it
    assert len(lists_made) <= (9 + 1) + 2 * (3 + 1)  # at most once per page added, and once at the end


def test_the_property_is_put_back_after_the_block(tmp_path):
    before = pydyf.PDF.__dict__["page_references"]
    with pytest.raises(RuntimeError), kept_page_references():
        assert pydyf.PDF.__dict__["page_references"] is not before
        raise RuntimeError("a failed render")
    assert pydyf.PDF.__dict__["page_references"] is before


def test_a_pydyf_of_another_shape_is_left_alone(monkeypatch):
    monkeypatch.setattr(pydyf.PDF, "page_references", lambda pdf: [], raising=True)
    with kept_page_references() as kept:
        assert not kept
