"""The unseen gold tiers stay unseen: no text of theirs may stand anywhere a rule could have learnt it from.

tests/gold/unseen/heldout/ and tests/gold/unseen/final/ are the only gold the rules were never written
against. A test here fails when any of their items' text, or any label of :data:`MIN_SPAN_WORDS` words or more
(a figure, object, speaker, source, cue, content, hedge or scope), appears in the package (``analysis/``, code
and data), in the benchmarks, or anywhere under ``tests/`` outside the tier's own folder: every test file, every
other tier's gold and conventions (tests/gold/unseen/CONVENTIONS.md included). Texts are compared
case-insensitively, with white space collapsed and typographic quotes straightened.

One kind of label is not a needle: the speaker and source of a relation whose source is an organisation, a
government, a group or ``anonymous``. Those are names of institutions and the stock formulas of news copy for
an unnamed source, which recur from article to article, belong in catalogues and word lists, and turn up in
every tier (the first scan found one of the final tier's anonymous formulas in an older dev gold file and in the
sourcing rules, and one of its institution names in the held-out tier, labelled by another annotator from
another outlet): a copy of one says nothing about the item. People's names and documents stay needles.

The scan takes any root folder, so that a second test can plant a copy of one item (read from the gold file when
the test runs, never written here) in a temporary tree and show that it is caught. A failure names the tier,
the item id, the field and the file, never the text. Not caught: a copy split across string literals or
escaped in a file's syntax.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

import pytest

from conftest import GOLD, ROOT, read_gold

#: The held-out tiers, each a folder of gold files.
UNSEEN_TIERS = ("unseen/heldout", "unseen/final")
#: Each gold file of a tier and the key its items sit under.
ITEMS_KEY = {"figures.yaml": "sentences", "attributions.yaml": "passages", "hedges.yaml": "sentences"}
#: A label this long or longer is distinctive enough that a copy of it is a leak.
MIN_SPAN_WORDS = 4
#: The folders under a root that are scanned: code and data, benchmarks, and every test and gold file.
SCANNED_FOLDERS = ("analysis", "benchmarks", "tests")
#: Folders never scanned: caches and generated output.
SKIPPED_FOLDERS = frozenset({"__pycache__", "mpl-results", ".hypothesis", ".pytest_cache"})
#: Source types whose speaker and source labels are shared names or stock formulas, not text of the item
#: (module notes).
SHARED_SOURCE_TYPES = frozenset({"institution", "government", "collective", "anonymous"})
#: Typographic quotes read as their straight forms.
STRAIGHT_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def normalise(text: str) -> str:
    """``text`` case-folded, quotes straightened and every run of white space one space."""
    return " ".join(text.translate(STRAIGHT_QUOTES).casefold().split())


@dataclass(frozen=True)
class Needle:
    """One text of a held-out item that must not appear elsewhere, and where it comes from."""

    tier: str
    item_id: str
    field: str
    text: str  # normalised

    @property
    def words(self) -> list[str]:
        return self.text.split(" ")


def _labels(value: object, field: str) -> Iterator[tuple[str, str]]:
    """``(field path, text)`` of every label in a gold item: each ``{text, ...}`` mapping and each figure's
    ``object`` string."""
    if isinstance(value, dict):
        if value.get("source_type") in SHARED_SOURCE_TYPES:
            value = {key: child for key, child in value.items() if key not in ("speaker", "source")}
        if isinstance(value.get("text"), str):
            yield field, value["text"]
        if isinstance(value.get("object"), str):
            yield f"{field}.object", value["object"]
        for key, child in value.items():
            if key != "text":
                yield from _labels(child, f"{field}.{key}")
    elif isinstance(value, list):
        for child in value:
            yield from _labels(child, field)


def tier_needles(tier: str) -> list[Needle]:
    """Every item text and every label of :data:`MIN_SPAN_WORDS` words or more of one held-out tier."""
    needles = []
    for name, key in ITEMS_KEY.items():
        for item in read_gold(f"{tier}/{name}")[key]:
            needles.append(Needle(tier, item["id"], f"{name}:text", normalise(item["text"])))
            labels = {key: value for key, value in item.items() if key != "text"}
            for field, text in _labels(labels, name):
                needle = Needle(tier, item["id"], field, normalise(text))
                if len(needle.words) >= MIN_SPAN_WORDS:
                    needles.append(needle)
    return needles


def _scanned_files(root: Path, skip: Path) -> Iterator[Path]:
    """Every file under ``root``'s :data:`SCANNED_FOLDERS`, outside ``skip`` and :data:`SKIPPED_FOLDERS`."""
    for folder in SCANNED_FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and skip not in path.parents and not SKIPPED_FOLDERS & set(path.parts):
                yield path


def _read_text(path: Path) -> str | None:
    """The file's text, or None for a file that is not UTF-8 text (an image)."""
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None


def find_leaks(needles: list[Needle], root: Path, *, skip: Path) -> list[tuple[str, str, str, str]]:
    """``(tier, item id, field, file)`` for every needle found in a file under ``root`` (outside ``skip``).

    A needle of four words or more can only be inside a file whose words include its second and third as a
    pair, so each file's word pairs are collected once and the substring search runs only where they fit.
    """
    found = []
    for path in _scanned_files(root, skip):
        text = _read_text(path)
        if text is None:
            continue
        haystack = normalise(text)
        words = haystack.split(" ")
        pairs = set(zip(words, words[1:]))
        for needle in needles:
            parts = needle.words
            if len(parts) >= MIN_SPAN_WORDS and (parts[1], parts[2]) not in pairs:
                continue
            if needle.text in haystack:
                found.append((needle.tier, needle.item_id, needle.field, str(path.relative_to(root))))
    return found


@lru_cache(maxsize=None)
def _needles(tier: str) -> tuple[Needle, ...]:
    return tuple(tier_needles(tier))


@pytest.mark.parametrize("tier", UNSEEN_TIERS)
def test_no_text_of_an_unseen_tier_appears_in_code_data_tests_or_other_tiers(tier):
    needles = list(_needles(tier))
    assert len(needles) > 100, "the tier's items were not read"
    assert find_leaks(needles, ROOT, skip=GOLD / tier) == []


def _planted_tree(tmp_path: Path) -> Path:
    for folder in SCANNED_FOLDERS:
        (tmp_path / folder).mkdir()
    (tmp_path / "analysis" / "rules.py").write_text('"""Rules over made-up text."""\n', encoding="utf-8")
    return tmp_path


def test_a_planted_copy_of_an_item_is_caught(tmp_path):
    root = _planted_tree(tmp_path)
    needles = list(_needles("unseen/final"))
    assert find_leaks(needles, root, skip=root / "none") == []
    item = read_gold("unseen/final/hedges.yaml")["sentences"][0]
    # Planted in another case and with its spaces turned into line breaks: still the same text.
    planted = "\n  ".join(item["text"].upper().split(" "))
    (root / "analysis" / "data").mkdir()
    (root / "analysis" / "data" / "words.yaml").write_text(f"examples:\n  - {planted}\n", encoding="utf-8")
    leaks = find_leaks(needles, root, skip=root / "none")
    assert ("unseen/final", item["id"], "hedges.yaml:text", "analysis/data/words.yaml") in leaks


def test_a_planted_labelled_span_is_caught_and_a_shorter_one_is_not(tmp_path):
    root = _planted_tree(tmp_path)
    needles = list(_needles("unseen/heldout"))
    passages = read_gold("unseen/heldout/attributions.yaml")["passages"]
    item, content = next((p, r["content"]["text"]) for p in passages for r in p["attributions"]
                         if len(r["content"]["text"].split()) >= MIN_SPAN_WORDS + 2)
    test_file = root / "tests" / "test_rules.py"
    short = " ".join(content.split()[: MIN_SPAN_WORDS - 1])
    test_file.write_text(f"# {short}\n", encoding="utf-8")
    assert find_leaks(needles, root, skip=root / "none") == []
    test_file.write_text(f"# {content}\n", encoding="utf-8")
    leaks = find_leaks(needles, root, skip=root / "none")
    assert ("unseen/heldout", item["id"], "attributions.yaml.attributions.content", "tests/test_rules.py") in leaks
