"""What the files of a corpus folder look like on disk, without reading them: the signature a rebuild compares
to tell, before opening a single article, that nothing was added, changed or removed.

The signature covers every regular file of each folder (not only the articles: a sidecar, ``metadata.csv``,
``actors.yaml`` or an export changes what is read too), each by its name and what the file system says of it:
device and inode, size, modification time and *status-change time* (``ctime``). The last is what makes it safe
to trust: a user cannot set it back. Saving an article in an editor, copying or restoring a file (``cp -p``,
``rsync -t`` or ``tar`` keep the modification time, not the change time), checking it out with git, touching it,
even putting its size and modification time back by hand (``os.utime``) all set it to the present.

Two limits, both made safe by reading everything instead of trusting the signature:

* the status-change time is only such on POSIX systems (on Windows ``st_ctime`` is the creation time), so
  :func:`corpus_listing` gives nothing elsewhere;
* a file system keeps times in ticks (a few milliseconds, two seconds on FAT), so two writes of the same size
  within one tick, the build reading between them, would look alike; a listing in which some file changed less
  than :data:`SETTLING_NS` before it was taken is therefore not *settled*, and a build must not trust it later
  (as git treats a file changed in the second its index was written).

The listing also keeps each file's own signature (:attr:`Listing.files`), so that a rebuild can tell *which*
files changed and open only those (:mod:`analysis.reading.reread`).

Nothing here reads a file's contents; a folder given as a single file, or that cannot be listed, gives nothing.
"""

from __future__ import annotations

import hashlib
import os
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Sequence

#: How long before a listing every file must have last changed for the listing to be trusted later (nanoseconds):
#: longer than any file system's tick (FAT keeps modification times to two seconds).
SETTLING_NS = 3_000_000_000


@dataclass(frozen=True)
class Listing:
    """The signature of a corpus's files (:func:`corpus_listing`), and whether it may be trusted later."""

    digest: str
    settled: bool
    #: Each folder (its absolute path) with its regular files: name -> the file's signature (device, inode, size,
    #: modification and status-change times) and the later of its two times, in nanoseconds.
    files: Mapping[str, Mapping[str, tuple[str, int]]] = field(default_factory=dict, compare=False)
    #: When the listing was taken (nanoseconds since the epoch).
    listed_at: int = field(default=0, compare=False)


def settled(changed_ns: int, listed_at_ns: int) -> bool:
    """Whether a file that last changed at ``changed_ns`` had stopped changing :data:`SETTLING_NS` before a listing
    taken at ``listed_at_ns``: only then does its signature stand for its contents."""
    return changed_ns < listed_at_ns - SETTLING_NS


def corpus_listing(paths: str | Path | Sequence[str | Path]) -> Listing | None:
    """The signature of every regular file in the folders ``paths`` (links followed, as reading follows them),
    or None where it cannot stand for their contents: not a POSIX system, a path that is not a folder, or a folder
    that cannot be listed."""
    if os.name != "posix":
        return None
    roots = [Path(paths)] if isinstance(paths, (str, Path)) else [Path(p) for p in paths]
    listed_at = time.time_ns()
    digest = hashlib.sha256()
    newest = 0
    files: dict[str, dict[str, tuple[str, int]]] = {}
    try:
        for root in roots:
            if not root.is_dir():
                return None  # a file's sidecar and manifest are its folder's: only whole folders are listed
            with os.scandir(root) as listing:
                found = sorted(((item.name, item.stat()) for item in listing), key=lambda pair: os.fsencode(pair[0]))
            folder = files.setdefault(os.path.abspath(root), {})
            digest.update(os.fsencode(os.path.abspath(root)) + b"\0")
            for name, status in found:
                if not stat.S_ISREG(status.st_mode):
                    continue  # reading reads files only, never a subfolder
                signature = (f"{status.st_dev}:{status.st_ino}:{status.st_size}:"
                             f"{status.st_mtime_ns}:{status.st_ctime_ns}")
                digest.update(os.fsencode(name) + b"\0" + f"{signature}\n".encode())
                changed = max(status.st_mtime_ns, status.st_ctime_ns)
                folder[name] = (signature, changed)
                newest = max(newest, changed)
    except OSError:  # a folder that vanished, a link to nowhere: read as usual, which says what is wrong
        return None
    return Listing(digest.hexdigest(), settled(newest, listed_at), files, listed_at)
