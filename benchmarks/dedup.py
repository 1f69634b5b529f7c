"""Near-duplicate clustering benchmark: newsclean vs plain datasketch vs rensa, in one run.

Quality (ARI via sklearn ``adjusted_rand_score`` + pairwise precision/recall/F1)
on the Reuters-21578 dev split (silver labels, ``../shared/bench/reuters21578-dev``)
and on the syndication simulator (``benchmarks/syndicate.py`` over the ScrapingHub
ground truth); speed (documents per second, end to end: shingle, sign, index,
verify, cluster) and peak RSS at 10k and 100k documents of the scaled simulated
corpus -- every (implementation, size) in a fresh subprocess whose own rusage
is read with ``os.wait4``, so they do not pollute each other. Besides wall
time it reports the CPU time of the timed run (with a pool's workers): on a
machine shared with other jobs, docs per CPU second compare more fairly.

The peers, configured as a user would reach for them:

* **datasketch**: lowercased whitespace word 3-grams, per document
  ``MinHash(num_perm=128).update_batch`` (SHA-1), ``MinHashLSH``, union-find
  over every LSH candidate (no verification);
* **rensa**: the same shingles, ``RMinHash(num_perm=128).update`` per
  document and ``RMinHashLSH``, union-find over the candidates;
* **rensa-bulk**: rensa's bulk calls (``RMinHash.from_token_sets``,
  ``insert_many``, ``query_all``) -- its fastest Python pipeline.

``newsclean`` is the default (one process); ``newsclean-2proc`` prepares the
texts (tokens, shingles, signatures, figures) in a pool of two processes
(``DedupOptions(workers=2)``; same labels); ``newsclean-2thread`` prepares
them on two threads (``DedupOptions(threads=2)``: the compiled loops release
the GIL; same labels) -- the peers use one core.

Their LSH thresholds are the best of a sweep on Reuters dev (see NOTES-dedup.md).

Usage::

    pip install datasketch rensa scikit-learn
    python benchmarks/dedup.py                          # everything (~15 min on 2 cores)
    python benchmarks/dedup.py --sizes 10000 --only newsclean,rensa
    python benchmarks/dedup.py --skip-speed             # quality tables only
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from math import comb
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import syndicate  # noqa: E402

DEFAULT_REUTERS = ROOT.parent / "shared" / "bench" / "reuters21578-dev" / "articles.jsonl.gz"
DEFAULT_GT = syndicate.DEFAULT_GT

Doc = dict[str, Any]
Labels = dict[Any, Any]

NUM_PERM = 128
DATASKETCH_THRESHOLD = 0.6  # best of the Reuters dev sweep 0.3..0.9 (NOTES-dedup.md)
RENSA_THRESHOLD = 0.6  # rensa's query ignores it: the bands decide
RENSA_BANDS = 16  # 16 x 8 rows: best of the Reuters dev sweep 8, 16, 32, 64


# -- peers --------------------------------------------------------------------------
class _UnionFind:
    def __init__(self, n: int) -> None:
        self.p = list(range(n))

    def find(self, x: int) -> int:
        p = self.p
        while p[x] != x:
            p[x] = p[p[x]]
            x = p[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.p[max(ra, rb)] = min(ra, rb)


def _word3(text: str) -> list[str]:
    w = text.lower().split()
    return [" ".join(w[i : i + 3]) for i in range(max(1, len(w) - 2))] if w else []


def run_datasketch(docs: Sequence[Doc], threshold: float = DATASKETCH_THRESHOLD) -> Labels:
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    sigs = []
    for i, d in enumerate(docs):
        m = MinHash(num_perm=NUM_PERM)
        m.update_batch([s.encode("utf-8") for s in _word3(d["text"])])
        lsh.insert(i, m)
        sigs.append(m)
    uf = _UnionFind(len(docs))
    for i, m in enumerate(sigs):
        for j in lsh.query(m):
            uf.union(i, j)
    return {d["id"]: uf.find(i) for i, d in enumerate(docs)}


def run_rensa(docs: Sequence[Doc], threshold: float = RENSA_THRESHOLD, bands: int = RENSA_BANDS) -> Labels:
    from rensa import RMinHash, RMinHashLSH

    lsh = RMinHashLSH(threshold=threshold, num_perm=NUM_PERM, num_bands=bands)
    sigs = []
    for i, d in enumerate(docs):
        m = RMinHash(num_perm=NUM_PERM, seed=42)
        m.update(_word3(d["text"]))
        lsh.insert(i, m)
        sigs.append(m)
    uf = _UnionFind(len(docs))
    for i, m in enumerate(sigs):
        for j in lsh.query(m):
            uf.union(i, j)
    return {d["id"]: uf.find(i) for i, d in enumerate(docs)}


def run_rensa_bulk(docs: Sequence[Doc], threshold: float = RENSA_THRESHOLD, bands: int = RENSA_BANDS) -> Labels:
    from rensa import RMinHash, RMinHashLSH

    sigs = RMinHash.from_token_sets([_word3(d["text"]) for d in docs], NUM_PERM, 42)
    lsh = RMinHashLSH(threshold=threshold, num_perm=NUM_PERM, num_bands=bands)
    lsh.insert_many(sigs)
    uf = _UnionFind(len(docs))
    for i, cands in enumerate(lsh.query_all(sigs)):
        for j in cands:
            uf.union(i, j)
    return {d["id"]: uf.find(i) for i, d in enumerate(docs)}


def run_newsclean(docs: Sequence[Doc], workers: int = 1, threads: int = 1) -> Labels:
    from newsclean.dedup import DedupOptions, cluster

    fields = ("id", "text", "title", "date", "url", "source")
    opts = DedupOptions(workers=workers, threads=threads)
    return cluster([{k: d[k] for k in fields if k in d} for d in docs], options=opts).labels()


def run_newsclean_2proc(docs: Sequence[Doc]) -> Labels:
    """newsclean with ``DedupOptions(workers=2)``: texts prepared by a pool of 2 processes."""
    return run_newsclean(docs, workers=2)


def run_newsclean_2thread(docs: Sequence[Doc]) -> Labels:
    """newsclean with ``DedupOptions(threads=2)``: batches prepared on 2 threads (same labels)."""
    return run_newsclean(docs, threads=2)


IMPLS: dict[str, Callable[[Sequence[Doc]], Labels]] = {
    "newsclean": run_newsclean,
    "newsclean-2proc": run_newsclean_2proc,
    "newsclean-2thread": run_newsclean_2thread,
    "datasketch": run_datasketch,
    "rensa": run_rensa,
    "rensa-bulk": run_rensa_bulk,
}


# -- data -------------------------------------------------------------------------
def load_reuters(path: Path) -> list[Doc]:
    """Reuters dev as documents with ISO dates (the files' ``26-FEB-1987 15:01:01.79``)."""
    import datetime as dt

    out = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            stamp = r["date"].strip().split(".")[0]
            when = dt.datetime.strptime(stamp, "%d-%b-%Y %H:%M:%S").replace(tzinfo=dt.timezone.utc)
            out.append({"id": r["id"], "text": r["text"], "title": r["title"],
                        "date": when.isoformat(), "cluster": r["cluster"]})
    return out


# -- metrics ----------------------------------------------------------------------
def scores(docs: Sequence[Doc], labels: Labels) -> dict[str, float]:
    """ARI and pairwise precision/recall/F1 of predicted labels against ``doc["cluster"]``."""
    from sklearn.metrics import adjusted_rand_score

    truth = [d["cluster"] for d in docs]
    pred = [labels[d["id"]] for d in docs]
    both = Counter(zip(truth, pred, strict=True))
    tp = sum(comb(n, 2) for n in both.values())
    pp = sum(comb(n, 2) for n in Counter(pred).values())
    tt = sum(comb(n, 2) for n in Counter(truth).values())
    p = tp / pp if pp else 1.0
    r = tp / tt if tt else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"ari": float(adjusted_rand_score(truth, pred)), "precision": p, "recall": r, "f1": f}


# -- speed: one subprocess per (implementation, size) ----------------------------------
def _rss_mb() -> float:
    """Current resident set size of this process in MB (Linux)."""
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def child(impl: str, data: Path, out: Path) -> None:
    """Run one implementation on one corpus; labels go to ``out``, timing to stdout.

    Scoring (scikit-learn) happens in the parent, so it does not count here.
    """
    import gc

    docs = list(syndicate.read(data))
    IMPLS[impl](docs[:50])  # imports and one-time set-up outside the timed run
    gc.collect()
    base = _rss_mb()
    c0 = _cpu_seconds()
    t0 = time.perf_counter()
    labels = IMPLS[impl](docs)
    secs = time.perf_counter() - t0
    cpu = _cpu_seconds() - c0
    out.write_text(json.dumps([[d["id"], labels[d["id"]]] for d in docs]))
    print(json.dumps({"seconds": secs, "cpu": cpu, "docs": len(docs), "base_mb": base}))


def _cpu_seconds() -> float:
    """CPU time (user + system) of this process and of its finished children (a pool's workers).

    On a machine shared with other jobs wall-clock time depends on the load;
    CPU time much less so.
    """
    import resource

    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        u = resource.getrusage(who)
        total += u.ru_utime + u.ru_stime
    return total


def measure(impl: str, data: Path) -> dict[str, Any]:
    """Run :func:`child` in a fresh process; its peak RSS comes from ``os.wait4``."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "labels.json"
        proc = subprocess.Popen(
            [sys.executable, __file__, "--child", impl, "--child-data", str(data), "--child-out", str(out)],
            stdout=subprocess.PIPE, text=True,
        )
        assert proc.stdout is not None
        text = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            raise RuntimeError(f"{impl} failed on {data} (exit {code})")
        res: dict[str, Any] = json.loads(text.strip().splitlines()[-1])
        labels = dict(map(tuple, json.loads(out.read_text())))
    res["peak_mb"] = usage.ru_maxrss / 1024
    res.update(scores(list(syndicate.read(data)), labels))
    return res


# -- report -----------------------------------------------------------------------
def quality_table(datasets: list[tuple[str, list[Doc]]], impls: list[str]) -> None:
    print("\n## Quality\n")
    print("| corpus | docs | implementation | ARI | pair precision | pair recall | pair F1 | seconds |")
    print("|---|---:|---|---:|---:|---:|---:|---:|")
    for name, docs in datasets:
        for impl in impls:
            t0 = time.perf_counter()
            labels = IMPLS[impl](docs)
            secs = time.perf_counter() - t0
            s = scores(docs, labels)
            print(f"| {name} | {len(docs)} | {impl} | {s['ari']:.4f} | {s['precision']:.4f} | "
                  f"{s['recall']:.4f} | {s['f1']:.4f} | {secs:.1f} |", flush=True)


def speed_table(sizes: list[int], impls: list[str], gt: Path, seed: int) -> None:
    print("\n## Speed (scaled simulated corpus; one subprocess per cell)\n")
    print("| docs | implementation | docs/s | seconds | CPU s | docs per CPU s | peak RSS MB "
          "| peak over corpus + imports MB | ARI |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            path = Path(tmp) / f"scaled-{n}.jsonl.gz"
            syndicate.write(syndicate.scaled(n, seed, gt), path)
            for impl in impls:
                r = measure(impl, path)
                print(f"| {n} | {impl} | {r['docs'] / r['seconds']:,.0f} | {r['seconds']:.1f} | "
                      f"{r['cpu']:.1f} | {r['docs'] / max(r['cpu'], 1e-9):,.0f} | "
                      f"{r['peak_mb']:,.0f} | {r['peak_mb'] - r['base_mb']:,.0f} | {r['ari']:.4f} |",
                      flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    ap.add_argument("--reuters", type=Path, default=DEFAULT_REUTERS, help="Reuters dev articles.jsonl.gz")
    ap.add_argument("--ground-truth", type=Path, default=DEFAULT_GT, help="ScrapingHub ground-truth.json")
    ap.add_argument("--only", default="", help="comma-separated implementations (default: all)")
    ap.add_argument("--seed", type=int, default=1, help="simulator seed")
    ap.add_argument("--skip-quality", action="store_true")
    ap.add_argument("--skip-speed", action="store_true")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--child-data", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--child-out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(args.child, args.child_data, args.child_out)
        return 0
    impls = [s for s in args.only.split(",") if s] or list(IMPLS)
    unknown = [s for s in impls if s not in IMPLS]
    if unknown:
        ap.error(f"unknown implementation(s) {unknown}; choose from {list(IMPLS)}")
    print(f"# newsclean dedup benchmark (python {sys.version.split()[0]}, {os.cpu_count()} cores)")
    if not args.skip_quality:
        datasets: list[tuple[str, list[Doc]]] = []
        if args.reuters.exists():
            datasets.append(("reuters-dev", load_reuters(args.reuters)))
        else:
            print(f"(skipping Reuters: {args.reuters} not found)")
        datasets.append((f"simulator seed {args.seed}", syndicate.simulate(args.seed, args.ground_truth)))
        quality_table(datasets, impls)
    if not args.skip_speed and args.sizes:
        speed_table(args.sizes, impls, args.ground_truth, args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
