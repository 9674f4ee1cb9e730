"""Comparisons between outlets and over time (analysis.views.summaries.compare): hand-made tables with expected values worked
out by hand, then the generated multi-outlet corpus built end to end."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis.views.summaries import compare
from analysis.views.summaries.compare import NO_OUTLET, OTHER, OTHER_OUTLETS

MULTI_OUTLET = Path(__file__).resolve().parent / "fixtures" / "corpora" / "multi_outlet"


def documents(rows=None) -> pd.DataFrame:
    """Four articles: two of outlet A (weeks of 6 January), one of B (13 January), one with neither outlet nor date."""
    rows = rows or [
        ("a1", "A", "2025-01-06", 100),
        ("a2", "A", "2025-01-08", 200),
        ("b1", "B", "2025-01-14", 100),
        ("n1", "", "", 50),
    ]
    frame = pd.DataFrame(rows, columns=["doc_id", "outlet", "published", "n_words"])
    frame["published_at"] = pd.to_datetime(frame["published"].replace("", None), utc=True)
    return frame


DOCS = documents()

ATTRIBUTIONS = pd.DataFrame(
    {
        "doc_id": ["a1", "a1", "a2", "b1", "n1"],
        "kind": ["direct", "indirect", "indirect", "according_to", "direct"],
        "source_type": ["person", "anonymous", "anonymous", "document", "anonymous"],
        "source": ["X", "Y", "X", "Z", ""],
    }
)


# --- outlets and dates ---------------------------------------------------------------------------------------------


def test_an_empty_outlet_is_labelled_no_outlet():
    assert compare.outlet_labels(DOCS).to_dict() == {"a1": "A", "a2": "A", "b1": "B", "n1": NO_OUTLET}


def test_articles_per_outlet_counts_articles_words_and_dates():
    table = compare.articles_per_outlet(DOCS)
    assert table["outlet"].tolist() == ["A", "B", NO_OUTLET]
    assert table["articles"].tolist() == [2, 1, 1]
    assert table["words"].tolist() == [300, 100, 50]
    assert table.loc[0, "first_published"] == pd.Timestamp("2025-01-06", tz="UTC")
    assert table.loc[0, "last_published"] == pd.Timestamp("2025-01-08", tz="UTC")
    assert pd.isna(table.loc[2, "first_published"])


def test_outlets_beyond_the_top_are_added_into_other_outlets():
    docs = documents([(f"{o}{k}", o, "", 10) for o, n in (("A", 4), ("B", 3), ("C", 2), ("D", 1)) for k in range(n)])
    table = compare.articles_per_outlet(docs, top=2)
    assert table["outlet"].tolist() == ["A", "B", OTHER_OUTLETS]
    assert table["articles"].tolist() == [4, 3, 3]
    assert "the charts name the 2 with most articles (ties by name) and add the other 2 into 'other outlets'" in (
        compare.outlet_note(docs, top=2))


def test_every_outlet_is_named_up_to_the_top():
    docs = documents([(f"{o}{k}", o, "", 10) for o, n in (("A", 4), ("B", 3), ("C", 2), ("D", 1)) for k in range(n)])
    assert compare.articles_per_outlet(docs, top=4)["outlet"].tolist() == ["A", "B", "C", "D"]
    assert "other outlets" not in compare.outlet_note(docs, top=4)


def test_the_default_names_twenty_outlets_and_cuts_the_twenty_first():
    twenty = documents([(f"d{k}", f"Outlet {k:02d}", "", 10) for k in range(20)])
    assert len(compare.articles_per_outlet(twenty)) == 20 and compare.TOP_OUTLETS == 20
    more = documents([(f"d{k}", f"Outlet {k:02d}", "", 10) for k in range(21)])
    assert compare.articles_per_outlet(more)["outlet"].tolist()[-2:] == ["Outlet 19", OTHER_OUTLETS]


def test_top_outlets_ties_are_broken_by_count_then_name():
    # Zeta has most articles and stays named although last by name; of the two outlets tied at 2 articles the
    # first by name (Alpha) is named, Omega is not; Beta with 1 article never is.
    rows = [("z1", "Zeta", "", 1), ("z2", "Zeta", "", 1), ("z3", "Zeta", "", 1), ("o1", "Omega", "", 1),
            ("o2", "Omega", "", 1), ("a1", "Alpha", "", 1), ("a2", "Alpha", "", 1), ("b1", "Beta", "", 1)]
    table = compare.articles_per_outlet(documents(rows), top=2)
    assert table["outlet"].tolist() == ["Zeta", "Alpha", OTHER_OUTLETS]
    assert table["articles"].tolist() == [3, 2, 3]


def test_articles_without_an_outlet_are_never_added_into_other_outlets():
    table = compare.articles_per_outlet(DOCS, top=1)
    assert table["outlet"].tolist() == ["A", NO_OUTLET, OTHER_OUTLETS]
    assert table["articles"].tolist() == [2, 1, 1]


def test_group_by_takes_any_documents_column():
    docs = DOCS.assign(lean=["left", "right", "right", None])
    assert compare.outlet_labels(docs, by="lean").to_dict() == {"a1": "left", "a2": "right", "b1": "right",
                                                              "n1": "(no lean)"}
    table = compare.articles_per_outlet(docs, by="lean")
    assert table["outlet"].tolist() == ["right", "left", "(no lean)"]
    assert table["articles"].tolist() == [2, 1, 1]
    assert compare.outlet_note(docs, by="lean").startswith("4 articles from 2 values of lean (1 without a lean")
    with pytest.raises(ValueError, match="GROUP_BY 'section' is not a column"):
        compare.outlet_labels(docs, by="section")


@pytest.mark.parametrize(
    "rows, expected",
    [
        ([("a1", "A", "2025-01-06", 10), ("b1", "B", "", 10)], None),
        ([("a1", "A", "2025-01-06", 10), ("a2", "A", "", 10)], "all from one outlet (A)"),
        ([("x", "", "", 10)], "1 article, which does not name its outlet"),
        ([("x", "", "", 10), ("y", "", "", 10)], "2 articles, none of which names its outlet"),
        ([("a1", "A", "", 10), ("x", "", "", 10)], "all from one outlet (A)"),
    ],
)
def test_comparison_note_says_when_outlets_cannot_be_compared(rows, expected):
    note = compare.comparison_note(documents(rows))
    if expected is None:
        assert note is None
    else:
        assert expected in note and "more than one outlet" in note


def test_outlet_note_always_has_a_sentence():
    assert compare.outlet_note(DOCS).startswith("4 articles from 2 outlets (1 without an outlet")
    assert "more than one outlet" in compare.outlet_note(documents([("x", "", "", 10)]))


def test_time_note_and_coverage():
    assert compare.time_coverage(DOCS) == (
        True, "1 of 4 articles has no publication date and is left out of the charts over time.")
    drawable, note = compare.time_coverage(documents([("x", "", "", 10)]))
    assert not drawable and "The article has no publication date" in note and "no chart over time" in note
    drawable, note = compare.time_coverage(documents([("a1", "A", "2025-01-06", 10), ("a2", "A", "2025-01-07", 10)]))
    assert not drawable and "in one week" in note
    assert compare.time_note(DOCS.iloc[:3]) is None


def test_time_frequency_is_weeks_then_months():
    assert compare.time_frequency(DOCS["published_at"]) == "W"
    long = pd.Series(pd.to_datetime(["2024-01-01", "2025-01-01"], utc=True))
    assert compare.time_frequency(long) == "M"


def test_articles_over_time_lists_every_week_and_dated_outlet():
    table = compare.articles_over_time(DOCS)
    assert table["period"].dt.strftime("%Y-%m-%d").tolist() == ["2025-01-06", "2025-01-06", "2025-01-13", "2025-01-13"]
    assert table["outlet"].tolist() == ["A", "B", "A", "B"]
    assert table["articles"].tolist() == [2, 0, 0, 1]
    assert compare.articles_over_time(documents([("x", "", "", 10)])).empty


# --- sourcing ------------------------------------------------------------------------------------------------------


def test_attribution_kinds_by_outlet():
    table = compare.attribution_kinds_by_outlet(ATTRIBUTIONS, DOCS)
    wide = compare.as_wide(table, "kind", "attributions")
    assert wide.index.tolist() == ["A", "B", NO_OUTLET]
    assert wide.columns.tolist() == ["direct", "mixed", "indirect", "according_to"]
    assert wide.loc["A"].tolist() == [1, 0, 2, 0]
    assert wide.loc["B"].tolist() == [0, 0, 0, 1]
    assert wide.loc[NO_OUTLET].tolist() == [1, 0, 0, 0]
    shares = compare.as_wide(table, "kind", "share")
    assert shares.loc["A", "indirect"] == pytest.approx(0.667)


def test_source_types_by_outlet_keeps_used_types_only():
    table = compare.source_types_by_outlet(ATTRIBUTIONS, DOCS)
    assert list(dict.fromkeys(table["source_type"])) == ["person", "document", "anonymous"]
    assert compare.as_wide(table, "source_type", "attributions").loc["A"].tolist() == [1, 0, 2]


def test_anonymous_by_outlet():
    table = compare.anonymous_by_outlet(ATTRIBUTIONS, DOCS)
    assert table.to_dict("list") == {
        "outlet": ["A", "B", NO_OUTLET], "attributions": [3, 1, 1], "anonymous": [2, 0, 1], "share": [0.667, 0.0, 1.0]}


def test_unresolved_speakers_are_not_counted_as_anonymous():
    attributions = ATTRIBUTIONS.assign(source_type=["person", "anonymous", "unresolved", "document", "unresolved"])
    table = compare.anonymous_by_outlet(attributions, DOCS)
    assert table["anonymous"].tolist() == [1, 0, 0]
    assert table["attributions"].tolist() == [3, 1, 1]
    types = compare.source_types_by_outlet(attributions, DOCS)
    assert compare.as_wide(types, "source_type", "attributions").loc["A", "unresolved"] == 1


def test_own_voice_share_by_outlet_with_an_outlet_without_claims():
    claims = pd.DataFrame({"doc_id": ["a1", "a1", "b1", "b1"], "basis": ["own_voice", "attributed", "own_voice", "own_voice"]})
    table = compare.own_voice_share_by_outlet(claims, DOCS)
    assert table["claims"].tolist() == [2, 2, 0]
    assert table["own_voice"].tolist() == [1, 2, 0]
    assert table["share"].tolist()[:2] == [0.5, 1.0]
    assert math.isnan(table["share"].iloc[2])


def test_top_sources_by_outlet_with_other():
    table = compare.top_sources_by_outlet(ATTRIBUTIONS, DOCS, top=1)
    assert table.to_dict("list") == {
        "outlet": ["A", "A", "B"], "rank": [1, 0, 1], "source": ["X", OTHER, "Z"],
        "attributions": [2, 1, 1], "articles": [2, 1, 1]}


def test_top_sources_count_one_identity_once_and_keep_the_rest_as_written():
    attributions = pd.DataFrame({
        "doc_id": ["a1", "a2", "a2", "a1"],
        "source": ["Varga", "Helena Varga", "Gov. Varga", "a spokesman"],
        "source_type": ["person", "person", "person", "anonymous"],
        "source_id": ["id-varga", "id-varga", "id-varga", ""],
    })
    sources = pd.DataFrame({"source_id": ["id-varga"], "name": ["Helena Varga"]})
    docs = pd.DataFrame({"doc_id": ["a1", "a2"], "outlet": ["A", "A"]})
    merged = compare.top_sources_by_outlet(attributions, docs, top=5, sources=sources)
    assert merged[["source", "attributions", "articles"]].values.tolist() == [
        ["Helena Varga", 3, 2], ["a spokesman", 1, 1]]
    # without the identities, the three ways of writing her stay three sources
    written = compare.top_sources_by_outlet(attributions, docs, top=5)
    assert sorted(written["source"]) == ["Gov. Varga", "Helena Varga", "Varga", "a spokesman"]


def test_by_identity_leaves_rows_without_an_identity_as_written():
    rows = pd.DataFrame({"source": ["Reil", "he", "the report"], "source_id": ["id-reil", "", pd.NA]})
    sources = pd.DataFrame({"source_id": ["id-reil", "id-other"], "name": ["Mara Reil", "Someone Else"]})
    assert compare.by_identity(rows, sources)["source"].tolist() == ["Mara Reil", "he", "the report"]
    assert compare.by_identity(rows, None)["source"].tolist() == ["Reil", "he", "the report"]


def quote_rows() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "group_id": [0, 0, 1, 1, 2, 2],
            "doc_id": ["a1", "b1", "a1", "a2", "a2", "b1"],
            "outlet": ["A", "B", "A", "A", "A", "A"],
            "published_at": pd.to_datetime(["2025-01-06", "2025-01-14", "2025-01-06", "2025-01-08", "2025-01-08",
                                            "2025-01-14"], utc=True),
            "text": ["We will rebuild every home in this town", "we will rebuild every home in this town",
                     "The river rose faster than predicted", "The river rose faster than predicted",
                     "Nobody told us the dam was this weak", "nobody told us the dam was this weak"],
            "source": ["Mayor", "Mayor", "Reil", "Varga", "Ines Duarte", "she"],
            "same_source": [True, True, True, False, True, False],
            "first_printed": [True, False, True, False, True, False],
            "n_printings": [2, 2, 2, 2, 2, 2],
            "n_articles": [2, 2, 2, 2, 2, 2],
            "n_outlets": [2, 2, 1, 1, 1, 1],
            "speaker_match": ["same", "same", "same", "different", "same", "unknown"],
        }
    )


def test_quote_reuse_summary_one_row_per_quotation():
    table = compare.quote_reuse_summary(quote_rows())
    assert table["group_id"].tolist() == [0, 1, 2]
    assert table["first_outlet"].tolist() == ["A", "A", "A"]
    assert table["other_outlets"].tolist() == ["B", "", ""]
    assert table[["same_speaker", "different_speaker", "same_description_speaker", "unknown_speaker"]
                 ].values.tolist() == [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 0, 1]]
    assert table["source"].tolist() == ["Mayor", "Reil", "Ines Duarte"]
    assert compare.quote_reuse_note(quote_rows()) == (
        "3 quotations are printed by more than one article, 1 of them by more than one outlet. 2 printings can be "
        "compared with the quotation's first printing that names a speaker (both speakers resolved and named), and "
        "1 of them names another speaker (a different resolution of the speaker, or the quote passed on); 1 cannot "
        "be compared (a speaker unresolved or anonymous).")


def test_an_unresolved_reprint_is_not_counted_as_another_speaker():
    unknown = quote_rows().assign(speaker_match=["same", "unknown", "same", "unknown", "same", "unknown"])
    note = compare.quote_reuse_note(unknown)
    assert "0 printings can be compared" in note and "0 of them name another" in note
    assert "3 cannot be compared" in note


def test_an_unresolved_first_printing_leaves_the_later_ones_comparable():
    # group 2 first printed with "she"; the two later printings name the speaker, once the same, once not
    rows = pd.concat([quote_rows(), quote_rows().iloc[[5]].assign(doc_id="c1", source="Kwame Mensah")],
                     ignore_index=True)
    rows = rows.assign(source=["Mayor", "Mayor", "Reil", "Varga", "she", "Ines Duarte", "Kwame Mensah"],
                       speaker_match=["same", "same", "same", "different", "unknown", "same", "different"])
    table = compare.quote_reuse_summary(rows).set_index("group_id")
    assert table.loc[2, ["same_speaker", "different_speaker", "unknown_speaker"]].tolist() == [0, 1, 1]
    assert "3 printings can be compared" in compare.quote_reuse_note(rows)


def test_reprints_of_an_unnamed_source_described_alike_are_counted_apart_from_named_ones():
    # group 0 names no speaker: both printings give "a port spokesman"; there is no reference printing to subtract
    rows = quote_rows().assign(source=["a port spokesman", "a port spokesperson", "Reil", "Varga", "Ines Duarte",
                                       "she"],
                               speaker_match=["same_description", "same_description", "same", "different", "same",
                                              "unknown"])
    table = compare.quote_reuse_summary(rows).set_index("group_id")
    assert table.loc[0, ["same_speaker", "different_speaker", "same_description_speaker", "unknown_speaker"]
                     ].tolist() == [0, 0, 2, 0]
    note = compare.quote_reuse_note(rows)
    assert "1 printing can be compared" in note and "names another speaker" in note
    assert note.endswith("1 cannot be compared (a speaker unresolved or anonymous), and 2 of a quotation no printing "
                         "attributes by name give an unnamed source described alike (as 'a spokesman' of one body).")


def test_quote_reuse_of_an_empty_table():
    empty = quote_rows().iloc[0:0]
    assert compare.quote_reuse_summary(empty).empty
    assert "needs more than one article" in compare.quote_reuse_note(empty, articles=1)
    assert "needs" not in compare.quote_reuse_note(empty, articles=5)


# --- numeric claims ------------------------------------------------------------------------------------------------


def test_figures_by_outlet_per_article_and_kind():
    figures = pd.DataFrame({"doc_id": ["a1", "a1", "a2", "b1"], "quantity_kind": ["count", "count", "money", "count"]})
    table = compare.figures_by_outlet(figures, DOCS, top_kinds=2)
    wide = compare.as_wide(table, "quantity_kind", "per_article")
    assert wide.columns.tolist() == ["count", "money"]
    assert wide.loc["A"].tolist() == [1.0, 0.5]
    assert wide.loc["B"].tolist() == [1.0, 0.0]
    assert wide.loc[NO_OUTLET].tolist() == [0.0, 0.0]
    assert table.groupby("outlet", sort=False)["articles"].first().tolist() == [2, 1, 1]


def test_figures_by_outlet_puts_rare_kinds_into_other():
    figures = pd.DataFrame({"doc_id": ["a1", "a1", "a2", "b1"], "quantity_kind": ["count", "count", "money", "area"]})
    table = compare.figures_by_outlet(figures, DOCS, top_kinds=2)
    assert list(dict.fromkeys(table["quantity_kind"])) == ["count", OTHER]
    assert compare.as_wide(table, "quantity_kind", "figures").loc["A"].tolist() == [2, 1]


def agreement_rows() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": ["a1", "a1", "a2", "a1", "a1"], "outlet": ["A", "A", "A", "A", "A"],
            "text": ["12", "12", "14", "300", "more than 10"], "other_doc_id": ["b1", "n1", "b1", "b1", "b1"],
            "other_outlet": ["B", "", "B", "B", "B"], "other_text": ["12", "40", "12", "about 300", "12"],
            "object": ["people", "people", "people", "home", "people"], "quantity_kind": ["count"] * 5,
            "unit": [""] * 5,
            "low": [12.0, 12.0, 14.0, 300.0, 10.0], "high": [12.0, 12.0, 14.0, 300.0, math.inf],
            "other_low": [12.0, 40.0, 12.0, 270.0, 12.0], "other_high": [12.0, 40.0, 12.0, 330.0, 12.0],
            "verdict": ["agree", "disagree", "disagree", "agree", "consistent"],
            "days_apart": [1.0, float("nan"), 6.0, 1.0, 1.0],
            "finding": ["f1", "f2", "f3", "f4", "f5"],
            "same_place": ["marrowby", "", "marrowby; oldmere", "", "oldmere"],
            "basis": ["same object (people, count); same place (marrowby); 1 days apart (window 7)",
                      "same object (people, count); no place named near either; both undated",
                      "same object (people, count); same place (marrowby; oldmere); 6 days apart (window 7)",
                      "same object (home, count); no place named near either; 1 days apart (window 7)",
                      "same object (people, count); same place (oldmere); 1 days apart (window 7)"],
        }
    )


def test_figure_agreement_summary_per_thing_counted():
    table = compare.figure_agreement_summary(agreement_rows())
    assert table["object"].tolist() == ["people", "home"]
    assert table[["pairs", "agree", "consistent", "disagree", "undetermined"]].values.tolist() == [
        [4, 1, 1, 2, 0], [1, 1, 0, 0, 0]]
    assert table[["lowest", "highest"]].values.tolist() == [[10.0, math.inf], [270.0, 330.0]]
    assert table["outlets"].tolist() == [3, 2]
    assert table["places"].tolist() == ["marrowby; oldmere", ""]
    assert compare.figure_agreement_note(agreement_rows()) == (
        "5 pairs of figures from different articles count 2 things (every pair the same object; 3 about a place "
        "both name, 2 with no place named near either; their articles published at most 6 days apart and 1 "
        "between undated articles): 2 agree, 1 is consistent but with an open bound (\"more than 100\"), "
        "2 disagree and 0 cannot be compared (a vague figure).")
    disagreements = compare.figure_disagreements(agreement_rows())
    assert disagreements[["text", "other_text", "same_place"]].values.tolist() == [
        ["12", "40", ""], ["14", "12", "marrowby; oldmere"]]


def test_figure_agreement_note_says_when_places_were_not_read():
    rows = agreement_rows().assign(same_place="", basis=lambda t: t["basis"].str.replace(
        r"; (same place \([^)]*\)|no place named near either);", "; places not read;", regex=True))
    assert "0 about a place both name, 0 with no place named near either, 5 made without reading places" in (
        compare.figure_agreement_note(rows))


def test_figure_agreement_summary_of_an_empty_table_and_the_top():
    assert compare.figure_agreement_summary(agreement_rows().iloc[0:0]).empty
    assert "needs more than one article" in compare.figure_agreement_note(agreement_rows().iloc[0:0], articles=1)
    top = compare.figure_agreement_summary(agreement_rows(), top=1)
    assert top["object"].tolist() == ["2 other things"] and top["pairs"].tolist() == [5]


# --- framing -------------------------------------------------------------------------------------------------------

CUES = pd.DataFrame(
    {"doc_id": ["a1", "a2", "b1"], "cue_type": ["hedge", "hedge", "loaded"], "quoted": [False, True, False],
     "cue_id": [0, 0, 0]}
)
TONE = pd.DataFrame(
    {
        "doc_id": ["a1", "a1", "a2", "a2", "b1"],
        "sentence_id": [0, 1, 0, 1, 0],
        "compound": [0.5, -0.5, -0.1, -0.3, 0.9],
        "own_voice": [True, False, True, True, False],
    }
)


def test_cues_by_outlet_per_1000_words():
    table = compare.cues_by_outlet(CUES, DOCS)
    own = compare.as_wide(table[table.voice == "own voice"], "cue_type", "per_1000_words")
    assert own.loc["A", "hedge"] == pytest.approx(3.33)
    assert own.loc["B", "loaded"] == pytest.approx(10.0)
    assert own.loc[NO_OUTLET].sum() == 0
    quoted = compare.as_wide(table[table.voice == "quoted"], "cue_type", "cues")
    assert quoted.loc["A", "hedge"] == 1
    assert len(table) == 3 * 6 * 2


def test_hedges_by_outlet():
    table = compare.hedges_by_outlet(CUES, DOCS)
    assert table["outlet"].tolist() == ["A", "B", NO_OUTLET]
    assert table["hedges_own_voice"].tolist() == [1, 0, 0]
    assert table["hedges_quoted"].tolist() == [1, 0, 0]
    assert table["hedges_own_voice_per_1000_words"].tolist() == [3.33, 0.0, 0.0]


def test_tone_by_outlet_uses_own_voice_sentences():
    table = compare.tone_by_outlet(TONE, DOCS)
    a = table.iloc[0]
    assert (a["outlet"], a["articles"]) == ("A", 2)
    # articles' own-voice means: a1 0.5, a2 -0.2
    assert a["median"] == pytest.approx(0.15)
    assert a["q1"] == pytest.approx(-0.025)
    assert a["q3"] == pytest.approx(0.325)
    assert table["articles"].tolist() == [2, 0, 0]
    assert math.isnan(table.iloc[1]["median"])


def test_framing_over_time_per_week_and_outlet():
    table = compare.framing_over_time(CUES, TONE, DOCS)
    assert table["period"].dt.strftime("%Y-%m-%d").tolist() == ["2025-01-06", "2025-01-13"]
    assert table["outlet"].tolist() == ["A", "B"]
    assert table["articles"].tolist() == [2, 1]
    assert table["hedges_per_1000_words"].tolist() == [3.33, 0.0]
    assert table["judgements_per_1000_words"].tolist() == [0.0, 10.0]
    assert table["tone"].iloc[0] == pytest.approx(0.15)
    assert math.isnan(table["tone"].iloc[1])
    assert compare.framing_over_time(CUES, TONE, documents([("x", "", "", 10)])).empty


def test_empty_tables_give_empty_comparisons():
    empty = ATTRIBUTIONS.iloc[0:0]
    assert compare.attribution_kinds_by_outlet(empty, DOCS)["attributions"].sum() == 0
    assert compare.anonymous_by_outlet(empty, DOCS)["attributions"].tolist() == [0, 0, 0]
    assert compare.top_sources_by_outlet(empty, DOCS).empty


# --- the generated multi-outlet corpus, built ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def multi_outlet():
    return analysis.build(MULTI_OUTLET)


def test_multi_outlet_corpus_compares_four_outlets_and_an_unnamed_one(multi_outlet):
    docs = multi_outlet.documents
    table = compare.articles_per_outlet(docs)
    assert table["outlet"].tolist() == ["Harbour Wire", "Northern Ledger", "Valley Courier", "Capital Dispatch", NO_OUTLET]
    assert table["articles"].tolist() == [3, 3, 3, 2, 1]
    assert compare.comparison_note(docs) is None
    assert compare.time_coverage(docs) == (
        True, "1 of 12 articles has no publication date and is left out of the charts over time.")
    assert compare.articles_over_time(docs)["period"].nunique() == 4


def test_multi_outlet_corpus_reuses_quotes_across_outlets(multi_outlet):
    summary = compare.quote_reuse_summary(multi_outlet.quote_reuse)
    rebuild = summary[summary["quote"].str.startswith("We will rebuild every home")].iloc[0]
    assert rebuild["first_outlet"] == "Harbour Wire"
    assert rebuild["outlets"] == 4
    warned = summary[summary["quote"].str.startswith("This was a flood")].iloc[0]
    assert (warned["first_outlet"], warned["source"], warned["different_speaker"]) == ("Northern Ledger", "Anika Brandt", 0)


def test_multi_outlet_corpus_has_agreeing_death_tolls_and_home_counts_of_different_days(multi_outlet):
    pairs = multi_outlet.figure_agreement
    summary = compare.figure_agreement_summary(pairs)
    deaths = summary[summary["object"] == "death"].iloc[0]  # "people" who were killed are counted as deaths
    assert deaths["agree"] > 0 and deaths["disagree"] == 0
    homes = summary[summary["object"] == "home"].iloc[0]
    # changed by the cross-article pairs work (was: the two "about 300" agreed, and "about 300" and "more than
    # 500" disagreed): a figure near which no place is named is about the place its article names most (hw-001:
    # Marrowby; nl-001 names no place at all), and two counts of different days that differ are undetermined (the
    # count may have changed in between: 3 and 6 March)
    assert (homes["agree"], homes["disagree"], homes["undetermined"]) == (0, 0, 1)
    paired = set(pairs["doc_id"]) | set(pairs["other_doc_id"])
    # "The death toll ... has risen to 14" is a running total, compared only with one of its own day (none is);
    # the undated blog ("20 people were killed in the lower town") is paired with none
    assert "vc-001" not in paired and "blog-001" not in paired


def test_multi_outlet_corpus_framing_comparisons(multi_outlet):
    t = multi_outlet
    hedges = compare.hedges_by_outlet(t.cues, t.documents)
    assert hedges.set_index("outlet").loc["Capital Dispatch", "hedges_own_voice"] > 0
    over_time = compare.framing_over_time(t.cues, t.tone, t.documents)
    assert set(over_time["outlet"]) == {"Harbour Wire", "Northern Ledger", "Valley Courier", "Capital Dispatch"}
    assert compare.tone_by_outlet(t.tone, t.documents)["articles"].sum() == 12


# --- the article picker (analysis.views.widgets), used by the notebooks' last section ------------------------------------


def test_resolve_doc_id_defaults_to_the_first_article_and_names_known_ones():
    from analysis.views.widgets import resolve_doc_id

    assert resolve_doc_id(DOCS, None) == "a1"
    assert resolve_doc_id(DOCS, "b1") == "b1"
    with pytest.raises(ValueError, match="no article 'zz' in this corpus.*a1, a2, b1, ..."):
        resolve_doc_id(DOCS, "zz")


def test_article_options_label_outlet_date_and_title():
    from analysis.views.widgets import article_options

    docs = DOCS.assign(title=["Flood", "", "", "A very long title " * 5])
    options = article_options(docs)
    assert options[0] == ("A \u00b7 2025-01-06 \u00b7 Flood (a1)", "a1")
    assert options[1] == ("A \u00b7 2025-01-08 (a2)", "a2")
    assert options[3][0].startswith("A very long title") and options[3][0].endswith("\u2026 (n1)")


def test_article_picker_is_text_outside_jupyterlab_and_redraws_inside():
    from analysis.views.widgets import PICKER_TEXT, article_picker

    class Corpus:
        documents = DOCS

    shown = []
    assert repr(article_picker(lambda t, d: [], Corpus, "b1", live=False)) == PICKER_TEXT
    picker = article_picker(lambda t, d: shown.append(d) or [], Corpus, "b1", live=True)
    dropdown = picker.box.children[0]
    assert dropdown.value == "b1" and shown == []
    dropdown.value = "a2"
    assert shown == ["a2"]
    bundle = picker._repr_mimebundle_()
    assert bundle["text/plain"] == PICKER_TEXT and "application/vnd.jupyter.widget-view+json" in bundle


def test_article_views_on_the_multi_outlet_corpus(multi_outlet):
    from analysis.views.widgets import figures_view, framing_view, sourcing_view

    for view in (sourcing_view, figures_view):
        (page,) = view(multi_outlet, "cd-001")
        assert "Capital Dispatch \u00b7 2025-03-06" in page.data and "Marrowby disaster" in page.data
    heading, arc, text = framing_view(multi_outlet, "cd-001")
    assert arc.axes[0].get_title().startswith("Tone arc")
    assert "questions over the toll" in heading.data


def test_corpus_summary_sentence():
    from analysis.views.summaries.overview import corpus_summary

    assert corpus_summary(DOCS) == (
        "The corpus holds 4 articles (450 words) from 2 outlets (1 without an outlet), published from 06 January "
        "2025 to 14 January 2025 (1 without a date).")
    assert corpus_summary(documents([("x", "", "", 10)])) == (
        "The corpus holds 1 article (10 words) with no outlet in its metadata, and no publication date.")


def test_an_unresolved_pronoun_is_never_a_top_source():
    docs = pd.DataFrame({"doc_id": ["d1", "d2"], "outlet": ["Harbour Wire", "Harbour Wire"],
                         "published_at": pd.to_datetime([None, None], utc=True)})
    attributions = pd.DataFrame({
        "doc_id": ["d1", "d1", "d2", "d2"],
        "source": ["she", "Tomas Reil", "she", ""],
        "source_type": ["unresolved", "person", "unresolved", "unresolved"],
    })
    top = compare.top_sources_by_outlet(attributions, docs)
    assert "she" not in set(top.source)
    assert dict(zip(top.source, top.attributions)) == {compare.UNRESOLVED_SOURCE: 3, "Tomas Reil": 1}
