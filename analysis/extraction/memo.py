"""One memo for what is derived from an object that cannot be hashed, or that costs a pass over it to hash (an
actor catalogue, a lexicon's tuple of phrases): kept by the object's identity, with the object itself, so that an
id that Python reuses after the object is freed never finds another object's value."""

from __future__ import annotations

from typing import Callable, Generic, Hashable, TypeVar

V = TypeVar("V")


class IdentityMemo(Generic[V]):
    """Values made from objects, kept by the objects' identity (and any further hashable key), at most ``limit``
    at a time: when full, it is emptied (the objects asked for are a handful per process)."""

    def __init__(self, limit: int):
        self.limit = limit
        self._kept: dict[tuple, tuple[object, V]] = {}

    def get(self, owner: object, make: Callable[..., V], *key: Hashable) -> V:
        """The value kept for ``owner`` (and ``key``), made by ``make(owner, *key)`` the first time it is asked
        for (a function of the module, not a closure made on every call: some callers are on hot paths)."""
        slot = (id(owner), *key)
        kept = self._kept.get(slot)
        if kept is not None and kept[0] is owner:
            return kept[1]
        if len(self._kept) >= self.limit:
            self._kept.clear()
        value = make(owner, *key)
        self._kept[slot] = (owner, value)
        return value
