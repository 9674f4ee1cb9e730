"""The listing of a corpus folder (analysis.reading.listing): what changes it, what does not, and where there is
none."""

from __future__ import annotations

import os
from pathlib import PurePosixPath

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.reading.entries import file_name, name_stem, name_suffix
from analysis.reading.listing import corpus_listing

# a status-change time is one only on POSIX systems: elsewhere there is no listing, and every build reads
pytestmark = pytest.mark.skipif(os.name != "posix", reason="a listing is made on POSIX systems only")


def test_a_listing_changes_with_every_file_a_build_reads_and_not_with_a_subfolder(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    article = folder / "a.txt"
    article.write_text("One article.", encoding="utf-8")
    (folder / "a.meta.json").write_text("{}", encoding="utf-8")
    first = corpus_listing(folder)
    assert first is not None and corpus_listing([folder]) == first
    (folder / "aside").mkdir()
    (folder / "aside" / "b.txt").write_text("Not read.", encoding="utf-8")
    assert corpus_listing(folder).digest == first.digest
    status = article.stat()
    article.write_text("One articlE.", encoding="utf-8")  # same size, times put back: the status-change time moved
    os.utime(article, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert article.stat().st_size == status.st_size
    edited = corpus_listing(folder)
    assert edited.digest != first.digest
    (folder / "a.meta.json").write_text('{"outlet": "x"}', encoding="utf-8")  # a sidecar is read with its article
    sidecar = corpus_listing(folder)
    assert sidecar.digest != edited.digest
    (folder / "a.meta.json").rename(folder / "b.meta.json")
    assert corpus_listing(folder).digest != sidecar.digest


def test_a_listing_is_settled_only_when_every_file_changed_well_before_it(tmp_path, monkeypatch):
    from analysis.reading import listing

    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("One article.", encoding="utf-8")
    assert not corpus_listing(folder).settled  # written a moment ago
    monkeypatch.setattr(listing, "SETTLING_NS", -10**18)
    assert corpus_listing(folder).settled


def test_there_is_no_listing_of_a_single_file_a_missing_folder_or_a_link_to_nowhere(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("One article.", encoding="utf-8")
    assert corpus_listing(folder / "a.txt") is None  # its sidecar and manifest are its folder's
    assert corpus_listing(tmp_path / "missing") is None
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    assert corpus_listing(folder) is None


# file names and suffixes are worked out with string operations (a path object for each of 10,000 articles costs
# about 60 ms of a rebuild): they must say what PurePosixPath says of every name
@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab./ .", max_size=8))
def test_file_names_and_suffixes_are_what_purepath_says(path):
    name = file_name(path)
    assert name == PurePosixPath(path).name
    assert name_suffix(name) == PurePosixPath(name).suffix
    assert name_stem(name) == PurePosixPath(name).stem
