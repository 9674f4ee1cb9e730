"""The English model's attribute ruler, matched by lookup instead of spaCy's ``Matcher``: the same matches, so
the same parts of speech, morphology and lemmas, for about a tenth of its time.

The model's ``attribute_ruler`` maps fine-grained tags to parts of speech and morphology and fixes a few
lemmas with about 180 patterns, nearly all of one token. spaCy's ``Matcher`` tries every pattern on every
token, which costs about an eighth of the whole parse. A one-token pattern only compares the token's own
attributes with constants, so here every such pattern is indexed by the lowercase form or the tag it names,
and what a token matches is looked up by its attributes (kept for the tokens seen, up to a bound). Patterns
of several tokens, a key with several patterns, and any predicate not handled below stay with a ``Matcher``
of their own. The matches are then sorted and applied by the ruler's own ``set_annotations``, in its order
(later rules win), exactly as the ruler does.

Handled in a one-token pattern: ``LOWER``, ``TAG``, ``DEP`` and ``IS_SPACE`` compared with a value, or with
``IN``, ``NOT_IN`` (both over strings) and ``REGEX`` (``LOWER`` only). Anything else (another attribute,
operators, ``OP``) leaves its pattern to the ``Matcher``.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

#: The token attributes a handled pattern may read, in the order of the arrays read from a ``Doc``.
ATTRIBUTES = ("LOWER", "TAG", "DEP", "IS_SPACE")
ATTRIBUTE_IDS = [LOWER, TAG, DEP, IS_SPACE]
#: Distinct token signatures whose matches are kept; the memo starts over past this, so memory stays bounded.
MAX_KEPT_SIGNATURES = 50_000

Signature = tuple[int, int, int, int]
Test = Callable[[Signature, Callable[[int], str]], bool]
#: A one-token rule: its index among the ruler's patterns, its match id, and its tests.
Rule = tuple[int, int, list[Test]]


def _test(position: int, value: Any, hash_of: Callable[[str], int]) -> Test | None:
    """A test of one attribute (at ``position`` of a signature) against a pattern's value, or None when the
    value has a form this does not handle."""
    if position == ATTRIBUTES.index("IS_SPACE"):
        if isinstance(value, bool):
            return lambda signature, text: bool(signature[position]) == value
        return None
    if isinstance(value, str):
        wanted = hash_of(value)
        return lambda signature, text: signature[position] == wanted
    if not isinstance(value, dict) or len(value) != 1:
        return None
    (operator, operand), = value.items()
    if operator in ("IN", "NOT_IN") and isinstance(operand, list) and all(isinstance(v, str) for v in operand):
        hashes = frozenset(hash_of(v) for v in operand)
        if operator == "IN":
            return lambda signature, text: signature[position] in hashes
        return lambda signature, text: signature[position] not in hashes
    if operator == "REGEX" and isinstance(operand, str) and position == ATTRIBUTES.index("LOWER"):
        # spaCy's REGEX predicate: re.search over the attribute's text
        pattern = re.compile(operand)
        return lambda signature, text: pattern.search(text(signature[position])) is not None
    return None


def _one_token_tests(patterns: list, hash_of: Callable[[str], int]) -> list[Test] | None:
    """The tests of a key's patterns when they are one pattern of one token with handled predicates only."""
    if len(patterns) != 1 or len(patterns[0]) != 1:
        return None
    tests = []
    for attribute, value in patterns[0][0].items():
        if attribute not in ATTRIBUTES:
            return None
        test = _test(ATTRIBUTES.index(attribute), value, hash_of)
        if test is None:
            return None
        tests.append(test)
    return tests


def _required(value: Any) -> list[str] | None:
    """The strings one of which an attribute must equal under a pattern's ``value`` (a string, or ``IN``), or
    None when the value does not require one."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict) and list(value) == ["IN"]:
        return list(value["IN"])
    return None


class IndexedAttributeRules:
    """A replacement for ``AttributeRuler.match``: ``(rule index, match id, start, end)`` for every match,
    sorted, as the ruler's own ``match`` returns them."""

    def __init__(self, ruler: AttributeRuler):
        strings = ruler.vocab.strings
        self.strings = strings
        self.matcher = Matcher(ruler.vocab, validate=False)
        # each rule filed under the lowercase forms it requires, else the tags it requires, else under none:
        # a token is tested against the rules of its form, of its tag and the unfiled ones only
        self.by_attribute: tuple[dict[int, list[Rule]], dict[int, list[Rule]]] = ({}, {})
        self.unfiled: list[Rule] = []
        for index, pattern in enumerate(ruler.patterns):
            key = str(index)
            tests = _one_token_tests(pattern["patterns"], lambda s: strings[s])
            if tests is None or pattern["index"] not in (0, -1):
                self.matcher.add(key, pattern["patterns"])
                continue
            rule = (index, strings[key], tests)
            token = pattern["patterns"][0][0]
            for position, attribute in enumerate(("LOWER", "TAG")):
                required = _required(token.get(attribute))
                if required is not None:
                    for value in required:
                        self.by_attribute[position].setdefault(strings[value], []).append(rule)
                    break
            else:
                self.unfiled.append(rule)
        self.kept: dict[Signature, tuple[tuple[int, int], ...]] = {}

    def _matches_of(self, signature: Signature) -> tuple[tuple[int, int], ...]:
        text = self.strings.__getitem__
        candidates = [*self.by_attribute[0].get(signature[0], ()), *self.by_attribute[1].get(signature[1], ()),
                      *self.unfiled]
        return tuple(sorted((index, match_id) for index, match_id, tests in candidates
                            if all(test(signature, text) for test in tests)))

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        matches = [(int(self.strings[match_id]), match_id, start, end)
                   for match_id, start, end in self.matcher(doc, allow_missing=True, as_spans=False)]
        if len(self.kept) > MAX_KEPT_SIGNATURES:
            self.kept = {}
        kept = self.kept
        for position, signature in enumerate(map(tuple, doc.to_array(ATTRIBUTE_IDS).tolist())):
            found = kept.get(signature)
            if found is None:
                found = kept[signature] = self._matches_of(signature)
            matches.extend((index, match_id, position, position + 1) for index, match_id in found)
        matches.sort()
        return matches


def index_attribute_ruler(ruler: AttributeRuler) -> None:
    """Have ``ruler`` find its matches with :class:`IndexedAttributeRules` (its patterns as they are now)."""
    ruler.match = IndexedAttributeRules(ruler)
