"""Reading corpora as users hold them: exports (CSV, JSON Lines, Excel, Parquet), zip archives and a metadata.csv
manifest; each bad row warned about and listed, never dropped silently."""

from __future__ import annotations

import hashlib
import json
import sys
import warnings
import zipfile
from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis.reading import CorpusError, CorpusWarning, read_corpus

CORPORA = Path(__file__).resolve().parent / "fixtures" / "corpora"

#: The articles of fixtures/corpora/export.csv, cell for cell.
CSV_ARTICLES = [
    {
        "doc_id": "1001",
        "title": "Bridge to reopen",
        "outlet": "Kyiv Independent",
        "published": "2024-08-13",
        "published_at": pd.Timestamp("2024-08-13T00:00:00Z"),
        "url": "https://example.org/1001",
        "text": 'Officials said on Monday that the bridge would reopen.\n\n"It is safe," the mayor said, adding that '
        "repairs cost $2m.",
    },
    {
        "doc_id": "1002",
        "title": "Strike on depot",
        "outlet": "TASS",
        "published": "2024-08-14T09:30:00+03:00",
        "published_at": pd.Timestamp("2024-08-14T06:30:00Z"),
        "url": "https://example.org/1002",
        "text": "The ministry said its forces struck a fuel depot, destroying 40 tonnes of fuel.",
    },
    {
        "doc_id": "1003",
        "title": "Grain talks resume",
        "outlet": "Reuters",
        "published": "Aug 15, 2024",
        "published_at": pd.Timestamp("2024-08-15T00:00:00Z"),
        "url": "https://example.org/1003",
        "text": "Negotiators met in Istanbul, diplomats said.\n"
        "A deal could be reached \u201cwithin weeks\u201d, one of them added.",
    },
]
#: The same articles under the column names of another export, as a table to write in any format.
EXPORT_FRAME = pd.DataFrame(
    {
        "ID": [a["doc_id"] for a in CSV_ARTICLES],
        "title": [a["title"] for a in CSV_ARTICLES],
        "Outlet": [a["outlet"] for a in CSV_ARTICLES],
        "date": [a["published"] for a in CSV_ARTICLES],
        "url": [a["url"] for a in CSV_ARTICLES],
        "Text": [a["text"] for a in CSV_ARTICLES],
    }
)


def read_with_warnings(path, **kwargs):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = read_corpus(path, **kwargs)
    return corpus, [str(w.message) for w in caught if issubclass(w.category, CorpusWarning)]


def assert_articles(documents, expected, paths):
    """Each document carries the expected id, metadata, parsed date and exact text, at the expected path."""
    assert [d.doc_id for d in documents] == [a["doc_id"] for a in expected]
    for document, article, path in zip(documents, expected, paths):
        for name, value in article.items():
            assert getattr(document, name) == value, (document.doc_id, name)
        assert document.path == path
        assert document.sha256 == hashlib.sha256(article["text"].encode("utf-8")).hexdigest()
        assert document.body_start == 0


def test_csv_export_one_article_per_row():
    corpus, messages = read_with_warnings(CORPORA / "export.csv")
    assert messages == [] and corpus.skipped == []
    assert_articles(corpus.documents, CSV_ARTICLES, [f"export.csv#row={n}" for n in (1, 2, 3)])


def test_jsonl_export_one_article_per_line():
    corpus, messages = read_with_warnings(CORPORA / "export.jsonl")
    assert messages == [] and corpus.skipped == []
    docs = corpus.documents
    assert [d.doc_id for d in docs] == ["j-1", "j-2", "j-3"]
    assert [d.outlet for d in docs] == ["BBC News", "Ukrinform", "Al Jazeera"]
    assert [d.path for d in docs] == ["export.jsonl#row=1", "export.jsonl#row=2", "export.jsonl#row=3"]
    assert docs[0].text == "Rivers burst their banks on Sunday, officials said.\n\nAbout 1,200 people were evacuated."
    assert docs[0].published_at == pd.Timestamp("2024-09-01T06:00:00Z")
    assert docs[1].published == "2024-09-02 14:15", "kept as written"
    assert docs[1].published_at == pd.Timestamp("2024-09-02T14:15:00Z"), "a time without a zone is taken as UTC"
    assert docs[2].published == "" and docs[2].published_at is None


def test_xlsx_export_reads_the_first_sheet(tmp_path):
    pytest.importorskip("openpyxl")
    path = tmp_path / "export.xlsx"
    EXPORT_FRAME.to_excel(path, index=False)
    corpus, messages = read_with_warnings(path)
    assert messages == [] and corpus.skipped == []
    assert_articles(corpus.documents, CSV_ARTICLES, [f"export.xlsx#row={n}" for n in (1, 2, 3)])


def test_xlsx_other_sheets_with_data_are_warned_about(tmp_path):
    pytest.importorskip("openpyxl")
    path = tmp_path / "export.xlsx"
    with pd.ExcelWriter(path) as writer:
        EXPORT_FRAME.to_excel(writer, sheet_name="August", index=False)
        EXPORT_FRAME.to_excel(writer, sheet_name="September", index=False)
    corpus, messages = read_with_warnings(path)
    assert len(corpus.documents) == 3
    (message,) = messages
    assert "'September'" in message and "first sheet 'August'" in message


def test_xlsx_date_cells_and_numeric_ids(tmp_path):
    pytest.importorskip("openpyxl")
    path = tmp_path / "export.xlsx"
    frame = pd.DataFrame(
        {
            "stories_id": [1001, 1002],
            "text": ["One.", "Two."],
            "publish_date": [pd.Timestamp("2024-08-13"), pd.Timestamp("2024-08-14 09:30")],
        }
    )
    frame.to_excel(path, index=False)
    docs = read_corpus(path).documents
    assert [d.doc_id for d in docs] == ["1001", "1002"]
    assert [d.published for d in docs] == ["2024-08-13", "2024-08-14 09:30:00"], "a date cell as the date alone"
    expected = [pd.Timestamp("2024-08-13", tz="UTC"), pd.Timestamp("2024-08-14 09:30", tz="UTC")]
    assert [d.published_at for d in docs] == expected


def test_xlsx_without_openpyxl_is_one_skip_saying_what_to_install(tmp_path, monkeypatch):
    (tmp_path / "good.txt").write_text("Good.\n")
    (tmp_path / "export.xlsx").write_bytes(b"PK")
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # makes `import openpyxl` fail
    corpus, messages = read_with_warnings(tmp_path)
    assert [d.doc_id for d in corpus.documents] == ["good"]
    assert messages == ["skipped export.xlsx: reading .xlsx needs openpyxl: `pip install openpyxl`, or save the "
                        "sheet as CSV"]


def test_parquet_export_with_numeric_ids(tmp_path):
    path = tmp_path / "stories.parquet"
    frame = EXPORT_FRAME.rename(columns={"ID": "stories_id"}).astype({"stories_id": "int64"})
    frame.to_parquet(path, index=False)
    corpus, messages = read_with_warnings(path)
    assert messages == [] and corpus.skipped == []
    assert_articles(corpus.documents, CSV_ARTICLES, [f"stories.parquet#row={n}" for n in (1, 2, 3)])


def test_parquet_timestamp_column_is_kept_as_written_and_parsed(tmp_path):
    path = tmp_path / "stories.parquet"
    stamps = pd.to_datetime(["2024-08-13 08:00", "2024-08-14 00:00"]).tz_localize("UTC")
    pd.DataFrame({"text": ["One.", "Two."], "published": stamps}).to_parquet(path, index=False)
    docs = read_corpus(path).documents
    assert [d.doc_id for d in docs] == ["stories-1", "stories-2"]
    assert [d.published for d in docs] == ["2024-08-13 08:00:00+00:00", "2024-08-14 00:00:00+00:00"]
    assert [d.published_at for d in docs] == list(stamps)


def test_zip_archive_of_articles_and_an_export(tmp_path):
    path = tmp_path / "archive.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("b.txt", "The mayor spoke on Friday.\n")
        archive.writestr("b.meta.json", json.dumps({"outlet": "Daily", "published": "2024-05-01"}))
        archive.writestr("2024/a.md", "---\noutlet: Weekly\n---\nThe river rose.\n")
        archive.writestr("2024/export.csv", (CORPORA / "export.csv").read_bytes())
        archive.writestr("__MACOSX/._b.txt", b"\x00\x05\x16\x07")  # macOS debris: not an article, not a warning
        archive.writestr("notes.json", "{}")  # a .json is an article file: this one has no text, and says so
        archive.writestr("README.md", "The desk's notes on these articles.\n")  # documentation, no article
    corpus, messages = read_with_warnings(path)
    assert messages[0] == ("skipped archive.zip/README.md: a folder's read-me, licence or list of sources describes "
                           "the corpus and is not read as an article: rename it (for example to `notes-article.md`) "
                           "if it is one")
    assert messages[1:] == ["skipped archive.zip/notes.json: no text column (it has no fields): name the column "
                            "holding the article text text or body or content"]
    assert [s.path for s in corpus.skipped] == ["archive.zip/README.md", "archive.zip/notes.json"]
    docs = corpus.documents
    assert [d.path for d in docs] == [
        "archive.zip/2024/a.md",
        "archive.zip/2024/export.csv#row=1",
        "archive.zip/2024/export.csv#row=2",
        "archive.zip/2024/export.csv#row=3",
        "archive.zip/b.txt",
    ], "members in name order, rows in file order"
    assert [d.doc_id for d in docs] == ["a", "1001", "1002", "1003", "b"]
    assert_articles(docs[1:4], CSV_ARTICLES, [d.path for d in docs[1:4]])
    a, b = docs[0], docs[4]
    assert a.outlet == "Weekly" and a.text == "---\noutlet: Weekly\n---\nThe river rose.\n" and a.body_start > 0
    assert b.outlet == "Daily" and b.published_at == pd.Timestamp("2024-05-01T00:00:00Z")
    assert b.text == "The mayor spoke on Friday.\n"
    assert b.sha256 == hashlib.sha256(b"The mayor spoke on Friday.\n").hexdigest(), "a file's hash is of its bytes"


def test_manifest_fills_metadata_and_front_matter_and_sidecar_win():
    corpus, messages = read_with_warnings(CORPORA / "manifest")
    assert messages == [] and corpus.skipped == []
    docs = {d.doc_id: d for d in corpus.documents}
    assert list(docs) == ["a", "b", "c"], "the manifest itself is not an article"
    a, b, c = docs["a"], docs["b"], docs["c"]
    assert (a.title, a.outlet, a.url, a.published) == (
        "School to be rebuilt", "Kyiv Post", "https://example.org/a", "2024-07-02"
    )
    assert a.path == "a.txt" and a.text == "The council voted on Tuesday to rebuild the school.\n"
    assert a.published_at == pd.Timestamp("2024-07-02T00:00:00Z")
    assert b.title == "Front matter title", "front matter wins over the manifest"
    assert b.outlet == "Interfax" and b.published_at == pd.Timestamp("2024-07-03T09:00:00Z")
    assert c.outlet == "Sidecar Outlet", "the sidecar wins over the manifest"
    assert c.title == "Power restored" and c.published_at == pd.Timestamp("2024-07-03T00:00:00Z")


def test_manifest_inside_an_archive_applies_to_its_own_folder(tmp_path):
    path = tmp_path / "archive.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.txt", "Top level.\n")
        archive.writestr("july/a2.txt", "In July.\n")
        archive.writestr("july/metadata.csv", "file,outlet,published\na2.txt,Interfax,2024-07-05\na.txt,TASS,\n")
    corpus, messages = read_with_warnings(path)
    docs = {d.doc_id: d for d in corpus.documents}
    assert docs["a2"].outlet == "Interfax" and docs["a2"].published_at == pd.Timestamp("2024-07-05", tz="UTC")
    assert docs["a"].outlet == "", "a manifest describes only its own folder"
    (message,) = messages
    assert message.startswith("archive.zip/july/metadata.csv#row=2: ") and "'a.txt'" in message


def test_manifest_row_repeating_a_file_is_warned_about_and_the_first_used(tmp_path):
    (tmp_path / "a.txt").write_text("The council met.\n")
    (tmp_path / "metadata.csv").write_text("File,Media_Name\na.txt,Kyiv Post\na.txt,TASS\n")
    corpus, messages = read_with_warnings(tmp_path)
    assert corpus.documents[0].outlet == "Kyiv Post"
    (message,) = messages
    assert message.startswith("metadata.csv#row=2: ") and "row 1" in message


def test_manifest_applies_when_one_file_is_given():
    (doc,) = read_corpus(CORPORA / "manifest" / "a.txt").documents
    assert doc.outlet == "Kyiv Post"


def test_manifest_row_naming_a_missing_file_is_warned_about(tmp_path):
    (tmp_path / "a.txt").write_text("The council met.\n")
    (tmp_path / "metadata.csv").write_text("file,outlet\na.txt,Kyiv Post\nmissing.txt,TASS\n")
    corpus, messages = read_with_warnings(tmp_path)
    assert corpus.documents[0].outlet == "Kyiv Post" and corpus.skipped == []
    (message,) = messages
    assert message.startswith("metadata.csv#row=2: ") and "'missing.txt'" in message


def test_manifest_without_file_column_is_skipped_and_the_articles_read(tmp_path):
    (tmp_path / "a.txt").write_text("The council met.\n")
    (tmp_path / "metadata.csv").write_text("name,outlet\na.txt,Kyiv Post\n")
    corpus, messages = read_with_warnings(tmp_path)
    assert [d.outlet for d in corpus.documents] == [""]
    (message,) = messages
    assert message.startswith("skipped metadata.csv: ") and "`file`" in message and "name, outlet" in message
    assert [s.path for s in corpus.skipped] == ["metadata.csv"]


def test_folder_reads_files_in_name_order_and_rows_in_file_order(tmp_path):
    (tmp_path / "b.csv").write_text("text\nSecond file: first row.\nSecond file: second row.\n")
    (tmp_path / "a.txt").write_text("First file.\n")
    (tmp_path / "c.jsonl").write_text('{"text": "Third file."}\n')
    corpus = read_corpus(tmp_path)
    assert [d.doc_id for d in corpus.documents] == ["a", "b-1", "b-2", "c-1"], "no id column: <stem>-<row>"
    assert [d.path for d in corpus.documents] == ["a.txt", "b.csv#row=1", "b.csv#row=2", "c.jsonl#row=1"]


def test_excel_style_csv_semicolons_bom_and_windows_line_ends(tmp_path):
    text = "First paragraph; with a semicolon.\r\n\r\nSecond paragraph.\r\n"
    data = "\ufeffId;Body;Publisher\r\n7;" + '"' + text + '"' + ";Le Monde\r\n"
    (tmp_path / "export.csv").write_bytes(data.encode("utf-8"))
    corpus, messages = read_with_warnings(tmp_path)
    assert messages == []
    (doc,) = corpus.documents
    assert (doc.doc_id, doc.outlet, doc.text) == ("7", "Le Monde", text)


def test_a_cell_longer_than_the_csv_module_default_is_read(tmp_path):
    text = "word " * 40_000  # 200,000 characters: over the csv module's 131,072 default
    pd.DataFrame({"text": [text]}).to_csv(tmp_path / "long.csv", index=False)
    (doc,) = read_corpus(tmp_path).documents
    assert doc.text == text


# --- bad rows and bad files: one warning each, listed in `skipped`, never dropped silently ----------------------


@pytest.mark.parametrize(
    "name, content, path, expected",
    [
        ("e.csv", "id,text\n1,Good.\n2,   \n", "e.csv#row=2", "text is empty"),
        ("e.jsonl", '{"id": 1, "text": "Good."}\n{"id": 2, "text": null}\n', "e.jsonl#row=2", "text is empty"),
        ("e.csv", "id,text\n1,Good.\n1,Again.\n", "e.csv#row=2", "repeats row 1"),
        ("e.jsonl", '{"id": "a", "text": "Good."}\n{"id": "a", "text": "B"}\n', "e.jsonl#row=2", "repeats row 1"),
        ("e.jsonl", '{"text": "Good."}\n{"text": "Cut off\n', "e.jsonl#row=2", "not valid JSON"),
        ("e.jsonl", '{"text": "Good."}\n["a list"]\n', "e.jsonl#row=2", "not a JSON object"),
        ("e.csv", "text,outlet\nGood.,BBC\nBad, comma,BBC\n", "e.csv#row=2", "quote cells"),
        ("e.csv", "text\nGood.\n<html><body><p>Hi</p></body></html>\n", "e.csv#row=2", "HTML"),
    ],
)
def test_bad_row_is_skipped_with_a_message_naming_file_and_row(tmp_path, name, content, path, expected):
    (tmp_path / name).write_text(content)
    corpus, messages = read_with_warnings(tmp_path)
    assert [d.text for d in corpus.documents] == ["Good."], "one bad row must not lose the good ones"
    (message,) = messages
    assert message.startswith(f"skipped {path}: ") and expected in message
    assert [s.path for s in corpus.skipped] == [path]


def test_bad_row_inside_an_archive_is_named_by_archive_file_and_row(tmp_path):
    with zipfile.ZipFile(tmp_path / "archive.zip", "w") as archive:
        archive.writestr("e.csv", "id,text\n1,Good.\n2,\n")
    corpus, messages = read_with_warnings(tmp_path)
    assert [d.path for d in corpus.documents] == ["archive.zip/e.csv#row=1"]
    assert [s.path for s in corpus.skipped] == ["archive.zip/e.csv#row=2"]
    assert messages[0].startswith("skipped archive.zip/e.csv#row=2: the text is empty")


def test_oversized_row_is_skipped(tmp_path):
    pd.DataFrame({"text": ["Good.", "word " * 1_000]}).to_csv(tmp_path / "e.csv", index=False)
    corpus, messages = read_with_warnings(tmp_path, max_bytes=1_000)
    assert [d.text for d in corpus.documents] == ["Good."]
    assert messages[0].startswith("skipped e.csv#row=2: ") and "--max-bytes" in messages[0]


def test_unreadable_date_keeps_the_article_with_a_warning(tmp_path):
    (tmp_path / "e.csv").write_text("text,published\nGood.,last Tuesday\n")
    corpus, messages = read_with_warnings(tmp_path)
    (doc,) = corpus.documents
    assert doc.published == "last Tuesday" and doc.published_at is None
    (message,) = messages
    assert message.startswith("e.csv#row=1: ") and "'last Tuesday'" in message and "ISO 8601" in message
    assert corpus.skipped == [], "a kept article is not skipped"


def test_unreadable_date_in_a_sidecar_warns_too(tmp_path):
    (tmp_path / "a.txt").write_text("The council met.\n")
    (tmp_path / "a.meta.json").write_text(json.dumps({"published": "sometime in May"}))
    corpus, messages = read_with_warnings(tmp_path)
    assert corpus.documents[0].published_at is None
    (message,) = messages
    assert message.startswith("a.txt: ") and "'sometime in May'" in message


@pytest.mark.parametrize("published", ["Aug 13", "12:30", "now", "today"])
def test_a_date_pandas_would_complete_from_the_clock_is_not_read(tmp_path, published):
    """Deterministic: pandas reads these relative to today, so published_at would change from run to run."""
    (tmp_path / "e.jsonl").write_text(json.dumps({"text": "Good.", "published": published}) + "\n")
    corpus, messages = read_with_warnings(tmp_path)
    assert corpus.documents[0].published_at is None and corpus.documents[0].published == published
    assert len(messages) == 1 and "with its year" in messages[0]


@pytest.mark.parametrize(
    "published",
    [
        "2024-08-13",
        "2024-08-13T10:00:00Z",
        "2024-08-13 10:00:00",
        "2024-08-13T09:30:00+03:00",
        "Mon, 12 Aug 2024 10:00:00 GMT",
        "Aug 15, 2024",
        "15 August 2024",
        "03/04/2024",
        "13/04/2024",
        "20240813",
    ],
)
def test_published_at_is_what_pandas_to_datetime_reads_in_utc(tmp_path, published):
    (tmp_path / "e.jsonl").write_text(json.dumps({"text": "Good.", "published": published}) + "\n")
    (doc,) = read_corpus(tmp_path).documents
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pandas' remark on a guessed day-first format
        assert doc.published_at == pd.to_datetime(published, utc=True)
    assert doc.published_at.tz is not None and str(doc.published_at.tz) == "UTC"


@pytest.mark.parametrize(
    "name, content, expected",
    [
        ("e.csv", "headline,outlet\nA,BBC\n", "no text column (it has: headline, outlet)"),
        ("e.jsonl", '{"headline": "A"}\n', "no text column (it has: headline)"),
        ("e.csv", "Caf\u00e9,text\n".encode("latin-1"), "not UTF-8 (byte 0xe9 at offset 3)"),
        ("e.csv", "text,outlet\n", "no article rows"),
        ("e.parquet", b"not parquet at all", "not a readable Parquet file"),
        ("e.zip", b"not a zip", "not a readable zip archive"),
    ],
)
def test_unreadable_export_is_one_skip_naming_the_file(tmp_path, name, content, expected):
    (tmp_path / "good.txt").write_text("Good.\n")
    (tmp_path / name).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    corpus, messages = read_with_warnings(tmp_path)
    assert [d.doc_id for d in corpus.documents] == ["good"]
    (message,) = messages
    assert message.startswith(f"skipped {name}: ") and expected in message
    assert [s.path for s in corpus.skipped] == [name]


def test_one_id_in_two_files_is_an_error_naming_both(tmp_path):
    (tmp_path / "a.csv").write_text("id,text\nx1,First.\n")
    (tmp_path / "b.jsonl").write_text('{"id": "x1", "text": "Second."}\n')
    with pytest.raises(CorpusError, match=r"b\.jsonl#row=1 and a\.csv#row=1 both give doc_id 'x1'"):
        read_corpus(tmp_path)


def test_build_a_csv_export_end_to_end(tmp_path, nlp):
    path = tmp_path / "export.csv"
    EXPORT_FRAME.to_csv(path, index=False)
    documents = analysis.build(path, nlp=nlp).documents
    assert list(documents.doc_id) == ["1001", "1002", "1003"]
    assert list(documents.outlet) == ["Kyiv Independent", "TASS", "Reuters"]
    assert list(documents.path) == ["export.csv#row=1", "export.csv#row=2", "export.csv#row=3"]
    assert (documents.n_sentences > 0).all()
    assert str(documents.published_at.dtype) == "datetime64[ns, UTC]"
    # The build fills every documents column of that name from the Document (builder._document_record).
    assert list(documents.published_at) == [a["published_at"] for a in CSV_ARTICLES]


def test_a_folder_of_json_files_is_a_corpus_each_file_one_article(tmp_path):
    import json

    (tmp_path / "story-1.json").write_text(json.dumps(
        {"title": "Ferry service cut", "source": "Harbour Wire", "date": "2024-03-02",
         "content": "The council said it would cut the service."}), encoding="utf-8")
    (tmp_path / "stories.json").write_text(json.dumps(
        [{"id": "s2", "text": "Fares rose 4%."}, {"id": "s3", "text": "The mayor said nothing."}, "not an article"]),
        encoding="utf-8")
    with pytest.warns(CorpusWarning, match=r"stories.json#row=3: the list's item is not a JSON object"):
        corpus = read_corpus(tmp_path)
    assert [(d.doc_id, d.path) for d in corpus.documents] == [
        ("s2", "stories.json#row=1"), ("s3", "stories.json#row=2"), ("story-1", "story-1.json")]
    story = corpus.documents[2]
    assert (story.title, story.outlet, story.published) == ("Ferry service cut", "Harbour Wire", "2024-03-02")


@pytest.mark.parametrize(
    "fields, expected, warned",
    [
        # the published text is preferred to a tokenised copy, whichever comes first
        ({"content": "He said he would n't go -LRB- yet -RRB- .", "content_original": "He said he wouldn't go (yet)."},
         "He said he wouldn't go (yet).", False),
        ({"text_raw": "Prices rose 4% , officials said .", "text": "Prices rose 4%, officials said."},
         "Prices rose 4%, officials said.", False),
        # only a tokenised text: kept, with a warning that says so
        ({"content": "Officials said the plan would n't work , and that it 's late ."},
         "Officials said the plan would n't work , and that it 's late .", True),
        # published copy with an ordinary apostrophe and a quotation is not tokenised
        ({"content": "\"It's late,\" the mayor said, \"and we can't wait.\""},
         "\"It's late,\" the mayor said, \"and we can't wait.\"", False),
    ],
)
def test_the_untokenised_text_is_preferred_and_a_tokenised_one_is_warned_about(tmp_path, fields, expected, warned):
    import json
    import warnings

    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "a1", **fields}) + "\n", encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = read_corpus(tmp_path)
    assert corpus.documents[0].text == expected
    assert any("looks tokenised" in str(w.message) for w in caught) == warned
