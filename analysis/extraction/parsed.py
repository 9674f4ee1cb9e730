"""What every extractor reads: one article, its one spaCy parse, its sentences, the actor catalogue and the
corpus's tone adjustment. :mod:`analysis.extraction.pipeline` makes one per article."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property
from typing import Iterable, Mapping

from spacy.tokens import Doc

from analysis.catalogue.actors import Catalogue
from analysis.extraction.doc_index import doc_index
from analysis.extraction.linguistics.furniture import Furniture, furniture_of
from analysis.reading import Document


@dataclass(frozen=True)
class SentenceIndex:
    """Which sentence a character offset falls in."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def of(cls, doc: Doc) -> "SentenceIndex":
        spans = list(sentence_spans(doc))
        return cls(tuple(s for _, s, _ in spans), tuple(e for _, _, e in spans))

    def sentence_id(self, offset: int) -> int:
        """The id of the sentence holding ``offset`` (the nearest one before it, for inter-sentence space)."""
        return max(bisect.bisect_right(self.starts, offset) - 1, 0)

    def __len__(self) -> int:
        return len(self.starts)


@dataclass(frozen=True)
class ParsedDocument:
    """What every extractor reads: the document, its one parse, its sentences, the actor catalogue, and the
    corpus's tone adjustment (None: the tone stage's packaged default)."""

    document: Document
    doc: Doc
    sentences: SentenceIndex
    catalogue: Catalogue
    tone_adjustment: Mapping[str, float] | None = None

    @property
    def text(self) -> str:
        """The original text; every offset points into it."""
        return self.document.text

    @cached_property
    def n_words(self) -> int:
        """Words in the document (:attr:`~analysis.extraction.doc_index.DocIndex.is_word`): the documents table's count,
        and frame densities' base."""
        return sum(doc_index(self.doc).is_word)

    @cached_property
    def furniture(self) -> Furniture:
        """The article's page furniture ("Advertisement", share buttons, photo credits and counters): no stage
        extracts anything from it (:func:`analysis.extraction.pipeline.outside_furniture`)."""
        return furniture_of(self.view)

    @cached_property
    def quotations(self):
        """The article's quotations (:class:`~analysis.extraction.sources.quotes.Quotations`), single quotation marks
        read from the original text (which tells a curly one from an apostrophe), found once: the attribution, cue, tone
        and action stages each read them."""
        from analysis.extraction.sources.quotes import Quotations, quote_spans

        return Quotations(quote_spans(self.view, self.text), self.view)

    @property
    def view(self) -> str:
        """The text the parser read (``doc.text``), same length as :attr:`text`; kept by the document's index,
        because spaCy rebuilds it per call."""
        return doc_index(self.doc).text



def sentence_spans(doc) -> Iterable[tuple[int, int, int]]:
    """``(sentence_id, start, end)`` for each sentence of a parsed ``Doc``, trimmed of surrounding space.

    Sentences that are only whitespace (blank lines the parser set apart) are not counted.
    """
    # speed: from the document's index (token starts, space flags), where walking each ``doc.sents`` span made
    # a new Token per token read
    index = doc_index(doc)
    starts, ends, is_space = index.starts, index.ends, index.is_space
    bounds = (*index.sentence_starts, len(starts))
    sentence_id = 0
    for first, end in zip(bounds, bounds[1:]):
        words = [i for i in range(first, end) if not is_space[i]]
        if not words:
            continue
        yield sentence_id, starts[words[0]], ends[words[-1]]
        sentence_id += 1
