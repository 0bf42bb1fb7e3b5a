"""The output cache hands back exactly what was made, files written beside it included,
and makes an output again when its entry is damaged or its inputs change."""

from __future__ import annotations

import pytest

from portfolio import output_cache
from portfolio.reproducible import ENV


@pytest.fixture(autouse=True)
def dated(monkeypatch):
    """The outputs' date (part of every entry) fixed: tmp_path is no git clone, so it
    would otherwise be the clock's, and two calls a second apart would not share entries."""
    monkeypatch.setenv(ENV, "1764000000")


def make_pair(folder, calls: list):
    """An output and a file written beside it (as the trainer's pack writes handouts)."""

    def make() -> dict:
        calls.append(1)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "pack.pdf").write_bytes(b"pack %d" % len(calls))
        (folder / "handouts-a.pdf").write_bytes(b"handouts %d" % len(calls))
        return {"pages": 3, "also": ["handouts-a.pdf"]}

    return make


def test_a_cached_output_comes_back_with_the_files_made_beside_it(tmp_path):
    calls: list = []
    first, second = tmp_path / "one", tmp_path / "two"
    facts, served = output_cache.cached(tmp_path, ["inputs"], first / "pack.pdf", make_pair(first, calls))
    assert not served and facts["pages"] == 3
    facts, served = output_cache.cached(tmp_path, ["inputs"], second / "pack.pdf", make_pair(second, calls))
    assert served and len(calls) == 1
    assert (second / "pack.pdf").read_bytes() == b"pack 1"
    assert (second / "handouts-a.pdf").read_bytes() == b"handouts 1"


def test_a_damaged_entry_or_new_inputs_make_the_output_again(tmp_path):
    calls: list = []
    target = tmp_path / "out" / "pack.pdf"
    output_cache.cached(tmp_path, ["inputs"], target, make_pair(target.parent, calls))
    for stored in (tmp_path / output_cache.CACHE_DIR).glob("*.0.bin"):
        stored.unlink()  # the file beside the output is gone from the cache
    _, served = output_cache.cached(tmp_path, ["inputs"], target, make_pair(target.parent, calls))
    assert not served and len(calls) == 2
    _, served = output_cache.cached(tmp_path, ["other inputs"], target, make_pair(target.parent, calls))
    assert not served and len(calls) == 3
