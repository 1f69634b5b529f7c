"""Speed of the plain-text cleaner on long articles.

Builds a ~5,000-word scraped article from the shipped seed (its junk at the top
and bottom, its body paragraphs and section headings repeated with varied
numbers so no paragraph is a duplicate) and reports milliseconds per article,
newsclean's cleaner next to a baseline that only normalizes and splits the
text (the floor any cleaner pays).

    python benchmarks/clean_speed.py [--words 5000] [--runs 50]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

# Measure the checkout this script belongs to, not whatever copy is installed.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import newsclean
from newsclean.clean.normalize import split_units

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_0ea4331d0d193fdf.txt"


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


def _time(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    for _ in range(3):
        fn()
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples), min(samples)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=50)
    args = ap.parse_args()
    text = build_article(args.words)
    cleaner = newsclean.Cleaner()
    article = cleaner.clean(text)
    n_words = len(text.split())
    print(f"article: {n_words} words, {len(split_units(text))} paragraphs/lines, "
          f"{len(article.removed)} removed")
    print()
    print("| step | median ms | min ms |")
    print("|---|---:|---:|")
    for name, fn in (
        ("normalize + split only (floor)", lambda: split_units(text)),
        ("newsclean Cleaner.clean", lambda: cleaner.clean(text)),
        ("newsclean.clean_text (one-shot)", lambda: newsclean.clean_text(text)),
    ):
        med, low = _time(fn, args.runs)
        print(f"| {name} | {med:.2f} | {low:.2f} |")


if __name__ == "__main__":
    main()
