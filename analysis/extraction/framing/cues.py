"""The ``cues`` table: hedges, boosters, loaded, emotional and evaluative words, distancing free relatives and
metonyms for governments, each with what it is said of."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Iterator

from spacy.tokens import Doc, Token

from analysis.catalogue.actors import UNKNOWN_SIDE
from analysis.extraction.doc_index import Intervals, children_of, doc_index
from analysis.extraction.framing.actions import agent_of, child_with, verb_class_of
from analysis.extraction.framing.lexicons import (
    CUE_LEXICONS, HEARSAY_HEDGE_LEXICON, METONYMY_LEXICON, cue_lexicons, epistemic_words, verb_classes,
)
from analysis.extraction.framing.matching import match_terms
from analysis.extraction.framing.phrases import Phrase, phrase_of, side_of_tokens
from analysis.extraction.framing.weasels import epistemic_sense, hearsay_sense, hedge_scope, parse_hedges
from analysis.extraction.framing.records import Cue
from analysis.extraction.framing.voices import Voices
from analysis.extraction.sources import Attribution

#: Cue types in the order the schema lists them.
CUE_TYPES = ("hedge", "booster", "loaded", "emotion", "evaluative", "metonymy")
#: How far after "what" the verb of a distancing free relative may come ("what the ministry said were").
DISTANCING_RELATIVE_WINDOW = 6
#: Dependency labels of a metonym that acts, speaks or owns: the name stands for the government
#: ("Moscow struck", "Kyiv's incursion", "by the Kremlin"); elsewhere it is the place ("schools in Beijing").
METONYMIC_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "conj", "appos"})
#: Pronouns with which a speaker names their own words: "what we call" passes on nobody else's description.
FIRST_PERSON = frozenset({"i", "we"})
#: Verb classes whose object is a party addressed, so a metonym there is a government ("told the Kremlin").
ADDRESSEE_CLASSES = frozenset({"speech", "demand_threat", "cooperation"})
#: Categories of hedges: the writer's own uncertainty, vagueness about who holds a claim or how far it holds,
#: and a named party's statement marked as only theirs.
HEDGE_CATEGORIES = ("epistemic", "weasel", "distancing")


def _cue_target(token: Token) -> Token | None:
    """The token a cue word says something about: the noun an adjective modifies, the subject of a predicate
    adjective or of a verb, the possessor or ``for`` object of a noun ("humiliation for Putin")."""
    if token.pos_ == "ADJ" and token.dep_ == "amod":
        return token.head
    if token.pos_ in ("ADJ", "ADV") and token.head.pos_ in ("AUX", "VERB") and token.head.i != token.i:
        found, _ = agent_of(token.head)
        return found or child_with(token.head, "nsubj")
    if token.pos_ == "VERB":
        return agent_of(token)[0]
    if token.pos_ in ("NOUN", "PROPN"):
        owner = child_with(token, "poss")
        if owner is not None:
            return owner
        for prep in children_of(token):
            if prep.dep_ == "prep" and prep.lower_ in ("for", "of", "against", "by"):
                target = child_with(prep, "pobj")
                if target is not None:
                    return target
    return None


def _distancing_relatives(doc: Doc) -> Iterator[tuple[int, int]]:
    """Token bounds of "what <subject> <said/called>" free relatives, with which the outlet passes on a
    party's description without endorsing it ("striking at what it said were Ukrainian troops"); not with a
    first-person subject ("what I am describing", "what we call"), the speaker's own words."""
    verbs, index = epistemic_words("distancing_relative_verbs"), doc_index(doc)
    for what in (index.tokens[i] for i, word in enumerate(index.lower) if word == "what"):
        if what.tag_ != "WP":
            continue
        window = doc[what.i + 1 : min(what.i + 1 + DISTANCING_RELATIVE_WINDOW, len(doc))]
        verb = next((t for t in window if t.pos_ == "VERB"), None)
        if verb is None or verb.lemma_.lower() not in verbs:
            continue
        subject = next((c for c in children_of(verb) if c.dep_ == "nsubj" and what.i < c.i < verb.i), None)
        if subject is not None and subject.lower_ not in FIRST_PERSON:  # "what I am describing": one's own words
            yield what.i, verb.i + 1


def _metonym_is_government(head: Token, classes: Mapping[str, str]) -> bool:
    """A metonym mention that acts, speaks, owns or is addressed (the government), not a location."""
    if head.dep_ in METONYMIC_DEPS:
        return head.dep_ != "conj" or head.head.dep_ in METONYMIC_DEPS
    if head.dep_ == "pobj" and head.head.dep_ == "agent":
        return True
    if head.dep_ in ("dobj", "dative") and head.head.pos_ == "VERB":
        return verb_class_of(head.head, classes) in ADDRESSEE_CLASSES
    if head.dep_ == "pobj" and head.head.lower_ in ("with", "against", "between", "to"):
        governor = head.head.head
        return governor.pos_ in ("VERB", "NOUN") and verb_class_of(governor, classes) in ADDRESSEE_CLASSES
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

    Hedges (:mod:`.weasels`) have category ``epistemic`` (the word lists' may, possibly, unclear, and the
    hearsay adverbs reportedly, allegedly), ``weasel`` (vague quantifiers over people, groups, sources or
    opinions, bare plurals of holders ("critics say"), agentless belief passives, "tend to", found by the
    parse; the hearsay frames "is said to") or ``distancing`` (claimed, alleged as verbs; a free relative
    "what <subject> said/called": "what it said were troops"). A weasel found by the parse wins over a word-list hedge it overlaps; a word-list hedge
    counts only in the sense the parse allows (:func:`.weasels.epistemic_sense`). A hedge's ``target`` is the
    phrase or clause it makes vague (:func:`.weasels.hedge_scope`). ``mentions`` are the document's mention rows (:func:`analysis.extraction.mentions.mention_rows`); a metonym comes
    from the catalogue (``alias_kind == "metonym"``) and counts only where it acts, speaks, owns or is
    addressed ("Moscow struck", "Kyiv's incursion", "told the Kremlin"), not as a location ("schools in
    Beijing"). ``target`` is what the cue is said of, where the parse shows it ("Kyiv's ambitious attack":
    ambitious -> Kyiv's ambitious attack, side Ukraine; "may resume next week": may -> resume next week). Not
    extracted: cues spread over a clause with no
    single cue word, negated or ironic uses told apart from plain ones.
    """
    doc, text, catalogue = parsed.doc, parsed.text, parsed.catalogue
    voices, index = Voices.of(parsed, attributions), doc_index(doc)

    def chars(i: int, j: int) -> tuple[int, int]:
        return index.starts[i], index.ends[j - 1]

    def scope_phrase(bounds: tuple[int, int] | None) -> Phrase | None:
        if bounds is None:
            return None
        s, e = chars(*bounds)
        return Phrase(text[s:e], s, e, side_of_tokens(doc, bounds[0], bounds[1], catalogue))

    def reported(i: int, j: int) -> bool:
        return voices.voice(*chars(i, j))[1] is not None

    found: list[tuple[int, int, str, str, str, Token | Phrase | None]] = []
    for hedge in parse_hedges(doc, reported):
        found.append((*chars(hedge.first, hedge.end), "hedge", hedge.category, hedge.lexicon, scope_phrase(hedge.scope)))
    weasels = Intervals([(s, e, None) for s, e, *_ in found])
    for i, j, cue_type, term in match_terms(doc, cue_lexicons()):
        start, end = chars(i, j)
        if cue_type == "hedge":
            sense = hearsay_sense if term.lexicon == HEARSAY_HEDGE_LEXICON else epistemic_sense
            if _overlaps_any(weasels, start, end) or not sense(doc, i, j, term):
                continue
            category = term.label
            if category == "distancing" and doc[i].dep_ == "amod":
                category = "epistemic"  # "the alleged agent": the outlet's own hedge on a description
            found.append((start, end, cue_type, category, term.lexicon, scope_phrase(hedge_scope(doc, i, j))))
            continue
        found.append((start, end, cue_type, term.label, term.lexicon, _cue_target(doc[i:j].root)))
    taken = Intervals([(s, e, None) for s, e, *_ in found])
    for i, j in _distancing_relatives(doc):
        start, end = chars(i, j)
        if not _overlaps_any(taken, start, end):
            found.append((start, end, "hedge", "distancing", CUE_LEXICONS[0], None))
            taken.add(start, end, None)
    for start, end, category, lexicon in _metonym_cues(parsed, mentions):
        if not _overlaps_any(taken, start, end):
            root = doc.char_span(start, end, alignment_mode="expand").root
            found.append((start, end, "metonymy", category, lexicon, root))
    rows = []
    for start, end, cue_type, category, lexicon, target_of in sorted(found, key=lambda f: (f[0], f[1])):
        quoted, attribution_id = voices.voice(start, end)
        if isinstance(target_of, Phrase) or target_of is None:
            target = target_of
        else:
            target = phrase_of(target_of, text, catalogue)
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
