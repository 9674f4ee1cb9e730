"""Zip archives: their readable members in name order, as entries read without extracting to disk, and the
checks that refuse an archive or a member before it is expanded.

The checks use the sizes the archive declares (``zipfile`` never gives out more than a member's declared
size: a member that holds more fails its checksum), so a zip bomb is refused without being decompressed.
An ``.xlsx`` workbook is a zip too, and is checked the same way before it is opened.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import PurePosixPath, PureWindowsPath

from analysis.reading.documents import Skipped
from analysis.reading.entries import ARCHIVE_SUFFIXES, DOCUMENTATION, Entry, documentation, is_read, refused_entry
from analysis.reading.limits import RATIO_EXEMPT_BYTES, Limits, megabytes

#: Archive folders that hold operating-system debris, never articles (macOS resource forks).
ARCHIVE_DEBRIS = ("__MACOSX/",)


def archive_entries(archive: zipfile.ZipFile, shown: str, key: str, limits: Limits) -> list[Entry | Skipped]:
    """The archive's readable members in name order, as entries shown under the archive's path; a member
    refused by :func:`member_problem`, or an archive inside the archive, as a skip.

    A sidecar or manifest over a limit is an entry that refuses to open, so that what reads it says so.
    """
    members = {info.filename: info for info in archive.infolist() if not info.is_dir()}

    def entry(info: zipfile.ZipInfo) -> Entry:
        def sibling(name: str) -> Entry | None:
            other = members.get(posixpath.join(posixpath.dirname(info.filename), name))
            return entry(other) if other else None

        member_shown, member_key = f"{shown}/{info.filename}", f"{key}!{info.filename}"
        problem = member_problem(info.filename, info.file_size, info.compress_size, limits)
        if problem:
            return refused_entry(member_shown, member_key, f"the member {problem}", sibling)
        return Entry(member_shown, member_key, info.file_size, lambda: archive.open(info), sibling)

    read: list[Entry | Skipped] = []
    for name in sorted(members):
        if not is_read(PurePosixPath(name).name) or name.startswith(ARCHIVE_DEBRIS):
            continue
        member = entry(members[name])
        if member.refused:
            read.append(Skipped(member.shown, member.refused))
        elif documentation(name):
            read.append(Skipped(member.shown, DOCUMENTATION))
        elif member.suffix in ARCHIVE_SUFFIXES:
            read.append(Skipped(member.shown, "an archive inside an archive is not read: extract it and add it"))
        else:
            read.append(member)
    return read


def archive_problem(members: list[zipfile.ZipInfo], limits: Limits) -> str:
    """Why an archive is not read at all: its members add up to more than ``limits.archive_bytes``
    uncompressed (a sentence completing "the archive ..."); empty when they do not."""
    total = sum(info.file_size for info in members)
    if total > limits.archive_bytes:
        return (
            f"expands to {megabytes(total)}, over the {megabytes(limits.archive_bytes)} limit for one archive: "
            "split it, or extract the articles into a folder"
        )
    return ""


def member_problem(name: str, size: int, compressed_size: int, limits: Limits) -> str:
    """Why one archive member (or workbook part) is not read: a name that leaves the archive (absolute, or
    with ``..``), or a declared size or compression ratio over ``limits`` (a sentence completing "the
    member ..."); empty when it may be read."""
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or PureWindowsPath(name).drive:
        return "has a name that leaves the archive (absolute, or with '..'): re-create the archive"
    if size > limits.member_bytes:
        return (
            f"expands to {megabytes(size)}, over the {megabytes(limits.member_bytes)} limit for one member: "
            "extract it, or split it"
        )
    if size > RATIO_EXEMPT_BYTES and size > limits.compression_ratio * max(compressed_size, 1):
        return (
            f"expands {size / max(compressed_size, 1):,.0f} times (to {megabytes(size)}), over the "
            f"{limits.compression_ratio:g} times a real file expands (a zip bomb?): extract it only if you trust it"
        )
    return ""


def zip_problem(archive: zipfile.ZipFile, limits: Limits) -> str:
    """Why a zip read whole (a workbook) is not read: the first problem of the archive or of any member."""
    members = archive.infolist()
    problem = archive_problem(members, limits)
    for info in members:
        problem = problem or member_problem(info.filename, info.file_size, info.compress_size, limits)
    return problem
