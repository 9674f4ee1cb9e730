"""What a relative pronoun stands for: "the incursion that has seized ..." -> incursion, "Smith, who has
denied ..." -> Smith. Read by sourcing (who speaks) and framing (who acts and who is acted upon)."""

from __future__ import annotations

from spacy.tokens import Token

#: Relative pronouns that stand for the noun their clause describes.
RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom", "whose"})
#: Tags of a word used as a relative pronoun ("that" is also a determiner and a conjunction).
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})


def antecedent(token: Token) -> Token:
    """The noun a relative pronoun stands for: the head of the relative clause holding it; any other token is
    returned as it is (so is a relative pronoun outside a relative clause)."""
    if token.lower_ not in RELATIVE_PRONOUNS or token.tag_ not in RELATIVE_TAGS:
        return token
    node = token.head
    while node.dep_ != "relcl" and node.head.i != node.i:
        node = node.head
    return node.head if node.dep_ == "relcl" else token
