"""Refusals (``refusal``): "declined to comment", "refused to say whether ...", "declined to be interviewed",
"declined requests for comment", "did not respond to a request for comment", "did not return calls seeking
comment", "did not reply to emails", "could not be reached for comment", "would not comment on ...", "did not give
a date", "would not release the name".

Not refusals: "declined to be named" (anonymity), "did not return to work", "did not respond to treatment" or
"to calls for his resignation" (no request for the source's words), "the report did not comment on costs" (a
document), "declined the offer".

A refusal is an attribution: the source is who refused, the cue the refusal phrase as written ("declined to
comment", "did not immediately respond to a request for comment"; tense auxiliaries and "not" kept, since the
negation is the refusal) and the content the topic refused, as written after the cue ("on the matter",
"whether she would run"). A refusal with no topic has the refusal phrase itself as its content (content and cue
are the same span), so that every row has a content and the claims table shows what the source did: declined to
comment. Kind is ``indirect``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from analysis.extraction.doc_index import children_of, doc_index
from analysis.extraction.sources.contents import content_span
from analysis.extraction.sources.cues import FIRST_PERSON, _can_speak, speaker_of, unwilling_to_speak, verb_lemma
from analysis.extraction.linguistics.voice import is_passive
from analysis.extraction.sources.quotes import Quotations
from analysis.extraction.sources.records import Found
from analysis.extraction.sources.syntactic import is_document, is_evidence
from analysis.extraction.sources.wordlists import lexicon

#: Prepositions that introduce the topic refused ("on the matter", "about the deal").
TOPIC_PREPOSITIONS = frozenset({"on", "about", "regarding", "over", "concerning"})


def refusal_stage(doc: Doc, quotes: Quotations) -> list[Found]:
    """Refusals outside quotation marks, with the speaker that refused (see the module docstring)."""
    index, found, lex = doc_index(doc), [], lexicon()
    view = index.text
    # verbs picked out by the index's parts of speech (reading every Token's was most of the stage's cost)
    for verb in (index.tokens[i] for i, pos in enumerate(index.pos) if pos in ("VERB", "AUX")):
        if quotes.around(verb.idx):
            continue
        lemma = verb_lemma(verb)
        if lemma in lex.refusal_verbs or unwilling_to_speak(verb):
            relation = _declined(verb, lex)
        elif lemma in lex.refusal_reply:
            relation = _no_reply(verb, lex)
        elif lemma in lex.refusal_negated:
            relation = _no_comment(verb, lex)
        elif lemma in lex.refusal_speech:
            relation = _withheld(verb, lex)
        else:
            continue
        if relation is None:
            continue
        speaker, cue, topic = relation
        if speaker is None or speaker.lower_ in FIRST_PERSON:
            continue
        span = content_span(topic, view) if topic else None
        found.append(Found("refusal", span or cue, cue, lemma, speaker, kind="indirect"))
    return found


def _declined(verb: Token, lex) -> tuple[Token | None, tuple[int, int], list[Token]] | None:
    """ "declined to comment (on X)", "refused to say (whether X)", "declined to be interviewed", "declined
    requests for comment", "declined an interview"."""
    speech = next(
        (c for c in children_of(verb) if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in children_of(c)) and (
            verb_lemma(c) in lex.refusal_speech if not is_passive(c) else verb_lemma(c) in lex.refusal_passive)),
        None,
    )
    if speech is None:
        request = next((c for c in children_of(verb) if c.dep_ == "dobj" and _asks_for_words(c, lex)), None)
        if request is None:
            return None
        return speaker_of(verb), (verb.idx, request.right_edge.idx + len(request.right_edge)), []
    negated = _negated_span(verb)
    cue = (negated[0] if negated else verb.idx, speech.idx + len(speech))
    return speaker_of(verb), cue, _topic(speech, after=speech.i)


def _is_topic(token: Token, *, clauses: bool = True) -> bool:
    """An on/about phrase, and with ``clauses`` a reported clause or an object ("refused to say whether ...")."""
    return (clauses and token.dep_ in ("ccomp", "dobj")) or (token.dep_ == "prep" and token.lower_ in TOPIC_PREPOSITIONS)


def _topic(head: Token, *, after: int = -1, clauses: bool = True) -> list[Token]:
    """The words, in text order, of the topic phrases (:func:`_is_topic`) of ``head`` that start after token
    ``after``."""
    return sorted((t for c in children_of(head) if c.i > after and _is_topic(c, clauses=clauses) for t in c.subtree),
                  key=lambda t: t.i)


def _asks_for_words(noun: Token, lex) -> bool:
    """Whether a noun is a request for the source's words: an interview, or a request, call or message
    (``refusal_requests``) "for comment" or "seeking comment" ("requests for comment", "calls seeking comment").
    """
    request = _request_noun(noun, lex)
    return request == "interview" or (request is not None and _comment_asked(noun) is not None)


def _request_noun(noun: Token, lex) -> str | None:
    """The ``refusal_requests`` word a noun is ("emails" -> "email"), else None; an interview request is an
    interview."""
    if any(c.dep_ == "compound" and c.lemma_.lower() == "interview" for c in children_of(noun)):
        return "interview"
    for word in (noun.lemma_.lower(), noun.lower_, noun.lower_.rstrip("s")):
        if word in lex.refusal_requests:
            return word
    return None


def _comment_asked(head: Token) -> Token | None:
    """The word "comment" that ``head``'s phrase asks for: "for comment", "seeking comment"."""
    return next((
        t for t in head.subtree if t.lower_ == "comment" and (
            (t.dep_ == "pobj" and t.head.lower_ == "for") or (t.dep_ == "dobj" and t.head.lemma_ in ("seek", "request")))
    ), None)


def _negated_span(verb: Token) -> tuple[int, list[Token]] | None:
    """Where a negated verb's phrase starts (its auxiliaries and "not" before it) and its auxiliaries; None when
    the verb is not negated."""
    if not any(c.dep_ == "neg" for c in children_of(verb)):
        return None
    auxiliaries = [c for c in children_of(verb) if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i]
    return min([verb.idx] + [a.idx for a in auxiliaries]), auxiliaries


def _no_reply(verb: Token, lex) -> tuple[Token | None, tuple[int, int], list[Token]] | None:
    """ "did not respond to a request for comment (on X)", "did not return calls seeking comment", "could not be
    reached for comment", and a negated reply whose object is a request (``refusal_requests``) with no "for
    comment": "did not reply to emails", "did not answer questions about X" (a request for something else,
    "calls for his resignation", is none)."""
    negated = _negated_span(verb)
    if negated is None:
        return None
    start, _ = negated
    comment = _comment_asked(verb)
    if comment is None:
        return _unanswered(verb, lex, start)
    if verb_lemma(verb) == "reach":
        if comment.head.head.i != verb.i:
            return None
        subject = next((c for c in children_of(verb) if c.dep_ == "nsubjpass"), None)
        speaker = subject if subject is not None and _can_speak(subject) else None
    else:
        asked = comment.head.head  # the request "for comment" hangs on, or that is "seeking comment"
        if _request_noun(asked, lex) is None:
            return None
        speaker = speaker_of(verb)
    cue = (start, comment.idx + len(comment))
    return speaker, cue, sorted(_topic(comment) + _topic(comment.head.head, after=comment.i), key=lambda t: t.i)


def _unanswered(verb: Token, lex, start: int) -> tuple[Token | None, tuple[int, int], list[Token]] | None:
    """ "did not reply to emails (from X)", "did not return calls", "did not answer questions about X": the
    reply verb's object, or the object of its "to", is a request (``refusal_requests``) that asks for nothing
    else ("calls for his resignation" does); the cue runs to the request, the topic is its about/on phrase."""
    if verb_lemma(verb) == "reach":
        return None
    objects = [c for c in children_of(verb) if c.dep_ == "dobj"]
    objects += [g for c in children_of(verb) if c.dep_ == "prep" and c.lower_ == "to" for g in children_of(c) if g.dep_ == "pobj"]
    request = next((o for o in objects if _request_noun(o, lex) not in (None, "phone")), None)
    if request is None or any(c.dep_ == "prep" and c.lower_ == "for" for c in children_of(request)):
        return None
    cue = (start, request.idx + len(request))
    return speaker_of(verb), cue, _topic(request, clauses=False)


def _withheld(verb: Token, lex) -> tuple[Token | None, tuple[int, int], list[Token]] | None:
    """ "did not give a specific date", "did not release the officer's name", "would not disclose the amount": a
    negated verb of saying or giving (``refusal_speech``) in a past, perfect or modal form (:func:`_refusing_negation`)
    whose object is information asked of a source (``refusal_information``), with a subject that can speak and is
    no document; the cue runs to the verb, the object is the topic. Not "did not give a speech" nor "did not
    provide funding", whose object is no information."""
    negated = _refusing_negation(verb)
    topic = next((c for c in children_of(verb) if c.dep_ == "dobj" and c.lemma_.lower() in lex.refusal_information), None)
    if negated is None or topic is None or _written(speaker := speaker_of(verb)):
        return None
    return speaker, (negated, verb.idx + len(verb)), list(topic.subtree)


def _written(speaker: Token | None) -> bool:
    """Whether a subject is a document or evidence, which leaves things out but refuses nothing ("the report did
    not comment on costs", "the report did not give a reason")."""
    return speaker is not None and (is_document(speaker) or is_evidence(speaker))


#: Auxiliaries of a negated "comment" that report one refusal ("did not", "would not", "has not", "could not"):
#: "does not comment on rumours" and "never comments" state a habit or a policy, not a refusal in the story.
REFUSING_AUXILIARIES = frozenset({"did", "would", "could", "will", "wo", "has", "have", "had"})


def _refusing_negation(verb: Token) -> int | None:
    """Where the negation of a verb that reports one refusal starts ("did not", "would not", "has not": a past,
    perfect or modal form of :data:`REFUSING_AUXILIARIES` with "not"), else None ("does not comment", present, is a
    policy; "never comments" a habit)."""
    negated = _negated_span(verb)
    if negated is None:
        return None
    start, auxiliaries = negated
    if not any(a.lower_ in REFUSING_AUXILIARIES for a in auxiliaries) or not any(a.lower_ in ("not", "n't") for a in auxiliaries):
        return None
    return start


def _no_comment(verb: Token, lex) -> tuple[Token | None, tuple[int, int], list[Token]] | None:
    """ "would not comment on X", "has not commented": a negated ``refusal_negated`` verb with no clause of its
    own, whose subject can speak and is no document ("the report did not comment on costs" is not refused), in a
    past, perfect or modal form (:data:`REFUSING_AUXILIARIES`; "does not comment", present, is a policy)."""
    start = _refusing_negation(verb)
    if start is None or any(c.dep_ in ("ccomp", "xcomp") for c in children_of(verb)):
        return None
    if _written(speaker := speaker_of(verb)):
        return None
    return speaker, (start, verb.idx + len(verb)), _topic(verb, after=verb.i, clauses=False)
