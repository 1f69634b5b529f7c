"""Quality of the plain-text cleaner on the hand-labelled article corpus.

For every folder of ``tests/data/articles`` (input.txt, expected.txt, meta.json)
it scores the acceptance metrics of issue 2:

* body lines kept: expected paragraphs found, unchanged, in the output;
* junk lines removed: input paragraphs/lines that are not in the expected body
  and do not appear in the output;
* title right: ``Article.title`` equals the labelled headline.

    python benchmarks/clean_quality.py [CORPUS_DIR] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

# Measure the checkout this script belongs to, not whatever copy is installed.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import newsclean
from newsclean.clean.normalize import split_units

DEFAULT = Path(__file__).resolve().parent.parent / "tests" / "data" / "articles"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--verbose", action="store_true", help="list every miss")
    ap.add_argument("--glob", default="*", help="only folders matching this pattern, e.g. '3[1-9]_*'")
    args = ap.parse_args()
    folders = sorted(p for p in args.corpus.glob(args.glob) if (p / "input.txt").is_file())
    if not folders:
        print(f"no articles under {args.corpus}", file=sys.stderr)
        return 1
    body = body_kept = junk = junk_removed = titles = 0
    for d in folders:
        raw = (d / "input.txt").read_text(encoding="utf-8")
        expected = (d / "expected.txt").read_text(encoding="utf-8").rstrip("\n").split("\n\n")
        meta = json.loads((d / "meta.json").read_text(encoding="utf-8"))
        a = newsclean.clean_text(raw)
        out = set(a.paragraphs)
        exp = set(expected)
        lost = [p for p in expected if p not in out]
        junk_units = [u.text for u in split_units(raw) if u.text not in exp]
        kept_junk = [t for t in junk_units if t in out]
        body += len(expected)
        body_kept += len(expected) - len(lost)
        junk += len(junk_units)
        junk_removed += len(junk_units) - len(kept_junk)
        titles += a.title == meta["title"]
        if args.verbose and (lost or kept_junk or a.title != meta["title"]):
            print(f"== {d.name}")
            for p in lost:
                print(f"   lost body: {p[:100]}")
            for p in kept_junk:
                print(f"   kept junk: {p[:100]}")
            if a.title != meta["title"]:
                print(f"   title: {a.title!r} (expected {meta['title']!r})")
    n = len(folders)
    print(f"{n} articles from {args.corpus}")
    print()
    print("| metric | value | target |")
    print("|---|---:|---:|")
    print(f"| body lines kept | {body_kept}/{body} = {body_kept / body:.2%} | >= 99.5% |")
    print(f"| junk lines removed | {junk_removed}/{junk} = {junk_removed / max(junk, 1):.2%} | >= 98% |")
    print(f"| title right | {titles}/{n} = {titles / n:.2%} | >= 90% |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
