"""The in-memory backend: dicts, gone when the process ends (the default for one-shot runs).

>>> b = MemoryBackend()
>>> b.read_settings() is None
True
>>> b.counts()
(0, 0)
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from .base import Reader, StoredDoc, Writes

__all__ = ["MemoryBackend"]


class _MemoryReader:
    def __init__(self, b: MemoryBackend) -> None:
        self.b = b

    def next_seq(self) -> int:
        return self.b._seq + 1

    def lookup(self, keys: Sequence[int]) -> set[str]:
        out: set[str] = set()
        for k in keys:
            got = self.b._keys.get(k)
            if got:
                out.update(got)
        return out

    def get(self, doc_keys: Sequence[str]) -> dict[str, StoredDoc]:
        docs = self.b._docs
        return {k: docs[k] for k in doc_keys if k in docs}

    def members(self, cluster_keys: Sequence[str]) -> set[str]:
        out: set[str] = set()
        for c in cluster_keys:
            out.update(self.b._clusters.get(c, ()))
        return out


class MemoryBackend:
    """Documents, lookup keys and clusters in dicts; a batch applies all its writes or none."""

    def __init__(self) -> None:
        self.location = ":memory:"
        self._settings: dict[str, Any] | None = None
        self._docs: dict[str, StoredDoc] = {}
        self._keys: dict[int, set[str]] = {}
        self._clusters: dict[str, set[str]] = {}
        self._seq = 0

    def read_settings(self) -> dict[str, Any] | None:
        return self._settings

    def create_settings(self, settings: dict[str, Any]) -> dict[str, Any]:
        if self._settings is None:
            self._settings = dict(settings)
        return self._settings

    def batch(self, work: Callable[[Reader], Writes], *, write: bool = True) -> Writes:
        w = work(_MemoryReader(self))
        if not write:
            return w
        # work() raised nothing: apply (plain dict updates cannot fail half way)
        for doc, keys in w.new:
            k = doc.key
            self._docs[k] = doc
            self._seq = max(self._seq, doc.seq)
            for key in keys:
                self._keys.setdefault(key, set()).add(k)
            self._clusters.setdefault(doc.cluster_key, set()).add(k)
        for doc in w.relabel:
            k = doc.key
            old = self._docs[k]
            self._clusters[old.cluster_key].discard(k)
            if not self._clusters[old.cluster_key]:
                del self._clusters[old.cluster_key]
            self._clusters.setdefault(doc.cluster_key, set()).add(k)
            self._docs[k] = doc
        return w

    def counts(self) -> tuple[int, int]:
        return len(self._docs), len(self._clusters)

    def size_bytes(self) -> int:
        total = sum(len(d.text) + len(d.signature) + 200 for d in self._docs.values())
        return total + sys.getsizeof(self._keys) + 100 * sum(len(v) for v in self._keys.values())

    def iter_docs(self) -> Iterator[StoredDoc]:
        return iter(sorted(self._docs.values(), key=lambda d: d.seq))

    def close(self) -> None:
        pass
