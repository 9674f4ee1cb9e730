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
* **The catalogue.** A source the actor catalogue knows (its canonical name or an alias, after a title such
  as "President" or an article such as "the") is that actor, named as the catalogue names it.
* **Full names** (a given name of two letters or more, and a surname) are one person when the first given name
  and the surname are the same name, compared as an article compares them (:mod:`analysis.extraction.sources.names`:
  case, accents and full stops ignored, transliterations such as "Zelensky" / "Zelenskyy" alike, never two
  different given names: "Jane Smith" and "John Smith" are two people). A middle name or initial written by
  some articles only is fine; two different ones ("John A. Smith", "John B. Smith") are two people, and the
  name without one is then any of them (see ambiguous, below).
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
  report", "experts"), several people named together ("Ana Ruiz and Tom Hale"), and a source that one article
  types as a person and as an organisation equally often.

Not merged: a person known by two different names (a maiden name, a nickname, "Alexander" / "Oleksandr"),
organisations named differently (an acronym and its expansion, unless the catalogue lists both), and a short
name whose person the corpus names in full nowhere with that surname.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterable, Mapping

import pandas as pd

from analysis.building import schema
from analysis.catalogue.actors import Actor, Catalogue
from analysis.extraction.people import NAME_RESOLUTIONS
from analysis.extraction.sources.names import (
    MIN_TRANSLITERATED_LENGTH,
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
#: Separator of the ``variants`` column.
VARIANT_SEPARATOR = " | "
#: Words before an organisation's name that are no part of it.
ARTICLES = frozenset({"the", "a", "an"})
#: Characters of the hexadecimal digest that make a ``source_id``.
ID_LENGTH = 12

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

    @cached_property
    def source_id(self) -> str:
        return hashlib.sha256("\x1f".join(self.key).encode("utf-8")).hexdigest()[:ID_LENGTH]


def source_class(source_type: str) -> str:
    """Whether a source type is a person's, an organisation's, or neither (no identity)."""
    return PERSON if source_type in PERSON_TYPES else ORGANISATION if source_type in ORGANISATION_TYPES else ""


def _surname_key(name: PersonName) -> str:
    # a short surname is compared as spelt: "Lee" and "Le" share a transliteration key, not a person
    if len(name.surname) < MIN_TRANSLITERATED_LENGTH:
        return "=" + name.surname
    return transliteration_key(name.surname)


def _full(name: PersonName) -> bool:
    """A full name: a surname and a first given name of two letters or more (not an initial)."""
    return bool(name.surname) and bool(name.given) and len(name.given[0]) > 1


def _person_key(name: PersonName, *, middle: bool = False) -> tuple[str, ...]:
    given = name.given if middle else name.given[:1]
    return (PERSON, *(transliteration_key(g) if len(g) > 1 else g for g in given), _surname_key(name))


def _surname_alone(name: str) -> bool:
    """A name of one capitalised word of letters, not an acronym ("Holloway", not "NATO" or "3M"): what may be
    a person's surname that the article typed as an organisation."""
    return " " not in name and name[:1].isupper() and not name.isupper() and name.replace("-", "").replace("'", "").isalpha()


def _names_one_person(source: str) -> bool:
    """A person source that is one person's name: a capitalised word, and not several people joined."""
    return any(w[:1].isupper() for w in source.split()) and not _SEVERAL_PEOPLE.search(source)


def body_name(source: str) -> str:
    """An organisation's name as written, without a leading article or a possessive ending ("the Harbour
    Council's" -> "Harbour Council"); empty when no word is capitalised (a description: "the council")."""
    words = source.split()
    while len(words) > 1 and words[0].lower() in ARTICLES:
        words = words[1:]
    if words:
        words[-1] = _POSSESSIVE.sub("", words[-1]) or words[-1]
    return " ".join(words) if any(w[:1].isupper() or w[:1].isdigit() for w in words) else ""


def _body_key(name: str) -> tuple[str, ...]:
    return (ORGANISATION, " ".join(f for w in name.split() if (f := fold(w))))


def _catalogued(source: str, cls: str, catalogue: Catalogue | None) -> Actor | None:
    """The catalogue's actor of the class that ``source`` names (as written, without a title, or without an
    article), or None."""
    if catalogue is None:
        return None
    for form in dict.fromkeys((source, strip_title(source), body_name(source))):
        hit = catalogue.lookup(form) if form else None
        if hit is not None and (hit[0].type == "person") == (cls == PERSON):
            return hit[0]
    return None


def _article_identity(doc_id: str, cls: str, source: str) -> _Identity:
    """An identity of a name in one article only: a short name that may be any of several people."""
    return _Identity(("article", doc_id, cls, " ".join(fold(w) for w in source.split())), cls, "ambiguous short name")


class _People:
    """The person sources of the corpus and the identities of their full names, so that each short name is
    tested against the few full names with its surname."""

    def __init__(self, sources: Iterable[str], catalogue: Catalogue | None):
        self.parsed: dict[str, PersonName] = {}
        self.actors: dict[str, Actor] = {}
        self._by_id: dict[str, Actor] = {}
        # full names by (first given name, surname) key: the group's (source, parsed, actor id)s
        groups: dict[tuple[str, ...], list[tuple[str, PersonName, str]]] = defaultdict(list)
        for source in sources:
            actor = _catalogued(source, PERSON, catalogue)
            if actor is not None:
                self.actors[source] = actor
                self._by_id[actor.id] = actor
            name = parse_name(actor.name if actor is not None else source)
            self.parsed[source] = name
            if _full(name):
                groups[_person_key(name)].append((source, name, actor.id if actor is not None else ""))
        #: the identity of each full-name source; the surname key's identities and their members' names
        self.full: dict[str, _Identity] = {}
        self.by_surname: dict[str, dict[_Identity, list[PersonName]]] = defaultdict(lambda: defaultdict(list))
        self.ambiguous_full: set[str] = set()
        for key in sorted(groups):
            self._group(key, groups[key])

    def _group(self, key: tuple[str, ...], members: list[tuple[str, PersonName, str]]) -> None:
        actors = sorted({a for _, _, a in members if a})
        names = [name for _, name, _ in members]
        one = len(actors) <= 1 and all(given_names_compatible(a, b) for a in names for b in names)
        for source, name, actor in members:
            if one:
                identity = self._actor_identity(actors[0]) if actors else _Identity(key, PERSON, "full name")
            elif actor:
                identity = self._actor_identity(actor)
            elif len(name.given) > 1:
                identity = _Identity(_person_key(name, middle=True), PERSON, "full name")
            else:
                # "John Smith" beside "John A. Smith" and "John B. Smith": any of them
                self.ambiguous_full.add(source)
                continue
            self.full[source] = identity
            self.by_surname[key[-1]][identity].append(name)

    def _actor_identity(self, actor_id: str) -> _Identity:
        return _Identity(("actor", actor_id), PERSON, "catalogue", self._by_id[actor_id])

    def identity(self, doc_id: str, source: str, written: Mapping[str, Mapping[str, list[PersonName]]]) -> tuple[_Identity, str]:
        """The identity of a person source of an article and how it was found (:data:`MATCHES`); ``written``
        holds the full names each article writes (by doc_id, then surname key), which a short name must not
        also fit."""
        if source in self.ambiguous_full:
            return _article_identity(doc_id, PERSON, source), "ambiguous"
        if source in self.full:
            identity = self.full[source]
            return identity, "catalogue" if source in self.actors else "name"
        if source in self.actors:  # a catalogued person known by one word ("Madonna")
            return self._actor_identity(self.actors[source].id), "catalogue"
        name = self.parsed[source]
        fitting, own = self._fitting(doc_id, name, written)
        if len(fitting) == 1 and own <= {_person_key(n) for n in self.by_surname[_surname_key(name)][fitting[0]]}:
            return fitting[0], "surname"
        if not fitting and not own:
            return _Identity((PERSON, *name.given, "", _surname_key(name)), PERSON, "short name only"), "short_name"
        return _article_identity(doc_id, PERSON, source), "ambiguous"

    def _fitting(self, doc_id: str, name: PersonName, written: Mapping[str, Mapping[str, list[PersonName]]]
                 ) -> tuple[list[_Identity], set[tuple[str, ...]]]:
        """The full-name identities of the corpus a short name fits (surname and initials), and the keys of the
        full names its own article writes that it fits."""
        surname = _surname_key(name)
        fitting = [i for i, names in self.by_surname.get(surname, {}).items()
                   if all(given_names_compatible(name, n) for n in names)]
        own = {_person_key(n) for n in written.get(doc_id, {}).get(surname, ()) if given_names_compatible(name, n)}
        return fitting, own

    def person_of_surname(self, doc_id: str, word: str, written: Mapping[str, Mapping[str, list[PersonName]]]
                          ) -> _Identity | None:
        """The one person of the corpus whose full name has the surname ``word``, when the article writes no
        other full name with it; else None."""
        name = parse_name(word, frozenset())
        fitting, own = self._fitting(doc_id, name, written)
        if len(fitting) == 1 and own <= {_person_key(n) for n in self.by_surname[_surname_key(name)][fitting[0]]}:
            return fitting[0]
        return None


def _pair_classes(attributions: pd.DataFrame) -> pd.DataFrame:
    """Each distinct (doc_id, source) with a non-empty source, and its class: the class most of its rows give
    among person and organisation; empty when none does, or both equally often."""
    counts: dict[tuple[str, str], Counter] = {}
    for doc_id, source, source_type in zip(*(_values(attributions, c) for c in ("doc_id", "source", "source_type"))):
        if source:
            counts.setdefault((doc_id, source), Counter())[source_class(source_type)] += 1
    keys = sorted(counts)
    classes = []
    for key in keys:
        person, organisation = counts[key][PERSON], counts[key][ORGANISATION]
        classes.append(PERSON if person > organisation else ORGANISATION if organisation > person else "")
    return pd.DataFrame({"doc_id": [d for d, _ in keys], "source": [s for _, s in keys], "source_class": classes},
                        dtype=object)


def _written_full_names(mentions: pd.DataFrame | None) -> dict[str, dict[str, list[PersonName]]]:
    """The full names of people each article writes (``PERSON`` mentions), parsed, by doc_id and surname key."""
    if mentions is None or mentions.empty:
        return {}
    people = mentions[mentions["label"] == "PERSON"]
    names: dict[str, PersonName | None] = {}
    found: dict[str, dict[str, list[PersonName]]] = defaultdict(lambda: defaultdict(list))
    for doc_id, text in dict.fromkeys(zip(people["doc_id"].astype(str), people["text"].astype(str))):
        if text not in names:
            name = parse_name(text)
            names[text] = name if _full(name) else None
        if (name := names[text]) is not None:
            found[doc_id][_surname_key(name)].append(name)
    return found


def _resolve(
    attributions: pd.DataFrame, catalogue: Catalogue | None, mentions: pd.DataFrame | None
) -> tuple[pd.DataFrame, dict[str, _Identity]]:
    """The links (doc_id, source, source_id, matched_by) and the identities by source_id."""
    pairs = _pair_classes(attributions)
    people = _People(sorted(set(pairs.loc[pairs["source_class"] == PERSON, "source"])), catalogue)
    written = _written_full_names(mentions)
    # the words of the corpus's organisations named in two words or more: a one-word name among them
    # ("Halvern" beside "Halvern Foods") is no person's surname
    body_words = {fold(w) for s in pairs.loc[pairs["source_class"] == ORGANISATION, "source"]
                  if len((name := body_name(s)).split()) > 1 for w in name.split()}
    identities: dict[str, _Identity] = {}
    ids, classes, matched = [], [], []
    for doc_id, source, cls in zip(pairs["doc_id"], pairs["source"], pairs["source_class"]):
        found: tuple[_Identity, str] | None = None
        if cls == PERSON and _names_one_person(source):
            found = people.identity(doc_id, source, written)
        elif cls == ORGANISATION:
            actor = _catalogued(source, ORGANISATION, catalogue)
            if actor is not None:
                found = _Identity(("actor", actor.id), ORGANISATION, "catalogue", actor), "catalogue"
            elif name := body_name(source):
                person = people.person_of_surname(doc_id, name, written) if (
                    _surname_alone(name) and fold(name) not in body_words) else None
                found = (person, "person_surname") if person is not None else (
                    _Identity(_body_key(name), ORGANISATION, "organisation name"), "name")
        identity, how = found if found is not None else (None, "")
        if identity is not None:
            identities.setdefault(identity.source_id, identity)
        ids.append(identity.source_id if identity is not None else "")
        classes.append(identity.cls if identity is not None else "")
        matched.append(how)
    return pairs.assign(source_class=classes, source_id=ids, matched_by=matched)[LINK_COLUMNS], identities


def source_links(
    attributions: pd.DataFrame, *, catalogue: Catalogue | None = None, mentions: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Each distinct (``doc_id``, ``source``) of ``attributions`` with the class of its identity (``person``,
    ``organisation``), its ``source_id`` and how it was matched (``matched_by``: :data:`MATCHES`), all three
    empty where it has none; sorted by doc_id and source. Reads only ``doc_id``, ``source`` and
    ``source_type`` (and of ``mentions``, :data:`IDENTITY_MENTION_COLUMNS`). Rules: the module's docstring."""
    return _resolve(attributions, catalogue, mentions)[0]


def _values(table: pd.DataFrame, column: str) -> list[str]:
    """A column as a list of plain strings, missing values empty (iterating a list, not a pyarrow-backed
    Series, keeps the loops over a corpus's rows fast)."""
    return table[column].astype(object).fillna("").astype(str).tolist()


def with_source_ids(table: pd.DataFrame, links: pd.DataFrame) -> pd.DataFrame:
    """``table`` (any table with ``doc_id`` and ``source``: attributions, claims, figures, people) with a
    ``source_id`` column at the end, rows and their order unchanged: the identity of the row's source in its
    article, empty where it has none. Where the table has a ``source_type``, a row of a type that gets no
    identity has none either, whatever its source: an unnamed member of a named body ("one of them" after "the
    ministry", ``anonymous``)."""
    ids = dict(zip(zip(_values(links, "doc_id"), _values(links, "source")), _values(links, "source_id")))
    found = [ids.get(k, "") for k in zip(_values(table, "doc_id"), _values(table, "source"))]
    if "source_type" in table.columns:
        found = [i if source_class(t) else "" for i, t in zip(found, _values(table, "source_type"))]
    return table.assign(source_id=pd.Series(found, index=table.index, dtype="string[pyarrow]"))


def _name(identity: _Identity, sources: Counter) -> str:
    """The identity's name: the catalogue's; else, of the sources it links, the most fully written (most name
    parts, without a title) for a person and the most often written for an organisation (without a leading
    article), then the most attributed, then in alphabetical order."""
    if identity.actor is not None:
        return identity.actor.name
    person = identity.cls == PERSON
    written: Counter = Counter()
    for source, count in sources.items():
        written[strip_title(source) if person else body_name(source)] += count
    parts = {s: parse_name(s).parts if person else 0 for s in written}
    return min(written, key=lambda s: (-parts[s], -written[s], s.casefold(), s))


@dataclass
class _Tally:
    """What the rows of one identity add up to."""

    docs: set = field(default_factory=set)
    outlets: set = field(default_factory=set)
    attributions: int = 0
    sources: Counter = field(default_factory=Counter)
    types: Counter = field(default_factory=Counter)
    variants: set = field(default_factory=set)

    def add(self, doc_id: str, outlet: str, source: str, source_type: str, written: Iterable[str]) -> None:
        self.docs.add(doc_id)
        if outlet:
            self.outlets.add(outlet)
        self.attributions += 1
        self.sources[source] += 1
        self.types[source_type] += 1
        self.variants.update(w for w in written if w)

    def variants_text(self) -> str:
        """Every way the articles write the name, sorted, :data:`VARIANT_SEPARATOR`-joined."""
        return VARIANT_SEPARATOR.join(sorted(self.variants, key=lambda s: (s.casefold(), s)))


def _gender(genders: Iterable[str]) -> str:
    """The gender the articles state: the one stated, or ``unknown`` when none is stated or they conflict."""
    stated = set(genders) - {"unknown", ""}
    return stated.pop() if len(stated) == 1 else "unknown"


def source_identities(
    attributions: pd.DataFrame,
    people: pd.DataFrame,
    documents: pd.DataFrame,
    catalogue: Catalogue | None = None,
    *,
    mentions: pd.DataFrame | None = None,
) -> SourceIdentities:
    """One identity per person or organisation that speaks or is cited in the corpus, with the links from each
    article's canonical ``source`` to it (rules: the module's docstring).

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
    links, identities = _resolve(attributions, catalogue, mentions)
    marked = with_source_ids(attributions[IDENTITY_ATTRIBUTION_COLUMNS], links)
    outlets = dict(zip(_values(documents, "doc_id"), _values(documents, "outlet")))
    tallies: dict[str, _Tally] = defaultdict(_Tally)
    per_outlet: dict[tuple[str, str], tuple[set, list]] = defaultdict(lambda: (set(), [0]))
    for doc_id, source, source_type, speaker, resolution, variant, source_id in zip(
        *(_values(marked, c) for c in [*IDENTITY_ATTRIBUTION_COLUMNS, "source_id"])
    ):
        if not source_id:
            continue
        # the speaker as written is a variant where it was tied to the source by name (not "he", "the governor")
        written = (source, speaker if resolution in NAME_RESOLUTIONS else "", variant)
        outlet = outlets.get(doc_id, "")
        tallies[source_id].add(doc_id, outlet, source, source_type, written)
        docs, count = per_outlet[(source_id, outlet)]
        docs.add(doc_id)
        count[0] += 1
    genders: dict[str, list[str]] = defaultdict(list)
    stated = with_source_ids(people[PEOPLE_COLUMNS], links)
    for gender, source_id in zip(_values(stated, "gender"), _values(stated, "source_id")):
        genders[source_id].append(gender)
    records = []
    for source_id in sorted(tallies):
        identity, tally = identities[source_id], tallies[source_id]
        if identity.cls == PERSON:
            source_type = "person"
        elif identity.actor is not None:
            source_type = "government" if identity.actor.type == "place" else identity.actor.type
        else:
            source_type = min(tally.types, key=lambda t: (-tally.types[t], t))
        records.append((
            source_id, _name(identity, tally.sources), tally.variants_text(), source_type,
            _gender(genders.get(source_id, ())) if identity.cls == PERSON else "", len(tally.docs), tally.attributions,
            len(tally.outlets), identity.basis,
        ))
    sources = pd.DataFrame.from_records(records, columns=schema.columns("sources"))
    sources = sources.sort_values(["attributions", "articles", "name", "source_id"], ascending=[False, False, True, True],
                                  kind="stable").reset_index(drop=True)
    order = {s: n for n, s in enumerate(sources["source_id"])}
    counts = sorted(((order[i], o, len(docs), count[0], i) for (i, o), (docs, count) in per_outlet.items()))
    source_outlets = pd.DataFrame.from_records([(i, o, a, n) for _, o, a, n, i in counts],
                                               columns=schema.columns("source_outlets"))
    return SourceIdentities(
        sources=schema.validate("sources", sources),
        source_outlets=schema.validate("source_outlets", source_outlets),
        links=links,
    )
