"""The ``content`` of an attribution is exactly what the source said: its subject kept, all of its conjuncts, no
words of the narrator's before or after it, no second report glued on, and never past its paragraph.

Every sentence here was written for this file (people, places and organisations are invented). Each case gives
the relations expected as (kind, source, cue, content) and checks that the offsets give back the text; most
rules are tested in both directions (a case where the words belong to the content, one where they do not).
"""

from __future__ import annotations

import pytest

from analysis.extraction.sources import attribution_rows


def relations(parsed) -> list[tuple[str, str, str, str]]:
    rows = attribution_rows(parsed)
    for a in rows:
        assert parsed.text[a.content_start : a.content_end] == a.content
        assert parsed.text[a.cue_start : a.cue_end] == a.cue
    return [(a.kind, a.source, a.cue, a.content) for a in rows]


# --- 1. the content keeps its subject ----------------------------------------------------------------------------

SUBJECT_CASES = [
    pytest.param(
        "That would take several more weeks of testing, he said.",
        [("indirect", "he", "said", "That would take several more weeks of testing")],
        id="demonstrative-subject-that",
    ),
    pytest.param(
        "That's up by nearly 300 from the week before, the minister said.",
        [("indirect", "the minister", "said", "That's up by nearly 300 from the week before")],
        id="demonstrative-subject-thats",
    ),
    pytest.param(
        "She said that that was the end of the matter.",
        [("indirect", "She", "said", "that was the end of the matter")],
        id="complementiser-dropped-demonstrative-kept",
    ),
    pytest.param(
        "The railway operator said that 40 trains were cancelled on Monday.",
        [("indirect", "The railway operator", "said", "40 trains were cancelled on Monday")],
        id="complementiser-dropped",
    ),
    # the small model hangs the clause's subject on the cue as its object or a bare noun of time
    pytest.param(
        "The mayor has promised the city will buy new buses for the suburbs.",
        [("indirect", "The mayor", "promised", "the city will buy new buses for the suburbs")],
        id="subject-read-as-object",
    ),
    pytest.param(
        "Researchers have warned the country won't see a peak for weeks.",
        [("indirect", "Researchers", "warned", "the country won't see a peak for weeks")],
        id="subject-read-as-object-of-warned",
    ),
    pytest.param(
        'Morales stressed this month will be "a real test for the whole region."',
        [("mixed", "Morales", "stressed", 'this month will be "a real test for the whole region."')],
        id="subject-read-as-noun-of-time",
    ),
    pytest.param(
        "Ruiz warned the totals likely will climb within two days.",
        [("indirect", "Ruiz", "warned", "the totals likely will climb within two days")],
        id="subject-and-adverb-read-as-the-cue's",
    ),
    # ... but an object is no subject where the clause has its own, or where the clause is an infinitive
    pytest.param(
        "He told reporters the plan will fail.",
        [("indirect", "He", "told", "the plan will fail")],
        id="addressee-stays-out",
    ),
    pytest.param(
        "The council urged residents to leave their homes.",
        [("indirect", "The council", "urged", "to leave their homes")],
        id="addressee-of-a-request-stays-out",
    ),
]


@pytest.mark.parametrize("text, expected", SUBJECT_CASES)
def test_the_content_keeps_its_subject(parse, text, expected):
    assert relations(parse(text)) == expected


# --- 2. the content holds all of its conjuncts, and only its own ---------------------------------------------

COORDINATION_CASES = [
    pytest.param(
        'He said the region cannot be certain it is past the worst but added: "We think it has levelled off."',
        [
            ("indirect", "He", "said", "the region cannot be certain it is past the worst"),
            ("direct", "He", "added", "We think it has levelled off"),
        ],
        id="no-dangling-conjunction-before-a-second-report",
    ),
    pytest.param(
        "She said hospitals are full and staff are exhausted.",
        [("indirect", "She", "said", "hospitals are full and staff are exhausted")],
        id="two-complements-the-parse-splits-are-one",
    ),
    pytest.param(
        "The minister said schools would reopen in September, but masks would be required in corridors.",
        [("indirect", "The minister", "said",
          "schools would reopen in September, but masks would be required in corridors")],
        id="conjunct-in-the-reported-tense",
    ),
    pytest.param(
        "The ministry called on Monday for the release of three aid workers who were detained last week in the "
        "capital and whose families have not been told where they are.",
        [("indirect", "The ministry", "called", "the release of three aid workers who were detained last week in "
          "the capital and whose families have not been told where they are")],
        id="conjunct-of-a-word-of-the-content",
    ),
    pytest.param(
        "He said that the plant would close and that 300 workers would lose their jobs.",
        [("indirect", "He", "said", "the plant would close and that 300 workers would lose their jobs")],
        id="two-that-clauses",
    ),
    pytest.param(
        "In the smaller towns there was a steady rise in rents, too, but vacancies fell to below one percent, the "
        "survey stated.",
        [("indirect", "the survey", "stated",
          "In the smaller towns there was a steady rise in rents, too, but vacancies fell to below one percent")],
        id="fronted-coordination-the-cue-is-conjoined-to",
    ),
    # a clause of time or cause after the reported clause is part of it, a report inside it included
    pytest.param(
        "Larch Foods said in a statement on Monday that it would recall about 50,000 jars of baby food after tests "
        "found glass in some of them.",
        [("indirect", "Larch Foods", "said",
          "it would recall about 50,000 jars of baby food after tests found glass in some of them"),
         # what the tests found is the glass where they found it (the small model hangs "in some of them" on "found")
         ("indirect", "tests", "found", "glass in some of them")],
        id="circumstance-with-a-report-inside-the-content",
    ),
    # the narrator's clause after a report, another report, or the narrator's circumstance stay out
    pytest.param(
        "Police said the suspect fled on foot, and the road was closed for two hours.",
        [("indirect", "Police", "said", "the suspect fled on foot")],
        id="narrator-clause-in-the-story-tense-stays-out",
    ),
    pytest.param(
        "The agency said the new rules would start in June, and it published them on Friday.",
        [("indirect", "The agency", "said", "the new rules would start in June")],
        id="speaker's-next-act-stays-out",
    ),
    pytest.param(
        "The council said the bridge would reopen in May, and the mayor said the repairs would cost $2 million.",
        [("indirect", "The council", "said", "the bridge would reopen in May"),
         ("indirect", "the mayor", "said", "the repairs would cost $2 million")],
        id="second-report-stays-out",
    ),
]


@pytest.mark.parametrize("text, expected", COORDINATION_CASES)
def test_the_content_holds_its_conjuncts(parse, text, expected):
    assert relations(parse(text)) == expected


@pytest.mark.parametrize(
    "text, addressee",
    [
        pytest.param("Researchers have warned the country won't see a peak for weeks.", "", id="subject-is-no-addressee"),
        pytest.param("Officials warned residents to stay indoors.", "residents", id="addressee-of-a-warning"),
        pytest.param("He told the council the plan will fail.", "the council", id="addressee-of-told"),
    ],
)
def test_a_subject_read_as_the_cue_s_object_is_no_addressee(parse, text, addressee):
    assert [a.addressee for a in attribution_rows(parse(text))] == [addressee]


ACCORDING_TO_CASES = [
    pytest.param(
        "Lake County has recorded 80 cases and Pine County has recorded 20 cases, according to the state health department.",
        [("according_to", "the state health department", "according to",
          "Lake County has recorded 80 cases and Pine County has recorded 20 cases")],
        id="after-coordinated-clauses-sources-both",
    ),
    pytest.param(
        "Statewide, there were 90 deaths overnight, putting the county's toll at 1,200, according to the governor's office.",
        [("according_to", "the governor's office", "according to",
          "Statewide, there were 90 deaths overnight, putting the county's toll at 1,200")],
        id="after-a-participle-sources-its-clause",
    ),
    # printed between two clauses, it sources the one before it only
    pytest.param(
        "Prices rose in March, according to the agency, and they are expected to rise again in April.",
        [("according_to", "the agency", "according to", "Prices rose in March")],
        id="between-clauses-sources-the-first",
    ),
]


@pytest.mark.parametrize("text, expected", ACCORDING_TO_CASES)
def test_according_to_sources_its_whole_clause(parse, text, expected):
    assert relations(parse(text)) == expected


# --- 3. the content holds no words of the narrator's, and not its own cue -------------------------------------

NARRATOR_CASES = [
    # a clause whole before an interrupting cue: what follows the cue is the narrator's addition
    pytest.param(
        "The overall number of fatalities was now 7,778, the ministry said, while the number of diagnosed cases "
        "rose to 32,037.",
        [("indirect", "the ministry", "said", "The overall number of fatalities was now 7,778")],
        id="clause-whole-before-the-cue",
    ),
    # a dateline or wire credit the content begins with is the narrator's
    pytest.param(
        "MADRID \u2014 The daily toll rose on Tuesday to 83 from 59, the health ministry said.",
        [("indirect", "the health ministry", "said", "The daily toll rose on Tuesday to 83 from 59")],
        id="dateline",
    ),
    pytest.param(
        "Sept 13 (Reuters) \u2013 The daily toll rose on Tuesday to 83 from 59, the health ministry said.",
        [("indirect", "the health ministry", "said", "The daily toll rose on Tuesday to 83 from 59")],
        id="wire-credit",
    ),
    pytest.param(
        "VALMORA -The daily toll rose on Tuesday to 83 from 59, the health ministry said.",
        [("indirect", "the health ministry", "said", "The daily toll rose on Tuesday to 83 from 59")],
        id="dateline-hyphen-set-solid",
    ),
    pytest.param(
        "Marlowe: The county has recorded its first case, officials said.",
        [("indirect", "officials", "said", "The county has recorded its first case")],
        id="dateline-with-a-colon",
    ),
    pytest.param(
        "Update: Officials said the county has recorded its first case.",
        [("indirect", "Officials", "said", "the county has recorded its first case")],
        id="label-with-a-colon-is-no-dateline",
    ),
    # a content of a direct quotation is the quoted words: a lead-in of the narrator's set off by a comma stays out
    pytest.param(
        'In a statement Monday, "We are ready to strike," the union said.',
        [("direct", "the union", "said", "We are ready to strike")],
        id="lead-in-before-a-fronted-quotation",
    ),
    pytest.param(
        'Asked about the delay, "The parts did not arrive on time," he said.',
        [("direct", "he", "said", "The parts did not arrive on time")],
        id="question-lead-in-before-a-fronted-quotation",
    ),
    pytest.param(
        'Asked about the delay, he said: "The parts did not arrive on time."',
        [("direct", "he", "said", "The parts did not arrive on time")],
        id="question-lead-in-before-the-cue",
    ),
    pytest.param(
        'While the clinic had other problems, Dana Roe said, "I never expected it to be like this."',
        [("direct", "Dana Roe", "said", "I never expected it to be like this")],
        id="subordinate-lead-in-before-an-interrupting-cue",
    ),
    pytest.param(
        "While the clinic had other problems, Dana Roe said, the staff stayed calm.",
        [("indirect", "Dana Roe", "said", "the staff stayed calm")],
        id="subordinate-lead-in-before-an-interrupting-cue-indirect",
    ),
    # ... but the words of a reported clause a partial quotation ends stay with it
    pytest.param(
        'The plan is "a disaster," she said.',
        [("mixed", "she", "said", 'The plan is "a disaster,"')],
        id="clause-ending-in-a-partial-quotation",
    ),
    # a clause the cue interrupts is one content, cue and all (the table has one span per content)
    pytest.param(
        "It was, he added, a week of hard talks.",
        [("indirect", "he", "added", "It was, he added, a week of hard talks")],
        id="cue-interrupts-before-the-complement",
    ),
    pytest.param(
        "The plan, she said, would cost $2 million.",
        [("indirect", "she", "said", "The plan, she said, would cost $2 million")],
        id="cue-interrupts-before-the-verb",
    ),
    pytest.param(
        "The bridge will close in May, the council said, and reopen in September.",
        [("indirect", "the council", "said", "The bridge will close in May, the council said, and reopen in September")],
        id="cue-interrupts-before-a-conjoined-predicate",
    ),
]


@pytest.mark.parametrize("text, expected", NARRATOR_CASES)
def test_the_content_holds_no_narration(parse, text, expected):
    assert relations(parse(text)) == expected


# --- 5. a second report in the sentence is its own relation, not part of the first ------------------------------

SECOND_REPORT_CASES = [
    pytest.param(
        '"The river is still rising," the mayor said, adding that more rain was expected.',
        [("direct", "the mayor", "said", "The river is still rising"),
         ("indirect", "the mayor", "adding", "more rain was expected")],
        id="adding-that",
    ),
    # the small model conjoins the speaker's next report to the reported clause's verb: a verb that cannot
    # agree with that clause's subject is the speaker's
    pytest.param(
        "The firm has reported nearly 2 million units were sold by the end of March and expects to sell 9 million "
        "by next year.",
        [("indirect", "The firm", "reported", "nearly 2 million units were sold by the end of March"),
         ("indirect", "The firm", "expects", "to sell 9 million by next year")],
        id="conjoined-report-of-the-speaker",
    ),
    pytest.param(
        "The governor has said the first cases could have arrived weeks earlier and acknowledges the virus is "
        "spreading in the state.",
        [("indirect", "The governor", "said", "the first cases could have arrived weeks earlier"),
         ("indirect", "The governor", "acknowledges", "the virus is spreading in the state")],
        id="conjoined-admission-of-the-speaker",
    ),
    pytest.param(
        "The director said tests were underway but did not say whether the clinic had received enough kits.",
        [("indirect", "The director", "said", "tests were underway")],
        id="conjoined-refusal-of-the-speaker-is-no-content",
    ),
    # ... while a verb that agrees with the reported clause's subject goes on with the content
    pytest.param(
        "She said the company wants a new plant and expects to hire 300 people.",
        # (what the company wants is a stance of its own inside her report, as "he said he expects ..." is)
        [("indirect", "She", "said", "the company wants a new plant and expects to hire 300 people"),
         ("indirect", "the company", "wants", "a new plant")],
        id="conjoined-stance-of-the-clause's-subject",
    ),
    pytest.param(
        'The minister quit on Monday, saying the plan gave too much away and "threatens the future of the union".',
        [("mixed", "The minister", "saying",
          'the plan gave too much away and "threatens the future of the union"')],
        id="conjoined-verb-of-a-thing",
    ),
    # "while" with a speaker of its own sets a second view against the first
    pytest.param(
        "Ana Ruiz said hospitals were under relentless pressure, while Dr Tom Hale warned that the fall may not last.",
        [("indirect", "Ana Ruiz", "said", "hospitals were under relentless pressure"),
         ("indirect", "Tom Hale", "warned", "the fall may not last")],
        id="while-another-speaker-warned",
    ),
    # ... while "while" with no report is the time of the first one's content
    pytest.param(
        "The mayor said the road was closed while engineers inspected the bridge.",
        [("indirect", "The mayor", "said", "the road was closed while engineers inspected the bridge")],
        id="while-of-time-stays-in-the-content",
    ),
]


@pytest.mark.parametrize("text, expected", SECOND_REPORT_CASES)
def test_a_second_report_is_its_own_relation(parse, text, expected):
    assert relations(parse(text)) == expected


# --- 4. a quotation running over a paragraph break ends with its paragraph ------------------------------------

PARAGRAPH_CASES = [
    # the next paragraph reopens the quotation (news convention): the first one's quotation ends with it
    pytest.param(
        'The mayor said, "We will not give up on this town.\n"We have opened three shelters for families," she added.',
        [("direct", "The mayor", "said", "We will not give up on this town"),
         ("direct", "The mayor", "added", "We have opened three shelters for families")],
        id="reopened-after-a-comma",
    ),
    pytest.param(
        'The mayor said the town "will not give up on the people who live here.\n"We have opened three shelters," '
        "she added.",
        [("mixed", "The mayor", "said", 'the town "will not give up on the people who live here'),
         ("direct", "The mayor", "added", "We have opened three shelters")],
        id="partial-quotation-reopened",
    ),
    pytest.param(
        '"We will not give up," the mayor said. "We have opened three shelters and we will open more.\n'
        '"Nobody will sleep outside tonight."',
        [("direct", "the mayor", "said", "We will not give up"),
         ("direct", "the mayor", "", "We have opened three shelters and we will open more"),
         ("direct", "the mayor", "", "Nobody will sleep outside tonight")],
        id="second-quotation-reopened",
    ),
    # never into the narrator's next paragraph
    pytest.param(
        'The mayor said: "We will not give up on this town.\nThe town hall was closed on Friday, and the council met '
        "on Saturday.",
        [("direct", "The mayor", "said", "We will not give up on this town")],
        id="narrator-paragraph-after-an-unclosed-quotation",
    ),


    # a content never runs over a paragraph break: not into a caption before it, nor a list item after it
    pytest.param(
        "Nurses outside the city hospital (Picture: Staff)\n\nAnother 300 people have died in hospitals, the ministry "
        "confirmed.",
        [("indirect", "the ministry", "confirmed", "Another 300 people have died in hospitals")],
        id="caption-before-the-content",
    ),
    pytest.param(
        "  \u2022 The regional rate has risen to 1.09\n\n  \u2022 The health minister has urged residents  to be careful "
        "when travelling abroad\n\n  \u2022 President Ana Lind says the country has scored its \"first victory\" "
        "against the virus",
        [("indirect", "The health minister", "urged", "to be careful when travelling abroad"),
         ("mixed", "Ana Lind", "says", 'the country has scored its "first victory" against the virus')],
        id="no-content-in-another-list-item",
    ),
    # ... but lines a printer wrapped are one paragraph, and a quotation may stand before its cue's paragraph
    pytest.param(
        "The council said the new rules would apply to every\nshop in the old town from Monday.",
        [("indirect", "The council", "said", "the new rules would apply to every\nshop in the old town from Monday")],
        id="wrapped-lines",
    ),
    pytest.param(
        '"We will not come back to this town."\nhe said on Monday.',
        [("direct", "he", "said", "We will not come back to this town")],
        id="quotation-before-its-cue's-paragraph",
    ),
]


@pytest.mark.parametrize("text, expected", PARAGRAPH_CASES)
def test_a_quotation_ends_with_its_paragraph(parse, text, expected):
    assert relations(parse(text)) == expected


@pytest.mark.parametrize(
    "view, content, expected",
    [
        # the parse stopped inside quoted words the content opened: they are all the speaker's
        ('He said it was "bad for us, and for them" today.', (8, 24), (8, 41)),
        # a content ending right at the closing mark keeps it
        ('He said it was "bad for us" today.', (8, 26), (8, 27)),
        # a quotation run on into the next paragraph has no closing mark
        ('He said it was "bad for us, and\n"More."', (8, 24), (8, 31)),
        # no quotation opened inside the content: unchanged
        ('He said it was bad for "us" today.', (8, 18), (8, 18)),
    ],
)
def test_a_mixed_content_ends_with_the_quotation_it_opened(view, content, expected):
    from analysis.extraction.sources.attributions import mixed_end
    from analysis.extraction.sources.quotes import Quotations, quote_spans

    assert mixed_end(content, Quotations(quote_spans(view), view), view) == expected


MIXED_CASES = [
    # the narrator's comment on a quotation, after its closing mark, is no part of the content
    pytest.param(
        'A prosecuting lawyer submitted that "on the papers before the court, there is a case to answer", which was '
        "conceded by the defence.",
        [("mixed", "A prosecuting lawyer", "submitted", '"on the papers before the court, there is a case to answer"')],
        id="narrator's-relative-clause-after-the-quotation",
    ),
    pytest.param(
        'She said the plan, which was "dead on arrival", would be dropped.',
        [("mixed", "She", "said", 'the plan, which was "dead on arrival", would be dropped')],
        id="relative-clause-around-the-quotation-stays",
    ),
    # the speaker's next act in a participle after the reported clause is no part of it
    pytest.param(
        'President Ana Lind conceded defeat late on Sunday, saying voters had chosen "a new road" and wishing her '
        "rival well.",
        [("mixed", "Ana Lind", "saying", 'voters had chosen "a new road"')],
        id="participle-of-the-speaker's-next-act",
    ),
    pytest.param(
        "The mayor said residents were leaving the town and moving to the coast.",
        [("indirect", "The mayor", "said", "residents were leaving the town and moving to the coast")],
        id="participle-sharing-the-clause's-auxiliary-stays",
    ),
]


@pytest.mark.parametrize("text, expected", MIXED_CASES)
def test_a_partial_quotation_and_what_follows_it(parse, text, expected):
    assert relations(parse(text)) == expected


@pytest.mark.parametrize(
    "text, paragraphs",
    [
        # a printer's wrap: no sentence end, the next line in lower case
        ("The council said the rules would apply to every\nshop in the town.", [0, 0]),
        # a finished sentence, a blank line, a caption or a list item each end a paragraph
        ("The rules apply from Monday.\nShops must close early.", [0, 1]),
        ("The rules apply from Monday\n\nshops must close early.", [0, 1, 2]),
        ("Nurses outside the hospital (Picture: Staff)\nanother 300 people have died.", [0, 1]),
    ],
)
def test_paragraphs_are_lines_unless_a_printer_wrapped_them(text, paragraphs):
    from analysis.extraction.sources.lines import Lines

    lines = Lines(text)
    assert [lines.paragraph_of(line) for line in range(len(lines.breaks) + 1)] == paragraphs
