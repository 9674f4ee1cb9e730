"""What the notebooks show and say for a corpus's beat, and what they leave out where the catalogue says nothing.

The beat is data (``analysis/data/beats.yaml``): the verb classes the notebooks name and the example sentences of
their explanations. A corpus is a war corpus when its ``corpus.yaml`` chooses the packaged ``conflict`` tone
adjustment (:mod:`analysis.catalogue.beat`); any other is ``general``, so war classes and war examples never
reach the notebooks of another beat.

Charts split by the catalogue's groups (sides, parties, companies) are drawn only when the catalogue places
something of the corpus in one of them; otherwise :func:`groups_note` gives the one line a notebook shows instead.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import pandas as pd

from analysis.catalogue.actors import OTHER_SIDE, UNKNOWN_SIDE
from analysis.catalogue.beat import BEATS_FILE, GENERAL_BEAT, beat_name, load_beat
from analysis.datafiles import read_yaml

#: The beat of a corpus whose ``corpus.yaml`` names no packaged beat.
GENERAL = GENERAL_BEAT
#: The verb class of the ``actions`` table for a verb no class covers, and for classes a beat does not name.
OTHER_CLASS = "other"
#: Values of the ``side`` columns that are no group of the catalogue (with the figures' own voice).
NOT_GROUPS = frozenset({OTHER_SIDE, UNKNOWN_SIDE, "own voice", ""})


class Text:
    """Markdown shown as itself in a notebook, and as its plain text elsewhere (deterministic, for nbval)."""

    def __init__(self, markdown: str) -> None:
        self.markdown = markdown

    def _repr_markdown_(self) -> str:
        return self.markdown

    def __repr__(self) -> str:
        return self.markdown


@dataclass(frozen=True)
class BeatView:
    """The verb classes and example sentences of one beat of ``beats.yaml``, and what its charts call the
    catalogue's groups (``side`` of a war, ``group`` of another beat)."""

    name: str
    verb_classes: tuple[str, ...]
    examples: tuple[tuple[str, str], ...]
    group_noun: str = "group"

    def example(self, key: str) -> Text:
        """The example sentence ``key`` of this beat, as Markdown.

        Raises:
            KeyError: the beat has no example ``key`` (the message lists those it has).
        """
        examples = dict(self.examples)
        if key not in examples:
            raise KeyError(f"beat {self.name!r} has no example {key!r}; it has {', '.join(examples)}")
        return Text(examples[key])


@lru_cache(maxsize=None)
def beat_views() -> dict[str, BeatView]:
    """Every beat of ``beats.yaml`` by name."""
    beats = read_yaml(BEATS_FILE)["beats"]
    return {
        name: BeatView(name, tuple(entry["verb_classes"]), tuple((k, " ".join(v.split())) for k, v in entry["examples"].items()),
                       str(entry["group_noun"]))
        for name, entry in beats.items()
    }


def beat_view(corpus_dir: str | Path | None) -> BeatView:
    """The beat of the corpus in ``corpus_dir`` (its ``corpus.yaml``), :data:`GENERAL` without one."""
    return beat_views()[beat_name(load_beat(corpus_dir).tone_adjustment_name)]


def beat_classes(verb_class: pd.Series, beat: BeatView) -> pd.Series:
    """``verb_class`` with every class the beat does not name as :data:`OTHER_CLASS`."""
    return verb_class.where(verb_class.isin(beat.verb_classes), OTHER_CLASS)


def groups_note(sides: Iterable[str], *, of: str = "names", chart: str = "sides") -> str | None:
    """The line a notebook shows instead of a chart split by the catalogue's groups, or None to draw the chart.

    None when some value of ``sides`` is a group of the catalogue (not ``other``, ``unknown`` or the own voice).
    Args:
        of: what the chart counts ("names", "sources", "figures"), as the sentence says it.
        chart: what the chart would show, after "no chart of".
    """
    if any(str(side) not in NOT_GROUPS for side in sides):
        return None
    return (f"The catalogue places none of the {of} in this corpus in a group: no chart of {chart}. "
            "A corpus folder's actors.yaml gives the beat's groups (see the overview notebook).")


def alias_examples(mentions: pd.DataFrame, *, top: int = 3) -> Text:
    """One sentence of how this corpus's mentions reached an actor by a metonym or a demonym of the catalogue, with
    the forms found most often (ties by form); a sentence saying there is none when none did."""
    kinds = {"metonym": "stands for", "demonym": "ties a phrase to the group of"}
    parts = []
    for kind, verb in kinds.items():
        rows = mentions[(mentions["alias_kind"] == kind) & (mentions["actor"].astype(str) != "")]
        counts = rows.groupby(["text", "actor"]).size().reset_index(name="n")
        counts = counts.sort_values(["n", "text"], ascending=[False, True]).head(top)
        parts += [f"*{html.escape(t)}* {verb} {html.escape(a)}" for t, a in zip(counts["text"], counts["actor"])]
    if not parts:
        return Text("In this corpus no mention reaches an actor through a metonym or a demonym of the catalogue.")
    return Text("In this corpus: " + "; ".join(parts) + ".")
