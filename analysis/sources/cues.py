"""Reporting-verb cues: which verbs report speech (by stance, ``reporting_verbs.yaml``) and who their speaker is
in the parse. Not read here: cues that are nouns ("his claim that ...")."""

from __future__ import annotations

from spacy.tokens import Token

from analysis.doc_index import children_of
from analysis.linguistics.antecedents import antecedent
from analysis.linguistics.voice import by_agent
from analysis.sources.wordlists import lexicon

#: Subject dependencies that name who speaks.
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
#: Parts of speech that can head a speaker phrase ("one", "some" and "many" are numbers, determiners or
#: adjectives to the tagger).
SPEAKER_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "DET", "ADJ"})
#: Subject words that cannot be a source: pronouns for things or for nobody, and demonstratives.
NON_SPEAKERS = frozenset(
    {"nothing", "something", "anything", "everything", "none", "nobody", "neither", "this", "these", "those", "what"}
)
#: First-person speakers outside quotation marks are the author's own voice, not a source.
FIRST_PERSON = frozenset({"i", "we", "me", "us"})


def stance_of(token: Token) -> str | None:
    return lexicon().stances.get(token.lemma_.lower()) if token.pos_ == "VERB" else None


def speaker_of(verb: Token) -> Token | None:
    """The subject (or passive ``by`` agent) of a reporting verb, if it can be a source (:func:`_can_speak`).

    A conjoined verb or a participle ("..., saying that") shares its head's; "a statement saying" has the
    statement as speaker.
    """
    speaker = _subject_of(verb)
    return speaker if speaker is not None and _can_speak(speaker) else None


def _can_speak(head: Token) -> bool:
    """Whether a subject's head word can name a source: a noun, proper noun, pronoun, number or quantifier;
    not a gerund ("Sentencing"), a negative or thing pronoun ("Nothing more suggests ..."), a demonstrative
    ("This shows ...") nor a phrase with "no" ("No official has confirmed ...")."""
    if head.pos_ not in SPEAKER_POS or head.tag_ == "VBG" or head.lower_ in NON_SPEAKERS:
        return False
    # the tagger often calls a gerund a noun: a bare singular "-ing" noun is one
    if head.tag_ == "NN" and head.lower_.endswith("ing") and not any(c.dep_ in ("det", "poss") for c in children_of(head)):
        return False
    return not any(c.dep_ == "det" and c.lower_ == "no" for c in children_of(head))


def _subject_of(verb: Token) -> Token | None:
    # with two subjects ("Sentencing, Mrs Justice Harcourt said"), the one nearer the verb
    subjects = sorted((c for c in children_of(verb) if c.dep_ in SUBJECT_DEPS), key=lambda c: (abs(c.i - verb.i), c.i))
    if subjects:
        child = subjects[0]
        # "Smith, who has denied ...": the relative pronoun stands for its antecedent
        return antecedent(child)
    if has_agent(verb):
        return by_agent(verb)
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX") and verb.head.i != verb.i:
        return _subject_of(verb.head)
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    return None


def expletive_passive(verb: Token) -> bool:
    """ "It was announced that ...": a relation whose speaker the text leaves out."""
    return any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in children_of(verb)) and any(
        c.dep_ == "ccomp" for c in children_of(verb)
    )


def reports(token: Token) -> bool:
    """A reporting verb with a subject of its own: its clause is someone else's speech, not the content."""
    return stance_of(token) is not None and any(c.dep_ in SUBJECT_DEPS for c in children_of(token))


def has_agent(verb: Token) -> bool:
    return any(c.dep_ == "agent" for c in children_of(verb))
