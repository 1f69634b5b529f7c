"""Score article-body extractors on the held-out HTML set with the ScrapingHub metric.

    python benchmarks/heldout_extraction.py             # all extractors (+ per-language rows)
    python benchmarks/heldout_extraction.py --per-page  # also per-page F1 of every extractor
    python benchmarks/heldout_extraction.py --decoded   # trafilatura/readability get decoded str

The set (benchmarks/heldout_html/, 24 pages in 16 languages, 5 legacy
charsets) was written by a helper who never saw newsclean's code, from the
generator in benchmarks/heldout_html/tools/; see its README.

The metric is imported unchanged from benchmarks/extraction_metric.py.
Every extractor gets the page's raw bytes (as a fetcher would hand them over), so
the pages in windows-1252, ISO-8859-1, windows-1251, Shift_JIS and EUC-KR also test
charset handling. Pass --decoded to hand trafilatura/readability a str instead.
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "heldout_html"
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(HERE.parent))  # so that `import newsclean` finds this checkout

from extraction_metric import aggregate, page_scores  # noqa: E402

_BLOCK_TAGS = frozenset(
    ["address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul"]
)


def html_to_text(fragment: str) -> str:
    """Same as benchmarks/extraction.py: text nodes joined by whitespace, one line per block."""
    from lxml import html as lxml_html

    if not fragment.strip():
        return ""
    root = lxml_html.fromstring(fragment)
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")
    lines = " ".join(root.itertext()).split("\n")
    return "\n".join(j for line in lines if (j := " ".join(line.split())))


def declared_charset(data: bytes) -> str:
    m = re.search(rb'charset="?([A-Za-z0-9_-]+)', data[:2048])
    return m.group(1).decode() if m else "utf-8"


def page_lang(data: bytes) -> str:
    m = re.search(rb'<html lang="([a-z]+)', data[:300])
    return m.group(1).decode() if m else "?"


def load():
    truth = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for pid in sorted(truth):
        data = (DATA / "html" / f"{pid}.html").read_bytes()
        pages.append((pid, page_lang(data), data, truth[pid]["articleBody"]))
    return pages


def extractors(decoded: bool):
    import trafilatura
    from readability import Document

    def as_input(data: bytes):
        return data.decode(declared_charset(data)) if decoded else data

    out = {
        "trafilatura": lambda b: trafilatura.extract(as_input(b)),
        "trafilatura-precision": lambda b: trafilatura.extract(as_input(b), favor_precision=True, include_comments=False),
        "readability": lambda b: html_to_text(Document(as_input(b)).summary(html_partial=True)),
    }
    try:
        import newsclean

        def nc(b: bytes) -> str:
            try:
                return newsclean.extract(b).text
            except newsclean.ExtractionError:
                return ""

        out["newsclean"] = nc
    except Exception as exc:  # pragma: no cover
        print(f"newsclean unavailable: {exc}", file=sys.stderr)
    return out


def main() -> int:
    per_page = "--per-page" in sys.argv
    decoded = "--decoded" in sys.argv
    pages = load()
    results: dict[str, dict[str, tuple]] = defaultdict(dict)
    raised: dict[str, int] = defaultdict(int)
    for name, fn in extractors(decoded).items():
        for pid, lang, data, truth in pages:
            try:
                text = fn(data) or ""
            except Exception as exc:
                text = ""
                raised[name] += 1
                print(f"{name} raised on {pid[:10]}: {type(exc).__name__}: {exc}", file=sys.stderr)
            results[name][pid] = (lang, text, page_scores(text, truth))

    def row(label, scores):
        s = aggregate(scores)
        note = f" ({s.empty_predictions} empty)" if s.empty_predictions else ""
        return f"| {label}{note} | {s.pages} | {s.f1:.3f} | {s.precision:.3f} | {s.recall:.3f} |"

    print(f"{len(pages)} held-out pages from {HERE}; input = {'decoded str' if decoded else 'raw bytes'}\n")
    lines = ["| extractor | pages | F1 | precision | recall |", "|---|---:|---:|---:|---:|"]
    for name in ["trafilatura", "trafilatura-precision", "readability", "newsclean"]:
        if name in results:
            label = name + (f" ({raised[name]} raised)" if raised[name] else "")
            lines.append(row(label, [r[2] for r in results[name].values()]))
    langs = sorted({p[1] for p in pages}, key=lambda x: (x == "en", x))
    for lang in langs:
        for name in ["newsclean", "trafilatura-precision"]:
            if name in results:
                lines.append(row(f"{lang}: {name}", [r[2] for r in results[name].values() if r[0] == lang]))
    print("\n".join(lines))

    if per_page:
        names = [n for n in ["trafilatura", "trafilatura-precision", "readability", "newsclean"] if n in results]
        print("\n| page | lang | " + " | ".join(f"{n} F1 (P/R)" for n in names) + " |")
        print("|---|---|" + "---|" * len(names))
        for pid, lang, _, _ in pages:
            cells = []
            for n in names:
                s = results[n][pid][2]
                p = "-" if s.precision is None else f"{s.precision:.2f}"
                cells.append(f"{s.f1:.2f} ({p}/{s.recall:.2f})")
            print(f"| {pid[:10]} | {lang} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
