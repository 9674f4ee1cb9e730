"""Generated news-like articles for benchmarks and scale tests: varied, deterministic, never presented as news.

Every article is assembled from sentence templates (quotes, reported speech, figures with units and
currencies, hedges, dates) filled with names, places, organisations and numbers drawn by a seeded random
generator, so no two articles are copies of each other: caches keyed on content and any deduplication see a
corpus of distinct texts, as they would a real one. The people, places and outlets are invented.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

GIVEN = ["Maria", "James", "Aisha", "Tomasz", "Lena", "Kwame", "Priya", "Diego", "Hannah", "Yusuf", "Ingrid",
         "Mateo", "Chloe", "Ravi", "Sofia", "Daniel", "Amara", "Oskar", "Nadia", "Samuel"]
FAMILY = ["Okafor", "Lindqvist", "Moreau", "Haddad", "Novak", "Fernandes", "Kowalski", "Tanaka", "Brennan",
          "Ibrahim", "Castellano", "Weber", "Mensah", "Kaur", "Petrov", "Alvarez", "Nakamura", "Duarte"]
ROLES = ["the mayor", "a spokeswoman for the ministry", "the company's chief executive", "a senior police officer",
         "an economist at the central bank", "the union leader", "a local farmer", "the health minister"]
ORGS = ["the Harbour Authority", "Northgate Energy", "the Coastal Water Board", "Redfield Mining",
        "the National Rail Company", "Silverline Bank", "the Regional Health Service", "Apex Telecom"]
PLACES = ["Port Aldren", "Kessington", "the Valen district", "Marrowby", "East Coriva", "Lake Tennet",
          "the Brask highlands", "Oldmere"]
OUTLETS = ["The Daily Ledger", "Coast Herald", "Metro Wire", "The Evening Post", "Valley Times"]
NOUNS = ["homes", "workers", "passengers", "households", "patients", "jobs", "vehicles", "schools", "farms"]
UNITS = ["km", "miles", "tonnes", "litres", "hectares", "metres"]
VERBS = ["said", "told reporters", "warned", "claimed", "insisted", "added", "explained"]
HEDGES = ["may", "could", "is likely to", "appears to", "is expected to", "might"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
TEMPLATES = [
    '"{clause}," {verb} {person}, {role}.',
    "{Person} {verb} that {clause}.",
    "According to {org}, {number} {noun} were affected in {place} on {day}.",
    "{Org} said its profit rose {pct}% to ${money} million in the quarter.",
    "The storm {hedge} reach {place} by {day}, forecasters {verb2}.",
    "About {number} {noun} lost power, and repairs {hedge} take {days} days.",
    "Officials said nearly {dist} {unit} of road had been closed near {place}.",
    "{Person}, who has led {org} since {year}, declined to comment.",
    "Prices fell {pct} per cent to {price} on {day}, the lowest level since {year}.",
    "Critics argue that the plan {hedge} cost more than {money} million euros.",
]
CLAUSES = ["we will rebuild every one of them", "the figures do not add up", "nobody was warned in time",
           "the repairs are going faster than planned", "this was never about the money",
           "the decision was taken far too late", "families deserve a clear answer"]


def article(rng: random.Random, sentences: int) -> str:
    """One article of ``sentences`` sentences, in paragraphs of two or three."""
    out = []
    for _ in range(sentences):
        person = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
        org = rng.choice(ORGS)
        fields = dict(
            clause=rng.choice(CLAUSES), verb=rng.choice(VERBS), verb2=rng.choice(["said", "warned"]),
            person=person, Person=person, role=rng.choice(ROLES), org=org, Org=org[0].upper() + org[1:],
            number=f"{rng.randint(2, 90_000):,}", noun=rng.choice(NOUNS), place=rng.choice(PLACES),
            day=rng.choice(DAYS), pct=f"{rng.randint(1, 40)}.{rng.randint(0, 9)}", money=f"{rng.randint(2, 900)}",
            hedge=rng.choice(HEDGES), days=rng.randint(2, 30), dist=rng.randint(2, 400), unit=rng.choice(UNITS),
            year=rng.randint(1990, 2024), price=f"{rng.randint(100, 20_000):,}.{rng.randint(10, 99)}",
        )
        out.append(rng.choice(TEMPLATES).format(**fields))
    paragraphs, i = [], 0
    while i < len(out):
        step = rng.choice([2, 3])
        paragraphs.append(" ".join(out[i : i + step]))
        i += step
    return "\n\n".join(paragraphs) + "\n"


def write_corpus(folder: Path, n: int, *, seed: int = 1, sentences: tuple[int, int] = (8, 16)) -> Path:
    """``n`` generated articles as ``folder/gen_NNNNNN.txt`` (deterministic for a given seed)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    for i in range(n):
        (folder / f"gen_{i:06d}.txt").write_text(article(rng, rng.randint(*sentences)), encoding="utf-8")
    return folder


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    write_corpus(args.folder, args.n, seed=args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
