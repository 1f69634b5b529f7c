"""``cluster(docs)``: group syndicated copies of the same story, pick the copy to keep.

>>> from newsclean.dedup import cluster
>>> story = ("The central bank raised its benchmark rate by a quarter point on Tuesday, "
...          "citing stubborn inflation, and signalled that more increases could follow "
...          "if prices keep rising faster than expected this year.")
>>> docs = [
...     {"id": "wire", "text": story, "title": "Central bank raises rates"},
...     {"id": "outlet", "text": "Home | Business\\n" + story + "\\nShare this article",
...      "title": "Rates go up again"},
...     {"id": "other", "text": "Heavy rain flooded roads across the region on Monday, "
...      "closing schools and cutting power to thousands of homes, officials said."},
... ]
>>> result = cluster(docs)
>>> result.labels()
{'wire': 'outlet', 'outlet': 'outlet', 'other': 'other'}
>>> [(a.doc_id, a.is_canonical, a.reason) for a in result.assignments]
[('wire', False, 'near_duplicate'), ('outlet', True, 'longest_body'), ('other', True, 'unique')]
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import numpy as np
import numpy.typing as npt

from ..errors import InputError, OptionsError
from .canonical import Candidate, CanonicalPolicy, EarliestDate, LongestBody
from .cluster import join_order, link
from .docs import Doc, to_doc
from .index import LSHParams, candidate_pairs, lsh_params
from .options import DedupOptions
from .verify import Corpus, Verifier, round6, sorted_unique

__all__ = [
    "Assignment",
    "Cluster",
    "ClusterResult",
    "DedupParams",
    "DedupStats",
    "cluster",
]

I64 = npt.NDArray[np.int64]
DocId = str | int

_PREFILTER_MARGIN = 0.12
_EXPAND_ALL = 64  # member pairs of two exact-duplicate groups checked exhaustively up to this


@dataclass(frozen=True)
class Assignment:
    """Where one document went.

    ``reason`` is one stable word: for a canonical copy the policy's reason
    (``longest_body``, ``earliest_date``, ``source_priority``) or, alone in
    its cluster, ``unique`` / ``too_short`` / ``empty``; for a duplicate
    ``exact_duplicate`` (same normalized text), ``near_duplicate`` or
    ``truncated_copy``. ``similarity_to_canonical`` is the share of the
    shorter copy's shingles found in the other (1.0 for the canonical copy).
    """

    doc_id: DocId
    cluster_id: DocId
    is_canonical: bool
    similarity_to_canonical: float
    reason: str


@dataclass(frozen=True)
class Cluster:
    """One story: its id (the canonical copy's id), the canonical id, the members (sorted)."""

    cluster_id: DocId
    canonical_id: DocId
    members: tuple[DocId, ...]
    reason: str

    def __len__(self) -> int:
        return len(self.members)


@dataclass(frozen=True)
class DedupParams:
    """The LSH set-up used: the body index and the lead index (``None`` when off)."""

    num_perm: int
    seed: int
    ngram: int
    body: LSHParams
    lead: LSHParams | None

    @property
    def bands(self) -> int:
        """Bands of the body index."""
        return self.body.bands

    @property
    def rows(self) -> int:
        """Rows per band of the body index."""
        return self.body.rows

    @property
    def false_positive(self) -> float:
        """datasketch's false-positive mass of the body index at its threshold."""
        return self.body.false_positive

    @property
    def false_negative(self) -> float:
        """datasketch's false-negative mass of the body index at its threshold."""
        return self.body.false_negative


@dataclass(frozen=True)
class DedupStats:
    """Counts from one run (for monitoring and benchmarks)."""

    documents: int
    clusters: int
    duplicates: int
    exact_duplicates: int
    too_short: int
    candidate_pairs: int
    verified_pairs: int
    exact_checks: int


class ClusterResult:
    """The outcome of :func:`cluster`."""

    __slots__ = ("_by_id", "assignments", "clusters", "params", "stats")

    def __init__(
        self,
        assignments: tuple[Assignment, ...],
        clusters: tuple[Cluster, ...],
        params: DedupParams,
        stats: DedupStats,
    ) -> None:
        self.assignments = assignments
        self.clusters = clusters
        self.params = params
        self.stats = stats
        self._by_id = {a.doc_id: a for a in assignments}

    def labels(self) -> dict[DocId, DocId]:
        """``{doc_id: cluster_id}`` in input order."""
        return {a.doc_id: a.cluster_id for a in self.assignments}

    def __getitem__(self, doc_id: DocId) -> Assignment:
        return self._by_id[doc_id]

    def __iter__(self) -> Iterator[Assignment]:
        return iter(self.assignments)

    def __len__(self) -> int:
        return len(self.assignments)

    def __repr__(self) -> str:
        s = self.stats
        return f"ClusterResult(documents={s.documents}, clusters={s.clusters}, duplicates={s.duplicates})"


def _assignment(doc_id: DocId, cluster_id: DocId, is_canonical: bool, similarity: float, reason: str) -> Assignment:
    """``Assignment(...)`` without the frozen dataclass ``__init__`` (one
    ``object.__setattr__`` per field): ~2.5x faster, once per document."""
    a = object.__new__(Assignment)
    a.__dict__.update(
        doc_id=doc_id, cluster_id=cluster_id, is_canonical=is_canonical,
        similarity_to_canonical=similarity, reason=reason,
    )
    return a


def read_docs(docs: Iterable[object]) -> list[Doc]:
    """Validate all documents; duplicate ids raise :class:`InputError` naming the id."""
    if isinstance(docs, (str, bytes)) or not isinstance(docs, Iterable):
        raise InputError(f"docs must be an iterable of documents, got {type(docs).__name__}")
    out: list[Doc] = []
    seen: dict[DocId, int] = {}
    for pos, item in enumerate(docs):
        d = to_doc(item, pos)
        first = seen.setdefault(d.doc_id, pos)
        if first != pos:
            raise InputError(f"duplicate document id {d.doc_id!r} (positions {first} and {pos})")
        out.append(d)
    return out


def prepared_texts(docs: list[Doc], options: DedupOptions) -> list[str]:
    """The texts to shingle: as given, or cleaned with newsclean's Cleaner."""
    if not options.clean:
        return [d.text for d in docs]
    from ..clean import Cleaner

    cleaner = Cleaner()
    return [cleaner.clean(d.text, title=d.title).text for d in docs]


def make_params(options: DedupOptions) -> DedupParams:
    """The LSH parameters implied by ``options``."""
    body = lsh_params(options.lsh_threshold, options.num_perm, options.lsh_weights)
    lead = (
        lsh_params(options.lead_threshold, options.num_perm, options.lsh_weights)
        if options.lead_words
        else None
    )
    return DedupParams(options.num_perm, options.seed, options.ngram, body, lead)


def _nearest_pairs(xs: list[int], ys: list[int], dates: npt.NDArray[np.float64]) -> list[tuple[int, int]]:
    """Each member of the smaller list with the member of the other nearest in time."""
    if len(xs) > len(ys):
        xs, ys = ys, xs
    yd = np.nan_to_num(dates[ys], nan=np.inf)
    order = np.argsort(yd, kind="stable")
    sd = yd[order]
    out = []
    for x in xs:
        dx = dates[x]
        if np.isnan(dx):
            out.append((x, ys[int(order[0])]))
            continue
        k = int(np.searchsorted(sd, dx))
        best = [order[m] for m in (k - 1, k) if 0 <= m < len(sd)]
        for b in best:
            out.append((x, ys[int(b)]))
    return out


def _pair_codes(pairs: list[tuple[int, int]], n: int) -> I64:
    """Codes ``min * n + max`` of document pairs given as tuples."""
    if not pairs:
        return np.zeros(0, dtype=np.int64)
    arr = np.array(pairs, dtype=np.int64)
    return np.minimum(arr[:, 0], arr[:, 1]) * n + np.maximum(arr[:, 0], arr[:, 1])


def _candidates(corpus: Corpus, verifier: Verifier, params: DedupParams) -> I64:
    """Member pairs worth deciding: LSH (body, lead), exact-duplicate groups, equal titles.

    An ``(m, 2)`` array of document pairs ``i < j``, sorted.
    """
    o = corpus.options
    eligible = corpus.eligible
    n = np.int64(max(corpus.n, 1))
    parts = [
        candidate_pairs(
            corpus.sig, bands=params.body.bands, rows=params.body.rows,
            max_bucket=o.max_bucket, eligible=eligible,
        )
    ]
    if params.lead is not None and corpus.lead_sig is not None:
        parts.append(
            candidate_pairs(
                corpus.lead_sig, bands=params.lead.bands, rows=params.lead.rows,
                max_bucket=o.max_bucket, eligible=eligible & corpus.has_lead,
            )
        )
    reps = np.concatenate(parts)
    if len(reps):
        code = sorted_unique(reps[:, 0] * np.int64(corpus.n_reps) + reps[:, 1])
        reps = np.stack((code // corpus.n_reps, code % corpus.n_reps), axis=1)
        cont, _, _, _ = verifier.estimate(reps[:, 0], reps[:, 1])
        any_title = bool(corpus.has_title.any())
        low = o.threshold - (o.title_relief if any_title else 0.0) - _PREFILTER_MARGIN
        reps = reps[cont >= low]
    codes: list[I64] = []
    extra: list[tuple[int, int]] = []
    members = corpus.rep_members
    sizes = np.array([len(m) for m in members], dtype=np.int64)
    if len(reps):
        single = (sizes[reps[:, 0]] == 1) & (sizes[reps[:, 1]] == 1)
        a = corpus.rep_doc[reps[single, 0]]
        b = corpus.rep_doc[reps[single, 1]]
        codes.append(np.minimum(a, b) * n + np.maximum(a, b))
        for ra, rb in reps[~single].tolist():
            ma, mb = members[ra], members[rb]
            if len(ma) * len(mb) <= _EXPAND_ALL:
                extra.extend((x, y) for x in ma for y in mb)
            else:
                extra.extend(_nearest_pairs(ma, mb, corpus.dates))
    # exact-duplicate groups: chain the members in time order
    dates = corpus.dates
    keys = corpus.keys
    for r in np.flatnonzero(sizes > 1).tolist():
        if not eligible[r]:
            continue
        ms = sorted(members[r], key=lambda m: (np.nan_to_num(dates[m], nan=np.inf), keys[m]))
        extra.extend(pairwise(ms))
    # equal titles (a re-sent story keeps its headline even when the body is rewritten)
    by_title: dict[bytes, list[int]] = {}  # a title's sorted token hashes -> documents
    t_set, t_off = corpus.title_set, corpus.title_off
    for i in np.flatnonzero(corpus.has_title & eligible[corpus.rep]).tolist():
        by_title.setdefault(t_set[t_off[i] : t_off[i + 1]].tobytes(), []).append(i)
    for ms in by_title.values():
        if len(ms) < 2:
            continue
        if len(ms) <= 16:
            extra.extend((x, y) for k, x in enumerate(ms) for y in ms[k + 1 :])
        else:
            ms = sorted(ms, key=lambda m: (np.nan_to_num(dates[m], nan=np.inf), keys[m]))
            extra.extend(pairwise(ms))
    codes.append(_pair_codes(extra, int(n)))
    code = sorted_unique(np.concatenate(codes))
    return np.stack((code // n, code % n), axis=1)


def _policy_ranks(policy: object, corpus: Corpus, ordinal: list[int]) -> tuple[list[int], str] | None:
    """For the built-in :class:`LongestBody` and :class:`EarliestDate` policies, each
    document's rank in the policy's order over the whole corpus, and the reason: a cluster's
    canonical copy is then its member of smallest rank, the member ``choose``
    picks (same keys, same id tie-break) without a :class:`Candidate` per member.
    ``None`` for other policies (subclasses too: they may override ``choose``)."""
    words = -corpus.words
    dates = np.where(np.isnan(corpus.dates), np.inf, corpus.dates)
    ids = np.array(ordinal, dtype=np.int64)
    if type(policy) is LongestBody:
        order, reason = np.lexsort((ids, dates, words)), "longest_body"
    elif type(policy) is EarliestDate:
        order, reason = np.lexsort((ids, words, dates)), "earliest_date"
    else:
        return None
    ranks = np.empty(corpus.n, dtype=np.int64)
    ranks[order] = np.arange(corpus.n, dtype=np.int64)
    return ranks.tolist(), reason


def _choose(policy: CanonicalPolicy, g: list[int], docs: list[Doc], corpus: Corpus) -> tuple[int, str]:
    """``policy.choose`` over the members ``g`` of one cluster, its answer checked."""
    cands = [
        Candidate(
            doc_id=docs[i].doc_id, words=int(corpus.words[i]), date=docs[i].date,
            source=docs[i].source, url=docs[i].url, title=docs[i].title,
        )
        for i in g
    ]
    choice = policy.choose(cands)
    if (
        not isinstance(choice, tuple)
        or len(choice) != 2
        or isinstance(choice[0], bool)
        or not isinstance(choice[0], int)
        or not 0 <= choice[0] < len(g)
        or not isinstance(choice[1], str)
    ):
        raise OptionsError(
            f"canonical policy {type(policy).__name__}.choose() must return (index, reason) "
            f"with 0 <= index < {len(g)}, got {choice!r}"
        )
    return choice


def _run(docs: list[Doc], options: DedupOptions) -> ClusterResult:
    params = make_params(options)
    corpus = Corpus(docs, options, texts=prepared_texts(docs, options))
    verifier = Verifier(corpus)
    pairs = _candidates(corpus, verifier, params)
    ok, rank = verifier.decide_pairs(pairs[:, 0], pairs[:, 1])
    # ids are unique: their ranks order documents as the id keys do, and ints compare
    # faster than (kind, id) tuples in the linkage's sorts
    by_key = sorted(range(corpus.n), key=corpus.keys.__getitem__)
    ordinal = [0] * corpus.n
    for pos, i in enumerate(by_key):
        ordinal[i] = pos
    ea, eb, er = pairs[ok, 0], pairs[ok, 1], rank[ok]
    order = join_order(ea, eb, er, np.array(ordinal, dtype=np.int64))
    edges = list(zip(ea[order].tolist(), eb[order].tolist(), er[order].tolist(), strict=True))
    groups = link(
        corpus.n,
        edges,
        verifier.fast_relation(),
        keys=ordinal,
        min_link=options.min_link,
        ordered=True,
    )
    assignments: list[Assignment | None] = [None] * corpus.n
    clusters: list[Cluster] = []
    policy = options.canonical
    n_dup = n_exact = n_short = 0
    fast = _policy_ranks(policy, corpus, ordinal)
    chosen: list[tuple[list[int], int, str]] = []  # (members, canonical, reason) of clusters of 2+
    for g in groups:
        if len(g) == 1:
            i = g[0]
            w = int(corpus.words[i])
            reason = "empty" if w == 0 else ("too_short" if w < options.min_words else "unique")
            n_short += reason != "unique"
            did = docs[i].doc_id
            assignments[i] = _assignment(did, did, True, 1.0, reason)
            clusters.append(Cluster(did, did, (did,), reason))
        elif fast is not None:
            chosen.append((g, min(g, key=fast[0].__getitem__), fast[1]))
        else:
            k, why = _choose(policy, g, docs, corpus)
            chosen.append((g, g[k], why))
    # the similarity of each near copy to its canonical copy, all pairs at once
    rep = corpus.rep
    pa: list[int] = []
    pb: list[int] = []
    for g, c, _ in chosen:
        rc = int(rep[c])
        for i in g:
            ri = int(rep[i])
            if ri != rc:
                pa.append(ri)
                pb.append(rc)
    cont, ratio = verifier.contents(np.array(pa, dtype=np.int64), np.array(pb, dtype=np.int64))
    sims = round6(cont)  # Python's rounding, as judge() (not np.round)
    truncated = (ratio < options.min_length_ratio).tolist()
    k = 0
    for g, c, why in chosen:
        cid = docs[c].doc_id
        rc = int(rep[c])
        for i in g:
            did = docs[i].doc_id
            if i == c:
                assignments[i] = _assignment(did, cid, True, 1.0, why)
                continue
            n_dup += 1
            if int(rep[i]) == rc:
                n_exact += 1
                assignments[i] = _assignment(did, cid, False, 1.0, "exact_duplicate")
                continue
            how = "truncated_copy" if truncated[k] else "near_duplicate"
            assignments[i] = _assignment(did, cid, False, sims[k], how)
            k += 1
        clusters.append(Cluster(cid, cid, tuple(docs[i].doc_id for i in g), why))
    from .canonical import id_key

    clusters.sort(key=lambda cl: id_key(cl.cluster_id))
    done = tuple(a for a in assignments if a is not None)
    stats = DedupStats(
        documents=corpus.n,
        clusters=len(clusters),
        duplicates=n_dup,
        exact_duplicates=n_exact,
        too_short=n_short,
        candidate_pairs=len(pairs),
        verified_pairs=len(edges),
        exact_checks=verifier.exact_checks,
    )
    return ClusterResult(done, tuple(clusters), params, stats)


def cluster(docs: Iterable[Any], *, options: DedupOptions | None = None) -> ClusterResult:
    """Cluster documents into stories; see the module doc and :class:`DedupOptions`.

    ``docs``: mappings with ``id`` and ``text`` (optional ``title``,
    ``date``, ``url``, ``source``), Articles with ``meta["id"]``, or
    ``(id, Article)`` pairs. The result does not depend on the input order:
    cluster ids are the canonical documents' ids.
    """
    opts = options if options is not None else DedupOptions()
    if not isinstance(opts, DedupOptions):
        raise OptionsError(f"options must be a DedupOptions, got {type(opts).__name__}")
    with _cyclic_gc_paused():
        return _run(read_docs(docs), opts)


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the duration (reference counting
    still frees everything as usual), and restore its previous state.

    Why: a run allocates millions of small container objects (documents, title
    sets, memo keys) while the caller's documents stay alive; each full collection
    walks all of them, ~15% of the CPU time of ``cluster()`` at 100k documents
    (24 s -> 20 s, NOTES-dedup.md section 9). The run makes no reference cycles
    that need collecting; a caller's own cycles wait until the collector resumes.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
