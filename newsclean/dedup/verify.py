"""Corpus preparation and candidate verification (the pair decision).

:class:`Corpus` turns validated documents into what the pair decision
needs: shingle sets, MinHash signatures of the body and of the lead, set
sizes, titles, dates, truncation flags. Documents whose normalized text is
identical share one *representative* (the exact-duplicate fast path: the
text is shingled once, signed once, compared once).

:class:`Verifier` decides whether two documents are copies of one story
(see :class:`~newsclean.dedup.DedupOptions` for the rule). Body similarity
is first estimated from the signatures; with ``verify="exact"`` the shingle
sets are intersected whenever the estimate is close to a threshold.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import repeat
from typing import Protocol

import numpy as np
import numpy.typing as npt

from .docs import Doc
from .features import (
    Figures,
    TruncationMarkers,
    as_figures,
    conflict_counts,
    figure_table_fast,
    figures_conflict,
    title_sets,
    title_similarities,
    title_tokens_many,
)
from .options import DedupOptions
from .shingle import _ASCII_TABLE as _TABLE
from .shingle import (
    Utf8Batch,
    _segment_index,
    encode_batch,
    fast_token_hashes,
    normalize_many,
    tokenize,
)
from .signature import permutations

__all__ = [
    "Content", "Corpus", "Decision", "Side", "Verifier", "compare", "content_words", "judge", "lead_text", "round6",
]

U32 = npt.NDArray[np.uint32]
U64 = npt.NDArray[np.uint64]
I64 = npt.NDArray[np.int64]
F64 = npt.NDArray[np.float64]
B = npt.NDArray[np.bool_]

_BATCH = 2048  # documents tokenized at a time (bounds the memory held by token lists)
_LEAD_LINE_WORDS = 5  # lines shorter than this (menus, labels, datelines) are not lead text
_LEAD_MAX_CHARS = 5000  # the story's first line starts before this character
_MARGIN = 0.12  # estimates this close to a threshold are checked exactly
_CONTENT_LINE_WORDS = 6  # lines with fewer words do not count towards a story's length
_TIME_PENALTY = 0.1  # edge order: similarity minus this times (time gap / date window)


def round6(x: F64) -> list[float]:
    """``[round(v, 6) for v in x]`` (Python's correctly rounded decimal rounding) with
    numpy: ``rint(v * 1e6) / 1e6`` is the same double unless ``v * 1e6`` lies within
    rounding error of a half (then the product's rounding may pick the other side);
    those few values are rounded by Python. ~5x faster than ``round`` per value.

    >>> round6(np.array([0.1234565, 2 / 3, 0.0078125]))
    [0.123456, 0.666667, 0.007812]
    """
    scaled = x * 1e6
    out = np.rint(scaled) / 1e6
    frac = scaled - np.floor(scaled)
    vals: list[float] = out.tolist()
    for k in np.flatnonzero(np.abs(frac - 0.5) < 1e-6).tolist():
        vals[k] = round(float(x[k]), 6)
    return vals


def sorted_unique(x: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """``np.unique(x)`` by sorting: numpy 2's hash-based ``unique`` is 10-40x slower on
    millions of integers."""
    s = np.sort(x)
    if len(s) > 1:
        s = s[np.concatenate(([True], s[1:] != s[:-1]))]
    return s


def unique_inverse(x: I64) -> tuple[I64, I64]:
    """``np.unique(x, return_inverse=True)`` by sorting (see :func:`sorted_unique`)."""
    order = np.argsort(x, kind="stable")
    s = x[order]
    first = np.ones(len(s), dtype=bool)
    if len(s) > 1:
        first[1:] = s[1:] != s[:-1]
    inv = np.empty(len(s), dtype=np.int64)
    inv[order] = np.cumsum(first) - 1
    return s[first], inv


_UNKNOWN = object()  # not in a memo




def _agreement(sig: U32, ra: I64, rb: I64) -> F64:
    """Share of equal signature slots of rows ``ra[k]`` and ``rb[k]`` (compiled loop)."""
    from ._kernels import agreement  # numba loads on first use: `import newsclean` stays light

    return agreement(sig, ra, rb)










def _unique_segments(vals: U64, off: I64) -> tuple[U64, I64]:
    """Each segment of ``vals`` without repeats (sorted within the segment; compiled)."""
    from ._kernels import unique_segments

    return unique_segments(vals, off)


def _unique_segments_reference(vals: U64, off: I64) -> tuple[U64, I64]:
    """:func:`_unique_segments` with numpy (the reference the kernel is tested against)."""
    n = len(off) - 1
    if len(vals) == 0:
        return vals, off
    seg = np.repeat(np.arange(n, dtype=np.int64), np.diff(off))
    order = np.lexsort((vals, seg))
    vs, ss = vals[order], seg[order]
    keep = np.concatenate(([True], (vs[1:] != vs[:-1]) | (ss[1:] != ss[:-1])))
    out_off = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(ss[keep], minlength=n), out=out_off[1:])
    return vs[keep], out_off


def lead_start(text: str) -> int:
    """Character offset of the first line with a few (white-space separated) words:
    where the story starts, below menus, labels and datelines (0 when none)."""
    pos = 0
    length = len(text)
    limit = min(length, _LEAD_MAX_CHARS)
    while pos < limit:
        end = text.find("\n", pos)
        if end < 0:
            end = length
        if len(text[pos:end].split()) >= _LEAD_LINE_WORDS:
            return pos
        pos = end + 1
    return 0


def lead_skip(text: str, cache: dict[bytes, list[bytes]] | None = None) -> int:
    """How many tokens come before the story's first line (:func:`lead_start`)."""
    pos = lead_start(text)
    if not pos:
        return 0
    head = text[:pos]
    if head.isascii():
        return len(head.encode("ascii").translate(_TABLE).split())
    return len(tokenize(head, cache))


def _lead_skips(texts: Sequence[str], utf8: Utf8Batch | None, cache: dict[bytes, list[bytes]]) -> I64:
    """:func:`lead_skip` of each text: one compiled pass over the batch's UTF-8
    (``_kernels.lead_heads``); only heads with non-ASCII characters are tokenized
    here (a Python loop per text cost ~3% of ``cluster()``)."""
    if utf8 is None:  # a NUL or a lone surrogate: the Python definition
        return np.array([lead_skip(t, cache) for t in texts], dtype=np.int64)
    from ._kernels import lead_heads

    skip, at = lead_heads(utf8.raw, utf8.starts, utf8.ends, _LEAD_MAX_CHARS, _LEAD_LINE_WORDS)
    for t in np.flatnonzero(skip < 0).tolist():
        skip[t] = len(tokenize(texts[t][: int(at[t])], cache))
    return skip


def lead_text(text: str, n: int) -> bytes:
    """The opening of a story, normalized: ``n`` tokens from :func:`lead_start` on."""
    return b" ".join(tokenize(text)[lead_skip(text) :][:n])


def content_words(text: str, total: int) -> int:
    """Words (split at white space) in lines of at least a few words (``total`` when none).

    Page furniture (menus, share buttons, credits) comes in short lines; a
    story's length is better measured without it.
    """
    got = 0
    for line in text.splitlines():
        k = len(line.split())
        if k >= _CONTENT_LINE_WORDS:
            got += k
    return got or total


@dataclass(frozen=True)
class Content:
    """Body similarity of two representatives (``containment`` is of the shorter)."""

    containment: float
    jaccard: float
    ratio: float
    truncated_short: bool
    exact: bool


@dataclass(frozen=True)
class Decision:
    """A verified pair: the similarity (containment) and how they match."""

    similarity: float
    how: str  # "exact_duplicate" | "near_duplicate" | "truncated_copy"
    rank: float  # similarity less a small penalty for the time gap: the order edges are joined in


@dataclass(frozen=True)
class _Batch:
    """What :class:`Corpus` needs of a run of documents (computed in a worker when pooled)."""

    words: I64
    n_sh: I64  # shingles per text, with repeats
    sets: U32  # each text's shingle set, sorted, back to back
    set_off: I64
    sig: U32  # each text's MinHash signature
    fig_keys: U64
    fig_vals: U64
    fig_off: I64
    trunc: list[bool]
    seq_hash: U64  # (n, 2): a 128-bit hash of each text's shingles in text order
    lead: U64
    lead_off: I64


def _prepare(
    texts: Sequence[str], ngram: int, lead_words: int, patterns: tuple[str, ...], num_perm: int, seed: int
) -> _Batch:
    """Tokens, shingle sets, signatures, figures, truncation flags, exact-text digests
    and lead tokens of a run of texts."""
    cache: dict[bytes, list[bytes]] = {}
    markers = TruncationMarkers(patterns)
    utf8 = encode_batch(texts)  # encoded once for normalizing and the marker screen
    th, tok_off, numeric = fast_token_hashes(normalize_many(texts, cache, utf8), len(texts))
    a, b = permutations(num_perm, seed)
    from ._kernels import shingle_sets_sign

    sh, sh_off, sets, set_off, sig = shingle_sets_sign(th, tok_off, ngram, a, b)
    fk, fv, f_off = figure_table_fast(th, tok_off, numeric)
    trunc = markers.search_many(texts, utf8)
    from ._kernels import sequence_hashes

    seq_hash = sequence_hashes(sh, sh_off)
    lo = tok_off[:-1].copy()
    if lead_words:
        lo += _lead_skips(texts, utf8, cache)
        hi = np.minimum(lo + lead_words, tok_off[1:])
    else:
        hi = lo
    counts = np.maximum(hi - lo, 0)
    lead_off = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum(counts, out=lead_off[1:])
    lead = th[_segment_index(lo, counts)]
    return _Batch(
        np.diff(tok_off), np.diff(sh_off), sets, set_off, sig, fk, fv, f_off, trunc, seq_hash, lead, lead_off
    )


def _prepared_batches(texts: Sequence[str], options: DedupOptions) -> Iterator[tuple[int, _Batch]]:
    """``(first index, batch)`` for runs of ``_BATCH`` texts, in order; prepared by
    ``options.workers`` processes when there is more than a little work, or by
    ``options.threads`` threads."""
    starts = range(0, len(texts), _BATCH)
    args = (options.ngram, options.lead_words, options.truncation_patterns, options.num_perm, options.seed)
    if options.workers > 1 and len(starts) > 2:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # load the compiled kernels here first: forked workers inherit them instead of
        # each importing numba and loading them again (~1-2 s of CPU per worker)
        _prepare(["warm up"], *args)
        ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
        with ProcessPoolExecutor(max_workers=options.workers, mp_context=ctx) as pool:
            futures = [pool.submit(_prepare, list(texts[b : b + _BATCH]), *args) for b in starts]
            for b, fut in zip(starts, futures, strict=True):
                yield b, fut.result()
        return
    if options.threads > 1 and len(starts) > 1:
        from concurrent.futures import Future, ThreadPoolExecutor

        # Batches are independent and _prepare keeps no shared state: threads only
        # change when a batch is ready, not what it holds. At most 2 per thread ahead
        # of the consumer (bounds the memory of prepared batches waiting).
        with ThreadPoolExecutor(max_workers=options.threads) as threads:
            ahead: deque[tuple[int, Future[_Batch]]] = deque()
            todo = iter(starts)
            for b in todo:
                ahead.append((b, threads.submit(_prepare, list(texts[b : b + _BATCH]), *args)))
                if len(ahead) >= 2 * options.threads:
                    break
            while ahead:
                b, fut = ahead.popleft()
                nxt = next(todo, None)
                if nxt is not None:
                    ahead.append((nxt, threads.submit(_prepare, list(texts[nxt : nxt + _BATCH]), *args)))
                yield b, fut.result()
        return
    for b in starts:
        yield b, _prepare(list(texts[b : b + _BATCH]), *args)


class Corpus:
    """Everything the pair decision needs about a list of documents."""

    def __init__(
        self,
        docs: Sequence[Doc],
        options: DedupOptions,
        texts: Sequence[str] | None = None,
    ) -> None:
        from .canonical import id_key

        self.docs = docs
        self.options = options
        n = len(docs)
        self.n = n
        texts = texts if texts is not None else [d.text for d in docs]
        self.texts = texts
        ngram = options.ngram
        self.words = np.zeros(n, dtype=np.int64)
        self.rep = np.zeros(n, dtype=np.int64)
        self.dates = np.array([d.date if d.date is not None else math.nan for d in docs], dtype=np.float64)
        self._titles: list[frozenset[bytes] | None] | None = None
        self.title_set, self.title_off = title_sets([d.title for d in docs])
        self.has_title = np.diff(self.title_off) > 0
        self.keys = [id_key(d.doc_id) for d in docs]
        # Exact duplicates (same shingles in the same order, same truncation flag) share
        # one representative, found by a 128-bit hash of the shingles (two 64-bit lanes,
        # compiled; a BLAKE2b digest per text in Python cost ~3% of cluster() at 100k
        # documents). Like the digest it replaces, it can only merge texts whose 32-bit
        # shingle hashes all agree by a 128-bit collision.
        rep_members: list[list[int]] = []
        rep_of_hash: dict[int, int] = {}
        sh_parts: list[U32] = []  # each representative's shingle set, sorted
        sh_counts: list[I64] = []  # shingles with repeats
        set_counts: list[I64] = []
        truncated: list[npt.NDArray[np.bool_]] = []
        rep_doc: list[int] = []
        fig_parts: list[tuple[U64, U64, I64]] = []
        lead_parts: list[U64] = []  # every document's lead tokens, batch by batch
        lead_counts: list[I64] = []
        sig_parts: list[U32] = []
        keys = self.keys
        for b0, got in _prepared_batches(texts, options):
            m = len(got.trunc)
            self.words[b0 : b0 + m] = got.words
            fresh: list[int] = []
            reps: list[int] = []
            lanes = got.seq_hash.tolist()
            for k, trunc in enumerate(got.trunc):
                i = b0 + k
                hkey = (lanes[k][0] << 65) | (lanes[k][1] << 1) | trunc
                r = rep_of_hash.get(hkey)
                if r is None:
                    r = rep_of_hash[hkey] = len(rep_members)
                    rep_members.append([i])
                    rep_doc.append(i)
                    fresh.append(k)
                else:
                    rep_members[r].append(i)
                    # the representative's lead is the smallest id's: independent of input order
                    if keys[i] < keys[rep_doc[r]]:
                        rep_doc[r] = i
                reps.append(r)
            self.rep[b0 : b0 + m] = reps
            ks = np.array(fresh, dtype=np.int64)
            sh_counts.append(got.n_sh[ks])
            truncated.append(np.array(got.trunc, dtype=bool)[ks])
            counts = got.set_off[ks + 1] - got.set_off[ks]
            sh_parts.append(got.sets[_segment_index(got.set_off[ks], counts)])
            set_counts.append(counts)
            sig_parts.append(got.sig[ks])
            f_off = got.fig_off
            f_counts = f_off[ks + 1] - f_off[ks]
            f_idx = _segment_index(f_off[ks], f_counts)
            fig_parts.append((got.fig_keys[f_idx], got.fig_vals[f_idx], f_counts))
            lead_parts.append(got.lead)
            lead_counts.append(np.diff(got.lead_off))
        self.rep_members = rep_members
        self.rep_doc = np.array(rep_doc, dtype=np.int64)
        self.n_reps = len(rep_members)
        self.n_sh = np.concatenate(sh_counts) if sh_counts else np.zeros(0, dtype=np.int64)
        self.sh_off = np.zeros(self.n_reps + 1, dtype=np.int64)
        if set_counts:
            np.cumsum(np.concatenate(set_counts), out=self.sh_off[1:])
        self.shingles: U32 = (
            np.concatenate(sh_parts) if sh_parts else np.zeros(0, dtype=np.uint32)
        )
        del sh_parts
        self.truncated = np.concatenate(truncated) if truncated else np.zeros(0, dtype=bool)
        self.rep_words = self.words[self.rep_doc] if self.n_reps else np.zeros(0, dtype=np.int64)
        self.eligible = self.rep_words >= options.min_words
        self.sig: U32 = (
            np.concatenate(sig_parts) if sig_parts else np.zeros((0, options.num_perm), dtype=np.uint32)
        )
        self.lead_sig: U32 | None = None
        if options.lead_words:
            # each representative's lead: its smallest id's (rep_doc)
            doc_lead_off = np.zeros(n + 1, dtype=np.int64)
            if lead_counts:
                np.cumsum(np.concatenate(lead_counts), out=doc_lead_off[1:])
            all_leads = np.concatenate(lead_parts) if lead_parts else np.zeros(0, np.uint64)
            lens = doc_lead_off[self.rep_doc + 1] - doc_lead_off[self.rep_doc]
            lead_off = np.zeros(len(lens) + 1, dtype=np.int64)
            np.cumsum(lens, out=lead_off[1:])
            lh = all_leads[_segment_index(doc_lead_off[self.rep_doc], lens)]
            del all_leads, lead_parts
            from ._kernels import shingle_sets_sign

            pa, pb = permutations(options.num_perm, options.seed)
            # the lead shingle *sets* (sorted, repeat-free) are kept: every use wants sets
            _, _, lsets, lset_off, self.lead_sig = shingle_sets_sign(lh, lead_off, ngram, pa, pb)
            self.lead_shingles: U32 = lsets
            self.lead_off: I64 = lset_off
            self.has_lead = np.diff(lead_off) >= ngram + 2
        else:
            self.has_lead = np.zeros(self.n_reps, dtype=bool)
            self.lead_shingles = np.zeros(0, dtype=np.uint32)
            self.lead_off = np.zeros(self.n_reps + 1, dtype=np.int64)
        self._figures: dict[int, Figures] = {}
        # every representative's figures back to back (segment r: _fig_off[r]:_fig_off[r + 1])
        self._fig_off = np.zeros(self.n_reps + 1, dtype=np.int64)
        if fig_parts:
            np.cumsum(np.concatenate([c for _, _, c in fig_parts]), out=self._fig_off[1:])
        empty = np.zeros(0, dtype=np.uint64)
        self._fig_keys: U64 = np.concatenate([k for k, _, _ in fig_parts]) if fig_parts else empty
        self._fig_vals: U64 = np.concatenate([v for _, v, _ in fig_parts]) if fig_parts else empty
        del fig_parts
        self._figure_sets: tuple[U64, I64, U64, I64] | None = None

        self._content_words: dict[int, int] = {}

    @property
    def titles(self) -> list[frozenset[bytes] | None]:
        """Each document's :func:`~.features.title_tokens` (computed on first use)."""
        if self._titles is None:
            self._titles = title_tokens_many([d.title for d in self.docs])
        return self._titles

    def title_similarity(self, i: int, j: int) -> float | None:
        """:func:`~.features.title_similarity` of documents ``i`` and ``j``."""
        if not (self.has_title[i] and self.has_title[j]):
            return None
        off = self.title_off
        a = set(self.title_set[off[i] : off[i + 1]].tolist())
        b = set(self.title_set[off[j] : off[j + 1]].tolist())
        return len(a & b) / len(a | b)

    # -- lazily computed per representative ----------------------------------------
    def unique_shingles(self, r: int) -> U32:
        """The sorted shingle set of representative ``r``."""
        return self.shingles[self.sh_off[r] : self.sh_off[r + 1]]

    def lead_unique(self, r: int) -> U32:
        """The sorted lead shingle set of representative ``r``."""
        return self.lead_shingles[self.lead_off[r] : self.lead_off[r + 1]]

    def side(self, r: int) -> _CorpusSide:
        """Representative ``r`` as :func:`compare` sees it."""
        return _CorpusSide(self, r)

    def content_words(self, r: int) -> int:
        """:func:`content_words` of representative ``r`` (cached)."""
        got = self._content_words.get(r)
        if got is None:
            got = content_words(self.texts[int(self.rep_doc[r])], int(self.rep_words[r]))
            self._content_words[r] = got
        return got

    def content_words_many(self, reps: I64) -> I64:
        """:meth:`content_words` of many representatives (one compiled pass over the
        texts not seen yet; ~10x faster than the Python loop per text)."""
        from ._kernels import content_words_many

        known = self._content_words
        todo = sorted({r for r in reps.tolist() if r not in known})
        if todo:
            docs = self.rep_doc[todo].tolist()
            got = content_words_many([self.texts[d] for d in docs], _CONTENT_LINE_WORDS)
            words = self.rep_words[todo].tolist()
            for r, g, w in zip(todo, got.tolist(), words, strict=True):
                known[r] = g or w
        return np.array([known[r] for r in reps.tolist()], dtype=np.int64)

    def figure_sets(self) -> tuple[U64, I64, U64, I64]:
        """All representatives' figures as repeat-free segments: context hashes and
        their offsets, (context, number) hashes and their offsets (cached)."""
        if self._figure_sets is None:
            off = self._fig_off
            self._figure_sets = (*_unique_segments(self._fig_keys, off), *_unique_segments(self._fig_vals, off))
        return self._figure_sets

    def figures(self, r: int) -> Figures:
        """The figures (numbers in context) of representative ``r`` (cached)."""
        f = self._figures.get(r)
        if f is None:
            lo, hi = int(self._fig_off[r]), int(self._fig_off[r + 1])
            f = as_figures(self._fig_keys[lo:hi], self._fig_vals[lo:hi])
            self._figures[r] = f
        return f


class _CorpusSide:
    __slots__ = ("c", "n_sh", "r", "truncated")

    def __init__(self, corpus: Corpus, r: int) -> None:
        self.c = corpus
        self.r = r
        self.n_sh = int(corpus.n_sh[r])
        self.truncated = bool(corpus.truncated[r])

    def unique(self) -> U32:
        return self.c.unique_shingles(self.r)

    def lead_unique(self) -> U32:
        return self.c.lead_unique(self.r)

    def content_words(self) -> int:
        return self.c.content_words(self.r)


class Verifier:
    """The pair decision over one :class:`Corpus`, with memoized body comparisons."""

    def __init__(self, corpus: Corpus) -> None:
        self.c = corpus
        self.o = corpus.options
        # (containment, jaccard, ratio, truncated_short, exact) per representative pair
        self._content: dict[tuple[int, int], tuple[float, float, float, bool, bool]] = {}
        # decisions of decide_pairs: (similarity, how, rank) or None
        self._bulk: dict[tuple[int, int], tuple[float, str, float] | None] = {}
        self._estimates: dict[tuple[int, int], tuple[float, float]] = {}
        self._conflict: dict[tuple[int, int], bool] = {}
        self._decided: dict[tuple[int, int], Decision | None] = {}
        self.exact_checks = 0
        o = self.o
        self.max_gap = o.max_days * 86400.0 if o.max_days is not None else math.inf

    def estimate(self, ra: I64, rb: I64) -> tuple[npt.NDArray[np.float64], ...]:
        """Vectorized estimates for representative pairs: (containment, jaccard, ratio, trunc_short)."""
        c = self.c
        j = _agreement(c.sig, ra, rb)
        na = c.n_sh[ra].astype(np.float64)
        nb = c.n_sh[rb].astype(np.float64)
        short = np.minimum(na, nb)
        long_ = np.maximum(na, nb)
        with np.errstate(divide="ignore", invalid="ignore"):
            cont = np.where(short > 0, j * (na + nb) / ((1.0 + j) * short), 0.0)
            ratio = np.where(long_ > 0, short / long_, 0.0)
        cont = np.clip(cont, 0.0, 1.0)
        trunc = c.truncated[ra] | c.truncated[rb]
        if c.lead_sig is not None:
            # A truncated copy: the whole-body estimate says little (it may be much
            # shorter, or padded with the outlet's additions); the lead agreement does.
            lead_j = _agreement(c.lead_sig, ra, rb)
            cont = np.where(trunc, np.maximum(cont, lead_j), cont)
        return cont, j, ratio, trunc.astype(np.float64)

    def _estimate_one(self, ra: int, rb: int) -> tuple[float, float]:
        c = self.c
        p = c.sig.shape[1]
        j = int(np.count_nonzero(c.sig[ra] == c.sig[rb])) / p
        na, nb = int(c.n_sh[ra]), int(c.n_sh[rb])
        small = min(na, nb)
        cont = min(1.0, j * (na + nb) / ((1.0 + j) * small)) if small else 0.0
        if (c.truncated[ra] or c.truncated[rb]) and c.lead_sig is not None:
            cont = max(cont, int(np.count_nonzero(c.lead_sig[ra] == c.lead_sig[rb])) / p)
        return cont, j

    def _bulk_content(self, ra: I64, rb: I64) -> tuple[F64, F64, F64, B, B]:
        """:func:`compare` for many representative pairs at once (same numbers):
        containment, Jaccard, length ratio, truncated shorter side, exact."""
        c = self.c
        o = self.o
        cont, jac, _, _ = self.estimate(ra, rb)
        na, nb = c.n_sh[ra], c.n_sh[rb]
        ratio = np.minimum(na, nb) / np.maximum(np.maximum(na, nb), 1)
        ta, tb = c.truncated[ra], c.truncated[rb]
        exact = np.zeros(len(ra), dtype=bool)
        if o.verify == "exact" and len(ra):
            from ._kernels import intersect_counts, lead_share_counts

            near = np.zeros(len(ra), dtype=bool)
            for t in (o.threshold, o.threshold - o.title_relief):
                near |= np.abs(cont - t) < _MARGIN
            idx = np.flatnonzero(near | ta | tb | (ratio < o.min_length_ratio + 0.1))
            if len(idx):
                xa, xb = ra[idx], rb[idx]
                st, en = c.sh_off[:-1], c.sh_off[1:]
                la, lb = xa, xb
                sa, sb = en[la] - st[la], en[lb] - st[lb]
                inter = intersect_counts(c.shingles, c.sh_off, la, lb)
                small, big = np.minimum(sa, sb), np.maximum(sa, sb)
                den = sa + sb - inter
                with np.errstate(divide="ignore", invalid="ignore"):
                    ec = np.where(small > 0, inter / small, 0.0)
                    jac[idx] = np.where(den > 0, inter / den, 0.0)
                    ratio[idx] = np.where(big > 0, small / big, 0.0)
                # A truncated copy keeps the opening of the story: how much of the
                # other text's lead it holds is the better measure.
                for trunc, whole, part in ((ta[idx], la, xb), (tb[idx], lb, xa)):
                    k = np.flatnonzero(trunc)
                    if len(k) == 0:
                        continue
                    got, size = lead_share_counts(
                        c.lead_shingles, c.lead_off, c.shingles, c.sh_off, part[k], whole[k], are_sets=True
                    )
                    with np.errstate(divide="ignore", invalid="ignore"):
                        share = np.where(size > 0, got / size, 0.0)
                    ec[k] = np.maximum(ec[k], share)
                cont[idx] = ec
                exact[idx] = True
        low = np.flatnonzero(ratio < o.min_length_ratio)
        if len(low):
            wa, wb = c.content_words_many(ra[low]), c.content_words_many(rb[low])
            ratio[low] = np.maximum(ratio[low], np.minimum(wa, wb) / np.maximum(np.maximum(wa, wb), 1))
        return cont, jac, ratio, np.where(na <= nb, ta, tb), exact

    def _bulk_conflict(self, ra: I64, rb: I64) -> B:
        """:meth:`conflict` for many representative pairs ``ra != rb`` at once."""
        keys, k_off, pairs, p_off = self.c.figure_sets()
        from ._kernels import shared_counts64

        shared = shared_counts64(keys, k_off, ra, rb)
        same = shared_counts64(pairs, p_off, ra, rb)
        return conflict_counts(shared, same)

    def decide_pairs(self, i: I64, j: I64) -> tuple[B, F64]:
        """:meth:`decide` for many document pairs at once: whether each pair is a
        pair of copies and its rank (the order edges are joined in; 0 when not).

        The same decisions as one :meth:`decide` call per pair, computed with
        numpy over all pairs, and remembered for later :meth:`decide` calls.
        """
        c = self.c
        o = self.o
        i = np.asarray(i, dtype=np.int64)
        j = np.asarray(j, dtype=np.int64)
        ra, rb = c.rep[i], c.rep[j]
        gap = np.abs(c.dates[i] - c.dates[j])
        alive = c.eligible[ra] & c.eligible[rb] & ~(gap > self.max_gap)
        same = alive & (ra == rb)
        diff = np.flatnonzero(alive & (ra != rb))
        ok = same.copy()
        rank = np.zeros(len(i), dtype=np.float64)
        if math.isinf(self.max_gap):
            penalty = np.zeros(len(i), dtype=np.float64)
        else:
            with np.errstate(invalid="ignore"):
                penalty = np.where(np.isnan(gap), 0.0, _TIME_PENALTY * gap / max(self.max_gap, 1.0))
        rank[same] = 1.0 - penalty[same]
        sims: list[float] = []
        hows: list[str] = []
        if len(diff):
            n_reps = np.int64(max(c.n_reps, 1))
            lo = np.minimum(ra[diff], rb[diff])
            hi = np.maximum(ra[diff], rb[diff])
            code, inv = unique_inverse(lo * n_reps + hi)
            ua, ub = code // n_reps, code % n_reps
            cont, _, ratio, tshort = self._rep_contents(ua, ub)
            ts = title_similarities(c.title_set, c.title_off, i[diff], j[diff])
            with np.errstate(invalid="ignore"):  # NaN: a title missing
                threshold = np.where(ts >= o.title_threshold, o.threshold - o.title_relief, o.threshold)
            pc, pr = cont[inv], ratio[inv]
            truncated = pr < o.min_length_ratio
            good = (pc >= threshold) & ~(truncated & ~tshort[inv])
            if o.check_numbers and good.any():
                u = sorted_unique(inv[good])
                bad = self._rep_conflicts(ua[u], ub[u])
                conf = np.zeros(len(code), dtype=bool)
                conf[u] = bad
                good &= ~conf[inv]
            g = np.flatnonzero(good)
            sims = round6(pc[g])
            hows = ["truncated_copy" if t else "near_duplicate" for t in truncated[g].tolist()]
            sel = diff[g]
            ok[sel] = True
            rank[sel] = np.array(sims, dtype=np.float64) - penalty[sel]
        # remember the decisions for decide() / relation()
        ii, jj = np.minimum(i, j).tolist(), np.maximum(i, j).tolist()
        memo = self._bulk
        memo.update(zip(zip(ii, jj, strict=True), repeat(None)))
        ranks = rank.tolist()
        memo.update(((ii[k], jj[k]), (1.0, "exact_duplicate", ranks[k])) for k in np.flatnonzero(same).tolist())
        if len(diff):
            memo.update(
                ((ii[k], jj[k]), (sim, how, ranks[k]))
                for k, sim, how in zip(sel.tolist(), sims, hows, strict=True)
            )
        return ok, rank

    def _rep_contents(self, ua: I64, ub: I64) -> tuple[F64, F64, F64, B]:
        """Containment, Jaccard, ratio and truncated-shorter of representative pairs
        ``ua < ub`` (unique), computed once and remembered for :meth:`content`."""
        known = self._content
        fresh = np.fromiter(
            ((a, b) not in known for a, b in zip(ua.tolist(), ub.tolist(), strict=True)),
            dtype=bool, count=len(ua),
        ) if known else np.ones(len(ua), dtype=bool)
        cont = np.zeros(len(ua))
        jac = np.zeros(len(ua))
        ratio = np.zeros(len(ua))
        tshort = np.zeros(len(ua), dtype=bool)
        f = np.flatnonzero(fresh)
        if len(f):
            cf, jf, rf, tf, ef = self._bulk_content(ua[f], ub[f])
            cont[f], jac[f], ratio[f], tshort[f] = cf, jf, rf, tf
            self.exact_checks += int(ef.sum())
            known.update(zip(
                zip(ua[f].tolist(), ub[f].tolist(), strict=True),
                zip(cf.tolist(), jf.tolist(), rf.tolist(), tf.tolist(), ef.tolist(), strict=True),
                strict=True,
            ))
        for k in np.flatnonzero(~fresh).tolist():
            cont[k], jac[k], ratio[k], tshort[k], _ = known[(int(ua[k]), int(ub[k]))]
        return cont, jac, ratio, tshort

    def contents(self, ra: I64, rb: I64) -> tuple[F64, F64]:
        """Containment and length ratio of many representative pairs ``ra[k] != rb[k]``:
        the numbers of :meth:`content` (computed in bulk, remembered alike)."""
        if len(ra) == 0:
            return np.zeros(0), np.zeros(0)
        n_reps = np.int64(max(self.c.n_reps, 1))
        code, inv = unique_inverse(np.minimum(ra, rb) * n_reps + np.maximum(ra, rb))
        cont, _, ratio, _ = self._rep_contents(code // n_reps, code % n_reps)
        return cont[inv], ratio[inv]

    def _rep_conflicts(self, ua: I64, ub: I64) -> B:
        """:meth:`conflict` of representative pairs ``ua < ub`` (remembered)."""
        out = self._bulk_conflict(ua, ub)
        self._conflict.update(zip(zip(ua.tolist(), ub.tolist(), strict=True), out.tolist(), strict=True))
        return out

    def remember_estimates(self, ra: I64, rb: I64, cont: npt.NDArray[np.float64],
                           jac: npt.NDArray[np.float64]) -> None:
        """Keep vectorized estimates of pairs ``ra < rb`` for :meth:`content`."""
        self._estimates.update(
            zip(zip(ra.tolist(), rb.tolist(), strict=True),
                zip(cont.tolist(), jac.tolist(), strict=True), strict=True)
        )

    def content(self, ra: int, rb: int) -> Content:
        """Body similarity of two representatives (memoized)."""
        if ra > rb:
            ra, rb = rb, ra
        c = self.c
        if ra == rb:
            return Content(1.0, 1.0, 1.0, bool(c.truncated[ra]), True)
        key = (ra, rb)
        got = self._content.get(key)
        if got is None:
            est = self._estimates.pop(key, None)
            if est is None:
                est = self._estimate_one(ra, rb)
            ct = compare(c.side(ra), c.side(rb), est[0], est[1], self.o)
            self.exact_checks += ct.exact
            got = (ct.containment, ct.jaccard, ct.ratio, ct.truncated_short, ct.exact)
            self._content[key] = got
        return Content(*got)

    def conflict(self, ra: int, rb: int) -> bool:
        """Do the figures of two representatives disagree?"""
        if ra == rb:
            return False
        key = (ra, rb) if ra < rb else (rb, ra)
        got = self._conflict.get(key)
        if got is None:
            got = figures_conflict(self.c.figures(ra), self.c.figures(rb))
            self._conflict[key] = got
        return got

    def decide(self, i: int, j: int) -> Decision | None:
        """Are documents ``i`` and ``j`` copies of one story? ``None`` when not."""
        if i > j:
            i, j = j, i
        key = (i, j)
        if key in self._decided:
            return self._decided[key]
        if key in self._bulk:
            bulk = self._bulk[key]
            got = None if bulk is None else Decision(*bulk)
            self._decided[key] = got
            return got
        got = self._decide(i, j)
        self._decided[key] = got
        return got

    def fast_relation(self) -> Callable[[int, int], int]:
        """:meth:`relation` with the commonest answer (a pair decided a copy in bulk)
        looked up without a method call (the linkage asks ~150,000 times at 100k
        documents)."""
        bulk = self._bulk
        slow = self.relation

        def relation(i: int, j: int) -> int:
            got = bulk.get((i, j) if i < j else (j, i), _UNKNOWN)
            if got is not None and got is not _UNKNOWN:
                return 1
            return slow(i, j)

        return relation

    def relation(self, i: int, j: int) -> int:
        """1: copies; -1: evidence that they are different stories (dates too far
        apart, figures that disagree); 0: neither."""
        key = (i, j) if i < j else (j, i)
        bulk = self._bulk.get(key, _UNKNOWN)
        if bulk is _UNKNOWN:
            if self.decide(i, j) is not None:
                return 1
        elif bulk is not None:
            return 1
        c = self.c
        if abs(c.dates[i] - c.dates[j]) > self.max_gap:
            return -1
        ra, rb = int(c.rep[i]), int(c.rep[j])
        if self.o.check_numbers and c.eligible[ra] and c.eligible[rb] and self.conflict(ra, rb):
            return -1
        return 0

    def _decide(self, i: int, j: int) -> Decision | None:
        c = self.c
        ra, rb = int(c.rep[i]), int(c.rep[j])
        if not (c.eligible[ra] and c.eligible[rb]):
            return None
        gap = abs(float(c.dates[i] - c.dates[j]))
        if gap > self.max_gap:  # NaN (undated) compares False: no constraint
            return None
        return judge(
            self.content(ra, rb),
            same_text=ra == rb,
            title_sim=c.title_similarity(i, j),
            gap=gap,
            max_gap=self.max_gap,
            conflict=lambda: self.conflict(ra, rb),
            options=self.o,
        )


class Side(Protocol):
    """One document as :func:`compare` sees it."""

    n_sh: int
    truncated: bool

    def unique(self) -> U32: ...

    def lead_unique(self) -> U32: ...

    def content_words(self) -> int: ...


def compare(a: Side, b: Side, cont: float, jac: float, o: DedupOptions) -> Content:
    """Body similarity of two different texts, from the MinHash estimates ``cont``
    (containment) and ``jac`` (Jaccard) -- refined with the exact shingle sets
    when ``o.verify == "exact"`` and the estimate is not clear-cut."""
    na, nb = a.n_sh, b.n_sh
    ratio = min(na, nb) / max(na, nb, 1)
    ta, tb = a.truncated, b.truncated
    exact = False
    if o.verify == "exact":
        lows = (o.threshold, o.threshold - o.title_relief)
        near = any(abs(cont - t) < _MARGIN for t in lows)
        if near or ta or tb or ratio < o.min_length_ratio + 0.1:
            ua, ub = a.unique(), b.unique()
            inter = int(np.intersect1d(ua, ub, assume_unique=True).size)
            sa, sb = len(ua), len(ub)
            small, big = min(sa, sb), max(sa, sb)
            cont = inter / small if small else 0.0
            jac = inter / (sa + sb - inter) if sa + sb - inter else 0.0
            ratio = small / big if big else 0.0
            # A truncated copy keeps the opening of the story: how much of the
            # other text's lead it holds is the better measure.
            if ta:
                cont = max(cont, _share(b.lead_unique(), ua))
            if tb:
                cont = max(cont, _share(a.lead_unique(), ub))
            exact = True
    if ratio < o.min_length_ratio:
        wa, wb = a.content_words(), b.content_words()
        ratio = max(ratio, min(wa, wb) / max(wa, wb, 1))
    return Content(cont, jac, ratio, ta if na <= nb else tb, exact)


def _share(part: U32, whole: U32) -> float:
    if len(part) == 0:
        return 0.0
    return float(np.intersect1d(part, whole, assume_unique=True).size / len(part))


def judge(
    ct: Content,
    *,
    same_text: bool,
    title_sim: float | None,
    gap: float,
    max_gap: float,
    conflict: Callable[[], bool],
    options: DedupOptions,
) -> Decision | None:
    """The pair rule of :class:`~newsclean.dedup.DedupOptions` (dates already checked)."""
    o = options
    penalty = 0.0 if math.isnan(gap) or math.isinf(max_gap) else _TIME_PENALTY * gap / max(max_gap, 1.0)
    if same_text:
        return Decision(1.0, "exact_duplicate", 1.0 - penalty)
    threshold = o.threshold
    if title_sim is not None and title_sim >= o.title_threshold:
        threshold -= o.title_relief
    if ct.containment < threshold:
        return None
    truncated = ct.ratio < o.min_length_ratio
    if truncated and not ct.truncated_short:
        return None
    if o.check_numbers and conflict():
        return None
    sim = round(ct.containment, 6)
    return Decision(sim, "truncated_copy" if truncated else "near_duplicate", sim - penalty)
