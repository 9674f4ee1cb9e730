"""Reading: a corpus as users hold it, in; :class:`Document` records, out.

In: a folder, files or archives of articles (text and Markdown files with front matter or sidecars, exports
with one article per row, manifests). Out: a :class:`Corpus` of :class:`Document` (the original text, byte
for byte, with its metadata) and the files it skipped, with the reason. Nothing here parses language.
"""

from analysis.reading.corpus import (
    MAX_FILE_BYTES,
    Corpus,
    CorpusError,
    CorpusWarning,
    Document,
    Skipped,
    parse_view,
    read_corpus,
    sentence_spans,
)

__all__ = [
    "MAX_FILE_BYTES", "Corpus", "CorpusError", "CorpusWarning", "Document", "Skipped", "parse_view", "read_corpus",
    "sentence_spans",
]
