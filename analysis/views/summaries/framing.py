"""Framing summaries for the charts and notebooks."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from analysis.extraction.framing.cues import CUE_TYPES
from analysis.extraction.framing.lexicons import frame_lexicons
from analysis.extraction.framing.tone import text_tone
from analysis.views.beats import BeatView, beat_classes


def cue_counts(cues: pd.DataFrame) -> pd.DataFrame:
    """Cues per type and voice (``own voice`` / ``quoted``), every combination listed, types in schema order."""
    voice = cues["quoted"].map({True: "quoted", False: "own voice"})
    counts = cues.assign(voice=voice).groupby(["cue_type", "voice"]).size()
    index = pd.MultiIndex.from_product([CUE_TYPES, ["own voice", "quoted"]], names=["cue_type", "voice"])
    return counts.reindex(index, fill_value=0).rename("cues").reset_index()


def action_counts(actions: pd.DataFrame, *, beat: BeatView | None = None) -> pd.DataFrame:
    """Actions per agent side and verb class, most frequent first (ties by side, then class). With ``beat``, the
    classes it does not name (war classes outside a war corpus) are counted as ``other``."""
    if beat is not None:
        actions = actions.assign(verb_class=beat_classes(actions["verb_class"], beat))
    counts = actions.groupby(["agent_side", "verb_class"]).size().rename("actions").reset_index()
    return counts.sort_values(["actions", "agent_side", "verb_class"], ascending=[False, True, True], ignore_index=True)


def frame_shares(document_frames: pd.DataFrame) -> pd.DataFrame:
    """Per frame, the mean share of sentences that cue it over the documents, frames in lexicon order."""
    order = {(scheme, frame): k for k, (scheme, frame, _) in enumerate(frame_lexicons())}
    shares = document_frames.groupby(["scheme", "frame"], sort=False)["sentence_share"].mean().reset_index()
    shares["order"] = [order.get((s, f), len(order)) for s, f in zip(shares["scheme"], shares["frame"])]
    return shares.sort_values("order", ignore_index=True).drop(columns="order").round({"sentence_share": 4})


def own_voice_cues_by_side(cues: pd.DataFrame) -> pd.DataFrame:
    """Loaded and evaluative cues in the outlet's own voice, by the side of what they describe and category."""
    mine = cues[~cues["quoted"] & cues["cue_type"].isin(["loaded", "evaluative", "emotion"])]
    counts = mine.groupby(["target_side", "cue_type", "category"]).size().rename("cues").reset_index()
    return counts.sort_values(["target_side", "cue_type", "category"], ignore_index=True)


def certainty_by_sentence(sentences: pd.DataFrame, cues: pd.DataFrame, attributions: pd.DataFrame) -> pd.DataFrame:
    """Per sentence: hedges and boosters in the outlet's own voice and in quoted words, beside how many
    attributions the sentence carries (the sourcing table), so certainty can be read against sourcing."""
    keys = ["doc_id", "sentence_id"]
    counted = cues[cues["cue_type"].isin(["hedge", "booster"])].assign(
        column=lambda c: c["cue_type"] + "s_" + c["quoted"].map({True: "quoted", False: "own_voice"})
    )
    table = counted.pivot_table(index=keys, columns="column", values="cue_id", aggfunc="count", fill_value=0)
    columns = ["hedges_own_voice", "hedges_quoted", "boosters_own_voice", "boosters_quoted"]
    table = table.reindex(columns=columns, fill_value=0).reset_index()
    sourced = attributions.groupby(keys).size().rename("attributions").reset_index()
    out = sentences[keys + ["text"]].merge(table, on=keys, how="left").merge(sourced, on=keys, how="left")
    return out.fillna({c: 0 for c in [*columns, "attributions"]}).astype({c: int for c in [*columns, "attributions"]})


def document_tone(texts: Mapping[str, str], *, adjustment: Mapping[str, float] | None = None) -> pd.DataFrame:
    """Whole-text VADER compound per document, with and without the news adjustment."""
    rows = [(doc_id, *text_tone(text, adjustment=adjustment)) for doc_id, text in texts.items()]
    return pd.DataFrame(rows, columns=["doc_id", "compound", "compound_unadjusted"])
