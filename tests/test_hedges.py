"""Hedges in the ``cues`` table: epistemic hedges and weasel words, their categories, the senses the parse
excludes, and what each hedge makes vague (``target``).

Rules: analysis/framing/weasels.py; word lists and their rules: analysis/data/weasel_words.yaml and
analysis/data/epistemic_hedges.yaml. Every case below is written for this file, not taken from a gold set.
"""

from __future__ import annotations

import dataclasses

import pytest

from analysis.extraction import framing
from analysis.extraction.framing.cues import HEDGE_CATEGORIES
from analysis.extraction.mentions import mention_rows
from analysis.extraction.sources import Attribution


def hedges(parse, text: str, attributions=()) -> list[framing.Cue]:
    parsed = parse(text)
    return [c for c in framing.cue_rows(parsed, mention_rows(parsed), list(attributions)) if c.cue_type == "hedge"]


def reported(text: str, content: str) -> Attribution:
    """A hand-made attribution whose content is the first occurrence of ``content`` in ``text``."""
    start = text.index(content)
    blank = {f.name: None if f.name.endswith(("_start", "_end")) else "" for f in dataclasses.fields(Attribution)}
    return Attribution(**{**blank, "sentence_id": 0, "start": 0, "end": len(text), "text": text, "attribution_id": 0,
                          "content": content, "content_start": start, "content_end": start + len(content)})


def assert_hedge(rows, text: str, cue: str, start: int, category: str, target: str) -> None:
    """One hedge row ``cue`` at ``start`` with ``category`` and ``target`` (a span of ``text``, or empty)."""
    found = [c for c in rows if c.start == start]
    assert found, f"no hedge at {start} ({cue!r}) in {[(c.text, c.start) for c in rows]}"
    row = found[0]
    assert (row.text, row.start, row.end) == (cue, start, start + len(cue))
    assert text[row.start : row.end] == cue
    assert (row.cue_type, row.category) == ("hedge", category)
    assert row.target == target
    if target:
        assert text[row.target_start : row.target_end] == target
    else:
        assert row.target_start is None and row.target_end is None


# --- weasel words --------------------------------------------------------------------------------------------------

WEASELS = [
    # vague quantifier over people, groups, sources or opinions; target: what is said of them
    ("Some cultures value silence over small talk.", "Some cultures", 0, "value silence over small talk"),
    ("Many scholars argue that the treaty was a mistake.", "Many scholars", 0, "argue that the treaty was a mistake"),
    ("There are several reasons for the delay.", "several reasons", 10, "for the delay"),
    ("Most historians agree that the war was avoidable.", "Most historians", 0, "agree that the war was avoidable"),
    # (a verb that is a hedge of its own joins its holder: one cue, not a weasel and an epistemic verb)
    ("Many people believe the vote was rigged.", "Many people believe", 0, "the vote was rigged"),
    ("Some say the plan will fail.", "Some", 0, "say the plan will fail"),
    ("Most of the analysts expect a cut.", "Most of the analysts", 0, "expect a cut"),
    ("According to reports, the company is planning layoffs.", "According to reports", 0,
     "the company is planning layoffs"),
    # unattributed belief: agentless passive of a verb of believing or saying, with its complement as target
    ("The drug is considered safe for children.", "is considered", 9, "safe for children"),
    ("The plan is widely regarded as a failure.", "is widely regarded as", 9, "a failure"),
    ("The suspect is thought to have fled the country.", "is thought to", 12, "have fled the country"),
    ("The painting is believed to be a forgery.", "is believed to", 13, "be a forgery"),
    ("It is said that the castle is haunted.", "It is said that", 0, "the castle is haunted"),
    ("The minister is expected to resign on Friday.", "is expected to", 13, "resign on Friday"),
    ("The virus is known to spread quickly.", "is known to", 10, "spread quickly"),
    ("It is widely accepted that the climate is warming.", "It is widely accepted that", 0, "the climate is warming"),
    # a reading or verdict nobody is named as giving: "taken as", "held to", a predicative the parser made an object
    ("The move was taken as a sign of weakness.", "was taken as", 9, "a sign of weakness"),
    ("The bridge was held to be unsafe.", "was held to", 11, "be unsafe"),
    ("The plan is now thought a failure.", "is now thought", 9, "a failure"),
    # "supposed to" + a state or a past reports a belief (a plan or duty is in the no-hedge list)
    ("The house is supposed to have been haunted.", "is supposed to", 10, "have been haunted"),
    # a bare plural of people who hold views, as the subject of a verb of saying or believing
    ("Critics say the new tram line is too expensive.", "Critics", 0, "say the new tram line is too expensive"),
    ("Independent experts warn that the dam could fail.", "Independent experts", 0,
     "warn that the dam could fail"),
    # "tend to": the predicate it generalises
    ("Young people tend to move to the cities.", "tend to", 13, "move to the cities"),
    # belief participles without an auxiliary: a participle clause, a conjunct of a predicate, a reduced relative
    ("Widely regarded as the best coach in the league, she signed a new contract.", "Widely regarded as", 0,
     "the best coach in the league"),
    ("The bridge is old, narrow and generally considered unsafe.", "generally considered", 30, "unsafe"),
    ("The stadium, considered the oldest in the region, will close.", "considered", 13, "the oldest in the region"),
    # a by-agent that names nobody: a quantifier standing alone, a bare plural of holders
    ("The ferry is regarded by some as a relic.", "by some", 22, "as a relic"),
    ("The hall is considered by many to be unsafe.", "by many", 23, "to be unsafe"),
    ("The album was praised by critics.", "critics", 25, ""),
    # a vague holder with the clause it holds, whatever the verb; "others" only with that clause
    ("Many economists have noted that wages lag behind prices.", "Many economists", 0,
     "have noted that wages lag behind prices"),
    ("Others claimed that the vote was rigged.", "Others", 0, "claimed that the vote was rigged"),
    # a bare plural of a trade or school, by its ending
    ("Historians believe the fort was older.", "Historians believe", 0, "the fort was older"),
    # conjecture and forecasts by nobody in particular
    ("It is hypothesized that the lake was once larger.", "It is hypothesized that", 0, "the lake was once larger"),
    ("The plant is estimated to open in 2027.", "is estimated to", 10, "open in 2027"),
    ("The mill is reputed to be the oldest in the county.", "is reputed to", 9, "be the oldest in the county"),
    # a judgement nobody is named as making: the agentless passive of praising or criticising
    ("The plan has been widely criticised.", "has been widely criticised", 9, "The plan"),
    ("The decision was criticised as unfair.", "was criticised as", 13, "unfair"),
    ("The reform has been hailed as a breakthrough.", "has been hailed as", 11, "a breakthrough"),
    ("The film, praised as a masterpiece, won three awards.", "praised as", 10, "a masterpiece"),
    # "according to" a quantifier or pronoun standing alone
    ("According to some, the plan will fail.", "According to some", 0, "the plan will fail"),
    ("According to others, the bridge is unsafe.", "According to others", 0, "the bridge is unsafe"),
    # a belief made everyone's by its modifier
    ("It is a common belief that the river is polluted.", "common belief", 8, "the river is polluted"),
    ("The widespread belief that the tax will fall is wrong.", "widespread belief", 4, "the tax will fall"),
    ("Contrary to popular belief, the lake is shallow.", "popular belief", 12, ""),
    # people at large, everyone, with the clause they say or believe
    ("People say the mayor will resign.", "People", 0, "say the mayor will resign"),
    ("Everyone says the mayor will resign.", "Everyone", 0, "says the mayor will resign"),
    # a belief passive after seem or appear; "cited as"; evidence that nobody in particular found
    ("It seems generally accepted that prices will rise.", "It seems generally accepted that", 0, "prices will rise"),
    ("The storm is often cited as a cause of the delay.", "is often cited as", 10, "a cause of the delay"),
    ("Coffee has been shown to reduce the risk of stroke.", "has been shown to", 7, "reduce the risk of stroke"),
    ("It has been observed that prices rise before elections.", "It has been observed that", 0,
     "prices rise before elections"),
    # "few" alone: the negative quantifier
    ("Few analysts expect a rate cut this year.", "Few analysts", 0, "expect a rate cut this year"),
    # a quantifier right after a complementiser "that" (a determiner "that" would name the set)
    ("The mayor hinted that many drivers would prefer a toll.", "many drivers", 22, "would prefer a toll"),
    # a belief passive after "seem" whose expletive the parser made an active subject
    ("It seems widely accepted that the old pier is unsafe.", "It seems widely accepted that", 0,
     "the old pier is unsafe"),
    # a reduced relative the parser read as a past tense: nobody "believed to be" anything in the active
    ("Divers found a wreck believed to be the lost ferry.", "believed to", 21, "be the lost ferry"),
    # naming in the perfect or progressive with a predicative: people have been saying so
    ("The new bridge has been called the ugliest in the county.", "has been called", 15, "the ugliest in the county"),
    ("It is being called the wettest summer on record.", "It is being called", 0, "the wettest summer on record"),
    ("Critics call the stadium plan a vanity project.", "Critics", 0, "call the stadium plan a vanity project"),
    # a cause or an author nobody is named as giving
    ("The rise in fares is largely attributed to fuel costs.", "is largely attributed to", 18, "fuel costs"),
    ("The delay is attributed to rules set by the old council.", "is attributed to", 10, "rules set by the old council"),
    # unnamed sources described, not named: the description belongs to the holder; a report before its holder
    ("The firm is weighing a sale, people familiar with the matter said.", "people familiar with the matter", 29,
     "The firm is weighing a sale"),
    ("According to people close to the talks, a deal is near.", "According to people close to the talks", 0,
     "a deal is near"),
    ("Rents will keep rising, some economists say.", "some economists", 24, "Rents will keep rising"),
    # nouns of a vague quantity quantify through "of" as quantifiers do
    ("A number of analysts have warned that the rally could fade.", "A number of analysts", 0,
     "have warned that the rally could fade"),
    ("The majority of economists expect a rate cut.", "The majority of economists", 0, "expect a rate cut"),
    ("A handful of shopkeepers complained about the parking rules.", "A handful of shopkeepers", 0,
     "complained about the parking rules"),
    # "thought of as": the frame runs to its "as"
    ("The pier is widely thought of as the town's best asset.", "is widely thought of as", 9,
     "the town's best asset"),
    # voicing a view
    ("Some farmers have expressed concern about the new levy.", "Some farmers", 0,
     "have expressed concern about the new levy"),
    # an unnamed plural holder of a belief, a common noun before it only describing it; the verb joins the cue
    ("Health officials believe the outbreak has peaked.", "Health officials believe", 0, "the outbreak has peaked"),
    ("The rally will fade, many traders believe.", "many traders believe", 21, "The rally will fade"),
    ("Firefighters suspect the fire was started on purpose.", "Firefighters suspect", 0,
     "the fire was started on purpose"),
    # an inference verb after an unnamed source, also as a participle ("reports that suggest")
    ("Reports suggest the coach will stay.", "Reports suggest", 0, "the coach will stay"),
    ("Despite recent studies suggesting the drug works, doctors are wary.", "recent studies suggesting", 8,
     "the drug works"),
    ("Analysts now indicate that the slump is over.", "Analysts now indicate", 0, "the slump is over"),
]


@pytest.mark.parametrize("text, cue, start, target", WEASELS)
def test_weasel(parse, text, cue, start, target):
    assert_hedge(hedges(parse, text), text, cue, start, "weasel", target)


def test_expectation_with_a_named_holder_is_epistemic(parse):
    """Whose expectation it is, is named when the passive sits in reported speech: epistemic, not weasel."""
    text = "Inflation is expected to ease, the central bank said."
    assert_hedge(hedges(parse, text), text, "is expected to", 10, "weasel", "ease")
    rows = hedges(parse, text, [reported(text, "Inflation is expected to ease")])
    assert_hedge(rows, text, "is expected to", 10, "epistemic", "ease")


def test_negated_belief_passive_is_epistemic(parse):
    """"It is not known" says nobody knows, as "it is not clear" does: epistemic."""
    text = "It is not known how many people died."
    assert_hedge(hedges(parse, text), text, "It is not known", 0, "epistemic", "how many people died")


def test_weasel_and_epistemic_hedge_in_one_sentence(parse):
    text = "Most historians agree that the war could have been avoided."
    rows = hedges(parse, text)
    assert [c.text for c in rows] == ["Most historians", "could"]
    assert_hedge(rows, text, "Most historians", 0, "weasel", "agree that the war could have been avoided")
    assert_hedge(rows, text, "could", 35, "epistemic", "have been avoided")


# --- epistemic hedges ----------------------------------------------------------------------------------------------

EPISTEMIC = [
    ("The vote may be delayed.", "may", 9, "be delayed"),
    ("The drone could not have flown that far.", "could", 10, "not have flown that far"),
    ("The talks appear to have stalled.", "appear", 10, "have stalled"),
    ("It seems that the talks have stalled.", "It seems", 0, "the talks have stalled"),
    ("The deal appeared unlikely after the vote.", "appeared unlikely", 9, "The deal"),
    ("The ceasefire is likely to collapse.", "likely", 17, "collapse"),
    ("Rising rents are unlikely to slow the move to the suburbs.", "unlikely", 17, "slow the move to the suburbs"),
    ("A strike is possible next week.", "possible", 12, "A strike"),
    ("The ship was reportedly hit by a drone.", "reportedly", 13, "hit by a drone"),
    ("It is unclear whether the ceasefire will hold.", "unclear whether", 6, "the ceasefire will hold"),
    ("It was not clear how the fire at the depot started.", "not clear", 7, "how the fire at the depot started"),
    ("Officials will decide whether the market can reopen.", "whether", 22, "the market can reopen"),
    ("The merger, if confirmed, would create the largest dairy in the valley.", "if confirmed", 12,
     "would create the largest dairy in the valley"),
    ("This suggests that the repairs will take longer.", "suggests", 5, "the repairs will take longer"),
    ("Early signs indicate the harvest will be smaller.", "indicate", 12, "the harvest will be smaller"),
    ("The survey suggests most tenants want a longer lease.", "suggests", 11, "most tenants want a longer lease"),
    ("Speculation grew that the coach would leave.", "Speculation", 0, ""),
    ("There is some doubt about the figures.", "doubt", 14, "the figures"),
    ("The possibility of a strike worries the council.", "possibility", 4, "a strike"),
    ("It remains to be determined who will pay.", "remains to be determined", 3, "who will pay"),
    # a comment clause: the clause it comments on, on the side the span can reach
    ("The deal, it seems, was inevitable.", "it seems", 10, "was inevitable"),
    ("The deal was inevitable, it seems.", "it seems", 25, "The deal was inevitable"),
    # "may" of a particular thing, with a time; "could" in reported speech; "possible" of an event
    ("Talks may resume next week.", "may", 6, "resume next week"),
    ("The fire may have spread overnight.", "may", 9, "have spread overnight"),
    ("Police said the fire could spread.", "could", 21, "spread"),
    ("The crowd could be bigger than last year.", "could", 10, "be bigger than last year"),
    ("The potential closure of the pool worries parents.", "potential", 4, "closure of the pool"),
    ("The results may or may not be significant.", "may or may not", 12, "be significant"),
    # negated certainty and a possibility left open
    ("It is not certain that the talks will resume.", "not certain", 6, "the talks will resume"),
    ("The outcome is far from certain.", "far from certain", 15, "The outcome"),
    ("The company cannot rule out further job cuts.", "not rule out", 15, "further job cuts"),
    ("The death toll has not been confirmed.", "not been confirmed", 19, "The death toll"),
    ("The cause of the fire is yet to be confirmed.", "yet to be confirmed", 25, "The cause of the fire"),
    # grounds, odds and conjecture named as such
    ("There is reason to believe that the figures are wrong.", "reason to believe", 9, "the figures are wrong"),
    ("The theory that the fire was arson is popular.", "theory that", 4, "the fire was arson"),
    ("The prospect of a strike worries parents.", "prospect of", 4, "a strike"),
    ("There is little chance of a deal before the summit.", "little chance", 9, "a deal before the summit"),
    ("Forecasters see a “slim chance” the heatwave breaks early.", "slim chance", 19, "the heatwave breaks early"),
    # "or not" after an "if" that is no cue of its own (a verb's "if" makes the question one cue with it)
    ("It is up to the board if the plan goes ahead or not.", "or not", 45, ""),
    # "may" with a bare singular subject (one thing, however abstract) or a verb of change or outcome forecasts,
    # even without a date: not the "may" of what some of a kind have or are allowed to do (no-hedge list)
    ("Inflation may ease further.", "may", 10, "ease further"),
    ("Prices may rise further.", "may", 7, "rise further"),
    ("Voters may punish the ruling party.", "may", 7, "punish the ruling party"),
    # "could have" is a judgement even with a denied subject
    ("No one could have predicted the storm.", "could", 7, "have predicted the storm"),
    ("The putative leader of the group fled.", "putative", 4, "leader of the group"),
    ("Such a process may shape the outcome.", "may", 15, "shape the outcome"),  # "such a": the one described
    # an open question or an inference named as such
    ("The leak raises questions about the minister's account.", "raises questions about", 9,
     "the minister's account"),
    ("It can be inferred that the pump failed.", "can be inferred", 3, "the pump failed"),
    # "if" with a bare participle on a clause with a modal: the claim waits on an outcome not yet known
    ("The levy, if passed next month, will raise the price of fuel.", "if passed", 10,
     "will raise the price of fuel"),
    ("If elected, she would be the first woman to lead the party.", "If elected", 0,
     "would be the first woman to lead the party"),
    ("The new bridge, if built, would cut the commute by half.", "if built", 16, "would cut the commute by half"),
    # "if" before a full clause, on a clause with a modal of what may come: the "if"
    ("The harvest will finish early if the rain holds off.", "if", 30, "will finish early"),
    ("If the council refuses, the club could fold.", "If", 0, "could fold"),
    # a bare plural subject tied to one occasion by a date is no member of a kind ("if caught, drivers will be fined")
    ("If the talks fail, layoffs could come next year.", "If", 0, "could come next year"),
    # "if" opening the question a verb of asking or knowing takes: the "if", as "whether" would be; a verb that
    # doubts of its own joins it, and so does a negated one (with the auxiliary that carries the negation)
    ("Farmers wonder if the rain will come in time.", "wonder if", 8, "the rain will come in time"),
    ("She does not know if her shop will reopen.", "does not know if", 4, "her shop will reopen"),
    ("The council will decide if the plan goes ahead or not.", "if", 24, "the plan goes ahead"),
    ("The team will see if the drug works.", "if", 18, "the drug works"),
    # the one asked may stand between a verb of asking and its question ("or not" then belongs to the question)
    ("The reporter asked the mayor if she would run again.", "if", 29, "she would run again"),
    ("The coach asked the striker if he would stay or not.", "if", 28, "he would stay"),
    # knowledge denied with nothing known named
    ("The cause of the fire is not known.", "not known", 25, "The cause of the fire"),
    # a verb of belief with the clause believed, its holder named or narrowed
    ("They believe the bones belong to a whale.", "believe", 5, "the bones belong to a whale"),
    ("The zoo keepers believe the bear is nearby.", "believe", 16, "the bear is nearby"),
    ("We believe the bear is nearby.", "believe", 3, "the bear is nearby"),  # no conviction adverb, not "I"
    # an institution believes as a named body does: its verb is the cue, no weasel (a bare plural of people is one)
    ("Police believe the fire was set.", "believe", 7, "the fire was set"),
    # a negated belief without a word that claims more; a suspicion of a thing; a belief about what will be
    ("They do not suspect the fire was set.", "suspect", 12, "the fire was set"),
    ("The crew suspected a gas leak.", "suspected", 9, "a gas leak"),
    ("She believes the council will pay for the repairs.", "believes", 4, "the council will pay for the repairs"),
    # "should" of what is expected: no person or body as subject, a date, time or amount in its clause
    ("The new battery should last ten hours.", "should", 16, "last ten hours"),
    ("The bridge, which should open next spring, cost $40m.", "should", 18, "open next spring"),
]


@pytest.mark.parametrize("text, cue, start, target", EPISTEMIC)
def test_epistemic_hedge(parse, text, cue, start, target):
    assert_hedge(hedges(parse, text), text, cue, start, "epistemic", target)


def test_claim_distances_with_a_clause_or_infinitive(parse):
    """"claimed (that) ...", "claims to be": a statement marked as only theirs; "claimed the throne" is no hedge
    (in the no-hedge list)."""
    text = "She claims to be a doctor."
    assert_hedge(hedges(parse, text), text, "claims", 4, "distancing", "be a doctor")


def test_or_not_in_a_direct_question(parse):
    text = "Will the council approve the plan or not?"
    assert [(c.text, c.category) for c in hedges(parse, text)] == [("or not", "epistemic")]


def test_or_not_after_whether_is_part_of_its_question(parse):
    """"whether ... or not" is one open question: the "whether" cue, no second cue for "or not"."""
    text = "Officials will decide whether to close the road or not."
    assert [(c.text, c.category) for c in hedges(parse, text)] == [("whether", "epistemic")]


def test_distancing_relative_with_a_third_party(parse):
    """"what the ministry said were": another party's description; "what we call" is the speaker's own."""
    text = "What the ministry said were troops were civilians."
    assert [(c.text, c.category) for c in hedges(parse, text)] == [("What the ministry said", "distancing")]


def test_distancing_verb_and_alleged_as_adjective(parse):
    """A named party's claim is distanced; "the alleged agent" is the outlet's own hedge on a description."""
    text = "The rebels claimed they had downed a jet."
    assert_hedge(hedges(parse, text), text, "claimed", 11, "distancing", "they had downed a jet")
    text = "Police arrested the alleged spy."
    assert_hedge(hedges(parse, text), text, "alleged", 20, "epistemic", "spy")


# --- no hedge --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a vague COUNT of the participants of one event, not a generalisation: the figures table's business
        "Many people were injured in the blast.",
        "Several cars were damaged in the storm.",
        "Police arrested some protesters on Monday.",
        "Many people will lose their jobs.",
        "Some residents called the police.",
        "Some 300 experts signed the letter.",  # "some" approximates a number
        "Most of the residents fled the town.",
        "Many residents remain without power.",  # the present state of one event, not a generalisation
        "Many people are still missing after the flood.",
        "Many chipmakers, including AMD and Nvidia, reported losses.",  # the members are named
        # passives with a holder, or that are no belief
        "The drug is considered safe by the regulator.",
        "He is considered a flight risk by prosecutors.",  # the by-agent hung on the predicative
        "The theft was reported to police on Monday.",
        "The hiker had been reported missing on January 9.",
        "He was seen leaving the building.",
        "She is known as the Iron Lady.",
        "He was accepted as a member.",
        # frequency and degree adverbs on their own: how often or how much, not who holds a claim
        "Temperatures will stay high, mainly in the south.",
        "The crowd was mostly men.",
        "How often do you travel?",
        "The bridge is frequently closed for repairs.",
        "Visitors come mainly from the north.",
        "The lake is largely frozen in January.",
        "Buses usually leave on time.",
        "The software is widely used in schools.",
        "Such cases typically take months.",
        "The road was relatively quiet and fairly dry.",
        # holders the text names or narrows
        "The critics of the scheme say it is too costly.",
        "Three experts told the inquiry the wall was sound.",
        # an inference verb with a person or a named party as subject reports that source
        "Councillor Mira Tobin suggested that the library open later.",
        "She indicated she would stand again.",
        "The ferry company indicated that fares would rise.",
        # May the month, might the noun, could of past inability
        "The store opened on May 5.",
        "May had already set heat records.",
        "She fought with all her might.",
        "Police could not confirm the report.",
        # appear without a complement, possible of ability or manner, a reporting verb, a named source
        "The suspect appeared in court on Monday.",
        "The band appeared on stage at midnight.",
        "Charging it is possible via a cable.",
        "Call us as soon as possible.",
        "According to Reuters, the company is planning layoffs.",
        # "possible" of feasibility or denied: what can be done, not how sure the writer is
        "It has been possible to cut costs.",
        "It would not be possible to finish the road by May.",
        # "may" of what a kind can be or is allowed ("some cords have", "guests are allowed to")
        "Cords may have a plastic sleeve.",
        "Guests may bring their own food.",
        "Verandahs are wide and may wrap around the house.",  # a conjoined verb shares the generic subject
        "A port may be forwarded to another machine.",
        "The council raised the question at its meeting.",  # a question asked, not a doubt raised
        # "could" with a denied subject: what was not possible, as "could not"
        "No survivors could be found in the rubble.",
        "Nobody could explain the delay.",
        # "supposed to" + an action states a plan or a duty; "taken"/"held" of an event, not of a verdict
        "The train was supposed to arrive at noon.",
        "He was taken to hospital.",
        "He was held in custody overnight.",
        "The company was held to account.",
        # "could" of past ability in a relative clause under a past clause
        "The casks contained brandy, which could be sold abroad.",
        # a capacity a comparison measures against ("could" with a "than" of its own clause)
        "The crowd was bigger than the stadium could hold.",
        # a concessive "whether A or B" asks nothing
        "The figures attest to a rise in conversions, whether voluntary or forced.",
        # "appear" of perception, also after "it"
        "The world as it appears to the eye is flat.",
        # a negated or minimised doubt is certainty
        "There is no doubt that the plan failed.",
        # holders the text names, counts or narrows; "others" without a clause it holds
        "Others are thinking about the weekend.",
        "These various accounts differ in length.",
        "Some of the other options include a bus pass.",
        "Many civilians were killed in the raid.",  # a trade or people by its ending counts only as a holder
        # a determiner "that" names the set; a complementiser "that" before a count of one event is no weasel
        "That many tourists came was a surprise to the hotel.",
        "The report said that many roads were closed on Sunday.",
        # active verbs with an infinitive of their own: no reduced passive
        "She thought to ask the ferry captain.",
        "The mayor said to expect delays on the ring road.",
        # naming in a simple tense gives a name; with an infinitive or "as" it summons; a name without predicative
        "The village is called Little Marsh.",
        "The bell was dubbed Big Tom.",
        "The nurse has been called to give evidence.",
        "The match has been called off.",
        # a by-agent names who attributes; "attributed" without "to"
        "The fire was attributed to faulty wiring by the fire service.",
        # named or counted holders voicing a view
        "The two ministers expressed concern about the levy.",
        # the subject of a passive of saying or judging is no holder ("were questioned": they did not question)
        "Several drivers were questioned after the crash.",
        "Many people familiar with the case were questioned on Monday.",
        "According to the people who run the market, stalls will reopen.",  # a determiner names them
        # a vague quantity of people in one event is a count; "the number of" counts
        "A number of people were hurt when the stand collapsed.",
        "The number of analysts covering the stock has fallen.",
        "The majority of voters backed the plan in May.",
        # a chance with a to-infinitive is an opportunity
        "Fans will have a good chance to meet the players.",
        "He stood up and regarded her as a friend.",  # an active verb's conjunct is no passive
        "The crowd was estimated at 5,000.",  # a figure's approximation: the figures table's
        # a judgement with its judge named, denied, or a verb that is no judgement here
        "The policy has been criticised by the union.",
        "The plan was not criticised.",
        "He was condemned to death.",
        "The suspect was questioned for six hours.",
        # "according to" a named or counted source
        "According to one source, the plan will fail.",
        # a belief its holder owns, or a "view" that is no belief
        "The minister's common view is that taxes must rise.",
        "The view from the bridge is stunning.",
        # people at large without a clause they say or believe: a count or a description
        "People were injured in the blast.",
        "People want change.",
        "People queued outside the shop for hours.",
        "The people of the valley say the dam is unsafe.",
        # "shown" of a showing; "a few" is a small count
        "The film was shown on television.",
        "A few shops are open on Sundays.",
        # "claim" and "contend" of possession or struggle, not of a statement
        "The rebels claimed responsibility for the attack.",
        "The king claimed the throne.",
        "Farmers contend with floods every spring.",
        # a concessive "or not"; the speaker's own words in a free relative
        "Guilty or not, he will lose his job.",
        "What we call a crisis is a slowdown.",
        # certainty stated, not denied
        "Police have ruled out arson.",
        # "if" of a routine, of the law, of any member of a kind, of a habit, of a duty, a concession, a past that
        # did not happen: no pending outcome
        "Staff will help if needed.",
        "If you call before noon, you will get a refund.",
        "The airline will pay compensation if a flight is delayed by more than three hours.",
        "If prices rise, sales usually fall.",
        "If you are ill, you should stay home.",
        "Even if the plan passes, it will not help.",
        "He would have won if he had trained.",
        "If convicted, he faces ten years in prison.",
        "If caught, drivers will be fined on the spot.",
        "The plan will be reviewed if requested by the board.",
        "The minister threatened to sue if the paper printed the story.",
        # "if" after a verb that asks nothing, or after an object: a condition (here of a habit, with no modal)
        "It helps if the council pays for the repairs.",
        "Residents will leave if the river rises.",
        "Tell me if you need help.",
        # a question the sentence answers leaves nothing open
        "She asked if the fee was legal, which the clerk confirmed.",
        "She asked whether the fee was legal, which the clerk confirmed.",
        # more than a belief; a belief about what ought to be (an opinion); a belief in a person
        "Researchers don't just suspect the cave holds fossils, they know it.",
        "She believes the council should pay for the repairs.",
        "They believe fares must fall.",
        "The crew believed the captain.",
        # "should" of a duty or advice: a body as subject, no date or amount, a passive, a negation, "should have",
        # after a verb of advising, in a question of what to do, in a relative clause on what it does not do
        "The council should pay for the repairs by May.",
        "The speed limit should be lower.",
        "The fee should be scrapped next year.",
        "Drivers should not park here after 6pm.",
        "Prices should have fallen last year.",
        "She argued that fares should fall by 10% next year.",
        "Nobody knows how the levy should figure in next year's budget.",
        "The rules cap the time it should take to settle a claim at 30 days.",
        # familiarity or fame, not knowledge, denied
        "He is not known for his patience.",
        "The man was not known to police.",
        # denied grounds infer nothing
        "There is nothing to suggest the pump failed.",
        "The inquiry found no document to indicate a leak.",
        # a verb of belief without a clause believed, in the passive without complement, or granting a fact
        "She believes in hard work.",
        "The story was widely believed.",
        "I cannot believe he won the race.",
        # a conviction, not a doubt: an adverb of conviction on the verb, or a speaker's own "I believe" (an opinion)
        "We firmly believe the new depot is the right choice.",
        "I believe that closing the library is the wrong answer.",
        # an opinion with "think" and a named source's statement are no hedge; a source's compound names it
        "She thinks the fares are unfair.",
        "Local officials said the road would reopen.",
        "Council estimates show the levy would raise ten million.",
        "The reports published last week were wrong.",
    ],
)
def test_no_hedge(parse, text):
    assert [(c.text, c.category) for c in hedges(parse, text)] == []


# --- lists ---------------------------------------------------------------------------------------------------------


def test_a_degree_word_before_a_quantifier_other_than_many_is_a_conjunction(parse):
    """"so many" is a degree; "so most runners" is "so" the conjunction and a vague quantifier."""
    text = "Most runners train hard, so most races are fast."
    assert [(c.text, c.category) for c in hedges(parse, text)] == [("Most runners", "weasel"), ("most races", "weasel")]
    text = "So many runners finished that the medals ran out."
    assert [c.text for c in hedges(parse, text)] == []


def test_hedge_categories_are_the_documented_ones(parse):
    text = ("Some say the talks may fail, it is believed the rebels claimed a victory and prices usually rise, "
            "at what it said were camps.")
    assert {c.category for c in hedges(parse, text)} <= set(HEDGE_CATEGORIES)
    categories = {term.label for cue_type, terms in framing.cue_lexicons() if cue_type == "hedge" for term in terms}
    assert categories <= set(HEDGE_CATEGORIES)


def test_frequency_and_degree_adverbs_are_in_no_hedge_list():
    """Frequency and degree adverbs are no hedge on their own, so no hedge list holds them."""
    adverbs = {("often",), ("usually",), ("frequently",), ("mainly",), ("largely",), ("relatively",), ("very",)}
    listed = {term.words for cue_type, terms in framing.cue_lexicons() if cue_type == "hedge" for term in terms}
    assert adverbs & listed == set()
