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

* **Persons and organisations never share an identity**, whatever their names.
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
* **No identity** (empty ``source_id``): ``anonymous``, ``unresolved``, ``document`` and ``collective``
  sources, which are not the same source from one article to the next ("a senior official", "he", "a new
  report", "experts"), several people named together ("Ana Ruiz and Tom Hale"), and a source written as both a
  person and an organisation by the same article, as often.

Not merged: a person known by two different names (a maiden name, a nickname, "Alexander" / "Oleksandr"),
organisations named differently (an acronym and its expansion, unless the catalogue lists both), and a short
name whose person the corpus names in full nowhere with that surname.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
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
#: How a link ties an article's source to its identity (the ``matched_by`` column of the links).
MATCHES = ("catalogue", "name", "surname", "short_name", "ambiguous", "")
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

    @property
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

    def identity(self, doc_id: str, source: str, written: Mapping[str, list[PersonName]]) -> tuple[_Identity, str]:
        """The identity of a person source of an article and how it was found (:data:`MATCHES`); ``written``
        holds the full names each article writes (by doc_id), which a short name must not also fit."""
        if source in self.ambiguous_full:
            return _article_identity(doc_id, PERSON, source), "ambiguous"
        if source in self.full:
            identity = self.full[source]
            return identity, "catalogue" if source in self.actors else "name"
        if source in self.actors:  # a catalogued person known by one word ("Madonna")
            return self._actor_identity(self.actors[source].id), "catalogue"
        name = self.parsed[source]
        surname = _surname_key(name)
        fitting = [i for i, names in self.by_surname.get(surname, {}).items()
                   if all(given_names_compatible(name, n) for n in names)]
        # the article's own full names with that surname that fit: they must all be the identity's
        own = {_person_key(n) for n in written.get(doc_id, ()) if _surname_key(n) == surname and given_names_compatible(name, n)}
        if len(fitting) == 1 and own <= {_person_key(n) for n in self.by_surname[surname][fitting[0]]}:
            return fitting[0], "surname"
        if not fitting and not own:
            initials = tuple(name.given)
            return _Identity((PERSON, *initials, "", surname), PERSON, "short name only"), "short_name"
        return _article_identity(doc_id, PERSON, source), "ambiguous"


def _pair_classes(attributions: pd.DataFrame) -> pd.DataFrame:
    """Each distinct (doc_id, source) with a non-empty source, and its class: the class most of its rows give
    among person and organisation; empty when none does, or both equally often."""
    rows = attributions[attributions["source"].astype(str) != ""]
    frame = pd.DataFrame({
        "doc_id": rows["doc_id"].astype(str).to_numpy(),
        "source": rows["source"].astype(str).to_numpy(),
        "cls": [source_class(t) for t in rows["source_type"]],
    })
    counts: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for doc_id, source, cls in zip(frame["doc_id"], frame["source"], frame["cls"]):
        if cls:
            counts[(doc_id, source)][cls] += 1
    pairs = frame[["doc_id", "source"]].drop_duplicates().sort_values(["doc_id", "source"]).reset_index(drop=True)
    classes = []
    for key in zip(pairs["doc_id"], pairs["source"]):
        person, organisation = counts[key][PERSON], counts[key][ORGANISATION]
        classes.append(PERSON if person > organisation else ORGANISATION if organisation > person else "")
    return pairs.assign(source_class=classes)


def _written_full_names(mentions: pd.DataFrame | None) -> dict[str, list[PersonName]]:
    """The full names of people each article writes (``PERSON`` mentions), parsed."""
    if mentions is None or mentions.empty:
        return {}
    people = mentions[mentions["label"] == "PERSON"]
    found: dict[str, list[PersonName]] = defaultdict(list)
    for doc_id, text in dict.fromkeys(zip(people["doc_id"].astype(str), people["text"].astype(str))):
        name = parse_name(text)
        if _full(name):
            found[doc_id].append(name)
    return found


def _resolve(
    attributions: pd.DataFrame, catalogue: Catalogue | None, mentions: pd.DataFrame | None
) -> tuple[pd.DataFrame, dict[str, _Identity]]:
    """The links (doc_id, source, source_id, matched_by) and the identities by source_id."""
    pairs = _pair_classes(attributions)
    people = _People(sorted(set(pairs.loc[pairs["source_class"] == PERSON, "source"])), catalogue)
    written = _written_full_names(mentions)
    identities: dict[str, _Identity] = {}
    ids, matched = [], []
    for doc_id, source, cls in zip(pairs["doc_id"], pairs["source"], pairs["source_class"]):
        found: tuple[_Identity, str] | None = None
        if cls == PERSON and _names_one_person(source):
            found = people.identity(doc_id, source, written)
        elif cls == ORGANISATION:
            actor = _catalogued(source, ORGANISATION, catalogue)
            if actor is not None:
                found = _Identity(("actor", actor.id), ORGANISATION, "catalogue", actor), "catalogue"
            elif name := body_name(source):
                found = _Identity(_body_key(name), ORGANISATION, "organisation name"), "name"
        if found is None:
            ids.append("")
            matched.append("")
            continue
        identity, how = found
        identities.setdefault(identity.source_id, identity)
        ids.append(identity.source_id)
        matched.append(how)
    links = pairs.assign(source_id=ids, matched_by=matched)
    links["source_class"] = links["source_class"].where(links["source_id"] != "", "")
    return links[LINK_COLUMNS], identities


def source_links(
    attributions: pd.DataFrame, *, catalogue: Catalogue | None = None, mentions: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Each distinct (``doc_id``, ``source``) of ``attributions`` with the class of its identity (``person``,
    ``organisation``), its ``source_id`` and how it was matched (``matched_by``: :data:`MATCHES`), all three
    empty where it has none; sorted by doc_id and source. Reads only ``doc_id``, ``source`` and
    ``source_type`` (and of ``mentions``, :data:`IDENTITY_MENTION_COLUMNS`). Rules: the module's docstring."""
    return _resolve(attributions, catalogue, mentions)[0]


def with_source_ids(table: pd.DataFrame, links: pd.DataFrame) -> pd.DataFrame:
    """``table`` (any table with ``doc_id`` and ``source``: attributions, claims, figures, people) with a
    ``source_id`` column at the end, rows and their order unchanged: the identity of the row's source in its
    article, empty where it has none. Where the table has a ``source_type``, a row whose type is not of the
    identity's class has none either: an unnamed member of a named body ("one of them" after "the ministry",
    ``anonymous``), or a name the article types as a person once and as an organisation once."""
    ids = {(d, s): (i, c) for d, s, i, c in zip(links["doc_id"].astype(str), links["source"].astype(str),
                                                links["source_id"], links["source_class"])}
    found = [ids.get(k, ("", "")) for k in zip(table["doc_id"].astype(str), table["source"].astype(str))]
    if "source_type" in table.columns:
        found = [(i, c) if source_class(t) == c else ("", "") for (i, c), t in zip(found, table["source_type"])]
    found = [i for i, _ in found]
    return table.assign(source_id=pd.Series(found, index=table.index, dtype="string[pyarrow]"))


def _name(identity: _Identity, sources: Counter, cls: str) -> str:
    """The identity's name: the catalogue's; else, of the sources it links, the most fully written (most name
    parts, without a title) for a person and the most often written for an organisation (without a leading
    article), then the most attributed, then in alphabetical order."""
    if identity.actor is not None:
        return identity.actor.name
    if cls == PERSON:
        written = Counter()
        for source, count in sources.items():
            written[strip_title(source)] += count
        return min(written, key=lambda s: (-parse_name(s).parts, -written[s], s.casefold(), s))
    written = Counter()
    for source, count in sources.items():
        written[body_name(source)] += count
    return min(written, key=lambda s: (-written[s], s.casefold(), s))


def _variants(rows: pd.DataFrame) -> str:
    """Every way the articles write the identity's name: the canonical sources, the speakers as written where
    they were tied by name (not pronouns or roles), and the spellings the articles resolved."""
    named = rows["speaker_resolution"].isin(NAME_RESOLUTIONS)
    seen = {*rows["source"], *rows.loc[named, "speaker"], *rows["name_variant"]} - {""}
    return VARIANT_SEPARATOR.join(sorted(seen, key=lambda s: (s.casefold(), s)))


def _strings(table: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """``columns`` of ``table`` as plain strings, missing values empty."""
    return table[columns].astype(object).fillna("").astype(str)


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
    rows = with_source_ids(_strings(attributions, IDENTITY_ATTRIBUTION_COLUMNS), links)
    rows = rows[rows["source_id"] != ""]
    outlets = dict(zip(documents["doc_id"].astype(str), documents["outlet"].astype(str)))
    rows = rows.assign(outlet=[outlets.get(d, "") for d in rows["doc_id"]])
    genders = with_source_ids(_strings(people, PEOPLE_COLUMNS), links)
    gender_of = genders.groupby("source_id")["gender"].agg(_gender).to_dict()
    records = []
    for source_id, group in rows.groupby("source_id", sort=True):
        identity = identities[source_id]
        cls = identity.cls
        if cls == PERSON:
            source_type = "person"
        elif identity.actor is not None:
            source_type = "government" if identity.actor.type == "place" else identity.actor.type
        else:
            types = Counter(group["source_type"])
            source_type = min(types, key=lambda t: (-types[t], t))
        records.append({
            "source_id": source_id,
            "name": _name(identity, Counter(group["source"]), cls),
            "variants": _variants(group),
            "source_type": source_type,
            "gender": gender_of.get(source_id, "unknown") if cls == PERSON else "",
            "articles": group["doc_id"].nunique(),
            "attributions": len(group),
            "outlets": group.loc[group["outlet"] != "", "outlet"].nunique(),
            "basis": identity.basis,
        })
    sources = pd.DataFrame.from_records(records, columns=schema.columns("sources"))
    sources = sources.sort_values(["attributions", "articles", "name", "source_id"], ascending=[False, False, True, True],
                                  kind="stable").reset_index(drop=True)
    per_outlet = rows.groupby(["source_id", "outlet"]).agg(articles=("doc_id", "nunique"), attributions=("doc_id", "size"))
    order = {s: n for n, s in enumerate(sources["source_id"])}
    per_outlet = per_outlet.reset_index().assign(rank=lambda f: f["source_id"].map(order))
    per_outlet = per_outlet.sort_values(["rank", "outlet"], kind="stable")[schema.columns("source_outlets")]
    return SourceIdentities(
        sources=schema.validate("sources", sources),
        source_outlets=schema.validate("source_outlets", per_outlet.reset_index(drop=True)),
        links=links,
    )
