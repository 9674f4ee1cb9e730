"""Whether two figures count or measure the same thing: the one decision that ``figure_consistency`` (two figures
of one article) and ``figure_agreement`` (figures of different articles) both make.

A figure's *thing* (:class:`Thing`) is what it counts, said in the words both pairings compare: its quantity kind
and comparison unit, its object key (:func:`object_key`), its measure (a day's count, a running total, or
neither), what narrows the object to a part of it (``qualifier``), and three parts that are compared only where
both figures give them: the event's family, the place scope and the object's modifier (:func:`same_thing`).
Where and when it counts are compared apart: places by :func:`place_keys`, days by each pairing (within one
article by :func:`article_day`; across articles by publication dates and the ``as_of`` day).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.extraction.figures.context import context_words
from analysis.extraction.figures.wordlists import lexicon

#: Plural endings made singular for matching objects, longest first ("casualties" -> "casualty", "houses" ->
#: "house"); a rough stemmer, because the built tables keep the object as written and no parse is at hand.
PLURAL_ENDINGS = (("ies", "y"), ("sses", "ss"), ("xes", "x"), ("ches", "ch"), ("shes", "sh"), ("s", ""))
#: Nouns with irregular plurals in war, disaster and budget copy; "people" is left as it is (as spaCy does).
IRREGULAR_SINGULARS = {"men": "man", "women": "woman", "children": "child", "lives": "life", "wives": "wife"}
#: Words whose final "s" is no plural ending.
SINGULARS_IN_S = frozenset({"news", "series", "species", "gas", "bus", "status", "campus", "census", "corps"})

#: The place key of a figure whose clause gives it the world as its scope ("3.1 million cases globally"): it
#: replaces the places named near it, which are then the countries compared with the world, not its place.
WORLD = "world"
#: Between the places of a figure that counts them together (``combined``): "italy + spain + united states" is
#: one place key, which pairs with no figure of one of them.
PLACES_JOINED = " + "
#: Between the places named near a figure that does not count them together, as figure_agreement keys them:
#: "england; united kingdom" pairs with no figure of one of them (which one the figure is about, the text does not
#: say; :func:`strict_place_key`).
PLACES_NAMED = "; "
#: How the catalogue ties a mention to an actor when its canonical name is the place's key; a metonym ("Kyiv"
#: for the government of Ukraine) or a demonym names a place of its own or none, and is keyed as written.
PLACE_ALIAS_KINDS = frozenset({"name", "alias"})

#: The parts of a :class:`Thing` two figures must share to count the same thing, in the order of a block key.
#: A count's event family is one (``count_family``, :func:`thing`): "three residents die" counts deaths of
#: residents, "the home has 63 residents" those living there, and one family known against none is two things.
SHARED_PARTS = ("quantity_kind", "unit", "object", "measure", "qualifier", "count_family")
#: The parts two figures must share only where both give them: an unknown event family, scope or modifier
#: matches any ("destroyed 400 square miles" and "400 square miles burned" are one area; "health care workers"
#: and "workers" may be one count, "health care workers" and "transit workers" are not).
KNOWN_PARTS = ("family", "scope", "modifier")
#: Quantity kinds whose event family is compared strictly: what happened to the things counted is what is
#: counted ("residents who died" against "residents"); a measure's event only says how it was found.
FAMILY_COUNTED_KINDS = frozenset({"count"})

#: Measures of figures that count nothing, paired with none (``figures.measure``): a bound in a rule or a
#: category ("gatherings of more than 50 people") and the base a rate is per ("per 100,000 residents"); two
#: thresholds of two articles are two rules, not two reports of one number.
UNPAIRED_MEASURES = frozenset({"threshold", "base"})
#: Measures whose figures may differ without either being wrong: two projections may be two scenarios of one
#: model ("100,000 to 240,000 deaths" with measures, "2.2 million" without), so the pair is undetermined.
SCENARIO_MEASURES = frozenset({"projection"})

_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")


def singular(word: str) -> str:
    """``word`` (lowercase) with a plural ending removed, by rule: "civilians" -> "civilian", "casualties" ->
    "casualty", "children" -> "child"; words ending in "ss", "us" or "is" and :data:`SINGULARS_IN_S` kept."""
    if word in IRREGULAR_SINGULARS:
        return IRREGULAR_SINGULARS[word]
    if word in SINGULARS_IN_S or word.endswith(("ss", "us", "is")) or len(word) <= 3:
        return word
    for ending, replacement in PLURAL_ENDINGS:
        if word.endswith(ending):
            return word[: -len(ending)] + replacement
    return word


@lru_cache(maxsize=65_536)  # asked for every figure of an article and of the corpus; objects repeat
def normalise_object(text: str) -> str:
    """The counted or measured thing for matching: lowercase words with the last one (the head noun) made
    singular ("Civilians" -> "civilian", "Ukrainian soldiers" -> "ukrainian soldier"); empty when the figure
    names no object. Words that say where, how or how surely it was counted are left out, as they are compared
    as ``scope`` and ``measure`` or say nothing of what is counted ("global cases", "new cases", "confirmed
    cases": "case"), and a count noun stands for its modifier ("death toll": "death", ``count_nouns`` of
    ``figure_context.yaml``). Other words are kept, so "soldiers" and "Ukrainian soldiers" do not match (a
    missed pair rather than a false one), and synonyms ("people", "civilians") never do."""
    cw = context_words()
    dropped = cw.unkeyed_words
    words = _WORD.findall(text.casefold())
    kept = [w for w in words[:-1] if w not in dropped] + words[-1:]
    if len(kept) > 1 and kept[-1] in cw.count_nouns:
        kept = kept[:-1]
    return " ".join(kept[:-1] + [singular(kept[-1])]) if kept else ""


def event_family(event: str) -> str:
    """The event's family from ``figure_events.yaml`` (deaths, injuries, territory, ...), or "" if unknown."""
    return lexicon().event_classes.get(event, "")


def family_named_by(key: str) -> str:
    """The event family (``figure_events.yaml``) an object key names itself ("death" in "449 deaths", "case" in
    "7,400 cases"), or "" when it names none ("resident", "bed")."""
    return _families_by_key().get(key, "")


@lru_cache(maxsize=1)
def _families_by_key() -> dict[str, str]:
    """Each event family of ``figure_events.yaml`` by its :func:`normalise_object` key (the first in order
    where two share one)."""
    families: dict[str, str] = {}
    for family in sorted(set(lexicon().event_classes.values())):
        families.setdefault(normalise_object(family), family)
    return families


def object_key(text: str, event: str) -> str:
    """:func:`normalise_object`, except for an object that says only "people" (``generic_objects``): what
    happened to them says what they are, their event's family ("779 people died": "death", as "779 deaths")
    or else the event itself ("30 million people unemployed": "people (unemployed)"); with no event, or a verb
    that only counts them (``tally_verbs``: "reported 40 people"), none: a figure of "people" alone is not
    paired ("more than 100 people" in a rule on gatherings, "40 million people" living in a state)."""
    key = normalise_object(text)
    cw = context_words()
    if key in cw.count_nouns:
        # "taking the total to 20,319", "the number rose to 500": how it was counted, not what; the count noun
        # alone fits deaths and cases in one article, so it is not paired (the object column keeps it as written)
        return ""
    if key not in cw.generic_objects:
        return key
    family = event_family(event)
    if family:
        return normalise_object(family)
    return f"{key} ({event})" if event and event not in cw.tally_verbs else ""


def words_key(text: str) -> str:
    """A modifier or qualifier as compared: its lowercase words, the last made singular ("Health care" ->
    "health care", "in intensive care units" -> "in intensive care unit"); "" for none."""
    words = _WORD.findall(text.casefold())
    return " ".join(words[:-1] + [singular(words[-1])]) if words else ""


@dataclass(frozen=True)
class Thing:
    """What a figure counts or measures, as two figures are compared (see :func:`thing`)."""

    quantity_kind: str
    unit: str
    object: str
    measure: str
    qualifier: str
    family: str
    scope: str
    modifier: str
    count_family: str = ""


def thing(quantity_kind: str, unit: str, object_text: str, event: str, scope: str, measure: str, modifier: str,
          qualifier: str) -> Thing:
    """A figure's :class:`Thing` from its ``figures`` columns; ``unit`` is its comparison unit
    (:func:`analysis.extraction.figures.checks.common_unit`). The scope ``world`` is left to the places
    (:func:`place_keys`), where it stands for them. Its event family is its event's, else the one its object names
    (:func:`family_named_by`: "449 deaths" are deaths whatever verb tells them)."""
    key = object_key(object_text, event)
    family = event_family(event) or family_named_by(key)
    return Thing(
        quantity_kind=quantity_kind, unit=unit, object=key, measure=measure, qualifier=words_key(qualifier),
        family=family, scope="" if scope == WORLD else scope,
        modifier=words_key(modifier), count_family=family if quantity_kind in FAMILY_COUNTED_KINDS else "",
    )


def same_thing(a: Thing, b: Thing) -> bool:
    """Whether two figures count the same thing: the same :data:`SHARED_PARTS` (a count qualified by a clause
    or phrase, "3 of the participants", "patients with symptoms", is a part and never pairs with the bare
    count, "participants", "patients"; a projection pairs only with a projection, a rate with a rate; residents
    who died never with residents) and, where both give them, the same :data:`KNOWN_PARTS`. A figure with no object key counts nothing that can be
    told, and a threshold or a rate's base (:data:`UNPAIRED_MEASURES`) nothing at all: they pair with none (a measure's own exception is
    :func:`analysis.extraction.figures.checks.figure_consistency`'s)."""
    if not a.object or not b.object or a.measure in UNPAIRED_MEASURES or b.measure in UNPAIRED_MEASURES:
        return False
    if any(getattr(a, part) != getattr(b, part) for part in SHARED_PARTS):
        return False
    return all(not getattr(a, part) or not getattr(b, part) or getattr(a, part) == getattr(b, part)
               for part in KNOWN_PARTS)


def place_key(text: str, actor: str = "", alias_kind: str = "") -> str:
    """A place mention as figures are compared by it: the catalogue's canonical name where the mention is that
    actor's name or alias (:data:`PLACE_ALIAS_KINDS`: "Kiev" and "Kyiv" are one place), else the
    words as written; lowercase, without a leading "the" or a possessive "'s" ("the Valen district's" -> "valen
    district")."""
    name = actor if actor and alias_kind in PLACE_ALIAS_KINDS else text
    words = _WORD.findall(name.casefold().replace("\u2019", "'"))
    if words and words[0] == "the":
        words = words[1:]
    if words and words[-1].endswith("'s"):
        words[-1] = words[-1][:-2]
    return " ".join(words)


def places_near(own: frozenset[str] | set[str], before: frozenset[str] | set[str], scope: str) -> tuple[str, ...]:
    """The places a figure is about, sorted: those its own sentence names, or, when it names none and no word of
    its clause gives its extent (``scope``: "nationwide", "in the state"), those of the sentence before ("Spain,
    which has the second-highest number of cases, is reporting 232,128 cases" is about Spain, not about the United
    States of the sentence before; "Nationwide, at least 19 people have died" is not about the city named
    before)."""
    return tuple(sorted(own if own or scope else before))


def place_keys(places: tuple[str, ...], scope: str, combined: bool) -> tuple[str, ...]:
    """The place keys a figure is compared under: :data:`WORLD` for a figure of world scope; one key of all its
    places joined (:data:`PLACES_JOINED`) for a figure that counts several places together; else each place
    named near it (or none). Within one article two figures that share one of them are compared
    (:func:`same_place`); across articles a figure is paired only under all of them at once
    (:func:`strict_place_key`)."""
    if combined and len(places) > 1:
        return (PLACES_JOINED.join(places),)
    if scope == WORLD:
        return (WORLD,)
    return places


def strict_place_key(keys: tuple[str, ...]) -> tuple[str, ...]:
    """:func:`place_keys` as one key (a tuple of one, or none): all of them joined by :data:`PLACES_NAMED`. A
    figure near which a country and a region of it are named ("In England, 500 died, the UK's ministry said") is
    about one of them and the text does not say which: across articles it pairs only with a figure near which the
    same places are named, never with a figure of either alone."""
    return (PLACES_NAMED.join(keys),) if keys else ()


def same_place(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two figures of one article may be of one place (:func:`place_keys`): they share one, or neither has
    any; the article's own sentences give the context of both."""
    return bool(set(a) & set(b)) if a or b else True


def article_day(as_of: str) -> str:
    """The day a figure counts as two figures of one article compare it: its ``as_of``, with the day of writing
    ("today", "tonight": ``day_words`` with no offset) and no day named both "" (the article's own day)."""
    return "" if context_words().day_words.get(as_of) == 0 else as_of
