"""Article-body extraction benchmark on the ScrapingHub set.

Runs every extractor on every page of the ScrapingHub/Zyte
article-extraction-benchmark (181 pages with ground truth), scores it with the
benchmark's own metric (:mod:`benchmarks.extraction_metric`) and prints one
markdown table of F1, precision, recall, accuracy and median ms/page::

    python benchmarks/extraction.py                       # ../shared/bench/scrapinghub
    python benchmarks/extraction.py DATA_DIR --limit 20 --only trafilatura readability
    python benchmarks/extraction.py --per-page per_page.csv

Extractors (``--only`` names):

- ``newsclean``: ``newsclean.Extractor().extract(html, url=url).text`` with the
  default options. The extractor is built and run once, untimed, on a page
  whose lines start with every letter, digit and common punctuation mark: the
  cleaner compiles its patterns per first character on first use (50-100 ms
  each), which would otherwise land on the first pages. A page on which it
  raises an ``ExtractionError`` scores as an empty prediction;
- ``trafilatura``: ``trafilatura.extract(html)`` with its defaults;
- ``trafilatura-precision``: ``trafilatura.extract(html, favor_precision=True,
  include_comments=False)``;
- ``readability``: readability-lxml's ``Document(html).summary(html_partial=True)``
  turned into text by :func:`html_to_text` (every lxml text node, joined by
  whitespace). This reproduces the 0.955 measured in ``shared/bench/README.md``
  and scores the same as Zyte's ``html_text.extract_text`` on this set. The default
  ``summary()`` (a full ``<html><body>`` document) comes back empty on one page
  (F1 0.952), and ``text_content()``, which glues the words of adjacent
  elements together, scores 0.949.

Each call is timed with :func:`time.perf_counter`; the table reports the
median. An extractor that raises on a page is scored as an empty prediction
for that page, and the table notes how many pages raised or came back empty.
The data is read in place and never copied.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import statistics
import string
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:  # run as a script: make `benchmarks` and `newsclean` importable
    sys.path.insert(0, str(REPO_ROOT))

from benchmarks.extraction_metric import PageScore, Summary, aggregate, page_scores  # noqa: E402

DEFAULT_DATA_DIR = Path("../shared/bench/scrapinghub")
"""Default data path, relative to the repo root (as CI lays out ``shared/``)."""

ExtractFn = Callable[[str, str], "str | None"]
"""``(html, url) -> text``; ``None`` or ``""`` means nothing was extracted."""

_BLOCK_TAGS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt"),
        *("figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6"),
        *("header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table"),
        *("td", "th", "tr", "ul"),
    }
)


@dataclass(frozen=True)
class Page:
    """One benchmark page: its id, URL, HTML and true article body."""

    id: str
    url: str
    html: str
    truth: str


@dataclass(frozen=True)
class Extractor:
    """A named extractor; ``fn`` is ``None`` when it cannot run (``note`` says why)."""

    name: str
    label: str
    fn: ExtractFn | None
    note: str = ""


@dataclass(frozen=True)
class PageRun:
    """The outcome of one extractor on one page."""

    page_id: str
    text: str
    score: PageScore
    seconds: float
    error: str | None = None


@dataclass(frozen=True)
class RunResult:
    """All page outcomes of one extractor, with the aggregate."""

    extractor: Extractor
    runs: tuple[PageRun, ...]
    summary: Summary

    @property
    def median_ms(self) -> float:
        return 1000 * statistics.median(r.seconds for r in self.runs) if self.runs else 0.0

    @property
    def errors(self) -> int:
        return sum(1 for r in self.runs if r.error is not None)


def load_pages(data_dir: Path, limit: int | None = None) -> list[Page]:
    """Read ``ground-truth.json`` and ``html/<id>.html.gz`` (UTF-8) from ``data_dir``.

    Pages are sorted by id so that ``limit`` always picks the same ones.
    """
    truth: dict[str, dict[str, str]] = json.loads(
        (data_dir / "ground-truth.json").read_text(encoding="utf-8")
    )
    ids = sorted(truth)
    if limit is not None:
        ids = ids[:limit]
    pages = []
    for page_id in ids:
        with gzip.open(data_dir / "html" / f"{page_id}.html.gz", "rb") as fh:
            html = fh.read().decode("utf-8", errors="replace")
        entry = truth[page_id]
        pages.append(Page(page_id, entry.get("url", ""), html, entry.get("articleBody", "")))
    return pages


def html_to_text(fragment: str) -> str:
    """The text nodes of an HTML fragment, joined by whitespace, one line per block."""
    from lxml import html as lxml_html  # type: ignore[import-untyped,unused-ignore]

    if not fragment.strip():
        return ""
    root: Any = lxml_html.fromstring(fragment)
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")
    lines = " ".join(root.itertext()).split("\n")
    return "\n".join(joined for line in lines if (joined := " ".join(line.split())))


def _newsclean() -> Extractor:
    label = "newsclean"
    try:
        import newsclean
    except Exception as exc:  # a half-built package must not stop the other rows
        note = f"n/a (import newsclean failed: {type(exc).__name__}: {exc})"
        return Extractor("newsclean", label, None, note.replace("|", "/"))
    if getattr(newsclean, "Extractor", None) is None:
        return Extractor("newsclean", label, None, "n/a (newsclean.extract not available yet)")
    extractor = newsclean.Extractor()
    starts = string.ascii_letters + string.digits + "\"'“‘«(-–—•*#@[«¿¡©"
    lines = "".join(
        f"<p>{c}x warm-up line number {i} of the page.</p>" for i, c in enumerate(starts)
    )
    extractor.extract(f"<html><body><article>{lines}</article></body></html>")

    def run(html: str, url: str) -> str | None:
        text: str = extractor.extract(html, url=url).text
        return text

    return Extractor("newsclean", label, run)


def _trafilatura_default() -> Extractor:
    import trafilatura

    def run(html: str, url: str) -> str | None:
        return trafilatura.extract(html)

    return Extractor("trafilatura", f"trafilatura {_version('trafilatura')} default", run)


def _trafilatura_precision() -> Extractor:
    import trafilatura

    def run(html: str, url: str) -> str | None:
        return trafilatura.extract(html, favor_precision=True, include_comments=False)

    label = "trafilatura favor_precision, no comments"
    return Extractor("trafilatura-precision", label, run)


def _readability() -> Extractor:
    from readability import Document  # type: ignore[import-untyped,unused-ignore]

    def run(html: str, url: str) -> str | None:
        summary: str = Document(html).summary(html_partial=True)
        return html_to_text(summary)

    return Extractor("readability", f"readability-lxml {_version('readability-lxml')}", run)


EXTRACTORS: dict[str, Callable[[], Extractor]] = {
    "newsclean": _newsclean,
    "trafilatura": _trafilatura_default,
    "trafilatura-precision": _trafilatura_precision,
    "readability": _readability,
}
"""Extractor factories by ``--only`` name, in table order."""


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"


def run_extractor(extractor: Extractor, pages: Sequence[Page]) -> RunResult:
    """Run ``extractor`` on every page, timing each call, and score it."""
    fn = extractor.fn
    if fn is None:
        raise ValueError(f"{extractor.name} is not available: {extractor.note}")
    runs = []
    for page in pages:
        error = None
        start = time.perf_counter()
        try:
            text = fn(page.html, page.url) or ""
        except Exception as exc:  # a crash on one page scores as an empty prediction
            text, error = "", f"{type(exc).__name__}: {exc}"
        seconds = time.perf_counter() - start
        runs.append(PageRun(page.id, text, page_scores(text, page.truth), seconds, error))
    return RunResult(extractor, tuple(runs), aggregate(r.score for r in runs))


def format_table(rows: Sequence[Extractor | RunResult]) -> str:
    """One markdown table; an unavailable extractor gets its note instead of numbers."""
    lines = [
        "| extractor | F1 | precision | recall | accuracy | median ms/page |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        if isinstance(row, Extractor):
            lines.append(f"| {row.label} | {row.note} | | | | |")
            continue
        s = row.summary
        label = row.extractor.label
        notes = []
        if s.empty_predictions:
            notes.append(f"{s.empty_predictions} empty")
        if row.errors:
            notes.append(f"{row.errors} raised")
        if notes:
            label += f" ({', '.join(notes)})"
        lines.append(
            f"| {label} | {s.f1:.3f} | {s.precision:.3f} | {s.recall:.3f} "
            f"| {s.accuracy:.3f} | {row.median_ms:.1f} |"
        )
    return "\n".join(lines)


def write_per_page(path: Path, pages: Sequence[Page], results: Sequence[RunResult]) -> None:
    """Write one CSV row per (page, extractor) with its scores and time."""
    urls = {p.id: p.url for p in pages}
    fields = ["id", "url", "extractor", "precision", "recall", "f1", "tp", "fp", "fn", "exact"]
    fields += ["ms", "pred_chars", "error"]
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(fields)
        for result in results:
            for run in result.runs:
                s = run.score
                writer.writerow(
                    [
                        run.page_id,
                        urls[run.page_id],
                        result.extractor.name,
                        "" if s.precision is None else f"{s.precision:.4f}",
                        "" if s.recall is None else f"{s.recall:.4f}",
                        f"{s.f1:.4f}",
                        s.tp,
                        s.fp,
                        s.fn,
                        int(s.exact),
                        f"{1000 * run.seconds:.2f}",
                        len(run.text),
                        run.error or "",
                    ]
                )


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "data_dir",
        nargs="?",
        type=Path,
        default=None,
        help=f"benchmark directory (default: {DEFAULT_DATA_DIR}, relative to the repo root)",
    )
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages (by id)")
    parser.add_argument(
        "--only",
        nargs="+",
        choices=list(EXTRACTORS),
        metavar="NAME",
        help=f"run only these extractors: {', '.join(EXTRACTORS)}",
    )
    parser.add_argument("--per-page", type=Path, metavar="CSV", help="write per-page scores here")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    data_dir: Path = args.data_dir if args.data_dir is not None else REPO_ROOT / DEFAULT_DATA_DIR
    if not (data_dir / "ground-truth.json").is_file():
        print(f"error: no ground-truth.json in {data_dir}", file=sys.stderr)
        return 2
    pages = load_pages(data_dir, args.limit)
    names: list[str] = args.only or list(EXTRACTORS)
    rows: list[Extractor | RunResult] = []
    for name in EXTRACTORS:
        if name not in names:
            continue
        extractor = EXTRACTORS[name]()
        if extractor.fn is None:
            rows.append(extractor)
            continue
        print(f"running {extractor.label} on {len(pages)} pages...", file=sys.stderr)
        rows.append(run_extractor(extractor, pages))
    print(
        f"{len(pages)} pages from {data_dir.resolve()}; trafilatura {_version('trafilatura')}, "
        f"readability-lxml {_version('readability-lxml')}, lxml {_version('lxml')}\n"
    )
    print(format_table(rows))
    if args.per_page is not None:
        write_per_page(args.per_page, pages, [r for r in rows if isinstance(r, RunResult)])
        print(f"\nper-page scores written to {args.per_page}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
