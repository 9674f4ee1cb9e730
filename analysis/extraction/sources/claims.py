"""The ``claims`` table: attributed contents, and the outlet's own clauses (hedged or not)."""

from __future__ import annotations

import bisect
from dataclasses import replace
from functools import lru_cache
from typing import Iterable, Sequence

from spacy.tokens import Token

from analysis.extraction.doc_index import doc_index
from analysis.extraction.sources.records import Attribution, ClaimRow
from analysis.extraction.sources.wordlists import lexicon


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


def rests_on_evidence(attribution: Attribution) -> bool:
    """Whether an attribution's source is evidence rather than a speaker: a document source (source_type
    ``document``) whose head noun is listed under ``evidence`` in source_nouns.yaml (study, data, poll, figures,
    records, documents ...), or any document source of an evidence verb that is not a verb of saying
    ("documents show", "the court heard"). Statements, letters and posts are documents that speak: attributed."""
    if attribution.source_type != "document":
        return False
    lex = lexicon()
    if attribution.cue_lemma in lex.evidence_verbs and attribution.cue_lemma not in lex.stances:
        return True
    words = (attribution.speaker or attribution.source).lower().replace("’", "'").split()
    head = words[-1] if words else ""
    if " by " in f" {' '.join(words)} ":
        head = words[words.index("by") - 1] if words.index("by") > 0 else head
    return head in lex.evidence or head.rstrip("s") in lex.evidence or head == "data"


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

    Attributed claims are the attributions' content spans: ``basis`` evidence when the source is a record, data
    set or finding (:func:`rests_on_evidence`: "documents show", "the data showed", "according to the poll"),
    attributed otherwise. Own-voice claims are the
    clauses (see :func:`_is_clause_head`) whose main verb lies outside every attribution's span, cut to the
    words outside those spans and trimmed of edge punctuation and conjunctions; a clause with a hedge from
    ``hedges.yaml`` ("reportedly", "is said to") is ``anonymous_hedge``. Not split: subordinate clauses,
    which stay with the clause they modify (a claim's "because ..." is part of it), except where that clause
    is a report: then the subordinate clause is the outlet's own claim.
    """
    text = parsed.text
    rows = [
        ClaimRow(a.sentence_id, a.content_start, a.content_end, a.content, 0,
                 "evidence" if rests_on_evidence(a) else "attributed", a.attribution_id, a.source, a.side, a.source_type)
        for a in attributions
    ]
    index = doc_index(parsed.doc)
    tokens = index.tokens
    covered = _covered_tokens(tokens, [(a.start, a.end) for a in attributions])
    heads = index.heads
    clauses: dict[int, int] = {}

    def clause(token: Token) -> int:
        """The position of the clause head ``token`` belongs to: up its heads to the first
        :func:`_is_clause_head`. Every word passed on the way belongs to the same clause and is remembered with
        it, and heads are read from the index (walking ``Token.head`` word by word made a new Token per step,
        for every word again)."""
        passed, i = [], token.i
        while i not in clauses and not _is_clause_head(tokens[i]):
            passed.append(i)
            i = heads[i]
        found = clauses.setdefault(i, i)
        for j in passed:
            clauses[j] = found
        return found

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
