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
* the source identities (``sources``, ``source_outlets``, and the ``source_id`` of every attribution, claim,
  person and figure): what each article gives them is kept per chunk (:func:`analysis.across.identity.identity_pairs`,
  :func:`analysis.across.identity.written_names`), the names fall into blocks no rule reaches across (a surname, an
  organisation's name, :func:`analysis.across.identity.block_of`), and the links of every block are kept in
  ``identity_links.parquet`` in block order with the block's key (the hash of what resolving reads of its rows);
  only a block whose key is new is resolved again, the others' links are taken as arrays, and the tables are
  counted whole from the kept rows. A chunk's four tables are written again with their ``source_id`` only when
  the links of its articles change (:func:`identified_chunks`);
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
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from analysis.across.figure_agreement import (
    FIGURE_COLUMNS,
    MENTION_COLUMNS,
    WINDOW_DAYS,
    candidate_pairs,
    figure_rows,
    in_pairing_order,
    pair_rows,
    pairable,
)
from analysis.across.identity import (
    IDENTITY_ATTRIBUTION_COLUMNS,
    IDENTITY_DOCUMENT_COLUMNS,
    IDENTITY_MENTION_COLUMNS,
    PEOPLE_COLUMNS,
    Identity,
    SourceIdentities,
    identity_pairs,
    identity_tables,
    in_body_names,
    resolve,
    with_source_ids,
    written_names,
)
from analysis.across.publication import DOCUMENT_COLUMNS, UTC_TIME, texts_of
from analysis.across.quote_reuse import (
    ATTRIBUTION_COLUMNS,
    in_printing_order,
    match_blocks,
    match_groups,
    printings,
    reuse_rows,
    reused_printings,
)
from analysis.building import schema
from analysis.building.chunks import arrow_schema, csv_rows, read_file
from analysis.building.output import write_aside
from analysis.building.segments import ChunkRows, Segment, SegmentStore, cut, digest, remove_stale, row_bytes
from analysis.catalogue.actors import Catalogue

#: Mean articles of earlier figures per segment of ``figure_agreement`` (as for chunks: a rebuild writes again
#: about this many articles' pairs where a change reaches).
ARTICLES_PER_SEGMENT = 64
#: A segment is cut at this many rows anyway.
MAX_SEGMENT_ROWS = 50_000
#: Bumped when what a kept row, run or block holds changes.
STAGE_FORMAT = 2
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
    columns = [texts_of(frame[column]) for column in frame.columns]
    return [digest([_ROW_JSON(values)]) for values in zip(*columns)]


#: ``json.dumps(values, ensure_ascii=False)`` of a row, with one encoder for every row (``dumps`` makes one per call
#: when given an option).
_ROW_JSON = json.JSONEncoder(ensure_ascii=False).encode


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
                           chunks.read(ids, "mentions", MENTION_COLUMNS), dated_only=True)
        # a figure whose day or place cannot be placed, or that counts nothing (a threshold), is never paired:
        # kept, it would only be read and sorted on every rebuild (all of an undated corpus's figures but those whose clause
        # names a day)
        rows = rows[np.array([pairable(m, d, u) for m, d, u in zip(rows["measure"], rows["day"], rows["place_unknown"])],
                             dtype=bool)]
        return rows.assign(places=[PLACE_SEPARATOR.join(p) for p in rows["places"]])

    kept = chunk_frames(chunks, folder / "figure_rows.arrow", derive)
    store = SegmentStore(folder / "figure_agreement", "figure_agreement")
    if not len(kept):
        store.prune([])
        return SegmentedTable(store, []), 0
    rows = in_pairing_order(kept.assign(places=[tuple(p.split(PLACE_SEPARATOR)) if p else () for p in kept["places"].tolist()]))
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


def quote_reuse_table(
    chunks: ChunkTables, folder: Path, links: pd.DataFrame, printed: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The ``quote_reuse`` table of the corpus (:func:`quote_reuse_printings`, or ``printed`` where they were
    made already), its speakers compared by the identities of ``links``
    (:func:`analysis.across.identity.source_links`)."""
    return reuse_rows(printed if printed is not None else quote_reuse_printings(chunks, folder), links)


def quote_reuse_printings(chunks: ChunkTables, folder: Path) -> pd.DataFrame:
    """The corpus's printings of a quotation printed by two articles or more
    (:func:`analysis.across.quote_reuse.reused_printings`): all of ``quote_reuse`` but the sources' identities,
    which :func:`analysis.across.quote_reuse.reuse_rows` puts on. The printings are kept per chunk under
    ``folder``, and each block's groups (:func:`analysis.across.quote_reuse.match_blocks`) in
    ``folder/quote_blocks.json`` by the hash of its printings, matched again only where that hash is new."""

    def derive(ids: Sequence[str]) -> pd.DataFrame:
        return printings(chunks.read(ids, "attributions", ATTRIBUTION_COLUMNS),
                         chunks.read(ids, "documents", DOCUMENT_COLUMNS))

    kept = chunk_frames(chunks, folder / "printings.arrow", derive)
    ordered = in_printing_order(kept)
    texts, keys = ordered["normalised"].tolist(), ordered[ROW_KEY].tolist()
    memo_path = folder / "quote_blocks.json"
    known = _load_memo(memo_path, "blocks")
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
        _save_memo(memo_path, "blocks", blocks)
    return reused_printings(ordered, roots)


def _load_memo(path: Path, name: str) -> dict:
    """What ``path`` keeps under ``name`` for this :data:`STAGE_FORMAT`, or nothing when it cannot be read."""
    try:
        memo = json.loads(path.read_text(encoding="utf-8"))
        known = memo[name] if memo.get("format") == STAGE_FORMAT else {}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}
    return known if isinstance(known, dict) else {}


def _save_memo(path: Path, name: str, value: dict) -> None:
    text = json.dumps({"format": STAGE_FORMAT, name: value})
    write_aside(path, lambda tmp: tmp.write_text(text, encoding="utf-8"), cache=True)


#: Bumped when what the identities keep (their files under the stage's folder) changes.
IDENTITY_FORMAT = 2
#: Column of the identities' derived frames holding what a block's key hashes of each row: of a pair its
#: doc_id, source and class, of a written name its doc_id and text (what :func:`analysis.across.identity.resolve`
#: reads of them).
RESOLVE_KEY = "resolve_key"
#: Column of ``identity_links`` naming each row's block by its key.
BLOCK_KEY = "block_key"
#: What ``identity_links`` keeps of each pair of a block, in the block's order: its link and its identity's
#: basis and catalogue actor.
RESOLVED_COLUMNS = ["source_class", "source_id", "matched_by", "basis", "actor_id"]
#: Files of an earlier :data:`IDENTITY_FORMAT`, removed when met.
_FORMER_IDENTITY_FILES = ("identity_pairs.parquet", "identity_names.parquet", "identity_blocks.json")


@dataclass(frozen=True)
class _KeptLinks:
    """The links of every block of the last build, in block order (``identity_links``): each block's rows by its
    key (first row, end) and the columns of :data:`RESOLVED_COLUMNS` as arrays."""

    where: dict[str, tuple[int, int]]
    columns: dict[str, np.ndarray]

    @classmethod
    def read(cls, path: Path) -> "_KeptLinks":
        """What ``path`` keeps, or nothing when it cannot be read as kept links."""
        try:
            table = read_file(path)
            columns = {c: table[c].to_numpy(zero_copy_only=False).astype(object) for c in (BLOCK_KEY, *RESOLVED_COLUMNS)}
        except (OSError, KeyError, ValueError, pa.ArrowException):
            return cls({}, {c: np.empty(0, dtype=object) for c in RESOLVED_COLUMNS})
        keys = columns.pop(BLOCK_KEY)
        starts = _run_starts(keys)
        ends = np.r_[starts[1:], len(keys)].astype(np.int64)
        return cls(dict(zip(keys[starts].tolist(), zip(starts.tolist(), ends.tolist()))), columns)


def _run_starts(values: np.ndarray) -> np.ndarray:
    """Where each run of equal consecutive values starts."""
    if not len(values):
        return np.empty(0, dtype=np.int64)
    return np.flatnonzero(np.r_[True, values[1:] != values[:-1]])


def source_identity_tables(
    chunks: ChunkTables, folder: Path, catalogue: Catalogue | None
) -> tuple[SourceIdentities, int]:
    """The corpus's source identities (``sources``, ``source_outlets`` and the links, as
    :func:`analysis.across.identity.source_identities` makes them), and how many blocks were resolved anew.

    What each chunk gives them is kept under ``folder`` (:func:`chunk_frames`, with each row's
    :data:`RESOLVE_KEY`); a block's key hashes its pairs' and written names' resolve keys in order, so it changes
    exactly when what :func:`~analysis.across.identity.resolve` reads of the block does. The links of every block
    are kept in ``folder/identity_links.parquet`` in block order, and a block whose key is kept takes its rows as
    they are: nothing is done per pair in Python but for the blocks resolved anew."""

    def pairs_of(ids: Sequence[str]) -> pd.DataFrame:
        pairs = identity_pairs(chunks.read(ids, "attributions", IDENTITY_ATTRIBUTION_COLUMNS),
                               chunks.read(ids, "people", PEOPLE_COLUMNS),
                               chunks.read(ids, "documents", IDENTITY_DOCUMENT_COLUMNS), catalogue)
        return pairs.assign(**{RESOLVE_KEY: row_keys(pairs[["doc_id", "source", "source_class"]])})

    def names_of(ids: Sequence[str]) -> pd.DataFrame:
        names = written_names(chunks.read(ids, "mentions", IDENTITY_MENTION_COLUMNS))
        return names.assign(**{RESOLVE_KEY: row_keys(names[["doc_id", "text"]])})

    for former in _FORMER_IDENTITY_FILES:
        (folder / former).unlink(missing_ok=True)
    # in the order a whole computation gives them (each pair and each written name once: a total order)
    pairs = chunk_frames(chunks, folder / f"identity_pairs.{IDENTITY_FORMAT}.arrow", pairs_of).drop(columns=ROW_KEY)
    pairs = pairs.sort_values(["doc_id", "source"], kind="stable", ignore_index=True)
    written = chunk_frames(chunks, folder / f"identity_names.{IDENTITY_FORMAT}.arrow", names_of).drop(columns=ROW_KEY)
    # a person's block reads the full names that its own articles write with its surname
    in_blocks_of_own = pd.MultiIndex.from_arrays([written["doc_id"], written["block"]]).isin(
        pd.MultiIndex.from_arrays([pairs["doc_id"], pairs["block"]]))
    written = written[in_blocks_of_own]
    written = written.sort_values(["block", "doc_id", "text"], kind="stable", ignore_index=True)

    block_of = pairs["block"].to_numpy(dtype=object)
    # sorted as typed (Arrow's stable sort, as numpy's of the Python strings, in a fifth of the time)
    order = pairs["block"].argsort(kind="stable").to_numpy()
    order = order[block_of[order] != ""]  # pairs in no block have no identity
    blocked = block_of[order]
    starts = _run_starts(blocked)
    ends = np.r_[starts[1:], len(order)].astype(np.int64)
    names = blocked[starts]
    written_block = written["block"].to_numpy(dtype=object)
    written_starts = np.searchsorted(written_block, names, side="left") if len(written) else np.zeros(len(names), int)
    written_ends = np.searchsorted(written_block, names, side="right") if len(written) else np.zeros(len(names), int)
    in_body = np.asarray(in_body_names(pairs), dtype=bool)
    pair_keys, flags = _key_bytes(pairs[RESOLVE_KEY])[order], in_body[order].astype(np.uint8)
    name_keys = _key_bytes(written[RESOLVE_KEY])

    links_path = folder / "identity_links.parquet"
    kept = _KeptLinks.read(links_path)
    columns = [pairs[c].to_numpy(dtype=object) for c in ("doc_id", "source", "source_class", "block")]
    texts = [written[c].tolist() for c in ("doc_id", "text")]
    block_keys, gather, made_rows, anew = [], [], [], 0
    offset = len(kept.columns["source_id"])
    for name, lo, hi, wlo, whi in zip(names.tolist(), starts.tolist(), ends.tolist(), written_starts.tolist(),
                                      written_ends.tolist()):
        hashed = hashlib.blake2b(f"identity:{IDENTITY_FORMAT}{FIELD}{name}".encode(), digest_size=16)
        hashed.update(pair_keys[lo:hi].tobytes())
        hashed.update(flags[lo:hi].tobytes())
        hashed.update(b"\n")
        hashed.update(name_keys[wlo:whi].tobytes())
        key = hashed.hexdigest()
        block_keys.append(key)
        first, end = kept.where.get(key, (0, -1))
        if end - first == hi - lo:  # kept: its rows as they are
            gather.append(np.arange(first, end))
            continue
        rows = [(*(column[i] for column in columns), bool(in_body[i])) for i in order[lo:hi].tolist()]
        made = resolve(rows, zip(texts[0][wlo:whi], texts[1][wlo:whi]), catalogue)
        for cls, source_id, how in made.links:
            identity = made.identities.get(source_id)
            made_rows.append((cls, source_id, how, identity.basis if identity else "", identity.actor_id if identity else ""))
        gather.append(np.arange(offset, offset + hi - lo))
        offset += hi - lo
        anew += 1
    new = [np.asarray([row[i] for row in made_rows], dtype=object) for i in range(len(RESOLVED_COLUMNS))]
    index = np.concatenate(gather) if gather else np.empty(0, dtype=np.int64)
    resolved = {c: np.concatenate([kept.columns[c], new[i]])[index] for i, c in enumerate(RESOLVED_COLUMNS)}
    if made_rows or list(kept.where) != block_keys:
        _write_links(links_path, np.repeat(np.asarray(block_keys, dtype=object), ends - starts), resolved)

    # back in the pairs' order; a pair in no block has no link
    by_pair = {c: np.full(len(pairs), "", dtype=object) for c in RESOLVED_COLUMNS}
    for c in RESOLVED_COLUMNS:
        by_pair[c][order] = resolved[c]
    links = pd.DataFrame({"doc_id": columns[0], "source": columns[1],
                          **{c: by_pair[c] for c in ("source_class", "source_id", "matched_by")}}, dtype=object)
    identities: dict[str, Identity] = {}
    for source_id, cls, basis, actor_id in zip(*(by_pair[c].tolist() for c in ("source_id", "source_class", "basis", "actor_id"))):
        if source_id and source_id not in identities:  # as its first pair says
            identities[source_id] = Identity(cls, basis, actor_id)
    return identity_tables(pairs, links, identities, catalogue), anew


def _write_links(path: Path, block_keys: np.ndarray, resolved: Mapping[str, np.ndarray]) -> None:
    """Keep the links of every block, in block order, in ``path`` (written to a temporary file and renamed)."""
    table = pa.table({BLOCK_KEY: pa.array(block_keys.tolist(), type=pa.string()).dictionary_encode(),
                      **{c: pa.array(resolved[c].tolist(), type=pa.string()) for c in RESOLVED_COLUMNS}})
    write_aside(path, lambda tmp: pq.write_table(table, tmp), cache=True)


#: Field separator of the rows a block's key hashes (names and doc ids hold no control characters).
FIELD = "\x1f"


@dataclass(frozen=True)
class IdentifiedChunks:
    """Where each chunk's tables with their ``source_id`` are (:func:`identified_chunks`)."""

    folders: dict[str, Path | None]
    chunk_path: Callable[[str, str], Path]
    written: int

    def path(self, chunk_id: str, name: str) -> Path:
        """The file ``name`` (``attributions.csv``, ``figures.parquet``, ...) of a chunk: with the chunk's
        identities where its articles have any, else the chunk's own (every ``source_id`` empty)."""
        folder = self.folders.get(chunk_id)
        return self.chunk_path(chunk_id, name) if folder is None else folder / name


def identified_chunks(
    chunk_docs: Mapping[str, Sequence[str]], chunk_path: Callable[[str, str], Path], links: pd.DataFrame, folder: Path
) -> IdentifiedChunks:
    """Each chunk's tables of :data:`analysis.building.schema.IDENTITY_TABLES` with the ``source_id`` of their rows
    (:func:`analysis.across.identity.with_source_ids`), kept under ``folder`` by the hash of the chunk's id and of
    its articles' links: written again only when a chunk is new or its links changed. A chunk whose articles'
    sources have no identity is used as it is.

    Args:
        chunk_docs: the doc_ids of each chunk, in corpus order.
        chunk_path: where a chunk's file is (``chunk_path(chunk_id, "attributions.parquet")``).
        links: the corpus's links (:func:`analysis.across.identity.source_links`).
    """
    named = links[links["source_id"].astype(str) != ""]
    # each link's row, put in corpus order (by its article's place, then as the links give them) at once, rather
    # than gathered article by article: a pass in Python over every link of the corpus on every rebuild
    place = {doc_id: index for index, doc_id in enumerate(d for doc_ids in chunk_docs.values() for d in doc_ids)}
    columns = [named[c].astype(str) for c in ("doc_id", "source", "source_id")]
    placed = columns[0].map(place)
    in_corpus = placed.notna().to_numpy()
    places = placed.to_numpy()[in_corpus].astype(np.int64)
    order = np.argsort(places, kind="stable")
    texts = [column.to_numpy(dtype=object)[in_corpus] for column in columns]
    rows_in_order = [FIELD.join(row) for row in zip(*(column[order].tolist() for column in texts))]
    ends = np.cumsum([len(doc_ids) for doc_ids in chunk_docs.values()], dtype=np.int64)
    row_ends = np.searchsorted(places[order], ends, side="left").tolist()
    folders: dict[str, Path | None] = {}
    written = 0
    for (chunk_id, doc_ids), first, end in zip(chunk_docs.items(), [0, *row_ends[:-1]], row_ends):
        rows = rows_in_order[first:end]
        if not rows:
            folders[chunk_id] = None
            continue
        # the rows as one part (they hold no control character but the field separator): one hash update a chunk
        target = folder / digest([f"identified:{IDENTITY_FORMAT}", chunk_id, "\n".join(rows)])
        if not (target / "done").is_file():
            # the chunk's own links: looking a row up among the corpus's would cost a pass over all of them
            _identify(chunk_id, chunk_path, named[named["doc_id"].isin(doc_ids)], target)
            written += 1
        folders[chunk_id] = target
    remove_stale(folder, [path.name for path in folders.values() if path is not None])
    return IdentifiedChunks(folders, chunk_path, written)


def _identify(chunk_id: str, chunk_path: Callable[[str, str], Path], links: pd.DataFrame, target: Path) -> None:
    """Write a chunk's tables with their ``source_id`` to ``target`` (through a temporary folder, so that it is
    whole or absent): the Parquet with its column replaced, the CSV rows with the id put in their empty last field."""
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    for table in schema.IDENTITY_TABLES:
        rows = read_file(chunk_path(chunk_id, f"{table}.parquet"))
        keys = rows.select([c for c in ("doc_id", "source", "source_type") if c in rows.column_names]).to_pandas()
        ids = with_source_ids(keys, links)["source_id"].tolist()
        declared = arrow_schema(table)
        index = rows.column_names.index("source_id")
        rows = rows.set_column(index, declared.field(index), pa.array(ids, type=declared.field(index).type))
        pq.write_table(rows, tmp / f"{table}.parquet")
        (tmp / f"{table}.csv").write_bytes(_with_last_field(chunk_path(chunk_id, f"{table}.csv").read_bytes(), ids)
                                           or csv_rows(schema.validate(table, rows.to_pandas())).encode("utf-8"))
    (tmp / "done").write_text("", encoding="utf-8")
    try:
        os.replace(tmp, target)
    except OSError:
        # another build made it meanwhile: the same hash, the same rows
        if not (target / "done").is_file():
            raise
        shutil.rmtree(tmp, ignore_errors=True)


def _with_last_field(data: bytes, values: Sequence[str]) -> bytes | None:
    """CSV rows (no header) whose last field is empty, with ``values`` (ids: no quoting needed) in it; None when
    the rows do not read as one record per value ending in an empty field."""
    if not values:
        return b"" if not data else None
    ends = np.cumsum(row_bytes(data)).tolist()
    if len(ends) != len(values) or ends[-1] != len(data):
        return None
    out, start = [], 0
    for end, value in zip(ends, values):
        if data[end - 2 : end] != b",\n":
            return None
        out.append(data[start : end - 1])
        out.append(value.encode("ascii") + b"\n")
        start = end
    return b"".join(out)
