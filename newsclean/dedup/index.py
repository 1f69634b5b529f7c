"""Candidate retrieval: MinHash LSH banding with datasketch's parameters.

:func:`lsh_params` picks the number of bands and rows exactly as
``datasketch.MinHashLSH`` does (``_optimal_param``: minimize the weighted
false-positive and false-negative probability mass for a Jaccard threshold)
and reports those two probabilities.

:func:`candidate_pairs` is the batch form of ``MinHashLSH``: two documents
are candidates when all rows of at least one band of their signatures are
equal -- the same rule, computed for all documents at once with numpy
instead of one dict insert per band and document. (The tests check that it
returns the pairs ``MinHashLSH.query`` returns.) The streaming
:class:`~newsclean.dedup.Deduplicator` uses ``MinHashLSH`` itself.

>>> import numpy as np
>>> from newsclean.dedup.index import candidate_pairs, lsh_params
>>> p = lsh_params(0.5, 128)
>>> (p.bands, p.rows)
(25, 5)
>>> sig = np.array([[1, 2, 3, 4], [1, 2, 9, 9], [7, 7, 3, 4]], dtype=np.uint32)
>>> candidate_pairs(sig, bands=2, rows=2).tolist()
[[0, 1], [0, 2]]
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from .verify import sorted_unique

__all__ = ["LSHParams", "band_keys", "candidate_pairs", "lsh_params"]

I64 = npt.NDArray[np.int64]


@dataclass(frozen=True)
class LSHParams:
    """Banding of one index: ``bands`` x ``rows`` <= ``num_perm``.

    ``false_positive`` and ``false_negative`` are datasketch's weighted
    error masses: the integral of the candidate probability below the
    threshold and of the miss probability above it.
    """

    threshold: float
    num_perm: int
    bands: int
    rows: int
    false_positive: float
    false_negative: float

    def probability(self, jaccard: float) -> float:
        """Probability that two sets with this Jaccard similarity become candidates."""
        return float(1.0 - (1.0 - jaccard**self.rows) ** self.bands)


_NODES, _WEIGHTS = np.polynomial.legendre.leggauss(96)


def _integral(lo: float, hi: float, b: npt.NDArray[np.float64], r: npt.NDArray[np.float64],
              miss: bool) -> npt.NDArray[np.float64]:
    """Gauss-Legendre integral over [lo, hi] of the candidate (or miss) probability, per (b, r)."""
    s = (hi - lo) / 2.0 * _NODES + (hi + lo) / 2.0
    p = 1.0 - (1.0 - s[None, :] ** r[:, None]) ** b[:, None]
    if miss:
        p = 1.0 - p
    return np.asarray((hi - lo) / 2.0 * (p @ _WEIGHTS), dtype=np.float64)


@lru_cache(maxsize=64)
def lsh_params(
    threshold: float, num_perm: int, weights: tuple[float, float] = (0.5, 0.5)
) -> LSHParams:
    """datasketch's optimal ``(bands, rows)`` for ``threshold`` and its FP/FN masses.

    The same search as ``datasketch.lsh._optimal_param`` (first minimum of
    ``fp * w_fp + fn * w_fn`` over bands ``b`` and rows ``r <= num_perm / b``),
    with the integrals computed by 96-point Gauss-Legendre quadrature for all
    ``(b, r)`` at once (exact for these polynomials up to degree 191).
    """
    bs: list[int] = []
    rs: list[int] = []
    for b in range(1, num_perm + 1):
        for r in range(1, num_perm // b + 1):
            bs.append(b)
            rs.append(r)
    b_arr = np.array(bs, dtype=np.float64)
    r_arr = np.array(rs, dtype=np.float64)
    fp = _integral(0.0, threshold, b_arr, r_arr, miss=False)
    fn = _integral(threshold, 1.0, b_arr, r_arr, miss=True)
    err = fp * weights[0] + fn * weights[1]
    k = int(np.argmin(err))
    return LSHParams(
        threshold=threshold,
        num_perm=num_perm,
        bands=bs[k],
        rows=rs[k],
        false_positive=float(fp[k]),
        false_negative=float(fn[k]),
    )


_MIX = np.uint64(0x9E3779B97F4A7C15)
_FIN = np.uint64(0xFF51AFD7ED558CCD)


def _band_keys(sig: npt.NDArray[np.uint32], lo: int, hi: int) -> npt.NDArray[np.uint64]:
    """One 64-bit key per row for signature columns ``lo:hi`` (equal slices, equal keys)."""
    with np.errstate(over="ignore"):
        key = np.full(sig.shape[0], np.uint64(hi - lo), dtype=np.uint64)
        for c in range(lo, hi):
            key *= _MIX
            key += sig[:, c].astype(np.uint64)
            key ^= key >> np.uint64(29)
        key *= _FIN
        key ^= key >> np.uint64(32)
    return key


def band_keys(sig: npt.NDArray[np.uint32], *, bands: int, rows: int) -> npt.NDArray[np.uint64]:
    """The key of every band of every signature: ``(n, bands)``; :func:`candidate_pairs`
    pairs two rows when they share a key in the same band (a persistent index stores them).

    >>> sig = np.array([[1, 2, 3, 4], [1, 2, 9, 9]], dtype=np.uint32)
    >>> k = band_keys(sig, bands=2, rows=2)
    >>> bool(k[0, 0] == k[1, 0]), bool(k[0, 1] == k[1, 1])
    (True, False)
    """
    out = np.empty((sig.shape[0], bands), dtype=np.uint64)
    for band in range(bands):
        out[:, band] = _band_keys(sig, band * rows, (band + 1) * rows)
    return out


def _ramp(counts: I64) -> I64:
    """``concatenate([arange(c) for c in counts])`` without a Python loop."""
    total = int(counts.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    offsets = np.repeat(np.cumsum(counts) - counts, counts)
    return np.arange(total, dtype=np.int64) - offsets


def candidate_pairs(
    sig: npt.NDArray[np.uint32],
    *,
    bands: int,
    rows: int,
    max_bucket: int = 500,
    eligible: npt.NDArray[np.bool_] | None = None,
) -> I64:
    """All pairs ``(i, j)``, ``i < j``, sharing at least one band: an ``(m, 2)`` array, sorted.

    A bucket with more than ``max_bucket`` members (thousands of near
    identical texts) contributes only the pairs of consecutive members, so
    the work stays linear; the clustering links them all the same.
    ``eligible`` restricts the rows that take part. The buckets of each band
    are found by hashing its keys in a compiled loop (``_kernels.band_pairs``;
    a stable sort per band cost ~10x more). Pair codes are
    deduplicated by sorting (:func:`~newsclean.dedup.verify.sorted_unique`):
    numpy 2's hash-based ``np.unique`` is 10-40x slower on millions of codes.
    """
    n = sig.shape[0]
    rows_idx = np.arange(n, dtype=np.int64) if eligible is None else np.flatnonzero(eligible)
    if len(rows_idx) < 2:
        return np.zeros((0, 2), dtype=np.int64)
    sub = sig[rows_idx]
    from ._kernels import band_keys_all, band_pairs  # numba loads on first use

    code = band_pairs(band_keys_all(sub, bands, rows, _MIX, _FIN), rows_idx, n, max_bucket)
    if len(code) == 0:
        return np.zeros((0, 2), dtype=np.int64)
    code = sorted_unique(code)
    return np.stack((code // n, code % n), axis=1)


def _candidate_pairs_by_sorting(
    sig: npt.NDArray[np.uint32],
    *,
    bands: int,
    rows: int,
    max_bucket: int = 500,
    eligible: npt.NDArray[np.bool_] | None = None,
) -> I64:
    """:func:`candidate_pairs` with one stable sort of each band's keys (the reference
    the hashing kernel is tested against)."""
    n = sig.shape[0]
    rows_idx = np.arange(n, dtype=np.int64) if eligible is None else np.flatnonzero(eligible)
    if len(rows_idx) < 2:
        return np.zeros((0, 2), dtype=np.int64)
    sub = sig[rows_idx]
    chunks: list[I64] = []
    all_keys = np.stack([_band_keys(sub, b * rows, (b + 1) * rows) for b in range(bands)])
    for band in range(bands):
        keys = all_keys[band]
        order = np.argsort(keys, kind="stable")
        sk = keys[order]
        same = sk[1:] == sk[:-1]
        if not same.any():
            continue
        # run boundaries of equal keys
        starts = np.flatnonzero(np.concatenate(([True], ~same)))
        lengths = np.diff(np.concatenate((starts, [len(sk)])))
        multi = lengths >= 2
        starts, lengths = starts[multi], lengths[multi]
        members = rows_idx[order]
        big = lengths > max_bucket
        if big.any():
            # consecutive members only: linear work for huge buckets
            for s0, ln in zip(starts[big].tolist(), lengths[big].tolist(), strict=True):
                ms = np.sort(members[s0 : s0 + ln])
                chunks.append(ms[:-1] * np.int64(n) + ms[1:])
            starts, lengths = starts[~big], lengths[~big]
        if len(starts):
            # every pair inside every run, as codes i * n + j
            pos = np.repeat(starts, lengths) + _ramp(lengths)
            later = np.repeat(lengths, lengths) - 1 - _ramp(lengths)
            first = np.repeat(pos, later)
            a, b = members[first], members[first + 1 + _ramp(later)]
            chunks.append(np.minimum(a, b) * np.int64(n) + np.maximum(a, b))
    if not chunks:
        return np.zeros((0, 2), dtype=np.int64)
    code = sorted_unique(np.concatenate(chunks))
    return np.stack((code // n, code % n), axis=1)
