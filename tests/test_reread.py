"""A rebuild that opens only the article files that changed (analysis.reading.reread): the tables of a cold
build, fewer files opened, and a whole read wherever the corpus is not plain enough or a file no longer reads as
its record says."""

from __future__ import annotations

import json
import os
import warnings

import pandas as pd
import pytest

import analysis
from analysis import flow
from analysis.reading import CorpusWarning, entries, listing, reread
from build_corpora import frames_equal, write_corpus

pytestmark = pytest.mark.skipif(os.name != "posix", reason="a listing is made on POSIX systems only")


@pytest.fixture
def opened(monkeypatch) -> list[str]:
    """The files each build opens, by name, in order; every file counts as settled however recently it was
    written (tests write them a moment before building)."""
    monkeypatch.setattr(listing, "SETTLING_NS", -10**18)
    names: list[str] = []
    real = entries.Entry.read

    def read(entry: entries.Entry) -> bytes:
        names.append(entry.name)
        return real(entry)

    monkeypatch.setattr(entries.Entry, "read", read)
    return names


@pytest.fixture
def small_chunks(monkeypatch):
    """Chunks of about two articles, so that a change falls in one of several."""
    from analysis.building import chunks

    monkeypatch.setattr(chunks, "ARTICLES_PER_CHUNK", 2)
    monkeypatch.setattr(chunks, "MAX_ARTICLES_PER_CHUNK", 4)


def cold(corpus) -> analysis.Tables:
    """A cold build's tables, in memory (a cold build into a folder reads back the same: tests/test_build.py and
    tests/test_incremental.py); what reading warns about was checked on the rebuild."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        return analysis.build(corpus, n_process=1)


def test_a_rebuild_opens_only_the_changed_articles_and_those_of_the_chunks_it_makes_again(
    tmp_path, opened, small_chunks
):
    corpus = write_corpus(tmp_path / "corpus", 12)
    out = tmp_path / "out"
    analysis.build_to_dir(corpus, out, n_process=1)
    assert sorted(opened) == sorted(f"a{i:03d}.txt" for i in range(12))
    opened.clear()
    write_corpus(corpus, 1, offset=12)  # added
    (corpus / "a004.txt").write_text("The mayor said 41 homes were flooded on Monday.\n", encoding="utf-8")
    (corpus / "a008.txt").unlink()
    report = analysis.build_to_dir(corpus, out, n_process=1)
    assert (report.parsed, report.cached) == (2, 10)
    # the two changed files, and the unchanged neighbours in the chunks made again (their texts are written again);
    # the first chunk (of at most four articles, cut by the ids before a004) is kept, its articles unopened
    assert {"a012.txt", "a004.txt"} <= set(opened) and "a008.txt" not in opened
    assert "a000.txt" not in opened and len(set(opened)) < 12
    frames_equal(analysis.load(out), cold(corpus))


def test_a_folder_with_a_manifest_a_sidecar_or_a_skipped_file_is_read_whole_on_every_rebuild(tmp_path, opened):
    corpus = write_corpus(tmp_path / "corpus", 3)
    (corpus / "a001.meta.json").write_text('{"outlet": "Courier"}', encoding="utf-8")
    out = tmp_path / "out"
    analysis.build_to_dir(corpus, out, n_process=1)
    assert not list(out.glob(f".cache/*/{flow.READING_FILE}"))  # nothing recorded: a sidecar describes its article
    (corpus / "a001.meta.json").unlink()
    analysis.build_to_dir(corpus, out, n_process=1)
    assert list(out.glob(f".cache/*/{flow.READING_FILE}"))
    for other in ("metadata.csv", "a002.meta.json"):  # a file that describes others appears: read whole
        (corpus / other).write_text("file,outlet\na000.txt,Courier\n" if other == "metadata.csv" else "{}",
                                    encoding="utf-8")
        opened.clear()
        analysis.build_to_dir(corpus, out, n_process=1)
        assert {"a000.txt", "a001.txt", "a002.txt"} <= set(opened)
        (corpus / other).unlink()
        analysis.build_to_dir(corpus, out, n_process=1)
    (corpus / "empty.txt").write_text("", encoding="utf-8")  # a new file that is skipped: read whole, and said so
    opened.clear()
    with pytest.warns(CorpusWarning, match="skipped empty.txt"):
        analysis.build_to_dir(corpus, out, n_process=1)
    assert {"a000.txt", "a001.txt", "a002.txt"} <= set(opened)
    assert not list(out.glob(f".cache/*/{flow.READING_FILE}"))
    frames_equal(analysis.load(out), cold(corpus))


def test_a_new_article_whose_date_cannot_be_read_is_warned_about_as_a_whole_read_warns(tmp_path, opened):
    corpus = write_corpus(tmp_path / "corpus", 2)
    out = tmp_path / "out"
    analysis.build_to_dir(corpus, out, n_process=1)
    (corpus / "b.md").write_text("---\npublished: Aug 13\n---\nThe mayor said 40 homes were flooded.\n", encoding="utf-8")
    with pytest.warns(CorpusWarning) as caught:
        analysis.build_to_dir(corpus, out, n_process=1)
    assert [str(w.message) for w in caught if "Aug 13" in str(w.message)] == [  # once, as a whole read gives it
        "b.md: published 'Aug 13' is not a full date pandas can read: the article is kept with published_at empty; "
        "write the date with its year, as ISO 8601: 2024-08-13 or 2024-08-13T09:30+02:00"]
    frames_equal(analysis.load(out), cold(corpus))


def test_an_article_that_no_longer_reads_as_its_record_says_sends_the_build_back_to_a_whole_read(
    tmp_path, opened, small_chunks
):
    corpus = write_corpus(tmp_path / "corpus", 6)
    out = tmp_path / "out"
    analysis.build_to_dir(corpus, out, n_process=1)
    (record_file,) = out.glob(f".cache/*/{flow.READING_FILE}")
    record = json.loads(record_file.read_text(encoding="utf-8"))
    # every recorded article now says another hash than its file gives: a rebuild that makes any chunk again finds out
    for _, files in record["folders"]:
        for values in files:
            values[3 + reread.RECORDED_FIELDS.index("sha256")] = "0" * 64
    record_file.write_text(json.dumps(record), encoding="utf-8")
    write_corpus(corpus, 1, offset=6)
    opened.clear()
    analysis.build_to_dir(corpus, out, n_process=1)
    assert sorted(set(opened)) == sorted(f"a{i:03d}.txt" for i in range(7))  # read whole
    frames_equal(analysis.load(out), cold(corpus))


def test_a_record_keeps_no_article_with_extra_fields_and_names_every_file_it_takes(tmp_path, opened):
    corpus = write_corpus(tmp_path / "corpus", 2)
    (corpus / "c.md").write_text("---\ndesk: metro\n---\nThe mayor said 40 homes were flooded.\n", encoding="utf-8")
    found, read = listing.corpus_listing(corpus), analysis.reading.read_corpus(corpus)
    assert reread.read_record(read, found, max_bytes=None, noted=[]) is None  # "desk" is an extra field
    (corpus / "c.md").write_text("---\noutlet: Courier\npublished: 2024-03-05T10:00+02:00\n---\nThe mayor said 40 homes "
                                 "were flooded.\n", encoding="utf-8")
    found, read = listing.corpus_listing(corpus), analysis.reading.read_corpus(corpus)
    record = reread.read_record(read, found, max_bytes=None, noted=[])
    assert [values[0] for values in record["folders"][0][1]] == ["a000.txt", "a001.txt", "c.md"]
    assert reread.read_record(read, found, max_bytes=None, noted=["a warning"]) is None
    opened.clear()
    again = reread.reread(found, record, max_bytes=None)
    assert [d.doc_id for d in again.documents] == ["a000", "a001", "c"] and not opened  # none opened again
    assert all(isinstance(d, reread.Unopened) for d in again.documents)
    for unopened, document in zip(again.documents, read.documents):  # every field but the text, as read
        assert all(getattr(unopened, f) == getattr(document, f) for f in reread.RECORDED_FIELDS + ("extras",))
    assert again.documents[2].published_at == pd.Timestamp("2024-03-05T08:00", tz="UTC")
    assert reread.opened(again.documents, found, max_bytes=None) == read.documents
    assert reread.reread(found, record, max_bytes=1000) is None  # read with another limit: read whole


def test_a_record_that_cannot_be_used_is_read_past(tmp_path, opened):
    corpus = write_corpus(tmp_path / "corpus", 3)
    found, read = listing.corpus_listing(corpus), analysis.reading.read_corpus(corpus)
    record = reread.read_record(read, found, max_bytes=None, noted=[])
    assert reread.reread(found, record, max_bytes=None) is not None
    broken = json.loads(json.dumps(record))
    broken["folders"][0][1][1][3 + reread.RECORDED_FIELDS.index("body_start")] = "0"  # text where a number was
    for unusable in (broken, {**record, "format": 0}, {**record, "folders": "x"}, [], None):
        assert reread.reread(found, unusable, max_bytes=None) is None
