"""Compiled loops (numba) for the hot paths of deduplication.

Each kernel computes exactly what a numpy reference in the other modules
computes (tests in ``tests/test_dedup_fastpaths.py`` check equality): token
hashes (:func:`~.shingle.token_hashes`), shingle hashes
(:func:`~.shingle.shingles`), per-text shingle sets and MinHash signatures
(:func:`~.signature.sign`), set intersections of candidate pairs.

Why hand-written loops: numpy needs one pass (and one temporary array) per
operation; these loops touch each byte or shingle once, and the signing loop
keeps a document's 128 minima in registers/L1 (measured in
``benchmarks/NOTES-dedup.md`` section 8). Compiled with ``cache=True``: the
machine code is stored next to this file (or in the user cache directory
when that is read-only) and loaded by later processes; when no cache
location is writable, numba compiles in memory once per process.

>>> import numpy as np
>>> from newsclean.dedup._kernels import intersect_counts
>>> vals = np.array([1, 2, 3, 2, 3, 9], dtype=np.uint32)
>>> off = np.array([0, 3, 6], dtype=np.int64)
>>> intersect_counts(vals, off, np.array([0]), np.array([1])).tolist()
[2]
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast

import numba
import numpy as np
import numpy.typing as npt

__all__ = [
    "hash_tokens",
    "intersect_counts",
    "lead_share_counts",
    "shared_counts64",
    "shingle_sets_sign",
]

F = TypeVar("F", bound=Callable[..., Any])

U8 = npt.NDArray[np.uint8]
U32 = npt.NDArray[np.uint32]
U64 = npt.NDArray[np.uint64]
I64 = npt.NDArray[np.int64]


def _jit(func: F) -> F:
    """``numba.njit(cache=True, nogil=True)``; without the on-disk cache when numba
    finds no writable place for it (it raises at decoration time then)."""
    try:
        return cast(F, numba.njit(cache=True, nogil=True)(func))
    except RuntimeError:  # pragma: no cover - depends on the install location
        return cast(F, numba.njit(cache=False, nogil=True)(func))


# Constants of shingle.py (duplicated here as plain ints for numba; a test checks them).
_K3 = np.uint64(0x2545F4914F6CDD1D)
_KW = np.array(
    [
        0x9FB21C651E98DF25, 0xC13FA9A902A6328F, 0xD6E8FEB86659FD93, 0xFF51AFD7ED558CCD,
        0xC4CEB9FE1A85EC53, 0x94D049BB133111EB, 0xBF58476D1CE4E5B9, 0x87C37B91114253D5,
    ],
    dtype=np.uint64,
)
_M = np.uint64(0x9E3779B97F4A7C15)
_FOLD = np.uint64(0xD6E8FEB86659FD93)
_WIDE = 64
_NARROW = 16


@_jit
def _code_point(buf: U8, p: int, c: Any) -> tuple[Any, int]:
    """The code point of the multi-byte UTF-8 character at ``buf[p]`` (lead
    byte ``c`` >= 0x80) and its length in bytes; one decoder for every kernel."""
    if c < 0xE0:
        return ((np.int64(c) & 0x1F) << 6) | (np.int64(buf[p + 1]) & 0x3F), 2
    if c < 0xF0:
        return (
            ((np.int64(c) & 0x0F) << 12) | ((np.int64(buf[p + 1]) & 0x3F) << 6) | (np.int64(buf[p + 2]) & 0x3F)
        ), 3
    return (
        ((np.int64(c) & 0x07) << 18) | ((np.int64(buf[p + 1]) & 0x3F) << 12)
        | ((np.int64(buf[p + 2]) & 0x3F) << 6) | (np.int64(buf[p + 3]) & 0x3F)
    ), 4


@_jit
def _splitmix(x: Any) -> Any:
    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


# bit index of a power of two: _DE_BRUIJN[(x * 0x03F79D71B4CB0A89) >> 58] (no count-trailing-
# zeros intrinsic in numba)
_DE_BRUIJN = np.array(
    [0, 1, 48, 2, 57, 49, 28, 3, 61, 58, 50, 42, 38, 29, 17, 4, 62, 55, 59, 36, 53, 51, 43, 22, 45, 39, 33,
     30, 24, 18, 12, 5, 63, 47, 56, 27, 60, 41, 37, 16, 54, 35, 52, 21, 44, 32, 23, 11, 46, 26, 40, 15, 34,
     20, 31, 10, 25, 14, 19, 9, 13, 8, 7, 6],
    dtype=np.int64,
)


@_jit
def _hash_tokens(
    buf: U8, words: U64, n_texts: int, kw: U64, db: I64
) -> tuple[U64, I64, npt.NDArray[np.bool_], I64, I64, I64]:
    n = buf.shape[0]
    n8 = n - 7  # token starts with eight bytes ahead: words[p] is buf[p : p + 8]
    below = np.uint64(0x2121212121212121)
    high = np.uint64(0x8080808080808080)
    zeros = np.uint64(0x3030303030303030)
    nines = np.uint64(0x7676767676767676)
    one = np.uint64(1)
    # pass 1: count tokens (a token byte after a non-token byte; branch-free: vectorized)
    count = 0
    prev = False
    for p in range(n):
        t = buf[p] > 32
        count += t and not prev
        prev = t
    h = np.empty(count, dtype=np.uint64)
    numeric = np.empty(count, dtype=np.bool_)
    # only the long tokens' positions (> _WIDE bytes: at most one per 65 bytes); per-token
    # start/end arrays were 16 of the 25 bytes allocated per token
    cap = n // (_WIDE + 1) + 1
    long_at = np.empty(cap, dtype=np.int64)
    starts = np.empty(cap, dtype=np.int64)
    ends = np.empty(cap, dtype=np.int64)
    m = 0
    offsets = np.zeros(n_texts + 1, dtype=np.int64)
    k = 0
    text = 0
    p = 0
    k3 = np.uint64(0x2545F4914F6CDD1D)
    while p < n:
        c = buf[p]
        if c <= 32:
            if c == 1 and text < n_texts:
                text += 1
                offsets[text] = k
            p += 1
            continue
        if p < n8:
            # A token of up to 7 bytes (most words) from one unaligned 64-bit read: its
            # end is the lowest byte below 0x21 (SWAR; exact for the lowest one), its
            # digits tested the same way. ~10% faster than the byte loop below.
            x = words[p]
            f = (x - below) & ~x & high
            if f != 0:
                length = db[((f & (~f + one)) * np.uint64(0x03F79D71B4CB0A89)) >> np.uint64(58)] >> 3
                mask = (one << np.uint64(8 * length)) - one
                xm = x & mask
                y = (xm | (zeros & ~mask)) ^ zeros  # bytes past the end read as "0"
                numeric[k] = ((y + nines) | y) & high == 0
                h[k] = _splitmix((np.uint64(length) * k3) ^ (xm * kw[0]))
                p += length
                k += 1
                continue
        # the token's bytes gathered into little-endian 64-bit words as they are read,
        # each full word mixed in at once (reading each word again backwards byte by
        # byte, as before, cost ~1.5x this whole kernel)
        s = p
        word = np.uint64(0)
        shift = np.uint64(0)
        hh = np.uint64(0)
        w = 0
        other = 0
        while p < n:
            c = buf[p]
            if c <= 32:
                break
            other |= (c < 48) | (c > 57)
            word |= np.uint64(c) << shift
            shift += np.uint64(8)
            p += 1
            if shift == np.uint64(64):
                hh ^= word * kw[w & 7]
                w += 1
                word = np.uint64(0)
                shift = np.uint64(0)
        length = p - s
        numeric[k] = other == 0 and length <= _NARROW
        if length <= _WIDE:
            h[k] = _splitmix(hh ^ (word * kw[w & 7]) ^ (np.uint64(length) * k3))
        else:
            h[k] = np.uint64(0)  # long token: BLAKE2b, filled in by the caller
            long_at[m] = k
            starts[m] = s
            ends[m] = p
            m += 1
        k += 1
    while text < n_texts:  # a final text without its separator
        text += 1
        offsets[text] = k
    return h, offsets, numeric, long_at[:m], starts[:m], ends[:m]


def hash_tokens(big: bytes, n_texts: int) -> tuple[U64, I64, npt.NDArray[np.bool_], I64, I64, I64]:
    """Token hashes, per-text token offsets, numeric flags of ``b"\\x01"``-joined
    normalized texts, and the indices, starts and ends of the tokens over 64 bytes
    (their hash is 0 here: the caller hashes them with BLAKE2b)."""
    buf = np.frombuffer(big, dtype=np.uint8)
    return _hash_tokens(buf, _unaligned_words(buf), n_texts, _KW, _DE_BRUIJN)


@_jit
def _fmix32(h: Any) -> Any:
    h = h ^ (h >> np.uint64(16))
    h = (h * np.uint64(0x85EBCA6B)) & np.uint64(0xFFFFFFFF)
    h = h ^ (h >> np.uint64(13))
    h = (h * np.uint64(0xC2B2AE35)) & np.uint64(0xFFFFFFFF)
    return h ^ (h >> np.uint64(16))


@_jit
def _sign_set(vals: U32, a: U32, b: U32, out: U32, tmp: U32) -> None:
    """Minimum of ``a * fmix32(v) + b (mod 2**32)`` over ``vals``, per permutation."""
    p = a.shape[0]
    for q in range(p):
        out[q] = np.uint32(0xFFFFFFFF)
    m = vals.shape[0]
    for s in range(m):
        tmp[s] = np.uint32(_fmix32(np.uint64(vals[s])))
    for q in range(p):
        aq = a[q]
        bq = b[q]
        best = np.uint32(0xFFFFFFFF)
        for s in range(m):
            v = np.uint32(aq * tmp[s] + bq)
            if v < best:
                best = v
        out[q] = best


@_jit
def _radix_sort(w: U32, buf: U32, cnt: I64) -> None:
    """Sort ``w`` in place (``buf``: scratch of at least ``len(w)``; ``cnt``: 1024 ints).

    LSD radix sort, four passes of 8 bits (one histogram pass for all four;
    a pass whose byte is the same in every value is skipped). Why not
    ``w.sort()``: numba's quicksort mispredicts a branch per comparison; on
    the ~400 shingles of a news text this is ~3x faster (NOTES-dedup section
    10). Short arrays keep the quicksort (the histograms would dominate).
    """
    c = w.shape[0]
    if c < 64:
        w.sort()
        return
    cnt[:] = 0
    for i in range(c):
        v = np.int64(w[i])
        cnt[v & 255] += 1
        cnt[256 + ((v >> 8) & 255)] += 1
        cnt[512 + ((v >> 16) & 255)] += 1
        cnt[768 + (v >> 24)] += 1
    src = w
    dst = buf[:c]
    moved = 0
    for p in range(4):
        base = 256 * p
        shift = 8 * p
        tot = 0
        skip = False
        for k in range(base, base + 256):
            x = cnt[k]
            if x == c:
                skip = True
            cnt[k] = tot
            tot += x
        if skip:
            continue
        for i in range(c):
            v = src[i]
            k = base + ((np.int64(v) >> shift) & 255)
            dst[cnt[k]] = v
            cnt[k] += 1
        src, dst = dst, src
        moved += 1
    if moved % 2:  # the sorted values are in buf
        w[:] = src


def radix_sort(w: U32) -> None:
    """Sort a uint32 array in place with :func:`_radix_sort` (for tests)."""
    _radix_sort(w, np.empty(len(w), dtype=np.uint32), np.empty(1024, dtype=np.int64))


_MAX_BUCKET_BITS = 16


@_jit
def _sort_hashes(w: U32, buf: U32, cnt: I64) -> None:
    """Sort ``w`` in place (``buf``: scratch of at least ``len(w)``; ``cnt``: at least
    ``2 ** _MAX_BUCKET_BITS + 1`` ints): for hash values (spread evenly) one bucket pass
    by the top bits (about one value per bucket) and an insertion sort of the nearly
    sorted result -- ~2x faster than :func:`_radix_sort`'s four passes on the ~400
    shingles of a news text. Values that crowd into a bucket (more than 64: not hash
    values) take the radix sort, so the insertion sort stays linear.
    """
    c = w.shape[0]
    if c < 64:
        w.sort()
        return
    bits = 6
    while (1 << bits) < c and bits < _MAX_BUCKET_BITS:
        bits += 1
    nb = 1 << bits
    shift = 32 - bits
    cnt[: nb + 1] = 0
    for i in range(c):
        cnt[(np.int64(w[i]) >> shift) + 1] += 1
    crowded = False
    for k in range(nb):
        crowded |= cnt[k + 1] > 64
        cnt[k + 1] += cnt[k]
    if crowded:
        _radix_sort(w, buf, cnt)
        return
    for i in range(c):
        k = np.int64(w[i]) >> shift
        buf[cnt[k]] = w[i]
        cnt[k] += 1
    for i in range(c):
        v = buf[i]
        j = i
        while j > 0 and w[j - 1] > v:
            w[j] = w[j - 1]
            j -= 1
        w[j] = v


def sort_hashes(w: U32) -> None:
    """Sort a uint32 array in place with :func:`_sort_hashes` (for tests)."""
    _sort_hashes(w, np.empty(len(w), dtype=np.uint32), np.empty((1 << _MAX_BUCKET_BITS) + 1, dtype=np.int64))


@_jit
def _shingle_sets_sign(
    th: U64, tok_off: I64, ngram: int, a: U32, b: U32, want_sets: bool
) -> tuple[U32, I64, U32, I64, U32]:
    n = tok_off.shape[0] - 1
    sh_off = np.zeros(n + 1, dtype=np.int64)
    for d in range(n):
        k = tok_off[d + 1] - tok_off[d]
        c = k - ngram + 1 if k >= ngram else min(k, 1)
        sh_off[d + 1] = sh_off[d] + c
    total = sh_off[n]
    sh = np.empty(total, dtype=np.uint32)
    sets = np.empty(total if want_sets else 0, dtype=np.uint32)
    set_off = np.zeros(n + 1, dtype=np.int64)
    p = a.shape[0]
    sig = np.empty((n, p), dtype=np.uint32)
    longest = 0
    for d in range(n):
        longest = max(longest, sh_off[d + 1] - sh_off[d])
    work = np.empty(longest, dtype=np.uint32)
    tmp = np.empty(longest, dtype=np.uint32)
    nb = 64
    while nb < longest and nb < (1 << _MAX_BUCKET_BITS):
        nb *= 2
    cnt = np.empty(max(1024, nb + 1), dtype=np.int64)
    m64 = np.uint64(0x9E3779B97F4A7C15)
    fold = np.uint64(0xD6E8FEB86659FD93)
    for d in range(n):
        t0 = tok_off[d]
        k = tok_off[d + 1] - t0
        o = sh_off[d]
        c = sh_off[d + 1] - o
        if k >= ngram:
            for s in range(c):
                acc = th[t0 + s]
                for g in range(1, ngram):
                    acc = acc * m64 + th[t0 + s + g]
                acc ^= acc >> np.uint64(32)
                acc *= fold
                sh[o + s] = np.uint32(acc >> np.uint64(32))
        elif k > 0:
            acc = np.uint64(0)
            for g in range(k):
                acc = acc * m64 + th[t0 + g]
            acc ^= acc >> np.uint64(32)
            acc *= fold
            sh[o] = np.uint32(acc >> np.uint64(32))
        # the set: sorted, without repeats
        w = work[:c]
        w[:] = sh[o : o + c]
        _sort_hashes(w, tmp, cnt)
        u = 0
        for s in range(c):
            if u == 0 or w[s] != w[u - 1]:
                w[u] = w[s]
                u += 1
        if want_sets:
            so = set_off[d]
            sets[so : so + u] = w[:u]
            set_off[d + 1] = so + u
        else:
            set_off[d + 1] = set_off[d] + u
        _sign_set(w[:u], a, b, sig[d], tmp)
    return sh, sh_off, sets[: set_off[n]] if want_sets else sets, set_off, sig


def shingle_sets_sign(
    th: U64, tok_off: I64, ngram: int, a: U32, b: U32, *, want_sets: bool = True
) -> tuple[U32, I64, U32, I64, U32]:
    """From token hashes (:func:`hash_tokens`): the shingles in text order and their
    offsets (as :func:`~.shingle.shingles`), each text's sorted shingle set and its
    offsets, and each text's MinHash signature (as :func:`~.signature.sign` of the
    set) with permutation parameters ``a``, ``b``."""
    return _shingle_sets_sign(th, tok_off, ngram, a, b, want_sets)


@_jit
def _count_sorted(x: Any, xs: int, xe: int, y: Any, ys: int, ye: int) -> int:
    """How many of the sorted unique values ``x[xs:xe]`` are in sorted unique ``y[ys:ye]``
    (uint32 or uint64 arrays: numba compiles one version per type)."""
    nx = xe - xs
    ny = ye - ys
    if nx == 0 or ny == 0:
        return 0
    got = 0
    if ny > 16 * nx:  # few values in a large set: binary search each
        lo = ys
        for i in range(xs, xe):
            v = x[i]
            hi = ye
            while lo < hi:
                mid = (lo + hi) >> 1
                if y[mid] < v:
                    lo = mid + 1
                else:
                    hi = mid
            if lo < ye and y[lo] == v:
                got += 1
            if lo >= ye:
                break
        return got
    i = xs
    j = ys
    while i < xe and j < ye:
        if x[i] < y[j]:
            i += 1
        elif x[i] > y[j]:
            j += 1
        else:
            got += 1
            i += 1
            j += 1
    return got


@_jit
def _intersect_counts(vals: U32, off: I64, a: I64, b: I64) -> I64:
    out = np.empty(a.shape[0], dtype=np.int64)
    for k in range(a.shape[0]):
        x, y = a[k], b[k]
        nx, ny = off[x + 1] - off[x], off[y + 1] - off[y]
        if nx <= ny:
            out[k] = _count_sorted(vals, off[x], off[x + 1], vals, off[y], off[y + 1])
        else:
            out[k] = _count_sorted(vals, off[y], off[y + 1], vals, off[x], off[x + 1])
    return out


def intersect_counts(vals: U32, off: I64, a: npt.ArrayLike, b: npt.ArrayLike) -> I64:
    """``len(set(A) & set(B))`` for the sorted, repeat-free segments ``a[k]`` and
    ``b[k]`` of ``vals`` (segment ``r`` is ``vals[off[r]:off[r+1]]``)."""
    aa = np.ascontiguousarray(a, dtype=np.int64)
    bb = np.ascontiguousarray(b, dtype=np.int64)
    return _intersect_counts(vals, off, aa, bb)


@_jit
def _lead_share_counts(
    lead: U32, lead_off: I64, vals: U32, off: I64, part: I64, whole: I64, are_sets: bool
) -> tuple[I64, I64]:
    n = part.shape[0]
    got = np.empty(n, dtype=np.int64)
    size = np.empty(n, dtype=np.int64)
    if are_sets:  # segments already sorted and repeat-free: no copy, no sort
        for k in range(n):
            r = part[k]
            y = whole[k]
            size[k] = lead_off[r + 1] - lead_off[r]
            got[k] = _count_sorted(lead, lead_off[r], lead_off[r + 1], vals, off[y], off[y + 1])
        return got, size
    longest = 0
    for k in range(n):
        r = part[k]
        longest = max(longest, lead_off[r + 1] - lead_off[r])
    w = np.empty(longest, dtype=np.uint32)
    for k in range(n):
        r = part[k]
        c = lead_off[r + 1] - lead_off[r]
        ww = w[:c]
        ww[:] = lead[lead_off[r] : lead_off[r + 1]]
        ww.sort()
        u = 0
        for s in range(c):
            if u == 0 or ww[s] != ww[u - 1]:
                ww[u] = ww[s]
                u += 1
        size[k] = u
        y = whole[k]
        got[k] = _count_sorted(ww, 0, u, vals, off[y], off[y + 1])
    return got, size


def lead_share_counts(
    lead: U32, lead_off: I64, vals: U32, off: I64, part: I64, whole: I64, *, are_sets: bool = False
) -> tuple[I64, I64]:
    """For each ``k``: how many distinct lead shingles of ``part[k]`` (segments of
    ``lead``, any order; ``are_sets``: each segment sorted and without repeats already)
    are in the sorted set ``whole[k]`` of ``vals``, and how many distinct lead shingles
    ``part[k]`` has."""
    return _lead_share_counts(
        lead, lead_off, vals, off,
        np.ascontiguousarray(part, dtype=np.int64), np.ascontiguousarray(whole, dtype=np.int64), are_sets,
    )


@_jit
def _shared_counts64(vals: U64, off: I64, a: I64, b: I64) -> I64:
    out = np.empty(a.shape[0], dtype=np.int64)
    for k in range(a.shape[0]):
        x, y = a[k], b[k]
        out[k] = _count_sorted(vals, off[x], off[x + 1], vals, off[y], off[y + 1])
    return out


def shared_counts64(vals: U64, off: I64, a: npt.ArrayLike, b: npt.ArrayLike) -> I64:
    """:func:`intersect_counts` for 64-bit values (sorted, repeat-free segments)."""
    aa = np.ascontiguousarray(a, dtype=np.int64)
    bb = np.ascontiguousarray(b, dtype=np.int64)
    return _shared_counts64(vals, off, aa, bb)


def _unaligned_words(buf: U8) -> U64:
    """A view whose item ``p`` is the little-endian 64-bit word of ``buf[p : p + 8]``
    for ``p <= len(buf) - 8`` (strides of one byte; a short ``buf`` is copied with zeros
    after it, so the view always has the same, non-contiguous layout: one compiled
    version of the kernels)."""
    if len(buf) < 16:
        buf = np.concatenate((buf, np.zeros(16, dtype=np.uint8)))
    view: U64 = np.ndarray(shape=(len(buf) - 7,), dtype="<u8", buffer=buf, strides=(1,))
    return view


_FOLD_LIMIT = 0x1E922  # no code point from here on changes under str.casefold (test)


def _fold_tables() -> tuple[npt.NDArray[np.int32], U8]:
    """For code points below ``_FOLD_LIMIT``: where the UTF-8 of ``chr(c).casefold()``
    starts in a byte pool (-1: unchanged, or ASCII, which the callers' byte tables
    lower-case), and the pool (each entry ends where the next starts)."""
    start = np.full(_FOLD_LIMIT + 1, -1, dtype=np.int32)
    pool = bytearray()
    ends = []
    for c in range(0x80, _FOLD_LIMIT):
        if 0xD800 <= c < 0xE000:
            continue
        ch = chr(c)
        f = ch.casefold()
        if f != ch:
            start[c] = len(pool)
            pool += f.encode("utf-8")
            ends.append(len(pool))
    return start, np.frombuffer(bytes(pool), dtype=np.uint8)


_TABLES: list[tuple[npt.NDArray[np.int32], U8, npt.NDArray[np.int32]]] = []


_NFKC_LIMIT = 0x20000  # the quick-check table covers the BMP and plane 1 (emoji); beyond: "maybe"
_NFKC_TABLE: list[npt.NDArray[np.bool_]] = []


def _composing_seconds(limit: int) -> set[int]:
    """Code points that come second in a two-character canonical decomposition of a
    code point below ``limit`` (they may compose with the character before them)."""
    import unicodedata

    out = set()
    for c in range(limit):
        d = unicodedata.decomposition(chr(c))
        if d and d[0] != "<":
            parts = d.split()
            if len(parts) == 2:
                out.add(int(parts[1], 16))
    return out


def _composition_parts(limit: int) -> set[int]:
    """Code points that are the first or the second character of a two-character
    canonical decomposition of a code point below ``limit`` (they may compose with
    a neighbour), and the Hangul jamo and syllables (composed by rule)."""
    import unicodedata

    out = set(range(0x1100, 0x1200)) | set(range(0xAC00, 0xD7A4))
    for c in range(limit):
        d = unicodedata.decomposition(chr(c))
        if d and d[0] != "<":
            parts = d.split()
            if len(parts) == 2:
                out.update(int(x, 16) for x in parts)
    return out


_BLANK_TABLES: dict[bytes, tuple[npt.NDArray[np.int32], U8, npt.NDArray[np.int32], npt.NDArray[np.bool_], int]] = {}


def fold_blank_tables(
    is_sep: npt.NDArray[np.bool_], table: bytes
) -> tuple[npt.NDArray[np.int32], U8, npt.NDArray[np.int32], npt.NDArray[np.bool_], int]:
    """The tables of :func:`fold_blank`: for code points below ``_NFKC_LIMIT`` where
    their output bytes start in a pool (-1: copied or blanked as they are), the pool,
    the entries' lengths, which characters leave a text in NFKC form as far as its
    tokens go, and the largest output/input length ratio (the output buffer's size).

    The entries are the case-folded characters (:func:`casefold_utf8`) and the
    *substitutable* ones: characters outside NFKC form (the quick check's "no")
    whose NFKC form is a run of digits, ASCII punctuation, white space or separators
    (``is_sep``) -- ``…`` (``...``), ``½`` (``1⁄2``), the no-break space -- none of
    which combines with anything (no combining class, never part of a canonical
    composition). Replacing such a character by its NFKC form gives the NFKC form of
    the whole text (it neither composes with its neighbours nor lets them compose
    across it), so the kernel writes the folded, blanked bytes of that form in place
    and the text needs no Python check: 9,000 of 100,000 simulated texts held a
    ``…`` and went through ``unicodedata`` before (~1 s of CPU). Built once per
    process (~0.2 s) for each separator table.
    """
    import hashlib
    import unicodedata

    key = hashlib.blake2b(is_sep.tobytes() + table, digest_size=16).digest()
    got = _BLANK_TABLES.get(key)
    if got is not None:
        return got
    safe = nfkc_safe_table().copy()
    fold_start, fold_pool, fold_length = _tables()
    entries: dict[int, bytes] = {}
    for c in np.flatnonzero(fold_start >= 0).tolist():
        entries[c] = fold_pool[fold_start[c] : fold_start[c] + fold_length[c]].tobytes()
    parts = _composition_parts(_NFKC_LIMIT)
    for c in np.flatnonzero(~safe).tolist():
        if 0xD800 <= c < 0xE000 or c < 0x80:
            continue
        ch = chr(c)
        d = unicodedata.normalize("NFKD", ch)
        if d == ch or unicodedata.combining(ch):
            continue
        out = bytearray()
        for x in unicodedata.normalize("NFKC", ch).casefold():
            o = ord(x)
            if o < 0x80 and not x.isalpha() and o != 0:
                out.append(table[o])
            elif 0x80 <= o < 0x10000 and is_sep[o]:
                out += b" " * len(x.encode("utf-8"))
            else:
                break
        else:
            if all(unicodedata.combining(x) == 0 and ord(x) not in parts for x in d):
                entries[c] = bytes(out)
                safe[c] = True
    start = np.full(_NFKC_LIMIT + 1, -1, dtype=np.int32)
    length = np.zeros(_NFKC_LIMIT + 1, dtype=np.int32)
    pool = bytearray()
    ratio = 1
    for c in sorted(entries):
        e = entries[c]
        start[c] = len(pool)
        length[c] = len(e)
        pool += e
        ratio = max(ratio, -(-len(e) // len(chr(c).encode("utf-8"))))
    got = (start, np.frombuffer(bytes(pool), dtype=np.uint8), length, safe, ratio)
    _BLANK_TABLES[key] = got  # a constant of the separator table, not state
    return got


def nfkc_safe_table(scan_limit: int = _NFKC_LIMIT) -> npt.NDArray[np.bool_]:
    """For code points below ``_NFKC_LIMIT``: True when a text made only of such
    characters is certainly in NFKC form (Unicode's quick check answering "yes"):
    the character is its own NFKC form, has combining class 0, and cannot
    compose with a character before it (it is not the second character of a
    canonical decomposition, nor a Hangul medial vowel or final consonant).
    Composites are looked up below ``scan_limit`` (a test checks that scanning
    all of Unicode gives the same table). Built once per process (~60 ms)."""
    if scan_limit == _NFKC_LIMIT and _NFKC_TABLE:
        return _NFKC_TABLE[0]
    import unicodedata

    table = np.zeros(_NFKC_LIMIT, dtype=bool)
    for c in range(_NFKC_LIMIT):
        if 0xD800 <= c < 0xE000:
            continue
        ch = chr(c)
        table[c] = unicodedata.combining(ch) == 0 and unicodedata.normalize("NFKC", ch) == ch
    table[[c for c in _composing_seconds(scan_limit) if c < _NFKC_LIMIT]] = False
    table[0x1161:0x1176] = False  # Hangul vowels compose with a leading consonant
    table[0x11A8:0x11C3] = False  # Hangul final consonants compose with an LV syllable
    if scan_limit == _NFKC_LIMIT:
        _NFKC_TABLE.append(table)  # a constant, not state
    return table


def _tables() -> tuple[npt.NDArray[np.int32], U8, npt.NDArray[np.int32]]:
    if not _TABLES:  # built once per process (~40 ms); a constant, not state
        start, pool = _fold_tables()
        # the length of each entry: the distance to the next start
        length = np.zeros_like(start)
        has = np.flatnonzero(start >= 0)
        nxt = np.append(start[has][1:], len(pool))
        length[has] = nxt - start[has]
        _TABLES.append((start, pool, length))
    return _TABLES[0]


@_jit
def _folded_size(buf: U8, start: npt.NDArray[np.int32], length: npt.NDArray[np.int32]) -> int:
    """Bytes of ``buf`` once casefolded through the (start, length) table."""
    n = buf.shape[0]
    limit = start.shape[0] - 1
    size = 0
    p = 0
    while p < n:
        c = buf[p]
        if c < 0x80:
            size += 1
            p += 1
            continue
        cp, k = _code_point(buf, p, c)
        size += length[cp] if cp < limit and start[cp] >= 0 else k
        p += k
    return size


@_jit
def _casefold_utf8(buf: U8, start: npt.NDArray[np.int32], length: npt.NDArray[np.int32], pool: U8) -> U8:
    n = buf.shape[0]
    limit = start.shape[0] - 1
    size = _folded_size(buf, start, length)
    out = np.empty(size, dtype=np.uint8)
    p = 0
    o = 0
    while p < n:
        c = buf[p]
        if c < 0x80:
            out[o] = c
            o += 1
            p += 1
            continue
        cp, k = _code_point(buf, p, c)
        if cp < limit and start[cp] >= 0:
            s = start[cp]
            for q in range(length[cp]):
                out[o + q] = pool[s + q]
            o += length[cp]
        else:
            for q in range(k):
                out[o + q] = buf[p + q]
            o += k
        p += k
    return out


def casefold_utf8(raw: bytes) -> bytes:
    """``raw.decode().casefold().encode()`` for valid UTF-8 ``raw``, except that ASCII
    letters keep their case (callers lower-case ASCII with a byte table anyway).

    >>> casefold_utf8("Straße İ ΣΑΣ".encode()).decode()
    'Strasse i̇ σασ'
    """
    if raw.isascii():
        return raw
    start, pool, length = _tables()
    return bytes(_casefold_utf8(np.frombuffer(raw, dtype=np.uint8), start, length, pool))


@_jit
def _fold_blank(
    buf: U8,
    words: U64,
    start: npt.NDArray[np.int32],
    length: npt.NDArray[np.int32],
    pool: U8,
    is_sep: npt.NDArray[np.bool_],
    is_nospace: npt.NDArray[np.bool_],
    table: U8,
    n_texts: int,
    nfkc_safe: npt.NDArray[np.bool_],
    ratio: int,
) -> tuple[U8, I64, I64, I64]:
    n = buf.shape[0]
    n8 = n - 7  # positions with 8 bytes ahead: words[p] is buf[p : p + 8]
    limit = start.shape[0] - 1
    # ASCII through the table, folded and substituted characters from the pool (never
    # CJK/Thai: test), separators blanked, texts with CJK/Thai noted. No pass to size
    # the output first: no character's entry is more than `ratio` times its length, and
    # np.empty's pages are only touched where written (a second pass cost ~25%).
    out = np.empty(n * ratio, dtype=np.uint8)
    toff = np.zeros(n_texts + 1, dtype=np.int64)  # where each text starts in out
    odd = np.zeros(n_texts, dtype=np.int64)
    n_odd = 0
    text = 0
    last_odd = -1
    maybe = np.zeros(n_texts, dtype=np.int64)  # texts with a character the NFKC quick check is unsure of
    n_maybe = 0
    last_maybe = -1
    safe_limit = nfkc_safe.shape[0]
    p = 0
    o = 0
    high = np.uint64(0x8080808080808080)
    ones = np.uint64(0x0101010101010101)
    while p < n:
        if p < n8:
            # eight ASCII bytes, none NUL (SWAR test on an unaligned 64-bit read): through
            # the table without a test per byte (~1.5x faster on news text)
            x = words[p]
            if (x & high) == 0 and ((x - ones) & ~x & high) == 0:
                for q in range(8):
                    out[o + q] = table[buf[p + q]]
                o += 8
                p += 8
                continue
        c = buf[p]
        if c < 0x80:
            if c == 0:
                text += 1
                if text < n_texts:
                    toff[text] = o + 1
            out[o] = table[c]
            o += 1
            p += 1
            continue
        cp, k = _code_point(buf, p, c)
        if last_maybe != text and (cp >= safe_limit or not nfkc_safe[cp]) and n_maybe < n_texts:
            maybe[n_maybe] = text
            n_maybe += 1
            last_maybe = text
        if cp < limit and start[cp] >= 0:
            s0 = start[cp]
            for q in range(length[cp]):
                out[o + q] = pool[s0 + q]
            o += length[cp]
            p += k
            continue
        solo = (k == 3 and is_nospace[cp]) or (k == 4 and cp >= 0x20000 and cp <= 0x3134F)
        if solo and last_odd != text and n_odd < n_texts:
            odd[n_odd] = text
            n_odd += 1
            last_odd = text
        if k < 4 and is_sep[cp]:
            for q in range(k):
                out[o + q] = 0x20
        else:
            for q in range(k):
                out[o + q] = buf[p + q]
        o += k
        p += k
    toff[n_texts] = o + 1
    return out[:o], odd[:n_odd], maybe[:n_maybe], toff


def fold_blank(raw: bytes, is_sep: npt.NDArray[np.bool_], is_nospace: npt.NDArray[np.bool_],
               table: bytes, n_texts: int) -> tuple[bytes, list[int], list[int], I64]:
    """Case folding (:func:`casefold_utf8`), then every non-ASCII separator (``is_sep``, a
    BMP table) blanked with one space per byte and ASCII bytes mapped through ``table``,
    on the UTF-8 bytes of ``n_texts`` ``\\x00``-joined texts, in one compiled call; the
    substitutable characters of :func:`fold_blank_tables` (``…``, ``½``) become the
    bytes of their NFKC form. Also returns the (ascending) indices of the texts with
    characters of scripts written without spaces (``is_nospace``; CJK extensions B-G
    too), and of the texts that may not be in NFKC form (a character neither
    :func:`nfkc_safe_table` nor the substitutions clear; the others are, or give the
    bytes of their NFKC form); and where each text starts in the output (text ``t`` is
    ``out[starts[t] : starts[t + 1] - 1]``, ``n_texts + 1`` offsets)."""
    start, pool, length, safe, ratio = fold_blank_tables(is_sep, table)
    buf = np.frombuffer(raw, dtype=np.uint8)
    out, odd, maybe, starts = _fold_blank(
        buf, _unaligned_words(buf), start, length, pool, is_sep, is_nospace,
        np.frombuffer(table, dtype=np.uint8), n_texts, safe, ratio,
    )
    return out.tobytes(), odd.tolist(), maybe.tolist(), starts


@_jit
def _agreement(sig: U32, a: I64, b: I64) -> npt.NDArray[np.float64]:
    n = a.shape[0]
    p = sig.shape[1]
    out = np.empty(n, dtype=np.float64)
    for k in range(n):
        x = sig[a[k]]
        y = sig[b[k]]
        same = 0
        for q in range(p):
            same += x[q] == y[q]
        out[k] = same / p
    return out


def agreement(sig: U32, a: npt.ArrayLike, b: npt.ArrayLike) -> npt.NDArray[np.float64]:
    """Share of equal slots of signature rows ``a[k]`` and ``b[k]`` (the MinHash Jaccard
    estimate), without gathering the rows into temporary arrays."""
    return _agreement(
        np.ascontiguousarray(sig), np.ascontiguousarray(a, dtype=np.int64), np.ascontiguousarray(b, dtype=np.int64)
    )


# -- truncation markers -------------------------------------------------------------
# The lower-case words of features._may_mark: (word, kind) with kind 0 = anywhere,
# 1 = at the start of a stripped line, 2 = a verb, 3 = a qualifier (a verb and a
# qualifier both needed). Duplicated from features.py as bytes (a test checks them).
_MARK_WORDS: tuple[tuple[bytes, int], ...] = (
    (b"continu", 0), (b"(more)", 0),
    (b"keep", 1), (b"full", 1), (b"original", 1), (b"rest", 1), (b"the rest", 1),
    (b"remainder", 1), (b"the remainder", 1), (b"more", 1),
    (b"read", 2), (b"see", 2), (b"view", 2), (b"get", 2),
    (b"full", 3), (b"whole", 3), (b"rest", 3), (b"entire", 3), (b"complete", 3), (b"original", 3),
    (b"more", 3),
)
# Code points whose str.lower() holds ASCII letters (U+0130, U+212A) and the ones
# features._may_mark sends to the regex whatever the line says (U+0130, U+0131, U+017F).
_MARK_SPECIAL = (0x130, 0x131, 0x17F, 0x212A)
# str.isspace() outside ASCII (what str.strip() removes; a test checks every code point).
_SPACE_CP = (0x85, 0xA0, 0x1680, *range(0x2000, 0x200B), 0x2028, 0x2029, 0x202F, 0x205F, 0x3000)


def _mark_tables() -> tuple[U8, I64, I64, I64, I64, npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    words = np.frombuffer(b"".join(w for w, _ in _MARK_WORDS), dtype=np.uint8)
    woff = np.zeros(len(_MARK_WORDS) + 1, dtype=np.int64)
    np.cumsum([len(w) for w, _ in _MARK_WORDS], out=woff[1:])
    kind = np.array([k for _, k in _MARK_WORDS], dtype=np.int64)
    # ASCII letters (either case) -> 1..26, "(" -> 27, anything else 0; and for each
    # three-character code (5 bits each) the bit mask of the words (kinds 0, 2, 3) it starts
    code = np.zeros(128, dtype=np.int64)
    for k in range(26):
        code[ord("a") + k] = code[ord("A") + k] = k + 1
    code[ord("(")] = 27
    tri = np.zeros(1 << 15, dtype=np.int64)
    for k, (w, kd) in enumerate(_MARK_WORDS):
        if kd != 1:
            tri[(code[w[0]] << 10) | (code[w[1]] << 5) | code[w[2]]] |= 1 << k
    space = np.zeros(0x3001, dtype=np.bool_)
    space[list(_SPACE_CP)] = True
    special = np.zeros(0x212B, dtype=np.bool_)
    special[list(_MARK_SPECIAL)] = True
    return words, woff, kind, code, tri, space, special


@_jit
def _is_space_at(buf: U8, p: int, space: npt.NDArray[np.bool_]) -> int:
    """Bytes of the white-space character (str.isspace) starting at ``p``; 0 if none."""
    c = buf[p]
    if c < 0x80:
        return 1 if (9 <= c <= 13) or (28 <= c <= 32) else 0
    if c < 0xC0:
        return 0
    cp, k = _code_point(buf, p, c)
    return k if cp < space.shape[0] and space[cp] else 0


@_jit
def _word_at(buf: U8, p: int, e: int, words: U8, ws: int, we: int) -> bool:
    """True when the ASCII-lower-cased ``buf[p:e]`` starts with ``words[ws:we]``."""
    if e - p < we - ws:
        return False
    for q in range(we - ws):
        c = buf[p + q]
        if 65 <= c <= 90:
            c += 32
        if c != words[ws + q]:
            return False
    return True


@_jit
def _screen_line(
    buf: U8, s: int, e: int, words: U8, woff: I64, kind: I64, code: I64, tri: I64,
    special: npt.NDArray[np.bool_],
) -> bool:
    """A superset of features._may_mark for the stripped line ``buf[s:e]``.

    Why not a loop over the words at every byte: most letters start some word
    and the screen then cost ~10 us a text; a rolling 15-bit code of the last
    three letters looked up in ``tri`` (the words starting with them) makes
    a full comparison rare (~3x faster kernel on the simulated corpus)."""
    for w in range(kind.shape[0]):
        if kind[w] == 1 and _word_at(buf, s, e, words, woff[w], woff[w + 1]):
            return True
    verb = False
    qual = False
    x = 0
    for p in range(s, e):
        c = buf[p]
        if c >= 0x80:
            x = 0
            if c >= 0xC0:
                cp, _ = _code_point(buf, p, c)
                if cp < special.shape[0] and special[cp]:
                    return True
            continue
        x = ((x << 5) | code[c]) & 0x7FFF
        mask = tri[x]  # the words whose first three letters end here
        while mask:
            w = 0
            while not (mask >> w) & 1:
                w += 1
            mask &= ~(np.int64(1) << w)
            kd = kind[w]
            if (kd == 2 and verb) or (kd == 3 and qual):
                continue
            if _word_at(buf, p - 2, e, words, woff[w], woff[w + 1]):
                if kd == 0:
                    return True
                if kd == 2:
                    verb = True
                else:
                    qual = True
                if verb and qual:
                    return True
    return False


@_jit
def _ends_with(buf: U8, s: int, e: int, suffix: U8) -> bool:
    m = suffix.shape[0]
    if e - s < m:
        return False
    for q in range(m):  # noqa: SIM110 - numba compiles no generator inside all()
        if buf[e - m + q] != suffix[q]:
            return False
    return True


@_jit
def _marker_lines(
    buf: U8, wide: U64, first: I64, last: I64, max_lines: int, words: U8, woff: I64, kind: I64, code: I64, tri: I64,
    space: npt.NDArray[np.bool_], special: npt.NDArray[np.bool_],
    dots: U8, hellip: U8, bdots: U8, bhellip: U8,
) -> tuple[npt.NDArray[np.bool_], I64, I64, I64]:
    n = first.shape[0]
    ellipsis = np.zeros(n, dtype=np.bool_)
    cand_off = np.zeros(n + 1, dtype=np.int64)
    starts = np.empty(n * max_lines, dtype=np.int64)
    ends = np.empty(n * max_lines, dtype=np.int64)
    high = np.uint64(0x8080808080808080)
    ones = np.uint64(0x0101010101010101)
    newlines = np.uint64(0x0A0A0A0A0A0A0A0A)
    m = 0
    for t in range(n):
        lo = first[t]
        e = last[t]
        seen = 0
        while seen < max_lines:
            # the line buf[b:e] (b after the previous "\n" or at the text start); eight
            # bytes at a time while none is a "\n" (SWAR zero-byte test; news lines are long)
            b = e
            while b - 8 >= lo:
                y = wide[b - 8] ^ newlines
                if ((y - ones) & ~y & high) != 0:
                    break
                b -= 8
            while b > lo and buf[b - 1] != 10:
                b -= 1
            # strip: white space at both ends (str.strip)
            s = b
            while s < e:
                k = _is_space_at(buf, s, space)
                if k == 0:
                    break
                s += k
            f = e
            while f > s:
                q = f - 1
                while q > s and 0x80 <= buf[q] < 0xC0:
                    q -= 1
                if _is_space_at(buf, q, space) != f - q:
                    break
                f = q
            if f > s:
                seen += 1
                if (_ends_with(buf, s, f, dots) or _ends_with(buf, s, f, hellip)
                        or _ends_with(buf, s, f, bdots) or _ends_with(buf, s, f, bhellip)):
                    ellipsis[t] = True
                    break
                chars = 0
                if f - s > 1200:  # more than 300 characters of at most 4 bytes
                    chars = 301
                elif f - s > 300:  # more bytes than 300: count the characters (up to 301)
                    for q in range(s, f):
                        chars += not (0x80 <= buf[q] < 0xC0)
                        if chars > 300:
                            break
                if chars <= 300 and _screen_line(buf, s, f, words, woff, kind, code, tri, special):
                    starts[m] = s
                    ends[m] = f
                    m += 1
            if b == lo:
                break
            e = b - 1
        if ellipsis[t]:
            m = cand_off[t]
        cand_off[t + 1] = m
    return ellipsis, cand_off, starts[:m], ends[:m]


_MARK_TABLES: list[tuple[U8, I64, I64, I64, I64, npt.NDArray[np.bool_], npt.NDArray[np.bool_]]] = []


@_jit
def _tail_starts(buf: U8, words: U64, first: I64, last: I64, chars: int) -> I64:
    out = np.empty(first.shape[0], dtype=np.int64)
    high = np.uint64(0x8080808080808080)
    for t in range(first.shape[0]):
        p = last[t]
        f = first[t]
        seen = 0
        while p > f and seen < chars:
            # eight ASCII bytes before p are eight characters (one test, not eight)
            if p - 8 >= f and seen + 8 <= chars and (words[p - 8] & high) == 0:
                p -= 8
                seen += 8
                continue
            p -= 1
            if not (0x80 <= buf[p] < 0xC0):  # a character starts here
                seen += 1
        out[t] = p
    return out


def tail_starts(buf: bytes, first: I64, last: I64, chars: int) -> I64:
    """Where the last ``chars`` characters of each UTF-8 text ``buf[first[t]:last[t]]``
    start (its byte offset of ``text[-chars:]``)."""
    b = np.frombuffer(buf, dtype=np.uint8)
    return _tail_starts(b, _unaligned_words(b), first, last, chars)


def marker_lines(
    buf: bytes, first: I64, last: I64, max_lines: int
) -> tuple[npt.NDArray[np.bool_], I64, I64, I64]:
    """For each UTF-8 text ``buf[first[t]:last[t]]``, looking at its last ``max_lines``
    non-empty lines (split at ``\\n``, stripped as by ``str.strip``): whether one ends
    in an ellipsis (``...``, ``…``, ``[…]``, ``[...]``), and else the byte ranges of the
    lines of at most 300 characters that could hold a default truncation marker
    (a superset of ``features._may_mark``; the caller checks them exactly).

    Returns ``(ellipsis, offsets, starts, ends)``: the candidate lines of text ``t``
    are ``starts[offsets[t]:offsets[t + 1]]`` (last line first) and ``ends``.
    """
    if not _MARK_TABLES:  # a constant built once per process, not state
        _MARK_TABLES.append(_mark_tables())
    words, woff, kind, code, tri, space, special = _MARK_TABLES[0]

    def u8(s: str) -> U8:
        return np.frombuffer(s.encode("utf-8"), dtype=np.uint8)

    b = np.frombuffer(buf, dtype=np.uint8)
    return _marker_lines(
        b, _unaligned_words(b), np.ascontiguousarray(first, dtype=np.int64),
        np.ascontiguousarray(last, dtype=np.int64), max_lines,
        words, woff, kind, code, tri, space, special, u8("..."), u8("\u2026"), u8("[...]"), u8("[\u2026]"),
    )


# -- story length without page furniture (verify.content_words) ------------------------
def _utf8(text: str) -> bytes:
    """UTF-8, lone surrogates passed through (strict first: ~1.6x faster when none)."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass")


@_jit
def _content_words(buf: U8, off: I64, space: npt.NDArray[np.bool_], min_words: int) -> I64:
    n = off.shape[0] - 1
    out = np.zeros(n, dtype=np.int64)
    # ASCII byte -> 0 word character, 1 white space, 2 line boundary (str.splitlines:
    # \n \v \f \r \x1c \x1d \x1e; white space: \t \x1f and the space)
    kind = np.zeros(128, dtype=np.uint8)
    for c in (10, 11, 12, 13, 28, 29, 30):
        kind[c] = 2
    for c in (9, 31, 32):
        kind[c] = 1
    for t in range(n):
        got = 0
        k = 0
        in_word = False
        p = off[t]
        end = off[t + 1]
        while p < end:
            c = buf[p]
            if c < 0x80:
                what = kind[c]
                p += 1
            else:
                cp, size = _code_point(buf, p, c)
                p += size
                # non-ASCII line boundaries: \x85 \u2028 \u2029
                what = 2 if cp == 0x85 or cp == 0x2028 or cp == 0x2029 else (
                    1 if cp < space.shape[0] and space[cp] else 0)
            word = what == 0
            k += word and not in_word  # without branches: word starts are unpredictable
            in_word = word
            if what == 2:
                if k >= min_words:
                    got += k
                k = 0
        if k >= min_words:
            got += k
        out[t] = got
    return out


def content_words_many(texts: list[str], min_words: int) -> I64:
    """For each text, the white-space separated words (``str.split``) in its lines
    (``str.splitlines``) of at least ``min_words`` words: ``verify.content_words``
    before its fallback, in one compiled pass over the UTF-8 bytes."""
    if not _MARK_TABLES:  # a constant built once per process, not state
        _MARK_TABLES.append(_mark_tables())
    space = _MARK_TABLES[0][5]
    enc = [_utf8(t) for t in texts]
    off = np.zeros(len(enc) + 1, dtype=np.int64)
    np.cumsum([len(b) for b in enc], out=off[1:])
    return _content_words(np.frombuffer(b"".join(enc), dtype=np.uint8), off, space, min_words)


@_jit
def _unique_segments(vals: U64, off: I64) -> tuple[U64, I64]:
    n = off.shape[0] - 1
    out = np.empty_like(vals)
    out_off = np.zeros(n + 1, dtype=np.int64)
    longest = 0
    for t in range(n):
        longest = max(longest, off[t + 1] - off[t])
    work = np.empty(longest, dtype=vals.dtype)  # one scratch buffer: no array per segment
    o = 0
    for t in range(n):
        seg = work[: off[t + 1] - off[t]]
        seg[:] = vals[off[t] : off[t + 1]]
        seg.sort()
        for q in range(seg.shape[0]):
            if q == 0 or seg[q] != seg[q - 1]:
                out[o] = seg[q]
                o += 1
        out_off[t + 1] = o
    return out[:o], out_off


def unique_segments(vals: U64, off: I64) -> tuple[U64, I64]:
    """Each segment ``vals[off[t]:off[t + 1]]`` sorted and without repeats, and the new
    offsets (one sort per segment: a global ``lexsort`` by (segment, value) cost
    ~3x more at 100k documents' figures)."""
    return _unique_segments(np.ascontiguousarray(vals, dtype=np.uint64), np.ascontiguousarray(off, dtype=np.int64))


@_jit
def _band_keys_all(sig: U32, bands: int, rows: int, mix: Any, fin: Any) -> U64:
    n = sig.shape[0]
    out = np.empty((bands, n), dtype=np.uint64)
    s29 = np.uint64(29)
    s32 = np.uint64(32)
    for i in range(n):
        row = sig[i]
        for band in range(bands):
            key = np.uint64(rows)
            for c in range(band * rows, (band + 1) * rows):
                key = key * mix + np.uint64(row[c])
                key ^= key >> s29
            key *= fin
            out[band, i] = key ^ (key >> s32)
    return out


def band_keys_all(sig: U32, bands: int, rows: int, mix: np.uint64, fin: np.uint64) -> U64:
    """``index._band_keys`` of every band at once, ``(bands, n)``: one pass over the rows
    of the signature matrix instead of one strided pass per column (tested equal)."""
    return _band_keys_all(np.ascontiguousarray(sig, dtype=np.uint32), bands, rows, np.uint64(mix), np.uint64(fin))


# -- figures (features.figure_table) ---------------------------------------------------
@_jit
def _as_digit(x: Any, words: U64, digits: U64) -> Any:
    for q in range(words.shape[0]):
        if x == words[q]:
            return digits[q]
    return x


@_jit
def _is_word(x: Any, words: U64, maybe: npt.NDArray[np.bool_]) -> bool:
    if not maybe[x & np.uint64(4095)]:  # one lookup rules out ~99.8% of tokens
        return False
    for q in range(words.shape[0]):  # noqa: SIM110 - numba compiles no generator inside any()
        if x == words[q]:
            return True
    return False


@_jit
def _figure_table(
    h: U64, offsets: I64, numeric: npt.NDArray[np.bool_], words: U64, digits: U64, run_pow: U64,
    bos: Any, eos: Any, ctx_a: Any, ctx_b: Any,
) -> tuple[U64, U64, I64]:
    n_docs = offsets.shape[0] - 1
    # at most one figure per token; np.empty pages are only touched where written
    keys = np.empty(h.shape[0], dtype=np.uint64)
    pairs = np.empty(h.shape[0], dtype=np.uint64)
    fig_off = np.zeros(n_docs + 1, dtype=np.int64)
    top = run_pow.shape[0] - 1
    # the low 12 bits of the number words' hashes: most tokens need no comparison with them
    maybe = np.zeros(4096, dtype=np.bool_)
    for q in range(words.shape[0]):
        maybe[words[q] & np.uint64(4095)] = True
    m = 0
    for d in range(n_docs):
        lo = offsets[d]
        hi = offsets[d + 1]
        t = lo
        while t < hi:
            if not (numeric[t] or _is_word(h[t], words, maybe)):
                t += 1
                continue
            start = t
            val = np.uint64(0)
            while t < hi and (numeric[t] or _is_word(h[t], words, maybe)):
                val += _as_digit(h[t], words, digits) * run_pow[min(t - start, top)]
                t += 1
            prev = _as_digit(h[start - 1], words, digits) if start > lo else bos
            nxt = _as_digit(h[t], words, digits) if t < hi else eos
            key = (prev * ctx_a) ^ (nxt * ctx_b)
            key ^= key >> np.uint64(29)
            pair = key ^ (val * ctx_b)
            pair ^= pair >> np.uint64(31)
            pair *= ctx_a
            keys[m] = key >> np.uint64(1)
            pairs[m] = pair >> np.uint64(1)
            m += 1
        fig_off[d + 1] = m
    return keys[:m].copy(), pairs[:m].copy(), fig_off


def figure_table_compiled(
    h: U64, offsets: I64, numeric: npt.NDArray[np.bool_], words: U64, digits: U64, run_pow: U64,
    bos: np.uint64, eos: np.uint64, ctx_a: np.uint64, ctx_b: np.uint64,
) -> tuple[U64, U64, I64]:
    """``features.figure_table`` in one pass over the tokens (the constants are passed
    in from features.py); ~10 numpy temporaries per token avoided."""
    return _figure_table(
        np.ascontiguousarray(h, dtype=np.uint64), np.ascontiguousarray(offsets, dtype=np.int64),
        np.ascontiguousarray(numeric, dtype=np.bool_), words, digits, run_pow, bos, eos, ctx_a, ctx_b,
    )


# -- LSH buckets (index.candidate_pairs) -------------------------------------------------
@_jit
def _band_pairs(keys: U64, rows_idx: I64, n: int, max_bucket: int) -> I64:
    bands = keys.shape[0]
    m = keys.shape[1]
    size = 1
    while size < 2 * m:
        size *= 2
    mask = np.uint64(size - 1)
    slot_key = np.empty(size, dtype=np.uint64)
    slot_gid = np.empty(size, dtype=np.int64)
    gid = np.empty(m, dtype=np.int64)
    count = np.empty(m, dtype=np.int64)
    first = np.empty(m + 1, dtype=np.int64)
    members = np.empty(m, dtype=np.int64)
    out = np.empty(max(16, 4 * m), dtype=np.int64)
    pos = 0
    nn = np.int64(n)
    for band in range(bands):
        # group equal keys: open addressing (keys are mixed hashes: the low bits index)
        slot_gid[:] = -1
        groups = 0
        for i in range(m):
            k = keys[band, i]
            s = np.int64(k & mask)
            while True:
                g = slot_gid[s]
                if g < 0:
                    slot_gid[s] = groups
                    slot_key[s] = k
                    count[groups] = 0
                    gid[i] = groups
                    groups += 1
                    break
                if slot_key[s] == k:
                    gid[i] = g
                    break
                s = (s + 1) & (size - 1)
            count[gid[i]] += 1
        # the pairs this band adds, and the members of each group in row order
        total = 0
        first[0] = 0
        for g in range(groups):
            c = count[g]
            first[g + 1] = first[g] + c
            if c > max_bucket:
                total += c - 1
            elif c >= 2:
                total += c * (c - 1) // 2
        if total == 0:
            continue
        for g in range(groups):
            count[g] = first[g]
        for i in range(m):
            g = gid[i]
            members[count[g]] = rows_idx[i]
            count[g] += 1
        if pos + total > out.shape[0]:
            grown = np.empty(max(2 * out.shape[0], pos + total), dtype=np.int64)
            grown[:pos] = out[:pos]
            out = grown
        for g in range(groups):
            lo = first[g]
            hi = first[g + 1]
            c = hi - lo
            if c > max_bucket:  # consecutive members only: linear work for huge buckets
                for x in range(lo, hi - 1):
                    out[pos] = members[x] * nn + members[x + 1]
                    pos += 1
            elif c >= 2:
                for x in range(lo, hi - 1):
                    a = members[x] * nn
                    for y in range(x + 1, hi):
                        out[pos] = a + members[y]
                        pos += 1
    return out[:pos]


def band_pairs(keys: U64, rows_idx: I64, n: int, max_bucket: int) -> I64:
    """Pair codes ``i * n + j`` (``i < j``, with repeats) of the rows ``rows_idx[k]``
    sharing a key in some band of ``keys`` (``(bands, len(rows_idx))``, ``rows_idx``
    ascending); a bucket of more than ``max_bucket`` rows gives its consecutive pairs only.

    Buckets by hashing instead of a stable ``argsort`` of each band's keys (62 + 24
    sorts of 100,000 keys at 100k documents, ~10% of ``cluster()``): the same
    buckets, the same pairs (tested against the sorting version).
    """
    return _band_pairs(
        np.ascontiguousarray(keys, dtype=np.uint64), np.ascontiguousarray(rows_idx, dtype=np.int64),
        int(n), int(max_bucket),
    )


# -- where the story starts (verify.lead_start / lead_skip) -------------------------------
@_jit
def _lead_heads(
    buf: U8, first: I64, last: I64, space: npt.NDArray[np.bool_], max_chars: int, min_words: int
) -> tuple[I64, I64]:
    n = first.shape[0]
    skip = np.zeros(n, dtype=np.int64)
    at = np.zeros(n, dtype=np.int64)
    for t in range(n):
        p = first[t]
        e = last[t]
        chars = 0  # characters before p
        start = -1
        while p < e and chars < max_chars:
            line_p = p
            line_c = chars
            words = 0
            in_word = False
            while p < e and buf[p] != 10:
                c = buf[p]
                if c < 0x80:
                    white = (9 <= c <= 13) or (28 <= c <= 32)
                    p += 1
                else:
                    cp, k = _code_point(buf, p, c)
                    white = cp < space.shape[0] and space[cp]
                    p += k
                chars += 1
                words += not white and not in_word
                in_word = not white
                if words >= min_words:
                    break
            if words >= min_words:
                start = line_p
                at[t] = line_c
                break
            p += 1  # the "\n"
            chars += 1
        if start <= first[t]:
            continue
        # the tokens before it: runs of ASCII letters and digits when the head is ASCII
        tokens = 0
        in_tok = False
        for q in range(first[t], start):
            c = buf[q]
            if c >= 0x80:
                tokens = -1
                break
            alnum = (48 <= c <= 57) or (65 <= c <= 90) or (97 <= c <= 122)
            tokens += alnum and not in_tok
            in_tok = alnum
        skip[t] = tokens
    return skip, at


def lead_heads(buf: bytes, first: I64, last: I64, max_chars: int, min_words: int) -> tuple[I64, I64]:
    """For each UTF-8 text ``buf[first[t]:last[t]]``: the character offset of its first
    line (split at ``\\n``) of at least ``min_words`` white-space separated words
    (``str.split``) starting before character ``max_chars`` (0 when none), and the
    normalized tokens before that line when they are ASCII (-1 when not: the caller
    tokenizes those heads). ``verify.lead_start`` and ``lead_skip`` in one pass
    over the shared bytes (tested equal)."""
    if not _MARK_TABLES:  # a constant built once per process, not state
        _MARK_TABLES.append(_mark_tables())
    space = _MARK_TABLES[0][5]
    return _lead_heads(
        np.frombuffer(buf, dtype=np.uint8), np.ascontiguousarray(first, dtype=np.int64),
        np.ascontiguousarray(last, dtype=np.int64), space, max_chars, min_words,
    )


# -- exact duplicates (verify.Corpus) --------------------------------------------------------
@_jit
def _sequence_hashes(sh: U32, off: I64) -> U64:
    n = off.shape[0] - 1
    out = np.empty((n, 2), dtype=np.uint64)
    for d in range(n):
        a = np.uint64(off[d + 1] - off[d]) * np.uint64(0x9E3779B97F4A7C15)
        b = a ^ np.uint64(0x6A09E667F3BCC909)
        for s in range(off[d], off[d + 1]):
            v = np.uint64(sh[s])
            a = (a ^ v) * np.uint64(0xFF51AFD7ED558CCD)
            a ^= a >> np.uint64(29)
            b = (b + v) * np.uint64(0xC4CEB9FE1A85EC53)
            b ^= b >> np.uint64(31)
        out[d, 0] = _splitmix(a)
        out[d, 1] = _splitmix(b ^ np.uint64(0x94D049BB133111EB))
    return out


def sequence_hashes(sh: U32, off: I64) -> U64:
    """A 128-bit hash (two 64-bit lanes, ``(n, 2)``) of each segment ``sh[off[d]:off[d + 1]]``
    in order, with its length: equal segments, equal hashes (exact-duplicate grouping)."""
    return _sequence_hashes(np.ascontiguousarray(sh, dtype=np.uint32), np.ascontiguousarray(off, dtype=np.int64))
