"""The word lists sourcing reads from ``analysis/data/``: reporting verbs by stance, source nouns, titles and
hedges."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

from analysis.datafiles import read_yaml


@dataclass(frozen=True)
class Lexicon:
    """The word lists the rules read (``analysis/data/``)."""

    stances: dict[str, str]
    object_content: frozenset[str]
    decision_objects: dict[str, frozenset[str]]
    object_complement: frozenset[str]
    infinitive_content: frozenset[str]
    gerund_content: frozenset[str]
    request: frozenset[str]
    volition: frozenset[str]
    request_particles: dict[str, frozenset[str]]
    evidence_verbs: frozenset[str]
    position_verbs: frozenset[str]
    position_object_needs_name: frozenset[str]
    stance_particles: dict[str, frozenset[str]]
    object_particles: dict[str, frozenset[str]]
    proposal_objects: frozenset[str]
    claim_objects: frozenset[str]
    stance_objects: frozenset[str]
    as_clause_verbs: frozenset[str]
    question_verbs: frozenset[str]
    question_words: frozenset[str]
    refusal_verbs: frozenset[str]
    refusal_speech: frozenset[str]
    refusal_reply: frozenset[str]
    refusal_negated: frozenset[str]
    refusal_information: frozenset[str]
    refusal_unwilling: frozenset[str]
    refusal_passive: frozenset[str]
    refusal_requests: frozenset[str]
    adjective_cues: frozenset[str]
    noun_cues: frozenset[str]
    noun_topics: dict[str, frozenset[str]]
    evidence: frozenset[str]
    hearing_bodies: frozenset[str]
    anonymous: frozenset[str]
    collective: frozenset[str]
    institution: dict[str, str]
    document: frozenset[str]
    media: frozenset[str]
    press_people: frozenset[str]
    titles: frozenset[str]
    title_words: frozenset[str]
    title_qualifiers: frozenset[str]
    honorifics: frozenset[str]
    title_abbreviations: dict[str, str]
    generic_body_nouns: frozenset[str]
    spokesperson_nouns: frozenset[str]
    outlet_words: frozenset[str]
    author_verbs: frozenset[str]
    intermediary_verbs: frozenset[str]
    hedges: tuple[tuple[str, ...], ...]
    interviewer_nouns: frozenset[str]
    nationality_nouns: frozenset[str]
    statement_nouns: frozenset[str]
    corporate_suffixes: frozenset[str]
    corporate_nouns: frozenset[str]

    @cached_property
    def person_titles(self) -> frozenset[str]:
        """Titles that name a person on their own ("striker", "governor"), without the words that only qualify
        a title (``title_qualifiers``: "district", "health")."""
        return self.title_words - self.title_qualifiers

    @cached_property
    def verb_cues(self) -> frozenset[str]:
        """Every verb lemma a cue rule reads: reporting, evidence, position and question verbs, refusals and
        replies."""
        return frozenset(
            self.stances.keys() | self.evidence_verbs | self.position_verbs | self.question_verbs
            | self.refusal_verbs | self.refusal_reply
        )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The packaged word lists, read once per process.

    Raises:
        ValueError: a reporting verb is listed under two stances.
    """
    verbs = read_yaml("reporting_verbs.yaml")
    stances: dict[str, str] = {}
    for stance in ("neutral", "distancing", "emphatic"):
        for lemma in verbs[stance]:
            if stances.setdefault(lemma, stance) != stance:
                raise ValueError(f"reporting_verbs.yaml: {lemma!r} is both {stances[lemma]} and {stance}")
    nouns = read_yaml("source_nouns.yaml")
    return Lexicon(
        stances=stances,
        object_content=frozenset(verbs["object_content"]),
        decision_objects={verb: frozenset(nouns) for verb, nouns in verbs["decision_objects"].items()},
        object_complement=frozenset(verbs["object_complement"]),
        infinitive_content=frozenset(verbs["infinitive_content"]),
        gerund_content=frozenset(verbs["gerund_content"]),
        request=frozenset(verbs["request"]),
        volition=frozenset(verbs["volition"]),
        request_particles={verb: frozenset(ps) for verb, ps in verbs["request_particles"].items()},
        evidence_verbs=frozenset(verbs["evidence_verbs"]),
        position_verbs=frozenset(verbs["position_verbs"]),
        position_object_needs_name=frozenset(verbs["position_object_needs_name"]),
        stance_particles={verb: frozenset(ps) for verb, ps in verbs["stance_particles"].items()},
        object_particles={verb: frozenset(ps) for verb, ps in verbs["object_particles"].items()},
        proposal_objects=frozenset(verbs["proposal_objects"]),
        claim_objects=frozenset(verbs["claim_objects"]),
        stance_objects=frozenset(verbs["stance_objects"]),
        as_clause_verbs=frozenset(verbs["as_clause_verbs"]),
        question_verbs=frozenset(verbs["question_verbs"]),
        question_words=frozenset(verbs["question_words"]),
        refusal_verbs=frozenset(verbs["refusal_verbs"]),
        refusal_speech=frozenset(verbs["refusal_speech"]),
        refusal_reply=frozenset(verbs["refusal_reply"]),
        refusal_negated=frozenset(verbs["refusal_negated"]),
        refusal_information=frozenset(verbs["refusal_information"]),
        refusal_unwilling=frozenset(verbs["refusal_unwilling"]),
        refusal_passive=frozenset(verbs["refusal_passive"]),
        refusal_requests=frozenset(verbs["refusal_requests"]),
        adjective_cues=frozenset(verbs["adjective_cues"]),
        noun_cues=frozenset(verbs["noun_cues"]),
        noun_topics={prep: frozenset(ns) for prep, ns in verbs["noun_topics"].items()},
        evidence=frozenset(nouns["evidence"]),
        hearing_bodies=frozenset(nouns["hearing_bodies"]),
        anonymous=frozenset(nouns["anonymous"]),
        collective=frozenset(nouns["collective"]),
        institution=dict(nouns["institution"]),
        document=frozenset(nouns["document"]),
        media=frozenset(nouns["media"]),
        press_people=frozenset(nouns["press_people"]),
        titles=frozenset(nouns["titles"]),
        title_words=frozenset(bare_word(t) for t in nouns["titles"]),
        title_qualifiers=frozenset(bare_word(t) for t in nouns["title_qualifiers"]),
        honorifics=frozenset(bare_word(t) for t in nouns["honorifics"]),
        title_abbreviations={bare_word(k): str(v) for k, v in nouns["title_abbreviations"].items()},
        generic_body_nouns=frozenset(nouns["generic_body_nouns"]),
        spokesperson_nouns=frozenset(nouns["spokesperson_nouns"]),
        outlet_words=frozenset(nouns["outlet_name_words"]),
        author_verbs=frozenset(nouns["document_author_verbs"]),
        intermediary_verbs=frozenset(nouns["document_intermediary_verbs"]),
        hedges=tuple(tuple(h.lower().split()) for h in read_yaml("hedges.yaml")["hedges"]),
        interviewer_nouns=frozenset(nouns["interviewer_nouns"]),
        nationality_nouns=frozenset(nouns["nationality_nouns"]),
        statement_nouns=frozenset(nouns["statement_nouns"]),
        corporate_suffixes=frozenset(bare_word(w) for w in nouns["corporate_suffixes"]),
        corporate_nouns=frozenset(nouns["corporate_nouns"]),
    )


def bare_word(word: str) -> str:
    """A word lowercased without an abbreviation's final full stop, so that "Dr" and "Dr." agree."""
    return word.lower().rstrip(".")
