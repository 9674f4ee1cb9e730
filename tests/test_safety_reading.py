"""Hostile and careless input, read safely: bombs refused before they expand, one bad file one skip, reading
stays inside the corpus, names printed escaped, spans never over front matter (issue 19, reading side).

Every input is made here. The bomb tests read in a subprocess whose address space is capped
(:data:`MEMORY_CAP`), so that a regression fails with a MemoryError instead of taking the machine.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import warnings
import zipfile

import pandas as pd
import pytest

from analysis.catalogue.actors import CatalogueError, load_catalogue
from analysis.catalogue.beat import SettingsError, load_beat
from analysis.extraction.pipeline import split_for_parser
from analysis.flow import build
from analysis.reading import CorpusWarning, Limits, YamlRefused, load_user_yaml, printable, read_corpus

GOOD = "Officials said on Monday that the bridge would reopen.\n"

#: Address space of a bomb test's subprocess: importing the readers takes about 0.6 GB; each bomb expands
#: to more than the rest.
MEMORY_CAP = 1_200_000_000

#: Bytes a bomb member expands to: over the headroom of MEMORY_CAP, a few MB compressed.
BOMB_BYTES = 400 * 2**20
#: Deflate level of the bombs: the fastest. Level 6 (zipfile's default) took 2.6 s to compress a bomb, level 1
#: 0.9 s, for 1.8 MB where level 6 gives 0.4 MB: still a hundredth of what the member expands to.
BOMB_LEVEL = 1

#: Nine levels of nine aliases: 9**9 (387 million) strings when expanded; 72 aliases.
BILLION_LAUGHS = 'l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n' + "".join(
    f"l{level}: &l{level} [{', '.join([f'*l{level - 1}'] * 9)}]\n" for level in range(1, 9)
)

_READ = """
import json, sys, warnings
from analysis.reading import CorpusWarning, read_corpus
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    corpus = read_corpus(sys.argv[1])
print(json.dumps({
    "documents": [d.path for d in corpus.documents],
    "skipped": [[s.path, s.reason] for s in corpus.skipped],
    "messages": [str(w.message) for w in caught if issubclass(w.category, CorpusWarning)],
}))
"""

_BEAT = """
import sys
from analysis.catalogue.beat import load_beat
from analysis.catalogue.actors import CatalogueError
try:
    load_beat(sys.argv[1])
except CatalogueError as err:
    print(err)
"""


def capped(script: str, *args) -> str:
    """``script`` run with ``args`` in a subprocess capped at :data:`MEMORY_CAP`; its output (it must succeed)."""
    cap = f"import resource\nresource.setrlimit(resource.RLIMIT_AS, ({MEMORY_CAP}, {MEMORY_CAP}))\n"
    result = subprocess.run(
        [sys.executable, "-c", cap + script, *map(str, args)], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def read_capped(folder) -> dict:
    return json.loads(capped(_READ, folder))


def read_with_warnings(path, **kwargs):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = read_corpus(path, **kwargs)
    return corpus, [str(w.message) for w in caught if issubclass(w.category, CorpusWarning)]


@pytest.fixture
def folder(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a_good.txt").write_text(GOOD, encoding="utf-8")
    return corpus


# --- limits on what expands --------------------------------------------------------------------------------------


def test_billion_laughs_in_front_matter_skips_only_that_article(folder):
    front = "---\n" + BILLION_LAUGHS + "title: *l8\n---\nThe council met on Monday.\n"
    (folder / "bomb.md").write_text(front, encoding="utf-8")
    result = read_capped(folder)
    assert result["documents"] == ["a_good.txt"]
    ((path, reason),) = result["skipped"]
    assert path == "bomb.md"
    assert reason.startswith("the YAML front matter is refused: it expands its aliases to more than 1,000,000")
    assert result["messages"] == [f"skipped bomb.md: {reason}"]


def test_billion_laughs_in_corpus_yaml_is_a_one_line_error(folder):
    (folder / "corpus.yaml").write_text(BILLION_LAUGHS + "tone_adjustment: *l8\n", encoding="utf-8")
    (message,) = capped(_BEAT, folder).splitlines()
    assert message.endswith("corpus.yaml is refused: it expands its aliases to more than 1,000,000 values "
                            '(a "billion laughs"): write the values out')


def test_billion_laughs_in_actors_yaml_is_a_one_line_error(folder):
    actors = BILLION_LAUGHS + "actors:\n  - name: Ilse Varrow\n    type: person\n    aliases: *l8\n"
    (folder / "actors.yaml").write_text(actors, encoding="utf-8")
    (message,) = capped(_BEAT, folder).splitlines()
    assert message.endswith("actors.yaml is refused: it expands its aliases to more than 1,000,000 values "
                            '(a "billion laughs"): write the values out')


@pytest.mark.parametrize(
    "text, expected",
    [
        ("shared: &names [Ana, Bo]\nfirst: *names\nsecond: *names\n", {"shared": ["Ana", "Bo"], "first": ["Ana", "Bo"],
                                                                     "second": ["Ana", "Bo"]}),
        ("base: &b {outlet: Coast Herald}\nrow: {<<: *b, title: Floods}\n",
         {"base": {"outlet": "Coast Herald"}, "row": {"outlet": "Coast Herald", "title": "Floods"}}),
    ],
)
def test_anchors_within_the_limits_are_read_as_yaml_reads_them(text, expected):
    assert load_user_yaml(text) == expected


@pytest.mark.parametrize(
    "text, limits, expected",
    [
        (BILLION_LAUGHS, Limits(), "expands its aliases to more than 1,000,000 values"),
        ("a: &a [x]\n" + "".join(f"k{i}: *a\n" for i in range(101)), Limits(), "uses more than 100 aliases"),
        ("a: &a [x, *a]\n", Limits(), "an alias inside the value it names"),
        ("[" * 150 + "]" * 150, Limits(), "nests lists or mappings more than 100 deep"),
        ("title: " + "x" * 2000, Limits(metadata_bytes=1000), "over the 0.0 MB limit for metadata"),
    ],
)
def test_yaml_over_a_limit_is_refused_before_its_values_are_built(text, limits, expected):
    with pytest.raises(YamlRefused, match=expected):
        load_user_yaml(text, limits=limits)


def _zip_bomb(path, member: str, prefix: bytes = b"") -> None:
    """A zip whose one member expands :data:`BOMB_BYTES` from a few MB."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=BOMB_LEVEL) as archive:
        with archive.open(member, "w", force_zip64=True) as handle:
            handle.write(prefix)
            chunk = b"a" * 2**20
            for _ in range(BOMB_BYTES // len(chunk)):
                handle.write(chunk)


def test_zip_bomb_member_is_skipped_unread(folder):
    _zip_bomb(folder / "shared.zip", "rows.csv", b"text\n")
    assert (folder / "shared.zip").stat().st_size < BOMB_BYTES // 100
    result = read_capped(folder)
    assert result["documents"] == ["a_good.txt"]
    ((path, reason),) = result["skipped"]
    assert path == "shared.zip/rows.csv"
    assert reason.startswith("the member expands ") and "(a zip bomb?)" in reason
    assert result["messages"] == [f"skipped shared.zip/rows.csv: {reason}"]


def test_xlsx_bomb_is_skipped_before_openpyxl_opens_it(folder):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.append(["text"])
    book.active.append(["The council met."])
    book.save(folder / "plain.xlsx")
    # The same workbook with the cell's text grown to BOMB_BYTES inside the sheet's part.
    with zipfile.ZipFile(folder / "plain.xlsx") as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    before, after = parts.pop("xl/worksheets/sheet1.xml").split(b"The council met.")
    with zipfile.ZipFile(folder / "sheet.xlsx", "w", zipfile.ZIP_DEFLATED, compresslevel=BOMB_LEVEL) as bomb:
        for name, data in parts.items():
            bomb.writestr(name, data)
        with bomb.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as handle:
            handle.write(before)
            for _ in range(BOMB_BYTES // 2**20):
                handle.write(b"a" * 2**20)
            handle.write(after)
    (folder / "plain.xlsx").unlink()
    result = read_capped(folder)
    assert result["documents"] == ["a_good.txt"]
    ((path, reason),) = result["skipped"]
    assert path == "sheet.xlsx" and reason.startswith("the workbook expands ") and "(a zip bomb?)" in reason


def test_archive_over_its_total_limit_is_skipped_and_members_under_it_are_read(folder):
    with zipfile.ZipFile(folder / "many.zip", "w") as archive:
        archive.writestr("b.txt", GOOD.replace("bridge", "ferry"))
        archive.writestr("c.txt", GOOD.replace("bridge", "tunnel"))
    corpus, messages = read_with_warnings(folder, limits=Limits(archive_bytes=len(GOOD) + 10))
    assert [d.path for d in corpus.documents] == ["a_good.txt"]
    assert messages[0].startswith("skipped many.zip: the archive expands to 0.0 MB, over the 0.0 MB limit")
    corpus, _ = read_with_warnings(folder)
    assert [d.path for d in corpus.documents] == ["a_good.txt", "many.zip/b.txt", "many.zip/c.txt"]


# --- one bad file, one message -----------------------------------------------------------------------------------


def test_corrupt_zip_member_is_one_skip_and_the_others_are_read(folder):
    body = ("The harbour board met on Tuesday and voted to raise the fees. " * 40).encode()
    with zipfile.ZipFile(folder / "shared.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("b.txt", body)
        archive.writestr("c.txt", GOOD.replace("bridge", "tunnel"))
    with zipfile.ZipFile(folder / "shared.zip") as archive:
        info = archive.getinfo("b.txt")
    data = bytearray((folder / "shared.zip").read_bytes())
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start + 5 : start + 25] = b"\xff" * 20  # the deflate stream, corrupted
    (folder / "shared.zip").write_bytes(bytes(data))
    corpus, messages = read_with_warnings(folder)
    assert [d.path for d in corpus.documents] == ["a_good.txt", "shared.zip/c.txt"]
    assert [s.path for s in corpus.skipped] == ["shared.zip/b.txt"]
    assert messages == [f"skipped shared.zip/b.txt: {corpus.skipped[0].reason}"]
    assert messages[0].startswith("skipped shared.zip/b.txt: it cannot be read (")


@pytest.mark.parametrize(
    "name, content, expected",
    [
        ("bad.md", "---\ntitle: [unclosed\n---\nThe council met.\n", "the YAML front matter does not parse ("),
        ("list.md", "---\n- a\n- b\n---\nThe council met.\n", "the front matter is not a mapping"),
        ("side.txt", "The council met.\n", "its sidecar side.meta.json is not valid JSON ("),
        ("array.txt", "The council met.\n", "its sidecar array.meta.json must be a JSON object"),
    ],
)
def test_bad_front_matter_or_sidecar_skips_that_article_only(folder, name, content, expected):
    (folder / name).write_text(content, encoding="utf-8")
    (folder / "side.meta.json").write_text('{"title": "Floods",', encoding="utf-8")
    (folder / "array.meta.json").write_text('["Floods"]', encoding="utf-8")
    corpus, messages = read_with_warnings(folder)
    assert [d.path for d in corpus.documents] == ["a_good.txt"]
    assert [s.path for s in corpus.skipped] == [name]
    (message,) = messages
    assert message.startswith(f"skipped {name}: {expected}")


def test_wrong_types_skip_the_row_or_drop_the_field_never_become_text(tmp_path):
    rows = [
        {"id": "r1", "text": [1, 2]},
        {"id": "r2", "text": {"body": "The council met."}},
        {"id": "r3", "text": 42},
        {"id": "r4", "text": "The council met.", "title": ["Floods"], "outlet": {"name": "Herald"}, "url": True},
        {"id": ["r5"], "text": "The ferry sailed."},
    ]
    (tmp_path / "e.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    pd.DataFrame({"text": [b"\xff\xfe"]}).to_parquet(tmp_path / "p.parquet")
    pd.DataFrame({"text": ["The tunnel opened."], "title": [b"\xff"]}).to_parquet(tmp_path / "q.parquet")
    corpus, messages = read_with_warnings(tmp_path)
    reasons = {s.path: s.reason for s in corpus.skipped}
    assert reasons == {
        "e.jsonl#row=1": "the text is a list, not text: put the article text in the text column",
        "e.jsonl#row=2": "the text is a mapping, not text: put the article text in the text column",
        "e.jsonl#row=3": "the text is a number, not text: put the article text in the text column",
        "e.jsonl#row=5": "the id is a list, not text or a number: give the row an id, or leave it empty",
        "p.parquet#row=1": "the text is bytes, not text: put the article text in the text column",
    }
    kept = {d.path: d for d in corpus.documents}
    assert set(kept) == {"e.jsonl#row=4", "q.parquet#row=1"}
    row4, row1 = kept["e.jsonl#row=4"], kept["q.parquet#row=1"]
    assert (row4.title, row4.outlet, row4.url, row1.title) == ("", "", "", "")
    assert "e.jsonl#row=4: title is a list, not text: it is left empty; write it as text" in messages
    assert "e.jsonl#row=4: url is true/false, not text: it is left empty; write it as text" in messages
    assert "q.parquet#row=1: title is bytes, not text: it is left empty; write it as text" in messages


def test_json_line_nested_too_deep_is_one_skipped_row(tmp_path):
    lines = ["[" * 100_000 + "]" * 100_000, json.dumps({"text": "The council met."})]
    (tmp_path / "e.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus, messages = read_with_warnings(tmp_path)
    assert [d.path for d in corpus.documents] == ["e.jsonl#row=2"]
    assert messages == ["skipped e.jsonl#row=1: the line nests lists or objects too deep to be an article's record: "
                        "fix or remove it"]


def test_numbers_and_dates_in_metadata_stay_as_they_read(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: 1984\npublished: 2024-03-02\n---\nThe council met.\n")
    (document,) = read_corpus(tmp_path).documents
    assert (document.title, document.published) == ("1984", "2024-03-02")


# --- staying inside the corpus -----------------------------------------------------------------------------------


def test_link_to_a_file_outside_the_corpus_is_skipped_and_not_read(folder, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("The password is swordfish.\n", encoding="utf-8")
    (folder / "passwd.txt").symlink_to(secret)
    (folder / "same.txt").symlink_to(folder / "a_good.txt")  # a link inside the corpus is read
    corpus, messages = read_with_warnings(folder)
    assert [d.path for d in corpus.documents] == ["a_good.txt", "same.txt"]
    assert all("swordfish" not in d.text for d in corpus.documents)
    assert messages == [
        "skipped passwd.txt: it is a link to a file outside the corpus folder, which is not read: copy the file "
        "into the folder if it belongs to the corpus"
    ]


def test_sidecar_linking_outside_the_corpus_skips_its_article(folder, tmp_path):
    (tmp_path / "meta.json").write_text('{"title": "Outside"}', encoding="utf-8")
    (folder / "a_good.meta.json").symlink_to(tmp_path / "meta.json")
    (folder / "b.txt").write_text(GOOD, encoding="utf-8")
    corpus, messages = read_with_warnings(folder)
    assert [d.path for d in corpus.documents] == ["b.txt"]
    assert messages == [
        "skipped a_good.txt: its sidecar a_good.meta.json cannot be read: it is a link to a file outside the "
        "corpus folder, which is not read: copy the file into the folder if it belongs to the corpus"
    ]


@pytest.mark.parametrize("member", ["../escape.txt", "/etc/escape.txt", "inner.zip"])
def test_archive_member_leaving_the_archive_or_nested_is_skipped(folder, member):
    with zipfile.ZipFile(folder / "z.zip", "w") as archive:
        archive.writestr(member, GOOD if member.endswith(".txt") else b"PK\x05\x06" + b"\x00" * 18)
        archive.writestr("b.txt", GOOD.replace("bridge", "ferry"))
    corpus, messages = read_with_warnings(folder)
    assert [d.path for d in corpus.documents] == ["a_good.txt", "z.zip/b.txt"]
    expected = "an archive inside an archive" if member.endswith(".zip") else "a name that leaves the archive"
    (message,) = messages
    assert message.startswith(f"skipped z.zip/{member}: ") and expected in message


@pytest.mark.parametrize("choice", ["../outside.yaml", "{outside}"])
def test_tone_adjustment_outside_the_corpus_folder_is_refused(folder, tmp_path, choice):
    outside = tmp_path / "outside.yaml"
    outside.write_text("adjustment:\n  gains: 0\n", encoding="utf-8")
    (folder / "corpus.yaml").write_text(f"tone_adjustment: {choice.format(outside=outside)}\n", encoding="utf-8")
    with pytest.raises(SettingsError) as info:
        load_beat(folder)
    assert str(info.value).endswith(
        "outside.yaml is refused: it is a link to a file outside the corpus folder, which is not read: "
        "copy the file into the folder"
    )


def test_actors_yaml_linking_outside_the_corpus_is_refused(folder, tmp_path):
    (tmp_path / "actors.yaml").write_text("actors: []\n", encoding="utf-8")
    (folder / "actors.yaml").symlink_to(tmp_path / "actors.yaml")
    with pytest.raises(CatalogueError, match="actors.yaml is refused: it is a link to a file outside the corpus"):
        load_catalogue(folder)


# --- names that are not safe to print ----------------------------------------------------------------------------


def test_file_name_that_is_not_utf8_is_skipped_with_its_bytes_escaped(folder):
    name = os.path.join(os.fsencode(folder), b"caf\xe9.txt")
    try:
        with open(name, "wb") as handle:
            handle.write(GOOD.encode())
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    corpus, messages = read_with_warnings(folder)
    assert [d.path for d in corpus.documents] == ["a_good.txt"]
    assert [s.path for s in corpus.skipped] == ["caf\\xe9.txt"]
    (message,) = messages
    assert message.startswith("skipped caf\\xe9.txt: the file name is not UTF-8")
    message.encode("utf-8")  # printable: no lone surrogate left


def test_ansi_escape_in_a_file_name_is_printed_escaped_and_kept_in_the_table(folder):
    name = "\x1b[31mred\x1b[0m.txt"
    (folder / name).write_bytes(b"")
    corpus, messages = read_with_warnings(folder)
    assert [s.path for s in corpus.skipped] == [name]
    (message,) = messages
    assert "\x1b" not in message
    assert message == "skipped \\x1b[31mred\\x1b[0m.txt: the file is empty: add the article text or remove the file"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("plain caf\u00e9 \u2014 \u201cquoted\u201d", "plain caf\u00e9 \u2014 \u201cquoted\u201d"),
        ("\x1b]0;title\x07.txt", "\\x1b]0;title\\x07.txt"),
        ("line\rover\nnext", "line\\rover\\nnext"),
        ("gpj.\u202eexe", "gpj.\\u202eexe"),
        ("caf\udce9", "caf\\udce9"),
    ],
)
def test_printable_escapes_only_what_a_terminal_would_act_on(text, expected):
    assert printable(text) == expected


# --- offsets on front matter -------------------------------------------------------------------------------------


def test_leading_whitespace_is_its_own_parser_piece():
    text = "   \n        \n   \nHe said so.\n"
    assert split_for_parser(text, 100) == [(0, 17), (17, len(text))]
    assert split_for_parser("He said so.", 100) == [(0, 11)]


def test_no_span_of_any_table_starts_in_or_covers_the_front_matter(tmp_path, nlp):
    front = "---\ntitle: Harbour plan\nauthor: Ann Smith\npublished: 2024-03-02\n---\n"
    bodies = {
        "pronoun": "He said the harbour would reopen in May.\n",
        "plural": 'Officials said the harbour would reopen. "It is safe," they added.\n',
        "quote": '"We are ready," said Ilse Varrow, the mayor.\n\nThe council approved 12 million euros.\n',
    }
    for name, body in bodies.items():
        (tmp_path / f"{name}.md").write_text(front + body, encoding="utf-8")
    tables = build(tmp_path, nlp=nlp)
    body_start = len(front)
    checked = 0
    for name in tables.names:
        frame = tables[name]
        for column in (c for c in frame.columns if c == "start" or c.endswith("_start")):
            starts = frame[column].dropna()
            assert (starts >= body_start).all(), (name, column, frame.loc[starts.index[starts < body_start]])
            checked += len(starts)
    assert checked > 10, "the articles must give spans for the test to check anything"
    speakers = tables.attributions.speaker.tolist()
    assert "He" in speakers and "Officials" in speakers
