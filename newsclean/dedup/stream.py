"""``Deduplicator``: deduplicate documents as they arrive.

Each added document is compared with the documents added before it
(candidates from ``datasketch.MinHashLSH`` over the body and over the lead,
the same exact-text and title keys as :func:`~newsclean.dedup.cluster`) and
verified with the same pair rule. ``add`` returns the best :class:`Match`
(the earlier copy with the highest similarity) or ``None`` for a new story;
the document joins that copy's cluster, whose id is the id of the first
document of the story seen (a stream cannot wait for a longer copy).

>>> from newsclean.dedup import Deduplicator
>>> dd = Deduplicator()
>>> story = ("The city council approved the new budget on Tuesday after a long debate "
...          "over school funding, road repairs and the cost of the new library.")
>>> dd.add({"id": "a", "text": story}) is None
True
>>> m = dd.add({"id": "b", "text": story + "\\nRead more at example.com"})
>>> (m.doc_id, m.cluster_id, m.reason)
('a', 'a', 'near_duplicate')
>>> [x.doc_id for x in dd.query({"id": "probe", "text": story})]
['a', 'b']
>>> len(dd)
2

With ``index=`` (a path, ``redis://...?name=NAME`` or a
:class:`~newsclean.dedup.store.DedupIndex`) the stream is persistent and
shared: documents are matched against, and added to, that index, one
transaction per ``add`` (the index's rule: see :mod:`newsclean.dedup.store`).
An id stored before is answered from the index instead of raising.

>>> dd = Deduplicator(index=":memory:")
>>> dd.add({"id": "a", "text": story}) is None
True
>>> dd.add({"id": "b", "text": story + "\\nRead more at example.com"}).cluster_id
'a'
>>> "b" in dd, len(dd)
(True, 2)
"""

from __future__ import annotations

import hashlib
import math
import os
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from ..errors import InputError, OptionsError
from .api import DedupParams, make_params
from .canonical import id_key
from .docs import Doc, to_doc
from .features import (
    Figures,
    TruncationMarkers,
    as_figures,
    figure_table,
    figures_conflict,
    title_similarity,
    title_tokens,
)
from .options import DedupOptions
from .shingle import normalize, shingles, token_hashes
from .signature import sign, to_lean_minhash
from .verify import compare, content_words, judge, lead_text

__all__ = ["Deduplicator", "Match"]

U32 = npt.NDArray[np.uint32]
DocId = str | int


@dataclass(frozen=True)
class Match:
    """An earlier document the new one copies.

    ``reason`` is ``exact_duplicate``, ``near_duplicate`` or ``truncated_copy``;
    ``cluster_id`` is the story's id (its first document's id).
    """

    doc_id: DocId
    cluster_id: DocId
    similarity: float
    reason: str


class _Entry:
    """What the stream keeps of one document."""

    __slots__ = (
        "_cw", "cluster_id", "date", "digest", "doc_id", "figs", "lead_sig", "lead_uniq",
        "n_sh", "sig", "text", "title", "truncated", "uniq", "words",
    )

    _cw: int | None
    cluster_id: DocId
    date: float
    digest: bytes
    doc_id: DocId
    figs: Figures
    lead_sig: U32 | None
    lead_uniq: U32
    n_sh: int
    sig: U32
    text: str
    title: frozenset[bytes] | None
    truncated: bool
    uniq: U32
    words: int

    def __init__(self) -> None:
        self._cw = None

    # the Side protocol of verify.compare
    def unique(self) -> U32:
        return self.uniq

    def lead_unique(self) -> U32:
        return self.lead_uniq

    def content_words(self) -> int:
        if self._cw is None:
            self._cw = content_words(self.text, self.words)
        return self._cw


class Deduplicator:
    """Streaming near-duplicate detection with the rule of :class:`DedupOptions`.

    ``storage_config`` is passed to ``datasketch.MinHashLSH`` (e.g. a Redis
    configuration); it must name a ``basename`` so that two indexes never
    share keys by accident. Document data other than the LSH buckets is kept
    in memory (about 4 bytes per shingle plus the signatures). ``index``
    makes the stream persistent instead (see the module doc).
    """

    def __init__(
        self,
        options: DedupOptions | None = None,
        *,
        storage_config: dict[str, Any] | None = None,
        index: Any = None,
    ) -> None:
        from datasketch import MinHashLSH  # type: ignore[import-untyped]

        self._index: Any = None
        if index is not None:
            from .store import DedupIndex

            if storage_config is not None:
                raise OptionsError("give either index or storage_config, not both")
            if isinstance(index, DedupIndex):
                if options is not None and options != index.options:
                    raise OptionsError("options differ from the options of the given index")
                self._index = index
            elif isinstance(index, (str, os.PathLike)):
                self._index = DedupIndex(index, options)
            else:
                raise OptionsError(
                    f"index must be a path, a redis:// URL or a DedupIndex, got {type(index).__name__}"
                )
            options = self._index.options
        opts = options if options is not None else DedupOptions()
        if not isinstance(opts, DedupOptions):
            raise OptionsError(f"options must be a DedupOptions, got {type(opts).__name__}")
        if opts.clean:
            from ..clean import Cleaner

            self._cleaner: Cleaner | None = Cleaner()
        else:
            self._cleaner = None
        self.options = opts
        self.params: DedupParams = make_params(opts)
        if storage_config is not None and not storage_config.get("basename"):
            raise OptionsError("storage_config needs a 'basename' (bytes) for its keys")
        base = storage_config.get("basename", b"") if storage_config else b""

        def make_lsh(suffix: bytes, bands: int, rows: int) -> Any:
            cfg = None
            if storage_config is not None:
                cfg = dict(storage_config, basename=bytes(base) + suffix)
            return MinHashLSH(num_perm=opts.num_perm, params=(bands, rows), storage_config=cfg)

        self._body = make_lsh(b"_body", self.params.body.bands, self.params.body.rows)
        self._lead = (
            make_lsh(b"_lead", self.params.lead.bands, self.params.lead.rows)
            if self.params.lead is not None
            else None
        )
        self._markers = TruncationMarkers(opts.truncation_patterns)
        self._entries: dict[DocId, _Entry] = {}
        self._by_digest: dict[bytes, list[DocId]] = {}
        self._by_title: dict[frozenset[bytes], list[DocId]] = {}
        self._max_gap = opts.max_days * 86400.0 if opts.max_days is not None else math.inf

    def __len__(self) -> int:
        if self._index is not None:
            return len(self._index)
        return len(self._entries)

    def __contains__(self, doc_id: object) -> bool:
        if self._index is not None:
            return doc_id in self._index
        return doc_id in self._entries

    # -- building an entry ----------------------------------------------------------
    def _entry(self, doc: Doc) -> _Entry:
        o = self.options
        text = doc.text if self._cleaner is None else self._cleaner.clean(doc.text, title=doc.title).text
        e = _Entry()
        e.doc_id = doc.doc_id
        e.text = text
        e.title = title_tokens(doc.title)
        e.date = doc.date if doc.date is not None else math.nan
        lead = lead_text(text, o.lead_words) if o.lead_words else b""
        th, toff, numeric = token_hashes([normalize(text), lead])
        e.words = int(toff[1])
        both, soff = shingles(th, toff, o.ngram)
        sh = both[soff[0] : soff[1]]
        lsh = both[soff[1] : soff[2]]
        e.truncated = self._markers.search(text)
        e.digest = hashlib.blake2b(sh.tobytes(), digest_size=16).digest() + (
            b"T" if e.truncated else b"F"
        )
        e.n_sh = len(sh)
        e.uniq = np.unique(sh)
        fk, fv, foff = figure_table(th, toff, numeric)
        e.figs = as_figures(fk[: foff[1]], fv[: foff[1]])
        e.sig = sign(sh, np.array([0, len(sh)]), num_perm=o.num_perm, seed=o.seed)[0]
        e.lead_uniq = np.unique(lsh)
        e.lead_sig = (
            sign(lsh, np.array([0, len(lsh)]), num_perm=o.num_perm, seed=o.seed)[0]
            if int(toff[2] - toff[1]) >= o.ngram + 2
            else None
        )
        return e

    # -- matching -------------------------------------------------------------------
    def _candidates(self, e: _Entry) -> set[DocId]:
        out: set[DocId] = set(self._by_digest.get(e.digest, ()))
        out.update(self._body.query(to_lean_minhash(e.sig, seed=self.options.seed)))
        if self._lead is not None and e.lead_sig is not None:
            out.update(self._lead.query(to_lean_minhash(e.lead_sig, seed=self.options.seed)))
        if e.title is not None:
            out.update(self._by_title.get(e.title, ()))
        out.discard(e.doc_id)
        return out

    def _match(self, e: _Entry, other: _Entry) -> Match | None:
        o = self.options
        if e.words < o.min_words or other.words < o.min_words:
            return None
        gap = abs(e.date - other.date)
        if gap > self._max_gap:
            return None
        same = e.digest == other.digest
        if same:
            from .verify import Content

            ct = Content(1.0, 1.0, 1.0, e.truncated, True)
        else:
            j = float(np.count_nonzero(e.sig == other.sig)) / len(e.sig)
            na, nb = e.n_sh, other.n_sh
            small = min(na, nb)
            cont = min(1.0, j * (na + nb) / ((1.0 + j) * small)) if small else 0.0
            if (e.truncated or other.truncated) and e.lead_sig is not None and other.lead_sig is not None:
                cont = max(cont, float(np.count_nonzero(e.lead_sig == other.lead_sig)) / len(e.sig))
            ct = compare(e, other, cont, j, o)
        d = judge(
            ct,
            same_text=same,
            title_sim=title_similarity(e.title, other.title),
            gap=gap,
            max_gap=self._max_gap,
            conflict=lambda: figures_conflict(e.figs, other.figs),
            options=o,
        )
        if d is None:
            return None
        return Match(other.doc_id, other.cluster_id, d.similarity, d.how)

    def _matches(self, e: _Entry) -> tuple[Match, ...]:
        found = []
        for cid in self._candidates(e):
            m = self._match(e, self._entries[cid])
            if m is not None:
                found.append(m)
        found.sort(key=lambda m: (-m.similarity, id_key(m.doc_id)))
        return tuple(found)

    def query(self, doc: object) -> tuple[Match, ...]:
        """All earlier documents ``doc`` copies, best first (``doc`` is not added)."""
        if self._index is not None:
            return tuple(
                Match(m.doc_id, m.cluster_id, m.similarity, m.reason) for m in self._index.query(doc)
            )
        return self._matches(self._entry(to_doc(doc, len(self._entries))))

    def add(self, doc: object) -> Match | None:
        """Add ``doc``; return the earlier copy it duplicates (best match) or ``None``.

        Raises :class:`~newsclean.InputError` when the id was added before
        (with an ``index``: returns the stored answer).
        """
        if self._index is not None:
            a = self._index.add([doc]).assignments[0]
            if a.is_canonical:
                return None
            return Match(a.cluster_id, a.cluster_id, a.similarity_to_canonical, a.reason)
        d = to_doc(doc, len(self._entries))
        if d.doc_id in self._entries:
            raise InputError(f"duplicate document id {d.doc_id!r}: it was added before")
        e = self._entry(d)
        matches = self._matches(e)
        best = matches[0] if matches else None
        e.cluster_id = best.cluster_id if best is not None else e.doc_id
        self._entries[e.doc_id] = e
        self._by_digest.setdefault(e.digest, []).append(e.doc_id)
        if e.title is not None:
            self._by_title.setdefault(e.title, []).append(e.doc_id)
        if e.words >= self.options.min_words:
            self._body.insert(e.doc_id, to_lean_minhash(e.sig, seed=self.options.seed),
                              check_duplication=False)
            if self._lead is not None and e.lead_sig is not None:
                self._lead.insert(e.doc_id, to_lean_minhash(e.lead_sig, seed=self.options.seed),
                                  check_duplication=False)
        return best
