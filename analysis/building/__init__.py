"""Building: per-article rows in; validated tables on disk (or in memory) out.

:mod:`.schema` declares every table's columns and dtypes (the contract); :mod:`.executors` runs extraction in
this process, in worker processes or on Dask (:mod:`.cores`: how many by default); :mod:`.cache` keeps each article's rows so that an unchanged
article is never parsed twice; :mod:`.chunks` keeps each chunk of articles' tables and :mod:`.segments` what the corpus-level tables keep, so
that a rebuild rewrites only what a change reaches; :mod:`.tables` writes tables in chunks and reads them back
(:func:`load`).
The driver that runs the whole flow for a corpus is :mod:`analysis.flow`.
"""
