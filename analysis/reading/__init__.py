"""Reading: a corpus as users hold it, in; :class:`Document` records, out.

In: a folder, files or archives of articles (text and Markdown files with front matter or sidecars, exports
with one article per row, manifests). Out: a :class:`Corpus` of :class:`Document` (the original text, byte
for byte, with its metadata) and the files it skipped, with the reason. One module per format:
:mod:`.entries` (folders and files), :mod:`.archives` (zip), :mod:`.articles` (text and Markdown files, front
matter, sidecars), :mod:`.manifests` (``metadata.csv``), :mod:`.exports` (CSV, Excel, Parquet),
:mod:`.json_records` (JSON Lines); :mod:`.metadata` normalises what they share, and :mod:`.corpus` reads a
corpus through them. Nothing here parses language.
"""

from analysis.reading.articles import MAX_FILE_BYTES
from analysis.reading.corpus import read_corpus
from analysis.reading.documents import (
    PARSE_VIEW_CHARS,
    Corpus,
    CorpusError,
    CorpusWarning,
    Document,
    Skipped,
    parse_view,
)

__all__ = [
    "MAX_FILE_BYTES", "PARSE_VIEW_CHARS", "Corpus", "CorpusError", "CorpusWarning", "Document", "Skipped",
    "parse_view", "read_corpus",
]
