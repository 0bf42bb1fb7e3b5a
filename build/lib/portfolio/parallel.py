"""Rendering jobs spread over the machine's cores, one process each (WeasyPrint holds
Python's lock: threads would not help). Results come back in the order of the jobs."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any


class Running:
    """Jobs started on other cores while this process goes on with other work; `wait()`
    gives their results. Used as a context manager, leaving the block early (an error)
    cancels the jobs not yet started."""

    def __init__(self, pool: ProcessPoolExecutor | None, futures: list[Future], report) -> None:
        self._pool, self._futures, self._report = pool, futures, report

    def wait(self) -> list:
        """Every job's result, in the order of the jobs; `report` hears of each in turn."""
        try:
            results = []
            for future in self._futures:
                results.append(future.result())
                if self._report:
                    self._report(results[-1])
            return results
        finally:
            self._close()

    def _close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Running:
        return self

    def __exit__(self, *error) -> None:
        self._close()


def start(job: Callable[..., Any], arguments: Iterable[tuple], report: Callable[[Any], None] | None = None) -> Running:
    """`job(*args)` for each tuple of `arguments`, started on the other cores when there
    is more than one (with one core they are done here, before this returns)."""
    arguments = list(arguments)
    workers = min(len(arguments), os.cpu_count() or 1)
    if workers <= 1:
        futures = []
        for args in arguments:
            future: Future = Future()
            try:
                future.set_result(job(*args))
            except Exception as error:  # raised again by wait(), as from another core
                future.set_exception(error)
            futures.append(future)
        return Running(None, futures, report)
    pool = ProcessPoolExecutor(max_workers=workers)
    return Running(pool, [pool.submit(job, *args) for args in arguments], report)


def run(job: Callable[..., Any], arguments: Iterable[tuple], report: Callable[[Any], None] | None = None) -> list:
    """`job(*args)` for each tuple of `arguments`, in parallel when there is more than
    one core; `report` hears of each result in the order of the jobs."""
    return start(job, arguments, report).wait()
