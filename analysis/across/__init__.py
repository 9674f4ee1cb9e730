"""Corpus-level tables: what several articles share, computed from the per-document tables after the build.

* :func:`source_identities`: one identity per person or organisation that speaks or is cited across the corpus
  (``sources`` and ``source_outlets`` tables), and the links from each article's ``source`` to it, which
  :func:`with_source_ids` puts on any table with ``doc_id`` and ``source``;
* :func:`quote_reuse`: the same quotation printed by several articles (``quote_reuse`` table), its speakers
  compared by identity;
* :func:`figure_agreement`: figures of the same thing in different articles, and whether they agree
  (``figure_agreement`` table).

All are pure functions of the built tables and the ``documents`` table (for outlet and publication time);
they read only the columns listed in :data:`ATTRIBUTION_COLUMNS`, :data:`IDENTITY_ATTRIBUTION_COLUMNS`,
:data:`PEOPLE_COLUMNS`, :data:`IDENTITY_MENTION_COLUMNS` (optional), :data:`FIGURE_COLUMNS`,
:data:`MENTION_COLUMNS` (the places near a figure, optional) and :data:`DOCUMENT_COLUMNS`. In a folder build,
:mod:`analysis.across.stage` makes ``figure_agreement`` and ``quote_reuse`` again only from the blocks a change
reaches, with the same rows.
"""

from analysis.across.figure_agreement import FIGURE_COLUMNS, MENTION_COLUMNS, figure_agreement, figure_agreement_chunks
from analysis.across.identity import (
    IDENTITY_ATTRIBUTION_COLUMNS,
    IDENTITY_MENTION_COLUMNS,
    PEOPLE_COLUMNS,
    SourceIdentities,
    source_identities,
    source_links,
    with_source_ids,
)
from analysis.across.publication import DOCUMENT_COLUMNS
from analysis.across.quote_reuse import ATTRIBUTION_COLUMNS, quote_reuse

__all__ = [
    "ATTRIBUTION_COLUMNS", "DOCUMENT_COLUMNS", "FIGURE_COLUMNS", "IDENTITY_ATTRIBUTION_COLUMNS",
    "IDENTITY_MENTION_COLUMNS", "MENTION_COLUMNS", "PEOPLE_COLUMNS", "SourceIdentities", "figure_agreement",
    "figure_agreement_chunks", "quote_reuse", "source_identities", "source_links", "with_source_ids",
]
