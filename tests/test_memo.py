"""The identity memo (analysis.extraction.memo): a value made once per object and key, never another object's."""

from __future__ import annotations

from analysis.extraction.memo import IdentityMemo


def test_a_value_is_made_once_per_object_and_key_and_never_given_to_an_equal_object():
    made = []

    def make(owner, *key):
        made.append((owner, key))
        return [len(owner), *key]

    memo = IdentityMemo(limit=4)
    first, equal = (1, 2), tuple([1, 2])  # equal, not the same object
    value = memo.get(first, make, "a")
    assert memo.get(first, make, "a") is value and made == [(first, ("a",))]
    assert memo.get(first, make, "b") == [2, "b"]  # another key: made anew
    assert memo.get(equal, make, "a") is not value  # by identity, not by value
    assert len(made) == 3


def test_a_full_memo_is_emptied_and_still_gives_right_values():
    made = []

    def make(owner):
        made.append(owner)
        return id(owner)

    memo = IdentityMemo(limit=2)
    owners = [object() for _ in range(3)]
    assert [memo.get(o, make) for o in owners] == [id(o) for o in owners]
    assert memo.get(owners[2], make) == id(owners[2]) and len(made) == 3  # the last is kept
    assert memo.get(owners[0], make) == id(owners[0]) and len(made) == 4  # the first went when it filled
