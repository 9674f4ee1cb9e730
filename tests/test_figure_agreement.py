"""figure_agreement: figures of the same thing in different articles, on hand-made figures rows (expected
pairs and verdicts written from the sentences) and on one small built corpus."""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest

import analysis
from analysis.building import schema
from analysis.across import DOCUMENT_COLUMNS
from analysis.across.figure_agreement import (
    FIGURE_COLUMNS,
    MAX_LATER_FIGURES,
    MENTION_COLUMNS,
    WINDOW_DAYS,
    figure_agreement,
    figure_agreement_chunks,
    figure_rows,
    figures_of_unknown_day,
    normalise_object,
    pairable,
    place_key,
)

INF = math.inf
NAN = math.nan


def _documents(*docs: tuple[str, str, str]) -> pd.DataFrame:
    """A documents table from (doc_id, outlet, published) triples, ``published_at`` read from ``published`` as
    the build does; the other columns are placeholders."""
    rows = [
        {"doc_id": d, "path": f"{d}.txt", "title": "", "outlet": o, "url": "", "published": p,
         "published_at": pd.to_datetime(p, utc=True, errors="coerce"), "n_chars": 0, "n_words": 0,
         "n_sentences": 0, "sha256": "0" * 64}
        for d, o, p in docs
    ]
    return schema.Documents.validate(pd.DataFrame(rows, columns=list(schema.Documents.to_schema().columns)))


def _figure(doc_id: str, sentence: str, span: str, low: float, high: float, obj: str, event: str, *,
            figure_id: int = 0, kind: str = "count", unit: str = "", unit_si: str = "", source: str = "",
            approx: str = "exact", sentence_id: int = 0, scope: str = "", measure: str = "", as_of: str = "",
            combined: bool = False, place: str = "", modifier: str = "", qualifier: str = "") -> dict:
    """A figures row for ``span`` in ``sentence`` (the article's text), as the figure grammar reads it."""
    start = sentence.index(span)
    value = low if low == high else NAN
    return {
        "doc_id": doc_id, "sentence_id": sentence_id, "start": start, "end": start + len(span), "text": span,
        "figure_id": figure_id, "value": value, "low": low, "high": high, "approx": approx, "approximator": "",
        "approximator_start": None, "approximator_end": None, "unit": unit, "unit_canonical": unit,
        "quantity_kind": kind, "value_si": NAN, "unit_si": unit_si, "object": obj,
        "object_start": sentence.index(obj) if obj else None,
        "object_end": sentence.index(obj) + len(obj) if obj else None, "event": event, "scope": scope,
        "measure": measure, "as_of": as_of, "combined": combined, "place": place, "modifier": modifier,
        "qualifier": qualifier,
        "attribution_id": None,
        "source": source,
    }


def _figures(*rows: dict) -> pd.DataFrame:
    # source_id is filled across the corpus; these rows come as an article's extraction leaves them
    rows = [{"source_id": "", **row} for row in rows]
    return schema.Figures.validate(pd.DataFrame(rows, columns=list(schema.Figures.to_schema().columns)))


def _mentions(*rows: tuple) -> pd.DataFrame:
    """A mentions table (only the columns figure_agreement reads) from (doc_id, sentence_id, text, label) or
    (doc_id, sentence_id, text, label, actor, alias_kind) tuples."""
    return pd.DataFrame([(*r, "", "")[:6] for r in rows], columns=MENTION_COLUMNS)


TWO_OUTLETS = (("wire", "Reuters", "2024-03-05"), ("daily", "AP", "2024-03-06"))
#: Two articles of one day: counts that differ there contradict each other (a day apart, the count may have changed).
SAME_DAY = (("wire", "Reuters", "2024-03-05T08:00:00Z"), ("daily", "AP", "2024-03-05T17:00:00Z"))
NO_PLACES = _mentions()


def test_objects_are_lowercased_with_the_head_made_singular():
    assert normalise_object("Civilians") == "civilian"
    assert normalise_object("casualties") == "casualty"
    assert normalise_object("Ukrainian soldiers") == "ukrainian soldier"
    assert normalise_object("people") == "people"
    assert normalise_object("children") == "child"
    assert normalise_object("") == ""


def test_at_least_28_killed_and_about_30_died_are_consistent_not_agreeing():
    killed, died = "At least 28 people were killed.", "About 30 people died."
    out = figure_agreement(
        _figures(
            _figure("daily", died, "About 30", 27, 33, "people", "die", approx="about"),
            _figure("wire", killed, "At least 28", 28, INF, "people", "kill", source="the governor", approx="at_least"),
        ),
        _documents(*TWO_OUTLETS),
        NO_PLACES,
    )
    schema.FigureAgreement.validate(out)
    assert len(out) == 1
    row = out.iloc[0]
    assert (row["doc_id"], row["text"], row["other_doc_id"], row["other_text"]) == ("wire", "At least 28", "daily", "About 30")
    assert (row["low"], row["high"], row["other_low"], row["other_high"]) == (28, INF, 27, 33)
    assert (row["outlet"], row["other_outlet"], row["source"], row["other_source"]) == ("Reuters", "AP", "the governor", "")
    assert row["days_apart"] == 1.0
    # "people" who were killed or died are counted as deaths
    assert (row["agree"], row["verdict"], row["object"], row["unit"]) == (False, "consistent", "death", "")
    assert row["finding"] == (
        "“At least 28” (Reuters, 2024-03-05, attributed to the governor) and “About 30” (AP, 2024-03-06) on "
        "death can both hold, though one is an open bound: both allow 28–33."
    )
    assert (row["same_place"], row["basis"]) == (
        "", "same object (death, count); neither marked as a day's count nor as a running total; no place named "
        "near either, nor in either article; 1 days apart (window 7)")
    assert killed[row["start"] : row["end"]] == row["text"]
    assert died[row["other_start"] : row["other_end"]] == row["other_text"]


def test_12_killed_and_40_killed_disagree_on_one_day_and_are_undetermined_a_day_apart():
    a, b = "12 people were killed.", "40 people were killed."
    rows = _figures(_figure("wire", a, "12", 12, 12, "people", "kill"), _figure("daily", b, "40", 40, 40, "people", "kill"))
    out = figure_agreement(rows, _documents(*SAME_DAY))
    assert out[["agree", "verdict"]].values.tolist() == [[False, "disagree"]]
    assert out["finding"].iloc[0].endswith("disagree on death: 12–12 against 40–40.")
    # a day apart, the toll may have risen in between
    later = figure_agreement(rows, _documents(*TWO_OUTLETS))
    assert later["verdict"].tolist() == ["undetermined"]
    assert "may have changed in between" in later["finding"].iloc[0]


def test_measures_that_are_not_counts_disagree_on_different_days():
    a, b = "The fire destroyed 400 square miles of farmland.", "The fire destroyed 600 square miles of farmland."
    out = figure_agreement(
        _figures(*(_figure(doc, text, span, v, v, "farmland", "destroy", kind="area", unit="mile ** 2",
                           unit_si="km ** 2") for doc, text, span, v in (("wire", a, "400 square miles", 400),
                                                                          ("daily", b, "600 square miles", 600)))),
        _documents(*TWO_OUTLETS),
    )
    assert out["verdict"].tolist() == ["disagree"]


def test_figures_of_different_objects_events_or_articles_are_never_paired():
    rows = [
        _figure("wire", "12 people were killed.", "12", 12, 12, "people", "kill", figure_id=0),
        _figure("wire", "30 people were killed.", "30", 30, 30, "people", "kill", figure_id=1),  # same article
        _figure("daily", "40 soldiers were killed.", "40", 40, 40, "soldiers", "kill", figure_id=0),
        _figure("daily", "200 people were evacuated.", "200", 200, 200, "people", "evacuate", figure_id=1),
        _figure("daily", "Officials said 15 were killed.", "15", 15, 15, "", "kill", figure_id=2),  # no object
        _figure("daily", "It cost $12 million.", "$12 million", 12e6, 12e6, "", "cost", figure_id=3, kind="money",
                unit="USD"),
    ]
    assert figure_agreement(_figures(*rows), _documents(*TWO_OUTLETS)).empty


def test_plural_and_singular_objects_of_one_event_family_are_paired():
    a, b = "Three civilians were killed.", "One civilian died."
    out = figure_agreement(
        _figures(_figure("wire", a, "Three", 3, 3, "civilians", "kill"), _figure("daily", b, "One", 1, 1, "civilian", "die")),
        _documents(*SAME_DAY),
    )
    assert out[["object", "verdict"]].values.tolist() == [["civilian", "disagree"]]


def test_a_count_of_one_event_family_never_pairs_with_a_count_of_none():
    # civilians killed and a civilian found are two things: what happened to them is what is counted
    a, b = "Three civilians were killed.", "One civilian was found in the rubble."
    out = figure_agreement(
        _figures(_figure("wire", a, "Three", 3, 3, "civilians", "kill"), _figure("daily", b, "One", 1, 1, "civilian", "find")),
        _documents(*SAME_DAY),
    )
    assert out.empty
    # a count whose object names the family is of that family, whatever verb tells it
    c = "Officials announced 40 deaths."
    out = figure_agreement(
        _figures(_figure("wire", a, "Three", 3, 3, "civilians", "kill"), _figure("daily", c, "40", 40, 40, "deaths", "announce"),
                 _figure("wire", "40 people died.", "40", 40, 40, "people", "die", figure_id=1, sentence_id=1)),
        _documents(*SAME_DAY),
    )
    assert out[["text", "other_text", "object", "verdict"]].values.tolist() == [["40", "40", "death", "agree"]]


def test_areas_in_square_miles_and_square_kilometres_are_compared_in_one_unit():
    a, b = "The fire destroyed 400 square miles of farmland.", "About 1,000 square kilometres of farmland burned."
    out = figure_agreement(
        _figures(
            _figure("wire", a, "400 square miles", 400, 400, "farmland", "destroy", kind="area", unit="mile ** 2",
                    unit_si="km ** 2"),
            _figure("daily", b, "About 1,000 square kilometres", 900, 1100, "farmland", "burn", kind="area",
                    unit="kilometer ** 2", unit_si="km ** 2"),
        ),
        _documents(*TWO_OUTLETS),
    )
    row = out.iloc[0]
    assert row["unit"] == "km ** 2"
    assert row["low"] == pytest.approx(1035.99, abs=0.01) and row["high"] == pytest.approx(1035.99, abs=0.01)
    assert (row["other_low"], row["other_high"], row["verdict"]) == (900, 1100, "agree")


def test_money_in_different_currencies_is_never_paired():
    a, b = "The EU pledged €50 billion in aid.", "The EU pledged $54 billion in aid."
    out = figure_agreement(
        _figures(_figure("wire", a, "€50 billion", 50e9, 50e9, "aid", "pledge", kind="money", unit="EUR"),
                 _figure("daily", b, "$54 billion", 54e9, 54e9, "aid", "pledge", kind="money", unit="USD")),
        _documents(*TWO_OUTLETS),
    )
    assert out.empty


def test_a_figure_without_bounds_is_undetermined():
    a, b = "Dozens of people were killed.", "A handful of people were killed."
    out = figure_agreement(
        _figures(_figure("wire", a, "Dozens", 24, INF, "people", "kill"),
                 _figure("daily", b, "A handful", NAN, NAN, "people", "kill")),
        _documents(*TWO_OUTLETS),
    )
    assert out[["agree", "verdict"]].values.tolist() == [[False, "undetermined"]]
    assert math.isnan(out["other_low"].iloc[0]) and out["days_apart"].iloc[0] == 1.0


def test_each_figure_is_paired_with_at_most_the_cap_of_later_articles():
    n = MAX_LATER_FIGURES + 10
    ids = [f"d{i:02d}" for i in range(n)]
    sentence = "12 people were killed."
    out = figure_agreement(
        _figures(*(_figure(d, sentence, "12", 12, 12, "people", "kill") for d in ids)),
        _documents(*((d, "Wire", f"2024-03-{1 + i:02d}") for i, d in enumerate(ids))),
        window_days=n,
    )
    # the first 10 figures pair with the cap's 20 later ones; the last 20 with every later one: 19 + 18 + ... + 0
    assert len(out) == 10 * 20 + sum(range(20))
    assert out.groupby("doc_id").size().max() == MAX_LATER_FIGURES
    assert (out["days_apart"] <= MAX_LATER_FIGURES).all()
    first = out[out["doc_id"] == "d00"]["other_doc_id"].tolist()
    assert first == ids[1 : MAX_LATER_FIGURES + 1]


def test_rows_are_sorted_by_the_earlier_then_the_later_figure():
    rows = [
        _figure("c", "30 people died.", "30", 30, 30, "people", "die"),
        _figure("a", "28 people died. 5 houses burned.", "28", 28, 28, "people", "die"),
        _figure("a", "28 people died. 5 houses burned.", "5", 5, 5, "houses", "burn", figure_id=1),
        _figure("b", "Six houses burned.", "Six", 6, 6, "houses", "burn"),
    ]
    out = figure_agreement(
        _figures(*rows), _documents(("a", "X", "2024-03-01"), ("b", "Y", "2024-03-02"), ("c", "Z", "2024-03-03"))
    )
    assert list(zip(out["doc_id"], out["figure_id"], out["other_doc_id"])) == [("a", 0, "c"), ("a", 1, "b")]


def test_empty_inputs_and_a_single_article_give_an_empty_table_with_the_columns():
    columns = list(schema.FigureAgreement.to_schema().columns)
    empty = figure_agreement(_figures(), _documents())
    assert empty.empty and list(empty.columns) == columns
    schema.FigureAgreement.validate(empty)
    single = figure_agreement(
        _figures(_figure("wire", "12 people were killed.", "12", 12, 12, "people", "kill"),
                 _figure("wire", "40 people were killed.", "40", 40, 40, "people", "kill", figure_id=1)),
        _documents(TWO_OUTLETS[0]),
    )
    assert single.empty and list(single.columns) == columns
    assert str(single["other_published_at"].dtype) == "datetime64[ns, UTC]"


def test_built_corpus_with_sidecar_metadata(tmp_path, nlp):
    articles = {
        "strike_reuters": ("Reuters", "2024-03-05", "At least 28 people were killed in the strike on Tuesday.\n"),
        "strike_ap": ("AP", "2024-03-06", "About 30 people died in the attack, officials said.\n"),
        "strike_bbc": ("BBC", "2024-03-07", "Twelve soldiers were wounded near the port.\n"),
    }
    for name, (outlet, published, text) in articles.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        (tmp_path / f"{name}.meta.json").write_text(json.dumps({"outlet": outlet, "published": published}))
    tables = analysis.build(tmp_path, nlp=nlp)
    # only the columns the build reads back for it
    out = figure_agreement(tables.figures[FIGURE_COLUMNS], tables.documents[DOCUMENT_COLUMNS])
    schema.FigureAgreement.validate(out)
    assert out[["doc_id", "text", "other_doc_id", "other_text", "verdict"]].values.tolist() == [
        ["strike_reuters", "At least 28", "strike_ap", "About 30", "consistent"]
    ]
    assert out["basis"].iloc[0].endswith(
        "places not read; 1 days apart (window 7); the day named in the text for one or both")
    # with the places read: neither sentence names one, so the pair stands
    with_places = figure_agreement(tables.figures[FIGURE_COLUMNS], tables.documents[DOCUMENT_COLUMNS],
                                   tables.mentions[MENTION_COLUMNS])
    assert with_places[["doc_id", "other_doc_id", "same_place"]].values.tolist() == [["strike_reuters", "strike_ap", ""]]
    row = out.iloc[0]
    assert tables.text_of(row["doc_id"])[row["start"] : row["end"]] == row["text"]
    assert tables.text_of(row["other_doc_id"])[row["other_start"] : row["other_end"]] == row["other_text"]


def test_chunks_keep_the_order_of_the_whole_table():
    rows = [
        _figure(doc, f"{n} people were killed.", str(n), n, n, "people", "kill", figure_id=k)
        for doc, n, k in (("wire", 12, 0), ("daily", 40, 0), ("wire", 13, 1), ("daily", 12, 1))
    ]
    whole = figure_agreement(_figures(*rows), _documents(*TWO_OUTLETS))
    chunks = list(figure_agreement_chunks(_figures(*rows), _documents(*TWO_OUTLETS), chunk_rows=1))
    assert len(whole) == 4 and [len(c) for c in chunks] == [1, 1, 1, 1]
    pd.testing.assert_frame_equal(pd.concat(chunks, ignore_index=True), whole)


# --- place, time and open bounds --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "mention, key",
    [
        (("the Valen district's", "", ""), "valen district"),
        (("Marrowby", "", ""), "marrowby"),
        (("Kiev", "Kyiv", "alias"), "kyiv"),
        (("Kiev", "Ukraine", "metonym"), "kiev"),  # a metonym stands for a government, not for the place
    ],
)
def test_place_keys(mention, key):
    assert place_key(*mention) == key


def _flood(doc_id: str, n: int, place: str | None, *, sentence_id: int = 0) -> tuple[dict, tuple | None]:
    """A figures row "N homes were flooded in PLACE." and its place mention."""
    sentence = f"{n} homes were flooded" + (f" in {place}." if place else ".")
    figure = _figure(doc_id, sentence, str(n), n, n, "homes", "flood", sentence_id=sentence_id)
    return figure, ((doc_id, sentence_id, place, "GPE") if place else None)


def _pairs_of(*floods: tuple[dict, tuple | None], documents=TWO_OUTLETS, extra_mentions=(), **kwargs) -> list:
    out = figure_agreement(
        _figures(*(f for f, _ in floods)), _documents(*documents),
        _mentions(*(m for _, m in floods if m), *extra_mentions), **kwargs,
    )
    return out[["doc_id", "other_doc_id", "same_place"]].values.tolist()


def test_figures_about_the_same_place_are_paired():
    assert _pairs_of(_flood("wire", 40, "Port Aldren"), _flood("daily", 45, "Port Aldren")) == [
        ["wire", "daily", "port aldren"]]


def test_figures_about_different_places_are_not_paired():
    assert _pairs_of(_flood("wire", 40, "Port Aldren"), _flood("daily", 45, "Kessington")) == []


def test_a_figure_with_a_place_and_one_without_are_not_paired():
    assert _pairs_of(_flood("wire", 40, "Port Aldren"), _flood("daily", 45, None)) == []


def test_a_figure_near_which_no_place_is_named_is_about_the_place_its_article_names_most():
    wire, daily = _flood("wire", 40, None, sentence_id=5), _flood("daily", 45, "Kessington")
    # the wire article names Oldmere twice and Kessington once: its figure is about Oldmere
    named = [("wire", 0, "Oldmere", "GPE"), ("wire", 1, "Kessington", "GPE"), ("wire", 2, "Oldmere", "GPE")]
    assert _pairs_of(wire, daily, extra_mentions=named) == []
    assert _pairs_of(wire, _flood("daily", 45, "Oldmere"), extra_mentions=named) == [["wire", "daily", "oldmere"]]
    # a word of extent without a place says how far, not where: never paired
    nationwide = {**wire[0], "scope": "country"}
    out = figure_agreement(_figures(nationwide, {**_flood("daily", 45, None)[0], "scope": "country"}),
                           _documents(*TWO_OUTLETS), _mentions())
    assert out.empty


def test_a_place_in_the_sentence_before_counts_and_two_places_pair_only_with_the_same_two():
    wire = _flood("wire", 40, None, sentence_id=3)
    daily = _flood("daily", 45, "Kessington")
    before = [("wire", 2, "Kessington", "GPE")]
    assert _pairs_of(wire, daily, extra_mentions=before) == [["wire", "daily", "kessington"]]
    # changed by the cross-article pairs work (was: sharing one of two places was enough): a figure near which two
    # places are named (a country and a region of it, say) may be about either, and pairs with neither alone
    both = [*before, ("wire", 2, "Oldmere", "LOC")]
    assert _pairs_of(wire, daily, extra_mentions=both) == []
    # two sentences before is too far for the sentence's places: the wire figure is about the place its article
    # names most, here the same
    far = _flood("wire", 40, None, sentence_id=4)
    assert _pairs_of(far, daily, extra_mentions=before) == [["wire", "daily", "kessington"]]
    out = figure_agreement(_figures(far[0], daily[0]), _documents(*TWO_OUTLETS), _mentions(*before, daily[1]))
    assert "the place its article names most" in out["basis"].iloc[0]
    # a person or an organisation is no place
    assert _pairs_of(_flood("wire", 40, None), _flood("daily", 45, None), extra_mentions=[
        ("wire", 0, "Hannah Weber", "PERSON"), ("daily", 0, "Redfield Mining", "ORG")]) == [["wire", "daily", ""]]


def test_a_figure_naming_two_places_is_paired_once():
    wire, daily = _flood("wire", 40, "Kessington"), _flood("daily", 45, "Kessington")
    also = [("wire", 0, "Oldmere", "GPE"), ("daily", 0, "Oldmere", "GPE")]
    assert _pairs_of(wire, daily, extra_mentions=also) == [["wire", "daily", "kessington; oldmere"]]


def test_articles_published_within_the_window_are_paired_and_further_apart_not():
    floods = (_flood("wire", 40, None), _flood("daily", 45, None))
    ten_days = (("wire", "Reuters", "2024-03-05"), ("daily", "AP", "2024-03-15"))
    assert WINDOW_DAYS < 10
    assert _pairs_of(*floods, documents=ten_days) == []
    assert _pairs_of(*floods, documents=ten_days, window_days=14) == [["wire", "daily", ""]]


def test_a_figure_whose_day_cannot_be_told_is_not_paired():
    floods = (_flood("wire", 40, None), _flood("daily", 45, None))
    undated = (("wire", "Reuters", ""), ("daily", "AP", ""))
    # an undated article and no day in the clause: the figure cannot be placed in the window
    assert _pairs_of(*floods, documents=(("wire", "Reuters", "2024-03-05"), ("daily", "AP", ""))) == []
    assert _pairs_of(*floods, documents=undated) == []
    # a day named in the clause places it: "40 homes were flooded on March 5, 2024"
    dated = [{**f, "as_of": day} for (f, _), day in zip(floods, ("2024-03-05", "2024-03-07"))]
    out = figure_agreement(_figures(*dated), _documents(*undated), NO_PLACES)
    assert out[["doc_id", "other_doc_id"]].values.tolist() == [["daily", "wire"]]  # undated: by doc_id
    assert math.isnan(out["days_apart"].iloc[0])
    assert out["basis"].iloc[0] == (
        "same object (home, count); neither marked as a day's count nor as a running total; no place named near "
        "either, nor in either article; 2 days apart (window 7); the day named in the text for one or both")
    # ten days apart by the days they name: outside the window, whatever the publication dates
    far = [{**f, "as_of": day} for (f, _), day in zip(floods, ("2024-03-05", "2024-03-15"))]
    assert figure_agreement(_figures(*far), _documents(*TWO_OUTLETS), NO_PLACES).empty
    assert figures_of_unknown_day(_figures(*(f for f, _ in floods)), _documents(*undated)) == 2
    assert figures_of_unknown_day(_figures(*dated), _documents(*undated)) == 0


def test_rows_of_dated_figures_only_are_the_pairable_rows_of_all():
    floods = (_flood("wire", 40, None), _flood("daily", 45, None))
    figures = _figures(*(f for f, _ in floods), {**floods[0][0], "figure_id": 1, "as_of": "2024-03-05"})
    undated = _documents(("wire", "Reuters", ""), ("daily", "AP", ""))
    every = figure_rows(figures, undated, NO_PLACES)
    by_day = every[[pairable(m, d) for m, d in zip(every["measure"], every["day"])]].reset_index(drop=True)
    dated = figure_rows(figures, undated, NO_PLACES, dated_only=True)
    assert len(by_day) == 1
    pd.testing.assert_frame_equal(dated, by_day)
    # none left: no rows, the same columns
    none = figure_rows(figures.head(2), undated, NO_PLACES, dated_only=True)
    assert none.empty and list(none.columns) == list(every.columns)


@pytest.mark.parametrize(
    "first, second, verdict",
    [
        # (span, low, high, approx) of each figure, from sentences "<span> people were evacuated."
        (("more than 100", 100, INF, "more_than"), ("150", 150, 150, "exact"), "consistent"),
        (("more than 100", 100, INF, "more_than"), ("80", 80, 80, "exact"), "disagree"),
        (("at most 5", 0, 5, "at_most"), ("3", 3, 3, "exact"), "consistent"),
        (("at most 5", 0, 5, "at_most"), ("fewer than 10", 0, 10, "less_than"), "consistent"),
        (("at most 5", 0, 5, "at_most"), ("more than 100", 100, INF, "more_than"), "disagree"),
        (("about 120", 108, 132, "about"), ("125", 125, 125, "exact"), "agree"),
        (("between 100 and 120", 100, 120, "range"), ("125", 125, 125, "exact"), "disagree"),
        (("12", 12, 12, "exact"), ("12", 12, 12, "exact"), "agree"),
    ],
)
def test_open_bounds_are_consistent_never_agree(first, second, verdict):
    rows = [
        _figure(doc, f"{span} people were evacuated.", span, low, high, "people", "evacuate", approx=approx)
        for doc, (span, low, high, approx) in (("wire", first), ("daily", second))
    ]
    out = figure_agreement(_figures(*rows), _documents(*SAME_DAY), NO_PLACES)
    assert out["verdict"].tolist() == [verdict]
    assert out["agree"].tolist() == [verdict == "agree"]


def _pairs_by_the_rule(rows: pd.DataFrame, window_days: float) -> set[tuple[int, int]]:
    """The pairing rule written out plainly, figure by figure (positions in ``rows``, which are in publication
    order): in each block of one quantity kind, unit, object and place, a figure is paired with the next
    MAX_LATER_FIGURES figures of later articles, stopping at the first one outside the window, skipping those of
    another event family, scope or modifier (where both give one); a daily or cumulative figure is in the block of
    its measure and day and is paired there whatever the window; a figure whose day is not placed is in no block;
    over all its blocks a figure keeps its MAX_LATER_FIGURES nearest later figures."""
    found: set[tuple[int, int]] = set()
    blocks: dict[tuple, list[int]] = {}
    for position, row in enumerate(rows.itertuples(index=False)):
        dated = row.measure in ("daily", "cumulative")
        if not row.placed:
            continue
        for place in row.places or ("",):
            key = (row.quantity_kind, row.unit_key, row.object_key, row.measure, row.qualifier_key,
                   row.count_family, row.day if dated else "", place)
            blocks.setdefault(key, []).append(position)
    for members in blocks.values():
        for k, i in enumerate(members):
            later = [j for j in members[k + 1 :] if rows.doc_id[j] != rows.doc_id[i]][:MAX_LATER_FIGURES]
            for j in later:
                a, b = rows.day_number[i], rows.day_number[j]
                in_window = not math.isnan(a) and not math.isnan(b) and b - a <= window_days
                if not in_window and rows.measure[i] not in ("daily", "cumulative"):
                    break
                if any(rows[c][i] and rows[c][j] and rows[c][i] != rows[c][j] for c in ("scope_key", "modifier_key")):
                    continue
                if not (rows.family[i] and rows.family[j] and rows.family[i] != rows.family[j]):
                    found.add((i, j))
    kept: set[tuple[int, int]] = set()
    for i in {i for i, _ in found}:
        kept |= {(i, j) for j in sorted(j for e, j in found if e == i)[:MAX_LATER_FIGURES]}
    return kept


@pytest.mark.parametrize("with_measures", [False, True])
def test_pairs_are_those_the_rule_gives_figure_by_figure(with_measures):
    import random

    from analysis.across.figure_agreement import candidate_pairs

    rng = random.Random(7)
    days = sorted([rng.uniform(0, 40) for _ in range(50)]) + [NAN] * 20  # undated articles come last
    rows = []
    for article, day in enumerate(days):
        for _ in range(rng.randint(1, 4)):
            measure = rng.choice(["", "", "daily", "cumulative"]) if with_measures else ""
            named = rng.choice(["2024-03-01", "2024-03-02", ""]) if measure else ""
            rows.append({
                "doc_id": f"d{article:03d}", "quantity_kind": rng.choice(["count", "money"]), "unit_key": "",
                "object_key": rng.choice(["home", "home", "worker"]), "family": rng.choice(["", "", "", "deaths", "injuries"]),
                "places": tuple(sorted(rng.sample(["north", "south", "east"], rng.choice([0, 0, 1, 2])))),
                # an undated article's figure is placed only by a day of a dated measure
                "day_number": NAN if measure else day, "measure": measure, "day": named,
                "placed": bool(named) if measure else not math.isnan(day),
                "scope_key": rng.choice(["", "", "state", "county"]) if with_measures else "",
                "modifier_key": rng.choice(["", "", "transit", "medical"]) if with_measures else "",
                "qualifier_key": rng.choice(["", "", "in intensive care unit"]) if with_measures else "",
            })
    rows = pd.DataFrame(rows)
    # a count's event family is compared strictly (:func:`thing`); a sum's only where both give one
    rows["count_family"] = rows["family"].where(rows["quantity_kind"] == "count", "")
    for window in (3.0, WINDOW_DAYS, 100.0):
        pairs = candidate_pairs(rows, window)
        expected = _pairs_by_the_rule(rows, window)
        assert {tuple(p) for p in pairs.tolist()} == expected and len(pairs) == len(expected)
        assert pairs.tolist() == sorted(pairs.tolist())
    if not with_measures:  # with the widest window some figures reach the cap
        assert max(pd.Series([i for i, _ in expected]).value_counts()) == MAX_LATER_FIGURES


def test_basis_says_when_a_figure_is_dated_by_its_text():
    a, b = "By Friday 12 people were killed.", "12 people were killed, officials said."
    named = figure_agreement(
        _figures(_figure("wire", a, "12", 12, 12, "people", "kill", as_of="friday"),
                 _figure("daily", b, "12", 12, 12, "people", "kill")),
        _documents(*TWO_OUTLETS),
    )
    assert named["basis"].iloc[0].endswith("(window 7); the day named in the text for one or both")
    # dated by publication alone: the basis says nothing of a named day
    unnamed = figure_agreement(
        _figures(_figure("wire", b, "12", 12, 12, "people", "kill"), _figure("daily", b, "12", 12, 12, "people", "kill")),
        _documents(*TWO_OUTLETS),
    )
    assert unnamed["basis"].iloc[0].endswith("1 days apart (window 7)")
