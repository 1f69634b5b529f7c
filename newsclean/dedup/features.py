"""Per-document evidence beyond shingles: figures, truncation markers, titles.

**Figures.** A number is read with its context, the word before and the
word after it. Two texts *conflict* when they give different numbers in the
same context -- the daily "Fed funds were trading at 6-1/4 pct" against
"... at 6-3/16 pct". Numbers written as words up to ten count as digits.

>>> from newsclean.dedup.features import figures, figures_conflict
>>> a = figures("Fed funds were trading at 6-1/4 pct, dealers said.")
>>> b = figures("Fed funds were trading at 6-3/16 pct, dealers said.")
>>> figures_conflict(a, b), figures_conflict(a, a)
(True, False)

**Truncation.** A copy that ends with "Read the full story at ...",
"Continue reading", "(more)" or an ellipsis is a truncated copy: it may be
much shorter than the story it copies.

>>> from newsclean.dedup.features import TruncationMarkers
>>> TruncationMarkers().search("Rain fell on Monday.\\n\\nRead the full story at example.com")
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import numpy.typing as npt

from .shingle import Utf8Batch, normalize, normalize_many, token_hash, token_hashes, tokenize
from .shingle import fast_token_hashes as token_hashes_of

U64 = npt.NDArray[np.uint64]
I64 = npt.NDArray[np.int64]

__all__ = [
    "DEFAULT_TRUNCATION_PATTERNS",
    "Figures",
    "TruncationMarkers",
    "as_figures",
    "conflict_counts",
    "figure_table",
    "figure_table_fast",
    "figures",
    "figures_conflict",
    "title_sets",
    "title_similarities",
    "title_similarity",
    "title_tokens",
    "title_tokens_many",
]

_NUMBER_WORDS: Mapping[bytes, bytes] = {
    b"one": b"1", b"two": b"2", b"three": b"3", b"four": b"4", b"five": b"5",
    b"six": b"6", b"seven": b"7", b"eight": b"8", b"nine": b"9", b"ten": b"10",
}

Figures = tuple[frozenset[int], frozenset[int]]
"""The figures of one text: its context hashes and its (context, number) hashes."""

_AGREEING_PER_CONFLICT = 4
_WORD_HASHES = np.array([token_hash(w) for w in _NUMBER_WORDS], dtype=np.uint64)
_DIGIT_HASHES = np.array([token_hash(d) for d in _NUMBER_WORDS.values()], dtype=np.uint64)
_BOS = np.uint64(0x5E3F0C1A2B4D6E7F)
_EOS = np.uint64(0x1F2E3D4C5B6A7988)
_RUN_M = np.uint64(0xD1342543DE82EF95)
_RUN_POW = np.ones(64, dtype=np.uint64)
with np.errstate(over="ignore"):
    for _k in range(1, 64):
        _RUN_POW[_k] = _RUN_POW[_k - 1] * _RUN_M
_CTX_A = np.uint64(0x9E3779B97F4A7C15)
_CTX_B = np.uint64(0xC2B2AE3D27D4EB4F)


def figure_table(
    hashes: U64, offsets: I64, numeric: npt.NDArray[np.bool_]
) -> tuple[U64, U64, I64]:
    """The figures of many texts from their tokens (:func:`~.shingle.token_hashes`).

    A figure is a run of number tokens (``6-1/4`` is the run 6, 1, 4; number
    words up to ten count as their digits) with its context: the token before
    and the token after it in the same text. Returns the context hashes, the
    (context, number) hashes (both 63-bit) and the offsets of each text's figures.
    """
    n_docs = len(offsets) - 1
    h = hashes.copy()
    word = np.isin(h, _WORD_HASHES)
    if word.any():
        h[word] = _DIGIT_HASHES[_word_index(h[word])]
    num = numeric | word
    n = len(h)
    doc = np.repeat(np.arange(n_docs, dtype=np.int64), np.diff(offsets))
    first_of_doc = np.zeros(n, dtype=bool)
    first_of_doc[offsets[:-1][np.diff(offsets) > 0]] = True
    prev_num = np.concatenate(([False], num[:-1])) & ~first_of_doc
    starts = np.flatnonzero(num & ~prev_num)
    fig_off = np.zeros(n_docs + 1, dtype=np.int64)
    if len(starts) == 0:
        return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.uint64), fig_off
    idx = np.flatnonzero(num)
    run_of = np.cumsum(num & ~prev_num)[idx] - 1
    pos_in_run = idx - starts[run_of]
    with np.errstate(over="ignore"):
        weights = _RUN_POW[np.minimum(pos_in_run, len(_RUN_POW) - 1)]
        vals = np.add.reduceat(h[idx] * weights, np.flatnonzero(np.diff(run_of, prepend=-1)))
        lengths = np.bincount(run_of)
        ends = starts + lengths - 1
        sdoc = doc[starts]
        has_prev = starts > offsets[sdoc]
        has_next = ends + 1 < offsets[sdoc + 1]
        prev = np.where(has_prev, h[np.maximum(starts - 1, 0)], _BOS)
        nxt = np.where(has_next, h[np.minimum(ends + 1, n - 1)], _EOS)
        keys = (prev * _CTX_A) ^ (nxt * _CTX_B)
        keys ^= keys >> np.uint64(29)
        pairs = keys ^ (vals * _CTX_B)
        pairs ^= pairs >> np.uint64(31)
        pairs *= _CTX_A
    np.cumsum(np.bincount(sdoc, minlength=n_docs), out=fig_off[1:])
    return keys >> np.uint64(1), pairs >> np.uint64(1), fig_off


def figure_table_fast(
    hashes: U64, offsets: I64, numeric: npt.NDArray[np.bool_]
) -> tuple[U64, U64, I64]:
    """:func:`figure_table` in one compiled pass (same output; tested against it)."""
    from ._kernels import figure_table_compiled  # numba loads on first use

    return figure_table_compiled(
        hashes, offsets, numeric, _WORD_HASHES, _DIGIT_HASHES, _RUN_POW, _BOS, _EOS, _CTX_A, _CTX_B
    )


def _word_index(h: U64) -> I64:
    out = np.zeros(len(h), dtype=np.int64)
    for k, w in enumerate(_WORD_HASHES):
        out[h == w] = k
    return out


def as_figures(keys: U64, pairs: U64) -> Figures:
    """The :data:`Figures` of one text's rows of :func:`figure_table`."""
    return frozenset(keys.tolist()), frozenset(pairs.tolist())


def figures(text: str) -> Figures:
    """The figures of one text (see :func:`figure_table`)."""
    h, off, numeric = token_hashes([normalize(text)])
    keys, vals, _ = figure_table(h, off, numeric)
    return as_figures(keys, vals)


def figures_conflict(a: Figures, b: Figures) -> bool:
    """True when figures disagree in some shared context and agree in few others.

    A shared context agrees when it holds the same number in both texts and
    disagrees otherwise. One disagreement among many agreeing figures is more
    likely a changed context (an edit: "10 percent" -> "10 %") than a
    different story: it takes fewer than ``_AGREEING_PER_CONFLICT`` (4)
    agreeing contexts per disagreeing one to call it a conflict.
    """
    shared = len(a[0] & b[0])
    if not shared:
        return False
    agree = min(len(a[1] & b[1]), shared)
    conflicts = shared - agree
    return conflicts > 0 and agree < _AGREEING_PER_CONFLICT * conflicts


def conflict_counts(shared: npt.NDArray[np.int64], same: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
    """:func:`figures_conflict` for arrays of shared contexts and shared (context, number) pairs."""
    agree = np.minimum(same, shared)
    conflicts = shared - agree
    return np.asarray((conflicts > 0) & (agree < _AGREEING_PER_CONFLICT * conflicts))


DEFAULT_TRUNCATION_PATTERNS: tuple[str, ...] = (
    r"\b(?:read|see|view|get)\b.{0,30}\b(?:full|whole|rest|entire|complete|original|more)\b"
    r".{0,20}\b(?:story|article|report|post|piece|text|coverage|at|on|here)\b",
    r"^(?:continue|keep) reading\b",
    r"^read more\b",
    r"^(?:full|original) (?:story|article)\b",
    r"\bcontinues? (?:at|on)\b",
    r"^(?:the )?(?:rest|remainder) of (?:this|the) (?:story|article)\b",
    r"\(more\)$",
    r"^more\W*$",
    r"(?:\.\.\.|…|\[…\]|\[\.\.\.\])$",
)


class TruncationMarkers:
    """Recognizes a truncated copy by its last lines (case-insensitive regexes).

    A line ending in an ellipsis counts; other patterns are tried on lines of
    at most 300 characters (marker lines are short).
    """

    __slots__ = ("_default", "_re", "lines")

    def __init__(self, extra: Iterable[str] = (), *, lines: int = 8) -> None:
        extra = tuple(extra)
        pats = [*DEFAULT_TRUNCATION_PATTERNS, *extra]
        self._re = re.compile("|".join(f"(?:{p})" for p in pats), re.IGNORECASE)
        self.lines = lines
        self._default = not extra  # only the default patterns: lines are screened first

    def search(self, text: str) -> bool:
        """True when one of the last ``lines`` non-empty lines carries a marker.

        Several lines, because outlet furniture (share buttons, copyright)
        often follows the marker.
        """
        tail = text[-_TAIL:] if len(text) > _TAIL else text
        seen = 0
        short: list[str] = []
        for line in reversed(tail.split("\n")):
            if seen >= self.lines:
                break
            s = line.strip()
            if not s:
                continue
            seen += 1
            if s.endswith(_ELLIPSES):
                return True
            if len(s) <= 300:
                short.append(s)
        if not short:
            return False
        if not self._default:
            return any(self._re.search(s) for s in short)
        # Default patterns: only lines that could match go to the regex (a
        # case-insensitive regex costs ~100 ns a character; these tests ~1).
        if not _may_mark("\n".join(short)):
            return False
        return any(_may_mark(s) and self._re.search(s) for s in short)

    def search_many(self, texts: Sequence[str], utf8: Utf8Batch | None = None) -> list[bool]:
        """:meth:`search` of each text.

        With the default patterns, one compiled pass over the UTF-8 tails of all
        texts (``_kernels.marker_lines``) finds the lines ending in an ellipsis
        and the few lines that could hold a marker; only those are screened
        and matched in Python, as :meth:`search` does (~10x less CPU than
        calling :meth:`search` per text on the simulated corpus). ``utf8``:
        the texts already encoded (:func:`~.shingle.encode_batch`; saves
        encoding the tails again).

        >>> TruncationMarkers().search_many(["Rain.\\n\\nContinue reading", "Rain.", "Rain..."])
        [True, False, True]
        """
        if not self._default:
            return [self.search(t) for t in texts]
        from ._kernels import marker_lines  # numba loads on first use

        if utf8 is not None:
            from ._kernels import tail_starts

            buf = utf8.raw
            first, last = tail_starts(buf, utf8.starts, utf8.ends, _TAIL), utf8.ends
        else:
            tails = [(t[-_TAIL:] if len(t) > _TAIL else t).encode("utf-8", "surrogatepass") for t in texts]
            off = np.zeros(len(tails) + 1, dtype=np.int64)
            np.cumsum([len(b) for b in tails], out=off[1:])
            buf = b"".join(tails)
            first, last = off[:-1], off[1:]
        ellipsis, cand_off, starts, ends = marker_lines(buf, first, last, self.lines)
        out: list[bool] = ellipsis.tolist()
        search = self._re.search
        # The same line recurs across copies (an outlet's "Read more:", a wire's credit
        # line): each distinct line is decoded and matched once per call (~half the
        # Python time of this loop on the simulated corpus; the answer depends on the
        # line alone).
        seen: dict[bytes, bool] = {}
        lo, hi = starts.tolist(), ends.tolist()
        offs = cand_off.tolist()
        for t in np.flatnonzero(np.diff(cand_off)).tolist():
            for k in range(offs[t], offs[t + 1]):
                raw = buf[lo[k] : hi[k]]
                hit = seen.get(raw)
                if hit is None:
                    line = raw.decode("utf-8", "surrogatepass")
                    hit = seen[raw] = bool(_may_mark(line) and search(line))
                if hit:
                    out[t] = True
                    break
        return out


_TAIL = 1500
# Line starts and words one of the default patterns needs (lower case). Under
# IGNORECASE, U+0130, U+0131 and U+017F also match "i" and "s": lines with them
# always go to the regex.
_MARK_STARTS = tuple(
    "\n" + w for w in ("keep", "full", "original", "rest", "the rest", "remainder", "the remainder", "more")
)
_MARK_VERBS = ("read", "see", "view", "get")
_MARK_QUALIFIERS = ("full", "whole", "rest", "entire", "complete", "original", "more")


def _may_mark(lines: str) -> bool:
    """False only when no default truncation pattern can match any of ``lines``
    (stripped lines joined with newlines)."""
    low = "\n" + lines.lower()
    if "continu" in low or "(more)" in low:
        return True
    for w in _MARK_STARTS:
        if w in low:
            return True
    for w in _MARK_VERBS:
        if w in low:
            for q in _MARK_QUALIFIERS:
                if q in low:
                    return True
            break
    if lines.isascii():
        return False
    return "\u0130" in lines or "\u0131" in lines or "\u017f" in lines


_ELLIPSES = ("...", "…", "[…]", "[...]")


def title_tokens(title: str | None) -> frozenset[bytes] | None:
    """The set of normalized words of a title (``None`` for no title)."""
    if not title:
        return None
    toks = frozenset(tokenize(title))
    return toks or None


def title_tokens_many(titles: Sequence[str | None]) -> list[frozenset[bytes] | None]:
    """:func:`title_tokens` of many titles, normalized together (:func:`~.shingle.normalize_many`).

    >>> [t and sorted(t) for t in title_tokens_many(["GM layoffs", None, "...", "GM Layoffs!"])]
    [[b'gm', b'layoffs'], None, None, [b'gm', b'layoffs']]
    """
    out: list[frozenset[bytes] | None] = [None] * len(titles)
    have = [k for k, t in enumerate(titles) if t]
    step = 4096
    for lo in range(0, len(have), step):
        part = have[lo : lo + step]
        blobs = normalize_many([titles[k] or "" for k in part]).split(b"\x01")
        for k, blob in zip(part, blobs, strict=True):
            toks = frozenset(blob.split())
            out[k] = toks or None
    return out


def title_sets(titles: Sequence[str | None]) -> tuple[U64, I64]:
    """The :func:`title_tokens` of many titles as sorted, repeat-free segments of
    token hashes (:func:`~.shingle.fast_token_hashes`) and their offsets; a missing
    or token-free title has an empty segment.

    Why hashes: a ``frozenset`` of bytes per title cost ~5 us each at 100k
    documents (0.7 s) and a Python set operation per candidate pair; the
    segments are compared in one compiled pass (:func:`title_similarities`).
    Equal to the sets up to a 64-bit token-hash collision (as shingles are).

    >>> vals, off = title_sets(["GM layoffs", None, "GM Layoffs! GM"])
    >>> off.tolist(), bool((vals[0:2] == vals[2:4]).all())
    ([0, 2, 2, 4], True)
    """
    from .verify import _unique_segments

    n = len(titles)
    counts = np.zeros(n, dtype=np.int64)
    have = [k for k, t in enumerate(titles) if t]
    step = 4096
    parts: list[U64] = []
    for lo in range(0, len(have), step):
        part = have[lo : lo + step]
        h, off, _ = token_hashes_of(normalize_many([titles[k] or "" for k in part]), len(part))
        vals, uoff = _unique_segments(h, off)
        parts.append(vals)
        counts[part] = np.diff(uoff)
    out_off = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(counts, out=out_off[1:])
    vals = np.concatenate(parts) if parts else np.zeros(0, dtype=np.uint64)
    return vals, out_off


def title_similarities(vals: U64, off: I64, a: I64, b: I64) -> npt.NDArray[np.float64]:
    """:func:`title_similarity` of titles ``a[k]`` and ``b[k]`` of :func:`title_sets`
    (NaN where either is missing)."""
    from ._kernels import shared_counts64

    inter = shared_counts64(vals, off, a, b)
    na, nb = off[a + 1] - off[a], off[b + 1] - off[b]
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where((na > 0) & (nb > 0), inter / (na + nb - inter), np.nan)


def title_similarity(a: frozenset[bytes] | None, b: frozenset[bytes] | None) -> float | None:
    """Word Jaccard of two titles; ``None`` when either is missing.

    >>> title_similarity(title_tokens("GM layoffs at two plants"), title_tokens("GM layoffs"))
    0.4
    """
    if a is None or b is None:
        return None
    return len(a & b) / len(a | b)
