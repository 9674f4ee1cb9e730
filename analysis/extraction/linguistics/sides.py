"""Which side a phrase names, through the actor catalogue: the one rule for a speaker's side (sourcing) and for
the side of an agent, patient or cue target (framing)."""

from __future__ import annotations

from typing import Iterable

from analysis.catalogue.actors import OTHER_SIDE, UNKNOWN_SIDE, Catalogue
from analysis.extraction.memo import IdentityMemo


#: Catalogues kept at most, and phrases per catalogue at most (a few hundred KB).
MAX_CATALOGUES, MAX_PHRASES = 8, 20_000
#: Sides found, per catalogue, by words and entity ids: the same phrases come back within an article and across a
#: corpus ("officials", "Russia", "he"), and each was looked up word by word again (10,000 phrases on 300
#: articles, a fifth of the actions stage).
_FOUND: IdentityMemo[dict[tuple[tuple[str, ...], tuple[str, ...]], str]] = IdentityMemo(MAX_CATALOGUES)


def side_of_phrase(words: Iterable[str], catalogue: Catalogue, actor_ids: Iterable[str] = ()) -> str:
    """The side the phrase names: the one side among the actors its words (or demonyms) and the entity ids of
    its words name; ``other`` when they name only third parties; ``unknown`` when they name none, or more than
    one side. A possessive ending does not hide a name ("Kyiv's"). Found once per catalogue and phrase."""
    key = (tuple(words), tuple(actor_ids))
    found = _FOUND.get(catalogue, _none_found)
    side = found.get(key)
    if side is None:
        if len(found) >= MAX_PHRASES:
            found.clear()
        side = found[key] = _side_of_phrase(*key, catalogue)
    return side


def _none_found(catalogue: Catalogue) -> dict[tuple[tuple[str, ...], tuple[str, ...]], str]:
    """A catalogue's phrases, before any side was found for one."""
    return {}


def _side_of_phrase(words: tuple[str, ...], actor_ids: tuple[str, ...], catalogue: Catalogue) -> str:
    """:func:`side_of_phrase`, found word by word."""
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
