"""The same quotation printed by several articles: wire copy, pooled interviews, a quote passed on.

Produces the ``quote_reuse`` table (:class:`analysis.building.schema.QuoteReuse`) from the ``attributions`` and
``documents`` tables of a built corpus.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

import pandas as pd
from rapidfuzz import fuzz

from analysis.building import schema
from analysis.across.publication import publication_order, with_publication

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
#: Under each of its keys a printing is compared with at most this many printings, the earliest published;
#: this caps the comparisons at about BLOCK_KEYS_PER_PRINTING * MAX_CANDIDATES_PER_KEY per printing (linear
#: in the corpus), and a quotation reprinted more often still forms one group through its earliest printings.
MAX_CANDIDATES_PER_KEY = 32
#: Words dropped at either end of a normalised quotation: outlets cut a quote at a conjunction or a
#: complementiser ("... and we will rebuild" / "we will rebuild"), and the cut word is no part of the match.
EDGE_WORDS = frozenset({"and", "but", "or", "so", "that", "because", "then", "yet"})

#: The ``attributions`` columns :func:`quote_reuse` reads (a build can read back only these).
ATTRIBUTION_COLUMNS = [
    "doc_id", "sentence_id", "attribution_id", "kind", "speaker", "speaker_start", "speaker_end", "source",
    "content", "content_start", "content_end",
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
    whole of both: catches a word added or dropped inside) and ``partial_ratio`` (the shorter against its
    best-aligned stretch of the longer: a copy trimmed at either end scores 100)."""
    words_a, words_b = a.split(), b.split()
    return float(max(fuzz.ratio(words_a, words_b), fuzz.partial_ratio(words_a, words_b)))


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


@dataclass
class _Groups:
    """Union-find over printings; a group's root is its earliest printing (the lowest index)."""

    parent: list[int]

    def root(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        a, b = self.root(i), self.root(j)
        self.parent[max(a, b)] = min(a, b)


def match_groups(texts: list[str]) -> list[int]:
    """For each normalised quotation (in order of printing), the index of the earliest one it is grouped with.

    Printings are linked when :func:`similarity` reaches :data:`MATCH_THRESHOLD`, and groups are the linked
    printings taken transitively (a long quote joins its two trimmed halves). Only printings sharing a rare
    shingle are compared (see :data:`BLOCK_KEYS_PER_PRINTING`, :data:`MAX_CANDIDATES_PER_KEY`): two printings
    of one quote whose shared runs of words are all common ones and crowded out of every key can be missed.
    """
    words = [t.split() for t in texts]
    shingles = [_shingles(w) if len(w) >= MIN_QUOTE_WORDS else set() for w in words]
    postings: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, keys in enumerate(shingles):
        for key in keys:
            postings[key].append(i)
    groups, compared = _Groups(list(range(len(texts)))), set()
    for i, keys in enumerate(shingles):
        shared = sorted((len(postings[k]), k) for k in keys if len(postings[k]) > 1)
        for _, key in shared[:BLOCK_KEYS_PER_PRINTING]:
            for j in postings[key][:MAX_CANDIDATES_PER_KEY]:
                pair = (min(i, j), max(i, j))
                if i == j or pair in compared:
                    continue
                compared.add(pair)
                if similarity(texts[i], texts[j]) >= MATCH_THRESHOLD:
                    groups.join(i, j)
    return [groups.root(i) for i in range(len(texts))]


def _printings(attributions: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """The quotations of the corpus in order of printing (publication order, then position in the article),
    with their normalised text."""
    quoted = attributions[attributions["kind"].isin(QUOTED_KINDS)]
    quoted = with_publication(quoted, publication_order(documents))
    quoted = quoted.assign(normalised=[normalise_quote(c) for c in quoted["content"]])
    return quoted.sort_values(["rank", "doc_id", "content_start", "attribution_id"], kind="stable").reset_index(
        drop=True
    )


def quote_reuse(attributions: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """One row per printing of a quotation printed by at least two different articles.

    A quotation is the content of a direct or mixed attribution (:data:`QUOTED_KINDS`), compared after
    :func:`normalise_quote`; printings match at :data:`MATCH_THRESHOLD`, so a quote re-punctuated, re-cased,
    with curly or straight marks, or trimmed at either end is the same quotation. Found: copies and excerpts
    of one wording. Not found: translations or paraphrases of the same remark, quotes under
    :data:`MIN_QUOTE_WORDS` words, a spliced quote whose pieces are each shorter than that, and (by the
    blocking) rarely a pair whose only shared word runs are common ones.

    Groups are numbered from 0 in order of their first printing; the first printing's source decides
    ``same_source``. Rows are sorted by group, then printing order.
    """
    printings = _printings(attributions, documents)
    printings["root"] = match_groups(printings["normalised"].tolist())
    spread = printings.groupby("root")["doc_id"].nunique()
    reused = printings[printings["root"].isin(spread[spread >= 2].index)].copy()
    group_ids = {root: n for n, root in enumerate(sorted(reused["root"].unique()))}
    first = printings.loc[reused["root"]].set_axis(reused.index)
    reused = reused.assign(
        group_id=reused["root"].map(group_ids),
        first_printed=reused.index == reused["root"],
        same_source=reused["source"].str.casefold().to_numpy() == first["source"].str.casefold().to_numpy(),
        similarity=[similarity(a, b) for a, b in zip(first["normalised"], reused["normalised"])],
        n_printings=reused.groupby("root")["doc_id"].transform("size"),
        n_articles=reused.groupby("root")["doc_id"].transform("nunique"),
        n_outlets=reused["outlet"].where(reused["outlet"] != "").groupby(reused["root"]).transform("nunique"),
        start=reused["content_start"],
        end=reused["content_end"],
        text=reused["content"],
    )
    columns = schema.columns("quote_reuse")
    return schema.validate("quote_reuse", reused.sort_values(["group_id"], kind="stable")[columns].reset_index(drop=True))
