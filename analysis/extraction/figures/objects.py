"""The object of a figure: the noun it counts or measures, else what a level, change or sum is of or about.

The words these rules read (verbs of level and change, quantity nouns, classifying adjectives, trading periods,
spending verbs) are in ``analysis/data/figure_objects.yaml``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from analysis.extraction.doc_index import children_of, doc_index
from analysis.extraction.figures.exclusions import TIME_LABELS
from analysis.extraction.figures.grammar import Match
from analysis.extraction.figures.records import FigureRow
from analysis.extraction.figures.tokens import lower_at, token_at
from analysis.extraction.figures.wordlists import Lexicon

#: Entity labels of a name that is an object as a whole ("the FTSE 100", "Dow Jones Industrial Average").
NAME_LABELS = frozenset({"ORG", "PRODUCT", "PERSON", "FAC", "WORK_OF_ART", "EVENT", "LAW"})
#: Entity labels of a place: a place is where a figure is measured, not what it measures ("Phoenix topped out
#: at 114F"), unless the figure counts it.
PLACE_LABELS = frozenset({"GPE", "LOC"})
#: Pronouns that stand for the noun a relative clause hangs on ("the device which costs £622").
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
#: Dependencies of a figure that stands as a noun phrase of its own in its clause ("Ten were hurt").
BARE_ROLES = frozenset({"nsubj", "nsubjpass", "dobj"})
#: Quantity kinds whose figure may take its object from the figure just before it in a list (ellipsis:
#: "two passengers died and nine were taken to hospital"); a measure in a list ("speeds of 100Mbps and
#: 200Mbps") takes it from a figure of its own kind.
ELLIPTIC_KINDS = frozenset({"count", "percent"})


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
    inside = range(match.core_start, match.end)
    roots = [token_at(doc, t) for t in inside if token_at(doc, t).head.i not in inside or token_at(doc, t).head is token_at(doc, t)]
    return roots[-1] if roots else token_at(doc, match.end - 1)


def _is_time_noun(token: Token, lex: Lexicon) -> bool:
    """ "the quarter", "the year", "March", "in morning trade", "qoq": a period, never what a figure is of."""
    word = token.lower_
    return (token.ent_type_ in TIME_LABELS or word in lex.time_units or word in lex.months or word in lex.period_nouns
            or token.lemma_.lower() in lex.time_units)


def _is_place(token: Token) -> bool:
    return token.ent_type_ in PLACE_LABELS


def object_span(doc: Doc, head: Token, lex: Lexicon, *, figure: range, counted: bool) -> tuple[int, int]:
    """Token positions ``[start, end)`` of the object whose head noun is ``head``, as written, outside the
    ``figure``'s tokens.

    A counted noun is the head noun ("12 leather strips" -> "strips"). What a level or change is of is a name as
    a whole ("the FTSE 100", "Dow Jones Industrial Average"), or a head noun that names a measure only with the
    nouns compounded before it (``relational_heads``: "the unemployment rate", "the gambling age"); either
    keeps a classifying adjective right before it (``measure_modifiers``: "the jobless rate", "net profit").
    Not kept: other compounds ("smartphone shipments" -> "shipments"), a name before a common noun ("Reuters
    shares" -> "shares"), part of a hyphenated word ("an octa-core chip" -> "chip"), a determiner, a possessive,
    and describing adjectives ("the average daily circulation" -> "circulation").
    """
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
        if not (start <= before.head.i <= head.i) or (start - 1 > 0 and _hyphen_glued(doc, start - 1)):
            break
        same_kind = before.pos_ == "NOUN" or (head.pos_ == "PROPN" and before.pos_ == "PROPN")
        compound = relational and before.dep_ == "compound" and same_kind
        classifying = before.dep_ in ("amod", "compound") and before.lower_ in lex.measure_modifiers
        if not (compound or classifying) or _is_time_noun(before, lex) or any(c.isdigit() for c in before.text):
            break
        start -= 1
    end = _name_number(doc, head.i + 1, head, figure) if head.pos_ == "PROPN" and not counted else head.i + 1
    return start, end


def _hyphen_glued(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is the second part of a hyphenated word ("octa-core": "core")."""
    hyphen = token_at(doc, i - 1)
    return hyphen.text in ("-", "\u2013") and not hyphen.whitespace_ and not token_at(doc, i - 2).whitespace_


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
    micrograms of salbutamol", "40% of voters"); for money also an "in" complement that is not a period ("€40m
    in emergency aid", not "in the quarter" or "in morning trade") and a "for" complement (what the sum pays for:
    "$5m for schools"); or the noun the figure modifies ("28 settlements", "a 60-square-mile area", "a $3bn cash
    deal"). Not extracted: the clause's subject ("Unemployment rose to 4.4 per cent", "the fire burned for nine
    days") or a noun elsewhere in the clause ("temperatures of 34C"); then None.
    """
    inside = set(range(match.start, match.end))
    root = figure_root(doc, match)
    holders = [token_at(doc, t) for t in range(match.core_start, match.end)]
    for holder in reversed(holders):
        for prep in children_of(holder):
            if prep.i in inside or prep.dep_ != "prep":
                continue
            if prep.lower_ == "of" or (prep.lower_ in ("in", "for") and kind == "money"):
                noun = _noun_of(prep)
                if noun is None or noun.i in inside or noun.pos_ == "ADJ":
                    continue
                if prep.lower_ != "of" and _is_time_noun(noun, lex):
                    continue
                return _through_quantity_noun(noun, lex)
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
        and not _is_time_noun(head, lex)
    ):
        return _through_quantity_noun(head, lex)
    return None


def _relative_antecedent(pronoun: Token) -> Token | None:
    """The noun a relative pronoun stands for ("the device which costs ..." -> device), else None."""
    verb = pronoun.head
    if pronoun.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    return None


def _subject_of(verb: Token, lex: Lexicon) -> Token | None:
    """The verb's subject: its own (a relative pronoun stands for the noun its clause describes), else inherited
    through conjunction, a controlled clause, an
    adjectival predicate ("is likely to be"), a participle clause of a verb of level ("were the biggest
    fallers, slipping 7.8%") or a participle that describes a noun ("batteries weighing 60
    pounds"); in "saw its circulation fall 2%" the object of "saw" is the subject of "fall"."""
    seen = 0
    while verb is not None and seen < 6:
        subjects = [c for c in children_of(verb) if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            subject = subjects[0]
            return _relative_antecedent(subject) if subject.pos_ == "PRON" else subject
        if verb.dep_ == "acl" and verb.tag_ in ("VBG", "VBN") and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head
        if verb.dep_ in ("conj", "xcomp", "acomp", "ccomp", "advcl") and verb.head is not verb:
            if verb.dep_ in ("xcomp", "ccomp") and verb.i > verb.head.i:
                controller = [c for c in children_of(verb.head) if c.dep_ == "dobj" and c.i < verb.i]
                if controller and controller[0].pos_ in ("NOUN", "PROPN"):
                    return controller[0]
            if verb.dep_ == "advcl" and (verb.tag_ != "VBG" or not _is_level_verb(verb.head, lex) or _states_amount(verb.head, verb)):
                return None
            verb, seen = verb.head, seen + 1
            continue
        return None
    return None


#: Entity labels of an amount: a clause that holds one states its own figure.
AMOUNT_LABELS = frozenset({"PERCENT", "MONEY", "QUANTITY", "CARDINAL"})


def _states_amount(verb: Token, besides: Token) -> bool:
    """Whether the clause of ``verb`` states an amount outside the clause ``besides``: "the harvest is expected
    to fall by 15%, costing farmers €1.8bn" (the cost is the fall's, not the harvest's) against "shares were
    the biggest fallers, slipping 7.8%"."""
    return any(t.ent_type_ in AMOUNT_LABELS for c in children_of(verb) if c.i != besides.i for t in c.subtree)


def _is_event_noun(token: Token, lex: Lexicon) -> bool:
    return token.lemma_.lower() in lex.event_classes


def _holder_of(root: Token, lex: Lexicon) -> Token | None:
    """The noun a figure stands "of" or "at" beside ("a fine of up to ¥50bn", "a crowd of 2,000", "the record of
    115F", "rainfall, at 93.8mm, was"): the noun itself, not an event ("the capture of 28 settlements") or a
    quantity noun, a period or a place."""
    if root.dep_ != "pobj" or root.head.lower_ not in ("of", "at") or root.head.head.pos_ not in ("NOUN", "PROPN"):
        return None
    holder = root.head.head
    if _is_event_noun(holder, lex) or holder.lower_ in lex.quantity_nouns or _is_time_noun(holder, lex):
        return None
    return None if _is_place(holder) else holder


def broad_object_token(doc: Doc, match: Match, kind: str, lex: Lexicon) -> Token | None:
    """What a level, change or sum is about, where no counted noun is written (:func:`object_token`): the noun
    the amount is "of" or stands "at" beside (:func:`_holder_of`), the object of the verb that the figure sets
    ("raised its key rate to 7.25%"), what a sum buys or is spent on ("sold the flat for $5m", "the flat was sold
    for $5m", "spent $5m on roads") or the subject of a level verb ("inflation slowed to 5.4%", "the ranch covers
    45,000 acres", "shares slid 4%"). A place or a person is never that subject ("Phoenix topped out at 114F",
    "Jones ran 10 times for minus-3 yards")."""
    inside = set(range(match.start, match.end))
    root = figure_root(doc, match)
    if root.dep_ == "pobj" and root.head.lower_ in ("of", "at") and root.head.head.pos_ in ("NOUN", "PROPN"):
        holder = _holder_of(root, lex)
        return holder if holder is not None and holder.i not in inside else None
    # "inflation slowed to 5.4%", "the ranch covers 45,000 acres", "raised its key rate by half a point"
    token, via_prep, other_prep, paid_for, steps = root, False, False, "", 0
    while steps < 4 and token.head is not token:
        if token.dep_ == "pobj" and token.head.pos_ == "ADP":
            via_prep = via_prep or token.head.lower_ in lex.level_prepositions
            other_prep = other_prep or token.head.lower_ not in lex.level_prepositions
            paid_for = paid_for or (token.head.lower_ if token.head.lower_ in ("for", "on") else "")
            token = token.head
        elif token.dep_ == "prep" and token.head.pos_ in ("VERB", "AUX", "ADJ"):
            token = token.head
            break
        elif token.dep_ == "prep" and token.head.pos_ == "ADP":
            via_prep = via_prep or token.head.lower_ in lex.level_prepositions
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
    if token.pos_ in ("ADJ", "ADV") and token.dep_ in ("acomp", "xcomp", "advmod") and token.head.pos_ in ("VERB", "AUX"):
        token = token.head
    if token.pos_ not in ("VERB", "AUX"):
        return None
    objects = [c for c in children_of(token) if c.dep_ == "dobj" and c.i not in inside and not _has_number(c)]
    if kind == "money" and paid_for:
        # "sold the flat for $5m", "the flat was sold for $5m", "spent $5m on roads"
        if paid_for == "on" and token.lemma_.lower() not in lex.spending_verbs:
            return None
        if objects:
            return _through_quantity_noun(objects[0], lex)
        if paid_for == "for":
            subject = _subject_of(token, lex)
            return subject if subject is not None and not _is_place(subject) and not _has_number(subject) else None
        return None
    if via_prep and objects:
        return _through_quantity_noun(objects[0], lex)
    if _is_level_verb(token, lex, kind) and (via_prep or not other_prep):  # not "finished in two hours"
        subject = _subject_of(token, lex)
        if subject is not None and subject.i not in inside and not _has_number(subject) and not _is_place(subject) and not (
            subject.pos_ == "PROPN" and subject.ent_type_ == "PERSON"
        ):
            return _through_quantity_noun(subject, lex)
    return None


def _is_level_verb(verb: Token, lex: Lexicon, kind: str = "") -> bool:
    """Whether ``verb`` sets its subject to a level or changes it by a figure of ``kind`` ("" for any): a verb of
    level ("rose", "stands at"), one with its particle ("went up by", "comes in at"), or a verb of market
    movement with a share, points or a bare level ("gained 4%")."""
    lemma = verb.lemma_.lower()
    if lemma in lex.particle_level_verbs:
        return any(c.dep_ == "prt" for c in children_of(verb))
    return lemma in lex.level_verbs or (lemma in lex.market_verbs and kind in ("", "percent", "points", "count"))


def _has_number(token: Token) -> bool:
    """Whether a noun is itself counted ("3,000 homes"): a number or a noun with a number of its own; a number
    inside a name ("the FTSE 100") does not count."""
    if token.ent_type_ in NAME_LABELS and token.pos_ == "PROPN":
        return False
    return token.like_num or any(c.dep_ in ("nummod",) for c in children_of(token))


def _clause_head(token: Token) -> Token:
    """The verb (or the sentence root) that governs ``token``'s clause; a participle used as a preposition
    ("compared with") is not one."""
    while token.head.i != token.i and (token.pos_ not in ("VERB", "AUX") or token.dep_ == "prep"):
        token = token.head
    return token


def _coordinated(doc: Doc, earlier: Match, later: Match, lex: Lexicon) -> bool:
    """True when ``later`` continues a list with ``earlier``: joined by a conjunction, directly or through their
    clauses ("Two passengers died and nine were taken to hospital"), or set against it in the same clause by a
    comparison ("9,000 homes ..., down from over 60,000"; "one in five adults ..., compared with 14 per cent")."""
    first, second = figure_root(doc, earlier), figure_root(doc, later)
    if second.dep_ in ("conj", "appos") and second.head.i == first.i:
        return True
    clause_first, clause_second = _clause_head(first), _clause_head(second)
    if clause_second.dep_ == "conj" and clause_second.head.i == clause_first.i:
        return True
    if clause_first.i != clause_second.i:
        return False
    token = second
    while token.i != clause_second.i and token.head.i != token.i:
        if token.dep_ == "pobj" and token.head.lower_ in lex.comparison_prepositions:
            return True
        token = token.head
    return False


def inherits_object(doc: Doc, previous: tuple[Match, FigureRow], match: Match, kind: str, sentence_id: int,
                    lex: Lexicon) -> bool:
    """An elliptic count or share ("two passengers died and nine were taken to hospital") or a measure in a list
    ("speeds of 100Mbps, 200Mbps and 1Gbps") takes the object of the figure just before it, only when that figure
    is of the same sentence and kind and the two are coordinated (:func:`_coordinated`); a noun further away is
    never inherited, nor is any when the figure belongs to a noun of its own ("a crowd of 2,000")."""
    earlier, row = previous
    root = figure_root(doc, match)
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ in ("NOUN", "PROPN"):
        return False
    listed = kind in ELLIPTIC_KINDS or figure_root(doc, match).dep_ in ("conj", "appos")
    return (
        listed
        and row.quantity_kind == kind
        and row.sentence_id == sentence_id
        and bool(row.object)
        and _coordinated(doc, earlier, match, lex)
    )


def converts(doc: Doc, earlier: Match, later: Match) -> bool:
    """Whether ``later`` restates ``earlier`` in another unit or currency, in brackets or after a slash right
    after it ("115F (46C)", "HK$10m (US$1.27m)", "115F/46C"): both are one amount, of one thing."""
    return [lower_at(doc, t) for t in range(earlier.end, later.start)] in (["("], ["/"])


def continues_conversion(doc: Doc, earlier: Match, later: Match) -> bool:
    """Whether ``later`` follows a conversion ``earlier`` in the same brackets ("622 pounds (908 euros, 1,081
    dollars)")."""
    return [lower_at(doc, t) for t in range(earlier.end, later.start)] in ([","], ["or"], [",", "or"])


def elliptic_start(doc: Doc, match: Match, kind: str) -> bool:
    """A count that stands alone as the subject or object at the start of its sentence ("Ten were hurt.", "Two
    remain in hospital."), whose noun the sentence before names."""
    root = figure_root(doc, match)
    if kind != "count" or match.unit or root.dep_ not in BARE_ROLES or root.i != match.core_end - 1:
        return False
    sentence_start = token_at(doc, match.start).sent.start
    return all(token_at(doc, t).is_punct or token_at(doc, t).pos_ in ("CCONJ", "ADV") for t in range(sentence_start, match.start))


def change_ends(doc: Doc, earlier: Match, later: Match) -> bool:
    """Whether two figures are the two ends of a change written "from X to Y" ("rose from $4 to $5"), so that
    the first end measures what the second does."""
    return (earlier.start > 0 and lower_at(doc, earlier.start - 1) == "from" and lower_at(doc, earlier.end) == "to"
            and later.start == earlier.end + 1)
