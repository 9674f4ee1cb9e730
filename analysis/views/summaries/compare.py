"""Comparing outlets and dates: the built tables to small summary tables, one row per outlet (or period).

Every function here is pure: tables in, a small DataFrame out, sorted so that the same tables give the same
rows. They read the ``documents`` table for each article's outlet and publication time:

* an article whose metadata names no outlet is counted under :data:`NO_OUTLET`;
* every outlet is shown by name up to :data:`TOP_OUTLETS` (a ``top`` argument); beyond, the ``top`` with most
  articles (ties by name) are, and the rest are added into one :data:`OTHER_OUTLETS` row, so that a corpus of
  5,000 articles from 300 outlets still gives a short table;
* ``by`` groups articles by another ``documents`` column instead of the outlet (a lean, a section, a country a
  corpus's metadata carries); the tables keep the column name ``outlet`` for the group;
* an article without a publication time (``published_at`` NaT) is left out of the tables over time, and
  :func:`time_note` says so in a sentence.

The charts of these tables are in :mod:`analysis.views.charts`; the sentence a notebook shows when a comparison is
impossible (one outlet, no dates) comes from :func:`comparison_note` and :func:`time_note`.
"""

from __future__ import annotations

import pandas as pd

from analysis.across.figure_agreement import PLACES_NOT_READ, figures_of_unknown_day
from analysis.across.publication import publication_times

#: The outlet label of an article whose metadata names none.
NO_OUTLET = "(no outlet)"
#: The label of the outlets (or categories) beyond the top ones, added together.
OTHER_OUTLETS = "other outlets"
#: The label of categories (sources, source types, quantity kinds) beyond the top ones, added together.
OTHER = "other"
#: The ``source`` shown for every attribution whose speaker the rules could not tell (``source_type``
#: ``unresolved``): one row for all of them, never a pronoun standing as if it were a source.
UNRESOLVED_SOURCE = "(unresolved speaker)"
#: How many outlets the comparisons name: all of them up to this many, else this many with most articles
#: (ties by name) and the others as one :data:`OTHER_OUTLETS` row. The notebooks' ``TOP_OUTLETS`` parameter.
TOP_OUTLETS = 20
#: The ``documents`` column the comparisons group articles by, unless told another (the notebooks' ``GROUP_BY``).
OUTLET = "outlet"
#: Periods the charts over time use: weeks while the corpus spans at most this many days, else months.
WEEKS_UP_TO_DAYS = 183
#: Attribution kinds in the order tables and charts show them (as :data:`analysis.views.summaries.sourcing.KINDS`).
KINDS = ("direct", "mixed", "indirect", "according_to")
#: Source types in the order tables show them (the ``attributions`` schema's values).
SOURCE_TYPES = (
    "person", "government", "military", "institution", "media", "document", "anonymous", "collective", "unresolved",
)
#: Cue types in the order tables show them (as :data:`analysis.extraction.framing.CUE_TYPES`).
CUE_TYPES = ("hedge", "booster", "loaded", "emotion", "evaluative", "metonymy")
#: The verdicts of ``figure_agreement`` in the order tables show them.
VERDICTS = ("agree", "consistent", "disagree", "undetermined")
#: How a reprint's speaker compares with the first printing's (``quote_reuse.speaker_match``), in table order.
SPEAKER_MATCHES = ("same", "different", "same_description", "unknown")
#: The matches that compare a printing with a first printing naming its speaker: a group with one has a
#: reference printing, which is counted as ``same`` with itself.
NAMED_MATCHES = ("same", "different")


# --- outlets and dates of the articles ------------------------------------------------------------------------


def missing_label(by: str = OUTLET) -> str:
    """The label of articles whose ``by`` column is empty: :data:`NO_OUTLET` for outlets, ``(no <column>)`` else."""
    return NO_OUTLET if by == OUTLET else f"(no {by})"


def is_missing_label(label: str) -> bool:
    """Whether ``label`` is the label of articles with an empty group column (:func:`missing_label`)."""
    return label == NO_OUTLET or (label.startswith("(no ") and label.endswith(")"))


def outlet_labels(documents: pd.DataFrame, *, by: str = OUTLET) -> pd.Series:
    """Each article's group as the comparisons label it, indexed by doc_id: the value of the ``documents`` column
    ``by`` (the outlet by default; any column, such as a lean or a section a corpus's metadata carries) as text,
    :func:`missing_label` when it is empty. A date is written as its day, a whole number without ``.0``.

    Raises:
        ValueError: ``documents`` has no column ``by`` (the message lists the columns it has).
    """
    if by not in documents.columns:
        raise ValueError(f"GROUP_BY {by!r} is not a column of the documents table: use one of "
                         f"{', '.join(map(str, documents.columns))}")
    values = documents[by]
    if pd.api.types.is_datetime64_any_dtype(values):
        text = values.dt.strftime("%Y-%m-%d").astype(object)
    else:
        text = values.astype(object).map(_label_text)
    text = text.fillna("").astype(str).str.strip()
    return pd.Series(text.where(text != "", missing_label(by)).to_numpy(), index=documents["doc_id"].astype(str),
                     name=OUTLET, dtype=object)


def _label_text(value) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def outlet_ranking(documents: pd.DataFrame, *, by: str = OUTLET) -> list[str]:
    """Groups (outlets) by articles, most first; ties by name; the missing label after every named group."""
    counts = outlet_labels(documents, by=by).value_counts()
    return sorted(counts.index, key=lambda o: (is_missing_label(o), -counts[o], o))


def grouped_outlets(documents: pd.DataFrame, *, top: int = TOP_OUTLETS, by: str = OUTLET) -> pd.Series:
    """Each article's outlet (group) label, the outlets beyond the ``top`` with most articles as
    :data:`OTHER_OUTLETS` (:func:`named_slots`; articles without an outlet always keep their own row)."""
    labels = outlet_labels(documents, by=by)
    ranking = outlet_ranking(documents, by=by)
    named = [o for o in ranking if not is_missing_label(o)]
    if len(named) <= top:
        return labels
    keep = set(named[:top]) | {o for o in ranking if is_missing_label(o)}
    return labels.where(labels.isin(keep), OTHER_OUTLETS)


def named_slots(documents: pd.DataFrame, *, top: int = TOP_OUTLETS, by: str = OUTLET) -> int:
    """How many outlets (groups) the comparisons name: all of them when there are at most ``top``, else the
    ``top`` with most articles (ties by name), the others being one :data:`OTHER_OUTLETS` row. Articles without
    an outlet are never counted among them nor added into the other outlets."""
    named = len([o for o in outlet_ranking(documents, by=by) if not is_missing_label(o)])
    return min(named, max(top, 1))


def outlet_order(labels: pd.Series | list[str]) -> list[str]:
    """The order the comparison tables list outlet labels in: the ranking they come in, with the missing label
    (:data:`NO_OUTLET`) and :data:`OTHER_OUTLETS` last."""
    seen = list(dict.fromkeys(labels))
    return sorted(seen, key=lambda o: (o == OTHER_OUTLETS, is_missing_label(o)))


def with_outlet(rows: pd.DataFrame, documents: pd.DataFrame, *, top: int = TOP_OUTLETS, by: str = OUTLET) -> pd.DataFrame:
    """``rows`` (any table with ``doc_id``) with the ``outlet`` label of its article (top outlets by name)."""
    outlets = grouped_outlets(documents, top=top, by=by)
    return rows.assign(outlet=outlets.reindex(rows["doc_id"].astype(str)).fillna(missing_label(by)).to_numpy())


def outlet_sequence(documents: pd.DataFrame, *, top: int = TOP_OUTLETS, by: str = OUTLET) -> list[str]:
    """The outlet labels of :func:`grouped_outlets` in the order the tables list them: most articles first
    (ties by name), then :data:`NO_OUTLET`, then :data:`OTHER_OUTLETS`."""
    labels = set(grouped_outlets(documents, top=top, by=by))
    sequence = [o for o in outlet_ranking(documents, by=by) if o in labels]
    return outlet_order(sequence + ([OTHER_OUTLETS] if OTHER_OUTLETS in labels else []))


def _ordered(frame: pd.DataFrame, documents: pd.DataFrame, *, top: int, by: str) -> pd.DataFrame:
    """``frame`` (column ``outlet``) sorted by :func:`outlet_sequence`, stably."""
    order = {o: k for k, o in enumerate(outlet_sequence(documents, top=top, by=by))}
    key = frame["outlet"].map(order).fillna(len(order))
    return frame.assign(_key=key).sort_values("_key", kind="stable").drop(columns="_key").reset_index(drop=True)


def group_nouns(by: str = OUTLET) -> tuple[str, str]:
    """How sentences and chart labels name one group and several: ``outlet``/``outlets``, or for another column
    ``<column>``/``values of <column>`` (no guessing at an English plural)."""
    return (OUTLET, "outlets") if by == OUTLET else (by, f"values of {by}")


def _indefinite(noun: str) -> str:
    """``noun`` with its indefinite article (an outlet, a lean)."""
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def comparison_note(documents: pd.DataFrame, *, by: str = OUTLET) -> str | None:
    """The sentence a notebook shows when outlets (groups) cannot be compared, else None.

    None when at least two different outlets are named. Otherwise one sentence: what the corpus holds and that
    a comparison needs articles from more than one outlet.
    """
    labels = outlet_labels(documents, by=by)
    named = sorted(o for o in set(labels) if not is_missing_label(o))
    n = len(labels)
    one, many = group_nouns(by)
    articles = f"{n:,} article{'' if n == 1 else 's'}"
    if len(named) >= 2:
        return None
    if not named:
        where = f"none of which names its {one}" if n != 1 else f"which does not name its {one}"
        return (f"This corpus holds {articles}, {where}: the comparisons between {many} below need articles "
                f"from more than one {one} (the {one} named in each article's metadata), so they show the corpus as one "
                "group.")
    return (f"This corpus holds {articles}, all from one {one} ({named[0]}): the comparisons between {many} "
            f"below need articles from more than one {one}, so they show it as one group.")


def outlet_note(documents: pd.DataFrame, *, top: int = TOP_OUTLETS, by: str = OUTLET) -> str:
    """One sentence on what the comparisons between outlets can show: :func:`comparison_note` when they
    cannot compare anything, else how many outlets there are and which are named."""
    note = comparison_note(documents, by=by)
    if note is not None:
        return note
    one, many = group_nouns(by)
    named = [o for o in outlet_ranking(documents, by=by) if not is_missing_label(o)]
    missing = int((outlet_labels(documents, by=by) == missing_label(by)).sum())
    text = f"{len(documents):,} articles from {len(named):,} {many}"
    if missing:
        text += f" ({missing:,} without {_indefinite(one)}, shown as '{missing_label(by)}')"
    slots = named_slots(documents, top=top, by=by)
    if slots < len(named):
        text += (f"; the charts name the {slots} with most articles (ties by name) and add the other "
                 f"{len(named) - slots:,} into '{OTHER_OUTLETS}'")
    return (text + f". {_indefinite(one).capitalize()} with few articles gives shares that one article can swing: "
            "read them with their counts.")


def time_frequency(times: pd.Series) -> str:
    """``"W"`` (weeks) when the known times span at most :data:`WEEKS_UP_TO_DAYS` days, else ``"M"`` (months)."""
    known = times.dropna()
    if known.empty:
        return "W"
    return "W" if (known.max() - known.min()) <= pd.Timedelta(days=WEEKS_UP_TO_DAYS) else "M"


def time_note(documents: pd.DataFrame) -> str | None:
    """Why a chart over time is not drawn, or what it leaves out, in a sentence; None when every article is dated
    and there is more than one period to compare."""
    times = publication_times(documents)
    n, dated = len(times), int(times.notna().sum())
    if dated == 0:
        subject = "The article has no" if n == 1 else f"None of the {n:,} articles has a"
        return (f"{subject} publication date (published_at is empty), so there is no chart over time: add a "
                "published date to the metadata to see one.")
    periods = _periods(times.dropna(), time_frequency(times)).nunique()
    if periods < 2:
        unit = "week" if time_frequency(times) == "W" else "month"
        undated = f"; {n - dated:,} without a date" if dated < n else ""
        return (f"The {dated:,} dated article{'' if dated == 1 else 's'} fall{'s' if dated == 1 else ''} in one "
                f"{unit}{undated}, so a chart over time would have a single point and is not drawn.")
    if dated < n:
        verb = "has" if n - dated == 1 else "have"
        return (f"{n - dated:,} of {n:,} articles {verb} no publication date and {'is' if n - dated == 1 else 'are'} "
                "left out of the charts over time.")
    return None


def time_coverage(documents: pd.DataFrame) -> tuple[bool, str | None]:
    """Whether a chart over time can be drawn (dated articles in at least two periods), and the sentence of
    :func:`time_note` (None when there is nothing to say)."""
    times = publication_times(documents).dropna()
    drawable = not times.empty and _periods(times, time_frequency(times)).nunique() >= 2
    return drawable, time_note(documents)


def _periods(times: pd.Series, freq: str) -> pd.Series:
    """The start of each time's week (Monday) or month, as a timezone-free timestamp."""
    naive = times.dt.tz_convert("UTC").dt.tz_localize(None) if times.dt.tz is not None else times
    return naive.dt.to_period(freq).dt.start_time


def as_wide(long: pd.DataFrame, column: str, value: str) -> pd.DataFrame:
    """A long comparison table as outlets (rows, in the table's order) by ``column`` (columns, in order)."""
    table = long.pivot_table(index="outlet", columns=column, values=value, aggfunc="sum", sort=False)
    return table.reindex(index=list(dict.fromkeys(long["outlet"])), columns=list(dict.fromkeys(long[column])))


# --- the corpus ---------------------------------------------------------------------------------------------------


def articles_per_outlet(documents: pd.DataFrame, *, top: int = TOP_OUTLETS, by: str = OUTLET) -> pd.DataFrame:
    """Per outlet: articles, words, and the first and last publication date (NaT when none is known).

    Outlets beyond the ``top`` are one :data:`OTHER_OUTLETS` row; most articles first, then by name.
    """
    frame = pd.DataFrame({
        "outlet": grouped_outlets(documents, top=top, by=by).to_numpy(),
        "words": documents["n_words"].astype("int64").to_numpy(),
        "published_at": publication_times(documents).to_numpy(),
    })
    table = frame.groupby("outlet", sort=False).agg(
        articles=("words", "size"), words=("words", "sum"),
        first_published=("published_at", "min"), last_published=("published_at", "max"),
    ).reset_index()
    table = table.astype({"articles": "int64", "words": "int64"})
    return _ordered(table, documents, top=top, by=by)


def articles_over_time(documents: pd.DataFrame, *, top: int = TOP_OUTLETS, freq: str | None = None,
                       by: str = OUTLET) -> pd.DataFrame:
    """Dated articles per period (``W`` weeks or ``M`` months; chosen by :func:`time_frequency` when None) and
    outlet (the ``top`` outlets by name, the rest together), every period from first to last listed.

    Columns ``period`` (the period's first day), ``outlet``, ``articles``. Empty when no article is dated.
    """
    times = publication_times(documents)
    freq = freq or time_frequency(times)
    frame = pd.DataFrame({"outlet": grouped_outlets(documents, top=top, by=by).to_numpy(), "published_at": times.to_numpy()})
    frame = frame.dropna(subset=["published_at"])
    if frame.empty:
        return pd.DataFrame({"period": pd.Series(dtype="datetime64[ns]"), "outlet": pd.Series(dtype=object),
                             "articles": pd.Series(dtype="int64")})
    frame["period"] = _periods(frame["published_at"], freq).to_numpy()
    counts = frame.groupby(["period", "outlet"]).size()
    periods = pd.period_range(frame["period"].min(), frame["period"].max(), freq=freq).start_time
    present = set(frame["outlet"])
    outlets = [o for o in outlet_sequence(documents, top=top, by=by) if o in present]
    index = pd.MultiIndex.from_product([periods, outlets], names=["period", "outlet"])
    return counts.reindex(index, fill_value=0).rename("articles").astype("int64").reset_index()


# --- sourcing -----------------------------------------------------------------------------------------------------


def _shares(counts: pd.DataFrame, column: str, categories, *, documents: pd.DataFrame, top: int, by: str,
            value: str) -> pd.DataFrame:
    """Long table outlet x category with counts and each outlet's shares, every combination listed."""
    outlets = outlet_sequence(documents, top=top, by=by)
    present = list(dict.fromkeys([*categories, *sorted(set(counts[column]) - set(categories))]))
    table = counts.groupby(["outlet", column]).size().reindex(
        pd.MultiIndex.from_product([outlets, present], names=["outlet", column]), fill_value=0)
    totals = table.groupby(level="outlet", sort=False).transform("sum")
    out = pd.DataFrame({value: table.astype("int64"), "share": (table / totals.where(totals > 0)).fillna(0.0).round(3)})
    return out.reset_index()


def attribution_kinds_by_outlet(attributions: pd.DataFrame, documents: pd.DataFrame, *,
                                top: int = TOP_OUTLETS, by: str = OUTLET) -> pd.DataFrame:
    """Attributions per outlet and kind (``direct``, ``mixed``, ``indirect``, ``according_to``), with each
    kind's share of the outlet's attributions. Columns ``outlet``, ``kind``, ``attributions``, ``share``."""
    rows = with_outlet(attributions[["doc_id", "kind"]], documents, top=top, by=by)
    return _shares(rows, "kind", KINDS, documents=documents, top=top, by=by, value="attributions")


def source_types_by_outlet(attributions: pd.DataFrame, documents: pd.DataFrame, *,
                           top: int = TOP_OUTLETS, by: str = OUTLET) -> pd.DataFrame:
    """Attributions per outlet and source type (person, government, ..., anonymous), with shares.
    Columns ``outlet``, ``source_type``, ``attributions``, ``share``; only types some outlet uses."""
    rows = with_outlet(attributions[["doc_id", "source_type"]], documents, top=top, by=by)
    table = _shares(rows, "source_type", SOURCE_TYPES, documents=documents, top=top, by=by, value="attributions")
    used = table.groupby("source_type", sort=False)["attributions"].transform("sum") > 0
    return table[used].reset_index(drop=True)


def _rate_table(flags: pd.DataFrame, documents: pd.DataFrame, *, top: int, by: str, total: str, part: str) -> pd.DataFrame:
    """Per outlet: rows (``total``), flagged rows (``part``) and their share; outlets without rows get 0."""
    table = flags.groupby("outlet", sort=False).agg(**{total: ("flag", "size"), part: ("flag", "sum")})
    outlets = outlet_sequence(documents, top=top, by=by)
    table = table.reindex(outlets, fill_value=0).astype("int64")
    table["share"] = (table[part] / table[total].where(table[total] > 0)).round(3)
    return table.rename_axis("outlet").reset_index()


def own_voice_share_by_outlet(claims: pd.DataFrame, documents: pd.DataFrame, *,
                              top: int = TOP_OUTLETS, by: str = OUTLET) -> pd.DataFrame:
    """Per outlet: claims, claims on the outlet's own voice (``basis == "own_voice"``), and their share
    (NaN for an outlet without claims). Columns ``outlet``, ``claims``, ``own_voice``, ``share``."""
    rows = with_outlet(claims[["doc_id"]], documents, top=top, by=by).assign(flag=(claims["basis"] == "own_voice").to_numpy())
    return _rate_table(rows, documents, top=top, by=by, total="claims", part="own_voice")


def anonymous_by_outlet(attributions: pd.DataFrame, documents: pd.DataFrame, *,
                        top: int = TOP_OUTLETS, by: str = OUTLET) -> pd.DataFrame:
    """Per outlet: attributions, those to an anonymous source (``source_type == "anonymous"``: the text says the
    source is unnamed, "an official", "sources"), and their share. Attributions whose speaker the rules could not
    tell (``unresolved``) count in the total only, never as anonymous. Columns ``outlet``, ``attributions``,
    ``anonymous``, ``share``."""
    rows = with_outlet(attributions[["doc_id"]], documents, top=top, by=by).assign(
        flag=(attributions["source_type"] == "anonymous").to_numpy())
    return _rate_table(rows, documents, top=top, by=by, total="attributions", part="anonymous")


def by_identity(rows: pd.DataFrame, sources: pd.DataFrame | None) -> pd.DataFrame:
    """``rows`` with ``source`` replaced by the name of its corpus identity (``sources.name``, joined on
    ``source_id``) where the row has one, so that "Cuomo", "Gov. Cuomo" and "Andrew Cuomo" are one source in every
    count; rows without an identity (anonymous, unresolved, documents, groups) keep the source as written."""
    if sources is None or "source_id" not in rows.columns or not len(sources):
        return rows
    names = pd.Series(sources["name"].astype(str).to_numpy(), index=sources["source_id"].astype(str))
    named = rows["source_id"].astype(str).map(names)
    return rows.assign(source=named.where(named.notna(), rows["source"].astype(str)).astype(rows["source"].dtype))


def corpus_sources(tables) -> pd.DataFrame | None:
    """The corpus's ``sources`` table when the tables have it (tables built before it existed do not)."""
    return tables.sources if "sources" in getattr(tables, "names", []) else None


def top_sources_by_outlet(attributions: pd.DataFrame, documents: pd.DataFrame, *, top: int = 5,
                          top_outlets: int = TOP_OUTLETS, by: str = OUTLET,
                          sources: pd.DataFrame | None = None) -> pd.DataFrame:
    """The ``top`` most quoted sources of each of the ``top_outlets`` outlets, with the rest as one
    :data:`OTHER` row per outlet. Columns ``outlet``, ``rank`` (1 = most quoted; 0 for ``other``), ``source``,
    ``attributions``, ``articles`` (articles of the outlet quoting the source). A source is counted by its corpus
    identity when ``sources`` is given (:func:`by_identity`). Attributions whose speaker the rules could not tell
    (``source_type`` ``unresolved``) count as one :data:`UNRESOLVED_SOURCE`; others without a source are left out.
    Ties by source name."""
    named = by_identity(attributions, sources)
    if "source_type" in named.columns:
        unresolved = named["source_type"].astype(str) == "unresolved"
        named = named.assign(source=named["source"].astype(str).where(~unresolved, UNRESOLVED_SOURCE))
    named = named[named["source"].astype(str) != ""]
    rows = with_outlet(named[["doc_id", "source"]], documents, top=top_outlets, by=by)
    counts = rows.groupby(["outlet", "source"]).agg(attributions=("doc_id", "size"), articles=("doc_id", "nunique"))
    counts = counts.reset_index().sort_values(["outlet", "attributions", "source"], ascending=[True, False, True])
    counts["rank"] = counts.groupby("outlet").cumcount() + 1
    kept = counts[counts["rank"] <= top]
    rest = counts[counts["rank"] > top].groupby("outlet", as_index=False).agg(
        attributions=("attributions", "sum"), articles=("articles", "max"))
    rest = rest.assign(source=OTHER, rank=0)
    out = pd.concat([kept, rest], ignore_index=True)[["outlet", "rank", "source", "attributions", "articles"]]
    out = out.assign(_other=out["rank"] == 0).sort_values(["_other", "rank"], kind="stable")
    out = _ordered(out.drop(columns="_other"), documents, top=top_outlets, by=by)
    return out.astype({"rank": "int64", "attributions": "int64", "articles": "int64"})


def _speaker_comparisons(quote_reuse: pd.DataFrame) -> dict[str, int]:
    """How many printings give the ``same`` speaker, a ``different`` one, or one that is ``unknown`` (either
    speaker unresolved or anonymous), against their group's first printing that names its speaker
    (``quote_reuse.speaker_match``); that reference printing, compared with itself, is left out. Printings of a
    group that names no speaker but describes an unnamed one alike are ``same_description``: no reference."""
    counts = quote_reuse["speaker_match"].value_counts()
    references = quote_reuse.loc[quote_reuse["speaker_match"].isin(NAMED_MATCHES), "group_id"].nunique()
    out = {m: int(counts.get(m, 0)) for m in SPEAKER_MATCHES}
    return out | {"same": out["same"] - references}


def quote_reuse_summary(quote_reuse: pd.DataFrame, *, top: int | None = 20, width: int = 90) -> pd.DataFrame:
    """One row per reused quotation: the words as first printed (cut to ``width`` characters), who it was
    attributed to there, which outlet printed it first and when, how many articles and outlets printed it, the
    other outlets, and how many printings give the same speaker as the first printing that names one, another
    one, an unnamed one described alike where no printing names one, or one that cannot be compared
    (``same_speaker``, ``different_speaker``, ``same_description_speaker``, ``unknown_speaker``: either speaker
    unresolved or anonymous). Most outlets first, then most printings, then group; at most ``top``
    rows."""
    counts = [f"{m}_speaker" for m in SPEAKER_MATCHES]
    columns = ["group_id", "quote", "source", "first_outlet", "first_published", "printings", "articles",
               "outlets", "other_outlets", *counts]
    if quote_reuse.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    rows = quote_reuse.assign(outlet=quote_reuse["outlet"].astype(str).replace("", NO_OUTLET))
    records = []
    for group_id, group in rows.groupby("group_id", sort=True):
        first = group[group["first_printed"]].iloc[0] if group["first_printed"].any() else group.iloc[0]
        others = sorted(set(group["outlet"]) - {first["outlet"]})
        records.append({
            "group_id": int(group_id), "quote": _cut(str(first["text"]), width), "source": first["source"],
            "first_outlet": first["outlet"], "first_published": first["published_at"],
            "printings": int(group["n_printings"].iloc[0]), "articles": int(group["n_articles"].iloc[0]),
            "outlets": int(group["n_outlets"].iloc[0]), "other_outlets": ", ".join(others),
            **{f"{m}_speaker": n for m, n in _speaker_comparisons(group).items()},
        })
    table = pd.DataFrame.from_records(records, columns=columns)
    table = table.sort_values(["outlets", "printings", "group_id"], ascending=[False, False, True], ignore_index=True)
    return table if top is None else table.head(top)


def quote_reuse_note(quote_reuse: pd.DataFrame, *, articles: int | None = None) -> str:
    """One sentence on the ``quote_reuse`` table: how many quotations recur, across how many outlets, and how
    many printings name another speaker than the quotation's first printing that names one, out of those where
    both speakers are resolved and named, with the printings that cannot be compared counted apart
    (:func:`_speaker_comparisons`). ``articles``: the corpus's articles, to say that one article cannot reuse
    anything."""
    if quote_reuse.empty:
        single = articles is not None and articles < 2
        return ("No quotation of six words or more is printed by more than one article of this corpus"
                + (": finding reused quotes needs more than one article." if single else "."))
    groups = quote_reuse.groupby("group_id")
    n = groups.ngroups
    across = int((groups["n_outlets"].first() >= 2).sum())
    speakers = _speaker_comparisons(quote_reuse)
    compared = speakers["same"] + speakers["different"]
    return (f"{n:,} quotation{'' if n == 1 else 's'} {'is' if n == 1 else 'are'} printed by more than one article, "
            f"{across:,} of them by more than one outlet. {compared:,} printing{'' if compared == 1 else 's'} can be "
            "compared with the quotation's first printing that names a speaker (both speakers resolved and named), "
            f"and {speakers['different']:,} of {'it' if compared == 1 else 'them'} name"
            f"{'s' if speakers['different'] == 1 else ''} another speaker (a different resolution of the speaker, or "
            f"the quote passed on); {speakers['unknown']:,} cannot be compared (a speaker unresolved or anonymous)"
            + (f", and {alike:,} of a quotation no printing attributes by name give an unnamed source described alike "
               "(as 'a spokesman' of one body)." if (alike := speakers["same_description"]) else "."))


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "\u2026"


# --- numeric claims -----------------------------------------------------------------------------------------------


def figures_by_outlet(figures: pd.DataFrame, documents: pd.DataFrame, *, top: int = TOP_OUTLETS, by: str = OUTLET,
                      top_kinds: int = 5) -> pd.DataFrame:
    """Figures per article of each outlet, by quantity kind (the ``top_kinds`` most common kinds of the corpus
    by name, the rest as :data:`OTHER`). Columns ``outlet``, ``articles`` (all the outlet's articles, with
    figures or not), ``quantity_kind``, ``figures``, ``per_article``."""
    kinds = figures["quantity_kind"].astype(str).value_counts()
    ranked = sorted(kinds.index, key=lambda k: (-kinds[k], k))
    keep = ranked[:top_kinds] if len(ranked) <= top_kinds else ranked[: top_kinds - 1]
    kind = figures["quantity_kind"].astype(str).where(figures["quantity_kind"].astype(str).isin(keep), OTHER)
    rows = with_outlet(figures[["doc_id"]], documents, top=top, by=by).assign(quantity_kind=kind.to_numpy())
    order = [*keep, *([OTHER] if (kind == OTHER).any() else [])]
    articles = pd.Series(grouped_outlets(documents, top=top, by=by).to_numpy()).value_counts()
    outlets = outlet_sequence(documents, top=top, by=by)
    counts = rows.groupby(["outlet", "quantity_kind"]).size().reindex(
        pd.MultiIndex.from_product([outlets, order], names=["outlet", "quantity_kind"]), fill_value=0)
    out = counts.rename("figures").astype("int64").reset_index()
    out.insert(1, "articles", out["outlet"].map(articles).astype("int64"))
    out["per_article"] = (out["figures"] / out["articles"]).round(2)
    return out


def figure_agreement_summary(figure_agreement: pd.DataFrame, *, top: int = 10) -> pd.DataFrame:
    """Pairs of figures from different articles per thing counted (quantity kind, unit, object), by verdict:
    ``agree``, ``consistent`` (an open bound), ``disagree``, ``undetermined``, with the ``low``/``high`` range
    every figure of the thing allows together (``lowest``/``highest``), the outlets involved and the places the
    pairs share (``places``, `; `-separated; empty when no pair names one). Most pairs first; at most ``top``
    rows, the rest added into one :data:`OTHER` row."""
    columns = ["quantity_kind", "unit", "object", "pairs", *VERDICTS, "lowest", "highest", "outlets", "places"]
    if figure_agreement.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns}).astype(
            {c: "int64" for c in ("pairs", *VERDICTS)})
    keys = ["quantity_kind", "unit", "object"]
    frame = figure_agreement.assign(
        outlet=figure_agreement["outlet"].astype(str).replace("", NO_OUTLET),
        other_outlet=figure_agreement["other_outlet"].astype(str).replace("", NO_OUTLET),
    )
    records = []
    for key, group in frame.groupby(keys, sort=True):
        verdicts = group["verdict"].value_counts()
        lows = pd.concat([group["low"], group["other_low"]]).dropna()
        highs = pd.concat([group["high"], group["other_high"]]).dropna()
        places = sorted({p for shared in group["same_place"].astype(str) for p in shared.split("; ") if p})
        records.append({
            **dict(zip(keys, key)), "pairs": len(group), **{v: int(verdicts.get(v, 0)) for v in VERDICTS},
            "lowest": lows.min() if len(lows) else float("nan"), "highest": highs.max() if len(highs) else float("nan"),
            "outlets": len(set(group["outlet"]) | set(group["other_outlet"])), "places": "; ".join(places),
        })
    table = pd.DataFrame.from_records(records, columns=columns)
    table = table.sort_values(["pairs", "object"], ascending=[False, True], ignore_index=True)
    if len(table) > top:
        rest = table.iloc[top - 1:]
        other = {"quantity_kind": OTHER, "unit": "", "object": f"{len(rest)} other things",
                 **{c: int(rest[c].sum()) for c in ("pairs", *VERDICTS)},
                 "lowest": float("nan"), "highest": float("nan"), "outlets": int(rest["outlets"].max()), "places": ""}
        table = pd.concat([table.iloc[: top - 1], pd.DataFrame([other])], ignore_index=True)
    return table.astype({c: "int64" for c in ("pairs", *VERDICTS, "outlets")})


def _pair_basis(figure_agreement: pd.DataFrame) -> str:
    """What the pairs rest on, counted from the table: how many share a named place, how many name none near
    either figure (or were made without reading places: ``basis``), and how far apart their articles were."""
    shared = int((figure_agreement["same_place"].astype(str) != "").sum())
    unread = int(figure_agreement["basis"].astype(str).str.contains(PLACES_NOT_READ, regex=False).sum())
    no_place = len(figure_agreement) - shared - unread
    days = figure_agreement["days_apart"].dropna()
    undated = len(figure_agreement) - len(days)
    when = (f"their articles published at most {days.max():.3g} days apart" if len(days) else "")
    when += (" and " if len(days) and undated else "") + (f"{undated:,} between undated articles" if undated else "")
    where = f"{shared:,} about a place both name, {no_place:,} with no place named near either"
    where += f", {unread:,} made without reading places" if unread else ""
    return f"(every pair the same object; {where}; {when})"


def _left_out(figures: pd.DataFrame | None, documents: pd.DataFrame | None) -> str:
    """The sentence on the figures ``figure_agreement`` leaves out because their day cannot be told (counted by
    :func:`analysis.across.figure_agreement.figures_of_unknown_day`); "" without the tables or when there are
    none."""
    if figures is None or documents is None:
        return ""
    unknown = figures_of_unknown_day(figures, documents)
    if not unknown:
        return ""
    return (f" {unknown:,} figure{' was' if unknown == 1 else 's were'} left out because the day "
            f"{'it counts' if unknown == 1 else 'they count'} cannot be told (an undated article, and no day named "
            "in the sentence).")


def figure_agreement_note(
    figure_agreement: pd.DataFrame, *, articles: int | None = None, figures: pd.DataFrame | None = None,
    documents: pd.DataFrame | None = None,
) -> str:
    """One sentence on the ``figure_agreement`` table: pairs, what they rest on (same thing, place and
    window, from ``basis``), and how many agree, are only consistent (an open bound), disagree or cannot be
    compared; with the corpus's ``figures`` and ``documents``, a second sentence on how many figures were left
    out because their day cannot be told. ``articles``: the corpus's articles, to say that one article has
    nothing to agree with (and then nothing of figures left out)."""
    left_out = _left_out(figures, documents)
    if figure_agreement.empty:
        single = articles is not None and articles < 2
        return ("No two articles give a figure for the same thing (same kind, unit and counted object) about the "
                "same place and close in time, so there is nothing to compare"
                + (": figure agreement needs more than one article." if single else "." + left_out))
    counts = figure_agreement["verdict"].value_counts()
    things = figure_agreement.groupby(["quantity_kind", "unit", "object"]).ngroups
    consistent = int(counts.get("consistent", 0))
    return (f"{len(figure_agreement):,} pairs of figures from different articles count {things:,} "
            f"thing{'' if things == 1 else 's'} {_pair_basis(figure_agreement)}: "
            f"{int(counts.get('agree', 0)):,} agree, {consistent:,} {'is' if consistent == 1 else 'are'} consistent "
            f"but with an open bound (\"more than 100\"), {int(counts.get('disagree', 0)):,} disagree and "
            f"{int(counts.get('undetermined', 0)):,} cannot be compared (a vague figure)." + left_out)


def figure_disagreements(figure_agreement: pd.DataFrame, *, top: int = 15) -> pd.DataFrame:
    """The pairs that disagree, as the reader checks them: both figures as written, their articles and outlets,
    what they count, the place they share (empty: none named near either) and the days between; the ``top``
    first in the table's order (the one-sentence ``finding`` and ``basis`` of each pair are in the full table)."""
    columns = ["doc_id", "outlet", "text", "other_doc_id", "other_outlet", "other_text", "object", "same_place",
               "days_apart"]
    rows = figure_agreement[figure_agreement["verdict"] == "disagree"]
    return rows[columns].head(top).reset_index(drop=True)


# --- framing ------------------------------------------------------------------------------------------------------


def cues_by_outlet(cues: pd.DataFrame, documents: pd.DataFrame, *, top: int = TOP_OUTLETS, by: str = OUTLET) -> pd.DataFrame:
    """Framing cues per outlet, type and voice, per 1,000 words of the outlet's articles (so that outlets
    writing longer stories do not look more loaded). Columns ``outlet``, ``cue_type``, ``voice`` (``own voice``
    / ``quoted``), ``cues``, ``words``, ``per_1000_words``; every combination listed."""
    voice = cues["quoted"].astype(bool).map({True: "quoted", False: "own voice"})
    rows = with_outlet(cues[["doc_id", "cue_type"]], documents, top=top, by=by).assign(voice=voice.to_numpy())
    words = pd.Series(documents["n_words"].astype("int64").to_numpy(),
                      index=grouped_outlets(documents, top=top, by=by).to_numpy()).groupby(level=0).sum()
    outlets = outlet_sequence(documents, top=top, by=by)
    index = pd.MultiIndex.from_product([outlets, list(CUE_TYPES), ["own voice", "quoted"]],
                                       names=["outlet", "cue_type", "voice"])
    counts = rows.groupby(["outlet", "cue_type", "voice"]).size().reindex(index, fill_value=0)
    out = counts.rename("cues").astype("int64").reset_index()
    out["words"] = out["outlet"].map(words).astype("int64")
    out["per_1000_words"] = (1000 * out["cues"] / out["words"].where(out["words"] > 0)).round(2)
    return out


def hedges_by_outlet(cues: pd.DataFrame, documents: pd.DataFrame, *, top: int = TOP_OUTLETS, by: str = OUTLET) -> pd.DataFrame:
    """Hedges and boosters per outlet in the outlet's own voice and in quoted words, per 1,000 words: one row per
    outlet, columns ``outlet``, ``words``, ``hedges_own_voice``, ``hedges_quoted``, ``boosters_own_voice``,
    ``boosters_quoted`` (counts), ``hedges_own_voice_per_1000_words``."""
    table = cues_by_outlet(cues, documents, top=top, by=by)
    table = table[table["cue_type"].isin(["hedge", "booster"])]
    wide = table.pivot_table(index=["outlet", "words"], columns=["cue_type", "voice"], values="cues",
                             aggfunc="sum", sort=False)
    wide.columns = [f"{kind}s_{voice.replace(' ', '_')}" for kind, voice in wide.columns]
    wide = wide.reset_index()
    columns = ["hedges_own_voice", "hedges_quoted", "boosters_own_voice", "boosters_quoted"]
    wide = wide.reindex(columns=["outlet", "words", *columns], fill_value=0).astype({c: "int64" for c in columns})
    wide["hedges_own_voice_per_1000_words"] = (1000 * wide["hedges_own_voice"] / wide["words"].where(
        wide["words"] > 0)).round(2)
    return wide.reset_index(drop=True)


def article_tone(tone: pd.DataFrame) -> pd.DataFrame:
    """Per article: sentences, own-voice sentences and the mean adjusted compound of its own-voice sentences
    (NaN when it has none) and of all its sentences."""
    own = tone[tone["own_voice"].astype(bool)].groupby("doc_id")["compound"].mean().rename("own_voice_tone")
    table = tone.groupby("doc_id").agg(sentences=("sentence_id", "size"),
                                       own_voice_sentences=("own_voice", "sum"), tone=("compound", "mean"))
    table = table.join(own).reset_index()
    return table.astype({"sentences": "int64", "own_voice_sentences": "int64"})


def tone_by_outlet(tone: pd.DataFrame, documents: pd.DataFrame, *, top: int = TOP_OUTLETS, by: str = OUTLET) -> pd.DataFrame:
    """The tone of each outlet's own voice: per outlet, the articles with own-voice sentences, and the median,
    lower and upper quartile of their mean own-voice compound (VADER with the news adjustment, -1 to +1).
    Columns ``outlet``, ``articles``, ``median``, ``q1``, ``q3``, ``mean``. An outlet whose articles have no
    own-voice sentence gets 0 articles and NaN."""
    per_article = with_outlet(article_tone(tone).dropna(subset=["own_voice_tone"]), documents, top=top, by=by)
    stats = per_article.groupby("outlet")["own_voice_tone"].agg(
        articles="size", median="median", q1=lambda s: s.quantile(0.25), q3=lambda s: s.quantile(0.75),
        mean="mean")
    outlets = outlet_sequence(documents, top=top, by=by)
    stats = stats.reindex(outlets)
    stats["articles"] = stats["articles"].fillna(0).astype("int64")
    return stats.round(3).rename_axis("outlet").reset_index()


def framing_over_time(cues: pd.DataFrame, tone: pd.DataFrame, documents: pd.DataFrame, *,
                      top: int = TOP_OUTLETS, freq: str | None = None, by: str = OUTLET) -> pd.DataFrame:
    """Per period (weeks or months, :func:`time_frequency`) and outlet (the ``top`` outlets by name, the rest
    together): dated articles, their words, own-voice judgement cues (loaded, emotion, evaluative) and hedges
    per 1,000 words, and the mean own-voice tone of the articles. Undated articles are left out; empty when
    none is dated. Periods without articles of an outlet are left out (no rate can be computed)."""
    times = publication_times(documents)
    freq = freq or time_frequency(times)
    docs = pd.DataFrame({"doc_id": documents["doc_id"].astype(str).to_numpy(),
                         "outlet": grouped_outlets(documents, top=top, by=by).to_numpy(),
                         "words": documents["n_words"].astype("int64").to_numpy(), "published_at": times.to_numpy()})
    docs = docs.dropna(subset=["published_at"])
    columns = ["period", "outlet", "articles", "words", "judgements_per_1000_words", "hedges_per_1000_words", "tone"]
    if docs.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    docs["period"] = _periods(docs["published_at"], freq).to_numpy()
    own = cues[~cues["quoted"].astype(bool)]
    judgements = own[own["cue_type"].isin(["loaded", "emotion", "evaluative"])].groupby("doc_id").size()
    hedges = own[own["cue_type"] == "hedge"].groupby("doc_id").size()
    docs["judgements"] = docs["doc_id"].map(judgements).fillna(0)
    docs["hedges"] = docs["doc_id"].map(hedges).fillna(0)
    docs["tone"] = docs["doc_id"].map(article_tone(tone).set_index("doc_id")["own_voice_tone"])
    table = docs.groupby(["period", "outlet"]).agg(
        articles=("doc_id", "size"), words=("words", "sum"), judgements=("judgements", "sum"),
        hedges=("hedges", "sum"), tone=("tone", "mean")).reset_index()
    rate = 1000 / table["words"].where(table["words"] > 0)
    table["judgements_per_1000_words"] = (table["judgements"] * rate).round(2)
    table["hedges_per_1000_words"] = (table["hedges"] * rate).round(2)
    table["tone"] = table["tone"].round(3)
    order = {o: k for k, o in enumerate(outlet_sequence(documents, top=top, by=by))}
    table = table.assign(_o=table["outlet"].map(order)).sort_values(["period", "_o"], kind="stable")
    return table[columns].reset_index(drop=True).astype({"articles": "int64", "words": "int64"})
