"""The object of a figure: the noun it counts or measures, else what a level or amount is of or about."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from analysis.extraction.doc_index import children_of
from analysis.extraction.figures.exclusions import TIME_LABELS
from analysis.extraction.figures.grammar import Match
from analysis.extraction.figures.records import FigureRow
from analysis.extraction.figures.tokens import lower_at, token_at
from analysis.extraction.figures.wordlists import Lexicon

#: Verbs whose subject is the thing a figure measures ("inflation rose to 5%", "the ranch covers 45,000 acres").
LEVEL_VERBS = frozenset(
    {
        "be", "reach", "rise", "fall", "drop", "jump", "climb", "slow", "grow", "increase", "decrease", "decline",
        "cover", "stand", "hit", "total", "amount", "top", "exceed", "settle", "surge", "plunge", "slip", "ease",
        "edge", "soar", "tumble", "range", "cost", "take", "last", "number", "measure", "weigh", "stretch", "span",
        "shrink", "double", "halve", "remain", "stay", "hover", "peak", "near", "approach",
    }
)
#: Nouns that name a quantity rather than a thing: their "of" phrase is the object ("the number of dead").
QUANTITY_NOUNS = frozenset({"number", "total", "tally", "count", "figure", "amount", "sum", "share", "proportion"})
#: Prepositions through which a figure attaches to a verb as its level or change ("rose to 5%", "fell by 4").
LEVEL_PREPOSITIONS = frozenset({"to", "by", "at", "from", "below", "above", "under", "over", "around", "near"})
#: Quantity kinds whose figure may take its object from the figure just before it in a list (ellipsis:
#: "two passengers died and nine were taken to hospital").
ELLIPTIC_KINDS = frozenset({"count", "percent"})
#: Prepositions that set a figure against the one before it ("down from over 60,000", "compared with 14%").
COMPARISON_PREPOSITIONS = frozenset({"from", "with", "than", "against", "versus", "vs"})


def _noun_of(prep: Token) -> Token | None:
    objects = [c for c in children_of(prep) if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN", "ADJ")]
    return objects[0] if objects else None


def _through_quantity_noun(noun: Token) -> Token:
    """ "the number of dead" -> dead."""
    if noun.lemma_.lower() in QUANTITY_NOUNS:
        for prep in children_of(noun):
            if prep.dep_ == "prep" and prep.lower_ == "of" and (inner := _noun_of(prep)) is not None:
                return inner
    return noun


def figure_root(doc: Doc, match: Match) -> Token:
    """The match's token whose head lies outside it (the unit when there is one)."""
    inside = range(match.core_start, match.end)
    roots = [token_at(doc, t) for t in inside if token_at(doc, t).head.i not in inside or token_at(doc, t).head is token_at(doc, t)]
    return roots[-1] if roots else token_at(doc, match.end - 1)


def _is_time_noun(token: Token, lex: Lexicon) -> bool:
    """ "the quarter", "the year", "March": a period, never what an amount of money is."""
    return token.ent_type_ in TIME_LABELS or token.lower_ in lex.time_units or token.lower_ in lex.months


def object_token(doc: Doc, match: Match, kind: str, lex: Lexicon) -> Token | None:
    """The counted or measured thing: only a noun the figure itself counts or measures.

    That is the "of" complement of the amount ("400 square miles of land", "dozens of settlements", "100
    micrograms of salbutamol"; for money also an "in" complement that is not a period: "€40m in emergency aid",
    not "in the quarter"), or the noun the figure modifies ("28 settlements", "a 60-square-mile area",
    "a $3bn cash deal"). Not extracted: the clause's subject ("Unemployment rose to 4.4 per cent", "the fire
    burned for nine days") or a noun elsewhere in the clause ("temperatures of 34C"); then None.
    """
    inside = set(range(match.start, match.end))
    root = figure_root(doc, match)
    holders = [token_at(doc, t) for t in range(match.core_start, match.end)]
    for holder in reversed(holders):
        for prep in children_of(holder):
            if prep.i in inside or prep.dep_ != "prep":
                continue
            if prep.lower_ == "of" or (prep.lower_ == "in" and kind == "money"):
                noun = _noun_of(prep)
                if noun is None or noun.i in inside or noun.pos_ == "ADJ":
                    continue
                if prep.lower_ == "in" and _is_time_noun(noun, lex):
                    continue
                return _through_quantity_noun(noun)
    # "€40m in emergency aid" where the parser hangs "in" on the verb
    after = match.end
    if kind == "money" and not match.per and lower_at(doc, after) == "in" and (noun := _noun_of(token_at(doc, after))) is not None:
        if noun.pos_ == "NOUN" and not _is_time_noun(noun, lex):
            return noun
    # "at least 28 settlements", "a 7.5-mile-deep push", "a $3bn cash deal", "an estimated 1,400 migrants"
    head = root.head
    for _ in range(3):
        if head.i in inside or head.pos_ not in ("ADJ", "ADV") or head.head is head:
            break
        if head.dep_ not in ("amod", "advmod", "compound", "nmod", "npadvmod", "quantmod"):
            return None
        head = head.head
    if (
        root.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "npadvmod")
        and head.pos_ in ("NOUN", "PROPN")
        and head.i not in inside
        and head.i > root.i
        and not any(c.isdigit() for c in head.text)
    ):
        return _through_quantity_noun(head)
    return None


def _subject_of(verb: Token) -> Token | None:
    """The verb's subject, inherited through conjunction, xcomp and adjectival predicates ("is likely to be")."""
    seen = 0
    while verb is not None and seen < 6:
        subjects = [c for c in children_of(verb) if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            subject = subjects[0]
            return None if subject.pos_ == "PRON" else subject
        if verb.dep_ in ("conj", "xcomp", "acomp", "ccomp") and verb.head is not verb:
            verb, seen = verb.head, seen + 1
            continue
        return None
    return None


def _is_event_noun(token: Token, lex: Lexicon) -> bool:
    return token.lemma_.lower() in lex.event_classes


def broad_object_token(doc: Doc, match: Match, lex: Lexicon) -> Token | None:
    """What a level or measure is about, where no counted noun is written (:func:`object_token`): the noun the
    amount is "of" ("a fine of up to ¥50bn", "a crowd of 2,000"), the object of the verb that the figure sets
    ("raised its key rate to 7.25%") or the subject of a level verb ("inflation slowed to 5.4%", "the ranch
    covers 45,000 acres")."""
    inside = set(range(match.start, match.end))
    root = figure_root(doc, match)
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ in ("NOUN", "PROPN"):
        holder = root.head.head
        if holder.i not in inside and not _is_event_noun(holder, lex) and holder.lemma_.lower() not in QUANTITY_NOUNS:
            return holder
        return None
    # "inflation slowed to 5.4%", "the ranch covers 45,000 acres", "raised its key rate by half a point"
    token, via_prep, steps = root, False, 0
    while steps < 4 and token.head is not token:
        if token.dep_ == "pobj" and token.head.pos_ == "ADP":
            via_prep = via_prep or token.head.lower_ in LEVEL_PREPOSITIONS
            token = token.head
        elif token.dep_ == "prep" and token.head.pos_ in ("VERB", "AUX", "ADJ"):
            token = token.head
            break
        elif token.dep_ == "prep" and token.head.pos_ == "ADP":
            via_prep = via_prep or token.head.lower_ in LEVEL_PREPOSITIONS
            token = token.head
        elif token.dep_ in ("dobj", "attr", "npadvmod", "advmod", "acomp", "quantmod", "oprd") and token.head.pos_ in (
            "VERB", "AUX", "ADJ", "ADV"
        ):
            token = token.head
            if token.pos_ in ("VERB", "AUX"):
                break
        else:
            return None
        steps += 1
    if token.pos_ == "ADJ" and token.dep_ in ("acomp", "xcomp") and token.head.pos_ in ("VERB", "AUX"):
        token = token.head
    if token.pos_ not in ("VERB", "AUX"):
        return None
    if via_prep:
        objects = [c for c in children_of(token) if c.dep_ == "dobj" and c.i not in inside and not _has_number(c)]
        if objects:
            return _through_quantity_noun(objects[0])
    if token.lemma_.lower() in LEVEL_VERBS:
        subject = _subject_of(token)
        if subject is not None and subject.i not in inside and not _has_number(subject):
            return subject
    return None


def _has_number(token: Token) -> bool:
    return token.like_num or any(c.dep_ in ("nummod",) for c in children_of(token))


def _clause_head(token: Token) -> Token:
    """The verb (or the sentence root) that governs ``token``'s clause; a participle used as a preposition
    ("compared with") is not one."""
    while token.head.i != token.i and (token.pos_ not in ("VERB", "AUX") or token.dep_ == "prep"):
        token = token.head
    return token


def _coordinated(doc: Doc, earlier: Match, later: Match) -> bool:
    """True when ``later`` continues a list with ``earlier``: joined by a conjunction, directly or through their
    clauses ("Two passengers died and nine were taken to hospital"), or set against it in the same clause by a
    comparison ("9,000 homes ..., down from over 60,000"; "one in five adults ..., compared with 14 per cent")."""
    first, second = figure_root(doc, earlier), figure_root(doc, later)
    if second.dep_ == "conj" and second.head.i == first.i:
        return True
    clause_first, clause_second = _clause_head(first), _clause_head(second)
    if clause_second.dep_ == "conj" and clause_second.head.i == clause_first.i:
        return True
    if clause_first.i != clause_second.i:
        return False
    token = second
    while token.i != clause_second.i and token.head.i != token.i:
        if token.dep_ == "pobj" and token.head.lower_ in COMPARISON_PREPOSITIONS:
            return True
        token = token.head
    return False


def inherits_object(doc: Doc, previous: tuple[Match, FigureRow], match: Match, kind: str, sentence_id: int) -> bool:
    """An elliptic count or share ("two passengers died and nine were taken to hospital") takes the object of
    the figure just before it, only when that figure is of the same sentence and kind and the two are coordinated
    (:func:`_coordinated`); a noun further away is never inherited, nor is any when the figure belongs to a noun
    of its own ("a crowd of 2,000")."""
    earlier, row = previous
    root = figure_root(doc, match)
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ in ("NOUN", "PROPN"):
        return False
    return (
        kind in ELLIPTIC_KINDS
        and row.quantity_kind == kind
        and row.sentence_id == sentence_id
        and bool(row.object)
        and _coordinated(doc, earlier, match)
    )


def change_ends(doc: Doc, earlier: Match, later: Match) -> bool:
    """Whether two figures are the two ends of a change written "from X to Y" ("rose from $4 to $5"), so that
    the first end measures what the second does."""
    return (earlier.start > 0 and lower_at(doc, earlier.start - 1) == "from" and lower_at(doc, earlier.end) == "to"
            and later.start == earlier.end + 1)
