"""The words by which a text states a person's gender (``gendered_nouns.yaml``): titles, nouns and pronouns.
Read by the people table (what the text states of each person source) and by sourcing (a he/she speaker takes
only an antecedent whose stated gender fits). A first name never decides anything."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping

from spacy.tokens import Token

from analysis.datafiles import read_yaml

FEMALE, MALE, UNKNOWN = "female", "male", "unknown"
GENDERS = (FEMALE, MALE, UNKNOWN)
#: Third-person singular pronouns and the gender each states.
PRONOUN_GENDER: Mapping[str, str] = {
    "he": MALE, "him": MALE, "his": MALE, "himself": MALE,
    "she": FEMALE, "her": FEMALE, "hers": FEMALE, "herself": FEMALE,
}


@dataclass(frozen=True)
class GenderWords:
    """The word lists: titles and nouns by gender, and the nouns that refer to a person at all."""

    titles: Mapping[str, str]
    nouns: Mapping[str, str]
    person_nouns: frozenset[str]
    #: Capitalised words written before a name that are not part of it (gendered or not): stripped from names.
    name_prefixes: frozenset[str]

    def title(self, token: Token) -> str | None:
        """The gender a capitalised title states, or None."""
        return self.titles.get(bare(token.text)) if token.text[:1].isupper() else None

    def noun(self, token: Token) -> str | None:
        """The gender a singular noun states, or None."""
        return self.nouns.get(token.lower_)


def bare(word: str) -> str:
    """Lower case without an abbreviation's final full stop, so that "Mrs" and "Mrs." agree."""
    return word.lower().rstrip(".")


@lru_cache(maxsize=1)
def gender_words() -> GenderWords:
    """``gendered_nouns.yaml`` (and the person nouns of ``source_nouns.yaml``), read once per process.

    Raises:
        ValueError: a word is listed under both genders.
    """
    data, sources = read_yaml("gendered_nouns.yaml"), read_yaml("source_nouns.yaml")
    titles, nouns = {}, {}
    for table, section in ((titles, data["titles"]), (nouns, data["nouns"])):
        for gender in (FEMALE, MALE):
            for word in section[gender]:
                if table.setdefault(bare(str(word)), gender) != gender:
                    raise ValueError(f"gendered_nouns.yaml: {word!r} is listed as female and as male")
    person = set(nouns) | {str(w).lower() for w in data["neutral"]}
    person |= {str(w).lower() for w in sources.get("anonymous", [])} | {
        str(w).lower() for w in sources.get("spokesperson_nouns", [])
    }
    prefixes = set(titles) | {bare(str(w)) for k in ("titles", "honorifics") for w in sources.get(k, [])}
    return GenderWords(titles, nouns, frozenset(person), frozenset(prefixes))
