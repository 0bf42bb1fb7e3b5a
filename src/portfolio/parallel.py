"""Rendering jobs spread over the machine's cores, one process each (WeasyPrint holds
Python's lock: threads would not help). Results come back in the order of the jobs."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from typing import Any


def run(job: Callable[..., Any], arguments: Iterable[tuple], report: Callable[[Any], None] | None = None) -> list:
    """`job(*args)` for each tuple of `arguments`, in parallel when there is more than
    one core; `report` hears of each result as soon as it is ready."""
    arguments = list(arguments)
    workers = min(len(arguments), os.cpu_count() or 1)
    if workers <= 1:
        results = []
        for args in arguments:
            results.append(job(*args))
            if report:
                report(results[-1])
        return results
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(job, *args) for args in arguments]
        results = []
        for future in futures:
            results.append(future.result())
            if report:
                report(results[-1])
        return results
