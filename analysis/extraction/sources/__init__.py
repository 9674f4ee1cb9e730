"""Sourcing: who is quoted or paraphrased, how, and which claims rest on whom.

Produces the ``attributions`` and ``claims`` tables (see :mod:`analysis.building.schema`) from the one spaCy parse of a
document, with rules and the word lists in ``analysis/data/`` (reporting_verbs.yaml, source_nouns.yaml,
hedges.yaml; :mod:`.wordlists`). The extractor runs in named stages, like the Gender Gap Tracker's quote
extractor, one module each:

1. :mod:`.quotes`: quote marks are paired: double marks (also printed as two apostrophes ``''``), and single
   ones (British style) where the original text tells them from apostrophes; a quotation opened at a
   paragraph's start, after a colon, or before a paragraph that reopens it with a mark (the news convention for
   a quote over a paragraph break), and never closed, runs to its paragraph's end and never into the
   narrator's next one, and so does one opened before a word in the text's last paragraph; other unbalanced
   marks are dropped, never raised on;
2. :mod:`.syntactic` (``syntactic``): a reporting verb (:mod:`.cues`) with a speaker (subject or ``by``
   agent) and a content (clause, ``to`` infinitive, interrupted clause, or the object of verbs like
   "slammed"): speech, requests ("urged X to", "called for", "called on X to", "demanded that"), stance,
   positions ("the council endorsed the plan", "warned of power cuts", "accused X of ..."), stance,
   belief and intention ("hopes to", "expects X to", "fear that", "were concerned that", "wants a pay rise", not
   negated; a report closing its sentence after the speaker, ", the paper reported", over the whole clause before
   it, and one in an "as" clause, ", as the agency predicted"; "claimed
   in a video that ...", whose clause the small model reads as a relative one, included) and evidence
   ("documents show that", "the data showed a rise", "the court heard that": the document is the source);
3. :mod:`.according_to` (``according_to``): "according to X", before or after its clause;
   :mod:`.refusals` (``refusal``): "declined to comment (on X)", "did not respond to a request for comment",
   "refused to say whether ..." (content: the topic, or the refusal phrase itself when there is none);
   :mod:`.noun_cues` (``noun``): "allegations that", "the news that", "his claim that", "questions about",
   with the possessor, a by/from phrase or a light verb's subject as source;
4. :mod:`.quote_cues` (``quote``): a quotation that stage 2 did not cover, tied to a reporting verb and
   speaker in its sentence (or in a preceding sentence that ends with a colon, or a bare "he said" printed
   after it across a paragraph break, unless the quotation goes on from a paragraph whose quotation runs on:
   that is the earlier speaker's, stage 6), or in a headline to the speaker before a colon ("X on Y: '...'",
   cue ":");
5. :mod:`.speakers`: a speaker is written on one line, and a headline, byline, caption or crawled link above its
   cue is never one (:mod:`.lines`; the pipeline also starts a sentence after such a line); speakers are resolved: names through the actor catalogue (titles before a name go to
   the role; :mod:`.names`), short names and pronouns to the nearest compatible full mention (he/she to
   people, it/they to bodies and groups), descriptions ("the company", "police", "its spokesman") to the
   latest compatible named organisation, misspelt surnames (edit distance 1-2) merged and reported in
   ``name_variant``, unnamed speakers typed as anonymous, collective, institution, document or media from
   their head noun (``unresolved`` when no fitting antecedent or no speaker is found: never ``anonymous``,
   which the text itself says); people named together are one source ("Ana Ruiz and Tom Hale said"); subjects
   that cannot speak (gerunds, "nothing", "anyone", "this", a demonstrative "that") are no speakers;
6. :mod:`.floating` (``floating``): a quotation that stands as its own sentence with no cue inherits the
   previous speaker;
7. :mod:`.dedupe`: duplicates are removed in an explicit step; each content is cut to its cue's paragraph
   (a relation with no word there is dropped) and loses a dateline it begins with (:mod:`.contents`); and
   :mod:`.attributions` sorts the rows by position.

Kinds: ``direct`` when the content lies inside quotation marks, ``mixed`` when a quotation lies inside
reported content, ``indirect`` otherwise, ``according_to`` for stage 3. Claims: :mod:`.claims`; notebook
summaries: :mod:`.summaries`; highlighting: :mod:`analysis.views.highlights.sourcing`.

Claims resting on a record, data set, poll or study (``evidence`` in source_nouns.yaml) have ``basis``
evidence (:func:`.claims.rests_on_evidence`).

A report inside a quotation, of a third party or of evidence ("“Most worrying, the audit found that ...,” the
engineers wrote"), is a relation of its own beside the quotation's, its content its own clause
(:func:`.syntactic._quoted_report`); the quoted speaker's own wishes, denials and conditions there are not.

Not extracted: phrasal cues whose particle carries the meaning ("pointed out"), speakers named only in a
previous paragraph's quote, a noun cue, a position or a stance whose subject is inherited inside another relation's content (kept in that
content; :func:`.dedupe._own_cue`: a stance of mind with its own subject there, "X said he expects ...", "X
said staff were concerned that ...", is a relation of its own), and a single-quoted passage closed by an ``s'`` before a word when a
cleaner closing mark follows (read as a plural possessive).
"""

from analysis.extraction.sources.according_to import according_to_stage
from analysis.extraction.sources.attributions import attribution_rows
from analysis.extraction.sources.claims import claim_rows
from analysis.extraction.sources.contents import Contents
from analysis.extraction.sources.quote_cues import quote_stage
from analysis.extraction.sources.quotes import Quotations, quote_spans
from analysis.extraction.sources.records import Attribution, ClaimRow
from analysis.extraction.sources.syntactic import syntactic_stage
from analysis.extraction.sources.wordlists import Lexicon, lexicon

__all__ = [
    "Attribution", "ClaimRow", "Contents", "Lexicon", "Quotations", "according_to_stage", "attribution_rows",
    "claim_rows", "lexicon", "quote_spans", "quote_stage", "syntactic_stage",
]
