"""Sourcing summaries for the notebooks: who is quoted, by side and kind, and what claims rest on."""

from __future__ import annotations

from collections import Counter

import pandas as pd

from analysis.extraction.people import FEMALE, GENDERS, MALE, UNKNOWN
from analysis.views.summaries.compare import NO_OUTLET, UNRESOLVED_SOURCE, by_identity, corpus_sources

#: Attribution kinds in the order tables and charts show them.
KINDS = ("direct", "mixed", "indirect", "according_to")
#: What a claim rests on, in reading order, from its basis and source type.
CLAIM_BASES = {
    "named person": ("person",),
    "government, military or institution": ("government", "military", "institution"),
    "anonymous or collective source": ("anonymous", "collective"),
    "document or another outlet": ("document", "media"),
}
#: Claims whose source the rules could not tell (source type ``unresolved``: a pronoun with no fitting antecedent, a
#: quotation with no speaker); not anonymous, which the text itself says.
UNRESOLVED_BASIS = "someone the rules could not tell (unresolved)"
OWN_VOICE = "nothing: the outlet's own voice"
HEDGED = "nobody: hedged (reportedly, is said to)"


def sourcing_summary(tables) -> pd.DataFrame:
    """Who is quoted: one row per source (its corpus identity where it has one) with its type, side, and
    attributions by kind, most quoted first; the attributions whose speaker the rules could not tell
    (``unresolved``) are one row, :data:`UNRESOLVED_SOURCE`."""
    a = by_identity(tables.attributions, corpus_sources(tables))
    # an unresolved speaker ("he" with no antecedent) is nobody in particular: one row for all of them
    a = a.assign(source=a["source"].mask(a["source_type"] == "unresolved", UNRESOLVED_SOURCE))
    counts = pd.crosstab(a["source"], a["kind"])
    counts = counts.reindex(columns=list(KINDS), fill_value=0)
    first = a.groupby("source").first()
    summary = first[["source_type", "side"]].join(counts)
    summary.insert(2, "attributions", counts.sum(axis=1))
    summary = summary.reset_index().rename(columns={"index": "source"})
    return summary.sort_values(["attributions", "source"], ascending=[False, True], ignore_index=True)


def side_kind_counts(attributions: pd.DataFrame) -> pd.DataFrame:
    """Attributions per side (rows) and kind (columns), all kinds shown."""
    counts = pd.crosstab(attributions["side"], attributions["kind"])
    return counts.reindex(columns=list(KINDS), fill_value=0).rename_axis(index="side", columns="kind")


def claim_basis(basis: str, source_type: str) -> str:
    """The reader's category of what a claim rests on (see :data:`CLAIM_BASES`); a claim resting on evidence
    (basis ``evidence``: its source is a document, data set, poll or study) counts under "document or another
    outlet" with the other document sources."""
    if basis == "own_voice":
        return OWN_VOICE
    if basis == "anonymous_hedge":
        return HEDGED
    return next((name for name, types in CLAIM_BASES.items() if source_type in types), UNRESOLVED_BASIS)


def claim_basis_counts(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims per category of what they rest on, with its share of all claims: every category of
    :data:`CLAIM_BASES`, the own voice and hedges shown, and :data:`UNRESOLVED_BASIS` after the named and anonymous
    sources when any claim rests on an unresolved speaker (so that it is never counted as anonymous)."""
    categories = [claim_basis(b, t) for b, t in zip(claims["basis"], claims["source_type"])]
    unresolved = [UNRESOLVED_BASIS] if UNRESOLVED_BASIS in categories else []
    order = [*CLAIM_BASES, *unresolved, OWN_VOICE, HEDGED]
    counts = pd.Series(categories, dtype="object").value_counts().reindex(order, fill_value=0)
    total = max(int(counts.sum()), 1)
    return pd.DataFrame({"rests_on": order, "claims": counts.to_numpy(), "share": (counts / total).round(3).to_numpy()})


def second_hand(attributions: pd.DataFrame) -> pd.DataFrame:
    """Attributions that reach the reader through another outlet or document (``via`` not empty)."""
    rows = attributions[attributions["via"] != ""]
    return rows[["doc_id", "sentence_id", "source", "via", "cue", "content"]].reset_index(drop=True)


def name_variants(attributions: pd.DataFrame) -> pd.DataFrame:
    """Speakers spelled differently from their source's canonical name within a document."""
    rows = attributions[attributions["name_variant"] != ""]
    return rows[["doc_id", "sentence_id", "source", "name_variant"]].reset_index(drop=True)


def gender_by_outlet(people: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Per outlet: person sources (a person quoted in three articles counts three times), how many the text
    states are female, male or neither, the share of women among those whose gender the text states, and the
    share it does not state. Every outlet of ``documents`` is listed (with zeros when it quotes nobody);
    articles without an outlet are ``(no outlet)``. Sorted by outlet. Shares are NaN when undefined."""
    outlets = documents[["doc_id", "outlet"]].copy()
    outlets["outlet"] = outlets["outlet"].fillna("").astype(str).str.strip().replace("", NO_OUTLET)
    merged = people[["doc_id", "gender"]].merge(outlets, on="doc_id", how="left")
    merged["outlet"] = merged["outlet"].fillna(NO_OUTLET)
    counts = Counter(zip(merged["outlet"], merged["gender"]))
    names = sorted(set(outlets["outlet"]) | set(merged["outlet"]))
    table = pd.DataFrame(
        {gender: [counts.get((o, gender), 0) for o in names] for gender in GENDERS}, dtype="int64"
    )
    table.insert(0, "people", table[list(GENDERS)].sum(axis=1).astype("int64"))
    table.insert(0, "outlet", pd.Series(names, dtype="string"))
    known = table[FEMALE] + table[MALE]
    table["share_female_of_known"] = (table[FEMALE] / known.where(known > 0)).astype("float64")
    table["share_unknown"] = (table[UNKNOWN] / table["people"].where(table["people"] > 0)).astype("float64")
    return table
