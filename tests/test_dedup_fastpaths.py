"""The fast (vectorized, pooled, screened) paths of dedup give what the plain paths give."""

from __future__ import annotations

import random
import re
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclean.dedup import DedupOptions, cluster
from newsclean.dedup import api as dedup_api
from newsclean.dedup import verify as dedup_verify
from newsclean.dedup.api import make_params, read_docs
from newsclean.dedup.features import TruncationMarkers
from newsclean.dedup.index import candidate_pairs
from newsclean.dedup.shingle import _SEP_BYTES_RE, _blank_separators
from newsclean.dedup.verify import Corpus, Verifier, sorted_unique, unique_inverse

SETTINGS = settings(derandomize=True, max_examples=80, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

WORDS = ["the", "council", "approved", "a", "plan", "to", "rebuild", "bridge", "over", "river",
         "after", "long", "debate", "about", "money", "schools", "roads", "12", "percent", "48",
         "million", "dollars", "said", "mayor", "on", "tuesday"]


def corpus(seed: int, n_stories: int = 30) -> list[dict[str, object]]:
    """Stories with copies (chrome, truncation, edits, changed figures), dated within days."""
    rng = random.Random(seed)
    docs: list[dict[str, object]] = []
    for s in range(n_stories):
        words = [rng.choice(WORDS) for _ in range(rng.randint(5, 90))]
        title = " ".join(rng.sample(WORDS, 4)) if rng.random() < 0.7 else None
        for c in range(rng.randint(1, 4)):
            w = list(words)
            kind = rng.random()
            if kind < 0.2:
                w = [*w[: max(3, len(w) // 3)], "read", "the", "full", "story", "at", "example.com"]
            elif kind < 0.4:
                w = [str(rng.randint(0, 99)) if x.isdigit() else x for x in w]
            elif kind < 0.6:
                w[rng.randrange(len(w))] = rng.choice(WORDS)
            text = ("Menu\nHome | News\n" if rng.random() < 0.5 else "") + " ".join(w)
            d: dict[str, object] = {"id": f"s{s}c{c}", "text": text,
                                    "date": f"2024-01-{rng.randint(1, 4):02d}T{rng.randint(0, 23):02d}:00:00"}
            if title is not None and rng.random() < 0.8:
                d["title"] = title
            docs.append(d)
    docs.append({"id": "dup-a", "text": " ".join(WORDS), "date": "2024-01-02"})
    docs.append({"id": "dup-b", "text": " ".join(WORDS), "date": "2024-01-03"})
    return docs


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_bulk_decisions_equal_one_by_one(seed: int) -> None:
    """``Verifier.decide_pairs`` (numpy over all pairs) == ``Verifier.decide`` per pair."""
    options = DedupOptions()
    docs = read_docs(corpus(seed))
    n = len(docs)
    i, j = np.triu_indices(n, k=1)
    bulk = Verifier(Corpus(docs, options))
    ok, rank = bulk.decide_pairs(i.astype(np.int64), j.astype(np.int64))
    one = Verifier(Corpus(docs, options))
    accepted = 0
    for k, (x, y) in enumerate(zip(i.tolist(), j.tolist(), strict=True)):
        d = one.decide(x, y)
        assert (d is not None) == bool(ok[k]), (x, y)
        if d is not None:
            accepted += 1
            assert d.rank == rank[k]
            assert bulk.decide(x, y) == d
        rx, ry = int(one.c.rep[x]), int(one.c.rep[y])
        if one.c.eligible[rx] and one.c.eligible[ry] and rx != ry and (min(rx, ry), max(rx, ry)) in one._content:
            assert bulk.content(rx, ry) == one.content(rx, ry)
    assert accepted > 10
    assert bulk.exact_checks == one.exact_checks


def _reference_pairs(sig: Any, bands: int, rows: int, eligible: Any) -> list[list[int]]:
    """Pairs sharing a band, one bucket dict per band (what MinHashLSH does)."""
    idx = range(len(sig)) if eligible is None else [i for i in range(len(sig)) if eligible[i]]
    pairs: set[tuple[int, int]] = set()
    for band in range(bands):
        buckets: dict[tuple[int, ...], list[int]] = {}
        for i in idx:
            buckets.setdefault(tuple(sig[i, band * rows : (band + 1) * rows].tolist()), []).append(i)
        for members in buckets.values():
            pairs.update((a, b) for k, a in enumerate(members) for b in members[k + 1 :])
    return [list(p) for p in sorted(pairs)]


def test_candidate_pairs_equal_a_bucket_reference() -> None:
    rng = np.random.default_rng(3)
    base = rng.integers(0, 6, size=(300, 32)).astype(np.uint32)
    base[150:] = base[:150]
    base[150:, :4] += 1
    for bands, rows in ((8, 4), (16, 2), (4, 8)):
        for eligible in (None, rng.random(300) < 0.7):
            got = candidate_pairs(sig=base, bands=bands, rows=rows, max_bucket=10_000, eligible=eligible)
            assert got.tolist() == _reference_pairs(base, bands, rows, eligible)
    # a huge bucket contributes the pairs of consecutive members only
    same = np.zeros((50, 8), dtype=np.uint32)
    got = candidate_pairs(sig=same, bands=2, rows=4, max_bucket=10)
    assert got.tolist() == [[i, i + 1] for i in range(49)]


@given(st.lists(st.integers(-5, 50), max_size=60))
@SETTINGS
def test_sorted_unique_and_inverse_equal_numpy(xs: list[int]) -> None:
    x = np.array(xs, dtype=np.int64)
    assert sorted_unique(x).tolist() == np.unique(x).tolist()
    u, inv = unique_inverse(x)
    nu, ninv = np.unique(x, return_inverse=True)
    assert u.tolist() == nu.tolist() and inv.tolist() == ninv.reshape(-1).tolist()


def test_separator_blanking_equals_the_regex_on_every_bmp_character() -> None:
    chars = "".join(chr(c) for c in range(0x80, 0x10000) if not 0xD800 <= c < 0xE000)
    raw = (chars + "a\x00b " + chars[::-1]).encode("utf-8")
    blanked, _ = _blank_separators(raw)
    assert blanked.split() == _SEP_BYTES_RE.sub(b" ", raw).split()
    assert len(blanked) == len(raw)
    cjk = "東京 and ไทย".encode()
    assert [cjk[p : p + 3].decode() for p in _blank_separators(cjk)[1].tolist()] == list("東京ไทย")


LINE_WORDS = ["Read", "the", "full", "story", "at", "example.com", "Continue", "reading", "more",
              "(more)", "...", "…", "see", "get", "budget", "already", "Keep", "rest", "of", "this",
              "article", "remainder", "original", "İ", "ı", "ſee", "view", "whole", "on", "here", "x"]


@given(st.lists(st.lists(st.sampled_from(LINE_WORDS), max_size=8), max_size=10))
@SETTINGS
def test_truncation_screen_agrees_with_the_regexes(lines: list[list[str]]) -> None:
    text = "\n".join(" ".join(words) for words in lines)
    never = TruncationMarkers(["(?!)"])  # no screen: every short line goes to the regex
    assert TruncationMarkers().search(text) == never.search(text)


def test_process_pool_gives_the_same_result(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dedup_verify, "_BATCH", 16)
    docs = corpus(5)
    one = cluster(docs)
    two = cluster(docs, options=DedupOptions(workers=2))
    assert one.assignments == two.assignments
    assert one.stats == two.stats


def test_run_uses_the_fast_candidates() -> None:
    options = DedupOptions()
    docs = read_docs(corpus(4))
    c = Corpus(docs, options)
    pairs = dedup_api._candidates(c, Verifier(c), make_params(options))
    assert pairs.ndim == 2 and (pairs[:, 0] < pairs[:, 1]).all()
    assert pairs.tolist() == sorted(pairs.tolist())
    assert re.fullmatch(r"ClusterResult\(.*\)", repr(cluster(corpus(4))))
