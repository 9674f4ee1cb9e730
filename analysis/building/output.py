"""The output folder a build owns: it writes only there, removes only what it wrote, and never writes into the
corpus.

A build records what it creates in a small manifest, ``<out>/.newsroom-claims.json`` (the names of the files
and folders it made, and what it needs to rebuild only what changed). Before writing, :meth:`OutputFolder.claim`
refuses, with a one-line :class:`OutputError`:

* an output folder that is, or lies inside, a corpus folder, or that holds one of the corpus's input files;
* an output folder that holds files this tool did not write (a user's own folder, a folder of an older
  version of the tool that kept no manifest), unless ``force``: then the build writes beside them, and still
  never changes or deletes one of them; a file of the user's with the name of one the build would write is
  refused even then.

The manifest is data (JSON of names); a name in it that is not a plain name inside the folder is ignored, so a
tampered manifest cannot make a build delete anything outside the folder.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

#: The manifest's file name.
MANIFEST = ".newsroom-claims.json"
#: What the manifest says it is.
TOOL = "newsroom-claims"
#: Bumped when the manifest's layout changes.
MANIFEST_FORMAT = 1
#: Times a folder is moved into place while other builds of the same corpus keep replacing it.
REPLACE_ATTEMPTS = 20


class OutputError(Exception):
    """The output folder cannot be used as asked; the message says why and what to do."""


def _plain_name(name: Any) -> bool:
    return isinstance(name, str) and name not in ("", ".", "..") and "/" not in name and "\\" not in name


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


@dataclass
class OutputFolder:
    """A folder the build may write in, and what its manifest says it wrote before."""

    path: Path
    written: set[str] = field(default_factory=set)
    state: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def claim(
        cls, out: str | Path, inputs: Sequence[str | Path] = (), *, names: Iterable[str] = (), force: bool = False
    ) -> "OutputFolder":
        """The folder ``out`` for a build that will write ``names`` there.

        Args:
            out: the output folder (created if missing).
            inputs: the corpus's folders and files; ``out`` may neither be nor lie inside one, nor hold one.
            names: the files and folders the build will write in ``out``.
            force: go on beside files this tool did not write (never changing or deleting them).

        Raises:
            OutputError: the folder cannot be used; the message says why and what to do.
        """
        path = Path(out)
        resolved = path.resolve()
        for given in inputs:
            source = Path(given).resolve()
            if source.is_dir() and _inside(resolved, source):
                raise OutputError(
                    f"the output folder {path} is inside the corpus folder {given}: the corpus is never written "
                    "to; choose an --out outside it"
                )
            if _inside(source, resolved):
                raise OutputError(
                    f"the output folder {path} holds the corpus's input {given}: a build would write beside, and "
                    "could overwrite, the files it reads; choose another --out"
                )
        if path.exists() and not path.is_dir():
            raise OutputError(f"{path} is a file, not a folder: choose a folder for --out")
        folder = cls(path)
        folder._read_manifest(force)
        foreign = folder.foreign()
        if foreign and not force:
            shown = ", ".join(foreign[:5]) + (f" and {len(foreign) - 5} more" if len(foreign) > 5 else "")
            raise OutputError(
                f"{path} holds files this tool did not write ({shown}): choose an empty or new --out, or pass "
                "--force to write beside them (they are never changed or deleted)"
            )
        clashes = sorted(set(foreign) & set(names))
        if clashes:
            raise OutputError(
                f"{path / clashes[0]} was not written by this tool and a build would overwrite it: move it, or "
                "choose another --out"
            )
        return folder

    def _read_manifest(self, force: bool) -> None:
        manifest = self.path / MANIFEST
        if not manifest.exists():
            return
        try:
            data = json.loads(manifest.read_text(encoding="utf-8"))
            if not (isinstance(data, dict) and data.get("tool") == TOOL and isinstance(data.get("written"), list)):
                raise ValueError("not this tool's manifest")
        except (OSError, UnicodeDecodeError, ValueError) as err:
            if not force:
                raise OutputError(
                    f"{manifest} cannot be read ({err}), so what this tool wrote in {self.path} is unknown: choose "
                    "an empty or new --out, or pass --force to write beside what is there"
                ) from None
            return
        self.written = {name for name in data["written"] if _plain_name(name)}
        state = data.get("state")
        self.state = state if isinstance(state, dict) and data.get("format") == MANIFEST_FORMAT else {}

    def foreign(self) -> list[str]:
        """The names in the folder this tool did not write, in name order: its own temporary files, and folders
        with a manifest of their own (a folder of tables a notebook built), aside."""
        if not self.path.is_dir():
            return []
        return sorted(
            entry.name for entry in self.path.iterdir()
            if entry.name != MANIFEST and entry.name not in self.written and not _temporary(entry.name)
            and not (entry.is_dir() and (entry / MANIFEST).is_file())
        )

    def record(self, names: Iterable[str], state: dict[str, Any] | None = None) -> None:
        """Add ``names`` to what the build wrote, with the build's ``state``; the manifest is replaced whole."""
        written = self.written | {name for name in names if _plain_name(name)}
        state = self.state if state is None else state
        if written == self.written and state == self.state and (self.path / MANIFEST).exists():
            return  # a rebuild that changed nothing leaves the folder as it was, manifest included
        self.written, self.state = written, state
        data = {"tool": TOOL, "format": MANIFEST_FORMAT, "written": sorted(self.written), "state": self.state}
        text = json.dumps(data, indent=1, ensure_ascii=False)
        write_aside(self.path / MANIFEST, lambda tmp: tmp.write_text(text, encoding="utf-8"))

    def clean(self) -> None:
        """Remove the temporary files and folders of builds that were interrupted (their process is gone)."""
        if self.path.is_dir():
            for entry in self.path.iterdir():
                if temporary_of_a_dead_build(entry.name):
                    shutil.rmtree(entry, ignore_errors=True) if entry.is_dir() else entry.unlink(missing_ok=True)

    def remove(self, name: str) -> None:
        """Delete ``name`` from the folder if this tool wrote it; anything else stays."""
        if name not in self.written or not _plain_name(name):
            return
        target = self.path / name
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target, ignore_errors=True)
        else:
            target.unlink(missing_ok=True)
        self.written.discard(name)


def alive(pid: str) -> bool:
    """True when ``pid`` is a running process: a temporary file of that pid belongs to a build still going on
    (two builds of one corpus may run at once, e.g. two notebooks opened together; both write the same files)."""
    try:
        os.kill(int(pid), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    return True


def temporary_of_a_dead_build(name: str) -> bool:
    """A temporary name ``.<name>.<pid>.tmp`` whose build is no longer running."""
    parts = name.split(".")
    return _temporary(name) and len(parts) >= 3 and parts[-1] == "tmp" and not alive(parts[-2])


def write_aside(path: Path, write: Callable[[Path], object], *, cache: bool = False) -> None:
    """Write the file ``path`` whole or not at all: ``write(tmp)`` writes a temporary file beside it (named as a
    temporary of this process, ``.<name>.<pid>.tmp``), which is then renamed to ``path``. Its folder is made
    where there is none.

    With ``cache``, for a file only the build reads (and makes again when it is missing): the file there is
    removed before the new one is renamed in, so that for a moment there is none. Renamed over an old file, ext4
    writes the new one out at once (its guard for files replaced so): 0.1 s for a few megabytes, on the
    rebuild's path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    write(tmp)
    if cache:
        path.unlink(missing_ok=True)
    os.replace(tmp, path)


def replace(source: Path, target: Path) -> None:
    """Move ``source`` to ``target``, replacing a file or folder there; safe against another build doing the
    same at the same time (the last one in wins, and both wrote the same). A file may replace a folder (a table
    once written as a folder of parts) and a folder a file."""
    if not source.is_dir() and not target.is_dir():
        os.replace(source, target)
        return
    for attempt in range(REPLACE_ATTEMPTS):
        old = target.with_name(f".{target.name}.{os.getpid()}.old.tmp")
        if target.exists():
            try:
                os.replace(target, old)
            except FileNotFoundError:
                pass  # another build moved it away meanwhile
        try:
            os.replace(source, target)
            return
        except OSError:
            if attempt == REPLACE_ATTEMPTS - 1:
                raise
            # another build put one there meanwhile: move that away too
        finally:
            if old.is_dir():
                shutil.rmtree(old, ignore_errors=True)
            else:
                old.unlink(missing_ok=True)


def _temporary(name: str) -> bool:
    """A build's own temporary file or folder (``.<name>.<pid>.tmp``, a partial folder of an older build)."""
    return name.startswith(".") and (name.endswith(".tmp") or name.startswith(".partial-"))
