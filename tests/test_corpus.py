"""Reading a corpus: good articles read exactly, bad files skipped with a clear warning, never lost."""

from __future__ import annotations

import json
import warnings

import pytest

from analysis.reading import CorpusError, CorpusWarning, Document, parse_view, read_corpus

GOOD = "Officials said on Monday that the bridge would reopen.\n\nThe mayor welcomed the news.\n"


def write(path, data: bytes | str):
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


@pytest.fixture
def corpus_dir(tmp_path):
    write(tmp_path / "a_good.txt", GOOD)
    return tmp_path


def read_with_warnings(path, **kwargs):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = read_corpus(path, **kwargs)
    return corpus, [str(w.message) for w in caught if issubclass(w.category, CorpusWarning)]


def test_reads_text_exactly(corpus_dir):
    corpus, messages = read_with_warnings(corpus_dir)
    assert messages == []
    (doc,) = corpus.documents
    assert doc.doc_id == "a_good" and doc.path == "a_good.txt" and doc.text == GOOD


@pytest.mark.parametrize(
    "name, data, expected",
    [
        ("latin1.txt", "Caf\u00e9 owners said prices rose.".encode("latin-1"), "not UTF-8"),
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"   \n\t \n", "empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("page.txt", "<!DOCTYPE html><html><head><title>x</title></head><body><p>Hi</p></body></html>", "HTML"),
        ("controls.txt", "Text with a bell \x07 inside.", "control characters"),
    ],
)
def test_bad_file_is_skipped_with_a_message_naming_it(corpus_dir, name, data, expected):
    write(corpus_dir / name, data)
    corpus, messages = read_with_warnings(corpus_dir)
    assert [d.doc_id for d in corpus.documents] == ["a_good"], "one bad file must not lose the good ones"
    (message,) = messages
    assert message.startswith(f"skipped {name}: ") and expected in message
    assert [s.path for s in corpus.skipped] == [name]


@pytest.mark.parametrize("name", ["README.md", "readme.txt", "LICENSE.txt", "Licence.md", "SOURCES.md", "credits.txt"])
def test_a_folders_readme_or_licence_is_skipped_not_read_as_an_article(corpus_dir, name):
    write(corpus_dir / name, "# About this corpus\n\nThe articles were collected by the desk, officials said.\n")
    corpus, messages = read_with_warnings(corpus_dir)
    assert [d.doc_id for d in corpus.documents] == ["a_good"]
    (message,) = messages
    assert message.startswith(f"skipped {name}: ") and "rename it" in message


def test_a_file_only_named_like_a_readme_is_an_article(corpus_dir):
    write(corpus_dir / "readme_story.md", GOOD)  # the stem is not a read-me's
    corpus, _ = read_with_warnings(corpus_dir)
    assert [d.doc_id for d in corpus.documents] == ["a_good", "readme_story"]


def test_oversized_file_is_skipped(corpus_dir):
    write(corpus_dir / "huge.txt", "word " * 30_000)
    corpus, messages = read_with_warnings(corpus_dir, max_bytes=100_000)
    assert [d.doc_id for d in corpus.documents] == ["a_good"]
    assert "over the" in messages[0] and "--max-bytes" in messages[0]


def test_fifty_megabyte_file_is_skipped_without_reading_it(corpus_dir):
    big = corpus_dir / "dump.txt"
    with big.open("wb") as handle:
        handle.truncate(50_000_000)  # sparse: cheap to make, and the size check must come before reading
    corpus, messages = read_with_warnings(corpus_dir)
    assert [d.doc_id for d in corpus.documents] == ["a_good"]
    assert "50.0 MB" in messages[0]


def test_bom_and_windows_line_ends_are_an_ordinary_article(tmp_path):
    text = "The council met.\r\nIt voted to act.\r\n"
    write(tmp_path / "win.txt", b"\xef\xbb\xbf" + text.encode("utf-8"))
    corpus, messages = read_with_warnings(tmp_path)
    assert messages == [] and corpus.documents[0].text == text
    assert len(parse_view(corpus.documents[0])) == len(text)


def test_utf16_with_byte_order_mark_is_read(tmp_path):
    text = "Der B\u00fcrgermeister sagte, die Br\u00fccke werde ge\u00f6ffnet.\n"
    write(tmp_path / "utf16.txt", text.encode("utf-16"))
    corpus, messages = read_with_warnings(tmp_path)
    assert messages == [] and corpus.documents[0].text == text


@pytest.mark.parametrize(
    "make, expected",
    [
        (lambda p: p / "missing", "does not exist"),
        (lambda p: p, "no readable articles"),
    ],
)
def test_unusable_corpus_raises_one_line_error(tmp_path, make, expected):
    (tmp_path / "notes.odt").write_text("not a format the corpus reads")
    with pytest.raises(CorpusError, match=expected) as info:
        read_corpus(make(tmp_path))
    assert "\n" not in str(info.value)


def test_folder_of_only_bad_files_raises_and_says_how_many(tmp_path):
    write(tmp_path / "empty.txt", b"")
    with pytest.warns(CorpusWarning):
        with pytest.raises(CorpusError, match="1 skipped"):
            read_corpus(tmp_path)


def test_metadata_from_sidecar_and_front_matter(tmp_path):
    write(tmp_path / "a.txt", GOOD)
    (tmp_path / "a.meta.json").write_text(json.dumps({"title": "Bridge", "outlet": "Daily", "published": "2024-08-13"}))
    md = "---\ntitle: Floods\nurl: https://example.org/f\n---\nRivers rose on Sunday.\n"
    write(tmp_path / "b.md", md)
    docs = {d.doc_id: d for d in read_corpus(tmp_path).documents}
    assert (docs["a"].title, docs["a"].outlet, docs["a"].published) == ("Bridge", "Daily", "2024-08-13")
    b = docs["b"]
    assert b.title == "Floods" and b.url == "https://example.org/f" and b.text == md
    view = parse_view(b)
    assert view[b.body_start :] == md[b.body_start :] and not view[: b.body_start].strip()


@pytest.mark.parametrize("key", ["published", "published_at", "publication_date", "datePublished", "date"])
def test_the_usual_names_of_a_publication_date_are_read_as_it(tmp_path, key):
    # `published_at` is what the documents table calls the date: written so in front matter, it is the date,
    # not an extra field beside an empty one
    write(tmp_path / "a.md", f"---\n{key}: 2020-03-24\n---\nRivers rose on Sunday.\n")
    (doc,) = read_corpus(tmp_path).documents
    assert doc.published == "2020-03-24" and str(doc.published_at.date()) == "2020-03-24"
    assert doc.extras == ()


def test_a_field_that_only_resembles_a_date_name_stays_an_extra(tmp_path):
    write(tmp_path / "a.md", "---\nupdated_at: 2020-03-25\n---\nRivers rose on Sunday.\n")
    (doc,) = read_corpus(tmp_path).documents
    assert doc.published == "" and [name for name, _ in doc.extras] == ["updated_at"]


def test_a_folder_reached_through_a_link_reads_as_the_folder_itself(tmp_path):
    # A folder is listed once and its files taken from the listing: articles and sidecars are found, and each
    # article is known by its real path, as when the folder is named directly.
    folder = tmp_path / "real"
    folder.mkdir()
    write(folder / "a.txt", GOOD)
    write(folder / "b.txt", GOOD + "Again.\n")
    (folder / "a.meta.json").write_text(json.dumps({"title": "Bridge"}))
    (tmp_path / "link").symlink_to(folder, target_is_directory=True)
    direct, linked = read_corpus(folder).documents, read_corpus(tmp_path / "link").documents
    assert [(d.doc_id, d.title) for d in linked] == [("a", "Bridge"), ("b", "")]
    assert linked == direct


def test_two_files_with_one_stem_is_an_error(tmp_path):
    write(tmp_path / "a.txt", GOOD)
    write(tmp_path / "a.md", GOOD)
    with pytest.raises(CorpusError, match="rename one"):
        read_corpus(tmp_path)


def test_parse_view_keeps_every_offset():
    text = "\u201cIt\u2019s over,\u201d she said\u00a0\u2014 twice.\r\n"
    view = parse_view(Document("d", "d.txt", text, "0" * 64))
    assert view == '"It\'s over," she said \u2014 twice. \n'
    assert len(view) == len(text)


def test_files_are_read_in_name_order(tmp_path):
    for name in ("c.txt", "a.txt", "b.md"):
        write(tmp_path / name, GOOD)
    assert [d.doc_id for d in read_corpus(tmp_path).documents] == ["a", "b", "c"]
