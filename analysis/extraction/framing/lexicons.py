"""The framing word lists from ``analysis/data/``: cue lexicons, frame lexicons, verb classes and the tone
adjustment, each term with its part-of-speech restriction."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from analysis.datafiles import read_yaml
from analysis.reading import load_user_yaml

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
#: The verb-class section of verbs that hand their subject to the verb they take (try, keep, aim).
CATENATIVE = "catenative"


@dataclass(frozen=True)
class Term:
    """One lexicon entry: a word sequence matched against token forms or lemmas."""

    words: tuple[str, ...]
    pos: str | None
    label: str
    lexicon: str


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
    """``(cue_type, terms)`` per cue lexicon file, in tie-breaking order; a term's label is its category (for
    hedges ``epistemic``, ``distancing`` or ``weasel``; the parse-based weasels are in :mod:`.weasels`)."""
    lexicons = []
    for name in CUE_LEXICONS:
        raw = read_yaml(name)
        lexicons.append((raw["cue_type"], _terms(raw["categories"], name)))
        if name == "epistemic_hedges.yaml":
            lexicons.append(("hedge", _terms(hearsay_categories(), HEARSAY_HEDGE_LEXICON)))
    return tuple(lexicons)


def hearsay_categories() -> dict[str, list[str]]:
    """The hearsay hedges of ``hedges.yaml`` by category: its single adverbs (reportedly, allegedly) are
    ``epistemic``, as the CoNLL-2010 uncertainty cues and Hyland's evidential hedges are; its passive frames
    ("is said to", "it is believed") attribute a belief to nobody and are ``weasel`` (Wikipedia's "words to
    watch"; see ``weasel_words.yaml``)."""
    hearsay = [str(h) for h in read_yaml(HEARSAY_HEDGE_LEXICON).get("hedges", ())]
    return {"epistemic": [h for h in hearsay if " " not in h.strip()], "weasel": [h for h in hearsay if " " in h.strip()]}


@lru_cache(maxsize=1)
def inference_verbs() -> tuple[frozenset[str], frozenset[str]]:
    """``(verbs, reporting subjects)``: lemmas of the inference verbs of epistemic_hedges.yaml and of the
    subjects that make them a report."""
    raw = read_yaml(CUE_LEXICONS[0])
    return (frozenset(str(v) for v in raw.get("inference_verbs", ())),
            frozenset(str(v) for v in raw.get("reporting_subjects", ())))


@lru_cache(maxsize=None)
def epistemic_words(key: str) -> frozenset[str]:
    """One word list of epistemic_hedges.yaml that a parse rule of :mod:`.weasels` or :mod:`.cues` reads, by its
    key (the file says what each holds):

    * ``forecast_verbs``: verbs of change or outcome after which "may" forecasts even with a generic subject
      ("prices may rise");
    * ``belief_clause_verbs``: verbs of belief that hedge the clause they take ("they believe the bones are a
      whale's");
    * ``conviction_adverbs``: adverbs with which such a verb states a conviction ("I firmly believe");
      ``limiting_adverbs``: those with which a negated one claims more ("don't just suspect"); ``object_belief_verbs``:
      those that hedge an object too ("suspected a gas leak"); ``deontic_modals``: modals that make the clause
      believed an opinion ("believes the council should pay");
    * ``deontic_frame_verbs``: verbs of advising or believing after which "should" states a duty, not a forecast;
    * ``contingency_participles``: participles of need or request, with which "if" states when a routine applies
      ("if needed"); ``pending_modals``: modals on which an "if" clause is a condition on what may come ("the club
      could fold"); ``not_condition_before_if``: words that make "if" no condition ("even if", "as if");
    * ``question_verbs``: verbs after which "if" opens a question ("wonder if"); ``doubt_question_verbs``: those
      that join its cue; ``addressee_question_verbs``: those that may name whom they ask before it ("asked the
      mayor if"); ``answer_verbs``: verbs with which a sentence answers its own question ("which was confirmed");
    * ``distancing_relative_verbs``: verbs of the distancing free relative ("what it said were troops");
    * ``distancing_clausal_verbs``: verbs that distance only with a clause or infinitive ("claimed that", not
      "claimed the throne").
    """
    return frozenset(str(v) for v in read_yaml(CUE_LEXICONS[0]).get(key, ()))


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
        raw = load_user_yaml(Path(path).read_text(encoding="utf-8")) or {}
    return {str(word).lower(): float(value) for word, value in (raw.get("adjustment") or {}).items()}
