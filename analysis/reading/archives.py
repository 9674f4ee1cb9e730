"""Zip archives: their readable members in name order, as entries read without extracting to disk."""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import PurePosixPath

from analysis.reading.entries import Entry, is_read

#: Archive folders that hold operating-system debris, never articles (macOS resource forks).
ARCHIVE_DEBRIS = ("__MACOSX/",)


def archive_entries(archive: zipfile.ZipFile, shown: str, key: str) -> list[Entry]:
    """The archive's readable members in name order, as entries shown under the archive's path."""
    members = {info.filename: info for info in archive.infolist() if not info.is_dir()}

    def entry(info: zipfile.ZipInfo) -> Entry:
        def sibling(name: str) -> Entry | None:
            other = members.get(posixpath.join(posixpath.dirname(info.filename), name))
            return entry(other) if other else None

        return Entry(
            f"{shown}/{info.filename}", f"{key}!{info.filename}", info.file_size, lambda: archive.open(info), sibling
        )

    return [
        entry(members[name])
        for name in sorted(members)
        if is_read(PurePosixPath(name).name) and not name.startswith(ARCHIVE_DEBRIS)
    ]
