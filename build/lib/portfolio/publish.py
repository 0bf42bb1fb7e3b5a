"""Putting a finished folder in place of the previous one, so that readers see either
the old one or the new one, never half of each."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def replace_folder(new: Path, target: Path) -> None:
    """Swap `new` in place of `target` (which may not exist yet), then drop the old one."""
    old = target.with_name(f"{target.name}.partial-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    shutil.rmtree(old, ignore_errors=True)
