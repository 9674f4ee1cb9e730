"""Stage 3 (``according_to``): "according to X", before or after the clause it modifies."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from analysis.extraction.doc_index import children_of, doc_index
from analysis.extraction.sources.contents import content_span
from analysis.extraction.sources.records import Found
from analysis.extraction.sources.wordlists import lexicon


def according_to_stage(doc: Doc) -> list[Found]:
    """Stage 3: "according to X": X is the speaker, the clause it modifies (on the far side) the content; printed
    after its clause, it sources all of that clause's conjuncts (:func:`_whole_clause`).

    For a document released by someone ("figures released by the association") the author is the speaker;
    for one that reached the reader through an outlet ("a report seen by the Gazette") the outlet is ``via``.
    """
    lex, found, index = lexicon(), [], doc_index(doc)
    view = index.text
    for token in (index.tokens[i] for i, word in enumerate(index.lower) if word == "according"):
        to = next((c for c in children_of(token) if c.lower_ == "to"), None)
        source = next((c for c in children_of(to) if c.dep_ == "pobj"), None) if to is not None else None
        if source is None:
            continue
        via = ""
        for verb in (c for c in children_of(source) if c.dep_ == "acl"):
            agent = next((g for a in children_of(verb) if a.dep_ == "agent" for g in children_of(a) if g.dep_ == "pobj"), None)
            if agent is None:
                continue
            if verb.lemma_.lower() in lex.author_verbs:
                source = agent
            elif verb.lemma_.lower() in lex.intermediary_verbs:
                via = view[agent.left_edge.idx : agent.right_edge.idx + len(agent.right_edge)]
        clause = token.head
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        if token.i > clause.i:
            clause = _whole_clause(clause)
        if token.i < clause.i:
            tokens = [t for t in clause.subtree if t.i > token.right_edge.i]
        else:
            tokens = [t for t in clause.subtree if t.i < token.left_edge.i]
        span = content_span(tokens, view)
        if span:
            cue = (token.idx, to.idx + len(to))
            found.append(Found("according_to", span, cue, "according to", source, kind="according_to", via=via))
    return found


def _whole_clause(clause: Token) -> Token:
    """The clause an "according to" printed after ``clause`` sources: the first of coordinated clauses ("A has 80
    cases and B has 20 cases, according to ..." sources both), and the clause above an open complement or a
    participle the parse hangs the phrase on ("Fourteen have died, succumbing in the past week, according to
    ..."; "voters registered ... oppose the law, according to a poll" where the small model reads a verb in the
    subject, or a participle it tags as a past tense with no subject: "ahead of the average of acreage harvested,
    according to ..."). Not above a clause with a subject of its own that is no conjunct: "He said prices rose,
    according to the agency" sources what the agency says, the clause."""
    while clause.head.i != clause.i and clause.head.pos_ in ("VERB", "AUX") and (
        clause.dep_ in ("conj", "xcomp") or clause.dep_ == "advcl" and clause.tag_ in ("VBG", "VBN", "VBD")
        and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in children_of(clause))
    ):
        clause = clause.head
    return clause
