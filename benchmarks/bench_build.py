"""Speed and memory of the build, measured against a bare spaCy parse of the same corpus.

    python benchmarks/bench_build.py [--sizes 100 200 1000 10000] [--skip-run] [--phases rebuilds]

Prints, for generated corpora of each size (varied articles, see ``generate_corpus.py``): bare-parse words/s
(one process, and spaCy's two), build words/s and their ratios at equal cores, peak memory, ``--jobs 1`` against
``--jobs 2``, and a cold build against rebuilds after one article was added, changed or removed, and with
nothing changed. Then the seed article 200 times in one file against 200 files, and what
``python -m analysis run`` adds to the build on 20 and 300 articles (and that it runs on a folder whose name has
spaces). Every measurement runs in its own process, so peak memory (max RSS) is that phase's alone. Nothing here
is asserted: the figures are printed, to be read and quoted.
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

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_34cfc605f5ff8a7c.txt"
sys.path.insert(0, str(ROOT / "benchmarks"))

from generate_corpus import write_corpus  # noqa: E402


def phase(name: str, corpus: str, out: str, jobs: int, load_model: bool = True) -> dict:
    """Run one measurement in this process; words, seconds and peak RSS (MB)."""
    import resource

    if name.startswith("bare_parse"):
        import spacy

        from analysis.reading import parse_view, read_corpus
        from analysis.extraction.nlp import model_name
        from analysis.extraction.pipeline import BATCH_SIZE

        documents = read_corpus(corpus).documents
        nlp = spacy.load(model_name())
        started = time.perf_counter()
        # The same batch size as the build, so that the two differ only in what the build adds; with more
        # than one process, spaCy's own n_process (whose workers' start is timed, as the build's is).
        docs = nlp.pipe((parse_view(d) for d in documents), batch_size=BATCH_SIZE, n_process=jobs)
        words = sum(sum(1 for t in doc if not (t.is_punct or t.is_space)) for doc in docs)
        seconds = time.perf_counter() - started
    else:
        from analysis import build_to_dir
        from analysis.catalogue.beat import load_beat
        from analysis.extraction.nlp import pipeline_for

        # As for the bare parse, loading the model is not timed for a cold build, whatever the jobs: forked
        # workers share the loaded one, as spaCy's do in the bare parse. Starting the workers is timed, as in the
        # bare parse. A rebuild is timed as a user waits for it: the model is loaded only if an article is parsed.
        # The pipeline is the one the build asks for: that of its beat's catalogue (``load_beat``), whose
        # fingerprint differs from the folder's whole catalogue (``Catalogue.for_beat``); loading the latter
        # left the build to load the model again inside the timed run.
        if load_model:
            pipeline_for(load_beat(Path(corpus)).catalogue)
        started = time.perf_counter()
        report = build_to_dir(corpus, out, n_process=jobs)
        seconds = time.perf_counter() - started
        words = report.words
        name = f"{name} (parsed {report.parsed}, cached {report.cached})"
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # the largest worker process's peak, where there were workers
    worker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"phase": name, "words": words, "seconds": seconds, "peak_mb": peak, "worker_peak_mb": worker}


def measure(name: str, corpus: Path, out: Path | None = None, jobs: int = 1, *, load_model: bool = True) -> dict:
    args = [sys.executable, __file__, "--phase", name, str(corpus), str(out or ""), str(jobs), str(int(load_model))]
    done = subprocess.run(args, capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(done.stdout.strip().splitlines()[-1])


def row(result: dict) -> str:
    rate = result["words"] / result["seconds"] if result["seconds"] else 0
    worker = f" / {result['worker_peak_mb']:.0f}" if result.get("worker_peak_mb") else ""
    return f"| {result['phase']} | {result['words']:,} | {result['seconds']:.1f} | {rate:,.0f} | {result['peak_mb']:.0f}{worker} |"


def rebuilds_only(n: int, tmp: Path, sentences: tuple[int, int]) -> list[str]:
    """The default build of ``n`` generated articles and its rebuilds, nothing else (``--phases rebuilds``)."""
    corpus = write_corpus(tmp / f"gen{n}", n, seed=n, sentences=sentences)
    two = measure("build --jobs 2", corpus, tmp / f"out{n}_2", 2)
    rebuilds = incremental_rebuilds(corpus, tmp / f"out{n}_2", tmp / f"extra{n}", seed=n + 7)
    lines = [f"### {n:,} generated articles: rebuilds", "", "| phase | words | seconds | words/s | peak MB (main / largest worker) |", "|---|---|---|---|---|"]
    shutil.rmtree(corpus)
    return lines + [row(r) for r in (two, *rebuilds)] + [""]


def corpus_size(n: int, tmp: Path, sentences: tuple[int, int], *, equal_cores: bool = True) -> list[str]:
    corpus = write_corpus(tmp / f"gen{n}", n, seed=n, sentences=sentences)
    bare = measure("bare_parse", corpus)
    two = measure("build --jobs 2", corpus, tmp / f"out{n}_2", 2)
    if not equal_cores:
        rebuilds = incremental_rebuilds(corpus, tmp / f"out{n}_2", tmp / f"extra{n}", seed=n + 7)
        lines = [f"### {n:,} generated articles", "", "| phase | words | seconds | words/s | peak MB (main / largest worker) |", "|---|---|---|---|---|"]
        lines += [row(r) for r in (bare, two, *rebuilds)]
        lines += ["", f"default build (2 jobs) / default bare parse (1 process): {bare['seconds'] / two['seconds']:.2f}", ""]
        shutil.rmtree(corpus)
        return lines
    bare_two = measure("bare_parse, 2 processes", corpus, jobs=2)
    one = measure("build --jobs 1", corpus, tmp / f"out{n}_1", 1)
    rebuilds = incremental_rebuilds(corpus, tmp / f"out{n}_2", tmp / f"extra{n}", seed=n + 7)
    lines = [f"### {n:,} generated articles", "", "| phase | words | seconds | words/s | peak MB (main / largest worker) |", "|---|---|---|---|---|"]
    lines += [row(r) for r in (bare, bare_two, one, two, *rebuilds)]
    rebuild = rebuilds[0]
    lines += [
        "",
        f"build / bare parse throughput, equal cores: {bare['seconds'] / one['seconds']:.2f} (1 process), "
        f"{bare_two['seconds'] / two['seconds']:.2f} (2 processes);  default build (2 jobs) / default bare parse "
        f"(1 process): {bare['seconds'] / two['seconds']:.2f};  jobs 2 speed-up: {one['seconds'] / two['seconds']:.2f}x;  "
        f"cold build (2 jobs) / rebuild after one added: {two['seconds']:.1f} s / {rebuild['seconds']:.1f} s",
        "",
    ]
    shutil.rmtree(corpus)
    return lines


def incremental_rebuilds(corpus: Path, out: Path, spare: Path, *, seed: int) -> list[dict]:
    """Rebuilds of a built corpus (through the default build, as a user runs it again): after adding one
    article, after changing one, after removing one, and with nothing changed. Each is timed with the model
    load, as a user's rebuild pays it."""
    write_corpus(spare, 2, seed=seed)
    shutil.copyfile(spare / "gen_000000.txt", corpus / "added_article.txt")
    added = measure("rebuild after adding one", corpus, out, 2, load_model=False)
    changed_file = sorted(corpus.glob("gen_*.txt"))[len(list(corpus.glob("gen_*.txt"))) // 2]
    shutil.copyfile(spare / "gen_000001.txt", changed_file)
    changed = measure("rebuild after changing one", corpus, out, 2, load_model=False)
    (corpus / "added_article.txt").unlink()
    removed = measure("rebuild after removing one", corpus, out, 2, load_model=False)
    nothing = measure("rebuild with nothing changed", corpus, out, 2, load_model=False)
    return [added, changed, removed, nothing]


def one_file_against_many(tmp: Path, copies: int = 200) -> list[str]:
    text = SEED.read_text(encoding="utf-8")
    one = tmp / "one_file"
    one.mkdir()
    (one / "seed_x200.txt").write_text("\n\n".join([text] * copies), encoding="utf-8")
    many = tmp / "many_files"
    many.mkdir()
    for i in range(copies):
        (many / f"seed_{i:03d}.txt").write_text(text, encoding="utf-8")
    big = tmp / "two_megabytes"
    big.mkdir()
    (big / "seed_2mb.txt").write_text("\n\n".join([text] * (2_000_000 // len(text) + 1)), encoding="utf-8")
    a = measure(f"seed x{copies} in one file", one, tmp / "out_one", 1)
    b = measure(f"seed in {copies} files", many, tmp / "out_many", 1)
    c = measure("one 2 MB article (the seed repeated)", big, tmp / "out_big", 1)
    return [
        f"### The seed article {copies} times: one file against {copies} files, and one 2 MB article", "",
        "| phase | words | seconds | words/s | peak MB (main / largest worker) |", "|---|---|---|---|---|", row(a), row(b), row(c), "",
        f"one file / many files time: {a['seconds'] / b['seconds']:.2f}", "",
    ]


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT, capture_output=True)
    return time.perf_counter() - started


def run_overhead(tmp: Path) -> list[str]:
    """What `python -m analysis run` adds to the build (notebooks and HTML), on a built corpus of 20 and 300."""
    lines = ["### What `python -m analysis run` adds to the build", "", "| articles | build (cached) s | run s | added s |",
             "|---|---|---|---|"]
    for n in (20, 300):
        corpus = write_corpus(tmp / f"a folder with spaces {n}", n, seed=1000 + n)
        out = tmp / f"run out {n}"
        subprocess.run([sys.executable, "-m", "analysis", "build", str(corpus), "--out", str(out / "tables")],
                       check=True, cwd=ROOT, capture_output=True)
        build = timed([sys.executable, "-m", "analysis", "build", str(corpus), "--out", str(out / "tables")])
        run = timed([sys.executable, "-m", "analysis", "run", str(corpus), "--out", str(out)])
        html = sorted(p.name for p in (out / "html").glob("*.html"))
        lines.append(f"| {n} | {build:.1f} | {run:.1f} | {run - build:.1f} |")
    lines += ["", f"`python -m analysis run` on a folder with spaces wrote: {', '.join(html)}", ""]
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 200, 1000, 10000])
    parser.add_argument("--sentences", type=int, nargs=2, default=(8, 16), metavar=("MIN", "MAX"),
                        help="sentences per generated article (default 8 16)")
    parser.add_argument("--skip-run", action="store_true", help="leave out the `analysis run` overhead")
    parser.add_argument("--skip-long", action="store_true", help="leave out the one-file and 2 MB measurements")
    parser.add_argument("--skip-equal-cores", type=int, nargs="*", default=[], metavar="N",
                        help="sizes at which to leave out the two-process bare parse and the one-job build")
    parser.add_argument("--phases", choices=["all", "rebuilds"], default="all",
                        help="rebuilds: only the default build and its rebuilds (added, changed, removed, nothing)")
    parser.add_argument("--phase", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        name, corpus, out, jobs, load_model = args.phase
        print(json.dumps(phase(name, corpus, out, int(jobs), bool(int(load_model)))))
        return 0
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for n in args.sizes:
            if args.phases == "rebuilds":
                print("\n".join(rebuilds_only(n, tmp, tuple(args.sentences))), flush=True)
                continue
            lines = corpus_size(n, tmp, tuple(args.sentences), equal_cores=n not in args.skip_equal_cores)
            print("\n".join(lines), flush=True)
        if not args.skip_long:
            print("\n".join(one_file_against_many(tmp)), flush=True)
        if not args.skip_run:
            print("\n".join(run_overhead(tmp)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
