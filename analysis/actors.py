"""The actor catalogue: canonical names, types and sides of the people and bodies a story names.

The catalogue is data (``analysis/data/actors.yaml``); this module only reads it and answers questions about
it. Nothing here knows a particular conflict: covering another one means editing the data file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

import yaml

from analysis.datafiles import read_text

ACTOR_TYPES = ("person", "government", "military", "institution", "media", "place")
#: The side of an actor that is no party to a conflict the catalogue covers.
OTHER_SIDE = "other"
#: The side of a mention the catalogue cannot place.
UNKNOWN_SIDE = "unknown"
#: spaCy label a catalogue mention gets when its entry names none.
DEFAULT_LABELS = {
    "person": "PERSON",
    "government": "GPE",
    "place": "GPE",
    "military": "ORG",
    "institution": "ORG",
    "media": "ORG",
}
#: How a mention names its actor; the ``alias_kind`` column of ``mentions``.
ALIAS_KINDS = ("name", "alias", "metonym", "demonym")


@dataclass(frozen=True)
class Actor:
    """One catalogue entry."""

    id: str
    name: str
    type: str
    side: str
    label: str
    role: str = ""
    aliases: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()

    def surface_forms(self) -> Iterator[tuple[str, str]]:
        """Yield ``(text, alias_kind)`` for every way the catalogue says this actor is written."""
        yield self.name, "name"
        for alias in self.aliases:
            if alias != self.name:
                yield alias, "alias"
        for metonym in self.metonyms:
            yield metonym, "metonym"
        for demonym in self.demonyms:
            yield demonym, "demonym"


@dataclass(frozen=True)
class Catalogue:
    """All actors, the sides they belong to, and a lookup from written form to actor."""

    sides: tuple[str, ...]
    actors: tuple[Actor, ...]
    _by_id: dict[str, Actor] = field(default_factory=dict, repr=False, compare=False)
    _by_form: dict[str, tuple[Actor, str]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for actor in self.actors:
            self._by_id[actor.id] = actor
            for form, kind in actor.surface_forms():
                # First entry wins so that a form listed twice resolves the same way on every run.
                self._by_form.setdefault(form, (actor, kind))

    def get(self, actor_id: str) -> Actor | None:
        """The actor with this id, or None."""
        return self._by_id.get(actor_id)

    def lookup(self, text: str) -> tuple[Actor, str] | None:
        """The actor written exactly as ``text`` (after straightening apostrophes), with the alias kind."""
        return self._by_form.get(text.replace("\u2019", "'"))

    def side_of_phrase(self, words: Iterable[str]) -> str | None:
        """The side named by any word or demonym in ``words`` ("Ukrainian army spokesman" -> Ukraine).

        Returns None when the words name no side, or name more than one.
        """
        found = {hit[0].side for w in words if (hit := self.lookup(w)) is not None}
        found.discard(OTHER_SIDE)
        return found.pop() if len(found) == 1 else None

    def ruler_patterns(self) -> list[dict]:
        """Entity-ruler patterns: one phrase pattern per written form, its id the actor id."""
        patterns = []
        for actor in self.actors:
            for form, kind in actor.surface_forms():
                label = "NORP" if kind == "demonym" else actor.label
                patterns.append({"label": label, "pattern": form, "id": actor.id})
                if "'" in form:
                    curly = form.replace("'", "\u2019")
                    patterns.append({"label": label, "pattern": curly, "id": actor.id})
        return patterns


def _actor_from_entry(entry: dict, sides: tuple[str, ...], source: str) -> Actor:
    missing = [key for key in ("id", "name", "type", "side") if key not in entry]
    if missing:
        raise ValueError(f"{source}: actor {entry!r} lacks {', '.join(missing)}")
    if entry["type"] not in ACTOR_TYPES:
        raise ValueError(f"{source}: actor {entry['id']} has type {entry['type']!r}; allowed: {ACTOR_TYPES}")
    if entry["side"] not in (*sides, OTHER_SIDE):
        raise ValueError(
            f"{source}: actor {entry['id']} has side {entry['side']!r}; add it to `sides` or use {OTHER_SIDE!r}"
        )
    return Actor(
        id=entry["id"],
        name=entry["name"],
        type=entry["type"],
        side=entry["side"],
        label=entry.get("label", DEFAULT_LABELS[entry["type"]]),
        role=entry.get("role", ""),
        aliases=tuple(entry.get("aliases", ())),
        metonyms=tuple(entry.get("metonyms", ())),
        demonyms=tuple(entry.get("demonyms", ())),
    )


def load_catalogue(path: str | Path | None = None) -> Catalogue:
    """Read an actor catalogue; the packaged ``data/actors.yaml`` when ``path`` is None.

    Raises:
        ValueError: an entry lacks a required key, or names a type or side the file does not allow.
    """
    if path is None:
        return default_catalogue()
    return _parse_catalogue(Path(path).read_text(encoding="utf-8"), str(path))


@lru_cache(maxsize=1)
def default_catalogue() -> Catalogue:
    """The packaged catalogue, read once per process."""
    return _parse_catalogue(read_text("actors.yaml"), "analysis/data/actors.yaml")


def _parse_catalogue(text: str, source: str) -> Catalogue:
    raw = yaml.safe_load(text) or {}
    sides = tuple(raw.get("sides", ()))
    actors = tuple(_actor_from_entry(entry, sides, source) for entry in raw.get("actors", ()))
    ids = [a.id for a in actors]
    duplicated = sorted({i for i in ids if ids.count(i) > 1})
    if duplicated:
        raise ValueError(f"{source}: duplicated actor ids {duplicated}")
    return Catalogue(sides=sides, actors=actors)
