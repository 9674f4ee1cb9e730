"""Attribution categories beyond "X said": evidence, requests, refusals, stances, noun cues, and quotation marks
and headlines as archives print them; one or more invented sentences per category, and cases that must not be
attributions.

Every sentence here was written for this file (people, places and organisations are invented). Each case
asserts the relation's kind, source, cue and content, and that the offsets give back the text; the negative
cases assert that nothing is attributed.

Decisions recorded by the negative cases:

* "said to be worth $1bn" is the passive hearsay frame: a hedge (hedges.yaml), not a relation, since nobody
  is named as saying it;
* scare quotes ("so-called 'reform'") are the outlet's distance from a word, not someone's statement;
* "asked for a glass of water" asks for a thing, not for an act or a position, so it is not a request
  attribution; "asked the operator to suspend the service" and "called for an inquiry" are (what is asked for
  is an act the source advocates);
* a purpose is not a stance: "The attack aims to cut supply lines" has no one who holds it;
* "asked not to be named" is the report's anonymity convention, not a request in the story;
* "for fear of" is an adverbial idiom and "charges of $40 million" an amount, not noun cues;
* "showed the photo" is an evidence verb without evidence as its subject and without a reported clause, and a
  document that is not evidence (report, statement) shows a clause, never an object ("the statement showed no
  remorse" is not an attribution; "a new report shows that ..." is);
* a position verb (supports, backs, opposes, proposes, endorses, praises, advocates with an object) is a cue
  only with a subject of its own that can hold a position (a name, or a noun for a person, group or body: "the
  port authority proposed", "the parish council endorsed") and not negated: "the data support the idea",
  "pillars support the roof", "she backs the plan" (a pronoun: left to the reporting verbs around it) and "gave
  evidence to support his account" (a shared subject) are not attributions; with a noun subject, support and
  back need a clause or gerund ("the food bank supports 300 families" helps them, "the fund backs firms" funds
  them); a position inside another relation's content stays with it;
* "warned of", "argued for", "insisted on" take the particle's object as content, never a time ("argued for
  hours"); "accused X of ..." and "blamed X for ..." attribute the object with its charge, and "blamed the
  weather", with no charge, nothing; a position with its own subject inside a report's content is a relation of
  its own, inside a finding's ("according to the poll, voters oppose ...") it is the finding's;
* "suggested" and "recommended" attribute their object only with a subject that can hold a stance ("the rash
  suggested an allergy" is no proposal); "questioned" puts a question only with a question clause;
* "wondered" and "queried" are cues only with an indirect question ("wondered at the view" is not), and an
  "if" clause after an object is a condition ("asked questions if ..."); "Asked whether ..., X said" puts the
  question to X, so X is not its source;
* a page label before a colon ("Note: ...") is no speaker of the quotation after it;
* a refusal is one in the story: "never comments" and "does not comment" are a habit or a policy, a document
  that "did not comment" refuses nothing, and a negated reply refuses only a request for the source's words
  ("did not return to work", "did not respond to treatment", "to calls for an inquiry" are none);
* a verb printed right after a closing quotation mark with its noun after it has that noun as its speaker
  ('"...?" asked one parent'); after narration the noun stays the addressee ("asked the clerk why ...").
"""

from __future__ import annotations

import pytest

from analysis.extraction.sources import attribution_rows, claim_rows


def relations(parsed) -> list[tuple[str, str, str, str]]:
    rows = attribution_rows(parsed)
    for a in rows:
        assert parsed.text[a.content_start : a.content_end] == a.content
        assert parsed.text[a.cue_start : a.cue_end] == a.cue
        if a.speaker_start is not None:
            assert parsed.text[a.speaker_start : a.speaker_end] == a.speaker
    return [(a.kind, a.source, a.cue, a.content) for a in rows]


CASES = [
    # --- evidence as a source: the document, poll or data set speaks through an evidence verb
    pytest.param(
        "Court documents show that the contractor billed the city twice for the same work.",
        [("indirect", "Court documents", "show", "the contractor billed the city twice for the same work")],
        id="evidence-documents-show-that",
    ),
    pytest.param(
        "The data showed a 12% fall in hospital admissions.",
        [("indirect", "The data", "showed", "a 12% fall in hospital admissions")],
        id="evidence-data-showed-object",
    ),
    pytest.param(
        "Polls show the governor trailing by ten points.",
        [("indirect", "Polls", "show", "the governor trailing by ten points")],
        id="evidence-polls-show",
    ),
    pytest.param(
        "Figures indicate that exports slowed in the spring.",
        [("indirect", "Figures", "indicate", "exports slowed in the spring")],
        id="evidence-figures-indicate",
    ),
    pytest.param(
        "Records reveal that the mine failed three inspections.",
        [("indirect", "Records", "reveal", "the mine failed three inspections")],
        id="evidence-records-reveal",
    ),
    pytest.param(
        "A survey by the Lakeside Institute found that most tenants could not afford a rise.",
        [("indirect", "A survey by the Lakeside Institute", "found", "most tenants could not afford a rise")],
        id="evidence-a-survey-found",
    ),
    # --- requests: the infinitive, clause or object asked for; the object of a request verb is addressed
    pytest.param(
        "The union urged members to reject the offer.",
        [("indirect", "The union", "urged", "to reject the offer")],
        id="request-urged-object-to",
    ),
    pytest.param(
        "Residents called for an inquiry into the flooding.",
        [("indirect", "Residents", "called for", "an inquiry into the flooding")],
        id="request-called-for",
    ),
    pytest.param(
        "The opposition called on the minister to resign.",
        [("indirect", "The opposition", "called on", "to resign")],
        id="request-called-on-to",
    ),
    pytest.param(
        "The council asked the operator to suspend the service.",
        [("indirect", "The council", "asked", "to suspend the service")],
        id="request-asked-to",
    ),
    pytest.param(
        "Parents demanded that the school reopen the library.",
        [("indirect", "Parents", "demanded", "the school reopen the library")],
        id="request-demanded-that",
    ),
    pytest.param(
        "The agency asked whether the permit was still valid.",
        [("indirect", "The agency", "asked", "whether the permit was still valid")],
        id="question-asked-whether",
    ),
    pytest.param(
        "Reporters asked Ms Osei if the ferry would run on Sunday.",
        [("indirect", "Reporters", "asked", "if the ferry would run on Sunday")],
        id="question-asked-someone-if",
    ),
    pytest.param(
        # the asker is not written: no source, the one asked is addressed
        "Mr Varga was asked whether he would stand again.",
        [("indirect", "", "asked", "whether he would stand again")],
        id="question-passive-asked-whether",
    ),
    # --- refusals: the cue is the refusal phrase, the content its topic, or the phrase itself with none
    pytest.param(
        "The airline declined to comment on the lawsuit.",
        [("indirect", "The airline", "declined to comment", "on the lawsuit")],
        id="refusal-declined-to-comment-on",
    ),
    pytest.param(
        "The hospital did not respond to a request for comment.",
        [("indirect", "The hospital", "did not respond to a request for comment",
          "did not respond to a request for comment")],
        id="refusal-no-response-no-topic",
    ),
    pytest.param(
        "The coach refused to say whether he would stay.",
        [("indirect", "The coach", "refused to say", "whether he would stay")],
        id="refusal-refused-to-say-whether",
    ),
    pytest.param(
        "The ferry operator would not comment on the timetable.",
        [("indirect", "The ferry operator", "would not comment", "on the timetable")],
        id="refusal-would-not-comment-on",
    ),
    pytest.param(
        "The museum has not commented on the loan.",
        [("indirect", "The museum", "has not commented", "on the loan")],
        id="refusal-has-not-commented",
    ),
    # a negated verb of saying or giving whose object is information asked of the source withholds it
    pytest.param(
        "The harbour master did not give a date for the reopening.",
        [("indirect", "The harbour master", "did not give", "a date for the reopening")],
        id="refusal-did-not-give-a-date",
    ),
    pytest.param(
        "Police would not release the driver\u2019s name.",
        [("indirect", "Police", "would not release", "the driver\u2019s name")],
        id="refusal-would-not-release-a-name",
    ),
    pytest.param("The mayor did not give a speech at the opening.", [], id="not-a-refusal-of-a-speech"),
    pytest.param("The harbour master does not give dates in advance.", [], id="not-a-refusal-as-a-policy"),
    pytest.param("The report did not give a reason for the delay.", [], id="not-a-refusal-by-a-document"),
    pytest.param(
        "The landlord did not return calls seeking comment.",
        [("indirect", "The landlord", "did not return calls seeking comment", "did not return calls seeking comment")],
        id="refusal-did-not-return-calls-seeking-comment",
    ),
    pytest.param(
        "The bakery's owner did not reply to emails from the paper.",
        [("indirect", "The bakery's owner", "did not reply to emails", "did not reply to emails")],
        id="refusal-did-not-reply-to-emails",
    ),
    pytest.param(
        "The goalkeeper did not respond to questions about his contract.",
        [("indirect", "The goalkeeper", "did not respond to questions", "about his contract")],
        id="refusal-questions-about-a-topic-is-one-relation",
    ),
    pytest.param(
        "A spokeswoman for the port declined to be interviewed.",
        [("indirect", "A spokeswoman for the port", "declined to be interviewed", "declined to be interviewed")],
        id="refusal-declined-to-be-interviewed",
    ),
    pytest.param(
        "The vineyard declined requests for comment.",
        [("indirect", "The vineyard", "declined requests for comment", "declined requests for comment")],
        id="refusal-declined-requests-for-comment",
    ),
    pytest.param(
        "The ferry company did not want to discuss the fare rise.",
        [("indirect", "The ferry company", "did not want to discuss", "the fare rise")],
        id="refusal-did-not-want-to-discuss",
    ),
    pytest.param(
        # a negated wish to act is a stance of its own, not a refusal
        "The coach did not want to rest his captain.",
        [("indirect", "The coach", "want", "to rest his captain")],
        id="stance-negated-want-to-act-is-no-refusal",
    ),
    pytest.param(
        "The council has described the plan to sell the park as \"short-sighted\".",
        [("mixed", "The council", "described", "the plan to sell the park as \"short-sighted\"")],
        id="described-as-on-the-object-infinitive",
    ),
    # --- speech verbs of exchange and manner, and the speaker printed after its verb
    pytest.param(
        '"We have nothing to hide from anyone," the brewery responded.',
        [("direct", "the brewery", "responded", "We have nothing to hide from anyone")],
        id="speech-responded-after-a-quote",
    ),
    pytest.param(
        "The brewery responded that its accounts were in order.",
        [("indirect", "The brewery", "responded", "its accounts were in order")],
        id="speech-responded-that",
    ),
    pytest.param(
        '"Bring a coat and maybe a boat," the organiser joked.',
        [("direct", "the organiser", "joked", "Bring a coat and maybe a boat")],
        id="speech-joked",
    ),
    pytest.param(
        'She continued: "Nobody told us the river would rise."',
        [("direct", "She", "continued", "Nobody told us the river would rise")],
        id="speech-continued-colon",
    ),
    pytest.param(
        '"Who will pay for the new roof?" asked one parent.',
        [("direct", "one parent", "asked", "Who will pay for the new roof?")],
        id="question-asked-after-a-quote-inverted",
    ),
    pytest.param(
        '"The market will open on Sunday," replied Ines Barros.',
        [("direct", "Ines Barros", "replied", "The market will open on Sunday")],
        id="speech-replied-inverted",
    ),
    # --- stance, belief and intention with a clause or an infinitive
    pytest.param(
        "The bank expects inflation to ease next year.",
        [("indirect", "The bank", "expects", "inflation to ease next year")],
        id="stance-expects-object-to",
    ),
    pytest.param(
        "Farmers fear that the drought will ruin the harvest.",
        [("indirect", "Farmers", "fear", "the drought will ruin the harvest")],
        id="stance-fear-that",
    ),
    pytest.param(
        "The mayor hopes to reopen the bridge by May.",
        [("indirect", "The mayor", "hopes", "to reopen the bridge by May")],
        id="stance-hopes-to",
    ),
    pytest.param(
        "Investors believe the merger will cut costs.",
        [("indirect", "Investors", "believe", "the merger will cut costs")],
        id="stance-believe",
    ),
    pytest.param(
        "The company plans to close three stores.",
        [("indirect", "The company", "plans", "to close three stores")],
        id="stance-plans-to",
    ),
    pytest.param(
        "Senator Ada Linwood aims to raise the voting age to 18.",
        [("indirect", "Ada Linwood", "aims", "to raise the voting age to 18")],
        id="stance-aims-to",
    ),
    pytest.param(
        "The Harbour Union worried that the new rota would exhaust staff.",
        [("indirect", "The Harbour Union", "worried", "the new rota would exhaust staff")],
        id="stance-worried-that",
    ),
    pytest.param(
        "Both sides agreed to resume talks.",
        [("indirect", "Both sides", "agreed", "to resume talks")],
        id="stance-agreed-to",
    ),
    pytest.param(
        "Engineers warned that the bridge could collapse.",
        [("indirect", "Engineers", "warned", "the bridge could collapse")],
        id="stance-warned-that",
    ),
    pytest.param(
        "The board acknowledged that the accounts were late.",
        [("indirect", "The board", "acknowledged", "the accounts were late")],
        id="stance-acknowledged",
    ),
    pytest.param(
        "Officials were concerned that the dam would fail.",
        [("indirect", "Officials", "were concerned", "the dam would fail")],
        id="stance-adjective-with-copula",
    ),
    pytest.param(
        # the small model hangs the subject on the copula of "is convinced"
        "Officials are convinced the new ferry will be late.",
        [("indirect", "Officials", "are convinced", "the new ferry will be late")],
        id="stance-adjective-subject-on-the-copula",
    ),
    pytest.param(
        # negated: the clause is what the subject does not hold
        "Officials are not convinced the new ferry will be late.",
        [],
        id="stance-adjective-negated-is-none",
    ),
    # --- a stance of mind with its own subject inside another relation's content is a relation of its own
    pytest.param(
        "The coach said he expected the stadium to be full on Saturday.",
        [
            ("indirect", "The coach", "said", "he expected the stadium to be full on Saturday"),
            ("indirect", "The coach", "expected", "the stadium to be full on Saturday"),
        ],
        id="stance-nested-with-its-own-subject",
    ),
    pytest.param(
        "The warden said hikers were worried that the trail would flood.",
        [
            ("indirect", "The warden", "said", "hikers were worried that the trail would flood"),
            ("indirect", "hikers", "were worried", "the trail would flood"),
        ],
        id="stance-adjective-nested-with-its-own-subject",
    ),
    pytest.param(
        # a thing holds no stance: "aims to" inside the content states the plan's purpose
        "The coach said the new schedule aims to cut travel.",
        [("indirect", "The coach", "said", "the new schedule aims to cut travel")],
        id="stance-nested-with-a-thing-as-subject-is-no-relation",
    ),
    # --- "said in a video that ...": the reported clause the small model reads as a relative clause
    pytest.param(
        "Mr Okoro has alleged on a Lagos-based radio station that Mr Bode offered cash to the committee to buy its support.",
        [("indirect", "Okoro", "alleged", "Mr Bode offered cash to the committee to buy its support")],
        id="clause-after-on-a-radio-station-read-as-relative",
    ),
    pytest.param(
        "Tanaka had alleged in a video that Reyes demanded a payment of $5,000 for a meeting with the governor.",
        [("indirect", "Tanaka", "alleged", "Reyes demanded a payment of $5,000 for a meeting with the governor")],
        id="clause-after-in-a-video-read-as-relative",
    ),
    pytest.param(
        # a true relative clause: "that" is the object of "recorded"
        "Ms Varga spoke in a podcast that her brother recorded in March.",
        [],
        id="relative-clause-after-in-a-podcast-is-no-content",
    ),
    # --- noun cues: the source is the possessor, a by/from phrase or a light verb's subject, else nobody
    pytest.param(
        "There were allegations that the treasurer misused public funds.",
        [("indirect", "", "allegations that", "the treasurer misused public funds")],
        id="noun-allegations-that",
    ),
    pytest.param(
        # a noun cue inside another relation's content stays with that content (dedupe._own_cue)
        "The minister denied allegations that he misused public funds.",
        [("indirect", "The minister", "denied", "allegations that he misused public funds")],
        id="noun-allegations-that-under-a-denial",
    ),
    pytest.param(
        "The announcement that the plant would close came on Friday.",
        [("indirect", "", "announcement that", "the plant would close")],
        id="noun-announcement-that",
    ),
    pytest.param(
        "Tomas Berg lost the election. His claim that the vote was rigged was rejected by the court.",
        [("indirect", "Tomas Berg", "claim that", "the vote was rigged")],
        id="noun-his-claim-that",
    ),
    pytest.param(
        "Residents raised questions about the safety of the dam.",
        [("indirect", "Residents", "questions about", "the safety of the dam")],
        id="noun-questions-about-light-verb",
    ),
    pytest.param(
        "In a reply to union claims of the two sides nearing a deal, the board said talks had stalled.",
        [
            ("indirect", "", "claims of", "the two sides nearing a deal"),
            ("indirect", "the board", "said", "talks had stalled"),
        ],
        id="noun-claims-of-a-proposition",
    ),
    pytest.param(
        "The belief that prices will fall has kept buyers away.",
        [("indirect", "", "belief that", "prices will fall")],
        id="noun-the-belief-that",
    ),
    # --- "citing X": a second source of the same content
    pytest.param(
        "The company will cut 500 jobs, the newspaper reported on Friday, citing two sources.",
        [
            ("indirect", "the newspaper", "reported", "The company will cut 500 jobs"),
            ("indirect", "two sources", "citing", "The company will cut 500 jobs"),
        ],
        id="speech-reported-citing",
    ),
    # --- quotation marks and headlines as printed
    pytest.param(
        "''We will not sell the club,'' the owner said.",
        [("direct", "the owner", "said", "We will not sell the club")],
        id="two-apostrophe-quotes",
    ),
    pytest.param(
        "Mayor Rosa Lind on the budget: 'We will not cut a single library'",
        [("direct", "Rosa Lind", ":", "We will not cut a single library")],
        id="headline-name-on-topic-colon",
    ),
    pytest.param(
        "“We have walked away and we will not come back.”\n\nhe said on Monday.",
        [("direct", "he", "said", "We have walked away and we will not come back")],
        id="he-said-after-a-paragraph-break",
    ),
    pytest.param(
        'The minister said: "We will not compromise on the vote. This will not be a deal at any cost.',
        [("direct", "The minister", "said", "We will not compromise on the vote. This will not be a deal at any cost")],
        id="quote-after-colon-running-on",
    ),
    # --- questions: the indirect question keeps its "whether", "if" or wh-word, so it never reads as a claim
    pytest.param(
        "Tomas Verhoef wondered whether the league would survive another season.",
        [("indirect", "Tomas Verhoef", "wondered", "whether the league would survive another season")],
        id="question-wondered-whether",
    ),
    pytest.param(
        "The senator asked if the budget had been approved.",
        [("indirect", "The senator", "asked", "if the budget had been approved")],
        id="question-asked-if",
    ),
    pytest.param(
        "Nadia Ferro queried why the vote had been delayed.",
        [("indirect", "Nadia Ferro", "queried", "why the vote had been delayed")],
        id="question-queried-why",
    ),
    pytest.param(
        # the one a question is put to is its addressee, not its asker; the asker (the reporter) is not written
        'Asked whether she would resign, Nadia Ferro said: "I have no plans to step down."',
        [("indirect", "", "Asked", "whether she would resign"), ("direct", "Nadia Ferro", "said", "I have no plans to step down")],
        id="question-asked-participle-has-no-asker",
    ),
    pytest.param(
        "When asked if the depot would close, Ivo Brandt said no decision had been made.",
        [("indirect", "", "asked", "if the depot would close"), ("indirect", "Ivo Brandt", "said", "no decision had been made")],
        id="question-when-asked-if",
    ),
    # --- colon-introduced quotations: the name before the colon speaks, the quotation is the content
    pytest.param(
        'Ivo Brandt said: "We will not give up the fight." He left.',
        [("direct", "Ivo Brandt", "said", "We will not give up the fight")],
        id="colon-said-colon-quote",
    ),
    pytest.param(
        'Ivo Brandt: "We will not give up the fight."',
        [("direct", "Ivo Brandt", ":", "We will not give up the fight")],
        id="colon-name-colon-quote",
    ),
    # --- evidence and documents that speak through a verb of finding or suggesting
    pytest.param(
        "A report found that the clinic had lost patient files.",
        [("indirect", "A report", "found", "the clinic had lost patient files")],
        id="evidence-a-report-found",
    ),
    pytest.param(
        "The study suggests that the drug lowers blood pressure.",
        [("indirect", "The study", "suggests", "the drug lowers blood pressure")],
        id="evidence-the-study-suggests",
    ),
    pytest.param(
        "A new report shows that rents rose by a third.",
        [("indirect", "A new report", "shows", "rents rose by a third")],
        id="evidence-a-report-shows-that",
    ),
    # --- positions: a named person or body supports, backs, opposes, proposes, endorses or praises
    pytest.param(
        "Senator Ada Linwood supports raising the minimum wage.",
        [("indirect", "Ada Linwood", "supports", "raising the minimum wage")],
        id="position-supports-gerund",
    ),
    pytest.param(
        "The Harbour Union endorsed the proposal to cut fares.",
        [("indirect", "The Harbour Union", "endorsed", "the proposal to cut fares")],
        id="position-endorsed-object",
    ),
    pytest.param(
        "Lena Osei proposed a ban on night flights.",
        [("indirect", "Lena Osei", "proposed", "a ban on night flights")],
        id="position-proposed-object",
    ),
    pytest.param(
        "Lena Osei proposed that the council ban night flights.",
        [("indirect", "Lena Osei", "proposed", "the council ban night flights")],
        id="position-proposed-that",
    ),
    pytest.param(
        "Governor Rafe Kallis praised the volunteers for their courage.",
        [("indirect", "Rafe Kallis", "praised", "the volunteers")],
        id="position-praised-object",
    ),
    pytest.param(
        "The Green Party backs a tax on private jets.",
        [("indirect", "The Green Party", "backs", "a tax on private jets")],
        id="position-backs-object",
    ),
    pytest.param(
        "Mikel Ardanza opposes the new stadium.",
        [("indirect", "Mikel Ardanza", "opposes", "the new stadium")],
        id="position-opposes-object",
    ),
    pytest.param(
        "The port authority proposed a speed limit for jet skis.",
        [("indirect", "The port authority", "proposed", "a speed limit for jet skis")],
        id="position-proposed-by-a-role",
    ),
    pytest.param(
        "The parish council endorsed the new cycle route.",
        [("indirect", "The parish council", "endorsed", "the new cycle route")],
        id="position-endorsed-by-a-body",
    ),
    pytest.param(
        "The residents' association opposes the sale of the field.",
        [("indirect", "The residents' association", "opposes", "the sale of the field")],
        id="position-opposed-by-a-body",
    ),
    pytest.param(
        "Campaigners advocated for a ban on disposable vapes.",
        [("indirect", "Campaigners", "advocated for", "a ban on disposable vapes")],
        id="position-advocated-for",
    ),
    # --- stances on what a particle introduces, and accusations with their charge
    pytest.param(
        "The lifeboat crew warned of strong currents near the pier.",
        [("indirect", "The lifeboat crew", "warned of", "strong currents near the pier")],
        id="stance-warned-of",
    ),
    pytest.param(
        "The nurses' union warned against closing the night ward.",
        [("indirect", "The nurses' union", "warned against", "closing the night ward")],
        id="stance-warned-against-gerund",
    ),
    pytest.param(
        "The finance minister argued for a slower rise in rents.",
        [("indirect", "The finance minister", "argued for", "a slower rise in rents")],
        id="stance-argued-for",
    ),
    pytest.param(
        "The governor insisted on a full audit of the port.",
        [("indirect", "The governor", "insisted on", "a full audit of the port")],
        id="stance-insisted-on",
    ),
    pytest.param(
        "The mayor accused the builder of ignoring the height limit.",
        [("indirect", "The mayor", "accused", "the builder of ignoring the height limit")],
        id="accused-of",
    ),
    pytest.param(
        "Shopkeepers blamed the roadworks for the drop in trade.",
        [("indirect", "Shopkeepers", "blamed", "the roadworks for the drop in trade")],
        id="blamed-for",
    ),
    pytest.param(
        "The Valley Herald reports the council approved the school after the developer proposed a smaller car park.",
        [("indirect", "The Valley Herald", "reports",
          "the council approved the school after the developer proposed a smaller car park"),
         ("indirect", "the developer", "proposed", "a smaller car park")],
        id="position-with-its-own-subject-inside-a-report",
    ),
    pytest.param(
        "Officers suggested a change of rota for night shifts.",
        [("indirect", "Officers", "suggested", "a change of rota for night shifts")],
        id="proposal-suggested-object",
    ),
    pytest.param(
        "Councillor Ama Boateng questioned if the grant could have saved the pool.",
        [("indirect", "Ama Boateng", "questioned", "if the grant could have saved the pool")],
        id="question-questioned-if",
    ),
    pytest.param(
        "The tenants demanded for the landlord to repair the lift.",
        [("indirect", "The tenants", "demanded", "the landlord to repair the lift")],
        id="request-demanded-for",
    ),
    pytest.param(
        "The club blamed the defeat on the referee.",
        [("indirect", "The club", "blamed", "the defeat on the referee")],
        id="blamed-on",
    ),
    pytest.param(
        # the participle the parse hangs on the passive reported clause is the coroner's next report; the month
        # is when, not who
        "A coroner in March recommended that the crossing be closed, saying it was too dangerous for children.",
        [("indirect", "A coroner", "recommended", "the crossing be closed"),
         ("indirect", "A coroner", "saying", "it was too dangerous for children")],
        id="participle-after-a-passive-reported-clause",
    ),
    pytest.param(
        # a position inside another relation's content (here the poll's) stays with that content
        "According to the poll, Lakeside voters oppose the new stadium.",
        [("according_to", "the poll", "According to", "Lakeside voters oppose the new stadium")],
        id="position-inside-according-to",
    ),
    # --- not attributions
    pytest.param("Tomas Verhoef wondered at the view.", [], id="not-wondered-without-a-question"),
    pytest.param("Nadia Ferro asked questions if the meeting ran late.", [], id="not-asked-with-a-condition"),
    # a report closing its sentence after a speaker set off by a comma, whatever the parse made of the clause
    pytest.param(
        "The bakery chain is weighing a bid for its smaller rival Crumbwell, the Harbour Gazette reported, citing two "
        "people close to the talks.",
        [("indirect", "the Harbour Gazette", "reported", "The bakery chain is weighing a bid for its smaller rival Crumbwell")],
        id="inverted-report-after-a-long-clause",
    ),
    pytest.param(
        "The tenants had paid rent for a flat that did not meet safety rules, housing officer Dana Pike told the tribunal.",
        [("indirect", "Dana Pike", "told", "The tenants had paid rent for a flat that did not meet safety rules")],
        id="inverted-told-after-a-relative-clause",
    ),
    pytest.param(
        "The two hikers were found on Sunday, and rangers said they were unhurt, the park service reported.",
        [
            ("indirect", "the park service", "reported", "The two hikers were found on Sunday, and rangers said they were unhurt"),
            ("indirect", "rangers", "said", "they were unhurt"),
        ],
        id="inverted-report-over-a-passive-and-a-report",
    ),
    pytest.param(
        "The council said that the pool roof was unsafe but that repairs could not start before spring, the Lakeside "
        "Herald reported.",
        [
            ("indirect", "the Lakeside Herald", "reported",
             "The council said that the pool roof was unsafe but that repairs could not start before spring"),
            ("indirect", "The council", "said", "the pool roof was unsafe but that repairs could not start before spring"),
        ],
        id="inverted-report-over-a-report-of-two-that-clauses",
    ),
    pytest.param(
        "The coach said that the squad was tired and that two players were injured.",
        [("indirect", "The coach", "said", "the squad was tired and that two players were injured")],
        id="two-that-clauses-of-one-report",
    ),
    # a participle the parse hangs on a reported clause whose subject is a thing is the reporter's
    pytest.param(
        "But Marsh said the latest defeat was different, adding that the home crowd would be proud of the players.",
        [
            ("indirect", "Marsh", "said", "the latest defeat was different"),
            ("indirect", "Marsh", "adding", "the home crowd would be proud of the players"),
        ],
        id="adding-after-a-clause-about-a-thing",
    ),
    pytest.param(
        "Officers said the driver had phoned his brother, saying the brakes had failed.",
        [
            ("indirect", "Officers", "said", "the driver had phoned his brother"),
            ("indirect", "the driver", "saying", "the brakes had failed"),
        ],
        id="not-the-reporter-s-participle-after-a-person-s-clause",
    ),
    # "it was believed" is a hedge (hedges.yaml), "it was announced" a relation whose speaker is not written
    pytest.param("It was believed the ferry had sunk in the storm.", [], id="not-an-expletive-belief-passive"),
    pytest.param(
        "It was announced that the ferry service would resume in May.",
        [("indirect", "", "announced", "the ferry service would resume in May")],
        id="expletive-announcement-passive",
    ),
    # a complementiser the parse makes a second subject of "were concerned" is no speaker
    pytest.param(
        "Nurse Ellen Dorsey said during the hearing that some hospital porters were concerned that the lifts would fail.",
        [
            ("indirect", "Ellen Dorsey", "said", "some hospital porters were concerned that the lifts would fail"),
            ("indirect", "some hospital porters", "were concerned", "the lifts would fail"),
        ],
        id="concerned-after-said-that",
    ),
    # the agency of a dateline is no body a description in the copy refers back to
    pytest.param(
        "BERLIN (Reuters) - The company said it would open a new office.",
        [("indirect", "The company", "said", "it would open a new office")],
        id="not-the-dateline-agency-for-the-company",
    ),
    pytest.param(
        "BERLIN (Reuters) - Reuters said it would open a new office.",
        [("indirect", "Reuters", "said", "it would open a new office")],
        id="the-agency-named-in-the-copy",
    ),
    # a tensed verb of saying conjoined to a modal clause about a thing is the speaker's next report
    pytest.param(
        "Fennec claims the new router can reach speeds of 900 megabits and says customers will see fewer dropped calls.",
        [
            ("indirect", "Fennec", "claims", "the new router can reach speeds of 900 megabits"),
            ("indirect", "Fennec", "says", "customers will see fewer dropped calls"),
        ],
        id="says-after-a-modal-clause-about-a-thing",
    ),
    pytest.param(
        "The union said the merger made too many cuts and threatens the future of the plant.",
        [("indirect", "The union", "said", "the merger made too many cuts and threatens the future of the plant")],
        id="not-the-speaker-s-verb-without-a-modal",
    ),
    # a condition inside a content is part of what was said, also when its verb can report ("continues", "adds")
    pytest.param(
        "Ferry crews said the service would stop unless the company adds two boats.",
        [("indirect", "Ferry crews", "said", "the service would stop unless the company adds two boats")],
        id="condition-clause-in-the-content",
    ),
    pytest.param(
        "The mayor said the road would reopen, and the council added that tolls would stay.",
        [
            ("indirect", "The mayor", "said", "the road would reopen"),
            ("indirect", "the council", "added", "tolls would stay"),
        ],
        id="not-a-condition-but-a-second-report",
    ),
    # what a finding shows of its object, hung on the verb, is the finding's; a date or "according to" is not
    pytest.param(
        "Two new polls show each candidate with a three-point lead.",
        [("indirect", "Two new polls", "show", "each candidate with a three-point lead")],
        id="finding-with-a-phrase-on-the-verb",
    ),
    pytest.param(
        "The survey showed a rise in rents in March.",
        [("indirect", "The survey", "showed", "a rise in rents")],
        id="not-a-date-in-a-finding",
    ),
    # what a body wants, as an object; the narrator's description of the object stays out
    pytest.param(
        "Health Secretary Nina Ford wants answers from the hospital trust, which runs three hospitals in the city.",
        [("indirect", "Nina Ford", "wants", "answers from the hospital trust")],
        id="wants-an-object-without-the-narrator-s-relative-clause",
    ),
    pytest.param(
        "The nurses' union wants a pay rise of 8% this year.",
        [("indirect", "The nurses' union", "wants", "a pay rise of 8% this year")],
        id="wants-an-object",
    ),
    pytest.param(
        "Activists slammed the new law, which takes effect in May.",
        [("indirect", "Activists", "slammed", "the new law")],
        id="object-without-the-narrator-s-relative-clause",
    ),
    # a point stressed or acknowledged, as an object; a person or a group acknowledged is a greeting
    pytest.param(
        "Councillor Ana Ruiz acknowledged the importance of the survey.",
        [("indirect", "Ana Ruiz", "acknowledged", "the importance of the survey")],
        id="acknowledged-a-point",
    ),
    pytest.param(
        "The head teacher stressed the need for a new roof.",
        [("indirect", "The head teacher", "stressed", "the need for a new roof")],
        id="stressed-a-point",
    ),
    pytest.param("The striker acknowledged the fans after the match.", [], id="not-acknowledging-a-group"),
    pytest.param("Ana Ruiz acknowledged him with a nod.", [], id="not-acknowledging-a-person"),
    pytest.param("The engine stressed the frame.", [], id="not-a-stress-of-a-thing-by-a-thing"),
    pytest.param("Mr Hale did not stress the need for an inquiry.", [], id="not-a-negated-stress"),
    # a gerund denied or admitted is the content; a gerund of an act is none
    pytest.param(
        "The company denied breaking the export rules.",
        [("indirect", "The company", "denied", "breaking the export rules")],
        id="denied-a-gerund",
    ),
    pytest.param(
        "Mr Hale admitted taking the money from the club.",
        [("indirect", "Hale", "admitted", "taking the money from the club")],
        id="admitted-a-gerund",
    ),
    pytest.param("The bakery kept selling bread through the strike.", [], id="not-a-gerund-of-an-act"),
    pytest.param("The results suggest raising the dose.", [], id="not-a-gerund-of-a-finding"),
    # a forecast of a thing is a position; a wish to stay unnamed is the report's convention, not a wish
    pytest.param(
        "Economists forecast a rise in rents of 4% next year.",
        [("indirect", "Economists", "forecast", "a rise in rents of 4% next year")],
        id="forecast-an-object",
    ),
    pytest.param("The storm forecast a rise in river levels.", [], id="not-a-forecast-by-a-thing"),
    pytest.param(
        "One shopkeeper, wishing to remain anonymous, said the market had lost trade.",
        [("indirect", "One shopkeeper", "said", "the market had lost trade")],
        id="not-a-wish-to-remain-anonymous",
    ),
    pytest.param(
        "The charity wants to remain independent of the council.",
        [("indirect", "The charity", "wants", "to remain independent of the council")],
        id="a-wish-to-remain-something-else",
    ),
    # a passive with a "by" agent that can hold a stance: the passive subject is what the agent denied or opposed
    pytest.param(
        "The report of a takeover has been denied by the club.",
        [("indirect", "the club", "denied", "The report of a takeover")],
        id="passive-denial-with-an-agent",
    ),
    pytest.param(
        "The proposals for the wind farm were opposed by campaigners.",
        [("indirect", "campaigners", "opposed", "The proposals for the wind farm")],
        id="passive-position-with-an-agent",
    ),
    pytest.param("The town was blasted by storms overnight.", [], id="not-a-passive-with-a-thing-as-agent"),
    pytest.param("The roof is supported by steel pillars.", [], id="not-a-passive-support-by-a-thing"),
    pytest.param("The takeover report was denied on Monday.", [], id="not-a-passive-without-an-agent"),
    # "deny" with a thing applied for grants or refuses it: a decision, not a claim contested
    pytest.param("The magistrate denied the request for an adjournment.", [], id="not-a-denied-request"),
    pytest.param("Appeal court judge denies bail motion", [], id="not-a-denied-motion-in-a-headline"),
    pytest.param("The planning application was denied by the council.", [], id="not-a-passive-denied-application"),
    pytest.param(
        "The magistrate denied the claim that the court had lost the file.",
        [("indirect", "The magistrate", "denied", "the claim that the court had lost the file")],
        id="denied-a-claim",
    ),
    # "urged for" asks for what "for" introduces; a "for" inside the infinitive asked for stays in it
    pytest.param(
        "Ana Ruiz, a local resident, urged for a new flood study to be carried out.",
        [("indirect", "Ana Ruiz", "urged for", "a new flood study to be carried out")],
        id="urged-for",
    ),
    pytest.param(
        "Police urged drivers to slow down for the fog.",
        [("indirect", "Police", "urged", "to slow down for the fog")],
        id="not-urged-for-inside-the-infinitive",
    ),
    pytest.param("The council does not want a new stadium.", [], id="not-a-negated-want"),
    pytest.param("The old bridge wants a coat of paint.", [], id="not-a-want-of-a-thing"),
    pytest.param("Police are seeking a man in his forties.", [], id="not-seeking-someone"),
    # a participle of a verb whose object is its content, after a comma, is the speaker's next report
    pytest.param(
        "Councillor Ann Reid told the Gazette she would not step down, denying claims that she had misled the "
        "planning committee.",
        [
            ("indirect", "Ann Reid", "told", "she would not step down"),
            ("indirect", "Ann Reid", "denying", "claims that she had misled the planning committee"),
        ],
        id="denying-after-a-report",
    ),
    pytest.param(
        "The trust said the ward would close, costing the town its only maternity unit.",
        [("indirect", "The trust", "said", "the ward would close, costing the town its only maternity unit")],
        id="not-a-report-in-a-participle-of-cost",
    ),
    # a "she said" after a report of what another did goes on with the reporter, not the one reported on
    pytest.param(
        "But Ortiz said Keller has neglected the harbour. She said she had to fight to keep the ferry running.",
        [
            ("indirect", "Ortiz", "said", "Keller has neglected the harbour"),
            ("indirect", "Ortiz", "said", "she had to fight to keep the ferry running"),
        ],
        id="pronoun-after-a-report-is-the-reporter",
    ),
    pytest.param(
        "Ortiz met Keller on Monday. She said the harbour would reopen.",
        [("indirect", "Keller", "said", "the harbour would reopen")],
        id="not-the-reporter-after-a-meeting",
    ),
    # an "as" clause of a verb of saying reports the clause it is set off from by a comma
    pytest.param(
        "Rents rose again in March, as the agency had predicted.",
        [("indirect", "the agency", "predicted", "Rents rose again in March")],
        id="as-clause-after",
    ),
    pytest.param(
        "As the mayor noted on Monday, the bridge has been closed for a year.",
        [("indirect", "the mayor", "noted", "the bridge has been closed for a year")],
        id="as-clause-before",
    ),
    pytest.param("The crowd cheered as she spoke.", [], id="not-an-as-clause-of-time"),
    pytest.param("As the council announced cuts, the union called a strike.", [], id="not-an-as-clause-with-an-object"),
    pytest.param("After the flat failed its inspection, housing officer Dana Pike told the tribunal.", [],
                 id="not-an-inverted-report-of-a-circumstance"),
    pytest.param("When the storm reached the coast, residents said goodbye to their boats.", [],
                 id="not-an-inverted-report-with-an-object"),
    pytest.param('Note: "Prices include tax."', [], id="not-a-label-before-a-colon-quote"),
    pytest.param("Mikel Ardanza does not oppose the new stadium.", [], id="not-a-negated-position"),
    pytest.param("The data support the idea of a slowdown.", [], id="not-a-position-of-data"),
    pytest.param("The food bank supports 300 families in the town.", [], id="not-support-as-help-by-a-body"),
    pytest.param("The fund backs young software firms.", [], id="not-backing-as-funding-by-a-body"),
    pytest.param("The lawyers argued for hours.", [], id="not-arguing-for-a-time"),
    pytest.param("The rash suggested an allergy to nuts.", [], id="not-a-proposal-by-a-thing"),
    pytest.param("The auditors questioned the figures.", [], id="not-a-question-without-a-question-clause"),
    pytest.param("The tenants demanded a meeting with the landlord for Friday.", [], id="not-demanded-an-object-for-a-time"),
    pytest.param("Fans blamed the weather.", [], id="not-blame-without-a-charge"),
    pytest.param(
        "The president insisted on Monday that the talks would go on.",
        [("indirect", "The president", "insisted", "the talks would go on")],
        id="not-a-particle-of-time",
    ),
    pytest.param("Steel pillars support the roof.", [], id="not-support-as-a-load"),
    pytest.param("The statement showed no remorse.", [], id="not-a-document-showing-an-object"),
    pytest.param("The plan proposes a new tax.", [], id="not-a-plan-proposing"),
    pytest.param("She backs the plan.", [], id="not-a-position-with-a-pronoun-subject"),
    pytest.param("Ivo Brandt gave evidence to support his account.", [], id="not-a-position-with-a-shared-subject"),
    pytest.param("The company, said to be worth $1bn, is for sale.", [], id="not-said-to-be-worth"),
    pytest.param('The so-called "reform" has cost thousands of jobs.', [], id="not-scare-quotes"),
    pytest.param("He asked for a glass of water.", [], id="not-asked-for-a-thing"),
    pytest.param("The attack aims to cut supply lines.", [], id="not-a-purpose"),
    pytest.param("Investors worry about the debt.", [], id="not-a-worry-without-a-clause"),
    pytest.param("He showed the photo to his friends.", [], id="not-showed-an-object"),
    pytest.param("Charges of $40 million were booked in the quarter.", [], id="not-charges-of-an-amount"),
    pytest.param("The plant closed for fear of a flood.", [], id="not-for-fear-of"),
    pytest.param("Claims of 5,000 euros were paid.", [], id="not-claims-of-an-amount"),
    pytest.param("The bank never comments on market rumours.", [], id="not-a-policy-of-no-comment"),
    pytest.param("The witness did not wish to be named.", [], id="not-a-wish-for-anonymity"),
    pytest.param("The council was asked to pay the bill.", [], id="not-a-passive-request-without-a-question"),
    pytest.param("The survey did not comment on wages.", [], id="not-a-document-without-comment"),
    pytest.param("The nurse did not return to work after the strike.", [], id="not-returning-to-work"),
    pytest.param("The patient did not respond to treatment.", [], id="not-responding-to-treatment"),
    pytest.param("The ministry did not respond to calls for an inquiry.", [], id="not-calls-for-something-else"),
    pytest.param("The winger declined the offer of a new contract.", [], id="not-declining-an-offer"),
    pytest.param("Firefighters responded to the blaze within minutes.", [], id="not-responding-to-a-fire"),
    pytest.param("The search continued on Tuesday.", [], id="not-continuing-without-words"),
    pytest.param("The two runners shared the prize.", [], id="not-sharing-a-prize"),
    pytest.param(
        "The judge asked the clerk why the file was missing.",
        [("indirect", "The judge", "asked", "why the file was missing")],
        id="not-an-inverted-speaker-after-narration",
    ),
    pytest.param(
        "Two officials, who asked not to be named, said the talks had stalled.",
        [("indirect", "Two officials", "said", "the talks had stalled")],
        id="not-asked-not-to-be-named",
    ),
    # a report inside a quotation, of a third party or of evidence, is a row of its own beside the quotation's
    pytest.param(
        "\u201cMost worrying, the audit found that the pumps had failed,\u201d the engineers wrote.",
        [
            ("direct", "the engineers", "wrote", "Most worrying, the audit found that the pumps had failed"),
            ("indirect", "the audit", "found", "the pumps had failed"),
        ],
        id="evidence-inside-a-quotation",
    ),
    pytest.param(
        "\u201cUptake is faster than expected, Ana Ruiz told investors on Monday,\u201d Tom Hale writes.",
        [
            ("indirect", "Ana Ruiz", "told", "Uptake is faster than expected"),
            ("direct", "Tom Hale", "writes", "Uptake is faster than expected, Ana Ruiz told investors on Monday"),
        ],
        id="inverted-report-inside-a-quotation",
    ),
    pytest.param(
        "He writes, \u201cBut if the survey is right, some engineers say, it will be the biggest repair in years.\u201d",
        [
            ("direct", "He", "writes", "But if the survey is right, some engineers say, it will be the biggest repair in years"),
            ("indirect", "some engineers", "say", "it will be the biggest repair in years"),
        ],
        id="interrupting-report-inside-a-quotation",
    ),
    pytest.param(
        "\u201cMy son said \u2018I want to go home.\u2019\u201d",
        [("direct", "", "", "My son said \u2018I want to go home"), ("direct", "My son", "said", "I want to go home")],
        id="quotation-reported-inside-a-quotation",
    ),
    pytest.param(
        "The mayor was blunt: \u201cThe audit found that the pumps had failed.\u201d",
        [
            ("direct", "The mayor", ":", "The audit found that the pumps had failed"),
            ("indirect", "The audit", "found", "the pumps had failed"),
        ],
        id="report-inside-a-quotation-after-a-colon",
    ),
    # a quotation with no cue after it goes on with the quotation's speaker, not with one it reported
    pytest.param(
        "\u201cOur son told us \u2018I want to go home\u2019,\u201d Ana Ruiz said after the hearing. "
        "\u201cWe will appeal the ruling.\u201d",
        [
            ("direct", "Ana Ruiz", "said", "Our son told us \u2018I want to go home"),
            ("direct", "Our son", "told", "I want to go home"),
            ("direct", "Ana Ruiz", "", "We will appeal the ruling"),
        ],
        id="quotation-after-a-report-inside-a-quotation",
    ),
    # but not the quoted speaker's own words, a wish, a denial or a condition, nor talk to the listener
    pytest.param(
        "\u201cI told them the pumps had failed,\u201d the engineer said.",
        [("direct", "the engineer", "said", "I told them the pumps had failed")],
        id="not-a-first-person-report-inside-a-quotation",
    ),
    pytest.param(
        "\u201cPeople here wanted to be asked first,\u201d she said.",
        [("direct", "she", "said", "People here wanted to be asked first")],
        id="not-a-wish-inside-a-quotation",
    ),
    pytest.param(
        "\u201cThe council did not tell us the pumps had failed,\u201d the engineer said.",
        [("direct", "the engineer", "said", "The council did not tell us the pumps had failed")],
        id="not-a-negated-report-inside-a-quotation",
    ),
    pytest.param(
        "\u201cIf the inspectors say the dam is safe, the plant will reopen,\u201d the engineer said.",
        [("direct", "the engineer", "said", "If the inspectors say the dam is safe, the plant will reopen")],
        id="not-a-condition-inside-a-quotation",
    ),
    pytest.param(
        "\u201cEveryone is telling you the town is dying,\u201d she said.",
        [("direct", "she", "said", "Everyone is telling you the town is dying")],
        id="not-talk-to-the-listener-inside-a-quotation",
    ),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_category(parse, text, expected):
    assert relations(parse(text)) == expected


@pytest.mark.parametrize(
    "text, basis",
    [
        pytest.param("Court documents show that the contractor billed the city twice.", "evidence", id="documents"),
        pytest.param("According to the poll, most voters back the plan.", "evidence", id="according-to-a-poll"),
        pytest.param("A statement from the company said it would appeal.", "attributed", id="a-statement-speaks"),
        pytest.param("The mayor said the bridge would reopen.", "attributed", id="a-person"),
    ],
)
def test_claims_resting_on_evidence(parse, text, basis):
    parsed = parse(text)
    attributed = [c for c in claim_rows(parsed, attribution_rows(parsed)) if c.attribution_id is not None]
    assert [c.basis for c in attributed] == [basis]


def test_request_object_is_the_addressee(parse):
    (row,) = attribution_rows(parse("The union urged members to reject the offer."))
    assert (row.addressee, row.via) == ("members", "")
