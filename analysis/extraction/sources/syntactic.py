"""Stage 2 (``syntactic``): a reporting verb with a speaker and a content in the parse."""

from __future__ import annotations

import re
from typing import Sequence

from spacy.tokens import Doc, Token

from analysis.extraction.doc_index import children_of, doc_index
from analysis.extraction.linguistics.voice import is_passive
from analysis.extraction.sources.contents import content_span, is_marker, trimmed_span
from analysis.extraction.linguistics.antecedents import antecedent
from analysis.extraction.sources.cues import (
    CLAUSE_SUBJECTS, NO_SOURCE_PERSONS, NON_SPEAKERS, SECOND_PERSON, _can_speak, stray_participle, can_hold_stance, unwilling_to_speak, evidence_inside, expletive_passive, has_agent, is_named, reports, speaker_of, speakers_conjunct, stance_of,
    verb_lemma,
)
from analysis.extraction.sources.quotes import Quotations
from analysis.extraction.sources.records import Found
from analysis.extraction.sources.wordlists import lexicon


def _content_tokens(head: Token, cue: Token) -> list[Token]:
    """Tokens of ``head``'s subtree on one side of the cue, without nested reporting clauses."""
    tokens, stack = [], [head]
    while stack:
        token = stack.pop()
        if token.i != head.i and token.dep_ in ("advcl", "conj", "parataxis") and reports(token) and not (
            token.dep_ == "conj" and any(m.dep_ == "mark" and m.lower_ == "that" for m in children_of(token))
        ) and not _subordinate(token):
            # another report, unless a second "that" clause of this one ("..., but that he expects ..."), or a
            # clause of time or cause inside it ("would recall the syrup after tests found ...")
            continue
        # (each of the four reads a conjunct or an adverbial clause only: other words skip their calls)
        if token.i != head.i and token.dep_ in ("conj", "advcl") and (
            _narrated_conjunct(token) or _participle_conjunct(token) or speakers_conjunct(token) is not None
            or _next_report(token)
        ):
            # the narrator's circumstance, or the speaker's next act ("... and expects to ..."); the "and" left
            # before it is dropped with the content's edges (:func:`.contents.content_span`)
            continue
        tokens.append(token)
        stack.extend(children_of(token))
    return sorted((t for t in tokens if (t.i > cue.i) == (head.i > cue.i) and t.i != cue.i), key=lambda t: t.i)


#: Markers of a subordinate clause that say when or why, not what was said ("as" and "since" left out: "..., as
#: is the rate of ..." compares, and "since" also says from when).
CIRCUMSTANCE_MARKERS = frozenset({"before", "after", "when", "while", "until", "because", "once"})


#: Markers of a condition: a clause after them inside a content is the condition of what was said ("warned that
#: income will fall if the government continues to ..."), never a report of its own.
CONDITION_MARKERS = frozenset({"if", "unless"})


def _subordinate(clause: Token) -> bool:
    """Whether a clause follows its head as subordinate to it by a marker of time, cause or condition
    (``CIRCUMSTANCE_MARKERS``, ``CONDITION_MARKERS``): "would recall the syrup after tests found ...", "will fall
    if the government continues to ..." ("continue" is also a verb of saying). A clause before its head is left
    out ("Before she found out her dad was ill, ..."): the small model often hangs a fronted circumstance of the
    narrator's on the wrong verb."""
    markers = [c.lower_ for c in children_of(clause) if c.dep_ == "mark" and c.i < clause.i]
    if markers == ["while"] and any(c.dep_ in ("nsubj", "nsubjpass") for c in children_of(clause)):
        # "X said hospitals were under pressure, while Y warned that ...": a report with a speaker of its own
        # after "while" sets a second view against the first; it is no time of the first's
        return False
    return clause.dep_ == "advcl" and clause.i > clause.head.i and any(
        m in CIRCUMSTANCE_MARKERS or m in CONDITION_MARKERS for m in markers)


def _narrated_conjunct(token: Token) -> bool:
    """ "X said the patient was moved, and about a week before the cases were announced": a conjunct that the
    small model hangs on the content but that opens with a marker of time or cause (``CIRCUMSTANCE_MARKERS``)
    is the narrator's circumstance, not a second thing said."""
    return token.dep_ == "conj" and any(
        c.dep_ == "mark" and c.lower_ in CIRCUMSTANCE_MARKERS and c.i < token.i for c in children_of(token)
    )


def _participle_conjunct(token: Token) -> bool:
    """ "conceded defeat, saying voters had chosen "a different road" and wishing his opponent well": an "-ing"
    participle with no subject that the small model conjoins to a finite reported clause cannot go on with that
    clause; it is the speaker's next act (:func:`.cues.stray_participle`)."""
    return stray_participle(token)


def _next_report(token: Token) -> bool:
    """ "recommended that the permit be refused, saying it failed to show ...": a participle of a reporting verb
    with a clause of its own and no subject, after a comma, that the small model hangs on the reported clause, is
    the speaker's next report (a relation of its own), not part of the first content; so is one of a verb whose
    object is what it attributes ("..., refuting an earlier report that ...": ``object_content``). Not a participle
    with no clause ("..., adding 300 jobs")."""
    return token.dep_ == "advcl" and token.tag_ == "VBG" and stance_of(token) is not None and (
        token.i > 0 and token.doc[token.i - 1].text == ","
    ) and not any(c.dep_ in CLAUSE_SUBJECTS for c in children_of(token)) and any(
        c.dep_ == "ccomp" or c.dep_ == "dobj" and verb_lemma(token) in lexicon().object_content for c in children_of(token))


#: Passive infinitives of a source's request for anonymity ("asked not to be named / identified / quoted").
ANONYMITY_VERBS = frozenset({"name", "identify", "quote"})
#: Verbs and adjectives of a wish to stay unnamed ("wishing to remain anonymous", "wanted to stay unnamed").
ANONYMITY_STATES = (frozenset({"remain", "stay", "be"}), frozenset({"anonymous", "unnamed", "unidentified", "nameless"}))


def _anonymity(infinitive: Token) -> bool:
    """Whether an infinitive asks for the source's anonymity: "not to be named / identified / quoted", "to remain
    anonymous"; a condition of the report, never what the source says or wants."""
    if is_passive(infinitive) and verb_lemma(infinitive) in ANONYMITY_VERBS:
        return True
    verbs, adjectives = ANONYMITY_STATES
    return verb_lemma(infinitive) in verbs and any(
        c.dep_ in ("acomp", "oprd", "attr") and c.lower_ in adjectives for c in children_of(infinitive)
    )


def _runs_into_speaker(clause: Token, cue: Token) -> bool:
    """True for a clause before its verb that runs straight into the speaker, with no comma, dash or quotation
    mark between: in "That's the date the company said the patient left" the small model makes "That's the date"
    a second complement of "said", but what the company said is only the clause after it ("The bridge will
    close, the council said" keeps its fronted content)."""
    last = clause.right_edge
    subjects = [c for c in children_of(cue) if c.dep_ in ("nsubj", "nsubjpass")]
    # only where the speaker's words follow the clause's last word straight on (a clause cut short by the parse,
    # whose remaining words stand between, is left alone)
    return clause.i < cue.i and not (last.is_punct or last.is_quote) and any(
        s.left_edge.i == last.i + 1 for s in subjects)


def _content_heads(cue: Token, speaker: Token | None) -> list[Token]:
    """The words whose subtrees hold what ``cue`` attributes (see :func:`syntactic_stage`)."""
    lex, lemma = lexicon(), verb_lemma(cue)
    if lemma in lex.question_verbs:
        questions = [c for c in children_of(cue) if c.dep_ == "ccomp" and _is_question(c)]
        # the small model often reads the "if" of "asked if there would be ..." as a condition: a question
        # only right after the verb and with no object ("asked questions if ..." keeps its condition)
        questions = questions or [
            c for c in children_of(cue) if c.dep_ == "advcl" and _is_question(c) and (
                c.left_edge.i == cue.i + 1 and not any(o.dep_ in ("dobj", "dative") for o in children_of(cue))
                # "asked Ms Ruiz if ...": the one asked stands between, and the clause follows her straight on
                or any(o.dep_ in ("dobj", "dative") and o.right_edge.i + 1 == c.left_edge.i and _addressable(o)
                       for o in children_of(cue))
            )
        ]
        if questions or lemma not in lex.stances:
            return questions
    if takes_position(cue, speaker) and not any(c.dep_ == "neg" for c in children_of(cue)):
        # "supports raising the wage", "proposed that ...", "backs a tax on ...": the first of clause or object,
        # else what a particle introduces ("advocated for a ban")
        clauses = [c for c in children_of(cue) if c.dep_ in ("ccomp", "xcomp")]
        if clauses or not _needs_name_for_object(cue, speaker):
            heads = clauses[:1] or [c for c in children_of(cue) if c.dep_ == "dobj"][:1] or _passive_object(cue)
        else:
            heads = []
        return heads or particle_objects(cue, lex.stance_particles.get(lemma, frozenset()))
    # a prepositional request first: the small model hangs later clauses on "called" ("called for the release
    # of two men ... and whose whereabouts have not been reported")
    heads = _requested(cue, lex.request_particles[lemma]) if lemma in lex.request_particles else []
    # a report closing the sentence that the parse hangs on this one's clause is the reporter of both, no part of
    # this content ("rangers said they were unhurt, the park service reported"); the clause the parse hangs on it
    # instead is this cue's ("the police said that X, the paper reported")
    heads = heads or [
        h for c in children_of(cue) if _is_clause(c) and not _runs_into_speaker(c, cue)
        for h in ([c] if not (c.i > cue.i and _inverted_report(c) is not None) else [
            g for g in children_of(c) if g.dep_ in ("ccomp", "advcl") and g.pos_ in ("VERB", "AUX") and cue.i < g.i < c.i])
    ]
    # "said in a statement that ...": the clause hangs from the statement
    heads = heads or [
        g for c in children_of(cue) if c.dep_ == "prep" for p in children_of(c) if p.dep_ == "pobj"
        for g in children_of(p) if g.dep_ in ("ccomp", "acl") and any(m.lower_ == "that" for m in children_of(g))
        or _misread_relative(g)
    ]
    # "tells KNIA News that corn prices are higher": the parse makes the reported clause a relative one on whom
    # the speaker told
    heads = heads or [
        g for c in children_of(cue) if c.dep_ in ("dobj", "dative") and lemma in lex.stances
        for g in children_of(c) if _misread_relative(g)
    ]
    if not heads and lemma in lex.infinitive_content:
        heads = [c for c in children_of(cue) if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in children_of(c))]
        # "asked not to be named", "wishing to remain anonymous": the anonymity convention of the report itself,
        # not a request or a wish in the story
        heads = [h for h in heads if not _anonymity(h)]
    if not heads and lemma in lex.gerund_content and speaker is not None and can_hold_stance(speaker) and not any(
        c.dep_ == "neg" for c in children_of(cue)
    ):
        # "denied having an affair": the gerund after the verb, with no "to" of an infinitive
        heads = [
            c for c in children_of(cue)
            if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i > cue.i and not any(a.lower_ == "to" for a in children_of(c))
        ][:1]
    if not heads and lemma in lex.stance_particles:
        heads = particle_objects(cue, lex.stance_particles[lemma])  # "warned of power cuts"
    if not heads and _as_report(cue, speaker):
        heads = [cue.head]  # "..., as a company spokesperson confirmed": the clause the "as" clause hangs on
    if not heads and cue.dep_ == "parataxis" and speaker is not None and speaker.head.i == cue.i and (
        cue.head.i < cue.i or cue.head.left_edge.i < cue.left_edge.i
    ):
        heads = [cue.head]  # the cue interrupts or follows its content clause
    negated = any(c.dep_ == "neg" for c in children_of(cue))
    objects = [c for c in children_of(cue) if c.dep_ == "dobj"]
    complements = [c for c in children_of(cue) if c.dep_ in ("oprd", "xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "as")]
    # the small model often attaches a quoted complement to the object: "called the plan 'a shambles'"
    complements += [a for o in objects for a in children_of(o) if a.dep_ == "appos" and a.i > o.i]
    # and hangs the "as" of "described the decision to strike as 'disappointing'" on the object's infinitive
    complements += [
        t for o in objects for a in children_of(o) if a.dep_ == "acl" for t in children_of(a)
        if t.dep_ == "prep" and t.lower_ == "as"
    ]
    if not heads and not negated and lemma in lex.object_content and speaker is not None and can_hold_stance(speaker):
        # "the claim was denied by the club": the club denied the claim
        heads = [o for o in _passive_object(cue) if not _decided(o, lemma)]
    if not heads and not negated and objects and (
        (lemma in lex.object_content and not _decided(objects[0], lemma)) or (lemma in lex.object_complement and complements)
        or (lemma in lex.object_particles and particle_phrases(cue, lex.object_particles[lemma]))
        or (lemma in lex.proposal_objects and speaker is not None and can_hold_stance(speaker))
        or (lemma in lex.claim_objects and speaker is not None and can_hold_stance(speaker) and _states_a_point(objects[0]))
        # "expects a cut in rates", not "expects nothing"
        or (lemma in lex.stance_objects and speaker is not None and can_hold_stance(speaker)
            and objects[0].lower_ not in NON_SPEAKERS)
        or (lemma in lex.evidence_verbs and is_evidence(speaker, lemma))
    ):
        heads = objects[:1]
    return heads


def _decided(obj: Token, lemma: str) -> bool:
    """Whether a verb's object is something applied for, which the verb grants or refuses (``decision_objects``:
    "the judge denied the request", "denies acquittal motion"): a decision, not a claim contested ("denied the
    report")."""
    return obj.lemma_.lower() in lexicon().decision_objects.get(lemma, frozenset())


def _states_a_point(obj: Token) -> bool:
    """Whether a direct object can be what a source stresses or acknowledges (``claim_objects``): a common noun
    phrase, not a person or a group ("acknowledged the fans", "acknowledged him", "stressed Ana Ruiz"), nor a
    word that says nothing ("stressed that", "acknowledged it"), nor a noun cue with a clause of its own
    ("underlining the belief that ...": the belief is a claim of its own, whoever holds it)."""
    lex, lemma = lexicon(), obj.lemma_.lower()
    if obj.pos_ != "NOUN" or obj.ent_type_ or obj.lower_ in NON_SPEAKERS or lemma in lex.noun_cues:
        return False
    return not (lemma in lex.anonymous or lemma in lex.collective or lemma in lex.title_words
                or lemma in lex.spokesperson_nouns)


#: Dependencies of a clause's objects and complements: a relative clause with one of its own beside "that" has
#: no gap for "that" to fill.
CLAUSE_OBJECT_DEPS = frozenset({"dobj", "attr", "oprd", "acomp", "ccomp", "xcomp"})


def _misread_relative(clause: Token) -> bool:
    """Whether a relative clause on the noun after a cue's preposition, or on whom it told, is a reported clause
    the small model misread: "alleged in a video that the official requested a bribe", "claimed on a radio show
    that the mayor offered cash to ...", "tells Valley News that prices are higher". It opens with "that", has a subject of its own other than "that", and "that" fills no
    gap in it: "that" is a marker, or the clause has its object or complement besides. Not a true relative
    clause: "said in a video that he posted online" ("that" is the object of "posted"), "said in an interview
    that aired on Sunday" ("that" is the subject)."""
    if clause.dep_ != "relcl" or clause.left_edge.lower_ != "that":
        return False
    that = clause.left_edge
    if not any(c.dep_ in CLAUSE_SUBJECTS and c.i != that.i for c in children_of(clause)):
        return False
    if that.dep_ == "mark":
        return True
    return that.dep_ not in CLAUSE_OBJECT_DEPS | CLAUSE_SUBJECT_DEPS and any(
        c.dep_ in CLAUSE_OBJECT_DEPS for c in children_of(clause))


#: Dependencies of a clause's subject (an expletive "there" or "it" included).
CLAUSE_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
#: Tags of a verb that is finite by its own form (a modal or a tensed verb).
FINITE_TAGS = frozenset({"MD", "VBD", "VBZ", "VBP"})
#: Dependencies the small model gives to a reported clause's subject when it hangs it on the cue: "warned the
#: country won't see a peak" (object), "stressed this month will be ..." (bare noun of time).
MISPLACED_SUBJECT_DEPS = frozenset({"dobj", "dative", "npadvmod"})


def _is_clause(child: Token) -> bool:
    """Whether a child of the cue is a reported clause: a clausal complement, or a complement the small model
    calls an open one (``xcomp``) although a modal makes it finite ("warned the figures will rise")."""
    return child.dep_ == "ccomp" or child.dep_ == "xcomp" and _is_finite(child) and not any(
        c.lower_ == "to" for c in children_of(child))


def _is_finite(verb: Token) -> bool:
    """Whether a clause's verb is finite: a tensed form, or a modal among its auxiliaries."""
    return verb.tag_ in FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "MD" for c in children_of(verb))


def misplaced_subject(clause: Token, cue: Token) -> Token | None:
    """The subject of a reported clause that the parse hangs on the cue as its object or a bare noun ("The mayor
    promised the city will buy ...", "warned the country won't see a peak", "stressed this month will be ..."):
    the clause is finite and has no subject of its own, and the noun phrase stands between the cue and the
    clause, right before the clause's first word. None when the clause has its subject ("told reporters the plan
    will fail": reporters are addressed, not reported), or is an infinitive ("urged residents to leave").
    Adverbs the parse also hangs on the cue may stand between them ("warned the totals likely will climb"):
    :func:`_subject_gap`."""
    if not _is_clause(clause) or not _is_finite(clause) or any(c.dep_ in CLAUSE_SUBJECT_DEPS for c in children_of(clause)):
        return None
    return next((
        c for c in children_of(cue)
        if c.dep_ in MISPLACED_SUBJECT_DEPS and cue.i < c.i < clause.i and _subject_gap(c, clause, cue) is not None
    ), None)


def _subject_gap(subject: Token, clause: Token, cue: Token) -> list[Token] | None:
    """The words between a misplaced subject and its clause: none, or adverbs hung on the cue ("likely");
    None when anything else stands between them."""
    gap = subject.doc[subject.right_edge.i + 1 : clause.left_edge.i]
    return list(gap) if all(t.dep_ == "advmod" and t.head.i == cue.i for t in gap) else None


def _as_report(cue: Token, speaker: Token | None) -> bool:
    """ "Skeleton has signed contracts, as a company spokesperson confirmed", "As the mayor noted, the bridge has been
    closed for a year": a verb of ``as_clause_verbs`` in a clause opened by "as", with a subject of its own and no
    clause or object of its own, set off by a comma from the clause it hangs on, reports that clause. Not "as she
    spoke" (not listed), "as expected" (no subject), "as the council announced cuts" (an object: when, not what),
    nor an "as" clause with no comma ("prices rose as analysts predicted" reads as a comparison as often)."""
    if cue.dep_ != "advcl" or verb_lemma(cue) not in lexicon().as_clause_verbs or speaker is None:
        return False
    if not any(c.dep_ == "mark" and c.lower_ == "as" and c.i < cue.i for c in children_of(cue)):
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in children_of(cue)) or any(
        c.dep_ in ("ccomp", "xcomp", "dobj") for c in children_of(cue)
    ):
        return False
    doc, head = cue.doc, cue.head
    if cue.i > head.i:
        return cue.left_edge.i > 0 and doc[cue.left_edge.i - 1].text == ","
    return cue.right_edge.i + 1 < len(doc) and doc[cue.right_edge.i + 1].text == ","


def _requested(cue: Token, particles: frozenset[str]) -> list[Token]:
    """What a prepositional request asks for: "called for the release of ..." (the object of "for"), "calls for
    Myanmar to release ..." (the clause "for" introduces), "called on the government to resign" (the
    infinitive; the government is addressed)."""
    objects = [c.i for c in children_of(cue) if c.dep_ == "dobj"]
    for child in children_of(cue):
        if child.dep_ == "prep" and child.lower_ in particles:
            if any(i < child.i for i in objects):
                continue  # "demanded a payment for a meeting": the phrase is the object's purpose, not what is asked
            if child.lower_ in ("on", "upon", "to"):
                infinitive = [c for c in children_of(cue) if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in children_of(c))]
                if infinitive:
                    return infinitive
                continue
            objects = [g for g in children_of(child) if g.dep_ == "pobj"]
            if objects:
                return objects[:1]
        if child.dep_ == "advcl" and "for" in particles and any(m.dep_ == "mark" and m.lower_ == "for" for m in children_of(child)):
            return [child]
    return []


def _addressee(cue: Token, lemma: str) -> Token | None:
    """Whom the cue addresses: the object of "told" or of a request verb ("urged residents to ..."), or the
    object of "on" in "called on the government to ..."."""
    lex = lexicon()
    if lemma == "tell" or lemma in lex.request:
        return next((c for c in children_of(cue) if c.dep_ in ("dobj", "dative")), None)
    if lemma in lex.request_particles:
        return next(
            (g for c in children_of(cue) if c.dep_ == "prep" and c.lower_ in ("on", "upon") for g in children_of(c) if g.dep_ == "pobj"),
            None,
        )
    return None


def particle_phrases(cue: Token, particles: frozenset[str]) -> list[Token]:
    """The prepositions among ``particles`` that hang on the cue after it ("warned of ..."), or on its direct
    object, where the small model often hangs the charge ("accused the builder of ...")."""
    heads = [cue] + [c for c in children_of(cue) if c.dep_ == "dobj"]
    return [c for h in heads for c in children_of(h) if c.dep_ == "prep" and c.lower_ in particles and c.i > cue.i]


def particle_objects(cue: Token, particles: frozenset[str]) -> list[Token]:
    """What a stance particle introduces (``stance_particles``): the object or gerund of the first such
    preposition on the cue ("warned of power cuts", "warned against cutting the budget", "insisted on a full
    inquiry"); none when it is a time ("argued for hours", "insisted on Monday")."""
    for particle in particle_phrases(cue, particles):
        objects = [g for g in children_of(particle) if g.dep_ in ("pobj", "pcomp")]
        if objects and objects[0].ent_type_ not in ("DATE", "TIME"):
            return objects[:1]
    return []


def _needs_name_for_object(cue: Token, speaker: Token) -> bool:
    """Whether a position verb with a direct object takes a position only with a named subject
    (``position_object_needs_name``: "the charity supports 300 families" helps them)."""
    return verb_lemma(cue) in lexicon().position_object_needs_name and not is_named(speaker)


def request_particle(cue: Token) -> Token | None:
    """The particle of a prepositional request or stance cue written right after its verb ("called for",
    "warned of"), else None."""
    lex, lemma = lexicon(), verb_lemma(cue)
    particles = lex.request_particles.get(lemma) or lex.stance_particles.get(lemma)
    if not particles or cue.i + 1 >= len(cue.doc):
        return None
    after = cue.doc[cue.i + 1]
    if after.lower_ not in particles or after.head.i != cue.i:
        return None
    if lemma in lex.stance_particles and lemma not in lex.request_particles:
        # the particle is in the cue only when what it introduces is the content ("insisted on a full inquiry")
        return after if particle_objects(cue, frozenset({after.lower_})) else None
    if after.lower_ in ("on", "upon"):
        # "called on the council to ...", not "called on Tuesday for ..."
        addressed = [g for g in children_of(after) if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")]
        asked = [c for c in children_of(cue) if c.dep_ == "xcomp"]
        return after if addressed and asked else None
    return after


def takes_position(cue: Token, speaker: Token | None) -> bool:
    """Whether a position verb (``position_verbs``) has a subject of its own that can take a position, which is
    what makes it a cue: a name, or a noun for a person, group or body (:func:`.cues.can_hold_stance`: "the
    mayor proposed", "local traders backed"), not a pronoun nor a thing ("the data support", "the plan
    proposes"); a subject shared with another verb ("X gave evidence to support his claim") takes no position.
    With a noun subject, support and back take one only with a clause or gerund (``position_object_needs_name``,
    :func:`_content_heads`)."""
    if verb_lemma(cue) not in lexicon().position_verbs or speaker is None:
        return False
    if not any(c.dep_ == "nsubj" for c in children_of(cue)) and not _passive_object(cue):
        return False
    return is_named(speaker) or (speaker.pos_ == "NOUN" and can_hold_stance(speaker))


def _passive_object(cue: Token) -> list[Token]:
    """The passive subject of a verb with a ``by`` agent ("the plan was opposed by residents": the plan), which is
    the active verb's object, what it attributes; empty for an active verb or a passive without an agent (whoever
    denied or backed it is not written)."""
    if not is_passive(cue) or not has_agent(cue):
        return []
    return [c for c in children_of(cue) if c.dep_ == "nsubjpass"][:1]


def _addressable(noun: Token) -> bool:
    """Whether an object can be the one a question is put to: a person's name or pronoun, or a noun for a person,
    group or body (:func:`.cues.can_hold_stance`); not a thing ("asked questions if the meeting ran late")."""
    return noun.lower_ not in NO_SOURCE_PERSONS and (noun.ent_type_ == "PERSON" or (
        noun.pos_ != "PROPN" and can_hold_stance(noun)))


def _is_question(clause: Token) -> bool:
    """Whether a clause is an indirect question: introduced by "whether", "if" or a wh-word (``question_words``)."""
    words = lexicon().question_words
    return clause.left_edge.lower_ in words or any(c.dep_ == "mark" and c.lower_ in words for c in children_of(clause))


def is_evidence(speaker: Token | None, lemma: str = "") -> bool:
    """Whether a subject names evidence: a record, data set or finding (``evidence`` in source_nouns.yaml), also
    inside a subject that is no agent ("a first look at the figures": :func:`.cues.evidence_inside`), or for
    "hear" a court or hearing ("the court heard that ...")."""
    if speaker is None:
        return False
    lex = lexicon()
    speaker = evidence_inside(speaker) or speaker  # "a first look at the figures shows ...": the figures
    words = _subject_words(speaker)
    if lemma == "hear":
        return bool(words & lex.hearing_bodies)
    return bool(words & lex.evidence) or speaker.lower_ == "data"


def is_document(speaker: Token | None) -> bool:
    """Whether a subject names a document (``document`` in source_nouns.yaml: report, analysis, statement ...).
    With an evidence verb it is a source only of a clause ("a new report shows that ..."): its object is not
    a finding ("the statement showed no remorse")."""
    return speaker is not None and bool(_subject_words(speaker) & lexicon().document)


def _subject_words(speaker: Token) -> set[str]:
    return {speaker.lemma_.lower(), speaker.lower_, speaker.lower_.rstrip("s")}


def syntactic_stage(doc: Doc, quotes: Quotations) -> list[Found]:
    """Stage 2: reporting verbs with a speaker and a content in the parse.

    Content is the verb's clausal complement (``ccomp``, also when it hangs from "in a statement", or an ``xcomp``
    a modal makes finite; with its subject where the parse hangs that on the cue: :func:`misplaced_subject`), else what a
    prepositional request asks for ("called for the release ...", "called on X to resign": ``request_particles``),
    else a ``to`` infinitive for verbs listed under ``infinitive_content`` ("vowed to ...", "hopes to ...",
    "urged residents to leave": the object of a ``request`` verb is its addressee and stays out; the object of
    another verb is the infinitive's subject and stays in: "expects prices to rise"), else, for a cue
    interrupting its clause ("It was, he added, a week"), the rest of that clause, else the direct object of
    verbs listed under ``object_content`` (not a thing applied for, which the verb grants or refuses: "the judge
    denied the request", ``decision_objects``; with its complement for ``object_complement``: "called the ruling
    'a disgrace'") or of an evidence verb whose subject is evidence ("the data showed a rise"). Evidence verbs
    that are not reporting verbs ("show", "prove", "hear") are cues only with such a subject ("documents show
    that ...", "the court heard that ...") or with a document and a clause ("a new report shows that ..."). An adjective of belief or feeling with a clause ("were concerned
    that ...") is a cue with its copula. A position verb ("supports", "backs", "opposes", "proposes",
    "endorses", "praised", "advocated": ``position_verbs``) is a cue only with a subject of its own that can take a
    position (a name, or a noun for a person, group or body) and no negation (:func:`takes_position`), and
    attributes its clause, infinitive or gerund, else its direct object (support and back with a noun subject:
    never a bare object), else what its particle introduces. A stance verb with a particle ("warned of",
    "argued for", "insisted on": ``stance_particles``) and no clause attributes the particle's object; an
    accusation ("accused X of", "blamed X for": ``object_particles``) its object with the charge. A question
    verb that is no reporting verb ("wondered", "queried") is a cue only with an indirect question ("whether",
    "if" or a wh-word), which keeps that word. A cue inside quotation marks is the quoted speaker's words, except a
    report of a third party or of evidence with its subject in the same quotation (:func:`_quoted_report`: "“Most
    worrying, the audit found that ...,”"), whose content is its own clause within that quotation; a verb of
    saying under a refusal ("declined to say whether ...") is left to the refusal stage.
    A report closing its sentence after a speaker set off by a comma ("..., the Harbour Gazette reported, citing
    ...") attributes the whole clause before the comma whatever the parse made of it (:func:`_inverted_report`); a
    verb of saying in an "as" clause set off by a comma reports the clause it hangs on ("..., as the agency had
    predicted": :func:`_as_report`); "want" attributes its object too ("the union wants a pay rise":
    ``stance_objects``). The object of "told" is the addressee. A content holds every conjunct of what was said: two complements the
    parse splits are one (:func:`joined_pieces`), and a clause it conjoins to the cue goes on with the content
    when it speaks in the reported tense or continues a word of the content (:func:`_continuing_conjunct`).
    """
    index, found, lex = doc_index(doc), [], lexicon()
    stances = lex.stances
    # not the refusal lemmas: the refusal stage reads them, and "figures reached ..." reports nothing
    cue_lemmas = stances.keys() | lex.evidence_verbs | lex.position_verbs | lex.question_verbs
    view = index.text
    verbs = [
        t for t, pos in zip(index.tokens, index.pos)
        if pos == "VERB" and verb_lemma(t) in cue_lemmas
    ]
    for cue in verbs:
        lemma = verb_lemma(cue)
        if cue.dep_ == "xcomp" and verb_lemma(cue.head) in lex.refusal_verbs:
            continue
        if unwilling_to_speak(cue):
            continue  # "did not want to comment": a refusal (the refusal stage), not a stance
        if _hearsay_participle(cue) or _compared(cue):
            continue
        if speakers_conjunct(cue) is not None and any(c.dep_ == "neg" for c in children_of(cue)):
            continue  # "said tests were underway but did not say whether ...": no report, and not in the content
        inverted = _inverted_report(cue) or _inverted_after_comma(cue)
        if inverted is not None:
            speaker, span = inverted
            found.append(Found("syntactic", span, (cue.idx, cue.idx + len(cue)), lemma, speaker, _addressee(cue, lemma)))
            cited = _cited(cue)
            if cited is not None:
                found.append(Found("citing", span, (cited[0].idx, cited[0].idx + len(cited[0])), "cite", cited[1]))
            continue
        asked = _asked(cue) if lemma in lex.question_verbs else None
        asked = asked if asked is not None else _asked_passive(cue) if lemma in lex.question_verbs else None
        if asked is not None:
            speaker = _asker(cue)  # whoever put the question, where the text says it ("by reporters"), else no one
        elif is_passive(cue) and not has_agent(cue):
            if not expletive_passive(cue):
                continue
            speaker = None
        else:
            speaker = speaker_of(cue)
            if speaker is None or speaker.lower_ in NO_SOURCE_PERSONS:
                continue
        if quotes.around(cue.idx) and not _quoted_report(cue, speaker, quotes):
            continue
        if lemma not in stances and lemma not in lex.question_verbs and not (
            is_evidence(speaker, lemma) or (lemma in lex.evidence_verbs and is_document(speaker))
            or takes_position(cue, speaker)
        ):
            continue
        if lemma in lex.volition and (speaker is None or not can_hold_stance(speaker)):
            continue
        addressee = asked or _addressee(cue, lemma)
        if addressee is not None and speaker is not None and addressee.i == speaker.i:
            addressee = None  # '"Why now?" asked one resident': the object the parse gives is the speaker
        particle = request_particle(cue)
        cue_span = (cue.idx, (particle or cue).idx + len(particle or cue))
        cited = _cited(cue)
        heads = _content_heads(cue, speaker)
        # "warned the country won't see a peak": the country is the clause's subject, not addressed
        if addressee is not None and any(misplaced_subject(head, cue) == addressee for head in heads):
            addressee = None
        pieces = sorted(span for head in heads for span in _content_pieces(head, cue, quotes, view))
        pieces = _without_joined_sentence(pieces, cue, speaker, view)
        if quotes.around(cue.idx):
            # a report inside a quotation reports words of that quotation, never the narrator's before it
            quotation = quotes.holding((cue.idx, cue.idx + 1))
            pieces = [p for p in pieces if quotes.holding(p) == quotation]
        if asked is not None and speaker is not None:
            # the asker's "by" phrase the parse hung inside the question is who asked, not what
            pieces = [cut for a, b in pieces if (cut := trimmed_span(view, a, min(b, speaker.head.idx)))]
        for span in joined_pieces(pieces, view):
            found.append(Found("syntactic", span, cue_span, lemma, speaker, addressee))
            if cited is not None:
                citing, source = cited
                found.append(Found("citing", span, (citing.idx, citing.idx + len(citing)), "cite", source))
    found += _adjective_cues(index, quotes, view)
    return found


def _quoted_report(cue: Token, speaker: Token | None, quotes: Quotations) -> bool:
    """Whether a cue inside a quotation reports what a third party said or what evidence showed, as the quoted
    speaker tells it ("“Most worrying, the audit found that ...,”", "“My son said ‘I want to go home.’”",
    "“..., CEO Ana Ruiz told investors,” Hale writes"): its subject is in the same quotation, is no I, we or you
    and has none as a conjunct ("Xi and I want ..."), and the cue is not negated, not a wish, hope or plan
    (``volition``: the quoted speaker's own view of others) and not inside a condition ("If he does not tell me
    ..."). Otherwise a cue inside a quotation is the quoted speaker's words, no relation."""
    if speaker is None or quotes.holding((speaker.idx, speaker.idx + 1)) != quotes.holding((cue.idx, cue.idx + 1)):
        return False
    if any(t.lower_ in NO_SOURCE_PERSONS for t in (speaker, *speaker.conjuncts)):
        return False
    if any(c.dep_ in ("dobj", "dative") and c.lower_ in SECOND_PERSON for c in children_of(cue)):
        return False  # "everyone is telling you they ...": the quoted speaker's talk to the listener
    if verb_lemma(cue) in lexicon().volition or any(c.dep_ == "neg" for c in children_of(cue)):
        return False
    return not any(
        m.dep_ == "mark" and m.lower_ in CONDITION_MARKERS for t in (cue, *cue.ancestors) for m in children_of(t))


#: Parts of speech of the words of a speaker's phrase written between a comma and its cue ("..., the regional
#: paper reported", "..., a second source with knowledge of the talks said"): no verb, no clause.
SPEAKER_PHRASE_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM", "ADP", "PART", "CCONJ"})
#: Words after which a fronted clause is a circumstance, not what was said ("When the rain came, residents said").
CIRCUMSTANCE_TAGS = frozenset({"IN", "WRB", "TO"})


def _inverted_report(cue: Token) -> tuple[Token, tuple[int, int]] | None:
    """ "Shares fell 4% in early trade, the exchange reported, citing its own figures.", "The couple had separated
    in May, Inspector Ann Cole told the court.": a reporting verb that closes its sentence after a speaker's
    phrase set off by a comma attributes the whole clause before that comma, however the small model hangs the
    pieces (it often makes the speaker an apposition of the clause's last noun, or the cue a conjunct or a
    complement of a word in the clause). Returns the speaker's head word and the content span.

    Only when: the cue is a finite verb in the active voice; between the comma and the cue stand only the words
    of a noun phrase (:data:`SPEAKER_PHRASE_POS`: "a source with knowledge of the talks"; one participle before
    it, "prosecuting Inspector Ann Cole", is a title), whose head can speak; after the cue come no verb and no
    quotation mark and no comma until the sentence ends or a comma opens a participle ("citing ...", "explaining
    that ..."; a cue that interrupts its clause is read by :func:`_content_pieces`);
    the cue has no complement or object after it of its own (but "told the court" names whom it told); and the
    clause before the comma is a main clause with a finite verb, not opened by a subordinating word ("When the
    rain came, residents said" attributes nothing), not a quotation (the quote stage reads those) and not more
    than one sentence. Not extracted: a speaker's phrase with commas of its own ("..., Ann Cole, a prosecutor,
    said")."""
    lemma = verb_lemma(cue)
    if cue.tag_ not in ("VBD", "VBZ", "VBP") or lemma in lexicon().volition or lemma not in lexicon().stances or is_passive(cue):
        return None
    # the sentence's words from the document's index (``Token.sent`` and ``doc[i]`` make a new Span and Tokens)
    doc, index = cue.doc, doc_index(cue.doc)
    tokens, (sent_start, sent_end) = index.tokens, index.sentence_bounds(cue.i)
    if any(c.i > cue.i and (c.dep_ in ("ccomp", "xcomp") or c.dep_ == "dobj" and lemma != "tell") for c in children_of(cue)):
        return None
    after = []
    for t in tokens[cue.i + 1 : sent_end]:
        if t.text == "," and t.i + 1 < sent_end and tokens[t.i + 1].tag_ == "VBG":
            break
        after.append(t)
    if any(t.pos_ in ("VERB", "AUX") or t.is_quote or t.text == "," for t in after):
        return None  # the cue interrupts a clause that goes on after it ("It was, he added, a week of talks")
    comma = cue.i - 1
    while comma > sent_start and tokens[comma].text != ",":
        comma -= 1
    words = list(tokens[comma + 1 : cue.i])
    if tokens[comma].text != "," or not 1 <= len(words) <= 8:
        return None
    if words[0].tag_ in ("VBG", "VBN") and len(words) > 1 and words[1].pos_ == "PROPN":
        words = words[1:]  # "prosecuting Inspector Ann Cole"
    if not all(t.pos_ in SPEAKER_PHRASE_POS for t in words):
        return None
    nouns = [t for t in words if t.pos_ in ("NOUN", "PROPN", "PRON")]
    preposition = next((t.i for t in words if t.pos_ == "ADP"), cue.i)
    heads = [t for t in nouns if t.i < preposition]
    if not heads:
        return None
    speaker = heads[-1]
    if not _can_speak(speaker) or speaker.lower_ in NO_SOURCE_PERSONS or not all(
        comma + 1 <= t.i < cue.i for t in speaker.subtree
    ):
        return None
    span = _main_clause_before(doc, sent_start, comma)
    return (speaker, span) if span else None


def _main_clause_before(doc: Doc, start: int, comma: int) -> tuple[int, int] | None:
    """The span of the words from token ``start`` to the comma at ``comma``, when they are one main clause with a
    finite verb: not opened by a subordinating word ("When the rain came, ..."), not a quotation (the quote stage
    reads those) and not more than one sentence; else None."""
    clause = [t for t in doc_index(doc).tokens[start:comma] if not t.is_space]
    if not clause or clause[0].tag_ in CIRCUMSTANCE_TAGS and clause[0].pos_ == "SCONJ" or clause[0].tag_ == "WRB":
        return None
    if clause[0].is_quote or any(t.text in (".", "!", "?") for t in clause):
        return None
    if not any(_is_finite(t) for t in clause if t.pos_ in ("VERB", "AUX")):
        return None
    return content_span(clause, doc_index(doc).text)


def _inverted_after_comma(cue: Token) -> tuple[Token, tuple[int, int]] | None:
    """ "Shipments will start in April, indicated the sources.", "The plant will close, added the union.": a
    reporting verb after a comma, with its speaker printed after it and closing the sentence (the small model
    reads the speaker as the verb's object, or the verb as a conjunct of the clause), attributes the whole clause
    before the comma to that speaker. Only a finite verb in the active voice of ``stances``, followed by a noun
    phrase alone (:data:`SPEAKER_PHRASE_POS`) whose head can hold a view (a name, or a noun for a person, group or
    body: "added the union", not "added the caveat") and no comma, and a main clause before the comma
    (:func:`_main_clause_before`). Returns the speaker's head word and the content span."""
    lemma, doc = verb_lemma(cue), cue.doc
    if cue.tag_ not in ("VBD", "VBZ", "VBP") or lemma in lexicon().volition or lemma not in lexicon().stances or is_passive(cue):
        return None
    # the sentence's words from the document's index (``Token.sent`` and ``doc[i]`` make a new Span and Tokens)
    index = doc_index(doc)
    tokens, (sent_start, sent_end) = index.tokens, index.sentence_bounds(cue.i)
    if cue.i == sent_start or tokens[cue.i - 1].text != ",":
        return None
    phrase = [t for t in tokens[cue.i + 1 : sent_end] if not t.is_space]
    while phrase and phrase[-1].is_punct and phrase[-1].text in (".", "!", "?"):
        phrase = phrase[:-1]
    if not 1 <= len(phrase) <= 8 or not all(t.pos_ in SPEAKER_PHRASE_POS for t in phrase):
        return None
    heads = [t for t in phrase if t.head.i == cue.i and t.dep_ in ("dobj", "nsubj")]
    if len(heads) != 1 or not _can_speak(heads[0]) or not can_hold_stance(heads[0]) or heads[0].lower_ in NO_SOURCE_PERSONS:
        return None
    span = _main_clause_before(doc, sent_start, cue.i - 1)
    return (heads[0], span) if span else None


def _cited(cue: Token) -> tuple[Token, Token] | None:
    """ "..., the paper reported, citing people familiar with the matter": the participle "citing" on a cue and
    its object, who speaks through the cue's source (a second relation over the same content, cue "citing")."""
    for child in children_of(cue):
        if child.dep_ in ("advcl", "xcomp", "conj") and child.tag_ == "VBG" and verb_lemma(child) == "cite":
            source = next((c for c in children_of(child) if c.dep_ == "dobj"), None)
            if source is not None and _can_speak(source) and source.lower_ not in NO_SOURCE_PERSONS:
                return child, source
    return None


def _asked(cue: Token) -> Token | None:
    """ "Asked whether she would resign, Ferro said ...", "When asked if ..., Ferro said": a past participle of a
    question verb with no subject of its own, on the clause of the one it was put to. Returns that one (the
    addressee), whom the parse would otherwise make the asker; the asker, usually the reporter, is not written."""
    if cue.tag_ != "VBN" or cue.dep_ != "advcl" or any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in children_of(cue)):
        return None
    return speaker_of(cue)


#: What joins two sentences between a clause and a report that has its own content after it: a semicolon, or a
#: word of contrast ("The vote was set for May, however the chair asked that it be moved").
SENTENCE_JOINT = re.compile(r";|\b(?:however|but|yet)\b", re.IGNORECASE)


def _without_joined_sentence(
    pieces: list[tuple[int, int]], cue: Token, speaker: Token | None, view: str
) -> list[tuple[int, int]]:
    """The content pieces of a cue without one that ends before a semicolon in front of the cue's clause, when a
    piece after the cue is left: "Fares were to rise 25%; the agency said its plan eases the impact" reports
    only what follows "said" (a semicolon joins two sentences; a report interrupting its clause is set off by
    commas), and so does a word of contrast before the report ("The vote was set for May, however the chair asked
    that it be moved": :data:`SENTENCE_JOINT`). A cue with nothing after it keeps its pieces ("Fares rose; the agency said." is left as parsed)."""
    if speaker is None or not any(p[0] > cue.idx for p in pieces):
        return pieces
    clause_start = min(speaker.left_edge.idx, cue.idx)
    return [p for p in pieces if p[1] > clause_start or not SENTENCE_JOINT.search(view[p[1] : clause_start])]


def _asker(cue: Token) -> Token | None:
    """Who put a question read by :func:`_asked`, where a "by" phrase that can speak ends the participle's phrase
    and the parse hung it inside the question ("Asked if the side could still win by the radio hosts, Ana Ruiz
    replied ...": the hosts asked), a name or a noun for a person, group, body, interviewer or journalist; None
    otherwise ("Asked if she would resign by the end of May, ...": a date cannot ask)."""
    end = cue.right_edge
    if end.i + 1 < len(cue.doc) and cue.doc[end.i + 1].text != ",":
        return None
    by = next((t for t in cue.subtree if t.dep_ == "prep" and t.lower_ == "by" and t.right_edge.i == end.i), None)
    asker = next((c for c in children_of(by) if c.dep_ == "pobj"), None) if by is not None else None
    if asker is None:
        return None
    lex, lemma = lexicon(), asker.lemma_.lower()
    # (those who put questions for a living: "reporters", "the presenters")
    return asker if can_hold_stance(asker) or lemma in lex.interviewer_nouns or lemma in lex.press_people else None


def _asked_passive(cue: Token) -> Token | None:
    """ "Mr Diaz was asked whether he would resign": a passive question verb with no agent and an indirect
    question; returns the one asked (the passive subject), who is addressed, not the asker, whom the text does
    not name."""
    if not is_passive(cue) or has_agent(cue):
        return None
    if not any(c.dep_ == "ccomp" and _is_question(c) for c in children_of(cue)):
        return None
    return next((c for c in children_of(cue) if c.dep_ == "nsubjpass" and _can_speak(c)), None)


def _compared(cue: Token) -> bool:
    """ "three more than announced", "higher than expected", "far more than officials had reported": a verb
    after "than" is the standard of a comparison, not a report of anything (adverbs, auxiliaries and a subject
    may stand between them)."""
    if any(c.dep_ == "mark" and c.lower_ == "than" for c in children_of(cue)):
        return True
    i = cue.i - 1
    while i >= 0 and cue.doc[i].pos_ in ("ADV", "AUX", "PART"):
        i -= 1
    return i >= 0 and cue.doc[i].lower_ == "than"


def _hearsay_participle(cue: Token) -> bool:
    """ "The company, said to be worth $1bn, ...": a past participle set off by a comma before a ``to``
    infinitive is the passive hearsay frame (a hedge, hedges.yaml), whatever the parser makes of it."""
    doc = cue.doc
    return (
        cue.tag_ == "VBN" or cue.tag_ == "VBD"
    ) and cue.i > 0 and doc[cue.i - 1].text == "," and cue.i + 1 < len(doc) and doc[cue.i + 1].lower_ == "to" and (
        cue.i + 2 < len(doc) and doc[cue.i + 2].pos_ in ("VERB", "AUX")
    )


def _adjective_cues(index, quotes: Quotations, view: str) -> list[Found]:
    """ "Officials were concerned that ...": an adjective of belief or feeling (``adjective_cues``) with a clause;
    the speaker is the copula's subject and the cue spans the copula and the adjective. Not a negated one ("were
    not sure that ...", "cannot be certain ..."), whose clause the subject does not hold."""
    found, lex = [], lexicon()
    for token in index.tokens:
        if token.lower_ not in lex.adjective_cues or quotes.around(token.idx):
            continue
        clause = next((c for c in children_of(token) if c.dep_ == "ccomp"), None)
        if token.dep_ == "acomp":
            copula = token.head
            speaker = speaker_of(copula) if copula.pos_ in ("AUX", "VERB") else None
        else:
            # the small model often reads "were concerned that" as a passive verb with its own subject
            copula = next((c for c in children_of(token) if c.dep_ in ("auxpass", "cop") and c.i < token.i), None)
            # the subject hangs on the adjective, or on the copula itself ("He is convinced the ..."); not a
            # complementiser "that" the parse makes a second subject ("said that some staff were concerned that")
            subject = next((
                c for head in (token, copula) if head is not None for c in children_of(head)
                if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i and not is_marker(c)
            ), None)
            speaker = subject if copula is not None and subject is not None and _can_speak(subject) else None
            speaker = antecedent(speaker) if speaker is not None else None
        if clause is None or speaker is None or speaker.lower_ in NO_SOURCE_PERSONS:
            continue
        if any(c.dep_ == "neg" for head in (token, copula) if head is not None for c in children_of(head)):
            continue  # "cannot be sure it is past the peak": the clause is what the subject does not hold
        span = content_span([t for t in clause.subtree], view)
        if span:
            found.append(Found("syntactic", span, (copula.idx, token.idx + len(token)), token.lower_, speaker))
    return found


#: Dependencies of the words a clause needs (its subject, verb group, objects and complements, a conjoined
#: predicate): a clause missing one of them after an interrupting cue goes on after it ("It was, he added, a
#: week of talks"); one that has them all before the cue is whole there.
CLAUSE_ARGUMENT_DEPS = frozenset({
    "nsubj", "nsubjpass", "csubj", "expl", "aux", "auxpass", "neg", "prt", "attr", "dobj", "dative", "acomp", "oprd",
    "xcomp", "ccomp", "agent", "conj", "cc",
})


def _content_pieces(head: Token, cue: Token, quotes: Quotations, view: str) -> list[tuple[int, int]]:
    """The content span of ``head``; a split quotation ("A," she said, "B.") gives one span per quotation.

    A cue interrupting its clause ("The plan, she said, would cost $2 million") gives the whole clause, cue and
    all (the table has one span per content), unless the clause is whole before the cue and only adjuncts follow
    it ("Deaths rose by 40, the agency said, the highest in a month"; "..., the agency said, while ..."): then the
    clause before the cue, never a span holding its own cue; likewise a quotation after the cue is the content
    on its own when only the narrator's adjuncts stand before the cue ("While her father was ill, she said, "I
    never expected this."")."""
    if head.i == cue.head.i and head.left_edge.i < cue.left_edge.i:
        before = [t for t in head.subtree if t.i < cue.left_edge.i]
        after = [t for t in head.subtree if t.i > cue.right_edge.i]
        pieces = [p for p in (content_span(before, view), content_span(after, view)) if p]
        # two quotations split by the cue; a cue inside one quotation interrupts a clause of its own
        inside = quotes.reports_inside((cue.idx, cue.idx + len(cue)))
        if len(pieces) == 2 and all(quotes.holding(p) for p in pieces) and not inside:
            return pieces
        if pieces and head.i < cue.left_edge.i and not any(
            t.head.i == head.i and t.dep_ in CLAUSE_ARGUMENT_DEPS and not _superlative_comment(t) for t in after
        ):
            return pieces[:1]  # the clause is whole before the cue: what follows is the narrator's addition
        words = [t for t in before if not t.is_punct]
        opening = words[0] if words and words[0].dep_ == "cc" else None  # the "but" that opens the sentence
        fronted = len(pieces) == 2 and head.i > cue.right_edge.i and (inside or not quotes.inner_overlaps(pieces[0]))
        if fronted and not any(
            t.head.i == head.i and t.dep_ in CLAUSE_ARGUMENT_DEPS and t is not opening for t in words
        ):
            # "While ..., she said, "I never ..."", "But while her father stayed home, she said, she kept ...": the
            # main clause after the cue; a fronted adjunct (after the "but" that opens the sentence) holds none of
            # its words and is no place for the cue
            return pieces[1:]
        return [(pieces[0][0], pieces[-1][1])] if pieces else []
    tokens = _content_tokens(head, cue)
    if head.i == cue.head.i:
        # a cue before the clause it reports ("As the mayor noted on Monday, the bridge ..."): its own words are not
        # the content
        tokens = [t for t in tokens if not cue.left_edge.i <= t.i <= cue.right_edge.i]
    if head.dep_ == "advcl":
        # "calls for Myanmar to release ...": the clause without its "for" (a question keeps its "if")
        tokens = [t for t in tokens if not (t.head.i == head.i and t.dep_ == "mark" and t.lower_ == "for")]
    subject = misplaced_subject(head, cue)
    if subject is not None:
        tokens += list(subject.subtree) + (_subject_gap(subject, head, cue) or [])
    elif head.dep_ == "xcomp" and verb_lemma(cue) not in lexicon().request:
        # "expects prices to rise": the object is the infinitive's subject
        tokens += [t for o in children_of(cue) if o.dep_ == "dobj" and o.i < head.i for t in o.subtree]
    tokens += _continuing_conjunct(cue, tokens) + _fronted_conjuncts(head, cue)
    if head.dep_ == "dobj":
        # the object's complement: "as nothing more than ...", "'a disgrace'"; the charge of an accusation ("of
        # ignoring the rules": ``object_particles``); what a finding says of its object, which the small model
        # hangs on the verb ("the data showed a fall in the number of ..., down to a record low")
        lemma = verb_lemma(cue)
        charged = lexicon().object_particles.get(lemma, frozenset())
        finding = lemma in lexicon().evidence_verbs and is_evidence(speaker_of(cue), lemma)
        # what is expected or wanted with its time: "expects a turnaround only in the December quarter"
        expected = lemma in lexicon().stance_objects
        tokens += [
            t for c in children_of(cue) if c.i > head.i and (
                c.dep_ in ("oprd", "xcomp") or c.dep_ == "prep" and (c.lower_ == "as" or c.lower_ in charged)
                or finding and c.dep_ in FINDING_DEPS and not _of_time(c)
                or expected and c.dep_ in FINDING_DEPS and c.lower_ != "according")
            for t in c.subtree
        ]
    if head.dep_ == "dobj":
        # the narrator's description of the object after a comma is no part of it ("demanded answers from the
        # trust, which runs three hospitals")
        described = {t.i for r in head.subtree if r.dep_ == "relcl" and r.doc[r.left_edge.i - 1].text == ","
                     for t in r.subtree}
        tokens = [t for t in tokens if t.i not in described]
    span = content_span(sorted(tokens, key=lambda t: t.i), view)
    return [span] if span else []


#: Dependents of an evidence verb after its object that say what the evidence shows of it ("showed each candidate
#: with a one-point lead", "showed a fall in the number of ..., down to ...").
FINDING_DEPS = frozenset({"prep", "advmod"})


def _of_time(phrase: Token) -> bool:
    """Whether a phrase says when ("in May", "on Tuesday": its object is a date or a time) or whose finding it is
    ("according to the report", read by the according-to stage): no part of what a finding shows."""
    return phrase.lower_ == "according" or phrase.ent_type_ in ("DATE", "TIME") or any(
        g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in children_of(phrase))


def _superlative_comment(token: Token) -> bool:
    """ "Deaths rose by 40, the agency said, the highest in a month": a phrase headed by a superlative adjective
    that the small model makes the object of the clause before the cue is the narrator's comment on a figure,
    no argument the clause still needs ("It was, he added, the worst week" keeps its ``attr``)."""
    return token.dep_ == "dobj" and token.pos_ == "ADJ" and token.tag_ == "JJS"


#: Past forms of the modals: in a clause the parse conjoins to a cue they carry on the reported speech ("said
#: schools would reopen, but masks would be required"), as the narrator's own clauses after a report seldom do.
BACKSHIFTED_MODALS = frozenset({"would", "could", "might", "should", "'d"})


def _continuing_conjunct(cue: Token, tokens: Sequence[Token]) -> list[Token]:
    """The words of a clause the small model conjoins to the cue although it goes on with the content after it,
    with the conjunction and punctuation before it: the first conjunct of the cue after the content, with a
    subject of its own, when the conjunction belongs to a word of the content ("called for the release of two
    men who were detained ... and whose families have not been told") or the clause speaks in the reported
    tense (a past modal: "said schools would reopen, but masks would be required"). None for another report
    ("..., and the mayor said ..."), a circumstance ("and about a week before ..."), a clause sharing the
    speaker's subject (the speaker's next act: "said ... and expressed doubt") or a narrator's clause in the
    story's own tense ("said it would cut jobs, and its shares fell")."""
    words = [t.i for t in tokens if not (t.pos_ == "CCONJ" or t.is_punct or t.is_space)]
    if not words:
        return []
    last = max(words)  # a conjunction the content ends with is read with the gap
    if last < cue.i:
        return []
    inside = {t.i for t in tokens}
    for conj in children_of(cue):
        if conj.dep_ != "conj" or conj.left_edge.i <= last:
            continue
        gap = list(cue.doc[last + 1 : conj.left_edge.i])
        joiners = [t for t in gap if t.pos_ == "CCONJ"]
        if len(joiners) != 1 or not all(t.pos_ == "CCONJ" or t.is_punct or t.is_space for t in gap):
            return []
        own_subject = any(c.dep_ in CLAUSE_SUBJECT_DEPS for c in children_of(conj))
        backshifted = any(c.dep_ == "aux" and c.lower_ in BACKSHIFTED_MODALS for c in children_of(conj))
        if not own_subject or reports(conj) or _narrated_conjunct(conj):
            return []
        if joiners[0].head.i in inside or backshifted:
            return [t for t in gap if t.i not in inside] + list(conj.subtree)
        return []
    return []


#: Words that may stand alone between two pieces of one content: the conjunction of two reported clauses.
JOINING_WORDS = frozenset({"and", "but", "or", "yet"})


def joined_pieces(pieces: Sequence[tuple[int, int]], view: str) -> list[tuple[int, int]]:
    """Content pieces of one cue, in order, with each two that only a conjunction, commas or space part made
    one: the small model makes "She said hospitals are full and staff are exhausted" two complements of "said"
    ("hospitals are full and staff", "are exhausted"), and "said that rents rose but that wages did not" holds
    two "that" clauses of one report. A split quotation's pieces stay apart: the cue stands
    between them."""
    joined: list[tuple[int, int]] = []
    for start, end in pieces:
        gap = view[joined[-1][1] : start].strip(" \t,;").split() if joined else []
        # "said that rents rose but that wages did not": the second clause's "that" stands in the gap too
        if gap[-1:] == ["that"]:
            gap = gap[:-1]
        if joined and joined[-1][1] <= start and " ".join(gap) in JOINING_WORDS | {""}:
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _fronted_conjuncts(head: Token, cue: Token) -> list[Token]:
    """The clauses before a fronted content that the small model makes the cue a conjunct of: in "Rents rose in
    the towns, too, but vacancies fell, the survey stated" the survey states both, while the parse conjoins
    "stated" to "rose" and gives it only "vacancies fell". The words of the cue's head clause before the content,
    when that clause is no report of its own (:func:`.cues.reports`) and no circumstance; none otherwise."""
    first = cue.head
    if cue.dep_ != "conj" or not head.i < cue.i or not first.i < head.left_edge.i or first.pos_ not in ("VERB", "AUX"):
        return []
    if reports(first) or stance_of(first) is not None:
        return []
    return [t for t in first.subtree if t.i < head.left_edge.i]
