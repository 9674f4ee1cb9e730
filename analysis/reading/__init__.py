"""Reading: a corpus as users hold it, in; :class:`Document` records, out.

In: a folder, files or archives of articles (text and Markdown files with front matter or sidecars, exports
with one article per row, manifests). Out: a :class:`Corpus` of :class:`Document` (the original text, byte
for byte, with its metadata) and the files it skipped, with the reason. One module per format:
:mod:`.entries` (folders and files), :mod:`.archives` (zip), :mod:`.articles` (text and Markdown files, front
matter, sidecars), :mod:`.manifests` (``metadata.csv``), :mod:`.exports` (CSV, Excel, Parquet),
:mod:`.json_records` (JSON Lines, ``.json``); :mod:`.metadata` normalises what they share, :mod:`.extras` keeps
every other metadata field (names in snake_case, typed over the corpus), and :mod:`.corpus` reads a corpus
through them. :mod:`.limits` holds every limit on what reading expands, and :mod:`.user_yaml` reads
the YAML users write (front matter, ``corpus.yaml``, ``actors.yaml``) within them. :mod:`.listing` tells from the
file system alone whether a corpus folder changed since a build, and :mod:`.reread` reads it again opening only
the files that did. Nothing here parses language.
"""

from analysis.reading.corpus import read_corpus
from analysis.reading.documents import (
    PARSE_VIEW_CHARS,
    Corpus,
    CorpusError,
    CorpusWarning,
    Document,
    Skipped,
    parse_view,
    printable,
)
from analysis.reading.limits import DEFAULT_LIMITS, MAX_FILE_BYTES, Limits
from analysis.reading.user_yaml import YamlRefused, load_user_yaml, user_yaml_text

__all__ = [
    "DEFAULT_LIMITS", "MAX_FILE_BYTES", "PARSE_VIEW_CHARS", "Corpus", "CorpusError", "CorpusWarning", "Document",
    "Limits", "Skipped", "YamlRefused", "load_user_yaml", "parse_view", "printable", "read_corpus", "user_yaml_text",
]
