"""Which side a phrase names, through the actor catalogue: the one rule for a speaker's side (sourcing) and for
the side of an agent, patient or cue target (framing)."""

from __future__ import annotations

from typing import Iterable

from analysis.catalogue.actors import OTHER_SIDE, UNKNOWN_SIDE, Catalogue


def side_of_phrase(words: Iterable[str], catalogue: Catalogue, actor_ids: Iterable[str] = ()) -> str:
    """The side the phrase names: the one side among the actors its words (or demonyms) and the entity ids of
    its words name; ``other`` when they name only third parties; ``unknown`` when they name none, or more than
    one side. A possessive ending does not hide a name ("Kyiv's")."""
    words = [w.removesuffix("'s").removesuffix("\u2019s") for w in words]
    sides = {actor.side for i in actor_ids if (actor := catalogue.get(i)) is not None}
    named = catalogue.side_of_phrase(words)
    if named is not None:
        sides.add(named)
    elif any((hit := catalogue.lookup(w)) is not None and hit[0].side == OTHER_SIDE and hit[0].type != "place" for w in words):
        sides.add(OTHER_SIDE)
    named_sides = sides - {OTHER_SIDE}
    if len(named_sides) == 1:
        return named_sides.pop()
    if not named_sides and OTHER_SIDE in sides:
        return OTHER_SIDE
    return UNKNOWN_SIDE
