"""Changes of language marked in a tagged PDF's structure tree.

A screen reader reads a PDF in the language of its catalog (`/Lang`, the document's
`<html lang>`) unless a structure element says another (`/Lang` on the element: PDF/UA-1,
7.2; WCAG 2.2, 3.1.2 Language of Parts). WeasyPrint writes only the catalog's: a chapter
still in English inside a German document (`<section lang="en">`), or an English text
inside a French form, would be read with the document's voice. While a document is
written here, each structure element whose box is in another language (WeasyPrint's
computed `lang`, from the HTML `lang` attribute) than the element around it, or than the
document for an element at the top, gets `/Lang`: its text, and everything below it that
says no other, is read in that language.

WeasyPrint builds the tree with `weasyprint.pdf.tags._build_box_tree`, one call per box
(recursive, by the module's name), which yields a box's element once its children are
built: the calls are wrapped, and each element's children are marked when it is yielded.
With a WeasyPrint whose function has another shape, nothing is changed.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from contextlib import contextmanager

import pydyf

_STATE = "_portfolio_languages"  # where a PDF object keeps what is known of its elements
# The parameters of weasyprint.pdf.tags._build_box_tree, as WeasyPrint 70 has it.
_PARAMETERS = ["box", "parent", "pdf", "page_number", "nums", "annotations", "tags"]


@contextmanager
def marked_languages() -> Iterator[bool]:
    """Within the block, a tagged PDF's structure elements say their language where it
    changes. Yields whether they do (False with a WeasyPrint of another shape)."""
    try:
        from weasyprint.pdf import tags
    except ImportError:
        yield False
        return
    build = tags.__dict__.get("_build_box_tree")
    if not inspect.isgeneratorfunction(build) or list(inspect.signature(build).parameters) != _PARAMETERS:
        yield False
        return

    def marked(box, parent, pdf, *rest):
        languages = pdf.__dict__.get(_STATE)
        if languages is None:
            languages = pdf.__dict__[_STATE] = _Languages(pdf)
        for element in build(box, parent, pdf, *rest):
            languages.built(element, box, parent)
            yield element

    tags._build_box_tree = marked
    try:
        yield True
    finally:
        tags._build_box_tree = build


class _Languages:
    """The language of each structure element of one PDF, as they are built (children
    first): an element is marked when the element around it is known."""

    def __init__(self, pdf) -> None:
        self.document = getattr(pdf.catalog.get("Lang"), "string", None) or None
        self.own: dict[int, str | None] = {}  # by id() of an element: its box's language
        self.waiting: dict[int, list] = {}  # by id() of an element not yet built: its children

    def built(self, element, box, parent) -> None:
        """`element`, made for `box` below `parent`, is built, with its children."""
        if id(element) in self.own:  # passed on by <html> and <body>, which make none
            return
        language = self.own[id(element)] = box.style["lang"] or None
        for child in self.waiting.pop(id(element), ()):
            self._mark(child, language)
        if parent.get("S") == "/Document":  # at the top: in the document's language
            self._mark(element, self.document)
        else:
            self.waiting.setdefault(id(parent), []).append(element)

    def _mark(self, element, around: str | None) -> None:
        language = self.own[id(element)]
        if language and language.lower() != (around or "").lower():
            element["Lang"] = pydyf.String(language)
