"""The ScrapingHub article-extraction-benchmark metric, reproduced exactly.

Definition (see ``shared/bench/README.md``):

- tokens are ``re.findall(r"\\w+", text)`` (case is kept);
- shingles are the *multiset* of token 4-grams; a text of 1-3 tokens gives one
  short shingle (its whole token tuple) and an empty text gives none;
- per page: ``tp`` is the size of the multiset intersection of predicted and
  true shingles, ``fp`` the predicted excess and ``fn`` the true excess;
  precision = tp / (tp + fp), recall = tp / (tp + fn); an empty prediction has
  no precision (it is undefined, not 0) and a recall of 0;
- aggregate precision is the mean over the pages with a NON-EMPTY prediction,
  aggregate recall the mean over all pages, and F1 = 2PR / (P + R) of those two
  means (not the mean of per-page F1);
- accuracy is the share of pages whose token list equals the truth's exactly.

A page with an empty truth has no recall either (``tp + fn == 0``); the
reference implementation leaves such pages out of the recall mean, and so does
:func:`aggregate`. The ScrapingHub set has no such page.

    >>> s = page_scores("one two three four five", "one two three four")
    >>> (s.tp, s.fp, s.fn, s.precision, s.recall, s.exact)
    (1, 1, 0, 0.5, 1.0, False)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = ["NGRAM", "PageScore", "Summary", "aggregate", "page_scores", "shingles", "tokenize"]

NGRAM = 4
"""Length of the shingles (token n-grams) the metric compares."""

_TOKEN_RE = re.compile(r"\w+")

Shingle = tuple[str, ...]


def tokenize(text: str | None) -> list[str]:
    """The benchmark's tokens: every ``\\w+`` run, case kept; ``None`` gives none."""
    return _TOKEN_RE.findall(text or "")


def shingles(text: str | None, n: int = NGRAM) -> Counter[Shingle]:
    """The multiset of token ``n``-grams of ``text``.

    A text with fewer than ``n`` (but at least one) tokens gives one short
    shingle made of all its tokens; an empty text gives an empty multiset.
    """
    tokens = tokenize(text)
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


@dataclass(frozen=True)
class PageScore:
    """Shingle counts of one page and whether its tokens match the truth exactly."""

    tp: int
    fp: int
    fn: int
    exact: bool

    @property
    def precision(self) -> float | None:
        """tp / (tp + fp); ``None`` when the prediction is empty."""
        predicted = self.tp + self.fp
        return self.tp / predicted if predicted else None

    @property
    def recall(self) -> float | None:
        """tp / (tp + fn); ``None`` only when the truth is empty."""
        true = self.tp + self.fn
        return self.tp / true if true else None

    @property
    def f1(self) -> float:
        """Per-page F1 (for diagnostics only: the benchmark's F1 is of the means)."""
        p = self.precision or 0.0
        r = self.recall or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


def page_scores(pred: str | None, truth: str | None) -> PageScore:
    """Score one predicted body against its true body (``None`` counts as empty)."""
    pred_sh = shingles(pred)
    true_sh = shingles(truth)
    tp = sum((pred_sh & true_sh).values())
    fp = sum((pred_sh - true_sh).values())
    fn = sum((true_sh - pred_sh).values())
    return PageScore(tp=tp, fp=fp, fn=fn, exact=tokenize(pred) == tokenize(truth))


@dataclass(frozen=True)
class Summary:
    """The benchmark's aggregate numbers over a set of pages."""

    f1: float
    precision: float
    recall: float
    accuracy: float
    pages: int
    """Number of pages scored."""
    empty_predictions: int
    """Pages whose prediction was empty (left out of the precision mean)."""


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def aggregate(scores: Iterable[PageScore]) -> Summary:
    """Combine per-page scores the way the benchmark does.

    Precision is averaged over pages with a non-empty prediction, recall over
    all pages (an empty prediction counts as recall 0), and F1 is the harmonic
    mean of the two averages. An empty input gives all zeros.
    """
    items = list(scores)
    precisions = [p for s in items if (p := s.precision) is not None]
    recalls = [r for s in items if (r := s.recall) is not None]
    precision = _mean(precisions)
    recall = _mean(recalls)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Summary(
        f1=f1,
        precision=precision,
        recall=recall,
        accuracy=_mean([1.0 if s.exact else 0.0 for s in items]),
        pages=len(items),
        empty_predictions=len(items) - len(precisions),
    )
