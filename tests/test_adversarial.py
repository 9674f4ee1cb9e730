"""No stage may raise on hostile copy: 1,000 generated sentences with odd numbers, units and quotation marks
build with no `errors` rows, and every span still gives back its text."""

from __future__ import annotations

import random

import analysis
from analysis.reading import Corpus, Document
from test_pipeline import provenance_errors

NUMBERS = ["-1.3", "+0.2", "minus-5", "0", "-0", "1e6", "3/4", "½", "1,334.20", "13176", "2.5", "-273.15", "∞",
           "9" * 40, "0.000001", "4.3M", "2.7m", "1.2bn", "~45", "sub-7", "1,2,3", "12-15", "3–4", "$-50.8bn"]
UNITS = ["F", "C", "°F", "°C", "degF", "deg C", "degrees Fahrenheit", "K", "kHz", "GHz", "Mbps", "nm", "mm", "g",
         "l", "min", "pc", "per cent", "%", "p", "sq mi", "km²", "acres", "HK$", "US$", "$US", "RM", "Rs", "£", "€",
         "mph", "knots", "", "farads", "million", "tonnes"]
QUOTES = [('"', '"'), ("\u201c", "\u201d"), ("\u2018", "\u2019"), ("''", "''"), ("«", "»"), ('"', ""), ("", '"'),
          ("'", "'"), ("\u201e", "\u201c"), ("``", "''")]
FRAMES = [
    "{q0}We lost {n} {u} overnight,{q1} the official said.",
    "Temperatures fell to {n} {u} on Tuesday, {q0}a record{q1}.",
    "The index ended at {n} {u} after rising {n2}{u2}.",
    "{q0}{n}{u}{q1} -- that is what the chip draws, according to documents.",
    "Between {n} {u} and {n2} {u2} were reported, he said{q1}",
    "It cost {u}{n} and {n2}{u2} more, {q0}roughly{q1}, officials estimated.",
    "{q0}{q0}{n}{q1}{q1} {u}{u2} {n2}",
]


def adversarial_sentences(n: int = 1000, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        q0, q1 = rng.choice(QUOTES)
        out.append(rng.choice(FRAMES).format(
            q0=q0, q1=q1, n=rng.choice(NUMBERS), n2=rng.choice(NUMBERS), u=rng.choice(UNITS), u2=rng.choice(UNITS)
        ))
    return out


def test_a_thousand_adversarial_sentences_raise_nowhere(nlp):
    sentences = adversarial_sentences()
    # Ten sentences an article, so that stages that compare figures within a document have pairs to compare.
    documents = [
        Document(f"adv{i:03d}", f"adv{i:03d}.txt", " ".join(sentences[i : i + 10]), f"{i:064x}")
        for i in range(0, len(sentences), 10)
    ]
    tables = analysis.build(Corpus(documents=documents), nlp=nlp)
    assert tables.errors.empty, tables.errors.head(10).to_dict("records")
    assert len(tables.documents) == len(documents)
    assert provenance_errors(tables) == []
