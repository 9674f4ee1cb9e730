"""Figures of the same thing in different articles, and whether they agree: two outlets' death tolls for one
strike, their areas of land taken, the sums pledged.

Produces the ``figure_agreement`` table (:class:`analysis.building.schema.FigureAgreement`) from the ``figures`` and
``documents`` tables of a built corpus. Unit conversions are pint's, through :func:`analysis.extraction.figures.checks.interval_in`, which never raises.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Callable, Iterator

import numpy as np
import pandas as pd

from analysis.building import schema
from analysis.across.publication import publication_order, with_publication
from analysis.extraction.figures.checks import bounds_text, common_unit, interval_in
from analysis.extraction.figures import lexicon

#: Pairs made and validated at a time: a corpus with millions of pairs never holds them all as rows.
PAIRS_PER_CHUNK = 20_000
#: Each figure is compared with at most this many figures of its block from other articles, the next ones in
#: publication order; so a block of n figures yields at most n * MAX_LATER_FIGURES pairs (linear in the corpus)
#: and the pairs kept are those of articles published closest together, the likeliest to report one event.
MAX_LATER_FIGURES = 20
#: Plural endings made singular for matching objects, longest first ("casualties" -> "casualty", "houses" ->
#: "house"); a rough stemmer, because the built tables keep the object as written and no parse is at hand.
PLURAL_ENDINGS = (("ies", "y"), ("sses", "ss"), ("xes", "x"), ("ches", "ch"), ("shes", "sh"), ("s", ""))
#: Nouns with irregular plurals in war, disaster and budget copy; "people" is left as it is (as spaCy does).
IRREGULAR_SINGULARS = {"men": "man", "women": "woman", "children": "child", "lives": "life", "wives": "wife"}
#: Words whose final "s" is no plural ending.
SINGULARS_IN_S = frozenset({"news", "series", "species", "gas", "bus", "status", "campus", "census", "corps"})

#: Figures of articles published further apart than this many days are not paired by default: the same count
#: a week later is as likely a new event or an updated toll as a second report of the same one.
WINDOW_DAYS = 7.0
#: Approximators whose interval is open on one side ("more than 100", "at most 5"): such a figure overlapping
#: another says both can hold, not that the two outlets give the same number (verdict ``consistent``).
OPEN_APPROXIMATORS = frozenset({"at_least", "more_than", "at_most", "less_than"})
#: spaCy entity labels of places: countries, cities and states (GPE), and regions, rivers, seas (LOC).
PLACE_LABELS = frozenset({"GPE", "LOC"})
#: How the catalogue ties a mention to an actor when its canonical name is the place's key; a metonym ("Kyiv"
#: for the government of Ukraine) or a demonym names a place of its own or none, and is keyed as written.
PLACE_ALIAS_KINDS = frozenset({"name", "alias"})

#: What ``basis`` says of a pair made without the ``mentions`` table, when places could not be compared.
PLACES_NOT_READ = "places not read"

#: The ``figures`` columns :func:`figure_agreement` reads (a build can read back only these).
FIGURE_COLUMNS = [
    "doc_id", "sentence_id", "start", "end", "text", "figure_id", "low", "high", "approx", "unit_canonical",
    "quantity_kind", "unit_si", "object", "event", "source",
]
#: The ``mentions`` columns :func:`figure_agreement` reads for the places near each figure.
MENTION_COLUMNS = ["doc_id", "sentence_id", "text", "label", "actor", "alias_kind"]

_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
#: Publication days are counted from here (only their differences matter).
EPOCH = pd.Timestamp(0, tz="UTC")


def singular(word: str) -> str:
    """``word`` (lowercase) with a plural ending removed, by rule: "civilians" -> "civilian", "casualties" ->
    "casualty", "children" -> "child"; words ending in "ss", "us" or "is" and :data:`SINGULARS_IN_S` kept."""
    if word in IRREGULAR_SINGULARS:
        return IRREGULAR_SINGULARS[word]
    if word in SINGULARS_IN_S or word.endswith(("ss", "us", "is")) or len(word) <= 3:
        return word
    for ending, replacement in PLURAL_ENDINGS:
        if word.endswith(ending):
            return word[: -len(ending)] + replacement
    return word


def normalise_object(text: str) -> str:
    """The counted or measured thing for matching across articles: lowercase words with the last one (the
    head noun) made singular ("Civilians" -> "civilian", "Ukrainian soldiers" -> "ukrainian soldier"); empty
    when the figure names no object. Modifiers are kept, so "soldiers" and "Ukrainian soldiers" do not match
    (a missed pair rather than a false one), and synonyms ("people", "civilians") never do."""
    words = _WORD.findall(text.casefold())
    return " ".join(words[:-1] + [singular(words[-1])]) if words else ""


def event_family(event: str) -> str:
    """The event's family from ``figure_events.yaml`` (deaths, injuries, territory, ...), or "" if unknown."""
    return lexicon().event_classes.get(event, "")


def place_key(text: str, actor: str, alias_kind: str) -> str:
    """A place mention as :func:`figure_agreement` compares it: the catalogue's canonical name where the mention
    is that actor's name or alias (so "Kiev" and "Kyiv" are one place), else the words as written; lowercase,
    without a leading "the" or a possessive "'s" ("the Valen district's" -> "valen district")."""
    name = actor if actor and alias_kind in PLACE_ALIAS_KINDS else text
    words = _WORD.findall(name.casefold().replace("\u2019", "'"))
    if words and words[0] == "the":
        words = words[1:]
    if words and words[-1].endswith("'s"):
        words[-1] = words[-1][:-2]
    return " ".join(words)


def sentence_places(mentions: pd.DataFrame) -> dict[tuple[str, int], frozenset[str]]:
    """The places (:data:`PLACE_LABELS`, as :func:`place_key`) each sentence names, by (doc_id, sentence_id)."""
    places = mentions[mentions["label"].isin(PLACE_LABELS)]
    found: dict[tuple[str, int], set[str]] = defaultdict(set)
    for doc_id, sentence_id, text, actor, alias_kind in zip(
        places["doc_id"].astype(str), places["sentence_id"].astype(int), places["text"].astype(str),
        places["actor"].astype(str), places["alias_kind"].astype(str),
    ):
        key = place_key(text, actor, alias_kind)
        if key:
            found[(doc_id, sentence_id)].add(key)
    return {k: frozenset(v) for k, v in found.items()}


def _places_near(rows: pd.DataFrame, mentions: pd.DataFrame) -> list[tuple[str, ...]]:
    """For each figure of ``rows``, the places named in its sentence or the sentence before, sorted."""
    named = sentence_places(mentions)
    empty: frozenset[str] = frozenset()
    return [
        tuple(sorted(named.get((doc, sentence), empty) | named.get((doc, sentence - 1), empty)))
        for doc, sentence in zip(rows["doc_id"].astype(str), rows["sentence_id"].astype(int))
    ]


def _blocked(figures: pd.DataFrame, documents: pd.DataFrame, mentions: pd.DataFrame | None) -> pd.DataFrame:
    """The figures that name an object, with their block key, interval in the comparison unit, event family,
    open bound, places near them (none when ``mentions`` is None) and publication day, in publication order."""
    rows = with_publication(figures, publication_order(documents))
    rows = rows.assign(
        object_key=[normalise_object(o) for o in rows["object"]],
        unit_key=[common_unit(*k) for k in zip(rows["quantity_kind"], rows["unit_canonical"], rows["unit_si"])],
        family=[event_family(e) for e in rows["event"]],
    )
    rows = rows[rows["object_key"] != ""]
    intervals = [interval_in(*k) for k in zip(rows["low"], rows["high"], rows["unit_canonical"], rows["unit_key"])]
    rows = rows.assign(
        low_in=[i[0] for i in intervals],
        high_in=[i[1] for i in intervals],
        open_bound=rows["approx"].isin(OPEN_APPROXIMATORS).to_numpy() | np.isinf([i[1] for i in intervals]),
        places=_places_near(rows, mentions) if mentions is not None else [()] * len(rows),
        day=(pd.to_datetime(rows["published_at"], utc=True) - EPOCH).dt.total_seconds().to_numpy() / 86400,
    )
    return rows.sort_values(["rank", "doc_id", "figure_id"], kind="stable").reset_index(drop=True)


def _within(day: float, later_day: float, window_days: float) -> bool:
    """Two publication days (NaN: undated) close enough to pair: both dated and at most ``window_days`` apart,
    or both undated."""
    if np.isnan(day) or np.isnan(later_day):
        return bool(np.isnan(day) and np.isnan(later_day))
    return later_day - day <= window_days


def _candidate_pairs(block: pd.DataFrame, window_days: float) -> Iterator[tuple[int, int]]:
    """(earlier, later) row labels of one block's pairs, the block in publication order: each figure with the
    next :data:`MAX_LATER_FIGURES` figures of later articles published within ``window_days`` (undated
    articles come last in the order, so the figures in the window are the next ones), kept when their event
    families do not differ."""
    labels, docs, families = block.index.tolist(), block["doc_id"].tolist(), block["family"].tolist()
    days = block["day"].tolist()
    next_article = len(labels)
    for i in reversed(range(len(labels))):
        # rows of one article are adjacent: the next article's figures start where this article's run ends
        if i + 1 < len(labels) and docs[i + 1] != docs[i]:
            next_article = i + 1
        for j in range(next_article, min(next_article + MAX_LATER_FIGURES, len(labels))):
            if not _within(days[i], days[j], window_days):
                break
            if not (families[i] and families[j] and families[i] != families[j]):
                yield labels[i], labels[j]


def _place_blocks(rows: pd.DataFrame) -> Iterator[pd.DataFrame]:
    """The blocks figures are paired in: the same quantity kind, unit and object, and one place named near the
    figure (a figure naming two places is in two blocks) or, for figures near which no place is named, none."""
    keyed = rows.assign(place=[list(p) or [""] for p in rows["places"]]).explode("place")
    for _, block in keyed.groupby(["quantity_kind", "unit_key", "object_key", "place"], sort=True):
        yield block


def _describe(text: str, outlet: str, doc_id: str, published_at, source: str) -> str:
    when = "" if pd.isna(published_at) else f", {published_at:%Y-%m-%d}"
    who = f", attributed to {source}" if source else ""
    return f"“{text}” ({outlet or doc_id}{when}{who})"


def _finding(verdict: str, both: str, thing: str, unit: str, agreed: str, text_a: str, text_b: str) -> str:
    """The sentence that says what two figures of ``thing`` (described together in ``both``) show: ``agreed``
    is the interval both allow, ``text_a`` and ``text_b`` each figure's own (:func:`bounds_text`)."""
    if verdict == "undetermined":
        return f"{both} on {thing} cannot be compared: one gives no bounds."
    if verdict == "agree":
        return f"{both} agree on {thing}: both allow {agreed}."
    if verdict == "consistent":
        return f"{both} on {thing} can both hold, though one is an open bound: both allow {agreed}."
    return f"{both} disagree on {thing}: {text_a} against {text_b}."


def _basis(thing: str, unit: str, places: str, days_apart: float, window_days: float, places_read: bool) -> str:
    """On what a pair was made, in words (the ``basis`` column)."""
    what = f"same object ({thing}" + (f", {unit})" if unit else ", count)")
    if not places_read:
        where = PLACES_NOT_READ
    else:
        where = f"same place ({places})" if places else "no place named near either"
    when = "both undated" if np.isnan(days_apart) else f"{days_apart:.4g} days apart (window {window_days:g})"
    return f"{what}; {where}; {when}"


#: ``figure_agreement`` columns copied from the earlier figure (``a``) and, as ``other_*``, from the later.
_EARLIER_COLUMNS = ("doc_id", "sentence_id", "start", "end", "text", "figure_id", "outlet", "published_at", "source")


def _per_figure(rows: pd.DataFrame, write: Callable[..., str], columns: tuple[str, ...]) -> list[str]:
    """``write(*row[columns])`` for every row of ``rows``, by position."""
    return [write(*fields) for fields in zip(*(rows[c].tolist() for c in columns))]


def _pair_frame(
    rows: pd.DataFrame, earlier: np.ndarray, later: np.ndarray, described: list[str], own: list[str], *,
    window_days: float, places_read: bool,
) -> pd.DataFrame:
    """The table rows of the pairs (``earlier[k]``, ``later[k]``), positions in ``rows``: columns are taken
    whole, and only the finding and basis are written row by row, from each figure's description and interval
    text (``described``, ``own``: a figure is in many pairs, so these are written once per figure)."""
    a = rows.iloc[earlier].reset_index(drop=True)
    b = rows.iloc[later].reset_index(drop=True)
    bounds = [frame[column].to_numpy(dtype=float) for frame in (a, b) for column in ("low_in", "high_in")]
    low_a, high_a, low_b, high_b = bounds
    unknown = np.isnan(low_a) | np.isnan(high_a) | np.isnan(low_b) | np.isnan(high_b)
    overlap = np.maximum(low_a, low_b) <= np.minimum(high_a, high_b)
    open_bound = a["open_bound"].to_numpy(dtype=bool) | b["open_bound"].to_numpy(dtype=bool)
    verdict = np.where(
        unknown, "undetermined", np.where(overlap, np.where(open_bound, "consistent", "agree"), "disagree")
    )
    days_apart = (b["published_at"] - a["published_at"]).dt.total_seconds() / 86400
    same_place = ["; ".join(sorted(set(p) & set(q))) for p, q in zip(a["places"], b["places"])]
    agreed = [
        bounds_text(max(la, lb), min(ha, hb), unit) if v in ("agree", "consistent") else ""
        for v, la, ha, lb, hb, unit in zip(verdict.tolist(), *(x.tolist() for x in bounds), a["unit_key"].tolist())
    ]
    findings = [
        _finding(v, f"{described[i]} and {described[j]}", thing, unit, both_allow, own[i], own[j])
        for v, i, j, thing, unit, both_allow in zip(
            verdict.tolist(), earlier.tolist(), later.tolist(), a["object_key"].tolist(), a["unit_key"].tolist(), agreed
        )
    ]
    columns = {column: a[column] for column in _EARLIER_COLUMNS}
    columns |= {f"other_{column}": b[column] for column in _EARLIER_COLUMNS}
    columns |= {
        "days_apart": days_apart,
        "object": a["object_key"],
        "quantity_kind": a["quantity_kind"],
        "unit": a["unit_key"],
        "low": low_a,
        "high": high_a,
        "other_low": low_b,
        "other_high": high_b,
        "agree": verdict == "agree",
        "verdict": verdict,
        "finding": findings,
        "same_place": same_place,
        "basis": [
            _basis(thing, unit, place, days, window_days, places_read)
            for thing, unit, place, days in zip(
                a["object_key"].tolist(), a["unit_key"].tolist(), same_place, days_apart.tolist()
            )
        ],
    }
    return pd.DataFrame(columns)[schema.columns("figure_agreement")]


def figure_agreement(
    figures: pd.DataFrame, documents: pd.DataFrame, mentions: pd.DataFrame | None = None, *,
    window_days: float = WINDOW_DAYS,
) -> pd.DataFrame:
    """One row per pair of figures from different articles that count or measure the same thing, about the same
    place, in articles published close together.

    Same thing: the same quantity kind, comparable unit (:func:`analysis.extraction.figures.checks.common_unit`)
    and normalised object (:func:`normalise_object`; a figure without an object is never paired), and events of
    the same family where both are known ("killed" and "died" are both deaths; "killed" and "evacuated" are
    not). Same place: the places named in the figure's sentence or the sentence before (``mentions`` of
    :data:`PLACE_LABELS`, keyed by :func:`place_key`) share at least one, or neither figure has any; without
    ``mentions`` places are not read and this condition is dropped (``basis`` says so). Close together: both
    articles published at most ``window_days`` apart, or both undated; a dated and an undated article are
    never paired. Figures of one article are left to ``figure_consistency``. Each figure is paired with at
    most :data:`MAX_LATER_FIGURES` figures of later articles in its block (the next in publication order),
    which keeps the table linear in the corpus.

    Verdicts: ``agree`` when both intervals are bounded on both sides and overlap; ``consistent`` when they
    overlap but one is an open bound (:data:`OPEN_APPROXIMATORS`, or no upper bound): "more than 100" and "150"
    can both hold without saying the same; ``disagree`` when they cannot both hold; ``undetermined`` when a
    figure gives no bounds.

    One row per pair rather than per figure of a group: agreement is a relation between two reports, and a
    pair row carries both provenances and its own verdict without choosing a reference figure. Not found:
    figures whose objects are synonyms or differ by a modifier, places named further from the figure (a
    dateline, an earlier paragraph), place names written differently and unknown to the catalogue ("US" and
    "United States"), and time expressions in the text (only publication dates are read); two events of the
    same kind in the same place and week are still paired: read ``basis`` and the findings.
    Rows are sorted by the earlier figure (publication order, doc_id, figure_id), then the later one.
    """
    chunks = list(figure_agreement_chunks(figures, documents, mentions, window_days=window_days))
    return pd.concat(chunks, ignore_index=True) if chunks else schema.empty("figure_agreement")


def figure_agreement_chunks(
    figures: pd.DataFrame, documents: pd.DataFrame, mentions: pd.DataFrame | None = None, *,
    window_days: float = WINDOW_DAYS, chunk_rows: int = PAIRS_PER_CHUNK,
) -> Iterator[pd.DataFrame]:
    """:func:`figure_agreement`'s rows in validated chunks of at most ``chunk_rows``, in the table's order: what
    a build writes as it goes, so that a corpus with millions of pairs never holds them all as rows."""
    rows = _blocked(figures, documents, mentions)
    # the pairs as two integer arrays (row positions), sorted by the earlier figure then the later one; a pair
    # of figures that share two places is found in both places' blocks, and kept once
    pairs = np.fromiter(
        (k for block in _place_blocks(rows) for pair in _candidate_pairs(block, window_days) for k in pair),
        dtype=np.int64,
    ).reshape(-1, 2)
    if len(pairs):
        pairs = np.unique(pairs, axis=0)
        # a figure named with several places is in several blocks: over all of them it keeps its
        # MAX_LATER_FIGURES nearest later figures (rows are in publication order), as a figure in one block does
        rank = np.arange(len(pairs)) - np.searchsorted(pairs[:, 0], pairs[:, 0], side="left")
        pairs = pairs[rank < MAX_LATER_FIGURES]
    described = _per_figure(rows, _describe, ("text", "outlet", "doc_id", "published_at", "source"))
    own = _per_figure(rows, bounds_text, ("low_in", "high_in", "unit_key"))
    for start in range(0, len(pairs), chunk_rows):
        earlier, later = pairs[start : start + chunk_rows].T
        yield schema.validate("figure_agreement", _pair_frame(
            rows, earlier, later, described, own, window_days=window_days, places_read=mentions is not None))
