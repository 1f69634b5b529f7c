"""CPU time per page: newsclean vs trafilatura, alternating page by page.

Wall-clock medians in ``extraction.py`` run each extractor over all pages in
turn, so a load spike on this shared machine lands on one of them. Here the
extractors alternate on every page in one process and each call is timed
with ``time.thread_time`` (CPU of this thread only); two passes show the cold
cost (first use of each lexicon pattern) and the warm one.

    python benchmarks/extraction_time.py [DATA_DIR] [--passes 2]
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import time
from pathlib import Path

# Measure the checkout this script belongs to, not whatever copy is installed.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import trafilatura

from newsclean import Extractor

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "scrapinghub"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data_dir", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--passes", type=int, default=2)
    args = ap.parse_args()
    files = sorted((args.data_dir / "html").glob("*.html.gz"))
    if not files:
        print(f"no pages under {args.data_dir / 'html'}", file=sys.stderr)
        return 1
    pages = [gzip.decompress(f.read_bytes()) for f in files]
    extractor = Extractor()
    runs = {
        "newsclean": extractor.extract,
        "trafilatura favor_precision": lambda h: trafilatura.extract(
            h, favor_precision=True, include_comments=False
        ),
        "trafilatura default": trafilatura.extract,
    }
    for run in runs.values():  # the benchmark's warm-up: one page each
        run(pages[0])
    print(f"{len(pages)} pages from {args.data_dir}; median CPU ms per page\n")
    print("| pass | newsclean | trafilatura precision | trafilatura default | vs precision | vs default |")
    print("|---|---:|---:|---:|---:|---:|")
    for n in range(1, args.passes + 1):
        times: dict[str, list[float]] = {name: [] for name in runs}
        for h in pages:
            for name, run in runs.items():
                t = time.thread_time()
                run(h)
                times[name].append(time.thread_time() - t)
        nc, tp, td = (statistics.median(times[k]) * 1000 for k in runs)
        label = "1 (cold)" if n == 1 else str(n)
        print(f"| {label} | {nc:.1f} | {tp:.1f} | {td:.1f} | {nc / tp:.2f}x | {nc / td:.2f}x |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
