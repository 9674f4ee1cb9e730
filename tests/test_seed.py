"""The seed article is in the project byte for byte, and the foundation tables read it right."""

import hashlib

import pytest

from conftest import SEEDS, SEED_ID

SEED_SHA256 = "c5ed2980b79f0393c145179f6caa6dc4a692c507017bacbb553330e15f9bd7e2"


def test_seed_is_byte_for_byte_copy():
    assert hashlib.sha256((SEEDS / f"{SEED_ID}.txt").read_bytes()).hexdigest() == SEED_SHA256


def test_seed_has_thirteen_sentences(seed_tables):
    assert seed_tables.documents.loc[0, "n_sentences"] == 13
    assert len(seed_tables.sentences) == 13


@pytest.mark.parametrize(
    "text, actor, side",
    [
        ("Vladimir Putin", "Vladimir Putin", "Russia"),
        ("Putin", "Vladimir Putin", "Russia"),
        ("Zelensky", "Volodymyr Zelensky", "Ukraine"),
        ("Oleksandr Syrskyi", "Oleksandr Syrskyi", "Ukraine"),
        ("Aleksey Smirnov", "Alexei Smirnov", "Russia"),
        ("Dmytro Lykhoviy", "Dmytro Lykhoviy", "Ukraine"),
        ("Kremlin", "Russia", "Russia"),
        ("Kursk", "Kursk region", "Russia"),
        ("Kursk region", "Kursk region", "Russia"),
        ("Zaporizhzhia", "Zaporizhzhia region", "Ukraine"),
        ("Kyiv", "Ukraine", "Ukraine"),
    ],
)
def test_seed_actor_recognised_with_side(seed_tables, text, actor, side):
    rows = seed_tables.mentions[seed_tables.mentions.text == text]
    assert len(rows) > 0, f"{text!r} not recognised"
    assert set(rows.actor) == {actor}
    assert set(rows.side) == {side}
