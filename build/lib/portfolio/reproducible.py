"""Outputs that are the same bytes when built twice from the same sources.

Every date written into an output (PDF metadata and cover, zip entries, the sitemap)
is the time of the last commit, or SOURCE_DATE_EPOCH when it is set (the convention
of reproducible builds); zip entries are sorted and carry fixed permissions.
"""

from __future__ import annotations

import os
import subprocess
import zipfile
from datetime import UTC, datetime
from pathlib import Path

ENV = "SOURCE_DATE_EPOCH"
# Zip timestamps cannot go before 1980.
_ZIP_EPOCH = 315532800


def source_epoch(root: Path) -> int:
    """SOURCE_DATE_EPOCH if set, else the last commit's time, else now."""
    if os.environ.get(ENV, "").isdigit():
        return int(os.environ[ENV])
    try:
        result = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%ct"], capture_output=True, text=True, timeout=10
        )
        if result.returncode == 0 and result.stdout.strip().isdigit():
            return int(result.stdout.strip())
    except (OSError, subprocess.SubprocessError):
        pass
    return int(datetime.now(UTC).timestamp())


def source_date(root: Path) -> datetime:
    return datetime.fromtimestamp(source_epoch(root), UTC)


def zip_entry(archive: zipfile.ZipFile, name: str, data: bytes, epoch: int) -> None:
    """Write one file into a zip with a fixed date and ordinary permissions."""
    stamp = datetime.fromtimestamp(max(epoch, _ZIP_EPOCH), UTC)
    info = zipfile.ZipInfo(name, date_time=stamp.timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    archive.writestr(info, data)


def zip_folder(folder: Path, zip_path: Path, top: str, epoch: int) -> None:
    """Every file under `folder`, sorted, into `zip_path` under the folder name `top`."""
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zip_entry(archive, f"{top}/{path.relative_to(folder).as_posix()}", path.read_bytes(), epoch)
