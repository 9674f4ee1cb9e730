"""Proper names around a speaker's head word: a person's name without the role words before it, and a named
body's whole name; and when two written names are one person (:func:`match_full_name`, rules below)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

from rapidfuzz.distance import OSA
from spacy.tokens import Span, Token

from analysis.extraction.doc_index import doc_index
from analysis.extraction.sources.wordlists import bare_word, lexicon


def is_code(tokens: Iterable[Token]) -> bool:
    """A name holding a digit ("COVID-19", "H5N1", "Boeing 737", "G7") is a code for a disease, a product, a
    model or a meeting, never a person's name, whatever label the recogniser gives it: no person, no antecedent
    of "he", no full form of a surname. (Roman numerals in royal names are letters, not digits.)"""
    return any(c.isdigit() for t in tokens for c in t.text)


def name_run(head: Token) -> list[Token]:
    """The proper name ending at ``head``: its entity, else its run of proper-noun compounds; a surname the tagger
    reads as a gerund is its own name (:func:`written_as_name`)."""
    index = doc_index(head.doc)
    entity = index.entity(head.i)
    if entity is not None:
        return [t for t in entity if t.tag_ != "POS" and not (t.i == entity.start and t.lower_ == "the")]
    if head.tag_ == "VBG" and written_as_name(head):
        return [head]
    if head.pos_ != "PROPN":
        return []
    tokens, first = index.tokens, head.i
    while first > 0 and tokens[first - 1].pos_ == "PROPN" and tokens[first - 1].head.i == head.i:
        first -= 1
    return list(tokens[first : head.i + 1])


def written_as_name(token: Token) -> bool:
    """Whether a capitalised word is one the document writes elsewhere as a proper noun ending a name ("Eva
    Worthing" before a sentence that opens "Worthing said"): a name, whatever the tagger makes of it alone."""
    # the word itself is no proper noun here (the tagger read it otherwise), so a name ending in it is elsewhere
    return token.text[:1].isupper() and token.pos_ != "PROPN" and token.text in doc_index(token.doc).name_ends


def person_name(head: Token) -> list[Token]:
    """The person's name around ``head``, leading role words ("Mayor", "Dr", "Landlord") left out."""
    tokens = name_run(head)
    while len(tokens) > 1 and _is_role_word(tokens[0]):
        tokens = tokens[1:]
    return tokens


def _is_role_word(token: Token) -> bool:
    """A word written before a name that describes the person rather than names them: a title, honorific or
    occupation from ``source_nouns.yaml`` ("Dr", "Councillor", "Landlord"), a lowercase word or a gerund.
    Not recognised: descriptions missing from the lists, which stay in the name."""
    lex, bare = lexicon(), bare_word(token.text)
    return not token.text[:1].isupper() or bare in lex.title_words or bare in lex.honorifics or token.tag_ == "VBG"


def _run_end(token: Token) -> Token:
    """The last word of the proper-noun compound that ``token`` begins or continues."""
    while token.dep_ == "compound" and token.head.pos_ == "PROPN" and token.head.i > token.i:
        token = token.head
    return token


def modifies_noun(token: Token) -> bool:
    """A name used as a modifier of a common noun ("the Kanderan delegation", "Lumora Bio shares"): it names
    neither a person nor a speaking body there."""
    end = _run_end(token)
    return token.pos_ == "ADJ" or (end.dep_ in ("compound", "nmod", "amod") and end.head.pos_ == "NOUN")


def body_run(entity: Span) -> list[Token]:
    """A named body's words: its entity widened to the whole proper-noun phrase it heads or belongs to (the
    small model splits "St Anne's Hospital" and sometimes "Halvern Foods"), without a leading "the" or a
    trailing possessive ending."""
    doc, root = entity.doc, _run_end(entity.root)
    first = min(entity.start, root.i)
    while first > 0 and root.is_ancestor(doc[first - 1]) and (doc[first - 1].pos_ == "PROPN" or doc[first - 1].tag_ == "POS"):
        first -= 1
    tokens = list(doc[first : max(entity.end, root.i + 1)])
    while tokens and (tokens[0].lower_ == "the" or tokens[0].tag_ == "POS"):
        tokens = tokens[1:]
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].is_punct):
        tokens = tokens[:-1]
    return tokens


# --- Name variants: when two written names are one person ---------------------------------------------------
#
# A merge that loses a real person is worse than a missed merge, so names merge only on evidence, and every
# rule below errs towards keeping two names apart:
#
# * the surnames agree: equal after :func:`transliteration_key`, or a plausible misspelling of each other
#   (:func:`plausible_misspelling`: same first letter, at most :func:`max_surname_edits` edits for their length);
# * the given names agree (:func:`given_names_compatible`): the same name after :func:`transliteration_key`,
#   or an initial and a name starting with it; a name written without given names (a bare surname, a title and
#   a surname) agrees with any. Two full given names that differ are two people, whatever the surnames:
#   "Eric Massa" / "Julie Mason", "John Smith" / "Jane Smith", and "Jon Smith" / "John Smith" too.
#   "Oleksandr" / "Alexander" are the same name in two languages, not two spellings of one transliteration:
#   no general rule tells such pairs from two people, so they are never merged;
# * a generational suffix is part of the name (:func:`suffixes_agree`): "Donald Trump" / "Donald Trump Jr." are
#   two people, and only a bare surname ("Trump") may mean either;
# * a surname that is not written the same (a misspelling or a transliteration) between two names that both
#   have given names merges only when they have the same number of parts, each part agreeing;
# * the name stands for exactly one person of the article (:func:`match_full_name`): a bare surname or
#   "Mr Smith" with two different Smiths named in full is left as written, and so is a bare surname that is
#   also a word of an organisation named in the article ("Lewis" beside "Martha Lewis" and "Lewis Holdings").

#: What :func:`match_full_name` found: the written name is a full name of the article itself (``name``), a
#: shorter form of one (``short_name``: surname, title and surname, initials, middle name left out), a
#: different spelling of one (``variant``), may stand for two people or a person and a body (``ambiguous``),
#: or matches nobody (empty).
NAME_MATCHES = ("name", "short_name", "variant", "ambiguous", "")

#: Surnames shorter than this merge only when spelt the same: a transliteration key of two or three letters
#: ("Lee" / "Le" -> ``le``) is too little evidence.
MIN_TRANSLITERATED_LENGTH = 4

#: Generational suffixes: words after a surname that are not the surname but tell a person from their parent
#: or child ("John Smith Jr.").
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


@dataclass(frozen=True)
class PersonName:
    """A person's name split into parts: given names and initials in order, and the surname; each part
    :func:`fold`-ed (lowercase, no accents, no full stops); ``titled`` when a title was written before it;
    ``suffix`` the generational suffix written after it ("jr", "iii"), empty when none."""

    given: tuple[str, ...]
    surname: str
    titled: bool = False
    suffix: str = ""

    @property
    def parts(self) -> int:
        """How many parts the name has, surname included."""
        return len(self.given) + (1 if self.surname else 0)


@dataclass(frozen=True)
class NameMatch:
    """The full name a written name stands for (``canonical``, empty when none) and how (:data:`NAME_MATCHES`)."""

    canonical: str
    how: str


def fold(word: str) -> str:
    """A name word compared without case, accents, full stops or apostrophes: "O'Brien" -> "obrien",
    "Zelenskyj" -> "zelenskyj", "J." -> "j"."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if c.isalnum() or c == "-")


@lru_cache(maxsize=8192)
def transliteration_key(word: str) -> str:
    """The spelling a name word shares with its other romanisations, by one general rule (not a table of
    names): accents, case, ``kh`` -> ``h``, ``tz`` -> ``ts``, ``x`` -> ``ks``, ``ye`` -> ``ie``, double
    letters written once, and a final ``y``, ``i``, ``iy``, ``yi``, ``ij`` or ``yj`` -> ``i``. So "Zelensky",
    "Zelenskyy" and "Zelenskiy" share ``zelenski``, "Aliyev" and "Aliev" ``aliev``, "Andriy" and "Andrii"
    ``andri``, "Kharchenko" and "Harchenko" ``harchenko``.

    Not covered: spellings that differ elsewhere ("Dmytro" / "Dmitry", "Volodymyr" / "Wladimir") and a name in
    two languages ("Oleksandr" / "Alexander"), which stay apart."""
    key = fold(word).replace("kh", "h").replace("tz", "ts").replace("x", "ks").replace("ye", "ie")
    key = re.sub(r"(.)\1+", r"\1", key)
    return re.sub(r"(iy|yi|ij|yj|y|i)$", "i", key)


def max_surname_edits(length: int) -> int:
    """How many edits (insertions, deletions, substitutions, swaps of neighbours) a surname of ``length``
    letters may differ by and still be the same surname misspelt: none below 5 letters ("Kim" / "Kin"), one up
    to 8 ("Horvath" / "Horvat", "Smith" / "Smyth"), two from 9 ("Lykhoviy" / "Lykhovity" is one)."""
    return 0 if length < 5 else 1 if length < 9 else 2


@lru_cache(maxsize=8192)
def plausible_misspelling(first: str, second: str) -> bool:
    """Whether two surnames can be one surname spelt two ways: the same after :func:`transliteration_key`
    (both of at least :data:`MIN_TRANSLITERATED_LENGTH` letters: "Lee" / "Le", "Li" / "Ly" stay apart), or the
    same first letter and at most :func:`max_surname_edits` edits apart (of the shorter's length), on the
    folded words or on their transliteration keys. "Massa" / "Mason" (two edits in five letters) is not;
    neither is "Mason" / "Bason" (first letter)."""
    a, b = fold(first), fold(second)
    key_a, key_b = transliteration_key(first), transliteration_key(second)
    if not a or not b:
        return False
    if a == b or (key_a == key_b and min(len(a), len(b)) >= MIN_TRANSLITERATED_LENGTH):
        return True
    if a[0] != b[0] or key_a[:1] != key_b[:1]:
        return False
    limit = max_surname_edits(min(len(a), len(b)))
    return limit > 0 and min(OSA.distance(a, b), OSA.distance(key_a, key_b)) <= limit


@lru_cache(maxsize=8192)
def parse_name(written: str, titles: frozenset[str] | None = None) -> PersonName:
    """Split a written person's name into given names, surname and whether a title leads it. ``titles``
    (bare, lowercase: "mr", "dr", "mayor") default to the sourcing lexicon's honorifics and titles; a suffix
    ("Jr.") is kept apart from the surname, and "J.R." counts as two initials.

    >>> parse_name("Mr. Eric J. Massa")
    PersonName(given=('eric', 'j'), surname='massa', titled=True, suffix='')
    >>> parse_name("Donald Trump Jr.").suffix
    'jr'
    """
    words = [w for w in written.replace(",", " ").split() if fold(w)]
    titled = _leading_titles(words, titles) > 0
    words = words[_leading_titles(words, titles):]
    suffixes: list[str] = []
    while len(words) > 1 and fold(words[-1]) in NAME_SUFFIXES:
        suffixes.insert(0, fold(words.pop()))
    suffix = " ".join(suffixes)
    if not words:
        return PersonName((), "", titled, suffix)
    given: list[str] = []
    for word in words[:-1]:
        pieces = [p for p in word.split(".") if p]
        given += [fold(p) for p in pieces] if len(pieces) > 1 and all(len(p) == 1 for p in pieces) else [fold(word)]
    return PersonName(tuple(given), fold(words[-1]), titled, suffix)


def _leading_titles(words: Sequence[str], titles: frozenset[str] | None) -> int:
    """How many of the first ``words`` are titles (``titles``, bare and lowercase; by default the sourcing
    lexicon's honorifics and titles), leaving at least one word: "President Donald Trump" has one, "Former Vice
    President Ana Ruiz" three, "President" alone none."""
    if titles is None:
        lex = lexicon()
        titles = lex.honorifics | lex.title_words
    count = 0
    while count < len(words) - 1 and bare_word(words[count]) in titles:
        count += 1
    return count


def strip_title(written: str, titles: frozenset[str] | None = None) -> str:
    """A written person's name without the titles before it, as :func:`parse_name` reads it: "President Donald
    Trump" -> "Donald Trump", "Gov. Ana Ruiz" -> "Ana Ruiz"; a title alone is kept ("President")."""
    words = written.split()
    return " ".join(words[_leading_titles(words, titles):])


def _given_agree(first: str, second: str) -> bool:
    """One given name against another: the same after :func:`transliteration_key`, or an initial and a name
    beginning with that letter."""
    if len(first) == 1 or len(second) == 1:
        return first[0] == second[0]
    return transliteration_key(first) == transliteration_key(second)


def given_names_compatible(first: PersonName, second: PersonName, *, same_parts: bool = False) -> bool:
    """Whether the given names of two names can be one person's: a name without given names agrees with any;
    otherwise the first given names agree (:func:`_given_agree`) and so does every later one both write (a
    middle name or initial written by one only is fine, unless ``same_parts``, when both must have as many).
    "J. Smith" ~ "John Smith", "Eric Massa" ~ "Eric J. Massa"; never "John" / "Jane", "A. Smith" / "B. Smith",
    "John A. Smith" / "John B. Smith"."""
    if not first.given or not second.given:
        return not same_parts or first.parts == second.parts
    if same_parts and len(first.given) != len(second.given):
        return False
    if not _given_agree(first.given[0], second.given[0]):
        return False
    middle_a, middle_b = first.given[1:], second.given[1:]
    if len(middle_a) == len(middle_b):
        return all(_given_agree(a, b) for a, b in zip(middle_a, middle_b))
    return not middle_a or not middle_b


def surnames_agree(first: PersonName, second: PersonName) -> bool:
    """Whether the surnames are one surname: equal, or (:func:`plausible_misspelling`) a misspelling or a
    transliteration of each other."""
    return first.surname == second.surname or plausible_misspelling(first.surname, second.surname)


def suffixes_agree(first: PersonName, second: PersonName) -> bool:
    """Whether the generational suffixes of two names can be one person's: the same suffix, or a name written
    without given names and without a suffix ("Trump", "Mr Trump"), which may mean either. "Donald Trump" and
    "Donald Trump Jr." are father and son, and "Trump Jr." is not "Donald Trump"."""
    if first.suffix == second.suffix:
        return True
    bare = [name for name in (first, second) if not name.suffix]
    return bool(bare) and not bare[0].given


def same_person(first: PersonName, second: PersonName) -> bool:
    """Whether two names can be one person: the surnames agree, the generational suffixes agree
    (:func:`suffixes_agree`) and the given names agree; when the surnames are spelt differently and both names
    have given names, the two have as many parts. Symmetric."""
    if not first.surname or not second.surname or not surnames_agree(first, second) or not suffixes_agree(first, second):
        return False
    respelt = first.surname != second.surname and bool(first.given) and bool(second.given)
    return given_names_compatible(first, second, same_parts=respelt)


def _is_exact(first: PersonName, second: PersonName) -> bool:
    """Surnames equal after :func:`transliteration_key` (rather than a misspelling)."""
    return transliteration_key(first.surname) == transliteration_key(second.surname)


def _body_word_runs(bodies: Sequence[PersonName]) -> frozenset[tuple[str, ...]]:
    """Every run of consecutive words of the organisations' names: what :func:`match_full_name` tests a full name
    against ("Goldman Sachs" is a run of "Goldman Sachs Group"). Built once, so that a test is one lookup."""
    runs = set()
    for body in bodies:
        words = (*body.given, body.surname)
        runs.update(words[i:j] for i in range(len(words)) for j in range(i + 1, len(words) + 1))
    return frozenset(runs)


def _one_person(found: Iterable[tuple[PersonName, int, int]]) -> bool:
    """Whether the names found can all be one person (pairwise :func:`same_person`)."""
    names = [f[0] for f in found]
    return all(same_person(a, b) for a in names for b in names)


def match_full_name(written: str, full_names: Sequence[str], bodies: Sequence[str] = (), titles: frozenset[str] | None = None) -> NameMatch:
    """The one person of an article that ``written`` names, among the full names (two words or more) the
    article writes, in document order and with repeats: those that :func:`same_person` allows, those whose
    surname is the same (after :func:`transliteration_key`). They must all be one person (pairwise
    :func:`same_person`); when they are not, those with the same surname alone must be (so "Smith" is "John
    Smith" beside "Jane Smyth"), else the match is ``ambiguous``. Of them the canonical name is the spelling
    written most often, then first, so that "John Smyth" and "John Smith" both resolve to the same one.

    A bare surname (no title, no given name) that is a word of an organisation's name of two words or more
    (``bodies``) is ``ambiguous`` too (a one-word "body" equal to the surname is the recogniser mislabelling the
    surname itself), and a "full name" that is part of a body's name is no person ("Goldman Sachs" beside
    "Goldman Sachs Group"). Pure: the result depends on the strings alone.

    >>> match_full_name("Mr Smith", ["John Smith"])
    NameMatch(canonical='John Smith', how='short_name')
    >>> match_full_name("Mr Smith", ["John Smith", "Jane Smith"])
    NameMatch(canonical='', how='ambiguous')
    >>> match_full_name("Eric J. Massa", ["Julie Mason", "Eric J. Massa"])
    NameMatch(canonical='Eric J. Massa', how='name')
    """
    return FullNames(full_names, bodies, titles).match(written)


class FullNames:
    """An article's full names and organisations' names, prepared once (parsed, counted, those inside a body
    left out) so that each :meth:`match` costs the number of distinct people, not the article's length."""

    def __init__(self, full_names: Sequence[str], bodies: Sequence[str] = (), titles: frozenset[str] | None = None):
        self.titles = titles
        self.bodies = [parse_name(b, frozenset()) for b in bodies]
        body_runs = _body_word_runs(self.bodies)
        # the surnames that are a word of a body's name of two words or more, and the parse of each distinct name
        self._body_surnames = frozenset(w for b in self.bodies if b.given for w in (*b.given, b.surname))
        parses: dict[str, PersonName] = {}
        seen: dict[tuple[str, ...], tuple[PersonName, int, int]] = {}
        for k, full in enumerate(full_names):
            if full not in parses:
                parses[full] = parse_name(full, titles)
            parsed = parses[full]
            key = (*parsed.given, parsed.surname)
            if parsed.given and parsed.surname and key not in body_runs:
                key += (parsed.suffix,)  # "Donald Trump" and "Donald Trump Jr." are two people
                _, count, first = seen.get(key, (parsed, 0, k))
                seen[key] = (parsed, count + 1, first)
        self.people = {full_names[first]: (parsed, count, first) for parsed, count, first in seen.values()}
        self._matched: dict[str, NameMatch] = {}

    def match(self, written: str) -> NameMatch:
        """What :func:`match_full_name` says of ``written`` among these names (an article names its people
        many times: each written form is matched once)."""
        if written not in self._matched:
            self._matched[written] = self._match(written)
        return self._matched[written]

    def _match(self, written: str) -> NameMatch:
        name = parse_name(written, self.titles)
        if not name.surname:
            return NameMatch("", "")
        matching = {text: v for text, v in self.people.items() if same_person(name, v[0])}
        if not matching:
            return NameMatch("", "")
        candidates = matching
        if not _one_person(candidates.values()):
            candidates = {text: v for text, v in matching.items() if _is_exact(name, v[0])}
            if not candidates or not _one_person(candidates.values()):
                return NameMatch("", "ambiguous")
        if not name.given and not name.titled and name.surname in self._body_surnames:
            return NameMatch("", "ambiguous")
        canonical = min(candidates, key=lambda text: (-candidates[text][1], candidates[text][2]))
        target = candidates[canonical][0]
        if (name.given, name.surname, name.suffix) == (target.given, target.surname, target.suffix):
            return NameMatch(canonical, "name")
        respelt = name.surname != target.surname or any(
            len(a) > 1 and len(b) > 1 and a != b for a, b in zip(name.given, target.given)
        )
        return NameMatch(canonical, "variant" if respelt else "short_name")
