"""The actor catalogue: canonical names, types and groups of the people and bodies a story names.

The catalogue is data: the packaged ``analysis/data/actors.yaml``, and optionally a corpus's own
``actors.yaml`` (in the corpus folder) merged over it by :func:`load_catalogue`. This module only reads the
files and answers questions about them. Nothing here knows a particular conflict, election or industry:
covering another beat means writing a catalogue file, not code.

An actor's *group* is what it belongs to for the beat at hand: a side of a war, a party, a country, a company.
The tables call it ``side`` (their column name is a stable contract); ``Actor.side`` and ``Actor.group`` are
the same value.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator

import yaml

from analysis.datafiles import load_yaml, read_text
from analysis.reading import DEFAULT_LIMITS, Limits, YamlRefused, load_user_yaml, printable, user_yaml_text

ACTOR_TYPES = ("person", "government", "military", "institution", "media", "place")
#: The group of an actor that belongs to none of the catalogue's groups (third parties).
OTHER_SIDE = "other"
#: The group of a mention the catalogue cannot place.
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
#: Entity labels an entry may give (the name labels of the ``mentions`` table).
ENTITY_LABELS = ("PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW")
#: How a mention names its actor; the ``alias_kind`` column of ``mentions``.
ALIAS_KINDS = ("name", "alias", "metonym", "demonym")
#: File name of a corpus's own catalogue, looked for in the corpus folder.
CATALOGUE_FILE = "actors.yaml"
#: Where the packaged catalogue is, as named in messages.
PACKAGED_SOURCE = "analysis/data/actors.yaml"

_TOP_KEYS = ("beat", "groups", "sides", "actors")
_ENTRY_KEYS = ("id", "name", "type", "group", "side", "label", "role", "aliases", "metonyms", "demonyms")
_LIST_KEYS = ("aliases", "metonyms", "demonyms")
#: Version of the merged content's serialisation; part of the fingerprint.
_FINGERPRINT_FORMAT = "actor-catalogue/1"


class CatalogueError(ValueError):
    """A catalogue file cannot be used. The one-line message names the file, the entry and what to fix."""


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

    @property
    def group(self) -> str:
        """The actor's group (party, country, side, company); the ``side`` column of the tables."""
        return self.side

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
    """All actors, the groups they belong to, and a lookup from written form to actor.

    ``groups`` are in the catalogue's order (a corpus file's groups first, then the packaged ones); charts
    hand out colours in that order. ``colours`` holds the display colours the files declare, as
    ``(group, colour)`` pairs. When two entries claim the same written form, the earlier one wins: a corpus
    file's entries come before the packaged ones.
    """

    groups: tuple[str, ...]
    actors: tuple[Actor, ...]
    colours: tuple[tuple[str, str], ...] = ()
    #: ``(group, beat)`` for the groups a file declared for one beat only (the packaged war sides): on a corpus
    #: of another beat they are no group (:meth:`for_beat`).
    beat_groups: tuple[tuple[str, str], ...] = ()
    #: The files merged, in order, for messages; not part of the content.
    sources: tuple[str, ...] = field(default=(), compare=False)
    _by_id: dict[str, Actor] = field(default_factory=dict, repr=False, compare=False)
    _by_form: dict[str, tuple[Actor, str]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for actor in self.actors:
            self._by_id[actor.id] = actor
            for form, kind in actor.surface_forms():
                # First entry wins so that a form listed twice resolves the same way on every run.
                self._by_form.setdefault(_straight(form), (actor, kind))

    @property
    def sides(self) -> tuple[str, ...]:
        """The groups (the name the tables' ``side`` columns use)."""
        return self.groups

    @property
    def group_colours(self) -> dict[str, str]:
        """Display colours declared in the catalogue files, by group."""
        return dict(self.colours)

    def for_beat(self, beat: str) -> Catalogue:
        """This catalogue on a corpus of ``beat``: groups declared for another beat are dropped and their actors
        are ``other``, keeping their names, types and aliases.

        Why: the packaged groups are the sides of one war; on a health or a markets corpus a mention of Moscow
        still names Russia's government, but "Russia" is no group of that story, and a legend of war sides would
        say it is.
        """
        dropped = {group for group, own in self.beat_groups if own != beat}
        if not dropped:
            return self
        return Catalogue(
            groups=tuple(g for g in self.groups if g not in dropped),
            actors=tuple(replace(a, side=OTHER_SIDE) if a.side in dropped else a for a in self.actors),
            colours=tuple((g, c) for g, c in self.colours if g not in dropped),
            beat_groups=tuple((g, b) for g, b in self.beat_groups if g not in dropped),
            sources=self.sources,
        )

    def get(self, actor_id: str) -> Actor | None:
        """The actor with this id, or None."""
        return self._by_id.get(actor_id)

    def lookup(self, text: str) -> tuple[Actor, str] | None:
        """The actor written exactly as ``text`` (after straightening apostrophes), with the alias kind."""
        return self._by_form.get(_straight(text))

    def side_of_phrase(self, words: Iterable[str]) -> str | None:
        """The group named by any word or demonym in ``words`` ("Ukrainian army spokesman" -> Ukraine).

        Returns None when the words name no group, or name more than one.
        """
        found = {hit[0].side for w in words if (hit := self.lookup(w)) is not None}
        found.discard(OTHER_SIDE)
        return found.pop() if len(found) == 1 else None

    def ruler_patterns(self) -> list[dict]:
        """Entity-ruler patterns: one phrase pattern per written form, its id the actor id.

        A form claimed by an earlier entry is left to that entry, so the ruler and :meth:`lookup` agree.
        """
        patterns = []
        for actor in self.actors:
            for form, kind in actor.surface_forms():
                owner = self.lookup(form)
                if owner is not None and owner[0].id != actor.id:
                    continue
                label = "NORP" if kind == "demonym" else actor.label
                patterns.append({"label": label, "pattern": form, "id": actor.id})
                if "'" in form:
                    curly = form.replace("'", "\u2019")
                    patterns.append({"label": label, "pattern": curly, "id": actor.id})
        return patterns

    def fingerprint(self) -> str:
        """SHA-256 (hex) of the merged content: groups, colours and every entry, in order.

        Stable across processes and machines; it changes when any entry, group or colour changes, and not
        when only the files' locations do. A build cache can key on it.
        """
        payload = {
            "format": _FINGERPRINT_FORMAT,
            "groups": list(self.groups),
            "beat_groups": [list(pair) for pair in self.beat_groups],
            "colours": [list(pair) for pair in self.colours],
            "actors": [asdict(actor) for actor in self.actors],
        }
        text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load_catalogue(corpus_dir: str | Path | None = None, *, limits: Limits = DEFAULT_LIMITS) -> Catalogue:
    """The packaged catalogue with a corpus's own ``actors.yaml`` merged over it.

    Merging: an entry whose ``name`` (or explicit ``id``) equals a packaged entry's replaces it; other entries
    are added. The corpus file's entries and groups come first, so they win a written form both claim and
    take the first chart colours. Group colours declared in the corpus file win over packaged ones.

    Args:
        corpus_dir: a corpus folder (its ``actors.yaml`` is used when there is one), a catalogue file
            itself, or None for the packaged catalogue alone.
        limits: the limits on users' YAML (:class:`~analysis.reading.limits.Limits`): size, aliases, nesting.

    Raises:
        CatalogueError: the file is not valid YAML, is over a limit, is a folder's ``actors.yaml`` that links
            outside the folder, or an entry lacks a key or names a type or group the file does not allow; the
            message names the file, the entry and what to fix.
    """
    path = catalogue_path(corpus_dir)
    if path is None:
        return default_catalogue()
    source = printable(str(path))
    folder = Path(corpus_dir) if Path(corpus_dir).is_dir() else None
    try:
        text = user_yaml_text(path, folder, limits=limits)
    except (OSError, UnicodeDecodeError) as err:
        raise CatalogueError(f"{source}: cannot be read ({err}); save it as UTF-8 text") from None
    except YamlRefused as err:
        raise _not_read(err, source) from None
    return merge_catalogue(default_catalogue(), text, source, limits=limits)


def catalogue_path(corpus_dir: str | Path | None) -> Path | None:
    """The corpus's own catalogue file: ``corpus_dir/actors.yaml`` when it exists, or ``corpus_dir`` itself
    when it is a YAML file; None when there is none.

    Raises:
        CatalogueError: ``corpus_dir`` does not exist, or is a file that is not YAML.
    """
    if corpus_dir is None:
        return None
    path = Path(corpus_dir)
    if path.is_dir():
        own = path / CATALOGUE_FILE
        return own if own.is_file() else None
    if path.is_file() and path.suffix.lower() in (".yaml", ".yml"):
        return path
    if path.is_file():
        return None  # an article file: its corpus has no catalogue of its own here
    raise CatalogueError(f"{path}: no such folder or file; pass the corpus folder or its {CATALOGUE_FILE}")


@lru_cache(maxsize=1)
def default_catalogue() -> Catalogue:
    """The packaged catalogue, read once per process."""
    text = read_text(CATALOGUE_FILE)
    parsed = _parse_file(load_yaml(text), text, PACKAGED_SOURCE)
    return _merge(Catalogue(groups=(), actors=()), parsed, PACKAGED_SOURCE)


def merge_catalogue(base: Catalogue, text: str, source: str, *, limits: Limits = DEFAULT_LIMITS) -> Catalogue:
    """``base`` with the catalogue file ``text`` (named ``source`` in messages) merged over it.

    Raises:
        CatalogueError: as :func:`load_catalogue`.
    """
    try:
        raw = load_user_yaml(text, limits=limits)
    except (YamlRefused, yaml.YAMLError) as err:
        raise _not_read(err, source) from None
    parsed = _parse_file(raw, text, source, inherited_groups=base.groups)
    return _merge(base, parsed, source)


# --- reading a file ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Entry:
    """One entry as read, before ids are settled."""

    actor: Actor
    explicit_id: bool
    where: str


@dataclass(frozen=True)
class _File:
    groups: tuple[str, ...]
    colours: tuple[tuple[str, str], ...]
    entries: tuple[_Entry, ...]
    #: the beat the file's groups belong to (``beat:``), or "" for groups of any beat
    beat: str = ""


def _not_read(err: YamlRefused | yaml.YAMLError, source: str) -> CatalogueError:
    """The error for a catalogue file refused by a limit, or not valid YAML."""
    if isinstance(err, YamlRefused):
        return CatalogueError(f"{source} is refused: {err}")
    mark = getattr(err, "problem_mark", None)
    where = f"line {mark.line + 1}: " if mark is not None else ""
    problem = getattr(err, "problem", None) or "cannot be parsed"
    return CatalogueError(
        f"{source}: {where}not valid YAML ({problem}); check the indentation and quote names with ':' or '#'"
    )


def _parse_file(raw: Any, text: str, source: str, *, inherited_groups: tuple[str, ...] = ()) -> _File:
    """The catalogue file ``text``, parsed as ``raw`` (named ``source`` in messages)."""
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise CatalogueError(f"{source}: the file must be a mapping with `groups` and `actors`, not a {_kind(raw)}")
    unknown = [str(k) for k in raw if k not in _TOP_KEYS]
    if unknown:
        raise CatalogueError(f"{source}: unknown top-level key {unknown[0]!r}; allowed: beat, groups, actors")
    beat = raw.get("beat", "")
    if not isinstance(beat, str):
        raise CatalogueError(f"{source}: `beat` must be the name of a beat (such as conflict), not a {_kind(beat)}")
    if "groups" in raw and "sides" in raw:
        raise CatalogueError(f"{source}: both `groups` and `sides` are given; keep `groups` (`sides` is its old name)")
    groups, colours = _parse_groups(raw.get("groups", raw.get("sides")) or [], source)
    allowed = (*groups, *(g for g in inherited_groups if g not in groups))
    actors = raw.get("actors") or []
    if not isinstance(actors, list):
        raise CatalogueError(
            f"{source}: `actors` must be a list of entries (lines starting with '- '), not a {_kind(actors)}"
        )
    lines = _entry_lines(text)
    entries = []
    for number, entry in enumerate(actors, start=1):
        line = f", line {lines[number - 1]}" if number <= len(lines) else ""
        entries.append(_parse_entry(entry, allowed, f"{source}: actor {number}{line}"))
    _check_unique(entries, source)
    return _File(groups, colours, tuple(entries), beat.strip())


def _parse_groups(raw: Any, source: str) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    if not isinstance(raw, list):
        raise CatalogueError(
            f"{source}: `groups` must be a list of names or of {{name: ..., colour: ...}} entries, not a {_kind(raw)}"
        )
    groups: list[str] = []
    colours: list[tuple[str, str]] = []
    for number, item in enumerate(raw, start=1):
        where = f"{source}: group {number}"
        colour = None
        if isinstance(item, dict):
            extra = [str(k) for k in item if k not in ("name", "colour", "color")]
            if extra:
                raise CatalogueError(f"{where}: unknown key {extra[0]!r}; a group has `name` and optional `colour`")
            name, colour = item.get("name"), item.get("colour", item.get("color"))
        else:
            name = item
        if not isinstance(name, str) or not name.strip():
            raise CatalogueError(
                f"{where}: the group has no name; write `- Name` or `- {{name: Name, colour: \"#1f77b4\"}}`"
            )
        name = name.strip()
        if name in (OTHER_SIDE, UNKNOWN_SIDE):
            raise CatalogueError(
                f"{where}: {name!r} is built in; do not declare it (use it as an actor's group directly)"
            )
        if name in groups:
            raise CatalogueError(f"{where}: group {name!r} is declared twice; keep one")
        groups.append(name)
        if colour is not None:
            if not isinstance(colour, str) or not _is_colour(colour):
                raise CatalogueError(
                    f"{where} ({name!r}): colour {colour!r} is not a colour; use a hex code in quotes (\"#1f77b4\") "
                    "or a matplotlib colour name"
                )
            colours.append((name, colour))
    return tuple(groups), tuple(colours)


def _parse_entry(entry: Any, groups: tuple[str, ...], where: str) -> _Entry:
    if not isinstance(entry, dict):
        raise CatalogueError(
            f"{where}: an entry must be a mapping (`name: ...`, `type: ...`, `group: ...`), not a {_kind(entry)}"
        )
    name = entry.get("name")
    if name is not None and not isinstance(name, str):
        raise CatalogueError(f"{where}: name {name!r} is not text; put it in quotes (name: \"{name}\")")
    if name is None or not name.strip():
        raise CatalogueError(f"{where}: the entry has no `name`; give the actor's canonical name")
    name = " ".join(name.split())
    where = f"{where} ({name!r})"
    unknown = [str(k) for k in entry if k not in _ENTRY_KEYS]
    if unknown:
        allowed = ", ".join(k for k in _ENTRY_KEYS if k != "side")
        raise CatalogueError(f"{where}: unknown key {unknown[0]!r}; allowed: {allowed}")
    kind = entry.get("type")
    if kind not in ACTOR_TYPES:
        got = "no `type`" if kind is None else f"type {kind!r}"
        raise CatalogueError(f"{where}: {got}; use one of {' | '.join(ACTOR_TYPES)}")
    if "group" in entry and "side" in entry:
        raise CatalogueError(f"{where}: both `group` and `side` are given; keep `group` (`side` is its old name)")
    group = entry.get("group", entry.get("side"))
    choices = ", ".join([*groups, OTHER_SIDE])
    if group is None or (isinstance(group, str) and not group.strip()):
        raise CatalogueError(f"{where}: `group` is empty; fill in one of: {choices} (or add a group under `groups`)")
    if not isinstance(group, str) or group.strip() not in (*groups, OTHER_SIDE):
        raise CatalogueError(
            f"{where}: group {group!r} is not declared; add it under `groups` at the top of the file "
            f"or use one of: {choices}"
        )
    label = entry.get("label", DEFAULT_LABELS[kind])
    if label not in ENTITY_LABELS:
        raise CatalogueError(f"{where}: label {label!r} is not an entity label; use one of {', '.join(ENTITY_LABELS)}")
    lists = {key: _strings(entry.get(key), key, where) for key in _LIST_KEYS}
    role = entry.get("role") or ""
    if not isinstance(role, str):
        raise CatalogueError(f"{where}: `role` must be text (the actor's usual title)")
    explicit = entry.get("id")
    if explicit is not None and (not isinstance(explicit, str) or not re.fullmatch(r"\w+", explicit)):
        raise CatalogueError(f"{where}: id {explicit!r} must be one word of letters, digits and '_', or left out")
    actor = Actor(
        id=explicit or _slug(name),
        name=name,
        type=kind,
        side=group.strip(),
        label=label,
        role=role,
        **lists,
    )
    return _Entry(actor, explicit is not None, where)


def _strings(value: Any, key: str, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise CatalogueError(f"{where}: `{key}` must be a list of names in brackets, e.g. {key}: [Name, Other Name]")
    return tuple(dict.fromkeys(" ".join(v.split()) for v in value))


def _check_unique(entries: list[_Entry], source: str) -> None:
    seen_names: dict[str, str] = {}
    seen_ids: dict[str, str] = {}
    for entry in entries:
        actor = entry.actor
        if actor.name in seen_names:
            raise CatalogueError(
                f"{entry.where}: the name is already used by {seen_names[actor.name]}; merge the two entries"
            )
        seen_names[actor.name] = entry.where.removeprefix(f"{source}: ")
        if entry.explicit_id:
            if actor.id in seen_ids:
                raise CatalogueError(
                    f"{entry.where}: id {actor.id!r} is already used by {seen_ids[actor.id]}; give another id"
                )
            seen_ids[actor.id] = entry.where.removeprefix(f"{source}: ")


def _entry_lines(text: str) -> list[int]:
    """1-based line of each entry under ``actors``, for messages; empty when the file cannot be walked."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError:
        return []
    if not isinstance(root, yaml.MappingNode):
        return []
    for key, value in root.value:
        if getattr(key, "value", None) == "actors" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


# --- merging -----------------------------------------------------------------------------------------------------


def _merge(base: Catalogue, parsed: _File, source: str) -> Catalogue:
    base_groups, base_colours, base_actors = base.groups, base.colours, base.actors
    groups = (*parsed.groups, *(g for g in base_groups if g not in parsed.groups))
    declared = dict(parsed.colours)
    colours = (*parsed.colours, *((g, c) for g, c in base_colours if g not in declared))
    replaced_names = {e.actor.name for e in parsed.entries}
    replaced_ids = {e.actor.id for e in parsed.entries if e.explicit_id}
    kept = tuple(a for a in base_actors if a.name not in replaced_names and a.id not in replaced_ids)
    # Derived ids must not collide with each other or with an entry kept from the base catalogue.
    taken = {a.id for a in kept} | replaced_ids
    new = []
    for entry in parsed.entries:
        actor = entry.actor
        if not entry.explicit_id:
            stem = actor.id
            actor_id, n = stem, 1
            while actor_id in taken:
                n += 1
                actor_id = f"{stem}_{n}"
            if actor_id != actor.id:
                actor = _with_id(actor, actor_id)
        taken.add(actor.id)
        new.append(actor)
    # a group the new file declares or gives an actor is the user's group on every beat
    claimed = set(parsed.groups) | {e.actor.side for e in parsed.entries}
    beat_groups = (
        *((g, parsed.beat) for g in parsed.groups if parsed.beat),
        *((g, b) for g, b in base.beat_groups if g not in claimed),
    )
    return Catalogue(groups=groups, actors=(*new, *kept), colours=colours, beat_groups=beat_groups,
                     sources=(*base.sources, source))


def _with_id(actor: Actor, actor_id: str) -> Actor:
    return Actor(**{**asdict(actor), "id": actor_id})


# --- small helpers -----------------------------------------------------------------------------------------------


def _straight(text: str) -> str:
    return text.replace("\u2019", "'")


def _slug(name: str) -> str:
    slug = re.sub(r"\W+", "_", name.casefold()).strip("_")
    return slug or "actor"


def _kind(value: Any) -> str:
    return {dict: "mapping", list: "list", str: "text"}.get(type(value), type(value).__name__)


def _is_colour(value: str) -> bool:
    if re.fullmatch(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})", value):
        return True
    from matplotlib.colors import is_color_like  # only for named colours; keeps workers light otherwise

    return is_color_like(value)
