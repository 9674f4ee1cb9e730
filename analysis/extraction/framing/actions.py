"""The ``actions`` table: who does what to whom in each clause, with voice and sides."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.tokens import Token

from analysis.catalogue.actors import UNKNOWN_SIDE
from analysis.extraction.doc_index import children_of, doc_index
from analysis.extraction.framing.lexicons import CATENATIVE, verb_classes
from analysis.extraction.framing.phrases import phrase_of
from analysis.extraction.framing.records import Action
from analysis.extraction.framing.voices import Voices
from analysis.extraction.linguistics.antecedents import antecedent
from analysis.extraction.linguistics.voice import by_agent, is_passive
from analysis.extraction.sources import Attribution

#: Verb class of a verb the verb-class file does not list.
OTHER_CLASS = "other"
#: Prepositions whose object is what an action is aimed at ("struck back at Ukrainian troops").
TARGET_PREPOSITIONS = frozenset({"at", "against", "upon"})


def child_with(token: Token, *deps: str) -> Token | None:
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
    subject = child_with(verb, "nsubj", "csubj")
    if subject is not None:
        resolved = antecedent(subject)
        return resolved, ("relative" if resolved.i != subject.i else "subject")
    head = verb.head
    if verb.dep_ == "xcomp":
        obj = child_with(head, "dobj")
        if obj is not None and obj.i < verb.i:
            return obj, "object_control"
        if is_passive(head):
            patient = child_with(head, "nsubjpass")
            return (antecedent(patient), "control") if patient is not None else (None, "")
        found, _ = agent_of(head, depth + 1)
        return found, ("control" if found is not None else "")
    if verb.dep_ in ("advcl", "conj", "pcomp") and head.pos_ in ("VERB", "AUX", "ADP"):
        governor = head.head if verb.dep_ == "pcomp" else head
        found, _ = agent_of(governor, depth + 1) if governor.pos_ in ("VERB", "AUX") else (None, "")
        return found, ("shared" if found is not None else "")
    if verb.dep_ == "acl":
        if child_with(verb, "aux") is not None:
            owner = child_with(head, "poss")
            return (owner, "possessor") if owner is not None else (None, "")
        return head, "participle"
    return None, ""


def patient_of(verb: Token) -> Token | None:
    """The token naming what ``verb`` is done to: a passive's subject, the direct object, or the target of
    ``at``/``against``; None for intransitives and for speech whose content is a clause."""
    if is_passive(verb):
        subject = child_with(verb, "nsubjpass")
        if subject is not None:
            return antecedent(subject)
        return verb.head if verb.dep_ == "acl" else None
    obj = child_with(verb, "dobj")
    if obj is not None:
        return antecedent(obj)
    for prep in children_of(verb):
        if prep.dep_ == "prep" and prep.lower_ in TARGET_PREPOSITIONS:
            target = child_with(prep, "pobj")
            if target is not None:
                return target
    return None


def _verb_phrase(verb: Token) -> str:
    particle = child_with(verb, "prt")
    return f"{verb.lemma_.lower()} {particle.lower_}" if particle is not None else verb.lemma_.lower()


def verb_class_of(verb: Token, classes: Mapping[str, str]) -> str:
    found = classes.get(_verb_phrase(verb)) or classes.get(verb.lemma_.lower(), OTHER_CLASS)
    return OTHER_CLASS if found == CATENATIVE else found


def _is_catenative_link(verb: Token, classes: Mapping[str, str]) -> bool:
    return classes.get(verb.lemma_.lower()) == CATENATIVE and child_with(verb, "xcomp") is not None


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
        agent = phrase_of(agent_token, text, catalogue) if agent_token is not None else None
        patient = phrase_of(patient_token, text, catalogue) if patient_token is not None else None
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
                verb_class=verb_class_of(verb, classes),
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
