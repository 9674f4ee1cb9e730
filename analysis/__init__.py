"""Newsroom-grade claim analysis: news articles to tidy pandas tables of sources, figures and framing.

>>> import analysis
>>> tables = analysis.build("seeds")                          # doctest: +SKIP
>>> analysis.build_to_dir("seeds", "build/tables")            # doctest: +SKIP
>>> tables = analysis.load("build/tables")                    # doctest: +SKIP
>>> tables.sentences.head()                                   # doctest: +SKIP
"""

from analysis.flow import BuildReport, build, build_to_dir, load_or_build
from analysis.reading import CorpusError, CorpusWarning, read_corpus
from analysis.building.tables import Tables, load

__all__ = [
    "BuildReport",
    "CorpusError",
    "CorpusWarning",
    "Tables",
    "build",
    "build_to_dir",
    "load",
    "load_or_build",
    "read_corpus",
]

from analysis.views.display import register_alt_text as _register_alt_text

_register_alt_text()
