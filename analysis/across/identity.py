"""One identity per source across a corpus: the people and organisations that speak or are cited.

Produces the ``sources`` and ``source_outlets`` tables (:class:`analysis.building.schema.Sources`,
:class:`analysis.building.schema.SourceOutlets`) and the links from each article's canonical ``source`` to its
identity, from the ``attributions``, ``people`` and ``documents`` tables of a built corpus (nothing is parsed).
:func:`with_source_ids` puts the identity on any table with ``doc_id`` and ``source`` (attributions, claims,
figures, people).

An article already ties its own short names, misspellings, pronouns and roles to the full name it writes
(:mod:`analysis.extraction.sources.speakers`): "Trump" and "President Trump" in an article that writes "Donald
Trump" have the source "Donald Trump", and "the governor" the governor that article names (its
``speaker_resolution`` is ``role``). What is left is to tie the articles' sources to each other, and names merge
only on evidence, erring towards keeping two names apart (a false merge puts one person's words in another's
mouth; a missed one only splits a count):

* **Persons and organisations never share an identity**, whatever their names (but see the last rule).
* **The catalogue.** A source the actor catalogue knows by its canonical name or an alias (after a title such
  as "President" or an article such as "the") is that actor, named as the catalogue names it, when both are
  persons or both organisations. What the catalogue lists as standing for an actor without being its name (a
  metonym: "White House" or "Pentagon" for a country's government, a capital; a demonym) keeps an identity of
  its own: the White House, the Pentagon and the country are three sources, not one.
* **Full names** (a given name of two letters or more, and a surname) are one person when the first given name
  and the surname are the same name, compared as an article compares them (:mod:`analysis.extraction.sources.names`:
  case, accents and full stops ignored, transliterations such as "Zelensky" / "Zelenskyy" alike, never two
  different given names: "Jane Smith" and "John Smith" are two people). A middle name or initial written by
  some articles only is fine; two different ones ("John A. Smith", "John B. Smith") are two people, and the
  name without one is then any of them (see ambiguous, below). A generational suffix is part of the name:
  "Dara Quill Jr." is not "Dara Quill", and a short name without the suffix ("Quill") is never the Jr.
* **Short names** (a surname alone, after a title or not: "Trump", "President Trump", "Dr. Fauci"; or initials
  and a surname) are the one person of the corpus whose full name has that surname and fits the initials.
  When several do, or when the article's own named people (``mentions``, if given) include another full name
  that fits, the short name is **ambiguous**: an identity of its own in that article only. When none does, the
  short name is one identity across the corpus (the corpus knows that person only by that name).
* **Organisations** are one when their names are the same without a leading article, a possessive ending,
  case, accents or full stops ("the U.N." and "UN"). A description with no capitalised word ("the council",
  "a local aid group") names no body two articles can be shown to share, and gets no identity.
* **A surname the parser took for an organisation.** The small parser labels a bare surname an organisation
  ("Holloway said", where the article names nobody Holloway in full), and the article then types it as one. A
  one-word organisation name (capitalised, letters only, not an acronym) that is the surname of exactly one
  person of the corpus named in full, and no word of an organisation named in two words or more ("Halvern"
  beside "Halvern Foods"), nor of another full name the article writes, is that person (``matched_by``
  ``person_surname``). This is the one rule that crosses the article's type, on the evidence of the name alone:
  a company named after one person of the corpus and never named in full ("Ford" beside only "Gerald Ford") is
  merged wrongly.
* **No identity** (empty ``source_id``): ``anonymous``, ``unresolved``, ``document`` and ``collective``
  sources, which are not the same source from one article to the next ("a senior official", "he", "a new
  report", "experts"), several people named together ("Ana Ruiz and Tom Hale"), a "person" whose name carries a
  digit or is one word in capitals (a code such as "COVID-19" or "H5N1" the parser took for a name), and a
  source that one article types as a person and as an organisation equally often.

Not merged: a person known by two different names (a maiden name, a nickname, "Alexander" / "Oleksandr"),
organisations named differently (an acronym and its expansion, unless the catalogue lists both), and a short
name whose person the corpus names in full nowhere with that surname.

**By block.** No rule reaches beyond a *block* of names: persons by their surname (as the catalogue names the
person when it knows them), with the one-word organisation names that may be such a surname; a catalogued
organisation by its actor; any other organisation by its folded name. :func:`identity_pairs` and
:func:`written_names` derive what each article gives (one row per article and source; the full names it writes),
each row with its block (:func:`block_of`); a block is every pair of one block and the full names that its pairs'
own articles write with its surname. :func:`resolve` resolves any set of whole blocks, and
:func:`identity_tables` counts. Resolving the blocks one by one gives what resolving them all at once gives, so
that a folder build (:mod:`analysis.across.stage`) resolves again only the blocks whose rows changed.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from analysis.building import schema
from analysis.catalogue.actors import Actor, Catalogue
from analysis.extraction.people import NAME_RESOLUTIONS
from analysis.extraction.sources.names import (
    MIN_TRANSLITERATED_LENGTH,
    NAME_SUFFIXES,
    PersonName,
    fold,
    given_names_compatible,
    parse_name,
    strip_title,
    transliteration_key,
)

#: The ``attributions`` columns :func:`source_identities` reads; :func:`source_links` needs only the first three.
IDENTITY_ATTRIBUTION_COLUMNS = ["doc_id", "source", "source_type", "speaker", "speaker_resolution", "name_variant"]
#: The ``people`` columns :func:`source_identities` reads (the gender each article states).
PEOPLE_COLUMNS = ["doc_id", "source", "gender"]
#: The ``documents`` columns :func:`source_identities` reads (the outlet of each article).
IDENTITY_DOCUMENT_COLUMNS = ["doc_id", "outlet"]
#: The ``mentions`` columns read, when given, for the full names each article writes.
IDENTITY_MENTION_COLUMNS = ["doc_id", "text", "label"]

#: ``source_type`` values of a person, and of an organisation (a catalogued place speaks as its government).
PERSON_TYPES = frozenset({"person"})
ORGANISATION_TYPES = frozenset({"government", "military", "institution", "media"})
#: Classes of identity: a person and an organisation are never one.
PERSON, ORGANISATION = "person", "organisation"
#: How a link ties an article's source to its identity (the ``matched_by`` column of the links): the catalogue,
#: the full name (or an organisation's name), a short name to the one full name with its surname, a short name
#: no full name explains, a short name that may be any of several people, a one-word name the article typed as
#: an organisation that is the surname of the one person of the corpus with it, or nothing.
MATCHES = ("catalogue", "name", "surname", "short_name", "ambiguous", "person_surname", "")
#: The columns of the links (:func:`source_links`).
LINK_COLUMNS = ["doc_id", "source", "source_class", "source_id", "matched_by"]
#: What each article gives the identities, one row per (doc_id, source) (:func:`identity_pairs`): the class most
#: of its rows give, its block (:func:`block_of`), and what its rows of a person's or organisation's type
#: add up to: how many, their types (``type:count`` joined by :data:`FIELD_SEPARATOR`), the ways they write the
#: name and the genders the article states (both joined by :data:`FIELD_SEPARATOR`), and the article's outlet.
PAIR_COLUMNS = ["doc_id", "source", "source_class", "block", "attributions", "types", "variants", "genders", "outlet"]
#: The full names each article writes, one row per (doc_id, text), with the block of their surname
#: (:func:`written_names`).
WRITTEN_COLUMNS = ["doc_id", "text", "block"]
#: Separator of the ``variants`` column.
VARIANT_SEPARATOR = " | "
#: Separator of the values kept in one field of :data:`PAIR_COLUMNS`.
FIELD_SEPARATOR = "\x1f"
#: How a catalogue writes an actor (:data:`analysis.catalogue.actors.ALIAS_KINDS`) that is the actor itself: its
#: name and the aliases of that name; a metonym or a demonym names another body, a place or a people.
CATALOGUE_MERGES = frozenset({"name", "alias"})
#: Words before an organisation's name that are no part of it.
ARTICLES = frozenset({"the", "a", "an"})
#: Characters of the hexadecimal digest that make a ``source_id``.
ID_LENGTH = 12
#: The block's prefix of a person's surname (and of a one-word organisation name that may be one), of a
#: catalogued organisation, and of any other organisation's name.
PERSON_BLOCK, ACTOR_BLOCK, BODY_BLOCK = "p:", "a:", "o:"

_SEVERAL_PEOPLE = re.compile(r"\s(?:and|&)\s|;", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['\u2019]s?$")


@dataclass(frozen=True)
class SourceIdentities:
    """The corpus's sources (one row per identity), their counts per outlet, and the links from each article's
    canonical ``source`` (``doc_id``, ``source``) to a ``source_id`` (empty: no identity) and how it was made
    (``matched_by``: :data:`MATCHES`)."""

    sources: pd.DataFrame
    source_outlets: pd.DataFrame
    links: pd.DataFrame


@dataclass(frozen=True)
class _Identity:
    """An identity's key (what its ``source_id`` hashes) and what it rests on (the ``basis`` column)."""

    key: tuple[str, ...]
    cls: str
    basis: str
    actor: Actor | None = None

    @property
    def source_id(self) -> str:
        return _source_id(self.key)


@dataclass(frozen=True)
class Identity:
    """What the tables need of an identity once resolved: its class, its basis and its catalogue actor's id
    (empty when none). Plain values, so that a build can keep a block's identities between runs."""

    cls: str
    basis: str
    actor_id: str = ""


@dataclass(frozen=True)
class Resolved:
    """The links of some pairs (``source_class``, ``source_id``, ``matched_by`` of each, in the pairs' order)
    and the identities they link to, by ``source_id``."""

    links: list[tuple[str, str, str]]
    identities: dict[str, Identity]


#: How many distinct names (or keys) the helpers below keep what they worked out for, per process: the same names
#: recur through a corpus and through every block resolved again.
NAMES_KEPT = 65_536


@lru_cache(maxsize=NAMES_KEPT)
def _source_id(key: tuple[str, ...]) -> str:
    return hashlib.sha256("\x1f".join(key).encode("utf-8")).hexdigest()[:ID_LENGTH]


def source_class(source_type: str) -> str:
    """Whether a source type is a person's, an organisation's, or neither (no identity)."""
    return PERSON if source_type in PERSON_TYPES else ORGANISATION if source_type in ORGANISATION_TYPES else ""


@lru_cache(maxsize=NAMES_KEPT)
def _surname_key(name: PersonName) -> str:
    # a short surname is compared as spelt: "Lee" and "Le" share a transliteration key, not a person
    if len(name.surname) < MIN_TRANSLITERATED_LENGTH:
        return "=" + name.surname
    return transliteration_key(name.surname)


def _full(name: PersonName) -> bool:
    """A full name: a surname and a first given name of two letters or more (not an initial)."""
    return bool(name.surname) and bool(name.given) and len(name.given[0]) > 1


@lru_cache(maxsize=NAMES_KEPT)
def generation(written: str) -> str:
    """The generational suffix a written name ends with, folded ("Dara Quill Jr." -> "jr"; "III" -> "iii"),
    or empty. :func:`~analysis.extraction.sources.names.parse_name` drops it; a father and a son share the rest."""
    words = written.replace(",", " ").split()
    found = []
    while len(words) > 1 and fold(words[-1]) in NAME_SUFFIXES:
        found.append(fold(words.pop()))
    return "+".join(reversed(found))


def _person_key(name: PersonName, suffix: str, *, middle: bool = False) -> tuple[str, ...]:
    given = name.given if middle else name.given[:1]
    key = (PERSON, *(transliteration_key(g) if len(g) > 1 else g for g in given), _surname_key(name))
    # the suffix after a marker no name word can fold to, so that no name without one shares the key
    return (*key, "+" + suffix) if suffix else key


def _surname_alone(name: str) -> bool:
    """A name of one capitalised word of letters, not an acronym ("Holloway", not "NATO" or "3M"): what may be
    a person's surname that the article typed as an organisation."""
    return " " not in name and name[:1].isupper() and not name.isupper() and name.replace("-", "").replace("'", "").isalpha()


def _is_code(source: str) -> bool:
    """A name that is a code, not a person's: a word with a digit ("COVID-19", "H5N1") or one word of capitals
    ("MERS")."""
    words = source.split()
    return any(c.isdigit() for c in source) or (
        len(words) == 1 and sum(c.isalpha() for c in source) > 1 and source.isupper() and "." not in source)


def _names_one_person(source: str) -> bool:
    """A person source that is one person's name: a capitalised word, not several people joined, not a code."""
    return any(w[:1].isupper() for w in source.split()) and not _SEVERAL_PEOPLE.search(source) and not _is_code(source)


@lru_cache(maxsize=NAMES_KEPT)
def body_name(source: str) -> str:
    """An organisation's name as written, without a leading article or a possessive ending ("the Harbour
    Council's" -> "Harbour Council"); empty when no word is capitalised (a description: "the council")."""
    words = source.split()
    while len(words) > 1 and words[0].lower() in ARTICLES:
        words = words[1:]
    if words:
        words[-1] = _POSSESSIVE.sub("", words[-1]) or words[-1]
    return " ".join(words) if any(w[:1].isupper() or w[:1].isdigit() for w in words) else ""


@lru_cache(maxsize=NAMES_KEPT)
def _body_key(name: str) -> tuple[str, ...]:
    return (ORGANISATION, " ".join(f for w in name.split() if (f := fold(w))))


def _catalogued(source: str, cls: str, catalogue: Catalogue | None) -> Actor | None:
    """The catalogue's actor of the class that ``source`` names (as written, without a title, or without an
    article), or None. Only the actor's name and its aliases (ways of writing that name) merge; a metonym (a
    capital, a building or a body that stands for it: "White House" for a country) or a demonym never does."""
    if catalogue is None:
        return None
    for form in dict.fromkeys((source, strip_title(source), body_name(source))):
        hit = catalogue.lookup(form) if form else None
        if hit is None or (hit[0].type == "person") != (cls == PERSON):
            continue
        if hit[1] in CATALOGUE_MERGES:
            return hit[0]
    return None


def _article_identity(doc_id: str, cls: str, source: str) -> _Identity:
    """An identity of a name in one article only: a short name that may be any of several people."""
    return _Identity(("article", doc_id, cls, " ".join(fold(w) for w in source.split())), cls, "ambiguous short name")


def block_of(source: str, cls: str, catalogue: Catalogue | None) -> str:
    """The block of an article's source of class ``cls``: the names no rule reaches beyond (the module's
    docstring); empty when it can have no identity.

    Persons are resolved against the full names of their surname only (the corpus's, and those their own article
    writes), and a one-word organisation name against the persons of the surname it may be, so a person's block
    is a surname's. Catalogued organisations resolve to their actor, and others by their own name: a block each."""
    if cls == PERSON:
        if not _names_one_person(source):
            return ""
        actor = _catalogued(source, PERSON, catalogue)
        return PERSON_BLOCK + _surname_key(parse_name(actor.name if actor is not None else source))
    if cls != ORGANISATION:
        return ""
    actor = _catalogued(source, ORGANISATION, catalogue)
    if actor is not None:
        return ACTOR_BLOCK + actor.id
    name = body_name(source)
    if not name:
        return ""
    if _surname_alone(name):
        # it may be the surname of a person of the corpus: resolved with the persons of that surname
        return PERSON_BLOCK + _surname_key(parse_name(name, frozenset()))
    return BODY_BLOCK + _body_key(name)[1]


#: Names of persons parsed, by written form: the same few names recur through a corpus.
_parsed = lru_cache(maxsize=NAMES_KEPT)(parse_name)


class _People:
    """The person sources of the corpus and the identities of their full names, so that each short name is
    tested against the few full names with its surname."""

    def __init__(self, sources: Iterable[str], catalogue: Catalogue | None):
        self.parsed: dict[str, PersonName] = {}
        self.suffix: dict[str, str] = {}
        self.actors: dict[str, Actor] = {}
        self._by_id: dict[str, Actor] = {}
        # full names by (first given name, surname, suffix) key: the group's (source, parsed, actor id)s
        groups: dict[tuple[str, ...], list[tuple[str, PersonName, str]]] = defaultdict(list)
        for source in sources:
            actor = _catalogued(source, PERSON, catalogue)
            if actor is not None:
                self.actors[source] = actor
                self._by_id[actor.id] = actor
            written = actor.name if actor is not None else source
            name = self.parsed[source] = _parsed(written)
            suffix = self.suffix[source] = generation(written)
            if _full(name):
                groups[_person_key(name, suffix)].append((source, name, actor.id if actor is not None else ""))
        #: the identity of each full-name source; the surname key's identities, their members' names, and suffix
        self.full: dict[str, _Identity] = {}
        self.by_surname: dict[str, dict[_Identity, list[PersonName]]] = defaultdict(lambda: defaultdict(list))
        self.suffix_of: dict[_Identity, str] = {}
        self.ambiguous_full: set[str] = set()
        for key in sorted(groups):
            self._group(key, groups[key])

    def _group(self, key: tuple[str, ...], members: list[tuple[str, PersonName, str]]) -> None:
        actors = sorted({a for _, _, a in members if a})
        names = [name for _, name, _ in members]
        one = len(actors) <= 1 and all(given_names_compatible(a, b) for a in names for b in names)
        for source, name, actor in members:
            suffix = self.suffix[source]
            if one:
                identity = self._actor_identity(actors[0]) if actors else _Identity(key, PERSON, "full name")
            elif actor:
                identity = self._actor_identity(actor)
            elif len(name.given) > 1:
                identity = _Identity(_person_key(name, suffix, middle=True), PERSON, "full name")
            else:
                # "John Smith" beside "John A. Smith" and "John B. Smith": any of them
                self.ambiguous_full.add(source)
                continue
            self.full[source] = identity
            self.by_surname[_surname_key(name)][identity].append(name)
            self.suffix_of[identity] = suffix

    def _actor_identity(self, actor_id: str) -> _Identity:
        return _Identity(("actor", actor_id), PERSON, "catalogue", self._by_id[actor_id])

    def identity(self, doc_id: str, source: str, written: Mapping[str, Mapping[str, list[tuple[PersonName, str]]]]
                 ) -> tuple[_Identity, str]:
        """The identity of a person source of an article and how it was found (:data:`MATCHES`); ``written``
        holds the full names each article writes (by doc_id, then surname key, with their suffix), which a
        short name must not also fit."""
        if source in self.ambiguous_full:
            return _article_identity(doc_id, PERSON, source), "ambiguous"
        if source in self.full:
            identity = self.full[source]
            return identity, "catalogue" if source in self.actors else "name"
        if source in self.actors:  # a catalogued person known by one word ("Madonna")
            return self._actor_identity(self.actors[source].id), "catalogue"
        name, suffix = self.parsed[source], self.suffix[source]
        found = self._one(doc_id, name, suffix, written)
        if found is not None:
            return found, "surname"
        fitting, own = self._fitting(doc_id, name, suffix, written)
        if not fitting and not own:
            key = (PERSON, *name.given, "", _surname_key(name), *(("+" + suffix,) if suffix else ()))
            return _Identity(key, PERSON, "short name only"), "short_name"
        return _article_identity(doc_id, PERSON, source), "ambiguous"

    def _fitting(self, doc_id: str, name: PersonName, suffix: str,
                 written: Mapping[str, Mapping[str, list[tuple[PersonName, str]]]]
                 ) -> tuple[list[_Identity], set[tuple[str, ...]]]:
        """The full-name identities of the corpus a short name fits (surname, initials and suffix: "Quill" is
        not "Dara Quill Jr."), and the keys of the full names its own article writes that it may stand for
        (whatever their suffix: there, "Quill" may be the Jr)."""
        surname = _surname_key(name)
        fitting = [i for i, names in self.by_surname.get(surname, {}).items()
                   if self.suffix_of[i] == suffix and all(given_names_compatible(name, n) for n in names)]
        own = {_person_key(n, s) for n, s in written.get(doc_id, {}).get(surname, ()) if given_names_compatible(name, n)}
        return fitting, own

    def _one(self, doc_id: str, name: PersonName, suffix: str,
             written: Mapping[str, Mapping[str, list[tuple[PersonName, str]]]]) -> _Identity | None:
        """The one full-name identity a short name fits, when its article writes no other full name it fits."""
        fitting, own = self._fitting(doc_id, name, suffix, written)
        if len(fitting) == 1 and own <= {_person_key(n, suffix) for n in self.by_surname[_surname_key(name)][fitting[0]]}:
            return fitting[0]
        return None

    def person_of_surname(self, doc_id: str, word: str,
                          written: Mapping[str, Mapping[str, list[tuple[PersonName, str]]]]) -> _Identity | None:
        """The one person of the corpus whose full name has the surname ``word``, when the article writes no
        other full name with it; else None."""
        return self._one(doc_id, _parsed(word, frozenset()), "", written)


def _values(table: pd.DataFrame, column: str) -> list[str]:
    """A column as a list of plain strings, missing values empty (iterating a list, not a pyarrow-backed
    Series, keeps the loops over a corpus's rows fast). A column of text holds strings already: only its
    missing values are replaced (converting it to objects and back to text cost three passes through pandas)."""
    values = table[column]
    if isinstance(values.dtype, pd.StringDtype):
        texts = values.tolist()
        return [(value if isinstance(value, str) else "") for value in texts] if values.hasnans else texts
    if values.dtype == object:
        # objects that are all strings already (the links' columns): as they are
        texts = values.tolist()
        if all(type(value) is str for value in texts):
            return texts
    return values.astype(object).fillna("").astype(str).tolist()


@dataclass
class _PairTally:
    """What one article's rows of one source add up to (:func:`identity_pairs`)."""

    classes: Counter = field(default_factory=Counter)
    types: Counter = field(default_factory=Counter)
    variants: set = field(default_factory=set)
    genders: set = field(default_factory=set)


def identity_pairs(
    attributions: pd.DataFrame, people: pd.DataFrame, documents: pd.DataFrame, catalogue: Catalogue | None = None
) -> pd.DataFrame:
    """What each article gives the identities (:data:`PAIR_COLUMNS`): one row per distinct (doc_id, source) of
    ``attributions`` with a non-empty source, sorted by both. Its class is the one most of its rows give among
    person and organisation (empty when none does, or both equally often); its counts are those of its rows
    of a person's or organisation's type (an unnamed member of a named body, ``anonymous``, counts for nobody).
    Each article's rows depend on that article alone."""
    pairs: dict[tuple[str, str], _PairTally] = {}
    for doc_id, source, source_type, speaker, resolution, variant in zip(
        *(_values(attributions, c) for c in IDENTITY_ATTRIBUTION_COLUMNS)
    ):
        if not source:
            continue
        tally = pairs.get((doc_id, source))
        if tally is None:
            tally = pairs[(doc_id, source)] = _PairTally()
        cls = source_class(source_type)
        tally.classes[cls] += 1
        if cls:
            tally.types[source_type] += 1
            # the speaker as written is a variant where it was tied to the source by name (not "he", "the governor")
            tally.variants.update(w for w in (source, speaker if resolution in NAME_RESOLUTIONS else "", variant) if w)
    for doc_id, source, gender in zip(*(_values(people, c) for c in PEOPLE_COLUMNS)):
        if (doc_id, source) in pairs:
            pairs[(doc_id, source)].genders.add(gender)
    outlets = dict(zip(_values(documents, "doc_id"), _values(documents, "outlet")))
    blocks: dict[tuple[str, str], str] = {}
    records = []
    for (doc_id, source), tally in sorted(pairs.items()):
        person, organisation = tally.classes[PERSON], tally.classes[ORGANISATION]
        cls = PERSON if person > organisation else ORGANISATION if organisation > person else ""
        if (source, cls) not in blocks:
            blocks[(source, cls)] = block_of(source, cls, catalogue)
        records.append((
            doc_id, source, cls, blocks[(source, cls)], sum(tally.types.values()),
            FIELD_SEPARATOR.join(f"{t}:{n}" for t, n in sorted(tally.types.items())),
            FIELD_SEPARATOR.join(sorted(tally.variants)), FIELD_SEPARATOR.join(sorted(tally.genders)),
            outlets.get(doc_id, ""),
        ))
    frame = pd.DataFrame.from_records(records, columns=PAIR_COLUMNS)
    return frame.astype({c: object for c in PAIR_COLUMNS if c != "attributions"}).astype({"attributions": "int64"})


def written_names(mentions: pd.DataFrame | None) -> pd.DataFrame:
    """The full names of people each article writes (``PERSON`` mentions of a given name and a surname), one row
    per (doc_id, text) in the order first written, with the block of their surname (:data:`WRITTEN_COLUMNS`)."""
    records = []
    if mentions is not None and len(mentions):
        people = mentions[mentions["label"] == "PERSON"]
        for doc_id, text in dict.fromkeys(zip(_values(people, "doc_id"), _values(people, "text"))):
            name = _parsed(text)
            if _full(name):
                records.append((doc_id, text, PERSON_BLOCK + _surname_key(name)))
    return pd.DataFrame.from_records(records, columns=WRITTEN_COLUMNS).astype(object)


def _body_words(pairs: pd.DataFrame) -> set[str]:
    """The words of the corpus's organisations named in two words or more: a one-word name among them
    ("Halvern" beside "Halvern Foods") is no person's surname."""
    organisations = set(pairs.loc[pairs["source_class"] == ORGANISATION, "source"].tolist())
    return {fold(w) for s in organisations if len((name := body_name(s)).split()) > 1 for w in name.split()}


def in_body_names(pairs: pd.DataFrame) -> list[bool]:
    """For each pair, whether it is a one-word organisation name (in a person's block) that is a word of an
    organisation of the corpus named in two words or more (:func:`_body_words`): then no person's surname."""
    words = _body_words(pairs)
    found = np.zeros(len(pairs), dtype=bool)
    # only an organisation's name in a person's block may be one: the others are not gone over one by one
    candidates = np.flatnonzero(((pairs["source_class"] == ORGANISATION) & pairs["block"].str.startswith(PERSON_BLOCK))
                                .to_numpy(dtype=bool))
    found[candidates] = [fold(body_name(source)) in words for source in pairs["source"].to_numpy(dtype=object)[candidates]]
    return found.tolist()


def resolve(
    rows: Sequence[tuple[str, str, str, str, bool]], written: Iterable[tuple[str, str]], catalogue: Catalogue | None
) -> Resolved:
    """The links of ``rows`` (doc_id, source, source_class, block, in_body; whole blocks (:func:`block_of`),
    or every pair) given the full names their articles write (``written``: doc_id, text). Rules: the module's
    docstring."""
    people = _People(sorted({source for _, source, cls, block, _ in rows if cls == PERSON and block}), catalogue)
    by_doc: dict[str, dict[str, list[tuple[PersonName, str]]]] = defaultdict(lambda: defaultdict(list))
    for doc_id, text in written:
        name = _parsed(text)
        by_doc[doc_id][_surname_key(name)].append((name, generation(text)))
    identities: dict[str, Identity] = {}
    links = []
    for doc_id, source, cls, block, in_body in rows:
        found: tuple[_Identity | None, str] = (None, "")
        if not block:
            pass
        elif cls == PERSON:
            found = people.identity(doc_id, source, by_doc)
        elif block.startswith(ACTOR_BLOCK):
            actor = catalogue.get(block[len(ACTOR_BLOCK):]) if catalogue is not None else None
            if actor is not None:
                found = _Identity(("actor", actor.id), ORGANISATION, "catalogue", actor), "catalogue"
        else:
            name = body_name(source)
            person = people.person_of_surname(doc_id, name, by_doc) if (
                block.startswith(PERSON_BLOCK) and not in_body) else None
            found = (person, "person_surname") if person is not None else (
                _Identity(_body_key(name), ORGANISATION, "organisation name"), "name")
        identity, how = found
        if identity is None:
            links.append(("", "", ""))
            continue
        identities.setdefault(identity.source_id, Identity(identity.cls, identity.basis,
                                                           identity.actor.id if identity.actor is not None else ""))
        links.append((identity.cls, identity.source_id, how))
    return Resolved(links, identities)


def _rows(pairs: pd.DataFrame, in_body: Sequence[bool]) -> list[tuple[str, str, str, str, bool]]:
    return list(zip(*(pairs[c].tolist() for c in ("doc_id", "source", "source_class", "block")), in_body))


def links_frame(pairs: pd.DataFrame, links: Sequence[tuple[str, str, str]]) -> pd.DataFrame:
    """The links (:data:`LINK_COLUMNS`) of ``pairs`` from what :func:`resolve` gave each."""
    classes, ids, matched = (list(c) for c in zip(*links)) if len(links) else ([], [], [])
    return pd.DataFrame({"doc_id": pairs["doc_id"].tolist(), "source": pairs["source"].tolist(),
                         "source_class": classes, "source_id": ids, "matched_by": matched}, dtype=object)


def _resolve_whole(pairs: pd.DataFrame, written: pd.DataFrame, catalogue: Catalogue | None) -> Resolved:
    """Every pair resolved at once (what resolving the blocks one by one must give)."""
    return resolve(_rows(pairs, in_body_names(pairs)), zip(written["doc_id"].tolist(), written["text"].tolist()), catalogue)


def source_links(
    attributions: pd.DataFrame, *, catalogue: Catalogue | None = None, mentions: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Each distinct (``doc_id``, ``source``) of ``attributions`` with the class of its identity (``person``,
    ``organisation``), its ``source_id`` and how it was matched (``matched_by``: :data:`MATCHES`), all three
    empty where it has none; sorted by doc_id and source. Reads only ``doc_id``, ``source`` and
    ``source_type`` (and of ``mentions``, :data:`IDENTITY_MENTION_COLUMNS`). Rules: the module's docstring."""
    rows = attributions.assign(**{c: "" for c in IDENTITY_ATTRIBUTION_COLUMNS if c not in attributions.columns})
    pairs = identity_pairs(rows, pd.DataFrame(columns=PEOPLE_COLUMNS), pd.DataFrame(columns=IDENTITY_DOCUMENT_COLUMNS),
                           catalogue)
    return links_frame(pairs, _resolve_whole(pairs, written_names(mentions), catalogue).links)


#: How many times the table's rows the links may be before :func:`with_source_ids` keeps only the table's own.
LOOKUP_MARGIN = 4


def with_source_ids(table: pd.DataFrame, links: pd.DataFrame, *, matched_by: bool = False) -> pd.DataFrame:
    """``table`` (any table with ``doc_id`` and ``source``: attributions, claims, figures, people) with a
    ``source_id`` column at the end (or in its place, where the table has one), rows and their order unchanged:
    the identity of the row's source in its article, empty where it has none. Where the table has a
    ``source_type``, a row of a type that gets no identity has none either, whatever its source: an unnamed
    member of a named body ("one of them" after "the ministry", ``anonymous``). With ``matched_by``, also a
    ``matched_by`` column (of ``links``, object dtype): how that identity was found, empty where there is none."""
    if len(links) > LOOKUP_MARGIN * len(table):
        # the links of the table's own (doc_id, source) only: lookups over every link of a corpus cost more than
        # the rows looked up (a few thousand reused quotations against every link of 10,000 articles)
        links = links[pd.MultiIndex.from_arrays([links["doc_id"], links["source"]]).isin(
            pd.MultiIndex.from_arrays([table["doc_id"], table["source"]]))]
    keys = list(zip(_values(links, "doc_id"), _values(links, "source")))
    ids = dict(zip(keys, _values(links, "source_id")))
    rows = list(zip(_values(table, "doc_id"), _values(table, "source")))
    found = [ids.get(k, "") for k in rows]
    if "source_type" in table.columns:
        found = [i if source_class(t) else "" for i, t in zip(found, _values(table, "source_type"))]
    table = table.assign(source_id=pd.Series(found, index=table.index, dtype="string[pyarrow]"))
    if not matched_by:
        return table
    how = dict(zip(keys, links["matched_by"].tolist()))
    return table.assign(matched_by=[how.get(k, "") if i else "" for k, i in zip(rows, found)])


def well_cased(name: str, *, person: bool) -> bool:
    """Whether a name is written in the case a newsroom writes it: no word with a slip of the shift key ("MIke
    Pence"), and for a person no word of a name in capitals ("PENCE"; initials with full stops are fine)."""
    for word in name.split():
        letters = [c for c in word if c.isalpha()]
        if len(letters) > 2 and letters[0].isupper() and letters[1].isupper() and word[1].isalpha() and any(
                c.islower() for c in letters[2:]) and sum(c.isupper() for c in letters) == 2:
            return False
        if person and len(letters) > 1 and "." not in word and all(c.isupper() for c in letters):
            return False
    return True


def _name(identity: Identity, actor: Actor | None, sources: Counter) -> str:
    """The identity's name: the catalogue's; else, of the sources it links, written in the case a newsroom writes
    it before a slip of case ("Mike Pence" before "MIke Pence", :func:`well_cased`), then the most fully written
    (most name parts, without a title) for a person, the most often written (without a leading article) for an
    organisation, then the most attributed, then in alphabetical order."""
    if actor is not None:
        return actor.name
    person = identity.cls == PERSON
    written: Counter = Counter()
    for source, count in sources.items():
        written[strip_title(source) if person else body_name(source)] += count
    parts = {s: _parsed(s).parts if person else 0 for s in written}
    return min(written, key=lambda s: (not well_cased(s, person=person), -parts[s], -written[s], s.casefold(), s))


@dataclass
class _Tally:
    """What the rows of one identity add up to."""

    articles: int = 0
    outlets: int = 0
    attributions: int = 0
    sources: Counter = field(default_factory=Counter)
    types: Counter = field(default_factory=Counter)
    variants: set = field(default_factory=set)
    genders: set = field(default_factory=set)

    def variants_text(self) -> str:
        """Every way the articles write the name, sorted, :data:`VARIANT_SEPARATOR`-joined."""
        return VARIANT_SEPARATOR.join(sorted(self.variants, key=lambda s: (s.casefold(), s)))


def _gender(genders: Iterable[str]) -> str:
    """The gender the articles state: the one stated, or ``unknown`` when none is stated or they conflict."""
    stated = set(genders) - {"unknown", ""}
    return stated.pop() if len(stated) == 1 else "unknown"


def _split(joined: str) -> list[str]:
    return joined.split(FIELD_SEPARATOR) if joined else []


def _tallies(pairs: pd.DataFrame, links: pd.DataFrame) -> tuple[dict[str, _Tally], pd.DataFrame]:
    """What the pairs of each identity add up to, and the articles and attributions of each identity in each
    outlet (``source_id``, ``outlet``, ``articles``, ``attributions``). Counted by pandas over the linked pairs;
    Python only goes over the distinct values of a column within an identity (its names, types, variants, genders),
    never over every pair."""
    ids = links["source_id"].to_numpy(dtype=object)
    named = ids != ""
    # the pairs' columns as they are typed (no Python string per value), with their identity
    frame = pairs.loc[named, ["doc_id", "source", "types", "variants", "genders", "outlet", "attributions"]].assign(
        source_id=ids[named])
    tallies: dict[str, _Tally] = defaultdict(_Tally)
    counted = frame.groupby("source_id", sort=False).agg(articles=("doc_id", "nunique"), attributions=("attributions", "sum"))
    for source_id, articles, attributions in zip(counted.index.tolist(), *(counted[c].tolist() for c in counted.columns)):
        tally = tallies[source_id]
        tally.articles, tally.attributions = articles, attributions
    published = frame[frame["outlet"] != ""]
    for source_id, outlets in published.groupby("source_id", sort=False)["outlet"].nunique().items():
        tallies[source_id].outlets = outlets
    for (source_id, source), count in frame.groupby(["source_id", "source"], sort=False)["attributions"].sum().items():
        tallies[source_id].sources[source] += int(count)
    for (source_id, types), repeats in frame.groupby(["source_id", "types"], sort=False).size().items():
        for typed in _split(types):
            kind, _, n = typed.rpartition(":")
            tallies[source_id].types[kind] += int(n) * int(repeats)
    for column in ("variants", "genders"):
        for source_id, joined in frame[["source_id", column]].drop_duplicates().itertuples(index=False):
            getattr(tallies[source_id], column).update(_split(joined))
    per_outlet = frame.groupby(["source_id", "outlet"], sort=False).agg(
        articles=("doc_id", "nunique"), attributions=("attributions", "sum")).reset_index()
    return tallies, per_outlet


def identity_tables(
    pairs: pd.DataFrame, links: pd.DataFrame, identities: Mapping[str, Identity], catalogue: Catalogue | None
) -> SourceIdentities:
    """The ``sources`` and ``source_outlets`` tables of ``pairs`` (:func:`identity_pairs`) and their ``links``
    (:func:`links_frame`, in the same order)."""
    tallies, per_outlet = _tallies(pairs, links)
    records = []
    for source_id in sorted(tallies):
        identity, tally = identities[source_id], tallies[source_id]
        actor = catalogue.get(identity.actor_id) if identity.actor_id and catalogue is not None else None
        if identity.cls == PERSON:
            source_type = "person"
        elif actor is not None:
            source_type = "government" if actor.type == "place" else actor.type
        else:
            source_type = min(tally.types, key=lambda t: (-tally.types[t], t))
        records.append((
            source_id, _name(identity, actor, tally.sources), tally.variants_text(), source_type,
            _gender(tally.genders) if identity.cls == PERSON else "", tally.articles, tally.attributions,
            tally.outlets, identity.basis,
        ))
    sources = pd.DataFrame.from_records(records, columns=schema.columns("sources"))
    sources = sources.sort_values(["attributions", "articles", "name", "source_id"], ascending=[False, False, True, True],
                                  kind="stable").reset_index(drop=True)
    order = {s: n for n, s in enumerate(sources["source_id"])}
    counts = sorted(zip([order[i] for i in per_outlet["source_id"].tolist()], per_outlet["outlet"].tolist(),
                        per_outlet["articles"].tolist(), per_outlet["attributions"].tolist(), per_outlet["source_id"].tolist()))
    source_outlets = pd.DataFrame.from_records([(i, o, a, n) for _, o, a, n, i in counts],
                                               columns=schema.columns("source_outlets"))
    return SourceIdentities(
        sources=schema.validate("sources", sources),
        source_outlets=schema.validate("source_outlets", source_outlets),
        links=links,
    )


def source_identities(
    attributions: pd.DataFrame,
    people: pd.DataFrame,
    documents: pd.DataFrame,
    catalogue: Catalogue | None = None,
    *,
    mentions: pd.DataFrame | None = None,
) -> SourceIdentities:
    """One identity per person or organisation that speaks or is cited in the corpus, with the links from each
    article's canonical ``source`` to it (rules: the module's docstring), every name resolved at once.

    Args:
        attributions: the ``attributions`` table (:data:`IDENTITY_ATTRIBUTION_COLUMNS`).
        people: the ``people`` table (:data:`PEOPLE_COLUMNS`): the gender each article states of a person.
        documents: the ``documents`` table (:data:`IDENTITY_DOCUMENT_COLUMNS`): each article's outlet.
        catalogue: the actor catalogue the corpus was built with: its canonical names and aliases.
        mentions: the ``mentions`` table (:data:`IDENTITY_MENTION_COLUMNS`), optional: the full names each
            article writes, which keep a short name from being tied to a person the article does not mean.

    Pure and deterministic: the same rows in any order give the same tables; a ``source_id`` is a hash of the
    identity's key (the catalogue's id, or the folded name), never of its position.
    """
    pairs = identity_pairs(attributions, people, documents, catalogue)
    resolved = _resolve_whole(pairs, written_names(mentions), catalogue)
    return identity_tables(pairs, links_frame(pairs, resolved.links), resolved.identities, catalogue)
