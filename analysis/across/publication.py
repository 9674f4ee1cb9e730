"""When and where each article was published, and the order of first publication the corpus tables use."""

from __future__ import annotations

import numpy as np
import pandas as pd

#: The ``documents`` columns the corpus-level tables read (``published`` is read only without ``published_at``).
DOCUMENT_COLUMNS = ["doc_id", "outlet", "published", "published_at"]
#: The dtype of every publication time in the corpus tables.
UTC_TIME = "datetime64[ns, UTC]"


def publication_times(documents: pd.DataFrame) -> pd.Series:
    """Each document's publication time in UTC, indexed by doc_id; NaT where unknown.

    Taken from ``published_at`` when the table has it; else ``published`` (the metadata as written) is parsed
    by pandas, each value in its own format ("2024-03-05", "March 6, 2024", ISO times with an offset). A time
    without a zone is read as UTC; a date without a time as its midnight. What pandas cannot read is NaT.
    """
    if "published_at" in documents.columns:
        times = pd.to_datetime(documents["published_at"], utc=True)
    else:
        times = pd.to_datetime(documents["published"].astype(object), format="mixed", utc=True, errors="coerce")
    return pd.Series(times.astype(UTC_TIME).to_numpy(), index=documents["doc_id"].astype(str), name="published_at")


def publication_order(documents: pd.DataFrame) -> pd.DataFrame:
    """``outlet``, ``published_at`` and ``rank`` (0 = published first) per doc_id, index doc_id.

    Ordered by publication time, undated articles last, equal times by doc_id: with date-only metadata,
    "first" among articles of the same day is only the lowest doc_id.
    """
    frame = pd.DataFrame(
        {
            "outlet": documents["outlet"].astype(str).to_numpy(),
            "published_at": publication_times(documents).to_numpy(),
        },
        index=documents["doc_id"].astype(str).to_numpy(),
    )
    frame.index.name = "doc_id"
    ordered = frame.assign(undated=frame["published_at"].isna()).reset_index()
    ordered = ordered.sort_values(["undated", "published_at", "doc_id"], kind="stable")
    return frame.assign(rank=pd.Series(range(len(ordered)), index=ordered["doc_id"].to_numpy(), dtype="int64"))


def with_publication(rows: pd.DataFrame, order: pd.DataFrame) -> pd.DataFrame:
    """``rows`` with its article's ``outlet`` and ``published_at``, and ``listed``: whether ``documents`` lists the
    article at all (one it does not list gets an empty outlet and NaT, and comes after every listed one)."""
    known = order.reindex(rows["doc_id"].astype(str))
    return rows.assign(
        outlet=known["outlet"].fillna("").to_numpy(),
        # as a Series of the declared dtype: an array of times would lose its zone when all are NaT
        published_at=pd.to_datetime(known["published_at"], utc=True).astype(UTC_TIME).set_axis(rows.index),
        listed=known["rank"].notna().to_numpy(),
    )


def in_publication_order(rows: pd.DataFrame, then: list[str]) -> pd.DataFrame:
    """``rows`` (of :func:`with_publication`) in their articles' order of :func:`publication_order`, articles it
    does not list last, and by ``then`` within an article; the index is reset.

    The order of two rows depends on their own articles alone, not on the rest of the corpus: rows of any
    set of articles sorted here and merged keep the order the whole corpus gives them.
    """
    keyed = rows.assign(_unlisted=~rows["listed"].to_numpy(dtype=bool), _undated=rows["published_at"].isna().to_numpy())
    keys = ["_unlisted", "_undated", "published_at", "doc_id", *then]
    return keyed.sort_values(keys, kind="stable").drop(columns=["_unlisted", "_undated"]).reset_index(drop=True)


def texts_of(column: pd.Series) -> list:
    """``column.astype(str)``'s values as a list: a column of the tables' text dtype (``str``, missing values NaN)
    is read as it is (converting it to itself copies every value through Python, about a hundred times as slow);
    any other is converted."""
    if column.dtype == "str":
        return column.tolist()
    if isinstance(column.dtype, np.dtype) and column.dtype.kind in "iub":
        # whole numbers and flags are never missing: each one's str(), as astype(str) writes it, without pandas
        return [str(value) for value in column.tolist()]
    return column.astype(str).tolist()
