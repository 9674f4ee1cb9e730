"""Sourcing charts, checked against baseline images (pytest-mpl)."""

import pandas as pd
import pytest

from analysis.views.charts import attributions_by_side_and_kind, claims_by_basis
from analysis.views.summaries.sourcing import claim_basis_counts, side_kind_counts

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


@pytest.mark.mpl_image_compare(style="default", tolerance=5)
def test_attributions_by_side_and_kind():
    return attributions_by_side_and_kind(side_kind_counts(ATTRIBUTIONS))


@pytest.mark.mpl_image_compare(style="default", tolerance=5)
def test_claims_by_basis():
    return claims_by_basis(claim_basis_counts(CLAIMS))
