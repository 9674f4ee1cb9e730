"""Newsroom-grade claim analysis: news articles to tidy pandas tables of sources, figures and framing.

>>> import analysis
>>> tables = analysis.build("seeds")                          # doctest: +SKIP
>>> analysis.build_to_dir("seeds", "build/tables")            # doctest: +SKIP
>>> tables = analysis.load("build/tables")                    # doctest: +SKIP
>>> tables.sentences.head()                                   # doctest: +SKIP
"""

import importlib
import sys

#: The public names and the module each is defined in. They are imported when first used, so that
#: ``python -m analysis --help``, ``analysis.reading`` and the other light modules do not wait for spaCy, pandas
#: and matplotlib to load (about four seconds).
_PUBLIC = {
    "BuildReport": "analysis.flow",
    "build": "analysis.flow",
    "build_to_dir": "analysis.flow",
    "load_or_build": "analysis.flow",
    "CorpusError": "analysis.reading",
    "CorpusWarning": "analysis.reading",
    "read_corpus": "analysis.reading",
    "Tables": "analysis.building.tables",
    "load": "analysis.building.tables",
}

__all__ = sorted(_PUBLIC)


def __getattr__(name: str):
    if name not in _PUBLIC:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_PUBLIC[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_PUBLIC})


if "IPython" in sys.modules:
    # in a notebook: every matplotlib figure shown with its alt text (elsewhere there is nothing to register)
    from analysis.views.display import register_alt_text as _register_alt_text

    _register_alt_text()
