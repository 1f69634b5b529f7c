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


@given(st.integers(0, 2**32 - 1), st.integers(2, 120), st.sampled_from([(8, 4), (16, 2), (4, 8), (1, 1)]),
       st.sampled_from([2, 3, 10_000]), st.booleans())
@SETTINGS
def test_hashed_buckets_equal_sorted_buckets(seed: int, n: int, shape: tuple[int, int], max_bucket: int,
                                             some: bool) -> None:
    """The hashing kernel finds the buckets (and the pairs, big buckets too) of the
    stable sort of each band's keys."""
    from newsclean.dedup.index import _candidate_pairs_by_sorting

    rng = np.random.default_rng(seed)
    bands, rows = shape
    sig = rng.integers(0, 3, size=(n, bands * rows)).astype(np.uint32)  # many equal bands
    sig[rng.random(n) < 0.3] = 7  # one big bucket in every band
    eligible = rng.random(n) < 0.8 if some else None
    kw: dict[str, Any] = {"bands": bands, "rows": rows, "max_bucket": max_bucket, "eligible": eligible}
    got = candidate_pairs(sig, **kw)
    assert np.array_equal(got, _candidate_pairs_by_sorting(sig, **kw))
    assert got.dtype == np.int64 and got.shape[1] == 2


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


@pytest.mark.parametrize("threads", [2, 3])
def test_threads_give_the_same_result(monkeypatch: pytest.MonkeyPatch, threads: int) -> None:
    monkeypatch.setattr(dedup_verify, "_BATCH", 16)
    docs = corpus(5)
    one = cluster(docs)
    many = cluster(docs, options=DedupOptions(threads=threads))
    assert one.assignments == many.assignments
    assert one.clusters == many.clusters
    assert one.stats == many.stats


@pytest.mark.parametrize("bad", [0, -1, 1.5, True, "2"])
def test_threads_option_is_validated(bad: object) -> None:
    from newsclean.errors import OptionsError

    with pytest.raises(OptionsError, match="threads"):
        DedupOptions(threads=bad)


def test_run_uses_the_fast_candidates() -> None:
    options = DedupOptions()
    docs = read_docs(corpus(4))
    c = Corpus(docs, options)
    pairs = dedup_api._candidates(c, Verifier(c), make_params(options))
    assert pairs.ndim == 2 and (pairs[:, 0] < pairs[:, 1]).all()
    assert pairs.tolist() == sorted(pairs.tolist())
    assert re.fullmatch(r"ClusterResult\(.*\)", repr(cluster(corpus(4))))


# -- compiled kernels (newsclean.dedup._kernels) against the numpy references ----------
MIXED = st.lists(
    st.one_of(
        st.sampled_from(list("abc XYZ 0123456789 .,;-'\"\n\t")),
        st.sampled_from(list("東京株式市場ひらがなカタカナไทยภาษาÉéüßİıſ…—–“”«»\u00a0\u3000")),
        st.sampled_from(["😀", "👍🏽", "e\u0301", "a\u0308", "ﬁ", "①", "Ⅻ", "ｆｕｌｌ", "x" * 70, "é" * 40]),
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
    ),
    max_size=120,
).map("".join)


@given(st.lists(MIXED, min_size=1, max_size=6))
@SETTINGS
def test_fast_token_hashes_equal_the_numpy_ones(texts: list[str]) -> None:
    from newsclean.dedup.shingle import fast_token_hashes, normalize_many, token_hashes

    big = normalize_many(texts)
    h, off, num = token_hashes(big, len(texts))
    fh, foff, fnum = fast_token_hashes(big, len(texts))
    assert h.tolist() == fh.tolist()
    assert off.tolist() == foff.tolist()
    assert num.tolist() == fnum.tolist()


@given(st.lists(MIXED, min_size=1, max_size=6), st.integers(1, 4))
@SETTINGS
def test_shingle_sets_and_signatures_equal_the_numpy_ones(texts: list[str], ngram: int) -> None:
    from newsclean.dedup._kernels import shingle_sets_sign
    from newsclean.dedup.shingle import normalize_many, shingles, token_hashes
    from newsclean.dedup.signature import permutations, sign

    h, off, _ = token_hashes(normalize_many(texts), len(texts))
    sh, sh_off = shingles(h, off, ngram)
    a, b = permutations(32, 7)
    ksh, ksh_off, sets, set_off, sig = shingle_sets_sign(h, off, ngram, a, b)
    assert ksh.tolist() == sh.tolist() and ksh_off.tolist() == sh_off.tolist()
    for d in range(len(texts)):
        ref = sh[sh_off[d] : sh_off[d + 1]]
        assert sets[set_off[d] : set_off[d + 1]].tolist() == sorted(set(ref.tolist()))
    assert np.array_equal(sig, sign(sh, sh_off, num_perm=32, seed=7))
    _, _, none, none_off, sig2 = shingle_sets_sign(h, off, ngram, a, b, want_sets=False)
    assert len(none) == 0 and none_off.tolist() == set_off.tolist() and np.array_equal(sig2, sig)


@given(
    st.one_of(
        st.lists(st.integers(0, 2**32 - 1), max_size=400),
        st.lists(st.integers(0, 300), max_size=400),  # repeats; high bytes all equal (skipped passes)
        st.lists(st.sampled_from([0, 1, 2**8, 2**16, 2**24, 2**32 - 1]), min_size=60, max_size=200),
    )
)
@SETTINGS
def test_radix_sort_equals_numpy_sort(xs: list[int]) -> None:
    from newsclean.dedup._kernels import radix_sort, sort_hashes

    for sort in (radix_sort, sort_hashes):
        w = np.array(xs, dtype=np.uint32)
        sort(w)
        assert w.tolist() == sorted(xs)


@pytest.mark.parametrize("n", [63, 64, 65, 400, 5000, 70_000, 150_000])
def test_bucket_sort_of_hashes_equals_numpy_sort(n: int) -> None:
    """Spread values (one bucket pass + insertion sort), crowded ones (the radix
    fallback) and repeats all come out sorted."""
    from newsclean.dedup._kernels import sort_hashes

    rng = np.random.default_rng(n)
    for xs in (
        rng.integers(0, 2**32, size=n, dtype=np.uint64).astype(np.uint32),  # hashes
        rng.integers(0, 2**20, size=n).astype(np.uint32),  # all in the lowest buckets
        np.repeat(rng.integers(0, 2**32, size=max(n // 50, 1), dtype=np.uint64).astype(np.uint32), 50)[:n],
    ):
        w = xs.copy()
        sort_hashes(w)
        assert np.array_equal(w, np.sort(xs))


def test_long_texts_get_the_same_sets_and_signatures() -> None:
    from newsclean.dedup._kernels import shingle_sets_sign
    from newsclean.dedup.shingle import normalize_many, shingles, token_hashes
    from newsclean.dedup.signature import permutations, sign

    rng = random.Random(3)
    words = [f"w{k}" for k in range(300)]
    texts = [" ".join(rng.choice(words) for _ in range(n)) for n in (10, 70, 500, 3000)]
    h, off, _ = token_hashes(normalize_many(texts), len(texts))
    sh, sh_off = shingles(h, off, 3)
    a, b = permutations(16, 2)
    _, _, sets, set_off, sig = shingle_sets_sign(h, off, 3, a, b)
    for d in range(len(texts)):
        ref = sh[sh_off[d] : sh_off[d + 1]]
        assert sets[set_off[d] : set_off[d + 1]].tolist() == sorted(set(ref.tolist()))
    assert np.array_equal(sig, sign(sh, sh_off, num_perm=16, seed=2))


def test_kernel_signatures_are_datasketch_lean_minhashes() -> None:
    from datasketch import LeanMinHash, MinHash

    from newsclean.dedup._kernels import shingle_sets_sign
    from newsclean.dedup.shingle import fast_token_hashes, normalize_many, shingle_hash
    from newsclean.dedup.signature import permutations, to_lean_minhash

    texts = ["the cat sat on the mat today", "東京株式市場 ไทย 😀 e\u0301t\u00e9"]
    big = normalize_many(texts)
    h, off, _ = fast_token_hashes(big, 2)
    a, b = permutations(128, 1)
    sh, sh_off, _, _, sig = shingle_sets_sign(h, off, 3, a, b)
    for d, blob in enumerate(big.split(b"\x01")):
        toks = blob.split()
        grams = [b" ".join(toks[k : k + 3]) for k in range(max(len(toks) - 2, 1))]
        m = MinHash(num_perm=128, seed=1, hashfunc=shingle_hash)
        m.update_batch(grams)
        assert [shingle_hash(g) for g in grams] == sh[sh_off[d] : sh_off[d + 1]].tolist()
        assert LeanMinHash(m) == to_lean_minhash(sig[d], seed=1)


@given(
    st.lists(st.lists(st.integers(0, 40), max_size=30), min_size=2, max_size=8),
    st.lists(st.tuples(st.integers(0, 7), st.integers(0, 7)), max_size=20),
)
@SETTINGS
def test_kernel_intersections_equal_python_sets(segs: list[list[int]], pairs: list[tuple[int, int]]) -> None:
    from newsclean.dedup._kernels import intersect_counts, lead_share_counts, shared_counts64

    sets = [sorted(set(s)) for s in segs]
    off = np.zeros(len(sets) + 1, dtype=np.int64)
    np.cumsum([len(s) for s in sets], out=off[1:])
    vals = np.array([v for s in sets for v in s], dtype=np.uint32)
    ps = [(x % len(sets), y % len(sets)) for x, y in pairs]
    a = np.array([p[0] for p in ps], dtype=np.int64)
    b = np.array([p[1] for p in ps], dtype=np.int64)
    want = [len(set(sets[x]) & set(sets[y])) for x, y in ps]
    assert intersect_counts(vals, off, a, b).tolist() == want
    big = vals.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15 // 64)
    assert shared_counts64(big, off, a, b).tolist() == want
    # lead shares: the lead segments are in any order, with repeats
    loff = np.zeros(len(segs) + 1, dtype=np.int64)
    np.cumsum([len(s) for s in segs], out=loff[1:])
    lead = np.array([v for s in segs for v in s], dtype=np.uint32)
    got, size = lead_share_counts(lead, loff, vals, off, a, b)
    assert size.tolist() == [len(set(segs[x])) for x, _ in ps]
    assert got.tolist() == [len(set(segs[x]) & set(sets[y])) for x, y in ps]
    # segments that are sets already (the corpus keeps its lead shingle sets)
    got, size = lead_share_counts(vals, off, vals, off, a, b, are_sets=True)
    assert size.tolist() == [len(sets[x]) for x, _ in ps]
    assert got.tolist() == want


def test_large_set_lookups_use_the_binary_search_path() -> None:
    from newsclean.dedup._kernels import intersect_counts

    small = [5, 700, 1999, 5000]
    big = list(range(0, 2000))
    off = np.array([0, len(small), len(small) + len(big)], dtype=np.int64)
    vals = np.array(small + big, dtype=np.uint32)
    assert intersect_counts(vals, off, np.array([0, 1]), np.array([1, 0])).tolist() == [3, 3]


def test_utf8_casefold_equals_str_casefold_on_every_code_point() -> None:
    from newsclean.dedup._kernels import _FOLD_LIMIT, casefold_utf8

    chars = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    lower_ascii = bytes(range(65)) + bytes(range(97, 123)) + bytes(range(91, 256))
    got = casefold_utf8(("Straße\x00" + chars + " ΣΑΣ").encode()).translate(lower_ascii)
    assert got == ("Straße\x00" + chars + " ΣΑΣ").casefold().encode()
    assert all(chr(c).casefold() == chr(c) for c in range(_FOLD_LIMIT, 0x110000) if not 0xD800 <= c < 0xE000)
    assert casefold_utf8(b"ASCII Only") == b"ASCII Only"


@given(st.lists(MIXED, min_size=1, max_size=6))
@SETTINGS
def test_compiled_normalization_gives_the_tokens_of_the_definition(texts: list[str]) -> None:
    """NFKC + casefold + the token regex, text by text == the batch path (fold_blank)."""
    import unicodedata

    from newsclean.dedup.shingle import _TOKEN_RE, encode_batch, normalize_many

    got = [b.split() for b in normalize_many(texts).split(b"\x01")]
    for text, toks in zip(texts, got, strict=True):
        norm = unicodedata.normalize("NFKC", text.replace("\x00", " ")).casefold()
        assert toks == [t.encode("utf-8") for t in _TOKEN_RE.findall(norm)]
    utf8 = encode_batch(texts)
    if utf8 is not None:  # the texts encoded by the caller: the same bytes
        assert normalize_many(texts, None, utf8) == normalize_many(texts)


def test_nfkc_quick_check_table_is_sound() -> None:
    """Composites of all of Unicode give the same table; every "safe" character is its
    own NFKC form and combines with nothing before it."""
    import unicodedata

    from newsclean.dedup._kernels import nfkc_safe_table

    table = nfkc_safe_table()
    assert np.array_equal(nfkc_safe_table(0x110000), table)
    safe = np.flatnonzero(table)
    assert not table[[0x301, 0x1161, 0x11A8, 0xBD, 0x2026, 0xFB01, 0x3099, 0x0BBE]].any()
    assert table[[ord("é"), ord("ß"), ord("東"), 0x1F600, ord("가")]].all()
    rng = np.random.default_rng(5)
    for _ in range(200):
        text = "".join(map(chr, rng.choice(safe, 50)))
        assert unicodedata.is_normalized("NFKC", text)


@pytest.mark.parametrize(
    "texts",
    [
        ["가\u11a8 plain", "x"],  # Hangul LV + final consonant compose
        ["e\u0301 ½ … \u00a0 ｆｕｌｌ", "東京 ½", "plain é"],
        ["ok", "\u0b47\u0b3e ﬁ", "ok é"],
    ],
)
def test_texts_not_in_nfkc_form_are_normalized_in_the_batch(texts: list[str]) -> None:
    import unicodedata

    from newsclean.dedup.shingle import _TOKEN_RE, normalize_many

    got = [b.split() for b in normalize_many(texts).split(b"\x01")]
    for text, toks in zip(texts, got, strict=True):
        norm = unicodedata.normalize("NFKC", text).casefold()
        assert toks == [t.encode("utf-8") for t in _TOKEN_RE.findall(norm)]


def test_substituted_characters_give_the_tokens_of_their_nfkc_form_in_any_context() -> None:
    """Every character fold_blank writes as its NFKC form (an ellipsis, a fraction, a
    no-break space), beside letters, digits, combining marks and composable
    characters, gives the tokens of NFKC + casefold + the token regex -- without the
    Python check (the texts are not sent to unicodedata)."""
    import unicodedata

    from newsclean.dedup._kernels import _tables, fold_blank, fold_blank_tables, nfkc_safe_table
    from newsclean.dedup.shingle import (
        _BATCH_TABLE,
        _IS_NOSPACE_CP,
        _IS_SEP_CP,
        _TOKEN_RE,
        normalize_many,
    )

    start, _, _, safe, _ = fold_blank_tables(_IS_SEP_CP, _BATCH_TABLE)
    fold_start = _tables()[0]
    quick = nfkc_safe_table()
    subst = np.flatnonzero(safe & ~quick).tolist()
    assert {0x2026, 0xBD, 0xBC, 0xBE, 0xA0, 0x2002, 0x2460} <= set(subst)
    assert all(start[c] >= 0 for c in subst)
    # letters (they may compose with a following mark), "<" "=" ">" (with U+0338), CJK
    assert not {ord("™"), 0x301, 0xFB01, ord("Ⅻ"), 0xFDFA, 0x3359, 0xFF1C, 0x2A75} & set(subst)
    assert (start[: len(fold_start)][fold_start >= 0] >= 0).all()  # every case folding kept
    contexts = ["a{}b", "{}\u0301", "e{}\u0308x", "<{}", "{}\u0338", "1{}2", "\u1100{}\u1161", "é{}é", "{}"]
    texts = [ctx.format(chr(c)) for c in subst for ctx in contexts]
    got = [b.split() for b in normalize_many(texts).split(b"\x01")]
    for text, toks in zip(texts, got, strict=True):
        norm = unicodedata.normalize("NFKC", text).casefold()
        assert toks == [t.encode("utf-8") for t in _TOKEN_RE.findall(norm)], (hex(ord(text[1])), text)
    # none of the plain contexts needs the Python check
    plain = [f"a{chr(c)}b é {chr(c)}" for c in subst]
    _, odd, maybe, _ = fold_blank("\x00".join(plain).encode(), _IS_SEP_CP, _IS_NOSPACE_CP, _BATCH_TABLE, len(plain))
    assert maybe == [] and odd == []


LINES = st.lists(
    st.one_of(MIXED, st.sampled_from(["Home | News", "By Staff", "one two three four five",
                                      "Ünïcode words here and there", "a\u2003b c d e", "x" * 6000])),
    max_size=8,
).map("\n".join)


@given(st.lists(LINES, min_size=1, max_size=6))
@SETTINGS
def test_compiled_lead_skips_equal_lead_skip(texts: list[str]) -> None:
    """The lead-start kernel over the batch's UTF-8 skips the tokens lead_skip skips
    (Unicode white space, long first lines, non-ASCII heads)."""
    from newsclean.dedup.shingle import encode_batch
    from newsclean.dedup.verify import _lead_skips, lead_skip

    want = [lead_skip(t) for t in texts]
    assert _lead_skips(texts, encode_batch(texts), {}).tolist() == want
    assert _lead_skips(texts, None, {}).tolist() == want


@given(st.lists(st.one_of(st.none(), MIXED), max_size=8))
@SETTINGS
def test_batch_title_tokens_equal_one_by_one(titles: list[str | None]) -> None:
    from newsclean.dedup.features import title_tokens, title_tokens_many

    assert title_tokens_many(titles) == [title_tokens(t) for t in titles]


def test_casefold_never_yields_separators_or_characters_of_scripts_without_spaces() -> None:
    """fold_blank copies folded characters as they are: none of them may be a separator
    (or white space) or a CJK/Thai character."""
    from newsclean.dedup._kernels import _FOLD_LIMIT
    from newsclean.dedup.shingle import _IS_NOSPACE_CP, _IS_SEP_CP

    for c in range(0x80, _FOLD_LIMIT):
        ch = chr(c)
        if 0xD800 <= c < 0xE000 or ch.casefold() == ch:
            continue
        for f in ch.casefold():
            o = ord(f)
            if o < 0x80:  # copied as is, not through the ASCII table: must be a letter or digit
                assert f.isalnum() and not f.isupper(), hex(c)
            elif o < 0x10000:
                assert not (_IS_SEP_CP[o] or _IS_NOSPACE_CP[o]), hex(c)
            else:
                assert not 0x20000 <= o <= 0x3134F, hex(c)


def test_kernels_compile_without_a_cache_when_numba_finds_no_cache_location(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A read-only install with no writable user cache: numba raises at decoration time
    (``cache=True``); ``_jit`` then compiles in memory instead of failing."""
    import numba

    from newsclean.dedup import _kernels

    real = numba.njit
    calls: list[bool] = []

    def njit(*args: Any, **kw: Any) -> Any:
        if args:  # numba's own modules use the bare decorator
            return real(*args, **kw)
        calls.append(bool(kw.get("cache")))
        if kw.get("cache"):
            raise RuntimeError("cannot cache function 'f': no locator available")
        return real(**kw)

    monkeypatch.setattr(numba, "njit", njit)

    def twice(x: int) -> int:
        return 2 * x

    assert _kernels._jit(twice)(21) == 42
    assert calls == [True, False]


# -- truncation markers: the compiled line screen (TruncationMarkers.search_many) ----
MARKER_PIECES = st.one_of(
    st.sampled_from(LINE_WORDS),
    st.sampled_from(["\n", "\n\n", " ", "  ", "\t", "\r\n", "\u00a0", "\u3000", "\u2028", "\x1c", "\u0085",
                     "[…]", "[...]", "..", "K\u212aeep", "\u212aeep", "READ", "Full", "(MORE)", "CONTINUES at",
                     "東京", "ไทย", "😀", "e\u0301", "Σ", "x" * 310, "é" * 160, "- more -", "more..."]),
    MIXED,
)


@given(st.lists(st.lists(MARKER_PIECES, max_size=30).map("".join), min_size=1, max_size=6),
       st.integers(1, 9))
@SETTINGS
def test_compiled_marker_screen_equals_search(texts: list[str], lines: int) -> None:
    from newsclean.dedup.shingle import encode_batch

    markers = TruncationMarkers(lines=lines)
    want = [markers.search(t) for t in texts]
    assert markers.search_many(texts) == want
    # sharing the batch's UTF-8 (spans of the joined texts, tails found in bytes)
    utf8 = encode_batch(texts)
    if utf8 is not None:
        assert markers.search_many(texts, utf8) == want


@given(st.lists(st.lists(st.sampled_from(["a", "é", "東", "😀", "x" * 9, "\n"]), max_size=80).map("".join),
                min_size=1, max_size=6), st.integers(1, 40))
@SETTINGS
def test_tail_starts_find_the_last_characters(texts: list[str], chars: int) -> None:
    """The byte offset of text[-chars:] in the batch's UTF-8 (ASCII blocks skipped eight
    bytes at a time)."""
    from newsclean.dedup._kernels import tail_starts
    from newsclean.dedup.shingle import encode_batch

    utf8 = encode_batch(texts)
    assert utf8 is not None
    got = tail_starts(utf8.raw, utf8.starts, utf8.ends, chars).tolist()
    assert got == [int(s) + len(t[: max(len(t) - chars, 0)].encode()) for s, t in zip(utf8.starts, texts, strict=True)]


@given(st.lists(st.lists(st.integers(0, 3), max_size=6), min_size=1, max_size=30))
@SETTINGS
def test_sequence_hashes_group_equal_sequences(segs: list[list[int]]) -> None:
    """Equal shingle sequences (same order, same length) get equal 128-bit hashes and
    different ones different hashes: the exact-duplicate grouping of the corpus."""
    from newsclean.dedup._kernels import sequence_hashes

    off = np.zeros(len(segs) + 1, dtype=np.int64)
    np.cumsum([len(x) for x in segs], out=off[1:])
    vals = np.array([v for x in segs for v in x], dtype=np.uint32)
    got = [tuple(h) for h in sequence_hashes(vals, off).tolist()]
    for a in range(len(segs)):
        for b in range(len(segs)):
            assert (got[a] == got[b]) == (segs[a] == segs[b])


@given(st.lists(st.one_of(st.floats(0.0, 1.0), st.integers(0, 2**21).map(lambda k: k / 2**21),
                          st.integers(0, 10**6).map(lambda k: (k + 0.5) / 10**6)), max_size=200))
@SETTINGS
def test_round6_is_pythons_round(xs: list[float]) -> None:
    from newsclean.dedup.verify import round6

    got = round6(np.array(xs, dtype=np.float64))
    assert got == [round(x, 6) for x in xs]
    assert all(type(v) is float for v in got)


def test_marker_screen_on_long_texts_and_lone_surrogates() -> None:
    from newsclean.dedup.shingle import encode_batch

    markers = TruncationMarkers()
    texts = [
        "a" * 1499 + "\nRead the full story at x.com",  # the tail cuts inside the text
        "word " * 400 + "\n" + "Continue reading" + "\n" * 20,
        "story\nRead the full \ud800 story here",  # a lone surrogate (surrogatepass)
        "x" * 290 + "é" * 11 + "... (more)",  # 301 characters: not screened, but ends in "(more)"
        "…" + "\n \n",
        "",
    ]
    assert markers.search_many(texts) == [markers.search(t) for t in texts]
    assert markers.search_many([]) == []
    shared = [t for t in texts if "\ud800" not in t] + [
        "é" * 1499 + "\nRead the full story at x.com",  # multi-byte characters around the tail's start
        "東" * 1490 + "\nx\nRead the full story",
        "😀" * 1600 + "\nContinue reading",
    ]
    utf8 = encode_batch(shared)
    assert utf8 is not None
    assert markers.search_many(shared, utf8) == [markers.search(t) for t in shared]
    assert encode_batch(["a\x00b", "c"]) is None and encode_batch(["\ud800"]) is None


def test_marker_kernel_tables_match_the_screen_and_str_isspace() -> None:
    from newsclean.dedup import _kernels, features

    kinds = {0: ("continu", "(more)"), 1: tuple(w[1:] for w in features._MARK_STARTS),
             2: features._MARK_VERBS, 3: features._MARK_QUALIFIERS}
    for kind, words in kinds.items():
        assert sorted(w for w, k in _kernels._MARK_WORDS if k == kind) == sorted(w.encode() for w in words)
    space = [c for c in range(0x80, 0x110000) if chr(c).isspace()]
    assert sorted(_kernels._SPACE_CP) == space
    lower_ascii = [c for c in range(0x80, 0x110000) if any(ch.isascii() for ch in chr(c).lower())]
    assert set(lower_ascii) | {0x130, 0x131, 0x17F} == set(_kernels._MARK_SPECIAL)


# -- canonical copies: the built-in policies' bulk ranks against their choose() --------
class _SlowLongest(dedup_api.LongestBody):  # a subclass: cluster() calls its choose()
    pass


class _SlowEarliest(dedup_api.EarliestDate):
    pass


@pytest.mark.parametrize("seed", [1, 2])
def test_built_in_policies_choose_as_their_choose_method(seed: int) -> None:
    docs = corpus(seed, n_stories=40)
    for i, d in enumerate(docs):  # ties in length and date, and undated copies
        if i % 3 == 0:
            d.pop("date", None)
        if i % 5 == 0:
            d["id"] = i  # int ids sort before str ids
    for fast, slow in ((dedup_api.LongestBody(), _SlowLongest()), (dedup_api.EarliestDate(), _SlowEarliest())):
        a = cluster(docs, options=DedupOptions(canonical=fast))
        b = cluster(docs, options=DedupOptions(canonical=slow))
        assert a.assignments == b.assignments
        assert a.clusters == b.clusters
        assert a.stats == b.stats
        assert any(len(c) > 2 for c in a.clusters)


def test_cluster_restores_the_cyclic_gc_state() -> None:
    import gc

    from newsclean.errors import InputError

    assert gc.isenabled()
    cluster(corpus(1, n_stories=3))
    assert gc.isenabled()
    with pytest.raises(InputError):
        cluster([{"id": "a", "text": "x"}, {"id": "a", "text": "y"}])
    assert gc.isenabled()
    gc.disable()
    try:
        cluster(corpus(1, n_stories=3))
        assert not gc.isenabled()
    finally:
        gc.enable()


# -- titles as hashed token sets (features.title_sets) against frozensets -------------
@given(st.lists(st.one_of(st.none(), st.just(""), st.sampled_from(["GM layoffs", "gm LAYOFFS!", "Ｇｍ layoffs"]),
                          MIXED), min_size=1, max_size=8))
@SETTINGS
def test_title_sets_and_similarities_equal_the_frozensets(titles: list[str | None]) -> None:
    from newsclean.dedup.features import (
        title_sets,
        title_similarities,
        title_similarity,
        title_tokens,
    )

    vals, off = title_sets(titles)
    sets = [title_tokens(t) for t in titles]
    assert [off[k + 1] - off[k] for k in range(len(titles))] == [len(s or ()) for s in sets]
    n = len(titles)
    a = np.repeat(np.arange(n), n)
    b = np.tile(np.arange(n), n)
    got = title_similarities(vals, off, a, b).tolist()
    want = [title_similarity(sets[x], sets[y]) for x, y in zip(a.tolist(), b.tolist(), strict=True)]
    assert [None if g != g else g for g in got] == want
    # equal token sets <=> equal hashed segments (the grouping of equal titles)
    for x in range(n):
        for y in range(n):
            same = vals[off[x] : off[x + 1]].tobytes() == vals[off[y] : off[y + 1]].tobytes()
            assert same == (sets[x] == sets[y])


def test_corpus_title_similarity_equals_the_frozensets() -> None:
    from newsclean.dedup.features import title_similarity

    docs = read_docs(corpus(2))
    c = Corpus(docs, DedupOptions())
    for i in range(0, len(docs), 3):
        for j in range(0, len(docs), 5):
            assert c.title_similarity(i, j) == title_similarity(c.titles[i], c.titles[j])


# -- content words (verify.content_words) in one compiled pass -------------------------
LINE_PIECES = st.one_of(
    st.sampled_from(["\n", "\r\n", "\r", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\u2028", "\u2029",
                     " ", "\t", "\u00a0", "\u3000", "\u2009", "word", "two words", "a b c d e f", "東京",
                     "😀", "e\u0301", "\ud800"]),
    MIXED,
)


@given(st.lists(st.lists(LINE_PIECES, max_size=40).map("".join), min_size=1, max_size=6), st.integers(1, 7))
@SETTINGS
def test_compiled_content_words_equal_the_python_ones(texts: list[str], min_words: int) -> None:
    from newsclean.dedup._kernels import content_words_many

    got = content_words_many(texts, min_words).tolist()
    want = [sum(k for line in t.splitlines() if (k := len(line.split())) >= min_words) for t in texts]
    assert got == want
    six = content_words_many(texts, 6).tolist()
    assert [g or 99 for g in six] == [dedup_verify.content_words(t, 99) for t in texts]


@given(st.lists(st.lists(st.integers(0, 2**64 - 1) | st.integers(0, 9), max_size=12), max_size=8))
@SETTINGS
def test_compiled_unique_segments_equal_the_numpy_ones(segs: list[list[int]]) -> None:
    vals = np.array([v for s in segs for v in s], dtype=np.uint64)
    off = np.zeros(len(segs) + 1, dtype=np.int64)
    np.cumsum([len(s) for s in segs], out=off[1:])
    got_v, got_o = dedup_verify._unique_segments(vals, off)
    want_v, want_o = dedup_verify._unique_segments_reference(vals, off)
    assert got_v.tolist() == want_v.tolist() == [v for s in segs for v in sorted(set(s))]
    assert got_o.tolist() == want_o.tolist()


@given(st.integers(0, 30), st.integers(1, 6), st.integers(1, 5), st.integers(0, 2**32 - 1))
@SETTINGS
def test_compiled_band_keys_equal_the_numpy_ones(n: int, bands: int, rows: int, seed: int) -> None:
    from newsclean.dedup import index
    from newsclean.dedup._kernels import band_keys_all

    rng = np.random.default_rng(seed)
    sig = rng.integers(0, 2**32, size=(n, bands * rows + 3), dtype=np.uint32)
    sig[n // 2 :, :rows] = sig[: n - n // 2, :rows]  # equal bands
    got = band_keys_all(sig, bands, rows, index._MIX, index._FIN)
    want = np.stack([index._band_keys(sig, b * rows, (b + 1) * rows) for b in range(bands)]) if n else got
    assert got.shape == (bands, n)
    assert got.tolist() == want.tolist()


# -- figures in one compiled pass (features.figure_table_fast) ---------------------------
FIG_WORDS = ["rose", "to", "pct", "one", "two", "ten", "5", "6", "1", "4", "16", "12345678901234567", "x"]


@given(st.lists(st.lists(st.sampled_from(FIG_WORDS), max_size=25).map(" ".join), max_size=6))
@SETTINGS
def test_compiled_figure_table_equals_the_numpy_one(texts: list[str]) -> None:
    from newsclean.dedup.features import figure_table, figure_table_fast
    from newsclean.dedup.shingle import fast_token_hashes, normalize_many

    h, off, numeric = fast_token_hashes(normalize_many(texts), len(texts))
    got = figure_table_fast(h, off, numeric)
    want = figure_table(h, off, numeric)
    for g, w in zip(got, want, strict=True):
        assert g.tolist() == w.tolist()


@given(
    st.lists(
        st.tuples(st.integers(0, 9), st.integers(0, 9), st.sampled_from([0.0, -0.0, 0.25, 0.5, 0.9, 1.0])),
        max_size=40,
    ),
    st.permutations(list(range(10))),
)
@SETTINGS
def test_join_order_equals_the_key_function_sort(edges: list[tuple[int, int, float]], keys: list[int]) -> None:
    from newsclean.dedup.cluster import join_order, link

    a = np.array([e[0] for e in edges], dtype=np.int64)
    b = np.array([e[1] for e in edges], dtype=np.int64)
    r = np.array([e[2] for e in edges], dtype=np.float64)
    got = [edges[k] for k in join_order(a, b, r, np.array(keys, dtype=np.int64)).tolist()]
    want = sorted(edges, key=lambda e: (-e[2], min(keys[e[0]], keys[e[1]]), max(keys[e[0]], keys[e[1]])))
    assert got == want

    def rel(x: int, y: int) -> int:
        return 1 if (x + y) % 3 else -1 if (x * y) % 5 == 1 else 0

    assert link(10, got, rel, keys=keys, min_link=0.4, ordered=True) == link(10, edges, rel, keys=keys, min_link=0.4)
