"""The corpus-level tables of a folder build, made again only where the changed articles reach.

A folder build keeps its per-article tables by chunk (:mod:`analysis.building.chunks`); this stage reads them
chunk by chunk and keeps, under the build's cache (``<out>/.cache/<fingerprint>/across/``), what each
corpus-level table derives from them, so that a rebuild after one article changed costs what that article
touches, and gives the table a cold build gives, row for row:

* **per chunk**, what a table derives from each article alone (:func:`analysis.across.figure_agreement.figure_rows`,
  :func:`analysis.across.quote_reuse.printings`), with a key per row (the hash of its values), kept for every
  chunk in one file per table (:class:`analysis.building.segments.ChunkRows`): a chunk that did not change is
  not derived again;
* ``figure_agreement``: the pairs are found again over the whole corpus (array operations, under a second at
  10,000 articles) and fall into *runs*, the rows of one earlier figure. A run's key is the hash of its earlier
  figure's row, its later figures' rows in order and the pairing parameters, so it changes exactly when one of
  its rows would; the table is kept as segments of runs (:class:`analysis.building.segments.SegmentStore`), and
  only the runs whose key is new are written again, the others copied from the segments that held them;
* ``quote_reuse``: printings are matched within blocks of printings that share a word run
  (:func:`analysis.across.quote_reuse.match_blocks`), and each block's groups are kept by the hash of its
  printings; only the blocks a changed article's quotations fall in are matched again. The table itself is
  small (reused printings only) and is made whole from the groups.

Another corpus-level table plugs in the same way: derive what it reads per chunk (:func:`chunk_frames`), key
what it computes across articles by the rows it reads, and hand the build (``analysis.flow``'s steps) either
its rows (:func:`quote_reuse_table`) or its segments (:func:`figure_agreement_segments`).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

import numpy as np
import pandas as pd

from analysis.across.figure_agreement import (
    FIGURE_COLUMNS,
    MENTION_COLUMNS,
    WINDOW_DAYS,
    candidate_pairs,
    figure_rows,
    in_pairing_order,
    pair_rows,
)
from analysis.across.publication import DOCUMENT_COLUMNS, UTC_TIME
from analysis.across.quote_reuse import (
    ATTRIBUTION_COLUMNS,
    in_printing_order,
    match_blocks,
    match_groups,
    printings,
    reuse_rows,
)
from analysis.building.segments import ChunkRows, Segment, SegmentStore, cut, digest

#: Mean articles of earlier figures per segment of ``figure_agreement`` (as for chunks: a rebuild writes again
#: about this many articles' pairs where a change reaches).
ARTICLES_PER_SEGMENT = 64
#: A segment is cut at this many rows anyway.
MAX_SEGMENT_ROWS = 50_000
#: Bumped when what a kept row, run or block holds changes.
STAGE_FORMAT = 1
#: Column of a derived frame holding each row's key.
ROW_KEY = "row_key"
#: Where a tuple of places is kept as one string (place keys are words and spaces).
PLACE_SEPARATOR = "\x1f"


@dataclass(frozen=True)
class ChunkTables:
    """The per-article tables of a built corpus, chunk by chunk: ``read(chunk_ids, table, columns)`` gives a
    table's rows over those chunks, in order."""

    ids: Sequence[str]
    read: Callable[[Sequence[str], str, list[str]], pd.DataFrame]


@dataclass(frozen=True)
class SegmentedTable:
    """A corpus-level table kept as segments, in order: what a folder build joins (CSV) and links (Parquet)."""

    store: SegmentStore
    segments: list[Segment]

    def paths(self, name: str) -> list[Path]:
        """Each segment's ``rows.csv`` or ``rows.parquet``, in order."""
        return [self.store.path(segment.id, name) for segment in self.segments]


def row_keys(frame: pd.DataFrame) -> list[str]:
    """Each row's key: the hash of its values, column by column, each as pandas writes it as text (floats in
    full, times in ISO form, missing values named)."""
    columns = [frame[column].astype(str).tolist() for column in frame.columns]
    return [digest([json.dumps(values, ensure_ascii=False)]) for values in zip(*columns)]


def chunk_frames(chunks: ChunkTables, path: Path, derive: Callable[[Sequence[str]], pd.DataFrame]) -> pd.DataFrame:
    """``derive`` of every chunk (rows that depend on their own article alone) with a :data:`ROW_KEY` column, kept
    in ``path`` (:class:`analysis.building.segments.ChunkRows`): chunks kept before are not derived again, and
    the rows of chunks no longer in the corpus go. Rows come in no particular order."""

    def keyed(chunk_id: str) -> pd.DataFrame:
        derived = derive([chunk_id])
        return derived.assign(**{ROW_KEY: row_keys(derived)})

    frame = ChunkRows(path).rows(chunks.ids, keyed)
    if frame is None:
        empty = derive([])
        return empty.assign(**{ROW_KEY: row_keys(empty)})
    # a chunk of undated articles keeps its times without a zone: every time is read as UTC
    times = [column for column, dtype in frame.dtypes.items() if dtype.kind == "M"]
    return frame.assign(**{column: pd.to_datetime(frame[column], utc=True).astype(UTC_TIME) for column in times})


def _key_bytes(keys: pd.Series) -> np.ndarray:
    """Row keys (32 hex digits) as a (rows, 16) byte array."""
    return np.frombuffer(bytes.fromhex("".join(keys.tolist())), dtype=np.uint8).reshape(-1, 16)


#: Runs whose keys are hashed at a time (their later figures' keys gathered together).
RUNS_PER_KEY_BATCH = 20_000


def _run_keys(
    figure_keys: np.ndarray, earlier: np.ndarray, later: np.ndarray, starts: np.ndarray, ends: np.ndarray,
    parameters: bytes,
) -> list[str]:
    """Each run's key: the hash of the parameters, its earlier figure's row key and its later figures' row keys in
    order (all of fixed length, so no two runs' inputs run together)."""
    keys = []
    for lo in range(0, len(starts), RUNS_PER_KEY_BATCH):
        batch_starts, batch_ends = starts[lo : lo + RUNS_PER_KEY_BATCH], ends[lo : lo + RUNS_PER_KEY_BATCH]
        base = int(batch_starts[0])
        gathered = figure_keys[later[base : int(batch_ends[-1])]].tobytes()
        for first, start, end in zip(earlier[batch_starts].tolist(), (batch_starts - base).tolist(),
                                     (batch_ends - base).tolist()):
            hashed = hashlib.blake2b(parameters, digest_size=16)
            hashed.update(figure_keys[first].tobytes())
            hashed.update(gathered[start * 16 : end * 16])
            keys.append(hashed.hexdigest())
    return keys


def _closes(doc_id: str) -> bool:
    # by the article's id, not its content: an article edited in place moves no boundary
    return int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest()[:8], 16) % ARTICLES_PER_SEGMENT == 0


def figure_agreement_segments(
    chunks: ChunkTables, folder: Path, *, window_days: float = WINDOW_DAYS
) -> tuple[SegmentedTable, int]:
    """The ``figure_agreement`` table of the corpus as segments under ``folder``, and how many of its rows were
    written anew: those of the runs whose key is new."""

    def derive(ids: Sequence[str]) -> pd.DataFrame:
        rows = figure_rows(chunks.read(ids, "figures", FIGURE_COLUMNS), chunks.read(ids, "documents", DOCUMENT_COLUMNS),
                           chunks.read(ids, "mentions", MENTION_COLUMNS))
        return rows.assign(places=[PLACE_SEPARATOR.join(p) for p in rows["places"]])

    kept = chunk_frames(chunks, folder / "figure_rows.parquet", derive)
    store = SegmentStore(folder / "figure_agreement", "figure_agreement")
    if not len(kept):
        store.prune([])
        return SegmentedTable(store, []), 0
    rows = in_pairing_order(kept.assign(places=[tuple(p.split(PLACE_SEPARATOR)) if p else () for p in kept["places"]]))
    del kept
    pairs = candidate_pairs(rows, window_days)
    earlier, later = pairs[:, 0], pairs[:, 1]
    starts = np.flatnonzero(np.diff(earlier, prepend=-1) != 0)
    ends = np.r_[starts[1:], len(pairs)]
    keys = _run_keys(_key_bytes(rows[ROW_KEY]), earlier, later, starts, ends,
                     f"figure_agreement:{STAGE_FORMAT}:{window_days!r}".encode())
    docs = rows["doc_id"].to_numpy()[earlier[starts]]
    closing = {doc: _closes(doc) for doc in set(docs.tolist())}
    closes = [doc != after and closing[doc] for doc, after in zip(docs.tolist(), [*docs[1:].tolist(), None])]
    sizes = (ends - starts).tolist()
    segments = cut("figure_agreement", keys, closes, sizes, max_rows=MAX_SEGMENT_ROWS)

    def render(runs: list[int]) -> pd.DataFrame:
        chosen = np.concatenate([np.arange(starts[r], ends[r]) for r in runs])
        return pair_rows(rows, earlier[chosen], later[chosen], window_days=window_days, places_read=True)

    written = store.make(segments, sizes, render)
    store.prune(segment.id for segment in segments)
    return SegmentedTable(store, segments), written


def quote_reuse_table(chunks: ChunkTables, folder: Path, links: pd.DataFrame) -> pd.DataFrame:
    """The ``quote_reuse`` table of the corpus, its speakers compared by the identities of ``links``
    (:func:`analysis.across.identity.source_links`): the printings kept per chunk under ``folder``, and each
    block's groups (:func:`analysis.across.quote_reuse.match_blocks`) kept in ``folder/quote_blocks.json`` by the
    hash of its printings, matched again only where that hash is new."""

    def derive(ids: Sequence[str]) -> pd.DataFrame:
        return printings(chunks.read(ids, "attributions", ATTRIBUTION_COLUMNS),
                         chunks.read(ids, "documents", DOCUMENT_COLUMNS))

    kept = chunk_frames(chunks, folder / "printings.parquet", derive)
    ordered = in_printing_order(kept)
    texts, keys = ordered["normalised"].tolist(), ordered[ROW_KEY].tolist()
    memo_path = folder / "quote_blocks.json"
    try:
        memo = json.loads(memo_path.read_text(encoding="utf-8"))
        known = memo["blocks"] if memo.get("format") == STAGE_FORMAT else {}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        known = {}
    roots = np.arange(len(ordered))
    blocks: dict[str, list[int]] = {}
    for members in match_blocks(texts):
        key = digest([f"quote_reuse:{STAGE_FORMAT}", *(keys[i] for i in members)])
        local = known.get(key)
        if not (isinstance(local, list) and len(local) == len(members)
                and all(isinstance(r, int) and 0 <= r <= i and local[r] == r for i, r in enumerate(local))):
            local = match_groups([texts[i] for i in members])
        blocks[key] = local
        roots[members] = np.asarray(members)[local]
    if blocks != known:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".quote_blocks.json.{os.getpid()}.tmp"
        tmp.write_text(json.dumps({"format": STAGE_FORMAT, "blocks": blocks}), encoding="utf-8")
        os.replace(tmp, memo_path)
    return reuse_rows(ordered, roots, links)
