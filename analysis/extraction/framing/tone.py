"""The ``tone`` and ``actor_tone`` tables: VADER per sentence with and without the news adjustment."""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from functools import lru_cache

from vaderSentiment.vaderSentiment import SentiText, SentimentIntensityAnalyzer

from analysis.extraction.doc_index import doc_index
from analysis.extraction.framing.lexicons import load_tone_adjustment
from analysis.extraction.framing.records import ActorTone, Tone
from analysis.extraction.framing.voices import Voices
from analysis.extraction.sources import Attribution

#: A sentence counts as the outlet's own voice when less than this share of its words is quoted.
OWN_VOICE_MAX_QUOTED_SHARE = 0.5


@lru_cache(maxsize=1)
def _vader() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


@lru_cache(maxsize=8)
def _adjusted_vader(adjustment: tuple[tuple[str, float], ...]) -> SentimentIntensityAnalyzer:
    analyzer = SentimentIntensityAnalyzer()
    analyzer.lexicon = {**_vader().lexicon, **dict(adjustment)}
    return analyzer


def _adjustment_key(adjustment: Mapping[str, float] | None) -> tuple[tuple[str, float], ...]:
    if adjustment is None:
        return _packaged_adjustment_key()
    return tuple(sorted((w.lower(), float(v)) for w, v in adjustment.items()))


@lru_cache(maxsize=1)
def _packaged_adjustment_key() -> tuple[tuple[str, float], ...]:
    """The packaged adjustment as a cache key, read once per process (parsing the YAML costs more than a
    document's tone)."""
    return _adjustment_key(load_tone_adjustment())


def text_tone(text: str, *, adjustment: Mapping[str, float] | None = None) -> tuple[float, float]:
    """VADER compound score of ``text`` ``(adjusted, unadjusted)``; the packaged adjustment when None."""
    adjusted = _adjusted_vader(_adjustment_key(adjustment))
    return adjusted.polarity_scores(text)["compound"], _vader().polarity_scores(text)["compound"]


def _valences(text: str, lexicon: Mapping[str, float]) -> list[tuple[str, float]]:
    """The words of ``text`` as VADER reads them (``SentiText``'s split, its own punctuation stripping), lower
    case, that ``lexicon`` scores, with their valence. Speed: without building a ``SentiText``, whose check of
    capitals is not read here."""
    words = [SentiText._strip_punc_if_word(w).lower() for w in text.split()]
    return [(w, lexicon[w]) for w in words if w in lexicon]


def _quoted_share(is_word: Sequence[bool], first: int, stop: int, quoted: Sequence[bool]) -> float:
    """The share of the words (not punctuation or space) among tokens ``[first, stop)`` that are quoted, from
    :meth:`Voices.quoted_tokens`."""
    words = [i for i in range(first, stop) if is_word[i]]
    if not words:
        return 0.0
    return sum(quoted[i] for i in words) / len(words)


def tone_rows(
    parsed, attributions: Sequence[Attribution] = (), *, adjustment: Mapping[str, float] | None = None
) -> list[Tone]:
    """One row per sentence: VADER compound with and without the domain adjustment, and the words that
    moved it.

    ``moved_by`` lists the words whose valence the adjustment changed (``attack -2.1→0``), ``valence_words``
    every word the adjusted lexicon scores. VADER's rules (negation, "but", intensifiers) apply to both
    scores alike. ``own_voice`` is true when less than half the sentence's words are quoted.
    Not measured: tone towards a particular actor within a sentence (see :func:`actor_tone_rows`).
    """
    key = _adjustment_key(adjustment)
    adjusted, plain = _adjusted_vader(key), _vader()
    adjusted_words = frozenset(word for word, _ in key)
    index = doc_index(parsed.doc)
    quoted = Voices.of(parsed, attributions).quoted_tokens(index)
    rows = []
    for sentence_id, (start, end) in enumerate(zip(parsed.sentences.starts, parsed.sentences.ends)):
        view = parsed.view[start:end]
        valences = _valences(view, adjusted.lexicon)
        moved = [
            f"{w} {plain.lexicon.get(w, 0.0):g}→{adjusted.lexicon[w]:g}"
            for w, _ in valences
            if plain.lexicon.get(w) != adjusted.lexicon[w]
        ]
        scored = [f"{w} {v:g}" for w, v in valences if v != 0.0]
        share = _quoted_share(index.is_word, *index.sentence_span_tokens(start, end), quoted)
        # VADER looks up only the sentence's own words (and the words of its emojis' descriptions): with no
        # adjusted word among them, both lexicons give the same score
        no_emoji = plain.emojis.keys().isdisjoint(view)
        untouched = adjusted_words.isdisjoint(w for w, _ in valences) and no_emoji
        # speed: with no word either lexicon scores (the adjusted one holds every word of the plain one) VADER
        # gives every word 0 and the compound 0.0; a third of the sentences, each scored in 0.1 ms
        unadjusted = plain.polarity_scores(view)["compound"] if valences or not no_emoji else 0.0
        rows.append(
            Tone(
                sentence_id=sentence_id,
                start=start,
                end=end,
                text=parsed.text[start:end],
                compound=unadjusted if untouched else adjusted.polarity_scores(view)["compound"],
                compound_unadjusted=unadjusted,
                moved_by="; ".join(moved),
                valence_words="; ".join(scored),
                quoted_share=round(share, 4),
                own_voice=share < OWN_VOICE_MAX_QUOTED_SHARE,
            )
        )
    return rows


def actor_tone_rows(mentions: Sequence, tones: Sequence[Tone]) -> list[ActorTone]:
    """Per catalogued actor: the mean tone of the own-voice sentences that mention it, in order of first
    mention. Actors mentioned only in quoted sentences get no row. Not measured: whether the tone is
    *about* the actor (a sentence mentioning two actors counts for both)."""
    own = {t.sentence_id: t for t in tones if t.own_voice}
    sentences: dict[str, list[int]] = {}
    sides: dict[str, str] = {}
    for mention in mentions:
        if not mention.actor or mention.sentence_id not in own:
            continue
        ids = sentences.setdefault(mention.actor, [])
        sides.setdefault(mention.actor, mention.side)
        if mention.sentence_id not in ids:
            ids.append(mention.sentence_id)
    return [
        ActorTone(
            actor=actor,
            side=sides[actor],
            sentences=len(ids),
            compound_mean=round(statistics.fmean(own[i].compound for i in ids), 4),
            compound_unadjusted_mean=round(statistics.fmean(own[i].compound_unadjusted for i in ids), 4),
        )
        for actor, ids in sentences.items()
    ]
