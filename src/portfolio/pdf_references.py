"""Page references kept while a PDF is written.

WeasyPrint's writer asks pydyf for the list of page references once for every tagged
element (the PDF/UA structure tree) and every link, and pydyf makes the whole list again
each time: for the trainer's pack, 169 pages and about 28,000 requests, so close to five
million small strings, a third of the time spent writing the file. While a document is
written here, the list is made once and made again only when a page is added. The file is
byte for byte the same (tests/pdf/test_page_references.py).

With a pydyf where `page_references` is not a property of `pydyf.PDF`, nothing is
changed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pydyf

_KEPT = "_portfolio_page_references"  # where a PDF object keeps its list


@contextmanager
def kept_page_references() -> Iterator[bool]:
    """Within the block, a PDF's page references are made once per number of pages.
    Yields whether they are kept (False with a pydyf of another shape)."""
    original = pydyf.PDF.__dict__.get("page_references")
    if not isinstance(original, property) or original.fget is None:
        yield False
        return
    make = original.fget

    def kept(pdf):
        kids = pdf.pages["Kids"]  # pages are only ever added to this list
        key = (id(kids), len(kids))
        stored = pdf.__dict__.get(_KEPT)
        if stored is None or stored[0] != key:
            stored = (key, make(pdf))
            pdf.__dict__[_KEPT] = stored
        return stored[1]

    pydyf.PDF.page_references = property(kept, doc=original.__doc__)
    try:
        yield True
    finally:
        pydyf.PDF.page_references = original
