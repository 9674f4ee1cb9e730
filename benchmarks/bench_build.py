"""Speed and memory of `analysis.build`, against a bare spaCy parse of the same corpus.

    python benchmarks/bench_build.py [CORPUS] [--copies N]

The corpus (default: seeds/) is copied N times into a temporary folder, so that a one-article corpus is
still long enough to time. Each measurement runs in its own process, so peak memory (max RSS) is that
phase's alone. Prints words/s, seconds, peak memory, and the ratio of the full build to the bare parse.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PHASES = ("bare_parse", "build")


def replicate(corpus: Path, copies: int, into: Path) -> Path:
    """``copies`` copies of every article of ``corpus`` under ``into``, each with its own doc_id."""
    articles = sorted(p for p in corpus.iterdir() if p.suffix in (".txt", ".md"))
    for i in range(copies):
        for article in articles:
            shutil.copyfile(article, into / f"{i:05d}_{article.name}")
    return into


def run_phase(phase: str, corpus: Path) -> dict:
    """Time one phase in this process and report words, seconds and peak RSS (MB) as a dict."""
    import resource

    import spacy

    from analysis.corpus import parse_view, read_corpus
    from analysis.nlp import load_pipeline, model_name
    from analysis.pipeline import BATCH_SIZE

    documents = read_corpus(corpus).documents
    if phase == "bare_parse":
        nlp = spacy.load(model_name())
        started = time.perf_counter()
        # the same batch size as build(), so that the two phases differ only in what build() adds
        docs = nlp.pipe((parse_view(d) for d in documents), batch_size=BATCH_SIZE)
        words = sum(sum(1 for t in doc if not (t.is_punct or t.is_space)) for doc in docs)
        seconds = time.perf_counter() - started
    else:
        import analysis

        nlp = load_pipeline()
        started = time.perf_counter()
        tables = analysis.build(corpus, nlp=nlp)
        seconds = time.perf_counter() - started
        words = int(tables.documents["n_words"].sum())
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"phase": phase, "documents": len(documents), "words": words, "seconds": seconds, "peak_mb": peak_mb}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", default="seeds", type=Path)
    parser.add_argument("--copies", type=int, default=100, help="copies of the corpus to time (default 100)")
    parser.add_argument("--phase", choices=PHASES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(run_phase(args.phase, args.corpus)))
        return 0
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = replicate(args.corpus, args.copies, Path(tmp))
        for phase in PHASES:
            out = subprocess.run(
                [sys.executable, __file__, str(corpus), "--phase", phase], capture_output=True, text=True, check=True
            )
            results[phase] = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"corpus: {args.corpus} x {args.copies} copies")
    print(f"{'phase':<12}{'docs':>7}{'words':>10}{'seconds':>10}{'words/s':>10}{'peak MB':>10}")
    for phase in PHASES:
        r = results[phase]
        print(f"{phase:<12}{r['documents']:>7}{r['words']:>10}{r['seconds']:>10.2f}{r['words'] / r['seconds']:>10.0f}{r['peak_mb']:>10.0f}")
    ratio = results["build"]["seconds"] / results["bare_parse"]["seconds"]
    print(f"build / bare parse time: {ratio:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
