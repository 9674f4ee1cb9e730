"""Sourcing: the attribution rules, one construction per case, and the scores against the gold files."""

from __future__ import annotations

import dataclasses

import pytest

from analysis.catalogue.actors import default_catalogue
from analysis.reading import PARSE_VIEW_CHARS, Document
from analysis.evaluation import NO_SCORES, Scores, canonical_source, match_spans, score_attributions
from analysis.extraction.parsed import ParsedDocument, SentenceIndex
from analysis.extraction.pipeline import parse_documents
from analysis.extraction.sources import attribution_rows, claim_rows, lexicon, quote_spans
from analysis.extraction.sources.lines import Lines
from conftest import read_gold

# Minimum scores on the wire-style gold set (tests/gold/attributions_wire.yaml). The rules were developed
# with that file in view, so these floors guard against regressions; they do not predict scores on unseen
# copy (see the closing note of issue 3 for the figures).
#: Wire (source, kind) and content F1 floors: measured 0.98 / 0.99 minus the dev-to-held-out drop.
WIRE_PAIRS_MIN_F1, WIRE_CONTENT_MIN_F1 = 0.93, 0.97


def relations(parsed) -> list[tuple[str, str, str, str]]:
    return [(a.kind, a.source, a.cue, a.content) for a in attribution_rows(parsed)]


# --- rules, one construction per case -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            '"The bridge will reopen in May," transport official Maria Lindqvist said.',
            [("direct", "Maria Lindqvist", "said", "The bridge will reopen in May")],
            id="direct-after-quote",
        ),
        pytest.param(
            'Finance Minister Jonas Berg said: "We have no plans to raise taxes this year."',
            [("direct", "Jonas Berg", "said", "We have no plans to raise taxes this year")],
            id="direct-speaker-first",
        ),
        pytest.param(
            '"Prices will keep falling until the summer," said Hana Novak, an economist at Ostrava Bank.',
            [("direct", "Hana Novak", "said", "Prices will keep falling until the summer")],
            id="said-x-inversion",
        ),
        pytest.param(
            '"The ferry was full," Captain Ola Dahl said, "and the sea was rough all night."',
            [
                ("direct", "Ola Dahl", "said", "The ferry was full"),
                ("direct", "Ola Dahl", "said", "and the sea was rough all night"),
            ],
            id="split-quote",
        ),
        pytest.param(
            "The railway operator said that 40 trains were cancelled on Monday.",
            [("indirect", "The railway operator", "said", "40 trains were cancelled on Monday")],
            id="indirect-x-said-that",
        ),
        pytest.param(
            "About 300 homes lost power after the storm, according to the utility.",
            [("according_to", "the utility", "according to", "About 300 homes lost power after the storm")],
            id="according-to-after",
        ),
        pytest.param(
            "According to court records, the firm owed $2 million in unpaid rent.",
            [("according_to", "court records", "According to", "the firm owed $2 million in unpaid rent")],
            id="according-to-before",
        ),
        pytest.param(
            "The factory said in a statement that production would resume on Friday.",
            [("indirect", "The factory", "said", "production would resume on Friday")],
            id="in-a-statement",
        ),
        pytest.param(
            "A senior police officer, speaking on condition of anonymity, said the suspect had fled abroad.",
            [("indirect", "A senior police officer", "said", "the suspect had fled abroad")],
            id="anonymous-source",
        ),
        pytest.param(
            "Union leader Petra Olsen insisted that the strike was \"the only option left.\"",
            [("mixed", "Petra Olsen", "insisted", 'the strike was "the only option left."')],
            id="mixed-partial-quote",
        ),
        pytest.param(
            "Analysts have claimed the merger will cost 2,000 jobs.",
            [("indirect", "Analysts", "claimed", "the merger will cost 2,000 jobs")],
            id="collective-distancing",
        ),
        pytest.param(
            "The museum's \"temporary\" closure has now lasted four years.",
            [],
            id="scare-quotes-no-attribution",
        ),
        pytest.param(
            "The novel \"A House by the Lake\" won the prize on Sunday.",
            [],
            id="title-no-attribution",
        ),
        pytest.param(
            "The company is said to be considering a sale of its shipping arm.",
            [],
            id="hedge-is-not-an-attribution",
        ),
        pytest.param(
            "Officials declined to comment on the report.",
            [("indirect", "Officials", "declined to comment", "on the report")],
            id="declined-to-comment",
        ),
        pytest.param(
            "Smith, who has denied the charges, is expected in court next month.",
            [("indirect", "Smith", "denied", "the charges")],
            id="relative-pronoun-speaker",
        ),
        pytest.param(
            "An aide to the mayor, who spoke on condition of anonymity, said the budget was final.",
            [("indirect", "An aide to the mayor", "said", "the budget was final")],
            id="anonymous-source-with-relative-clause",
        ),
    ],
)
def test_construction(parse, text, expected):
    assert relations(parse(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            "That’s the date Harbor Care said the first patient was moved out of the home.",
            [("indirect", "Harbor Care", "said", "the first patient was moved out of the home")],
            id="main-clause-running-into-the-speaker-is-no-content",
        ),
        pytest.param(
            "The bridge will close in May, the council said.",
            [("indirect", "the council", "said", "The bridge will close in May")],
            id="fronted-content-with-a-comma-stays",
        ),
    ],
)
def test_a_clause_before_the_speaker_is_content_only_across_a_break(parse, text, expected):
    assert relations(parse(text)) == expected


def test_told_outlet_is_via_and_person_is_addressee(parse):
    rows = attribution_rows(
        parse(
            "Mayor Ines Kaur told the Harbour Times that the port would be dredged. "
            "Kaur also told residents that the beach would stay open."
        )
    )
    assert [(r.via, r.addressee) for r in rows] == [("the Harbour Times", ""), ("", "residents")]


def test_pronoun_speaker_resolves_to_nearest_person(parse):
    rows = attribution_rows(
        parse('Coach Lena Weiss watched the match from the stands. "We were unlucky," she said.')
    )
    assert [(r.speaker, r.source, r.speaker_resolution) for r in rows] == [("she", "Lena Weiss", "pronoun")]


def test_short_name_resolves_to_full_mention(parse):
    rows = attribution_rows(
        parse('Judge Tomas Varga opened the hearing. "The court will not be rushed," Varga said.')
    )
    assert [(r.source, r.speaker_resolution) for r in rows] == [("Tomas Varga", "short_name")]


def test_misspelt_surname_merges_and_is_reported(parse):
    rows = attribution_rows(
        parse(
            "Spokesman Pavel Horvath said the talks had ended. "
            "Horvat said a new round was not planned."
        )
    )
    assert [(r.speaker, r.source, r.name_variant, r.speaker_resolution) for r in rows] == [
        ("Pavel Horvath", "Pavel Horvath", "", "name"),
        ("Horvat", "Pavel Horvath", "Horvat", "variant"),
    ]


def test_floating_quote_inherits_previous_speaker(parse):
    rows = attribution_rows(
        parse('"We lost everything," said farmer Ruth Mensah. "The water came in the night."')
    )
    assert [(r.source, r.content, r.speaker_resolution) for r in rows] == [
        ("Ruth Mensah", "We lost everything", "name"),
        ("Ruth Mensah", "The water came in the night", "inherited"),
    ]


def test_quote_with_no_speaker_keeps_an_empty_source(parse):
    rows = attribution_rows(parse('"Nobody warned us about the flood."\nThe river rose two metres overnight.'))
    assert [(r.kind, r.source, r.cue, r.content) for r in rows] == [
        ("direct", "", "", "Nobody warned us about the flood")
    ]


def test_side_comes_from_the_role(parse):
    (row,) = attribution_rows(parse("A Russian military spokesman said the convoy had been hit."))
    assert (row.source_type, row.side) == ("anonymous", "Russia")


# --- single quotation marks (British style) ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            "Dr Ruth Adeyemi, a consultant at Kingsmere Hospital, said: \u2018Waiting lists have never been this long.\u2019",
            [("direct", "Ruth Adeyemi", "said", "Waiting lists have never been this long")],
            id="curly-direct-speaker-first",
        ),
        pytest.param(
            "\u2018We will not back down,\u2019 said Councillor Dev Bhatt.",
            [("direct", "Dev Bhatt", "said", "We will not back down")],
            id="curly-direct-said-x",
        ),
        pytest.param(
            "The council leader called the bypass scheme \u2018a shambles from start to finish\u2019.",
            [("mixed", "The council leader", "called", "the bypass scheme \u2018a shambles from start to finish\u2019")],
            id="curly-partial-quote-is-mixed",
        ),
        pytest.param(
            "Health officials said the new ward would be \u2018fully staffed by the spring\u2019.",
            [("mixed", "Health officials", "said", "the new ward would be \u2018fully staffed by the spring\u2019")],
            id="curly-partial-quote-in-reported-speech",
        ),
        pytest.param(
            "'The figures speak for themselves,' said Councillor Dev Bhatt.",
            [("direct", "Dev Bhatt", "said", "The figures speak for themselves")],
            id="straight-single-direct",
        ),
        pytest.param(
            "\u2018The soldiers\u2019 families deserve the truth,\u2019 said Colonel Idris Mabeko.",
            [("direct", "Idris Mabeko", "said", "The soldiers\u2019 families deserve the truth")],
            id="plural-possessive-inside-quote",
        ),
        pytest.param(
            "\u201cThe minister told us \u2018there is no more money\u2019, and we believed him,\u201d a teacher said.",
            # the minister's words reported inside the teacher's quotation are a row of their own
            [
                ("direct", "a teacher", "said", "The minister told us \u2018there is no more money\u2019, and we believed him"),
                ("direct", "The minister", "told", "there is no more money"),
            ],
            id="single-inside-double",
        ),
        pytest.param(
            "The farmers\u2019 union said the drought was the worst since 1976.",
            [("indirect", "The farmers\u2019 union", "said", "the drought was the worst since 1976")],
            id="possessive-apostrophe-is-not-a-quote",
        ),
        pytest.param(
            "Residents said they\u2019d been ignored by the council for years.",
            [("indirect", "Residents", "said", "they\u2019d been ignored by the council for years")],
            id="contraction-is-not-a-quote",
        ),
        pytest.param(
            "Lists fell in October.\nCalder said: \u2018We have been ramping up appointments.\n"
            "\u2018As a result, lists have begun to fall.\u2019",
            [("direct", "Calder", "said", "We have been ramping up appointments"),
             ("direct", "Calder", "", "As a result, lists have begun to fall")],
            id="single-quote-after-a-colon-runs-on-over-the-break",
        ),
    ],
)
def test_single_quotation_marks(parse, text, expected):
    assert relations(parse(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # two backticks open a quotation in some archives' typesetting: no part of the quoted words
        pytest.param("``The roof will hold,'' said the engineer.", [("direct", "the engineer", "said", "The roof will hold")],
                     id="backtick-quotation-is-direct"),
        # a partial quotation keeps both its marks, as a mixed content does
        pytest.param("The engineer said the roof would ``hold for now.''",
                     [("mixed", "The engineer", "said", "the roof would ``hold for now.''")],
                     id="backtick-partial-quotation-keeps-its-marks"),
    ],
)
def test_two_backticks_open_a_quotation(parse, text, expected):
    assert relations(parse(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He called it \u2018a disgrace\u2019.", ["\u2018a disgrace\u2019"]),
        ("The soldiers\u2019 families met the minister.", []),
        ("\u2018The nurses\u2019 pay offer is an insult,\u2019 she said.", ["\u2018The nurses\u2019 pay offer is an insult,\u2019"]),
        ("She praised the nurses\u2019 \u2018quiet heroism\u2019 in a hard year.", ["\u2018quiet heroism\u2019"]),
        ("It's the players' 'last chance', he said.", ["'last chance'"]),
        ("Rock 'n' roll is back, and don't the fans know it.", []),
        ("\u201cHe said \u2018no\u2019,\u201d she said.", ["\u201cHe said \u2018no\u2019,\u201d"]),
        ("\u2018He told me \u201cit will be fine\u201d,\u2019 she said.", ["\u2018He told me \u201cit will be fine\u201d,\u2019"]),
        ("O\u2019Brien\u2019s shop and the \u201990s decor.", []),
        ("\u2018A quote that runs on\nto the next paragraph.", ["\u2018A quote that runs on"]),
        # as double marks do, after a colon or reopened by the next paragraph (British copy's single quotes)
        ("Calder said: \u2018We stay.\nThe end.", ["\u2018We stay."]),
        ("She said, \u2018We stay.\n\u2018We go.\u2019", ["\u2018We stay.", "\u2018We go.\u2019"]),
        # opened mid-paragraph after no colon and never reopened: dropped
        ("She said, \u2018We stay.\nThe end.", []),
    ],
)
def test_single_quote_spans(text, expected):
    view = text.translate(PARSE_VIEW_CHARS)
    assert [text[s:e] for s, e in quote_spans(view, text)] == expected


def test_single_quotes_need_the_original_text():
    # the parse view writes an opening curly mark and an apostrophe alike, so without the original text only
    # double quotation marks are paired
    text = "He called it 'a disgrace' and \"a farce\"."
    assert [text[s:e] for s, e in quote_spans(text)] == ['"a farce"']


# --- speakers: titles, organisations, descriptions, pronouns ----------------------------------------------


@pytest.mark.parametrize(
    "text, source, role",
    [
        ("Landlord Mark Felling said the pub would close in March.", "Mark Felling", "Landlord"),
        ("Mrs Justice Harcourt said the defendant had shown no remorse.", "Harcourt", "Mrs Justice"),
        ("Councillor Dev Bhatt said the parking scheme was unfair.", "Dev Bhatt", "Councillor"),
        ("Headteacher Anna Price said pupils would return on Monday.", "Anna Price", "Headteacher"),
        ("Colonel Mabeko said the rebels had withdrawn from the bridge.", "Mabeko", "Colonel"),
        ("An army spokesman, Colonel Idris Mabeko, said the rebels had withdrawn.", "Idris Mabeko", "army spokesman"),
        # the small model labels these names an organisation and leaves the title out of the entity
        ("Mayor Lidia Balint told reporters that the pumps had failed.", "Lidia Balint", "Mayor"),
        ('"We will rebuild," Mayor Lidia Harsan said at a meeting.', "Lidia Harsan", "Mayor"),
        # labelled an organisation too, but described as a person
        ("Jana Brisk, a nurse, said the ward was full.", "Jana Brisk", "nurse"),
        # a long title before an honorific and a name, which the parse makes the head with the name in apposition
        ("State Health Director Dr. Hanna Velde said the numbers were rising fast.", "Hanna Velde",
         "State Health Director"),
        ("Regional Fire Chief Tomas Brill said the roads would stay shut.", "Tomas Brill", "Regional Fire Chief"),
        # British copy's lower-case titles, and a title with what it is of, before the name: the name is the
        # speaker (the title was given as the source and the name as its role)
        ("Health secretary Ruth Calder said the list was falling.", "Ruth Calder", "Health secretary"),
        ("Marlow Trust assistant director of policy Tim Garrow noted that the figures had improved.", "Tim Garrow",
         "Marlow Trust assistant director of policy"),
    ],
)
def test_titles_before_a_name_are_the_role(parse, text, source, role):
    (row,) = attribution_rows(parse(text))
    assert (row.source, row.source_type, row.role) == (source, "person", role)


@pytest.mark.parametrize(
    "text, source, source_type",
    [
        # a title with no name after it is the description it is, never a person named "Director"
        ("The state health director said the numbers were rising fast.", "The state health director", "unresolved"),
        ("Health Director Velde said the numbers were rising fast.", "Velde", "person"),
    ],
)
def test_a_title_alone_is_no_person_s_name(parse, text, source, source_type):
    (row,) = attribution_rows(parse(text))
    assert (row.source, row.source_type) == (source, source_type)


@pytest.mark.parametrize(
    "text, content",
    [
        # a quotation the text ends inside runs to the end of its paragraph
        pytest.param('Tom Hale replied, "We are not giving up on the title yet. It was a bad day.',
                     "We are not giving up on the title yet. It was a bad day", id="unclosed-at-the-end"),
        # one left open before a paragraph of the narrator's is dropped: the clause is read as before
        pytest.param('Tom Hale replied, "We are not giving up on the title yet. It was a bad day.\n\n'
                     "The club later said it would appeal.", "We are not giving up on the title yet",
                     id="unclosed-before-the-narrator"),
    ],
)
def test_a_quotation_the_text_ends_inside(parse, text, content):
    assert attribution_rows(parse(text))[0].content == content


@pytest.mark.parametrize(
    "text, source",
    [
        # a bare title after a name and a comma, read by the parse as a second subject, is the name's
        ('Tom Garrow, chief executive said: "We have focused on value."', "Tom Garrow"),
        # with two subjects otherwise, the nearer still speaks
        ("Sentencing, Mrs Justice Harcourt said the defendant had shown no remorse.", "Harcourt"),
    ],
)
def test_a_title_after_a_name_and_a_comma_is_the_name_s(parse, text, source):
    (row,) = attribution_rows(parse(text))
    assert (row.source, row.source_type) == (source, "person")


def test_a_name_after_a_title_and_a_comma_elsewhere_is_not_the_title_s(parse):
    """The name must follow the title or what the title is of: "the lawyer for Tom Hale" is nobody named."""
    (row,) = attribution_rows(parse("The lawyer for Tom Hale said the appeal would be heard in May."))
    assert row.source == "The lawyer for Tom Hale" and row.source_type != "person"


@pytest.mark.parametrize(
    "text, source, role",
    [
        # an organisation named before the noun for its kind: the body is the name
        ("The Halvern Trust think tank said the figures were a relief.", "Halvern Trust", "think tank"),
        ("The Marlow charity said demand had doubled.", "Marlow", "charity"),
    ],
)
def test_a_name_before_the_kind_of_body_is_the_source(parse, text, source, role):
    (row,) = attribution_rows(parse(text))
    assert (row.source, row.source_type, row.role) == (source, "institution", role)


@pytest.mark.parametrize(
    "text, source",
    [
        # a person of the body, or a body of its own that the name only qualifies: never the named body
        ("The Halvern official said the plan was sound.", "The Halvern official"),
        ("The Marlow Labour council said bins would be collected on Friday.", "The Marlow Labour council"),
    ],
)
def test_a_name_before_another_noun_is_not_the_source(parse, text, source):
    (row,) = attribution_rows(parse(text))
    assert row.source == source


@pytest.mark.parametrize(
    "text, sources",
    [
        # the owner speaks, not the thing it owns
        ("Halvern Foods reported record sales on Tuesday. Its online business had grown annual sales by 12%, it added.",
         ["Halvern Foods"]),
        ("The unions met on Monday. Their members had voted for a strike, they said.", ["The unions"]),
        # a body owned by a possessive that does not agree with the pronoun stays the one that speaks
        ("Tom Hale met investors on Tuesday. His online business had grown sales by 12%, it said.",
         ["His online business"]),
    ],
)
def test_it_after_its_thing_is_the_owner(parse, text, sources):
    assert [r.source for r in attribution_rows(parse(text))] == sources


def test_a_name_owned_by_a_possessive_is_no_company_to_refer_back_to(parse):
    """ "our AGM" is a meeting of someone's, never the body a later "the company" means."""
    rows = attribution_rows(parse(
        'Halvern Foods named a new chief on Monday. Ana Ruiz said: "I will hand over at our AGM in May." '
        "The company said profits had risen."))
    assert rows[-1].source == "Halvern Foods"


def test_it_after_a_think_tank_is_the_think_tank(parse):
    """A body described by a two-word kind ("think tank") is a body, so a later "it" points back to it and not
    to a body named before."""
    rows = attribution_rows(parse(
        "NHS England said waiting lists were down. The Halvern Trust think tank said the figures were a relief. "
        "It also suggested the fall would not last."))
    assert [r.source for r in rows] == ["NHS England", "Halvern Trust", "Halvern Trust"]


def test_a_titled_name_the_model_calls_an_organisation_is_the_antecedent_of_she(parse):
    rows = attribution_rows(parse('Mayor Lidia Balint told reporters that the pumps had failed. "We will rebuild," she said.'))
    assert [(r.source, r.source_type) for r in rows] == [("Lidia Balint", "person"), ("Lidia Balint", "person")]


@pytest.mark.parametrize(
    "text, source",
    [
        # places speak as bodies, never as persons
        ("Brenmoor said the repairs would cost more than planned.", "Brenmoor"),
        ("Halden County said the roads were closed.", "Halden County"),
        ('"We are ready," Tarvik said on Monday.', "Tarvik"),
        # a body named after a titled person stays a body, and so does one described as a body
        ("Queen Adela Hospital said it had no beds left.", "Queen Adela Hospital"),
        ("Halvern Foods, a food company, said it would cut 200 jobs.", "Halvern Foods"),
    ],
)
def test_a_place_or_a_body_named_after_a_person_is_not_a_person_source(parse, text, source):
    (row,) = attribution_rows(parse(text))
    assert row.source == source and row.source_type != "person"


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            "Halvern Foods said it would cut 200 jobs at its Grimsby plant.",
            [("Halvern Foods", "none")],
            id="two-word-company",
        ),
        pytest.param(
            "St Anne's Hospital admitted 40 patients overnight. The hospital said it was coping.",
            [("St Anne's Hospital", "role")],
            id="split-entity-widened",
        ),
        pytest.param(
            "Drayton Water was fined \u00a33m on Monday. The company said it accepted the ruling.",
            [("Drayton Water", "role")],
            id="the-company",
        ),
        pytest.param(
            "Drayton Water was fined by the Environment Agency. The company said it would appeal.",
            [("Drayton Water", "role")],
            id="the-company-skips-an-agency",
        ),
        pytest.param(
            "Shares in Lumora Bio rose 12% after the trial. Its spokesman said the drug was well tolerated.",
            [("Lumora Bio", "role")],
            id="its-spokesman",
        ),
        pytest.param(
            "A Metropolitan Police spokesman said the march had been peaceful.",
            [("Metropolitan Police", "role")],
            id="named-force-spokesman",
        ),
        pytest.param(
            "A man was arrested in Mansfield. Sherwood Police said he had been released on bail. "
            "Police said inquiries were continuing.",
            [("Sherwood Police", "none"), ("Sherwood Police", "role")],
            id="bare-police-is-the-named-force",
        ),
        pytest.param(
            "Halvern Foods opened a new canteen. The council said the building was unsafe.",
            [("The council", "none")],
            id="council-is-not-a-company",
        ),
        pytest.param(
            "Kestrel Housing Association evicted 12 tenants last year. Kestrel said every case had been reviewed.",
            [("Kestrel Housing Association", "short_name")],
            id="short-name-of-a-body",
        ),
    ],
)
def test_descriptions_resolve_to_named_organisations(parse, text, expected):
    rows = attribution_rows(parse(text))
    assert [(r.source, r.speaker_resolution) for r in rows] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            "Foreign Minister Amara Tolu flew to the border on Monday. She said the ceasefire would hold.",
            "Amara Tolu",
            id="she-to-person",
        ),
        pytest.param(
            "The Kanderan delegation walked out of the talks. \u201cWe are disappointed,\u201d she said.",
            "she",
            id="she-not-to-a-demonym",
        ),
        pytest.param(
            "Kanderan troops shelled the border town overnight. They said the attack answered a provocation.",
            "Kanderan troops",
            id="they-to-the-troops-not-the-demonym",
        ),
        pytest.param(
            "Talks were held in Port Ellery on Sunday. It said the talks had failed.",
            "It",
            id="it-not-to-a-place",
        ),
    ],
)
def test_pronouns_resolve_to_compatible_mentions(parse, text, expected):
    """A pronoun with no fitting antecedent stays as written, typed ``unresolved`` (never ``anonymous``)."""
    (row,) = attribution_rows(parse(text))
    assert row.source == expected
    assert (row.source_type == "unresolved") == (row.source == row.speaker)


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("Nothing more suggests the council acted in bad faith.", [], id="negative-pronoun"),
        pytest.param("This suggests the scheme is failing.", [], id="demonstrative"),
        pytest.param("No official has confirmed the casualty figures.", [], id="no-official"),
        pytest.param(
            "Sentencing, Mrs Justice Harcourt said: \u2018You showed no remorse at any stage.\u2019",
            [("direct", "Harcourt", "said", "You showed no remorse at any stage")],
            id="gerund-is-not-the-speaker",
        ),
    ],
)
def test_subjects_that_cannot_speak(parse, text, expected):
    assert relations(parse(text)) == expected


@pytest.mark.parametrize(
    "text, source, source_type",
    [
        # the text says the source is unnamed: anonymous
        pytest.param("\u201cWe need to act now,\u201d a senior official said.", "a senior official", "anonymous",
                     id="a-senior-official"),
        pytest.param("Sources said the merger was close.", "Sources", "anonymous", id="sources-said"),
        pytest.param("A person familiar with the talks said the merger was close.",
                     "A person familiar with the talks", "anonymous", id="a-person-familiar-with"),
        # the rules cannot tell who: unresolved, never anonymous
        pytest.param("\u201cIt is too early to say,\u201d he said.", "he", "unresolved", id="he-with-no-antecedent"),
        pytest.param("\u201cNobody warned us about the flood.\u201d\nThe river rose two metres overnight.", "",
                     "unresolved", id="quotation-with-no-speaker"),
        # and a pronoun that finds its antecedent is neither
        pytest.param("Mayor Nadia Ferrow spoke at noon. \u201cIt is too early to say,\u201d she said.", "Nadia Ferrow",
                     "person", id="she-with-an-antecedent"),
    ],
)
def test_anonymous_is_what_the_text_says_unresolved_what_the_rules_cannot_tell(parse, text, source, source_type):
    (row,) = attribution_rows(parse(text))
    assert (row.source, row.source_type) == (source, source_type)


def test_one_of_them_is_an_unnamed_member_of_the_group(parse):
    rows = attribution_rows(
        parse("Three nurses said the ward was understaffed. \u2018We are at breaking point,\u2019 one of them said.")
    )
    assert [(r.source, r.source_type, r.speaker) for r in rows] == [
        ("Three nurses", "anonymous", "Three nurses"),
        ("Three nurses", "anonymous", "one of them"),
    ]
    (alone,) = attribution_rows(parse("\u2018We are at breaking point,\u2019 one of them said."))
    assert (alone.source, alone.source_type) == ("", "anonymous")


# --- degrading gracefully --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        "No quotation marks here, and nobody speaks.",
        '"An opening mark that never closes, said nobody in particular',
        'A stray mark " in the middle, and "another one.',
        '""',
        '"',
        '"A quote," "another," and " a third',
    ],
)
def test_odd_text_never_raises_and_keeps_provenance(parse, text):
    parsed = parse(text)
    rows = attribution_rows(parsed)
    for row in rows:
        assert text[row.start : row.end] == row.text
        assert text[row.content_start : row.content_end] == row.content
        assert text[row.cue_start : row.cue_end] == row.cue
    for claim in claim_rows(parsed, rows):
        assert text[claim.start : claim.end] == claim.text


def test_unbalanced_quote_keeps_the_rest_of_the_document(parse):
    text = 'The mayor\'s "plan was a disaster.\nThe minister said that the budget would be cut.'
    assert relations(parse(text)) == [("indirect", "The minister", "said", "the budget would be cut")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('He said "yes" and "no".', [(8, 13), (18, 22)]),
        ('"Open\n"Second paragraph"', [(0, 5), (6, 24)]),
        ('A stray " mark', []),
        # opened before a word and never closed in the text's last paragraph: runs to the end of it
        ('She said, "We will stay.', [(10, 24)]),
        ('She said, "We will stay.\nThe club left.', []),
        ('"Runs on to the end of the paragraph\nNext.', [(0, 36)]),
        # opened mid-paragraph and reopened by the next one: ends with its paragraph; not reopened: dropped
        ('She said, "We stay.\n"We go."', [(10, 19), (20, 28)]),
        ('She said, "We stay.\nThe end.', []),
    ],
)
def test_quote_spans(text, expected):
    assert quote_spans(text) == expected


def test_reporting_verbs_have_one_stance_each():
    stances = lexicon().stances
    assert stances["say"] == "neutral" and stances["claim"] == "distancing" and stances["vow"] == "emphatic"


# --- claims ---------------------------------------------------------------------------------------------------


def test_seed_claims_rest_on_what_the_issue_says(seed_tables, seed_text):
    claims = seed_tables.claims
    lead = claims[claims.text.str.contains("has seized about 400 square miles")]
    assert list(zip(lead.basis, lead.source)) == [("attributed", "a new report")]
    strike = claims[claims.text.str.startswith("Moscow on Tuesday struck back")]
    assert list(zip(strike.basis, strike.source)) == [("own_voice", "")]
    hedged = claims[claims.basis == "anonymous_hedge"]
    assert len(hedged) == 1 and "reportedly angry" in hedged.text.iloc[0]
    assert all(seed_text[s:e] == t for s, e, t in zip(claims.start, claims.end, claims.text))


def test_every_attribution_is_a_claim(seed_tables):
    attributed = seed_tables.claims[seed_tables.claims.basis.isin(["attributed", "evidence"])]
    assert sorted(attributed.attribution_id) == sorted(seed_tables.attributions.attribution_id)


def test_hedged_clause_is_anonymous_hedge(parse):
    parsed = parse("The company is said to be considering a sale. Its shares rose 4% on Monday.")
    assert [(c.basis, c.text) for c in claim_rows(parsed, attribution_rows(parsed))] == [
        ("anonymous_hedge", "The company is said to be considering a sale"),
        ("own_voice", "Its shares rose 4% on Monday"),
    ]


def test_subordinate_clause_of_a_report_is_an_own_voice_claim(parse):
    parsed = parse("While the company has kept quiet about its plans, analysts have speculated that it will sell the unit.")
    claims = [(c.basis, c.text) for c in claim_rows(parsed, attribution_rows(parsed))]
    assert claims == [
        ("own_voice", "While the company has kept quiet about its plans"),
        ("attributed", "it will sell the unit"),
    ]


# --- evaluation helpers ---------------------------------------------------------------------------------------


def test_match_spans_is_one_to_one_best_first():
    assert match_spans([(0, 10), (0, 9)], [(0, 10)]) == [(0, 0)]
    assert match_spans([(0, 10)], [(20, 30)]) == []


def test_scores():
    s = Scores(3, 4, 3, 6) + NO_SCORES
    assert (s.precision, s.recall) == (0.75, 0.5)
    assert round(s.f1, 4) == 0.6


def test_canonical_source_uses_catalogue_and_ignores_case_and_articles():
    catalogue = default_catalogue()
    assert canonical_source("Aleksey Smirnov", catalogue) == "alexei smirnov"
    assert canonical_source("Russia\u2019s defense ministry", catalogue) == "russian ministry of defence"
    assert canonical_source("The Board of X", catalogue) == canonical_source("board of x", catalogue)


# --- gold -------------------------------------------------------------------------------------------------------


def test_seed_gold(seed_tables, seed_text):
    gold = read_gold("attributions_seed.yaml")["attributions"]
    predicted = seed_tables.attributions.to_dict("records")
    starts = list(seed_tables.sentences.start)
    scores = score_attributions(predicted, gold, seed_text, default_catalogue(), sentence_starts=starts)
    print(f"\nseed: (source, kind) P={scores.pairs.precision:.2f} R={scores.pairs.recall:.2f}; "
          f"content P={scores.content.precision:.2f} R={scores.content.recall:.2f}")
    from baselines import ATTRIBUTION_BASELINE, assert_floor, reporting_sentences
    baseline = score_attributions(reporting_sentences(seed_text), gold, seed_text, default_catalogue(), sentence_starts=starts)
    # measured 1.00 everywhere, minus the dev-to-held-out drop of each measure (baselines.DEV_TO_HELDOUT_DROP;
    # content recall did not drop, so its floor keeps one point for parser drift)
    floors = {("pairs", "precision"): 0.92, ("pairs", "recall"): 0.98, ("content", "precision"): 0.94,
              ("content", "recall"): 0.99}
    for (table, measure), floor in floors.items():
        assert_floor(getattr(getattr(scores, table), measure), floor, getattr(getattr(baseline, table), measure),
                     ATTRIBUTION_BASELINE)
    # every relation a careful reader finds is present: its content found, with the right source
    catalogue = default_catalogue()
    matched_gold = {j: i for i, j in scores.matched}
    missing = [
        g["content"] for j, g in enumerate(gold)
        if j not in matched_gold
        or canonical_source(predicted[matched_gold[j]]["source"], catalogue) != canonical_source(g["source"], catalogue)
    ]
    assert missing == []


@pytest.fixture(scope="module")
def wire(nlp):
    passages = read_gold("attributions_wire.yaml")["passages"]
    documents = [Document(p["id"], f"{p['id']}.txt", p["text"], "0" * 64) for p in passages]
    parsed = [
        ParsedDocument(d, doc, SentenceIndex.of(doc), default_catalogue()) for d, doc in parse_documents(documents, nlp)
    ]
    return passages, parsed


def test_wire_gold(wire):
    passages, parsed = wire
    by_construction: dict[str, list[Scores]] = {}
    pairs = content = NO_SCORES
    for passage, document in zip(passages, parsed):
        predicted = [dataclasses.asdict(r) for r in attribution_rows(document)]
        scores = score_attributions(predicted, passage["attributions"], document.text, default_catalogue())
        totals = by_construction.setdefault(passage["construction"], [NO_SCORES, NO_SCORES])
        totals[0] += scores.pairs
        totals[1] += scores.content
        pairs += scores.pairs
        content += scores.content
    print()
    for construction, (p, c) in sorted(by_construction.items()):
        print(f"{construction:28} (source, kind) P={p.precision:.2f} R={p.recall:.2f}   "
              f"content P={c.precision:.2f} R={c.recall:.2f}   gold={p.gold} predicted={p.predicted}")
    print(f"{'all':28} (source, kind) P={pairs.precision:.2f} R={pairs.recall:.2f} F1={pairs.f1:.2f}   "
          f"content P={content.precision:.2f} R={content.recall:.2f} F1={content.f1:.2f}")
    from baselines import ATTRIBUTION_BASELINE, assert_floor, reporting_sentences
    baseline = [score_attributions(reporting_sentences(p["text"]), p["attributions"], p["text"], default_catalogue())
                for p in passages]
    assert_floor(pairs.f1, WIRE_PAIRS_MIN_F1, sum((b.pairs for b in baseline), NO_SCORES).f1, ATTRIBUTION_BASELINE)
    assert_floor(content.f1, WIRE_CONTENT_MIN_F1, sum((b.content for b in baseline), NO_SCORES).f1, ATTRIBUTION_BASELINE)
    constructions = {p["construction"] for p in passages}
    assert len(constructions) >= 12 and len(passages) >= 40


# --- headlines, bylines and links are never speakers --------------------------------------------------------------


@pytest.mark.parametrize(
    "text, line, headline",
    [
        pytest.param("Harlow Council Votes To Close Library\nThe vote was close.", 0, True, id="title-case-headline"),
        pytest.param("By Nadia Ferrow\n\nThe vote was close.", 0, True, id="byline"),
        pytest.param("Library to close, says council\nThe vote was close.", 0, True, id="sentence-case-before-a-capital"),
        pytest.param("The council voted on Monday to close the\nlibrary on the high street.", 0, False,
                     id="wrapped-copy-runs-on-in-lower-case"),
        pytest.param("The council voted to close the library.\nThe vote was close.", 0, False, id="a-sentence"),
        pytest.param("The council met for four hours on Monday evening and in the end voted by nine votes to seven to "
                     "close the library\nThe vote was close.", 0, False, id="too-long-for-a-headline"),
    ],
)
def test_headline_like_lines(text, line, headline):
    assert Lines(text).is_headline(line) == headline


@pytest.mark.parametrize(
    "text, link",
    [
        pytest.param("Related: Mayor warns of cuts", True, id="related"),
        pytest.param("READ MORE - Council votes to close library", True, id="read-more-dash"),
        pytest.param("Harlow: the council voted to close the library.", False, id="a-place-and-colon"),
    ],
)
def test_link_lines(text, link):
    assert Lines(text).is_link(0) == link


@pytest.mark.parametrize(
    "text, expected",
    [
        # a headline above the copy is not part of the speaker below it
        pytest.param(
            "Brenner Partly Shuts Border With Neighbour\nOfficials said the move was temporary.",
            [("indirect", "Officials", "said", "the move was temporary")],
            id="headline-not-in-the-speaker",
        ),
        # a quotation inside a headline-like line is attributed like any other
        pytest.param(
            "Vaccine trial will not finish this year, says WHO\nThe trial began in May.",
            [("indirect", "WHO", "says", "Vaccine trial will not finish this year")],
            id="says-who-in-a-headline",
        ),
        # a crawled link glued between a name and "said" holds no cue and names no speaker
        pytest.param(
            "Tomas Brenner\nRelated: Brenner warns of budget cuts\nsaid the town would cope.",
            [],
            id="related-link-is-no-speaker",
        ),
        # and the same words as copy on one line do speak
        pytest.param(
            "Tomas Brenner warned of budget cuts and said the town would cope.",
            [("indirect", "Tomas Brenner", "warned of", "budget cuts"),
             ("indirect", "Tomas Brenner", "said", "the town would cope")],
            id="copy-speaks",
        ),
    ],
)
def test_headlines_and_links_are_never_speakers(parse, text, expected):
    assert relations(parse(text)) == expected


# --- pronoun speakers: the nearest antecedent that fits (after a speech act, its speaker before its addressee) -----


@pytest.mark.parametrize(
    "text, expected",
    [
        # a title states the gender: "he" skips Ms. Oduya, "she" takes her
        pytest.param("Governor Tomas Brenner spoke on Monday. Ms. Oduya disagreed. \u201cThe plan will fail,\u201d he said.",
                     "Tomas Brenner", id="he-skips-a-ms"),
        pytest.param("Governor Tomas Brenner spoke on Monday. Ms. Oduya disagreed. \u201cThe plan will fail,\u201d she said.",
                     "Oduya", id="she-takes-the-ms"),
        # "X said she ..." states X's gender
        pytest.param("Governor Tomas Brenner spoke on Monday. Lena Fisk said she would vote no. "
                     "\u201cIt is a bad plan,\u201d he said.", "Tomas Brenner", id="he-skips-who-said-she"),
        # an interviewer the article names is never the antecedent; anyone else named nearest is
        pytest.param("Tomas Brenner told Channel Nine host Lena Fisk that the plan would pass. "
                     "\u201cIt is a good plan,\u201d he said.", "Tomas Brenner", id="not-the-host"),
        pytest.param("Tomas Brenner met Lena Fisk after the vote. \u201cIt is a good plan,\u201d she said.",
                     "Lena Fisk", id="the-nearest-who-is-no-host"),
        # after a speech act addressed to someone, "he said" goes on with who spoke, not who was addressed ...
        pytest.param("The nurses' leader, Dr. Kofi Mensah, urged Health Secretary Alan Price to reopen talks. "
                     "He said the offer ignored staff concerns.", "Kofi Mensah", id="the-speaker-not-the-addressee"),
        pytest.param("Ravi Patel criticised Owen Lloyd at the hearing. He said the accounts were a mess.",
                     "Ravi Patel", id="the-critic-not-the-criticised"),
        # ... but after a verb that reports nothing, the nearest still
        pytest.param("Ravi Patel met Owen Lloyd at the hearing. He said the accounts were a mess.",
                     "Owen Lloyd", id="the-nearest-after-a-meeting"),
        # "they": the people just named together, not unnamed people in a clause about something else ...
        pytest.param("Tomas Brenner and Mara Oduya visited the plant, where employees were striking. "
                     "They said the strike must end.", "Tomas Brenner and Mara Oduya", id="they-the-people-named"),
        # ... who are the antecedent when they are the subject of their own sentence
        pytest.param("Tomas Brenner visited the plant. Employees were striking. They said the pay was too low.",
                     "Employees", id="they-the-employees"),
        # organisations take "it"
        pytest.param("The Harlow Commission said the bridge would close. It said repairs would take a year.",
                     "The Harlow Commission", id="it-the-commission"),
        # a word that only qualifies a title ("his district") is nobody a "he" can mean
        pytest.param("Tom Hale said he was surprised when his district was chosen. It was a shock, he said.",
                     "Tom Hale", id="a-title-qualifier-is-no-person"),
        # a noun for one person in the subject is who "he" means, as before
        pytest.param("Tom Hale left early. The coach arrived later. It was a shock, he said.", "The coach",
                     id="a-person-noun-still-is"),
    ],
)
def test_pronoun_speaker_takes_the_nearest_fitting_antecedent(parse, text, expected):
    rows = attribution_rows(parse(text))
    assert rows[-1].source == expected
    assert rows[-1].speaker_resolution == "pronoun"


# --- role descriptions and appositives go to the person the article names ------------------------------------------


@pytest.mark.parametrize(
    "text, source, source_type",
    [
        pytest.param("Former Vice President Carl Ostrow spoke in Denver. The former vice president said the economy "
                     "was strong.", "Carl Ostrow", "person", id="the-former-vice-president"),
        pytest.param("Governor Ana Ruiz signed the bill. The governor said the law would help families.",
                     "Ana Ruiz", "person", id="the-governor"),
        pytest.param("Carl Ostrow, the governor, spoke in Denver. The governor said the economy was strong.",
                     "Carl Ostrow", "person", id="the-governor-named-in-apposition"),
        # another role, or nobody named in it: the description stays as written, a person the rules cannot tell
        # (unresolved), never anonymous (the text does not say the governor is unnamed)
        pytest.param("Vice President Carl Ostrow spoke in Denver. The president said the economy was strong.",
                     "The president", "unresolved", id="the-president-is-not-the-vice-president"),
        pytest.param("Ana Ruiz signed the bill. The governor said the law would help families.",
                     "The governor", "unresolved", id="nobody-named-governor"),
        # an appositive goes to the person, not the body in it
        pytest.param("Rita Vance, the committee's president, says the budget is too small.", "Rita Vance", "person",
                     id="appositive-person-not-committee"),
    ],
)
def test_role_descriptions_go_to_the_person_named_in_that_role(parse, text, source, source_type):
    rows = attribution_rows(parse(text))
    assert (rows[-1].source, rows[-1].source_type) == (source, source_type)


# --- names a real corpus showed wrong: a disease code as a person, a headline as a name's full form ----------------


@pytest.mark.parametrize(
    "text, source",
    [
        # a name with a digit is a code (a disease, a model, a flight), never a person the pronoun points back to
        pytest.param("Dr. Omar Tellez treated patients with COVID-19 all week. \"We are exhausted,\" he said.",
                     "Omar Tellez", id="code-is-no-antecedent"),
        pytest.param("The outbreak of H5N1 spread. Officials said H7-9 was contained.", "Officials",
                     id="code-is-no-speaker"),
        # and a person stays a person
        pytest.param("Omar Tellez spoke on Monday. \"We are exhausted,\" he said.", "Omar Tellez",
                     id="person-still-antecedent"),
    ],
)
def test_a_name_with_a_digit_is_no_person(parse, text, source):
    rows = attribution_rows(parse(text))
    assert rows[-1].source == source


def test_a_headline_is_no_full_form_of_a_short_name(parse):
    text = ("Varga Declares State Of Emergency And Private Sector Joins Response\n\n"
            "Varga announced on Friday that the county would close its schools. Varga said the move would help.")
    sources = {row.source for row in attribution_rows(parse(text))}
    assert sources == {"Varga"}


def test_a_body_copy_full_name_is_still_the_full_form(parse):
    text = ("Lopez Declares State Of Emergency\n\n"
            "Council member Maria Lopez spoke on Friday. Lopez said the move would help.")
    assert attribution_rows(parse(text))[-1].source == "Maria Lopez"


# --- speakers a real corpus showed wrong (issue 20 item 2), each rule both ways ------------------------------------


@pytest.mark.parametrize(
    "text, source",
    [
        # a code the small model labels PERSON ("COVID-19" here) is no antecedent of "he" ...
        pytest.param("At least nine residents who died after being taken to hospitals have tested positive for "
                     "COVID-19, the disease caused by the virus, officials said.\n\"We are trying to verify that,\" he said.",
                     "he", id="code-labelled-person-is-no-antecedent"),
        # ... and the person named before it still is
        pytest.param("Only 55 residents remain at the centre, spokesman Tom Marlow said at a news conference.\n"
                     "At least nine residents who died after being taken to hospitals have tested positive for "
                     "COVID-19, the disease caused by the virus, Marlow said.\n\"We are trying to verify that,\" he said.",
                     "Tom Marlow", id="person-before-the-code"),
    ],
)
def test_a_code_the_parser_calls_a_person_is_no_antecedent(parse, text, source):
    row = attribution_rows(parse(text))[-1]
    assert row.source == source
    assert row.source_type == ("unresolved" if source == "he" else "person")


@pytest.mark.parametrize(
    "text, source",
    [
        # "he" after a paragraph whose speaker is a one-word name (labelled a body) is that person
        pytest.param("In a statement, Halvern acknowledged, \"The rise in cases is driven by bars. The order is "
                     "essential to our mission.\n\nHe added, \"We want this to be as short as possible.\"",
                     "Halvern", id="he-after-a-paragraph-about-a-named-man"),
        # a title is no such name, and a name that begins a longer organisation's name is a body
        pytest.param("The Minister said the matter was closed. \"It is over,\" he said.", "he", id="a-title-is-no-name"),
        pytest.param("Halvern Foods cut prices. Halvern said sales would rise. \"It is over,\" he said.", "he",
                     id="a-body-is-no-he"),
        # the antecedent may lie in the paragraph before, several sentences back
        pytest.param("Governor Marta Lind said on Monday that the schools would close. The state has 400 cases. "
                     "Hospitals are full. Clinics are shut. Schools are empty.\n\nShe said, \"We want this to be short.\"",
                     "Marta Lind", id="she-across-a-paragraph-break"),
        # but not further back than the paragraph before
        pytest.param("Governor Marta Lind said on Monday that the schools would close.\n\nThe state has 400 cases. "
                     "Hospitals are full. Clinics are shut. Schools are empty.\n\nShe said, \"We want this to be short.\"",
                     "She", id="she-not-two-paragraphs-back"),
    ],
)
def test_pronoun_speakers_across_paragraphs(parse, text, source):
    row = attribution_rows(parse(text))[-1]
    assert row.source == source
    assert (row.source_type == "unresolved") == (row.source == row.speaker)


@pytest.mark.parametrize(
    "text, source",
    [
        # a one-word name (unlabelled, or labelled a body) that is its sentence's subject, with no verb of saying
        pytest.param("Okafor remained defiant after the verdict. \"We will appeal,\" he said.", "Okafor",
                     id="he-after-a-name-as-a-sentence-subject"),
        pytest.param("Dunleavy appeared to confirm the deal as he left the ground. \"We will appeal,\" he said.",
                     "Dunleavy", id="he-after-a-name-labelled-a-body"),
        # but not the subject of a subordinate clause, a title, a body's short name or a plural
        pytest.param("The hall was empty when Dunleavy arrived. \"We will appeal,\" he said.", "he",
                     id="a-name-inside-a-subordinate-clause"),
        pytest.param("The Minister remained silent. \"It is over,\" he said.", "he", id="a-silent-title-is-no-name"),
        pytest.param("Halvern Foods cut prices. Halvern remained upbeat. \"It is over,\" he said.", "he",
                     id="a-body-as-a-subject-is-no-he"),
        pytest.param("Americans remained divided. \"It is over,\" he said.", "he", id="a-plural-is-no-he"),
    ],
)
def test_he_after_a_one_word_name_as_a_sentence_subject(parse, text, source):
    row = attribution_rows(parse(text))[-1]
    assert row.source == source
    assert row.source_type == ("unresolved" if source == "he" else "person")


@pytest.mark.parametrize(
    "text, source",
    [
        # an it/they that speaks goes on with the body or group its sentence before was about, not with a thing that
        # sentence names in passing in a prepositional phrase
        pytest.param("Ward councillors stressed the importance of flood studies. They said the river defences must "
                     "be raised.", "Ward councillors", id="they-is-the-subject-not-the-studies"),
        pytest.param("Halvern Water apologised for the outage across its network on Monday. It added that bills would "
                     "be cut.", "Halvern Water", id="it-is-the-subject-not-its-network"),
        # but a named body in that phrase is one it/they may mean
        pytest.param("A team of observers from the Tarrow Monitoring Group visited 300 polling stations on Sunday. "
                     "The vote was orderly and well run, they said.", "the Tarrow Monitoring Group",
                     id="they-may-be-a-named-body-in-a-phrase"),
    ],
)
def test_it_and_they_go_on_with_the_subject_before(parse, text, source):
    assert attribution_rows(parse(text))[-1].source == source


@pytest.mark.parametrize(
    "text, source, speaker",
    [
        pytest.param("The county council issued a statement saying the bridge would stay shut until May.",
                     "The county council", "The county council", id="issued-a-statement-saying"),
        pytest.param("The county council said roads were clear. It released a letter saying the bridge would stay "
                     "shut until May.", "The county council", "It", id="pronoun-issuer"),
        # a report keeps its own name, and a statement nobody issues in the sentence stays the statement
        pytest.param("The agency released a report saying the river was polluted.", "a report", "a report",
                     id="report-is-no-statement"),
        pytest.param("A statement issued on Friday said the bridge would stay shut.", "A statement", "A statement",
                     id="no-issuer"),
        # "the statement said" after a person's "said in a statement": that person's; after a plain "said", nobody's
        pytest.param("Finance Minister Jonas Berg said in a statement that he had not been told of any inquiry. \"We "
                     "are cooperating fully with the regulator,\" the statement said.", "Jonas Berg", "the statement",
                     id="the-statement-of-a-person"),
        pytest.param("Finance Minister Jonas Berg said on Monday that he had not been told of any inquiry. \"We are "
                     "cooperating fully with the regulator,\" the statement said.", "the statement", "the statement",
                     id="no-statement-of-a-person"),
    ],
)
def test_a_statement_speaks_for_whoever_issued_it(parse, text, source, speaker):
    """"X issued a statement saying ...": X speaks; a report or a statement with no issuer stays as written."""
    row = attribution_rows(parse(text))[-1]
    assert (row.source, row.speaker) == (source, speaker)


@pytest.mark.parametrize(
    "text, source, source_type",
    [
        # relative "who" where the parse makes no relative clause: the word before it, resolved
        pytest.param("Tomas Brenner spoke on Monday. It was he who said the bridge would close.", "Tomas Brenner",
                     "person", id="it-was-he-who"),
        pytest.param("It was he who said the bridge would close.", "he", "unresolved", id="who-with-no-antecedent"),
        # "Dr. X, who said" and "Dr. X, a surgeon who said" are X
        pytest.param("Nurses met Dr. Alan Brisk, who said the ward was full.", "Alan Brisk", "person", id="x-who-said"),
        pytest.param("Nurses met Dr. Alan Brisk, a surgeon who said the ward was full.", "Alan Brisk", "person",
                     id="x-a-surgeon-who-said"),
        # a description not in apposition to a name stays unnamed
        pytest.param("Nurses met a surgeon who said the ward was full.", "a surgeon", "anonymous",
                     id="a-surgeon-who-said"),
        # an abbreviated title names the role ("Gov." is the governor)
        pytest.param("Gov. Paul Hanley reported another record day. The governor says the system could stabilize.",
                     "Paul Hanley", "person", id="gov-is-the-governor"),
        pytest.param("New Carden Gov. Paul Hanley announced that he is lowering flags.\nThis comes after what the "
                     "governor said was the highest toll in the state.", "Paul Hanley", "person",
                     id="place-gov-name"),
        # "Sen." is no governor
        pytest.param("Sen. Paul Hanley reported another record day. The governor says the system could stabilize.",
                     "The governor", "unresolved", id="sen-is-no-governor"),
        # a role alone is a description, not anonymous; an unnamed-source noun stays anonymous
        pytest.param("The judge said the defendant showed no remorse.", "The judge", "unresolved", id="the-judge"),
        pytest.param("Ana Ruiz signed the bill. The official said the law would help families.", "The official",
                     "anonymous", id="the-official"),
        # a look at the data is no agent: the data is the source
        pytest.param("Nexora said Monday that an early peek at the data on its vaccine suggests the shots may be "
                     "90 percent effective.", "the data on its vaccine", "document", id="a-peek-at-the-data"),
        pytest.param("A first look at the figures shows that sales fell.", "the figures", "document",
                     id="a-look-at-the-figures"),
        # a subject that is an agent keeps its own words
        pytest.param("The head of the agency said the plan was failing.", "The head of the agency", "anonymous",
                     id="the-head-of-the-agency"),
        # groups speaking together are one source, as written; a singular noun keeps its own reading
        pytest.param("Unions, charities and business leaders said the figures pointed to a gloomy year.",
                     "Unions, charities and business leaders", "collective", id="groups-together"),
        pytest.param("The mayor and the council said the bridge was safe.", "The mayor", "unresolved",
                     id="not-a-singular-with-a-body"),
        # an epithet for someone just named: a nationality, or a title at a named team or party
        pytest.param("Marco Bellini was delighted with his side's 3-0 win over Torvik. \"We played with courage and we "
                     "deserved the points,\" the Italian said.", "Marco Bellini", "person", id="the-italian"),
        pytest.param("Tom Arlow was sent to the stands after the break. However, the Harwick boss claimed that it "
                     "was a light-hearted remark.", "Tom Arlow", "person", id="the-team-boss"),
        pytest.param("Greta Lund has led the party since March. The Labour leader said the tax would fall on "
                     "polluters.", "Greta Lund", "person", id="the-party-leader"),
        # two people in reach: either may be meant, so the epithet stays a description nobody can tell
        pytest.param("Marco Bellini praised his captain Tom Arlow. \"He was brilliant,\" the Italian said.",
                     "the Italian", "unresolved", id="two-people-in-reach"),
        # the noun written before names someone other than the person named
        pytest.param("Greta Lund met the Labour leader on Monday. The Labour leader said the tax would fall on "
                     "polluters.", "The Labour leader", "unresolved", id="noun-written-before"),
        # the person named in another role: the title is someone else's
        pytest.param("Greta Lund, a Tory MP, attacked the plan. The Labour leader said the tax would fall on "
                     "polluters.", "The Labour leader", "unresolved", id="named-in-another-role"),
        # nobody named: a description, not a country or a body
        pytest.param("\"Profits will rise,\" the Dutchman said.", "the Dutchman", "unresolved", id="nobody-named"),
        # a bare title may bring in someone new: unchanged
        pytest.param("Ana Ruiz signed the bill. The governor said the law would help families.",
                     "The governor", "unresolved", id="bare-title-not-an-epithet"),
    ],
)
def test_relatives_roles_and_subjects_that_are_no_agents(parse, text, source, source_type):
    """Relative "who" takes its antecedent; roles go to the person named in them (abbreviations too) or stay
    unresolved; an epithet ("the Italian", "the Harwick boss") goes to the one person named within a pronoun's
    reach and stays unresolved with two or none; evidence inside a subject that is no agent is the source."""
    row = attribution_rows(parse(text))[-1]
    assert (row.source, row.source_type) == (source, source_type)


@pytest.mark.parametrize(
    "text, source",
    [
        # a place as the subject of the governor's quote: the governor, not the state named inside the quote
        pytest.param("Carden Gov. Ana Morrow on Friday rolled back the state's reopening plans.\nThe measures come a "
                     "day after Morrow paused further reopening.\n\"As I said from the start, if the rate rose above "
                     "10%, the State of Carden would take further action,\" she said in a statement.",
                     "Ana Morrow", id="not-the-state-in-the-quote"),
        # a surname the recogniser calls a place is the person named in full ...
        pytest.param("Gov. Greta Jordan ordered bars to close.\n\nIn a press release this morning, Jordan "
                     "acknowledged, \"At this time, it is clear that the rise in cases is driven by bars.\"",
                     "Greta Jordan", id="surname-of-the-person-named"),
        # ... and a place with no such person stays a place
        pytest.param("Texas said bars would close.", "Texas", id="a-place-speaks"),
        # a title before a name with a lower-case particle is still a person's ("of" joins a place's name)
        pytest.param("Mayor Bill de Blasio spoke on Monday. Mayor de Blasio said the ships would dock.", "Bill de Blasio",
                     id="a-name-with-a-particle"),
    ],
)
def test_a_state_is_no_speaker_for_its_governor(parse, text, source):
    assert attribution_rows(parse(text))[-1].source == source


@pytest.mark.parametrize(
    "text, source",
    [
        # a generational suffix is part of the name: the son is not the father
        pytest.param("President Donald Trump spoke on Monday. His son Donald Trump Jr. leaned into the timing. "
                     "\"The timing of this is pretty amazing,\" Trump Jr. said.", "Donald Trump Jr.", id="trump-jr-said"),
        pytest.param("Ana Ruiz Jr. spoke on Monday. \"We are ready,\" Ana Ruiz said.", "Ana Ruiz", id="father-is-not-son"),
        # a quotation after a sentence narrating about a person is theirs, not the previous speaker's
        pytest.param("Mayor Ana Ruiz tweeted: \"VACCINE COMING SOON. SUCH GREAT NEWS!\"\n\nHer son Tom Ruiz Jr "
                     "leaned into the \u201ctiming\u201d of the news. \"The timing of this is pretty amazing. Nothing odd about "
                     "the timing at all, right?\"", "Tom Ruiz Jr", id="narrated-person-speaks-the-quote"),
        # a sentence about no person leaves the quotation to the previous speaker
        pytest.param("\"We will win this,\" Mayor Ana Ruiz said on Monday.\n\nThe council voted against the plan. "
                     "\"That is a disgrace and everybody knows it.\"", "Ana Ruiz", id="previous-speaker-keeps-it"),
    ],
)
def test_the_speaker_as_written_keeps_its_suffix(parse, text, source):
    assert attribution_rows(parse(text))[-1].source == source


@pytest.mark.parametrize(
    "text, content, kind",
    [
        # a direct quotation after its cue ends at its closing mark: what follows is the narrator's
        pytest.param("The shot was given to Lena Dorsey, who said, \u201cI feel great\u201d at the end of the quick "
                     "process \u2014 the first in the country.", "I feel great", "direct", id="narration-after-quote"),
        # a quotation the reported clause goes on from stays mixed, with both of its marks
        pytest.param("Lena Dorsey said \u201cthe plan\u201d was dead.", "\u201cthe plan\u201d was dead", "mixed",
                     id="clause-goes-on"),
        # an indirect content ends at its clause: a conjunct of time is the narrator's
        pytest.param("That is the date Halvern Care said the first patient was moved out of the home and later tested "
                     "positive, and about a week before the first cases from the home were announced.",
                     "the first patient was moved out of the home and later tested positive", "indirect",
                     id="conjunct-of-time"),
        pytest.param("Halvern Care said the first patient was moved out of the home and later tested positive.",
                     "the first patient was moved out of the home and later tested positive", "indirect",
                     id="conjoined-verbs-stay"),
        pytest.param("Mayor Lind said the number of deaths is the result of people who have been sick, but at the same "
                     "time new admissions are falling, as is the rate of new patients.",
                     "the number of deaths is the result of people who have been sick, but at the same time new "
                     "admissions are falling, as is the rate of new patients", "indirect", id="a-comparison-stays"),
    ],
)
def test_content_ends_at_its_quotation_or_clause(parse, text, content, kind):
    row = attribution_rows(parse(text))[-1]
    assert (row.content, row.kind) == (content, kind)


# --- issue 20 item 2, second round: rows of a real corpus that looked right and were not ----------------------


def _speakers(parsed) -> list[tuple[str, str]]:
    return [(a.source, a.source_type) for a in attribution_rows(parsed)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a he/she never takes a facility's short name, even one the recogniser calls a person
        pytest.param("The state will open a field hospital at the Kessler Center next week. Kessler could do that, he said.",
                     [("he", "unresolved")], id="he-not-the-facility"),
        pytest.param("Mayor Tom Hale visited the site. The state will open a field hospital at the Kessler Center. "
                     "If we get that running, Kessler could do that, he said.",
                     [("Tom Hale", "person")], id="he-the-next-person"),
        pytest.param("Dr. Ana Kessler examined the patients. \u201cWe need a relief valve,\u201d she said.",
                     [("Ana Kessler", "person")], id="she-a-person-of-that-name"),
    ],
)
def test_a_gendered_pronoun_takes_only_a_person(parse, text, expected):
    assert _speakers(parse(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a gendered noun of the other gender is no antecedent; the owner written in its possessive is
        pytest.param("Maria Gonzalez runs a bakery in the old town. Her father stayed home, she said.",
                     [("Maria Gonzalez", "person")], id="she-not-her-father"),
        pytest.param("Maria Gonzalez runs a bakery in the old town. While her father stayed home, she said, she kept "
                     "the shop open.", [("Maria Gonzalez", "person")], id="she-the-owner-of-her"),
        # in one sentence "she" is the owner of "her", not "her mother"
        pytest.param("Maria Gonzalez runs a bakery in the old town. Her mother stayed home, she said.",
                     [("Maria Gonzalez", "person")], id="she-the-owner-not-her-mother"),
        # a possessive of an earlier sentence is not followed back: it is only a word of that sentence
        pytest.param("Maria Gonzalez runs a bakery in the old town. Her mother lives next door. The bakery was "
                     "quiet on Monday. She said the shop would close.", [("Maria Gonzalez", "person")],
                     id="she-across-sentences"),
        # a gendered noun of the pronoun's gender with no possessive stays an antecedent
        pytest.param("The landlady arrived at noon. She said the rent would rise.",
                     [("The landlady", "unresolved")], id="she-the-landlady"),
    ],
)
def test_a_pronoun_takes_a_gender_that_fits_and_a_possessive_s_owner(parse, text, expected):
    assert _speakers(parse(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(" date 2020-05-12 WASHINGTON (AP) \u2014 Dr. Ana Ruiz, the nation's top disease expert, is "
                     "warning Congress that if the country reopens too soon, it will bring suffering.",
                     ("Ana Ruiz", "person"), id="dateline-then-subject-in-apposition"),
        pytest.param(" date 2020-04-23 New York Gov. Andrew Dorn (D) on Thursday detailed preliminary findings, "
                     "saying it suggests almost three million residents may have been infected.",
                     ("Andrew Dorn", "person"), id="date-then-titled-name"),
        pytest.param(" date 2020-11-16 US biotech company Novamed on Monday, 16 November, said that early data "
                     "shows that the vaccine is 94.5 percent effective.", ("Novamed", "institution"),
                     id="date-then-described-company"),
        # no date or dateline: the span is the subject as written
        pytest.param("New York Gov. Andrew Dorn said the state would reopen.", ("Andrew Dorn", "person"),
                     id="no-dateline"),
    ],
)
def test_a_speaker_never_holds_a_dateline_or_a_date(parse, text, expected):
    row = attribution_rows(parse(text))[0]
    assert (row.source, row.source_type) == expected
    assert "2020" not in row.speaker and "(AP)" not in row.speaker


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("Eleven residents of a nursing home died, three more than announced previously, according to a "
                     "spokesman.", [("a spokesman", "anonymous")], id="comparative-quantity-no-speaker"),
        pytest.param("The death toll rose to 40, far more than officials had announced.", [], id="than-announced"),
        pytest.param("Three nurses said the ward was full.", [("Three nurses", "anonymous")], id="a-counted-group-speaks"),
        pytest.param("Sales were higher than expected, the company said.", [("the company", "institution")],
                     id="the-report-around-a-comparison-stays"),
        pytest.param("Novamed's vaccine candidate produced a robust immune response in all 45 volunteers, raising hopes "
                     "that the vaccine may offer some protection.", [], id="a-thing-raising-hopes"),
        pytest.param("Residents raised concerns that the plant was unsafe.", [("Residents", "collective")],
                     id="people-raising-concerns"),
        pytest.param("The report raised concerns that the plant was unsafe.", [("The report", "document")],
                     id="a-report-raising-concerns"),
    ],
)
def test_comparisons_and_things_are_no_attributions(parse, text, expected):
    assert _speakers(parse(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("Novamed's shares rose 8 percent. Novamed said the vaccine was effective.",
                     [("Novamed", "institution")], id="shares-make-a-company"),
        pytest.param("Drugmaker Novamed said the vaccine was effective.", [("Novamed", "institution")],
                     id="drugmaker-before-the-name"),
        pytest.param("Shares of Kessler Inc. rose on Monday. Kessler said the vaccine was 90 percent effective.",
                     [("Kessler Inc.", "institution")], id="corporate-suffix"),
        # a one-word surname stays a person
        pytest.param("Kessler said the hospital was full. Her staff were tired, Kessler added.",
                     [("Kessler", "person"), ("Kessler", "person")], id="a-surname-stays-a-person"),
        pytest.param("Dr. Ana Kessler runs the ward. Kessler said its beds were full.",
                     [("Ana Kessler", "person")], id="a-named-person-is-no-company"),
    ],
)
def test_a_one_word_company_the_recogniser_calls_a_person(parse, text, expected):
    assert _speakers(parse(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("President Dorn declared an emergency on Friday. Speaking in the garden, Dorn announced that he "
                     "was closing the border.", [("Dorn", "person")], id="titled-elsewhere"),
        pytest.param("Officer Mark Wilson issued an order. \u201cI need everyone to stay home,\u201d Wilson said.",
                     [("Mark Wilson", "person")], id="named-in-full-elsewhere"),
        pytest.param("Shares of Dorn Inc. fell on Friday. Dorn announced that it was closing a plant.",
                     [("Dorn Inc.", "institution")], id="a-company-of-that-name"),
    ],
)
def test_a_surname_the_recogniser_calls_an_organisation_is_a_person(parse, text, expected):
    assert _speakers(parse(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a help line or web address in a sentence with no source is the page's service text
        pytest.param("For health questions about the flu, call the hotline at 1-800-555-0199 or email "
                     "help@example.gov.", [], id="help-line-with-a-noun-cue"),
        pytest.param("If you have questions about the flu you can call the free number 833-555-0134 or log on to "
                     "www.example-health.gov.", [], id="you-can-call"),
        # the reader is no source, whatever the verb
        pytest.param("If you believe the figures are wrong, write to the council.", [], id="you-believe"),
        # a source that gives a contact detail keeps its row
        pytest.param('"Call 555-010-4477 if you need help," the mayor said.',
                     [("direct", "the mayor", "Call 555-010-4477 if you need help")], id="mayor-gives-a-number"),
        pytest.param("The mayor said residents can find updates at example.gov.",
                     [("indirect", "The mayor", "residents can find updates at example.gov")], id="mayor-gives-a-site"),
    ],
)
def test_service_text_and_the_reader_are_no_sources(parse, text, expected):
    assert [(a.kind, a.speaker, a.content) for a in attribution_rows(parse(text))] == expected


@pytest.mark.parametrize(
    "text, speaker, source_type",
    [
        # a day or time hung on the speaker says when, not who
        pytest.param("The cases rose to 763, according to the health department's report Saturday afternoon.",
                     "the health department's report", "document", id="report-saturday-afternoon"),
        pytest.param("The Monday Club said the vote would wait.", "The Monday Club", "institution",
                     id="a-day-inside-a-name"),
        # the evidence keeps whose data set it is; people or a body keep the clause that says which ones speak
        pytest.param("The outbreak had infected 1.7 million people, according to data collected by Lakeview "
                     "University.", "data collected by Lakeview University", "document", id="data-collected-by"),
        pytest.param("Figures compiled by the health ministry showed that deaths rose.",
                     "Figures compiled by the health ministry", "document", id="figures-compiled-by"),
        pytest.param("The man arrested by police said he was innocent.", "The man arrested by police", "anonymous",
                     id="person-described-by-a-participle"),
        pytest.param("The nurses who staffed the night shift said the ward was short of beds.",
                     "The nurses who staffed the night shift", "anonymous", id="people-described-by-a-relative-clause"),
        pytest.param("Engineers working on the bridge said the cables had corroded.", "Engineers working on the bridge",
                     "anonymous", id="people-described-by-an-ing-participle"),
        # not a description set off by commas, one that holds a reporting verb, nor a document's intermediary
        pytest.param("The man, arrested by police on Friday, said he was innocent.", "The man", "anonymous",
                     id="not-a-participle-set-off-by-commas"),
        pytest.param("The nurses, who staffed the night shift, said the ward was short of beds.", "The nurses",
                     "anonymous", id="not-a-relative-clause-set-off-by-commas"),
        pytest.param("Officials who asked not to be named said the cables had corroded.", "Officials", "anonymous",
                     id="not-the-anonymity-clause"),
        pytest.param("A report seen by the Gazette said the cables had corroded.", "A report", "document",
                     id="not-a-document-seen-by-an-outlet"),
    ],
)
def test_a_speaker_holds_no_time_and_keeps_the_clause_that_says_which_one(parse, text, speaker, source_type):
    (row,) = attribution_rows(parse(text))
    assert (row.speaker, row.source_type) == (speaker, source_type)


# --- quotations over paragraphs, names after a person noun, "told X to", stray participles -------------------------


def test_a_quotation_running_over_paragraphs_stays_with_its_speaker(parse):
    text = (
        'A harbour board spokeswoman said: "The ferry timetable will change from March.\n\n'
        '"Night crossings will stop for the winter.\n\n'
        '"The board has not decided on fares."\n\n'
        "Mr Okafor, speaking at the quay, said the union had not been consulted."
    )
    rows = attribution_rows(parse(text))
    assert [(r.source, r.cue, r.content) for r in rows] == [
        ("A harbour board spokeswoman", "said", "The ferry timetable will change from March"),
        ("A harbour board spokeswoman", "", "Night crossings will stop for the winter"),
        ("A harbour board spokeswoman", "", "The board has not decided on fares"),
        ("Okafor", "said", "the union had not been consulted"),
    ]


def test_a_bare_cue_after_a_closed_quotation_across_a_break_still_speaks_it(parse):
    rows = attribution_rows(parse('"We will not sail until the storm has passed."\nCaptain Ilse Maren said on Monday.'))
    assert [(r.source, r.cue, r.content) for r in rows] == [
        ("Ilse Maren", "said", "We will not sail until the storm has passed")
    ]


def test_a_report_of_its_own_after_a_break_does_not_take_the_quotation_before(parse):
    rows = attribution_rows(parse(
        'Night crossings will stop. "The board has not decided on fares yet."\n'
        "Mr Okafor, speaking at the quay, said the union had not been consulted."
    ))
    assert ("Okafor", "The board has not decided on fares yet") not in [(r.source, r.content) for r in rows]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a one-word name in apposition to a gendered noun for a person is a person of that gender ...
        pytest.param("Karl Brandt was at the depot. His niece Odile stayed home. She said the bakery had shut.",
                     "Odile", id="she-the-niece"),
        pytest.param("Karl Brandt was at the depot. His niece, Odile, stayed home. She said the bakery had shut.",
                     "Odile", id="she-the-niece-between-commas"),
        # ... whom a pronoun of the other gender skips
        pytest.param("Karl Brandt was at the depot. His niece Odile stayed home. He said the bakery had shut.",
                     "Karl Brandt", id="he-skips-the-niece"),
    ],
)
def test_a_name_after_a_gendered_noun_is_a_person_of_that_gender(parse, text, expected):
    rows = attribution_rows(parse(text))
    assert [(r.source, r.speaker_resolution) for r in rows] == [(expected, "pronoun")]


def test_told_someone_to_do_something_is_a_directive_with_its_addressee(parse):
    rows = attribution_rows(parse("The sheriff told all shop owners to close their doors at dusk."))
    assert [(r.source, r.cue, r.addressee, r.content) for r in rows] == [
        ("The sheriff", "told", "all shop owners", "to close their doors at dusk")
    ]


def test_being_told_to_do_something_names_no_speaker_and_gives_no_row(parse):
    assert attribution_rows(parse("Drivers were told to avoid the coast road on Sunday.")) == []


@pytest.mark.parametrize(
    "text, addressee, via",
    [
        # reporters told in person are addressed; an outlet named with them is the intermediary
        pytest.param("The sheriff told reporters that the road would reopen.", "reporters", "", id="reporters"),
        pytest.param("The sheriff told journalists that the road would reopen.", "journalists", "", id="journalists"),
        pytest.param("The sheriff told a Harbour Times reporter that the road would reopen.", "",
                     "a Harbour Times reporter", id="an-outlet-s-reporter"),
    ],
)
def test_told_reporters_are_addressed_and_an_outlet_is_via(parse, text, addressee, via):
    rows = attribution_rows(parse(text))
    assert [(r.addressee, r.via) for r in rows] == [(addressee, via)]


@pytest.mark.parametrize(
    "text, source",
    [
        # a participle the parse conjoins to a complement's verb is the act of the clause above, not of the
        # complement's subject
        pytest.param("The sheriff shut the bars, allowing cafes to sell coffee and saying crowds were banned.",
                     "The sheriff", id="not-the-cafes"),
        # two participles conjoined share the clause's subject as before
        pytest.param("The sheriff shut the bars on Friday, allowing takeout, and saying that crowds were banned.",
                     "The sheriff", id="two-participles"),
        pytest.param("The sheriff said the storm was passing and urging drivers to stay home.",
                     "The sheriff", id="after-a-reported-clause"),
    ],
)
def test_a_stray_participle_speaks_for_the_clause_above_its_complement(parse, text, source):
    rows = attribution_rows(parse(text))
    assert rows and all(r.source == source for r in rows)


@pytest.mark.parametrize(
    "text, content",
    [
        # a superlative after an interrupting cue comments on the figure: the clause before the cue is the content
        pytest.param("Deaths rose by 40, the agency said, the highest in a month.", "Deaths rose by 40",
                     id="superlative-after-the-cue"),
        # a clause that still needs its words after the cue goes on there
        pytest.param("It was, the trust said, the busiest week of the winter.",
                     "It was, the trust said, the busiest week of the winter", id="attribute-after-the-cue"),
    ],
)
def test_a_superlative_comment_after_an_interrupting_cue_is_the_narrator_s(parse, text, content):
    assert [r.content for r in attribution_rows(parse(text))] == [content]


# --- an organisation's name after words that only describe it ------------------------------------------------------


@pytest.mark.parametrize(
    "text, source",
    [
        pytest.param("Copper output fell 4% in May, consultancy Harwell Associates says in a new report.",
                     "Harwell Associates", id="a-trade-word-before-the-name"),
        pytest.param("San Diego-based Corvane Technologies said it is expanding its plant.",
                     "Corvane Technologies", id="a-place-based-before-the-name"),
        pytest.param("Estonian battery maker Voltaro Systems said it had received a grant.",
                     "Voltaro Systems", id="a-nationality-and-trade-before-the-name"),
        # a name the recogniser holds whole keeps every word, "The" of a title included
        pytest.param("The New York Times said the story was accurate.", "The New York Times", id="a-whole-name"),
        # a possessor before a body's name is no description: the phrase stays as written
        pytest.param("The city's Housing Department said rents rose.", "The city's Housing Department",
                     id="a-possessor-stays"),
    ],
)
def test_organisation_source_is_its_name(parse, text, source):
    (row,) = attribution_rows(parse(text))
    assert row.source == source


def test_an_epithet_after_a_quote_that_brings_in_someone_unnamed_is_unresolved(parse):
    # "The Italian" is the striker Silva spoke of, not Silva: with someone unnamed in reach, nobody can be told
    text = "Marta Silva said her striker would be fit. The Italian said he was ready to play on Saturday."
    row = attribution_rows(parse(text))[-1]
    assert (row.speaker, row.source) == ("The Italian", "The Italian")


@pytest.mark.parametrize(
    "text",
    [
        # a noun for no person ("her side") brings in nobody: the epithet is the one person named
        pytest.param("Marta Silva said her side would be fit. The Italian said he was ready to play on Saturday.",
                     id="a-noun-for-no-person"),
        # a title that describes the person named is that person, in apposition or before the name
        pytest.param("Marta Silva, the striker, said she would be fit. The Italian said she was ready to play.",
                     id="the-named-person-s-apposition"),
        pytest.param("Striker Marta Silva said she would be fit. The Italian said she was ready to play.",
                     id="the-title-before-the-name"),
        # someone unnamed only as an object is not who an epithet stands for
        pytest.param("Marta Silva was booked for insulting the fourth official. The Italian said she was sorry.",
                     id="an-unnamed-object"),
    ],
)
def test_an_epithet_with_only_the_named_person_in_reach_is_that_person(parse, text):
    row = attribution_rows(parse(text))[-1]
    assert (row.speaker, row.source) == ("The Italian", "Marta Silva")


@pytest.mark.parametrize(
    "text, source",
    [
        # people named together speak as one source, as written
        pytest.param("Ana Ruiz and Tom Hale said the plan would fail.", "Ana Ruiz and Tom Hale", id="two-people"),
        pytest.param("Ana Ruiz and Tom Hale\u2014lawyers for the family\u2014told reporters that the plan would fail.",
                     "Ana Ruiz and Tom Hale", id="two-people-with-a-description"),
        # a person with a description of someone unnamed keeps her own reading
        pytest.param("Mayor Ana Ruiz and her deputy said the plan would fail.", "Ana Ruiz", id="a-person-and-a-noun"),
        # two titles joined by "and" before one name are one person's
        pytest.param("\u201cWe will not wait,\u201d Oslo mayor and transit board member Ana Ruiz said.", "Ana Ruiz",
                     id="two-titles-one-name"),
        pytest.param("The mayor and board member Ana Ruiz said the plan would fail.", "The mayor",
                     id="an-article-before-the-first-title"),
        # examples after "including" are some of the speakers, not the speaker
        pytest.param("Other members of the board, including Ana Ruiz, a councillor, said they would not vote.",
                     "Other members of the board", id="including-after-a-comma"),
        pytest.param("Members including the chair said they would not vote.", "Members including the chair",
                     id="including-without-a-comma"),
        # national titles of a head of government and a deputy go to the role, not the name
        pytest.param("Taoiseach Mary Ronan has said that the waiting lists are not acceptable.", "Mary Ronan",
                     id="taoiseach"),
        pytest.param("T\u00e1naiste Tom Byrne said he did not see how beds could be hidden.", "Tom Byrne", id="tanaiste"),
        # a name that merely begins with a capitalised word keeps it
        pytest.param("Mary Ronan said the waiting lists were not acceptable.", "Mary Ronan", id="no-title"),
    ],
)
def test_speakers_named_together_titles_and_examples(parse, text, source):
    assert attribution_rows(parse(text))[0].source == source


@pytest.mark.parametrize(
    "text, rows",
    [
        # a "by" phrase that can ask, ending the question participle, is who asked; the question is without it
        pytest.param("Asked if his team could still win the title by the radio hosts, Tom Hale replied that it could.",
                     [("the radio hosts", "if his team could still win the title"), ("Tom Hale", "it could")],
                     id="asked-by-the-hosts"),
        # a "by" phrase of time asks nothing: the asker is not written, and the question keeps its words
        pytest.param("Asked if he would resign by the end of the year, Tom Hale said he would not.",
                     [("", "if he would resign by the end of the year"), ("Tom Hale", "he would not")],
                     id="by-a-date"),
        # a semicolon joins two sentences: only what follows the cue is reported
        pytest.param("Fares were to rise 25%, but now some will go up by 10%; the agency said its plan eases the "
                     "impact on riders.", [("the agency", "its plan eases the impact on riders")],
                     id="semicolon-before-the-speaker"),
        pytest.param("Fares will rise by 10% in May, the agency said.",
                     [("the agency", "Fares will rise by 10% in May")], id="comma-before-the-speaker"),
        # a demonstrative or "anyone" is no source
        pytest.param("That alone tells you how short of money the club is.", [], id="that-alone"),
        pytest.param("Nobody knows why anyone would wish to hide the money.", [], id="anyone"),
        pytest.param("The report that said the club was short of money was wrong.",
                     [("The report", "the club was short of money")], id="a-relative-that-is-its-noun"),
        # a cue after a comma with its speaker after it, closing the sentence, reports the clause before
        pytest.param("The plant will close in March, indicated the sources.",
                     [("the sources", "The plant will close in March")], id="inverted-after-a-comma"),
        pytest.param("The plant will close in March, added the union.",
                     [("the union", "The plant will close in March")], id="inverted-added"),
        # an object that cannot hold a view is no speaker
        pytest.param("The plant will close in March, added the caveat.", [], id="an-object-is-no-speaker"),
        # a reported clause the parse makes a relative one on whom the speaker told
        pytest.param("He tells KRVN News that cattle prices are higher.", [("He", "cattle prices are higher")],
                     id="told-x-that-misread-as-relative"),
        # a true relative clause on whom he told is no content
        pytest.param("He told a farmer that grows corn about the plan.", [], id="a-true-relative"),
        # a surname the tagger reads as a gerund is a name when the text writes it so before
        pytest.param("Councillors Ana Worthing and Tom Hale voted against the plan. Worthing said the mayor had "
                     "misled them.", [("Worthing", "the mayor had misled them")], id="a-surname-read-as-a-gerund"),
        # a gerund the text never writes as a name is no source
        pytest.param("Ana Hale left early. Spending shows the plan failed.", [], id="a-gerund"),
        # a word of contrast before a report with its own content joins two sentences
        pytest.param("The vote was set for May, however the chair asked that it be moved up.",
                     [("the chair", "it be moved up")], id="however-before-the-report"),
        pytest.param("The vote was set for May, the chair said, and it would not move.",
                     [("the chair", "The vote was set for May, the chair said, and it would not move")],
                     id="an-interrupting-report-keeps-its-clause"),
        # an infinitive on an adjective of the speaker's manner: the copula's subject speaks
        pytest.param("The minister was keen to stress that the budget was balanced.",
                     [("The minister", "the budget was balanced")], id="keen-to-stress"),
        pytest.param("Head coach Tom Hale was quick to call for the introduction of goal-line technology.",
                     [("Tom Hale", "the introduction of goal-line technology")], id="quick-to-call-for"),
        # a thing as the subject of such an adjective is no speaker
        pytest.param("The plan was hard to explain to voters.", [], id="hard-to-explain"),
        # a group named by a noun for forecasters, in a "with" phrase; its span stops before its own cue
        pytest.param("Warnings are in place, with forecasters predicting up to 40mm of rain in places, with the "
                     "north expected to bear the brunt.", [("forecasters", "up to 40mm of rain in places")],
                     id="with-forecasters-predicting"),
        # words left out inside the speaker's phrase that are no clause keep it whole
        pytest.param("A 22-year-old said he could hear the tone.", [("A 22-year-old", "he could hear the tone")],
                     id="an-age-stays-whole"),
        # "according to" after a participle the tagger reads as a past tense sources the whole clause
        pytest.param("Despite the rain, farmers were still ahead of the state average of wheat acreage harvested, "
                     "according to the extension office.",
                     [("the extension office", "Despite the rain, farmers were still ahead of the state average of "
                       "wheat acreage harvested")], id="according-to-after-a-participle"),
        # ... and not above a clause with a subject of its own
        pytest.param("Prices rose after the mill closed, according to the council.",
                     [("the council", "Prices rose after the mill closed")], id="according-to-a-subordinate-clause"),
        # a question verb with "about" asks about its object
        pytest.param("Councillor Ana Ruiz had inquired about voting by telephone.",
                     [("Ana Ruiz", "voting by telephone")], id="inquired-about"),
        # without "about" and without a question it asks nothing
        pytest.param("Councillor Ana Ruiz inquired on Monday.", [], id="inquired-alone"),
    ],
)
def test_reports_with_their_source_and_content(parse, text, rows):
    assert [(r.source, r.content) for r in attribution_rows(parse(text))] == rows


def test_a_newspaper_named_like_a_document_is_the_outlet_not_the_latest_body_quoted(parse):
    # "The Washington Post" ends in "post", a word for a statement: "the post" would refer back to the latest
    # body quoted. The small model leaves "Post" unlabelled after a place, so only its name can tell.
    rows = attribution_rows(parse(
        "There are 25 confirmed cases in the county, according to a news release from Lindqvist’s office. "
        "Researchers called the town a hot spot for infections, according to The Washington Post."
    ))
    by_speaker = {r.speaker: (r.source, r.source_type, r.speaker_resolution) for r in rows}
    assert by_speaker["The Washington Post"] == ("The Washington Post", "media", "none")
