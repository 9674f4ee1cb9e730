"""Stage 3 (``according_to``): "according to X", before or after the clause it modifies."""

from __future__ import annotations

from spacy.tokens import Doc

from analysis.extraction.doc_index import children_of, doc_index
from analysis.extraction.sources.contents import content_span
from analysis.extraction.sources.records import Found
from analysis.extraction.sources.wordlists import lexicon


def according_to_stage(doc: Doc) -> list[Found]:
    """Stage 3: "according to X": X is the speaker, the clause it modifies (on the far side) the content.

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
        if token.i < clause.i:
            tokens = [t for t in clause.subtree if t.i > token.right_edge.i]
        else:
            tokens = [t for t in clause.subtree if t.i < token.left_edge.i]
        span = content_span(tokens, view)
        if span:
            cue = (token.idx, to.idx + len(to))
            found.append(Found("according_to", span, cue, "according to", source, kind="according_to", via=via))
    return found
