"""Sourcing: who is quoted or paraphrased, how, and which claims rest on whom.

Produces the ``attributions`` and ``claims`` tables (see :mod:`analysis.schema`) from the one spaCy parse of a
document, with rules and the word lists in ``analysis/data/`` (reporting_verbs.yaml, source_nouns.yaml,
hedges.yaml). The extractor runs in named stages, like the Gender Gap Tracker's quote extractor:

1. quote marks are paired (:func:`quote_spans`): double marks, and single ones (British style) where the
   original text tells them from apostrophes; unbalanced marks are dropped, never raised on;
2. ``syntactic``: a reporting verb with a speaker (subject or ``by`` agent) and a content (clause, ``to``
   infinitive, interrupted clause, or the object of verbs like "slammed");
3. ``according_to``: "according to X", before or after its clause;
4. ``quote``: a quotation that stage 2 did not cover, tied to a reporting verb and speaker in its sentence
   (or in a preceding sentence that ends with a colon);
5. speakers are resolved: names through the actor catalogue (titles before a name go to the role),
   short names and pronouns to the nearest compatible full mention (he/she to people, it/they to bodies and
   groups), descriptions ("the company", "police", "its spokesman") to the latest compatible named
   organisation, misspelt surnames (edit distance 1-2) merged and reported in ``name_variant``, unnamed
   speakers typed as anonymous, collective, institution, document or media from their head noun; subjects
   that cannot speak (gerunds, "nothing", "this") are no speakers;
6. ``floating``: a quotation that stands as its own sentence with no cue inherits the previous speaker;
7. duplicates are removed in an explicit step, and rows are sorted by position.

Kinds: ``direct`` when the content lies inside quotation marks, ``mixed`` when a quotation lies inside
reported content, ``indirect`` otherwise, ``according_to`` for stage 3.

Not extracted: attributions whose cue is a noun ("his claim that ..."), phrasal cues whose particle carries
the meaning ("pointed out"), speakers named only in a previous paragraph's quote, nested attributions inside
a quotation (the quoted speaker's own sources), and a single-quoted passage closed by an ``s'`` before a word
when a cleaner closing mark follows (read as a plural possessive).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterable, Sequence

import pandas as pd
from rapidfuzz.distance import Levenshtein
from spacy.tokens import Doc, Span, Token

from analysis.actors import UNKNOWN_SIDE, Actor
from analysis.datafiles import read_yaml
from analysis.doc_index import Intervals, children_of, doc_index
from analysis.linguistics.antecedents import antecedent
from analysis.linguistics.pronouns import BODY_PRONOUNS, PERSON_PRONOUNS, candidates
from analysis.linguistics.sides import side_of_phrase
from analysis.linguistics.voice import by_agent, is_passive
from analysis.render import Layer

#: Subject dependencies that name who speaks.
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
#: Children of a speaker's head noun that are not part of how the speaker is named.
SPEAKER_DETACHED_DEPS = frozenset({"appos", "acl", "relcl", "punct", "advcl", "cc", "conj"})
#: Entity labels that can name a speaker.
SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
#: Entity labels of named organisations (FAC: the small model's label for some hospitals and schools).
BODY_LABELS = frozenset({"ORG", "FAC"})
#: Head words of a speaker that count members of a group ("one of the sources", "two of them").
QUANTIFIERS = frozenset({"one", "some", "many", "most", "several", "two", "three", "four", "five"})
#: Parts of speech that can head a speaker phrase ("one", "some" and "many" are numbers, determiners or
#: adjectives to the tagger).
SPEAKER_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "DET", "ADJ"})
#: Subject words that cannot be a source: pronouns for things or for nobody, and demonstratives.
NON_SPEAKERS = frozenset(
    {"nothing", "something", "anything", "everything", "none", "nobody", "neither", "this", "these", "those", "what"}
)
#: First-person speakers outside quotation marks are the author's own voice, not a source.
FIRST_PERSON = frozenset({"i", "we", "me", "us"})
#: Surnames at most this many edits apart are taken as spellings of one name ("Lykhoviy", "Lykhovity").
MAX_NAME_EDITS = 2
#: Shorter surnames are too easily confused for the edit-distance merge.
MIN_FUZZY_NAME_LENGTH = 5
#: A floating quotation inherits a speaker from at most this many sentences back.
FLOATING_REACH = 3
#: A quotation needs this many words to be a statement rather than a scare quote or a title.
MIN_QUOTE_WORDS = 4
#: Characters trimmed from the ends of a content span.
CONTENT_TRIM = " \t\n,;:—–-\"'"
#: Quotation marks as the parse view writes them (curly forms straightened), double and single.
VIEW_QUOTE_MARKS = "\"'"
#: Single quotation marks in the original text: the opening curly mark (never an apostrophe), the closing
#: curly mark (also the typographic apostrophe) and the straight mark (quote or apostrophe).
SINGLE_OPEN, SINGLE_CLOSE, STRAIGHT_SINGLE = "\u2018", "\u2019", "'"
SINGLE_MARKS = SINGLE_OPEN + SINGLE_CLOSE + STRAIGHT_SINGLE
#: Leading words that introduce a content clause but are not part of it.
CONTENT_MARKERS = frozenset({"that"})


# --- records ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Attribution:
    """One attribution relation; the fields are the ``attributions`` table's columns after ``doc_id``."""

    sentence_id: int
    start: int
    end: int
    text: str
    attribution_id: int
    kind: str
    speaker: str
    speaker_start: int | None
    speaker_end: int | None
    source: str
    source_type: str
    role: str
    side: str
    cue: str
    cue_start: int
    cue_end: int
    cue_lemma: str
    cue_stance: str
    content: str
    content_start: int
    content_end: int
    via: str
    addressee: str
    name_variant: str
    speaker_resolution: str


@dataclass(frozen=True)
class ClaimRow:
    """One claim; the fields are the ``claims`` table's columns after ``doc_id``."""

    sentence_id: int
    start: int
    end: int
    text: str
    claim_id: int
    basis: str
    attribution_id: int | None
    source: str
    side: str
    source_type: str


@dataclass(frozen=True)
class Lexicon:
    """The word lists the rules read (``analysis/data/``)."""

    stances: dict[str, str]
    object_content: frozenset[str]
    object_complement: frozenset[str]
    infinitive_content: frozenset[str]
    anonymous: frozenset[str]
    collective: frozenset[str]
    institution: dict[str, str]
    document: frozenset[str]
    media: frozenset[str]
    titles: frozenset[str]
    title_words: frozenset[str]
    honorifics: frozenset[str]
    generic_body_nouns: frozenset[str]
    spokesperson_nouns: frozenset[str]
    outlet_words: frozenset[str]
    author_verbs: frozenset[str]
    intermediary_verbs: frozenset[str]
    hedges: tuple[tuple[str, ...], ...]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The packaged word lists, read once per process.

    Raises:
        ValueError: a reporting verb is listed under two stances.
    """
    verbs = read_yaml("reporting_verbs.yaml")
    stances: dict[str, str] = {}
    for stance in ("neutral", "distancing", "emphatic"):
        for lemma in verbs[stance]:
            if stances.setdefault(lemma, stance) != stance:
                raise ValueError(f"reporting_verbs.yaml: {lemma!r} is both {stances[lemma]} and {stance}")
    nouns = read_yaml("source_nouns.yaml")
    return Lexicon(
        stances=stances,
        object_content=frozenset(verbs["object_content"]),
        object_complement=frozenset(verbs["object_complement"]),
        infinitive_content=frozenset(verbs["infinitive_content"]),
        anonymous=frozenset(nouns["anonymous"]),
        collective=frozenset(nouns["collective"]),
        institution=dict(nouns["institution"]),
        document=frozenset(nouns["document"]),
        media=frozenset(nouns["media"]),
        titles=frozenset(nouns["titles"]),
        title_words=frozenset(_bare(t) for t in nouns["titles"]),
        honorifics=frozenset(_bare(t) for t in nouns["honorifics"]),
        generic_body_nouns=frozenset(nouns["generic_body_nouns"]),
        spokesperson_nouns=frozenset(nouns["spokesperson_nouns"]),
        outlet_words=frozenset(nouns["outlet_name_words"]),
        author_verbs=frozenset(nouns["document_author_verbs"]),
        intermediary_verbs=frozenset(nouns["document_intermediary_verbs"]),
        hedges=tuple(tuple(h.lower().split()) for h in read_yaml("hedges.yaml")["hedges"]),
    )


def _bare(word: str) -> str:
    """A word lowercased without an abbreviation's final full stop, so that "Dr" and "Dr." agree."""
    return word.lower().rstrip(".")


# --- stage 1: quotation marks --------------------------------------------------------------------------------


def quote_spans(view: str, original: str | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of each quotation, marks included, in order.

    Double quotation marks are read from the parse view (where curly doubles and guillemets are straightened);
    single quotation marks only when ``original`` (the text before straightening, same offsets) is given,
    since the view cannot tell a curly opening mark from an apostrophe. A quotation inside another ("He said
    'no'," she said) is part of the outer one and is not listed; a single-quoted span that crosses a
    double-quoted one is dropped (the double marks are the more reliable).
    """
    doubles = _double_quote_spans(view)
    if original is None:
        return doubles
    singles = _single_quote_spans(view, original)
    double_index = Intervals([(d[0], d[1], d) for d in doubles])
    spans = [
        s for s in singles
        if all(s[0] <= d[0] and d[1] <= s[1] for d in double_index.overlapping(*s))
    ]
    single_index = Intervals([(q[0], q[1], q) for q in spans])
    spans += [d for d in doubles if not single_index.holding(*d)]
    return sorted(spans)


class Quotations:
    """A document's quotations (:func:`quote_spans`) with lookups by position.

    Quotations never overlap and are in order, so the one that can hold an offset is found by binary search.
    """

    def __init__(self, spans: Sequence[tuple[int, int]], view: str) -> None:
        self.spans = list(spans)
        self.inners = [_inner(q, view) for q in self.spans]
        self._starts = [q[0] for q in self.spans]
        self._inner_starts = [inner[0] for inner in self.inners]

    def __iter__(self):
        return iter(self.spans)

    def around(self, offset: int) -> bool:
        """Whether ``offset`` lies strictly between a quotation's marks."""
        k = bisect.bisect_left(self._starts, offset) - 1
        return k >= 0 and offset < self.spans[k][1]

    def holding(self, span: tuple[int, int]) -> tuple[int, int] | None:
        """The quotation (marks included) that holds ``span`` whole."""
        k = bisect.bisect_right(self._starts, span[0]) - 1
        return self.spans[k] if k >= 0 and span[1] <= self.spans[k][1] else None

    def inner_at(self, offset: int) -> int | None:
        """The number of the quotation whose words (marks excluded) begin at or before ``offset`` and end
        after it."""
        k = bisect.bisect_right(self._inner_starts, offset) - 1
        return k if k >= 0 and offset < self.inners[k][1] else None

    def inner_overlaps(self, span: tuple[int, int]) -> bool:
        """Whether ``span`` shares a character with the words of any quotation."""
        k = bisect.bisect_left(self._inner_starts, span[1]) - 1
        while k >= 0 and self.inners[k][1] > span[0]:
            if _overlap(self.inners[k], span) > 0:
                return True
            k -= 1
        return False


def _double_quote_spans(view: str) -> list[tuple[int, int]]:
    """Straight double quotations of the view.

    Marks are paired within a paragraph. A mark after a space (or at a line start) opens, a mark before a space
    or punctuation closes, others toggle. A paragraph that opens with a mark and never closes it is a quote
    running on into the next paragraph (the wire convention): its quotation ends with the paragraph. Any
    other unmatched mark is dropped, so odd or stray marks never fail the document.
    """
    spans = []
    for paragraph in re.finditer(r"[^\n]+", view):
        text, offset = paragraph.group(), paragraph.start()
        open_at = None
        for match in re.finditer('"', text):
            i = match.start()
            before = text[i - 1] if i else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            opens = before.isspace() or before in "([{—–-/" and not after.isspace()
            closes = not before.isspace() and (after.isspace() or not after.isalnum())
            if open_at is None and (opens or not closes):
                open_at = i
            elif open_at is not None and (closes or not opens):
                spans.append((offset + open_at, offset + i + 1))
                open_at = None
            elif opens:
                open_at = i
        if open_at is not None and not text[:open_at].strip():
            spans.append((offset + open_at, offset + len(text.rstrip())))
    return spans


def _single_mark(text: str, i: int) -> str:
    """What the single mark at ``text[i]`` can be: ``open``, ``close``, ``weak_close`` or ``""``.

    ``‘`` opens (it is never an apostrophe). ``’`` and ``'`` are apostrophes between two letters ("don't",
    "O'Brien") or before a letter or digit ("'90s"); they close after a non-space before a space or
    punctuation, weakly after an ``s`` before a word, where a plural possessive ("the soldiers' families")
    looks the same. A straight ``'`` opens only after a space (or a line start, bracket, dash or double
    mark) and before a letter.
    """
    mark = text[i]
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if mark == SINGLE_OPEN:
        return "open" if not after.isspace() else ""
    if mark == STRAIGHT_SINGLE and (before.isspace() or before in "([{—–-/\"") and after.isalpha():
        return "open"
    if before.isspace() or after.isalnum():
        return ""
    next_word = text[i + 1 : i + 3]
    if before in "sS" and next_word[:1].isspace() and next_word[1:2].isalnum():
        return "weak_close"
    return "close"


def _single_quote_spans(view: str, original: str) -> list[tuple[int, int]]:
    """Single quotations (curly ``‘…’`` or straight ``'…'``), paired within a paragraph.

    An opening mark pairs with the next closing mark of its own form (curly with curly, straight with
    straight). A possessive-looking closer (``s’`` before a word) closes only when no clean closer follows
    before the next opening mark or the paragraph's end. A paragraph that opens with ``‘`` and never closes
    it runs on into the next paragraph. Marks are looked for only where the view has a straightened mark, so
    the blanked header of a document is skipped. Unpaired marks are dropped.
    """
    spans = []
    for paragraph in re.finditer(r"[^\n]+", view):
        offset, end = paragraph.start(), paragraph.end()
        open_at, form, weak = None, "", None
        for i in range(offset, end):
            if view[i] != STRAIGHT_SINGLE or original[i] not in SINGLE_MARKS:
                continue
            role = _single_mark(original, i)
            this_form = "straight" if original[i] == STRAIGHT_SINGLE else "curly"
            if role == "open":
                if open_at is not None and weak is not None:
                    spans.append((open_at, weak + 1))
                open_at, form, weak = i, this_form, None
            elif open_at is not None and this_form == form and role == "close" and i - open_at > 2:
                spans.append((open_at, i + 1))
                open_at, weak = None, None
            elif open_at is not None and this_form == form and role == "weak_close" and weak is None:
                weak = i
        if open_at is not None and weak is not None:
            spans.append((open_at, weak + 1))
        elif open_at is not None and form == "curly" and not view[offset:open_at].strip():
            spans.append((open_at, offset + len(view[offset:end].rstrip())))
    return spans


def _inner(quote: tuple[int, int], view: str) -> tuple[int, int]:
    """The quotation's text without its marks."""
    start, end = quote
    return start + 1, end - 1 if view[end - 1] in VIEW_QUOTE_MARKS and end - 1 > start else end


# --- stages 2-4: finding cues, speakers and contents ---------------------------------------------------------


@dataclass(frozen=True)
class _Found:
    """A relation before its speaker is resolved: token and character positions only."""

    stage: str
    content: tuple[int, int]
    cue: tuple[int, int] | None = None
    cue_lemma: str = ""
    speaker: Token | None = None
    addressee: Token | None = None
    kind: str = ""
    via: str = ""


def _stance(token: Token) -> str | None:
    return lexicon().stances.get(token.lemma_.lower()) if token.pos_ == "VERB" else None


def _speaker_of(verb: Token) -> Token | None:
    """The subject (or passive ``by`` agent) of a reporting verb, if it can be a source (:func:`_can_speak`).

    A conjoined verb or a participle ("..., saying that") shares its head's; "a statement saying" has the
    statement as speaker.
    """
    speaker = _subject_of(verb)
    return speaker if speaker is not None and _can_speak(speaker) else None


def _can_speak(head: Token) -> bool:
    """Whether a subject's head word can name a source: a noun, proper noun, pronoun, number or quantifier;
    not a gerund ("Sentencing"), a negative or thing pronoun ("Nothing more suggests ..."), a demonstrative
    ("This shows ...") nor a phrase with "no" ("No official has confirmed ...")."""
    if head.pos_ not in SPEAKER_POS or head.tag_ == "VBG" or head.lower_ in NON_SPEAKERS:
        return False
    # the tagger often calls a gerund a noun: a bare singular "-ing" noun is one
    if head.tag_ == "NN" and head.lower_.endswith("ing") and not any(c.dep_ in ("det", "poss") for c in children_of(head)):
        return False
    return not any(c.dep_ == "det" and c.lower_ == "no" for c in children_of(head))


def _subject_of(verb: Token) -> Token | None:
    # with two subjects ("Sentencing, Mrs Justice Harcourt said"), the one nearer the verb
    subjects = sorted((c for c in children_of(verb) if c.dep_ in SUBJECT_DEPS), key=lambda c: (abs(c.i - verb.i), c.i))
    if subjects:
        child = subjects[0]
        # "Smith, who has denied ...": the relative pronoun stands for its antecedent
        return antecedent(child)
    if _has_agent(verb):
        return by_agent(verb)
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX") and verb.head.i != verb.i:
        return _subject_of(verb.head)
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    return None


def _expletive_passive(verb: Token) -> bool:
    """ "It was announced that ...": a relation whose speaker the text leaves out."""
    return any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in children_of(verb)) and any(
        c.dep_ == "ccomp" for c in children_of(verb)
    )


def _reports(token: Token) -> bool:
    """A reporting verb with a subject of its own: its clause is someone else's speech, not the content."""
    return _stance(token) is not None and any(c.dep_ in SUBJECT_DEPS for c in children_of(token))


def _content_tokens(head: Token, cue: Token) -> list[Token]:
    """Tokens of ``head``'s subtree on one side of the cue, without nested reporting clauses."""
    tokens, stack = [], [head]
    while stack:
        token = stack.pop()
        if token.i != head.i and token.dep_ in ("advcl", "conj", "parataxis") and _reports(token):
            continue
        tokens.append(token)
        stack.extend(children_of(token))
    side = [t for t in tokens if (t.i > cue.i) == (head.i > cue.i) and t.i != cue.i]
    return sorted(side, key=lambda t: t.i)


def _char_span(tokens: Sequence[Token], view: str) -> tuple[int, int] | None:
    """The characters from the first to the last token, markers and edge punctuation trimmed."""
    while tokens and (tokens[0].lower_ in CONTENT_MARKERS or tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return _trimmed(view, start, end)


def _trimmed(view: str, start: int, end: int) -> tuple[int, int] | None:
    """``(start, end)`` without edge space, commas, dashes and quotation marks, nor a final full stop."""
    while start < end and view[start] in CONTENT_TRIM:
        start += 1
    while end > start and (view[end - 1] in CONTENT_TRIM or view[end - 1] == "." and view[end - 2 : end] != ".."):
        end -= 1
    return (start, end) if end > start else None


def _content_heads(cue: Token, speaker: Token | None) -> list[Token]:
    """The words whose subtrees hold what ``cue`` attributes (see :func:`syntactic_stage`)."""
    lex, lemma = lexicon(), cue.lemma_.lower()
    heads = [c for c in children_of(cue) if c.dep_ == "ccomp"]
    # "said in a statement that ...": the clause hangs from the statement
    heads = heads or [
        g for c in children_of(cue) if c.dep_ == "prep" for p in children_of(c) if p.dep_ == "pobj"
        for g in children_of(p) if g.dep_ in ("ccomp", "acl") and any(m.lower_ == "that" for m in children_of(g))
    ]
    if not heads and lemma in lex.infinitive_content:
        heads = [c for c in children_of(cue) if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in children_of(c))]
    if not heads and cue.dep_ == "parataxis" and speaker is not None and speaker.head.i == cue.i and (
        cue.head.i < cue.i or cue.head.left_edge.i < cue.left_edge.i
    ):
        heads = [cue.head]  # the cue interrupts or follows its content clause
    negated = any(c.dep_ == "neg" for c in children_of(cue))
    objects = [c for c in children_of(cue) if c.dep_ == "dobj"]
    complements = [c for c in children_of(cue) if c.dep_ in ("oprd", "xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "as")]
    # the small model often attaches a quoted complement to the object: "called the plan 'a shambles'"
    complements += [a for o in objects for a in children_of(o) if a.dep_ == "appos" and a.i > o.i]
    if not heads and not negated and objects and (
        lemma in lex.object_content or (lemma in lex.object_complement and complements)
    ):
        heads = objects[:1]
    return heads


def syntactic_stage(doc: Doc, quotes: Quotations) -> list[_Found]:
    """Stage 2: reporting verbs with a speaker and a content in the parse.

    Content is the verb's clausal complement (``ccomp``, also when it hangs from "in a statement"), else a
    ``to`` infinitive for verbs listed under ``infinitive_content`` ("vowed to ..."), else, for a cue
    interrupting its clause ("It was, he added, a week"), the rest of that clause, else the direct object of
    verbs listed under ``object_content`` (with its complement for ``object_complement``: "called the ruling
    'a disgrace'"). Cues inside quotation marks are skipped (a source's own sources are not the story's).
    The object of "told" is the addressee.
    """
    index, found, stances = doc_index(doc), [], lexicon().stances
    view = index.text
    verbs = [i for i, (lemma, pos) in enumerate(zip(index.lemma, index.pos)) if pos == "VERB" and lemma in stances]
    for cue in (index.tokens[i] for i in verbs):
        if quotes.around(cue.idx):
            continue
        if is_passive(cue) and not _has_agent(cue):
            if not _expletive_passive(cue):
                continue
            speaker = None
        else:
            speaker = _speaker_of(cue)
            if speaker is None or speaker.lower_ in FIRST_PERSON:
                continue
        addressee = next((c for c in children_of(cue) if c.dep_ in ("dobj", "dative") and cue.lemma_ == "tell"), None)
        for head in _content_heads(cue, speaker):
            for span in _content_pieces(head, cue, quotes, view):
                found.append(
                    _Found("syntactic", span, (cue.idx, cue.idx + len(cue)), cue.lemma_.lower(), speaker, addressee)
                )
    return found


def _has_agent(verb: Token) -> bool:
    return any(c.dep_ == "agent" for c in children_of(verb))


def _content_pieces(head: Token, cue: Token, quotes: Quotations, view: str) -> list[tuple[int, int]]:
    """The content span of ``head``; a split quotation ("A," she said, "B.") gives one span per quotation."""
    if head.i == cue.head.i and head.left_edge.i < cue.left_edge.i:
        before = [t for t in head.subtree if t.i < cue.left_edge.i]
        after = [t for t in head.subtree if t.i > cue.right_edge.i]
        pieces = [p for p in (_char_span(before, view), _char_span(after, view)) if p]
        if len(pieces) == 2 and all(quotes.holding(p) for p in pieces):
            return pieces
        return [(pieces[0][0], pieces[-1][1])] if pieces else []
    tokens = _content_tokens(head, cue)
    if head.dep_ == "dobj":
        # the object's complement: "as nothing more than ...", "'a disgrace'"
        tokens += [
            t for c in children_of(cue) if c.i > head.i and (c.dep_ in ("oprd", "xcomp") or c.dep_ == "prep" and c.lower_ == "as")
            for t in c.subtree
        ]
    span = _char_span(sorted(tokens, key=lambda t: t.i), view)
    return [span] if span else []


def according_to_stage(doc: Doc) -> list[_Found]:
    """Stage 3: "according to X": X is the speaker, the clause it modifies (on the far side) the content.

    For a document released by someone ("figures released by the association") the author is the speaker;
    for one that reached the reader through an outlet ("a report seen by the Gazette") the outlet is ``via``.
    """
    lex, found, index = lexicon(), [], doc_index(doc)
    view = index.text
    for token in (index.tokens[i] for i, word in enumerate(index.lower) if word == "according"):
        to = next((c for c in children_of(token) if c.lower_ == "to"), None)
        source = next((c for c in children_of(to) if c.dep_ == "pobj"), None) if to is not None else None
        if source is None:
            continue
        via = ""
        for verb in (c for c in children_of(source) if c.dep_ == "acl"):
            agent = next((g for a in children_of(verb) if a.dep_ == "agent" for g in children_of(a) if g.dep_ == "pobj"), None)
            if agent is None:
                continue
            if verb.lemma_.lower() in lex.author_verbs:
                source = agent
            elif verb.lemma_.lower() in lex.intermediary_verbs:
                via = view[agent.left_edge.idx : agent.right_edge.idx + len(agent.right_edge)]
        clause = token.head
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        if token.i < clause.i:
            tokens = [t for t in clause.subtree if t.i > token.right_edge.i]
        else:
            tokens = [t for t in clause.subtree if t.i < token.left_edge.i]
        span = _char_span(tokens, view)
        if span:
            cue = (token.idx, to.idx + len(to))
            found.append(_Found("according_to", span, cue, "according to", source, kind="according_to", via=via))
    return found


def quote_stage(doc: Doc, quotes: Quotations, covered: Sequence[tuple[int, int]]) -> list[_Found]:
    """Stage 4: quotations not yet covered, tied to the nearest reporting verb with a speaker in the sentence.

    A quotation with no cue there is left to the floating stage (if it reads as a statement) or dropped (scare
    quotes, titles).
    """
    found, view = [], doc_index(doc).text
    taken = Intervals([(c[0], c[1], c) for c in covered])
    for quote, inner in zip(quotes.spans, quotes.inners):
        if taken.overlapping(*inner) or _words(doc, inner) < MIN_QUOTE_WORDS:
            continue
        cue = _nearest_cue(doc, quote, inner, quotes)
        span = _trimmed(view, *inner)
        if cue is None or span is None:
            continue
        addressee = next((c for c in children_of(cue) if c.dep_ in ("dobj", "dative") and cue.lemma_ == "tell"), None)
        found.append(
            _Found("quote", span, (cue.idx, cue.idx + len(cue)), cue.lemma_.lower(), _speaker_of(cue), addressee)
        )
    return found


def _nearest_cue(doc: Doc, quote: tuple[int, int], inner: tuple[int, int], quotes: Quotations) -> Token | None:
    # the closing mark may be parsed into the next sentence: look at the words inside the marks
    first = doc.char_span(*inner, alignment_mode="expand")
    if first is None or not len(first):
        return None
    sentences = [first[0].sent, first[-1].sent]
    previous = doc[first[0].sent.start - 1].sent if first[0].sent.start > 0 else None
    if previous is not None and previous.text.rstrip().endswith(":"):
        sentences.append(previous)
    candidates = [
        t
        for sent in sentences
        for t in sent
        if _stance(t) and not quotes.around(t.idx) and not is_passive(t) and _speaker_of(t) is not None
        and _speaker_of(t).lower_ not in FIRST_PERSON
    ]
    return min(candidates, key=lambda t: (min(abs(t.idx - quote[0]), abs(t.idx - quote[1])), t.i), default=None)


def _words(doc: Doc, span: tuple[int, int]) -> int:
    chunk = doc.char_span(*span, alignment_mode="contract")
    return 0 if chunk is None else sum(1 for t in chunk if not (t.is_punct or t.is_space))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


# --- stage 5: speakers ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Speaker:
    """A resolved speaker: how it is written, who it is, and how we know."""

    start: int | None
    end: int | None
    source: str
    source_type: str
    role: str
    side: str
    name_variant: str = ""
    resolution: str = "none"


NO_SPEAKER = _Speaker(None, None, "", "anonymous", "", UNKNOWN_SIDE)


def _speaker_tokens(head: Token) -> list[Token]:
    """The words that name the speaker: the head and its modifiers, without appositions and clauses."""
    tokens, stack = [], [head]
    while stack:
        token = stack.pop()
        tokens.append(token)
        stack.extend(
            c for c in children_of(token)
            if c.dep_ not in SPEAKER_DETACHED_DEPS or (token.i != head.i and c.dep_ in ("cc", "conj"))
        )
    return sorted(tokens, key=lambda t: t.i)


def _name_run(head: Token) -> list[Token]:
    """The proper name ending at ``head``: its entity, else its run of proper-noun compounds."""
    index = doc_index(head.doc)
    entity = index.entity(head.i)
    if entity is not None:
        return [t for t in entity if t.tag_ != "POS" and not (t.i == entity.start and t.lower_ == "the")]
    if head.pos_ != "PROPN":
        return []
    tokens, first = index.tokens, head.i
    while first > 0 and tokens[first - 1].pos_ == "PROPN" and tokens[first - 1].head.i == head.i:
        first -= 1
    return list(tokens[first : head.i + 1])


def _person_name(head: Token) -> list[Token]:
    """The person's name around ``head``, leading role words ("Mayor", "Dr", "Landlord") left out."""
    tokens = _name_run(head)
    while len(tokens) > 1 and _is_role_word(tokens[0]):
        tokens = tokens[1:]
    return tokens


def _is_role_word(token: Token) -> bool:
    """A word written before a name that describes the person rather than names them: a title, honorific or
    occupation from ``source_nouns.yaml`` ("Dr", "Councillor", "Landlord"), a lowercase word or a gerund.
    Not recognised: descriptions missing from the lists, which stay in the name."""
    lex, bare = lexicon(), _bare(token.text)
    return not token.text[:1].isupper() or bare in lex.title_words or bare in lex.honorifics or token.tag_ == "VBG"


def _run_end(token: Token) -> Token:
    """The last word of the proper-noun compound that ``token`` begins or continues."""
    while token.dep_ == "compound" and token.head.pos_ == "PROPN" and token.head.i > token.i:
        token = token.head
    return token


def _modifies_noun(token: Token) -> bool:
    """A name used as a modifier of a common noun ("the Kanderan delegation", "Lumora Bio shares"): it names
    neither a person nor a speaking body there."""
    end = _run_end(token)
    return token.pos_ == "ADJ" or (end.dep_ in ("compound", "nmod", "amod") and end.head.pos_ == "NOUN")


def _body_run(entity: Span) -> list[Token]:
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


def _latest_before(speakers: Sequence[tuple[int, "_Speaker"]], offset: int) -> "_Speaker | None":
    """The speaker resolved last of those whose head lies before ``offset``."""
    for position, speaker in reversed(speakers):
        if position < offset:
            return speaker
    return None


def _text(parsed, tokens: Sequence[Token]) -> str:
    return parsed.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1])] if tokens else ""


class _Resolver:
    """Speaker resolution over one document: catalogue names, short names, variants, pronouns and roles."""

    def __init__(self, parsed) -> None:
        self.parsed = parsed
        self.doc: Doc = parsed.doc
        self.index = doc_index(self.doc)
        self.lex = lexicon()
        # Full person names (two words or more) by surname, in order: the targets of short names and variants.
        self.full_names: dict[str, list[Span]] = {}
        for entity in self.index.ents:
            if entity.label_ == "PERSON" and len([t for t in entity if t.is_alpha]) >= 2:
                self.full_names.setdefault(entity[-1].lower_, []).append(entity)
        self._name_starts = {name: [e.start_char for e in found] for name, found in self.full_names.items()}
        self._variants: dict[str, list[str]] = {}
        # Speakers resolved so far, in the order resolved: those with a role, by each word of the role (what
        # "the spokesman" refers back to), and bodies that issue statements (what "the statement" does).
        self._by_role_word: dict[str, list[tuple[int, _Speaker]]] = {}
        self._issuers: list[tuple[int, _Speaker]] = []
        # Named organisations by position (ORG and FAC entities, widened): what "the company" or "its
        # spokesman" refer back to, and the full names of short ones ("Halvern" for "Halvern Foods").
        bodies = {}
        for entity in self.index.ents:
            # a two-word "person" modifying a noun is a body the model mislabelled ("Lumora Bio shares")
            mislabelled = entity.label_ == "PERSON" and len(entity) >= 2 and _modifies_noun(entity.root)
            run = _body_run(entity) if entity.label_ in BODY_LABELS or mislabelled else []
            actor = self._actor(run, _text(parsed, run)) if run else None
            if run and (actor is None or actor.type not in ("person", "place")):
                bodies.setdefault((run[0].i, run[-1].i), run)
        self.bodies = [bodies[k] for k in sorted(bodies)]
        self._body_firsts = [run[0].i for run in self.bodies]
        # bodies by each word of their names, by the first words of their names, by token, and those that
        # "the company" can name (see _recent_body); each list in position order
        self._bodies_by_word: dict[str, list[int]] = {}
        self._bodies_by_prefix: dict[tuple[str, ...], list[int]] = {}
        self._generic_bodies: list[int] = []
        self._body_at: dict[int, int] = {}
        for k, run in enumerate(self.bodies):
            for word in dict.fromkeys(w for t in run for w in (t.lower_, t.lemma_.lower())):
                self._bodies_by_word.setdefault(word, []).append(k)
            words = tuple(t.lower_ for t in run)
            for length in range(1, len(run)):
                self._bodies_by_prefix.setdefault(words[:length], []).append(k)
            if run[-1].lemma_.lower() not in self.lex.institution:
                self._generic_bodies.append(k)
            for t in run:
                self._body_at.setdefault(t.i, k)

    def resolve(self, head: Token) -> _Speaker:
        """Who ``head`` (the speaker's head word) is; remembered for later pronouns and roles."""
        speaker = self._resolve(head)
        if speaker.resolution != "none":
            for word in dict.fromkeys(speaker.role.lower().split()):
                self._by_role_word.setdefault(word, []).append((head.idx, speaker))
        if speaker.source and speaker.source_type not in ("person", "anonymous", "collective"):
            self._issuers.append((head.idx, speaker))
        return speaker

    def side(self, words: Iterable[str]) -> str:
        """The side the words name (:func:`analysis.linguistics.sides.side_of_phrase`)."""
        return side_of_phrase(words, self.parsed.catalogue)

    def _resolve(self, head: Token) -> _Speaker:
        tokens = _speaker_tokens(head)
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        if head.lower_ in PERSON_PRONOUNS | BODY_PRONOUNS and len(tokens) == 1:
            return self._pronoun(head)
        if self._names_person(head):
            name = _person_name(head)
            before = [t for t in tokens if t.i < name[0].i and t.dep_ not in ("det", "punct")]
            return self._person(name, self._appos_role(head) or _text(self.parsed, before))
        # "The regional emergency service chief, Henrik Dahl, said": the name is in an apposition
        # ("An army spokesman, Colonel Idris Mabeko, said": the title before the name stays out of the role)
        appositive = [
            t for t in head.subtree
            if t.dep_ == "appos" and self._names_person(t) and head.doc[max(t.left_edge.i - 1, 0)].text == ","
        ]
        if appositive:
            name = _person_name(appositive[0])
            described = [t for t in tokens if t.i < appositive[0].left_edge.i - 1]
            return self._person(name, _text(self.parsed, [t for t in described if t.dep_ != "det" or t.i != described[0].i]))
        return self._unnamed(tokens, head, start, end)

    def _names_person(self, head: Token) -> bool:
        """Whether ``head`` ends a person's name: a catalogued person, a PERSON entity, a title before a
        proper name ("Mayor Elena Brandt", which the small model may label a work of art; "Mrs Justice
        Harcourt", which it may label an organisation), or the surname of a person named in full elsewhere in
        the document. Not a person: a name modifying a common noun ("the Kanderan delegation"), a catalogued
        body or place."""
        if _modifies_noun(head):
            return False
        run = _name_run(head)
        actor = self._actor(run, _text(self.parsed, run)) if run and head.pos_ == "PROPN" else None
        if actor is not None:
            return actor.type == "person"
        if head.ent_type_ == "PERSON":
            return True
        if head.pos_ != "PROPN" or not run:
            return False
        if self._titled(run):
            return True
        if head.ent_type_ in ("GPE", "NORP", "FAC"):
            return False
        return len(run) == 1 and self._full_name(head.text, head.idx)[0] is not None

    def _titled(self, run: Sequence[Token]) -> bool:
        """A title before a proper name: an honorific before one or more words ("Colonel Mabeko", "Mrs
        Justice Harcourt") or any title before two ("Mayor Elena Brandt"); not a body named after a person
        ("Queen Elizabeth Hospital", whose last word is an institution noun)."""
        if len(run) < 2 or run[-1].lemma_.lower() in self.lex.institution:
            return False
        first = _bare(run[0].text)
        return first in self.lex.honorifics or (first in self.lex.title_words and len(run) >= 3)

    def _appos_role(self, head: Token) -> str:
        appos = next((c for c in children_of(head) if c.dep_ == "appos"), None)
        if appos is None:
            return ""
        span = [t for t in appos.subtree if not (t.is_punct and t.i == appos.right_edge.i)]
        while span and span[0].lower_ in ("a", "an", "the"):
            span = span[1:]
        return _text(self.parsed, span)

    def _person(self, name: list[Token], role: str) -> _Speaker:
        written = _text(self.parsed, name)
        start, end = name[0].idx, name[-1].idx + len(name[-1])
        resolution, variant = "name", ""
        actor = self._actor(name, written)
        full = None
        if actor is None:
            full, how = self._full_name(written, start)
            if full is not None:
                resolution, variant = how, written if how == "variant" else ""
                actor = self._actor(list(full), full.text)
        elif len(name) == 1 and written != actor.name:
            resolution = "short_name"
        if actor is None and full is None and (body := self._body_for_short_name(name)) is not None:
            return replace(body, start=start, end=end, role=role or body.role, resolution="short_name")
        source = actor.name if actor else (_text(self.parsed, _person_name(full[-1])) if full is not None else written)
        role = role or (actor.role if actor else "")
        side = actor.side if actor else self.side([*role.split(), *(t.text for t in name)])
        return _Speaker(start, end, source, "person", role, side, variant, resolution)

    def _unnamed(self, tokens: list[Token], head: Token, start: int, end: int) -> _Speaker:
        """A speaker written as a phrase: an organisation, a document, or an unnamed person or group."""
        written = self.parsed.text[start:end]
        role = self._appos_role(head)
        actor = self._actor([t for t in tokens if t.i == head.i or t.dep_ != "poss"], written)
        if actor is None and head.ent_type_ in SPEAKER_LABELS:
            entity = self.index.entity(head.i)
            actor = self._actor(list(entity), entity.text)
        if actor is not None:
            source_type = "government" if actor.type == "place" else actor.type
            return _Speaker(start, end, actor.name, source_type, role or actor.role, actor.side, "", "name")
        first = tokens[0].lower_
        lemma = head.lemma_.lower()
        if tokens == [head] and head.pos_ == "PROPN" and (body := self._body_for_short_name([head])) is not None:
            return replace(body, start=start, end=end, role=role, resolution="short_name")
        if lemma in QUANTIFIERS or head.pos_ == "NUM":
            # "one of the sources": the kind is the group's
            of = next((g for c in children_of(head) if c.lower_ == "of" for g in children_of(c) if g.dep_ == "pobj"), None)
            if of is not None and of.lower_ in BODY_PRONOUNS:
                # "one of them": an unnamed member of the group the pronoun points back to
                group = self._pronoun(of)
                return _Speaker(start, end, group.source, "anonymous", "", group.side, "", group.resolution)
            lemma = of.lemma_.lower() if of is not None else lemma
        spoken_for = self._spoken_for(head)
        if spoken_for is not None:
            return replace(spoken_for, start=start, end=end, role=role or head.text, name_variant="", resolution="role")
        described = first in ("the", "this", "that") and (len(tokens) <= 3 or lemma in self.lex.generic_body_nouns)
        bare_body = len(tokens) == 1 and lemma in self.lex.institution
        if (described or bare_body) and head.ent_type_ not in SPEAKER_LABELS:
            earlier = self._definite(head, lemma, by_role=described)
            if earlier is not None:
                return replace(earlier, start=start, end=end, name_variant="", resolution="role")
        source_type = "media" if _is_outlet(tokens) else self._noun_type(tokens, head, lemma)
        if (head.ent_type_ in ("ORG", "FAC") or head.pos_ == "PROPN") and source_type == "anonymous":
            # a proper name that is not a person's (those are resolved above) names a body
            source_type = "institution"
        elif head.ent_type_ == "GPE":
            source_type = "government"
        return _Speaker(start, end, written, source_type, role, self.side(t.text for t in tokens))

    def _noun_type(self, tokens: list[Token], head: Token, lemma: str) -> str:
        plural = head.tag_ in ("NNS", "NNPS")
        if lemma in self.lex.media or head.lower_ in self.lex.media or any(t.lower_ == "news" for t in tokens):
            return "media"
        if lemma in self.lex.document:
            return "document"
        if lemma in self.lex.institution:
            return "collective" if plural and head.ent_type_ == "" and self.lex.institution[lemma] == "institution" else self.lex.institution[lemma]
        if lemma in self.lex.collective and plural:
            return "collective"
        return "anonymous"

    def _actor(self, tokens: Sequence[Token], written: str) -> Actor | None:
        if tokens and tokens[-1].ent_id_:
            return self.parsed.catalogue.get(tokens[-1].ent_id_)
        for text in (written, written.removeprefix("the "), written.removeprefix("The ")):
            hit = self.parsed.catalogue.lookup(text) or self.parsed.catalogue.lookup(text.removesuffix("'s"))
            if hit:
                return hit[0]
        return None

    def _full_name(self, written: str, offset: int) -> tuple[Span | None, str]:
        """The nearest full mention of a short name, or of a near spelling of it (edit distance 1-2): the
        nearest before ``offset``, else the nearest after it."""
        surname = written.split()[-1].lower()
        if len(written.split()) == 1 and (entity := self._nearest_name([surname], offset)) is not None:
            return entity, "short_name"
        if len(surname) < MIN_FUZZY_NAME_LENGTH:
            return None, ""
        entity = self._nearest_name(self._spelling_variants(surname), offset)
        return (entity, "variant") if entity is not None else (None, "")

    def _spelling_variants(self, surname: str) -> list[str]:
        """The other surnames of full names in the document at most :data:`MAX_NAME_EDITS` edits away."""
        if surname not in self._variants:
            self._variants[surname] = [
                other for other in self.full_names
                if other != surname and Levenshtein.distance(surname, other, score_cutoff=MAX_NAME_EDITS) <= MAX_NAME_EDITS
            ]
        return self._variants[surname]

    def _nearest_name(self, surnames: Iterable[str], offset: int) -> Span | None:
        """The full name with one of ``surnames`` nearest before ``offset``, else nearest after it; never one
        starting at ``offset``."""
        best: tuple[tuple[bool, int], Span] | None = None
        for surname in surnames:
            starts, entities = self._name_starts.get(surname, []), self.full_names.get(surname, [])
            before = bisect.bisect_left(starts, offset) - 1
            after = bisect.bisect_right(starts, offset)
            for k in (before, after):
                if 0 <= k < len(starts):
                    key = (starts[k] > offset, abs(starts[k] - offset))
                    if best is None or key < best[0]:
                        best = (key, entities[k])
        return best[1] if best is not None else None

    def _pronoun(self, head: Token) -> _Speaker:
        """A pronoun speaker: the nearest earlier compatible mention (a person for he/she, a body for it/they)."""
        start, end = head.idx, head.idx + len(head)
        wants_person = head.lower_ in PERSON_PRONOUNS
        for token in candidates(head):
            if wants_person and (self._names_person(token) or self._who(token) and not _modifies_noun(token)):
                speaker = self._person(_person_name(token), "")
            elif wants_person and self._described_person(token):
                speaker = self._resolve(token)
            elif not wants_person and self._is_body(token):
                speaker = self._resolve(token)
            else:
                continue
            return replace(speaker, start=start, end=end, name_variant="", resolution="pronoun", role="")
        return replace(NO_SPEAKER, start=start, end=end)

    @staticmethod
    def _who(token: Token) -> bool:
        """A proper name followed by a "who" clause names a person, whatever the recogniser's label."""
        return token.pos_ == "PROPN" and any(
            c.dep_ == "relcl" and any(g.lower_ == "who" for g in children_of(c)) for c in children_of(token)
        )

    def _described_person(self, token: Token) -> bool:
        """An unnamed person as a clause's subject ("The Kanderan foreign minister arrived ..."): a singular
        common noun for a person (``anonymous`` nouns and titles in ``source_nouns.yaml``)."""
        lemma = token.lemma_.lower()
        return (
            token.dep_ in ("nsubj", "nsubjpass") and token.tag_ == "NN" and lemma not in self.lex.institution
            and (lemma in self.lex.anonymous or lemma in self.lex.title_words)
        )

    def _is_body(self, token: Token) -> bool:
        """A word naming an organisation, government or group that can speak (for "it" and "they"), or a
        plural speaker of an earlier attribution ("Three nurses said ... one of them said").

        Not a body: a nationality adjective ("Kanderan troops" is the troops), a person, a catalogued place,
        and a place named as anything but a clause's subject ("in Kandera")."""
        if token.dep_ not in ("nsubj", "nsubjpass", "pobj") or token.pos_ in ("PRON", "ADJ"):
            return False
        if token.ent_type_ in ("GPE", "LOC", "FAC") and token.dep_ == "pobj":
            return False
        if token.ent_type_ in ("ORG", "GPE", "NORP", "LOC", "FAC"):
            actor = self._actor([token], token.text)
            return actor is None or actor.type not in ("place", "person")
        lemma = token.lemma_.lower()
        return lemma in self.lex.institution or lemma in self.lex.document or lemma in self.lex.media or (
            token.tag_ == "NNS" and (lemma in self.lex.anonymous or lemma in self.lex.collective)
        ) or (token.tag_ == "NNS" and token.dep_ == "nsubj" and _stance(token.head) is not None)  # "Three nurses said"

    def _definite(self, head: Token, noun: str, *, by_role: bool = True) -> _Speaker | None:
        """What a description refers back to: "the spokesman" to the person with that role (``by_role``),
        "the hospital" or "police" to the named body whose name holds the noun, "the company" to the latest
        named organisation (:meth:`_recent_body`), "the statement" to the latest body quoted."""
        earlier = _latest_before(self._by_role_word.get(noun, []), head.idx) if by_role else None
        if earlier is not None:
            return earlier
        body = self._recent_body(head, noun)
        if body is not None:
            return body
        if noun not in self.lex.document:
            return None
        # "the statement said": the body that issued the latest statement quoted
        return _latest_before(self._issuers, head.idx)

    def _recent_body(self, head: Token, noun: str | None) -> _Speaker | None:
        """The latest named organisation before ``head`` that a noun can refer back to: one whose name holds
        the noun ("Sherwood Police" for "police"), or, for a noun that fits any organisation ("company",
        "firm", ``generic_body_nouns``), one whose name does not end in another institution noun (so "the
        company" skips "the Environment Agency"). With no noun ("its"), the latest named organisation."""
        candidates = [self._last_body_before(self._bodies_by_word.get(noun, []), head.i)] if noun is not None else [
            self._last_body_before(range(len(self.bodies)), head.i)
        ]
        if noun in self.lex.generic_body_nouns:
            candidates.append(self._last_body_before(self._generic_bodies, head.i))
        found = max((k for k in candidates if k is not None), default=None)
        if found is None:
            return None
        run = self.bodies[found]
        return self._unnamed(run, run[-1], run[0].idx, run[-1].idx + len(run[-1]))

    def _last_body_before(self, bodies: Sequence[int], i: int) -> int | None:
        """The last of ``bodies`` (numbers into :attr:`bodies`, in order) whose name ends before token ``i``."""
        k = bisect.bisect_left(bodies, i, key=lambda b: self._body_firsts[b]) - 1
        while k >= 0 and self.bodies[bodies[k]][-1].i >= i:
            k -= 1
        return bodies[k] if k >= 0 else None

    def _spoken_for(self, head: Token) -> _Speaker | None:
        """The named organisation a spokesperson noun speaks for: "its spokesman", "a Halvern Foods
        spokeswoman", "a spokesperson for the trust", "a police spokesman" (when the force is named earlier).
        None for other nouns, and when the body is not named."""
        if head.lemma_.lower() not in self.lex.spokesperson_nouns:
            return None
        owners = [c for c in children_of(head) if c.dep_ in ("poss", "compound", "nmod")]
        owners += [
            g for c in children_of(head) if c.dep_ == "prep" and c.lower_ in ("for", "of", "at")
            for g in children_of(c) if g.dep_ == "pobj"
        ]
        for owner in owners:
            if owner.lower_ in ("its", "their"):
                return self._recent_body(head, None)
            run = self.bodies[self._body_at[owner.i]] if owner.i in self._body_at else None
            if run is not None:
                return self._unnamed(run, run[-1], run[0].idx, run[-1].idx + len(run[-1]))
            if owner.pos_ == "NOUN" and owner.lemma_.lower() in self.lex.institution:
                body = self._recent_body(owner, owner.lemma_.lower())
                if body is not None:
                    return body
        return None

    def _body_for_short_name(self, name: Sequence[Token]) -> _Speaker | None:
        """The named organisation that a shorter proper name begins ("Halvern" for "Halvern Foods"), the
        nearest one in the document; None when no longer body name starts with the same words."""
        at = name[0].i
        longer = self._bodies_by_prefix.get(tuple(t.lower_ for t in name), [])
        split = bisect.bisect_right(longer, at, key=lambda b: self._body_firsts[b])
        # the nearest one starting at or before the name (not holding it; of two starting there, the shorter),
        # else the nearest after it
        found, k = None, split - 1
        while k >= 0 and (found is None or self._body_firsts[longer[k]] == self._body_firsts[found]):
            if self.bodies[longer[k]][-1].i < at:
                found = longer[k]
            k -= 1
        if found is None and split < len(longer):
            found = longer[split]
        if found is None:
            return None
        run = self.bodies[found]
        return self._unnamed(run, run[-1], run[0].idx, run[-1].idx + len(run[-1]))


# --- stages 6-7: floating quotations, kinds, de-duplication -------------------------------------------------


def attribution_rows(parsed) -> list[Attribution]:
    """One row per attribution relation in the document, in order of position (content start, then cue).

    See the module docstring for the stages. Never raises on odd quotation marks: an unmatched mark is
    dropped and the rest of the document is read.
    """
    doc, view = parsed.doc, parsed.view
    if not len(doc):
        return []
    quotes = Quotations(quote_spans(view, parsed.text), view)
    found = syntactic_stage(doc, quotes) + according_to_stage(doc)
    found += quote_stage(doc, quotes, [f.content for f in found])
    found = _deduplicate(_extend_to_quotes(found, quotes, view))
    resolver = _Resolver(parsed)
    records = []
    # Speakers are resolved in reading order, so that pronouns and descriptions find earlier speakers.
    for f in sorted(found, key=lambda f: (f.cue or f.content)[0]):
        records.append(_record(parsed, f, resolver, quotes))
    records = _floating(parsed, quotes, records, resolver)
    records.sort(key=lambda r: (r.content_start, r.cue_start, r.content_end))
    return [replace(r, attribution_id=i) for i, r in enumerate(records)]


def _extend_to_quotes(found: list[_Found], quotes: Quotations, view: str) -> list[_Found]:
    """Content that starts or ends inside a quotation running over a sentence break covers the quotation, and
    content wholly inside a quotation is the quotation (as :func:`_kind` reports it), so that two clauses of
    one quotation found for one cue are one relation."""
    extended = []
    for f in found:
        start, end = f.content
        # only the quotation whose words hold the content's start can extend it: quotations never overlap
        at = quotes.inner_at(start)
        if at is not None:
            inner = quotes.inners[at]
            if inner[0] <= start and end <= inner[1]:
                start, end = inner
            elif inner[0] <= start < inner[1] and end <= inner[1] and "." in view[inner[0]:start]:
                start = inner[0]
            if inner[0] <= start < inner[1] and start < end <= inner[1] and "." in view[end:inner[1]].rstrip(f".,{VIEW_QUOTE_MARKS} "):
                end = inner[1]
        extended.append(replace(f, content=_trimmed(view, start, end) or f.content))
    return extended


def _deduplicate(found: list[_Found]) -> list[_Found]:
    """Drop repeats and nested finds, in this order of preference: syntactic, according to, quote.

    Dropped: the same content found twice; a second, overlapping content for one cue; a quotation that a
    parse-based relation already covers; and a relation whose cue lies inside another relation's content
    (reported speech inside reported speech, or a verb like "add" read in its other sense).
    """
    reporting = Intervals([(g.content[0], g.content[1], g.cue) for g in found if g.stage != "according_to"])
    kept: list[_Found] = []
    kept_contents: set[tuple[int, int]] = set()
    kept_by_cue: dict[tuple[int, int] | None, list[tuple[int, int]]] = {}
    kept_spans: Intervals[tuple[int, int]] = Intervals()
    for f in found:
        duplicate = (
            f.content in kept_contents
            or any(_overlap(f.content, content) > 0 for content in kept_by_cue.get(f.cue, ()))
            or (f.stage == "quote" and bool(kept_spans.overlapping(*f.content)))
        )
        nested = f.cue is not None and any(cue != f.cue for cue in reporting.stabbing(f.cue[0]))
        if not duplicate and not nested:
            kept.append(f)
            kept_contents.add(f.content)
            kept_by_cue.setdefault(f.cue, []).append(f.content)
            kept_spans.add(*f.content, f.content)
    return kept


def _kind(found: _Found, quotes: Quotations, view: str) -> tuple[str, tuple[int, int]]:
    """direct, mixed or indirect from the quotation marks around or inside the content."""
    if found.kind:
        return found.kind, found.content
    start, end = found.content
    at = quotes.inner_at(start)
    if at is not None and end <= quotes.inners[at][1]:
        return "direct", _trimmed(view, *quotes.inners[at]) or found.content
    if quotes.inner_overlaps(found.content):
        return "mixed", _mixed_end(found.content, quotes)
    return "indirect", found.content


def _mixed_end(content: tuple[int, int], quotes: Quotations) -> tuple[int, int]:
    """Mixed content keeps the partial quotation's closing mark (and a full stop inside it)."""
    start, end = content
    quote = quotes.holding((end - 1, end))
    if quote is not None and quote[0] < end < quote[1] and end >= quote[1] - 3:
        end = quote[1]
    return start, end


def _record(parsed, found: _Found, resolver: _Resolver, quotes: Quotations) -> Attribution:
    text, view = parsed.text, parsed.view
    kind, (content_start, content_end) = _kind(found, quotes, view)
    speaker = resolver.resolve(found.speaker) if found.speaker is not None else NO_SPEAKER
    cue_start, cue_end = found.cue or (content_start, content_start)
    addressee, via = _addressee_and_via(parsed, found)
    stance = "neutral" if found.stage == "according_to" else lexicon().stances.get(found.cue_lemma, "neutral")
    bounds = [content_start, content_end, cue_start, cue_end]
    if speaker.start is not None:
        bounds += [speaker.start, speaker.end]
    start, end = min(bounds), max(bounds)
    return Attribution(
        sentence_id=parsed.sentences.sentence_id(cue_start if found.cue else content_start),
        start=start,
        end=end,
        text=text[start:end],
        attribution_id=0,
        kind=kind,
        speaker=text[speaker.start : speaker.end] if speaker.start is not None else "",
        speaker_start=speaker.start,
        speaker_end=speaker.end,
        source=speaker.source,
        source_type=speaker.source_type,
        role=speaker.role,
        side=speaker.side,
        cue=text[cue_start:cue_end],
        cue_start=cue_start,
        cue_end=cue_end,
        cue_lemma=found.cue_lemma,
        cue_stance=stance,
        content=text[content_start:content_end],
        content_start=content_start,
        content_end=content_end,
        via=via or found.via,
        addressee=addressee,
        name_variant=speaker.name_variant,
        speaker_resolution=speaker.resolution,
    )


def _addressee_and_via(parsed, found: _Found) -> tuple[str, str]:
    """Whom a "told" cue names: an outlet (or the other side of an interview) is the intermediary (``via``),
    anyone else the addressee."""
    token = found.addressee
    if token is None:
        return "", ""
    tokens = [t for t in token.subtree if not t.is_punct]
    written = _text(parsed, tokens)
    hit = parsed.catalogue.lookup(written.removeprefix("the ")) or parsed.catalogue.lookup(written)
    cue = token.head
    interview = any(
        p.lemma_.lower() == "interview" for c in children_of(cue) if c.dep_ == "prep" for p in children_of(c)
    )
    if (hit and hit[0].type == "media") or interview or _is_outlet(tokens):
        return "", written
    return written, ""


def _is_outlet(tokens: Sequence[Token]) -> bool:
    """A phrase naming an outlet: a press noun ("a state news agency", "reporters' network") or a proper
    name ending like a newspaper's ("the Harbour Times")."""
    lex = lexicon()
    if any(t.lemma_.lower() in lex.media or t.lower_ in lex.media or t.lower_ == "news" for t in tokens):
        return True
    return bool(tokens) and tokens[-1].pos_ == "PROPN" and tokens[-1].lower_ in lex.outlet_words


def _floating(parsed, quotes: Quotations, rows: list[Attribution], resolver: _Resolver) -> list[Attribution]:
    """Stage 6: a quotation standing as its own sentence, with no cue, inherits the previous speaker.

    With no speaker within reach it is kept as a quotation with no source (``source`` empty).
    """
    doc, view, text = parsed.doc, parsed.view, parsed.text
    rows = list(rows)
    spans: Intervals[Attribution] = Intervals([(r.start, r.end, r) for r in rows])
    # the speakers a floating quotation can inherit: the first quoting row to end at each offset
    speaker_ends: list[int] = []
    speaker_at: dict[int, Attribution] = {}

    def remember(row: Attribution) -> None:
        if row.source and row.kind in ("direct", "mixed") and row.content_end not in speaker_at:
            speaker_at[row.content_end] = row
            bisect.insort(speaker_ends, row.content_end)

    for row in rows:
        remember(row)
    for quote, words in zip(quotes.spans, quotes.inners):
        inner = _trimmed(view, *words)
        if inner is None or spans.overlapping(*inner):
            continue
        before = _previous_char(view, quote[0])
        line_end = view.find("\n", quote[1])
        after = view[quote[1] : line_end if line_end >= 0 else len(view)].strip()
        standalone = (not before or before in ".!?\n:") and (not after or after[0].isupper() or after[0] in VIEW_QUOTE_MARKS)
        if not standalone or _words(doc, inner) < MIN_QUOTE_WORDS:
            continue
        sentence = parsed.sentences.sentence_id(inner[0])
        at = bisect.bisect_right(speaker_ends, quote[0]) - 1
        last = speaker_at[speaker_ends[at]] if at >= 0 else None
        if last is not None and parsed.sentences.sentence_id(last.content_end) >= sentence - FLOATING_REACH:
            source = {k: getattr(last, k) for k in ("source", "source_type", "role", "side", "name_variant")}
            source_sentence, resolution = last.sentence_id, "inherited"
        else:
            source = dict(source="", source_type="anonymous", role="", side=UNKNOWN_SIDE, name_variant="")
            source_sentence, resolution = sentence, "none"
        rows.append(
            Attribution(
                sentence_id=source_sentence, start=inner[0], end=inner[1], text=text[inner[0] : inner[1]],
                attribution_id=0, kind="direct", speaker="", speaker_start=None, speaker_end=None, **source,
                cue="", cue_start=inner[0], cue_end=inner[0], cue_lemma="", cue_stance="neutral",
                content=text[inner[0] : inner[1]], content_start=inner[0], content_end=inner[1], via="",
                addressee="", speaker_resolution=resolution,
            )
        )
        spans.add(rows[-1].start, rows[-1].end, rows[-1])
        remember(rows[-1])
    return rows


def _previous_char(view: str, offset: int) -> str:
    """The last character before ``offset`` that is not a space or tab; empty at the start of the text."""
    i = offset - 1
    while i >= 0 and view[i] in " \t":
        i -= 1
    return view[i] if i >= 0 else ""


class Contents:
    """The content spans of a document's attributions, for asking many times which one holds a span."""

    def __init__(self, attributions: Sequence[Attribution]) -> None:
        self._spans = Intervals([(a.content_start, a.content_end, a) for a in attributions])

    def holding(self, start: int, end: int) -> Attribution | None:
        """The attribution whose content holds ``[start, end)``; the innermost one when they nest."""
        holding = self._spans.holding(start, end)
        return min(holding, key=lambda a: (a.content_end - a.content_start, a.attribution_id), default=None)


# --- claims ----------------------------------------------------------------------------------------------------


def _is_clause_head(token: Token) -> bool:
    """Where own-voice text is cut into clauses: the root, conjoined and loosely attached verbs, and
    non-restrictive relative clauses (", who was ...")."""
    if token.dep_ == "ROOT":
        return True
    if token.pos_ not in ("VERB", "AUX"):
        return False
    if token.dep_ in ("conj", "parataxis"):
        return True
    if token.dep_ == "relcl":
        left = token.left_edge
        return left.i > 0 and token.doc[left.i - 1].text in (",", "—", "–", "(")
    return False


def _clause_of(token: Token) -> Token:
    while not _is_clause_head(token):
        token = token.head
    return token


def _hedged(tokens: Sequence[Token]) -> bool:
    """Whether the words (punctuation skipped) hold a hedge of ``hedges.yaml``, matched by lemma."""
    lemmas = [t.lemma_.lower() for t in tokens if not t.is_punct]
    by_first = _hedges_by_first_word()
    return any(
        tuple(lemmas[i : i + len(h)]) == h for i, lemma in enumerate(lemmas) for h in by_first.get(lemma, ())
    )


@lru_cache(maxsize=1)
def _hedges_by_first_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for hedge in lexicon().hedges:
        grouped.setdefault(hedge[0], []).append(hedge)
    return {word: tuple(hedges) for word, hedges in grouped.items()}


def _covered_tokens(tokens: Sequence[Token], spans: Iterable[tuple[int, int]]) -> list[bool]:
    """For each token, whether it begins inside one of the character ``spans``."""
    covered = [False] * len(tokens)
    offsets = [t.idx for t in tokens]
    for start, end in spans:
        for i in range(bisect.bisect_left(offsets, start), bisect.bisect_left(offsets, end)):
            covered[i] = True
    return covered


def claim_rows(parsed, attributions: Sequence[Attribution]) -> list[ClaimRow]:
    """One row per claim, in order of position.

    Attributed claims are the attributions' content spans (``basis`` attributed). Own-voice claims are the
    clauses (see :func:`_is_clause_head`) whose main verb lies outside every attribution's span, cut to the
    words outside those spans and trimmed of edge punctuation and conjunctions; a clause with a hedge from
    ``hedges.yaml`` ("reportedly", "is said to") is ``anonymous_hedge``. Not split: subordinate clauses,
    which stay with the clause they modify (a claim's "because ..." is part of it), except where that clause
    is a report: then the subordinate clause is the outlet's own claim.
    """
    text = parsed.text
    rows = [
        ClaimRow(a.sentence_id, a.content_start, a.content_end, a.content, 0, "attributed", a.attribution_id,
                 a.source, a.side, a.source_type)
        for a in attributions
    ]
    index = doc_index(parsed.doc)
    tokens = index.tokens
    covered = _covered_tokens(tokens, [(a.start, a.end) for a in attributions])
    clauses: dict[int, int] = {}

    def clause(token: Token) -> int:
        if token.i not in clauses:
            clauses[token.i] = _clause_of(token).i
        return clauses[token.i]

    for first, stop in zip(index.sentence_starts, (*index.sentence_starts[1:], len(tokens))):
        runs: list[list[Token]] = []
        for token in tokens[first:stop]:
            if token.is_space or covered[token.i]:
                if runs and runs[-1]:
                    runs.append([])
                continue
            if runs and runs[-1] and clause(runs[-1][-1]) == clause(token):
                runs[-1].append(token)
            else:
                runs.append([token])
        for run in runs:
            while run and (run[0].is_punct or run[0].dep_ in ("cc", "mark") and run[0].lower_ != "while"):
                run = run[1:]
            while run and (run[-1].is_punct or run[-1].dep_ == "cc"):
                run = run[:-1]
            if not run or sum(1 for t in run if not t.is_punct) < 3:
                continue
            head = tokens[clause(run[0])]
            # a subordinate clause whose main clause is a report ("While Ukraine has kept mum ..., experts
            # have speculated that ...") is still asserted by the outlet: it has no clause of its own to join
            detached = covered[head.i] and any(t.pos_ in ("VERB", "AUX") for t in run)
            if head.i not in {t.i for t in run} and not detached:
                continue
            start, end = run[0].idx, run[-1].idx + len(run[-1])
            basis = "anonymous_hedge" if _hedged(run) else "own_voice"
            rows.append(ClaimRow(parsed.sentences.sentence_id(start), start, end, text[start:end], 0, basis, None, "", "", ""))
    rows.sort(key=lambda r: (r.start, r.end))
    return [replace(r, claim_id=i) for i, r in enumerate(rows)]


# --- summaries for the notebook ----------------------------------------------------------------------------------

#: Attribution kinds in the order tables and charts show them.
KINDS = ("direct", "mixed", "indirect", "according_to")
#: What a claim rests on, in reading order, from its basis and source type.
CLAIM_BASES = {
    "named person": ("person",),
    "government, military or institution": ("government", "military", "institution"),
    "anonymous or collective source": ("anonymous", "collective"),
    "document or another outlet": ("document", "media"),
}
OWN_VOICE = "nothing: the outlet's own voice"
HEDGED = "nobody: hedged (reportedly, is said to)"
#: Highlight styles of the rendered article, per attribution kind.
KIND_STYLES = {
    "direct": "background: #c6e2ff",
    "mixed": "background: #e3d4f5",
    "indirect": "background: #fde9b8",
    "according_to": "background: #d4f0d4",
}


def sourcing_summary(tables) -> pd.DataFrame:
    """Who is quoted: one row per source with its type, side, and attributions by kind, most quoted first."""
    a = tables.attributions
    counts = pd.crosstab(a["source"].where(a["source"] != "", "(no speaker)"), a["kind"])
    counts = counts.reindex(columns=list(KINDS), fill_value=0)
    first = a.assign(source=a["source"].where(a["source"] != "", "(no speaker)")).groupby("source").first()
    summary = first[["source_type", "side"]].join(counts)
    summary.insert(2, "attributions", counts.sum(axis=1))
    summary = summary.reset_index().rename(columns={"index": "source"})
    return summary.sort_values(["attributions", "source"], ascending=[False, True], ignore_index=True)


def side_kind_counts(attributions: pd.DataFrame) -> pd.DataFrame:
    """Attributions per side (rows) and kind (columns), all kinds shown."""
    counts = pd.crosstab(attributions["side"], attributions["kind"])
    return counts.reindex(columns=list(KINDS), fill_value=0).rename_axis(index="side", columns="kind")


def claim_basis(basis: str, source_type: str) -> str:
    """The reader's category of what a claim rests on (see :data:`CLAIM_BASES`)."""
    if basis == "own_voice":
        return OWN_VOICE
    if basis == "anonymous_hedge":
        return HEDGED
    return next((name for name, types in CLAIM_BASES.items() if source_type in types), "anonymous or collective source")


def claim_basis_counts(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims per category of what they rest on, every category shown, with its share of all claims."""
    order = [*CLAIM_BASES, OWN_VOICE, HEDGED]
    categories = [claim_basis(b, t) for b, t in zip(claims["basis"], claims["source_type"])]
    counts = pd.Series(categories, dtype="object").value_counts().reindex(order, fill_value=0)
    total = max(int(counts.sum()), 1)
    return pd.DataFrame({"rests_on": order, "claims": counts.to_numpy(), "share": (counts / total).round(3).to_numpy()})


def second_hand(attributions: pd.DataFrame) -> pd.DataFrame:
    """Attributions that reach the reader through another outlet or document (``via`` not empty)."""
    rows = attributions[attributions["via"] != ""]
    return rows[["doc_id", "sentence_id", "source", "via", "cue", "content"]].reset_index(drop=True)


def name_variants(attributions: pd.DataFrame) -> pd.DataFrame:
    """Speakers spelled differently from their source's canonical name within a document."""
    rows = attributions[attributions["name_variant"] != ""]
    return rows[["doc_id", "sentence_id", "source", "name_variant"]].reset_index(drop=True)


def attribution_layers(attributions: pd.DataFrame) -> list[Layer]:
    """Highlight layers for :func:`analysis.render.highlight`: content by kind, speakers and cues outlined."""
    speakers = attributions.dropna(subset=["speaker_start"])
    return [
        Layer(attributions, "kind", KIND_STYLES, "content (by kind)", start="content_start", end="content_end",
              tooltip="source"),
        Layer(speakers, "kind", {k: "border-bottom: 2px solid #333; font-weight: bold" for k in KINDS},
              "speaker", start="speaker_start", end="speaker_end", tooltip="source"),
        Layer(attributions[attributions["cue"] != ""], "cue_stance",
              {"neutral": "font-style: italic; text-decoration: underline",
               "distancing": "font-style: italic; text-decoration: underline wavy #c00",
               "emphatic": "font-style: italic; text-decoration: underline double"},
              "cue (by stance)", start="cue_start", end="cue_end", tooltip="cue_lemma"),
    ]
