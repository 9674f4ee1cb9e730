"""Framing: how the story itself speaks. Cues (hedges, boosters, loaded, emotional and evaluative words,
metonyms), tone per sentence and per actor, who acts upon whom, and generic frame scores.

Produces the ``cues``, ``tone``, ``actor_tone``, ``actions``, ``frames`` and ``document_frames`` tables (see
:mod:`analysis.schema`). Every function reads the one parse; none re-parses text.

Whose words a span is: a span is ``quoted`` when it lies inside the content of an attribution (direct or
reported speech, ``according to``: the ``attributions`` table) or between quotation marks (a direct quote the
sourcing table missed, or scare quotes: either way the outlet presents the words as someone else's).
Otherwise it is the outlet's own voice. With no attributions, only quotation marks count, so reported speech
without quotation marks reads as own voice until the sourcing table is available.

Notes:
    Lexicons are data files under ``analysis/data/``, each with its source and licence in its header. Cue
    matching is by word form or spaCy lemma, longest match first; it does not see negation ("not angry" is an
    emotion cue), irony or sense ("a storm" the weather is excluded only where the lexicon restricts the part
    of speech). A lexicon reports cues; it cannot say whether a text is propaganda: the best systems of
    SemEval-2023 Task 3 reach a micro-F1 of about 0.43 on English persuasion techniques.
"""

from __future__ import annotations

import bisect
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd
import yaml
from spacy.tokens import Doc, Span, Token
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer, SentiText

from analysis.actors import UNKNOWN_SIDE, Catalogue
from analysis.datafiles import read_yaml
from analysis.doc_index import DocIndex, Intervals, children_of, doc_index
from analysis.linguistics.antecedents import antecedent
from analysis.linguistics.pronouns import PERSON_PRONOUNS, people_named_before
from analysis.linguistics.sides import side_of_phrase
from analysis.linguistics.voice import by_agent, is_passive
from analysis.render import Layer
from analysis.sources import Attribution, Contents, Quotations, quote_spans

#: Cue lexicons in the order they win ties (same span length): hedge and booster before loaded language.
CUE_LEXICONS = (
    "epistemic_hedges.yaml",
    "boosters.yaml",
    "emotion_words.yaml",
    "loaded_language.yaml",
    "evaluative.yaml",
)
#: The sourcing lexicon of hedges that attribute to nobody ("reportedly", "is said to"); read, not copied.
HEARSAY_HEDGE_LEXICON = "hedges.yaml"
#: The catalogue file metonymy cues come from (its `metonyms`).
METONYMY_LEXICON = "actors.yaml"
FRAME_LEXICONS = ("frames_generic.yaml", "frames_mfc.yaml")
TONE_ADJUSTMENT = "vader_news_adjustment.yaml"
VERB_CLASSES = "verb_classes.yaml"
#: Cue types in the order the schema lists them.
CUE_TYPES = ("hedge", "booster", "loaded", "emotion", "evaluative", "metonymy")
#: Verb class of a verb the verb-class file does not list.
OTHER_CLASS = "other"
#: The verb-class section of verbs that hand their subject to the verb they take (try, keep, aim).
CATENATIVE = "catenative"
#: How far after "what" the verb of a distancing free relative may come ("what the ministry said were").
DISTANCING_RELATIVE_WINDOW = 6
#: Dependency labels of a metonym that acts, speaks or owns: the name stands for the government
#: ("Moscow struck", "Kyiv's incursion", "by the Kremlin"); elsewhere it is the place ("schools in Beijing").
METONYMIC_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "conj", "appos"})
#: Verb classes whose object is a party addressed, so a metonym there is a government ("told the Kremlin").
ADDRESSEE_CLASSES = frozenset({"speech", "demand_threat", "cooperation"})
#: Prepositions whose object is what an action is aimed at ("struck back at Ukrainian troops").
TARGET_PREPOSITIONS = frozenset({"at", "against", "upon"})
#: A sentence counts as the outlet's own voice when less than this share of its words is quoted.
OWN_VOICE_MAX_QUOTED_SHARE = 0.5


# --- records -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cue:
    """One framing cue; the fields are the ``cues`` table's columns after ``doc_id``."""

    sentence_id: int
    start: int
    end: int
    text: str
    cue_id: int
    cue_type: str
    category: str
    lexicon: str
    quoted: bool
    attribution_id: int | None
    target: str
    target_start: int | None
    target_end: int | None
    target_side: str


@dataclass(frozen=True)
class Tone:
    """VADER tone of one sentence; the fields are the ``tone`` table's columns after ``doc_id``."""

    sentence_id: int
    start: int
    end: int
    text: str
    compound: float
    compound_unadjusted: float
    moved_by: str
    valence_words: str
    quoted_share: float
    own_voice: bool


@dataclass(frozen=True)
class ActorTone:
    """Mean tone of the own-voice sentences that mention one actor (the ``actor_tone`` table)."""

    actor: str
    side: str
    sentences: int
    compound_mean: float
    compound_unadjusted_mean: float


@dataclass(frozen=True)
class Action:
    """Who does what to whom in one clause; the fields are the ``actions`` table's columns after ``doc_id``."""

    sentence_id: int
    start: int
    end: int
    text: str
    action_id: int
    verb: str
    verb_phrase: str
    verb_class: str
    voice: str
    agentless: bool
    agent: str
    agent_start: int | None
    agent_end: int | None
    agent_side: str
    agent_rule: str
    patient: str
    patient_start: int | None
    patient_end: int | None
    patient_side: str
    quoted: bool
    attribution_id: int | None


@dataclass(frozen=True)
class SentenceFrame:
    """Hits of one frame's cue words in one sentence (the ``frames`` table)."""

    sentence_id: int
    start: int
    end: int
    text: str
    scheme: str
    frame: str
    hits: int
    cue_words: str


@dataclass(frozen=True)
class DocumentFrame:
    """One frame's score over a whole document (the ``document_frames`` table)."""

    scheme: str
    frame: str
    hits: int
    sentences: int
    sentence_share: float
    hits_per_1000_words: float


@dataclass(frozen=True)
class Term:
    """One lexicon entry: a word sequence matched against token forms or lemmas."""

    words: tuple[str, ...]
    pos: str | None
    label: str
    lexicon: str


# --- lexicons ------------------------------------------------------------------------------------------------


def term_words(term: str) -> tuple[tuple[str, ...], str | None]:
    """The lower-case word sequence and the part-of-speech restriction of a lexicon term.

    Hyphens are words of their own, as spaCy splits them ("so-called" -> so, -, called).
    """
    text, _, pos = term.partition("/")
    words = tuple(w for w in text.lower().replace("-", " - ").split() if w)
    return words, (pos or None)


def _terms(entries: Mapping[str, Iterable[str]], lexicon: str) -> tuple[Term, ...]:
    terms = []
    for label, items in entries.items():
        for item in items:
            words, pos = term_words(str(item))
            terms.append(Term(words, pos, label, lexicon))
    return tuple(terms)


@lru_cache(maxsize=1)
def cue_lexicons() -> tuple[tuple[str, tuple[Term, ...]], ...]:
    """``(cue_type, terms)`` per cue lexicon file, in tie-breaking order; a term's label is its category."""
    lexicons = []
    for name in CUE_LEXICONS:
        raw = read_yaml(name)
        lexicons.append((raw["cue_type"], _terms(raw["categories"], name)))
        if name == "epistemic_hedges.yaml":
            hearsay = read_yaml(HEARSAY_HEDGE_LEXICON).get("hedges", ())
            lexicons.append(("hedge", _terms({"doubt": hearsay}, HEARSAY_HEDGE_LEXICON)))
    return tuple(lexicons)


@lru_cache(maxsize=1)
def distancing_relative_verbs() -> frozenset[str]:
    """Verb lemmas of the distancing free relative ("what it said were troops"), from epistemic_hedges.yaml."""
    return frozenset(str(v) for v in read_yaml(CUE_LEXICONS[0]).get("distancing_relative_verbs", ()))


@lru_cache(maxsize=1)
def frame_lexicons() -> tuple[tuple[str, str, tuple[Term, ...]], ...]:
    """``(scheme, frame, terms)`` for every frame of every frame lexicon, in file order."""
    out = []
    for name in FRAME_LEXICONS:
        raw = read_yaml(name)
        for frame, items in raw["frames"].items():
            out.append((raw["scheme"], frame, _terms({frame: items}, name)))
    return tuple(out)


@lru_cache(maxsize=1)
def verb_classes() -> dict[str, str]:
    """Verb (lemma, with its particle for phrasal verbs) -> class, from ``verb_classes.yaml``.

    The ``catenative`` class (try, keep, aim, ...) marks verbs that pass their subject on to the verb they
    take ("keep trying to destabilize"): they make no action of their own when they have one.
    """
    classes: dict[str, str] = {}
    for name, verbs in read_yaml(VERB_CLASSES)["classes"].items():
        for verb in verbs:
            classes.setdefault(str(verb), name)
    return classes


def load_tone_adjustment(path: str | Path | None = None) -> dict[str, float]:
    """The VADER domain adjustment (word -> valence); the packaged news adjustment when ``path`` is None."""
    if path is None:
        raw = read_yaml(TONE_ADJUSTMENT)
    else:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    return {str(word).lower(): float(value) for word, value in (raw.get("adjustment") or {}).items()}


# --- matching ------------------------------------------------------------------------------------------------


Candidate = tuple[int, str, Term]


class TermIndex:
    """Lexicon terms by their first word, for matching at any token in time independent of the lexicon size.

    ``lexicons`` is ``(key, terms)`` in priority order: of two matches of the same length the earlier lexicon
    wins.
    """

    def __init__(self, lexicons: Sequence[tuple[str, Sequence[Term]]]) -> None:
        self._by_first: dict[str, list[Candidate]] = {}
        for rank, (key, terms) in enumerate(lexicons):
            for term in terms:
                if term.words:
                    self._by_first.setdefault(term.words[0], []).append((rank, key, term))
        self._candidates: dict[tuple[str, str], list[Candidate]] = {}

    def candidates(self, lower: str, lemma: str) -> list[Candidate]:
        """Terms whose first word is a token's form or lemma, in priority order."""
        found = self._candidates.get((lower, lemma))
        if found is None:
            found = sorted({*self._by_first.get(lower, ()), *self._by_first.get(lemma, ())}, key=_rank)
            self._candidates[(lower, lemma)] = found
        return found

    def best_at(self, index: DocIndex, i: int, stop: int) -> tuple[int, str, Term] | None:
        """``(length, key, term)`` of the longest term matching the tokens from ``i`` (before ``stop``)."""
        lower, lemma = index.lower, index.lemma
        best: tuple[int, str, Term] | None = None
        for _, key, term in self.candidates(lower[i], lemma[i]):
            n = len(term.words)
            if i + n > stop or (best is not None and n <= best[0]) or (term.pos and index.pos[i] != term.pos):
                continue
            if all(lower[i + k] == w or lemma[i + k] == w for k, w in enumerate(term.words)):
                best = (n, key, term)
        return best


#: Term indexes by the identity of the lexicon sequence they were built from (which they keep alive).
_TERM_INDEXES: dict[int, tuple[Sequence, TermIndex]] = {}
#: Term indexes kept at most: the packaged lexicons need a handful; callers' own lists come and go.
MAX_TERM_INDEXES = 32


def _term_index(lexicons: Sequence[tuple[str, Sequence[Term]]]) -> TermIndex:
    """The index of ``lexicons``, built once per lexicon sequence (the packaged ones are cached objects)."""
    kept = _TERM_INDEXES.get(id(lexicons))
    if kept is None or kept[0] is not lexicons:
        if len(_TERM_INDEXES) >= MAX_TERM_INDEXES:
            _TERM_INDEXES.clear()
        kept = _TERM_INDEXES[id(lexicons)] = (lexicons, TermIndex(lexicons))
    return kept[1]


def match_terms(tokens: Span | Doc, lexicons: Sequence[tuple[str, Sequence[Term]]]) -> Iterator[tuple[int, int, str, Term]]:
    """Yield ``(first_token, end_token, key, term)`` for non-overlapping matches, longest first, left to right.

    ``lexicons`` is ``(key, terms)`` in priority order: of two matches of the same length the earlier lexicon
    wins. Does NOT look at negation or word sense beyond a term's part-of-speech restriction.
    """
    doc = tokens.doc if isinstance(tokens, Span) else tokens
    begin, stop = (tokens.start, tokens.end) if isinstance(tokens, Span) else (0, len(tokens))
    terms = _term_index(lexicons)
    index = doc_index(doc)
    i = begin
    while i < stop:
        best = terms.best_at(index, i, stop)
        if best is None:
            i += 1
            continue
        yield i, i + best[0], best[1], best[2]
        i += best[0]


def _rank(candidate: Candidate) -> tuple:
    rank, _, term = candidate
    return rank, term.words, term.pos or ""


# --- whose words ---------------------------------------------------------------------------------------------


class Voices:
    """Where the text is someone else's words: attribution contents and quotation-mark spans."""

    def __init__(self, attributions: Sequence[Attribution], quotations: Quotations) -> None:
        self.contents = Contents(attributions)
        self.quotations = quotations
        self._spans = [(a.content_start, a.content_end) for a in attributions] + list(quotations.spans)

    @classmethod
    def of(cls, parsed, attributions: Sequence[Attribution]) -> "Voices":
        # the original text tells single quotation marks (curly) from apostrophes; the parse view cannot
        return cls(attributions, Quotations(quote_spans(parsed.view, parsed.text), parsed.view))

    def voice(self, start: int, end: int) -> tuple[bool, int | None]:
        """``(quoted, attribution_id)`` for the span ``[start, end)``."""
        held = self.contents.holding(start, end)
        if held is not None:
            return True, held.attribution_id
        return self.quotations.holding((start, end)) is not None, None

    def quoted_tokens(self, tokens: Sequence[Token]) -> list[bool]:
        """For each of a document's tokens, whether it is quoted (as :meth:`voice` says), in one pass."""
        starts = [t.idx for t in tokens]
        ends = [t.idx + len(t.text) for t in tokens]
        quoted = [False] * len(tokens)
        for start, end in self._spans:
            for i in range(bisect.bisect_left(starts, start), bisect.bisect_right(ends, end)):
                quoted[i] = True
        return quoted


# --- phrases and sides ---------------------------------------------------------------------------------------


def _phrase_tokens(token: Token) -> tuple[int, int]:
    """Token bounds of the noun phrase headed by ``token``: its left modifiers, coordinated nouns ("Putin and
    his advisers") and an ``of`` complement ("dozens of settlements"); not relative clauses or other PPs."""
    start, end = token.left_edge.i, token.i + 1
    for child in token.rights:
        if child.dep_ == "conj":
            end = max(end, _phrase_tokens(child)[1])
        elif child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in children_of(child) if c.dep_ == "pobj"]
            if objects:
                end = max(end, objects[0].i + 1)
    doc = token.doc
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def side_of_tokens(doc: Doc, start: int, end: int, catalogue: Catalogue) -> str:
    """The side a phrase names, through the catalogue: entity ids, then written forms and demonyms.

    ``other`` when it names only third parties, ``unknown`` when it names none or more than one side.
    """
    tokens = doc_index(doc).tokens[start:end]
    # the tokens' own entity ids, not Span.ents, which walks every entity of the document on each call
    return side_of_phrase([t.text for t in tokens], catalogue, [t.ent_id_ for t in tokens if t.ent_id_])


@dataclass(frozen=True)
class Phrase:
    """A noun phrase as character offsets, with the side the catalogue gives it."""

    text: str
    start: int
    end: int
    side: str


def _phrase(token: Token, text: str, catalogue: Catalogue) -> Phrase:
    start, end = _phrase_tokens(token)
    doc = token.doc
    s, e = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    side = side_of_tokens(doc, start, end, catalogue)
    if side == UNKNOWN_SIDE and token.lower_ in PERSON_PRONOUNS:
        side = _pronoun_side(token, catalogue)
    return Phrase(text[s:e], s, e, side)


def _pronoun_side(pronoun: Token, catalogue: Catalogue) -> str:
    """The side of the last catalogued person named before ``he``/``she`` within the pronoun's reach
    (:mod:`analysis.linguistics.pronouns`).

    A recency heuristic, not coreference: the text keeps the pronoun; only the side is filled in.
    """
    for ent in people_named_before(pronoun):
        actor = catalogue.get(ent.ent_id_) if ent.ent_id_ else None
        if actor is not None:
            return actor.side
    return UNKNOWN_SIDE


# --- actions -------------------------------------------------------------------------------------------------


def _child(token: Token, *deps: str) -> Token | None:
    """The first child of ``token`` with one of the dependency labels ``deps``."""
    return next((c for c in children_of(token) if c.dep_ in deps), None)


def agent_of(verb: Token, depth: int = 0) -> tuple[Token | None, str]:
    """The token naming who does ``verb``, and the rule that found it.

    Rules, in order: the ``by`` phrase of a passive; the subject (a relative pronoun resolved to its noun);
    the controller of an infinitive or gerund ("Putin vowed to kick" -> Putin; "forced Russia to pull" ->
    Russia); the subject shared by a coordinated verb; the noun an active participle describes ("bombers
    striking"); the possessor of a noun an infinitive completes ("Ukraine's attempt to stop"). Returns
    ``(None, "")`` when the parse shows no agent (an agentless passive, an imperative).
    """
    if depth > 6:
        return None, ""
    if is_passive(verb):
        by = by_agent(verb)
        return (by, "by_phrase") if by is not None else (None, "")
    subject = _child(verb, "nsubj", "csubj")
    if subject is not None:
        resolved = antecedent(subject)
        return resolved, ("relative" if resolved.i != subject.i else "subject")
    head = verb.head
    if verb.dep_ == "xcomp":
        obj = _child(head, "dobj")
        if obj is not None and obj.i < verb.i:
            return obj, "object_control"
        if is_passive(head):
            patient = _child(head, "nsubjpass")
            return (antecedent(patient), "control") if patient is not None else (None, "")
        found, _ = agent_of(head, depth + 1)
        return found, ("control" if found is not None else "")
    if verb.dep_ in ("advcl", "conj", "pcomp") and head.pos_ in ("VERB", "AUX", "ADP"):
        governor = head.head if verb.dep_ == "pcomp" else head
        found, _ = agent_of(governor, depth + 1) if governor.pos_ in ("VERB", "AUX") else (None, "")
        return found, ("shared" if found is not None else "")
    if verb.dep_ == "acl":
        if _child(verb, "aux") is not None:
            owner = _child(head, "poss")
            return (owner, "possessor") if owner is not None else (None, "")
        return head, "participle"
    return None, ""


def patient_of(verb: Token) -> Token | None:
    """The token naming what ``verb`` is done to: a passive's subject, the direct object, or the target of
    ``at``/``against``; None for intransitives and for speech whose content is a clause."""
    if is_passive(verb):
        subject = _child(verb, "nsubjpass")
        if subject is not None:
            return antecedent(subject)
        return verb.head if verb.dep_ == "acl" else None
    obj = _child(verb, "dobj")
    if obj is not None:
        return antecedent(obj)
    for prep in children_of(verb):
        if prep.dep_ == "prep" and prep.lower_ in TARGET_PREPOSITIONS:
            target = _child(prep, "pobj")
            if target is not None:
                return target
    return None


def _verb_phrase(verb: Token) -> str:
    particle = _child(verb, "prt")
    return f"{verb.lemma_.lower()} {particle.lower_}" if particle is not None else verb.lemma_.lower()


def _verb_class(verb: Token, classes: Mapping[str, str]) -> str:
    found = classes.get(_verb_phrase(verb)) or classes.get(verb.lemma_.lower(), OTHER_CLASS)
    return OTHER_CLASS if found == CATENATIVE else found


def _is_catenative_link(verb: Token, classes: Mapping[str, str]) -> bool:
    return classes.get(verb.lemma_.lower()) == CATENATIVE and _child(verb, "xcomp") is not None


def action_rows(parsed, attributions: Sequence[Attribution] = ()) -> list[Action]:
    """One row per verb with an agent or a patient (or an agentless passive), in text order.

    A passive keeps its ``by`` agent ("captured by Ukraine": agent Ukraine, voice passive); a passive with no
    ``by`` phrase is flagged ``agentless`` and its agent left empty. Sides come from the actor catalogue.
    Not extracted: events named by nouns ("Kyiv's surprise attack"), copular clauses ("was angry"), agents
    the text leaves to inference, and pronoun referents ("he" stays "he", side unknown). Catenative verbs
    (try, keep, aim) pass their subject on and make no row of their own.
    """
    doc, text, catalogue, classes = parsed.doc, parsed.text, parsed.catalogue, verb_classes()
    voices, index = Voices.of(parsed, attributions), doc_index(doc)
    rows = []
    for verb in (index.tokens[i] for i, pos in enumerate(index.pos) if pos == "VERB"):
        if verb.dep_ in ("amod", "prep", "compound") or _is_catenative_link(verb, classes):
            continue
        passive = is_passive(verb)
        agent_token, rule = agent_of(verb)
        patient_token = patient_of(verb)
        if agent_token is None and patient_token is None and not passive:
            continue
        agent = _phrase(agent_token, text, catalogue) if agent_token is not None else None
        patient = _phrase(patient_token, text, catalogue) if patient_token is not None else None
        start, end = verb.idx, verb.idx + len(verb.text)
        quoted, attribution_id = voices.voice(start, end)
        rows.append(
            Action(
                sentence_id=parsed.sentences.sentence_id(start),
                start=start,
                end=end,
                text=text[start:end],
                action_id=len(rows),
                verb=verb.lemma_.lower(),
                verb_phrase=_verb_phrase(verb),
                verb_class=_verb_class(verb, classes),
                voice="passive" if passive else "active",
                agentless=passive and agent is None,
                agent=agent.text if agent else "",
                agent_start=agent.start if agent else None,
                agent_end=agent.end if agent else None,
                agent_side=agent.side if agent else UNKNOWN_SIDE,
                agent_rule=rule,
                patient=patient.text if patient else "",
                patient_start=patient.start if patient else None,
                patient_end=patient.end if patient else None,
                patient_side=patient.side if patient else UNKNOWN_SIDE,
                quoted=quoted,
                attribution_id=attribution_id,
            )
        )
    return rows


# --- cues ----------------------------------------------------------------------------------------------------


def _cue_target(token: Token) -> Token | None:
    """The token a cue word says something about: the noun an adjective modifies, the subject of a predicate
    adjective or of a verb, the possessor or ``for`` object of a noun ("humiliation for Putin")."""
    if token.pos_ == "ADJ" and token.dep_ == "amod":
        return token.head
    if token.pos_ in ("ADJ", "ADV") and token.head.pos_ in ("AUX", "VERB") and token.head.i != token.i:
        found, _ = agent_of(token.head)
        return found or _child(token.head, "nsubj")
    if token.pos_ == "VERB":
        return agent_of(token)[0]
    if token.pos_ in ("NOUN", "PROPN"):
        owner = _child(token, "poss")
        if owner is not None:
            return owner
        for prep in children_of(token):
            if prep.dep_ == "prep" and prep.lower_ in ("for", "of", "against", "by"):
                target = _child(prep, "pobj")
                if target is not None:
                    return target
    return None


def _distancing_relatives(doc: Doc) -> Iterator[tuple[int, int]]:
    """Token bounds of "what <subject> <said/called>" free relatives, with which the outlet passes on a
    party's description without endorsing it ("striking at what it said were Ukrainian troops")."""
    verbs, index = distancing_relative_verbs(), doc_index(doc)
    for what in (index.tokens[i] for i, word in enumerate(index.lower) if word == "what"):
        if what.tag_ != "WP":
            continue
        window = doc[what.i + 1 : min(what.i + 1 + DISTANCING_RELATIVE_WINDOW, len(doc))]
        verb = next((t for t in window if t.pos_ == "VERB"), None)
        if verb is None or verb.lemma_.lower() not in verbs:
            continue
        if any(c.dep_ == "nsubj" and what.i < c.i < verb.i for c in children_of(verb)):
            yield what.i, verb.i + 1


def _metonym_is_government(head: Token, classes: Mapping[str, str]) -> bool:
    """A metonym mention that acts, speaks, owns or is addressed (the government), not a location."""
    if head.dep_ in METONYMIC_DEPS:
        return head.dep_ != "conj" or head.head.dep_ in METONYMIC_DEPS
    if head.dep_ == "pobj" and head.head.dep_ == "agent":
        return True
    if head.dep_ in ("dobj", "dative") and head.head.pos_ == "VERB":
        return _verb_class(head.head, classes) in ADDRESSEE_CLASSES
    if head.dep_ == "pobj" and head.head.lower_ in ("with", "against", "between", "to"):
        governor = head.head.head
        return governor.pos_ in ("VERB", "NOUN") and _verb_class(governor, classes) in ADDRESSEE_CLASSES
    return False


def _metonym_cues(parsed, mentions: Sequence) -> Iterator[tuple[int, int, str, str]]:
    """``(start, end, category, lexicon)`` for catalogue metonyms used for a government ("Moscow struck")."""
    doc, classes = parsed.doc, verb_classes()
    for mention in mentions:
        if mention.alias_kind != "metonym":
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not _metonym_is_government(span.root, classes):
            continue
        start = mention.start
        before = doc[span.start - 1] if span.start > 0 else None
        if before is not None and before.lower_ == "the" and before.head.i == span.root.i:
            start = before.idx
        yield start, mention.end, "", METONYMY_LEXICON


def _overlaps_any(spans: Intervals, start: int, end: int) -> bool:
    """Whether ``[start, end)`` shares a character with any of ``spans`` (empty spans share none)."""
    return bool(spans.overlapping(start, end))


def cue_rows(parsed, mentions: Sequence, attributions: Sequence[Attribution] = ()) -> list[Cue]:
    """One row per framing cue, in text order: lexicon words and phrases, and metonyms for governments.

    A free relative "what <subject> said/called" is a distancing hedge ("what it said were troops").
    ``mentions`` are the document's mention rows (:func:`analysis.pipeline.mention_rows`); a metonym comes
    from the catalogue (``alias_kind == "metonym"``) and counts only where it acts, speaks, owns or is
    addressed ("Moscow struck", "Kyiv's incursion", "told the Kremlin"), not as a location ("schools in
    Beijing"). ``target`` is what the cue is said of, where the parse shows it ("Kyiv's ambitious attack":
    ambitious -> Kyiv's ambitious attack, side Ukraine). Not extracted: cues spread over a clause with no
    single cue word, negated or ironic uses told apart from plain ones.
    """
    doc, text, catalogue = parsed.doc, parsed.text, parsed.catalogue
    voices = Voices.of(parsed, attributions)
    found: list[tuple[int, int, str, str, str, Token | None]] = []
    for i, j, cue_type, term in match_terms(doc, cue_lexicons()):
        start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
        found.append((start, end, cue_type, term.label, term.lexicon, _cue_target(doc[i:j].root)))
    taken = Intervals([(s, e, None) for s, e, *_ in found])
    for i, j in _distancing_relatives(doc):
        start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
        if not _overlaps_any(taken, start, end):
            found.append((start, end, "hedge", "doubt", CUE_LEXICONS[0], None))
            taken.add(start, end, None)
    for start, end, category, lexicon in _metonym_cues(parsed, mentions):
        if not _overlaps_any(taken, start, end):
            root = doc.char_span(start, end, alignment_mode="expand").root
            found.append((start, end, "metonymy", category, lexicon, root))
    rows = []
    for start, end, cue_type, category, lexicon, target_token in sorted(found, key=lambda f: (f[0], f[1])):
        quoted, attribution_id = voices.voice(start, end)
        target = _phrase(target_token, text, catalogue) if target_token is not None else None
        rows.append(
            Cue(
                sentence_id=parsed.sentences.sentence_id(start),
                start=start,
                end=end,
                text=text[start:end],
                cue_id=len(rows),
                cue_type=cue_type,
                category=category,
                lexicon=lexicon,
                quoted=quoted,
                attribution_id=attribution_id,
                target=target.text if target else "",
                target_start=target.start if target else None,
                target_end=target.end if target else None,
                target_side=target.side if target else UNKNOWN_SIDE,
            )
        )
    return rows


# --- tone ----------------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _vader() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


@lru_cache(maxsize=8)
def _adjusted_vader(adjustment: tuple[tuple[str, float], ...]) -> SentimentIntensityAnalyzer:
    analyzer = SentimentIntensityAnalyzer()
    analyzer.lexicon = {**_vader().lexicon, **dict(adjustment)}
    return analyzer


def _adjustment_key(adjustment: Mapping[str, float] | None) -> tuple[tuple[str, float], ...]:
    if adjustment is None:
        return _packaged_adjustment_key()
    return tuple(sorted((w.lower(), float(v)) for w, v in adjustment.items()))


@lru_cache(maxsize=1)
def _packaged_adjustment_key() -> tuple[tuple[str, float], ...]:
    """The packaged adjustment as a cache key, read once per process (parsing the YAML costs more than a
    document's tone)."""
    return _adjustment_key(load_tone_adjustment())


def text_tone(text: str, *, adjustment: Mapping[str, float] | None = None) -> tuple[float, float]:
    """VADER compound score of ``text`` ``(adjusted, unadjusted)``; the packaged adjustment when None."""
    adjusted = _adjusted_vader(_adjustment_key(adjustment))
    return adjusted.polarity_scores(text)["compound"], _vader().polarity_scores(text)["compound"]


def _valences(text: str, lexicon: Mapping[str, float]) -> list[tuple[str, float]]:
    words = [w.lower() for w in SentiText(text).words_and_emoticons]
    return [(w, lexicon[w]) for w in words if w in lexicon]


def _quoted_share(span: Span, quoted: Sequence[bool]) -> float:
    """The share of the span's words (not punctuation or space) that are quoted, from :meth:`Voices.quoted_tokens`."""
    words = [t.i for t in span if not (t.is_punct or t.is_space)]
    if not words:
        return 0.0
    return sum(quoted[i] for i in words) / len(words)


def tone_rows(
    parsed, attributions: Sequence[Attribution] = (), *, adjustment: Mapping[str, float] | None = None
) -> list[Tone]:
    """One row per sentence: VADER compound with and without the domain adjustment, and the words that
    moved it.

    ``moved_by`` lists the words whose valence the adjustment changed (``attack -2.1→0``), ``valence_words``
    every word the adjusted lexicon scores. VADER's rules (negation, "but", intensifiers) apply to both
    scores alike. ``own_voice`` is true when less than half the sentence's words are quoted.
    Not measured: tone towards a particular actor within a sentence (see :func:`actor_tone_rows`).
    """
    key = _adjustment_key(adjustment)
    adjusted, plain = _adjusted_vader(key), _vader()
    adjusted_words = frozenset(word for word, _ in key)
    quoted = Voices.of(parsed, attributions).quoted_tokens(doc_index(parsed.doc).tokens)
    rows = []
    for sentence_id, (start, end) in enumerate(zip(parsed.sentences.starts, parsed.sentences.ends)):
        view = parsed.view[start:end]
        valences = _valences(view, adjusted.lexicon)
        moved = [
            f"{w} {plain.lexicon.get(w, 0.0):g}→{adjusted.lexicon[w]:g}"
            for w, _ in valences
            if plain.lexicon.get(w) != adjusted.lexicon[w]
        ]
        scored = [f"{w} {v:g}" for w, v in valences if v != 0.0]
        share = _quoted_share(parsed.doc.char_span(start, end, alignment_mode="expand"), quoted)
        unadjusted = plain.polarity_scores(view)["compound"]
        # VADER looks up only the sentence's own words (and the words of its emojis' descriptions): with no
        # adjusted word among them, both lexicons give the same score
        untouched = adjusted_words.isdisjoint(w for w, _ in valences) and plain.emojis.keys().isdisjoint(view)
        rows.append(
            Tone(
                sentence_id=sentence_id,
                start=start,
                end=end,
                text=parsed.text[start:end],
                compound=unadjusted if untouched else adjusted.polarity_scores(view)["compound"],
                compound_unadjusted=unadjusted,
                moved_by="; ".join(moved),
                valence_words="; ".join(scored),
                quoted_share=round(share, 4),
                own_voice=share < OWN_VOICE_MAX_QUOTED_SHARE,
            )
        )
    return rows


def actor_tone_rows(mentions: Sequence, tones: Sequence[Tone]) -> list[ActorTone]:
    """Per catalogued actor: the mean tone of the own-voice sentences that mention it, in order of first
    mention. Actors mentioned only in quoted sentences get no row. Not measured: whether the tone is
    *about* the actor (a sentence mentioning two actors counts for both)."""
    own = {t.sentence_id: t for t in tones if t.own_voice}
    sentences: dict[str, list[int]] = {}
    sides: dict[str, str] = {}
    for mention in mentions:
        if not mention.actor or mention.sentence_id not in own:
            continue
        ids = sentences.setdefault(mention.actor, [])
        sides.setdefault(mention.actor, mention.side)
        if mention.sentence_id not in ids:
            ids.append(mention.sentence_id)
    return [
        ActorTone(
            actor=actor,
            side=sides[actor],
            sentences=len(ids),
            compound_mean=round(statistics.fmean(own[i].compound for i in ids), 4),
            compound_unadjusted_mean=round(statistics.fmean(own[i].compound_unadjusted for i in ids), 4),
        )
        for actor, ids in sentences.items()
    ]


# --- frames --------------------------------------------------------------------------------------------------


def frame_rows(parsed) -> list[SentenceFrame]:
    """Per sentence and frame with at least one hit: how many of the frame's cue words the sentence uses.

    Frames are the generic news frames of Semetko & Valkenburg (2000) and the Media Frames Corpus dimensions
    (Boydstun et al. 2014) that fit conflict reporting, each scored by its own lexicon. A cue-word count is a
    proxy for a coder's judgement, not a frame classification.
    """
    doc, text, index = parsed.doc, parsed.text, doc_index(parsed.doc)
    frames = frame_lexicons()
    rows = []
    for sentence_id, (start, end) in enumerate(zip(parsed.sentences.starts, parsed.sentences.ends)):
        span = doc.char_span(start, end, alignment_mode="expand")
        for number, matches in sorted(_frame_matches(index, span.start, span.end).items()):
            scheme, frame, _ = frames[number]
            tokens = index.tokens
            words = [text[tokens[i].idx : tokens[j - 1].idx + len(tokens[j - 1].text)] for i, j in matches]
            rows.append(SentenceFrame(sentence_id, start, end, text[start:end], scheme, frame, len(matches), "; ".join(words)))
    return rows


@lru_cache(maxsize=1)
def _frame_term_index() -> TermIndex:
    """Every frame's terms in one index; a term's key is its frame's number in :func:`frame_lexicons`."""
    return TermIndex([(str(number), terms) for number, (_, _, terms) in enumerate(frame_lexicons())])


def _frame_matches(index: DocIndex, begin: int, stop: int) -> dict[int, list[tuple[int, int]]]:
    """Token bounds of each frame's matches within ``[begin, stop)``, by frame number.

    Each frame is matched on its own, as :func:`match_terms` would (longest first, left to right, no two of
    one frame overlapping), but in one pass over the tokens for all frames.
    """
    terms, lower, lemma, pos = _frame_term_index(), index.lower, index.lemma, index.pos
    found: dict[int, list[tuple[int, int]]] = {}
    free: dict[int, int] = {}  # per frame, the first token not inside one of its matches
    for i in range(begin, stop):
        best: dict[int, int] = {}
        for number, _, term in terms.candidates(lower[i], lemma[i]):
            n = len(term.words)
            if i < free.get(number, begin) or i + n > stop or n <= best.get(number, 0):
                continue
            if term.pos and pos[i] != term.pos:
                continue
            if all(lower[i + k] == w or lemma[i + k] == w for k, w in enumerate(term.words)):
                best[number] = n
        for number, n in best.items():
            found.setdefault(number, []).append((i, i + n))
            free[number] = i + n
    return found


def document_frame_rows(sentence_frames: Sequence[SentenceFrame], n_sentences: int, n_words: int) -> list[DocumentFrame]:
    """Every frame of every scheme for one document (zeros included): hits, sentences with a hit, the share
    of sentences with a hit and hits per 1,000 words."""
    rows = []
    for scheme, frame, _ in frame_lexicons():
        mine = [f for f in sentence_frames if f.scheme == scheme and f.frame == frame]
        hits = sum(f.hits for f in mine)
        rows.append(
            DocumentFrame(
                scheme=scheme,
                frame=frame,
                hits=hits,
                sentences=len(mine),
                sentence_share=round(len(mine) / n_sentences, 4) if n_sentences else 0.0,
                hits_per_1000_words=round(1000 * hits / n_words, 2) if n_words else 0.0,
            )
        )
    return rows


def framing_rows(parsed, mentions: Sequence, attributions: Sequence[Attribution] = ()) -> dict[str, list]:
    """Every framing table's rows for one parsed document, keyed by table name."""
    tones = tone_rows(parsed, attributions)
    sentence_frames = frame_rows(parsed)
    n_words = sum(1 for t in doc_index(parsed.doc).tokens if not (t.is_punct or t.is_space))
    return {
        "cues": cue_rows(parsed, mentions, attributions),
        "tone": tones,
        "actor_tone": actor_tone_rows(mentions, tones),
        "actions": action_rows(parsed, attributions),
        "frames": sentence_frames,
        "document_frames": document_frame_rows(sentence_frames, len(parsed.sentences), n_words),
    }


# --- summaries for charts and notebooks -------------------------------------------------------------------------


def cue_counts(cues: pd.DataFrame) -> pd.DataFrame:
    """Cues per type and voice (``own voice`` / ``quoted``), every combination listed, types in schema order."""
    voice = cues["quoted"].map({True: "quoted", False: "own voice"})
    counts = cues.assign(voice=voice).groupby(["cue_type", "voice"]).size()
    index = pd.MultiIndex.from_product([CUE_TYPES, ["own voice", "quoted"]], names=["cue_type", "voice"])
    return counts.reindex(index, fill_value=0).rename("cues").reset_index()


def action_counts(actions: pd.DataFrame) -> pd.DataFrame:
    """Actions per agent side and verb class, most frequent first (ties by side, then class)."""
    counts = actions.groupby(["agent_side", "verb_class"]).size().rename("actions").reset_index()
    return counts.sort_values(["actions", "agent_side", "verb_class"], ascending=[False, True, True], ignore_index=True)


def frame_shares(document_frames: pd.DataFrame) -> pd.DataFrame:
    """Per frame, the mean share of sentences that cue it over the documents, frames in lexicon order."""
    order = {(scheme, frame): k for k, (scheme, frame, _) in enumerate(frame_lexicons())}
    shares = document_frames.groupby(["scheme", "frame"], sort=False)["sentence_share"].mean().reset_index()
    shares["order"] = [order.get((s, f), len(order)) for s, f in zip(shares["scheme"], shares["frame"])]
    return shares.sort_values("order", ignore_index=True).drop(columns="order").round({"sentence_share": 4})


def own_voice_cues_by_side(cues: pd.DataFrame) -> pd.DataFrame:
    """Loaded and evaluative cues in the outlet's own voice, by the side of what they describe and category."""
    mine = cues[~cues["quoted"] & cues["cue_type"].isin(["loaded", "evaluative", "emotion"])]
    counts = mine.groupby(["target_side", "cue_type", "category"]).size().rename("cues").reset_index()
    return counts.sort_values(["target_side", "cue_type", "category"], ignore_index=True)


def certainty_by_sentence(sentences: pd.DataFrame, cues: pd.DataFrame, attributions: pd.DataFrame) -> pd.DataFrame:
    """Per sentence: hedges and boosters in the outlet's own voice and in quoted words, beside how many
    attributions the sentence carries (the sourcing table), so certainty can be read against sourcing."""
    keys = ["doc_id", "sentence_id"]
    counted = cues[cues["cue_type"].isin(["hedge", "booster"])].assign(
        column=lambda c: c["cue_type"] + "s_" + c["quoted"].map({True: "quoted", False: "own_voice"})
    )
    table = counted.pivot_table(index=keys, columns="column", values="cue_id", aggfunc="count", fill_value=0)
    columns = ["hedges_own_voice", "hedges_quoted", "boosters_own_voice", "boosters_quoted"]
    table = table.reindex(columns=columns, fill_value=0).reset_index()
    sourced = attributions.groupby(keys).size().rename("attributions").reset_index()
    out = sentences[keys + ["text"]].merge(table, on=keys, how="left").merge(sourced, on=keys, how="left")
    return out.fillna({c: 0 for c in [*columns, "attributions"]}).astype({c: int for c in [*columns, "attributions"]})


def document_tone(texts: Mapping[str, str], *, adjustment: Mapping[str, float] | None = None) -> pd.DataFrame:
    """Whole-text VADER compound per document, with and without the news adjustment."""
    rows = [(doc_id, *text_tone(text, adjustment=adjustment)) for doc_id, text in texts.items()]
    return pd.DataFrame(rows, columns=["doc_id", "compound", "compound_unadjusted"])


#: Highlight styles of cue types in the rendered article (one colour per type).
CUE_STYLES = {
    "hedge": "background: #fff3b0",
    "booster": "background: #ffd6a5",
    "loaded": "background: #ffadad",
    "emotion": "background: #ffc6ff",
    "evaluative": "background: #caffbf",
    "metonymy": "border-bottom: 2px solid #4c72b0",
}
#: Quote spans are shaded grey so the reader sees whose words a cue is in.
QUOTE_STYLES = {kind: "background: #ececec" for kind in ("direct", "indirect", "mixed", "according_to")}


def cue_layers(cues: pd.DataFrame, attributions: pd.DataFrame) -> list[Layer]:
    """Highlight layers for one document: attribution contents shaded, cues coloured by type."""
    quotes = Layer(attributions, "kind", QUOTE_STYLES, "quoted or attributed content (shaded)",
                   start="content_start", end="content_end", tooltip="source")
    marked = Layer(cues, "cue_type", CUE_STYLES, "framing cue", tooltip="category")
    return [quotes, marked]

