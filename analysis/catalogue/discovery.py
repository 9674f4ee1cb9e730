"""Who the coverage names that the actor catalogue does not know: candidates for a corpus's ``actors.yaml``.

A corpus on a new beat starts with most mentions and sources in the ``unknown`` group. :func:`unknown_actors`
lists the people and organisations the model found that the catalogue could not place, most mentioned
first, with how often they are quoted and a sentence to recognise them by; :func:`actor_stub_yaml` turns the
list into a catalogue file to fill in (groups, types, aliases) and save as ``actors.yaml`` in the corpus
folder; :func:`actors_report` is the printable summary.

Only trivially different forms of a name are merged: a leading "the", a possessive 's, curly apostrophes,
spacing and letter case. Two different names are never merged, not even a surname with a full name ("Smith"
and "John Smith" stay two rows: the catalogue's ``aliases`` say they are one actor).
"""

from __future__ import annotations

import json
import re

import pandas as pd

from analysis.catalogue.actors import DEFAULT_LABELS, OTHER_SIDE, UNKNOWN_SIDE

#: Entity labels of the actors worth cataloguing: people, organisations, groups and nationalities, states.
ACTOR_LABELS = ("PERSON", "ORG", "NORP", "GPE")
#: The catalogue type a new entry gets from its entity label; the stub asks the user to check it.
TYPE_OF_LABEL = {"PERSON": "person", "ORG": "institution", "NORP": "institution", "GPE": "place"}
#: Columns of :func:`unknown_actors`.
COLUMNS = ("name", "label", "mentions", "documents", "quoted", "sample_sentence", "sample_doc_id")
#: Characters of the sample sentence the stub's comment shows.
STUB_SAMPLE_WIDTH = 80

_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|'|\u2019s|\u2019)$", re.IGNORECASE)


def normalise_name(text: str) -> str:
    """The name as the list shows it: straight apostrophes, single spaces, no leading "the", no possessive."""
    name = " ".join(str(text).replace("\u2019", "'").split())
    name = _LEADING_THE.sub("", name)
    stripped = _POSSESSIVE.sub("", name).rstrip()
    return stripped or name


def name_key(text: str) -> str:
    """The key two forms of one name share: :func:`normalise_name`, case folded."""
    return normalise_name(text).casefold()


def unknown_actors(
    mentions: pd.DataFrame,
    attributions: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    top: int | None = None,
) -> pd.DataFrame:
    """The people and organisations the catalogue does not know, most mentioned first.

    Reads the mentions with an empty ``actor`` whose label is one of :data:`ACTOR_LABELS`.

    Args:
        mentions: the ``mentions`` table (``doc_id``, ``sentence_id``, ``start``, ``text``, ``label``, ``actor``).
        attributions: the ``attributions`` table (``source``, ``speaker``); may be empty.
        sentences: the ``sentences`` table (``doc_id``, ``sentence_id``, ``text``); may be empty.
        top: keep only this many rows.

    Returns:
        One row per name (forms merged as the module docstring says), columns :data:`COLUMNS`: ``name`` (the
        form written most often; ties to the first in sort order), ``label`` (its most frequent entity label;
        ties alphabetical), ``mentions``, ``documents`` (articles naming it), ``quoted`` (attributions whose
        source or speaker is the name), ``sample_sentence`` and ``sample_doc_id`` (its first mention, by
        doc_id and position). Sorted by mentions, most first, then by name.
    """
    unknown = mentions[(mentions["actor"] == "") & mentions["label"].isin(ACTOR_LABELS)]
    if unknown.empty:
        return _empty()
    unknown = unknown.assign(
        _form=unknown["text"].map(normalise_name),
        _key=unknown["text"].map(name_key),
    )
    unknown = unknown[unknown["_key"] != ""]
    if unknown.empty:
        return _empty()
    order = [c for c in ("doc_id", "sentence_id", "start") if c in unknown.columns]
    unknown = unknown.sort_values(order, kind="stable")

    names = _most_frequent(unknown, "_form")
    labels = _most_frequent(unknown, "label")
    first = unknown.groupby("_key", sort=False).head(1).set_index("_key")
    counts = unknown.groupby("_key").agg(mentions=("_key", "size"), documents=("doc_id", "nunique"))
    table = counts.assign(
        name=names,
        label=labels,
        quoted=_quoted(attributions, counts.index),
        sample_doc_id=first["doc_id"],
        sample_sentence=_sentence_texts(first, sentences),
    )
    table = table.sort_values(["mentions", "name"], ascending=[False, True], kind="stable").reset_index(drop=True)
    if top is not None:
        table = table.head(top)
    return table[list(COLUMNS)].astype(
        {"name": str, "label": str, "mentions": "int64", "documents": "int64", "quoted": "int64",
         "sample_sentence": str, "sample_doc_id": str}
    )


def _empty() -> pd.DataFrame:
    frame = pd.DataFrame({c: pd.Series(dtype="object") for c in COLUMNS})
    return frame.astype({"mentions": "int64", "documents": "int64", "quoted": "int64"})


def _most_frequent(frame: pd.DataFrame, column: str) -> pd.Series:
    """Per name key, the most frequent value of ``column``; ties to the smallest value."""
    counts = frame.groupby(["_key", column]).size().reset_index(name="n")
    counts = counts.sort_values(["_key", "n", column], ascending=[True, False, True], kind="stable")
    return counts.drop_duplicates("_key").set_index("_key")[column]


def _quoted(attributions: pd.DataFrame, keys: pd.Index) -> pd.Series:
    """Per name key, the attributions whose source or speaker is that name (each attribution counted once)."""
    wanted = set(keys)
    hits: dict[str, int] = dict.fromkeys(keys, 0)
    columns = [c for c in ("source", "speaker") if c in attributions.columns]
    for values in zip(*(attributions[c] for c in columns)):
        for key in {name_key(v) for v in values if isinstance(v, str) and v}:
            if key in wanted:
                hits[key] += 1
    return pd.Series(hits, dtype="int64").reindex(keys, fill_value=0)


def _sentence_texts(first: pd.DataFrame, sentences: pd.DataFrame) -> pd.Series:
    if sentences.empty or "sentence_id" not in first.columns:
        return pd.Series("", index=first.index)
    lookup = dict(zip(zip(sentences["doc_id"], sentences["sentence_id"]), sentences["text"]))
    return pd.Series(
        [lookup.get((d, s), "") for d, s in zip(first["doc_id"], first["sentence_id"])], index=first.index
    )


# --- the stub and the report -------------------------------------------------------------------------------------

_STUB_HEADER = """\
# Actors this corpus names that the catalogue does not know ({n} found), most mentioned first.
# To use it: save it as actors.yaml in the corpus folder, then
#   1. list the beat's groups under `groups` (parties, countries, companies, sides), e.g.
#        groups:
#          - {{name: Labour, colour: "#d50000"}}
#          - Conservatives
#   2. give every entry a `group`: one of those names, or `other` for third parties (outlets, courts, ...);
#   3. check each `type` (person | government | military | institution | media | place) and add `aliases`
#      (a surname alone, an abbreviation); delete the entries that are not actors.
# An entry with the same name as a packaged one replaces it. Format: analysis/data/README.md.

groups: []

actors:
"""


def actor_stub_yaml(unknown: pd.DataFrame) -> str:
    """A catalogue file to fill in, one entry per row of ``unknown`` (:func:`unknown_actors`), in its order.

    Each entry has the name, a type guessed from the entity label (``label`` written out when the type's
    default would differ), empty aliases and an empty ``group`` to fill in. Deterministic: the same table
    gives the same text. It parses as YAML as written, and loads as a catalogue once every group is filled.
    """
    lines = [_STUB_HEADER.format(n=len(unknown))]
    for row in unknown.itertuples(index=False):
        kind = TYPE_OF_LABEL.get(row.label, "institution")
        noun = "mention" if row.mentions == 1 else "mentions"
        lines.append(
            f"  # {row.mentions} {noun} in {row.documents} article{'' if row.documents == 1 else 's'}, "
            f"quoted in {row.quoted} attribution{'' if row.quoted == 1 else 's'}; model label {row.label}; "
            f"first seen ({row.sample_doc_id}): {_cut(row.sample_sentence, STUB_SAMPLE_WIDTH)}\n"
        )
        lines.append(f"  - name: {_quote(row.name)}\n")
        lines.append(f"    type: {kind}\n")
        if DEFAULT_LABELS[kind] != row.label and row.label:
            lines.append(f"    label: {row.label}\n")
        lines.append(f'    group: ""    # fill in: one of `groups` above, or {OTHER_SIDE}\n')
        lines.append("    aliases: []\n")
    if unknown.empty:
        lines.append("  []\n")
    return "".join(lines)


def _quote(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is valid YAML)."""
    return json.dumps(str(text), ensure_ascii=False)


def actors_report(
    mentions: pd.DataFrame,
    attributions: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    top: int | None = 30,
    width: int = 60,
) -> str:
    """The printable summary for ``python -m analysis actors``: how much the catalogue covers, then the most
    mentioned unknown names with a sample sentence each (cut to ``width`` characters)."""
    unknown = unknown_actors(mentions, attributions, sentences)
    actorish = mentions[mentions["label"].isin(ACTOR_LABELS)]
    placed = int((actorish["actor"] != "").sum())
    unplaced = int((attributions["side"] == UNKNOWN_SIDE).sum()) if "side" in attributions.columns else 0
    lines = [
        f"catalogue covers {placed:,} of {len(actorish):,} mentions of people, organisations, groups and states "
        f"({_share(placed, len(actorish))}); {unplaced:,} of {len(attributions):,} attributions have side "
        f"{UNKNOWN_SIDE!r}",
    ]
    shown = unknown if top is None else unknown.head(top)
    more = f"; the {len(shown)} most mentioned" if len(shown) < len(unknown) else ""
    lines.append(f"{len(unknown):,} names not in the catalogue{more}:")
    if shown.empty:
        return "\n".join(lines[:1] + ["no names outside the catalogue"]) + "\n"
    header = ("#", "name", "label", "mentions", "articles", "quoted", "first seen (doc: sentence)")
    rows = [
        (str(n), r.name, r.label, f"{r.mentions:,}", f"{r.documents:,}", f"{r.quoted:,}",
         f"{r.sample_doc_id}: {_cut(r.sample_sentence, width)}")
        for n, r in enumerate(shown.itertuples(index=False), start=1)
    ]
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header))]
    numeric = {0, 3, 4, 5}
    for row in (header, *rows):
        cells = [c.rjust(w) if i in numeric else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths))]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "n/a"


def _cut(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "\u2026"
