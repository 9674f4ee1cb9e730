"""The corpus at a glance: summaries over the foundation tables for the overview notebook."""

from __future__ import annotations

import pandas as pd

from analysis.across.publication import publication_times


def actor_mention_counts(mentions: pd.DataFrame) -> pd.DataFrame:
    """How often each catalogued actor is mentioned, and in how many documents.

    Mentions the catalogue does not know (empty ``actor``) are left out; see :func:`uncatalogued_names`.
    Sorted by mentions, most first, then by name, so the order is stable.
    """
    known = mentions[mentions["actor"] != ""]
    counts = (
        known.groupby(["actor", "actor_type", "side"], as_index=False)
        .agg(mentions=("text", "size"), documents=("doc_id", "nunique"))
        .sort_values(["mentions", "actor"], ascending=[False, True], ignore_index=True)
    )
    return counts.astype({"mentions": "int64", "documents": "int64"})


def mentions_by_side(mentions: pd.DataFrame) -> pd.DataFrame:
    """Mentions per side and actor type (a side-by-type count table, sides as rows)."""
    table = pd.crosstab(mentions["side"], mentions["actor_type"].replace("", "(not catalogued)"))
    return table.sort_index().sort_index(axis=1)


def uncatalogued_names(mentions: pd.DataFrame) -> pd.DataFrame:
    """Names the model found that the actor catalogue does not know, one row per written form and label.

    For the list to build a corpus's ``actors.yaml`` from (forms of one name merged, quoted counts, a sample
    sentence, a stub to fill in) see :func:`analysis.catalogue.discovery.unknown_actors`.
    """
    unknown = mentions[mentions["actor"] == ""]
    return (
        unknown.groupby(["text", "label"], as_index=False)
        .agg(mentions=("doc_id", "size"), first_doc=("doc_id", "min"))
        .sort_values(["mentions", "text"], ascending=[False, True], ignore_index=True)
    )


def sentence_length_summary(sentences: pd.DataFrame) -> pd.DataFrame:
    """Per document: sentences and their length in words (mean, median, longest)."""
    return (
        sentences.groupby("doc_id", as_index=False)
        .agg(
            sentences=("sentence_id", "size"),
            mean_words=("n_words", "mean"),
            median_words=("n_words", "median"),
            longest_words=("n_words", "max"),
        )
        .round({"mean_words": 1, "median_words": 1})
    )


def corpus_summary(documents: pd.DataFrame) -> str:
    """One sentence on what was read: articles, words, outlets named, and the span of publication dates."""
    n = len(documents)
    words = int(documents["n_words"].sum()) if n else 0
    outlets = documents["outlet"].astype(str).str.strip()
    named = outlets[outlets != ""].nunique()
    parts = [f"{n:,} article{'' if n == 1 else 's'} ({words:,} words)"]
    if named:
        unnamed = int((outlets == "").sum())
        parts.append(f"from {named:,} outlet{'' if named == 1 else 's'}"
                     + (f" ({unnamed:,} without an outlet)" if unnamed else ""))
    else:
        parts.append("with no outlet in their metadata" if n != 1 else "with no outlet in its metadata")
    times = publication_times(documents).dropna()
    if times.empty:
        parts.append("and no publication date")
    else:
        first, last = times.min().strftime("%d %B %Y"), times.max().strftime("%d %B %Y")
        span = f"published on {first}" if first == last else f"published from {first} to {last}"
        undated = n - len(times)
        parts.append(span + (f" ({undated:,} without a date)" if undated else ""))
    return "The corpus holds " + " ".join(parts[:2]) + ", " + parts[2] + "."
