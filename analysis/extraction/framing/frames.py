"""The ``frames`` and ``document_frames`` tables: cue words of generic news frames per sentence and document."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from analysis.extraction.doc_index import DocIndex, doc_index
from analysis.extraction.framing.lexicons import frame_lexicons
from analysis.extraction.framing.matching import TermIndex
from analysis.extraction.framing.records import DocumentFrame, SentenceFrame


def frame_rows(parsed) -> list[SentenceFrame]:
    """Per sentence and frame with at least one hit: how many of the frame's cue words the sentence uses.

    Frames are the generic news frames of Semetko & Valkenburg (2000) and the Media Frames Corpus dimensions
    (Boydstun et al. 2014) that fit conflict reporting, each scored by its own lexicon. A cue-word count is a
    proxy for a coder's judgement, not a frame classification.
    """
    text, index = parsed.text, doc_index(parsed.doc)
    frames = frame_lexicons()
    rows = []
    for sentence_id, (start, end) in enumerate(zip(parsed.sentences.starts, parsed.sentences.ends)):
        for number, matches in sorted(_frame_matches(index, *index.sentence_span_tokens(start, end)).items()):
            scheme, frame, _ = frames[number]
            words = [text[index.starts[i] : index.ends[j - 1]] for i, j in matches]
            rows.append(SentenceFrame(sentence_id, start, end, text[start:end], scheme, frame, len(matches), "; ".join(words)))
    return rows


@lru_cache(maxsize=1)
def _frame_term_index() -> TermIndex:
    """Every frame's terms in one index; a term's key is its frame's number in :func:`frame_lexicons`."""
    return TermIndex([(str(number), terms) for number, (_, _, terms) in enumerate(frame_lexicons())])


def _frame_matches(index: DocIndex, begin: int, stop: int) -> dict[int, list[tuple[int, int]]]:
    """Token bounds of each frame's matches within ``[begin, stop)``, by frame number.

    Each frame is matched on its own, as :func:`match_terms` would (longest first, left to right, no two of
    one frame overlapping), but in one pass over the tokens for all frames.
    """
    terms, lower, lemma, pos = _frame_term_index(), index.lower, index.lemma, index.pos
    found: dict[int, list[tuple[int, int]]] = {}
    free: dict[int, int] = {}  # per frame, the first token not inside one of its matches
    firsts = terms.first_words
    for i in range(begin, stop):
        if lower[i] not in firsts and lemma[i] not in firsts:
            continue  # speed: most tokens start no frame's term
        best: dict[int, int] = {}
        for number, _, term in terms.candidates(lower[i], lemma[i]):
            n = len(term.words)
            if i < free.get(number, begin) or i + n > stop or n <= best.get(number, 0):
                continue
            if term.pos and pos[i] != term.pos:
                continue
            if all(lower[i + k] == w or lemma[i + k] == w for k, w in enumerate(term.words)):
                best[number] = n
        for number, n in best.items():
            found.setdefault(number, []).append((i, i + n))
            free[number] = i + n
    return found


def document_frame_rows(sentence_frames: Sequence[SentenceFrame], n_sentences: int, n_words: int) -> list[DocumentFrame]:
    """Every frame of every scheme for one document (zeros included): hits, sentences with a hit, the share
    of sentences with a hit and hits per 1,000 words."""
    rows = []
    for scheme, frame, _ in frame_lexicons():
        mine = [f for f in sentence_frames if f.scheme == scheme and f.frame == frame]
        hits = sum(f.hits for f in mine)
        rows.append(
            DocumentFrame(
                scheme=scheme,
                frame=frame,
                hits=hits,
                sentences=len(mine),
                sentence_share=round(len(mine) / n_sentences, 4) if n_sentences else 0.0,
                hits_per_1000_words=round(1000 * hits / n_words, 2) if n_words else 0.0,
            )
        )
    return rows
