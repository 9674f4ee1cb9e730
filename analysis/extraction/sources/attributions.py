"""The ``attributions`` table: the stages in order (see :mod:`analysis.extraction.sources`), each relation's kind and row."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from spacy.tokens import Token

from analysis.extraction.doc_index import children_of
from analysis.extraction.sources.according_to import according_to_stage
from analysis.extraction.sources.contents import after_dateline, trimmed_span, within_paragraph
from analysis.extraction.sources.dedupe import deduplicate, extend_to_quotes
from analysis.extraction.sources.floating import floating_stage
from analysis.extraction.sources.lines import Lines
from analysis.extraction.sources.noun_cues import noun_cue_stage
from analysis.extraction.sources.quote_cues import quote_stage
from analysis.extraction.sources.quotes import VIEW_QUOTE_MARKS, Quotations
from analysis.extraction.sources.records import Attribution, Found
from analysis.extraction.sources.refusals import refusal_stage
from analysis.extraction.sources.speakers import NO_SPEAKER, SpeakerResolver, is_outlet, is_time_modifier, tokens_text
from analysis.extraction.sources.syntactic import syntactic_stage
from analysis.extraction.sources.wordlists import lexicon


def attribution_rows(parsed) -> list[Attribution]:
    """One row per attribution relation in the document, in order of position (content start, then cue).

    See :mod:`analysis.extraction.sources` for the stages. Never raises on odd quotation marks: an unmatched mark is
    dropped and the rest of the document is read.
    """
    doc, view = parsed.doc, parsed.view
    if not len(doc):
        return []
    quotes = parsed.quotations
    found = syntactic_stage(doc, quotes) + according_to_stage(doc) + refusal_stage(doc, quotes) + noun_cue_stage(doc, quotes)
    # a report inside a quotation covers no part of it: the quotation is still its speaker's
    found += quote_stage(doc, quotes, [f.content for f in found if not quotes.reports_inside(f.cue)])
    found = deduplicate(extend_to_quotes(found, quotes, view), quotes)
    resolver = SpeakerResolver(parsed, quotes)
    found = _in_paragraph(found, quotes, resolver.lines, resolver.datelines, view)
    # page furniture glued into the copy (a crawled link "Related: Mayor warns of cuts", a prompt) holds no cue
    found = [f for f in found if f.cue is None or not resolver.lines.is_furniture(resolver.lines.line_of(f.cue[0]))]
    records = []
    # Speakers are resolved in reading order, so that pronouns and descriptions find earlier speakers.
    for f in sorted(found, key=lambda f: (f.cue or f.content)[0]):
        records.append(_record(parsed, f, resolver, quotes))
    records = floating_stage(parsed, quotes, records, resolver)
    records = [r for r in records if not _service_text(parsed, r)]
    records.sort(key=lambda r: (r.content_start, r.cue_start, r.content_end))
    return [replace(r, attribution_id=i) for i, r in enumerate(records)]


#: A contact detail: a telephone number of at least seven digits in groups ("1-800-555-0199", "(555) 010-4477",
#: "833-427-5634"), an e-mail address, or a web address ("www.example.gov", "https://...", "example.gov/help").
CONTACT_DETAIL = re.compile(
    r"(?<![\w.])(?:\+?\d{1,3}[ .-])?\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}(?!\d)"
    r"|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\bhttps?://\S+|\bwww\.[\w-]+(?:\.[\w-]+)+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:gov|org|com|net|edu|int)(?:/\S*)?(?![\w])",
    re.IGNORECASE,
)


def _service_text(parsed, record: Attribution) -> bool:
    """Whether a row with no speaker written is the page's service text, not a report: its sentence gives a
    telephone number, e-mail or web address (:data:`CONTACT_DETAIL`: "For health questions about the virus, call
    1-800-555-0199", "if you have questions about the virus you can call ..."). A quotation that inherits its
    speaker (no cue) and any row with a speaker are kept: "Call 555-0100 if you need help," the mayor said is
    the mayor's."""
    if record.speaker_start is not None or record.cue_start == record.cue_end:
        return False
    sentence = parsed.doc.char_span(record.cue_start, record.cue_end, alignment_mode="expand")
    if sentence is None or not len(sentence):
        return False
    return CONTACT_DETAIL.search(sentence[0].sent.text) is not None


def _in_paragraph(
    found: list[Found], quotes: Quotations, lines: Lines, datelines: list[tuple[int, int]], view: str
) -> list[Found]:
    """Each content cut to its cue's paragraph and without a dateline it begins with (the source's words, not
    the narrator's: :func:`.contents.within_paragraph`, :func:`.contents.after_dateline`; ``datelines``: the
    view's :func:`~analysis.extraction.linguistics.furniture.dateline_spans`); a relation with no word left in its
    cue's paragraph is dropped."""
    kept = []
    for f in found:
        content = within_paragraph(f.content, f.cue, lines, view, quoted=quotes.holding(f.content) is not None)
        if content is not None:
            kept.append(replace(f, content=after_dateline(content, datelines, view)))
    return kept


def _kind(found: Found, quotes: Quotations, view: str, doc=None) -> tuple[str, tuple[int, int]]:
    """direct, mixed or indirect from the quotation marks around or inside the content; a content that opens
    with a direct quotation after its cue and runs on into the narrator's words is the quotation
    (:func:`_quoted_after_cue`, :func:`_narrated_after`), and a content before its cue that is a narrator's lead-in
    and a quotation is the quotation (:func:`_quoted_after_lead_in`)."""
    if found.kind:
        return found.kind, found.content
    start, end = found.content
    if quotes.reports_inside(found.cue):
        # a report inside a quotation: direct when what it reports is a quotation within it ("“She said ‘no’.”")
        opened, closed = view[:start].rstrip()[-1:], view[end:].lstrip(".,!?")[:1]
        quoted = bool(opened and closed) and opened in VIEW_QUOTE_MARKS and closed in VIEW_QUOTE_MARKS
        return ("direct" if quoted else "indirect"), found.content
    at = quotes.inner_at(start)
    if at is not None and end > quotes.inners[at][1] and doc is not None and _quoted_after_cue(found, quotes.spans[at], view) and (
        _narrated_after(doc, quotes.spans[at][1], end)
    ):
        end = quotes.inners[at][1]
    if at is not None and end <= quotes.inners[at][1]:
        return "direct", trimmed_span(view, *quotes.inners[at]) or found.content
    led = _quoted_after_lead_in(found, quotes, view)
    if led is not None:
        return "direct", trimmed_span(view, *quotes.inners[led]) or found.content
    if quotes.inner_overlaps(found.content):
        start, end = mixed_end(_before_narrated_relative(found.content, quotes, view), quotes, view)
        # a mixed content that opens with quoted words keeps their opening mark, as it keeps the closing one
        opening = quotes.inner_at(start)
        if opening is not None and start == quotes.inners[opening][0]:
            start = quotes.spans[opening][0]
        return "mixed", (start, end)
    return "indirect", found.content


#: Parts of speech of the word after a closing quotation mark that begin the narrator's own words: a
#: circumstance ("at the end of the process"), an adverb, a subordinating conjunction or a dash. Not "and"
#: (“..." and "...” joins two quotations of one content).
NARRATION_POS = frozenset({"ADP", "ADV", "SCONJ", "PUNCT"})


def _quoted_after_cue(found: Found, quote: tuple[int, int], view: str) -> bool:
    """Whether a quotation is given as a direct quote after its cue: the cue comes first and a comma or colon
    stands before the opening mark ("said, “I feel great”"). A quotation after "that" ("submitted that “...”")
    or before its cue ("“...” in the West, Jackson said") is part of a reported clause that may go on."""
    if found.cue is None or found.cue[1] > quote[0]:
        return False
    before = view[: quote[0]].rstrip()
    return before.endswith((",", ":"))


def _quoted_after_lead_in(found: Found, quotes: Quotations, view: str) -> int | None:
    """The number of the quotation that is all a content before its cue says, after a lead-in of the narrator's
    set off by a comma: "In a statement Monday, "We are ready to strike," the union said", "Asked about the
    delay, "The parts did not arrive," he said". The quotation opens after the comma and closes at the content's
    end, and the cue follows. None when the words before the quotation do not end with a comma ("The plan is "a
    disaster," she said" stays mixed) or the content runs on after it."""
    start, end = found.content
    if found.cue is None or found.cue[0] < end:
        return None
    k = quotes.inner_at(end - 1)
    if k is None or quotes.spans[k][0] <= start or view[end : quotes.spans[k][1]].strip(f",.!?{VIEW_QUOTE_MARKS} "):
        return None
    return k if view[start : quotes.spans[k][0]].rstrip().endswith(",") else None


#: A non-restrictive relative clause opening after a closing quotation mark: the narrator's comment on what was
#: quoted ("..., which was conceded by the defence").
NARRATED_RELATIVE = re.compile(r"\s*,\s*(?:which|who|whom)\b", re.IGNORECASE)


def _before_narrated_relative(content: tuple[int, int], quotes: Quotations, view: str) -> tuple[int, int]:
    """A mixed content cut at the closing mark of a quotation after which a comma and "which" or "who" open the
    narrator's comment: "submitted that "there is a case to answer", which was conceded by the defence" ends with
    the quotation. A relative clause before or around the quotation stays ("said the plan, which was "dead on
    arrival", would go")."""
    start, end = content
    at = quotes.inner_at(start)
    opening = [quotes.spans[at]] if at is not None else []
    for quote in opening + quotes.within(content):
        if quote[1] < end and NARRATED_RELATIVE.match(view, quote[1]):
            return start, quote[1]
    return content


def _narrated_after(doc, close: int, end: int) -> bool:
    """Whether the words after a quotation that opens a content, up to the content's ``end``, are the
    narrator's ("“I feel great” at the end of the quick process — the first in the country"): the first word
    after the closing mark at ``close`` is a preposition, adverb, subordinating conjunction or a dash
    (:data:`NARRATION_POS`), not a verb going on with the quoted words ("“the plan” was dead" stays mixed)."""
    span = doc.char_span(close, end, alignment_mode="expand")
    words = [t for t in span if not t.is_space] if span is not None else []
    return bool(words) and words[0].pos_ in NARRATION_POS and words[0].tag_ not in ("``", "''")


def mixed_end(content: tuple[int, int], quotes: Quotations, view: str) -> tuple[int, int]:
    """Mixed content keeps the partial quotation's closing mark (and a full stop inside it), and runs to that mark
    when it ends inside a quotation it opened: the parse stopped short inside quoted words ("said he was "deeply
    concerned both by the levels of spread, and" of "... and by the levels of inaction""), which are all the
    speaker's. A quotation that runs on into the next paragraph has no closing mark to keep."""
    start, end = content
    at = quotes.inner_at(end - 1)
    if at is None or not start < quotes.spans[at][0] < end < quotes.spans[at][1]:
        return start, end
    if quotes.inners[at][1] < quotes.spans[at][1]:
        return start, quotes.spans[at][1]
    return trimmed_span(view, start, quotes.inners[at][1]) or content


def _record(parsed, found: Found, resolver: SpeakerResolver, quotes: Quotations) -> Attribution:
    text, view = parsed.text, parsed.view
    kind, (content_start, content_end) = _kind(found, quotes, view, parsed.doc)
    speaker = resolver.resolve(found.speaker) if _speaks_at(found, resolver.lines) else NO_SPEAKER
    cue_start, cue_end = found.cue or (content_start, content_start)
    addressee, via = _addressee_and_via(parsed, found)
    stance = "neutral" if found.stage == "according_to" else lexicon().stances.get(found.cue_lemma, "neutral")
    bounds = [content_start, content_end, cue_start, cue_end]
    if speaker.start is not None:
        bounds += [speaker.start, speaker.end]
    start, end = min(bounds), max(bounds)
    return Attribution(
        sentence_id=parsed.sentences.sentence_id(cue_start if found.cue else content_start),
        start=start,
        end=end,
        text=text[start:end],
        attribution_id=0,
        kind=kind,
        speaker=text[speaker.start : speaker.end] if speaker.start is not None else "",
        speaker_start=speaker.start,
        speaker_end=speaker.end,
        source=speaker.source,
        source_type=speaker.source_type,
        role=speaker.role,
        side=speaker.side,
        cue=text[cue_start:cue_end],
        cue_start=cue_start,
        cue_end=cue_end,
        cue_lemma=found.cue_lemma,
        cue_stance=stance,
        content=text[content_start:content_end],
        content_start=content_start,
        content_end=content_end,
        via=via or found.via,
        addressee=addressee,
        name_variant=speaker.name_variant,
        speaker_resolution=speaker.resolution,
    )


def _speaks_at(found: Found, lines: Lines) -> bool:
    """Whether the relation's speaker word can speak at its cue: not when it stands on another line than the cue
    and that line is a headline, byline, caption or link, which the parse may take for the cue's subject."""
    if found.speaker is None:
        return False
    if found.cue is None:
        return True
    line = lines.line_of(found.speaker.idx)
    return line == lines.line_of(found.cue[0]) or lines.is_copy(line)


def _addressee_and_via(parsed, found: Found) -> tuple[str, str]:
    """Whom a "told" cue or a request names: an outlet (or the other side of an interview) is the intermediary (``via``),
    anyone else the addressee."""
    token = found.addressee
    if token is None:
        return "", ""
    timed = {t.i for c in token.subtree if is_time_modifier(c) for t in c.subtree}
    tokens = [t for t in token.subtree if not t.is_punct and t.i not in timed]
    written = tokens_text(parsed, tokens)
    if found.cue_lemma != "tell":
        return written, ""  # the addressee of a request ("urged residents to ...", "called on the council to ...")
    hit = parsed.catalogue.lookup(written.removeprefix("the ")) or parsed.catalogue.lookup(written)
    cue = token.head
    interview = any(
        p.lemma_.lower() == "interview" for c in children_of(cue) if c.dep_ == "prep" for p in children_of(c)
    )
    if (hit and hit[0].type == "media") or interview or is_outlet(tokens) and not _press_in_person(token, tokens):
        return "", written
    return written, ""


def _press_in_person(head: Token, tokens: Sequence[Token]) -> bool:
    """ "told reporters", "told journalists on a call", "told a reporter": people of the press (``press_people``)
    with no outlet named among their words (no proper name, no possessor) are whom the speaker told, the
    addressee; "told a Reuters reporter" or "told the Gazette's reporter" names the outlet, the intermediary."""
    lex = lexicon()
    if head.lemma_.lower() not in lex.press_people and head.lower_ not in lex.press_people:
        return False
    return not any(t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "PERSON") or t.dep_ == "poss" for t in tokens)
