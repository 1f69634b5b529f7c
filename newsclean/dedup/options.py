"""Options of near-duplicate clustering, validated on construction.

>>> from newsclean.dedup import DedupOptions
>>> DedupOptions().threshold
0.7
>>> DedupOptions(threshold=float("nan"))
Traceback (most recent call last):
...
newsclean.errors.OptionsError: DedupOptions.threshold must be a number in [0.05, 1.0], got nan
>>> DedupOptions(canonical="earliest").canonical
EarliestDate()
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, fields
from typing import Any

from ..errors import OptionsError
from .canonical import CanonicalPolicy, EarliestDate, LongestBody

__all__ = ["DedupOptions"]

# field -> (low, high) inclusive, for floats; None means the field may be None.
_FLOATS: dict[str, tuple[float, float]] = {
    "threshold": (0.05, 1.0),
    "title_threshold": (0.0, 1.0),
    "title_relief": (0.0, 0.9),
    "min_length_ratio": (0.0, 1.0),
    "lsh_threshold": (0.01, 1.0),
    "lead_threshold": (0.01, 1.0),
    "min_link": (0.0, 1.0),
    "max_days": (0.0, 36500.0),
}
_INTS: dict[str, tuple[int, int]] = {
    "ngram": (1, 16),
    "num_perm": (16, 1024),
    "seed": (0, 2**32 - 1),
    "lead_words": (0, 10_000),
    "min_words": (1, 100_000),
    "max_bucket": (2, 1_000_000),
    "workers": (1, 256),
    "threads": (1, 256),
}
_CANONICAL_NAMES = {"longest": LongestBody, "longest_body": LongestBody,
                    "earliest": EarliestDate, "earliest_date": EarliestDate}


@dataclass(frozen=True)
class DedupOptions:
    """How :func:`~newsclean.dedup.cluster` and :class:`~newsclean.dedup.Deduplicator` decide.

    Two documents are copies of one story when all of these hold:

    * **body**: at least ``threshold`` of the shorter copy's shingles occur in
      the longer one (containment), and the shorter copy has at least
      ``min_length_ratio`` of the longer one's shingles -- unless it ends
      with a truncation marker ("Read the full story at ...", "Continue
      reading", "..."), then any length will do. When both titles are given
      and agree (word Jaccard >= ``title_threshold``) the body threshold is
      lowered by ``title_relief``.
    * **dates**: when both are dated, they are at most ``max_days`` apart
      (``None``: no limit).
    * **figures**: with ``check_numbers``, no number differs in the same
      context in both texts ("rose 5 pct" against "rose 7 pct"): template
      items whose figures differ are different stories.

    Documents shorter than ``min_words`` tokens are never merged (reason
    ``too_short``). Candidates come from MinHash LSH over word ``ngram``
    shingles with ``num_perm`` permutations, banded for Jaccard
    ``lsh_threshold`` (datasketch's optimal parameters for ``lsh_weights``),
    plus a second index over the first ``lead_words`` words of each
    document (banded for ``lead_threshold``) that finds truncated copies.
    ``min_link`` guards against chaining: two groups merge only when at
    least that share of their cross pairs are copies. ``canonical`` picks
    the copy to keep: ``"longest"`` (default), ``"earliest"``, a
    :class:`~newsclean.dedup.SourcePriority` or any object with a
    ``choose(members) -> (index, reason)`` method. ``clean`` runs the
    plain-text :class:`~newsclean.Cleaner` on every text first (slower, ~ms
    per document). ``verify`` is ``"exact"`` (shingle sets of candidate
    pairs are compared when the estimate is near a threshold) or
    ``"estimate"`` (MinHash estimates only). ``workers > 1`` prepares the
    texts (tokens, shingles, signatures, figures; batches of 2048) in a pool
    of that many processes when there are three batches or more; the
    result does not depend on it. ``threads > 1`` (with ``workers=1``)
    prepares batches on that many threads instead: the compiled loops
    (normalization, token hashing, shingling, signing) release the GIL and
    overlap with the Python parts of other batches -- less wall-clock time
    on several cores, not less CPU time; the result does not depend on it.
    """

    threshold: float = 0.7
    min_length_ratio: float = 0.45
    title_threshold: float = 0.5
    title_relief: float = 0.2
    max_days: float | None = 2.0
    check_numbers: bool = True
    min_words: int = 10
    ngram: int = 3
    num_perm: int = 128
    seed: int = 1
    lsh_threshold: float = 0.3
    lsh_weights: tuple[float, float] = (0.5, 0.5)
    lead_words: int = 50
    lead_threshold: float = 0.5
    min_link: float = 0.6
    max_bucket: int = 500
    canonical: Any = field(default_factory=LongestBody)
    clean: bool = False
    verify: str = "exact"
    truncation_patterns: tuple[str, ...] = ()
    workers: int = 1
    threads: int = 1

    def __post_init__(self) -> None:
        for f in fields(self):
            name = f.name
            value = getattr(self, name)
            if name in _FLOATS:
                if name == "max_days" and value is None:
                    continue
                lo, hi = _FLOATS[name]
                if (
                    isinstance(value, bool)
                    or not isinstance(value, (int, float))
                    or math.isnan(value)
                    or not lo <= value <= hi
                ):
                    raise OptionsError(
                        f"DedupOptions.{name} must be a number in [{lo}, {hi}], got {value!r}"
                    )
                object.__setattr__(self, name, float(value))
            elif name in _INTS:
                lo_i, hi_i = _INTS[name]
                if isinstance(value, bool) or not isinstance(value, int) or not lo_i <= value <= hi_i:
                    raise OptionsError(
                        f"DedupOptions.{name} must be an int in [{lo_i}, {hi_i}], got {value!r}"
                    )
        for name in ("check_numbers", "clean"):
            if not isinstance(getattr(self, name), bool):
                raise OptionsError(f"DedupOptions.{name} must be a bool, got {getattr(self, name)!r}")
        if self.title_relief >= self.threshold:
            raise OptionsError(
                f"DedupOptions.title_relief must be below threshold ({self.threshold}), "
                f"got {self.title_relief}"
            )
        if self.verify not in ("exact", "estimate"):
            raise OptionsError(f"DedupOptions.verify must be 'exact' or 'estimate', got {self.verify!r}")
        w = self.lsh_weights
        if (
            not isinstance(w, tuple)
            or len(w) != 2
            or not all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in w)
            or not all(0.0 <= x <= 1.0 for x in w)
            or not math.isclose(w[0] + w[1], 1.0)
        ):
            raise OptionsError(
                f"DedupOptions.lsh_weights must be two numbers in [0, 1] summing to 1, got {w!r}"
            )
        canonical = self.canonical
        if isinstance(canonical, str):
            cls = _CANONICAL_NAMES.get(canonical)
            if cls is None:
                raise OptionsError(
                    f"DedupOptions.canonical: unknown policy {canonical!r} "
                    "(use 'longest', 'earliest', SourcePriority([...]) or an object with choose())"
                )
            object.__setattr__(self, "canonical", cls())
        elif not isinstance(canonical, CanonicalPolicy):
            raise OptionsError(
                "DedupOptions.canonical must be 'longest', 'earliest', SourcePriority([...]) "
                f"or an object with a choose(members) method, got {type(canonical).__name__}"
            )
        pats = self.truncation_patterns
        if isinstance(pats, str) or not isinstance(pats, (tuple, list)):
            raise OptionsError("DedupOptions.truncation_patterns must be a list of regex strings")
        for p in pats:
            if not isinstance(p, str):
                raise OptionsError(
                    f"DedupOptions.truncation_patterns must contain strings, got {type(p).__name__}"
                )
            try:
                re.compile(p)
            except re.error as exc:
                raise OptionsError(
                    f"DedupOptions.truncation_patterns: bad regex {p!r}: {exc}"
                ) from None
        object.__setattr__(self, "truncation_patterns", tuple(pats))
