"""``metadata.csv``: metadata for the article files of its folder, one row per file named in its ``file``
column; its columns other than ``file`` and the built-in fields are extra fields (:mod:`.extras`)."""

from __future__ import annotations

from analysis.reading.documents import Skipped, Unreadable, warn
from analysis.reading.entries import Entry
from analysis.reading.exports import csv_records
from analysis.reading.extras import extra_fields
from analysis.reading.limits import DEFAULT_LIMITS, Limits
from analysis.reading.metadata import Listed, cell_text, metadata_of, used_columns

#: The manifest's column naming the article file a row describes.
MANIFEST_FILE_COLUMN = "file"


def read_manifest(entry: Entry, limits: Limits = DEFAULT_LIMITS) -> tuple[dict[str, Listed], Skipped | None]:
    """The metadata ``metadata.csv`` gives each file it names, by file name; or why it cannot be used at all.

    A row that cannot be used is warned about; its file is still read, without the row's metadata.
    """
    listed: dict[str, Listed] = {}
    first_row: dict[str, int] = {}
    try:
        for row, cells in csv_records(entry):
            where = f"{entry.shown}#row={row}"
            if isinstance(cells, str):
                warn(f"{where}: {cells}")
                continue
            if MANIFEST_FILE_COLUMN not in cells:
                columns = ", ".join(cells)
                return {}, Skipped(
                    entry.shown,
                    f"the manifest has no `{MANIFEST_FILE_COLUMN}` column (it has: {columns}): "
                    f"name the column holding each article's file name `{MANIFEST_FILE_COLUMN}`",
                )
            name = cell_text(cells[MANIFEST_FILE_COLUMN]).strip()
            if name in first_row:
                warn(f"{where}: {name} is already described by row {first_row[name]}, which is used: remove one")
            elif entry.sibling(name) is None:
                warn(f"{where}: names {name!r}, which is not in the folder: correct the name or remove the row")
            else:
                used = used_columns(cells, with_id=False) | {MANIFEST_FILE_COLUMN}
                listed[name] = metadata_of(cells, where), extra_fields(cells, used, limits=limits)
                first_row[name] = row
    except Unreadable as err:
        return {}, Skipped(entry.shown, f"the manifest cannot be used: {err}")
    return listed, None
