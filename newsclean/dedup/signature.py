"""MinHash signatures, computed in bulk with numpy, identical to datasketch's.

datasketch (>= 2.0) computes a signature with its default ``"affine32"``
scheme: each 32-bit input hash is pre-mixed with the MurmurHash3 finalizer,
then each of ``num_perm`` permutations maps it to ``a * h + b (mod 2**32)``
and the signature keeps the minimum per permutation. :func:`sign` does the
same arithmetic for many documents at once (one matrix per chunk of
shingles, reduced per document), so a row of its output is exactly the
``hashvalues`` of a ``datasketch.MinHash(num_perm, seed)`` updated with the
same shingle hashes -- and can be wrapped as a ``LeanMinHash``:

>>> import numpy as np
>>> from newsclean.dedup.signature import sign, to_lean_minhash
>>> hv = np.array([11, 22, 33, 44, 55], dtype=np.uint32)
>>> sig = sign(hv, np.array([0, 3, 5]), num_perm=16, seed=1)
>>> sig.shape, sig.dtype
((2, 16), dtype('uint32'))
>>> from datasketch import MinHash
>>> m = MinHash(num_perm=16, seed=1, hashfunc=int)
>>> m.update_batch([11, 22, 33])
>>> bool((m.hashvalues == sig[0]).all())
True
>>> to_lean_minhash(sig[0], seed=1).jaccard(to_lean_minhash(sig[1], seed=1))
0.0
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["EMPTY", "fmix32", "permutations", "sign", "to_lean_minhash"]

U32 = npt.NDArray[np.uint32]
I64 = npt.NDArray[np.int64]

EMPTY = np.uint32(0xFFFFFFFF)
"""The value of every slot of the signature of an empty set (datasketch's too)."""

_CHUNK = 8192  # shingles per block: a (num_perm x _CHUNK) uint32 matrix, 4 MiB at 128 perms (cache-sized)


def fmix32(hv: U32) -> U32:
    """The MurmurHash3 32-bit finalizer (datasketch's pre-mix), element-wise."""
    with np.errstate(over="ignore"):
        x = hv ^ (hv >> np.uint32(16))
        x *= np.uint32(0x85EBCA6B)
        x ^= x >> np.uint32(13)
        x *= np.uint32(0xC2B2AE35)
        x ^= x >> np.uint32(16)
    return np.asarray(x, dtype=np.uint32)


def permutations(num_perm: int, seed: int) -> tuple[U32, U32]:
    """The ``(a, b)`` permutation parameters datasketch draws for ``(num_perm, seed)``."""
    gen = np.random.RandomState(seed)
    with np.errstate(over="ignore"):
        a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a.astype(np.uint32), b.astype(np.uint32)


def _blocks(offsets: I64, chunk: int) -> list[tuple[int, int]]:
    """Split documents into runs whose shingles fit one block (a long document is alone)."""
    out: list[tuple[int, int]] = []
    n = len(offsets) - 1
    i = 0
    while i < n:
        limit = offsets[i] + chunk
        j = int(np.searchsorted(offsets, limit, side="right")) - 1
        j = max(j, i + 1)
        out.append((i, min(j, n)))
        i = min(j, n)
    return out


def _sign_block(
    u: U32, offsets: I64, lo: int, hi: int, a: U32, b: U32, out: U32, scratch: U32 | None = None
) -> None:
    s0, s1 = int(offsets[lo]), int(offsets[hi])
    counts = np.diff(offsets[lo : hi + 1])
    nonempty = np.flatnonzero(counts)
    out[lo:hi] = EMPTY
    if len(nonempty) == 0:
        return
    seg = u[s0:s1]
    step = _CHUNK
    if len(seg) <= step:
        # a reused scratch matrix: no page faults for a fresh 4 MiB block each time
        if scratch is None:
            scratch = np.empty(len(a) * step, dtype=np.uint32)
        buf = scratch[: len(a) * len(seg)].reshape(len(a), len(seg))
        np.multiply(a[:, None], seg[None, :], out=buf)
        np.add(buf, b[:, None], out=buf)
        starts = (offsets[lo:hi] - s0)[nonempty]
        out[lo + nonempty] = np.minimum.reduceat(buf, starts, axis=1).T
        return
    # One long document: reduce it piecewise.
    acc = np.full(len(a), EMPTY, dtype=np.uint32)
    piece = np.empty((len(a), step), dtype=np.uint32)
    for p in range(0, len(seg), step):
        part = seg[p : p + step]
        blk = piece[:, : len(part)]
        np.multiply(a[:, None], part[None, :], out=blk)
        np.add(blk, b[:, None], out=blk)
        np.minimum(acc, blk.min(axis=1), out=acc)
    out[lo] = acc


def sign(
    shingles: U32,
    offsets: npt.ArrayLike,
    *,
    num_perm: int = 128,
    seed: int = 1,
    workers: int = 1,
) -> U32:
    """MinHash signatures of many documents: an ``(n_docs, num_perm)`` uint32 array.

    ``shingles`` holds 32-bit shingle hashes of all documents back to back;
    document ``i`` is ``shingles[offsets[i]:offsets[i+1]]``. A document
    without shingles gets the empty signature (all ``0xFFFFFFFF``).
    ``workers > 1`` signs blocks on threads (numpy releases the GIL); the
    result is the same.
    """
    off = np.asarray(offsets, dtype=np.int64)
    n = len(off) - 1
    out = np.empty((max(n, 0), num_perm), dtype=np.uint32)
    if n <= 0:
        return out
    a, b = permutations(num_perm, seed)
    u = fmix32(np.asarray(shingles, dtype=np.uint32))
    blocks = _blocks(off, _CHUNK)
    if workers > 1 and len(blocks) > 1:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            list(pool.map(lambda blk: _sign_block(u, off, blk[0], blk[1], a, b, out), blocks))
    else:
        scratch = np.empty(num_perm * _CHUNK, dtype=np.uint32)
        for lo, hi in blocks:
            _sign_block(u, off, lo, hi, a, b, out, scratch)
    return out


def to_lean_minhash(signature: U32, *, seed: int = 1) -> Any:
    """Wrap one signature row as a ``datasketch.LeanMinHash`` (scheme ``"affine32"``)."""
    from datasketch import LeanMinHash  # type: ignore[import-untyped]

    return LeanMinHash(seed=seed, hashvalues=np.asarray(signature, dtype=np.uint32), scheme="affine32")
