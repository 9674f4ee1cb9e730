"""Stage 2 (``syntactic``): a reporting verb with a speaker and a content in the parse."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from analysis.doc_index import children_of, doc_index
from analysis.linguistics.voice import is_passive
from analysis.sources.contents import content_span
from analysis.sources.cues import FIRST_PERSON, expletive_passive, has_agent, reports, speaker_of
from analysis.sources.quotes import Quotations
from analysis.sources.records import Found
from analysis.sources.wordlists import lexicon


def _content_tokens(head: Token, cue: Token) -> list[Token]:
    """Tokens of ``head``'s subtree on one side of the cue, without nested reporting clauses."""
    tokens, stack = [], [head]
    while stack:
        token = stack.pop()
        if token.i != head.i and token.dep_ in ("advcl", "conj", "parataxis") and reports(token):
            continue
        tokens.append(token)
        stack.extend(children_of(token))
    side = [t for t in tokens if (t.i > cue.i) == (head.i > cue.i) and t.i != cue.i]
    return sorted(side, key=lambda t: t.i)


def _content_heads(cue: Token, speaker: Token | None) -> list[Token]:
    """The words whose subtrees hold what ``cue`` attributes (see :func:`syntactic_stage`)."""
    lex, lemma = lexicon(), cue.lemma_.lower()
    heads = [c for c in children_of(cue) if c.dep_ == "ccomp"]
    # "said in a statement that ...": the clause hangs from the statement
    heads = heads or [
        g for c in children_of(cue) if c.dep_ == "prep" for p in children_of(c) if p.dep_ == "pobj"
        for g in children_of(p) if g.dep_ in ("ccomp", "acl") and any(m.lower_ == "that" for m in children_of(g))
    ]
    if not heads and lemma in lex.infinitive_content:
        heads = [c for c in children_of(cue) if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in children_of(c))]
    if not heads and cue.dep_ == "parataxis" and speaker is not None and speaker.head.i == cue.i and (
        cue.head.i < cue.i or cue.head.left_edge.i < cue.left_edge.i
    ):
        heads = [cue.head]  # the cue interrupts or follows its content clause
    negated = any(c.dep_ == "neg" for c in children_of(cue))
    objects = [c for c in children_of(cue) if c.dep_ == "dobj"]
    complements = [c for c in children_of(cue) if c.dep_ in ("oprd", "xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "as")]
    # the small model often attaches a quoted complement to the object: "called the plan 'a shambles'"
    complements += [a for o in objects for a in children_of(o) if a.dep_ == "appos" and a.i > o.i]
    if not heads and not negated and objects and (
        lemma in lex.object_content or (lemma in lex.object_complement and complements)
    ):
        heads = objects[:1]
    return heads


def syntactic_stage(doc: Doc, quotes: Quotations) -> list[Found]:
    """Stage 2: reporting verbs with a speaker and a content in the parse.

    Content is the verb's clausal complement (``ccomp``, also when it hangs from "in a statement"), else a
    ``to`` infinitive for verbs listed under ``infinitive_content`` ("vowed to ..."), else, for a cue
    interrupting its clause ("It was, he added, a week"), the rest of that clause, else the direct object of
    verbs listed under ``object_content`` (with its complement for ``object_complement``: "called the ruling
    'a disgrace'"). Cues inside quotation marks are skipped (a source's own sources are not the story's).
    The object of "told" is the addressee.
    """
    index, found, stances = doc_index(doc), [], lexicon().stances
    view = index.text
    verbs = [i for i, (lemma, pos) in enumerate(zip(index.lemma, index.pos)) if pos == "VERB" and lemma in stances]
    for cue in (index.tokens[i] for i in verbs):
        if quotes.around(cue.idx):
            continue
        if is_passive(cue) and not has_agent(cue):
            if not expletive_passive(cue):
                continue
            speaker = None
        else:
            speaker = speaker_of(cue)
            if speaker is None or speaker.lower_ in FIRST_PERSON:
                continue
        addressee = next((c for c in children_of(cue) if c.dep_ in ("dobj", "dative") and cue.lemma_ == "tell"), None)
        for head in _content_heads(cue, speaker):
            for span in _content_pieces(head, cue, quotes, view):
                found.append(
                    Found("syntactic", span, (cue.idx, cue.idx + len(cue)), cue.lemma_.lower(), speaker, addressee)
                )
    return found


def _content_pieces(head: Token, cue: Token, quotes: Quotations, view: str) -> list[tuple[int, int]]:
    """The content span of ``head``; a split quotation ("A," she said, "B.") gives one span per quotation."""
    if head.i == cue.head.i and head.left_edge.i < cue.left_edge.i:
        before = [t for t in head.subtree if t.i < cue.left_edge.i]
        after = [t for t in head.subtree if t.i > cue.right_edge.i]
        pieces = [p for p in (content_span(before, view), content_span(after, view)) if p]
        if len(pieces) == 2 and all(quotes.holding(p) for p in pieces):
            return pieces
        return [(pieces[0][0], pieces[-1][1])] if pieces else []
    tokens = _content_tokens(head, cue)
    if head.dep_ == "dobj":
        # the object's complement: "as nothing more than ...", "'a disgrace'"
        tokens += [
            t for c in children_of(cue) if c.i > head.i and (c.dep_ in ("oprd", "xcomp") or c.dep_ == "prep" and c.lower_ == "as")
            for t in c.subtree
        ]
    span = content_span(sorted(tokens, key=lambda t: t.i), view)
    return [span] if span else []
