"""Page furniture: what a web page prints around a story and a crawl keeps in its text (advertising slots,
share buttons, "read more" and related-story links, newsletter prompts, photo counters and credits). The one
decision every stage reads: furniture stays in the text, so that offsets are the original's, and no stage
extracts anything from it (:func:`analysis.extraction.pipeline.outside_furniture`).

Recognised from the text alone, with the word lists of ``analysis/data/furniture.yaml``:

* a whole **line** that is furniture: one of ``lines`` ("Advertisement", "Share this article", "Read more"), a
  row of share ``buttons`` ("Facebook Twitter Email"), a ``prompt`` ("Click here to ...", "Sign up for our
  newsletter"), a crawled **link** (a ``link_labels`` label and a colon, dash or bar: "Related: ...", "READ
  MORE - ..."), or a picture **credit or caption** (a ``credit_labels`` label and a colon, dash, bar or "by":
  "Photo: ...", "Photograph by ..."; "Image copyright ...", or capitalised words with a slash beside a
  ``credit_names`` word: "REUTERS/Ana Ruiz"), or a subscription **offer** (prices, numbers and ``offer_words``
  only, with a period or a word of subscribing: "99¢ for the first month", "$1 for 6 months"), or a
  **reading-time** estimate ("2 min read", "Reading time: 3 minutes");
* anywhere in a line, a picture **counter** ("Slideshow (2 Images)", "(4 photos)", "Photo 1 of 3") and a
  **bracketed credit** ("(Photo by Ana Ruiz/Getty Images)", "(AP Photo/Ana Ruiz)").

A line is matched whole, never by a word it contains: a sentence of copy that uses these words ("The
advertisement ran for weeks", "Officials read more than 100 letters") is no furniture. Not decided here:
furniture glued inside a line of copy without brackets ("... said. Advertisement The mayor ..."), and
headlines, bylines and captions without a label (:class:`analysis.extraction.sources.lines.Lines` tells
those, and they are not left out: a quotation in a headline is attributed).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.datafiles import read_yaml

#: The data file of furniture words, in ``analysis/data/``.
FURNITURE_FILE = "furniture.yaml"
#: What may come between a label and the rest of its line ("Related: ...", "READ MORE - ...", "Photo | ..."): a
#: colon, a bar, a dash, and a hyphen only with space after it ("Video-game sales" is no label).
_SEPARATOR = r"(?:\s*[:|\u2013\u2014]|\s*-(?=\s|$))"
#: Bullets and edge punctuation a line may carry around its words ("• Share", "> Read more", "Advertisement:").
_EDGE = " \t\u00a0\u2022\u00b7*>\u203a\u00bb\u25b8\u25ba-\u2013\u2014|:.!,;()[]"
#: Words of one part of a slash credit ("Ana Ruiz", "Getty Images", "AP Photo").
MAX_CREDIT_SIDE_WORDS = 4
#: A word of a line, for counting and matching: letters, digits, inner apostrophes, hyphens and dots.
_WORD = re.compile(r"[^\W_](?:[\w'\u2019.-]*\w)?|[|/\u00b7]")


@dataclass(frozen=True)
class FurnitureWords:
    """The word lists of ``furniture.yaml``, lowercased and with spaces collapsed."""

    lines: frozenset[str]
    buttons: frozenset[str]
    button_fillers: frozenset[str]
    max_button_words: int
    prompts: tuple[str, ...]
    max_prompt_words: int
    link_labels: frozenset[str]
    lead_labels: frozenset[str]
    credit_labels: frozenset[str]
    credit_names: frozenset[str]
    max_credit_words: int
    picture_nouns: frozenset[str]
    offer_words: frozenset[str]
    offer_terms: frozenset[str]
    max_offer_words: int
    reading_words: frozenset[str]
    reading_fillers: frozenset[str]
    reading_units: frozenset[str]
    max_reading_words: int

    @property
    def counter(self) -> re.Pattern[str]:
        return _patterns(self)[0]

    @property
    def bracket(self) -> re.Pattern[str]:
        return _patterns(self)[1]


def _plain(text: str) -> str:
    return " ".join(str(text).lower().split())


@lru_cache(maxsize=1)
def furniture_words() -> FurnitureWords:
    data = read_yaml(FURNITURE_FILE)
    words = lambda key: frozenset(_plain(w) for w in data[key])  # noqa: E731
    return FurnitureWords(
        lines=words("lines"),
        buttons=words("buttons"),
        button_fillers=words("button_fillers"),
        max_button_words=int(data["max_button_words"]),
        prompts=tuple(sorted({_plain(w) for w in data["prompts"]}, key=len, reverse=True)),
        max_prompt_words=int(data["max_prompt_words"]),
        link_labels=words("link_labels"),
        lead_labels=words("lead_labels"),
        credit_labels=words("credit_labels"),
        credit_names=words("credit_names"),
        max_credit_words=int(data["max_credit_words"]),
        picture_nouns=words("picture_nouns"),
        offer_words=words("offer_words"),
        offer_terms=words("offer_terms"),
        max_offer_words=int(data["max_offer_words"]),
        reading_words=words("reading_words"),
        reading_fillers=words("reading_fillers"),
        reading_units=words("reading_units"),
        max_reading_words=int(data["max_reading_words"]),
    )


@lru_cache(maxsize=1)
def _patterns(words: FurnitureWords) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The counter pattern ("Slideshow (2 Images)", "(4 photos)", "Photo 1 of 3") and the pattern of a
    bracket short enough to be a credit."""
    nouns = "|".join(sorted((re.escape(n) for n in words.picture_nouns), key=len, reverse=True))
    counter = re.compile(
        rf"(?:\b(?:{nouns})\s*)?\(\s*\d+\s+(?:{nouns})\s*\)|\b(?:{nouns})\s+\d+\s+of\s+\d+\b", re.IGNORECASE
    )
    return counter, re.compile(r"\(([^()\n]{1,120})\)")


def _label(line: str, labels: frozenset[str], *, by: bool = False) -> str:
    """The label of ``labels`` that begins ``line`` before a separator (:data:`_SEPARATOR`; or "by", with
    ``by``); empty when there is none."""
    after = _SEPARATOR + (r"|\s+by\s" if by else "")
    match = re.match(rf"\s*([^\W\d_][^:|\n]{{0,30}}?)(?:{after})", line, re.IGNORECASE)
    if match is None:
        return ""
    label = _plain(match.group(1))
    return label if label in labels else ""


def is_link_line(line: str) -> bool:
    """A crawled link: the line begins with a page label ("Related", "Read more") and a colon, dash or bar."""
    return bool(_label(line, furniture_words().link_labels))


def is_credit(text: str) -> bool:
    """A picture's credit or caption (a line, or the inside of a bracket): a credit label and a separator or
    "by" ("Photo: ...", "Photograph by ..."), a two-word credit label and anything ("Image copyright ..."), or
    at most ``max_credit_words`` capitalised words in parts joined by slashes, each part a name of at most
    :data:`MAX_CREDIT_SIDE_WORDS` words and one made of credit names only ("REUTERS/Ana Ruiz", "AP Photo/Ana
    Ruiz", "Ana Ruiz/Getty Images"; not "Leads In Reuters/Ipsos Poll")."""
    words = furniture_words()
    if _label(text, words.credit_labels, by=True):
        return True
    plain = _plain(text.strip(_EDGE))
    if any(plain.startswith(label + " ") for label in words.credit_labels if " " in label):
        return True
    if "/" not in text or plain.count(" ") >= words.max_credit_words:
        return False
    sides = [side.split() for side in text.strip(_EDGE).split("/")]
    if any(not side or len(side) > MAX_CREDIT_SIDE_WORDS for side in sides):
        return False
    if not all(w[:1].isupper() or w.lower() in ("by", "via", "for", "of") for side in sides for w in side):
        return False
    return any(all(_plain(w.strip(_EDGE)) in words.credit_names for w in side) for side in sides)


#: A word of an offer line: an amount with its currency mark ("$4.99", "99¢", "£1"), a number, a word, or a mark.
_OFFER_TOKEN = re.compile(r"[$€£¥]?\d[\d.,]*(?:¢|[$€£¥])?|[^\W\d_]+(?:['\u2019][^\W\d_]+)?|[/|:+-]")
#: A currency mark that makes an amount a price.
_PRICE_MARKS = frozenset("$€£¥¢")


def is_offer_line(line: str) -> bool:
    """A subscription or membership offer ("99¢ for the first month", "$1 for 6 months"): a short line of
    prices, numbers and ``offer_words`` only, with a price and one of ``offer_terms`` (``furniture.yaml``)."""
    words = furniture_words()
    tokens = _OFFER_TOKEN.findall(_plain(line.strip(_EDGE)))
    if not tokens or len(tokens) > words.max_offer_words:
        return False
    prices = [t for t in tokens if t[:1].isdigit() or t[:1] in _PRICE_MARKS]
    if not any(set(t) & _PRICE_MARKS for t in prices) or not any(t in words.offer_terms for t in tokens):
        return False
    return all(t in prices or t in words.offer_words for t in tokens)


def is_reading_time_line(line: str) -> bool:
    """A page's reading-time estimate ("2 min read", "Reading time: 3 minutes"): a short line of one number, a
    word of ``reading_units``, one of ``reading_words`` and no other word than ``reading_fillers``
    (``furniture.yaml``)."""
    words = furniture_words()
    tokens = _WORD.findall(_plain(line.strip(_EDGE)))
    if not tokens or len(tokens) > words.max_reading_words:
        return False
    numbers = [t for t in tokens if t.isdigit()]
    kinds = (words.reading_units, words.reading_words)
    return len(numbers) == 1 and all(any(t in kind for t in tokens) for kind in kinds) and all(
        t in numbers or any(t in kind for kind in (*kinds, words.reading_fillers)) for t in tokens)


# a pure test of a string, asked of the same lines by the sentence splitter, the furniture spans and the speakers
@lru_cache(maxsize=4096)
def is_furniture_line(line: str) -> bool:
    """Whether a whole line is furniture (see the module docstring): a listed line, a row of buttons, a prompt,
    a link, or a credit. An empty line is not."""
    words = furniture_words()
    plain = _plain(line.strip(_EDGE))
    if not plain:
        return False
    if plain in words.lines or is_link_line(line) or is_credit(line) or words.counter.fullmatch(line.strip()) or (
        is_offer_line(line) or is_reading_time_line(line)
    ):
        return True
    tokens = _WORD.findall(plain)
    if len(tokens) <= words.max_button_words and _buttons(plain, words):
        return True
    return len(tokens) <= words.max_prompt_words and any(
        plain == prompt or plain.startswith(prompt + " ") for prompt in words.prompts
    )


def _buttons(plain: str, words: FurnitureWords) -> bool:
    """A row of buttons: every word a button or a filler (two-word buttons such as "copy link" read first),
    at least one a button."""
    for button in words.buttons:
        if " " in button:
            plain = plain.replace(button, "share")
    tokens = _WORD.findall(plain)
    return any(t in words.buttons for t in tokens) and all(
        t in words.buttons or t in words.button_fillers for t in tokens
    )


#: A dateline at a line's start: the place in capitals (one to four words, "WASHINGTON", "NEW YORK"), maybe a
#: region or a day after a comma ("Wash.", "March 3"), maybe the agency in brackets ("(AP)", "(Reuters)"), and a
#: dash with space after it, or set solid against a capital (checked in :func:`dateline_spans`: "GENEVA—The",
#: "MADRID -The"). Before it only what a crawl or a printer puts there ending in a word with a digit (a metadata
#: date: "date 2020-05-12 WASHINGTON (AP) —"); "The WHO — the agency ..." is copy, no dateline.
DATELINE = re.compile(
    r"^[ \t\u00a0]*(?:[^\n.!?\"\u201c\u201d]{0,40}?\d[^\s]*[ \t]+)?"
    r"(?P<place>[A-Z][A-Z.'\u2019-]+(?:[ \t]+[A-Z][A-Z.'\u2019-]+){0,3})"
    r"(?:,[ \t]*[A-Z0-9][\w.]*(?:[ \t]+[A-Z0-9][\w.]*){0,2})?"
    r"(?:[ \t]*\([^()\n]{1,30}\))?[ \t]*(?:--|[\u2013\u2014]|-(?=[ \t])|(?<=[ \t)])-(?=[A-Z]))"
    r"(?=[ \t]|(?<=[\u2013\u2014-])[A-Z])",
    re.MULTILINE,
)
#: Capitals a place needs before a dash set solid against the next word ("GENEVA—The", "MADRID -The"): fewer,
#: and it reads as a pairing of names ("US—China talks"), not a dateline.
SOLID_DASH_PLACE_CAPITALS = 4

#: A dateline with a colon: one to three capitalised words at a line's start ("JUNEAU:", "NEW DELHI:",
#: "Montgomery:"), a colon, and copy opening with a capital on the same line. The words are checked in
#: :func:`colon_place` (no label, no title) and the line must end a sentence (:data:`SENTENCE_END`): a headline
#: or label line ("BREAKING NEWS: Deaths Surge Over Night", "Coronavirus: deaths rise by 813") is none.
COLON_DATELINE = re.compile(
    r"^[ \t\u00a0]*(?P<place>[A-Z][^\W\d_]*(?:[.'\u2019-][^\W\d_]+)*\.?"
    r"(?:[ \t]+[A-Z][^\W\d_]*(?:[.'\u2019-][^\W\d_]+)*\.?){0,2})"
    r"[ \t]*:[ \t]+(?=[A-Z])(?P<rest>[^\n]*)",
    re.MULTILINE,
)
#: A sentence's end in a line of copy: a full stop, question or exclamation mark (maybe inside a closing
#: quotation mark) at the line's end or before the capital of the next sentence; not the point of an initial or
#: an abbreviation in capitals ("U.S. tops 100,000"). A headline has none; a paragraph of copy has one even
#: where the crawl cut its last sentence short.
SENTENCE_END = re.compile(r"(?<![A-Z.])[.!?][\"'\u201d\u2019)]*(?:\s+[\"\u201c]?[A-Z]|\s*$)")


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """Titles and honorifics (``source_nouns.yaml``), lowercased without a final full stop: a line opening
    "Governor Baker:" or "Dr. Acton:" names a person (a headline's speaker), no place."""
    nouns = read_yaml("source_nouns.yaml")
    return frozenset(str(t).lower().rstrip(".") for key in ("titles", "honorifics") for t in nouns[key])


def colon_place(words: str) -> bool:
    """Whether the capitalised words before a line's colon may be a dateline's place: none of them a title or
    honorific, and the words together no ``lead_labels``, ``link_labels`` or ``credit_labels`` label
    (``furniture.yaml``: "Note", "Update", "Related", "Photo"). A person's name alone before a colon ("Ruiz:
    ...", a transcript) is not told from a place: the narrator's either way, never the content's."""
    furniture, plain = furniture_words(), _plain(words)
    if plain in furniture.lead_labels | furniture.link_labels | furniture.credit_labels:
        return False
    return not any(w.rstrip(".") in _title_words() for w in plain.split())


#: A wire credit at a line's start, the place not in capitals: a short lead of capitalised words and numbers with a
#: day in digits ("Sept 13", "New Delhi, March 24, 2020", two places with a slash: "PARIS/BERLIN, Nov 4"), the agency in brackets as a name ("(Reuters)", "(AFP)", "(Sky News)"), and a dash with
#: space after it. A bracket of lower-case words ("The minister (pictured) — ...") is copy.
WIRE_CREDIT = re.compile(
    r"^[ \t\u00a0]*(?P<lead>(?:[A-Z][\w./'\u2019-]*|\d[\w./-]*)(?:,?[ \t]+(?:[A-Z][\w./'\u2019-]*|\d[\w./-]*)){0,6}),?[ \t]*"
    r"\((?:[A-Z][\w.&'\u2019-]*)(?:[ \t]+[A-Z][\w.&'\u2019-]*){0,3}\)[ \t]*(?:--|[\u2013\u2014]|-(?=[ \t]))(?=[ \t])",
    re.MULTILINE,
)


def _after_indent(match: re.Match) -> int:
    """Where a match at a line's start begins once the spaces before it are left out."""
    return match.start() + len(match.group(0)) - len(match.group(0).lstrip())


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each dateline (:data:`DATELINE`, :data:`WIRE_CREDIT`, :data:`COLON_DATELINE`) in
    ``text``, with whatever stands before it on its line, up to and with its dash or colon: "date 2020-05-12
    WASHINGTON (AP) —" in "date 2020-05-12 WASHINGTON (AP) — Dr. Ana Ruiz is warning ...", "Sept 13 (Reuters) –"
    in "Sept 13 (Reuters) – Disclosures show ...", "JUNEAU:" in "JUNEAU: The state will ...". Not a dateline: a
    place in capitals with no dash after it, or a line of copy with words before it ("Officials in LONDON — ..."),
    or a word of fewer than two capitals ("A — B"), or a bracket of lower-case words; before a colon, a label or
    title ("Note: ...", "Governor Baker: ..."), or a line that ends no sentence (a headline)."""
    spans = []
    for match in DATELINE.finditer(text):
        capitals = len(re.sub(r"[^A-Z]", "", match.group("place")))
        solid = match.end() < len(text) and not text[match.end()].isspace()
        if capitals >= (SOLID_DASH_PLACE_CAPITALS if solid else 2):
            spans.append((_after_indent(match), match.end()))
    taken = {end for _, end in spans}
    for match in WIRE_CREDIT.finditer(text):
        if match.end() not in taken and any(c.isdigit() for c in match.group("lead")):
            spans.append((_after_indent(match), match.end()))
    for match in COLON_DATELINE.finditer(text):
        if colon_place(match.group("place")) and SENTENCE_END.search(match.group("rest")):
            colon = text.rindex(":", match.start("place"), match.start("rest"))
            spans.append((match.start("place"), colon + 1))
    return sorted(spans)


@dataclass(frozen=True)
class Furniture:
    """The furniture spans of one text, sorted and apart: ``(start, end)`` character offsets."""

    spans: tuple[tuple[int, int], ...]

    def covers(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` (a row's span) lies inside one furniture span."""
        at = bisect.bisect_right(self.spans, (start, float("inf"))) - 1
        return at >= 0 and self.spans[at][0] <= start and max(end, start + 1) <= self.spans[at][1]

    def holds_text(self, text: str, start: int, end: int) -> bool:
        """:meth:`covers` of ``text[start:end]`` without its trailing space (an entity the model ran over a line
        break ends in it, and the break is no part of what it names)."""
        return self.covers(start, start + len(text[start:end].rstrip()))

    def holds(self, offset: int) -> bool:
        """Whether the character at ``offset`` is furniture."""
        return self.covers(offset, offset + 1)


def furniture_of(text: str) -> Furniture:
    """The furniture of ``text`` (the parse's view or the original: same offsets): every furniture line, its
    edge space left out, and every counter and bracketed credit; overlapping spans joined."""
    words = furniture_words()
    spans: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if is_furniture_line(line):
            lead = len(line) - len(line.lstrip())
            spans.append((start + lead, start + len(line.rstrip())))
        start = end + 1
    spans += [m.span() for m in words.counter.finditer(text)]
    spans += [m.span() for m in words.bracket.finditer(text) if is_credit(m.group(1))]
    joined: list[tuple[int, int]] = []
    for span in sorted(spans):
        if joined and span[0] <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(joined[-1][1], span[1]))
        else:
            joined.append(span)
    return Furniture(tuple(joined))
