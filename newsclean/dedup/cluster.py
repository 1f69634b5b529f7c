"""Clustering verified pairs: union-find with a guard against chaining.

Edges are taken strongest first (ties by document id, so the outcome never
depends on input order). Joining two single documents needs only their
verified edge; joining two groups also needs *linkage*: at least
``min_link`` of the cross pairs (a deterministic sample of up to
``sample`` members per side) must be copies too. A story A, a roundup B
quoting it and an unrelated story C quoted by the same roundup therefore
do not end up in one cluster.

>>> from newsclean.dedup.cluster import link
>>> same = {(0, 1), (1, 2)}   # 0~1 and 1~2, but 0 and 2 are not shown similar
>>> rel = lambda a, b: 1 if (min(a, b), max(a, b)) in same else 0
>>> link(3, [(0, 1, 0.9), (1, 2, 0.8)], rel, keys=[0, 1, 2], min_link=0.6)
[[0, 1], [2]]
>>> link(3, [(0, 1, 0.9), (1, 2, 0.8)], rel, keys=[0, 1, 2], min_link=0.5)
[[0, 1, 2]]
>>> link(3, [(0, 1, 0.9), (1, 2, 0.8)], lambda a, b: 1 if abs(a - b) == 1 else -1,
...      keys=[0, 1, 2], min_link=0.0)
[[0, 1], [2]]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["join_order", "link"]


def join_order(
    a: npt.NDArray[np.int64], b: npt.NDArray[np.int64], rank: npt.NDArray[np.float64], keys: npt.NDArray[np.int64]
) -> npt.NDArray[np.int64]:
    """The order :func:`link` joins edges ``(a[k], b[k], rank[k])`` in: highest rank
    first, then by the smaller and the larger key of the two ends (integer ``keys``).
    One stable ``lexsort`` instead of a Python key function per edge (the same order).

    >>> join_order(np.array([0, 2, 1]), np.array([1, 0, 2]), np.array([0.5, 0.9, 0.5]),
    ...            np.array([0, 1, 2])).tolist()
    [1, 0, 2]
    """
    ka, kb = keys[a], keys[b]
    return np.lexsort((np.maximum(ka, kb), np.minimum(ka, kb), -rank))


def _sample(members: list[int], keys: Sequence[Any], k: int) -> list[int]:
    if len(members) <= k:
        return members
    ordered = sorted(members, key=keys.__getitem__)
    step = len(ordered) / k
    return [ordered[int(i * step)] for i in range(k)]


def link(
    n: int,
    edges: Sequence[tuple[int, int, float]],
    relation: Callable[[int, int], int],
    *,
    keys: Sequence[Any],
    min_link: float,
    sample: int = 8,
    ordered: bool = False,
) -> list[list[int]]:
    """Group ``n`` items; returns the groups (members sorted by ``keys``), sorted by first key.

    ``edges`` are ``(i, j, rank)``, joined highest rank first; ``relation(i, j)``
    answers the linkage questions: 1 (copies), 0 (not shown to be), -1
    (shown to differ: one such cross pair vetoes the merge); ``keys[i]``
    orders items (document ids).
    """
    parent = list(range(n))
    members: dict[int, list[int]] = {}

    def find(x: int) -> int:
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    order = (
        edges
        if ordered
        else sorted(edges, key=lambda e: (-e[2], min(keys[e[0]], keys[e[1]]), max(keys[e[0]], keys[e[1]])))
    )
    samples: dict[int, list[int]] = {}  # root -> its group's sample (while the group is unchanged)

    def sample_of(root: int, group: list[int]) -> list[int]:
        got = samples.get(root)
        if got is None:
            got = samples[root] = _sample(group, keys, sample)
        return got

    for i, j, _ in order:
        # roots looked up without a call when the item is its own root (most are)
        ri = i if parent[i] == i else find(i)
        rj = j if parent[j] == j else find(j)
        if ri == rj:
            continue
        mi = members.get(ri, [ri])
        mj = members.get(rj, [rj])
        if len(mi) > 1 or len(mj) > 1:
            xs, ys = sample_of(ri, mi), sample_of(rj, mj)
            total = len(xs) * len(ys)
            need = min_link * total
            ok = 0
            vetoed = False
            for x in xs:
                for y in ys:
                    rel = relation(x, y)
                    if rel < 0:
                        vetoed = True
                        break
                    ok += rel
                if vetoed:
                    break
            if vetoed or ok < need:
                continue
        if len(mi) < len(mj):
            ri, rj, mi, mj = rj, ri, mj, mi
        parent[rj] = ri
        members[ri] = mi + mj
        members.pop(rj, None)
        samples.pop(ri, None)
        samples.pop(rj, None)
    groups: dict[int, list[int]] = {}
    for x in range(n):
        groups.setdefault(find(x), []).append(x)
    out = [sorted(g, key=keys.__getitem__) for g in groups.values()]
    out.sort(key=lambda g: keys[g[0]])
    return out
