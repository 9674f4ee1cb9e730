"""The same quotation printed by several articles: wire copy, pooled interviews, a quote passed on.

Produces the ``quote_reuse`` table (:class:`analysis.building.schema.QuoteReuse`) from the ``attributions`` and
``documents`` tables of a built corpus, and the links of each article's source to its identity across the corpus
(:mod:`analysis.across.identity`), which tell whether two printings give the same speaker.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from functools import lru_cache
from typing import Sequence

import numpy as np
import pandas as pd
from rapidfuzz import fuzz

from analysis.building import schema
from analysis.across.identity import source_links, with_source_ids
from analysis.across.publication import in_publication_order, publication_order, with_publication
from analysis.extraction.sources.wordlists import lexicon

#: Attribution kinds whose content is a quotation (the speaker's words); indirect speech and `according to`
#: are the outlet's paraphrase, so two outlets' matching paraphrases are shared copy, not a shared quotation.
QUOTED_KINDS = ("direct", "mixed")
#: Quotations shorter than this many words (after normalising) are never matched: "we will win" or "he said
#: no" are phrases any two speakers or writers produce independently; six words in the same order rarely are.
MIN_QUOTE_WORDS = 6
#: Two printings match when :func:`similarity` reaches this (0-100). It counts words, not characters: 90 lets
#: about one word in ten inside the shared stretch be dropped, added or changed ("our land, and we will" /
#: "our land; we will", 97; "metre"/"meter" in a 15-word quote, 93), while two different sentences built on
#: the same words ("Our troops have repelled every attack on the city since Monday" / "Their troops have
#: launched every attack ...", 86) stay apart; in a six-word quote no word may be changed.
MATCH_THRESHOLD = 90.0
#: Words per shingle, the unit of blocking: two printings are compared only if they share a run of this many
#: normalised words. Any two printings of one quote at least MIN_QUOTE_WORDS long share several.
SHINGLE_WORDS = 3
#: Each printing is looked up under at most this many of its shingles, the rarest in the corpus that at least
#: one other printing shares: rare runs of words single out the quotation, common ones ("we will not") do not.
BLOCK_KEYS_PER_PRINTING = 8
#: Under each of its keys a printing is compared with at most this many groups' first printings, the earliest
#: published; this caps the comparisons at about BLOCK_KEYS_PER_PRINTING * MAX_CANDIDATES_PER_KEY per printing
#: (linear in the corpus), and a quotation reprinted any number of times is one group with one first printing.
MAX_CANDIDATES_PER_KEY = 32
#: How a link ties a source to an identity that may be any of several people (a surname two full names of the
#: corpus share): such an identity is its one article's, and a printing with it may or may not give the same
#: speaker as another: :func:`speaker_match` says "unknown".
AMBIGUOUS_MATCH = "ambiguous"
#: Words dropped at either end of a normalised quotation: outlets cut a quote at a conjunction or a
#: complementiser ("... and we will rebuild" / "we will rebuild"), and the cut word is no part of the match.
EDGE_WORDS = frozenset({"and", "but", "or", "so", "that", "because", "then", "yet"})

#: The ``attributions`` columns :func:`quote_reuse` reads (a build can read back only these).
ATTRIBUTION_COLUMNS = [
    "doc_id", "sentence_id", "attribution_id", "kind", "speaker", "speaker_start", "speaker_end", "source",
    "source_type", "content", "content_start", "content_end",
]

_INNER_APOSTROPHE = re.compile(r"(?<=\w)['\u2019\u02bc](?=\w)")


def normalise_quote(text: str) -> str:
    """The quotation's words, lowercase, single-spaced, for matching: Unicode compatibility forms folded,
    apostrophes inside words dropped ("don't" and "don’t" are "dont"), quotation marks and every other
    punctuation mark (ellipses, dashes, commas) read as a word break, and :data:`EDGE_WORDS` trimmed from
    both ends. Numbers and symbols are kept as written ("28" and "twenty-eight" do not match)."""
    text = _INNER_APOSTROPHE.sub("", unicodedata.normalize("NFKC", text).casefold())
    words = "".join(" " if unicodedata.category(c).startswith("P") else c for c in text).split()
    while words and words[0] in EDGE_WORDS:
        words.pop(0)
    while words and words[-1] in EDGE_WORDS:
        words.pop()
    return " ".join(words)


def similarity(a: str, b: str) -> float:
    """How alike two normalised quotations are, 0-100, word by word: the better of rapidfuzz's ``ratio`` (the
    whole of both: catches a word added or dropped inside) and the ``ratio`` of the shorter against its
    best-matching stretch of the longer of the same length (a copy trimmed at either end scores 100).

    Only stretches as long as the shorter quotation count: rapidfuzz's ``partial_ratio`` also aligns the shorter
    with a shorter piece at either end of the longer, so "this is going to be bad" scored 91 against "this is
    going to be a defining moment" (its first five words) and two different remarks became one quotation.
    """
    words_a, words_b = a.split(), b.split()
    short, long = sorted((words_a, words_b), key=len)
    whole = fuzz.ratio(words_a, words_b)
    if not short:
        return float(whole)
    aligned = fuzz.partial_ratio_alignment(short, long)
    if aligned.dest_end - aligned.dest_start == len(short):
        return float(max(whole, aligned.score))
    # the best alignment hangs off an end of the longer: score the full-length stretches instead
    width = len(short)
    return float(max(whole, *(fuzz.ratio(short, long[i : i + width]) for i in range(len(long) - width + 1))))


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def match_groups(texts: list[str]) -> list[int]:
    """For each normalised quotation (in order of printing), the index of its group's first printing.

    Each printing, in order, joins the earlier group whose first printing it matches best (:func:`similarity`
    at least :data:`MATCH_THRESHOLD`; equal scores to the earlier group), else starts a group of its own. Every
    printing of a group therefore matches the group's first printing, not only some other member: a chain
    ("A" like "B", "B" like "C", "A" unlike "C") never joins two different remarks. A trimmed half printed
    before the whole quote starts its own group, which the whole joins; the other half then matches neither
    that half nor the group's first printing and forms a group of its own (a missed reprint rather than a
    false one). Only first printings sharing a rare shingle with the printing are compared (see
    :data:`BLOCK_KEYS_PER_PRINTING`, :data:`MAX_CANDIDATES_PER_KEY`).
    """
    words = [t.split() for t in texts]
    shingles = [_shingles(w) if len(w) >= MIN_QUOTE_WORDS else set() for w in words]
    frequency: dict[tuple[str, ...], int] = defaultdict(int)
    for keys in shingles:
        for key in keys:
            frequency[key] += 1
    # the first printings of the groups so far, under each of their shingles, in order of printing
    firsts: dict[tuple[str, ...], list[int]] = defaultdict(list)
    roots = list(range(len(texts)))
    for i, keys in enumerate(shingles):
        shared = sorted((frequency[k], k) for k in keys if frequency[k] > 1)
        candidates = sorted({j for _, key in shared[:BLOCK_KEYS_PER_PRINTING] for j in firsts[key][:MAX_CANDIDATES_PER_KEY]})
        scores = [(similarity(texts[i], texts[j]), -j) for j in candidates]
        best = max(scores, default=(0.0, 0))
        if best[0] >= MATCH_THRESHOLD:
            roots[i] = -best[1]
        else:
            for key in keys:
                firsts[key].append(i)
    return roots


def match_blocks(texts: list[str]) -> list[list[int]]:
    """The printings (indices into ``texts``, normalised quotations in order of printing) that
    :func:`match_groups` may compare with each other, as blocks of two or more in order; a printing in no block
    is a group of its own.

    Two printings are in one block when a chain of printings sharing a shingle joins them. Everything
    :func:`match_groups` reads of a printing (how often its shingles occur in the corpus, the first printings
    filed under them) lies within its block, so the groups of a corpus are those of its blocks, each matched
    alone, in any order: a build matches again only the blocks whose printings changed.
    """
    parent = list(range(len(texts)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_with: dict[tuple[str, ...], int] = {}
    for i, text in enumerate(texts):
        words = text.split()
        if len(words) < MIN_QUOTE_WORDS:
            continue
        for key in _shingles(words):
            j = first_with.setdefault(key, i)
            a, b = root(i), root(j)
            if a != b:
                parent[max(a, b)] = min(a, b)
    blocks: dict[int, list[int]] = defaultdict(list)
    for i in range(len(texts)):
        blocks[root(i)].append(i)
    return [members for members in blocks.values() if len(members) > 1]


def identified(source_id: str, matched_by: str) -> bool:
    """Whether a printing's speaker is someone who can be told apart from another: the source has an identity
    across the corpus (none for anonymous, unresolved, document and collective sources) that is not an
    ambiguous short name (:data:`AMBIGUOUS_MATCH`)."""
    return bool(source_id) and matched_by != AMBIGUOUS_MATCH


def speaker_match(source_id: str, matched_by: str, reference_id: str, reference_matched_by: str) -> str:
    """Whether a printing gives the same speaker as its group's reference printing, by their identities across
    the corpus (:mod:`analysis.across.identity`): "same" for one ``source_id``, "different" for two when both
    are :func:`identified`, else "unknown". "Trump" in one article and "Donald Trump" in another are one identity,
    so "same"; the comparison is only as good as the identities."""
    if source_id and source_id == reference_id:
        return "same"
    if identified(source_id, matched_by) and identified(reference_id, reference_matched_by):
        return "different"
    return "unknown"


#: ``speaker_match`` of two printings that give no identified speaker but describe an unnamed one in the same
#: words tied to a name ("a Downing Street spokesman" / "a Downing Street spokesperson"): alike, not known one.
SAME_DESCRIPTION = "same_description"
#: Source types of a speaker the text describes without naming (a pronoun has too few words to be a description).
DESCRIBED_TYPES = frozenset({"anonymous", "unresolved"})
#: Articles left out of a description's key.
_ARTICLES = frozenset({"a", "an", "the"})


@lru_cache(maxsize=65_536)  # the same few descriptions recur through a corpus's reprints
def description_key(source: str, source_type: str) -> str:
    """How an unnamed speaker is described, for comparing two printings: the words lowercased, articles left out,
    the spokesperson nouns (``spokesperson_nouns``: "spokesman", "spokeswoman", "spokesperson") as one word.
    Empty, so never alike, for a named or typed source (:data:`DESCRIBED_TYPES`), and for a description that ties
    the speaker to no name: it needs a capitalised word besides its first and its head ("a Downing Street
    spokesman", "an official at the Harbour Trust"; not "a senior official", "a spokesman", "sources", "she"),
    since two outlets' "a senior official" may be any two people."""
    if source_type not in DESCRIBED_TYPES:
        return ""
    words = re.findall(r"[\w'’-]+", source)
    led = bool(words) and words[0].lower() in _ARTICLES
    body = words[1:] if led else words
    # a capital on the first word may be the sentence's ("Senior officials said"), after an article it is the name's
    named = body[:-1] if led else body[1:-1]
    if len(body) < 2 or not any(w[:1].isupper() for w in named):
        return ""
    spokes = lexicon().spokesperson_nouns
    return " ".join("spokesperson" if w.lower() in spokes else w.lower() for w in words if w.lower() not in _ARTICLES)


def described_alike(reused: pd.DataFrame, matches: Sequence[str]) -> list[str]:
    """``matches`` (each printing's :func:`speaker_match`) with :data:`SAME_DESCRIPTION` for the printings of a
    group whose speakers no printing of the group identifies, that share the :func:`description_key` of the
    group's earliest described printing, when printings of at least two articles do (that earliest one included).
    The two outlets describe the speaker alike in reprints of one statement: a reader may take them for one
    source; the table does not say they are (``same_source`` stays false)."""
    keys = pd.Series([description_key(s, t) for s, t in zip(reused["source"], reused["source_type"])],
                     index=reused.index, dtype="str")
    unidentified = pd.Series([m == "unknown" for m in matches], index=reused.index, dtype=bool)
    group_has_identity = (~unidentified).groupby(reused["root"]).transform("any")
    described = keys[(keys != "") & ~group_has_identity]
    reference = described.groupby(reused.loc[described.index, "root"]).first()
    wanted = reused["root"].map(reference.astype(object)).astype(object).where(lambda w: w.notna(), "")
    alike = (keys == wanted) & (keys != "") & ~group_has_identity
    articles = reused["doc_id"].where(alike).groupby(reused["root"]).transform("nunique")
    return [SAME_DESCRIPTION if a and n >= 2 else m for m, a, n in zip(matches, alike, articles)]


def _reference_speakers(reused: pd.DataFrame) -> pd.DataFrame:
    """For each printing of ``reused`` (in printing order, column ``root``), the ``source_id`` and
    ``matched_by`` of its group's earliest printing whose speaker is :func:`identified`; empty where no printing
    of the group names one."""
    named = reused[pd.Series([identified(*k) for k in zip(reused["source_id"], reused["matched_by"])],
                             index=reused.index, dtype=bool)]
    reference = named.groupby("root")[["source_id", "matched_by"]].first()
    return reference.reindex(reused["root"]).fillna({"source_id": "", "matched_by": ""}).set_axis(reused.index)


#: What :func:`printings` gives each quotation: the ``attributions`` columns the table copies, the article's
#: outlet and publication time, and the normalised words.
PRINTING_COLUMNS = [*ATTRIBUTION_COLUMNS, "outlet", "published_at", "listed", "normalised"]


def printings(attributions: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """The quotations of ``attributions`` (:data:`QUOTED_KINDS`) with their article's outlet and publication time
    and their normalised words (:data:`PRINTING_COLUMNS`), in the order given. A printing's row depends on its
    own article alone, so a build derives them chunk by chunk and keeps them; its source's identity across the
    corpus is put on at the end (:func:`reuse_rows`)."""
    quoted = attributions[attributions["kind"].isin(QUOTED_KINDS)]
    quoted = with_publication(quoted[ATTRIBUTION_COLUMNS], publication_order(documents))
    normalised = pd.Series([normalise_quote(c) for c in quoted["content"]], index=quoted.index, dtype="str")
    return quoted.assign(normalised=normalised)[PRINTING_COLUMNS]


def in_printing_order(rows: pd.DataFrame) -> pd.DataFrame:
    """:func:`printings` of a corpus in order of printing: publication order, then position in the article."""
    return in_publication_order(rows, ["content_start", "attribution_id"])


def _with_identities(printed: pd.DataFrame, links: pd.DataFrame) -> pd.DataFrame:
    """``printed`` with each printing's source's identity across the corpus (``source_id``, ``matched_by``)."""
    return with_source_ids(printed, links, matched_by=True)


def quote_reuse(attributions: pd.DataFrame, documents: pd.DataFrame, links: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per printing of a quotation printed by at least two different articles.

    A quotation is the content of a direct or mixed attribution (:data:`QUOTED_KINDS`), compared after
    :func:`normalise_quote`; printings match at :data:`MATCH_THRESHOLD`, so a quote re-punctuated, re-cased,
    with curly or straight marks, or trimmed at either end is the same quotation. Found: copies and excerpts
    of one wording. Not found: translations or paraphrases of the same remark, quotes under
    :data:`MIN_QUOTE_WORDS` words, a spliced quote whose pieces are each shorter than that, and (by the
    blocking) rarely a pair whose only shared word runs are common ones.

    Groups are numbered from 0 in order of their first printing, and every printing of a group matches its first
    printing (:func:`match_groups`). ``speaker_match`` compares each printing's source's identity across the
    corpus with that of the group's earliest printing that names its speaker (:func:`speaker_match`: "unknown"
    unless both are :func:`identified`; a first printing that says only "she" does not make every reprint
    unknown); ``same_source`` is true where it is "same".

    ``links`` are the corpus's links from each article's source to its identity
    (:attr:`analysis.across.identity.SourceIdentities.links`); when None they are made from ``attributions``
    (:func:`analysis.across.identity.source_links`, without a catalogue or the articles' mentions). Rows are
    sorted by group, then printing order.
    """
    if links is None:
        links = source_links(attributions)
    ordered = in_printing_order(printings(attributions, documents))
    return reuse_rows(reused_printings(ordered, match_groups(ordered["normalised"].tolist())), links)


def reused_printings(ordered: pd.DataFrame, roots: Sequence[int]) -> pd.DataFrame:
    """The printings of a corpus (:func:`in_printing_order`) whose group is printed by two articles or more, given
    the index of each one's group's first printing (``roots``: :func:`match_groups`), with that index (``root``)
    and their ``similarity`` to that first printing: what the table holds that does not rest on the sources'
    identities across the corpus (:func:`reuse_rows` puts those on)."""
    ordered = ordered.assign(root=np.asarray(roots, dtype=np.int64))
    spread = ordered.groupby("root")["doc_id"].nunique()
    reused = ordered[ordered["root"].isin(spread[spread >= 2].index)]
    first = ordered.loc[reused["root"]].set_axis(reused.index)
    return reused.assign(similarity=[similarity(a, b) for a, b in zip(first["normalised"], reused["normalised"])])


def reuse_rows(reused: pd.DataFrame, links: pd.DataFrame) -> pd.DataFrame:
    """The validated ``quote_reuse`` table of a corpus's reused printings (:func:`reused_printings`), given the
    corpus's links from each article's source to its identity (:func:`analysis.across.identity.source_links`)."""
    # the identities of the reused printings only (with_source_ids looks up only their own links where the
    # corpus's are many more)
    reused = _with_identities(reused, links)
    group_ids = {root: n for n, root in enumerate(sorted(reused["root"].unique()))}
    reference = _reference_speakers(reused)
    reused = reused.assign(
        group_id=reused["root"].map(group_ids),
        first_printed=reused.index == reused["root"],
        speaker_match=described_alike(reused, [
            speaker_match(*k) for k in zip(reused["source_id"], reused["matched_by"], reference["source_id"],
                                           reference["matched_by"])
        ]),
        n_printings=reused.groupby("root")["doc_id"].transform("size"),
        n_articles=reused.groupby("root")["doc_id"].transform("nunique"),
        n_outlets=reused["outlet"].where(reused["outlet"] != "").groupby(reused["root"]).transform("nunique"),
        start=reused["content_start"],
        end=reused["content_end"],
        text=reused["content"],
    )
    reused["same_source"] = reused["speaker_match"] == "same"
    columns = schema.columns("quote_reuse")
    return schema.validate("quote_reuse", reused.sort_values(["group_id"], kind="stable")[columns].reset_index(drop=True))
