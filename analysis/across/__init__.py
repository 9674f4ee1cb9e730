"""Corpus-level tables: what several articles share, computed from the per-document tables after the build.

* :func:`quote_reuse`: the same quotation printed by several articles (``quote_reuse`` table);
* :func:`figure_agreement`: figures of the same thing in different articles, and whether they agree
  (``figure_agreement`` table).

Both are pure functions of the built tables and the ``documents`` table (for outlet and publication time);
they read only the columns listed in :data:`ATTRIBUTION_COLUMNS`, :data:`FIGURE_COLUMNS`,
:data:`MENTION_COLUMNS` (the places near a figure, optional) and :data:`DOCUMENT_COLUMNS`. In a folder build,
:mod:`analysis.across.stage` makes them again only from the blocks a change reaches, with the same rows.
"""

from analysis.across.figure_agreement import FIGURE_COLUMNS, MENTION_COLUMNS, figure_agreement, figure_agreement_chunks
from analysis.across.publication import DOCUMENT_COLUMNS
from analysis.across.quote_reuse import ATTRIBUTION_COLUMNS, quote_reuse

__all__ = ["ATTRIBUTION_COLUMNS", "DOCUMENT_COLUMNS", "FIGURE_COLUMNS", "MENTION_COLUMNS", "figure_agreement", "figure_agreement_chunks", "quote_reuse"]
