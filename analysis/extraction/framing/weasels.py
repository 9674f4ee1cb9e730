"""Hedges read from the parse: weasel words, the parse restrictions on epistemic hedges, and what each hedge
makes vague (its scope).

Weasel words (category ``weasel``; lists and their rules in ``analysis/data/weasel_words.yaml``) leave open
who holds a claim or how far it holds. These kinds, after Wikipedia's "words to watch" guideline, the weasel
cues of the CoNLL-2010 shared task (Farkas et al. 2010) and Hyland (2005):

* a vague quantifier over people, groups, sources or opinions ("some experts", "many people prefer", "several
  reasons", "according to several forecasts"), told apart from a vague count of the participants of one event
  ("many people were injured", "flipped several cars"), which is no weasel (:func:`quantifier_weasels`); a bare
  plural of people who hold views as the subject of a verb of saying or believing ("critics say", "experts
  warn", "historians believe"; :func:`bare_holder_weasels`), or any bare plural as the subject of a verb of belief
  with the clause believed ("health officials believe"); either of them, or "others", holding a clause
  ("many economists have noted that ...", "others claimed that ..."), or as the by-agent of such a verb ("is
  regarded by some as", "was praised by critics"); people at large or everyone with the clause they say or
  believe ("people say the mayor will resign", "everyone knows that ..."); "according to" a source nobody is
  named in ("according to reports", "according to some"; :func:`unnamed_sources`);
* unattributed belief: the agentless passive of a verb of believing, saying or forecasting with a complement
  ("is considered safe", "is widely regarded as", "is thought to", "it is said that", "is estimated to open"),
  also without its auxiliary ("widely regarded as the best, she ...", "a stadium considered the oldest") or
  after "seem" ("it seems generally accepted that"), and evidence nobody is named as finding ("has been shown
  to", "it has been observed that"), a cause or author nobody is named as giving ("is attributed to"), and what
  people have been calling something ("has been called the fastest", "is being called"; not the name of "is
  called Little Marsh"; :func:`belief_passives`);
* unattributed judgement: the agentless passive of a verb of praising or criticising ("has been widely
  criticised", "was hailed as a breakthrough"; :func:`judgement_passives`), and a belief made everyone's by its
  modifier ("the common belief that", "contrary to popular belief"; :func:`belief_noun_weasels`);
* "tend to" + verb: the claim holds as a tendency (:func:`tendency_weasels`).

Frequency and degree adverbs on their own (often, usually, frequently, mainly, largely, widely) are no hedge: in
news copy they say how often or how much, not who holds a claim; "is widely seen as" is a weasel through its
belief passive.

When a holder's verb is a hedge of its own (suggest, indicate, believe, suspect: "reports suggested", "reports
suggesting", "health officials believe"), holder and verb are one weasel cue, not a weasel and an epistemic cue.

Epistemic hedges come from the word lists (:mod:`.lexicons`), and from the parse for two readings of "if": a
condition on a pending outcome ("the levy, if passed, will raise", "if the council refuses, the club could
fold", :func:`condition_hedges`) and an open
question a verb of asking or knowing takes ("will see if", "asked the mayor if", "wonders if", "does not know
if", :func:`question_hedges`), unless the sentence answers it ("asked if it was true, which was confirmed").
:func:`epistemic_sense` drops the senses a list cannot tell apart: "May" the month, "might" the noun, "could" of past (in)ability ("could not confirm", "no
survivors could be found"), a modal of the capacity a comparison measures against ("bigger than the stadium could
hold"), "may" of what a kind can do or is allowed ("cords may have a sleeve"; not with a
bare singular subject or a verb of change or outcome: "inflation may ease", "prices may rise"), "appeared in
court", "possible" of ability or feasibility, a concessive "whether A or B", "or not" of a question another
cue already marks ("whether to close the road or not"), an inference verb after denied grounds ("nothing to
suggest"), "believe" without a clause believed, granting a fact ("cannot believe he won"), claiming more ("don't
just suspect it, they know it") or about what ought to be ("believes the council should pay"), "should" of a
duty or advice (it hedges only where it forecasts: "the battery should last ten hours"), "not known" of
familiarity ("not known to police"). A belief passive of a plan verb with an infinitive of action is a plan,
not a belief ("was supposed to arrive").

Scope (the ``target`` of a hedge, :func:`hedge_scope`): the shortest phrase or clause the cue makes vague,
without the cue. A modal, an adverb or a weasel subject scopes over the predicate of its verb ("may [be ready
to take off soon]", "many people [prefer to use their old router]"); a verb or adjective taking a complement
scopes over the complement ("appeared to [have all but extinguished hopes]", "is believed to [also include
the EPF]", "it is unclear [whether the ceasefire will hold]"); a clause-opening adverb or "according to" a
vague source over the rest of the clause; an attributive adjective over the rest of its noun phrase ("the
probable [cause for this efficiency]"); a predicative adjective with nothing to scope over over its subject
("[a large number of redundancies] is unlikely"). Trailing coordinated clauses, comma-separated adverbial
clauses and punctuation are left out, so the scope stays with the clause the cue is in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from spacy.tokens import Doc, Token

from analysis.datafiles import read_yaml, word_set
from analysis.extraction.doc_index import children_of, doc_index
from analysis.extraction.framing.lexicons import (
    CUE_LEXICONS, Term, epistemic_words, inference_verbs,
)
from analysis.extraction.linguistics.gender import gender_words
from analysis.extraction.sources.wordlists import lexicon as source_lexicon

WEASEL_LEXICON = "weasel_words.yaml"
#: The word list of epistemic hedges, whose parse rules (conditions, questions after "if") live here too.
EPISTEMIC_LEXICON = CUE_LEXICONS[0]
WEASEL = "weasel"
EPISTEMIC = "epistemic"
#: Dependency labels of a clause's subject.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
#: Children that end a scope on the right: coordinated clauses and loose punctuation.
RIGHT_CUT_DEPS = frozenset({"conj", "cc", "punct", "parataxis"})
#: Prepositions after a hedging noun whose object is what the noun makes uncertain ("doubt about", "speculation
#: over", "the possibility of").
NOUN_SCOPE_PREPOSITIONS = frozenset({"about", "over", "on", "of", "as"})
#: Children that are the complement a hedge verb or adjective scopes over.
COMPLEMENT_DEPS = ("xcomp", "ccomp", "acomp", "oprd", "attr")
#: Tags of a finite verb in the simple present, the tense of a generalisation ("many people prefer").
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
#: Modals whose clause states what is generally so or possible ("cannot be heard by most people").
#: ("Many people will lose their jobs" is a count of a future event, so will/would are not among them.)
GENERIC_MODALS = frozenset({"can", "could", "may", "might", "ca"})
#: Words before a quantifier that make it part of a comparison ("the most people"), or a determiner that names
#: the set it counts in ("these various accounts", "their many critics").
NOT_BEFORE_QUANTIFIER = frozenset({
    "the", "that", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your",
})
#: Degree words that make "many" a question or comparison ("how many", "as many", "so many", "too many");
#: before another quantifier they are conjunctions ("so most species have").
DEGREE_BEFORE_MANY = frozenset({"how", "as", "so", "too"})
#: Words that make "few" a small count ("a few days", "quite a few people"), as vague_amounts.yaml has it; "few"
#: alone is the negative quantifier ("few analysts expect").
COUNT_BEFORE_FEW = frozenset({"a"})


def _set_named_before(token: Token) -> bool:
    """Whether the word before the quantifier ``token`` names its set, makes it a degree or a small count (see
    :data:`NOT_BEFORE_QUANTIFIER`, :data:`DEGREE_BEFORE_MANY`, :data:`COUNT_BEFORE_FEW`)."""
    if token.i == 0:
        return False
    before = token.doc[token.i - 1]
    if before.dep_ == "mark":
        return False  # "that" opening a clause ("suggested that many voters would favour"), not a determiner
    before = before.lower_
    return (before in NOT_BEFORE_QUANTIFIER or (token.lower_ == "many" and before in DEGREE_BEFORE_MANY)
            or (token.lower_ == "few" and before in COUNT_BEFORE_FEW))
#: Personal pronouns: with one as subject, a verb of inference reports that person's view.
PERSONAL_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they"})
#: Entity labels of a subject that names who speaks (a person, an organisation, a people, a state).
SPEAKER_ENTITY_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: Words after a plural noun that name its members ("many chipmakers, including AMD").
MEMBERS_FOLLOW = ("including", "such as", "like", "among them", "notably", ":")


@dataclass(frozen=True)
class WeaselWords:
    quantifiers: frozenset[str]
    holder_nouns: frozenset[str]
    attitude_verbs: frozenset[str]
    belief_verbs: frozenset[str]
    belief_verbs_with_as: frozenset[str]
    belief_verbs_clausal: frozenset[str]
    expectation_verbs: frozenset[str]
    episodic_verbs: frozenset[str]
    episodic_markers: frozenset[str]
    tendency_verbs: frozenset[str]
    vague_pronouns: frozenset[str]
    holder_noun_endings: tuple[str, ...]
    clause_holder_nouns: frozenset[str]
    raising_verb_forms: frozenset[str]
    judgement_verbs: frozenset[str]
    belief_nouns: frozenset[str]
    generality_modifiers: frozenset[str]
    plan_verbs: frozenset[str]
    passive_infinitive_verbs: frozenset[str]
    naming_verbs: frozenset[str]
    quantity_nouns: frozenset[str]
    definite_quantity_nouns: frozenset[str]
    belief_verbs_with_to: frozenset[str]

    def names_a_holder(self, noun: Token) -> bool:
        """Whether the plural ``noun`` names people who hold or voice views as a bare plural: one of
        ``holder_nouns``, or a noun of a trade, school or people by its ending ("historians", "economists")."""
        word = noun.lower_
        return (word in self.holder_nouns or noun.lemma_.lower() in self.holder_nouns
                or word.endswith(self.holder_noun_endings))


@lru_cache(maxsize=1)
def weasel_words() -> WeaselWords:
    """The lists of ``weasel_words.yaml``."""
    raw = read_yaml(WEASEL_LEXICON)

    def words(key: str) -> frozenset[str]:
        return word_set(raw.get(key, ()))

    return WeaselWords(
        quantifiers=words("vague_quantifiers"),
        holder_nouns=words("holder_nouns"),
        attitude_verbs=words("attitude_verbs"),
        belief_verbs=words("belief_verbs"),
        belief_verbs_with_as=words("belief_verbs_with_as"),
        belief_verbs_clausal=words("belief_verbs_clausal"),
        expectation_verbs=words("expectation_verbs"),
        episodic_verbs=words("episodic_verbs"),
        episodic_markers=words("episodic_markers"),
        tendency_verbs=words("tendency_verbs"),
        vague_pronouns=words("vague_pronouns"),
        holder_noun_endings=tuple(sorted(words("holder_noun_endings"))),
        clause_holder_nouns=words("clause_holder_nouns"),
        raising_verb_forms=words("raising_verb_forms"),
        judgement_verbs=words("judgement_verbs"),
        belief_nouns=words("belief_nouns"),
        generality_modifiers=words("generality_modifiers"),
        plan_verbs=words("plan_verbs"),
        passive_infinitive_verbs=words("passive_infinitive_verbs"),
        naming_verbs=words("naming_verbs"),
        quantity_nouns=words("quantity_nouns"),
        definite_quantity_nouns=words("definite_quantity_nouns"),
        belief_verbs_with_to=words("belief_verbs_with_to"),
    )


@dataclass(frozen=True)
class Hedge:
    """A hedge found by the parse: token bounds ``[first, end)``, its category, and its scope's token bounds."""

    first: int
    end: int
    category: str
    lexicon: str
    scope: tuple[int, int] | None


# --- scope ---------------------------------------------------------------------------------------------------------


def _subtree_without(head: Token, drop: set[int], *, keep_subject: bool) -> tuple[int, int] | None:
    """Token bounds of ``head``'s subtree without the tokens in ``drop``, its subject (unless ``keep_subject``),
    and what :data:`RIGHT_CUT_DEPS` and a comma-separated adverbial clause after it start."""
    removed = set(drop)
    doc = head.doc
    for child in children_of(head):
        before, after = child.i < head.i, child.i > head.i
        cut = (
            (child.dep_ in SUBJECT_DEPS and not keep_subject)
            or (before and child.dep_ in ("mark", "aux") and child.lower_ in ("to", "that"))  # keep whether/if
            or (after and child.dep_ in RIGHT_CUT_DEPS)
            or (after and child.dep_ == "advcl" and (  # an adverbial clause of its own: "..., leading to", "as he"
                any(c.dep_ == "mark" for c in children_of(child))
                or (child.left_edge.i > 0 and doc[child.left_edge.i - 1].text in (",", ";", "—", "–", "-"))))
            or (child.dep_ == "prep" and child.lower_ == "according")
        )
        if cut:
            removed.update(t.i for t in child.subtree)
    for token in head.subtree:  # a subordinate clause further down ("take off soon [as the committee ...]")
        if token.i > head.i and token.dep_ == "advcl" and any(c.dep_ == "mark" for c in children_of(token)):
            removed.update(t.i for t in token.subtree)
    kept = [t.i for t in head.subtree if t.i not in removed]
    return _trimmed(head.doc, kept)


def _trimmed(doc: Doc, kept: list[int]) -> tuple[int, int] | None:
    """The bounds of ``kept`` without punctuation at either edge; None when nothing is left."""
    if not kept:
        return None
    start, end = min(kept), max(kept) + 1
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return (start, end) if start < end else None


def _after(bounds: tuple[int, int] | None, first: int) -> tuple[int, int] | None:
    """``bounds`` cut to start at ``first`` (the token after a cue inside them)."""
    if bounds is None:
        return None
    start = max(bounds[0], first)
    return (start, bounds[1]) if start < bounds[1] else None


def _complement(token: Token) -> Token | None:
    """The complement a hedge verb or adjective takes: a to-infinitive, clause, predicative or "as" object."""
    for dep in COMPLEMENT_DEPS:
        for child in children_of(token):
            if child.dep_ == dep and child.i > token.i:
                return child
    for child in children_of(token):
        if child.dep_ == "prep" and child.lower_ in ("as", "like", "if", "though") and child.i > token.i:
            objects = [c for c in children_of(child) if c.dep_ in ("pobj", "pcomp")]
            if objects:
                return objects[0]
        if child.dep_ == "advcl" and child.i > token.i and any(
                c.lower_ in ("if", "though") for c in children_of(child)):
            return child
    return None


def _complement_bounds(complement: Token, cue_end: int) -> tuple[int, int] | None:
    keep_subject = complement.dep_ in ("ccomp", "advcl")
    return _after(_subtree_without(complement, set(), keep_subject=keep_subject), cue_end)


def _clause_start(token: Token) -> bool:
    """Whether ``token`` opens its clause: first in the sentence, or after a comma, semicolon or conjunction."""
    if token.i == token.sent.start:
        return True
    before = token.doc[token.i - 1]
    return before.is_punct or before.dep_ == "cc" or before.lower_ in ("but", "and", "or", "yet", "so")


def hedge_scope(doc: Doc, first: int, end: int) -> tuple[int, int] | None:
    """Token bounds of what the hedge ``doc[first:end]`` makes vague (see the module notes), or None."""
    cue = set(range(first, end))
    tokens = [doc[i] for i in range(first, end)]
    # a verb or adjective of the cue with a complement: the complement ("appeared to [have ...]"); an "as" phrase
    # after a direct object is no complement but part of the predicate ("suspected [a fault as a result of ...]")
    for token in tokens:
        if token.pos_ in ("VERB", "AUX", "ADJ") and token.dep_ not in ("aux", "auxpass"):
            complement = _complement(token)
            if complement is not None and complement.dep_ in ("pobj", "pcomp") and any(
                    c.dep_ == "dobj" and c.i < complement.i for c in children_of(token)):
                continue
            if complement is not None and complement.i not in cue:
                return _complement_bounds(complement, end)
            if complement is not None:  # the "to" or "as" is the cue's own: its object is the scope
                continue
    root = doc[first:end].root
    if root.pos_ in ("VERB", "AUX") and root.dep_ == "parataxis":  # "The deal, it seems, [was inevitable]"
        host = _subtree_without(root.head, {t.i for t in root.subtree}, keep_subject=True)
        if host is None:
            return None
        after = _after(host, root.right_edge.i + 1)  # a span is contiguous: the host's part after the comment
        return after if after is not None else _trimmed(doc, list(range(host[0], root.left_edge.i)))
    if root.pos_ == "NOUN":  # "doubt [about the figures]", "speculation [over the deal]"
        prep = next((c for c in children_of(root) if c.dep_ == "prep" and c.lower_ in NOUN_SCOPE_PREPOSITIONS), None)
        objects = [c for c in children_of(prep) if c.dep_ in ("pobj", "pcomp")] if prep is not None else []
        if objects:
            return _trimmed(doc, [t.i for t in objects[0].subtree])
        clause = next((c for c in children_of(root) if c.dep_ in ("acl", "ccomp") and c.i >= end), None)
        if clause is not None:  # "the theory that [the fire was arson]", "a chance that [talks resume]"
            return _after(_subtree_without(clause, cue, keep_subject=True), end)
    # "it is unclear whether ..." / "it seems that ...": the clause the expletive stands for
    for token in tokens:
        for child in children_of(token.head if token.pos_ == "ADJ" and token.dep_ == "acomp" else token):
            if child.dep_ in ("ccomp", "csubj") and child.i >= end:
                return _complement_bounds(child, end)
    if root.dep_ == "mark" and root.head.i > root.i:  # "whether [the market can reopen]": the clause it opens
        return _after(_subtree_without(root.head, cue, keep_subject=True), end)
    predicative = next((t for t in tokens if t.dep_ in ("acomp", "attr", "oprd") and t.head.i in cue), None)
    if predicative is not None:  # "[the deal] appeared unlikely"
        subject = next((c for c in children_of(predicative.head) if c.dep_ in SUBJECT_DEPS), None)
        return _trimmed(doc, [t.i for t in subject.subtree]) if subject is not None else None
    if root.dep_ == "amod" and root.pos_ in ("ADJ", "VERB"):  # "the probable [cause for this efficiency]"
        noun = root.head
        return _after(_subtree_without(noun, cue, keep_subject=True), end) if noun.i > root.i else None
    if root.pos_ == "ADJ" and root.dep_ in ("acomp", "attr"):  # "[a large number of redundancies] is unlikely"
        subject = next((c for c in children_of(root.head) if c.dep_ in SUBJECT_DEPS), None)
        return _trimmed(doc, [t.i for t in subject.subtree]) if subject is not None else None
    if root.pos_ in ("ADV", "AUX", "PART", "VERB") or root.dep_ in ("aux", "advmod", "neg"):
        head = root if root.pos_ in ("VERB",) and root.dep_ not in ("aux", "auxpass", "advmod") else root.head
        verb_after = next((t.head for t in reversed(tokens) if t.dep_ in ("aux", "neg") and t.head.i >= end), None)
        if verb_after is not None:
            head = verb_after  # "may or may not [be significant]": the verb of the cue's last modal
        while head.pos_ not in ("VERB", "AUX", "ADJ") and head.head.i != head.i and _clause_start(root):
            head = head.head  # a clause-opening adverb the parser hung on the subject ("Normally a surge")
        if root.pos_ == "ADV" and root.dep_ == "advmod" and head.pos_ == "ADJ" and head.i == end:
            return (end, end + 1)  # "supposedly [ancient]"
        if _clause_start(root) and any(c.dep_ in SUBJECT_DEPS and c.i > root.i for c in children_of(head)):
            return _after(_subtree_without(head, cue, keep_subject=True), end)  # "Normally [a surge ... tends to]"
        bounds = _subtree_without(head, cue, keep_subject=False)
        if bounds is not None and all(  # "[the outcome] is far from certain", "[the toll] has not been confirmed"
                doc[i].dep_ in ("aux", "auxpass", "neg") or (i == head.i and head.lemma_ == "be")
                for i in range(*bounds)):
            subject = next((c for c in children_of(head) if c.dep_ in SUBJECT_DEPS), None)
            return _trimmed(doc, [t.i for t in subject.subtree]) if subject is not None else None
        return _after(bounds, end) if bounds and bounds[0] < end <= bounds[1] else bounds
    return None


# --- epistemic hedges: senses a word list cannot tell apart ------------------------------------------------------


def _next_word(doc: Doc, i: int) -> Token | None:
    """The first token after ``i`` that is not an adverb or negation ("may [not] [even] have")."""
    for token in doc[i + 1 : min(i + 5, len(doc))]:
        if token.pos_ in ("ADV", "PART") or token.dep_ in ("neg", "advmod"):
            continue
        return token
    return None


def _governing_verb(token: Token) -> Token | None:
    """The nearest verb or auxiliary above ``token`` in the parse, or None at the root."""
    head = token.head
    while head.i != token.i:
        if head.pos_ in ("VERB", "AUX"):
            return head
        token, head = head, head.head
    return None


def _perfect(following: Token) -> bool:
    """Whether the word after a modal is the auxiliary "have" of a perfect ("may have been"), not the verb
    ("may have a sleeve")."""
    return following.lower_ == "have" and following.dep_ == "aux"


def _past_ability(modal: Token, following: Token) -> bool:
    """"could" of past ability: in a relative or adverbial clause under a clause in the past tense ("contained
    nitrate, which could be converted"; "classrooms where no seats could be found"), never "could have". A
    clause a verb of saying governs is reported speech, where "could" is the backshifted "can" of a
    possibility ("said the deal could collapse"): its clause is a complement, not relative or adverbial."""
    clause = modal.head
    if _perfect(following) or clause.dep_ not in ("relcl", "advcl"):
        return False
    governor = _governing_verb(clause)
    return governor is not None and governor.tag_ == "VBD"


#: Determiners of a subject that stands for any member of a kind ("a port may be forwarded").
GENERIC_DETERMINERS = frozenset({"a", "an", "any", "each", "every"})
#: Tags of a plural common noun: with no determiner it names the members of a kind ("cords", "guests").
PLURAL_NOUN_TAGS = frozenset({"NNS"})
#: Dependency labels of a clause with which a sentence answers its own question ("asked if it was true, which was
#: confirmed", "asked if it was true and she confirmed it").
ANSWER_DEPS = frozenset({"relcl", "ccomp", "conj", "advcl"})
#: Entity labels of what a forecast names: when, how long, how much ("should be ready next week", "should last
#: ten hours", "should cost $5").
FORECAST_ENTITY_LABELS = frozenset({"DATE", "TIME", "QUANTITY", "CARDINAL", "MONEY", "PERCENT"})
#: Determiners and pronouns that deny the subject of a clause ("no survivors could be found", "nobody could
#: explain"): "could" then reports what was not possible, not the writer's doubt.
NEGATIVE_SUBJECT_WORDS = frozenset({"no", "none", "nobody", "nothing", "neither"})


def _clause_subject(verb: Token) -> Token | None:
    """The subject of ``verb``'s clause; a conjoined verb without one shares the subject of the verb it is
    conjoined to ("Verandahs are large and may encompass the facade")."""
    for _ in range(3):  # a chain of conjuncts is short; the bound keeps the walk linear
        subject = next((c for c in children_of(verb) if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None or verb.dep_ != "conj" or verb.head.i == verb.i:
            return subject
        verb = verb.head
    return None


def _generic_subject(subject: Token) -> bool:
    """Whether ``subject`` stands for the members of a kind rather than for something in particular: a bare
    plural ("cords", "guests") or a noun with an indefinite or universal determiner ("a port", "any species").
    A bare singular ("inflation", "jet lag", "tax expression") names one thing, however abstract, so "may" with
    it is the writer's doubt."""
    if subject.pos_ != "NOUN":
        return False
    if any(c.dep_ == "predet" or c.lower_ == "such" for c in children_of(subject)):
        return False  # "such a process": the one just described, not any member of a kind
    determiners = [c.lower_ for c in children_of(subject) if c.dep_ in ("det", "poss", "nummod")]
    if determiners:
        return any(d in GENERIC_DETERMINERS for d in determiners)
    return subject.tag_ in PLURAL_NOUN_TAGS


def _existential_may(modal: Token, following: Token) -> bool:
    """"may" of what is possible for a kind, not of the writer's doubt: with a generic subject, a verb that
    forecasts no change or outcome, and nothing that ties the clause to one occasion ("cords may have
    twist-locking features": some do; "guests may bring food": they are allowed to). It reads "sometimes" or
    "can" (Palmer 2001, existential and deontic modality), as the parse shows by a generic subject and no
    date, time or episodic marker; "may have" (the past), a particular or bare singular subject ("the vote may
    be delayed", "inflation may ease") and a verb of change or outcome (``forecast_verbs``: "prices may rise",
    "voters may punish the party") stay hedges."""
    verb = modal.head
    if _perfect(following) or verb.i == modal.i:
        return False
    subject = _clause_subject(verb)
    if subject is None or not _generic_subject(subject) or verb.lemma_.lower() in epistemic_words("forecast_verbs"):
        return False
    return not _one_occasion(verb)


def _one_occasion(verb: Token) -> bool:
    """Whether ``verb``'s clause is tied to one occasion by a date, a time or an episodic marker (``episodic_markers``:
    "still", "now", "today"): then a generic-looking subject stands for those of that occasion ("layoffs could come
    next year"), not for any member of a kind."""
    markers = weasel_words().episodic_markers
    return any(t.ent_type_ in ("DATE", "TIME") or t.lower_ in markers for t in verb.subtree)


def _person_or_body(noun: Token) -> bool:
    """Whether ``noun`` names a person, a group of people or a body that can act and be bound: a personal
    pronoun, a person, organisation, people or state by its entity label, or a noun of a person, group or
    institution (``gendered_nouns.yaml``, ``source_nouns.yaml``); a relative pronoun stands for the noun its
    clause hangs on ("the modem, which ...")."""
    if noun.tag_ in ("WDT", "WP"):
        if noun.lower_ == "who":
            return True
        clause = next((t for t in (noun, *noun.ancestors) if t.dep_ == "relcl"), None)
        if clause is None:
            return False
        noun = clause.head
    sources = source_lexicon()
    lemma = noun.lemma_.lower()
    return (noun.lower_ in PERSONAL_PRONOUNS or noun.ent_type_ in SPEAKER_ENTITY_LABELS
            or lemma in gender_words().person_nouns or lemma in sources.collective or lemma in sources.institution)


def _forecast_should(modal: Token) -> bool:
    """"should" of what is expected ("rainfall should be below normal this month", "the battery should last
    ten hours", "this should happen early next year"), not of a duty or advice ("the council should pay", "the
    fee should be scrapped", "policies should carry little weight"): active, not negated and not of the past
    ("should have done" is a reproach), with a subject that is no person, group or body
    (:func:`_person_or_body`), a date, time or amount in its clause (what a forecast names: when, how long, how
    much), not in a question of what to do ("how the levy should figure in the plan") and not the complement of a
    verb of advising or believing (``deontic_frame_verbs``: "argued the fee should be lower"). Not found: a
    forecast with no date or amount ("the weather should be dry"), one about people ("the players should be
    fit by May"), a relative clause on anything but its subject ("the time a trial should take" is a norm)."""
    verb = modal.head
    following = _next_word(modal.doc, modal.i)
    if modal.dep_ != "aux" or verb.i <= modal.i or following is None or following.tag_ != "VB" or _perfect(following):
        return False
    children = children_of(verb)
    if any(c.dep_ in ("neg", "auxpass") for c in children):
        return False
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in epistemic_words("deontic_frame_verbs"):
        return False
    subject = _clause_subject(verb)
    if subject is None or _person_or_body(subject) or (verb.dep_ == "relcl" and subject.tag_ not in ("WDT", "WP")):
        return False  # (a relative clause on what it does: "the battery, which should last"; "the time it should
        # take" is a norm)
    clause = list(verb.subtree)
    if any(t.tag_ in ("WP", "WRB") or t.lower_ in ("whether", "if") for t in clause if t.i < modal.i):
        return False  # "what the district should do", "how a tax hike should figure": what to do
    return any(t.ent_type_ in FORECAST_ENTITY_LABELS or t.like_num for t in clause)


def _denied(noun: Token) -> bool:
    """Whether ``noun`` is a negative pronoun or has a negative determiner ("nobody", "no survivors", "no
    evidence")."""
    return noun.lower_ in NEGATIVE_SUBJECT_WORDS or any(
        c.dep_ == "det" and c.lower_ in NEGATIVE_SUBJECT_WORDS for c in children_of(noun))


def _denied_subject(modal: Token) -> bool:
    """Whether the clause of ``modal`` has a subject that denies it: a negative pronoun or a noun with a negative
    determiner ("no survivors could be found", "nobody could explain the delay"). "could" then reports what was
    not possible, as "could not" does."""
    subject = _clause_subject(modal.head) if modal.head.i != modal.i else None
    return subject is not None and _denied(subject)


def _denied_grounds(verb: Token) -> bool:
    """Whether the inference verb ``verb`` says what denied grounds would show ("there is nothing to suggest the
    fire was set", "no document to indicate a leak"): the sentence states that nothing is inferred."""
    return verb.dep_ in ("acl", "relcl") and _denied(verb.head)


def _more_than_belief(verb: Token) -> bool:
    """Whether the negated ``verb`` claims more than it says, with a ``limiting_adverbs`` word ("they don't just
    suspect it, they know it", "we do not merely believe it"): its subject holds no doubtful view."""
    children = children_of(verb)
    return any(c.dep_ == "neg" for c in children) and any(
        c.dep_ == "advmod" and c.lower_ in epistemic_words("limiting_adverbs") for c in children)


def _believes_a_clause(verb: Token) -> bool:
    """Whether the verb of belief ``verb`` (``belief_clause_verbs``) is active and takes the clause believed ("they
    believe the bones are a whale's", "the rise will last, she believes"), or for ``object_belief_verbs`` a thing
    believed likely ("they suspected an electrical fault"); not "believe in", a passive (:func:`belief_passives`'
    business), the disbelief of "cannot believe he won", which grants it, more than a belief ("they don't just
    suspect it, they know it": a ``limiting_adverbs`` word on the negated verb), a belief about what ought to be
    (a deontic modal in the clause: "she believes the council should pay", an opinion, unless the "should"
    forecasts: :func:`_forecast_should`), or a conviction: a ``conviction_adverbs`` word on the verb ("we firmly
    believe") or a speaker's own "I believe", which in news copy states an opinion ("I believe the cuts are
    wrong"), not a doubt about a fact."""
    children = children_of(verb)
    subjects = [c for c in children if c.dep_ == "nsubj"]
    clause = next((c for c in children if c.dep_ == "ccomp"), None)
    believed = clause is not None or (verb.lemma_.lower() in epistemic_words("object_belief_verbs")
                                      and any(c.dep_ == "dobj" for c in children))
    if verb.pos_ != "VERB" or not subjects or not believed:
        return False
    disbelief = any(c.dep_ == "neg" for c in children) and any(
        c.dep_ == "aux" and c.lower_ in ("can", "ca", "could") for c in children)
    convictions = epistemic_words("conviction_adverbs")
    conviction = subjects[0].lower_ == "i" or any(c.dep_ == "advmod" and c.lower_ in convictions for c in children)
    norm = clause is not None and any(
        c.dep_ == "aux" and c.lower_ in epistemic_words("deontic_modals") and not _forecast_should(c)
        for c in children_of(clause))
    return not (disbelief or _more_than_belief(verb) or conviction or norm)


def _known_to_nobody(known: Token) -> bool:
    """Whether "not known" denies knowledge ("the cause is not known"), not familiarity or fame with a noun after
    it ("is not known for his temper", "was not known to police", "is not known as a reader")."""
    return not any(c.dep_ in ("prep", "agent") and any(g.dep_ == "pobj" for g in children_of(c))
                   for c in children_of(known))


def _answered(clause: Token) -> bool:
    """Whether the sentence answers the question whose clause ``clause`` is: a clause of a verb of answering
    (``answer_verbs``) after it that hangs on the question or on the verb that asks it ("asked if the story was
    accurate, which was confirmed", "asked whether the fee was legal and the clerk confirmed it"). An answered
    question leaves nothing open. Not found: an answer in another sentence, or in words that are no answer verb
    ("and was told it was")."""
    answers = epistemic_words("answer_verbs")
    return any(c.dep_ in ANSWER_DEPS and c.i > clause.i and c.lemma_.lower() in answers
               for head in (clause, clause.head) for c in children_of(head))


def _open_question(token: Token) -> bool:
    """"whether" opening a clause that is the complement of a verb, noun or adjective ("decide whether",
    "unclear whether", "the question of whether"), not a concessive "whether A or B" ("whether voluntary or
    enforced", "whether right or wrong, the decision stands"): that states no open question; nor one the
    sentence answers (:func:`_answered`)."""
    clause = token.head
    return (token.dep_ == "mark" and clause.pos_ in ("VERB", "AUX") and clause.dep_ != "advcl"
            and not _answered(clause))


def _alternative_question(doc: Doc, first: int) -> bool:
    """"or not" closing a question that no other cue marks: after an "if" that is no cue of its own ("it is up to
    the board if the plan goes ahead or not"), or in a sentence that asks ("Will it rain or not?"). After "whether"
    or a verb's "if" ("a decision whether to close the road or not", "will decide if the plan goes ahead or not") it
    belongs to that cue's question, which is one hedge; a concessive "guilty or not", "whether right or not"
    asks nothing."""
    sentence = doc[first].sent
    openers = [t for t in doc[sentence.start : first] if t.lower_ in ("whether", "if")]
    if openers:
        return openers[-1].lower_ == "if" and _question_if(openers[-1]) is None
    return sentence[-1].text == "?" or (len(sentence) > 1 and sentence[-2].text == "?")


def _question_clause(token: Token) -> Token:
    """The head of the clause that the "if" ``token`` marks (the parser may hang it on the clause's auxiliary:
    "if the fires were related")."""
    clause = token.head
    return clause.head if clause.dep_ in ("aux", "auxpass") else clause


def _question_if(token: Token) -> int | None:
    """The first token of the open question that ``token`` opens when it is an "if" opening a finite clause (with
    a subject) that a verb of asking or knowing right before it takes (``question_verbs``; adverbs and particles
    aside, and the one asked after a verb of asking: "asked the mayor if"), as "whether" would ("wonders if the
    dam will hold", "does not know if both fires are linked", "will decide if the plan goes ahead"). The cue is
    the "if", as it would be "whether"; a verb that doubts of its own (``doubt_question_verbs``: "wonders if") or
    a negated one ("does not know if", with the auxiliary that carries the negation) joins it, as "not known
    whether" is one hedge. None for any other "if": a condition ("threatened to sue if the paper printed it",
    "will help if needed", "tell me if you need help"), after an adjective ("unclear if" is a word-list hedge),
    or a question the sentence answers (:func:`_answered`)."""
    clause, doc = _question_clause(token), token.doc
    if token.lower_ != "if" or token.dep_ != "mark" or clause.dep_ not in ("ccomp", "advcl") or clause.i < token.i \
            or not any(c.dep_ in SUBJECT_DEPS for c in (*children_of(clause), *children_of(token.head))):
        return None  # (the subject, too, may hang on the auxiliary)
    verb = clause.head
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or verb.i > token.i or lemma not in epistemic_words("question_verbs") or _answered(clause):
        return None
    between = {c.i for c in children_of(verb) if c.dep_ in ("advmod", "prt")}
    addressee = {t.i for c in children_of(verb) if c.dep_ in ("dobj", "dative") for t in c.subtree}
    if lemma in epistemic_words("addressee_question_verbs") and addressee:
        # "asked the mayor if": whom the question is put to (the parser often hangs the question on the verb as
        # an adverbial clause then); elsewhere an adverbial "if" clause is a condition
        between |= addressee
    elif clause.dep_ != "ccomp":
        return None
    if any(i not in between for i in range(verb.i + 1, token.i)):
        return None
    before = {c.i for c in children_of(verb) if c.i < verb.i and c.dep_ in ("aux", "neg")}
    negated = any(doc[i].dep_ == "neg" for i in before)
    if not negated and lemma not in epistemic_words("doubt_question_verbs"):
        return token.i  # "will decide if": the "if" alone, as "decide whether" is "whether"
    first = verb.i
    while negated and first - 1 in before:  # "does not know if": the negation and its auxiliary
        first -= 1
    return first


def _possible_as_feasible(token: Token) -> bool:
    """"possible" of feasibility or denied: with a to-infinitive ("it has been possible to develop", "would not
    be possible to finish") or negated ("not possible"); it says what can be done, not how sure the writer is."""
    predicate = token.head if token.dep_ in ("acomp", "attr") else token
    infinitive = any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in children_of(c))
                     for c in (*children_of(token), *children_of(predicate)))
    return infinitive or any(c.dep_ == "neg" for c in (*children_of(token), *children_of(predicate)))


def epistemic_sense(doc: Doc, first: int, end: int, term: Term) -> bool:
    """Whether the lexicon match ``doc[first:end]`` of ``term`` is the hedge sense (module notes; the
    restrictions are listed in ``epistemic_hedges.yaml``)."""
    words, token = term.words, doc[first]
    if len(words) == 1 and words[0] in ("may", "might", "could"):
        following = _next_word(doc, first)
        if token.dep_ == "aux" and token.head.tag_ == "VB" and token.head.i > first:
            following = token.head  # "it may, in fact, be the oldest"
        if following is None or following.tag_ != "VB":
            return False  # "May 13", "May had already set records", "with all his might"
        if words[0] == "could" and (any(t.lower_ in ("not", "n't") for t in doc[first + 1 : following.i])
                                    or _denied_subject(token)):
            # "could not confirm", "no survivors could be found": past inability; "could not have" is not
            return following.lower_ == "have"
        if words[0] == "may" and _existential_may(token, following):
            return False
        if any(c.dep_ == "mark" and c.lower_ == "than" for c in children_of(token.head)):
            return False  # "bigger than the stadium could hold": a capacity compared with, not a doubt
        return not (words[0] == "could" and _past_ability(token, following))
    if words == ("should",):
        return _forecast_should(token)
    verb = next((t for t in doc[first:end] if t.lemma_.lower() in ("appear", "seem")), None)
    if verb is not None and not any(t.pos_ == "ADJ" for t in doc[first:end]):  # "appear unlikely" is complete
        i = verb.i
        to_infinitive = i + 2 < len(doc) and doc[i + 1].lower_ == "to" and doc[i + 2].tag_ == "VB"
        # a comment clause set off from its sentence: "The deal, it seems, was inevitable"
        parenthetical = verb.dep_ in ("parataxis", "aux") or (  # (or the parser took it for an auxiliary)
            first > 0 and doc[first - 1].is_punct and i + 1 < len(doc) and doc[i + 1].is_punct)
        return (to_infinitive or parenthetical or _complement(verb) is not None
                or any(c.dep_ == "ccomp" for c in children_of(verb)))
    verbs, reporting_subjects = inference_verbs()
    if len(words) == 1 and token.lemma_.lower() in verbs:
        if _denied_grounds(token):
            return False  # "there is nothing to suggest the fire was set"
        subject = next((c for c in children_of(token) if c.dep_ in ("nsubj", "nsubjpass")), None)
        return subject is None or not (
            subject.lower_ in PERSONAL_PRONOUNS or subject.pos_ == "PROPN" or subject.ent_type_ in SPEAKER_ENTITY_LABELS
            or subject.lemma_.lower() in reporting_subjects)
    if len(words) == 2 and words[1] == "chance":
        # "a good chance to meet the players": an opportunity, not odds
        return not (end + 1 < len(doc) and doc[end].lower_ == "to" and doc[end + 1].tag_ == "VB")
    if words == ("whether",):
        return _open_question(token)
    if len(words) == 1 and token.lemma_.lower() in epistemic_words("belief_clause_verbs"):
        return _believes_a_clause(token)
    if words[-1] == "known":
        return _known_to_nobody(doc[end - 1])
    if words == ("or", "not"):
        return _alternative_question(doc, first)
    if len(words) == 1 and token.pos_ == "VERB" and token.lemma_.lower() in epistemic_words("distancing_clausal_verbs"):
        # "claimed (that) the vote was rigged", "claims to be": not "claimed the throne", "contend with floods"
        return any(c.dep_ in ("ccomp", "xcomp") for c in children_of(token))
    if len(words) == 1 and words[0] == "possible":
        before = {t.lower_ for t in doc[max(token.sent.start, first - 3) : first]}
        if before & {"as", "if", "where", "whenever", "wherever", "best", "everything", "all", "whatever"}:
            return False
        if token.head.lemma_.lower() == "make" or (token.dep_ == "oprd"):
            return False  # "made possible"
        if token.dep_ == "acomp" and any(c.dep_ == "csubj" for c in children_of(token.head)):
            return False  # "Charging it is possible via a cable": ability
        return not _possible_as_feasible(token)
    return True


def hearsay_sense(doc: Doc, first: int, end: int, term: Term) -> bool:
    """A hearsay frame of ``hedges.yaml`` that ends in "to" counts before a verb only ("is said to be", not
    "have not been reported to their families")."""
    if term.words and term.words[-1] == "to":
        following = _next_word(doc, end - 1)  # "is said to only be heard"
        return following is not None and following.tag_ == "VB"
    return True


# --- weasels -----------------------------------------------------------------------------------------------------


def _members_named_after(noun: Token) -> bool:
    doc = noun.doc
    after = " ".join(t.lower_ for t in doc[noun.i + 1 : min(noun.i + 4, len(doc))]).lstrip(", ")
    return after.startswith(MEMBERS_FOLLOW)


def _generic_clause(verb: Token) -> bool:
    """Whether ``verb``'s clause generalises: simple present, or a modal of what is generally so; not the
    present state of one event ("remain", "still", "now")."""
    words = weasel_words()
    if verb.lemma_.lower() in words.episodic_verbs:
        return False
    clause = " " + " ".join(t.lower_ for t in verb.subtree) + " "
    if any(f" {marker} " in clause for marker in words.episodic_markers):
        return False
    auxes = [c for c in children_of(verb) if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" and a.lower_ in GENERIC_MODALS for a in auxes):
        return True
    if any(a.lemma_.lower() == "have" or a.tag_ in ("VBD", "VBN") for a in auxes):
        return False  # perfect or past passive: an event
    finite = auxes[0] if auxes else verb
    return finite.tag_ in PRESENT_TAGS and not any(a.tag_ == "VBG" or verb.tag_ == "VBG" for a in auxes)


def _quantified_phrase(token: Token, words: WeaselWords) -> tuple[Token, Token] | None:
    """``(quantifier, noun)`` when ``token`` is a vague quantifier determining a plural noun ("many scholars",
    "most of the analysts")."""
    doc = token.doc
    if token.pos_ == "NOUN" and token.lower_ in words.quantity_nouns:  # "a number of analysts"
        determiners = {c.lower_ for c in children_of(token) if c.dep_ in ("det", "poss")}
        if determiners - {"a", "an"} and not (determiners == {"the"} and token.lower_ in words.definite_quantity_nouns):
            return None  # "the number of analysts covering the stock": a count
    elif token.lower_ not in words.quantifiers or _set_named_before(token):
        return None
    if token.dep_ in ("amod", "det", "nummod", "quantmod") and token.head.i > token.i:
        noun = token.head
    else:  # "most of the analysts"
        of = next((c for c in children_of(token) if c.dep_ == "prep" and c.lower_ == "of"), None)
        noun = next((c for c in children_of(of) if c.dep_ == "pobj"), None) if of is not None else None
        if noun is None:
            return None
    if noun.tag_ not in ("NNS", "NNPS") and noun.lower_ != "people":
        return None
    if any(t.like_num for t in doc[token.i + 1 : noun.i]):
        return None  # "some 300 experts": an approximator of a number
    return token, noun


def holds_a_view(verb: Token, words: WeaselWords) -> bool:
    """Whether ``verb``'s subject holds or voices a view: a verb of saying, believing or judging
    (``attitude_verbs``), any verb with a clause for its content ("have noted that the plan ..."), or a verb of
    naming with a predicative ("call the plan a land grab"; not "called the police"); not a verb that claims more
    than a belief (:func:`_more_than_belief`)."""
    children = children_of(verb)
    if _more_than_belief(verb):
        return False  # "researchers don't just suspect it, they know it"
    return (verb.lemma_.lower() in words.attitude_verbs or any(c.dep_ == "ccomp" for c in children)
            or (verb.lemma_.lower() in words.naming_verbs and any(c.dep_ == "oprd" for c in children)))


def agent_verb(token: Token) -> Token | None:
    """The verb whose by-agent ``token`` is ("praised by critics": praised), else None."""
    if token.dep_ == "pobj" and token.head.dep_ == "agent":
        return token.head.head
    return None


def _agent_scope(verb: Token, agent: Token) -> tuple[int, int] | None:
    """What a vague by-agent is said to hold: the passive ``verb``'s complement, without the verb, its
    auxiliaries, its subject and the ``agent`` phrase, but with an "as" phrase or infinitive the parser hung on
    the agent ("is regarded by some [as a relic]"); None when nothing is left ("was praised by critics")."""
    # "by some [as a relic]": the parser hangs the "as" phrase on the agent
    kept = [t for holder in children_of(agent) for c in children_of(holder)
            if (c.dep_ == "prep" and c.lower_ == "as") or c.dep_ == "xcomp" for t in c.subtree]
    drop = {verb.i, *(t.i for t in agent.subtree)} - {t.i for t in kept}
    for child in children_of(verb):
        if child.dep_ in ("aux", "auxpass", "neg") or child.i < verb.i:
            drop.update(t.i for t in child.subtree)
    return _subtree_without(verb, drop, keep_subject=False)


def _quantifier_subject(token: Token, words: WeaselWords) -> bool:
    """A vague quantifier or ``vague_pronouns`` word standing alone as the subject of a verb of saying or believing
    ("Some say", "Many believe", "Others claimed that": "others" only with the clause it holds), or as the
    by-agent of one ("is regarded by some as"), with no of-phrase naming the set."""
    if token.lower_ not in words.quantifiers | words.vague_pronouns:
        return False
    verb = token.head if token.dep_ == "nsubj" else agent_verb(token)
    if verb is None or not (holds_a_view(verb, words) or verb.lemma_.lower() in words.belief_verbs):
        return False
    if token.lower_ in words.vague_pronouns and token.dep_ == "nsubj" and not any(
            c.dep_ == "ccomp" for c in children_of(verb)):
        return False  # "others" only with the content it holds: "others claimed that", not "others are thinking about"
    if _set_named_before(token):
        return False
    return not any(c.dep_ == "prep" and c.lower_ == "of" for c in children_of(token))


def quantifier_weasels(doc: Doc) -> Iterator[Hedge]:
    """Vague quantifiers over people, groups, sources or opinions (rule in ``weasel_words.yaml``)."""
    words, index = weasel_words(), doc_index(doc)
    # speed: only these words can be a quantifier, a quantity noun or a vague pronoun; both tests below were
    # made for every token (55k on 300 articles) and reject the others by their lower case alone
    may_quantify = words.quantifiers | words.quantity_nouns | words.vague_pronouns
    for token in (index.tokens[i] for i, lower in enumerate(index.lower) if lower in may_quantify):
        found = _quantified_phrase(token, words)
        if found is None:
            if _quantifier_subject(token, words):  # "Some say the plan will fail", "is regarded by some as"
                verb = agent_verb(token)
                if verb is not None:
                    yield Hedge(token.head.i, token.i + 1, WEASEL, WEASEL_LEXICON, _agent_scope(verb, token.head))
                else:
                    end, scope = _with_hedge_verb(token.i + 1, token.head, _held_scope(token.head, {token.i}))
                    yield Hedge(token.i, end, WEASEL, WEASEL_LEXICON, scope)
            continue
        quantifier, noun = found
        if _members_named_after(noun):
            continue
        last = noun
        for conj in noun.conjuncts:  # "some experts and collectors"
            if conj.i > last.i and conj.tag_ in ("NNS", "NNPS"):
                last = conj
        holder = noun.lemma_.lower() in words.holder_nouns or noun.lower_ in words.holder_nouns
        head, role = noun.head, noun.dep_
        if quantifier.i not in {t.i for t in noun.subtree}:  # "most of the analysts": the quantifier heads it
            head, role = quantifier.head, quantifier.dep_
        if role == "pobj" and head.dep_ == "agent":
            role, head = "agent", head.head
        if role == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
            according = head.head
            clause = according.head
            scope = _subtree_without(clause, {t.i for t in according.subtree}, keep_subject=True)
            yield Hedge(quantifier.left_edge.i, _holder_end(last), WEASEL, WEASEL_LEXICON, scope)
            continue
        subject = role in ("nsubj", "nsubjpass", "agent")
        verb = head if subject else None
        attitude = verb is not None and role != "nsubjpass" and holds_a_view(verb, words)  # "were questioned": no holder
        partitive = quantifier.i not in {t.i for t in noun.subtree}  # "some of the other options"
        if not (holder or (subject and (attitude or (not partitive and _generic_clause(verb))))):
            continue  # a part of a set the text names ("some of the options include") generalises about nobody
        if verb is not None and role == "agent":  # "is opposed by many residents"
            scope = _agent_scope(verb, noun.head)
        elif verb is not None:
            scope = _held_scope(verb, {t.i for t in noun.subtree} | {t.i for t in quantifier.subtree})
        else:  # "several reasons [for the delay]"
            scope = _after(_subtree_without(noun, set(), keep_subject=True), _holder_end(last))
        end = _holder_end(last)
        if role == "nsubj":  # "many analysts suggest": the verb is a hedge of its own
            end, scope = _with_hedge_verb(end, verb, scope)
        yield Hedge(quantifier.left_edge.i, end, WEASEL, WEASEL_LEXICON, scope)


#: Dependents of a plural noun that narrow it to a set the text names or counts ("the critics", "his critics",
#: "critics of the plan", "300 experts", "Labour critics", "critics who signed"): then no weasel.
NARROWING_DEPS = frozenset({"det", "poss", "nummod", "compound", "prep", "acl", "relcl", "appos", "quantmod"})


def _narrows(child: Token, *, believers: bool) -> bool:
    """Whether ``child`` of a plural holder noun names or counts its set (:data:`NARROWING_DEPS`, a name). Of
    ``believers`` (the subject of a verb of belief) a compound common noun only describes them ("health officials
    believe", "zoo officials believe"); of a source it may name whose it is ("Council estimates show"), so there it
    narrows."""
    if child.pos_ == "PROPN":
        return True
    return child.dep_ in NARROWING_DEPS and not (believers and child.dep_ == "compound" and child.pos_ == "NOUN")


def _hedge_verbs() -> frozenset[str]:
    """Verb lemmas that are hedges of their own: the inference verbs and ``belief_clause_verbs`` of
    epistemic_hedges.yaml (suggest, indicate, believe, suspect)."""
    return inference_verbs()[0] | epistemic_words("belief_clause_verbs")


def _with_hedge_verb(end: int, verb: Token | None,
                     scope: tuple[int, int] | None) -> tuple[int, tuple[int, int] | None]:
    """A holder cue's end and scope, run through ``verb`` when it is a hedge of its own (:func:`_hedge_verbs`) and
    follows the holder with nothing but its auxiliaries, negation and adverbs between ("reports suggested",
    "health officials believe", "many analysts now suspect"): holder and verb are one hedge, not a weasel and an
    epistemic cue. Its scope is then the clause the verb takes; else ``end`` and ``scope`` as they are."""
    if verb is None or verb.i < end or verb.lemma_.lower() not in _hedge_verbs() or any(
            t.head.i != verb.i or t.dep_ not in ("aux", "neg", "advmod") for t in verb.doc[end : verb.i]):
        return end, scope
    clause = next((c for c in children_of(verb) if c.dep_ == "ccomp"), None)
    if clause is not None:
        return verb.i + 1, _subtree_without(clause, set(), keep_subject=True)
    return verb.i + 1, _after(scope, verb.i + 1)


def _hedge_participle(noun: Token) -> Token | None:
    """The participle right after a plural ``noun`` that is a hedge of its own (:func:`_hedge_verbs`: "reports
    suggesting the coach will stay", a reduced "reports that suggest"); else None. (Only a hedge verb: "with
    traders saying the deal is off" is left to the rules for "analysts say", which read subjects only.)"""
    participle = next((c for c in children_of(noun) if c.dep_ == "acl" and c.i == noun.i + 1), None)
    if participle is None or participle.tag_ != "VBG" or participle.lemma_.lower() not in _hedge_verbs():
        return None
    return participle


def _holder_end(noun: Token) -> int:
    """The token after a holder phrase: ``noun`` with the adjective phrase after it, which describes the holders
    without naming them ("people familiar with the matter", "sources close to the club")."""
    after = [t.i for c in children_of(noun) if c.dep_ == "amod" and c.i > noun.i for t in c.subtree]
    return max(after) + 1 if after else noun.i + 1


def _held_scope(verb: Token, holder: set[int]) -> tuple[int, int] | None:
    """What a vague holder (the tokens ``holder``, subject of ``verb``) is said to hold: the predicate without
    the holder ("[say the plan will fail]"), or the reported clause alone when it comes before the holder ("[The
    company is weighing a sale], people familiar with the matter said")."""
    before = next((c for c in children_of(verb) if c.dep_ == "ccomp" and c.i < min(holder)), None)
    if before is not None:
        return _subtree_without(before, set(), keep_subject=True)
    return _subtree_without(verb, holder, keep_subject=False)


def bare_holder_weasels(doc: Doc) -> Iterator[Hedge]:
    """A bare plural of people who hold views (:meth:`WeaselWords.names_a_holder`: critics, experts, historians)
    as the subject or by-agent of a verb of saying or believing, or with a participle that hedges ("reports
    suggesting"), with nothing that names or narrows the set ("Critics say the plan will fail", "experts warn",
    "was praised by critics"); of people at large (``clause_holder_nouns``) with the clause they hold ("People say
    the mayor will resign"); any bare plural as the subject of a verb of belief with the clause believed
    (``belief_clause_verbs``: "health officials believe the bear is nearby": whoever believes is unnamed), unless it
    is a noun of an institution (``source_nouns.yaml``: "Police believe the fire was set" names the force on the
    case, as "the company believes" does; its "believe" is an epistemic cue of its own). Its scope
    is what they are said to hold; a verb that is a hedge of its own joins the cue (:func:`_with_hedge_verb`).
    "The critics", "critics of the plan", "300 experts", "Labour critics" and "critics, including X" name or
    count the set: no weasel; a common noun before believers only describes them ("health officials")."""
    words, index = weasel_words(), doc_index(doc)
    for noun in (index.tokens[i] for i, tag in enumerate(index.tag) if tag == "NNS"):
        # "critics say", "praised by critics", "reports suggesting"
        praised_by = None if noun.dep_ == "nsubj" else agent_verb(noun)
        verb = noun.head if noun.dep_ == "nsubj" else praised_by or _hedge_participle(noun)
        if verb is None or not holds_a_view(verb, words) or _members_named_after(noun):
            continue
        at_large = noun.lower_ in words.clause_holder_nouns  # "people say the mayor will resign"
        believer = (noun.dep_ == "nsubj" and verb.lemma_.lower() in epistemic_words("belief_clause_verbs")
                    and _believes_a_clause(verb) and noun.lemma_.lower() not in source_lexicon().institution)
        if not (at_large or believer or words.names_a_holder(noun)):
            continue
        if at_large and not (noun.dep_ == "nsubj" and verb.lemma_.lower() in words.attitude_verbs | words.belief_verbs
                             and any(c.dep_ == "ccomp" for c in children_of(verb))):
            continue  # people at large hold a view only by saying or believing a clause: not "people want change"
        if any(_narrows(c, believers=believer) and c.i != verb.i for c in children_of(noun)):
            continue
        first = noun.left_edge.i  # "independent experts": the adjectives belong to the holder
        if noun.dep_ == "nsubj":
            scope = _held_scope(verb, {t.i for t in noun.subtree})
        elif praised_by is not None:
            scope = _agent_scope(verb, noun.head)
        else:  # "reports suggesting [the coach will stay]"
            scope = _after(_subtree_without(verb, set(), keep_subject=False), verb.i + 1)
        end, scope = _with_hedge_verb(_holder_end(noun), verb, scope)
        yield Hedge(first, end, WEASEL, WEASEL_LEXICON, scope)


def unnamed_sources(doc: Doc) -> Iterator[Hedge]:
    """"according to" a bare plural source or holder noun ("according to reports", "according to analysts"), or
    a vague quantifier or pronoun standing alone ("according to some", "according to others"): the source is a
    set nobody is named in; its scope is the rest of the clause."""
    words = weasel_words()
    index = doc_index(doc)
    for according in (index.tokens[i] for i, lower in enumerate(index.lower) if lower == "according"):
        if according.i + 2 >= len(doc) or doc[according.i + 1].lower_ != "to":
            continue
        to = doc[according.i + 1]
        noun = next((c for c in children_of(to) if c.dep_ == "pobj"), None)
        if noun is None:
            continue
        alone = noun.lower_ in words.quantifiers | words.vague_pronouns  # "according to some", "to others"
        if alone and any(c.dep_ == "prep" and c.lower_ == "of" for c in children_of(noun)):
            continue  # "according to some of the officials": a partitive, the quantifier rule's
        at_large = noun.lower_ in words.clause_holder_nouns  # "according to people familiar with the talks"
        if not alone and (noun.tag_ != "NNS" or not (at_large or words.names_a_holder(noun))):
            continue
        if any(c.dep_ in ("det", "poss", "nummod") or c.pos_ == "PROPN" or c.lower_ in words.quantifiers
               for c in children_of(noun)) or _members_named_after(noun):
            continue
        end = _holder_end(noun)
        clause = according.head
        scope = None
        if clause.i != according.i:
            scope = _subtree_without(clause, {t.i for t in according.subtree}, keep_subject=True)
        yield Hedge(according.i, end, WEASEL, WEASEL_LEXICON, scope)


def _passive_aux(verb: Token) -> Token | None:
    return next((c for c in children_of(verb) if c.dep_ == "auxpass"), None)


#: Dependency labels of a participle that is a passive of its own without an auxiliary: a reduced relative ("a
#: body believed to be"), a participle clause ("Widely regarded as the greatest, ...") or a conjunct of a
#: predicate ("stable and generally regarded as one of the best").
REDUCED_PASSIVE_DEPS = frozenset({"acl", "advcl", "conj"})


def _reduced_passive(verb: Token) -> bool:
    """Whether the participle ``verb`` is a passive without auxiliary or subject of its own (see
    :data:`REDUCED_PASSIVE_DEPS`); a conjunct counts only after an adjective or a passive ("accurate and
    regarded as", "are outside and sometimes considered"), not after an active verb, whose subject it would
    share. A participle the parser gave a subject but no auxiliary is one too (a past participle heads no clause
    of its own without one)."""
    children = children_of(verb)
    if any(c.dep_ in ("aux", "auxpass") for c in children):
        return False
    if verb.tag_ == "VBN" and any(c.dep_ == "nsubj" for c in children):
        return True  # the parser made the noun its subject, which a participle lacks ("the event generally considered")
    if verb.tag_ not in ("VBN", "VBD") or verb.dep_ not in REDUCED_PASSIVE_DEPS or any(
            c.dep_ in SUBJECT_DEPS for c in children):
        return False  # (an "acl" tagged VBD is the tagger's past for a participle: "Berruguete, considered the ...")
    head = verb.head
    return verb.dep_ != "conj" or head.pos_ == "ADJ" or _passive_aux(head) is not None or head.lemma_ == "be"


def _past_read_passive(verb: Token, words: WeaselWords) -> bool:
    """Whether ``verb``, tagged as a past tense with no auxiliary, is a reduced relative the parser misread: a
    verb that takes "to be" or "to have" only in the passive (``passive_infinitive_verbs``), followed by one
    ("a body believed to be that of the hiker": the body is not the believer)."""
    doc = verb.doc
    if verb.tag_ != "VBD" or verb.lemma_.lower() not in words.passive_infinitive_verbs or verb.i + 2 >= len(doc):
        return False
    to, infinitive = doc[verb.i + 1], doc[verb.i + 2]
    return (to.lower_ == "to" and infinitive.tag_ == "VB" and infinitive.lemma_.lower() in ("be", "have")
            and not any(c.dep_ in ("aux", "auxpass") for c in children_of(verb)))


def _naming_as_judgement(verb: Token, auxpass: Token | None, complement: Token | None) -> bool:
    """Whether a passive of naming (``naming_verbs``: "has been called the fastest ferry in Europe", "is being
    called the upset of the season") reports what people have been saying of its subject: a perfect or
    progressive passive with a predicative. In a simple tense it gives the subject's name ("the village is
    called Little Marsh"); with an infinitive or "as" it summons ("was called to testify", "called as a
    witness")."""
    if complement is None or complement.dep_ not in ("oprd", "attr", "dobj"):
        return False
    perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" and c.i < verb.i for c in children_of(verb))
    return perfect or (auxpass is not None and auxpass.lower_ == "being")


def _raising_aux(verb: Token, words: WeaselWords) -> Token | None:
    """"seem" or "appear" that the parser hung on a participle as its auxiliary ("it seems widely accepted that",
    "appears generally regarded as"): the frame of a passive without "to be" (``raising_verb_forms``)."""
    return next((c for c in children_of(verb)
                 if c.dep_ == "aux" and c.i < verb.i and c.lower_ in words.raising_verb_forms), None)


def _with_adverbs(verb: Token) -> int:
    """The first token of ``verb`` with the adverbs right before it that modify it ("widely regarded")."""
    first = verb.i
    while first > 0 and verb.doc[first - 1].dep_ == "advmod" and verb.doc[first - 1].head.i == verb.i:
        first -= 1
    return first


def _predicative_object(verb: Token) -> Token | None:
    """The noun the parser made the direct object of a passive participle ("the plan is now thought a failure"):
    a passive has no object of its own, so that noun is the predicative the belief is about."""
    if not any(c.dep_ == "auxpass" for c in children_of(verb)):
        return None
    return next((c for c in children_of(verb) if c.dep_ == "dobj" and c.i > verb.i), None)


def _plan_infinitive(complement: Token | None) -> bool:
    """Whether ``complement`` is a to-infinitive of action ("supposed to arrive"), not of a state or a past
    ("supposed to be haunted", "supposed to have fled"), which a belief is about."""
    if complement is None or complement.dep_ != "xcomp":
        return False
    children = children_of(complement)
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in children):
        return False
    stative = complement.lemma_.lower() in ("be", "have") or any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" for c in children)
    return not stative


def belief_passives(doc: Doc, reported: Callable[[int, int], bool]) -> Iterator[Hedge]:
    """Agentless passives of verbs of believing or saying with a complement ("is thought to", "it is said
    that", "is widely regarded as", "is attributed to"), with their auxiliary or without ("a body believed to
    be", also where the parser took the participle for a past tense; "widely regarded as the greatest, ..."),
    and of naming in the perfect or progressive ("has been called the fastest"); ``reported(first, end)`` says
    whether tokens lie in reported speech, where an expectation has a named holder (epistemic, not weasel).
    Not extracted: a passive with a by-agent, a plan ("was supposed to arrive"), a name ("is called Little
    Marsh"), a summons ("was called to testify"), a belief passive without any complement ("the idea has long
    been claimed")."""
    words = weasel_words()
    index = doc_index(doc)
    for i in (i for i, lemma in enumerate(index.lemma)
              if lemma in words.belief_verbs or lemma in words.naming_verbs or lemma in words.belief_verbs_with_to):
        verb, lemma = index.tokens[i], index.lemma[i]
        if verb.tag_ not in ("VBN", "VBD"):
            continue
        auxpass = _passive_aux(verb) if verb.tag_ == "VBN" else None
        if auxpass is None and verb.tag_ == "VBN":
            auxpass = _raising_aux(verb, words)  # "it seems widely accepted that"
        if (auxpass is None and not (_reduced_passive(verb) or _past_read_passive(verb, words))) or any(
                c.dep_ == "agent" for c in children_of(verb)):
            continue
        complement = _complement(verb) or _predicative_object(verb)
        if lemma in words.plan_verbs and _plan_infinitive(complement):
            continue  # "the train was supposed to arrive": a plan or a duty, not a belief
        if complement is not None and complement.pos_ not in ("VERB", "AUX") and any(
                c.dep_ in ("prep", "agent") and c.lower_ == "by" for c in children_of(complement)):
            continue  # the parser hung the by-agent on the predicative: "is considered a risk by prosecutors"
        if lemma in words.naming_verbs and not _naming_as_judgement(verb, auxpass, complement):
            continue  # "the village is called Little Marsh", "was called to testify": a name or a summons
        # the preposition of the frame: "regarded as", "attributed to" (a cause or an author nobody is named as giving)
        frame = "to" if lemma in words.belief_verbs_with_to else "as"
        as_phrase = next(
            (c for c in children_of(verb) if c.dep_ == "prep" and c.lower_ == frame and c.i == verb.i + 1), None)
        if lemma in words.belief_verbs_with_to and (as_phrase is None or any(
                c.dep_ in ("prep", "agent") and c.lower_ == "by"
                for cause in children_of(as_phrase) for c in children_of(cause))):
            continue  # (the parser hangs a by-agent on the cause: "attributed to faulty wiring by the fire service")
        # (after a raising verb the parser may call the expletive an active subject: "It seems widely accepted that")
        expletive = next((c for c in children_of(verb) if c.lower_ == "it" and (
            c.dep_ in ("nsubjpass", "expl") or (c.dep_ == "nsubj" and auxpass is not None and auxpass.dep_ == "aux"))),
            None)
        if lemma in words.belief_verbs_with_as and as_phrase is None:
            continue
        if lemma in words.belief_verbs_clausal:
            as_phrase = None
            to_infinitive = complement is not None and complement.dep_ == "xcomp" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in children_of(complement))
            if not to_infinitive:
                complement = None  # "known as", "reported missing": only "is known to" / "it is known that"
        if complement is None and as_phrase is None and not (expletive is not None and any(
                c.dep_ == "ccomp" for c in children_of(verb))):
            continue
        perfect = [c.i for c in children_of(verb)
                   if c.dep_ == "aux" and c.lemma_.lower() in ("be", "have") and c.i < verb.i and c.tag_ != "MD"]
        # "has been argued", not the modal ("may be considered": two cues); without auxiliary, the participle
        first = min([auxpass.i, *perfect]) if auxpass is not None else _with_adverbs(verb)
        if expletive is not None and expletive.i == first - 1:
            first = expletive.i
        end = verb.i + 1
        following = doc[end] if end < len(doc) else None
        if following is not None and (following.lower_ in ("to", "as")
                                      or (following.lower_, following.dep_) == ("that", "mark")):
            end += 1  # the particle that belongs to the frame: "is thought to", "is regarded as", "it is said that"
        elif (following is not None and following.lower_ == "of" and end + 1 < len(doc)
              and doc[end + 1].lower_ == "as"):
            end += 2  # "is widely thought of as"
        category = WEASEL
        if lemma in words.expectation_verbs and reported(first, end):
            category = EPISTEMIC
        if any(c.dep_ == "neg" for c in children_of(verb)):
            category = EPISTEMIC  # "it is not known how many died": nobody knows
        scope = hedge_scope(doc, first, end)
        if as_phrase is not None and scope is None:
            objects = [c for c in children_of(as_phrase) if c.dep_ == "pobj"]
            scope = _trimmed(doc, [t.i for t in objects[0].subtree]) if objects else None
        yield Hedge(first, end, category, WEASEL_LEXICON, scope)


def tendency_weasels(doc: Doc) -> Iterator[Hedge]:
    """"tend to" + verb ("young people tend to move"): the claim holds as a tendency, not always."""
    words, index = weasel_words(), doc_index(doc)
    for verb in (index.tokens[i] for i, lemma in enumerate(index.lemma) if lemma in words.tendency_verbs):
        if verb.pos_ == "VERB" and verb.i + 2 < len(doc):
            to, infinitive = doc[verb.i + 1], doc[verb.i + 2]
            if to.lower_ == "to" and infinitive.tag_ == "VB":
                yield Hedge(verb.i, verb.i + 2, WEASEL, WEASEL_LEXICON, hedge_scope(doc, verb.i, verb.i + 2))


def judgement_passives(doc: Doc) -> Iterator[Hedge]:
    """Agentless passives of verbs of praising or criticising (``judgement_verbs``: "the plan has been widely
    criticised", "was hailed as a breakthrough"): a judgement nobody is named as making. Not negated ("was not
    criticised"), not with a by-agent ("was criticised by the union"; a vague agent is :func:`bare_holder_weasels`'
    or :func:`quantifier_weasels`'). Without an auxiliary, a participle counts with its "as" only ("the film,
    praised as a masterpiece, ..."). The scope is the "as" phrase's object, else the subject."""
    words, index = weasel_words(), doc_index(doc)
    for i in (i for i, lemma in enumerate(index.lemma) if lemma in words.judgement_verbs):
        verb = index.tokens[i]
        children = children_of(verb)
        if verb.tag_ not in ("VBN", "VBD") or any(c.dep_ in ("agent", "neg") for c in children):
            continue  # (a reduced relative may be tagged as a past: "The film, praised as a masterpiece")
        auxpass = _passive_aux(verb) if verb.tag_ == "VBN" else None
        as_phrase = next((c for c in children if c.dep_ == "prep" and c.lower_ == "as" and c.i == i + 1), None)
        if auxpass is None and not (as_phrase is not None and _reduced_passive(verb)):
            continue
        perfect = [c.i for c in children if c.dep_ == "aux" and c.lemma_.lower() in ("be", "have") and c.i < i]
        first = min([auxpass.i, *perfect]) if auxpass is not None else _with_adverbs(verb)
        end = i + 2 if as_phrase is not None else i + 1
        if as_phrase is not None:
            scope = _trimmed(doc, [t.i for c in children_of(as_phrase) for t in c.subtree])
        else:
            subject = next((c for c in children if c.dep_ == "nsubjpass"), None)
            scope = _trimmed(doc, [t.i for t in subject.subtree]) if subject is not None else None
        yield Hedge(first, end, WEASEL, WEASEL_LEXICON, scope)


def belief_noun_weasels(doc: Doc) -> Iterator[Hedge]:
    """A noun of belief or opinion made everyone's by its modifier (``belief_nouns``, ``generality_modifiers``:
    "the common belief that", "contrary to popular belief", "the widely held view"): nobody is named who holds
    it. A possessor names the holder ("the minister's common view"): no weasel. The scope is the clause the
    noun takes, if any ("[the river is polluted]")."""
    words, index = weasel_words(), doc_index(doc)
    pos = index.pos
    for noun in (index.tokens[i] for i, lemma in enumerate(index.lemma) if lemma in words.belief_nouns and pos[i] == "NOUN"):
        children = children_of(noun)
        modifier = next((c for c in children if c.dep_ == "amod" and c.i < noun.i and (
            c.lower_ in words.generality_modifiers or c.lemma_.lower() in words.generality_modifiers)), None)
        if modifier is None or any(c.dep_ == "poss" for c in children):
            continue
        clause = next((c for c in children if c.dep_ in ("acl", "ccomp") and c.i > noun.i and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in children_of(c))), None)
        scope = _subtree_without(clause, set(), keep_subject=True) if clause is not None else None
        yield Hedge(modifier.left_edge.i, noun.i + 1, WEASEL, WEASEL_LEXICON, scope)


def _anyone(subject: Token, verb: Token) -> bool:
    """Whether the ``subject`` of ``verb``'s clause stands for anyone of a kind: "you", or a generic subject
    (:func:`_generic_subject`: "drivers", "a flight") in a clause no date or time ties to one occasion
    (:func:`_one_occasion`: "layoffs could come next year" are those of that year)."""
    return subject.lower_ == "you" or (_generic_subject(subject) and not _one_occasion(verb))


def _bare_participle(token: Token) -> Token | None:
    """The bare participle that the "if" ``token`` opens ("if approved", "if enacted": no subject, no auxiliary,
    nothing but adverbs between), or None."""
    participle = token.head
    if participle.tag_ != "VBN" or participle.i < token.i or any(
            c.dep_ in SUBJECT_DEPS or c.dep_ in ("aux", "auxpass") for c in children_of(participle)) or any(
            t.dep_ != "advmod" for t in token.doc[token.i + 1 : participle.i]):
        return None
    return participle


def condition_hedges(doc: Doc) -> Iterator[Hedge]:
    """"if" opening a condition on a clause with a modal of what may come ("the rate, if approved, will rise", "if
    the council refuses, the club could fold", "the tax, if enacted, could double"): the claim waits on an outcome
    not yet known. The cue is "if" with a bare participle ("if approved"; any modal), or "if" alone before a full
    clause (a modal of ``pending_modals``, not of a past that did not happen: "would have won if" states what did
    not happen). Not a participle of need or request ("will help if needed": when a routine applies;
    ``contingency_participles``), not a clause without such a modal ("if convicted, he faces ten years" states the
    law; "threatened to sue if the paper printed it"; "if prices rise, sales usually fall" a habit), not a subject
    that stands for anyone in the clause governed (:func:`_anyone`: "if caught, drivers will be fined"; "if the
    talks fail, layoffs could come next year" is a forecast), nor "you" or a generic subject in a full condition,
    whatever its dates ("if you call, you will get a refund", "the airline will pay if a flight is delayed by three
    hours": rules for any; "if a deal is reached, shares will rise" is lost with them), not "even if", "as if" or
    "what if" (``not_condition_before_if``: a concession, a comparison, a question). The scope is the clause the
    condition governs from its modal on ("[will raise the levy]")."""
    routine, index = epistemic_words("contingency_participles"), doc_index(doc)
    pending, not_before = epistemic_words("pending_modals"), epistemic_words("not_condition_before_if")
    for token in (index.tokens[i] for i, lower in enumerate(index.lower) if lower == "if"):
        condition = token.head
        if token.dep_ != "mark" or condition.dep_ not in ("advcl", "acl") or condition.i < token.i or (
                token.i > 0 and doc[token.i - 1].lower_ in not_before):
            continue
        participle = _bare_participle(token)
        if participle is not None:
            if participle.lemma_.lower() in routine:
                continue
        else:  # a full clause: its subject, and only an adverbial clause ("the bridge, if built," is a participle)
            subject = _clause_subject(condition)
            if condition.dep_ != "advcl" or subject is None or subject.lower_ == "you" or _generic_subject(subject):
                continue  # ("the airline will pay if a flight is delayed by three hours": a rule for any flight)
        governed = condition.head
        if condition.dep_ == "acl":  # "the bridge, if built, would": the parser hung it on the subject
            if governed.dep_ not in ("nsubj", "nsubjpass"):
                continue
            governed = governed.head
        modal = next((c for c in children_of(governed) if c.dep_ == "aux" and c.tag_ == "MD" and (
            participle is not None or (c.lower_ in pending and not _perfect(_next_word(doc, c.i) or c)))), None)
        subject = _clause_subject(governed)
        if modal is None or (subject is not None and _anyone(subject, governed)):
            continue
        scope = _after(_subtree_without(governed, {t.i for t in condition.subtree}, keep_subject=False), modal.i)
        end = participle.i + 1 if participle is not None else token.i + 1
        yield Hedge(token.i, end, EPISTEMIC, EPISTEMIC_LEXICON, scope)


def question_hedges(doc: Doc) -> Iterator[Hedge]:
    """An open question that "if" opens after a verb, as "whether" does ("wonders if the dam will hold", "does not
    know if both fires are linked"; :func:`_question_if`); its scope is the question's clause."""
    index = doc_index(doc)
    for token in (index.tokens[i] for i, lower in enumerate(index.lower) if lower == "if"):
        first = _question_if(token)
        if first is not None:
            yield Hedge(first, token.i + 1, EPISTEMIC, EPISTEMIC_LEXICON,
                        _complement_bounds(_question_clause(token), token.i + 1))


def parse_hedges(doc: Doc, reported: Callable[[int, int], bool]) -> list[Hedge]:
    """Every hedge of ``doc`` the parse finds (the weasels, and the epistemic conditions and questions after
    "if"), without overlaps (belief passives, then quantifiers, then the rest win)."""
    chosen: list[Hedge] = []
    taken: set[int] = set()
    for hedge in [*belief_passives(doc, reported), *quantifier_weasels(doc), *bare_holder_weasels(doc),
                  *unnamed_sources(doc), *tendency_weasels(doc), *judgement_passives(doc),
                  *belief_noun_weasels(doc), *condition_hedges(doc), *question_hedges(doc)]:
        span = set(range(hedge.first, hedge.end))
        if span & taken:
            continue
        taken |= span
        chosen.append(hedge)
    return chosen
