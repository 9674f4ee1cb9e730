"""The object of a figure: the noun it counts or measures, else what a level, change or sum is of or about.

The words these rules read (verbs of level and change, quantity nouns, classifying adjectives, trading periods,
spending verbs) are in ``analysis/data/figure_objects.yaml``.
"""

from __future__ import annotations

import re
from typing import Sequence

from spacy.tokens import Doc, Token

from analysis.extraction.doc_index import DocIndex, children_of, doc_index
from analysis.extraction.figures.exclusions import TIME_LABELS, dates_its_noun
from analysis.extraction.figures.grammar import (
    MEASURE_ADJECTIVES, RATE_WORDS, Match, is_person_noun, people_before_age,
)
from analysis.extraction.figures.records import FigureRow
from analysis.extraction.figures.tokens import lower_at, token_at
from analysis.extraction.figures.wordlists import Lexicon

#: Punctuation after a figure that ends the phrase it counts in ("hit 619,200 - another record").
SEPARATORS = frozenset({"-", "\u2013", "\u2014", ";", ":"})
#: Entity labels of a name that is an object as a whole ("the FTSE 100", "Dow Jones Industrial Average").
NAME_LABELS = frozenset({"ORG", "PRODUCT", "PERSON", "FAC", "WORK_OF_ART", "EVENT", "LAW"})
#: Entity labels of a place: a place is where a figure is measured, not what it measures ("Phoenix topped out
#: at 114F"), unless the figure counts it.
PLACE_LABELS = frozenset({"GPE", "LOC"})
#: Pronouns that stand for the noun a relative clause hangs on ("the device which costs £622").
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
#: Quantity kinds whose figure, in a clause joined to the one before, may stand for the noun of that clause's
#: figure (ellipsis: "two passengers died and nine were taken to hospital").
ELLIPTIC_KINDS = frozenset({"count", "percent"})
#: Dependencies of a figure that stands as a noun phrase of its own in its clause ("Ten were hurt").
BARE_ROLES = frozenset({"nsubj", "nsubjpass", "dobj"})


def _noun_of(prep: Token) -> Token | None:
    objects = [c for c in children_of(prep) if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN", "ADJ")]
    return objects[0] if objects else None


def _through_quantity_noun(noun: Token, lex: Lexicon) -> Token:
    """ "the number of dead" -> dead; "$200bn worth of imports" -> imports (a quantity noun as written: "shares
    of a company" are stock)."""
    if noun.lower_ in lex.quantity_nouns:
        for prep in children_of(noun):
            if prep.dep_ == "prep" and prep.lower_ == "of" and (inner := _noun_of(prep)) is not None:
                return inner
    return noun


def figure_root(doc: Doc, match: Match) -> Token:
    """The match's token whose head lies outside it (the unit when there is one)."""
    index = doc_index(doc)
    inside, heads = range(match.core_start, match.end), index.heads
    # read from the index's heads, not Token.head: each call made a new Token per token of the match
    roots = [t for t in inside if heads[t] not in inside or heads[t] == t]
    return index.tokens[roots[-1] if roots else match.end - 1]


def _is_time_noun(token: Token, lex: Lexicon) -> bool:
    """ "the quarter", "the year", "March", "in morning trade", "qoq": a period, never what a figure is of."""
    word = token.lower_
    return (token.ent_type_ in TIME_LABELS or word in lex.time_units or word in lex.months or word in lex.period_nouns
            or token.lemma_.lower() in lex.time_units)


def _is_place(token: Token, lex: Lexicon) -> bool:
    """A place entity, or a noun of a kind of place (``place_nouns``) that a name follows through "of" ("the city
    of Redding"; not "the population of Ohio", "the state of the economy")."""
    if token.ent_type_ in PLACE_LABELS:
        return True
    return token.lemma_.lower() in lex.place_nouns and any(
        prep.dep_ == "prep" and prep.lower_ == "of" and (noun := _noun_of(prep)) is not None
        and (noun.ent_type_ in PLACE_LABELS or noun.pos_ == "PROPN") for prep in children_of(token))


def object_span(doc: Doc, head: Token, lex: Lexicon, *, figure: range, counted: bool,
                whole: bool = False) -> tuple[int, int]:
    """Token positions ``[start, end)`` of the object whose head noun is ``head``, as written, outside the
    ``figure``'s tokens.

    A counted noun, and what a level or change is of, is its head noun with the nouns compounded before it, as
    tests/gold/unseen/CONVENTIONS.md and the dev2 gold name it ("12 leather strips", "Ticket sales", "the
    unemployment rate", "Brent crude"); what a level or change is of may also be a name as a whole ("the FTSE
    100", "Dow Jones Industrial Average"); either keeps a classifying adjective right before it
    (``measure_modifiers``: "the jobless rate", "net profit", "the average price", "pre-tax profit"; and any plain
    adjective naming its kind, :func:`_kind_adjective`: "a 10MW solar farm", "public schools") and the unit
    it is per ("earnings per share"); a measure noun (``relational_heads``) also keeps the "of" phrase that names
    it (:func:`_of_complement_end`: "the rate of infection") and a name before it ("the Dow Jones industrial
    average"). A noun that a sum is written on (``whole``, :func:`names_the_sum`) is what the sum is ("a $2
    trillion relief package", "the $700,000 price range").
    Not kept: a name before a common noun other than a measure noun ("Reuters shares" -> "shares"), a place, a
    period or a number before it, part of a hyphenated word or of a word split after a number ("an octa-core
    chip" -> "chip", "4G spectrum" -> "spectrum"), a determiner, a possessive, and describing adjectives of size,
    novelty, order or scope, participles, superlatives and nationalities ("28 new settlements" -> "settlements",
    "the latest figure" -> "figure", "Indian sugar exports" -> "sugar exports").
    """
    named = _name_before_code(doc, head, figure)
    if named is not None:
        return named
    if not counted and head.pos_ == "PROPN" and head.ent_type_ in NAME_LABELS:
        entity = doc_index(doc).entity(head.i)
        if entity is not None and not any(t in figure for t in range(entity.start, entity.end)):
            start, end = entity.start, entity.end
            while start < head.i and token_at(doc, start).pos_ in ("DET", "PRON"):
                start += 1
            while end - 1 > head.i and (token_at(doc, end - 1).is_punct or token_at(doc, end - 1).tag_ == "POS"):
                end -= 1
            return start, _name_number(doc, end, head, figure)
    relational = not counted and (head.pos_ == "PROPN" or head.lower_ in lex.relational_heads)
    start = head.i
    while start > 0 and start - 1 not in figure:
        before = token_at(doc, start - 1)
        if start - 1 > 0 and _glued(doc, start - 1):
            if (start >= 3 and token_at(doc, start - 3).head.i == head.i
                    and doc[start - 3 : start].text.lower() in lex.measure_modifiers):
                start -= 3  # a hyphenated classifying adjective the tokenizer split: "pre-tax profit"
            elif _period_modifier(doc, start - 1, head, figure, lex):
                start -= 3  # "first-quarter revenue", "four-year graduation rates"
            break
        if not (start <= before.head.i <= head.i):
            break
        same_kind = before.pos_ == "NOUN" or (head.pos_ == "PROPN" and before.pos_ == "PROPN") or _untagged_noun(before)
        # a name before a measure noun names that measure ("the Dow Jones industrial average", "the Fed funds rate")
        named = relational and before.pos_ == "PROPN" and before.dep_ in ("compound", "nmod")
        compound = (before.dep_ == "compound" and same_kind) or named
        kind = _kind_adjective(before, lex)  # "monthly pace": a period's adjective that names a kind of measure
        classifying = (before.dep_ in ("amod", "compound") and before.lower_ in lex.measure_modifiers) or kind
        if (not (compound or classifying) or (_is_time_noun(before, lex) and not kind) or _is_place(before, lex)
                or any(c.isdigit() for c in before.text)):
            break
        start -= 1
    end = _name_number(doc, head.i + 1, head, figure) if head.pos_ == "PROPN" and not counted else head.i + 1
    if counted:
        return start, end
    end = _per_unit_end(doc, head, end, figure)
    return start, _of_complement_end(doc, head, end, figure, lex) if relational and head.pos_ == "NOUN" else end


def _period_modifier(doc: Doc, i: int, head: Token, figure: range, lex: Lexicon) -> bool:
    """Whether token ``i`` ends a hyphenated period modifier of ``head`` written with a word, no digits
    (``period_modifier_nouns``: "first-quarter revenue", "full-year profit", "four-year graduation rates"); "a
    10-year high" is a figure of its own."""
    if i < 2 or any(t in figure for t in range(i - 2, i + 1)) or token_at(doc, i).head.i != head.i:
        return False
    first = token_at(doc, i - 2)
    return token_at(doc, i).lower_ in lex.period_modifier_nouns and first.is_alpha and token_at(doc, i - 1).text in ("-", "\u2013")


def _kind_adjective(token: Token, lex: Lexicon) -> bool:
    """Whether an adjective before an object's noun names its kind and stays in the object ("solar farm", "public
    schools", "monthly pace"): a plain adjective (no comparative, superlative or participle: "latest", "highest",
    "projected", nor one the tagger calls an adjective but written as a participle: "improved battery life") that
    names no nationality or other entity ("Indian exports") and is none of the ``describing_adjectives`` of size,
    degree, novelty, order or scope ("28 new settlements", "the regional rate")."""
    return (token.dep_ == "amod" and token.pos_ == "ADJ" and token.tag_ == "JJ" and token.is_alpha
            and token.ent_type_ in ("", "DATE") and not token.lower_.endswith("ed")
            and token.lower_ not in lex.describing_adjectives)


def _untagged_noun(token: Token) -> bool:
    """Whether a compound the tagger calls an adjective or a name is a common noun: a noun capitalised as the
    sentence's first word ("Egg prices", "Maize output"), or an adjective in a compound ("egg prices"); a name
    written inside the sentence ("Acme shares") is not one."""
    if token.dep_ != "compound" or token.ent_type_:
        return False
    return token.pos_ == "ADJ" or (token.pos_ == "PROPN" and token.is_sent_start and not token.is_upper)


def _of_complement_end(doc: Doc, head: Token, end: int, figure: range, lex: Lexicon) -> int:
    """The end of a measure named by the "of" phrase right after its head ("the rate of infection", "the level
    of unemployment"), as a compound before it would name it ("the infection rate"): that phrase's noun with
    the words before it, when it holds no figure, number, place or period. Only the first noun: "the rate of
    infection among nurses" -> "rate of infection"."""
    prep = token_at(doc, end) if end < len(doc) else None
    if prep is None or prep.lower_ != "of" or prep.head.i != head.i or end in figure:
        return end
    noun = _noun_of(prep)
    if noun is None or noun.pos_ != "NOUN" or _is_time_noun(noun, lex) or _is_place(noun, lex):
        return end
    between = range(end + 1, noun.i + 1)
    if any(t in figure or any(c.isdigit() for c in token_at(doc, t).text) or token_at(doc, t).head.i not in between
           for t in range(end + 1, noun.i)) or noun.i in figure:
        return end
    return noun.i + 1


def names_the_sum(doc: Doc, match: Match, kind: str, noun: Token) -> bool:
    """Whether ``noun`` is the thing a sum is written on as its amount ("a $2 trillion relief package", "$1,200
    checks"), which the sum names whole; not a noun the sum is "of", "in" or "for" ("€40m in emergency aid",
    "$5m for school buildings"): like "2 tonnes of grain", that names what the sum is made of or spent on, by
    its head noun."""
    return kind == "money" and noun.i >= match.end and not any(
        token_at(doc, t).pos_ == "ADP" for t in range(match.end, noun.i))


def _per_unit_end(doc: Doc, head: Token, end: int, figure: range) -> int:
    """The end of a measure named per unit ("earnings per share", "deaths per day"): the "per" phrase right after
    the head, with its noun, when it holds no figure."""
    per = token_at(doc, end) if end < len(doc) else None
    if per is None or per.lower_ != "per" or per.head.i != head.i or end in figure:
        return end
    noun = _noun_of(per)
    if noun is None or noun.i != end + 1 or noun.i in figure or any(c.isdigit() for c in noun.text):
        return end
    return noun.i + 1


#: A market code written after the name it stands for: an index (".DJI", ".SPX"), a continuous future ("LCOc1",
#: "CLc1") or a listing ("TRI.TO", "VOD.L").
MARKET_CODE = re.compile(r"^(?:\.[A-Z]{2,}|[A-Z]{2,}[a-z]\d|[A-Z0-9]{2,}\.[A-Z]{1,2})$")


def _name_before_code(doc: Doc, code: Token, figure: range) -> tuple[int, int] | None:
    """The name a market code follows, as the object instead of the code: "Brent crude LCOc1 rose 3.6%" ->
    "Brent crude", "the Dow Jones industrial average .DJI" -> "Dow Jones industrial average"; None when ``code``
    is no code or no name comes before it ("TRI.TO finished down C$1": the code is the object)."""
    if not MARKET_CODE.match(code.text):
        return None
    before = [c for c in children_of(code) if c.i < code.i and c.dep_ in ("compound", "nmod", "amod") and c.i not in figure]
    if not before:
        return None
    start = min(c.left_edge.i for c in before)
    while start < code.i and (token_at(doc, start).pos_ == "DET" or token_at(doc, start).i in figure):
        start += 1
    return (start, code.i) if start < code.i else None


def _glued(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is the second part of a hyphenated word ("octa-core": "core") or of a word the
    tokenizer split after a number ("4G": "G"), which an object takes whole or not at all."""
    before = token_at(doc, i - 1)
    if before.text in ("-", "\u2013"):
        return not before.whitespace_ and not token_at(doc, i - 2).whitespace_
    return not before.whitespace_ and any(c.isdigit() for c in before.text)


def _name_number(doc: Doc, end: int, head: Token, figure: range) -> int:
    """The end of a name that a number closes ("the FTSE 100", "the S&P 500"): the number right after it when
    it belongs to the name's head and is no figure."""
    if end < len(doc) and end not in figure:
        after = token_at(doc, end)
        if after.head.i == head.i and after.dep_ == "nummod" and after.text.isdigit():
            return end + 1
    return end


def object_token(doc: Doc, match: Match, kind: str, lex: Lexicon) -> Token | None:
    """The counted or measured thing: only a noun the figure itself counts or measures.

    That is the "of" complement of the amount ("400 square miles of land", "dozens of settlements", "100
    micrograms of salbutamol", "40% of voters"), also written before a bare count (:func:`_fronted_partitive`:
    "Of the 300 residents tested, 45 were positive"); for money also an "in" complement that is not a period and
    has no determiner ("€40m in emergency aid", not "in the quarter", "in morning trade" or "in his absence") and
    a "for" complement (what the sum pays for: "$5m for schools"); or the noun the figure modifies ("28
    settlements", "a 60-square-mile area", "a $3bn cash deal"), also through an adjective of size written after
    it ("a crater 12 metres deep"); not a noun it is per, after a dash or of a
    complex preposition (:func:`_uncounted_head`: "9,000 a game", "619,200 - a record", "a fifth thanks to").
    Not extracted: the clause's subject ("Unemployment rose to 4.4 per cent", "the fire burned for nine
    days") or a noun elsewhere in the clause ("temperatures of 34C"); then None.
    """
    inside = set(range(match.start, match.end))
    root = figure_root(doc, match)
    holders = [token_at(doc, t) for t in range(match.core_start, match.end)]
    for holder in reversed(holders):
        for prep in children_of(holder):
            if prep.i not in inside and prep.dep_ == "amod" and prep.lower_ in lex.quantity_nouns:
                worth = _through_quantity_noun(prep, lex)  # "$200m worth of exports", "worth" read as an adjective
                if worth.i != prep.i:
                    return worth
            if prep.i in inside or prep.dep_ != "prep":
                continue
            if prep.lower_ == "of" or (prep.lower_ in ("in", "for") and kind == "money"):
                noun = _noun_of(prep)
                if noun is None or noun.i in inside or noun.pos_ == "ADJ":
                    continue
                if prep.lower_ == "for" and is_person_noun(noun):
                    continue  # "$25 for young people": who the sum goes to, not what it pays for
                if prep.lower_ != "of" and _is_time_noun(noun, lex) or prep.lower_ == "in" and _determined(noun):
                    continue
                return _through_quantity_noun(noun, lex)
    fronted = _fronted_partitive(match, root, kind)
    if fronted is not None and (noun := _noun_of(fronted)) is not None and noun.pos_ != "ADJ":
        return _through_quantity_noun(noun, lex)  # "Of the 300 residents tested, 45 were positive"
    # "€40m in emergency aid" where the parser hangs "in" on the verb
    after = match.end + (lower_at(doc, match.end) in lex.before_unit_words)  # "$5m more in revenue"
    if kind == "money" and not match.per and lower_at(doc, after) == "in" and (noun := _noun_of(token_at(doc, after))) is not None:
        if noun.pos_ == "NOUN" and not _is_time_noun(noun, lex) and not _determined(noun):
            return noun
    # "at least 28 settlements", "a 7.5-mile-deep push", "a $3bn cash deal", "an estimated 1,400 migrants"
    head = root.head
    for _ in range(3):
        if head.i in inside or head.pos_ not in ("ADJ", "ADV") or head.head.i == head.i:
            break
        if head.dep_ not in ("amod", "advmod", "compound", "nmod", "npadvmod", "quantmod"):
            return None
        if (head.i == match.end and head.lower_ in MEASURE_ADJECTIVES and head.dep_ == "amod" and head.head.i < match.start
                and head.head.pos_ == "NOUN" and not _unmeasured(head.head, lex)):
            return head.head  # "a sinkhole 30 feet wide", "the wall, 4 metres high,": the noun the size is of
        head = head.head
    if (
        root.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "npadvmod")
        and head.pos_ in ("NOUN", "PROPN")
        and head.i not in inside
        and head.i > root.i
        and not any(c.isdigit() for c in head.text)
        and not _is_time_noun(head, lex)
        and not _uncounted_head(doc, match, head, lex)
        and not _unit_of_another(head, inside, lex)
    ):
        changed = _changed_in(head, lex)  # "a 15% increase in rates": what changes, not the change
        return _measured_quantity(changed, kind, lex) if changed is not None else _through_quantity_noun(head, lex)
    return None


def _unit_of_another(noun: Token, inside: set[int], lex: Lexicon) -> bool:
    """Whether a noun the parser hangs a figure on is the unit of another figure, with a number of its own
    outside the figure: "the fourth of four straight 13.2 percent increases" hangs "four" on "percent" (a noun
    that another figure counts or measures may be this one's too: "four 40-pound boxes")."""
    return (noun.lower_,) in lex.unit_aliases and any(
        c.dep_ == "nummod" and c.i not in inside and c.like_num for c in children_of(noun))


def _determined(noun: Token) -> bool:
    """Whether a noun has a determiner or a possessive: a sum "in" such a noun is not made of it ("fined £220 in
    his absence", "£5m in the account"), as "€40m in emergency aid" is."""
    return any(c.dep_ in ("det", "poss") for c in children_of(noun))


def _uncounted_head(doc: Doc, match: Match, noun: Token, lex: Lexicon) -> bool:
    """Whether a noun the parser hangs a figure on, after it, is not what the figure counts: what it is per,
    after "a", "an" or "per" ("9,000 a game", "40 per class"), a noun after a spaced dash, a colon or a
    semicolon ("hit 619,200 - another record"), or the noun of a complex preposition (``preposition_nouns``: "a
    fifth thanks to")."""
    between = [token_at(doc, t) for t in range(match.end, noun.i)]
    # a hyphen inside a word ("a 33% all-Wales increase") separates nothing, nor does a comma between the
    # words before a noun ("an 8nm, octa-core chip")
    separated = any(t.text in SEPARATORS and (t.text in ";:" or t.whitespace_ or token_at(doc, t.i - 1).whitespace_)
                    for t in between)
    return separated or any(t.lower_ in RATE_WORDS for t in between) or noun.lower_ in lex.preposition_nouns


def _fronted_partitive(match: Match, root: Token, kind: str) -> Token | None:
    """The "of" phrase written before a bare count that stands as its clause's subject or object, which the
    parser hangs on the verb: "Of the 300 residents tested, 45 were positive". None for a measure, a figure
    with a unit or a noun of its own, or an "of" phrase after the figure; a pronoun in it ("Of those, 12
    died") names no noun, and the figure gets none from it."""
    if kind != "count" or match.unit or root.dep_ not in BARE_ROLES or root.i != match.core_end - 1:
        return None
    for prep in children_of(root.head):
        if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i < match.start:
            return prep
    return None


#: Personal pronouns that, as the subject of a clause joined to another, stand for that clause's subject.
SUBJECT_PRONOUNS = frozenset({"it", "they"})


def _pronoun_subject_antecedent(pronoun: Token, verb: Token) -> Token | None:
    """The noun a pronoun subject stands for when its clause hangs on, or is joined to, a clause whose subject is
    a common noun of the pronoun's number: "the rupee was trading at 68.45 after it closed at 68.73" -> rupee,
    "sales rose 5% and they are seen rising 3%" -> sales; None otherwise ("officials were relieved after it fell
    to 2%"; a pronoun whose noun is in another sentence is not looked for)."""
    if pronoun.lower_ not in SUBJECT_PRONOUNS or verb.dep_ not in ("advcl", "conj") or verb.head.i == verb.i:
        return None
    subjects = [c for c in children_of(verb.head) if c.dep_ in ("nsubj", "nsubjpass") and c.i < pronoun.i]
    if not subjects or subjects[0].pos_ != "NOUN":
        return None
    plural = subjects[0].tag_ == "NNS"
    return subjects[0] if plural == (pronoun.lower_ == "they") else None  # "officials ... after it fell": no


def _relative_antecedent(pronoun: Token) -> Token | None:
    """The noun a relative pronoun stands for ("the device which costs ..." -> device), else None; "which" never
    stands for people ("a rise of £41 for residents, which amounts to 80p a week": the parser hangs the clause on
    "residents", but what amounts to 80p is the rise)."""
    verb = pronoun.head
    if pronoun.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return None if pronoun.lower_ == "which" and is_person_noun(verb.head) else verb.head
    return None


def _subject_of(verb: Token, lex: Lexicon) -> Token | None:
    """The verb's subject: its own (a relative pronoun stands for the noun its clause describes, "it" or "they"
    for the subject of the clause theirs hangs on, :func:`_pronoun_subject_antecedent`), else inherited
    through conjunction, a controlled clause, a participle after a preposition ("rose 2% after falling 3%"), an
    infinitive after a verb of level ("jumped 4% to settle at $60"), an
    adjectival predicate ("is likely to be"), a participle clause of a verb of level ("were the biggest
    fallers, slipping 7.8%") or a participle that describes a noun ("batteries weighing 60
    pounds"); in "saw its circulation fall 2%" the object of "saw" is the subject of "fall"."""
    seen = 0
    while verb is not None and seen < 6:
        subjects = [c for c in children_of(verb) if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            # two subjects of one verb are a misparse, most often of a dateline ("Sao Paulo: sugar exports are
            # expected to fall"): the one nearest before the verb is its subject
            before = [c for c in subjects if c.i < verb.i]
            subject = before[-1] if before else subjects[0]
            if subject.pos_ != "PRON":
                return subject
            return _relative_antecedent(subject) or _pronoun_subject_antecedent(subject, verb)
        if verb.dep_ == "acl" and verb.tag_ in ("VBG", "VBN") and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head
        if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
            verb, seen = verb.head.head, seen + 1  # "rose 2% after falling 3%": the subject of "rose" fell
            continue
        if verb.dep_ in ("conj", "xcomp", "acomp", "ccomp", "advcl") and verb.head.i != verb.i:
            if verb.dep_ in ("xcomp", "ccomp") and verb.i > verb.head.i:
                controller = [c for c in children_of(verb.head) if c.dep_ == "dobj" and c.i < verb.i]
                if controller and controller[0].pos_ in ("NOUN", "PROPN"):
                    return controller[0]
            # an infinitive after a verb of level goes on measuring its subject: "jumped 4.5% to settle at $56.52"
            # (not "raised taxes to cover $5m": the tax rise does not cover the council)
            infinitive = (verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in children_of(verb))
                          and _is_level_verb(verb.head, lex))
            if verb.dep_ == "advcl" and not infinitive and (
                    verb.tag_ != "VBG" or not _is_level_verb(verb.head, lex) or _states_amount(verb.head, verb)):
                return None
            verb, seen = verb.head, seen + 1
            continue
        return None
    return None


#: Entity labels of an amount: a clause that holds one states its own figure (a bare number may be a name's:
#: "the FTSE 100").
AMOUNT_LABELS = frozenset({"PERCENT", "MONEY", "QUANTITY"})


def _states_amount(verb: Token, besides: Token) -> bool:
    """Whether the clause of ``verb`` states an amount outside the clause ``besides``: "the harvest is expected
    to fall by 15%, costing farmers €1.8bn" (the cost is the fall's, not the harvest's) against "shares were
    the biggest fallers, slipping 7.8%"."""
    return any(t.ent_type_ in AMOUNT_LABELS for c in children_of(verb) if c.i != besides.i for t in c.subtree)


def _is_event_noun(token: Token, lex: Lexicon) -> bool:
    return token.lemma_.lower() in lex.event_classes


def _holder_of(root: Token, lex: Lexicon) -> Token | None:
    """The noun a figure stands "of" or "at" beside ("a fine of up to ¥50bn", "a crowd of 2,000", "the record of
    115F", "rainfall, at 93.8mm, was"): the noun itself, not an event ("the capture of 28 settlements"), a
    quantity noun, a period, a place or the noun of a complex preposition ("over the course of four years")."""
    if root.dep_ != "pobj" or root.head.lower_ not in ("of", "at") or root.head.head.pos_ not in ("NOUN", "PROPN"):
        return None
    holder = root.head.head
    if (_is_event_noun(holder, lex) or holder.lower_ in lex.quantity_nouns or _is_time_noun(holder, lex)
            or holder.lower_ in lex.preposition_nouns):
        return None
    if holder.dep_ == "pobj" and holder.head.lower_ == "of" and holder.head.head.lower_ in lex.relational_heads:
        holder = holder.head.head  # "a margin of error of 4 points": the measure noun, which keeps its "of" phrase
    return None if _is_place(holder, lex) else holder


def _bounded_noun(doc: Doc, match: Match, root: Token, lex: Lexicon) -> Token | None:
    """The noun right before a figure that opens with its approximator, which the figure bounds: "download
    speeds up to 2.5 Gbps", "funds up to $250,000", "prices above $50 a barrel", "people over 30", "discounts of
    up to 40%" (an "of" the parser reads as part of the approximator), "sales gains between 3% and 7%"; the figure hangs on that noun, itself or
    through its approximator. Not a noun the figure is not written on ("rose 4% over three years": a verb; "the
    deal, up to $5m": a comma), a period, a place, an event, a quantity noun or a noun that is counted itself."""
    opener = match.approx_tokens is not None and match.approx_tokens[0] == match.start
    if match.start == 0 or not (opener or (match.approx == "range" and lower_at(doc, match.start) == "between")):
        return None
    top = _top_of(match, root)
    noun = top.head
    before = match.start - 2 if lower_at(doc, match.start - 1) == "of" else match.start - 1
    if noun.i != before or noun.pos_ != "NOUN" or top.dep_ not in ("prep", "appos", "dobj", "npadvmod", "nmod"):
        return None
    return None if _unmeasured(noun, lex) else noun


def _top_of(match: Match, root: Token) -> Token:
    """The figure's token that hangs outside it, its approximator included ("up to $5m": "up" when the parser
    hangs the amount on it)."""
    inside = range(match.start, match.end)
    token = root
    while token.head.i in inside and token.head.i != token.i:
        token = token.head
    return token


def _unmeasured(noun: Token, lex: Lexicon) -> bool:
    """Whether a noun written beside a figure is no thing the figure measures: a period, a place, an event other
    than a change (a change is measured: "sales gains between 3% and 7%"), a quantity noun or a noun counted
    itself."""
    event = _is_event_noun(noun, lex) and noun.lemma_.lower() not in lex.change_words
    return (_is_time_noun(noun, lex) or _is_place(noun, lex) or event or noun.lower_ in lex.quantity_nouns
            or _has_number(noun))


def _apposed_noun(doc: Doc, match: Match, root: Token, lex: Lexicon) -> Token | None:
    """The common noun a figure is apposed to, right after its phrase and a comma: "the annual budget, $45
    million this year, is" -> budget, "the jobless rate, 4.2% in May," -> rate, "its debt pile, some $3bn," ->
    pile, "the majority of passengers, 632 million," -> passengers (through a quantity noun); the amount is that
    thing's. Not a name (an age apposed to a person is read apart) or a noun that is no measured
    thing (:func:`_unmeasured`)."""
    if match.start < 2 or lower_at(doc, match.start - 1) != ",":
        return None
    top = _top_of(match, root)
    noun = top.head
    # the noun's own phrase ends at the comma ("the majority of passengers, 632 million,")
    if top.dep_ != "appos" or noun.pos_ != "NOUN" or not noun.i <= match.start - 2 < top.left_edge.i or any(
            token_at(doc, t).head.i not in range(noun.i, match.start - 1) for t in range(noun.i + 1, match.start - 1)):
        return None
    counted = _through_quantity_noun(noun, lex)  # "the majority of passengers, 632 million," -> passengers
    return None if _unmeasured(counted, lex) else counted


#: Dashes that set an amount off after the noun phrase it gives ("the number of people waiting – 389,000").
DASHES = frozenset({"-", "--", "\u2013", "\u2014"})


def _dashed_noun(doc: Doc, match: Match, root: Token, lex: Lexicon) -> Token | None:
    """The noun a figure set off by a spaced dash gives the amount of: the highest common noun of the phrase that
    ends at the dash, up to the word the parser hangs the figure on as an apposition ("a rise in the number of
    people on the list – 7.7 million" -> people, through the quantity noun; "Most of the award – $1.8 million –
    was" -> award). Not a noun of change or event ("rise"), a noun across a clause, nor one that is no measured
    thing (:func:`_unmeasured`); a dash inside a word ("an all-Wales rise") sets nothing off."""
    dash = match.start - 1
    top = _top_of(match, root)
    if match.start < 2 or lower_at(doc, dash) not in DASHES or top.dep_ != "appos" or top.head.i >= dash:
        return None
    if not token_at(doc, dash - 1).whitespace_:
        return None
    token, found = token_at(doc, dash - 1), None
    while True:
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("acl", "relcl"):
            return None  # the phrase before the dash is a clause, not a noun phrase
        word = token.lemma_.lower()
        if token.pos_ == "NOUN" and not (_is_event_noun(token, lex) or word in lex.change_words):
            found = token
        if token.i == top.head.i or token.head.i == token.i:
            break
        token = token.head
    if token.i != top.head.i or found is None:
        return None
    counted = _through_quantity_noun(found, lex)
    return None if _unmeasured(counted, lex) else counted


def _bracketed_after(doc: Doc, match: Match, root: Token, lex: Lexicon) -> Token | None:
    """The common noun a measure or sum alone in brackets gives the value of, written right before them: "the
    cheapest fares ($3.20)" -> fares, "the highest prices in Hawaii ($4.46)" -> prices (past a place phrase).
    Not a bare count ("the deaths (12)" may number anything), a figure that restates another (read before), a
    name ("John Smith (44)") or a noun that is no measured thing (:func:`_unmeasured`)."""
    if not (match.unit or match.currency) or match.start < 2 or lower_at(doc, match.start - 1) != "(":
        return None
    if lower_at(doc, match.end) != ")" or _top_of(match, root).head.i != match.start - 2:
        return None
    noun = token_at(doc, match.start - 2)
    if _is_place(noun, lex) and noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        noun = noun.head.head  # "prices in Hawaii ($4.46)": the place says where, the noun what
    if noun.pos_ != "NOUN" or _unmeasured(noun, lex):
        return None
    return _through_quantity_noun(noun, lex)


def _valued_noun(root: Token, lex: Lexicon) -> Token | None:
    """The noun a figure is the value of through a ``value_adjectives`` word ("a deal worth $40m" -> deal), or
    the subject of the copula that word completes ("the stake is worth $3bn" -> stake); not a place, a number or
    a noun that is no measured thing."""
    adjective = root.head
    if root.dep_ not in ("npadvmod", "pobj", "dobj", "nummod") or adjective.lower_ not in lex.value_adjectives:
        return None
    if adjective.dep_ == "amod" and adjective.head.pos_ == "NOUN" and adjective.head.i < adjective.i:
        noun = adjective.head
    elif adjective.dep_ == "acomp" and adjective.head.pos_ in ("AUX", "VERB"):
        noun = _subject_of(adjective.head, lex)
    else:
        return None
    if noun is None or noun.pos_ not in ("NOUN", "PROPN") or _is_place(noun, lex) or _unmeasured(noun, lex):
        return None
    return noun


def aged_noun(doc: Doc, match: Match, lex: Lexicon) -> Token | None:
    """The noun an age is of: the one an ``age_participles`` word right before it describes ("participants aged 18
    years and older" -> participants, "residents aged 65" -> residents), or the noun or pronoun of people right
    before a bound of an age (:func:`~analysis.extraction.figures.grammar.people_before_age`: "people over the age
    of 20", "anyone 18 or older", "those between 12 and 22"); else None."""
    if match.start == 0:
        return None
    before = token_at(doc, match.start - 1)
    if match.unit == "year" and before.lower_ in lex.age_participles and before.dep_ == "acl":
        noun = before.head
        return noun if noun.pos_ in ("NOUN", "PROPN") and noun.i < before.i else None
    return people_before_age(doc, match, lex)


#: The only word an amount noun that stands for its figure has before it ("an average of 2.7%").
INDEFINITE_ARTICLES = frozenset({"a", "an"})


def _standing_for(root: Token, lex: Lexicon) -> Token:
    """The amount noun (``amount_nouns``) whose "of" phrase or apposition is the figure itself, with the article
    "a", which stands in the clause for the figure: "fares will rise by an average of 2.7%" reads as "rise by
    2.7%", "the toll reached a total of 900" as "reached 900", "inflation hit a 40-year high of 9.1%" as "hit
    9.1%", "spending reached a record £4.2bn" as "reached £4.2bn"; else ``root``. Not "the five-year average of
    852 tonnes" or "its record of 115F" (a thing the figure measures, :func:`_holder_of`), nor "a total of 40
    cases" (which counts its noun, :func:`object_token`)."""
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.dep_ == "prep":
        noun = root.head.head
    elif root.dep_ in ("appos", "nummod", "npadvmod") and root.head.i < root.i:  # "a record $12", as parsed
        noun = root.head
    else:
        return root
    if noun.lower_ not in lex.amount_nouns:
        return root
    determiners = [c for c in children_of(noun) if c.i < noun.i and c.dep_ in ("det", "poss")]
    return noun if len(determiners) == 1 and determiners[0].lower_ in INDEFINITE_ARTICLES else root


def broad_object_token(doc: Doc, match: Match, kind: str, lex: Lexicon) -> Token | None:
    """What a level, change or sum is about, where no counted noun is written (:func:`object_token`): the noun
    the amount is "of" or stands "at" beside (:func:`_holder_of`), the object of the verb that the figure sets
    ("raised its key rate to 7.25%"), what a sum buys or is spent on (:func:`_paid_for`) or the subject of a
    level verb ("inflation slowed to 5.4%", "the ranch covers 45,000 acres", "shares slid 4%", "exports are seen
    at 3.2m tonnes"), or of a passive verb of change or setting ("fares were cut by 10%"); not for a duration
    after a preposition of a period (``period_prepositions``: "rose 4% over three years"). A place is never that
    subject ("Phoenix topped out at 114F"). A figure in "an average of" or "a record" is read where that noun
    stands (:func:`_standing_for`)."""
    inside = set(range(match.start, match.end))
    root = _standing_for(figure_root(doc, match), lex)
    if root.dep_ in ("nummod", "amod", "quantmod") and _uncounted_head(doc, match, root.head, lex):
        root = root.head  # "fell to 9,000 a game", "rose by a fifth thanks to": the figure stands where its noun does
    if root.dep_ == "compound" and _is_time_noun(root.head, lex):
        root = root.head  # "rose 3% month on month": the parser makes the figure part of the period
    if (kind == "duration" and root.dep_ == "pobj" and root.head.lower_ in lex.period_prepositions
            and root.head.i not in inside):
        return None  # "rose 4% over three years": the period of the change
    beside = (_bounded_noun(doc, match, root, lex) or _apposed_noun(doc, match, root, lex)
              or _dashed_noun(doc, match, root, lex) or _bracketed_after(doc, match, root, lex)
              or _valued_noun(root, lex))
    if beside is not None:
        return beside
    compared = _compared_noun(doc, match, root, lex)
    if compared is not None:
        return compared
    if root.dep_ == "pobj" and root.head.lower_ in ("of", "at") and root.head.head.pos_ in ("NOUN", "PROPN"):
        holder = _holder_of(root, lex)
        return holder if holder is not None and holder.i not in inside else None
    if root.dep_ == "pobj" and root.head.lower_ in lex.level_prepositions and root.head.head.pos_ == "NOUN":
        return _changed_thing(root.head.head, lex)
    path = _path_to_verb(root, lex)
    if path is None:
        return None
    verb, via_prep, other_prep, paid_with = path
    objects = [c for c in children_of(verb) if c.dep_ == "dobj" and c.i not in inside and not _has_number(c)]
    if kind == "money" and (paid_with or root.dep_ == "dobj"):
        paid_for = _paid_for(verb, paid_with, objects, lex)
        if paid_for is not None or paid_with:
            return paid_for
    sets = verb.lemma_.lower()
    if via_prep and objects and (sets in lex.change_words or sets in lex.setting_verbs or sets in lex.estimate_verbs):
        return _measured_quantity(objects[0], kind, lex)  # "raised its key rate to 7.25%", "values the group at £2bn"
    passive_change = (sets in lex.change_words or sets in lex.setting_verbs) and any(
        c.dep_ in ("nsubjpass", "auxpass") for c in children_of(verb))  # "income would be cut by 50%"
    level = _is_level_verb(verb, lex, kind) or (via_prep and (sets in lex.estimate_verbs or passive_change))
    if level and (via_prep or not other_prep):  # not "finished in two hours"
        subject = _subject_of(verb, lex)
        if subject is not None and subject.i not in inside and not _has_number(subject) and not _is_place(subject, lex):
            return _measured_quantity(subject, kind, lex)
    return None


def _compared_noun(doc: Doc, match: Match, root: Token, lex: Lexicon) -> Token | None:
    """The noun written right before a figure that measures a comparative written right after it ("with schools
    24 per cent more expensive to build and clinics 19 per cent more expensive": schools, clinics; "diesel 12%
    dearer"): what the comparison is of, whichever noun the parser hangs the adjective on. Not a period or a
    place before the figure ("in May 5% higher"), nor a figure after a verb ("closed 3% higher")."""
    if root.dep_ != "npadvmod" or match.start == 0:
        return None
    adjective = root.head
    comparative = adjective.tag_ in ("JJR", "RBR") or any(
        c.dep_ == "advmod" and c.lower_ in ("more", "less") and c.i == match.end for c in children_of(adjective))
    if not comparative or adjective.i not in (match.end, match.end + 1):
        return None
    before = token_at(doc, match.start - 1)
    if before.pos_ != "NOUN" or _is_time_noun(before, lex) or _is_place(before, lex):
        return None
    return before


def _measured_quantity(noun: Token, kind: str, lex: Lexicon) -> Token:
    """What a level or change of ``kind`` set on ``noun`` measures: the noun a quantity noun counts for a count
    or an amount ("the number of patients hit 619,200" -> patients), the quantity noun itself for a percentage,
    which is a change or level of the number, share or proportion ("the number of people waiting rose by 66%"
    -> "number of people", "its share shifted from 2.1 to 5.6 percent" -> share)."""
    return noun if kind == "percent" else _through_quantity_noun(noun, lex)


def _changed_in(noun: Token, lex: Lexicon) -> Token | None:
    """The thing a noun of change is a change in, named without a determiner ("a 15% increase in rates", "a 4%
    rise in turnover"); None for any other noun, for a period ("a rise in the quarter") and for a phrase with a
    determiner ("a surge in this category", "a rise in the number of", which name a part or a measure of their
    own)."""
    if noun.lemma_.lower() not in lex.change_words:
        return None
    for prep in children_of(noun):
        if prep.dep_ == "prep" and prep.lower_ == "in" and (inner := _noun_of(prep)) is not None and inner.pos_ == "NOUN":
            return None if _is_time_noun(inner, lex) or _determined(inner) else inner
    return None


def _changed_thing(noun: Token, lex: Lexicon) -> Token | None:
    """What a figure sets or changes through a noun: the "in" complement of a noun of change ("a 4% increase in
    turnover to £254m" -> turnover), or the noun itself when a verb of change or setting governs it ("cut rates
    by 25 basis points" -> rates); None for any other noun."""
    verb = noun.head.lemma_.lower()
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and (verb in lex.change_words or verb in lex.setting_verbs):
        return noun
    return _changed_in(noun, lex)


def _path_to_verb(root: Token, lex: Lexicon) -> tuple[Token, bool, bool, str] | None:
    """The verb a figure sets or changes, through at most four steps of prepositions and adverbs ("rose to
    5%", "was down 4% at 488p", "went up by 5.8%"): ``(verb, through a level preposition, through another
    preposition, "for" or "on" when the figure is what is paid for or spent on something)``, else None."""
    token, via_prep, other_prep, paid_with, steps = root, False, False, "", 0
    while steps < 4 and token.head.i != token.i:
        head = token.head
        if token.dep_ == "pobj" and (head.pos_ == "ADP" or head.dep_ == "prep"):  # "to" is sometimes tagged PART
            level = head.lower_ in lex.level_prepositions
            via_prep, other_prep = via_prep or level, other_prep or not level
            paid_with = paid_with or (head.lower_ if head.lower_ in ("for", "on") else "")
        elif token.dep_ in ("prep", "agent") and head.pos_ in ("VERB", "AUX", "ADJ"):
            via_prep = via_prep or (token.dep_ == "agent" and "by" in lex.level_prepositions)
            token = head
            break
        elif token.dep_ in ("prep", "agent") and head.pos_ not in ("ADP", "ADV"):
            return None
        elif token.dep_ not in ("prep", "agent", "dobj", "attr", "npadvmod", "advmod", "acomp", "quantmod", "oprd") or (
            head.pos_ not in ("VERB", "AUX", "ADJ", "ADV", "ADP")
        ):
            return None
        elif head.lower_ in lex.change_adverbs:  # "was up 28%", "closed down 18%": a change, as "by" would say
            via_prep = True
        token, steps = head, steps + 1
        if token.pos_ in ("VERB", "AUX"):
            break
    if token.pos_ in ("ADJ", "ADV") and token.dep_ in ("acomp", "xcomp", "advmod") and token.head.pos_ in ("VERB", "AUX"):
        token = token.head
    return (token, via_prep, other_prep, paid_with) if token.pos_ in ("VERB", "AUX") else None


def _paid_for(verb: Token, paid_with: str, objects: Sequence[Token], lex: Lexicon) -> Token | None:
    """What a sum pays for, on the verb it goes with: the thing bought or sold for it ("sold the flat for $5m",
    "the flat was sold for $5m"), or what it is borrowed, raised or spent for or on ("borrowed $3.2m for a new
    library", "spent $5bn on roads"; "on" only after a verb of spending); never a period ("for the year")."""
    if paid_with == "for":
        if objects:
            return None if is_person_noun(objects[0]) else _through_quantity_noun(objects[0], lex)
        subject = _subject_of(verb, lex)
        return subject if subject is not None and not _is_place(subject, lex) and not _has_number(subject) else None
    if paid_with:
        return None
    for prep in children_of(verb):
        if prep.dep_ == "prep" and (prep.lower_ == "for" or (prep.lower_ == "on" and verb.lemma_.lower() in lex.spending_verbs)):
            noun = _noun_of(prep)
            if noun is not None and noun.pos_ == "NOUN" and not _is_time_noun(noun, lex) and not (
                    prep.lower_ == "for" and is_person_noun(noun)):  # "spent £30m on players" buys them
                return noun
    return None


def _is_level_verb(verb: Token, lex: Lexicon, kind: str = "") -> bool:
    """Whether ``verb`` sets its subject to a level or changes it by a figure of ``kind`` ("" for any): a verb of
    level ("rose", "stands at"), one with its particle ("went up by", "comes in at"), or a verb of market
    movement with a share, points or a bare level ("gained 4%")."""
    lemma = verb.lemma_.lower()
    if lemma in lex.particle_level_verbs:  # "went up by 5%", "went from $500 to $900"
        return any(c.dep_ == "prt" or (c.dep_ in ("advmod", "prep") and c.lower_ in ("up", "down", "in", "from"))
                   for c in children_of(verb))
    return lemma in lex.level_verbs or (lemma in lex.market_verbs and kind in ("", "percent", "points", "count"))


def _has_number(token: Token) -> bool:
    """Whether a noun is itself counted ("3,000 homes"): a number or a noun with a number of its own; a number
    inside a name ("the FTSE 100") or a year before the noun ("2016 passenger numbers") does not count."""
    if (token.ent_type_ in NAME_LABELS and token.pos_ == "PROPN") or MARKET_CODE.match(token.text):
        return False
    return token.like_num or any(c.isdigit() for c in token.text) or any(
        c.dep_ == "nummod" and not dates_its_noun(c) for c in children_of(token))


def clause_head(token: Token) -> Token:
    """The verb (or the sentence root) that governs ``token``'s clause; a participle used as a preposition
    ("compared with") is not one."""
    i = clause_head_at(doc_index(token.doc), token.i)
    return token if i == token.i else token.doc[i]


def clause_head_at(index: DocIndex, i: int) -> int:
    """:func:`clause_head` by position, read from the document's index (figure context asks it of every token of
    a figure's sentence, and ``Token.head`` makes a new Token per step)."""
    heads, pos, dep = index.heads, index.pos, index.dep
    while heads[i] != i and (pos[i] not in ("VERB", "AUX") or dep[i] == "prep"):
        i = heads[i]
    return i


def _coordination(doc: Doc, earlier: Match, later: Match, lex: Lexicon) -> str:
    """How ``later`` continues a list with ``earlier``: "figure" when joined to it, or to the noun it counts, by
    a conjunction ("100Mbps, 200Mbps and 1Gbps", "52 deaths on Tuesday and 61 on Wednesday"), or to the adverb,
    preposition or verb that holds it ("down from 3.4% in May and 3.9% in April"), or by the comparative it measures
    to the one the earlier figure measures ("is 10 cents less than in May and 21 cents less than a year ago": two
    differences of one amount), or when a bare figure after a
    ``subset_prepositions`` word is a part of it ("1,400 staff, including 300 at the depot"); "comparison" when
    set against it in the same clause ("9,000 homes ..., down from over 60,000"; "RM1.94bn compared with
    RM1.64bn"), "clause" when their clauses are joined ("Two passengers died and nine were taken to hospital");
    else ""."""
    first, second = figure_root(doc, earlier), figure_root(doc, later)
    if second.dep_ in ("conj", "appos") and second.head.i == first.i:
        return "figure"
    if second.dep_ == "conj" and first.dep_ == "nummod" and second.head.i == first.head.i:
        return "figure"  # "52 deaths on Tuesday and 61 on Wednesday": the parser joins 61 to the noun 52 counts
    if second.dep_ == "conj" and second.head.pos_ in ("ADV", "ADP") and second.head.is_ancestor(first):
        return "figure"  # "down from 3.4% in May and 3.9% in April": 3.9% joined to "down", which holds 3.4%
    if (second.dep_ == "conj" and second.pos_ in ("NOUN", "NUM") and second.head.pos_ in ("VERB", "AUX")
            and second.head.i == clause_head(first).i and second.head.i < earlier.start):
        return "figure"  # "... from 0.6% in April and 0.9% in March": a bare figure the parser joins to the verb
    if (second.dep_ == first.dep_ == "npadvmod" and second.head.dep_ == "conj" and second.head.head.i == first.head.i
            and second.head.tag_ in ("JJR", "RBR") and first.head.tag_ in ("JJR", "RBR")):
        return "figure"  # "18 cents more than a month ago and 98 cents more than a year ago"
    if (second.dep_ == "pobj" and second.head.lower_ in lex.subset_prepositions and second.head.i == later.start - 1
            and second.i == later.core_end - 1 and earlier.end <= second.head.i):
        return "figure"  # "including 300": a bare figure, a part of the one before
    clause_first, clause_second = clause_head(first), clause_head(second)
    if clause_second.dep_ == "conj" and clause_second.head.i == clause_first.i:
        return "clause"
    if clause_first.i != clause_second.i:
        return ""
    token = second
    while token.i != clause_second.i and token.head.i != token.i:
        if token.dep_ == "pobj" and token.head.lower_ in lex.comparison_prepositions:
            return "comparison"
        token = token.head
    return ""


#: Prepositions through which a figure belongs to a noun of its own, never to a figure before it ("a crowd of
#: 2,000", "orders for more than 5,000").
OWN_NOUN_PREPOSITIONS = frozenset({"of", "for"})


def inherits_object(doc: Doc, previous: tuple[Match, FigureRow], match: Match, kind: str, sentence_id: int,
                    lex: Lexicon) -> bool:
    """An elliptic count or share ("two passengers died and nine were taken to hospital"), a measure in a list
    ("speeds of 100Mbps, 200Mbps and 1Gbps") or a sum set against another ("net profit was RM1.94bn compared
    with RM1.64bn") takes the object of the figure just before it, only when that figure is of the same sentence
    and kind and the two are coordinated (:func:`_coordination`); a noun further away is never inherited, nor is
    any when the figure belongs to a noun of its own ("a crowd of 2,000", "orders for 5,000")."""
    earlier, row = previous
    root = figure_root(doc, match)
    if root.dep_ == "pobj" and root.head.lower_ in OWN_NOUN_PREPOSITIONS and root.head.head.pos_ in ("NOUN", "PROPN"):
        return False
    if row.quantity_kind != kind or row.sentence_id != sentence_id or not row.object:
        return False
    coordination = _coordination(doc, earlier, match, lex)
    # a measure of another clause has its own subject ("Las Vegas tied the record of 115F and Phoenix topped
    # out at 114F"); a count or share there stands for the noun it leaves out, unless that clause too names what
    # it is of ("the index rose 1.2% and the Nasdaq fell 0.5%")
    return coordination in ("figure", "comparison") or (
        coordination == "clause" and kind in ELLIPTIC_KINDS and not _subject_of_its_own(doc, match))


def _subject_of_its_own(doc: Doc, match: Match) -> bool:
    """Whether the clause of a figure has a subject that is not the figure or its phrase ("the Nasdaq fell 0.5%";
    not "nine were taken to hospital", whose subject is the figure)."""
    for child in children_of(clause_head(figure_root(doc, match))):
        if child.dep_ in ("nsubj", "nsubjpass") and not child.left_edge.i <= match.start <= child.right_edge.i:
            return True
    return False


def changes_figure_before(doc: Doc, earlier: Match, later: Match, lex: Lexicon) -> bool:
    """Whether ``later`` is the change of ``earlier``, written after it and a comma with a change adverb ("sold 2
    million phones, down 8% from last year", "reported 1,200 cases, up 15%"): both figures of one clause, so
    the change is of the amount before it, not of the clause's subject (the company did not fall 8%)."""
    adverb = figure_root(doc, later).head
    return adverb.i == later.start - 1 and _change_adverb_after(doc, earlier, adverb, lex)


def compares_figure_before(doc: Doc, earlier: Match, later: Match, lex: Lexicon) -> bool:
    """Whether ``later`` is the earlier level of ``earlier``'s amount, written after it, a comma and a change
    adverb with "from" ("saw 900 patients, up from 700 in July", "8,998 people were waiting, down from 9,400"):
    both figures of one clause, so the level is of what the amount before it counts, not of the clause's subject
    (the clinic was not 700)."""
    root = figure_root(doc, later)
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ != "from" or prep.i != later.start - 1:
        return False
    adverb = prep.head
    return adverb.i == prep.i - 1 and _change_adverb_after(doc, earlier, adverb, lex)


def _change_adverb_after(doc: Doc, earlier: Match, adverb: Token, lex: Lexicon) -> bool:
    """Whether ``adverb`` is a change adverb ("up", "down") written after ``earlier`` and a comma, in its clause:
    what :func:`changes_figure_before` and :func:`compares_figure_before` both ask of the words between. A
    reporting clause set between them does not part them ("added 900 jobs, the ministry said, up from 700": the
    parser hangs the adverb on "said", whose reported clause holds the amount)."""
    comma = adverb.i - 1
    if not (adverb.lower_ in lex.change_adverbs and comma >= 1 and lower_at(doc, comma) == "," and earlier.end <= comma):
        return False
    own, adverbs = clause_head(figure_root(doc, earlier)), clause_head(adverb)
    inserted = own.dep_ == "ccomp" and own.head.i == adverbs.i and earlier.end < adverbs.i < comma
    return own.i == adverbs.i or inserted


#: What stands between an amount and its restatement: a bracket, a slash, ", or", a dash, or a dash and "or".
RESTATING = (["("], ["/"], [",", "or"], ["-"], ["\u2013"], ["\u2014"], ["-", "or"], ["\u2013", "or"], ["\u2014", "or"])


def converts(doc: Doc, earlier: Match, later: Match) -> bool:
    """Whether ``later`` restates ``earlier`` in another unit or currency right after it: in brackets ("115F
    (46C)", "HK$10m (US$1.27m)"), after a slash ("115F/46C"), after ", or" ("rose 26.65 points, or 0.15%"), between
    dashes ("closed 204.47 points - 5.0 per cent - down", "rose 5% – or $2m – to"), or after a bare "or" in another
    unit ("fell 120 points or 0.9 per cent"; "or" between two amounts of one unit joins two amounts); both are one
    amount, of one thing. A price per something else is another amount ("HK$16m, or HK$17,354 per sq ft")."""
    between = [lower_at(doc, t) for t in range(earlier.end, later.start)]
    other_unit = (earlier.unit, earlier.currency) != (later.unit, later.currency)
    return earlier.per == later.per and (between in RESTATING or (between == ["or"] and other_unit))


def joined_by_or(doc: Doc, earlier: Match, later: Match) -> bool:
    """Whether only a bare "or" stands between two figures ("1,200 or 40% more visits", "fell 120 points or 0.9 per
    cent"): a restatement whose earlier figure may count nothing of its own, where the later one names its noun."""
    return [lower_at(doc, t) for t in range(earlier.end, later.start)] == ["or"]


def continues_conversion(doc: Doc, earlier: Match, later: Match) -> bool:
    """Whether ``later`` follows a conversion ``earlier`` in the same brackets ("622 pounds (908 euros, 1,081
    dollars)")."""
    return [lower_at(doc, t) for t in range(earlier.end, later.start)] in ([","], ["or"], [",", "or"])


#: Determiners that point back to a thing already named ("that figure", "these numbers").
DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})


def refers_back(head: Token, lex: Lexicon) -> bool:
    """Whether an object is a quantity noun with a demonstrative ("At the end of June that figure stood at
    410,000"), which stands for what a figure of the sentence before counts; "the figure" or "a total" alone
    does not point back."""
    return head.lemma_.lower() in lex.quantity_nouns and any(
        c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in children_of(head))


#: The forms of "be" the lemmatiser leaves as written ("That's $1.22 higher").
CLITIC_BE = frozenset({"'s", "\u2019s"})


def compared_with_before(doc: Doc, match: Match, lex: Lexicon) -> bool:
    """Whether a figure is a difference or an earlier level stated of a demonstrative pronoun ("This is up from
    130,528 the previous month", "That's $1.22 higher than ...", "This is about 25 per cent less than last
    year"): the subject of "be" is a demonstrative pronoun alone, and a comparative or a change adverb ("up", "down")
    stands between the figure and the verb or right after the figure. The pronoun stands for the amount the
    sentence before states. Not read: any other verb ("This will cost $5m": the pronoun may stand for a plan)
    or a pronoun before a noun ("this year")."""
    root = figure_root(doc, match)
    verb = clause_head(root)
    if verb.lemma_.lower() != "be" and verb.lower_ not in CLITIC_BE:
        return False
    subjects = [c for c in children_of(verb) if c.dep_ == "nsubj"]
    if not subjects or subjects[0].lower_ not in DEMONSTRATIVES or subjects[0].pos_ != "PRON":
        return False
    compared = [root]
    while compared[-1].i != verb.i and compared[-1].head.i != compared[-1].i:
        compared.append(compared[-1].head)
    if match.end < len(doc):
        compared.append(token_at(doc, match.end))
    return any(t.tag_ in ("JJR", "RBR") or t.lower_ in lex.change_adverbs for t in compared)


def described_by_relative(doc: Doc, earlier: Match, later: Match, lex: Lexicon) -> bool:
    """Whether ``later`` is a level or change stated of the amount ``earlier`` in a relative clause that hangs on
    it ("brings the salary to $62,500, which is up from last year's $60,600", "the price is $149, which equates to
    Rs 11,000"): the relative pronoun is the clause's subject and stands for ``earlier`` (the parser hangs the
    clause on its figure), and the clause's verb is a verb of level, so ``later`` measures what ``earlier`` does.
    Not a clause of any other verb ("raised $5m, which will pay for new roofs"), nor one that hangs on a noun
    ("the average of $3.48, which is 18 cents more": the noun is the pronoun's, :func:`_relative_antecedent`)."""
    verb = clause_head(figure_root(doc, later))
    if verb.dep_ != "relcl" or not earlier.core_start <= verb.head.i < earlier.end or verb.i < earlier.end:
        return False
    subjects = [c for c in children_of(verb) if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and subjects[0].lower_ in RELATIVE_PRONOUNS and _is_level_verb(verb, lex)


def elliptic_start(doc: Doc, match: Match, kind: str) -> bool:
    """A count that stands alone as the subject or object at the start of its sentence ("Ten were hurt.", "Two
    remain in hospital."), whose noun the sentence before names."""
    root = figure_root(doc, match)
    if kind != "count" or match.unit or root.dep_ not in BARE_ROLES or root.i != match.core_end - 1:
        return False
    sentence_start = token_at(doc, match.start).sent.start
    return all(token_at(doc, t).is_punct or token_at(doc, t).pos_ in ("CCONJ", "ADV") for t in range(sentence_start, match.start))


def level_after_change(doc: Doc, earlier: Sequence[Match], later: Match) -> bool:
    """Whether ``later`` is the level a change "by" the figure before it brought, written "to" right after that
    figure or its restatement between dashes or after a comma ("rose by 5% – or $2m – to $30m", "fell by 1,200,
    to 8,400"), so that it measures what the change does. Not read: a "to" after a figure with no "by" before it
    ("gave $5m to charity")."""
    if not earlier or lower_at(doc, later.start - 1) != "to":
        return False
    between = [lower_at(doc, t) for t in range(earlier[-1].end, later.start - 1)]
    if any(word not in CLOSING_MARKS for word in between):
        return False
    change = earlier[-2] if len(earlier) > 1 and converts(doc, earlier[-2], earlier[-1]) else earlier[-1]
    return lower_at(doc, change.start - 1) == "by"


#: Marks that may close a figure's restatement before the "to" of the level a change brought.
CLOSING_MARKS = frozenset({",", ")", "-", "\u2013", "\u2014"})


def change_ends(doc: Doc, earlier: Match, later: Match) -> bool:
    """Whether two figures are the two ends of a change written "from X to Y" ("rose from $4 to $5"), so that
    the first end measures what the second does."""
    return (earlier.start > 0 and lower_at(doc, earlier.start - 1) == "from" and lower_at(doc, earlier.end) == "to"
            and later.start == earlier.end + 1)
