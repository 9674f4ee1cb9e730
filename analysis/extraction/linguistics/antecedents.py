"""What a relative pronoun stands for: "the incursion that has seized ..." -> incursion, "Smith, who has
denied ..." -> Smith. Read by sourcing (who speaks) and framing (who acts and who is acted upon)."""

from __future__ import annotations

from spacy.tokens import Token

#: Relative pronouns that stand for the noun their clause describes.
RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom", "whose"})
#: Tags of a word used as a relative pronoun ("that" is also a determiner and a conjunction).
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})


#: Relative pronouns that stand only for a person, and so for the word written just before them even where the
#: parse hangs their clause elsewhere ("it was him who recommended ...", "Dr. Lee, who said ...").
PERSON_RELATIVES = frozenset({"who", "whom"})
#: Parts of speech of a word a person relative can stand for.
NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON"})


def antecedent(token: Token) -> Token:
    """The noun a relative pronoun stands for: the head of the relative clause holding it; for "who" or "whom"
    outside a relative clause in the parse, the noun, name or pronoun written just before it (a comma
    between them allowed); any other token is returned as it is (so is a relative pronoun with neither)."""
    if token.lower_ not in RELATIVE_PRONOUNS or token.tag_ not in RELATIVE_TAGS:
        return token
    node = token.head
    while node.dep_ != "relcl" and node.head.i != node.i:
        node = node.head
    if node.dep_ == "relcl":
        return node.head
    if token.lower_ in PERSON_RELATIVES:
        before = token.i - 1
        if before >= 0 and token.doc[before].text == ",":
            before -= 1
        if before >= 0 and token.doc[before].pos_ in NOMINAL_POS and token.doc[before].lower_ not in RELATIVE_PRONOUNS:
            return token.doc[before]
    return token
