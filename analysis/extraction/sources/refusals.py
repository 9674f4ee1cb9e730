"""Refusals (``refusal``): "declined to comment", "refused to say whether ...", "did not respond to a request for
comment", "could not be reached for comment".

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
from analysis.extraction.sources.cues import FIRST_PERSON, _can_speak, speaker_of, verb_lemma
from analysis.extraction.sources.quotes import Quotations
from analysis.extraction.sources.records import Found
from analysis.extraction.sources.wordlists import lexicon

#: What a reply is asked for in "did not respond to a request for comment".
REQUEST_NOUNS = frozenset({"request", "call", "message", "email", "inquiry", "enquiry", "query", "question", "phone"})
#: Prepositions that introduce the topic refused ("on the matter", "about the deal").
TOPIC_PREPOSITIONS = frozenset({"on", "about", "regarding", "over", "concerning"})


def refusal_stage(doc: Doc, quotes: Quotations) -> list[Found]:
    """Refusals outside quotation marks, with the speaker that refused (see the module docstring)."""
    index, found, lex = doc_index(doc), [], lexicon()
    view = index.text
    for verb in index.tokens:
        if verb.pos_ not in ("VERB", "AUX") or quotes.around(verb.idx):
            continue
        lemma = verb_lemma(verb)
        if lemma in lex.refusal_verbs:
            relation = _declined(verb, lex)
        elif lemma in lex.refusal_reply:
            relation = _no_reply(verb)
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
    """ "declined to comment (on X)", "refused to say (whether X)"."""
    speech = next(
        (c for c in children_of(verb) if c.dep_ == "xcomp" and verb_lemma(c) in lex.refusal_speech
         and any(a.lower_ == "to" for a in children_of(c))),
        None,
    )
    if speech is None:
        return None
    cue = (verb.idx, speech.idx + len(speech))
    topic = [t for c in children_of(speech) if c.i > speech.i and _is_topic(c) for t in c.subtree]
    return speaker_of(verb), cue, sorted(topic, key=lambda t: t.i)


def _is_topic(token: Token) -> bool:
    return token.dep_ in ("ccomp", "dobj") or (token.dep_ == "prep" and token.lower_ in TOPIC_PREPOSITIONS)


def _no_reply(verb: Token) -> tuple[Token | None, tuple[int, int], list[Token]] | None:
    """ "did not respond to a request for comment (on X)", "could not be reached for comment"."""
    negation = next((c for c in children_of(verb) if c.dep_ == "neg"), None)
    if negation is None:
        return None
    comment = next((t for t in verb.subtree if t.lower_ == "comment" and t.dep_ == "pobj" and t.head.lower_ == "for"), None)
    if comment is None:
        return None
    if verb_lemma(verb) == "reach":
        if comment.head.head.i != verb.i:
            return None
        subject = next((c for c in children_of(verb) if c.dep_ == "nsubjpass"), None)
        speaker = subject if subject is not None and _can_speak(subject) else None
    else:
        asked = comment.head.head
        if asked.lower_.rstrip("s") not in REQUEST_NOUNS and not asked.lower_.startswith("email"):
            return None
        speaker = speaker_of(verb)
    auxiliaries = [c for c in children_of(verb) if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i]
    start = min([verb.idx] + [a.idx for a in auxiliaries])
    cue = (start, comment.idx + len(comment))
    topic = [t for c in children_of(comment) if _is_topic(c) for t in c.subtree]
    topic += [t for c in children_of(comment.head.head) if c.i > comment.i and _is_topic(c) for t in c.subtree]
    return speaker, cue, sorted(topic, key=lambda t: t.i)
