"""Sourcing charts: what each draws asserted against the table it was given (tests/chart_reading.py), and, as
an extra, the image compared with a baseline (pytest-mpl)."""

from types import SimpleNamespace

import pandas as pd
import pytest

from analysis.views.charts import attributions_by_side_and_kind, claims_by_basis
from analysis.views.summaries.sourcing import (
    UNRESOLVED_BASIS, UNRESOLVED_SOURCE, claim_basis_counts, side_kind_counts, sourcing_summary,
)
from chart_reading import bars, legend, title

# Small hand-made tables, so that the images do not change when the extractor improves.
ATTRIBUTIONS = pd.DataFrame(
    {
        "side": ["Ukraine", "Ukraine", "Ukraine", "Russia", "Russia", "unknown", "unknown"],
        "kind": ["direct", "mixed", "indirect", "direct", "indirect", "indirect", "according_to"],
    }
)
CLAIMS = pd.DataFrame(
    {
        "basis": ["attributed"] * 5 + ["own_voice"] * 3 + ["anonymous_hedge"],
        "source_type": ["person", "person", "military", "collective", "document", "", "", "", ""],
    }
)


def test_side_kind_counts_fills_every_kind():
    counts = side_kind_counts(ATTRIBUTIONS)
    assert list(counts.columns) == ["direct", "mixed", "indirect", "according_to"]
    assert counts.loc["Russia"].tolist() == [1, 0, 1, 0]


def test_claim_basis_counts():
    counts = claim_basis_counts(CLAIMS).set_index("rests_on")["claims"]
    assert counts.tolist() == [2, 1, 1, 1, 3, 1]


def test_unresolved_claims_are_their_own_category_not_anonymous():
    claims = pd.DataFrame({"basis": ["attributed"] * 3, "source_type": ["anonymous", "unresolved", "unresolved"]})
    counts = claim_basis_counts(claims).set_index("rests_on")["claims"]
    assert counts["anonymous or collective source"] == 1
    assert counts[UNRESOLVED_BASIS] == 2
    # and a table without unresolved claims has no empty row for them
    assert UNRESOLVED_BASIS not in set(claim_basis_counts(CLAIMS)["rests_on"])


def test_sourcing_summary_puts_unresolved_speakers_in_one_row():
    attributions = pd.DataFrame({"source": ["he", "she", "Ana Ruiz"], "source_type": ["unresolved", "unresolved", "person"],
                                 "side": ["unknown"] * 3, "kind": ["direct", "indirect", "direct"]})
    summary = sourcing_summary(SimpleNamespace(attributions=attributions)).set_index("source")
    assert summary.loc[UNRESOLVED_SOURCE, "attributions"] == 2
    assert summary.loc[UNRESOLVED_SOURCE, "source_type"] == "unresolved"
    assert "he" not in summary.index and summary.loc["Ana Ruiz", "attributions"] == 1


@pytest.mark.mpl_image_compare(style="default", tolerance=5)
def test_attributions_by_side_and_kind():
    return attributions_by_side_and_kind(side_kind_counts(ATTRIBUTIONS))


@pytest.mark.mpl_image_compare(style="default", tolerance=5)
def test_claims_by_basis():
    return claims_by_basis(claim_basis_counts(CLAIMS))


def test_attributions_by_side_and_kind_draws_the_counts():
    fig = attributions_by_side_and_kind(side_kind_counts(ATTRIBUTIONS))
    ax = fig.axes[0]
    assert title(fig) == "Who gets quoted in the corpus, by side and how directly"
    assert legend(ax) == ["direct", "mixed", "indirect", "according_to"]
    assert bars(ax) == {("direct", "Ukraine"): 1, ("mixed", "Ukraine"): 1, ("indirect", "Ukraine"): 1,
                        ("direct", "Russia"): 1, ("indirect", "Russia"): 1, ("indirect", "unknown"): 1,
                        ("according_to", "unknown"): 1}
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("side of the source", "attributions (count)")


def test_claims_by_basis_draws_what_each_claim_rests_on():
    ax = claims_by_basis(claim_basis_counts(CLAIMS)).axes[0]
    assert {category: length for (_, category), length in bars(ax).items()} == {
        "named person": 2, "government, military or institution": 1, "anonymous or collective source": 1,
        "document or another outlet": 1, "nothing: the outlet's own voice": 3,
        "nobody: hedged (reportedly, is said to)": 1}
    assert ax.get_ylabel() == "the claim rests on"
