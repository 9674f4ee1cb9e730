"""Noun cues (``noun``): "allegations that ...", "the news that ...", "his claim that ...", "questions about ...",
"EU claims of ...".

The cue is a noun of ``noun_cues`` (reporting_verbs.yaml) written with the word that introduces its content
("allegations that", "claims of"); the content is its ``that``/``whether`` clause or, for the nouns listed
under ``noun_topics``, the object of "about" or "of". The source is the noun's possessor ("his claim", "the
minister's claim"), a proper-noun modifier ("EU claims"), or a by/from phrase ("the announcement by the
council"), or an of phrase naming someone when a clause is the content ("the belief of ministers that ..."), or
the subject of a light verb whose object the noun is ("residents raised questions about ...");
with none of these the relation has no speaker ("news that ..." is nobody's in the sentence). Kind is
``indirect`` (``mixed`` with a quotation inside).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from analysis.extraction.doc_index import children_of, doc_index
from analysis.extraction.sources.contents import content_span
from analysis.extraction.sources.cues import NO_SOURCE_PERSONS, SPEAKER_POS, can_hold_stance, speaker_of
from analysis.extraction.sources.quotes import Quotations
from analysis.extraction.sources.records import Found
from analysis.extraction.sources.wordlists import lexicon

#: Marks that open a noun's content clause ("the claim that ...", "the question whether ...").
CLAUSE_MARKS = frozenset({"that", "whether", "if"})
#: Prepositions whose object names who made the statement.
SOURCE_PREPOSITIONS = frozenset({"by", "from"})


def noun_cue_stage(doc: Doc, quotes: Quotations) -> list[Found]:
    """Noun cues outside quotation marks with their content (see the module docstring)."""
    index, found, lex = doc_index(doc), [], lexicon()
    view = index.text
    for noun in index.tokens:
        if noun.pos_ != "NOUN" or quotes.around(noun.idx):
            continue
        lemma = noun.lemma_.lower()
        if lemma not in lex.noun_cues or _idiom(noun) or non_agent_support(noun):
            continue
        clause = next(
            (c for c in children_of(noun) if c.dep_ in ("acl", "ccomp") and c.i > noun.i
             and any(m.dep_ == "mark" and m.lower_ in CLAUSE_MARKS for m in children_of(c))),
            None,
        )
        introducer, content = None, None
        if clause is not None:
            introducer = next(m for m in children_of(clause) if m.dep_ == "mark")
            content = list(clause.subtree)
        else:
            for prep in (c for c in children_of(noun) if c.dep_ == "prep" and c.i == noun.i + 1):
                topics = lex.noun_topics.get(prep.lower_, frozenset())
                objects = [g for g in children_of(prep) if g.dep_ in ("pobj", "pcomp")]
                if lemma in topics and objects and not (prep.lower_ == "of" and _names_someone(objects[0])) and not _amount(objects[0]):
                    introducer, content = prep, [t for t in prep.subtree if t.i != prep.i]
        if not content:
            continue
        speaker = _source_of(noun, with_clause=clause is not None)
        if speaker is not None and speaker.lower_ in NO_SOURCE_PERSONS | {"my", "our", "your"}:
            continue
        span = content_span(sorted(content, key=lambda t: t.i), view)
        if span is None:
            continue
        end = introducer if introducer is not None and introducer.i == noun.i + 1 else noun
        found.append(Found("noun", span, (noun.idx, end.idx + len(end)), lemma, speaker))
    return found


def _idiom(noun: Token) -> bool:
    """A bare noun governed by a preposition is an adverbial idiom, not a report: "for fear of losing their
    jobs", "in hope of a deal"."""
    bare = not any(c.dep_ in ("det", "poss", "compound", "amod", "nummod") for c in children_of(noun))
    return bare and noun.dep_ == "pobj" and noun.tag_ == "NN"


#: Currency nouns after a number ("5,000 euros"), when the recogniser gives no MONEY label.
CURRENCY_WORDS = frozenset({"dollar", "euro", "pound", "yen", "yuan", "rupee", "franc", "peso", "rand", "krona", "krone"})


def _amount(token: Token) -> bool:
    """An of-phrase that is an amount ("charges of $340 million", "claims of 5,000 euros") is no content."""
    return token.like_num or token.tag_ == "$" or token.ent_type_ in ("MONEY", "PERCENT", "QUANTITY") or any(
        c.tag_ == "$" or c.dep_ == "nummod" and c.ent_type_ in ("MONEY", "PERCENT", "QUANTITY") for c in children_of(token)
    ) or (token.lemma_.lower() in CURRENCY_WORDS and any(c.dep_ == "nummod" for c in children_of(token)))


def _names_someone(token: Token) -> bool:
    """A phrase that names a person or body (a name, a pronoun, or a noun of the source lists)."""
    lex = lexicon()
    lemma = token.lemma_.lower()
    return token.pos_ in ("PROPN", "PRON") or lemma in lex.title_words or lemma in lex.anonymous or (
        lemma in lex.collective or lemma in lex.institution or lemma in lex.media
    )


#: Light verbs whose subject makes the statement their object names: "residents raised questions about ...",
#: "officials voiced concerns that ...", "she made the claim that ...".
SUPPORT_VERBS = frozenset({"raise", "voice", "express", "make", "issue", "air", "share", "level", "repeat"})


def _source_of(noun: Token, *, with_clause: bool) -> Token | None:
    own = _own_source(noun, with_clause=with_clause)
    if own is not None:
        return own
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in SUPPORT_VERBS:
        return speaker_of(noun.head)
    return None


def non_agent_support(noun: Token) -> bool:
    """ "X's vaccine candidate produced a strong response, raising hopes that ...": the object of a light verb
    (:data:`SUPPORT_VERBS`) whose subject is a thing (no name, pronoun, noun for a person, group or body, nor a
    document or evidence) states nobody's hopes or claims: no attribution. "Residents raised questions about
    ..." and "the report raised concerns that ..." are attributions."""
    if noun.dep_ != "dobj" or noun.head.lemma_.lower() not in SUPPORT_VERBS or _own_source(noun, with_clause=True) is not None:
        return False
    subject = speaker_of(noun.head)
    if subject is None:
        return False
    lex, lemma = lexicon(), subject.lemma_.lower()
    return not (can_hold_stance(subject) or lemma in lex.document or lemma in lex.evidence or subject.lower_ in lex.evidence)


def _own_source(noun: Token, *, with_clause: bool) -> Token | None:
    for child in children_of(noun):
        if child.dep_ == "poss":
            return child
    for child in children_of(noun):
        if child.dep_ == "compound" and child.pos_ == "PROPN" and child.i < noun.i:
            return child
    for child in children_of(noun):
        if child.dep_ == "prep" and (child.lower_ in SOURCE_PREPOSITIONS or (with_clause and child.lower_ == "of")):
            obj = next((g for g in children_of(child) if g.dep_ == "pobj" and g.pos_ in SPEAKER_POS), None)
            if obj is not None and (child.lower_ != "of" or _names_someone(obj)):
                return obj
    return None
