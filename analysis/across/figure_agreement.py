"""Figures of the same thing in different articles, and whether they agree: two outlets' death tolls for one
strike, their areas of land taken, the sums pledged.

Produces the ``figure_agreement`` table (:class:`analysis.building.schema.FigureAgreement`) from the ``figures`` and
``documents`` tables of a built corpus. Unit conversions are pint's, through :func:`analysis.extraction.figures.checks.interval_in`, which never raises.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Callable, Iterator

import numpy as np
import pandas as pd

from analysis.building import schema
from analysis.across.publication import in_publication_order, publication_order, texts_of, with_publication
from analysis.extraction.figures.checks import bounds_text, common_unit, interval_in
from analysis.extraction.figures.context import context_words
from analysis.extraction.figures.numbers import rounding_half_width
from analysis.extraction.figures.sameness import (
    KNOWN_PARTS, PLACES_JOINED, SCENARIO_MEASURES, SHARED_PARTS, UNPAIRED_MEASURES, WORLD, event_family,
    normalise_object, object_key, place_key, place_keys, places_near, singular, strict_place_key, thing,
)

__all__ = [
    "FIGURE_COLUMNS", "MENTION_COLUMNS", "WINDOW_DAYS", "candidate_pairs", "day_key", "event_family",
    "figure_agreement", "figure_agreement_chunks", "figure_rows", "figures_of_unknown_day", "in_pairing_order",
    "normalise_object", "object_key", "pair_rows", "pairable", "place_key", "place_keys", "singular",
]

#: Pairs made and validated at a time: a corpus with millions of pairs never holds them all as rows.
PAIRS_PER_CHUNK = 20_000
#: Each figure is compared with at most this many figures of its block from other articles, the next ones in
#: publication order; so a block of n figures yields at most n * MAX_LATER_FIGURES pairs (linear in the corpus)
#: and the pairs kept are those of articles published closest together, the likeliest to report one event.
MAX_LATER_FIGURES = 20
#: Figures of articles published further apart than this many days are not paired by default: the same count
#: a week later is as likely a new event or an updated toll as a second report of the same one.
WINDOW_DAYS = 7.0
#: Approximators whose interval is open on one side ("more than 100", "at most 5"): such a figure overlapping
#: another says both can hold, not that the two outlets give the same number (verdict ``consistent``).
OPEN_APPROXIMATORS = frozenset({"at_least", "more_than", "at_most", "less_than"})
#: spaCy entity labels of places: countries, cities and states (GPE), and regions, rivers, seas (LOC).
PLACE_LABELS = frozenset({"GPE", "LOC"})

#: What ``basis`` says of a pair made without the ``mentions`` table, when places could not be compared.
PLACES_NOT_READ = "places not read"
#: Measures of a count that changes from day to day: two figures of one of them are compared only when they
#: are of the same day, never across the window (a running total grows; one day's count is not the next's).
DATED_MEASURES = frozenset({"daily", "cumulative"})
#: Measures of a count that rises through the day: outlets print snapshots of one running total hours apart
#: ("at least 3,100 deaths" at noon, "3,400" in the evening), so two of one day that differ are undetermined,
#: and two equal within the rounding of the printed figures agree.
TIMED_MEASURES = frozenset({"cumulative"})

#: The ``figures`` columns :func:`figure_agreement` reads (a build can read back only these).
FIGURE_COLUMNS = [
    "doc_id", "sentence_id", "start", "end", "text", "figure_id", "low", "high", "approx", "unit_canonical",
    "quantity_kind", "unit_si", "object", "event", "scope", "measure", "as_of", "combined", "place", "modifier",
    "qualifier", "source",
]
#: The ``mentions`` columns :func:`figure_agreement` reads for the places near each figure.
MENTION_COLUMNS = ["doc_id", "sentence_id", "text", "label", "actor", "alias_kind"]

#: Publication days are counted from here (only their differences matter).
EPOCH = pd.Timestamp(0, tz="UTC")


def _place_mentions(mentions: pd.DataFrame) -> Iterator[tuple[str, int, str, str]]:
    """(doc_id, sentence_id, text as written, :func:`place_key`) of each place mention (:data:`PLACE_LABELS`),
    in the order of ``mentions``."""
    places = mentions[mentions["label"].isin(PLACE_LABELS)]
    for doc_id, sentence_id, text, actor, alias_kind in zip(
        texts_of(places["doc_id"]), places["sentence_id"].astype(int).tolist(), texts_of(places["text"]),
        texts_of(places["actor"]), texts_of(places["alias_kind"]),
    ):
        key = place_key(text, actor, alias_kind)
        if key:
            yield doc_id, sentence_id, text, key


def sentence_places(mentions: pd.DataFrame) -> dict[tuple[str, int], frozenset[str]]:
    """The places (:data:`PLACE_LABELS`, as :func:`place_key`) each sentence names, by (doc_id, sentence_id)."""
    found: dict[tuple[str, int], set[str]] = defaultdict(set)
    for doc_id, sentence_id, _, key in _place_mentions(mentions):
        found[(doc_id, sentence_id)].add(key)
    return {k: frozenset(v) for k, v in found.items()}


def article_places(mentions: pd.DataFrame) -> dict[str, str]:
    """The place each article names most often (as :func:`place_key`; among places named as often, the one named
    first), by doc_id: the place a figure near which none is named is taken to be about."""
    counts: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for doc_id, sentence_id, _, key in _place_mentions(mentions):
        seen = counts[doc_id].setdefault(key, [0, sentence_id])
        seen[0] += 1
        seen[1] = min(seen[1], sentence_id)
    return {doc: min(keys, key=lambda k: (-keys[k][0], keys[k][1], k)) for doc, keys in counts.items()}


def _places_near(rows: pd.DataFrame, mentions: pd.DataFrame) -> tuple[list[tuple[str, ...]], list[bool]]:
    """For each figure of ``rows``, the places it is about, sorted, and whether they are its article's: the place
    its own words put it in (the ``place`` column, keyed as its mention is), else the places named in its
    sentence, or else in the sentence before (:func:`~analysis.extraction.figures.sameness.places_near`), or else,
    when no word of its clause gives its extent, the place its article names most (:func:`article_places`)."""
    named = sentence_places(mentions)
    keyed = {(doc, sentence, text): key for doc, sentence, text, key in _place_mentions(mentions)}
    of_article = article_places(mentions)
    empty: frozenset[str] = frozenset()
    places, from_article = [], []
    for doc, sentence, scope, own, joined in zip(
        texts_of(rows["doc_id"]), rows["sentence_id"].astype(int).tolist(), texts_of(rows["scope"]),
        texts_of(rows["place"]), rows["combined"].astype(bool).tolist(),
    ):
        near = places_near(named.get((doc, sentence), empty), named.get((doc, sentence - 1), empty), scope)
        if own and not joined:  # places counted together are read from the sentence
            near = (keyed.get((doc, sentence, own)) or place_key(own),)
        article = not near and not scope and doc in of_article
        places.append((of_article[doc],) if article else near)
        from_article.append(article)
    return places, from_article


def day_key(as_of: str, published_at) -> str:
    """The day a figure counts, as ``YYYY-MM-DD``: the day its clause names (``as_of``), a year-less day in its
    article's year, a weekday the last such day on or before publication, "today"/"yesterday" from
    publication; with no day named, the publication day (UTC). A year-less day of an undated article stays
    ``--MM-DD`` (it matches only the same); empty when the day cannot be told (undated, or a weekday)."""
    published = None if pd.isna(published_at) else pd.Timestamp(published_at).tz_convert("UTC").normalize()
    if as_of[:1].isdigit():
        return as_of
    if as_of.startswith("--"):
        return f"{published.year:04d}{as_of[1:]}" if published is not None else as_of
    if published is None:
        return ""
    offsets = context_words().day_words
    if as_of in offsets:
        return (published + pd.Timedelta(days=offsets[as_of])).strftime("%Y-%m-%d")
    weekdays = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    if as_of in weekdays:
        back = (published.weekday() - weekdays.index(as_of)) % 7
        return (published - pd.Timedelta(days=back)).strftime("%Y-%m-%d")
    return published.strftime("%Y-%m-%d")


def pairable(measure: str, day: str, place_unknown: bool = False) -> bool:
    """Whether a figure can be paired at all: it counts something (not a threshold or a rate's base,
    :data:`~analysis.extraction.figures.sameness.UNPAIRED_MEASURES`), its day can be placed (:func:`day_known`),
    and it is not of a place that cannot be told (``place_unknown``: a word of extent such as "nationwide" and no
    place named near it)."""
    return measure not in UNPAIRED_MEASURES and not place_unknown and day_known(measure, day)


def day_known(measure: str, day: str) -> bool:
    """Whether a figure's day (:func:`day_key`) can be placed: a day's count or a running total needs its day
    (a year-less day of an undated article matches the same); any other figure a full date, to be placed in the
    window. A figure of an undated article whose clause names no day is never paired."""
    return bool(day) if measure in DATED_MEASURES else day[:1].isdigit()


#: The :func:`figure_rows` column of each part of a figure's :class:`~analysis.extraction.figures.sameness.Thing`.
PART_COLUMNS = {"quantity_kind": "quantity_kind", "unit": "unit_key", "object": "object_key", "measure": "measure",
                "qualifier": "qualifier_key", "family": "family", "scope": "scope_key", "modifier": "modifier_key",
                "count_family": "count_family"}

#: What :func:`figure_rows` gives each figure: what pairing reads of it, and what the table copies from it.
ROW_COLUMNS = [
    "doc_id", "sentence_id", "start", "end", "text", "figure_id", "outlet", "published_at", "listed", "source",
    "quantity_kind", "unit_key", "object_key", "family", "scope", "scope_key", "modifier_key", "qualifier_key",
    "count_family", "measure", "day", "day_named", "low_in", "high_in", "rounding_in", "open_bound", "places", "place_from_article",
    "place_unknown",
]


def figure_rows(
    figures: pd.DataFrame, documents: pd.DataFrame, mentions: pd.DataFrame | None, *, dated_only: bool = False
) -> pd.DataFrame:
    """The figures that name an object, each with the parts of what it counts (:data:`PART_COLUMNS`, from
    :func:`~analysis.extraction.figures.sameness.thing`), its day (:func:`day_key`), interval in the comparison
    unit, open bound, the places near it (a sorted tuple; none when ``mentions`` is None) and its article's outlet
    and publication time (:data:`ROW_COLUMNS`), in the order of ``figures``.

    A figure's row depends on its own article alone (its figures, mentions and ``documents`` row), so the rows of
    a corpus are those of its parts put together: a folder build derives them chunk by chunk and keeps them.

    With ``dated_only``, only the figures :func:`pairable` may accept by their measure and day (whatever their
    places) get a row, the same row: the others are dropped as soon as their day is known (and with none left,
    the frame has no rows and its columns no particular dtype). Speed: a folder build
    keeps only pairable figures, and an undated corpus has almost none, so the parts, intervals and places of
    every other figure were worked out to be thrown away (most of this function's time on generated articles).
    """
    rows = with_publication(figures, publication_order(documents))
    rows = rows.assign(
        unit_key=[common_unit(*k) for k in zip(*_values(rows, "quantity_kind", "unit_canonical", "unit_si"))],
        day=[day_key(a, p) for a, p in zip(*_values(rows, "as_of", "published_at"))],
        # the day a figure counts is its text's ("as of April 11", "on Saturday") rather than its publication's
        day_named=rows["as_of"].astype(str) != "",
    )
    if dated_only:
        rows = rows[np.array([pairable(m, d) for m, d in zip(*_values(rows, "measure", "day"))], dtype=bool)]
        if not len(rows):
            # no figure left (every chunk of an undated corpus): the steps below cost about 40 ms of pandas
            # calls a chunk even on no rows, and a build keeps no row of an empty frame, whatever its dtypes
            return pd.DataFrame({column: [] for column in ROW_COLUMNS})
    things = [thing(*parts) for parts in zip(*(texts_of(rows[c]) if c != "quantity_kind" else rows[c].tolist() for c in (
        "quantity_kind", "unit_key", "object", "event", "scope", "measure", "modifier", "qualifier")))]
    rows = rows.assign(**{column: [getattr(t, part) for t in things] for part, column in PART_COLUMNS.items()
                          if column not in ("quantity_kind", "unit_key", "measure")})
    rows = rows[rows["object_key"] != ""]
    intervals = [interval_in(*k) for k in zip(*_values(rows, "low", "high", "unit_canonical", "unit_key"))]
    rows = rows.assign(
        low_in=np.array([i[0] for i in intervals], dtype=float),
        high_in=np.array([i[1] for i in intervals], dtype=float),
        rounding_in=[_rounding_in(*k) for k in zip(*_values(rows, "approx", "low", "high", "unit_canonical", "unit_key"))],
        open_bound=rows["approx"].isin(OPEN_APPROXIMATORS).to_numpy() | np.isinf([i[1] for i in intervals]),
    )
    near, from_article = _places_near(rows, mentions) if mentions is not None else ([()] * len(rows), [False] * len(rows))
    places = [strict_place_key(place_keys(p, scope, joined))
              for p, scope, joined in zip(near, rows["scope"].tolist(), rows["combined"].astype(bool).tolist())]
    rows = rows.assign(
        places=places, place_from_article=from_article,
        # a word of extent without a place ("nationwide") says how far, not where: which country, nothing tells
        place_unknown=[mentions is not None and not p and scope not in ("", WORLD)
                       for p, scope in zip(places, rows["scope"].tolist())],
    )
    return rows[ROW_COLUMNS].reset_index(drop=True)


def _values(rows: pd.DataFrame, *columns: str) -> list[list]:
    """The values of ``columns`` as lists, as iterating each column gives them: iterating a column of pandas'
    Arrow-backed text builds a Python object per value through pyarrow (about 30 times as slow as ``tolist``)."""
    return [rows[column].tolist() for column in columns]


def _rounding_in(approx: str, low: float, high: float, unit_canonical: str, unit: str) -> float:
    """How far the values a figure written exactly may stand for lie from it, by its printed rounding
    (:func:`~analysis.extraction.figures.numbers.rounding_half_width`: "3,100" stands for 3,050 to 3,150), in the
    comparison unit; 0 for a figure with an approximator, whose interval says it already."""
    if approx != "exact" or low != high or not np.isfinite(low):
        return 0.0
    half = rounding_half_width(low)
    below, above = interval_in(low - half, low + half, unit_canonical, unit)
    return (above - below) / 2 if np.isfinite(above - below) else 0.0


def in_pairing_order(rows: pd.DataFrame) -> pd.DataFrame:
    """:func:`figure_rows` of a corpus in publication order (then doc_id, figure_id), with the ``day_number`` of
    the day each one counts (days since :data:`EPOCH`; NaN when :func:`day_known` says it cannot be placed) and
    whether it is ``placed`` in any block (:func:`pairable`): a figure's position here is its label in
    :func:`candidate_pairs`."""
    rows = in_publication_order(rows, ["figure_id"])
    placed = np.array([pairable(m, d, u) for m, d, u in zip(rows["measure"], rows["day"], rows["place_unknown"])],
                      dtype=bool)
    full = placed & np.array([d[:1].isdigit() for d in rows["day"]], dtype=bool)
    days = pd.to_datetime(rows["day"].where(full, None), utc=True, format="%Y-%m-%d")
    return rows.assign(placed=placed, day_number=(days - EPOCH).dt.total_seconds().to_numpy() / 86400)


def figures_of_unknown_day(figures: pd.DataFrame, documents: pd.DataFrame) -> int:
    """How many figures of a corpus that name an object :func:`figure_agreement` leaves out because the day
    they count cannot be told (:func:`day_known`: an undated article, and no day named in the clause)."""
    rows = figure_rows(figures, documents, None)
    return int(sum(not day_known(m, d) and m not in UNPAIRED_MEASURES for m, d in zip(rows["measure"], rows["day"])))


#: Earlier figures whose pairs are found at a time: bounds the arrays pairing holds (about twenty slots each).
PAIRING_BATCH = 8192


def candidate_pairs(rows: pd.DataFrame, window_days: float) -> np.ndarray:
    """The pairs of figures of :func:`in_pairing_order` rows, as (earlier, later) positions sorted by the earlier
    then the later figure, each pair once.

    Figures are paired in blocks: the same :data:`~analysis.extraction.figures.sameness.SHARED_PARTS` (quantity
    kind, unit, object, measure, qualifier, a count's event family), the same day for a dated measure, and one place key of the figure
    (:func:`figure_rows` gives each figure one, or none; a figure with several keys would be in several blocks)
    or, for figures with none, none; a figure that cannot be paired (``placed``: :func:`pairable`) is in none. In each block, each figure is paired with the next
    :data:`MAX_LATER_FIGURES` figures of later articles whose days are within ``window_days`` of its own, when
    their :data:`~analysis.extraction.figures.sameness.KNOWN_PARTS` (event family, scope, modifier) do not
    differ where both are known. A figure in several blocks keeps its
    :data:`MAX_LATER_FIGURES` nearest later figures over all of them (rows are in publication order), as a
    figure in one block does.
    """
    if not len(rows):
        return np.empty((0, 2), dtype=np.int64)
    # one entry per figure and place named near it ("" for none)
    places = [p if len(p) else ("",) for p in rows["places"]]
    repeats = np.fromiter((len(p) for p in places), dtype=np.int64, count=len(places))
    position = np.repeat(np.arange(len(rows)), repeats)
    # a count of a day, or a running total, is compared only with one of the same day: the day is in its key,
    # and one whose day is unknown is in no block
    dated = rows["measure"].isin(DATED_MEASURES).to_numpy()
    unplaced = ~rows["placed"].to_numpy(dtype=bool)
    day = np.where(unplaced, None, np.where(dated, rows["day"].to_numpy(dtype=object), ""))
    keys = rows[[PART_COLUMNS[p] for p in SHARED_PARTS]].assign(day=day).iloc[position].assign(
        place=[place for p in places for place in p])
    block = keys.groupby(list(keys.columns), sort=False).ngroup().to_numpy()
    position, block = position[block >= 0], block[block >= 0]  # a missing key is in no block
    # entries of one block together, in publication order; rows of one article are adjacent within a block
    order = np.lexsort((position, block))
    block, position = block[order], position[order]
    doc = pd.factorize(rows["doc_id"].to_numpy())[0][position]
    known = np.stack([_known_codes(rows[PART_COLUMNS[p]])[position] for p in KNOWN_PARTS]) if len(position) else (
        np.empty((len(KNOWN_PARTS), 0), dtype=np.int64))
    timed = dated[position]
    day = rows["day_number"].to_numpy(dtype=float)[position]
    n = len(position)
    # each entry's candidates are the next MAX_LATER_FIGURES entries of its block from where the next article's
    # figures start (the end of its own article's run), and no further than its block's end
    run_start = np.flatnonzero(np.r_[True, (block[1:] != block[:-1]) | (doc[1:] != doc[:-1])])
    next_article = np.repeat(np.r_[run_start[1:], n], np.diff(np.r_[run_start, n]))
    block_start = np.flatnonzero(np.r_[True, block[1:] != block[:-1]])
    block_end = np.repeat(np.r_[block_start[1:], n], np.diff(np.r_[block_start, n]))
    # a batch of earlier figures at a time, with all their entries: their pairs are then complete and sorted
    by_figure = np.argsort(position, kind="stable")
    bounds = np.searchsorted(position[by_figure], np.arange(0, len(rows) + PAIRING_BATCH, PAIRING_BATCH))
    found = [_pairs_of(by_figure[lo:hi], position, next_article, block_end, day, known, timed, window_days,
                       len(rows))
             for lo, hi in zip(bounds[:-1], bounds[1:]) if hi > lo]
    return np.concatenate(found) if found else np.empty((0, 2), dtype=np.int64)


def _known_codes(values: pd.Series) -> np.ndarray:
    """A code per value of one of the parts compared only where known, -1 for an empty one (unknown)."""
    codes, uniques = pd.factorize(values.to_numpy())
    empty = np.flatnonzero(np.asarray(uniques, dtype=object) == "")
    return np.where(np.isin(codes, empty), -1, codes)


def _pairs_of(
    entries: np.ndarray, position: np.ndarray, next_article: np.ndarray, block_end: np.ndarray, day: np.ndarray,
    known: np.ndarray, timed: np.ndarray, window_days: float, figures: int,
) -> np.ndarray:
    """The pairs of the earlier figures these ``entries`` (all of theirs) stand for, sorted (see
    :func:`candidate_pairs`); ``known`` holds one row of codes per part compared only where known."""
    later = next_article[entries, None] + np.arange(MAX_LATER_FIGURES)
    keep = later < block_end[entries, None]
    earlier, later = np.broadcast_to(entries[:, None], later.shape)[keep], later[keep]
    # the days each figure counts (a day its clause names, else its publication day), within the window: a mask
    with np.errstate(invalid="ignore"):
        within = np.abs(day[later] - day[earlier]) <= window_days
    within |= timed[earlier]  # a dated measure's block is of one day: its publications may be further apart
    part_a, part_b = known[:, earlier], known[:, later]
    keep = within & np.all((part_a < 0) | (part_b < 0) | (part_a == part_b), axis=0)
    # each pair as one integer, sorted, once (a pair of figures sharing two places is found in both blocks)
    pairs = np.sort(position[earlier[keep]] * figures + position[later[keep]])
    pairs = pairs[np.diff(pairs, prepend=-1) != 0]
    first, second = np.divmod(pairs, figures)
    starts = np.flatnonzero(np.diff(first, prepend=-1) != 0)
    rank = np.arange(len(first)) - np.repeat(starts, np.diff(np.r_[starts, len(first)]))
    kept = rank < MAX_LATER_FIGURES
    return np.stack([first[kept], second[kept]], axis=1)


def _describe(text: str, outlet: str, doc_id: str, published_at, source: str) -> str:
    when = "" if pd.isna(published_at) else f", {published_at:%Y-%m-%d}"
    who = f", attributed to {source}" if source else ""
    return f"“{text}” ({outlet or doc_id}{when}{who})"


#: Why a pair is ``undetermined``: a figure gives no bounds, two projections differ (they may be two scenarios),
#: two running totals of one day differ (they may be snapshots hours apart), or two counts of different days
#: differ (the count may have changed in between).
NO_BOUNDS, SCENARIOS, SNAPSHOTS, DAYS = "no bounds", "scenarios", "snapshots", "days"
#: Quantity kinds that a day can change: a count grows between two reports (a toll, cases, homes found
#: destroyed), so two counts of different days that differ contradict nothing; a sum, an area, a share said on
#: two days is compared as one.
CHANGING_KINDS = frozenset({"count"})
#: Why a pair agrees only within the printed rounding of its figures ("3,100" and "3,112" of one day).
ROUNDED = "rounded"


def _finding(verdict: str, why: str, both: str, thing: str, agreed: str, text_a: str, text_b: str) -> str:
    """The sentence that says what two figures of ``thing`` (described together in ``both``) show: ``agreed``
    is the interval both allow, ``text_a`` and ``text_b`` each figure's own (:func:`bounds_text`); ``why`` says
    what an undetermined verdict rests on, or that an agreement is one of printed rounding."""
    if verdict == "undetermined" and why == SCENARIOS:
        return (f"{both} on {thing} are projections that differ ({text_a} against {text_b}): they may be two "
                "scenarios, not a contradiction.")
    if verdict == "undetermined" and why == SNAPSHOTS:
        return (f"{both} on {thing} are running totals of one day that differ ({text_a} against {text_b}): they "
                "may be counts taken at different hours.")
    if verdict == "undetermined" and why == DAYS:
        return (f"{both} on {thing} are counts of different days that differ ({text_a} against {text_b}): the "
                "count may have changed in between.")
    if verdict == "undetermined":
        return f"{both} on {thing} cannot be compared: one gives no bounds."
    rounded = " within the rounding of the printed figures" if why == ROUNDED else ""
    if verdict == "agree":
        return f"{both} agree on {thing}{rounded}: both allow {agreed}."
    if verdict == "consistent":
        return f"{both} on {thing} can both hold, though one is an open bound{rounded}: both allow {agreed}."
    return f"{both} disagree on {thing}: {text_a} against {text_b}."


def _basis(
    thing: str, unit: str, places: str, days_apart: float, window_days: float, places_read: bool, measure: str,
    day: str, scopes: tuple[str, str], from_article: bool = False, day_named: bool = False,
) -> str:
    """On what a pair was made, in words (the ``basis`` column): the object (with the modifier both give and the
    qualifier they share), the measure and its day, the place (``from_article`` when it is the place an article
    names most for one of the figures, none being named near it) and scope, and the days between: the
    publications of a dated measure's figures (whose day is one), or else the days the figures count
    (``days_apart``); ``day_named`` when the day of one or both is the one its text names, not its publication's."""
    what = f"same object ({thing}" + (f", {unit})" if unit else ", count)")
    if measure == "daily":
        how = f"counts of one day, the same day ({day})"
    elif measure == "cumulative":
        how = f"running totals of the same day ({day})"
    elif measure == "projection":
        how = "projections (what may or will be, not what was counted)"
    elif measure == "rate":
        how = "rates"
    else:
        how = "neither marked as a day's count nor as a running total"
    if not places_read:
        where = PLACES_NOT_READ
    elif places == WORLD:
        where = "the world (a word of world scope)"
    elif PLACES_JOINED in places:
        where = f"the same places together ({places})"
    else:
        where = f"same place ({places})" if places else "no place named near either, nor in either article"
        if from_article:
            where += ", for one or both the place its article names most (none is named near the figure)"
    scope = next((s for s in scopes if s and s != WORLD), "")
    if scope:
        where += f", scope {scope}"
    named = "; the day named in the text for one or both" if day_named else ""
    if np.isnan(days_apart):
        when = "both undated" + named
    elif measure in DATED_MEASURES:
        when = f"published {days_apart:.4g} days apart{named}"
    else:
        when = f"{days_apart:.4g} days apart (window {window_days:g}){named}"
    return f"{what}; {how}; {where}; {when}"


#: ``figure_agreement`` columns copied from the earlier figure (``a``) and, as ``other_*``, from the later.
_EARLIER_COLUMNS = ("doc_id", "sentence_id", "start", "end", "text", "figure_id", "outlet", "published_at", "source")


def _per_figure(rows: pd.DataFrame, write: Callable[..., str], columns: tuple[str, ...]) -> list[str]:
    """``write(*row[columns])`` for every row of ``rows``, by position."""
    return [write(*fields) for fields in zip(*(rows[c].tolist() for c in columns))]


def pair_rows(
    rows: pd.DataFrame, earlier: np.ndarray, later: np.ndarray, *, window_days: float, places_read: bool
) -> pd.DataFrame:
    """The validated table rows of the pairs (``earlier[k]``, ``later[k]``), positions in ``rows``
    (:func:`in_pairing_order`), in the order given."""
    return schema.validate("figure_agreement", _pair_frame(
        rows, np.asarray(earlier, dtype=np.int64), np.asarray(later, dtype=np.int64), window_days=window_days,
        places_read=places_read,
    ))


def _pair_frame(
    rows: pd.DataFrame, earlier: np.ndarray, later: np.ndarray, *, window_days: float, places_read: bool
) -> pd.DataFrame:
    """The table rows of the pairs (``earlier[k]``, ``later[k]``), positions in ``rows``: columns are taken
    whole, and only the finding and basis are written row by row, from each figure's description and interval
    text (a figure is in many pairs, so these are written once per figure)."""
    figures, index = np.unique(np.concatenate([earlier, later]), return_inverse=True)
    of_earlier, of_later = index[: len(earlier)].tolist(), index[len(earlier) :].tolist()
    involved = rows.iloc[figures]
    described = _per_figure(involved, _describe, ("text", "outlet", "doc_id", "published_at", "source"))
    own = _per_figure(involved, bounds_text, ("low_in", "high_in", "unit_key"))
    a = rows.iloc[earlier].reset_index(drop=True)
    b = rows.iloc[later].reset_index(drop=True)
    bounds = [frame[column].to_numpy(dtype=float) for frame in (a, b) for column in ("low_in", "high_in")]
    low_a, high_a, low_b, high_b = bounds
    unknown = np.isnan(low_a) | np.isnan(high_a) | np.isnan(low_b) | np.isnan(high_b)
    measure = a["measure"].to_numpy(dtype=object)
    timed, scenarios = np.isin(measure, list(TIMED_MEASURES)), np.isin(measure, list(SCENARIO_MEASURES))
    # running totals of one day are compared with each printed figure widened by its rounding
    widen_a = np.where(timed, a["rounding_in"].to_numpy(dtype=float), 0.0)
    widen_b = np.where(timed, b["rounding_in"].to_numpy(dtype=float), 0.0)
    shared_low = np.maximum(low_a - widen_a, low_b - widen_b)
    shared_high = np.minimum(high_a + widen_a, high_b + widen_b)
    overlap = shared_low <= shared_high
    rounded = overlap & ~(np.maximum(low_a, low_b) <= np.minimum(high_a, high_b))
    open_bound = a["open_bound"].to_numpy(dtype=bool) | b["open_bound"].to_numpy(dtype=bool)
    # a count may change from one day to the next: only counts of one day can contradict each other
    other_day = np.isin(a["quantity_kind"].to_numpy(dtype=object), list(CHANGING_KINDS)) & (
        a["day"].to_numpy(dtype=object) != b["day"].to_numpy(dtype=object))
    verdict = np.where(
        unknown, "undetermined", np.where(overlap, np.where(open_bound, "consistent", "agree"),
                                          np.where(timed | scenarios | other_day, "undetermined", "disagree"))
    )
    why = np.where(unknown, NO_BOUNDS, np.where(rounded, ROUNDED, np.where(
        overlap, "", np.where(scenarios, SCENARIOS, np.where(timed, SNAPSHOTS, np.where(other_day, DAYS, ""))))))
    days_apart = (b["published_at"] - a["published_at"]).dt.total_seconds() / 86400
    counted_apart = np.abs(b["day_number"].to_numpy(dtype=float) - a["day_number"].to_numpy(dtype=float))
    things = [" ".join(w for w in (m if m == n else "", o, q) if w) for m, n, o, q in zip(
        a["modifier_key"].tolist(), b["modifier_key"].tolist(), a["object_key"].tolist(), a["qualifier_key"].tolist())]
    same_place = ["; ".join(sorted(set(p) & set(q))) for p, q in zip(a["places"], b["places"])]
    agreed = [
        bounds_text(lo, hi, unit) if v in ("agree", "consistent") else ""
        for v, lo, hi, unit in zip(verdict.tolist(), shared_low.tolist(), shared_high.tolist(), a["unit_key"].tolist())
    ]
    findings = [
        _finding(v, w, f"{described[i]} and {described[j]}", thing, both_allow, own[i], own[j])
        for v, w, i, j, thing, both_allow in zip(
            verdict.tolist(), why.tolist(), of_earlier, of_later, a["object_key"].tolist(), agreed
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
            _basis(thing, unit, place, days if measure in DATED_MEASURES else counted, window_days, places_read,
                   measure, day, scopes, article_a or article_b, named_a or named_b)
            for thing, unit, place, days, counted, measure, day, article_a, article_b, named_a, named_b, *scopes in zip(
                things, a["unit_key"].tolist(), same_place, days_apart.tolist(), counted_apart.tolist(),
                a["measure"].tolist(), a["day"].tolist(), a["place_from_article"].tolist(),
                b["place_from_article"].tolist(), a["day_named"].tolist(), b["day_named"].tolist(),
                a["scope"].tolist(), b["scope"].tolist(),
            )
        ],
    }
    return pd.DataFrame(columns)[schema.columns("figure_agreement")]


def figure_agreement(
    figures: pd.DataFrame, documents: pd.DataFrame, mentions: pd.DataFrame | None = None, *,
    window_days: float = WINDOW_DAYS,
) -> pd.DataFrame:
    """One row per pair of figures from different articles that count or measure the same thing, about the same
    place, on days close together.

    Same thing: :func:`analysis.extraction.figures.sameness.same_thing`, the one decision ``figure_consistency``
    makes within an article: the same quantity kind, comparable unit
    (:func:`analysis.extraction.figures.checks.common_unit`), object key (:func:`object_key`: scope, measure and
    "confirmed"-like words left out, a count noun as its modifier, "people" named by their event's family, and
    "people" with no telling event never paired; a figure without an object is never paired), ``measure`` (a
    day's count, a running total, a rate, a projection, or neither marked, each pairing only with its own; a
    threshold or a rate's base pairs with nothing: :func:`pairable`), ``qualifier`` (a part: "17,600 of those
    deaths", "patients with symptoms", "including 4,226 probable deaths" never pairs with the whole) and, for a
    count, event family (none for both, or one: "residents" who died never pair with "residents"); and, where
    both give them, the same event family ("killed" and "died" are both deaths; "killed" and "evacuated" are
    not), scope and ``modifier`` ("transit workers", "medical workers"). Same place: one key of all the places
    the figure is about (:func:`_places_near`): the place its own words put it in (``place``: "800 in Spain"),
    else those named in its sentence, or, when it names none and no word of its clause gives its extent, in the
    sentence before, or else the place its article names most (``mentions`` of :data:`PLACE_LABELS`, keyed by
    :func:`place_key`); two figures pair when their keys are equal, or neither has any (no place is named in
    either article). So a figure near which a country and a region of it are both named pairs with neither
    alone (:func:`~analysis.extraction.figures.sameness.strict_place_key`); a figure of world scope has the world
    as its place, whatever its sentence names; one that counts places together has them all as one place; one
    whose clause gives an extent and no place ("nationwide", "the state reported") is not paired, since which
    country or state it counts nothing tells. Without ``mentions`` places are not read and this condition is
    dropped (``basis`` says so). When: each figure counts a day
    (:func:`day_key`: the day its clause names, else its publication day); a figure whose day cannot be told (an
    undated article and no day in its clause: :func:`day_known`) is never paired, since it cannot be placed in
    the window (:func:`figures_of_unknown_day` counts them). A day's count or a running total is compared only
    with one of the same day, whatever the window, since a running total grows and one day's count is not
    another's; any other figure with one whose day is at most ``window_days`` from its own. Figures of one
    article are left to ``figure_consistency``. Each figure is paired with at most :data:`MAX_LATER_FIGURES`
    figures of later articles in its block (the next in publication order), which keeps the table linear in the
    corpus.

    Verdicts: ``agree`` when both intervals are bounded on both sides and overlap; ``consistent`` when they
    overlap but one is an open bound (:data:`OPEN_APPROXIMATORS`, or no upper bound): "more than 100" and "150"
    can both hold without saying the same; ``disagree`` when they cannot both hold; ``undetermined`` when a
    figure gives no bounds, or when they differ in a way that contradicts nothing: two projections (they may be
    two scenarios of one model), two running totals of one day (snapshots hours apart:
    :data:`TIMED_MEASURES`; equal within the rounding of the printed figures, "3,100" and "3,112", they agree),
    two counts of different days (the count may have changed in between: :data:`CHANGING_KINDS`). The
    ``finding`` says which.

    One row per pair rather than per figure of a group: agreement is a relation between two reports, and a
    pair row carries both provenances and its own verdict without choosing a reference figure. Not found:
    figures whose objects are synonyms or differ by a modifier both give ("coronavirus cases" and "COVID-19
    cases"), a place named further from the figure than the sentence before when its article names another
    place more often, place names written differently and unknown to the catalogue ("US" and "United States"), dates named in another sentence than
    the figure's, a restriction hung on the verb ("deaths occurred among residents"). Still paired: a threshold
    written as a count ("24 states reported over 100 new cases"), a rate without "per" ("three to seven
    residents die in a typical month"), a figure whose place is another clause's ("the world's richest country
    ... 27,198 deaths" worldwide): read ``basis`` and the findings. Rows are sorted by the earlier figure (publication order, doc_id, figure_id),
    then the later one.
    """
    chunks = list(figure_agreement_chunks(figures, documents, mentions, window_days=window_days))
    return pd.concat(chunks, ignore_index=True) if chunks else schema.empty("figure_agreement")


def figure_agreement_chunks(
    figures: pd.DataFrame, documents: pd.DataFrame, mentions: pd.DataFrame | None = None, *,
    window_days: float = WINDOW_DAYS, chunk_rows: int = PAIRS_PER_CHUNK,
) -> Iterator[pd.DataFrame]:
    """:func:`figure_agreement`'s rows in validated chunks of at most ``chunk_rows``, in the table's order: what
    a build writes as it goes, so that a corpus with millions of pairs never holds them all as rows."""
    rows = in_pairing_order(figure_rows(figures, documents, mentions))
    pairs = candidate_pairs(rows, window_days)
    for start in range(0, len(pairs), chunk_rows):
        earlier, later = pairs[start : start + chunk_rows].T
        yield pair_rows(rows, earlier, later, window_days=window_days, places_read=mentions is not None)
