"""Column names, dtypes and checks of every table the library writes.

Each table is a pandera ``DataFrameModel``; its fields, in order, are the table's columns, and their
descriptions are the README's data dictionary (``python -m analysis schema`` prints it). Spans follow one
convention everywhere: ``text``, ``start``, ``end`` for the row's own span and ``X``, ``X_start``, ``X_end``
for any other span the row carries, all character offsets into the document's original text, so that
``text == document_text[start:end]``.

Renaming a table or a column changes the CSV contract: say so in the README's changelog.
"""

from __future__ import annotations

import re
import sys
import types
from contextlib import contextmanager
from functools import lru_cache
from typing import Callable, Iterator

import pandas as pd
import pandera.config as pandera_config
import pandera.pandas as pa
import pandera.typing as pandera_typing
from pandera.typing import Series

Int = pd.Int64Dtype

#: The ``source_id`` column of a per-article table whose rows name a source.
SOURCE_ID_DESCRIPTION = (
    "the identity of the row's source across the corpus, joining `sources.source_id`; empty where it has none "
    "(anonymous, unresolved, a document, a group, a description, the outlet's own voice)"
)


class _Table(pa.DataFrameModel):
    class Config:
        strict = True
        ordered = True
        coerce = True


def _span_fields():
    return (
        pa.Field(ge=0, description="character offset where the row's span starts in the original text"),
        pa.Field(ge=0, description="character offset where the row's span ends (exclusive)"),
        pa.Field(description="the row's span, exactly `text[start:end]` of the original document"),
    )


class DocumentKeyed(_Table):
    doc_id: Series[str] = pa.Field(description="the article's file name without its ending")


class SentenceKeyed(DocumentKeyed):
    sentence_id: Series[int] = pa.Field(ge=0, description="0-based position of the sentence in the document")


class Span(SentenceKeyed):
    """Provenance columns shared by every table of extracted spans."""

    start: Series[int] = _span_fields()[0]
    end: Series[int] = _span_fields()[1]
    text: Series[str] = _span_fields()[2]


# --- foundation ----------------------------------------------------------------------------------------------


class Documents(DocumentKeyed):
    """One row per article read. After these columns, every extra field of the corpus's metadata (an export's
    other columns, front matter and sidecar keys, `metadata.csv` columns: a lean, a section, authors), named in
    snake_case and sorted by name, typed over the corpus: `Int64`, `float64`, `datetime64[ns, UTC]` where every
    value is a whole number, a number or a date, else text (empty where an article lacks it). A field named as
    a column of this table gets the suffix `_field`; the columns that hold the article text are no extra fields;
    lists are joined with `; `. See `analysis/reading/extras.py`."""

    doc_id: Series[str] = pa.Field(
        description="the article's file name without its ending; for a row of an export, its id column, else "
        "`<export file name without its ending>-<row>`"
    )
    path: Series[str] = pa.Field(
        description="where the article was read: file path relative to the corpus folder, `export.csv#row=12` "
        "for a row of an export, `archive.zip/a.txt` inside an archive"
    )
    title: Series[str] = pa.Field(
        description="title from the sidecar `.meta.json`, front matter, `metadata.csv` or the export row, else empty"
    )
    outlet: Series[str] = pa.Field(description="publishing outlet from the metadata, else empty")
    url: Series[str] = pa.Field(description="address from the metadata, else empty")
    published: Series[str] = pa.Field(description="publication date from the metadata as written, else empty")
    published_at: Series[pd.DatetimeTZDtype] = pa.Field(
        nullable=True,
        dtype_kwargs={"unit": "ns", "tz": "UTC"},
        description="`published` read by pandas as a UTC time (a date or time without a zone is taken as UTC), "
        "NaT when empty or unreadable",
    )
    n_chars: Series[int] = pa.Field(ge=0, description="characters in the text")
    n_words: Series[int] = pa.Field(ge=0, description="word tokens (no punctuation or space)")
    n_sentences: Series[int] = pa.Field(ge=0, description="sentences found by the parser")
    sha256: Series[str] = pa.Field(
        str_matches=r"^[0-9a-f]{64}$",
        description="SHA-256 of the file's bytes; for a row of an export, of its text's UTF-8 bytes",
    )


class Sentences(Span):
    """One row per sentence, in reading order."""

    n_words: Series[int] = pa.Field(ge=0, description="word tokens in the sentence")


class Mentions(Span):
    """One row per named entity, with the catalogue's actor where the catalogue knows it."""

    label: Series[str] = pa.Field(description="spaCy entity label (PERSON, GPE, ORG, NORP, ...)")
    actor: Series[str] = pa.Field(description="canonical actor name from the catalogue, or empty")
    actor_type: Series[str] = pa.Field(
        isin=["", "person", "government", "military", "institution", "media", "place"],
        description="the actor's type, or empty",
    )
    side: Series[str] = pa.Field(description="the actor's side from the catalogue; `unknown` when not in it")
    alias_kind: Series[str] = pa.Field(
        isin=["", "name", "alias", "metonym", "demonym"],
        description="how the text names the actor: canonical name, alias, metonym (Kremlin) or demonym",
    )


class Skipped(_Table):
    """One row per file that was not read as an article."""

    path: Series[str] = pa.Field(description="file path relative to the corpus folder")
    reason: Series[str] = pa.Field(description="why it was skipped and what to do")


class Errors(DocumentKeyed):
    """One row per stage that failed on one article. The other stages' rows of that article are kept; a stage
    that needs a failed one is not run and is listed too (`NotRun`); an article whose parse failed is left
    out of every table (stage `parse`)."""

    stage: Series[str] = pa.Field(description="the stage that failed (parse, sentences, attributions, figures, ...)")
    exception_type: Series[str] = pa.Field(
        description="the exception's class name, or `NotRun` when a stage it needs had failed"
    )
    message: Series[str] = pa.Field(description="the exception's message on one line")


# --- sourcing ------------------------------------------------------------------------------------------------


class Attributions(Span):
    """One row per attribution relation: a speaker, a cue and the content attributed to the speaker.

    The row's own span runs from the first to the last character of speaker, cue and content.
    """

    attribution_id: Series[int] = pa.Field(ge=0, description="0-based, in order of position in the document")
    kind: Series[str] = pa.Field(
        isin=["direct", "indirect", "mixed", "according_to"],
        description="direct quote, indirect (reported) speech, mixed (partial quote inside reported speech), "
        "or an `according to` attribution",
    )
    speaker: Series[str] = pa.Field(description="the speaker as written where the cue is, or empty")
    speaker_start: Series[Int] = pa.Field(nullable=True, description="offset of the speaker span")
    speaker_end: Series[Int] = pa.Field(nullable=True, description="end offset of the speaker span")
    source: Series[str] = pa.Field(
        description="canonical source: pronouns, short names and misspellings resolved; a pronoun with no fitting "
        "antecedent stays as written (`he`), and a quotation with no speaker has none (both `unresolved`)"
    )
    source_type: Series[str] = pa.Field(
        isin=["person", "government", "military", "institution", "media", "document", "anonymous", "collective",
              "unresolved"],
        description="what kind of source speaks: `anonymous` when the text says the source is unnamed (`a senior "
        "official`, `sources`, `a person familiar with the matter`), `unresolved` when the rules could not tell "
        "who (a pronoun with no fitting antecedent, a quotation with no speaker)",
    )
    role: Series[str] = pa.Field(description="the speaker's title as written, else the catalogue's, else empty")
    side: Series[str] = pa.Field(description="the source's side (from the catalogue or the role), or `unknown`")
    cue: Series[str] = pa.Field(description="the reporting verb or phrase as written")
    cue_start: Series[int] = pa.Field(ge=0, description="offset of the cue")
    cue_end: Series[int] = pa.Field(ge=0, description="end offset of the cue")
    cue_lemma: Series[str] = pa.Field(description="the cue's lemma (say, tell, claim, according to, ...)")
    cue_stance: Series[str] = pa.Field(
        isin=["neutral", "distancing", "emphatic"],
        description="neutral (said, told), distancing (claimed, alleged) or emphatic (vowed, insisted)",
    )
    content: Series[str] = pa.Field(
        description="what is attributed, as written, and only that: a direct quote's words inside the marks, a reported "
        "clause with its subject and all its conjuncts, within the cue's paragraph; never a dateline, the narrator's "
        "lead-in or comment, nor a second report of the sentence (`adding that ...` is its own row)"
    )
    content_start: Series[int] = pa.Field(ge=0, description="offset of the content")
    content_end: Series[int] = pa.Field(ge=0, description="end offset of the content")
    via: Series[str] = pa.Field(description="the intermediary outlet or document (`told Politico`), or empty")
    addressee: Series[str] = pa.Field(description="whom the speaker addressed where stated, or empty")
    name_variant: Series[str] = pa.Field(
        description="the speaker's spelling when it differs from the canonical source's, else empty"
    )
    speaker_resolution: Series[str] = pa.Field(
        isin=["name", "short_name", "pronoun", "variant", "role", "inherited", "none"],
        description="how the speaker was tied to the source: full name, short name, pronoun, misspelt variant, "
        "role or description (`the spokesman`), inherited by a quotation with no cue, or not at all",
    )
    source_id: Series[str] = pa.Field(description=SOURCE_ID_DESCRIPTION)


class Claims(Span):
    """One row per claim: an attributed content span, or a clause the story asserts on its own authority."""

    claim_id: Series[int] = pa.Field(ge=0, description="0-based, in order of position in the document")
    basis: Series[str] = pa.Field(
        isin=["attributed", "evidence", "own_voice", "anonymous_hedge"],
        description="attributed to a source, resting on evidence (a document, data set, poll or study as source: `documents show`), the outlet's own voice, or hedged to nobody (`reportedly`)",
    )
    attribution_id: Series[Int] = pa.Field(nullable=True, description="the attribution it rests on, if any")
    source: Series[str] = pa.Field(description="canonical source, empty for the outlet's own voice")
    side: Series[str] = pa.Field(description="the source's side, empty for the outlet's own voice")
    source_type: Series[str] = pa.Field(
        isin=["", "person", "government", "military", "institution", "media", "document", "anonymous", "collective",
              "unresolved"],
        description="the source's type (as in `attributions`: `anonymous` unnamed by the text, `unresolved` not told "
        "by the rules), empty for the outlet's own voice",
    )
    source_id: Series[str] = pa.Field(description=SOURCE_ID_DESCRIPTION)

class People(Span):
    """One row per person source of a document (each distinct canonical `source` of its `person` attributions),
    with the gender the text itself states of them. The row's own span is the first mention of their name.
    Evidence is a he/she that can only mean them, a title before their name (Mr, Ms, Sir, Dame) or a gendered
    noun describing them (spokeswoman, chairman, mother of two), from analysis/data/gendered_nouns.yaml; never
    a first name. Rules and limits: :mod:`analysis.extraction.people`.
    """

    source: Series[str] = pa.Field(description="canonical source, as in `attributions`")
    attributions: Series[int] = pa.Field(ge=1, description="attributions citing them")
    gender: Series[str] = pa.Field(
        isin=["female", "male", "unknown"],
        description="the gender the text states: female, male, or unknown (stated nowhere, or stated both ways)",
    )
    evidence: Series[str] = pa.Field(description="the word that states it as written (she, Mr, spokeswoman), else empty")
    evidence_start: Series[Int] = pa.Field(nullable=True, description="offset of the evidence")
    evidence_end: Series[Int] = pa.Field(nullable=True, description="end offset of the evidence")
    evidence_kind: Series[str] = pa.Field(
        isin=["pronoun", "title", "noun", ""],
        description="pronoun tied to them, title before their name, gendered noun describing them, or empty",
    )
    conflicting: Series[bool] = pa.Field(
        description="true when the text states both genders of them (gender is then unknown, evidence empty)"
    )
    source_id: Series[str] = pa.Field(description=SOURCE_ID_DESCRIPTION)



# --- numeric claims -------------------------------------------------------------------------------------------


class Figures(Span):
    """One row per numeric expression: what it counts or measures, how exact it is, and who asserts it."""

    figure_id: Series[int] = pa.Field(ge=0, description="0-based, in order of position in the document")
    value: Series[float] = pa.Field(nullable=True, description="the number as written, in the unit as written (`164p` is 164 pence), multiplier and sign applied "
        "(the sign written on the number: `-3%` and `minus 5` are negative, `down 2 points` is 2); NaN if vague or a range")
    low: Series[float] = pa.Field(nullable=True, description="lowest value the wording allows")
    high: Series[float] = pa.Field(nullable=True, description="highest value the wording allows (inf if open)")
    approx: Series[str] = pa.Field(
        isin=["exact", "about", "nearly", "at_least", "more_than", "at_most", "less_than", "range", "vague"],
        description="the approximator the wording carries",
    )
    approximator: Series[str] = pa.Field(description="the approximator as written (`about`, `as deep as`), or empty")
    approximator_start: Series[Int] = pa.Field(nullable=True, description="offset of the approximator")
    approximator_end: Series[Int] = pa.Field(nullable=True, description="end offset of the approximator")
    unit: Series[str] = pa.Field(description="the unit as written, empty for a plain count")
    unit_canonical: Series[str] = pa.Field(description="the unit as pint names it (a currency subunit is `pence`, `sen` or `<CODE> cent`; also `point`, "
        "`basis_point`, `times`, `fraction`; a price per unit or thing is `<CODE> / <unit or noun>`: `USD / ounce`), empty for a "
        "plain count")
    quantity_kind: Series[str] = pa.Field(description="count, length, area, money, percent, duration, ...")
    value_si: Series[float] = pa.Field(nullable=True, description="the value in the SI-style unit `unit_si`")
    unit_si: Series[str] = pa.Field(description="km, km**2, ... (pint); a currency subunit is given in its currency; empty for counts, money "
        "and percents")
    object: Series[str] = pa.Field(
        description="the counted or measured noun as written, with the nouns compounded before it and a "
        "statistic's adjective (`hospitals` in `12 new hospitals`, `transit workers` in `1,000 transit workers`, "
        "`wheat` in `2 tonnes of wheat`, `average price`, `voters` in `40% of voters`, `residents` in `Of the 300 residents tested, 45 were "
        "positive`); for a sum written on a noun, that noun with its compounds (`relief package` in `a $2 trillion "
        "relief package`); else what a level, change or sum is of or about, with the words a measure or a name "
        "needs (`unemployment rate`, `death toll`, `rate of infection`, `Net profit`, `FTSE 100`, `inflation` in "
        "`inflation slowed to 5.4%`), what a sum pays for (`schools` in `$5m for schools`), the person an age is "
        "apposed to or the people an age's bound follows (`people` in `people over 30`); for a restatement (`30C "
        "(86F)`), a change after a comma (`8%` in `sold 2 million phones, down 8%`), an elliptic count (`nine were "
        "taken to hospital`; `61` in `52 deaths on Tuesday and 61 on Wednesday`; `Ten were hurt.` after a sentence "
        "that names them) or the first end of a change (`from $4 to $5`) the object of the figure it goes with, and "
        "for a difference stated of `this` or `that` (`This is up from 950`) the object of the first figure of the "
        "sentence before; else empty"
    )
    object_start: Series[Int] = pa.Field(nullable=True, description="offset of the object")
    object_end: Series[Int] = pa.Field(nullable=True, description="end offset of the object")
    event: Series[str] = pa.Field(description="lemma of the predicate the figure is about, where the parse shows it")
    scope: Series[str] = pa.Field(
        isin=["", "world", "country", "state", "county", "city"],
        description="the extent a word of the figure's clause gives it (`worldwide`, `globally`: world; `nationwide`: "
        "country; `statewide`, `in the state`: state; `countywide`: county; `citywide`: city), or that its sentence's "
        "opening adverbial, or an adverbial set off by a comma right before its clause, gives it (`Statewide, there "
        "were ...`), else empty; the place "
        "itself is in `mentions`")
    measure: Series[str] = pa.Field(
        isin=["", "daily", "cumulative", "rate", "projection", "threshold", "base"],
        description="`daily` when its clause marks a count of one day (`new cases`, `in a single day`, `daily`), "
        "`cumulative` when it marks a running total (`total`, `so far`, `since the outbreak`, `death toll`, a verb "
        "of passing a mark: `passed 700,000 cases`) or, for a count with no such mark, when its clause states it in "
        "the present tense or present perfect (`the country has 100,717 cases`, `the virus has killed 1,000`: how "
        "many there are as the text is written), else empty; for a figure that counts nothing that is or was, "
        "whatever its clause says of days: `threshold` for a bound in a rule or a category (`counties with 10 cases "
        "or fewer`, `gatherings of more than 50 people`, `states reporting over 100 cases`, `limited gatherings to 10 people`), `projection` for what "
        "may, will or is expected to be (a modal verb, a verb or noun of expectation, a condition: `could kill up to "
        "2.2 million`, `the model projects 100,000 deaths`), `rate` for a figure per a number or of a rate noun "
        "(`5 deaths per 100,000 residents`, `a death rate of 3.4%`), `base` for what a rate is per (`per 100,000 "
        "residents`)")
    as_of: Series[str] = pa.Field(
        description="the day its clause (or else its sentence, when that names one day) dates it to: `YYYY-MM-DD`, "
        "`--MM-DD` when the year is not written, a weekday (`tuesday`), `today` or `yesterday`; else empty")
    combined: Series[bool] = pa.Field(
        description="true when it counts several places together (`the US, Spain and Italy together`: joined "
        "places as the subject of its clause or what it is of or in)")
    place: Series[str] = pa.Field(
        description="the place the figure's own words put it in, as written: the place a preposition names right "
        "after it (`Spain` in `1,200 in Italy, 800 in Spain`), else the one its clause is about, written before it "
        "(`Scotland` in `Scotland reported 12 deaths`, `Italy` in `Italy's death toll`, `England` in `In England, 500 "
        "died`); empty when neither is written (the places of its sentence, in `mentions`, stand for it)")
    modifier: Series[str] = pa.Field(
        description="words before the object's head noun that the object leaves out and that say which of its kind "
        "is counted (`unionised` in `1,000 unionised workers`, `probable` in `3,778 probable deaths`; a compound is part of the object); not places, "
        "dates, or words of scope, measure or how surely it was counted (`new`, `confirmed`); else empty")
    qualifier: Series[str] = pa.Field(
        description="what narrows the object to part of its kind, as written: a partitive (`of those deaths` in "
        "`17,600 of those deaths`), a restrictive clause (`who have symptoms`) or a phrase (`in intensive care "
        "units`, `among residents`) on its head noun, a share's holder (`Women` in `Women made up 52% of the "
        "tests`) or the whole a count is part of (`including 4,226 probable deaths`), without phrases of place, "
        "time or kind (`in France`, `of the virus`); several joined by a space; else empty")
    attribution_id: Series[Int] = pa.Field(nullable=True, description="the attribution whose content holds it")
    source: Series[str] = pa.Field(description="who asserts it; empty when the article asserts it itself")
    source_id: Series[str] = pa.Field(description=SOURCE_ID_DESCRIPTION)


class TimeExpressions(Span):
    """One row per date or time expression (kept out of ``figures``)."""

    time_id: Series[int] = pa.Field(ge=0, description="0-based, in order of position in the document")
    kind: Series[str] = pa.Field(
        isin=["date", "time", "weekday", "relative", "duration", "duration_adjective"],
        description="date, time, weekday, relative (anchored to the time of writing: `last week`, `a month "
        "earlier`), duration without a number (`months`), or duration_adjective (`years-long`); durations with "
        "a number (`72 hours`) are figures",
    )


class FigureConsistency(Span):
    """One row per pair of figures in different sentences of a document that count or measure the same thing,
    on the same day and about the same place: where they do not overlap, the article contradicts itself.

    Same thing: the decision `figure_agreement` makes across articles (same quantity kind and comparable unit,
    object, measure and qualifier, a count's event family; scope and modifier where both give them: a share of one
    group and a share of another, "Women made up 52%" and "Men made up 48%", are not compared), except that a
    measure (not a duration) without a written object is of whatever the other measures; a threshold or a rate's base is compared with
    nothing. Same day: the day each figure's clause names (`as_of`; none named and "today" are the article's own
    day) is one. Same place: the place each figure's own words put it in (`place`), else the places named in its
    sentence, or else the sentence before, share one, or neither has any; a table row under a short heading line
    ("Nassau" / "25,250 cases") has the heading as its place. Each figure is compared with the first
    mention of its thing and the four mentions just before it (every pair, for up to six mentions). The row's
    own span is the earlier figure, `other` the later one; intervals are in `unit` (SI-style unit, currency,
    percent, or empty for counts).
    """

    figure_id: Series[int] = pa.Field(ge=0, description="the earlier figure")
    other_figure_id: Series[int] = pa.Field(ge=0, description="the later figure")
    other_sentence_id: Series[int] = pa.Field(ge=0, description="sentence of the later figure")
    other: Series[str] = pa.Field(description="the later figure as written")
    other_start: Series[int] = pa.Field(ge=0, description="offset of the later figure")
    other_end: Series[int] = pa.Field(ge=0, description="end offset of the later figure")
    object: Series[str] = pa.Field(description="the measured thing, as the figures name it (may be empty)")
    quantity_kind: Series[str] = pa.Field(description="the quantity kind both figures share")
    unit: Series[str] = pa.Field(description="the unit the intervals are compared in; empty for counts")
    low: Series[float] = pa.Field(nullable=True, description="lowest value the earlier figure allows (NaN: no bounds)")
    high: Series[float] = pa.Field(nullable=True, description="highest value the earlier figure allows (inf if open)")
    other_low: Series[float] = pa.Field(nullable=True, description="lowest value the later figure allows")
    other_high: Series[float] = pa.Field(nullable=True, description="highest value the later figure allows")
    overlap: Series[bool] = pa.Field(description="true when the two intervals share a value")
    verdict: Series[str] = pa.Field(
        isin=["consistent", "inconsistent", "undetermined"],
        description="consistent (intervals overlap), inconsistent (they do not, and two voices give them: the "
        "article and a source, or two sources), or undetermined (a figure gives no bounds, two projections differ: "
        "they may be two scenarios, or one voice gives two values that differ: likely two days, places or groups)",
    )
    finding: Series[str] = pa.Field(description="the comparison in one sentence")


class MetricOrigin(Span):
    """One row per figure in a unit with a counterpart in the other measurement system (mile/km, acre/ha, ...).

    Flags a figure whose value converted to the other system (by pint) is close to a rounder number than the
    one printed (400 sq mi = 1,036 km² ≈ 1,000 km²): probably converted from that number, and then only as
    precise as it. Heuristic: see :func:`analysis.extraction.figures.checks.metric_origin`.
    """

    figure_id: Series[int] = pa.Field(ge=0, description="the figure checked")
    value: Series[float] = pa.Field(description="the printed value")
    unit_canonical: Series[str] = pa.Field(description="the printed unit (pint)")
    converted_value: Series[float] = pa.Field(description="the value in the other system, exact (pint)")
    converted_unit: Series[str] = pa.Field(description="the counterpart unit (pint)")
    original_value: Series[float] = pa.Field(nullable=True, description="the probable original, NaN if none")
    original_unit: Series[str] = pa.Field(description="the probable original's unit, empty if none")
    probably_converted: Series[bool] = pa.Field(description="true when a rounder original in the other system fits")
    implied_low: Series[float] = pa.Field(nullable=True, description="lowest printed-unit value the original allows")
    implied_high: Series[float] = pa.Field(nullable=True, description="highest printed-unit value the original allows")
    finding: Series[str] = pa.Field(description="the check in one sentence")


# --- framing -----------------------------------------------------------------------------------------------------


class Cues(Span):
    """One row per framing cue: a hedge, booster, loaded, emotional or evaluative word, or a metonym."""

    cue_id: Series[int] = pa.Field(ge=0, description="0-based, in order of position in the document")
    cue_type: Series[str] = pa.Field(
        isin=["hedge", "booster", "loaded", "emotion", "evaluative", "metonymy"],
        description="what the cue does",
    )
    category: Series[str] = pa.Field(
        description="for hedges epistemic (the writer or speaker is not sure: may, possibly, unclear), weasel "
        "(vague about who holds a claim or how far it holds: some experts, is widely believed, usually) or "
        "distancing (a named party's claim marked as only theirs: claimed, what it said were); the emotion "
        "(anger, fear, ...), the persuasion technique (SemEval-2023 Task 3 names: loaded_language, name_calling, "
        "doubt, exaggeration, appeal_to_fear), the appraisal of an evaluative word (positive_appraisal, "
        "negative_appraisal, intensity), certainty for boosters, empty for metonyms"
    )
    lexicon: Series[str] = pa.Field(description="the data file under analysis/data/ the cue came from")
    quoted: Series[bool] = pa.Field(
        description="true inside an attribution's content or between quotation marks: the speaker's framing; "
        "false in the outlet's own voice"
    )
    attribution_id: Series[Int] = pa.Field(nullable=True, description="the attribution whose content holds it")
    target: Series[str] = pa.Field(
        description="the phrase the cue is said of, where the parse shows it, else empty; for a hedge, the phrase "
        "or clause it makes vague (its scope)"
    )
    target_start: Series[Int] = pa.Field(nullable=True, description="offset of the target phrase")
    target_end: Series[Int] = pa.Field(nullable=True, description="end offset of the target phrase")
    target_side: Series[str] = pa.Field(description="the side the target names (actor catalogue), or `unknown`")


class Tone(Span):
    """One row per sentence: VADER sentiment with and without the news-domain adjustment."""

    compound: Series[float] = pa.Field(
        ge=-1, le=1, description="VADER compound score with analysis/data/vader_news_adjustment.yaml applied"
    )
    compound_unadjusted: Series[float] = pa.Field(ge=-1, le=1, description="plain VADER compound score")
    moved_by: Series[str] = pa.Field(description="words whose valence the adjustment changed, `word old→new; ...`")
    valence_words: Series[str] = pa.Field(description="every word the adjusted lexicon scores, `word valence; ...`")
    quoted_share: Series[float] = pa.Field(ge=0, le=1, description="share of the sentence's words that are quoted")
    own_voice: Series[bool] = pa.Field(description="true when less than half the sentence's words are quoted")


class ActorTone(DocumentKeyed):
    """One row per catalogued actor: the mean tone of the own-voice sentences of a document that mention it."""

    actor: Series[str] = pa.Field(description="canonical actor name from the catalogue")
    side: Series[str] = pa.Field(description="the actor's side")
    sentences: Series[int] = pa.Field(ge=1, description="own-voice sentences mentioning the actor")
    compound_mean: Series[float] = pa.Field(ge=-1, le=1, description="mean adjusted compound of those sentences")
    compound_unadjusted_mean: Series[float] = pa.Field(ge=-1, le=1, description="mean plain VADER compound")


class Actions(Span):
    """One row per clause with an agent or a patient: who does what to whom. The row's span is the verb."""

    action_id: Series[int] = pa.Field(ge=0, description="0-based, in order of position in the document")
    verb: Series[str] = pa.Field(description="the verb's lemma (capture, strike, say)")
    verb_phrase: Series[str] = pa.Field(description="the lemma with its particle for phrasal verbs (strike back)")
    verb_class: Series[str] = pa.Field(description="the verb's class from analysis/data/verb_classes.yaml, or `other`")
    voice: Series[str] = pa.Field(isin=["active", "passive"], description="grammatical voice")
    agentless: Series[bool] = pa.Field(description="a passive that names no agent (`have been relocated`)")
    agent: Series[str] = pa.Field(description="who acts, as written (a passive's `by` phrase), or empty")
    agent_start: Series[Int] = pa.Field(nullable=True, description="offset of the agent phrase")
    agent_end: Series[Int] = pa.Field(nullable=True, description="end offset of the agent phrase")
    agent_side: Series[str] = pa.Field(description="the agent's side (actor catalogue), or `unknown`")
    agent_rule: Series[str] = pa.Field(
        isin=["", "subject", "relative", "by_phrase", "control", "object_control", "shared", "participle", "possessor"],
        description="how the agent was found: own subject, relative pronoun's noun, `by` phrase, controller of "
        "an infinitive, subject shared with the governing verb, noun a participle describes, or possessor",
    )
    patient: Series[str] = pa.Field(description="what is acted upon (object, passive subject, `at` target), or empty")
    patient_start: Series[Int] = pa.Field(nullable=True, description="offset of the patient phrase")
    patient_end: Series[Int] = pa.Field(nullable=True, description="end offset of the patient phrase")
    patient_side: Series[str] = pa.Field(description="the patient's side (actor catalogue), or `unknown`")
    quoted: Series[bool] = pa.Field(description="the verb is inside an attribution's content or quotation marks")
    attribution_id: Series[Int] = pa.Field(nullable=True, description="the attribution whose content holds it")


class Frames(Span):
    """One row per sentence and frame the sentence cues at least once."""

    scheme: Series[str] = pa.Field(
        isin=["semetko_valkenburg", "media_frames_corpus"],
        description="generic news frames (Semetko & Valkenburg 2000) or Media Frames Corpus dimensions",
    )
    frame: Series[str] = pa.Field(description="the frame or dimension")
    hits: Series[int] = pa.Field(ge=1, description="cue words of the frame in the sentence")
    cue_words: Series[str] = pa.Field(description="those words as written, `; `-separated")


class DocumentFrames(DocumentKeyed):
    """One row per document and frame (every frame listed, zeros included)."""

    scheme: Series[str] = pa.Field(description="semetko_valkenburg or media_frames_corpus")
    frame: Series[str] = pa.Field(description="the frame or dimension")
    hits: Series[int] = pa.Field(ge=0, description="cue words of the frame in the document")
    sentences: Series[int] = pa.Field(ge=0, description="sentences with at least one cue word of the frame")
    sentence_share: Series[float] = pa.Field(ge=0, le=1, description="share of the document's sentences")
    hits_per_1000_words: Series[float] = pa.Field(ge=0, description="cue words per 1,000 words")


# --- across articles -----------------------------------------------------------------------------------------


class QuoteReuse(Span):
    """One row per printing of a quotation that at least two articles print: the same words, matched after
    normalising case, quotation marks, punctuation and spacing, and allowing a quote trimmed at either end.

    The row's own span is the quoted content as this article prints it. Groups are numbered in order of their
    first printing (publication time, then doc_id); rows run in that order within a group. Matching rules and
    limits: :func:`analysis.across.quote_reuse.quote_reuse`.
    """

    group_id: Series[int] = pa.Field(ge=0, description="the quotation, 0-based in order of its first printing")
    attribution_id: Series[int] = pa.Field(ge=0, description="the attribution that prints it in this article")
    kind: Series[str] = pa.Field(
        isin=["direct", "mixed"], description="direct quote, or partial quote inside reported speech"
    )
    outlet: Series[str] = pa.Field(description="the article's outlet from the metadata, else empty")
    published_at: Series[pd.DatetimeTZDtype] = pa.Field(
        nullable=True,
        dtype_kwargs={"unit": "ns", "tz": "UTC"},
        description="the article's publication time (UTC), NaT when unknown",
    )
    speaker: Series[str] = pa.Field(description="the speaker as this article writes it, or empty")
    speaker_start: Series[Int] = pa.Field(nullable=True, description="offset of the speaker span")
    speaker_end: Series[Int] = pa.Field(nullable=True, description="end offset of the speaker span")
    source: Series[str] = pa.Field(description="the canonical source this article gives the quotation")
    same_source: Series[bool] = pa.Field(
        description="true when `speaker_match` is `same`: this printing's speaker is the same source across the "
        "corpus (`source_id`) as the group's earliest printing that names one; false when they differ or when "
        "either has no identity"
    )
    first_printed: Series[bool] = pa.Field(
        description="true for the group's earliest printing (one per group; equal times go to the lower doc_id)"
    )
    similarity: Series[float] = pa.Field(
        ge=0,
        le=100,
        description="how alike the normalised words are to the first printing's (word-level rapidfuzz ratio, or "
        "ratio against the best stretch of the longer as long as the shorter; 100 for an exact or trimmed copy); "
        "every printing of a group reaches the match threshold against the first printing",
    )
    n_printings: Series[int] = pa.Field(ge=2, description="printings in the group")
    n_articles: Series[int] = pa.Field(ge=2, description="different articles printing it")
    n_outlets: Series[int] = pa.Field(ge=0, description="different non-empty outlets printing it")
    speaker_match: Series[str] = pa.Field(
        isin=["same", "different", "same_description", "unknown"],
        description="this printing's speaker against the group's earliest printing whose speaker has an identity "
        "across the corpus (`sources`; not anonymous, unresolved, a document, a group, nor a short name that may "
        "be any of several people): `same` for one `source_id`, `different` for two, or `unknown` when this "
        "printing's speaker has no such identity or no printing of the group does; that reference printing "
        "itself is `same`. Where no printing of the group has an identity, `same_description` for the printings "
        "of at least two articles that describe an unnamed speaker in the same words as the group's earliest "
        "described printing, tied to a name (`a Downing Street spokesman` / `a Downing Street spokesperson`; not "
        "`a senior official`): described alike, not known to be one source (`same_source` stays false)",
    )
    source_id: Series[str] = pa.Field(
        description="the identity of this printing's source across the corpus (`sources`), empty when it has none"
    )


class FigureAgreement(Span):
    """One row per pair of figures from different articles that count or measure the same thing, about the same
    place, on days within a time window, with whether the intervals their wordings allow can both hold.

    Same thing (one decision, shared with `figure_consistency`): same quantity kind and comparable unit, the same
    non-empty object (lowercase, plural head made singular, scope, measure and "confirmed"-like words left out,
    "death toll" as deaths, "people" named by what happened to them: "779 people died" and "779 people tested
    positive" as deaths and cases, "people" alone never, a count noun alone, "the total", never), the same `measure` (a day's count, a running total, a
    rate, a projection, or neither marked; a threshold or a rate's base never pairs) and the same `qualifier` (a
    part, "17,600 of those deaths", "beds in intensive care units", never pairs with the whole), for a count the
    same event family, or none for both ("three residents died" never pairs with "63 residents"; "449 deaths" are
    deaths whatever verb tells them), and, where both give them, events of the same family, the same scope and the same `modifier` ("transit workers" and
    "medical workers" never pair). Same place: all the places a figure is about, as one key, are the other's:
    the place its own words put it in (`place`: "800 in Spain"), else the places (GPE and LOC entities) named in
    its sentence, or else (when no word of its clause gives its extent) the sentence before, or else the place
    its article names most; or neither has any. A figure near which a country and a region of it are both named
    pairs with neither alone; a figure of world scope (`worldwide`, `globally`) has the world as its place, one
    that counts places together (`combined`) all of them as one place; one with a word of extent and no place
    (`nationwide`, `the state reported`) is not paired; two different scopes never pair. Time: a figure's day is
    the day its clause names, else its publication day; one whose day cannot be told (an undated article and no
    day named) is never paired. A day's count or a running total pairs only with one of the same day; any other
    figure with one whose day is within the window (7 days by default). The row's own
    span is the figure of the article published first (publication time, then doc_id); `other_*` is the later
    article's figure, and its offsets point into `other_doc_id`'s text. Intervals are in `unit`. Pairing rules
    and the cap on pairs: :func:`analysis.across.figure_agreement.figure_agreement`.
    """

    figure_id: Series[int] = pa.Field(ge=0, description="the earlier article's figure")
    outlet: Series[str] = pa.Field(description="the earlier article's outlet, else empty")
    published_at: Series[pd.DatetimeTZDtype] = pa.Field(
        nullable=True,
        dtype_kwargs={"unit": "ns", "tz": "UTC"},
        description="the earlier article's publication time (UTC), NaT when unknown",
    )
    source: Series[str] = pa.Field(description="who asserts the earlier figure; empty when the article itself")
    other_doc_id: Series[str] = pa.Field(description="the later article")
    other_sentence_id: Series[int] = pa.Field(ge=0, description="sentence of the later figure")
    other_text: Series[str] = pa.Field(description="the later figure as written, `text[other_start:other_end]` of "
                                       "the later article")
    other_start: Series[int] = pa.Field(ge=0, description="offset of the later figure in the later article")
    other_end: Series[int] = pa.Field(ge=0, description="end offset of the later figure in the later article")
    other_figure_id: Series[int] = pa.Field(ge=0, description="the later article's figure")
    other_outlet: Series[str] = pa.Field(description="the later article's outlet, else empty")
    other_published_at: Series[pd.DatetimeTZDtype] = pa.Field(
        nullable=True,
        dtype_kwargs={"unit": "ns", "tz": "UTC"},
        description="the later article's publication time (UTC), NaT when unknown",
    )
    other_source: Series[str] = pa.Field(description="who asserts the later figure; empty when the article itself")
    days_apart: Series[float] = pa.Field(
        nullable=True, ge=0, description="days between the two publications, NaN when either is unknown"
    )
    object: Series[str] = pa.Field(description="the counted or measured thing both name, normalised (`case` for `new "
        "cases`, `death` for `death toll` and for `people` who died)")
    quantity_kind: Series[str] = pa.Field(description="the quantity kind both figures share")
    unit: Series[str] = pa.Field(description="the unit the intervals are compared in; empty for counts")
    low: Series[float] = pa.Field(nullable=True, description="lowest value the earlier figure allows (NaN: no bounds)")
    high: Series[float] = pa.Field(nullable=True, description="highest value the earlier figure allows (inf if open)")
    other_low: Series[float] = pa.Field(nullable=True, description="lowest value the later figure allows")
    other_high: Series[float] = pa.Field(nullable=True, description="highest value the later figure allows")
    agree: Series[bool] = pa.Field(description="true when `verdict` is `agree`")
    verdict: Series[str] = pa.Field(
        isin=["agree", "consistent", "disagree", "undetermined"],
        description="agree (both figures bounded on both sides, intervals overlap; two running totals of one day "
        "within the rounding of the printed figures, `3,100` and `3,112`), consistent (they overlap but one is an "
        "open bound such as `more than 100`, `at most 5` or `passed 10,000`, so both can hold without saying the "
        "same), disagree (they cannot both hold), or undetermined (a figure gives no bounds; or they differ in a way "
        "that contradicts nothing: two projections, which may be two scenarios; two running totals of one day, "
        "snapshots hours apart; two counts of different days, which may have changed in between; `finding` says "
        "which)",
    )
    finding: Series[str] = pa.Field(description="the comparison in one sentence")
    same_place: Series[str] = pa.Field(
        description="the places both figures are about (each figure's own place, else those its sentence, or the "
        "sentence before, names, else the place its article names most), `; `-separated, lowercase (the "
        "catalogue's name where it knows the place); empty when neither article names a place, or when places were "
        "not read"
    )
    basis: Series[str] = pa.Field(
        description="on what the pair was made, in words: the object (with the modifier both give and the qualifier "
        "they share) and unit; the measure (counts of one day or running totals, with the day both count; projections; "
        "rates; or neither marked); the place (the world, places counted together, the place an article names most "
        "where none is named near a figure, none named in either article, or places not read) and a "
        "scope both share; and the days between: the publications of a dated measure's figures, else the days the "
        "two figures count against the window (`both undated`: two year-less days of undated articles), with `the day "
        "named in the text for one or both` when a figure's day is the one its clause names (`as of April 11`, `on "
        "Saturday`) rather than its publication day"
    )


class Sources(_Table):
    """One row per person or organisation that speaks or is cited in the corpus: one identity across its
    articles, whatever name, short name or title each article writes. Anonymous, unresolved, document and
    collective sources, and descriptions such as "the council", have none. Names merge only on evidence: the
    same full name (never two different given names), a surname alone or after a title to the one full name of
    the corpus with that surname, the catalogue's aliases, never a person with an organisation. Rules and
    limits: :mod:`analysis.across.identity`. Rows run from the most attributions down."""

    source_id: Series[str] = pa.Field(
        unique=True,
        description="stable id: the first 12 hex digits of the SHA-256 of the identity's key (the catalogue's id, "
        "or the name folded: case, accents and full stops ignored), never of row order",
    )
    name: Series[str] = pa.Field(
        description="the catalogue's name, else the name as most fully written, without a title (`Donald Trump`, "
        "not `President Trump`)"
    )
    variants: Series[str] = pa.Field(
        description="every way the articles write it (canonical sources, speakers tied by name, misspellings), "
        "sorted, ` | `-separated"
    )
    source_type: Series[str] = pa.Field(
        isin=["person", "government", "military", "institution", "media"],
        description="person, or the organisation's type: the catalogue's, else the one the articles give most",
    )
    gender: Series[str] = pa.Field(
        isin=["female", "male", "unknown", ""],
        description="a person's gender as the articles state it (`people`): female or male when only one is "
        "stated, unknown when none is or the articles conflict; empty for organisations",
    )
    articles: Series[int] = pa.Field(ge=1, description="articles that cite it")
    attributions: Series[int] = pa.Field(ge=1, description="attributions citing it")
    outlets: Series[int] = pa.Field(ge=0, description="different non-empty outlets citing it")
    basis: Series[str] = pa.Field(
        isin=["catalogue", "full name", "short name only", "ambiguous short name", "organisation name"],
        description="what the identity rests on: the catalogue, a full name, a short name no full name of the "
        "corpus explains (one identity across the corpus), a short name that may be any of several people (an "
        "identity in its one article only), or an organisation's name",
    )


class SourceOutlets(_Table):
    """One row per source and outlet that cites it (`sources`): how many articles and attributions of that
    outlet. Articles without an outlet are counted under an empty outlet."""

    source_id: Series[str] = pa.Field(description="the source, as in `sources`")
    outlet: Series[str] = pa.Field(description="the outlet from the metadata, empty when the articles have none")
    articles: Series[int] = pa.Field(ge=1, description="the outlet's articles that cite the source")
    attributions: Series[int] = pa.Field(ge=1, description="the outlet's attributions citing the source")


#: Every table, in the order the README documents them and `build` writes them.
TABLES: dict[str, type[_Table]] = {
    "documents": Documents,
    "sentences": Sentences,
    "mentions": Mentions,
    # sourcing tables
    "attributions": Attributions,
    "claims": Claims,
    "people": People,
    # numeric-claims tables
    "figures": Figures,
    "time_expressions": TimeExpressions,
    "figure_consistency": FigureConsistency,
    "metric_origin": MetricOrigin,
    # framing tables
    "cues": Cues,
    "tone": Tone,
    "actor_tone": ActorTone,
    "actions": Actions,
    "frames": Frames,
    "document_frames": DocumentFrames,
    # corpus-level tables (analysis.across)
    "quote_reuse": QuoteReuse,
    "figure_agreement": FigureAgreement,
    "sources": Sources,
    "source_outlets": SourceOutlets,
    "skipped": Skipped,
    "errors": Errors,
}


#: Per-article tables whose last column, ``source_id``, is filled across the corpus (:mod:`analysis.across.identity`)
#: once every article is built: an article's extraction leaves it empty.
IDENTITY_TABLES = ("attributions", "claims", "people", "figures")
#: The columns filled across the corpus, by table.
CORPUS_FILLED = {table: ("source_id",) for table in IDENTITY_TABLES}


def article_columns(table: str) -> list[str]:
    """The columns of ``table`` an article's extraction fills, in order (all but :data:`CORPUS_FILLED`)."""
    return [c for c in _columns(table) if c not in CORPUS_FILLED.get(table, ())]


def span_columns(table: str) -> list[tuple[str, str, str]]:
    """``(text, start, end)`` column triples of ``table``: its own span and every ``X``/``X_start``/``X_end``."""
    names = columns(table)
    triples = [("text", "start", "end")] if {"text", "start", "end"} <= set(names) else []
    triples += [(n[: -len("_start")], n, n[: -len("_start")] + "_end") for n in names if n.endswith("_start")]
    return [t for t in triples if set(t) <= set(names)]


def columns(table: str) -> list[str]:
    """The columns of ``table`` in order."""
    return list(_columns(table))


@lru_cache(maxsize=None)
def _schema(table: str):
    # pandera builds the schema object anew on every call of a model's ``to_schema`` or ``validate``; the
    # build asks for it per article and per chunk.
    with _no_dask_typing():
        return TABLES[table].to_schema()


#: pandera's cached lists of the DataFrame, Series and Index types it knows (pandas', and Dask's where installed).
_PANDERA_TYPE_LISTS = ("get_dataframe_types", "get_series_types", "get_index_types")


@contextmanager
def _no_dask_typing() -> Iterator[None]:
    """While a schema is built here, pandera's Dask typing module stands as "Dask not installed"; afterwards the
    module and pandera's cached type lists are as before, so that anything else in the process gets them as
    pandera makes them.

    Speed: to build a model's schema, pandera lists the Series and Index types of every installed dataframe
    library, and listing Dask's imports ``dask.dataframe``: half a CPU second of a build, for types no table here
    is annotated with (every column is a pandas ``Series``), so the schemas come out the same. Where pandera's
    typing module has no such lists, or Dask's typing is already imported, nothing is done."""
    name = "pandera.typing.dask"
    if name in sys.modules or not all(hasattr(pandera_typing, f) for f in _PANDERA_TYPE_LISTS):
        yield
        return
    stand_in = types.ModuleType(name)
    stand_in.DASK_INSTALLED = False
    sys.modules[name] = stand_in
    try:
        yield
    finally:
        if sys.modules.get(name) is stand_in:
            del sys.modules[name]
        if getattr(pandera_typing, "dask", None) is stand_in:
            delattr(pandera_typing, "dask")
        for listing in _PANDERA_TYPE_LISTS:
            getattr(pandera_typing, listing).cache_clear()


@lru_cache(maxsize=1)
def prepare() -> None:
    """Build every table's schema, and load pandera's validation, now instead of at the first chunk; once per
    process. The first schema and the first validation cost a fraction of a second together (pandera's
    validation backends): a build spends it while its workers parse, not after they finish."""
    for table in TABLES:
        _schema(table)
    validate("documents", empty("documents"))


@lru_cache(maxsize=None)
def _columns(table: str) -> tuple[str, ...]:
    # The model's fields, not its schema: building the schemas loads pandera's machinery for them (a tenth of a
    # second or more), and a build's worker processes need the column order only, never a schema.
    return tuple(field.name for _, field in TABLES[table].__fields__.values())


def empty(table: str) -> pd.DataFrame:
    """A table with no rows and the declared columns and dtypes."""
    return _empty(table).copy()


@lru_cache(maxsize=None)
def _empty(table: str) -> pd.DataFrame:
    # built from the declared dtypes rather than by validating an empty frame, which costs pandera's
    # per-column checks for every table of every build
    return pd.DataFrame({name: pd.Series(dtype=column.dtype.type) for name, column in _schema(table).columns.items()})


#: Tables that carry, after their declared columns, columns of the corpus's own: ``documents`` holds each extra
#: metadata field (:mod:`analysis.reading.extras`), which varies by corpus.
OPEN_TABLES = frozenset({"documents"})
#: The dtypes an extra column may have: text (pandas' ``str``, as the declared text columns), a whole number, a
#: number, a UTC time.
EXTRA_DTYPES = frozenset({"str", "Int64", "float64", "datetime64[ns, UTC]"})
#: An extra column's name: snake_case (lowercase letters and digits of any script, single underscores between).
EXTRA_NAME = re.compile(r"[^\W_]+(?:_[^\W_]+)*")


def extra_columns(table: str, frame: pd.DataFrame) -> list[str]:
    """The columns of ``frame`` beyond the declared columns of ``table``, in order (none unless the table is
    one of :data:`OPEN_TABLES`)."""
    if table not in OPEN_TABLES:
        return []
    declared = set(_columns(table))
    return [column for column in frame.columns if column not in declared]


def validate(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` checked against the schema of ``table``, dtypes coerced; raises on any mismatch.

    A table of :data:`OPEN_TABLES` may carry extra columns after the declared ones: each must have a
    snake_case name (:data:`EXTRA_NAME`), one of :data:`EXTRA_DTYPES` (text coerced to ``str`` from any string
    dtype, or from ``object`` holding strings only), and they must come sorted by name.
    """
    extras = extra_columns(table, frame)
    declared = frame if not extras else frame[[c for c in frame.columns if c not in set(extras)]]
    checked = _checked(table, declared)
    if checked is None:
        # something fails (or the fast path cannot tell): pandera decides, and raises its own error
        checked = _schema(table).validate(declared)
    if not extras:
        return checked
    problem = _extras_problem(frame, extras, len(frame.columns) - len(extras))
    if problem:
        raise pa.errors.SchemaError(_schema(table), frame, f"{table}: {problem}")
    own = frame[extras].astype({c: "str" for c in extras if _is_text(frame[c])})
    return pd.concat([checked, own], axis=1)


@lru_cache(maxsize=None)
def _column_plans(table: str) -> tuple[tuple[str, object, bool, bool, tuple], ...]:
    """Per declared column of ``table``: its name, pandera dtype, nullable, unique, and its checks as
    ``(function, keyword arguments)``; empty when the schema holds anything :func:`_checked` does not handle."""
    declared = _schema(table)
    if declared.checks or declared.index is not None or declared.dtype is not None or declared.parsers \
            or not (declared.strict is True and declared.ordered and declared.coerce) or declared.unique \
            or declared.add_missing_columns or declared.drop_invalid_rows:
        return ()
    plans = []
    for name, column in declared.columns.items():
        if column.regex or column.parsers or column.default is not None or not column.required \
                or column.drop_invalid_rows or column.dtype is None:
            return ()
        checks = []
        for check in column.checks:
            if check.name not in FAST_CHECKS or check.groupby is not None or not check.ignore_na \
                    or check.element_wise or check.raise_warning or check.n_failure_cases is not None:
                return ()
            checks.append((FAST_CHECKS[check.name], dict(check._check_kwargs)))
        plans.append((name, column.dtype, bool(column.nullable), bool(column.unique), tuple(checks)))
    return tuple(plans)


#: Pandera's built-in checks that :func:`_checked` runs itself, by their name: each the very expression of
#: pandera's own pandas implementation (``pandera/backends/pandas/builtin_checks.py``), over the column and
#: the check's keyword arguments.
FAST_CHECKS: dict[str, Callable[..., pd.Series]] = {
    "greater_than_or_equal_to": lambda data, min_value: data >= min_value,
    "less_than_or_equal_to": lambda data, max_value: data <= max_value,
    "isin": lambda data, allowed_values: data.isin(allowed_values),
    "str_matches": lambda data, pattern: data.str.match(pattern, na=False),
}


def _pandera_as_configured() -> bool:
    """Whether pandera is configured as :func:`_checked` does it: validation on, schema and data checked, its
    own pandas backend (else pandera is left to do as configured)."""
    config = pandera_config.get_config_context()
    return (config.validation_enabled and not config.use_narwhals_backend
            and config.validation_depth == pandera_config.ValidationDepth.SCHEMA_AND_DATA)


def _checked(table: str, frame: pd.DataFrame) -> pd.DataFrame | None:
    """``frame`` coerced and checked as pandera's ``validate`` of ``table``'s schema does it, or None when a
    check fails or the schema holds what this does not handle: the caller then lets pandera decide.

    Pandera spends about a millisecond a column on its own machinery whatever the rows (copies of the column's
    schema, and failure messages formatted for checks that passed), which a build pays for every table of
    every chunk. Here the same steps run directly: each column coerced by pandera's own dtype
    (``try_coerce``), then the checks of that column's schema: dtype (the coerced dtype must be the declared one
    exactly, else pandera decides), nulls where not nullable, uniqueness, and the built-in value checks of
    :data:`FAST_CHECKS` on the non-null values (their ``ignore_na``), as pandera computes them. Not handled
    (pandera decides): frame-wide checks, an index, parsers, defaults, optional or regex columns, other checks.
    ``tests/test_schema_fast.py`` holds it to pandera's result both ways."""
    plans = _column_plans(table)
    if not plans or list(frame.columns) != [plan[0] for plan in plans] or not _pandera_as_configured():
        return None
    checked: dict[str, pd.Series] = {}
    for (name, dtype, nullable, unique, checks), (_, column) in zip(plans, frame.items()):
        if column.dtype == dtype.type:
            # coercing a column to the dtype it has (``astype``) gives it back as it is: skipped, it cost a
            # tenth of a millisecond a column of every chunk
            values = column
        else:
            try:
                values = dtype.try_coerce(column)
            except Exception:  # noqa: BLE001 - pandera reports the failed coercion
                return None
            if values.dtype != dtype.type:
                return None
        missing = values.array.isna()
        any_missing = bool(missing.any())
        if not nullable and any_missing:
            return None
        if unique and values.duplicated().any():
            return None
        if checks:
            present = values[~missing] if any_missing else values
            for function, arguments in checks:
                if not bool(function(present, **arguments).all()):
                    return None
        checked[name] = values
    # one frame of the checked columns, rather than a copy of ``frame`` with each column set in turn
    return pd.DataFrame(checked, index=frame.index, copy=False)


def _is_text(column: pd.Series) -> bool:
    """A column of strings only: a string dtype, or ``object`` holding nothing else."""
    if column.dtype == object:
        return all(isinstance(value, str) for value in column)
    return pd.api.types.is_string_dtype(column.dtype)


def _extras_problem(frame: pd.DataFrame, extras: list[str], declared: int) -> str:
    """What is wrong with the extra columns of ``frame``; empty when nothing is."""
    if list(frame.columns[declared:]) != extras or extras != sorted(extras):
        return f"extra columns must follow the declared ones, sorted by name: {', '.join(map(str, extras))}"
    for name in extras:
        dtype = "str" if _is_text(frame[name]) else str(frame[name].dtype)
        if not isinstance(name, str) or not EXTRA_NAME.fullmatch(name) or name != name.lower():
            return f"extra column {name!r} is not a snake_case name"
        if dtype not in EXTRA_DTYPES:
            return f"extra column {name!r} has dtype {dtype}, not one of {', '.join(sorted(EXTRA_DTYPES))}"
    return ""


def data_dictionary() -> str:
    """The README's data dictionary: a Markdown section per table, generated from the models above."""
    lines = []
    for name, model in TABLES.items():
        schema = model.to_schema()
        doc = " ".join((model.__doc__ or "").split())
        lines += [f"### `{name}`", "", doc, "", "| column | dtype | description |", "|---|---|---|"]
        for column, spec in schema.columns.items():
            dtype = str(spec.dtype) + (", nullable" if spec.nullable else "")
            lines.append(f"| `{column}` | {dtype} | {spec.description or ''} |")
        lines.append("")
    return "\n".join(lines)
