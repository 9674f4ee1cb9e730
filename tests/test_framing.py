"""Framing: cue rules, whose voice a cue is in, who acts upon whom, the VADER adjustment, and the gold sets."""

from __future__ import annotations

import dataclasses
import re
from importlib import resources

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import evaluation
from analysis.building import schema
from analysis.extraction import framing
from analysis.catalogue.actors import default_catalogue
from analysis.extraction.doc_index import Intervals
from analysis.extraction.mentions import mention_rows
from analysis.extraction.pipeline import analyse
from analysis.extraction.sources import Attribution, quote_spans
from conftest import GOLD, SEED_ID, read_gold

#: The sourcing table is wired into the pipeline: until then `quoted` sees quotation marks only.
HAS_SOURCING = "attributions" in schema.TABLES
NEEDS_SOURCING = pytest.mark.xfail(
    not HAS_SOURCING, reason="reported speech needs the attributions table in the pipeline", strict=True
)


def attribution(text: str, content: str, *, attribution_id: int = 0) -> Attribution:
    """A hand-made attribution whose content is the first occurrence of ``content`` in ``text``.

    Only the content span and id matter to framing; other fields are blank, so the helper survives new
    columns in the sourcing table.
    """
    start = text.index(content)
    blank = {field.name: None if field.name.endswith(("_start", "_end")) else "" for field in dataclasses.fields(Attribution)}
    return Attribution(
        **{
            **blank,
            "sentence_id": 0, "start": 0, "end": len(text), "text": text, "attribution_id": attribution_id,
            "content": content, "content_start": start, "content_end": start + len(content),
        }
    )


def cues(parse, text: str, attributions=()) -> list[framing.Cue]:
    parsed = parse(text)
    return framing.cue_rows(parsed, mention_rows(parsed), list(attributions))


def cue_named(rows, word: str) -> framing.Cue:
    found = [c for c in rows if c.text == word]
    assert found, f"no cue {word!r} in {[c.text for c in rows]}"
    return found[0]


# --- cue rules -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, cue, cue_type, category",
    [
        # hedge categories tell the writer's uncertainty (epistemic) from weasel words and from distancing a named
        # party's statement; they were all "doubt" before (tests/test_hedges.py has the weasels)
        ("It is unclear whether the ceasefire will hold.", "unclear whether", "hedge", "epistemic"),
        ("The ship was reportedly hit by a drone.", "reportedly", "hedge", "epistemic"),
        ("The talks may resume next week.", "may", "hedge", "epistemic"),
        ("The rebels claimed they had downed a jet.", "claimed", "hedge", "distancing"),
        ("The figure could not be independently verified.", "could not be independently verified", "hedge", "epistemic"),
        ("The army struck at what it said were militant camps.", "what it said", "hedge", "distancing"),
        ("It was obvious that the plan had failed.", "obvious", "booster", "certainty"),
        ("The data clearly show a decline.", "clearly", "booster", "certainty"),
        ("Officials were scrambling to contain the leak.", "scrambling", "loaded", "loaded_language"),
        ("The opposition leader slammed the budget.", "slammed", "loaded", "loaded_language"),
        ("Police stormed the building at dawn.", "stormed", "loaded", "loaded_language"),
        ("He vowed to kick out the occupiers.", "kick out", "loaded", "loaded_language"),
        ("The so-called reform cut pensions.", "so-called", "loaded", "doubt"),
        ("State media spread propaganda about the vote.", "propaganda", "loaded", "name_calling"),
        ("The deal is nothing more than a stunt.", "nothing more than", "loaded", "exaggeration"),
        ("Residents were angry about the closure.", "angry", "emotion", "anger"),
        ("Fear spread through the town.", "Fear", "emotion", "fear"),
        ("The ambitious plan aims to plant a billion trees.", "ambitious", "evaluative", "positive_appraisal"),
        ("The botched evacuation left hundreds stranded.", "botched", "evaluative", "negative_appraisal"),
    ],
)
def test_cue_found_with_type_and_category(parse, text, cue, cue_type, category):
    found = cue_named(cues(parse, text), cue)
    assert (found.cue_type, found.category) == (cue_type, category)
    assert text[found.start : found.end] == cue


@pytest.mark.parametrize(
    "text",
    [
        "The attack on the border post began at dawn.",  # plain vocabulary of the beat
        "Troops launched an offensive in the east.",
        "A storm closed the airport.",  # the noun, not the verb `storm`
        "The ministry said 42 people were injured.",
        # senses the lexicons leave out or restrict: the noun `grave`, `cave` without "to", workers on
        # strike, a debt still owed, a criminal charge, the phrase "make sure"
        "Officials found a mass grave near the village.",
        "The tunnel caved in after heavy rain.",
        "Striking workers gathered outside the factory.",
        "The firm has outstanding debts of 40 million dollars.",
        "He was charged with disturbing the peace.",
        "Residents were told to make sure their doors were locked.",
    ],
)
def test_plain_news_wording_gives_no_cue(parse, text):
    assert cues(parse, text) == []


@pytest.mark.parametrize(
    "text, content, cue, cue_type, category",
    [
        # the news-wide additions, each in the outlet's voice (content None) and inside an attribution
        ("The minister made it clear that the talks were over.", None, "made it clear", "booster", "certainty"),
        ('"We absolutely reject this report," the spokeswoman said.', "We absolutely reject this report,",
         "absolutely", "booster", "certainty"),
        ("The court unequivocally rejected the appeal.", None, "unequivocally", "booster", "certainty"),
        ("The embattled mayor resigned on Friday.", None, "embattled", "evaluative", "negative_appraisal"),
        ('"This delay is unacceptable," the union leader said.', "This delay is unacceptable,", "unacceptable",
         "evaluative", "negative_appraisal"),
        ("The senator said the landmark bill would cut emissions.", "the landmark bill would cut emissions",
         "landmark", "evaluative", "intensity"),
        ("The much-needed repairs began in March.", None, "much-needed", "evaluative", "positive_appraisal"),
        ("Police launched a crackdown on street vendors.", None, "crackdown", "loaded", "loaded_language"),
        ("The opposition leader said the election was a sham.", "the election was a sham", "sham", "loaded",
         "doubt"),
        ('"They are the governor\'s cronies," the activist said.', "They are the governor's cronies,", "cronies",
         "loaded", "name_calling"),
        ("Rents skyrocketed after the factory opened.", None, "skyrocketed", "loaded", "exaggeration"),
    ],
)
def test_news_wide_cue_with_its_voice(parse, text, content, cue, cue_type, category):
    attributions = [attribution(text, content)] if content else []
    found = cue_named(cues(parse, text, attributions), cue)
    assert (found.cue_type, found.category, found.quoted) == (cue_type, category, content is not None)
    assert found.attribution_id == (0 if content else None)


@pytest.mark.parametrize(
    "text",
    ["It is not yet clear whether the vote will go ahead.", "There is no clear evidence that the drug works."],
)
def test_clear_alone_is_not_a_booster(parse, text):
    """Only the certainty phrases of `clear` boost ("made it clear"); a negated "clear" is doubt."""
    assert [c.text for c in cues(parse, text) if c.cue_type == "booster"] == []


@pytest.mark.parametrize(
    "text, metonym, expected",
    [
        ("Moscow said the talks had failed.", "Moscow", True),  # subject: the government
        ("Kyiv's offensive surprised analysts.", "Kyiv", True),  # possessor
        ("The governor told the Kremlin that the town had fallen.", "the Kremlin", True),  # addressee
        ("Schools in Moscow reopened on Monday.", "Moscow", False),  # location
        ("Tourists flew from Kyiv to Warsaw.", "Kyiv", False),
    ],
)
def test_metonym_counts_only_for_the_government(parse, text, metonym, expected):
    found = [c for c in cues(parse, text) if c.cue_type == "metonymy"]
    assert [c.text for c in found] == ([metonym] if expected else [])
    if expected:
        assert found[0].lexicon == framing.METONYMY_LEXICON


def test_cue_target_is_what_it_describes(parse):
    found = cue_named(cues(parse, "Kyiv's ambitious attack caught Moscow off guard."), "ambitious")
    assert (found.target, found.target_side) == ("Kyiv's ambitious attack", "Ukraine")


# --- whose voice -------------------------------------------------------------------------------------------------

DIRECT = '"The regime is brutal," the minister said.'
REPORTED = "The minister said the regime was brutal."
OWN = "The regime was brutal, and the minister resigned."
CUE_VERB = 'The minister slammed the plan as "reckless".'


@pytest.mark.parametrize(
    "text, content, word, quoted",
    [
        (DIRECT, "The regime is brutal,", "brutal", True),
        (REPORTED, "the regime was brutal", "brutal", True),
        (OWN, None, "brutal", False),
        (CUE_VERB, "reckless", "reckless", True),
        (CUE_VERB, "reckless", "slammed", False),  # the reporting verb is the outlet's choice
    ],
)
def test_quoted_follows_the_attribution_content(parse, text, content, word, quoted):
    attributions = [attribution(text, content)] if content else []
    found = cue_named(cues(parse, text, attributions), word)
    assert found.quoted is quoted
    assert found.attribution_id == (0 if quoted else None)


def test_innermost_attribution_wins(parse):
    text = "The minister said the rebels claimed the regime was brutal."
    outer = attribution(text, "the rebels claimed the regime was brutal", attribution_id=0)
    inner = attribution(text, "the regime was brutal", attribution_id=1)
    assert cue_named(cues(parse, text, [outer, inner]), "brutal").attribution_id == 1


def test_quotation_marks_alone_make_words_quoted(parse):
    found = cue_named(cues(parse, 'He vowed to "kick out" the occupiers.'), "kick out")
    assert (found.quoted, found.attribution_id) == (True, None)


def test_reported_speech_without_attributions_reads_as_own_voice(parse):
    """The documented limit of the fallback: only the attributions table knows reported speech."""
    assert cue_named(cues(parse, REPORTED), "brutal").quoted is False


# Voices answers by binary search: that needs quotations that never overlap, and Intervals answering exactly what a
# scan of every span would.
QUOTE_TEXT = st.text(alphabet=st.sampled_from(list("ab .,\n\"'\u2018\u2019")), max_size=60)
SPANS = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 12)).map(lambda p: (p[0], p[0] + p[1])), max_size=25)


@settings(max_examples=200)
@given(QUOTE_TEXT)
def test_quotations_never_overlap(text):
    view = text.replace("\u2018", "'").replace("\u2019", "'")
    spans = quote_spans(view, text)
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


@settings(max_examples=200)
@given(SPANS, st.integers(0, 50), st.integers(0, 12))
def test_intervals_answer_as_a_scan_does(spans, start, length):
    end = start + length
    index = Intervals([(s, e, k) for k, (s, e) in enumerate(spans)])
    # sharing a character: neither span empty
    assert index.overlapping(start, end) == [k for k, (s, e) in enumerate(spans) if max(s, start) < min(e, end)]
    assert index.holding(start, end) == [k for k, (s, e) in enumerate(spans) if s <= start and end <= e]
    assert index.stabbing(start) == [k for k, (s, e) in enumerate(spans) if s <= start < e]


# --- actions -----------------------------------------------------------------------------------------------------


def actions(parse, text: str, attributions=()) -> list[framing.Action]:
    return framing.action_rows(parse(text), list(attributions))


def action_of(rows, verb: str) -> framing.Action:
    found = [a for a in rows if a.verb == verb]
    assert found, f"no action {verb!r} in {[a.verb for a in rows]}"
    return found[0]


@pytest.mark.parametrize(
    "text, verb, agent, patient, voice, agentless",
    [
        ("Russian forces captured the village.", "capture", "Russian forces", "the village", "active", False),
        ("The village was captured by Russian forces.", "capture", "Russian forces", "The village", "passive", False),
        ("The village has been captured.", "capture", "", "The village", "passive", True),
        ("Units have been relocated to the south.", "relocate", "", "Units", "passive", True),
        ("Moscow struck back at Ukrainian troops.", "strike", "Moscow", "Ukrainian troops", "active", False),
        ("Putin vowed to crush the rebels.", "crush", "Putin", "the rebels", "active", False),  # control
        ("Ukraine's incursion, which seized dozens of villages, surprised Moscow.", "seize", "Ukraine's incursion",
         "dozens of villages", "active", False),  # relative pronoun -> its noun
    ],
)
def test_action_agent_patient_voice(parse, text, verb, agent, patient, voice, agentless):
    found = action_of(actions(parse, text), verb)
    assert (found.agent, found.patient, found.voice, found.agentless) == (agent, patient, voice, agentless)
    if found.agent_start is not None:
        assert text[found.agent_start : found.agent_end] == agent


def test_relative_pronoun_without_its_clause_stays_as_written(parse):
    found = action_of(actions(parse, "Which was captured by Kyiv."), "capture")  # once looped forever
    assert (found.patient, found.agent) == ("Which", "Kyiv")


def test_action_sides_come_from_the_catalogue(parse):
    found = action_of(actions(parse, "The village was captured by Ukrainian troops."), "capture")
    assert (found.agent_side, found.patient_side) == ("Ukraine", "unknown")


def test_catenative_verbs_pass_their_subject_on(parse):
    rows = actions(parse, "The enemy will keep trying to destabilize the region.")
    assert [a.verb for a in rows] == ["destabilize"]
    assert rows[0].agent == "The enemy"


def test_quoted_action(parse):
    text = '"Russia has relocated some of its units," the spokesman said.'
    found = action_of(actions(parse, text), "relocate")
    assert found.quoted is True


# --- tone --------------------------------------------------------------------------------------------------------


def test_adjustment_neutralises_the_beat_vocabulary(parse):
    (row,) = framing.tone_rows(parse("The enemy attack began at dawn."))
    assert row.compound_unadjusted < -0.5
    assert row.compound == 0.0
    assert row.moved_by == "enemy -2.5→0; attack -2.1→0"


def test_adjustment_keeps_harm_to_people(parse):
    (row,) = framing.tone_rows(parse("Three civilians were killed in the attack."))
    assert row.compound < -0.5
    assert "killed -3.5" in row.valence_words


def test_adjustment_is_overridable(parse):
    parsed = parse("The enemy attack began at dawn.")
    (plain,) = framing.tone_rows(parsed, adjustment={})
    assert plain.compound == plain.compound_unadjusted and plain.moved_by == ""
    (custom,) = framing.tone_rows(parsed, adjustment={"attack": 2.0, "enemy": 0.0})  # replaces the packaged one
    assert custom.compound > 0 and custom.moved_by == "enemy -2.5→0; attack -2.1→2"


def test_adjustment_file_loads_and_matches_the_issue(tmp_path):
    packaged = framing.load_tone_adjustment()
    assert {"attack", "offensive", "war", "enemy", "struck", "defense", "top"} <= set(packaged)
    other = tmp_path / "adjust.yaml"
    other.write_text("adjustment:\n  Attack: -1.0\n", encoding="utf-8")
    assert framing.load_tone_adjustment(other) == {"attack": -1.0}


def test_seed_whole_text_tone(seed_text):
    adjusted, unadjusted = framing.text_tone(seed_text)
    assert unadjusted < -0.95  # the issue's finding: plain VADER reads the seed as furious (-0.98)
    assert adjusted > unadjusted + 0.2


def test_actor_tone_uses_own_voice_sentences_only(seed_tables):
    tone, actor_tone = seed_tables.tone, seed_tables.actor_tone
    assert len(actor_tone) > 0
    own = set(tone.loc[tone.own_voice, "sentence_id"])
    mentions = seed_tables.mentions
    for row in actor_tone.itertuples():
        ids = sorted(set(mentions.loc[mentions.actor == row.actor, "sentence_id"]) & own)
        assert row.sentences == len(ids)
        assert row.compound_mean == pytest.approx(tone.set_index("sentence_id").loc[ids, "compound"].mean(), abs=1e-4)


# --- frames ------------------------------------------------------------------------------------------------------


def test_frames_score_cue_words(parse):
    parsed = parse("Sanctions have cost the economy billions, and families can no longer heat their homes.")
    rows = framing.frame_rows(parsed)
    hits = {(r.scheme, r.frame): r.hits for r in rows}
    assert hits[("semetko_valkenburg", "economic_consequences")] >= 2
    assert hits[("semetko_valkenburg", "human_interest")] >= 2
    assert ("semetko_valkenburg", "morality") not in hits


def test_document_frames_list_every_frame(seed_tables):
    frames = seed_tables.document_frames
    expected = sum(len(yaml.safe_load(_data(name))["frames"]) for name in framing.FRAME_LEXICONS)
    assert len(frames) == expected
    assert (frames.sentences <= seed_tables.documents.n_sentences.iloc[0]).all()


# --- lexicon files -----------------------------------------------------------------------------------------------


def _data(name: str) -> str:
    return resources.files("analysis").joinpath(f"data/{name}").read_text(encoding="utf-8")


LEXICON_FILES = (*framing.CUE_LEXICONS, *framing.FRAME_LEXICONS, framing.TONE_ADJUSTMENT, framing.VERB_CLASSES)


@pytest.mark.parametrize("name", LEXICON_FILES)
def test_lexicon_header_names_source_and_licence(name):
    header = "\n".join(line for line in _data(name).splitlines() if line.startswith("#"))
    assert re.search(r"[Ll]icen[cs]e", header) and re.search(r"\b(19|20)\d\d\b", header), f"{name}: cite source and licence"


def test_no_cue_term_in_two_lexicons():
    seen: dict[tuple[str, ...], str] = {}
    for _, terms in framing.cue_lexicons():
        for term in terms:
            assert seen.setdefault(term.words, term.lexicon) == term.lexicon, f"{term.words} twice"


def test_lexicons_name_no_actor():
    """Knowledge about particular actors lives in actors.yaml only."""
    forms = {form.lower() for actor in default_catalogue().actors for form, _ in actor.surface_forms()}
    lexicon_terms = [t for _, terms in framing.cue_lexicons() for t in terms]
    lexicon_terms += [t for _, _, terms in framing.frame_lexicons() for t in terms]
    assert [t.words for t in lexicon_terms if " ".join(t.words) in forms] == []


# --- gold ----------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_cue_scores(seed_tables):
    predicted = seed_tables.cues.to_dict("records")
    text = seed_tables.text_of(SEED_ID)
    return evaluation.score_cues(predicted, read_gold("cues_seed.yaml")["cues"], text, list(seed_tables.sentences.start))


def test_seed_cue_recall_and_precision(seed_cue_scores):
    scores = seed_cue_scores
    print(f"seed cues: recall {scores.spans.recall:.3f}, precision {scores.spans.precision:.3f}, "
          f"missed {scores.missed}, extra {scores.extra}")
    from baselines import HEDGE_BASELINE, MAJORITY_BASELINE, assert_floor, hedge_words, line_starts, majority_accuracy
    text, gold = (GOLD.parent / "fixtures" / "seed" / f"{SEED_ID}.txt").read_text(encoding="utf-8"), read_gold("cues_seed.yaml")["cues"]
    baseline = evaluation.score_cues(hedge_words(text), gold, text, line_starts(text))
    # measured 0.91 / 0.94 minus the hedge cues' dev-to-held-out drop (baselines.DEV_TO_HELDOUT_DROP)
    assert_floor(scores.spans.recall, 0.86, baseline.spans.recall, HEDGE_BASELINE)
    assert_floor(scores.spans.precision, 0.76, baseline.spans.precision, HEDGE_BASELINE)
    assert_floor(scores.type_accuracy, 0.95, majority_accuracy([c["cue_type"] for c in gold]), MAJORITY_BASELINE)


def test_issue_must_show_cues_found(seed_tables):
    found = " | ".join(seed_tables.cues.text)
    for word in ("unclear", "reportedly", "speculated", "claimed", "possible", "obvious", "scrambling", "humiliation",
                 "angry", "propaganda", "slammed", "storming", "ambitious", "successful", "surprise attack", "kick out"):
        assert word in found


def test_seed_direct_quote_cues_are_quoted(seed_cue_scores, seed_tables):
    cues_table = seed_tables.cues.set_index("text")
    assert cues_table.loc["kick out", "quoted"] and cues_table.loc["obvious", "quoted"]
    assert not cues_table.loc["slammed", "quoted"] and not cues_table.loc["reportedly", "quoted"]


@NEEDS_SOURCING
def test_seed_quoted_accuracy(seed_cue_scores):
    print(f"seed quoted accuracy {seed_cue_scores.quoted_accuracy:.3f}")
    from baselines import MAJORITY_BASELINE, assert_floor, majority_accuracy
    majority = majority_accuracy([bool(c["quoted"]) for c in read_gold("cues_seed.yaml")["cues"]])
    assert_floor(seed_cue_scores.quoted_accuracy, 0.95, majority, MAJORITY_BASELINE)


@pytest.fixture(scope="module")
def wire_cue_scores(parse):
    total, quoted_agree, matched = evaluation.NO_SCORES, 0, 0
    for item in read_gold("cues_wire.yaml")["sentences"]:
        parsed = parse(item["text"])
        predicted = [dataclasses.asdict(c) for c in analyse(parsed)[0]["cues"]]
        gold = [dict(cue, sentence_id=0) for cue in item["cues"]]
        scores = evaluation.score_cues(predicted, gold, item["text"], [0])
        total, quoted_agree, matched = total + scores.spans, quoted_agree + scores.quoted_agree, matched + len(scores.matched)
    return total, quoted_agree / matched


def test_wire_cue_recall_and_precision(wire_cue_scores):
    spans, quoted_accuracy = wire_cue_scores
    print(f"wire cues: recall {spans.recall:.3f}, precision {spans.precision:.3f}, quoted {quoted_accuracy:.3f}")
    from baselines import HEDGE_BASELINE, assert_floor, hedge_words
    baseline = sum((evaluation.score_cues(hedge_words(i["text"]), [dict(c, sentence_id=0) for c in i["cues"]], i["text"], [0]).spans
                    for i in read_gold("cues_wire.yaml")["sentences"]), evaluation.NO_SCORES)
    # measured 0.95 minus the hedge cues' dev-to-held-out drop (baselines.DEV_TO_HELDOUT_DROP); no precision
    # floor: the hedge list's precision here (0.79) is above the rules' 0.90 less that drop
    assert_floor(spans.recall, 0.90, baseline.recall, HEDGE_BASELINE)


@NEEDS_SOURCING
def test_wire_quoted_accuracy(wire_cue_scores):
    from baselines import MAJORITY_BASELINE, assert_floor, majority_accuracy
    majority = majority_accuracy([bool(c["quoted"]) for i in read_gold("cues_wire.yaml")["sentences"] for c in i["cues"]])
    assert_floor(wire_cue_scores[1], 0.94, majority, MAJORITY_BASELINE)


REQUIRED_ACTIONS = [
    # (sentence_id, agent, verb, voice, agentless, quoted): the issue's "Must show" list
    (0, "Moscow", "pull", "active", False, None),
    (6, "Ukraine", "capture", "passive", False, None),
    (9, "Moscow", "strike", "active", False, False),
    (11, "Putin", "vow", "active", False, False),
    (2, "Russia", "relocate", "active", False, True),
    (3, "", "relocate", "passive", True, False),
]


@pytest.mark.parametrize("sentence_id, agent, verb, voice, agentless, quoted", REQUIRED_ACTIONS)
def test_seed_required_actions(seed_tables, sentence_id, agent, verb, voice, agentless, quoted):
    rows = seed_tables.actions
    rows = rows[(rows.sentence_id == sentence_id) & (rows.verb == verb) & (rows.agent == agent)]
    assert len(rows) == 1, f"no {agent} {verb} in sentence {sentence_id}"
    row = rows.iloc[0]
    assert (row.voice, bool(row.agentless)) == (voice, agentless)
    if quoted is not None:
        assert bool(row.quoted) is quoted


def test_seed_actions_against_gold(seed_tables):
    gold = read_gold("actions_seed.yaml")["actions"]
    scores = evaluation.multiset_scores(
        zip(seed_tables.actions.sentence_id, seed_tables.actions.verb), ((g["sentence_id"], g["verb"]) for g in gold)
    )
    print(f"seed actions (sentence, verb): recall {scores.recall:.3f}, precision {scores.precision:.3f}")
    # No recall floor: emitting every verb recalls all of the gold, so only precision and F1 can beat it.
    from baselines import ACTION_BASELINE, assert_floor, every_verb
    baseline = evaluation.multiset_scores(every_verb(seed_tables.text_of(SEED_ID), list(seed_tables.sentences.start)),
                                          ((g["sentence_id"], g["verb"]) for g in gold))
    # No F1 floor either: every verb scores 0.91 F1, within the margin of the rules' 0.96.
    assert_floor(scores.precision, 0.93, baseline.precision, ACTION_BASELINE)
