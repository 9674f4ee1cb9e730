"""Framing charts, drawn from small fixed tables: what each draws asserted against the table it was given
(tests/chart_reading.py), and, as an extra, the image compared with a reviewed baseline (pytest-mpl)."""

import pandas as pd
import pytest

from analysis.views import charts
from chart_reading import bars, legend, lines, title


from analysis.views import beats, charts
from analysis.views.summaries import framing

ACTIONS = pd.DataFrame(
    {
        "agent_side": ["Russia", "Russia", "Ukraine", "Ukraine", "unknown", "Russia", "other"],
        "verb_class": ["use_of_force", "speech", "control", "use_of_force", "military_movement", "use_of_force", "speech"],
    }
)
TONE = pd.DataFrame(
    {
        "sentence_id": [0, 1, 2, 3, 4, 5],
        "compound": [0.0, 0.27, 0.0, -0.5, 0.3, 0.0],
        "compound_unadjusted": [0.0, -0.56, -0.6, -0.86, 0.5, -0.54],
        "own_voice": [True, True, False, True, True, False],
    }
)
DOCUMENT_FRAMES = pd.DataFrame(
    {
        "scheme": ["semetko_valkenburg"] * 3 + ["media_frames_corpus"] * 3,
        "frame": ["conflict", "human_interest", "morality", "security_and_defense", "political", "economic"],
        "sentence_share": [0.15, 0.3, 0.0, 1.0, 0.31, 0.08],
    }
)
CUES = pd.DataFrame(
    {
        "cue_type": ["hedge", "hedge", "hedge", "loaded", "loaded", "loaded", "booster", "metonymy", "emotion"],
        "quoted": [False, False, True, False, False, True, True, False, False],
    }
)


def action_counts() -> pd.DataFrame:
    return framing.action_counts(ACTIONS.assign(action_id=range(len(ACTIONS))))


@pytest.mark.mpl_image_compare(style="default", tolerance=5)
def test_actions_by_side():
    return charts.actions_by_side(action_counts())


@pytest.mark.mpl_image_compare(style="default", tolerance=5)
def test_tone_arc():
    return charts.tone_arc(TONE)


@pytest.mark.mpl_image_compare(style="default", tolerance=5)
def test_frame_bars():
    return charts.frame_bars(framing.frame_shares(DOCUMENT_FRAMES))


@pytest.mark.mpl_image_compare(style="default", tolerance=5)
def test_cues_by_type_and_voice():
    return charts.cues_by_type_and_voice(framing.cue_counts(CUES))


def test_chart_inputs_are_counted_right():
    counts = action_counts()
    assert counts.iloc[0].to_dict() == {"agent_side": "Russia", "verb_class": "use_of_force", "actions": 2}
    cue_counts = framing.cue_counts(CUES).set_index(["cue_type", "voice"])["cues"]
    assert (cue_counts["hedge", "own voice"], cue_counts["hedge", "quoted"], cue_counts["evaluative", "quoted"]) == (2, 1, 0)


def test_framing_charts_have_titles_and_axis_labels():
    figures = [
        charts.actions_by_side(action_counts()),
        charts.tone_arc(TONE),
        charts.cues_by_type_and_voice(framing.cue_counts(CUES)),
    ]
    for fig in figures:
        ax = fig.axes[0]
        assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    frames = charts.frame_bars(framing.frame_shares(DOCUMENT_FRAMES))
    assert frames._suptitle.get_text() and frames.axes[-1].get_xlabel()


def test_actions_by_side_draws_each_sides_verb_classes():
    fig = charts.actions_by_side(action_counts())
    ax = fig.axes[0]
    assert title(fig) == "Who acts in the corpus, and how: actions by agent side and verb class"
    assert legend(ax) == ["Russia", "Ukraine", "other", "unknown"]
    assert bars(ax) == {("Russia", "use_of_force"): 2, ("Russia", "speech"): 1, ("Ukraine", "control"): 1,
                        ("Ukraine", "use_of_force"): 1, ("other", "speech"): 1, ("unknown", "military_movement"): 1}


def test_tone_arc_draws_both_tones_in_reading_order():
    ax = charts.tone_arc(TONE).axes[0]
    assert lines(ax) == {"plain VADER": TONE.compound_unadjusted.tolist(), "with news adjustment": TONE.compound.tolist()}
    assert legend(ax) == ["plain VADER", "with news adjustment", "own-voice sentence", "mostly quoted sentence"]
    assert ax.get_ylabel() == "VADER compound (-1 to +1)"


def test_frame_bars_draw_each_schemes_shares_in_percent():
    fig = charts.frame_bars(framing.frame_shares(DOCUMENT_FRAMES))
    drawn = [{category: length for (_, category), length in bars(ax).items()} for ax in fig.axes]
    assert drawn == [{"conflict": 15, "human interest": 30},  # morality (0%) draws nothing
                     {"security and defense": 100, "political": 31, "economic": 8}]
    assert title(fig) == "Which frames does the corpus cue?"


def test_cues_by_type_and_voice_draws_own_and_quoted_counts():
    ax = charts.cues_by_type_and_voice(framing.cue_counts(CUES)).axes[0]
    assert legend(ax) == ["own voice", "quoted"]
    assert bars(ax) == {("own voice", "hedge"): 2, ("quoted", "hedge"): 1, ("own voice", "loaded"): 2,
                        ("quoted", "loaded"): 1, ("quoted", "booster"): 1, ("own voice", "metonymy"): 1,
                        ("own voice", "emotion"): 1}
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("cue type", "cues (count)")


# --- the beat: war classes and war sides only for a war corpus -----------------------------------------------------

WAR = beats.beat_views()["conflict"]
GENERAL = beats.beat_views()["general"]
#: A non-war corpus with its own catalogue groups (invented parties), and a verb a war class also lists ("take").
PARTY_ACTIONS = pd.DataFrame(
    {
        "agent_side": ["Harbour Party", "Harbour Party", "Valley League", "unknown", "Valley League"],
        "verb_class": ["speech", "control", "speech", "use_of_force", "cooperation"],
    }
)


def drawn_categories(fig) -> tuple[list[str], list[str]]:
    ax = fig.axes[0]
    return [t.get_text() for t in ax.get_yticklabels()], [t.get_text() for t in ax.get_legend().get_texts()]


def test_a_war_corpus_keeps_war_classes_and_sides():
    counts = framing.action_counts(ACTIONS.assign(action_id=range(len(ACTIONS))), beat=WAR)
    classes, legend = drawn_categories(charts.actions_by_side(counts))
    assert {"use_of_force", "military_movement", "control"} <= set(classes)
    assert legend == ["Russia", "Ukraine", "other", "unknown"]


def test_another_beat_counts_war_classes_as_other_and_shows_its_own_groups():
    counts = framing.action_counts(PARTY_ACTIONS.assign(action_id=range(len(PARTY_ACTIONS))), beat=GENERAL)
    classes, legend = drawn_categories(charts.actions_by_side(counts))
    assert sorted(classes) == ["cooperation", "other", "speech"]
    assert not {"use_of_force", "military_movement", "control"} & set(classes)
    assert legend == ["Harbour Party", "Valley League", "unknown"]
    assert not {"Russia", "Ukraine"} & set(legend)


def test_the_beat_is_the_packaged_adjustment_the_corpus_names():
    assert beats.beat_name("conflict") == "conflict"
    assert beats.beat_name("none") == beats.GENERAL
    assert beats.beat_name("my_beat.yaml") == beats.GENERAL


def test_examples_of_another_beat_say_nothing_of_war():
    words = ("Russia", "Ukrain", "Kyiv", "Kremlin", "war", "military", "use_of_force")
    for key, text in GENERAL.examples:
        assert not any(w.lower() in text.lower() for w in words), key
    assert "Kyiv" in WAR.example("target").markdown


def test_a_chart_of_groups_is_replaced_by_a_line_when_the_catalogue_places_nothing():
    assert beats.groups_note(["Harbour Party", "unknown"]) is None
    note = beats.groups_note(["unknown", "other", "own voice"], of="sources", chart="attributions by side")
    assert note.startswith("The catalogue places none of the sources in this corpus in a group: no chart of "
                           "attributions by side.")


def test_a_corpus_title_differs_from_the_one_article_title():
    counts = framing.cue_counts(CUES)
    corpus = charts.cues_by_type_and_voice(counts, articles=40).axes[0].get_title()
    story = charts.cues_by_type_and_voice(counts, articles=1).axes[0].get_title()
    assert corpus != story and "the corpus" in corpus and "the story" in story
    basis = pd.DataFrame({"rests_on": ["named person", "nothing: the outlet's own voice"], "claims": [3, 2]})
    assert charts.claims_by_basis(basis, articles=12).axes[0].get_title() == "What the corpus's claims rest on"
    assert charts.claims_by_basis(basis, articles=1).axes[0].get_title() == "What the story's claims rest on"
