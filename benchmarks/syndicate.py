"""Syndication simulator: real article bodies turned into outlet copies, plus hard negatives.

Stories come from the ScrapingHub article-extraction ground truth
(``../shared/bench/scrapinghub/ground-truth.json``: 181 real article bodies;
used by path, never copied). Each story gets an original and several
*outlet copies*, each made with a random subset of what syndication does:

* a new headline (built from another sentence of the story);
* the outlet's chrome: menu and utility lines on top, share/newsletter/
  copyright lines at the bottom (fixed per outlet, like a real site);
* a credit line ("(AP) --", "This story originally appeared in ...");
* truncation after the first paragraphs with "Read the full story at <url>";
* a local paragraph added (real text that appears nowhere else);
* a few words changed (style-guide edits: "said" -> "says", "percent" -> "%");
* re-wrapping (hard line breaks at 60-80 characters, or paragraphs joined).

Copies are published within 36 hours of the original. Hard negatives, each
its own story with its own label:

* **template siblings**: the same text with every figure changed (the next
  daily report), published 0-10 days later -- some inside the date window,
  so only the figure check can keep them apart;
* **follow-ups**: a new story (fresh real paragraphs) reusing one or two
  background paragraphs of the original, 1-4 days later.

``scaled(n)`` builds an n-document corpus for speed runs: stories are made
of real sentences from all articles, shuffled and lightly perturbed, so
there are as many distinct stories as needed.

Usage::

    python benchmarks/syndicate.py --out /tmp/sim.jsonl.gz          # the quality corpus
    python benchmarks/syndicate.py --scaled 10000 --out /tmp/s10k.jsonl.gz
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GT = ROOT.parent / "shared" / "bench" / "scrapinghub" / "ground-truth.json"

Doc = dict[str, Any]

OUTLETS: list[dict[str, Any]] = [
    {"name": "dailyherald.example", "top": ["Skip to content", "Home | News | Sports | Business | Opinion", "Subscribe"],
     "bottom": ["Share this:", "Facebook Twitter Email", "© 2024 Daily Herald. All rights reserved."]},
    {"name": "metrotimes.example", "top": ["Menu", "Search", "Metro Times"],
     "bottom": ["Sign up for our newsletter to get the latest headlines every morning.", "Advertisement", "Related Stories"]},
    {"name": "valleypost.example", "top": ["Valley Post", "Local | Nation | World | Weather"],
     "bottom": ["Copyright 2024 Valley Post Media Group", "Privacy Policy | Terms of Use"]},
    {"name": "coastalnews.example", "top": ["Breaking News", "Coastal News Network", "Watch Live"],
     "bottom": ["Follow us on Twitter and Instagram", "Comments are closed."]},
    {"name": "capitalreport.example", "top": ["Advertisement", "Capital Report — Politics and Business"],
     "bottom": ["More from Capital Report", "Get the app", "All content © Capital Report."]},
    {"name": "northstar.example", "top": ["North Star Gazette", "Subscribe now: 99 cents for the first month"],
     "bottom": ["Have a news tip? Email us.", "Tags: news, world"]},
    {"name": "riverside.example", "top": ["Riverside Courier", "Toggle navigation"],
     "bottom": ["Read more:", "Print this article", "© Riverside Courier 2024"]},
    {"name": "globalwire.example", "top": ["GlobalWire", "Markets | Tech | Health"],
     "bottom": ["Reporting by staff; editing by the desk", "Our Standards: The Trust Principles."]},
]
CREDITS = [
    "(AP) —", "By The Associated Press", "This story originally appeared in {src}.",
    "Reprinted with permission from {src}.", "— Reuters", "Source: {src}",
]
EDITS = [
    (r"\bsaid\b", "says"), (r"\bpercent\b", "%"), (r"\bper cent\b", "percent"), (r"\bMr\. ", "Mr "),
    (r"\bdollars\b", "USD"), (r"\bthat\b", "which"), (r"\bhowever\b", "but"), (r"\balso\b", "as well"),
]
_NUM = re.compile(r"\d+(?:[.,]\d+)*")
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def load_bodies(path: Path = DEFAULT_GT) -> list[tuple[str, str]]:
    """``[(id, body)]`` of the ground truth, sorted by id."""
    gt = json.loads(Path(path).read_text(encoding="utf-8"))
    return sorted((k, v["articleBody"]) for k, v in gt.items())


def paragraphs(body: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n+", body) if p.strip()]


def _title_from(rng: random.Random, paras: list[str]) -> str:
    words = " ".join(paras).split()
    if len(words) < 6:
        return " ".join(words)
    k = rng.randrange(0, max(1, min(len(words) - 6, 200)))
    return " ".join(words[k : k + rng.randint(5, 10)]).strip(".,;:").title()


def _wrap(text: str, width: int) -> str:
    out: list[str] = []
    for para in text.split("\n\n"):
        line: list[str] = []
        n = 0
        for w in para.split():
            if n + len(w) > width and line:
                out.append(" ".join(line))
                line, n = [], 0
            line.append(w)
            n += len(w) + 1
        if line:
            out.append(" ".join(line))
        out.append("")
    return "\n".join(out).strip()


def _edit_words(rng: random.Random, paras: list[str], share: float) -> list[str]:
    out = []
    for p in paras:
        for pat, rep in EDITS:
            if rng.random() < 0.5:
                p = re.sub(pat, rep, p, count=1)
        words = p.split()
        for _ in range(int(len(words) * share)):
            k = rng.randrange(len(words))
            if not _NUM.search(words[k]):
                words[k] = rng.choice(("the", "a", "new", "local", "major", "key", "top"))
        out.append(" ".join(words))
    return out


def _change_figures(rng: random.Random, paras: list[str]) -> list[str]:
    def bump(m: re.Match[str]) -> str:
        s = m.group(0)
        digits = re.sub(r"\D", "", s)
        v = int(digits) if digits else 0
        nv = v + rng.randint(1, 9) * (10 ** max(0, len(digits) - 2))
        if nv == v:
            nv += 1
        return str(nv)

    return [_NUM.sub(bump, p) for p in paras]


class Simulator:
    """Turns stories into labelled documents (one deterministic ``random.Random``)."""

    def __init__(self, seed: int, fresh: list[str]) -> None:
        self.rng = random.Random(seed)
        self.fresh = fresh  # paragraphs used at most once: local paragraphs and follow-up text
        self.docs: list[Doc] = []
        self.t0 = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)

    def _fresh(self, k: int) -> list[str]:
        out = []
        for _ in range(k):
            if self.fresh:
                out.append(self.fresh.pop())
        return out

    def _emit(self, did: str, label: str, title: str, text: str, when: dt.datetime, outlet: str) -> None:
        slug = re.sub(r"\W+", "-", title.lower()).strip("-")[:60]
        self.docs.append({
            "id": did, "cluster": label, "title": title, "text": text,
            "date": when.isoformat(), "source": outlet, "url": f"https://{outlet}/news/{slug}",
        })

    def copy(self, did: str, label: str, paras: list[str], title: str, when: dt.datetime, src: str) -> None:
        rng = self.rng
        outlet = rng.choice(OUTLETS)
        body = list(paras)
        if rng.random() < 0.5:
            body = _edit_words(rng, body, rng.choice((0.0, 0.01, 0.02)))
        truncated = rng.random() < 0.25 and len(body) >= 3
        if truncated:
            total = sum(len(p.split()) for p in body)
            goal = max(60, int(total * rng.uniform(0.2, 0.5)))
            keep, n = 0, 0
            while keep < len(body) and n < goal:
                n += len(body[keep].split())
                keep += 1
            truncated = keep < len(body)
            body = body[:keep]
        if rng.random() < 0.3:
            local = self._fresh(1)
            if local:  # a short local-angle paragraph: at most ~60 words
                sents = _SENT.split(local[0])
                para, k = [], 0
                while k < len(sents) and sum(len(x.split()) for x in para) < 25:
                    para.append(sents[k])
                    k += 1
                text_local = " ".join(" ".join(para).split()[:60])
                body.insert(rng.randint(1, max(1, len(body))), text_local)
        text = "\n\n".join(body)
        r = rng.random()
        if r < 0.35:
            text = _wrap(text, rng.randint(60, 80))
        elif r < 0.5:
            text = text.replace("\n\n", "\n")
        lines: list[str] = []
        new_title = _title_from(rng, paras) if rng.random() < 0.7 else title
        if rng.random() < 0.7:
            lines += outlet["top"]
        if rng.random() < 0.5:
            lines.append(new_title)
        if rng.random() < 0.4:
            lines.append(rng.choice(CREDITS).format(src=src))
        lines.append(text)
        if truncated:
            lines.append(f"Read the full story at {src}")
        if rng.random() < 0.7:
            lines += outlet["bottom"]
        self._emit(did, label, new_title, "\n\n".join(lines), when, outlet["name"])

    def story(self, sid: str, paras: list[str], *, negatives: bool = True) -> None:
        rng = self.rng
        title = _title_from(rng, paras)
        when = self.t0 + dt.timedelta(minutes=rng.randrange(0, 60 * 24 * 300))
        src = "wire.example"
        self._emit(f"{sid}-0", sid, title, "\n\n".join(paras), when, src)
        for k in range(rng.randint(1, 6)):
            self.copy(f"{sid}-{k + 1}", sid, paras, title, when + dt.timedelta(minutes=rng.randrange(0, 36 * 60)), src)
        if not negatives:
            return
        n_figs = sum(len(_NUM.findall(p)) for p in paras)
        if n_figs >= 2 and rng.random() < 0.35:
            tid = f"{sid}-tpl"
            tparas = _change_figures(rng, paras)
            twhen = when + dt.timedelta(minutes=rng.randrange(0, 10 * 24 * 60))
            self._emit(f"{tid}-0", tid, title, "\n\n".join(tparas), twhen, src)
            for k in range(rng.randint(0, 2)):
                self.copy(f"{tid}-{k + 1}", tid, tparas, title, twhen + dt.timedelta(minutes=rng.randrange(0, 600)), src)
        if len(paras) >= 4 and rng.random() < 0.35:
            fid = f"{sid}-fup"
            background = paras[-rng.randint(1, 2):]
            fparas = self._fresh(rng.randint(3, 5))
            if len(fparas) >= 2:
                fparas = fparas[:2] + background + fparas[2:]
                fwhen = when + dt.timedelta(minutes=rng.randrange(24 * 60, 4 * 24 * 60))
                self._emit(f"{fid}-0", fid, _title_from(rng, fparas), "\n\n".join(fparas), fwhen, src)
                for k in range(rng.randint(0, 1)):
                    self.copy(f"{fid}-{k + 1}", fid, fparas, title, fwhen + dt.timedelta(minutes=rng.randrange(0, 600)), src)


def simulate(seed: int = 1, path: Path = DEFAULT_GT) -> list[Doc]:
    """The quality corpus: ~70% of the articles are stories, the rest fresh text."""
    bodies = load_bodies(path)
    rng = random.Random(seed)
    order = list(range(len(bodies)))
    rng.shuffle(order)
    n_story = int(len(order) * 0.7)
    fresh = [p for k in order[n_story:] for p in paragraphs(bodies[k][1]) if len(p.split()) >= 12]
    rng.shuffle(fresh)
    sim = Simulator(seed, fresh)
    for k in sorted(order[:n_story]):
        paras = paragraphs(bodies[k][1])
        if sum(len(p.split()) for p in paras) < 40:
            continue
        sim.story(f"s{k:03d}", paras)
    return sim.docs


def _sentences(bodies: list[tuple[str, str]]) -> list[tuple[int, str]]:
    out = []
    for k, (_, body) in enumerate(bodies):
        for p in paragraphs(body):
            out.extend((k, s) for s in _SENT.split(p) if len(s.split()) >= 6)
    return out


def scaled(n_docs: int, seed: int = 1, path: Path = DEFAULT_GT) -> list[Doc]:
    """An ``n_docs`` corpus of distinct synthetic stories made of real, perturbed sentences."""
    bodies = load_bodies(path)
    rng = random.Random(seed)
    sents = _sentences(bodies)
    # words to swap in come from the same article: a story stays in one language
    vocab: dict[int, list[str]] = {}
    for k, s in sents:
        vocab.setdefault(k, []).extend(w for w in s.split() if w.isalpha() and len(w) > 3)

    def perturb(k: int, s: str) -> str:
        words = s.split()
        pool = vocab.get(k) or words
        for _ in range(max(1, len(words) // 6)):
            words[rng.randrange(len(words))] = rng.choice(pool)
        return " ".join(words)

    def latin(text: str) -> bool:
        letters = [c for c in text if c.isalpha()]
        return sum(c.isascii() for c in letters) >= 0.9 * max(1, len(letters))

    # a story stays in one language: Latin-script sentences mix freely, other
    # scripts draw from their own article
    by_article: dict[int, list[tuple[int, str]]] = {}
    for k, s in sents:
        by_article.setdefault(k, []).append((k, s))
    latin_pool = [ks for k, group in by_article.items() if latin(bodies[k][1]) for ks in group]

    def fresh_story() -> list[str]:
        k, _ = rng.choice(sents)
        pool = latin_pool if latin(bodies[k][1]) else by_article[k]
        picked = [perturb(*rng.choice(pool)) for _ in range(rng.randint(6, 30))]
        paras, i = [], 0
        while i < len(picked):
            k = rng.randint(1, 4)
            paras.append(" ".join(picked[i : i + k]))
            i += k
        return paras

    fresh_pool: list[str] = []
    sim = Simulator(seed, fresh_pool)
    k = 0
    while len(sim.docs) < n_docs:
        if len(fresh_pool) < 10:
            fresh_pool.extend(p for _ in range(20) for p in fresh_story())
        sim.story(f"x{k:06d}", fresh_story())
        k += 1
    return sim.docs[:n_docs]


def write(docs: list[Doc], out: Path) -> None:
    with gzip.open(out, "wt", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")


def read(path: Path) -> Iterator[Doc]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--ground-truth", type=Path, default=DEFAULT_GT)
    ap.add_argument("--scaled", type=int, default=0, help="build an N-document speed corpus instead")
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    docs = scaled(args.scaled, args.seed, args.ground_truth) if args.scaled else simulate(args.seed, args.ground_truth)
    write(docs, args.out)
    labels = {d["cluster"] for d in docs}
    print(f"{len(docs)} documents, {len(labels)} stories -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
