"""Segments of a corpus-level table: runs kept with their keys, made again only where a run's key is new, and
the table they give the same as one made from scratch."""

from __future__ import annotations

import pandas as pd
import pyarrow.parquet as pq

from analysis.building import schema, segments
from analysis.building.segments import SegmentStore, cut, row_bytes

#: A small table with two text columns stands in for a corpus-level one.
TABLE = "skipped"


def test_csv_records_end_at_newlines_outside_quotes():
    data = 'a,b\n"two\nlines","say ""hi""\n"\nc,d\n'.encode("utf-8")
    assert row_bytes(data).tolist() == [4, len('"two\nlines","say ""hi""\n"\n'), 4]
    assert row_bytes("é,ü\n".encode("utf-8")).tolist() == [6]


def test_segments_end_where_a_run_closes_them_or_at_the_row_cap():
    keys = ["a", "b", "c", "d", "e"]
    cuts = cut(TABLE, keys, [False, True, False, False, False], [1, 1, 1, 1, 1], max_rows=2)
    assert [s.keys for s in cuts] == [("a", "b"), ("c", "d"), ("e",)]
    assert [s.first for s in cuts] == [0, 2, 4]
    changed = cut(TABLE, ["a", "b", "c", "x", "e"], [False, True, False, False, False], [1] * 5, max_rows=2)
    assert [s.id for s in changed] == [cuts[0].id, changed[1].id, cuts[2].id] and changed[1].id != cuts[1].id


def _rows(key: str) -> list[tuple[str, str]]:
    """A run's rows: a few, one of them quoted over two lines, so that records are not lines."""
    return [(f"{key}/{n}", "plain" if n else f'"{key}", over\ntwo lines') for n in range(1 + len(key) % 3)]


class Renderer:
    def __init__(self, keys: list[str]):
        self.keys, self.rendered = keys, []

    def __call__(self, runs: list[int]) -> pd.DataFrame:
        self.rendered += [self.keys[r] for r in runs]
        rows = [row for r in runs for row in _rows(self.keys[r])]
        return schema.validate(TABLE, pd.DataFrame(rows, columns=schema.columns(TABLE)))


def _table(store: SegmentStore, keys: list[str], closes: list[bool]) -> tuple[bytes, pd.DataFrame, list[str]]:
    """Make the segments of these runs; the table's CSV rows, its Parquet rows, and the runs rendered anew."""
    made = cut(TABLE, keys, closes, [len(_rows(k)) for k in keys], max_rows=1_000)
    render = Renderer(keys)
    store.make(made, [len(_rows(k)) for k in keys], render)
    store.prune(s.id for s in made)
    csv = b"".join(store.path(s.id, "rows.csv").read_bytes() for s in made)
    parquet = pd.concat([pq.read_table(store.path(s.id, "rows.parquet")).to_pandas() for s in made], ignore_index=True)
    return csv, parquet, render.rendered


def test_a_rebuild_renders_only_new_runs_and_gives_the_table_made_from_scratch(tmp_path, monkeypatch):
    monkeypatch.setattr(segments, "RENDER_ROWS", 3)  # several batches
    keys = [f"run{n:02d}" for n in range(30)]
    closes = [n % 7 == 6 for n in range(30)]
    store = SegmentStore(tmp_path / "kept", TABLE)
    _, _, rendered = _table(store, keys, closes)
    assert rendered == keys
    steps = [
        (lambda k, c: (k[:10] + ["new"] + k[10:], c[:10] + [False] + c[10:]), ["new"]),  # a run added
        (lambda k, c: (k[:5] + ["changed"] + k[6:], c), ["changed"]),  # a run changed
        (lambda k, c: (k[:3] + k[4:], c[:3] + c[4:]), []),  # a run removed: its segment is remade by copying
    ]
    for step, expected in steps:
        new_keys, new_closes = step(keys, closes)
        csv, parquet, rendered = _table(store, new_keys, new_closes)
        fresh_csv, fresh_parquet, _ = _table(SegmentStore(tmp_path / f"fresh{len(new_keys)}{new_keys[5]}", TABLE),
                                             new_keys, new_closes)
        assert rendered == expected
        assert csv == fresh_csv
        pd.testing.assert_frame_equal(parquet, fresh_parquet)
        assert parquet["path"].tolist() == [row[0] for k in new_keys for row in _rows(k)]
        keys, closes = new_keys, new_closes
    # only the segments of the last table are kept
    assert len([p for p in store.folder.iterdir()]) == len(cut(TABLE, keys, closes, [1] * len(keys), max_rows=1_000))


def _derived(chunk_id: str) -> pd.DataFrame:
    """A chunk's rows: as many as the digit its id ends with (none for "c0"), one with a missing value."""
    count = int(chunk_id[-1])
    return pd.DataFrame({"chunk_row": [f"{chunk_id}/{n}" for n in range(count)],
                         "number": [None if n == 1 else float(n) for n in range(count)]})


def test_chunk_rows_derive_only_new_chunks_drop_removed_ones_and_remake_a_file_that_does_not_add_up(tmp_path):
    path = tmp_path / "rows.arrow"
    derived = []

    def derive(chunk_id: str) -> pd.DataFrame:
        derived.append(chunk_id)
        return _derived(chunk_id)

    def rows(ids: list[str]) -> list[str]:
        frame = segments.ChunkRows(path).rows(ids, derive)
        return [] if frame is None else sorted(frame["chunk_row"])

    def expected(ids: list[str]) -> list[str]:
        return sorted(row for chunk_id in ids for row in _derived(chunk_id)["chunk_row"])

    assert rows(["a2", "b3", "c0"]) == expected(["a2", "b3", "c0"]) and derived == ["a2", "b3", "c0"]
    # kept as they were, a chunk added between them, one removed: only the new one is derived
    derived.clear()
    assert rows(["a2", "d1", "c0"]) == expected(["a2", "d1", "c0"]) and derived == ["d1"]
    assert rows(["a2", "d1", "c0"]) == expected(["a2", "d1", "c0"]) and derived == ["d1"]
    # every chunk gone, then back: an empty file reads as no rows
    assert rows([]) == [] and rows(["c0"]) == []
    # a file whose counts do not add up to its rows, or that is not Arrow at all, is made again from scratch
    frame = segments.ChunkRows(path).rows(["a2", "b3"], derive)
    assert frame["number"].isna().sum() == 2  # what Arrow keeps of a missing value, as a cold build reads it
    table = segments._read_ipc(path)
    segments._write_ipc(path, table.replace_schema_metadata({segments.RUNS_KEY: b'[["a2", 2], ["b3", 2]]'}))
    derived.clear()
    assert rows(["a2", "b3"]) == expected(["a2", "b3"]) and derived == ["a2", "b3"]
    path.write_bytes(b"not Arrow")
    derived.clear()
    assert rows(["a2"]) == expected(["a2"]) and derived == ["a2"]
