"""Extra metadata fields: every field or column of an article's record beyond text, id, title, outlet, url and
date is kept in ``documents`` (snake_case names, typed where clearly a date or a number), within limits, and
can group the comparisons of every notebook (``GROUP_BY``)."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from test_corpus import read_with_warnings

import analysis
from analysis.building import schema
from analysis.reading import Limits
from analysis.reading.extras import snake_case, typed_column
from analysis.views.summaries import compare

#: Built-in columns of ``documents``, in order: every extra column comes after them.
BUILT_IN = schema.columns("documents")

#: Two articles of a research dataset shipped as one .json file per article (fields as such datasets name
#: them): authors as a list, a topic, a lean as a number and as text, a crawl time, a count written as text.
DATASET = {
    "a1.json": {
        "ID": "a1", "title": "Clinics extend hours", "source": "Harbour Wire", "date": "2020-03-15",
        "authors": ["Ana Ruiz", "Bo Lind"], "topic": "health", "bias": 0, "Political Lean": "left",
        "crawled": "2020-03-16T10:00:00Z", "word_count": "14",
        "content": "The clinic said it would open late .", "content_original": "The clinic said it would open late.",
    },
    "a2.json": {
        "ID": "a2", "title": "Ferry fares rise", "source": "Valley Gazette", "date": "2020-03-16",
        "authors": ["Cy Moss"], "topic": "transport", "bias": 2, "Political Lean": "right",
        "crawled": "2020-03-17T08:30:00+01:00", "word_count": 9,
        "content_original": "Fares rose by 4%, the operator said.",
    },
}


def write_dataset(folder, records=DATASET):
    folder.mkdir(parents=True, exist_ok=True)
    for name, record in records.items():
        (folder / name).write_text(json.dumps(record), encoding="utf-8")
    return folder


# --- names and types ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Political Lean", "political_lean"),
        ("politicalLean", "political_lean"),
        ("sourceURL", "source_url"),
        ("  Word-Count (approx.) ", "word_count_approx"),
        ("bias_text", "bias_text"),
        ("Région", "région"),
        ("!!!", ""),
    ],
)
def test_names_in_snake_case(name, expected):
    assert snake_case(name) == expected


@pytest.mark.parametrize(
    "values, dtype, expected",
    [
        # whole numbers, as numbers or as text, are Int64; a missing value is <NA>
        ([2, "0", None], "Int64", [2, 0, pd.NA]),
        # a decimal makes the column float
        ([0.5, "2", None], "float64", [0.5, 2.0, float("nan")]),
        # ISO and month-name dates with a year are UTC times, a date alone its midnight
        (["2020-03-15", "2020-03-16T10:00:00+01:00", "March 17, 2020"], "datetime64[ns, UTC]",
         [pd.Timestamp("2020-03-15", tz="UTC"), pd.Timestamp("2020-03-16T09:00", tz="UTC"),
          pd.Timestamp("2020-03-17", tz="UTC")]),
        # a code with a leading zero is no number; one text value keeps the column text, numbers written plain
        (["02139", "10001"], "str", ["02139", "10001"]),
        ([3, "left", None], "str", ["3", "left", ""]),
        # a day-first or month-first date is ambiguous, a zone abbreviation too: text
        (["15/03/2020", "2020-03-15"], "str", ["15/03/2020", "2020-03-15"]),
        (["2020-03-15 10:00 EST"], "str", ["2020-03-15 10:00 EST"]),
        # a year alone is a number, not a date
        (["2020", "2021"], "Int64", [2020, 2021]),
    ],
)
def test_a_column_is_typed_only_where_every_value_is_clearly_a_number_or_a_date(values, dtype, expected):
    column = typed_column(values)
    assert str(column.dtype) == dtype
    assert column.tolist() == expected or column.equals(pd.Series(expected, dtype=column.dtype))


# --- reading -------------------------------------------------------------------------------------------------------


def test_a_dataset_of_json_files_keeps_every_extra_field(tmp_path, nlp):
    folder = write_dataset(tmp_path / "dataset")
    corpus, messages = read_with_warnings(folder)
    assert messages == []
    first = dict(corpus.documents[0].extras)
    assert first == {
        "authors": "Ana Ruiz; Bo Lind", "topic": "health", "bias": 0, "political_lean": "left",
        "crawled": "2020-03-16T10:00:00Z", "word_count": "14",
    }, "text columns, the id, title, outlet and date are read as such, never kept twice"

    documents = analysis.build(folder, nlp=nlp).documents
    extras = ["authors", "bias", "crawled", "political_lean", "topic", "word_count"]
    assert list(documents.columns) == [*BUILT_IN, *extras], "built-in columns first, then extras sorted by name"
    assert {c: str(documents[c].dtype) for c in extras} == {
        "authors": "str", "bias": "Int64", "crawled": "datetime64[ns, UTC]", "political_lean": "str",
        "topic": "str", "word_count": "Int64",
    }
    assert documents["authors"].tolist() == ["Ana Ruiz; Bo Lind", "Cy Moss"]
    assert documents["crawled"].tolist() == [pd.Timestamp("2020-03-16T10:00", tz="UTC"),
                                             pd.Timestamp("2020-03-17T07:30", tz="UTC")]
    assert documents["word_count"].tolist() == [14, 9]


def test_a_field_named_as_a_column_gets_a_suffix_and_text_columns_are_never_extra(tmp_path):
    record = {
        "id": "x1", "text": "The council said the bridge would reopen.", "body": "a second copy of the text",
        "content_original": "The council said so.", "Text Summary": "Bridge reopens", "path": "/news/bridge",
        "N Words": 412, "published_at": "2020-03-15", "published": "2020-03-14", "date": "2020-03-13",
        "Tags": ["roads", "", "council"], "source": {"id": "hw", "name": "Harbour Wire"}, "paywalled": False,
        "empty": "  ", "nothing": None,
    }
    (tmp_path / "x.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    corpus, messages = read_with_warnings(tmp_path)
    document = corpus.documents[0]
    assert document.text == "The council said the bridge would reopen."
    assert document.published == "2020-03-14", "`published` comes before `date` among the date's names"
    assert dict(document.extras) == {
        "text_summary": "Bridge reopens",
        "path_field": "/news/bridge",
        "n_words_field": 412,
        "published_at_field": "2020-03-15",
        "date": "2020-03-13",  # an alias the reader did not use is the record's own field
        "tags": "roads; council",
        "source_id": "hw", "source_name": "Harbour Wire",  # a mapping: one field per key
        "paywalled": "false",
    }
    assert any("outlet is a mapping" in m for m in messages), "the outlet column held a mapping: left empty"


def test_a_csv_export_keeps_its_extra_columns(tmp_path, nlp):
    (tmp_path / "export.csv").write_text(
        "id,Outlet,Political Lean,Word Count,Score,Zip,Filed,text\n"
        "c1,Harbour Wire,left,532,0.25,02139,2024-08-13,The mayor said the bridge would reopen.\n"
        "c2,Valley Gazette,right,610,1,10001,,Fares rose by 4%.\n",
        encoding="utf-8",
    )
    documents = analysis.build(tmp_path / "export.csv", nlp=nlp).documents
    assert list(documents.columns) == [*BUILT_IN, "filed", "political_lean", "score", "word_count", "zip"]
    assert documents["political_lean"].tolist() == ["left", "right"]
    assert documents["word_count"].dtype == "Int64" and documents["word_count"].tolist() == [532, 610]
    assert documents["score"].dtype == "float64" and documents["score"].tolist() == [0.25, 1.0]
    assert documents["zip"].tolist() == ["02139", "10001"], "a code with a leading zero stays text"
    assert documents["filed"].tolist()[0] == pd.Timestamp("2024-08-13", tz="UTC")
    assert pd.isna(documents["filed"].tolist()[1])


def test_no_extra_field_no_extra_column(tmp_path, nlp):
    (tmp_path / "a.txt").write_text("The mayor said the bridge would reopen.\n", encoding="utf-8")
    assert list(analysis.build(tmp_path, nlp=nlp).documents.columns) == BUILT_IN


def test_manifest_front_matter_and_sidecar_extras_merge_the_later_winning(tmp_path):
    (tmp_path / "metadata.csv").write_text("file,desk,section\na.md,Metro,News\nb.txt,Sport,\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("---\ndesk: City\nauthors: [Ana Ruiz]\n---\nThe mayor spoke.\n", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"Page Views": 1200}), encoding="utf-8")
    (tmp_path / "b.txt").write_text("Fares rose.\n", encoding="utf-8")
    corpus, messages = read_with_warnings(tmp_path)
    assert messages == []
    assert [dict(d.extras) for d in corpus.documents] == [
        {"desk": "City", "section": "News", "authors": "Ana Ruiz", "page_views": 1200},
        {"desk": "Sport"},
    ]


def test_a_record_with_hundreds_of_fields_or_a_huge_value_is_cut_with_one_warning(tmp_path):
    wide = {"id": "w1", "text": "The mayor spoke.", **{f"field {k:03d}": k for k in range(300)}}
    long = {"id": "w2", "text": "Fares rose.", "summary": "x" * 5000, "authors": [f"Author {k}" for k in range(2000)]}
    (tmp_path / "rows.jsonl").write_text(json.dumps(wide) + "\n" + json.dumps(long) + "\n", encoding="utf-8")
    corpus, messages = read_with_warnings(tmp_path, limits=Limits(extra_fields=50, extra_value_chars=100))
    first, second = (dict(d.extras) for d in corpus.documents)
    assert list(first) == [f"field_{k:03d}" for k in range(50)], "the first fields in the record's order"
    assert len(second["summary"]) == 100 and second["summary"].endswith("\u2026")
    assert len(second["authors"]) == 100 and second["authors"].startswith("Author 0; Author 1; ")
    (message,) = messages
    assert message.startswith("2 article(s) had extra metadata fields cut or left out (first: rows.jsonl#row=1: "
                              "fields after the first 50 left out)")


def test_the_corpus_keeps_the_extra_fields_most_articles_fill(tmp_path):
    rows = [{"id": f"r{k}", "text": "The mayor spoke.", "desk": "Metro", f"only_{k}": k} for k in range(4)]
    rows[0]["section"] = rows[1]["section"] = "News"
    (tmp_path / "rows.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    corpus, messages = read_with_warnings(tmp_path, limits=Limits(extra_columns=3))
    kept = {name for d in corpus.documents for name, _ in d.extras}
    assert kept == {"desk", "section", "only_0"}, "most filled first, ties by name"
    (message,) = messages
    assert "not only_1, only_2, only_3" in message


# --- the documents table --------------------------------------------------------------------------------------------


def test_the_schema_accepts_sorted_snake_case_extras_and_refuses_others(tmp_path):
    built = schema.empty("documents")
    assert list(schema.validate("documents", built.assign(bias=pd.Series(dtype="Int64"))).columns) == [*BUILT_IN, "bias"]
    for bad in (
        built.assign(Bias=pd.Series(dtype="Int64")),  # not snake_case
        built.assign(zeta=pd.Series(dtype="str"), alpha=pd.Series(dtype="str")),  # not sorted
        built.assign(flag=pd.Series(dtype=bool)),  # no dtype an extra field is read as
    ):
        with pytest.raises(Exception, match="extra column"):
            schema.validate("documents", bad)
    with pytest.raises(Exception):
        schema.validate("sentences", schema.empty("sentences").assign(bias=pd.Series(dtype="Int64")))


@pytest.fixture
def two_article_chunks(monkeypatch):
    """Chunks of about two articles, so that a corpus of a dozen has several."""
    from analysis.building import chunks

    monkeypatch.setattr(chunks, "ARTICLES_PER_CHUNK", 2)
    monkeypatch.setattr(chunks, "MAX_ARTICLES_PER_CHUNK", 4)


def test_a_chunked_build_has_a_field_only_a_late_article_brings(tmp_path, two_article_chunks):
    corpus = tmp_path / "corpus"
    records = {f"s{k:02d}.json": {"id": f"s{k:02d}", "text": f"The council said {k + 2} roads were closed.",
                                  "source": "Harbour Wire" if k % 2 else "Valley Gazette"} for k in range(12)}
    records["s11.json"]["Desk Note"] = "late addition"
    write_dataset(corpus, records)
    out = tmp_path / "out"
    analysis.build_to_dir(corpus, out, n_process=1)
    assert len(list((out / "sentences.parquet").iterdir())) > 2, "several chunks"
    for tables in (analysis.load(out), analysis.build(corpus, n_process=1)):
        documents = tables.documents
        assert list(documents.columns) == [*BUILT_IN, "desk_note"]
        assert documents["desk_note"].tolist() == [""] * 11 + ["late addition"]
    csv = pd.read_csv(out / "documents.csv", keep_default_na=False)
    assert csv.columns[-1] == "desk_note" and csv["desk_note"].tolist()[-1] == "late addition"

    # an extra field changed in one article: that chunk is made again (from the cache) and documents rewritten
    records["s03.json"]["Desk Note"] = "checked"
    write_dataset(corpus, {"s03.json": records["s03.json"]})
    report = analysis.build_to_dir(corpus, out, n_process=1)
    assert report.parsed == 0
    assert analysis.load(out).documents["desk_note"].tolist()[3] == "checked"


def test_extra_columns_read_back_from_csv_as_they_were_built(tmp_path, nlp):
    folder = write_dataset(tmp_path / "dataset")
    tables = analysis.build(folder, nlp=nlp)
    out = tmp_path / "out"
    tables.to_dir(out, parquet=False)
    pd.testing.assert_frame_equal(analysis.load(out).documents, tables.documents)


# --- GROUP_BY ------------------------------------------------------------------------------------------------------


def test_group_by_an_extra_column_in_the_comparisons(tmp_path, nlp):
    records = {
        f"g{k}.json": {"id": f"g{k}", "source": outlet, "Political Lean": lean, "bias": bias,
                       "text": f"Officials said {k + 3} clinics would open. \"It is late,\" the mayor said."}
        for k, (outlet, lean, bias) in enumerate([
            ("Harbour Wire", "left", 0), ("Valley Gazette", "right", 2), ("Coast Times", "right", 2),
            ("Hill Post", "", 1),
        ])
    }
    tables = analysis.build(write_dataset(tmp_path / "dataset", records), nlp=nlp)
    documents = tables.documents
    per_lean = compare.articles_per_outlet(documents, by="political_lean")
    assert per_lean["outlet"].tolist() == ["right", "left", "(no political_lean)"]
    assert per_lean["articles"].tolist() == [2, 1, 1]
    assert compare.articles_per_outlet(documents, by="bias")["outlet"].tolist() == ["2", "0", "1"]
    assert compare.outlet_note(documents, by="political_lean").startswith(
        "4 articles from 2 values of political_lean (1 without a political_lean")
    kinds = compare.attribution_kinds_by_outlet(tables.attributions, documents, by="political_lean")
    assert set(kinds["outlet"]) == {"right", "left", "(no political_lean)"}
    assert kinds.groupby("outlet")["attributions"].sum().to_dict() == (
        tables.attributions.assign(lean=tables.attributions["doc_id"].map(
            documents.set_index("doc_id")["political_lean"].replace("", "(no political_lean)")))
        .groupby("lean").size().to_dict())
    figures = compare.figures_by_outlet(tables.figures, documents, by="bias")
    assert figures.groupby("outlet")["articles"].first().to_dict() == {"0": 1, "1": 1, "2": 2}
    tone = compare.tone_by_outlet(tables.tone, documents, by="political_lean")
    assert tone["outlet"].tolist() == ["right", "left", "(no political_lean)"]
    cues = compare.cues_by_outlet(tables.cues, documents, by="bias")
    assert cues.groupby("outlet")["words"].first().to_dict() == documents.groupby(
        documents["bias"].astype(str))["n_words"].sum().to_dict()
    assert compare.outlet_sequence(documents, by="bias") == ["2", "0", "1"]
    with pytest.raises(ValueError, match="'lean' is not a column of the documents table: use one of .*political_lean"):
        compare.outlet_labels(documents, by="lean")
