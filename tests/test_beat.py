"""A corpus brings its beat as data: corpus.yaml chooses the tone adjustment, and a bad file is one clear line."""

from __future__ import annotations

import pytest

import analysis
from analysis.catalogue.beat import NO_ADJUSTMENT, SettingsError, load_beat

MARKETS = "Shares of the insurer made strong gains on Tuesday as investors welcomed its support for the merger.\n"


def corpus(tmp_path, settings: str | None):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "markets.txt").write_text(MARKETS, encoding="utf-8")
    if settings is not None:
        (folder / "corpus.yaml").write_text(settings, encoding="utf-8")
    return folder


def test_without_settings_the_tone_is_plain_vader(tmp_path, nlp):
    tone = analysis.build(corpus(tmp_path, None), nlp=nlp).tone.iloc[0]
    assert load_beat(tmp_path / "corpus").tone_adjustment_name == NO_ADJUSTMENT
    # "gains" and "support" keep their positive valence in a markets story.
    assert tone.compound == tone.compound_unadjusted > 0 and tone.moved_by == ""


def test_the_conflict_adjustment_is_chosen_by_the_corpus(tmp_path, nlp):
    tone = analysis.build(corpus(tmp_path, "tone_adjustment: conflict\n"), nlp=nlp).tone.iloc[0]
    assert "gains" in tone.moved_by and tone.compound < tone.compound_unadjusted


def test_a_corpus_can_bring_its_own_adjustment_file(tmp_path, nlp):
    folder = corpus(tmp_path, "tone_adjustment: markets.yaml\n")
    (folder / "markets.yaml").write_text("adjustment:\n  gains: 0.0\n", encoding="utf-8")
    tone = analysis.build(folder, nlp=nlp).tone.iloc[0]
    assert tone.moved_by.startswith("gains") and "support" not in tone.moved_by


@pytest.mark.parametrize(
    "settings, message",
    [
        ("tone_adjustment: nonsense\n", "neither none, conflict nor a file"),
        ("[not, a, mapping]\n", "expected `key: value` settings"),
        ("tone_adjustment: [unclosed\n", "not valid YAML"),
    ],
)
def test_a_bad_settings_file_is_one_line_naming_it(tmp_path, settings, message):
    with pytest.raises(SettingsError, match=message) as raised:
        load_beat(corpus(tmp_path, settings))
    assert "\n" not in str(raised.value)


def test_a_changed_adjustment_changes_the_fingerprint(tmp_path):
    folder = corpus(tmp_path, "tone_adjustment: conflict\n")
    conflict = load_beat(folder).fingerprint()
    (folder / "corpus.yaml").write_text("tone_adjustment: none\n", encoding="utf-8")
    assert load_beat(folder).fingerprint() != conflict


# --- the packaged war sides are groups of a war corpus only ------------------------------------------------------

HEALTH = "Officials in Moscow said the clinic would reopen on Monday, the health ministry said.\n"


def health_corpus(tmp_path, settings: str | None, actors: str | None = None):
    folder = tmp_path / "health"
    folder.mkdir()
    (folder / "clinic.txt").write_text(HEALTH, encoding="utf-8")
    if settings is not None:
        (folder / "corpus.yaml").write_text(settings, encoding="utf-8")
    if actors is not None:
        (folder / "actors.yaml").write_text(actors, encoding="utf-8")
    return folder


def test_a_corpus_of_another_beat_gets_no_war_sides(tmp_path, nlp):
    folder = health_corpus(tmp_path, None)
    catalogue = load_beat(folder).catalogue
    assert "Russia" not in catalogue.groups and "Ukraine" not in catalogue.groups
    russia = next(a for a in catalogue.actors if a.name == "Russia")
    # still known as a government, by its metonym too, but placed in no group of this story
    assert russia.type == "government" and russia.group == "other"
    mentions = analysis.build(folder, nlp=nlp).mentions
    moscow = mentions[mentions.text == "Moscow"]
    assert list(moscow.actor) == ["Russia"] and list(moscow.side) == ["other"]


def test_a_war_corpus_keeps_the_packaged_sides(tmp_path, nlp):
    folder = health_corpus(tmp_path, "tone_adjustment: conflict\n")
    assert {"Russia", "Ukraine"} <= set(load_beat(folder).catalogue.groups)
    mentions = analysis.build(folder, nlp=nlp).mentions
    assert list(mentions[mentions.text == "Moscow"].side) == ["Russia"]


def test_a_corpus_catalogue_keeps_its_own_groups_on_any_beat(tmp_path):
    own = ("groups: [Regulators]\nactors:\n"
           "  - {name: Health Ministry, type: government, group: Regulators}\n"
           "  - {name: Kremlin Clinic, type: institution, group: Russia}\n")
    catalogue = load_beat(health_corpus(tmp_path, None, own)).catalogue
    # its own group, and a packaged group it gives one of its actors, hold; the other war side does not
    assert "Regulators" in catalogue.groups and "Russia" in catalogue.groups and "Ukraine" not in catalogue.groups
    assert next(a for a in catalogue.actors if a.name == "Health Ministry").group == "Regulators"
    assert next(a for a in catalogue.actors if a.name == "Ukraine").group == "other"


def test_a_catalogue_beat_must_be_a_name(tmp_path):
    from analysis.catalogue.actors import CatalogueError

    with pytest.raises(CatalogueError, match="`beat` must be the name of a beat"):
        load_beat(health_corpus(tmp_path, None, "beat: [conflict]\ngroups: [A]\nactors: []\n"))
