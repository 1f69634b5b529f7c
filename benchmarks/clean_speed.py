"""Speed of the plain-text cleaner on long and on typical articles.

Builds a ~5,000-word scraped article from the shipped seed (its junk at the top
and bottom, its body paragraphs and section headings repeated with varied
numbers so no paragraph is a duplicate) and reports milliseconds per article,
newsclean's cleaner next to a baseline that only normalizes and splits the
text (the floor any cleaner pays), and the mean over the test articles
(``tests/data/articles/*/input.txt``, 300-900 words with their junk).

    python benchmarks/clean_speed.py [--words 5000] [--runs 50]

``--compare OTHER_CHECKOUT`` times this checkout against another one (say, a
worktree of an older commit) in the same run: one worker process per checkout,
called in alternation, each timing its own Cleaner in CPU time
(``time.process_time``), so both meet the same load on a shared machine.

    python benchmarks/clean_speed.py --runs 40 --compare ../old-checkout
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_0ea4331d0d193fdf.txt"
ARTICLES = ROOT / "tests" / "data" / "articles"


def build_article(words: int) -> str:
    """A scraped article of about ``words`` words built from the seed."""
    parts = SEED.read_text(encoding="utf-8").split("\n\n")
    head, body, tail = parts[:4], parts[4:-4], parts[-4:]
    out: list[str] = []
    i = 0
    while sum(len(p.split()) for p in out) < words:
        for p in body:
            # Vary every paragraph (a number after its first word) so the
            # duplicate rule does not shortcut it.
            first, _, rest = p.partition(" ")
            out.append(f"{first} {i} {rest}" if rest else f"{p} {i}")
        i += 1
    return "\n\n".join(head + out + tail)


def typical_articles() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*/input.txt"))]


def _time(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    for _ in range(3):
        fn()
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples), min(samples)


def _worker(checkout: str, words: int) -> None:
    """Serve timing requests ("big" or "typical") for the checkout's Cleaner."""
    sys.path.insert(0, checkout)
    import newsclean

    t0 = time.process_time()
    cleaner = newsclean.Cleaner()
    init_ms = (time.process_time() - t0) * 1000
    texts = {"big": [build_article(words)], "typical": typical_articles()}
    t0 = time.process_time()
    cleaner.clean(texts["big"][0])
    first_ms = (time.process_time() - t0) * 1000
    print(json.dumps({"init_ms": init_ms, "first_ms": first_ms}), flush=True)
    for batch in texts.values():  # warm up: memoised unions, compiled patterns
        for _ in range(2):
            for t in batch:
                cleaner.clean(t)
    for line in sys.stdin:
        batch = texts[line.strip()]
        t0 = time.process_time()
        for t in batch:
            cleaner.clean(t)
        print((time.process_time() - t0) * 1000 / len(batch), flush=True)


def _compare(other: str, words: int, runs: int) -> None:
    names = {"this": str(ROOT), "other": str(Path(other).resolve())}
    pipes = {}
    for name, path in names.items():
        proc = subprocess.Popen(
            [sys.executable, __file__, "--worker", path, "--words", str(words)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        if proc.stdin is None or proc.stdout is None:  # pragma: no cover - PIPE given
            raise RuntimeError("no pipe to the worker")
        pipes[name] = (proc, proc.stdin, proc.stdout)
    starts = {n: json.loads(out.readline()) for n, (_, _, out) in pipes.items()}
    init = {n: s["init_ms"] for n, s in starts.items()}
    first = {n: s["first_ms"] for n, s in starts.items()}
    samples: dict[tuple[str, str], list[float]] = {
        (n, k): [] for n in names for k in ("big", "typical")
    }
    order = list(pipes.items())
    for r in range(runs):
        for kind in ("big", "typical"):
            for name, (_, inp, out) in order if r % 2 == 0 else order[::-1]:
                inp.write(kind + "\n")
                inp.flush()
                samples[name, kind].append(float(out.readline()))
    for proc, inp, _ in pipes.values():
        inp.close()
        proc.wait()
    print(f"this: {names['this']}\nother: {names['other']}\n")
    print("| CPU ms | other median | this median | other min | this min | ratio (paired median) |")
    print("|---|---:|---:|---:|---:|---:|")
    for kind, label in (("big", f"{words}-word article"), ("typical", "typical article (mean)")):
        a, b = samples["other", kind], samples["this", kind]
        ratio = statistics.median(x / y for x, y in zip(a, b, strict=True))
        print(
            f"| {label} | {statistics.median(a):.2f} | {statistics.median(b):.2f} "
            f"| {min(a):.2f} | {min(b):.2f} | {ratio:.2f}x |"
        )
    print(
        f"| Cleaner() start-up | {init['other']:.0f} | {init['this']:.0f} | | "
        f"| {init['other'] / init['this']:.2f}x |"
    )
    print(
        f"| first clean of the {words}-word article | {first['other']:.1f} "
        f"| {first['this']:.1f} | | | {first['other'] / first['this']:.2f}x |"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=50)
    ap.add_argument("--compare", metavar="OTHER_CHECKOUT", help="time against another checkout")
    ap.add_argument("--worker", metavar="CHECKOUT", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        _worker(args.worker, args.words)
        return
    if args.compare:
        _compare(args.compare, args.words, args.runs)
        return
    # Measure the checkout this script belongs to, not whatever copy is installed.
    sys.path.insert(0, str(ROOT))
    import newsclean
    from newsclean.clean.normalize import split_units

    text = build_article(args.words)
    typical = typical_articles()
    cleaner = newsclean.Cleaner()
    article = cleaner.clean(text)
    n_words = len(text.split())
    print(f"article: {n_words} words, {len(split_units(text))} paragraphs/lines, "
          f"{len(article.removed)} removed; typical: {len(typical)} test articles, "
          f"{statistics.mean(len(t.split()) for t in typical):.0f} words on average")
    print()
    print("| step | median ms | min ms |")
    print("|---|---:|---:|")
    for name, fn, per in (
        ("normalize + split only (floor)", lambda: split_units(text), 1),
        ("newsclean Cleaner.clean", lambda: cleaner.clean(text), 1),
        ("newsclean.clean_text (one-shot)", lambda: newsclean.clean_text(text), 1),
        (
            "Cleaner.clean, typical article (mean)",
            lambda: [cleaner.clean(t) for t in typical],
            len(typical),
        ),
    ):
        med, low = _time(fn, args.runs if per == 1 else max(3, args.runs // 10))
        print(f"| {name} | {med / per:.2f} | {low / per:.2f} |")


if __name__ == "__main__":
    main()
