"""Person sources and what the text itself states about them: the ``people`` table.

One row per person a document quotes or paraphrases (each distinct canonical ``source`` of its ``person``
attributions), placed at the first mention of their name, with the gender the text states of them and the
word that states it, so that every verdict can be checked against the article:

* ``title``: a title written immediately before their name ("Mr Smith", "Dame Judi Dench", "Mrs. Jane Doe");
* ``noun``: a gendered noun describing them: in apposition ("Jane Doe, a mother of two,"; "The company's
  spokeswoman, Jane Doe,"), directly before the name ("army spokesman Dmytro Lykhoviy"), as the predicate of
  "is/was" with the name as subject ("Jane Doe is a businesswoman"), or as the speaker phrase the attribution
  resolution tied to them ("the spokeswoman said");
* ``pronoun``: he/him/his/himself or she/her/hers/herself that can only mean them (below).

The words are in ``analysis/data/gendered_nouns.yaml``. A first name never decides anything; a person the
text never refers to by a title, a gendered noun or a pronoun stays ``unknown``.

Pronouns are read conservatively. A pronoun is about person P only when:

1. it is not inside quotation marks or a direct quotation's content (quoted words are another voice: "'I
   told him he was wrong,' said Peter Parker" says nothing of Parker), and is not half of "he or she";
2. every person referred to in its sentence and the :data:`CLEAR_REACH` sentences before it is P: names
   (``mentions`` of people, the attributions' person speakers), and singular person nouns that are not a
   description of a name ("officer", "lawyer", "husband"). Two people in reach make every he/she there
   ambiguous, whatever the attribution resolution (which ties a pronoun to the nearest person, of either
   gender) chose; except that a reference stating the other gender on the spot cannot be meant ("Mr Smith
   met Anna Brown. She said": she is Anna Brown; "Tom Reeve, whose daughter ..., said he": he is Reeve);
3. the nearest person referred to before it is P, and P is named in its sentence or the one before; or the
   pronoun is a speaker the attribution resolution tied to P (``speaker_resolution == "pronoun"``), P may
   then be named up to :data:`RESOLVER_REACH` sentences back (as far as the resolution looks), and no one
   else is in reach.

"they", "I", "we" and "you" say nothing. Conflicting evidence (a "she" and a "Mr") leaves the person
``unknown`` with no evidence and ``conflicting`` true. Of several consistent pieces of evidence the row
shows the strongest kind (title, then noun, then pronoun), the earliest of that kind.

Cost: the document's tokens and the references are indexed once; each pronoun and each name is looked up by
binary search, and a pronoun reads only the references in its reach: O(n log n) in the article's length.

Limits: a name the recogniser misses as a person (and no attribution names) does not stop a pronoun from
reaching past it; a he/she in a person's own reported speech that means someone last named more than
:data:`CLEAR_REACH` sentences earlier, or never named ("Mary Jones said he had no choice" on its own), is
read as that person's; a name written only after the pronoun ("In his statement, John Smith said") is never
its referent (the pronoun then usually counts for nobody); a "she" for a ship or a country ("Britain and her allies") is read as a person's when one
person alone is in reach; two sources sharing a surname make the bare surname ambiguous (neither gets its
evidence); "chairman" as a woman's formal title gives a wrong ``male`` unless other evidence conflicts;
single quotation marks are recognised when curly (straight ones only through the attributions' contents).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import Iterable, Mapping, Sequence


from spacy.tokens import Token

from analysis.extraction.doc_index import Intervals, doc_index
from analysis.extraction.linguistics.gender import (  # noqa: F401 (GENDERS, PRONOUN_GENDER: read from here too)
    FEMALE, GENDERS, MALE, PRONOUN_GENDER, UNKNOWN, GenderWords, bare as _bare, gender_words,
)

from analysis.extraction.mentions import MentionRow
from analysis.extraction.parsed import ParsedDocument
from analysis.extraction.sources import Attribution

#: Tags of personal and possessive pronouns ("her" is either).
PRONOUN_TAGS = frozenset({"PRP", "PRP$"})
#: Words joining the two pronouns of a generic "he or she", "his/her".
GENERIC_JOINERS = frozenset({"or", "/", "and"})
#: A pronoun is tied to a person only when nobody else is referred to in its sentence or this many before it.
CLEAR_REACH = 2
#: ... and (unless the attribution resolution tied it) that person is named in its sentence or this many before.
NAME_REACH = 1
#: Sentences before a pronoun's that the attribution resolution searches for its person (as analysis.extraction.sources).
RESOLVER_REACH = 3
#: Order of preference of the evidence kinds shown when several agree.
KIND_RANK: Mapping[str, int] = {"title": 0, "noun": 1, "pronoun": 2}
#: Speaker resolutions whose speaker span is the person's name.
NAME_RESOLUTIONS = frozenset({"name", "short_name", "variant"})


# --- records -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonRow:
    """One person source of a document; the fields are the ``people`` table's columns after ``doc_id``."""

    sentence_id: int
    start: int
    end: int
    text: str
    source: str
    attributions: int
    gender: str
    evidence: str
    evidence_start: int | None
    evidence_end: int | None
    evidence_kind: str
    conflicting: bool


@dataclass(frozen=True)
class Evidence:
    """A word of the text that states a person's gender."""

    start: int
    end: int
    gender: str
    kind: str


@dataclass(frozen=True)
class Reference:
    """A person the text refers to: a name, a speaker phrase tied to a source, or a person noun.

    ``key`` is the canonical source, or ``other:...`` / ``ambiguous:...`` for anyone else; ``first`` and
    ``last`` are token positions (``last`` exclusive) of the words that name them, titles left out;
    ``gender`` is what the reference itself states (its title or describing noun: "Mr Smith", "a nurse's
    husband"), else empty: a he cannot mean "Ms Brown" or "the daughter".
    """

    start: int
    end: int
    sentence: int
    key: str
    named: bool
    first: int
    last: int
    gender: str = ""


# --- the document's tokens -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Tokens:
    """The document's tokens with their start offsets, for offset-to-token lookups by binary search."""

    tokens: tuple[Token, ...]
    starts: tuple[int, ...]

    @classmethod
    def of(cls, parsed: "ParsedDocument") -> "_Tokens":
        tokens = doc_index(parsed.doc).tokens
        return cls(tokens, tuple(t.idx for t in tokens))

    def range(self, start: int, end: int) -> tuple[int, int]:
        """Token positions ``[first, last)`` of the tokens overlapping ``[start, end)``."""
        return max(bisect.bisect_right(self.starts, start) - 1, 0), bisect.bisect_left(self.starts, end)

    def end(self, i: int) -> int:
        token = self.tokens[i]
        return token.idx + len(token)


def _adjacent(text: str, left: Token, right: Token) -> bool:
    """Whether only spaces (no line break) separate two tokens (``text``: the document's, read once, since
    ``Doc.text`` is rebuilt on every access)."""
    gap = text[left.idx + len(left) : right.idx]
    return "\n" not in gap and gap.strip() == ""


# --- who the person sources are ------------------------------------------------------------------------------


def person_sources(attributions: Sequence["Attribution"]) -> dict[str, list["Attribution"]]:
    """The attributions of each person source, keyed by canonical source in order of first attribution."""
    found: dict[str, list[Attribution]] = {}
    for row in attributions:
        if row.source_type == "person" and row.source:
            found.setdefault(row.source, []).append(row)
    return found


def name_forms(sources: Mapping[str, Sequence["Attribution"]], words: GenderWords) -> dict[str, frozenset[str]]:
    """The ways the text writes each source's name, lowercased, to the sources written so: the canonical
    name, its last word (the surname), and every spelling a speaker span gave it. A form shared by two
    sources (two Smiths) maps to both and settles neither."""
    forms: dict[str, set[str]] = {}
    for source, rows in sources.items():
        written = [source] + [r.speaker for r in rows if r.speaker_resolution in NAME_RESOLUTIONS and r.speaker]
        written += [r.name_variant for r in rows if r.name_variant]
        for name in written:
            name = _strip_prefixes(name, words)
            forms.setdefault(name.lower(), set()).add(source)
            if len(name.split()) > 1:
                forms.setdefault(name.split()[-1].lower(), set()).add(source)
    return {form: frozenset(found) for form, found in forms.items()}


def _strip_prefixes(name: str, words: GenderWords) -> str:
    parts = name.split()
    while len(parts) > 1 and parts[0][:1].isupper() and _bare(parts[0]) in words.name_prefixes:
        parts = parts[1:]
    return " ".join(parts)


def _key_of_name(written: str, actor: str, sources: Mapping[str, object], forms: Mapping[str, frozenset[str]]) -> str:
    """Whose name ``written`` is: a source, or someone else (``other:``), or one of several (``ambiguous:``)."""
    if actor:
        return actor if actor in sources else f"other:{actor}"
    found = forms.get(written.lower(), frozenset())
    if len(found) == 1:
        return next(iter(found))
    return f"ambiguous:{written.lower()}" if found else f"other:{written.lower()}"


def name_references(
    parsed: "ParsedDocument",
    tokens: _Tokens,
    mentions: Sequence["MentionRow"],
    sources: Mapping[str, Sequence["Attribution"]],
    words: GenderWords,
) -> list[Reference]:
    """Every name of a person in the document (and every speaker phrase the attribution resolution tied to a
    person source), keyed by whose it is, in order of position.

    A person speaker span is the source's name (or, resolved by role, its description: "the spokeswoman");
    a person mention overlapping one is that source's; any other mention of a person is keyed by its
    catalogue actor or by its written form (:func:`name_forms`)."""
    forms = name_forms(sources, words)
    spoken: list[tuple[int, int, str]] = []
    refs: list[Reference] = []
    for source, rows in sources.items():
        for row in rows:
            if row.speaker_start is None or row.speaker_end is None:
                continue
            if row.speaker_resolution in NAME_RESOLUTIONS:
                spoken.append((row.speaker_start, row.speaker_end, source))
                refs.append(_reference(parsed, tokens, row.speaker_start, row.speaker_end, source, True, words))
            elif row.speaker_resolution == "role":
                refs.append(_reference(parsed, tokens, row.speaker_start, row.speaker_end, source, False, words))
    speakers = Intervals(sorted(spoken))  # added in order: each insertion is at the end
    for mention in mentions:
        if mention.label != "PERSON" and mention.actor_type != "person":
            continue
        if mention.alias_kind in ("metonym", "demonym"):
            continue
        if speakers.overlapping(mention.start, mention.end):
            continue  # the speaker span already stands for it
        ref = _reference(parsed, tokens, mention.start, mention.end, "", True, words)
        written = parsed.text[ref.start : ref.end].removesuffix("'s").removesuffix("\u2019s")
        key = _key_of_name(written, mention.actor if mention.actor_type == "person" else "", sources, forms)
        refs.append(Reference(ref.start, ref.end, ref.sentence, key, True, ref.first, ref.last))
    return sorted(set(refs), key=lambda r: (r.start, r.end, r.key))


def _reference(
    parsed: "ParsedDocument", tokens: _Tokens, start: int, end: int, key: str, named: bool, words: GenderWords
) -> Reference:
    """A reference over ``[start, end)``; for a name, leading titles ("Ms", "Gen.") are left out of it."""
    first, last = tokens.range(start, end)
    last = min(max(last, first + 1), len(tokens.tokens))
    stripped = False
    while named and last - first > 1:
        word = tokens.tokens[first].text
        if word[:1].isupper() and _bare(word) in words.name_prefixes or stripped and word == ".":
            first, stripped = first + 1, word != "."
        else:
            break
    if last > first and named:
        start, end = max(start, tokens.tokens[first].idx), min(end, tokens.end(last - 1))
    return Reference(start, end, parsed.sentences.sentence_id(start), key, named, first, last)


def _root(tokens: _Tokens, ref: Reference) -> Token:
    """The word of the reference that the rest of the sentence attaches to."""
    inside = tokens.tokens[ref.first : ref.last]
    for token in inside:
        if not ref.first <= token.head.i < ref.last or token.head.i == token.i:
            return token
    return inside[-1]


def describing(tokens: _Tokens, ref: Reference) -> list[Token]:
    """Nouns the sentence says a name is: its apposition ("Jane Doe, a mother of two"), the noun it stands in
    apposition to ("The company's spokeswoman, Jane Doe"; "A spokeswoman for Halvern Foods, Jane Doe"), a noun written directly before it that it belongs
    to ("army spokesman Dmytro Lykhoviy"), the predicate of "is/was" with it as subject. For a speaker phrase
    resolved by role ("the spokeswoman"), its head noun."""
    root = _root(tokens, ref)
    if not ref.named:
        return [root] if root.pos_ == "NOUN" else []
    found = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos" and not ref.first <= root.head.i < ref.last:
        found.append(root.head)
        owner = root.head
        if owner.dep_ == "pobj" and owner.head.dep_ == "prep" and owner.ent_type_ not in ("", "PERSON"):
            # "A spokeswoman for Halvern Foods, Jane Doe,": the parser hangs the name on the organisation,
            # which a person's name cannot stand for; it belongs to the noun the organisation modifies
            found.append(owner.head.head)
    if ref.first > 0:
        before = tokens.tokens[ref.first - 1]
        if before.pos_ in ("NOUN", "PROPN") and (ref.first <= before.head.i < ref.last or root.head.i == before.i):
            found.append(before)
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ == "be":
        found += [c for c in root.head.children if c.dep_ == "attr"]
    return [t for t in found if t.pos_ in ("NOUN", "PROPN") and not ref.first <= t.i < ref.last]


def noun_references(
    parsed: "ParsedDocument", tokens: _Tokens, names: Sequence[Reference], words: GenderWords
) -> list[Reference]:
    """Singular person nouns ("officer", "husband", "minister") outside the names: a description of a name
    (:func:`describing`) is that name's person; any other is somebody else, who makes a pronoun near it
    ambiguous."""
    described = {t.i: ref.key for ref in names for t in describing(tokens, ref)}
    covered = {i for ref in names for i in range(ref.first, ref.last)}
    refs = []
    # only the words of the person nouns are read, found in the index's lower-case words (the loop read every
    # Token's tag and text)
    lower = doc_index(parsed.doc).lower
    for token in (tokens.tokens[i] for i, word in enumerate(lower) if word in words.person_nouns):
        if token.tag_ not in ("NN", "NNP") or token.i in covered:
            continue
        key = described.get(token.i, f"other:{token.i}")
        start, gender = token.idx, words.noun(token) or ""
        refs.append(
            Reference(start, start + len(token), parsed.sentences.sentence_id(start), key, False, token.i, token.i + 1, gender)
        )
    return refs


# --- evidence ------------------------------------------------------------------------------------------------


def title_evidence(text: str, tokens: _Tokens, ref: Reference, words: GenderWords) -> Evidence | None:
    """A gendered title immediately before a name ("Mr Smith", "Mrs. Jane Doe", "Mr . Smith" split)."""
    if not ref.named or ref.first == 0:
        return None
    i = ref.first - 1
    title = tokens.tokens[i]
    if title.text == "." and i > 0 and tokens.tokens[i - 1].idx + len(tokens.tokens[i - 1]) == title.idx:
        i -= 1
    gender = words.title(tokens.tokens[i])
    if gender is None or not _adjacent(text, tokens.tokens[ref.first - 1], tokens.tokens[ref.first]):
        return None
    return Evidence(tokens.tokens[i].idx, tokens.end(ref.first - 1), gender, "title")


def noun_evidence(tokens: _Tokens, ref: Reference, words: GenderWords) -> list[Evidence]:
    """Gendered nouns that describe the reference (:func:`describing`)."""
    return [
        Evidence(t.idx, t.idx + len(t), gender, "noun")
        for t in describing(tokens, ref)
        if (gender := words.noun(t)) is not None
    ]


def local_evidence(text: str, tokens: _Tokens, ref: Reference, words: GenderWords) -> list[Evidence]:
    """What a name or speaker phrase states on the spot: the title before it and the nouns describing it."""
    title = title_evidence(text, tokens, ref, words)
    return ([title] if title is not None else []) + noun_evidence(tokens, ref, words)


def _stated(evidence: Sequence[Evidence]) -> str:
    """The one gender the evidence states, else empty."""
    genders = {e.gender for e in evidence}
    return genders.pop() if len(genders) == 1 else ""


def quoted_spans(parsed: "ParsedDocument", attributions: Sequence["Attribution"]) -> Intervals[None]:
    """Text inside quotation marks (double marks paired within a paragraph, curly single ones) and the
    contents of direct attributions: what another voice says."""
    spans: list[tuple[int, int, None]] = []
    view, text = parsed.view, parsed.text
    opened: int | None = None
    for match in re.finditer(r'["\n]', view):
        if match.group() == "\n":
            if opened is not None:
                spans.append((opened, match.start(), None))
            opened = None
        elif opened is None:
            opened = match.start()
        else:
            spans.append((opened, match.end(), None))
            opened = None
    if opened is not None:
        spans.append((opened, len(view), None))
    spans += [(m.start(), m.end(), None) for m in re.finditer(r"\u2018[^\u2018\n]*?\u2019(?![A-Za-z])", text)]
    spans += [(row.content_start, row.content_end, None) for row in attributions if row.kind == "direct"]
    return Intervals(sorted(spans, key=lambda span: span[:2]))  # added in order: each insertion is at the end


def _generic(tokens: _Tokens, i: int) -> bool:
    """Half of a generic "he or she", "his/her", "her and his"."""
    gender = PRONOUN_GENDER[tokens.tokens[i].lower_]
    for joiner, other in ((i + 1, i + 2), (i - 1, i - 2)):
        if 0 <= other < len(tokens.tokens) and tokens.tokens[joiner].lower_ in GENERIC_JOINERS:
            if PRONOUN_GENDER.get(tokens.tokens[other].lower_, gender) != gender:
                return True
    return False


def pronoun_referent(
    offset: int,
    sentence: int,
    gender: str,
    refs: Sequence[Reference],
    ref_starts: Sequence[int],
    sentence_starts: Sequence[int],
    sentence_ends: Sequence[int],
    resolved: str | None,
) -> str | None:
    """The source a pronoun of ``gender`` at ``offset`` can only mean, or None (rules 2 and 3 of the module
    docstring). References that state the other gender ("Mr Smith" for a she) are not candidates.

    ``refs`` are all references in order of start, ``ref_starts`` their starts; ``resolved`` is the source
    the attribution resolution tied the pronoun to, if it is a speaker. Reads only the references of the
    pronoun's sentence and the :data:`RESOLVER_REACH` before it."""

    def fits(ref: Reference) -> bool:
        return ref.gender in ("", gender)

    floor = bisect.bisect_left(ref_starts, sentence_starts[max(sentence - RESOLVER_REACH, 0)])
    lo = bisect.bisect_left(ref_starts, sentence_starts[max(sentence - CLEAR_REACH, 0)])
    before = bisect.bisect_left(ref_starts, offset)
    hi = bisect.bisect_left(ref_starts, sentence_ends[sentence])
    in_reach = {r.key for r in refs[lo:hi] if fits(r)}
    k = before - 1
    while k >= floor and not fits(refs[k]):
        k -= 1
    if k < floor or len(in_reach) > 1:
        return None
    nearest = refs[k]
    if nearest.key.startswith(("other:", "ambiguous:")) or (in_reach and nearest.key not in in_reach):
        return None
    if resolved is not None:
        return nearest.key if resolved == nearest.key else None
    # named (not only described) in the pronoun's sentence or the one before
    while k >= floor and refs[k].sentence >= sentence - NAME_REACH:
        if refs[k].named and fits(refs[k]):
            return nearest.key if refs[k].key == nearest.key else None
        k -= 1
    return None


def pronoun_evidence(
    parsed: "ParsedDocument",
    tokens: _Tokens,
    refs: Sequence[Reference],
    attributions: Sequence["Attribution"],
) -> dict[str, list[Evidence]]:
    """Pronouns that can only mean one person source, by source."""
    resolved = {
        row.speaker_start: row.source
        for row in attributions
        if row.speaker_resolution == "pronoun" and row.source_type == "person" and row.speaker_start is not None
        and row.speaker.lower() in PRONOUN_GENDER
    }
    quoted = quoted_spans(parsed, attributions)
    ref_starts = [r.start for r in refs]
    starts, ends = parsed.sentences.starts, parsed.sentences.ends
    found: dict[str, list[Evidence]] = {}
    # only the gendered pronouns are read, found in the index's lower-case words (the loop read every Token's text)
    lower = doc_index(parsed.doc).lower
    for token in (tokens.tokens[i] for i, word in enumerate(lower) if word in PRONOUN_GENDER):
        gender = PRONOUN_GENDER[lower[token.i]]
        if token.tag_ not in PRONOUN_TAGS or _generic(tokens, token.i):
            continue
        tied = resolved.get(token.idx)
        if tied is None and quoted.stabbing(token.idx):
            continue
        sentence = parsed.sentences.sentence_id(token.idx)
        source = pronoun_referent(token.idx, sentence, gender, refs, ref_starts, starts, ends, tied)
        if source is not None:
            found.setdefault(source, []).append(Evidence(token.idx, token.idx + len(token), gender, "pronoun"))
    return found


def decide(evidence: Iterable[Evidence]) -> tuple[str, Evidence | None, bool]:
    """The gender the evidence states, the piece to show, and whether it conflicts.

    Both genders stated: ``unknown``, nothing shown, conflicting. One: that gender and its strongest piece
    (title, then noun, then pronoun; the earliest of the kind). None: ``unknown``."""
    pieces = list(evidence)
    genders = {e.gender for e in pieces}
    if len(genders) > 1:
        return UNKNOWN, None, True
    if not pieces:
        return UNKNOWN, None, False
    best = min(pieces, key=lambda e: (KIND_RANK[e.kind], e.start))
    return best.gender, best, False


# --- the table -----------------------------------------------------------------------------------------------


def people_rows(
    parsed: "ParsedDocument", mentions: Sequence["MentionRow"], attributions: Sequence["Attribution"]
) -> list[PersonRow]:
    """One row per person source of the document, at the first mention of their name, in reading order."""
    sources = person_sources(attributions)
    if not sources:
        return []
    words, tokens = gender_words(), _Tokens.of(parsed)
    # what each name states on the spot (its title, its describing nouns), before pronouns are read
    located = [
        (ref, local_evidence(parsed.text, tokens, ref, words))
        for ref in name_references(parsed, tokens, mentions, sources, words)
    ]
    names = [replace(ref, gender=_stated(found)) for ref, found in located]
    refs = sorted(names + noun_references(parsed, tokens, names, words), key=lambda r: (r.start, r.end))
    evidence: dict[str, list[Evidence]] = pronoun_evidence(parsed, tokens, refs, attributions)
    first_name: dict[str, Reference] = {}
    for ref, found in located:
        if ref.key in sources:
            evidence.setdefault(ref.key, []).extend(found)
            if ref.named:
                first_name.setdefault(ref.key, ref)
    rows = []
    for source, cited in sources.items():
        start, end = _provenance(first_name.get(source), cited)
        gender, shown, conflicting = decide(dict.fromkeys(evidence.get(source, [])))
        rows.append(
            PersonRow(
                sentence_id=parsed.sentences.sentence_id(start),
                start=start,
                end=end,
                text=parsed.text[start:end],
                source=source,
                attributions=len(cited),
                gender=gender,
                evidence=parsed.text[shown.start : shown.end] if shown else "",
                evidence_start=shown.start if shown else None,
                evidence_end=shown.end if shown else None,
                evidence_kind=shown.kind if shown else "",
                conflicting=conflicting,
            )
        )
    return sorted(rows, key=lambda r: (r.start, r.end, r.source))


def _provenance(name: Reference | None, cited: Sequence["Attribution"]) -> tuple[int, int]:
    """The first mention of the name; else the first speaker span of their attributions; else the first
    attribution's own span."""
    if name is not None:
        return name.start, name.end
    spoken = [(r.speaker_start, r.speaker_end) for r in cited if r.speaker_start is not None and r.speaker_end is not None]
    if spoken:
        return min(spoken)
    return cited[0].start, cited[0].end
