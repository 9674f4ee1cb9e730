"""How much reading takes from one input before refusing it: the size of an article, of YAML a user wrote, of
what an archive or a workbook expands to, and how many extra metadata fields (and how long a value) it keeps.

Each limit is a named constant (the default) and a field of :class:`Limits`, which :func:`~analysis.reading.
read_corpus`, :func:`~analysis.catalogue.actors.load_catalogue` and :func:`~analysis.catalogue.beat.load_beat`
take as ``limits=``; the command line sets the article size with ``--max-bytes``. Every check is made on
sizes known before reading (a file's size on disk, a zip member's declared sizes, YAML's parsed structure before
it is built into values), so that a bomb is refused without being expanded. What is refused is skipped with a
message naming it and the limit (an article, an export, an archive member), or stops with an error naming the
file (``corpus.yaml``, ``actors.yaml``, which the whole build depends on). Extra metadata fields over a limit
are cut, never the article: the corpus read warns once, naming how many articles it cut.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Article files larger than this are skipped (a 50 MB "article" is an export or a dump, not a story); in an
#: export, a row whose text is larger.
MAX_FILE_BYTES = 10_000_000


#: Metadata a user wrote (front matter, a ``.meta.json`` sidecar, ``corpus.yaml``, ``actors.yaml``) larger
#: than this is refused: a thousand actors take about 100 KB.
MAX_METADATA_BYTES = 1_000_000


#: Aliases (``*name``, ``<<: *name``) one YAML document may hold. Settings and catalogues rarely need any;
#: a "billion laughs" needs dozens.
MAX_YAML_ALIASES = 100


#: Values one YAML document may hold with every alias counted as the copy it stands for. A hundred aliases
#: can still nest into a billion values (ten levels of ten); this bounds what the values take in memory.
MAX_YAML_NODES = 1_000_000


#: Lists and mappings nested deeper than this are refused (building the values recurses once per level).
MAX_YAML_DEPTH = 100


#: An archive member (or a workbook part) whose declared uncompressed size is larger is skipped unread.
MAX_MEMBER_BYTES = 1_000_000_000


#: An archive (or a workbook) whose members add up to more than this, uncompressed, is skipped unread.
MAX_ARCHIVE_BYTES = 4_000_000_000


#: An archive member (or a workbook part) that expands to more than this many times its compressed size is
#: skipped unread: text and spreadsheets compress 3 to 20 times; a zip bomb, thousands of times.
MAX_COMPRESSION_RATIO = 100


#: Members smaller than this, uncompressed, are exempt from the ratio: a small file of blank lines compresses
#: far better than text, and cannot fill memory.
RATIO_EXEMPT_BYTES = 1_000_000


#: Extra metadata fields (those beyond text, id, title, outlet, url and date) kept of one article, in the order
#: its record gives them: a record with hundreds of fields is a dump, not an article's metadata.
MAX_EXTRA_FIELDS = 50


#: Characters kept of one extra field's value (a list's items joined): a longer value is cut, ending in "…".
MAX_EXTRA_VALUE_CHARS = 1_000


#: Extra fields the ``documents`` table holds for the whole corpus: beyond this many names, those fewest
#: articles fill (ties by name) are left out, so that records each naming other fields cannot widen the table
#: without bound.
MAX_EXTRA_COLUMNS = 100


@dataclass(frozen=True)
class Limits:
    """Every reading limit, each defaulting to the constant of the same name (see the module's docstring)."""

    file_bytes: int = MAX_FILE_BYTES
    metadata_bytes: int = MAX_METADATA_BYTES
    yaml_aliases: int = MAX_YAML_ALIASES
    yaml_nodes: int = MAX_YAML_NODES
    yaml_depth: int = MAX_YAML_DEPTH
    member_bytes: int = MAX_MEMBER_BYTES
    archive_bytes: int = MAX_ARCHIVE_BYTES
    compression_ratio: float = MAX_COMPRESSION_RATIO
    extra_fields: int = MAX_EXTRA_FIELDS
    extra_value_chars: int = MAX_EXTRA_VALUE_CHARS
    extra_columns: int = MAX_EXTRA_COLUMNS


#: The limits used when none are given.
DEFAULT_LIMITS = Limits()


def megabytes(size: int) -> str:
    """A size in bytes for messages, in MB with one decimal (the CLI's ``--max-bytes`` counts bytes)."""
    return f"{size / 1e6:,.1f} MB"
