"""Page furniture ("Advertisement", share buttons, "Read more", prompts, photo credits and counters) is recognised
by one helper, kept in the text, and yields no row in any table; a sentence of copy that uses the same words
still does."""

from __future__ import annotations

import pytest

from analysis.extraction.linguistics.furniture import furniture_of, is_furniture_line
from analysis.extraction.pipeline import STAGES, analyse
from analysis.extraction.figures import figure_rows


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement", "ADVERTISEMENT", "Story continues below advertisement", "Read more", "READ MORE:",
        "Share this article", "• Share", "Facebook Twitter Email", "Share on WhatsApp", "Copy link",
        "Click here to sign up for our newsletter.", "Sign up for our newsletter", "Slideshow (2 Images)",
        "(4 photos)", "Photo: Ana Ruiz/Harbour Wire", "Photograph by Ana Ruiz", "REUTERS/Ana Ruiz",
        "Ana Ruiz/Reuters", "AP Photo/Ana Ruiz", "Image copyright Getty Images",
        "Image caption Volunteers clear the beach", "Related: Mayor warns of cuts", "READ MORE - Council votes",
        "4 min read", "7 minute read", "Reading time: 6 minutes", "Est. reading time: 3 min",
    ],
)
def test_furniture_lines(line):
    assert is_furniture_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "The advertisement ran for weeks, the regulator said.",
        "Officials read more than 100 letters.",
        "The mayor said she would share the report.",
        "Share prices fell 3% on Monday.",
        "Sign-ups for the trial rose 20%.",
        "Harlow: the council voted to close the library.",
        "Video-game sales rose 5%.",
        "She read for 20 minutes a day.",  # minutes of reading in copy
        "40 minutes",
        "Clinic Leads In Harbour/Valley Poll",  # a slash between names that credit no picture
        "Click",
        "",
    ],
)
def test_copy_that_uses_furniture_words_is_no_furniture(line):
    assert not is_furniture_line(line)


def test_furniture_inside_a_line_of_copy_is_only_its_bracket_or_counter():
    text = "The mayor spoke (Photo by Ana Ruiz/Getty Images) on Monday.\nThe gallery page (4 photos) shows it."
    spans = [text[s:e] for s, e in furniture_of(text).spans]
    assert spans == ["(Photo by Ana Ruiz/Getty Images)", "(4 photos)"]
    assert furniture_of("Inspectors found (2 cracks) in the hull. The museum bought 12 photos.").spans == ()


#: Furniture lines between copy, each of which the extractors alone would read something from: a figure, a
#: quote and a speaker, a prompt's number, a photographer's name.
PAGE = "\n".join([
    "The council said 40 homes were flooded on Monday.",
    "Advertisement",
    "Slideshow (2 Images)",
    "Click here to sign up for our newsletter and get 3 free issues.",
    "Photo: Ana Ruiz/Harbour Wire",
    "Share this article",
    "Read more: Mayor Tomas Brenner says 12 roads will close",
    "(Photo by Ana Ruiz/Getty Images)",
    '"We are doing all we can," the mayor said.',
])
COPY_LINES = (0, 8)


def _rows_with_spans(rows):
    return {table: [r for r in table_rows if hasattr(r, "start")] for table, table_rows in rows.items()}


def test_a_furniture_line_yields_no_row_in_any_table(parse):
    parsed = parse(PAGE)
    furniture = parsed.furniture
    lines = PAGE.split("\n")
    starts = [sum(len(line) + 1 for line in lines[:k]) for k in range(len(lines))]
    for k, line in enumerate(lines):
        start, end = starts[k], starts[k] + len(line)
        assert furniture.covers(start, end) == (k not in COPY_LINES), line
    # the figure extractor alone reads the counter, the prompt's number and the link's ...
    assert [r.text for r in figure_rows(parsed, [])] == ["40", "2", "3", "12"]
    # ... the tables have none of it, and keep the copy's rows
    rows, errors = analyse(parsed)
    assert errors == []
    for table, table_rows in _rows_with_spans(rows).items():
        if table == "sentences":
            continue  # every sentence stays: sentence ids count them
        inside = [r.text for r in table_rows if any(s <= r.start < e for s, e in furniture.spans)]
        assert inside == [], table
    assert [(r.text, r.object) for r in rows["figures"]] == [("40", "homes")]
    assert [(r.speaker, r.content) for r in rows["attributions"]] == [
        ("The council", "40 homes were flooded on Monday"), ("the mayor", "We are doing all we can")]
    # the mayor a "Read more" link names is not the one who speaks in the copy
    assert rows["attributions"][1].source != "Tomas Brenner"
    assert [r.attribution_id for r in rows["attributions"]] == [0, 1], "ids renumbered in order"
    assert not any("Ana Ruiz" in r.text for r in rows["mentions"]), "a photographer is no mention of the story"
    assert len(rows["sentences"]) >= len(lines), "furniture lines stay sentences of the text"
    assert [r.text for r in rows["claims"]] == ["40 homes were flooded on Monday", "We are doing all we can"]
    assert len(rows["tone"]) == 2, "one tone row per sentence of copy"


@pytest.mark.parametrize(
    "text, figures, quoted",
    [
        ("The advertisement ran for 12 weeks, the regulator said.", [("12 weeks", "")], True),
        ("Officials read more than 100 letters, the mayor said.", [("more than 100", "letters")], True),
        ("Readers can share the report, which lists 30 schools, officials said.", [("30", "schools")], True),
        ("The museum bought 12 photos of the harbour.", [("12", "photos")], False),
        ("Inspectors found (2 cracks) in the hull.", [("2", "cracks")], False),
    ],
)
def test_copy_with_furniture_words_keeps_its_rows(parse, text, figures, quoted):
    rows, errors = analyse(parse(text))
    assert errors == []
    assert [(r.text, r.object) for r in rows["figures"]] == figures
    assert bool(rows["attributions"]) == quoted
    assert rows["tone"] and rows["claims"]


def test_every_stage_is_filtered():
    """Every stage's tables go through the filter: none makes rows outside ``analyse``'s loop."""
    assert {stage.name for stage in STAGES} >= {"attributions", "claims", "people", "figures", "cues", "tone",
                                               "actions", "frames", "mentions"}


@pytest.mark.parametrize(
    "text, dateline",
    [
        pytest.param("WASHINGTON (AP) \u2014 Dr. Ana Ruiz is warning the council.", "WASHINGTON (AP) \u2014", id="city-agency"),
        pytest.param("LONDON, March 3 (Reuters) - The bank said rates would rise.", "LONDON, March 3 (Reuters) -",
                     id="city-day-agency"),
        pytest.param("date 2020-05-12 NEW YORK \u2014 The city reopened.", "date 2020-05-12 NEW YORK \u2014",
                     id="metadata-before"),
        pytest.param("The WHO \u2014 the agency in Geneva \u2014 said so.", None, id="copy-with-an-acronym"),
        pytest.param("Officials in LONDON \u2014 and elsewhere \u2014 agreed.", None, id="capitals-inside-copy"),
        pytest.param("WASHINGTON is quiet this week.", None, id="no-dash"),
        pytest.param("Sept 13 (Reuters) \u2013 Papers show the bank knew.", "Sept 13 (Reuters) \u2013", id="day-agency"),
        pytest.param("New Delhi, March 24, 2020 (AFP) - The country will close.", "New Delhi, March 24, 2020 (AFP) -",
                     id="place-day-agency"),
        pytest.param("OSLO/BERGEN, Nov 4 (Reuters) \u2013 The two ports will merge.", "OSLO/BERGEN, Nov 4 (Reuters) \u2013",
                     id="two-places-day-agency"),
        pytest.param("Oslo/Bergen talks (round two) \u2013 resumed.", None, id="two-names-with-a-slash-in-copy"),
        pytest.param("The minister (pictured) \u2014 who resigned \u2014 spoke.", None, id="lower-case-bracket"),
        pytest.param("In 2019 (the latest year) \u2013 prices rose.", None, id="copy-with-a-year-and-a-bracket"),
        pytest.param("VALENCIA\u2014The port reopened on Monday.", "VALENCIA\u2014", id="city-solid-dash"),
        pytest.param("US\u2014China talks resumed in May.", None, id="two-names-solid-dash"),
        pytest.param("BRASK\u2014the harbour slept.", None, id="solid-dash-before-lower-case"),
    ],
)
def test_datelines_open_a_line_and_copy_is_none(text, dateline):
    from analysis.extraction.linguistics.furniture import dateline_spans

    assert [text[a:b] for a, b in dateline_spans(text)] == ([dateline] if dateline else [])


@pytest.mark.parametrize(
    "text, dateline",
    [
        pytest.param("BRASKOV: The ferry will run again next week.", "BRASKOV:", id="capitals-colon"),
        pytest.param("Marlowe: The county has recorded its first case, officials said.", "Marlowe:",
                     id="title-case-colon"),
        pytest.param("PORT ELDAN: The harbour will close.", "PORT ELDAN:", id="two-word-place-colon"),
        pytest.param("VALMORA -The port reopened on Monday.", "VALMORA -", id="hyphen-set-solid"),
        pytest.param("VALMORA (Wirepost) - The port reopened.", "VALMORA (Wirepost) -", id="agency-hyphen"),
        pytest.param("Note: The council said the vote would wait.", None, id="note-label"),
        pytest.param("Update: The council met again on Friday.", None, id="update-label"),
        pytest.param("US -China talks resumed in May.", None, id="two-names-hyphen"),
        pytest.param("US-China talks resumed in May.", None, id="two-names-joined"),
        pytest.param("LATEST NEWS: Ferry Strike Ends After Talks", None, id="label-headline"),
        pytest.param("Brask: ferry strike ends after talks", None, id="headline-no-sentence"),
        pytest.param("Mayor Tolland: We will reopen the bridge.", None, id="titled-speaker"),
        pytest.param("He said: The bridge will reopen.", None, id="lower-case-words"),
    ],
)
def test_datelines_with_a_colon_or_a_solid_hyphen(text, dateline):
    from analysis.extraction.linguistics.furniture import dateline_spans

    assert [text[a:b] for a, b in dateline_spans(text)] == ([dateline] if dateline else [])


@pytest.mark.parametrize(
    "text, dateline",
    [
        # a paragraph whose last sentence the crawl cut short is still copy
        pytest.param("Marlowe: The county has recorded its first case. The patient had not travele", "Marlowe:",
                     id="copy-cut-short"),
        pytest.param("Fever: U.S. tops 100,000 cases as clinics fill", None, id="headline-with-initials"),
    ],
)
def test_a_colon_dateline_needs_a_line_of_copy(text, dateline):
    from analysis.extraction.linguistics.furniture import dateline_spans

    assert [text[a:b] for a, b in dateline_spans(text)] == ([dateline] if dateline else [])
