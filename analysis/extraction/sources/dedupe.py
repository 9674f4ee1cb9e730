"""Stage 7: one relation per content: contents extended to the quotation they run into, then repeats and nested
finds dropped."""

from __future__ import annotations

from dataclasses import replace

from analysis.extraction.doc_index import Intervals
from analysis.extraction.linguistics.antecedents import PERSON_RELATIVES, antecedent
from analysis.extraction.sources.contents import trimmed_span
from analysis.extraction.sources.quotes import VIEW_QUOTE_MARKS, Quotations, overlap
from analysis.extraction.sources.records import Found
from analysis.extraction.sources.syntactic import is_document, is_evidence
from analysis.extraction.sources.wordlists import lexicon


def extend_to_quotes(found: list[Found], quotes: Quotations, view: str) -> list[Found]:
    """Content that starts or ends inside a quotation running over a sentence break covers the quotation, and
    content wholly inside a quotation is the quotation (as :func:`_kind` reports it), so that two clauses of
    one quotation found for one cue are one relation; a report inside the quotation
    (:meth:`~.quotes.Quotations.reports_inside`) keeps its own clause."""
    extended = []
    for f in found:
        if quotes.reports_inside(f.cue):
            extended.append(f)  # a report inside a quotation has its own clause, never the whole quotation
            continue
        start, end = f.content
        # only the quotation whose words hold the content's start can extend it: quotations never overlap
        at = quotes.inner_at(start)
        if at is not None:
            inner = quotes.inners[at]
            if inner[0] <= start and end <= inner[1]:
                start, end = inner
            elif inner[0] <= start < inner[1] and end <= inner[1] and "." in view[inner[0]:start]:
                start = inner[0]
            if inner[0] <= start < inner[1] and start < end <= inner[1] and "." in view[end:inner[1]].rstrip(f".,{VIEW_QUOTE_MARKS} "):
                end = inner[1]
        extended.append(replace(f, content=trimmed_span(view, start, end) or f.content))
    return extended


def deduplicate(found: list[Found], quotes: Quotations) -> list[Found]:
    """Drop repeats and nested finds, in this order of preference: syntactic, according to, quote.

    Dropped: the same content found twice (except for "citing X", a second source of the same content); a second, overlapping content for one cue; a quotation that a
    parse-based relation already covers (a report inside it covers none of it); a relation whose cue starts inside another relation's longer cue (the
    noun "questions about" in the refusal "did not respond to questions about ..."); and a relation whose cue lies inside another relation's content
    (reported speech inside reported speech, or a verb like "add" read in its other sense), unless that cue has
    a speaker of its own in the parse and reports an act rather than a state of mind (:func:`_own_cue`): "The
    paper reports that the chief executive has confirmed that ..." is two relations.
    """
    reporting = Intervals([(g.content[0], g.content[1], g.cue) for g in found if g.stage != "according_to"])
    # a position taken inside a finding's content ("according to" a source, or what evidence shows) is part of
    # that finding: "according to the poll, voters oppose ..."
    findings = Intervals([(g.content[0], g.content[1], g.cue) for g in found if g.stage == "according_to" or _shown(g)])
    positions = lexicon().position_verbs
    # a cue that starts inside another relation's longer cue is a word of that phrase: "did not respond to questions about
    # his future" is one refusal, not also a noun cue "questions about"
    cues = Intervals([(g.cue[0], g.cue[1], g.cue) for g in found if g.cue is not None])
    kept: list[Found] = []
    kept_contents: set[tuple[int, int]] = set()
    kept_by_cue: dict[tuple[int, int] | None, list[tuple[int, int]]] = {}
    kept_spans: Intervals[tuple[int, int]] = Intervals()
    for f in found:
        duplicate = (
            (f.content in kept_contents and f.stage != "citing")
            or any(overlap(f.content, content) > 0 for content in kept_by_cue.get(f.cue, ()))
            or (f.stage == "quote" and bool(kept_spans.overlapping(*f.content)))
        )
        nested = f.cue is not None and not _own_cue(f) and any(cue != f.cue for cue in reporting.stabbing(f.cue[0]))
        if f.cue is not None and f.cue_lemma in positions:
            nested = nested or any(cue != f.cue for cue in findings.stabbing(f.cue[0]))
        nested = nested or f.cue is not None and any(
            cue != f.cue and cue[1] - cue[0] > f.cue[1] - f.cue[0] for cue in cues.stabbing(f.cue[0]))
        if not duplicate and not nested:
            kept.append(f)
            kept_contents.add(f.content)
            kept_by_cue.setdefault(f.cue, []).append(f.content)
            if not quotes.reports_inside(f.cue):  # the quotation a report lies in is still its speaker's
                kept_spans.add(*f.content, f.content)
    return kept


def _shown(found: Found) -> bool:
    """Whether a relation is what evidence shows ("the survey found voters oppose ..."): an evidence verb whose
    speaker is a record, a data set or a document (source_nouns.yaml)."""
    return found.cue_lemma in lexicon().evidence_verbs and (is_evidence(found.speaker) or is_document(found.speaker))


def _own_cue(found: Found) -> bool:
    """A nested relation kept as its own: a refusal, or a verb of saying, requesting or showing, or a stance of
    mind (hope, want, expect, fear, plan: ``volition``; "were concerned": ``adjective_cues``), whose speaker is
    its own subject ("The paper reports that the chief executive has confirmed that ...": the chief executive's
    confirmation is a public act the paper reports; "He said he expects prices to fall", "X said staff were
    concerned that ...": the stance is a relation of its own, held by the one the clause names, as annotated
    news and PARC 3.0 count it; a position with its own subject too: "the paper reports the board approved the
    permit after the developer proposed new conditions"). Not kept: a cue whose speaker is inherited (a
    participle, a conjoined verb), a noun cue, or a position inside a finding's content (:func:`deduplicate`:
    "according to the poll, voters oppose ..." is the poll's finding, so it stays with that content)."""
    if found.stage == "refusal":
        return True
    lex = lexicon()
    if found.stage != "syntactic":
        return False
    speaker = found.speaker
    if speaker is None:
        return False
    # the cue of a stance adjective spans its copula, on which the small model may hang the subject
    if found.cue[0] <= speaker.head.idx < found.cue[1] and speaker.dep_ in ("nsubj", "nsubjpass"):
        return True
    # "it was him who recommended ...": the cue's own subject is a relative pronoun standing for the speaker
    following = speaker.doc[speaker.i + 1 : speaker.i + 3]
    return any(
        t.lower_ in PERSON_RELATIVES and t.dep_ in ("nsubj", "nsubjpass") and t.head.idx == found.cue[0]
        and antecedent(t).i == speaker.i for t in following
    )
