"""Stage 5: who a speaker is. Names through the actor catalogue, short names and misspelt surnames to full
mentions, pronouns to the nearest compatible mention, descriptions ("the company", "its spokesman") to the
latest compatible named organisation, unnamed speakers typed from their head noun."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Iterable, Sequence

from spacy.tokens import Doc, Span, Token

from analysis.catalogue.actors import UNKNOWN_SIDE, Actor
from analysis.extraction.doc_index import children_of, doc_index
from analysis.extraction.figures.tokens import numeric_dates
from analysis.extraction.linguistics.furniture import dateline_spans
from analysis.extraction.linguistics.gender import PRONOUN_GENDER, gender_words
from analysis.extraction.linguistics.pronouns import BODY_PRONOUNS, PERSON_PRONOUNS, candidates, people_named_before
from analysis.extraction.linguistics.sides import side_of_phrase
from analysis.extraction.sources.cues import evidence_inside, stance_of
from analysis.extraction.sources.lines import Lines
from analysis.extraction.sources.quotes import Quotations
from analysis.extraction.sources.names import (
    NAME_SUFFIXES, FullNames, body_run, fold, is_code, modifies_noun, name_run, person_name,
)
from analysis.extraction.sources.wordlists import bare_word, lexicon

#: Children of a speaker's head noun that are not part of how the speaker is named.
SPEAKER_DETACHED_DEPS = frozenset({"appos", "acl", "relcl", "punct", "advcl", "cc", "conj"})
#: Entity labels that can name a speaker.
SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
#: Words that join the words of a body's or place's name and never a person's ("State of Texas").
NAME_JOINERS = frozenset({"of", "for", "and", "&", "the"})
#: Entity labels of named organisations (FAC: the small model's label for some hospitals and schools).
BODY_LABELS = frozenset({"ORG", "FAC"})
#: Head words of a speaker that count members of a group ("one of the sources", "two of them").
QUANTIFIERS = frozenset({"one", "some", "many", "most", "several", "two", "three", "four", "five"})


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: how it is written, who it is, and how we know."""

    start: int | None
    end: int | None
    source: str
    source_type: str
    role: str
    side: str
    name_variant: str = ""
    resolution: str = "none"


#: The ``source_type`` of a speaker the rules could not tell: a pronoun with no fitting antecedent, or no speaker
#: at all. Not ``anonymous``, which the text itself says ("a senior official", "sources").
UNRESOLVED = "unresolved"
NO_SPEAKER = Speaker(None, None, "", UNRESOLVED, "", UNKNOWN_SIDE)


def _speaker_tokens(head: Token) -> list[Token]:
    """The words that name the speaker: the head and its modifiers, without appositions and clauses."""
    tokens, stack = [], [head]
    while stack:
        token = stack.pop()
        tokens.append(token)
        stack.extend(
            c for c in children_of(token)
            # a possessor names the speaker without its "'s" ("the minister's claim"); a headline's topic
            # ("Novak on tariffs: ...") is not part of its speaker
            if not (c.dep_ == "case" and token.i == head.i and token.dep_ == "poss") and not _headline_topic(c)
            and not (token.i == head.i and _circumstance(c)) and not is_time_modifier(c)
            and c.dep_ not in SPEAKER_DETACHED_DEPS or (token.i != head.i and c.dep_ in ("cc", "conj"))
            or (token.i == head.i and _groups_together(c))
            or (token.i == head.i and _says_which(c))
            or _ampersand(c)
        )
    return sorted(tokens, key=lambda t: t.i)


def _run_around(head: Token, tokens: list[Token]) -> list[Token]:
    """The speaker's words (in order) that are written together around ``head``: a clause left out of the speaker
    between two of them ("forecasters predicting rain in places, with the north expected to ...") ends the phrase
    there, so the speaker's span never runs over its own cue. Other words left out between (punctuation, a day:
    "a 22-year-old") do not."""
    doc, at = head.doc, tokens.index(head)

    def together(a: Token, b: Token) -> bool:
        return not any(t.pos_ in ("VERB", "AUX") for t in doc[a.i + 1 : b.i])

    first, last = at, at
    while first > 0 and together(tokens[first - 1], tokens[first]):
        first -= 1
    while last + 1 < len(tokens) and together(tokens[last], tokens[last + 1]):
        last += 1
    return tokens[first : last + 1]


def _groups_together(child: Token) -> bool:
    """Whether a conjunct (or its "and") of a plural common noun speaker is another group speaking with it
    ("Unions, charities and business leaders said", "some experts and collectors say"): the groups are one source,
    as written. Not names ("Ana Ruiz and Tom Hale", "Halvern and Marlow Foods": each keeps its own row's reading),
    nor a singular noun ("the mayor and the council")."""
    head = child.head
    if head.tag_ != "NNS" or head.ent_type_ or child.dep_ not in ("cc", "conj"):
        return False
    conjuncts = [c for c in children_of(head) if c.dep_ == "conj"]
    return bool(conjuncts) and all(c.tag_ == "NNS" and not c.ent_type_ for c in conjuncts)


#: Nouns for the medium of a statement: "the agency in a media release said" (the medium is not the speaker).
MEDIUM_NOUNS = frozenset({"statement", "release", "interview", "letter", "post", "briefing", "email", "tweet", "video"})


def _says_which(clause: Token) -> bool:
    """Whether a clause on the speaker's head noun says which ones speak, and so is part of how the text names the
    speaker: a relative clause or participle written straight after a noun for people or a body, with no comma
    ("A pensioner who spent 57 hours on a chair said", "researchers led by Ana Ruiz", "The man arrested by police
    said"), as the annotated news writes such sources; or, on a noun of evidence, a past participle with a ``by``
    agent that says whose data set it is ("data collected by Lakeview University": a bare "data" tells a reader
    nothing). Not a clause set off by a comma ("The nurses, who staffed the shift, said": a description added),
    not one that holds a reporting verb ("officials who asked not to be named", "data that shows ...": the cue or
    the anonymity convention), and not on a document, whose intermediary is read apart ("a report seen by the
    Gazette": ``via``)."""
    head, lex = clause.head, lexicon()
    if clause.dep_ not in ("relcl", "acl") or head.pos_ != "NOUN" or clause.left_edge.i != head.i + 1:
        return False
    lemma = head.lemma_.lower()
    if lemma in lex.evidence or head.lower_ in lex.evidence or head.lower_ == "data":
        return clause.dep_ == "acl" and clause.tag_ == "VBN" and any(c.dep_ == "agent" for c in children_of(clause))
    if lemma in lex.document:
        return False
    return not any(t.pos_ == "VERB" and t.lemma_.lower() in lex.verb_cues for t in clause.subtree)


#: Entity labels of a day or a time of day.
TIME_LABELS = frozenset({"DATE", "TIME"})


def is_time_modifier(token: Token) -> bool:
    """A day or time the parse hangs on a speaker or an addressee as a bare noun ("the department's report
    Saturday afternoon", "told reporters Monday"): when something was said, no part of who said it or was told.
    A day inside a name ("the Monday Club", a compound) is left alone."""
    return token.dep_ == "npadvmod" and token.ent_type_ in TIME_LABELS


def _ampersand(token: Token) -> bool:
    """ "The Globe & Mail", "Marks & Spencer": an ampersand joins one name, not two speakers."""
    if token.dep_ == "cc":
        return token.text == "&"
    return token.dep_ == "conj" and any(c.dep_ == "cc" and c.text == "&" for c in children_of(token.head)) and (
        token.pos_ == "PROPN"
    )


def _circumstance(prep: Token) -> bool:
    """A prepositional phrase on the speaker that is no part of its name: the medium ("in a media release"),
    a place ("The Globe & Mail in Toronto", "officials in Lagos"), a time the parse hangs on the speaker ("A
    state judge in May recommended", "according to a trading update on Tuesday": when, not who), a person's affiliation ("Superintendent Ana Lind of the
    Northern Division": her source is her name; the body is her role's), or examples set off by a comma ("Other
    members of the board, including Ana Ruiz, said": the members speak; "including" names some of them, as an
    apposition would)."""
    if prep.dep_ == "prep" and prep.lower_ == "of" and prep.head.ent_type_ == "PERSON" and prep.head.pos_ == "PROPN":
        return True
    if prep.dep_ == "prep" and prep.lower_ == "including" and prep.i > 0 and prep.doc[prep.i - 1].text == ",":
        return True
    if prep.dep_ != "prep" or prep.lower_ not in ("in", "at", "from", "on"):
        return False
    obj = next((c for c in children_of(prep) if c.dep_ == "pobj"), None)
    if obj is None:
        return False
    if prep.lower_ == "on":
        return obj.ent_type_ in TIME_LABELS  # "a trading update on Tuesday"
    return obj.lemma_.lower() in MEDIUM_NOUNS or (prep.lower_ in ("in", "at") and obj.ent_type_ in ("GPE", "LOC")) or (
        prep.lower_ in ("in", "at") and obj.ent_type_ in TIME_LABELS)


#: Possessive determiners that name the source of a noun cue ("his claim that ..."): for a person or a body.
POSSESSIVE_PRONOUNS = {"his": "person", "her": "person", "its": "body", "their": "body"}


def _headline_topic(token: Token) -> bool:
    """ "on tariffs" in "Novak on tariffs: '...'": a preposition of topic whose phrase runs up to a colon."""
    end = token.right_edge.i + 1
    return token.dep_ == "prep" and token.lower_ in ("on", "about", "over") and end < len(token.doc) and (
        token.doc[end].text == ":"
    )


#: Dependencies of a clause's subject, for a pronoun's preferred antecedent (:meth:`SpeakerResolver._subject_person`).
SUBJECT_ROLES = frozenset({"nsubj", "nsubjpass"})


def _phrase_head(token: Token) -> Token:
    """The head of the noun phrase a name word belongs to: up its compounds ("Tom" in "Tom Hale") and through an
    apposition ("The union's leader, Tom Hale," is headed by "leader")."""
    while token.dep_ in ("compound", "flat") and token.head.i != token.i:
        token = token.head
    if token.dep_ == "appos":
        token = token.head
        while token.dep_ in ("compound", "flat") and token.head.i != token.i:
            token = token.head
    return token


def _phrase_role(token: Token) -> str:
    """The dependency of the noun phrase a name word belongs to (:func:`_phrase_head`)."""
    return _phrase_head(token).dep_


def _described_organisation(tokens: Sequence[Token], head: Token) -> bool:
    """Whether a speaker phrase is an organisation's name (an ORG entity ending at ``head``) after words that
    only describe it: lower-case nouns and adjectives ("consultancy", "battery maker"), a nationality, or a
    place before "-based" ("San Diego-based"), with at least one lower-case word among them (so that a name the
    recogniser splits, "New York Times", is never cut)."""
    if head.ent_type_ != "ORG" or head.pos_ != "PROPN":
        return False
    run = name_run(head)
    before = [t for t in tokens if run and t.i < run[0].i and t.dep_ != "det"]
    if not before or not any(t.text[:1].islower() and t.is_alpha for t in before):
        return False
    return all(
        (t.text[:1].islower() and (t.is_alpha or "-" in t.text)) or t.text == "-" or t.ent_type_ in ("NORP", "GPE")
        for t in before
    )


def _gender_fits(pronoun: Token, word: Token) -> bool:
    """Whether a he/she can point back to ``word`` as far as the word itself states a gender: a gendered noun or
    title of ``gendered_nouns.yaml`` ("father", "Mrs") must state the pronoun's ("she" never means a father).
    A name states no gender here (what the text says of a person by name is :meth:`SpeakerResolver._fits`), nor
    does a word with no gender of its own ("the nurse")."""
    wanted = PRONOUN_GENDER.get(pronoun.lower_)
    if wanted is None:
        return True
    words = gender_words()
    stated = words.title(word) if word.pos_ == "PROPN" else words.noun(word) if word.pos_ == "NOUN" else None
    return stated is None or stated == wanted


def _owned_by_agreeing(pronoun: Token, word: Token) -> bool:
    """Whether ``word`` is a person noun owned by a possessive pronoun that agrees with ``pronoun`` ("her
    mother" before "she" in one sentence: "While her mother was ill, she said, ..."): the pronoun of that sentence
    means the owner, not the one owned. Read only within the pronoun's sentence: across sentences ("Her mother
    was ill. She said ...") either may be meant, and the ordinary nearest-first order stands."""
    wanted = PRONOUN_GENDER.get(pronoun.lower_)
    if wanted is None or word.pos_ != "NOUN" or word.lower_ not in gender_words().person_nouns:
        return False
    return any(c.dep_ == "poss" and PRONOUN_GENDER.get(c.lower_) == wanted for c in children_of(word))


#: The possessive pronoun that agrees with a body pronoun.
BODY_POSSESSIVES = {"it": "its", "they": "their", "them": "their"}


def _agreeing_owner(pronoun: Token, word: Token) -> Token | None:
    """The possessive pronoun that owns ``word`` and agrees with a body pronoun ("Its" of "Its online business"
    before "it added"), or None: the pronoun of that sentence means the owner, not the thing owned."""
    wanted = BODY_POSSESSIVES.get(pronoun.lower_)
    return next((c for c in children_of(word) if c.dep_ == "poss" and c.lower_ == wanted), None)


def _person_noun_before(name: Token) -> Token | None:
    """The common noun for a person that a one-word proper name stands in apposition to, right after it or after
    a comma ("his sister Ana", "her son, Tom,", "the nurse Ana": ``person_nouns`` of the gender word lists), or
    None. The name is that person's. Not a longer name (left to the recogniser and the catalogue), nor a name
    after any other noun ("the company Halvern", "the ship Aurora")."""
    noun = name.head
    if name.dep_ != "appos" or name.pos_ != "PROPN" or noun.pos_ != "NOUN" or noun.i >= name.i:
        return None
    if len(name_run(name)) > 1 or noun.lower_ not in gender_words().person_nouns:
        return None
    between = name.doc[noun.i + 1 : name.i]
    return noun if all(t.text == "," for t in between) and len(between) <= 1 else None


def _latest_before(speakers: Sequence[tuple[int, "Speaker"]], offset: int) -> "Speaker | None":
    """The speaker resolved last of those whose head lies before ``offset``."""
    for position, speaker in reversed(speakers):
        if position < offset:
            return speaker
    return None


def tokens_text(parsed, tokens: Sequence[Token]) -> str:
    return parsed.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1])] if tokens else ""


class SpeakerResolver:
    """Speaker resolution over one document: catalogue names, short names, variants, pronouns and roles."""

    def __init__(self, parsed, quotes: Quotations | None = None) -> None:
        self.parsed = parsed
        # the document's quotations: a name inside a quotation is the quoted speaker's word, never what the
        # narrator's "he said" points back to ("... the State of Texas would act," he said)
        self.quotes = quotes
        self.doc: Doc = parsed.doc
        self.index = doc_index(self.doc)
        self.lex = lexicon()
        self.lines = Lines(parsed.view)
        # the article's datelines (with what stands before each on its line): read here once for the wire's
        # credits, the speaker spans they cut and the contents they open (three searches of the text before)
        self.datelines = dateline_spans(parsed.view)
        # names in page furniture (a "Read more: ..." link, a photo credit) are no one the story speaks of
        furniture = parsed.furniture
        # nor are names in a headline, byline or link line the full form of a name the copy shortens: a headline
        # in title case reads to the parser as one long organisation ("Varga Declares State Of Emergency")
        # and a "person" whose name holds a digit is a code the recogniser mislabels ("COVID-19": names.is_code)
        ents = [
            e for e in self.index.ents
            if not furniture.holds_text(parsed.view, e.start_char, e.end_char)
            and self.lines.is_copy(self.lines.line_of(e.start_char)) and not (e.label_ == "PERSON" and is_code(e))
        ]
        # Full person names (two words or more) by surname, in order: the targets of short names and variants.
        self.full_names: dict[str, list[Span]] = {}
        for entity in ents:
            # ("Drugmaker Halvern", which the recogniser may run together, is no person's full name)
            if entity.label_ == "PERSON" and len([t for t in entity if t.is_alpha]) >= 2 and not all(
                _company_noun(t) for t in entity[:-1]
            ):
                self.full_names.setdefault(entity[-1].lower_, []).append(entity)
        # the same full names in document order, as the ``source`` column writes them: what names match against
        self._people = sorted((e for found in self.full_names.values() for e in found), key=lambda e: e.start_char)
        # what the text states of each person (by surname) and who interviews: what a he/she may point back to
        self._stated_gender: dict[str, set[str]] = {}
        self._interviewers: set[int] = set()
        # people the article names in a role ("Governor Ana Ruiz", "Carl Ostrow, the former vice president"),
        # by the role's words: what "the governor" or "the former vice president" refers back to
        self._named_roles: dict[tuple[str, ...], list[tuple[int, list[Token]]]] = {}
        for entity in ents:
            if entity.label_ == "PERSON":
                self._read_person(entity)
                self._read_role(entity.root)
        # the passes below read proper nouns only: picked out once from the index's parts of speech (each pass
        # over every Token read its attributes anew, several times per article)
        proper = [t for t, pos in zip(self.index.tokens, self.index.pos) if pos == "PROPN"]
        for token in proper:
            # a titled name the small model left unlabelled ("Governor Ana Ruiz")
            if token.ent_type_ == "" and token.dep_ != "compound" and not furniture.holds(token.idx) and self._titled(
                name_run(token)
            ):
                self._read_role(token)
        for token in proper:
            # "his sister Ana", "her son, Tom,": a name the recogniser leaves unlabelled, in apposition to a
            # gendered noun for a person, is a person of that noun's gender (one it labels is read above);
            # (_person_noun_before reads only proper nouns in apposition)
            noun = _person_noun_before(token) if token.dep_ == "appos" and token.ent_type_ != "PERSON" else None
            if noun is not None and (gender := gender_words().noun(noun)) is not None:
                self._stated_gender.setdefault(token.lower_, set()).add(gender)
        self._people_texts = [tokens_text(parsed, person_name(e[-1])) for e in self._people]
        # one-word names the article treats as a company ("Halvern Inc.", "drugmaker Halvern", "Halvern's
        # shares", "Halvern said its ..."), whatever the recogniser labels them alone: no person
        self._companies = companies_named(self.index.tokens, furniture, parsed.view) - self.full_names.keys()
        # names the article writes after a title somewhere ("President Dorn", "Gov. Dorn") or describes as a
        # person in apposition: a person's surname, also where the recogniser labels it alone an organisation
        # ("Dorn announced ...")
        self._titled_names = {
            t.lower_ for t in proper
            if t.i > 0 and not furniture.holds(t.idx) and not _acronym(t) and not _name_goes_on(t)
            and (
                (title := self.index.tokens[t.i - 1]).text[:1].isupper() and t.lemma_.lower() not in self.lex.institution
                and (bare_word(title.text) in self.lex.title_words or bare_word(title.text) in self.lex.honorifics)
                or self._described_as_person(t)  # "Brett Halvorsen, an assistant secretary,"
            )
        }
        # Speakers resolved so far, in the order resolved: those with a role, by each word of the role (what
        # "the spokesman" refers back to), and bodies that issue statements (what "the statement" does).
        self._by_role_word: dict[str, list[tuple[int, Speaker]]] = {}
        self._issuers: list[tuple[int, Speaker]] = []
        # Named organisations by position (ORG and FAC entities, widened): what "the company" or "its
        # spokesman" refer back to, and the full names of short ones ("Halvern" for "Halvern Foods").
        bodies = {}
        # the agency of a dateline ("BERLIN (Reuters) -") is the wire's credit: no body "the company", "the
        # group" or "it" in the copy can mean
        credits = self.datelines
        for entity in ents:
            if any(a <= entity.start_char and entity.end_char <= b for a, b in credits):
                continue
            # a two-word "person" modifying a noun is a body the model mislabelled ("Lumora Bio shares")
            mislabelled = entity.label_ == "PERSON" and (
                len(entity) >= 2 and modifies_noun(entity.root) or self._company(list(entity))
            )
            run = body_run(entity) if entity.label_ in BODY_LABELS or mislabelled else []
            actor = self._actor(run, tokens_text(parsed, run)) if run else None
            if run and (actor is None or actor.type not in ("person", "place")) and not self._titled_person_in(run):
                bodies.setdefault((run[0].i, run[-1].i), run)
        self.bodies = [bodies[k] for k in sorted(bodies)]
        self._body_firsts = [run[0].i for run in self.bodies]
        # bodies by each word of their names, by the first words of their names, by token, and those that
        # "the company" can name (see _recent_body); each list in position order
        self._bodies_by_word: dict[str, list[int]] = {}
        self._bodies_by_prefix: dict[tuple[str, ...], list[int]] = {}
        self._generic_bodies: list[int] = []
        self._body_at: dict[int, int] = {}
        for k, run in enumerate(self.bodies):
            for word in dict.fromkeys(w for t in run for w in (t.lower_, t.lemma_.lower())):
                self._bodies_by_word.setdefault(word, []).append(k)
            words = tuple(t.lower_ for t in run)
            for length in range(1, len(run)):
                self._bodies_by_prefix.setdefault(words[:length], []).append(k)
            # "our AGM", "its Brand Match scheme": a name owned by a possessive pronoun is a thing of someone's,
            # not an organisation that "the company" or "the chain" could be
            owned = run[0].i > 0 and parsed.doc[run[0].i - 1].tag_ == "PRP$"
            if run[-1].lemma_.lower() not in self.lex.institution and not owned:
                self._generic_bodies.append(k)
            for t in run:
                self._body_at.setdefault(t.i, k)

    def resolve(self, head: Token) -> Speaker:
        """Who ``head`` (the speaker's head word) is; remembered for later pronouns and roles."""
        speaker = self._resolve(head)
        if speaker.resolution != "none":
            for word in dict.fromkeys(speaker.role.lower().split()):
                self._by_role_word.setdefault(word, []).append((head.idx, speaker))
        # a document is not the body behind a later "the statement said"; a person or a group is when the statement
        # was theirs ("Ana Ruiz said in a statement ...")
        if speaker.source and speaker.source_type != "document" and (
            speaker.source_type not in ("person", "anonymous", "collective") or self._in_a_statement(head)
        ):
            self._issuers.append((head.idx, speaker))
        return speaker

    def _in_a_statement(self, head: Token) -> bool:
        """Whether the speaker's verb says the words were written in a statement ("said in a statement",
        ``statement_nouns``)."""
        return any(
            c.dep_ == "prep" and c.lower_ == "in" and g.lemma_.lower() in self.lex.statement_nouns
            for c in children_of(head.head) for g in children_of(c) if g.dep_ == "pobj"
        )

    def side(self, words: Iterable[str]) -> str:
        """The side the words name (:func:`analysis.extraction.linguistics.sides.side_of_phrase`)."""
        return side_of_phrase(words, self.parsed.catalogue)

    def _resolve(self, head: Token, words: list[Token] | None = None) -> Speaker:
        # a speaker is written on one line: the parse may hang a headline above it onto it
        line = self.lines.line_of(head.idx)
        tokens = words or _run_around(
            head, [t for t in _speaker_tokens(head) if self.lines.line_of(t.idx) == line and not t.is_space])
        cut = self._dateline_end(tokens[0].idx, tokens[-1].idx + len(tokens[-1])) if words is None else None
        if cut is not None:
            return self._after_dateline(head, tokens, cut)
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        if head.lower_ in PERSON_PRONOUNS | BODY_PRONOUNS | POSSESSIVE_PRONOUNS.keys() and len(tokens) == 1:
            return self._pronoun(head)
        titled = self._name_after_title(head)
        if titled is not None:
            # "State Health Director Dr. Ana Ruiz said": the parse makes the title the head and the name its
            # apposition; the speaker is the person, the title (with what it is of) her role
            name = person_name(titled)
            return self._person(name, tokens_text(self.parsed, [t for t in tokens if t.i < titled.left_edge.i and t.dep_ != "det"]))
        together = self._people_together(head)
        if together:
            # "Ana Ruiz and Tom Hale said": the people named together speak as one source, as written
            first, last = person_name(head)[0], together[-1]
            return Speaker(first.idx, last.idx + len(last), tokens_text(self.parsed, [first, last]), "person", "",
                           self.side(t.text for t in self.doc[first.i : last.i + 1]), "", "name")
        if self._names_person(head):
            name = person_name(head)
            before = [t for t in tokens if t.i < name[0].i and t.dep_ not in ("det", "punct")]
            return self._person(name, self._appos_role(head) or tokens_text(self.parsed, before))
        if head.dep_ == "appos" and head.pos_ == "NOUN" and self._names_person(head.head) and not self._is_body(head):
            # "Dr. Ana Ruiz, a surgeon who said ...": a description in apposition to a named person is that person
            described = [t for t in tokens if t.dep_ != "det" or t.i != tokens[0].i]
            return self._person(person_name(head.head), tokens_text(self.parsed, described))
        # "The regional emergency service chief, Henrik Dahl, said": the name is in an apposition
        # ("An army spokesman, Colonel Idris Mabeko, said": the title before the name stays out of the role)
        appositive = [
            t for t in head.subtree
            if t.dep_ == "appos" and self._names_person(t) and head.doc[max(t.left_edge.i - 1, 0)].text == ","
        ]
        if appositive:
            name = person_name(appositive[0])
            described = [t for t in tokens if t.i < appositive[0].left_edge.i - 1]
            return self._person(name, tokens_text(self.parsed, [t for t in described if t.dep_ != "det" or t.i != described[0].i]))
        issuer = self._issuer(head)
        if issuer is not None:
            return self._resolve(issuer)
        inside = evidence_inside(head)
        if inside is not None:
            # "an early peek at the data suggests ...": the look is no agent; the data it looks at is the source
            words = [t for t in inside.subtree if self.lines.line_of(t.idx) == line and not t.is_space]
            return self._unnamed(words, inside, words[0].idx, words[-1].idx + len(words[-1]))
        return self._unnamed(tokens, head, start, end)

    def _issuer(self, head: Token) -> Token | None:
        """Who issued the statement that speaks (``statement_nouns`` as the object of an author verb,
        ``document_author_verbs``: "the council issued a statement saying ...", "It released a letter saying
        ..."): the author verb's subject, else None. Not a report or a study ("released a report saying ..."
        keeps the report), nor a statement with no subject issuing it."""
        if head.dep_ != "dobj" or head.lemma_.lower() not in self.lex.statement_nouns:
            return None
        verb = head.head
        if verb.lemma_.lower() not in self.lex.author_verbs:
            return None
        return next((c for c in children_of(verb) if c.dep_ == "nsubj"), None)

    def _name_after_title(self, head: Token) -> Token | None:
        """The person's name written after a title that the parse made the speaker's head, with the name as its
        apposition and no comma between, straight after the title or after what the title is of ("State Health
        Director Dr. Ana Ruiz said", "Chief Executive Ana Ruiz said", "the charity's director of policy Ana Ruiz
        said", British copy's lower-case "health secretary Ana Ruiz said"): the head word of that name, else None.
        A name set off by a comma ("The chief, Ana Ruiz,") is read by the apposition rule of :meth:`_resolve`; a
        head that is no ``titles`` word ("The bakery Ana Ruiz ...") is left alone."""
        if bare_word(head.text) not in self.lex.title_words:
            return None
        # what may stand between the title and the name: the title's own prepositional phrase ("of policy")
        of_title = {t.i for c in children_of(head) if c.dep_ == "prep" and c.i > head.i for t in c.subtree}
        return next((
            c for c in children_of(head)
            if c.dep_ == "appos" and c.i > head.i and self._names_person(c)
            and all(i in of_title and not head.doc[i].is_punct for i in range(head.i + 1, c.left_edge.i))
        ), None) or self._name_after_two_titles(head)

    def _name_after_two_titles(self, head: Token) -> Token | None:
        """The name after two titles joined by "and" that the parse makes a bare title's conjunct ("former mayor
        and board member Ana Ruiz said", "Coach and captain Ana Ruiz said"): one person holding both, so the head
        word of her name, else None. Not when the first title has an article or possessor ("The mayor and board
        member Ana Ruiz": two people), nor when no noun for a person stands just before the name ("Mayor and Ana
        Ruiz")."""
        if bare_word(head.text) not in self.lex.person_titles or any(c.dep_ in ("det", "poss") for c in children_of(head)):
            return None
        for conjunct in children_of(head):
            if conjunct.dep_ != "conj" or conjunct.pos_ != "PROPN" or not self._names_person(conjunct):
                continue
            before = [t for t in conjunct.subtree if t.i < person_name(conjunct)[0].i]
            if before and self._person_noun(before[-1]):
                return conjunct
        return None

    def _dateline_end(self, start: int, end: int) -> int | None:
        """Where the last dateline or date written in digits inside ``[start, end)`` ends (the parse runs a
        dateline into the subject after it: "date 2020-05-12 WASHINGTON (AP) — Dr. Ana Ruiz is warning"), or
        None when the span holds neither."""
        ends = [b for a, b in self._datelines if a < end and b > start]
        return max(ends) if ends else None

    @cached_property
    def _datelines(self) -> list[tuple[int, int]]:
        """Datelines (:func:`~analysis.extraction.linguistics.furniture.dateline_spans`, with the words before
        them on their line) and dates written in digits (:func:`~analysis.extraction.figures.tokens.numeric_dates`)."""
        return sorted(self.datelines + numeric_dates(self.parsed.view))

    def _after_dateline(self, head: Token, tokens: Sequence[Token], cut: int) -> Speaker:
        """A speaker span holding a dateline or a date in digits: never part of a speaker, nor the words before
        it. The first name left after it, also one the parse hung on the dateline ("date 2020-11-09 Pfizer" ->
        Pfizer; "date 2020-04-23 New York Gov. Ana Ruiz (D) on Thursday detailed findings" -> Ana Ruiz;
        "date 2020-05-12 WASHINGTON (AP) — Dr. Ana Ruiz, ... is warning" -> Ana Ruiz), a person's or a company's
        (:meth:`_company`); else, when the head is left, the rest of the span; else no speaker."""
        rest = [t for t in tokens if t.idx >= cut and not t.is_punct]
        if head.idx >= cut and head.pos_ == "PROPN":
            return self._resolve(head, rest)
        line = self.lines.line_of(head.idx)
        around = sorted({*rest, *(
            t for t in head.subtree if t.idx >= cut and (t.i < head.i or head.idx < cut)
            and self.lines.line_of(t.idx) == line
        )}, key=lambda t: t.i)
        name = next((
            t for t in around if (t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG")) and not _name_goes_on(t)
            and (self._names_person(t) or self._company([t]))
        ), None)
        if name is not None:
            return self._resolve(name)
        return self._resolve(head, rest) if head.idx >= cut and rest else NO_SPEAKER

    def names_person(self, head: Token) -> bool:
        """Whether ``head`` ends a person's name (see :meth:`_names_person`)."""
        return self._names_person(head)

    def _names_person(self, head: Token) -> bool:
        """Whether ``head`` ends a person's name: a catalogued person, a PERSON entity, a title before a
        proper name ("Mayor Elena Brandt", which the small model may label a work of art; "Mrs Justice
        Harcourt", which it may label an organisation), a name an apposition describes as a person ("Jana
        Brisk, a nurse,"), or the surname of a person named in full elsewhere in the document. Not a person: a
        name modifying a common noun ("the Kanderan delegation"), a catalogued body or place, a place the
        recogniser labels so (GPE, LOC), a code with a digit ("COVID-19", :func:`names.is_code`)."""
        if modifies_noun(head):
            return False
        run = name_run(head)
        if is_code(run or [head]) or self._company(run or [head]):
            return False
        actor = self._actor(run, tokens_text(self.parsed, run)) if run and head.pos_ == "PROPN" else None
        if actor is not None:
            return actor.type == "person"
        if head.ent_type_ == "PERSON":
            return True
        if not run or head.pos_ != "PROPN" and head.tag_ != "VBG":
            return False
        if head.tag_ == "VBG":
            return True  # the surname of a name written in full before, read as a gerund (names.written_as_name)
        if self._titled(self._with_title(run)):
            return True
        if len(run) == 1 and run[0].lower_ in self._titled_names and not _acronym(run[0]):
            return True  # "Dorn announced" where the article writes "President Dorn"
        # a surname (with its suffix: "Trump Jr.") of a person the article names in full, whatever the label
        short = len([t for t in run if fold(t.text) not in NAME_SUFFIXES]) == 1 and (
            self._full_name(tokens_text(self.parsed, run), run[0].idx)[1] != ""
        )
        if head.ent_type_ in ("GPE", "NORP", "FAC", "LOC"):
            # a place's name is a person only as the surname of the one person so named speaking or acting
            # ("Gov. Ana Abbott ... Abbott said": the recogniser labels some surnames places)
            return short and head.dep_ in ("nsubj", "nsubjpass") and self._full_name(head.text, head.idx)[0] is not None
        return self._described_as_person(head) or short or _person_noun_before(head) is not None

    def _titled_person_in(self, run: Sequence[Token]) -> bool:
        """A "body" the recogniser ran on into a person named with a title ("Halvern CEO Ana Ruiz"): a title word
        inside it followed by two capitalised words. Not a body's own name ("Office of the President")."""
        return any(
            bare_word(t.text) in self.lex.title_words and t.text[:1].isupper() and k + 2 < len(run) and all(
                w.pos_ == "PROPN" and w.text[:1].isupper() for w in run[k + 1 : k + 3]
            )
            for k, t in enumerate(run[1:], start=1)
        )

    def _company(self, run: Sequence[Token]) -> bool:
        """A one-word name (maybe with the noun for a company before it that the recogniser ran into it:
        "Drugmaker Halvern") the article treats as a company (:func:`companies_named`) and names no person in
        full with ("Ana Kessler ... Kessler said" stays a person), nor writes with a title ("Dr. Kessler")."""
        if not run or run[-1].lower_ not in self._companies or not all(_company_noun(t) for t in run[:-1]):
            return False
        return not self._titled(self._with_title([run[-1]]))

    def _described_as_person(self, head: Token) -> bool:
        """A proper name that an apposition describes as a person ("Jana Brisk, a nurse,", "Brisk, the ward's
        senior doctor,"), whatever label the recogniser gives the name: the apposition's head is a title,
        occupation or noun for a person of ``source_nouns.yaml`` and no institution noun ("Halvern, a company,"
        and "Ofcom, the regulator," stay bodies)."""
        lex = self.lex
        return any(
            c.dep_ == "appos" and c.pos_ == "NOUN" and (lemma := c.lemma_.lower()) not in lex.institution
            and (lemma in lex.title_words or lemma in lex.anonymous or lemma in lex.collective)
            for c in children_of(head)
        )

    def _with_title(self, run: Sequence[Token]) -> list[Token]:
        """``run`` with the capitalised title words written just before it in the same name ("Mayor" before
        "Helena Varga"), which the recogniser leaves out of an entity it labels an organisation."""
        doc, first = run[0].doc, run[0].i
        inside = {t.i for t in run}
        while first > 0 and (t := doc[first - 1]).text[:1].isupper() and t.dep_ == "compound" and t.head.i in inside and (
            bare_word(t.text) in self.lex.title_words or bare_word(t.text) in self.lex.honorifics
        ):
            first -= 1
        return [*doc[first : run[0].i], *run]

    def _titled(self, run: Sequence[Token]) -> bool:
        """A title before a proper name: an honorific before one or more words ("Colonel Mabeko", "Mrs
        Justice Harcourt") or any title before two ("Mayor Elena Brandt"); not a body named after a person
        ("Queen Elizabeth Hospital", whose last word is an institution noun), nor a name joined by "of" or "and"
        ("State of Texas": :data:`NAME_JOINERS`)."""
        if len(run) < 2 or run[-1].lemma_.lower() in self.lex.institution:
            return False
        # a person's name joins no words with "of" or "and": "State of Texas" is a place, not a title and a name
        # (a lower-case particle of a name stays: "Mayor de Blasio")
        if any(t.lower_ in NAME_JOINERS for t in run):
            return False
        first = bare_word(run[0].text)
        return first in self.lex.honorifics or (first in self.lex.title_words and len(run) >= 3)

    def _appos_role(self, head: Token) -> str:
        appos = next((c for c in children_of(head) if c.dep_ == "appos"), None)
        if appos is None:
            return ""
        span = [t for t in appos.subtree if not (t.is_punct and t.i == appos.right_edge.i)]
        while span and span[0].lower_ in ("a", "an", "the"):
            span = span[1:]
        return tokens_text(self.parsed, span)

    def _person(self, name: list[Token], role: str) -> Speaker:
        written = tokens_text(self.parsed, name)
        start, end = name[0].idx, name[-1].idx + len(name[-1])
        resolution, variant = "name", ""
        actor = self._actor(name, written)
        full, how = None, ""
        if actor is None:
            full, how = self._full_name(written, start)
            if full is not None:
                resolution, variant = how, written if how == "variant" else ""
                actor = self._actor(list(full), full.text)
        elif len(name) == 1 and written != actor.name:
            resolution = "short_name"
        if actor is None and full is None and how != "ambiguous" and (body := self._body_for_short_name(name)) is not None:
            return replace(body, start=start, end=end, role=role or body.role, resolution="short_name")
        source = actor.name if actor else (tokens_text(self.parsed, person_name(full[-1])) if full is not None else written)
        role = role or (actor.role if actor else "")
        side = actor.side if actor else self.side([*role.split(), *(t.text for t in name)])
        return Speaker(start, end, source, "person", role, side, variant, resolution)

    def _unnamed(self, tokens: list[Token], head: Token, start: int, end: int) -> Speaker:
        """A speaker written as a phrase: an organisation, a document, or an unnamed person or group."""
        written = self.parsed.text[start:end]
        role = self._appos_role(head)
        actor = self._actor([t for t in tokens if t.i == head.i or t.dep_ != "poss"], written)
        if actor is None and head.ent_type_ in SPEAKER_LABELS:
            entity = self.index.entity(head.i)
            actor = self._actor(list(entity), entity.text)
        if actor is not None:
            source_type = "government" if actor.type == "place" else actor.type
            return Speaker(start, end, actor.name, source_type, role or actor.role, actor.side, "", "name")
        if (head.pos_ == "PROPN" or head.ent_type_) and len(tokens) > 1 and (
            self._company(name_run(head) or [head]) or _described_organisation(tokens, head)
        ):
            # "drugmaker Halvern", "US biotech company Halvern", "consultancy Harwell Associates", "San Diego-based
            # Corvane Technologies": the company is the name, the words before it describe it (and what the parse
            # hangs after it is no part of it)
            name = name_run(head) if _described_organisation(tokens, head) else [head]
            speaker = self._unnamed(name, head, name[0].idx, head.idx + len(head))
            before = [t for t in tokens if t.i < name[0].i]
            return replace(
                speaker, start=(before or [head])[0].idx, end=head.idx + len(head),
                role=role or tokens_text(self.parsed, [t for t in before if t.dep_ != "det"]),
            )
        first = tokens[0].lower_
        lemma = self._body_noun(head)
        name = self._name_before_category(tokens, head, lemma)
        if name is not None:
            # "the Halvern Trust think tank", "the Marlow charity": the body is the name, the noun its kind
            speaker = self._unnamed(name, name[-1], name[0].idx, name[-1].idx + len(name[-1]))
            kind = [t for t in tokens if t.i > name[-1].i]
            return replace(speaker, start=start, end=end, role=role or tokens_text(self.parsed, kind))
        if tokens == [head] and head.pos_ == "PROPN" and (body := self._body_for_short_name([head])) is not None:
            return replace(body, start=start, end=end, role=role, resolution="short_name")
        if lemma in QUANTIFIERS or head.pos_ == "NUM":
            # "one of the sources": the kind is the group's
            of = next((g for c in children_of(head) if c.lower_ == "of" for g in children_of(c) if g.dep_ == "pobj"), None)
            if of is not None and of.lower_ in BODY_PRONOUNS:
                # "one of them": an unnamed member of the group the pronoun points back to
                group = self._pronoun(of)
                # (of a group nobody can tell, still a member the text leaves unnamed)
                group_source = "" if group.source_type == UNRESOLVED else group.source
                return Speaker(start, end, group_source, "anonymous", "", group.side, "", group.resolution)
            lemma = of.lemma_.lower() if of is not None else lemma
        if first in ("the", "this", "that") and (named := self._named_in_role(tokens, head)) is not None:
            return replace(named, start=start, end=end, resolution="role")
        spoken_for = self._spoken_for(head)
        if spoken_for is not None:
            return replace(spoken_for, start=start, end=end, role=role or head.text, name_variant="", resolution="role")
        described = first in ("the", "this", "that") and (len(tokens) <= 3 or lemma in self.lex.generic_body_nouns) \
            and not newspaper_name(tokens)
        bare_body = len(tokens) == 1 and lemma in self.lex.institution
        if (described or bare_body) and head.ent_type_ not in SPEAKER_LABELS:
            earlier = self._definite(head, lemma, by_role=described)
            if earlier is not None:
                return replace(earlier, start=start, end=end, name_variant="", resolution="role")
        epithet = first == "the" and self._epithet(tokens, head)
        if epithet and (person := self._epithet_person(head)) is not None:
            return replace(
                self._person(person, tokens_text(self.parsed, [t for t in tokens if t.dep_ != "det"])),
                start=start, end=end, name_variant="", resolution="role",
            )
        if epithet or self._role_description(tokens, head):
            # "the governor" with nobody the article names governor: a person the text describes and does not
            # say is unnamed (not anonymous), whom the rules cannot tell
            return Speaker(start, end, written, UNRESOLVED, role, self.side(t.text for t in tokens))
        source_type = "media" if is_outlet(tokens) else self._noun_type(tokens, head, lemma)
        if (head.ent_type_ in ("ORG", "FAC") or head.pos_ == "PROPN" or _acronym(head) or self._company([head])) and (
            source_type == "anonymous"
        ):
            # a proper name that is not a person's (those are resolved above) names a body, and so does an
            # acronym the tagger reads as a word ("WHO" as a pronoun)
            source_type = "institution"
        elif head.ent_type_ == "GPE":
            source_type = "government"
        return Speaker(start, end, written, source_type, role, self.side(t.text for t in tokens))

    def _body_noun(self, head: Token) -> str:
        """The lemma of a speaker's head noun, or with the word before it where the word lists hold the two as
        one noun for a body ("think tank")."""
        lemma = head.lemma_.lower()
        if head.i > 0 and (pair := f"{head.doc[head.i - 1].lower_} {lemma}") in self.lex.institution:
            return pair
        return lemma

    def _name_before_category(self, tokens: list[Token], head: Token, lemma: str) -> list[Token] | None:
        """An organisation's name (an ORG entity) written before a noun for the kind of body it is
        (``generic_body_nouns``: "the Halvern Trust think tank", "the Marlow charity") as the phrase's
        compound: the name's tokens, else None. Not a name before any other noun: "the Halvern official" is
        a person, "the Marlow council" or "the Halvern board" a body of its own, not the named one."""
        if head.pos_ != "NOUN" or lemma not in self.lex.generic_body_nouns:
            return None
        entity = next((self.index.entity(t.i) for t in tokens if t.i < head.i and t.ent_type_ == "ORG"), None)
        if entity is None or entity.end > head.i:
            return None
        # the recogniser may take the phrase's article into the name
        name = [t for t in entity if t.dep_ != "det"]
        if not name or any(t.dep_ not in ("compound", "amod") for t in name):
            return None
        # between the name and the noun only lower-case words of the kind ("think" in "think tank")
        if not all(t.is_alpha and t.is_lower for t in head.doc[entity.end:head.i]):
            return None
        return name

    def _noun_type(self, tokens: list[Token], head: Token, lemma: str) -> str:
        plural = head.tag_ in ("NNS", "NNPS")
        if lemma in self.lex.media or head.lower_ in self.lex.media or any(t.lower_ == "news" for t in tokens):
            return "media"
        if lemma in self.lex.document or {lemma, head.lower_} & self.lex.evidence or head.lower_ == "data":
            return "document"
        if lemma in self.lex.institution:
            return "collective" if plural and head.ent_type_ == "" and self.lex.institution[lemma] == "institution" else self.lex.institution[lemma]
        if lemma in self.lex.collective and plural:
            return "collective"
        return "anonymous"

    def _actor(self, tokens: Sequence[Token], written: str) -> Actor | None:
        if tokens and tokens[-1].ent_id_:
            return self.parsed.catalogue.get(tokens[-1].ent_id_)
        # each distinct form looked up once, in the same order (most names have no "the" and no "'s": the six
        # lookups were mostly one form six times)
        forms = (written, written.removeprefix("the "), written.removeprefix("The "))
        for text in dict.fromkeys(form for each in forms for form in (each, each.removesuffix("'s"))):
            hit = self.parsed.catalogue.lookup(text)
            if hit:
                return hit[0]
        return None

    def _full_name(self, written: str, offset: int) -> tuple[Span | None, str]:
        """The full mention of the one person a short or differently spelt name stands for
        (:func:`analysis.extraction.sources.names.match_full_name`), the nearest before ``offset``, else the nearest after
        it, and how (``short_name``, ``variant``); ``(None, "ambiguous")`` when it may name two people."""
        match = self._full_names.match(written)
        if match.how not in ("short_name", "variant"):
            return None, match.how if match.how == "ambiguous" else ""
        starts, spans = self._people_by_text[match.canonical]
        before = bisect.bisect_left(starts, offset)
        return spans[before - 1 if before else 0], match.how

    @cached_property
    def _full_names(self) -> FullNames:
        return FullNames(self._people_texts, [tokens_text(self.parsed, run) for run in self.bodies])

    @cached_property
    def _people_by_text(self) -> dict[str, tuple[list[int], list[Span]]]:
        """Each full name's mentions, with their start offsets, in document order."""
        by_text: dict[str, tuple[list[int], list[Span]]] = {}
        for entity, text in zip(self._people, self._people_texts):
            starts, spans = by_text.setdefault(text, ([], []))
            starts.append(entity.start_char)
            spans.append(entity)
        return by_text

    def _read_person(self, entity: Span) -> None:
        """Note what the text states of a named person on the spot: a gendered title or noun before the name
        ("Ms Oduya", "spokeswoman Ana Ruiz"), a gendered noun in apposition, a he/she as the subject of what they
        said ("Ruiz said she ..."); and whether an interviewer noun describes them ("host Lena Fisk")."""
        words, head = gender_words(), entity.root
        before = entity.doc[entity.start - 1] if entity.start > 0 else None
        describing = [t for t in entity if t.i != head.i] + [c for c in children_of(head) if c.dep_ in ("appos", "compound")]
        if before is not None and before.pos_ in ("NOUN", "PROPN"):
            describing.append(before)
        genders = {g for t in describing if (g := words.title(t) or (t.pos_ == "NOUN" and words.noun(t)))}
        if head.dep_ == "nsubj" and stance_of(head.head) is not None:
            genders |= {
                PRONOUN_GENDER[g.lower_] for c in children_of(head.head) if c.dep_ == "ccomp"
                for g in children_of(c) if g.dep_ == "nsubj" and g.lower_ in ("he", "she")
            }
        if genders:
            self._stated_gender.setdefault(entity[-1].lower_, set()).update(genders)
        if any(t.lemma_.lower() in self.lex.interviewer_nouns for t in describing):
            self._interviewers.update(t.i for t in entity)

    def _read_role(self, root: Token) -> None:
        """Note the role the person whose name ends at ``root`` is named in: the title words written before the
        name ("Former Vice President Carl Ostrow") or a description in apposition ("Carl Ostrow, the governor,")."""
        name = person_name(root)
        if not name:
            return
        doc, first = root.doc, name[0].i
        before = []
        while first - len(before) - 1 >= 0 and (t := doc[first - len(before) - 1]).text[:1].isupper() and (
            bare_word(t.text) in self.lex.title_words
        ):
            before.insert(0, t)
        appositions = [c for c in children_of(root) if c.dep_ == "appos" and c.lemma_.lower() in self.lex.title_words]
        for words in [before] + [[t for t in a.subtree if t.i <= a.i and t.dep_ != "det"] for a in appositions]:
            key = role_key(t.lower_ for t in words)
            if key:
                self._named_roles.setdefault(key, []).append((name[0].idx, name))

    def _named_in_role(self, tokens: Sequence[Token], head: Token) -> Speaker | None:
        """The person the article names, before ``head``, in the role a description gives ("the governor",
        "the former vice president"), the latest one; None when nobody is named in that role."""
        if head.lemma_.lower() not in self.lex.title_words or head.tag_ != "NN":
            return None
        key = role_key(t.lower_ for t in tokens if t.dep_ != "det" and not t.is_punct)
        earlier = [name for at, name in self._named_roles.get(key, []) if at < head.idx]
        if not earlier:
            return None
        return self._person(earlier[-1], tokens_text(self.parsed, [t for t in tokens if t.dep_ != "det"]))

    def _role_description(self, tokens: Sequence[Token], head: Token) -> bool:
        """A definite description by a role alone ("the governor", "The former vice president"): "the", then
        titles (``titles``, their abbreviations, words of time), the last a singular title for one person. Not a
        noun for an unnamed source or a spokesperson ("the official", "the spokesman"), which stay anonymous."""
        lex = self.lex
        words = [t for t in tokens if not t.is_punct]
        if len(words) < 2 or words[0].lower_ != "the" or head.tag_ != "NN" or words[-1].i != head.i:
            return False
        lemma = head.lemma_.lower()
        if lemma not in lex.title_words or lemma in lex.anonymous or lemma in lex.spokesperson_nouns or (
            lemma in lex.collective or lemma in lex.institution
        ):
            return False
        return all(
            (w := bare_word(t.text)) in lex.title_words or w in lex.title_abbreviations or w in ROLE_TIME_WORDS
            for t in words[1:]
        )

    def _epithet(self, tokens: Sequence[Token], head: Token) -> bool:
        """A singular definite description that news writes for someone it has just named rather than to bring
        in someone new: "the" and a noun of nationality (``nationality_nouns``: "the Italian"), an age ("the
        34-year-old"), or a title held at a named team, party or body ("the Barcelona boss", "the Labour
        leader"). Not a bare title ("the governor", "the former minister": :meth:`_role_description`, which may
        be someone the article has not named), nor a noun for an unnamed source, a spokesperson or a body."""
        lex = self.lex
        words = [t for t in tokens if not t.is_punct]
        if len(words) < 2 or words[0].lower_ != "the" or words[-1].i != head.i or head.tag_ in ("NNS", "NNPS"):
            return False
        lemma = bare_word(head.text)
        # (a singular group noun is one person: "the Labour leader")
        if lemma in lex.anonymous or lemma in lex.spokesperson_nouns or lemma in lex.institution:
            return False
        middle = words[1:-1]
        if lemma in lex.nationality_nouns:
            return all(bare_word(t.text) in ROLE_TIME_WORDS for t in middle)
        if re.fullmatch(r"\d+-year-old", self.parsed.text[words[1].idx : head.idx + len(head)]):
            return True
        return lemma in lex.title_words and any(t.pos_ == "PROPN" for t in middle) and all(
            t.pos_ == "PROPN" or (w := bare_word(t.text)) in lex.title_words or w in ROLE_TIME_WORDS for t in middle
        )

    def _epithet_person(self, head: Token) -> list[Token] | None:
        """The name an epithet (:meth:`_epithet`) stands for: the one person named within a pronoun's reach
        before it (outside other speakers' quotations), else None: with two people in reach the epithet may be
        either, and where the description's noun is written earlier ("met the governor. ... the governor said")
        it names someone other than the person named, and so does a title when the person was named in another
        role; nor when someone the text does not name is in reach (:meth:`_unnamed_person`: "Silva said her
        striker would be fit. The Italian said ..." may be the striker)."""
        own = self._quotation_at(head.idx)
        people = [e for e in people_named_before(head) if self._quotation_at(e.start_char) in (None, own)]
        if len({e[-1].lower_ for e in people}) != 1:
            return None
        if any(t.lower_ == head.lower_ or self._unnamed_person(t) for t in candidates(head)):
            return None
        name = person_name(people[0].root)
        if bare_word(head.text) in self.lex.title_words and any(
            key[-1:] != (bare_word(head.text),) and any(at < head.idx and named[-1].lower_ == name[-1].lower_ for at, named in held)
            for key, held in self._named_roles.items()
        ):
            # named in another role ("Greta Lund, a Tory MP, ... the Labour leader said"): someone else's title
            return None
        return name

    def _unnamed_person(self, token: Token) -> bool:
        """A person the text brings in without naming as a clause's subject ("her striker would be fit", "a local
        official said"): a noun for one person (:meth:`_described_person`) that neither describes a named person
        ("Silva, the striker,", "striker Ana Ruiz") nor is described by one ("her striker, Ana Ruiz,"). An
        epithet after it may mean that person; one named only as an object ("booked for abusing the fourth
        official") is not what an epithet picks up."""
        if not self._described_person(token):
            return False
        if token.dep_ in ("appos", "compound", "nmod") and token.head.pos_ == "PROPN":
            return False
        return not any(c.dep_ in ("appos", "compound") and self._names_person(c) for c in children_of(token))

    def _fits(self, pronoun: Token, name: Sequence[Token]) -> bool:
        """Whether a he/she can mean the person named: not an interviewer, and no gender the text states of
        them (:meth:`_read_person`, and earlier pronouns tied to them) other than the pronoun's."""
        if any(t.i in self._interviewers for t in name):
            return False
        stated = self._stated_gender.get(name[-1].lower_, set()) if name else set()
        wanted = PRONOUN_GENDER.get(pronoun.lower_)
        return wanted is None or len(stated) != 1 or wanted in stated

    def _pronoun(self, head: Token) -> Speaker:
        """A pronoun speaker: the nearest earlier compatible mention: for he/she a person whose stated gender fits
        and who is no interviewer (:meth:`_fits`), or, when that person is the object of a reporting verb, the
        person who is its subject (:meth:`_subject_person`: "X urged Y to act. He said ..." is X), never a name that resolves to a body or place (the short name
        of "the Kessler Center"), else unresolved; for it/they a body, a plural speaker, or two or more people
        named together ("Ana Ruiz and Tom Hale ... They said"), the subject of its sentence before an unnamed noun
        that sentence names in passing (:meth:`_subject_body`). Words inside another quotation than the
        pronoun's own are skipped: they are the quoted speaker's, not the narrator's mentions."""
        start, end = head.idx, head.idx + len(head)
        wants_person = head.lower_ in PERSON_PRONOUNS or POSSESSIVE_PRONOUNS.get(head.lower_) == "person"
        reach = candidates(head)
        own_quote = self._quotation_at(head.idx)
        for token in reach:
            if self._quotation_at(token.idx) not in (None, own_quote):
                continue
            if wants_person and not _gender_fits(head, token):
                continue  # "While her father stayed home, she said": a father is no "she"
            same_sentence = token.sent.start == head.sent.start
            if wants_person and same_sentence and _owned_by_agreeing(head, token):
                continue  # "While her mother was ill, she said, ...": she is the owner of "her", not the mother
            if wants_person and same_sentence and token.dep_ == "poss" and token.i != head.i and (
                PRONOUN_GENDER.get(token.lower_) == PRONOUN_GENDER.get(head.lower_, "")
            ):
                # a possessive in the pronoun's sentence that agrees with it names the same person: "her" in "her
                # father" is who "she" is, as far back as "her" resolves (and nobody when it does not)
                owner = self._pronoun(token)
                if owner.source_type == UNRESOLVED:
                    owner = replace(owner, source=self.parsed.text[start:end])
                return replace(owner, start=start, end=end)
            if wants_person and (self._names_person(token) or self._who(token) and not modifies_noun(token)):
                name = person_name(token)
                if not self._fits(head, name):
                    continue
                subject = self._subject_person(head, token, reach)
                if subject is not None:
                    token, name = subject, person_name(subject)
                speaker = self._person(name, "")
                if speaker.source_type != "person":
                    # a short name of a company, facility or place ("Kessler" for "the Kessler Center"): a
                    # he/she means a person, so the next fitting antecedent
                    continue
                if head.lower_ in PRONOUN_GENDER and {e[-1].lower_ for e in people_named_before(head)} <= {name[-1].lower_}:
                    # the only person in reach: the pronoun states their gender for later pronouns
                    self._stated_gender.setdefault(name[-1].lower_, set()).add(PRONOUN_GENDER[head.lower_])
            elif wants_person and head.lower_ in PRONOUN_GENDER and self._speaking_surname(token):
                # "Marlow said ... he said": a he/she means a person, so the one-word name that spoke is one
                speaker = self._person([token], "")
            elif wants_person and self._described_person(token):
                speaker = self._resolve(token)
            elif not wants_person and head.lower_ in ("they", "them") and (group := self._named_group(token)):
                speaker = Speaker(start, end, tokens_text(self.parsed, group), "person", "", UNKNOWN_SIDE)
            elif not wants_person and same_sentence and (owner := _agreeing_owner(head, token)) is not None:
                # "Its online business grew 12%, it added": the owner speaks, not the thing it owns
                speaker = self._pronoun(owner)
                if speaker.source_type == UNRESOLVED:
                    continue
            elif not wants_person and self._is_body(token):
                speaker = self._resolve(self._subject_body(head, token) or token)
            else:
                continue
            return replace(speaker, start=start, end=end, name_variant="", resolution="pronoun", role="")
        # the pronoun as written, so that the row says what the text gives; its type says nobody was found
        return replace(NO_SPEAKER, start=start, end=end, source=self.parsed.text[start:end])

    def _subject_person(self, pronoun: Token, found: Token, reach: Sequence[Token]) -> Token | None:
        """The person who spoke to or of ``found``: when ``found`` is named only as the object of a reporting
        verb ("Dr Paul Reid urged Health Secretary Jamie Lowe to return to talks", "criticised", "told") and the
        pronoun is a subject, the reporting verb's subject named as a person in that sentence: a "He said" that
        follows goes on with the one who was speaking, not the one addressed (in a text that states neither's
        gender). Likewise when ``found`` is the subject of a clause a person reported in an earlier sentence and the
        pronoun speaks ("Nichols said Beatty had undermined the library. She said ...": Nichols). None when ``found``
        is the main clause's subject, is the object of a verb that reports nothing ("X met Y. She said": the
        nearest, as :meth:`_pronoun` reads it), or no person fitting the pronoun is the subject."""
        if pronoun.dep_ not in ("nsubj", "nsubjpass"):
            return None
        verb = _phrase_head(found).head
        if _phrase_role(found) in SUBJECT_ROLES:
            # "Nichols said Beatty had undermined the library. She said ...": the subject of what was reported is
            # no speaker; a "she said" that follows goes on with the one reporting it (the main clause's subject)
            reporter = verb.head if verb.dep_ == "ccomp" and stance_of(verb.head) is not None else None
            if reporter is None or stance_of(pronoun.head) is None or pronoun.sent.start == found.sent.start:
                return None
            return next((
                t for t in reach[reach.index(found) + 1 :]
                if t.sent.start == found.sent.start and _phrase_role(t) in SUBJECT_ROLES and _phrase_head(t).head.i == reporter.i
                and _gender_fits(pronoun, t) and self._names_person(t) and self._fits(pronoun, person_name(t))
            ), None)
        if _phrase_role(found) not in ("dobj", "dative") or stance_of(verb) is None:
            return None
        for token in reach[reach.index(found) + 1 :]:
            if token.sent.start != found.sent.start:
                return None
            if _phrase_role(token) in SUBJECT_ROLES and _gender_fits(pronoun, token) and self._names_person(token) and (
                self._fits(pronoun, person_name(token))
            ):
                return token
        return None

    def _subject_body(self, pronoun: Token, found: Token) -> Token | None:
        """The body or group that is a subject before ``found`` in its sentence, when ``found`` is an unnamed noun
        in a prepositional phrase and the pronoun is a subject: an it/they that speaks goes on with what its
        sentence before was about, not with a thing named in passing ("Commission members stressed the
        importance of traffic studies. They explained ...": the members; "The experts involved in the team said
        ..., they added": the experts). None for a named body ("observers from the Halvern Monitoring Group ...
        they said": the group, as the news gold reads it), or when no such subject is written."""
        if pronoun.dep_ not in SUBJECT_ROLES or found.dep_ != "pobj" or found.ent_type_ or found.pos_ == "PROPN":
            return None
        return next((t for t in found.sent if t.i < found.i and t.dep_ in SUBJECT_ROLES and self._is_body(t)), None)

    def _speaking_surname(self, token: Token) -> bool:
        """A one-word proper name that the recogniser calls an organisation, a group (some surnames it labels
        nationalities) or nothing, as the subject of a reporting verb ("Marlow said") or of its sentence's main verb
        ("Marlow remained defiant after the verdict", "Marlow appeared to confirm ..."): a person for a later
        he/she, which never means a body. Not the subject of a verb inside another clause ("when Marlow arrived"),
        an acronym, a code, a title ("The Minister said"), a catalogued body or place, an outlet, or the first word
        of a longer organisation's name in the article."""
        if token.pos_ != "PROPN" or token.dep_ != "nsubj" or token.ent_type_ not in ("ORG", "NORP", ""):
            return False
        if stance_of(token.head) is None and token.head.dep_ != "ROOT":
            return False
        if _acronym(token) or is_code([token]) or modifies_noun(token) or len(name_run(token)) != 1 or is_outlet([token]):
            return False
        if bare_word(token.text) in self.lex.title_words or any(c.dep_ == "det" for c in children_of(token)):
            return False  # "The Minister said": a title, not a name
        actor = self._actor([token], token.text)
        if actor is not None:
            return actor.type == "person"
        return self._body_for_short_name([token]) is None and token.lemma_.lower() not in self.lex.institution

    def _quotation_at(self, offset: int) -> tuple[int, int] | None:
        """The quotation (marks included) holding the character at ``offset``, or None."""
        return self.quotes.holding((offset, offset + 1)) if self.quotes is not None else None

    def _named_group(self, token: Token) -> list[Token]:
        """The names of two or more people written together, as a clause's subject, whose last name is
        ``token`` ("Ana Ruiz and Tom Hale visited ..."): the words from the first name to the last."""
        if token.dep_ != "conj" or not self._names_person(token):
            return []
        first = token.head
        while first.dep_ == "conj":
            first = first.head
        if first.dep_ not in ("nsubj", "nsubjpass") or not self._names_person(first):
            return []
        return list(token.doc[person_name(first)[0].i : token.i + 1])

    def _people_together(self, head: Token) -> list[Token]:
        """The last words of the other names of people conjoined to a named person who speaks ("Ana Ruiz and Tom
        Hale said", "Ruiz, Hale and Tom Marr told ..."), in order; empty when ``head`` names no person or any
        conjunct is not a person's name ("Ana Ruiz and her deputy", "Ruiz and the council": each keeps its own
        reading). A name the recogniser leaves unlabelled counts when it is two proper nouns or more beside a
        person's name."""
        conjuncts = [c for c in children_of(head) if c.dep_ == "conj"]
        while conjuncts and (more := [c for c in children_of(conjuncts[-1]) if c.dep_ == "conj"]):
            conjuncts += more
        if not conjuncts:
            return []
        names = [head, *conjuncts]
        named = [self._names_person(t) for t in names]
        unlabelled = [t.pos_ == "PROPN" and t.ent_type_ == "" and len(name_run(t)) >= 2 for t in names]
        if not any(named) or not all(n or u for n, u in zip(named, unlabelled)):
            return []
        return conjuncts

    @staticmethod
    def _who(token: Token) -> bool:
        """A proper name followed by a "who" clause names a person, whatever the recogniser's label."""
        return token.pos_ == "PROPN" and not is_code([token]) and any(
            c.dep_ == "relcl" and any(g.lower_ == "who" for g in children_of(c)) for c in children_of(token)
        )

    def _described_person(self, token: Token) -> bool:
        """An unnamed person as a clause's subject ("The Kanderan foreign minister arrived ..."): a singular
        common noun for a person (:meth:`_person_noun`)."""
        return token.dep_ in ("nsubj", "nsubjpass") and self._person_noun(token)

    def _person_noun(self, token: Token) -> bool:
        """A singular common noun for one person: an ``anonymous`` noun or a title that names someone alone
        (``person_titles``: "striker", "official"), not an institution noun nor a word that only qualifies a
        title ("his district", "the state": ``title_qualifiers``)."""
        lemma = token.lemma_.lower()
        return token.tag_ == "NN" and lemma not in self.lex.institution and (
            lemma in self.lex.anonymous or lemma in self.lex.person_titles
        )

    def _is_body(self, token: Token) -> bool:
        """A word naming an organisation, government or group that can speak (for "it" and "they"), or a
        plural speaker of an earlier attribution ("Three nurses said ... one of them said").

        Not a body: a nationality adjective ("Kanderan troops" is the troops), a person, a catalogued place,
        and a place named as anything but a clause's subject ("in Kandera")."""
        if token.dep_ not in ("nsubj", "nsubjpass", "pobj") or token.pos_ in ("PRON", "ADJ"):
            return False
        if token.ent_type_ in ("GPE", "LOC", "FAC") and token.dep_ == "pobj":
            return False
        if token.ent_type_ in ("ORG", "GPE", "NORP", "LOC", "FAC"):
            actor = self._actor([token], token.text)
            return actor is None or actor.type not in ("place", "person")
        lemma = token.lemma_.lower()
        # unnamed people ("employees", "residents") only as the subject of a main clause: those in a clause
        # describing something else ("the plant, where employees were striking") are not what "they" picks up
        people = token.tag_ == "NNS" and (lemma in self.lex.anonymous or lemma in self.lex.collective) and (
            token.dep_ == "pobj" or token.head.dep_ not in ("relcl", "advcl", "acl")
        )
        return lemma in self.lex.institution or lemma in self.lex.document or lemma in self.lex.media or people or (
            token.tag_ == "NNS" and token.dep_ == "nsubj" and stance_of(token.head) is not None  # "Three nurses said"
        )

    def _definite(self, head: Token, noun: str, *, by_role: bool = True) -> Speaker | None:
        """What a description refers back to: "the spokesman" to the person with that role (``by_role``),
        "the hospital" or "police" to the named body whose name holds the noun, "the company" to the latest
        named organisation (:meth:`_recent_body`), "the statement" to the latest body quoted."""
        earlier = _latest_before(self._by_role_word.get(noun, []), head.idx) if by_role else None
        if earlier is not None:
            return earlier
        body = self._recent_body(head, noun)
        if body is not None:
            return body
        if noun not in self.lex.document:
            return None
        # "the statement said": the body that issued the latest statement quoted
        return _latest_before(self._issuers, head.idx)

    def _recent_body(self, head: Token, noun: str | None) -> Speaker | None:
        """The latest named organisation before ``head`` that a noun can refer back to: one whose name holds
        the noun ("Sherwood Police" for "police"), or, for a noun that fits any organisation ("company",
        "firm", ``generic_body_nouns``), one whose name does not end in another institution noun (so "the
        company" skips "the Environment Agency"). With no noun ("its"), the latest named organisation."""
        candidates = [self._last_body_before(self._bodies_by_word.get(noun, []), head.i)] if noun is not None else [
            self._last_body_before(range(len(self.bodies)), head.i)
        ]
        if noun in self.lex.generic_body_nouns:
            candidates.append(self._last_body_before(self._generic_bodies, head.i))
        found = max((k for k in candidates if k is not None), default=None)
        if found is None:
            return None
        run = self.bodies[found]
        return self._unnamed(run, run[-1], run[0].idx, run[-1].idx + len(run[-1]))

    def _last_body_before(self, bodies: Sequence[int], i: int) -> int | None:
        """The last of ``bodies`` (numbers into :attr:`bodies`, in order) whose name ends before token ``i``."""
        k = bisect.bisect_left(bodies, i, key=lambda b: self._body_firsts[b]) - 1
        while k >= 0 and self.bodies[bodies[k]][-1].i >= i:
            k -= 1
        return bodies[k] if k >= 0 else None

    def _spoken_for(self, head: Token) -> Speaker | None:
        """The named organisation a spokesperson noun speaks for: "its spokesman", "a Halvern Foods
        spokeswoman", "a spokesperson for the trust", "a police spokesman" (when the force is named earlier).
        None for other nouns, and when the body is not named."""
        if head.lemma_.lower() not in self.lex.spokesperson_nouns:
            return None
        owners = [c for c in children_of(head) if c.dep_ in ("poss", "compound", "nmod")]
        owners += [
            g for c in children_of(head) if c.dep_ == "prep" and c.lower_ in ("for", "of", "at")
            for g in children_of(c) if g.dep_ == "pobj"
        ]
        for owner in owners:
            if owner.lower_ in ("its", "their"):
                return self._recent_body(head, None)
            run = self.bodies[self._body_at[owner.i]] if owner.i in self._body_at else None
            if run is not None:
                return self._unnamed(run, run[-1], run[0].idx, run[-1].idx + len(run[-1]))
            if owner.pos_ == "NOUN" and owner.lemma_.lower() in self.lex.institution:
                body = self._recent_body(owner, owner.lemma_.lower())
                if body is not None:
                    return body
        return None

    def _body_for_short_name(self, name: Sequence[Token]) -> Speaker | None:
        """The named organisation that a shorter proper name begins ("Halvern" for "Halvern Foods"), the
        nearest one in the document; None when no longer body name starts with the same words."""
        at = name[0].i
        longer = self._bodies_by_prefix.get(tuple(t.lower_ for t in name), [])
        split = bisect.bisect_right(longer, at, key=lambda b: self._body_firsts[b])
        # the nearest one starting at or before the name (not holding it; of two starting there, the shorter),
        # else the nearest after it
        found, k = None, split - 1
        while k >= 0 and (found is None or self._body_firsts[longer[k]] == self._body_firsts[found]):
            if self.bodies[longer[k]][-1].i < at:
                found = longer[k]
            k -= 1
        if found is None and split < len(longer):
            found = longer[split]
        if found is None:
            return None
        run = self.bodies[found]
        return self._unnamed(run, run[-1], run[0].idx, run[-1].idx + len(run[-1]))


#: Words before a role that say when it was held, not which role it is ("the former governor" is the governor).
ROLE_TIME_WORDS = frozenset({"former", "acting", "then", "interim", "outgoing", "incoming", "new", "current"})


def role_key(words: Iterable[str]) -> tuple[str, ...]:
    """A role's words, lowercased, abbreviations written out (``title_abbreviations``), without the words of
    time before it: ("vice", "president") for "Former Vice President" and "the former vice president",
    ("governor",) for "Governor", "Gov." and "the governor"."""
    abbreviations = lexicon().title_abbreviations
    key = [abbreviations.get(bare_word(w), bare_word(w)) for w in words]
    while key and key[0] in ROLE_TIME_WORDS:
        key = key[1:]
    return tuple(key)


def companies_named(tokens: Sequence[Token], furniture, view: str) -> set[str]:
    """The one-word proper names (lowercased) an article treats as companies, outside its page furniture: a
    name written with a legal form after it ("Halvern Inc.", "Halvern, Inc.": ``corporate_suffixes``), after a
    noun for a company ("drugmaker Halvern", "biotech company Halvern": ``generic_body_nouns``), as the possessor
    or modifier of a noun only companies have ("Halvern's shares", "Halvern stock": ``corporate_nouns``), or as
    the subject a later "its" in its sentence points back to (no other singular noun between them: "Halvern said
    on Monday that data on its vaccine ..."). Whether a person is named so too is the caller's to weigh."""
    lex, found = lexicon(), set()
    for token in tokens:
        # (the small model tags some names of companies as verbs: "Halvern's shares")
        if not (token.pos_ == "PROPN" or token.ent_type_ in ("PERSON", "ORG")) or not token.text[:1].isupper() or (
            not token.is_alpha or furniture.holds(token.idx)
        ):
            continue
        # neighbours and heads from the document's index: ``doc[i]`` and ``Token.head`` make a new Token per call
        index, i = doc_index(token.doc), token.i
        words, heads = index.tokens, index.heads
        before = words[i - 1] if i > 0 else None
        described = before is not None and _company_noun(before)
        after = [t for t in words[i + 1 : i + 3] if t.text != ","][:1]
        if before is not None and before.pos_ == "PROPN" and heads[i - 1] == i and not described or (
            i + 1 < len(words) and words[i + 1].pos_ == "PROPN" and heads[i] > i and words[i + 1].dep_ == "compound"
        ):
            continue  # a word of a longer name ("Ana Kessler", "Kessler Foods")
        owned = [words[heads[i]]] if token.dep_ in ("poss", "compound", "amod") and heads[i] > i else []
        if (
            after and bare_word(after[0].text) in lex.corporate_suffixes and after[0].text[:1].isupper()
            or described
            or any(t.lower_ in lex.corporate_nouns or t.lemma_.lower() in lex.corporate_nouns for t in owned)
            or token.dep_ in ("nsubj", "nsubjpass") and _its_antecedent(token)
        ):
            found.add(token.lower_)
    return found


def _company_noun(token: Token) -> bool:
    """A noun for a company written before its name ("drugmaker", "company": ``generic_body_nouns``)."""
    generic = lexicon().generic_body_nouns
    return token.lower_ in generic or token.lemma_.lower() in generic


def _its_antecedent(subject: Token) -> bool:
    """Whether an "its" later in the subject's sentence points back to it: the nearest singular noun or name
    before the "its" (dates and times left out) is the subject."""
    # the sentence's tokens from the document's index (``Token.sent`` builds a Span, and reading it new Tokens)
    index = doc_index(subject.doc)
    words, end = index.tokens, index.sentence_bounds(subject.i)[1]
    for token in words[subject.i + 1 : end]:
        if token.lower_ != "its":
            continue
        for back in reversed(words[subject.i : token.i]):
            if back.tag_ in ("NN", "NNP") and back.ent_type_ not in ("DATE", "TIME"):
                return back.i == subject.i
        return False
    return False


def _name_goes_on(token: Token) -> bool:
    """Whether the next word continues the entity or the proper-noun compound ``token`` is in ("Ana" in "Ana
    Ruiz")."""
    doc = token.doc
    if token.i + 1 >= len(doc):
        return False
    after = doc[token.i + 1]
    return (token.ent_type_ != "" and after.ent_iob_ == "I") or (token.dep_ == "compound" and token.head.i == after.i)


def _acronym(token: Token) -> bool:
    """A word of two or more capital letters only ("WHO", "NHS"), with no lower-case sibling in the phrase."""
    return len(token.text) >= 2 and token.text.isalpha() and token.text.isupper()


def is_outlet(tokens: Sequence[Token]) -> bool:
    """A phrase naming an outlet: a press noun ("a state news agency", "reporters' network") or a proper
    name ending like a newspaper's ("the Harbour Times")."""
    lex = lexicon()
    if any(t.lemma_.lower() in lex.media or t.lower_ in lex.media or t.lower_ == "news" for t in tokens):
        return True
    return newspaper_name(tokens)


def newspaper_name(tokens: Sequence[Token]) -> bool:
    """A proper name ending like a newspaper's ("the Harbour Times", "The Valley Post"): it names an outlet, and
    is no description to refer back with ("the post" read as a statement)."""
    return bool(tokens) and tokens[-1].pos_ == "PROPN" and tokens[-1].lower_ in lexicon().outlet_words
