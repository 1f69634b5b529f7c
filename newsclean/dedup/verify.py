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

import hashlib
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import numpy.typing as npt

from .docs import Doc
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
from .shingle import _ASCII_TABLE as _TABLE
from .shingle import normalize_many, shingles, token_hashes, tokenize
from .signature import sign

__all__ = ["Content", "Corpus", "Decision", "Side", "Verifier", "compare", "content_words", "judge", "lead_text"]

U32 = npt.NDArray[np.uint32]
I64 = npt.NDArray[np.int64]

_BATCH = 2048  # documents tokenized at a time (bounds the memory held by token lists)
_LEAD_LINE_WORDS = 5  # lines shorter than this (menus, labels, datelines) are not lead text
_MARGIN = 0.12  # estimates this close to a threshold are checked exactly
_CONTENT_LINE_WORDS = 6  # lines with fewer words do not count towards a story's length
_TIME_PENALTY = 0.1  # edge order: similarity minus this times (time gap / date window)


def _sorted_set(a: U32) -> U32:
    """``np.unique`` for small arrays, without its overhead."""
    s = np.sort(a)
    if len(s) > 1:
        s = s[np.concatenate(([True], s[1:] != s[:-1]))]
    return s


def lead_start(text: str) -> int:
    """Character offset of the first line with a few (white-space separated) words:
    where the story starts, below menus, labels and datelines (0 when none)."""
    pos = 0
    length = len(text)
    limit = min(length, 5000)
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
        markers = TruncationMarkers(options.truncation_patterns)
        ngram = options.ngram
        self.words = np.zeros(n, dtype=np.int64)
        self.rep = np.zeros(n, dtype=np.int64)
        self.dates = np.array([d.date if d.date is not None else math.nan for d in docs], dtype=np.float64)
        self.titles = [title_tokens(d.title) for d in docs]
        self.keys = [id_key(d.doc_id) for d in docs]
        rep_members: list[list[int]] = []
        rep_of_digest: dict[bytes, int] = {}
        sh_parts: list[U32] = []
        sh_counts: list[int] = []
        truncated: list[bool] = []
        rep_doc: list[int] = []
        lead_best: list[tuple[tuple[int, str], npt.NDArray[np.uint64]]] = []
        fig_keys: list[npt.NDArray[np.uint64]] = []
        odd_cache: dict[bytes, list[bytes]] = {}
        fig_vals: list[npt.NDArray[np.uint64]] = []
        for b0 in range(0, n, _BATCH):
            batch = range(b0, min(n, b0 + _BATCH))
            th, tok_off, numeric = token_hashes(
                normalize_many([texts[i] for i in batch], odd_cache), len(batch)
            )
            self.words[b0 : b0 + len(batch)] = np.diff(tok_off)
            sh, sh_off = shingles(th, tok_off, ngram)
            fk, fv, f_off = figure_table(th, tok_off, numeric)
            del numeric
            for k, i in enumerate(batch):
                seg = sh[sh_off[k] : sh_off[k + 1]]
                trunc = markers.search(texts[i])
                digest = hashlib.blake2b(seg.tobytes(), digest_size=16).digest() + (
                    b"T" if trunc else b"F"
                )
                r = rep_of_digest.get(digest)
                if options.lead_words:
                    lo = int(tok_off[k]) + lead_skip(texts[i], odd_cache)
                    lead = th[lo : min(lo + options.lead_words, int(tok_off[k + 1]))]
                else:
                    lead = th[:0]
                if r is None:
                    r = rep_of_digest[digest] = len(rep_members)
                    rep_members.append([i])
                    fig_keys.append(fk[f_off[k] : f_off[k + 1]])
                    fig_vals.append(fv[f_off[k] : f_off[k + 1]])
                    sh_parts.append(seg.copy())
                    sh_counts.append(len(seg))
                    truncated.append(trunc)
                    rep_doc.append(i)
                    lead_best.append((self.keys[i], lead))
                else:
                    rep_members[r].append(i)
                    # the representative's lead is the smallest id's: independent of input order
                    if self.keys[i] < lead_best[r][0]:
                        lead_best[r] = (self.keys[i], lead)
                        rep_doc[r] = i
                self.rep[i] = r
        self.rep_members = rep_members
        self.rep_doc = np.array(rep_doc, dtype=np.int64)
        self.n_reps = len(rep_members)
        self.n_sh = np.array(sh_counts, dtype=np.int64)
        self.sh_off = np.zeros(self.n_reps + 1, dtype=np.int64)
        np.cumsum(self.n_sh, out=self.sh_off[1:])
        self.shingles: U32 = (
            np.concatenate(sh_parts) if sh_parts else np.zeros(0, dtype=np.uint32)
        )
        del sh_parts
        self.truncated = np.array(truncated, dtype=bool)
        self.rep_words = self.words[self.rep_doc] if self.n_reps else np.zeros(0, dtype=np.int64)
        self.eligible = self.rep_words >= options.min_words
        self.sig = sign(
            self.shingles, self.sh_off, num_perm=options.num_perm, seed=options.seed,
            workers=options.workers,
        )
        self.lead_sig: U32 | None = None
        if options.lead_words:
            lens = np.array([len(lt) for _, lt in lead_best], dtype=np.int64)
            lead_off = np.zeros(len(lens) + 1, dtype=np.int64)
            np.cumsum(lens, out=lead_off[1:])
            lh = np.concatenate([lt for _, lt in lead_best]) if lead_best else np.zeros(0, np.uint64)
            lsh, lsh_off = shingles(lh, lead_off, ngram)
            self.lead_sig = sign(lsh, lsh_off, num_perm=options.num_perm, seed=options.seed)
            self.lead_shingles: U32 = lsh
            self.lead_off: I64 = lsh_off
            self.has_lead = np.diff(lead_off) >= ngram + 2
        else:
            self.has_lead = np.zeros(self.n_reps, dtype=bool)
            self.lead_shingles = np.zeros(0, dtype=np.uint32)
            self.lead_off = np.zeros(self.n_reps + 1, dtype=np.int64)
        self._unique: dict[int, U32] = {}
        self._figures: dict[int, Figures] = {}
        self._fig_keys = fig_keys
        self._fig_vals = fig_vals

        self._content_words: dict[int, int] = {}

    # -- lazily computed per representative ----------------------------------------
    def unique_shingles(self, r: int) -> U32:
        """The sorted shingle set of representative ``r`` (cached)."""
        u = self._unique.get(r)
        if u is None:
            u = _sorted_set(self.shingles[self.sh_off[r] : self.sh_off[r + 1]])
            self._unique[r] = u
        return u

    def lead_unique(self, r: int) -> U32:
        """The sorted lead shingle set of representative ``r``."""
        return _sorted_set(self.lead_shingles[self.lead_off[r] : self.lead_off[r + 1]])

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

    def figures(self, r: int) -> Figures:
        """The figures (numbers in context) of representative ``r`` (cached)."""
        f = self._figures.get(r)
        if f is None:
            f = as_figures(self._fig_keys[r], self._fig_vals[r])
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
        self._content: dict[tuple[int, int], Content] = {}
        self._estimates: dict[tuple[int, int], tuple[float, float]] = {}
        self._conflict: dict[tuple[int, int], bool] = {}
        self._decided: dict[tuple[int, int], Decision | None] = {}
        self.exact_checks = 0
        o = self.o
        self.max_gap = o.max_days * 86400.0 if o.max_days is not None else math.inf

    def estimate(self, ra: I64, rb: I64) -> tuple[npt.NDArray[np.float64], ...]:
        """Vectorized estimates for representative pairs: (containment, jaccard, ratio, trunc_short)."""
        c = self.c
        sig = c.sig
        j = (sig[ra] == sig[rb]).mean(axis=1)
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
            lead_j = (c.lead_sig[ra] == c.lead_sig[rb]).mean(axis=1)
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
        key = (ra, rb)
        got = self._content.get(key)
        if got is None:
            c = self.c
            if ra == rb:
                got = Content(1.0, 1.0, 1.0, bool(c.truncated[ra]), True)
            else:
                est = self._estimates.pop(key, None)
                if est is None:
                    est = self._estimate_one(ra, rb)
                got = compare(c.side(ra), c.side(rb), est[0], est[1], self.o)
                self.exact_checks += got.exact
            self._content[key] = got
        return got

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
        got = self._decide(i, j)
        self._decided[key] = got
        return got

    def relation(self, i: int, j: int) -> int:
        """1: copies; -1: evidence that they are different stories (dates too far
        apart, figures that disagree); 0: neither."""
        if self.decide(i, j) is not None:
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
            title_sim=title_similarity(c.titles[i], c.titles[j]),
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
