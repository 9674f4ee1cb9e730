"""Reporting-verb cues: which verbs report speech (by stance, ``reporting_verbs.yaml``) and who their speaker is
in the parse. Cues that are nouns ("his claim that ...") are read by :mod:`.noun_cues`, refusals by
:mod:`.refusals`."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from analysis.extraction.doc_index import children_of
from analysis.extraction.linguistics.antecedents import antecedent
from analysis.extraction.linguistics.voice import by_agent
from analysis.extraction.sources.names import written_as_name
from analysis.extraction.sources.wordlists import bare_word, lexicon

#: Subject dependencies that name who speaks.
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
#: Parts of speech that can head a speaker phrase ("one", "some" and "many" are numbers, determiners or
#: adjectives to the tagger).
SPEAKER_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "DET", "ADJ"})
#: Subject words that cannot be a source: pronouns for things, for nobody or for anyone at all ("why anyone would
#: wish to ..."), and demonstratives (a demonstrative "that" too: :func:`_can_speak`).
NON_SPEAKERS = frozenset({
    "nothing", "something", "anything", "everything", "none", "nobody", "neither", "anyone", "anybody", "this",
    "these", "those", "what",
})
#: Tags of a comparative ("more", "fewer", "less") beside a number: "three more than announced" is a quantity.
COMPARATIVE_TAGS = frozenset({"JJR", "RBR"})
#: First-person speakers outside quotation marks are the author's own voice, not a source.
FIRST_PERSON = frozenset({"i", "we", "me", "us"})
#: The reader, addressed outside quotation marks ("if you have questions, you can call ..."), is no source either:
#: what "you" does in the narrator's words is service text, never a report.
SECOND_PERSON = frozenset({"you"})
#: Pronouns of the author and the reader: never a source outside quotation marks.
NO_SOURCE_PERSONS = FIRST_PERSON | SECOND_PERSON


def verb_lemma(token: Token) -> str:
    """A verb's lemma, mended where the small model's lemmatiser strips too much ("hopes" -> "hop"): when the
    lemma is no cue of the word lists but the word less an inflection ("-s", "-d", "-ing" + "e") is, that one."""
    return mended_lemma(token.lemma_.lower(), token.lower_)


@lru_cache(maxsize=4096)
def mended_lemma(lemma: str, word: str) -> str:
    """``lemma`` of ``word`` (both lower case), mended as :func:`verb_lemma` says; cached, because the cue rules
    ask for the same verbs' lemmas many times per sentence."""
    known = lexicon().verb_cues
    if lemma in known:
        return lemma
    for guess in (word[:-1], word[:-2], word[:-3] + "e"):
        if guess in known and guess.startswith(lemma):
            return guess
    return lemma


#: Entity labels of who can hold a stance.
STANCE_HOLDER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def can_hold_stance(head: Token) -> bool:
    """Whether a subject can want, hope, fear or plan: a name, a personal pronoun, or a noun for a person, a
    group or a body in source_nouns.yaml ("analysts expect", "the company plans"); not a thing ("the attack
    aims to ...")."""
    if head.pos_ in ("PROPN", "PRON") or head.ent_type_ in STANCE_HOLDER_LABELS:
        return head.lower_ not in NON_SPEAKERS
    lex, lemma = lexicon(), head.lemma_.lower()
    return (
        lemma in lex.anonymous or lemma in lex.collective or lemma in lex.institution or lemma in lex.media
        or lemma in lex.title_words or lemma in lex.generic_body_nouns or lemma in lex.spokesperson_nouns
    )


def evidence_inside(head: Token) -> Token | None:
    """The document or evidence noun inside a subject that names neither an agent nor a document ("an early
    peek at the data", "a first look at the figures"): the object of a preposition on the subject's head whose
    noun is in ``document`` or ``evidence`` (source_nouns.yaml). None for a subject that is an agent, a
    document or evidence itself (any noun of the source lists), a name, or holds no such noun."""
    lex, lemma = lexicon(), head.lemma_.lower()
    if head.pos_ != "NOUN" or head.ent_type_ or lemma in lex.document or lemma in lex.evidence or (
        lemma in lex.institution or lemma in lex.anonymous or lemma in lex.collective or lemma in lex.media
        or lemma in lex.title_words or lemma in lex.spokesperson_nouns or lemma in lex.generic_body_nouns
    ):
        return None
    return next((
        g for c in children_of(head) if c.dep_ == "prep" for g in children_of(c)
        if g.dep_ == "pobj" and (g.lemma_.lower() in lex.document or g.lemma_.lower() in lex.evidence or g.lower_ in lex.evidence)
    ), None)


def is_named(head: Token) -> bool:
    """Whether a subject names its source: a proper noun or a PERSON, ORG, GPE or NORP entity (a catalogued
    actor is one of these); not a pronoun nor a common noun phrase ("the plan", "officials")."""
    return head.pos_ == "PROPN" or head.ent_type_ in STANCE_HOLDER_LABELS


def unwilling_to_speak(verb: Token) -> bool:
    """ "did not want to comment", "does not wish to discuss it": a negated verb of volition
    (``refusal_unwilling``) with the infinitive of a verb of saying (``refusal_speech``) is a refusal."""
    lex = lexicon()
    return verb_lemma(verb) in lex.refusal_unwilling and any(c.dep_ == "neg" for c in children_of(verb)) and any(
        c.dep_ == "xcomp" and verb_lemma(c) in lex.refusal_speech and any(a.lower_ == "to" for a in children_of(c))
        for c in children_of(verb)
    )


def stance_of(token: Token) -> str | None:
    return lexicon().stances.get(verb_lemma(token)) if token.pos_ == "VERB" else None


def speaker_of(verb: Token) -> Token | None:
    """The subject (or passive ``by`` agent) of a reporting verb, if it can be a source (:func:`_can_speak`).

    A conjoined verb or a participle ("..., saying that") shares its head's; "a statement saying" has the
    statement as speaker.
    """
    speaker = _subject_of(verb)
    return speaker if speaker is not None and _can_speak(speaker) else None


def _can_speak(head: Token) -> bool:
    """Whether a subject's head word can name a source: a noun, proper noun, pronoun, number or quantifier;
    not a gerund ("Sentencing"), a negative, indefinite or thing pronoun ("Nothing more suggests ...", "why anyone
    would wish to ..."), a demonstrative ("This shows ...", "That alone tells you ...") nor a phrase with "no" ("No official has confirmed ..."), nor a number compared
    ("three more than announced", "two fewer than reported": a quantity, not who counts)."""
    if head.tag_ == "VBG" and written_as_name(head):
        return True  # "Eva Worthing voted ... Worthing said": a surname the tagger reads as a gerund
    if head.pos_ not in SPEAKER_POS or head.tag_ == "VBG" or head.lower_ in NON_SPEAKERS:
        return False
    if head.lower_ == "that" and head.tag_ == "DT":
        return False  # "That alone tells you ...": a demonstrative; the relative "that" (WDT) is its antecedent's
    if head.pos_ == "NUM" and any(c.tag_ in COMPARATIVE_TAGS for c in children_of(head)):
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
        if len(subjects) > 1 and _title_after_name(subjects[1], child):
            child = subjects[1]  # "Ana Ruiz, chief executive said": the title is the name's, read as a second subject
        # "Smith, who has denied ...": the relative pronoun stands for its antecedent
        return antecedent(child)
    if has_agent(verb):
        return by_agent(verb)
    inverted = _inverted_speaker(verb)
    if inverted is not None:
        return inverted
    report = speakers_conjunct(verb)
    if report is not None:
        return _subject_of(report)
    if stray_participle(verb):
        # "closed the schools, allowing restaurants to serve takeout and saying ...": the participle goes on from
        # the clause the complement hangs on, never from the complement's own subject ("restaurants")
        return _subject_of(_outside_complements(verb.head))
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.dep_ == "ccomp" and stance_of(verb.head.head) and (
        not any(c.dep_ in SUBJECT_DEPS and can_hold_stance(c) for c in children_of(verb.head))
    ):
        # "recommended that the permit be refused, saying ...", "said the setback was different, adding that ...":
        # the small model hangs the speaker's participle on the reported clause, whose subject is none or a thing
        # that cannot speak; the participle is the reporting verb's ("said the mayor had resigned, citing ill
        # health" stays the mayor's)
        return _subject_of(verb.head.head)
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX") and verb.head.i != verb.i:
        return _subject_of(verb.head)
    if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.dep_ == "acomp":
        # "was quick to call for ...", "is keen to stress ...": the adjective's copula has the subject, when it
        # can hold a view ("the plan was hard to explain": a thing, the object of the infinitive)
        subject = _subject_of(verb.head.head)
        return subject if subject is not None and can_hold_stance(subject) else None
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.head.lemma_.lower() == "quote":
        # "teenagers are quoted as saying that ...": the passive subject of "quoted" speaks
        return next((c for c in children_of(verb.head.head) if c.dep_ == "nsubjpass"), None)
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") and verb.tag_ != "VBN":
        return verb.head  # "a statement saying ...", not "the company, said to be worth ..."
    return None


def _title_after_name(name: Token, title: Token) -> bool:
    """Whether ``title`` is a bare title (``titles`` of source_nouns.yaml, no determiner) written right after
    ``name`` and a comma, with no closing comma ("Ana Ruiz, chief executive said"): the parse makes both the
    verb's subjects, and the title describes the named person."""
    doc = name.doc
    return (
        name.pos_ == "PROPN" and title.left_edge.i == name.i + 2 and doc[name.i + 1].text == ","
        and bare_word(title.text) in lexicon().title_words
        and not any(c.dep_ in ("det", "poss") for c in children_of(title))
    )


def _inverted_speaker(verb: Token) -> Token | None:
    """The speaker printed after its verb right after a closing quotation mark, which the small model reads as
    the verb's object: '"Why now?" asked one resident', '"We will appeal," responded the lawyer'. Only a verb
    that stands straight after the closing mark (the news inversion; "asked the lawyer why ..." after a
    sentence of narration keeps its object as the addressee) and whose object follows it straight on."""
    if verb.i == 0 or not _closing_mark(verb.doc[verb.i - 1]):
        return None
    return next((c for c in children_of(verb) if c.dep_ == "dobj" and c.left_edge.i == verb.i + 1), None)


def _closing_mark(token: Token) -> bool:
    """A closing quotation mark, by the tagger's closing-quote tag or a right-hand typographic mark."""
    return token.is_quote and (token.tag_ == "''" or token.text in ("”", "’"))


#: Dependencies of a clause's subject, active or passive.
CLAUSE_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
#: Dependencies of any subject of a clause, an expletive "there" or "it" included.
ANY_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
#: Dependencies of a participle's own subject or auxiliary: with one it is a clause of its own, not a stray one.
OWN_CLAUSE_DEPS = ANY_SUBJECT_DEPS | {"aux", "auxpass"}


def stray_participle(token: Token) -> bool:
    """An "-ing" participle with no subject or auxiliary of its own that the small model conjoins to a verb with a
    subject of its own, or to a clause on a noun ("allowing restaurants to serve takeout and saying gatherings
    were banned": "saying" hangs on "serve"; "said voters had chosen another road and wishing his opponent
    well"; "allowing cafes to sell coffee and saying ..."). It cannot go on with that
    verb, whose subject is not its own: it is the next act of whoever did the participle's or cue's clause above.
    Not a participle conjoined to another participle, nor one after a form of "be" that it shares ("we are off
    the peak and seeing a decline")."""
    if token.dep_ != "conj" or token.tag_ != "VBG":
        return False  # (read first: ``Token.head`` makes a new Token, for every word of a content)
    clause = token.head
    if clause.i == token.i or clause.tag_ == "VBG" or clause.lemma_ == "be":
        return False
    return not any(c.dep_ in OWN_CLAUSE_DEPS for c in children_of(token)) and (
        clause.dep_ == "acl" or any(c.dep_ in ANY_SUBJECT_DEPS for c in children_of(clause)))


def _outside_complements(verb: Token) -> Token:
    """The first verb above ``verb``, itself included, that is no complement clause of another (``ccomp``,
    ``xcomp``) nor a clause on a noun that a verb governs ("allowing cafes to sell": "allowing"): the clause whose
    subject a stray participle after the complement shares (:func:`stray_participle`)."""
    while verb.head.i != verb.i:
        if verb.dep_ in ("ccomp", "xcomp"):
            verb = verb.head
        elif verb.dep_ == "acl" and verb.head.head.pos_ in ("VERB", "AUX") and verb.head.head.i != verb.head.i:
            verb = verb.head.head
        else:
            break
    return verb


def speakers_conjunct(verb: Token) -> Token | None:
    """The reporting verb whose speaker a cue verb conjoined into its content shares: "The firm reported 2 million
    units were sold and expects to sell 9 million" (the firm expects, not the units), "has said the first cases
    could have arrived weeks earlier and acknowledges the virus is spreading". The small model conjoins the
    second verb to the reported clause's verb; it is the speaker's when it is a cue (:func:`stance_of`) with no
    subject of its own, and the reported clause's subject disagrees with it in number ("units ... expects"), or
    cannot hold the stance of mind it names (:func:`can_hold_stance`; ``volition``: "the plan ... and hopes"), or
    cannot speak and the cue is a tensed verb that cannot share the clause's modal ("claims the chipset can reach
    650 megabits and says ...": :func:`_outside_modal`).
    A negated verb of saying (``refusal_speech``) is the speaker's too ("said tests were underway but did not say
    whether ..."), and no report
    (:func:`.syntactic.syntactic_stage` skips it). None otherwise: "said the company wants X and expects Y" is the
    company's, "saying the text made concessions and threatens the union" the text's."""
    if verb.dep_ != "conj":
        return None  # (read first: ``Token.head`` makes a new Token, for every word of a content)
    clause = verb.head
    if clause.i == verb.i or clause.dep_ != "ccomp" or stance_of(verb) is None:
        return None
    if any(c.dep_ in CLAUSE_SUBJECTS for c in children_of(verb)) or stance_of(clause.head) is None:
        return None
    subject = next((c for c in children_of(clause) if c.dep_ in CLAUSE_SUBJECTS), None)
    unsaid = verb_lemma(verb) in lexicon().refusal_speech and any(c.dep_ == "neg" for c in children_of(verb))
    if subject is None or unsaid or not _agrees(verb, subject) or (
        verb_lemma(verb) in lexicon().volition or _outside_modal(verb, clause)
    ) and not can_hold_stance(subject):
        return clause.head
    return None


def _outside_modal(verb: Token, clause: Token) -> bool:
    """Whether a conjoined verb is tensed (``VBZ``, ``VBD``, ``VBP``) with no auxiliary of its own while the clause
    it is conjoined to has a modal: "can support ... and says" cannot be one verb group under "can"."""
    return verb.tag_ in ("VBZ", "VBD", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in children_of(verb)) and any(
        c.dep_ == "aux" and c.tag_ == "MD" for c in children_of(clause))


#: Tags of a present-tense verb by number, and of nouns by number.
SINGULAR_PRESENT, PLURAL_PRESENT = "VBZ", "VBP"
PLURAL_NOUN_TAGS = frozenset({"NNS", "NNPS"})
SINGULAR_NOUN_TAGS = frozenset({"NN", "NNP"})


def _agrees(verb: Token, subject: Token) -> bool:
    """Whether a present-tense verb can take ``subject`` by number ("expects" cannot take "units"); any other
    verb form can (a past tense shows no number)."""
    if verb.tag_ == SINGULAR_PRESENT:
        return subject.tag_ not in PLURAL_NOUN_TAGS
    if verb.tag_ == PLURAL_PRESENT:
        return subject.tag_ not in SINGULAR_NOUN_TAGS
    return True


def expletive_passive(verb: Token) -> bool:
    """ "It was announced that ...": a relation whose speaker the text leaves out. Not a passive that hedges.yaml
    lists as a hedge ("it was believed", "it is understood", "it was reported that ..."): nobody is named as
    holding or saying it, so the clause is the outlet's, with a hedge on it (the cues table)."""
    if ("it", "be", verb_lemma(verb)) in lexicon().hedges:
        return False
    return any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in children_of(verb)) and any(
        c.dep_ == "ccomp" for c in children_of(verb)
    )


def reports(token: Token) -> bool:
    """A reporting verb with a subject of its own: its clause is someone else's speech, not the content."""
    return stance_of(token) is not None and any(c.dep_ in SUBJECT_DEPS for c in children_of(token))


def has_agent(verb: Token) -> bool:
    return any(c.dep_ == "agent" for c in children_of(verb))
