"""Newsroom-grade claim analysis: news articles to tidy pandas tables of sources, figures and framing.

>>> import analysis
>>> tables = analysis.build("seeds")          # doctest: +SKIP
>>> tables.sentences.head()                   # doctest: +SKIP
"""

from analysis.corpus import CorpusError, CorpusWarning, read_corpus
from analysis.pipeline import Tables, build

__all__ = ["CorpusError", "CorpusWarning", "Tables", "build", "read_corpus"]
