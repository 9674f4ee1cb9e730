"""The actor catalogue: the packaged file, a corpus's own file merged over it, errors, fingerprint, palette."""

from __future__ import annotations

import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from analysis.catalogue.actors import (
    OTHER_SIDE,
    UNKNOWN_SIDE,
    CatalogueError,
    default_catalogue,
    load_catalogue,
)
from analysis.views.charts.base import (
    GROUP_PALETTE,
    OTHER_COLOUR,
    UNKNOWN_COLOUR,
    catalogue_palette,
    group_palette,
    side_colour,
)

ELECTION = """\
groups:
  - {name: Labour, colour: "#e4003b"}
  - Conservatives
  - Liberal Democrats
actors:
  - name: Keir Starmer
    type: person
    group: Labour
    role: leader of the Labour Party
    aliases: [Starmer]
  - name: Rishi Sunak
    type: person
    group: Conservatives
    aliases: [Sunak]
  - name: Electoral Commission
    type: institution
    group: other
"""


def write(folder: Path, text: str) -> Path:
    path = folder / "actors.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


# --- loading and merging -------------------------------------------------------------------------------------


def test_no_corpus_file_gives_the_packaged_catalogue(tmp_path):
    assert load_catalogue(None) is default_catalogue()
    assert load_catalogue(tmp_path) == default_catalogue()


def test_packaged_catalogue_keeps_its_groups_and_colours():
    catalogue = default_catalogue()
    assert catalogue.groups == ("Ukraine", "Russia") == catalogue.sides
    assert catalogue.group_colours == {"Ukraine": "#1f77b4", "Russia": "#d62728"}
    assert catalogue.lookup("Kremlin")[0].group == "Russia"


def test_corpus_file_adds_entries_and_groups(tmp_path):
    catalogue = load_catalogue(write(tmp_path, ELECTION))
    assert catalogue.groups[:3] == ("Labour", "Conservatives", "Liberal Democrats")
    assert set(default_catalogue().groups) <= set(catalogue.groups)
    starmer, kind = catalogue.lookup("Starmer")
    assert (starmer.name, starmer.side, starmer.type, starmer.label, kind) == (
        "Keir Starmer", "Labour", "person", "PERSON", "alias"
    )
    assert starmer.id == "keir_starmer"
    assert catalogue.get("keir_starmer") is starmer
    assert catalogue.lookup("Electoral Commission")[0].side == OTHER_SIDE
    # the packaged entries are still there
    assert catalogue.lookup("Kremlin")[0].name == "Russia"
    assert len(catalogue.actors) == len(default_catalogue().actors) + 3
    assert catalogue.group_colours["Labour"] == "#e4003b"


def test_corpus_entry_with_a_packaged_name_replaces_it(tmp_path):
    catalogue = load_catalogue(
        write(
            tmp_path,
            """\
            actors:
              - name: Politico
                type: media
                group: other
                aliases: [Politico Europe]
            """,
        )
    )
    politico = [a for a in catalogue.actors if a.name == "Politico"]
    assert len(politico) == 1
    assert politico[0].aliases == ("Politico Europe",)
    assert catalogue.lookup("POLITICO") is None  # the packaged aliases went with the packaged entry
    assert len(catalogue.actors) == len(default_catalogue().actors)


def test_corpus_entries_win_a_written_form_both_claim(tmp_path):
    catalogue = load_catalogue(
        write(
            tmp_path,
            """\
            groups: [Acme Corp]
            actors:
              - name: Acme Kursk Plant
                type: institution
                group: Acme Corp
                aliases: [Kursk]
            """,
        )
    )
    assert catalogue.lookup("Kursk")[0].name == "Acme Kursk Plant"
    ruled = [p for p in catalogue.ruler_patterns() if p["pattern"] == "Kursk"]
    assert [p["id"] for p in ruled] == ["acme_kursk_plant"]


def test_corpus_entry_may_use_a_packaged_group_and_the_old_key_names(tmp_path):
    catalogue = load_catalogue(
        write(
            tmp_path,
            """\
            sides: [Moldova]
            actors:
              - {name: Maia Sandu, type: person, side: Moldova}
              - {name: Kyiv City Council, type: institution, group: Ukraine}
            """,
        )
    )
    assert catalogue.lookup("Maia Sandu")[0].group == "Moldova"
    assert catalogue.lookup("Kyiv City Council")[0].group == "Ukraine"


def test_a_catalogue_file_can_be_passed_directly(tmp_path):
    path = write(tmp_path, ELECTION) / "actors.yaml"
    assert load_catalogue(path) == load_catalogue(tmp_path)


def test_derived_ids_do_not_collide(tmp_path):
    catalogue = load_catalogue(
        write(
            tmp_path,
            """\
            actors:
              - {name: Acme-Corp, type: institution, group: other}
              - {name: Acme Corp, type: institution, group: other}
              - {name: Kursk Region, type: place, group: other}
            """,
        )
    )
    ids = [a.id for a in catalogue.actors]
    assert len(ids) == len(set(ids))
    assert catalogue.lookup("Kursk region")[0].id == "kursk_region"  # the packaged entry is kept
    assert catalogue.lookup("Kursk Region")[0].id == "kursk_region_2"


# --- errors ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "groups: [Labour]\nactors:\n  - {name: Keir Starmer, type: person, group: Labor}\n",
            ["actor 1, line 3 ('Keir Starmer')", "group 'Labor' is not declared", "add it under `groups`", "Labour"],
        ),
        (
            "actors:\n  - {name: Keir Starmer, type: politician, group: other}\n",
            ["actor 1", "'Keir Starmer'", "type 'politician'", "person | government"],
        ),
        ("actors:\n  - {name: Keir Starmer, group: other}\n", ["'Keir Starmer'", "no `type`"]),
        ("actors:\n  - {type: person, group: other}\n", ["actor 1", "no `name`"]),
        ('actors:\n  - {name: Keir Starmer, type: person, group: ""}\n', ["`group` is empty", "fill in one of"]),
        ("actors:\n  - {name: A B, type: person, group: other, alias: [B]}\n", ["unknown key 'alias'", "aliases"]),
        ("actors:\n  - {name: A B, type: person, group: other, aliases: 3}\n", ["`aliases` must be a list"]),
        ("actors:\n  - {name: A B, type: person, group: other, label: PERSN}\n", ["label 'PERSN'", "PERSON"]),
        (
            "actors:\n  - {name: A B, type: person, group: other}\n  - {name: A B, type: person, group: other}\n",
            ["actor 2, line 3 ('A B')", "already used by actor 1", "merge"],
        ),
        ("groups:\n  - {name: Labour, colour: reddish}\n", ["group 1 ('Labour')", "colour 'reddish'", "hex code"]),
        ("groups: [unknown]\n", ["'unknown' is built in"]),
        ("groups: [Labour, Labour]\n", ["declared twice"]),
        ("actors:\n  - name: [unclosed\n", ["not valid YAML", "line"]),
        ("- just a list\n", ["must be a mapping"]),
        ("actor:\n  - {name: A}\n", ["unknown top-level key 'actor'", "groups, actors"]),
    ],
)
def test_a_malformed_file_gives_one_line_naming_file_entry_and_fix(tmp_path, text, expected):
    write(tmp_path, text)
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(tmp_path)
    message = str(caught.value)
    assert isinstance(caught.value, ValueError)
    assert "\n" not in message
    assert message.startswith(str(tmp_path / "actors.yaml") + ":")
    for part in expected:
        assert part in message


def test_a_missing_corpus_folder_is_an_error(tmp_path):
    with pytest.raises(CatalogueError, match="no such folder"):
        load_catalogue(tmp_path / "nowhere")


# --- fingerprint and pickling ---------------------------------------------------------------------------------


def test_fingerprint_is_stable_and_follows_the_content(tmp_path):
    packaged = default_catalogue().fingerprint()
    assert len(packaged) == 64 and int(packaged, 16) >= 0
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = load_catalogue(write(tmp_path / "a", ELECTION))
    again = load_catalogue(write(tmp_path / "b", ELECTION))
    assert first.fingerprint() == again.fingerprint() != packaged  # same content, other folder: same key
    write(tmp_path / "b", ELECTION.replace("aliases: [Starmer]", "aliases: [Starmer, Sir Keir]"))
    assert load_catalogue(tmp_path / "b").fingerprint() != first.fingerprint()
    write(tmp_path / "b", ELECTION.replace("#e4003b", "#c00000"))
    assert load_catalogue(tmp_path / "b").fingerprint() != first.fingerprint()


def test_fingerprint_is_the_same_in_another_process():
    code = "from analysis.catalogue.actors import default_catalogue; print(default_catalogue().fingerprint())"
    root = Path(__file__).resolve().parent.parent
    other = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root)
    assert other.stdout.strip() == default_catalogue().fingerprint()


def test_catalogue_survives_pickling(tmp_path):
    catalogue = load_catalogue(write(tmp_path, ELECTION))
    copy = pickle.loads(pickle.dumps(catalogue))
    assert copy == catalogue
    assert copy.fingerprint() == catalogue.fingerprint()
    assert copy.lookup("Sunak")[0].name == "Rishi Sunak"
    assert copy.get("keir_starmer").group == "Labour"
    assert copy.ruler_patterns() == catalogue.ruler_patterns()


# --- palette --------------------------------------------------------------------------------------------------


def test_packaged_palette_keeps_the_charts_colours():
    palette = catalogue_palette()
    assert palette.colour("Ukraine") == side_colour("Ukraine") == "#1f77b4"
    assert palette.colour("Russia") == "#d62728"
    assert palette.colour(OTHER_SIDE) == OTHER_COLOUR
    assert palette.colour(UNKNOWN_SIDE) == UNKNOWN_COLOUR


def test_palette_follows_group_order_and_user_colours_win(tmp_path):
    palette = catalogue_palette(load_catalogue(write(tmp_path, ELECTION)))
    assert palette.colour("Labour") == "#e4003b"
    assert palette.colour("Conservatives") == GROUP_PALETTE[0]
    assert palette.colour("Liberal Democrats") == GROUP_PALETTE[1]
    assert palette.colour("Ukraine") == "#1f77b4"
    assert palette.colour(UNKNOWN_SIDE) == UNKNOWN_COLOUR


def test_palette_skips_a_palette_colour_a_group_already_has():
    palette = group_palette(["A", "B"], {"A": GROUP_PALETTE[0].lower()})
    assert palette.colour("B") == GROUP_PALETTE[1]


def test_more_groups_than_colours_go_to_the_other_bucket():
    groups = [f"party {n:02d}" for n in range(len(GROUP_PALETTE) + 3)]
    palette = group_palette(groups)
    coloured = [palette.colour(g) for g in groups[: len(GROUP_PALETTE)]]
    assert coloured == list(GROUP_PALETTE)
    for extra in groups[len(GROUP_PALETTE):]:
        assert palette.colour(extra) == OTHER_COLOUR
        assert palette.label(extra) == OTHER_SIDE
    assert palette.label(groups[0]) == groups[0]
    assert group_palette(groups) == palette  # deterministic


def test_unknown_is_always_the_same_grey():
    assert group_palette(["A"], {"A": "#000000"}).colour(UNKNOWN_SIDE) == UNKNOWN_COLOUR
    assert group_palette([]).colour(UNKNOWN_SIDE) == UNKNOWN_COLOUR == side_colour(UNKNOWN_SIDE)


def test_groups_a_table_has_but_the_catalogue_does_not_get_leftover_colours():
    palette = catalogue_palette().including(["Zeta", "Alpha", "Ukraine"])
    assert palette.colour("Alpha") == GROUP_PALETTE[0]
    assert palette.colour("Zeta") == GROUP_PALETTE[1]
    assert palette.colour("Ukraine") == "#1f77b4"


# --- charts draw with the catalogue's palette -----------------------------------------------------------------


def test_charts_colour_a_corpus_catalogues_groups_and_bucket_the_rest():
    import matplotlib.colors as mcolors
    import pandas as pd

    from analysis.views import charts

    groups = [f"party {n:02d}" for n in range(len(GROUP_PALETTE) + 2)]
    palette = group_palette(groups, {"party 00": "#e4003b"})
    counts = pd.DataFrame(
        {"actor": [f"leader of {g}" for g in groups] + ["someone"], "side": [*groups, UNKNOWN_SIDE],
         "mentions": list(range(len(groups) + 1, 0, -1))}
    )
    fig = charts.actor_mentions_by_side(counts, top=len(counts), palette=palette)
    ax = fig.axes[0]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == [*groups[: len(GROUP_PALETTE) + 1], OTHER_SIDE, UNKNOWN_SIDE]
    bars = {p.get_width(): mcolors.to_hex(p.get_facecolor()) for p in ax.patches}
    assert bars[len(groups) + 1] == "#e4003b"
    assert bars[1] == UNKNOWN_COLOUR

    actions = pd.DataFrame(
        {"agent_side": [*groups, UNKNOWN_SIDE], "verb_class": ["speech"] * (len(groups) + 1),
         "actions": [1] * (len(groups) + 1)}
    )
    fig = charts.actions_by_side(actions, palette=palette)
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert legend.count(OTHER_SIDE) == 1 and legend[-1] == UNKNOWN_SIDE
    assert sum(p.get_width() for p in fig.axes[0].patches) == len(groups) + 1  # nothing lost in the bucket


def test_a_chart_accepts_the_catalogue_as_its_palette(tmp_path):
    import pandas as pd

    from analysis.views import charts

    catalogue = load_catalogue(write(tmp_path, ELECTION))
    counts = pd.DataFrame({"direct": [2, 1], "indirect": [1, 1]}, index=["Labour", "Conservatives"])
    fig = charts.attributions_by_side_and_kind(counts, palette=catalogue)
    colours = {t.get_text(): t.get_color() for t in fig.axes[0].get_xticklabels()}
    assert colours == {"Labour": "#e4003b", "Conservatives": GROUP_PALETTE[0]}
