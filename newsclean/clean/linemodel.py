"""A learned score for lines the rules kept: is this page furniture?

The lexicons and rules of :mod:`newsclean.clean.cleaner` remove what they
can name. What unseen pages still keep is worded in ways no lexicon predicts
("Lesetipps der Redaktion", "Sursa foto: ...", "Skomentuj (57)"), yet it looks like
furniture: a short line without a full stop, next to removed lines, below
the story, with words the story does not use. A linear model over such
features (and the line's words and character trigrams) scores the short
lines the rules kept, and the paragraphs beside a removed line; a line at
or above the threshold leaves with reason ``line_model``, and the page is
scored once more with it gone (see :meth:`LineModel.furniture`).

The model is data, like the lexicons: a JSON file of feature weights
(``data/line_model.json.gz``), trained by ``python -m
newsclean.clean.linemodel_train`` (:mod:`newsclean.clean.linemodel_train`)
on the labelled articles of ``tests/data/articles`` (scikit-learn's
logistic regression; ``pip install 'newsclean[train]'``). Users can train
their own on their own labelled pages and pass it as
``CleanOptions(line_model_file=...)``. Scoring is plain Python (a dict
lookup per feature): no scikit-learn at run time.

Example:
    >>> model = LineModel.builtin()
    >>> texts = ["Menu", "Storm closes the coast road",
    ...          "The council shut the coast road on Monday after the storm, "
    ...          "and engineers will inspect the sea wall this week.",
    ...          "Share this article", "Lesetipps der Redaktion", "Impressum"]
    >>> reasons = ["navigation", "repeated_title", None, "share_widget", None, "navigation"]
    >>> scores = model.scores(texts, reasons, title="Storm closes the coast road")
    >>> list(scores)  # the paragraph under the headline is the standfirst
    [4]
    >>> scores[4] > 0.5
    True
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from pathlib import Path

from newsclean.article import Reason
from newsclean.errors import OptionsError

__all__ = [
    "FEATURE_VERSION",
    "LINE_MODEL_REASON",
    "MODEL_ROUNDS",
    "STORY_DOUBT",
    "LineContext",
    "LineModel",
    "PageLine",
    "line_features",
]

#: Bumped whenever :func:`line_features` changes: a model file trained on
#: other features is refused.
FEATURE_VERSION = 5
#: How many times :meth:`LineModel.furniture` scores a page while lines go.
MODEL_ROUNDS = 2
#: The reason a line the model removed carries.
LINE_MODEL_REASON = Reason.LINE_MODEL.value
#: A short line between two paragraphs belongs to the story by its place
#: (see ``_in_story``): it leaves only when it is this much surer furniture,
#: its chance of being the story's this share of what the threshold allows
#: (0.98 -> 0.995).
STORY_DOUBT = 0.25

# A line "ends like a sentence" when its last character is one of these.
_SENTENCE_END = tuple('.!?。！？…»"”)')
_WORD = re.compile(r"\w+")
_CONTENT_WORD = re.compile(r"\w{4,}")
# Characters whose mere presence is a feature (separators of menus, credits
# and widgets).
_MARKS = "|·•:–—/©@#▶»›>("
# A kept line this long that ends like a sentence is a paragraph: scored
# only beside a removed line (a promo, a bio or a notice in the page's
# furniture), which keeps the pass cheap on long articles, whose lines are
# mostly paragraphs between paragraphs.
_BODY_WORDS = 15
_MAX_WORDS_IN_FEATURES = 40
# A line right under the headline with at least this many words is the
# standfirst (see _in_story).
_STANDFIRST_WORDS = 6
# The longest run of short kept lines between two kept paragraphs that
# belongs to the story by its place (see _in_story).
_STORY_RUN = 3
_CLOCK = re.compile(r"\d[:.]\d\d")
_MAX_TRIGRAM_CHARS = 120
# How far around a line its removed neighbours are counted (see _context_features).
_WINDOW = 3
# A short line between paragraphs with no removed line this close is not
# scored: captions and promos set into a story sit near its other removed
# furniture (an ad label, a related link), and the subheadings deep in a long
# story are many. Cross-validated, scoring those removed nothing more, and
# they were most of the model's time on a 5,000-word article.
_STORY_REACH = 10
# The words of the line above that are features of a line: its first few
# ("Related", "Tags", "Follow us" above a list), read from its start.
_ABOVE_WORDS = 8
_ABOVE_CHARS = 80
# Where in the page a line sits, as a share of its lines (bucket edges).
_POSITION_EDGES = (0.1, 0.25, 0.5, 0.75, 0.9)


def _sigmoid(z: float) -> float:
    if z < -30.0:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))


def _bucket(x: float, edges: Sequence[float]) -> int:
    for i, edge in enumerate(edges):
        if x <= edge:
            return i
    return len(edges)


def _n_words(text: str) -> int:
    """Words of a normalized line (single spaces; an ideographic space
    separates too): counted, not split, since every kept line is asked."""
    return text.count(" ") + text.count("\u3000") + 1 if text else 0


def _is_paragraph(text: str) -> bool:
    return text.endswith(_SENTENCE_END) and _n_words(text) >= _BODY_WORDS


@dataclass(slots=True)
class PageLine:
    """One line of a page for the model: its text, why it left (``None``:
    kept), and what the model computed from the text alone.

    A caller that scores the same page again (the cleaner's confirming
    rounds) passes the same objects, and the text's part is not recomputed.
    """

    text: str
    reason: str | None = None
    _paragraph: bool | None = None
    _folded: str | None = None
    # (model, sum of the model's weights of the text's own features,
    # length bucket, ending, content words): see LineModel._text_part.
    _part: tuple[LineModel, float, int, str, tuple[str, ...]] | None = None

    @property
    def paragraph(self) -> bool:
        """Long enough, and ending like a sentence: a paragraph of prose."""
        p = self._paragraph
        if p is None:
            p = self._paragraph = _is_paragraph(self.text)
        return p

    @property
    def folded(self) -> str:
        f = self._folded
        if f is None:
            f = self._folded = self.text.casefold()
        return f


@dataclass(frozen=True)
class LineContext:
    """What :func:`line_features` needs to know about the whole page.

    Built once per page by :meth:`LineContext.of`.
    """

    lines: Sequence[PageLine]
    first: int  # index of the first kept paragraph (0 when there is none)
    last: int  # index of the last kept paragraph
    title_words: frozenset[str]
    # removed_before[k]: how many of lines[:k] were removed.
    removed_before: Sequence[int] = ()
    # block_start[i] / block_end[i]: the first and last line of the run of
    # lines that are not kept paragraphs around line i (with line i, whatever
    # it is): a box, a list, the page's head or foot.
    block_start: Sequence[int] = ()
    block_end: Sequence[int] = ()

    @classmethod
    def of(
        cls, texts: Sequence[str], reasons: Sequence[str | None], title: str | None
    ) -> LineContext:
        """The context of a page: its lines and why each left (``None``: kept)."""
        lines = [PageLine(t, r) for t, r in zip(texts, reasons, strict=True)]
        return cls.of_lines(lines, title)

    @classmethod
    def of_lines(cls, lines: Sequence[PageLine], title: str | None) -> LineContext:
        """The context of a page given as :class:`PageLine` objects."""
        n = len(lines)
        kept_paragraph = [ln.reason is None and ln.paragraph for ln in lines]
        paragraphs = [i for i, p in enumerate(kept_paragraph) if p]
        first, last = (paragraphs[0], paragraphs[-1]) if paragraphs else (0, n - 1)
        removed_before = [0] * (n + 1)
        for k, ln in enumerate(lines):
            removed_before[k + 1] = removed_before[k] + (ln.reason is not None)
        # A line's block reaches over the lines beside it that are not kept
        # paragraphs. (Two sweeps: linear however long the runs are.)
        block_start = list(range(n))
        for k in range(1, n):
            if not kept_paragraph[k - 1]:
                block_start[k] = block_start[k - 1]
        block_end = list(range(n))
        for k in range(n - 2, -1, -1):
            if not kept_paragraph[k + 1]:
                block_end[k] = block_end[k + 1]
        return cls(
            lines=lines,
            first=first,
            last=last,
            title_words=frozenset(_CONTENT_WORD.findall((title or "").casefold())),
            removed_before=removed_before,
            block_start=block_start,
            block_end=block_end,
        )

    def kind(self, j: int) -> str:
        """A line: beyond the page's edge, the reason it left, or kept (long or short)."""
        if j < 0 or j >= len(self.lines):
            return "EDGE"
        line = self.lines[j]
        if line.reason is not None:
            return line.reason
        return "kl" if line.paragraph else "ks"

    def nearby_paragraphs(self, i: int) -> str:
        """The kept paragraphs nearest above and below line ``i``, casefolded.

        They are the lines right outside line ``i``'s block (walking to them
        line by line cost quadratic time on a page of short lines).
        """
        above, below = self.block_start[i] - 1, self.block_end[i] + 1
        out = []
        if above >= 0:
            out.append(self.lines[above].folded)
        if below < len(self.lines):
            out.append(self.lines[below].folded)
        return "\n".join(out)


def _in_story(ctx: LineContext, i: int) -> bool:
    """Line ``i`` belongs to the story by its place alone.

    Right under the headline, with six words or more and neither a "|" nor
    a clock time (a byline's, a widget's), it is the standfirst; between the
    headline (or the page's start) and a kept paragraph, without sentence
    punctuation, it is the story's first subheading or its kicker; in a run
    of up to three short kept lines between two kept paragraphs (a
    subheading, a one-line paragraph, list items) it is the story's.
    Cross-validated on the corpus, scoring these lines at the threshold
    removed more story than furniture: the first two are never scored (see
    :func:`_under_headline`), a run between paragraphs only near a removed
    line and at the stricter threshold of :meth:`LineModel.furniture`.
    """
    before, after = ctx.kind(i - 1), ctx.kind(i + 1)
    text = ctx.lines[i].text
    if (
        before == "repeated_title"
        and _n_words(text) >= _STANDFIRST_WORDS
        and "|" not in text
        and _CLOCK.search(text) is None
    ):
        return True
    if before in ("EDGE", "repeated_title") and after == "kl":
        return not text.endswith(_SENTENCE_END)
    # (Walked at most _STORY_RUN lines each way: a longer run is no story's
    # either way, and a page of short lines stays linear.)
    lo = i - 1
    while lo >= 0 and i - lo <= _STORY_RUN and ctx.kind(lo) == "ks":
        lo -= 1
    hi = i + 1
    while hi < len(ctx.lines) and hi - i <= _STORY_RUN and ctx.kind(hi) == "ks":
        hi += 1
    return hi - lo - 1 <= _STORY_RUN and ctx.kind(lo) == "kl" and ctx.kind(hi) == "kl"


def _under_headline(ctx: LineContext, i: int) -> bool:
    """A line of the story's by its place (:func:`_in_story`) right under the
    headline or at the page's start: the standfirst or the first subheading,
    which the model does not score at all (where a page starts says little
    about a line, and its position scores the page's top as furniture)."""
    return ctx.kind(i - 1) in ("EDGE", "repeated_title")


def _ending(text: str) -> str:
    return "sent" if text.endswith(_SENTENCE_END) else (":" if text.endswith(":") else "none")


@dataclass(frozen=True, slots=True)
class _TextParts:
    """A line's text features by kind (the prefix of their names)."""

    words: frozenset[str]  # w:
    pairs: frozenset[str]  # b:
    first: str | None  # f:
    last: str | None  # l:
    trigrams: frozenset[str]  # c:
    shape: tuple[str, ...]  # s: (full names)
    wb: int
    end: str
    content: tuple[str, ...]

    def names(self) -> list[str]:
        feats = ["w:" + w for w in self.words]
        feats += ["b:" + b for b in self.pairs]
        if self.first is not None and self.last is not None:
            feats += ["f:" + self.first, "l:" + self.last]
        feats += ["c:" + c for c in self.trigrams]
        feats += self.shape
        return feats


def _text_parts(text: str, folded: str) -> _TextParts:
    """The features of a line's text alone (its words, trigrams and shape)."""
    words = _WORD.findall(folded)
    n_words = _n_words(text)
    padded = " " + folded[:_MAX_TRIGRAM_CHARS] + " "
    wb = _bucket(n_words, (1, 2, 3, 5, 8, 12, 20, 35))
    end = _ending(text)
    length = max(1, len(text))
    digits = sum(map(str.isdigit, text))
    upper = sum(map(str.isupper, text))
    capitalised = sum(1 for w in text.split() if w[:1].isupper())
    shape = [
        f"s:wb{wb}",
        "s:end_" + end,
        f"s:dig{_bucket(digits / length, (0, 0.05, 0.15, 0.3))}",
        f"s:up{_bucket(upper / length, (0.02, 0.1, 0.3, 0.6))}",
        f"s:cap{_bucket(capitalised / max(1, n_words), (0.2, 0.5, 0.8))}",
    ]
    shape += ["s:ch" + c for c in _MARKS if c in text]
    return _TextParts(
        words=frozenset(words[:_MAX_WORDS_IN_FEATURES]),
        pairs=frozenset(a + "_" + b for a, b in pairwise(words[:21])),
        first=words[0] if words else None,
        last=words[-1] if words else None,
        trigrams=frozenset(padded[k : k + 3] for k in range(len(padded) - 2)),
        shape=tuple(shape),
        wb=wb,
        end=end,
        content=tuple(_CONTENT_WORD.findall(folded)),
    )


def _context_features(
    ctx: LineContext, i: int, wb: int, end: str, content: tuple[str, ...]
) -> list[str]:
    """The features of line ``i``'s place in its page."""
    prev, nxt = ctx.kind(i - 1), ctx.kind(i + 1)
    zone = "top" if i < ctx.first else ("bot" if i > ctx.last else "mid")
    removed_around = (prev not in ("kl", "ks")) + (nxt not in ("kl", "ks"))
    feats = [
        "s:pr_" + prev,
        "s:nx_" + nxt,
        f"s:prnx_{prev}_{nxt}",
        "s:z_" + zone,
        f"s:zwb_{zone}_{wb}",
        f"s:zend_{zone}_{end}",
        f"s:sand_{removed_around}",
        f"s:sandz_{zone}_{removed_around}",
    ]
    # The block the line sits in (a lone line between paragraphs, or a long
    # run of short lines: a list, a box, the page's foot) and how many lines
    # around it were removed.
    block = ctx.block_end[i] - ctx.block_start[i] + 1
    lo, hi = max(0, i - _WINDOW), min(len(ctx.lines), i + _WINDOW + 1)
    removed_near = ctx.removed_before[hi] - ctx.removed_before[lo]
    removed_near -= ctx.lines[i].reason is not None
    feats += [
        f"s:rm3_{_bucket(removed_near, (0, 1, 2, 4))}",
        f"s:blk{_bucket(block, (1, 2, 3, 5, 8, 13))}",
        f"s:blkz_{zone}_{_bucket(block, (1, 3, 8))}",
    ]
    # Its position in the page, and the first words of the line above it.
    feats.append(f"s:pos{_bucket(i / len(ctx.lines), _POSITION_EDGES)}")
    if i > 0:
        above = ctx.lines[i - 1].folded[:_ABOVE_CHARS]
        feats += ["pw:" + w for w in set(_WORD.findall(above)[:_ABOVE_WORDS])]
    if content:
        near = ctx.nearby_paragraphs(i)
        shared = sum(1 for w in content if w in near) / len(content)
        in_title = sum(1 for w in content if w in ctx.title_words) / len(content)
        ob = _bucket(shared, (0, 0.2, 0.4, 0.6))
        feats += [f"s:ob{ob}", f"s:ot{_bucket(in_title, (0, 0.2, 0.4))}", f"s:obz_{zone}_{ob}"]
    else:
        feats.append("s:ob_none")
    return feats


def line_features(ctx: LineContext, i: int) -> list[str]:
    """The features of line ``i`` of a page, as strings (a sparse 0/1 vector).

    Words (``w:``), word pairs (``b:``), first and last word (``f:``, ``l:``),
    character trigrams (``c:``) and the line's shape (``s:``): length, how it
    ends, digits, capitals, separators; then its place in the page: its
    neighbours, whether it sits above, in or below the story, how far down
    the page, how long the run of short lines it sits in is, how many lines
    around it were removed, the first words of the line above (``pw:``),
    and how many of its words the nearest paragraphs and the headline use.

    Example:
        >>> ctx = LineContext.of(["Tags: storm, coast"], [None], None)
        >>> "s:ch:" in line_features(ctx, 0)
        True
    """
    line = ctx.lines[i]
    parts = _text_parts(line.text, line.folded)
    return parts.names() + _context_features(ctx, i, parts.wb, parts.end, parts.content)


@dataclass(frozen=True)
class LineModel:
    """A linear model over :func:`line_features`: ``sigmoid(bias + sum(w))``.

    ``max_words``: longer lines are not scored (they are the story's).

    Example:
        >>> m = LineModel(bias=-1.0, weights={"w:subscribe": 3.0})
        >>> round(m.score(["w:subscribe", "w:now"]), 3)
        0.881
    """

    bias: float
    weights: Mapping[str, float] = field(default_factory=dict)
    max_words: int = 40
    # The weights by kind, without the "w:"/"c:"... prefix: scoring a line's
    # text then looks its words and trigrams up as they are, instead of
    # building ~150 prefixed strings per line (half the scoring time).
    _by_kind: Mapping[str, Mapping[str, float]] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        # (The shape and place features, "s:", are looked up by their full names.)
        by_kind: dict[str, dict[str, float]] = {k: {} for k in ("w", "b", "f", "l", "c")}
        for name, w in self.weights.items():
            kind, sep, rest = name.partition(":")
            if sep and kind in by_kind:
                by_kind[kind][rest] = w
        object.__setattr__(self, "_by_kind", by_kind)

    def score(self, features: Iterable[str]) -> float:
        """The probability that a line with these features (a set: repeats
        count once) is furniture."""
        get = self.weights.get
        return _sigmoid(self.bias + sum(get(f, 0.0) for f in set(features)))

    def scores(
        self, texts: Sequence[str], reasons: Sequence[str | None], title: str | None
    ) -> dict[int, float]:
        """Score the kept lines of a page that may be furniture: ``{index: probability}``.

        ``reasons[i]`` is why line ``i`` left (``None``: kept). Kept lines of
        more than ``max_words`` words are not scored, nor a paragraph (a
        line that reads as prose) unless a line beside it was removed, nor
        lines that belong to the story by their place (a short line between
        two kept paragraphs, or between the headline and the first one).
        """
        lines = [PageLine(t, r) for t, r in zip(texts, reasons, strict=True)]
        return self.score_lines(lines, title)

    def score_lines(
        self, lines: Sequence[PageLine], title: str | None, *, story: set[int] | None = None
    ) -> dict[int, float]:
        """:meth:`scores` on :class:`PageLine` objects, which keep what was
        computed from their text for the next call.

        With a set ``story``, the short lines that belong to the story by
        their place between two paragraphs are scored too when a removed
        line is near (see ``_STORY_REACH``), and their indexes are added to
        ``story``.
        """
        max_words = self.max_words
        last = len(lines) - 1
        candidates = [
            i
            for i, ln in enumerate(lines)
            if ln.reason is None
            and _n_words(ln.text) <= max_words
            and (
                not ln.paragraph
                or (i > 0 and lines[i - 1].reason is not None)
                or (i < last and lines[i + 1].reason is not None)
            )
        ]
        if not candidates:
            return {}
        ctx = LineContext.of_lines(lines, title)
        get = self.weights.get
        out = {}
        for i in candidates:
            if _in_story(ctx, i):
                if story is None or _under_headline(ctx, i):
                    continue  # (the standfirst, the first subheading: never scored)
                lo, hi = max(0, i - _STORY_REACH), min(len(lines), i + _STORY_REACH + 1)
                if ctx.removed_before[hi] == ctx.removed_before[lo]:
                    continue  # (deep in the story: see _STORY_REACH)
                story.add(i)
            partial, wb, end, content = self._text_part(lines[i])
            z = partial + sum(get(f, 0.0) for f in _context_features(ctx, i, wb, end, content))
            out[i] = _sigmoid(z)
        return out

    def furniture(
        self,
        lines: Sequence[PageLine],
        title: str | None,
        threshold: float,
        *,
        spare: Container[int] = (),
        rounds: int = MODEL_ROUNDS,
    ) -> list[int]:
        """The lines the model removes: those scored at or above ``threshold``.

        A short line that belongs to the story by its place between two
        paragraphs needs ``1 - STORY_DOUBT * (1 - threshold)``:
        cross-validated, such lines scored that high are mostly captions,
        promos and notices set into the story. The standfirst and the first
        subheading under the headline are never removed.

        A line removed in one pass is a removed neighbour in the next (the
        rest of a box whose first line went), so the page is scored again,
        up to ``rounds`` passes, while lines go; but the model never takes
        every line the rules kept. The removed lines' reason becomes
        ``"line_model"`` in ``lines``; lines whose index is in ``spare`` are
        never removed.

        Example:
            >>> m = LineModel(bias=-1.0, weights={"w:subscribe": 3.0})
            >>> page = [PageLine("Menu", "navigation"), PageLine("Subscribe now"),
            ...         PageLine("The council shut the coast road on Monday.")]
            >>> m.furniture(page, None, 0.8), page[1].reason
            ([1], 'line_model')
        """
        out: list[int] = []
        strict = 1.0 - STORY_DOUBT * (1.0 - threshold)
        for _ in range(rounds):
            story: set[int] = set()
            gone = [
                i
                for i, p in self.score_lines(lines, title, story=story).items()
                if p >= (strict if i in story else threshold) and i not in spare
            ]
            if not gone or len(gone) >= sum(1 for ln in lines if ln.reason is None):
                # (Nothing, or every line still kept: the model removes the
                # furniture around a story, so a page it would empty keeps
                # its lines.)
                break
            for i in gone:
                lines[i].reason = LINE_MODEL_REASON
            out += gone
        return sorted(out)

    def _text_part(self, line: PageLine) -> tuple[float, int, str, tuple[str, ...]]:
        """The bias plus the weights of the line's text features (cached on the line)."""
        part = line._part
        if part is None or part[0] is not self:
            p = _text_parts(line.text, line.folded)
            k = self._by_kind
            total = self.bias
            total += sum(filter(None, map(k["w"].get, p.words)))
            total += sum(filter(None, map(k["b"].get, p.pairs)))
            total += sum(filter(None, map(k["c"].get, p.trigrams)))
            if p.first is not None and p.last is not None:
                total += k["f"].get(p.first, 0.0) + k["l"].get(p.last, 0.0)
            get = self.weights.get
            total += sum(get(f, 0.0) for f in p.shape)
            part = line._part = (self, total, p.wb, p.end, p.content)
        return part[1], part[2], part[3], part[4]

    # ------------------------------------------------------------ files
    def to_json(self) -> dict[str, object]:
        """The model as the JSON object :meth:`load` reads."""
        return {
            "feature_version": FEATURE_VERSION,
            "bias": self.bias,
            "max_words": self.max_words,
            "weights": dict(sorted(self.weights.items())),
        }

    def save(self, path: str | Path) -> None:
        """Write the model (gzip-compressed when the name ends in ``.gz``)."""
        data = json.dumps(self.to_json(), ensure_ascii=False, separators=(",", ":"))
        p = Path(path)
        if p.suffix == ".gz":
            # mtime=0: the same model gives the same bytes.
            with open(p, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as fh:
                fh.write(data.encode("utf-8"))
        else:
            p.write_text(data, encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> LineModel:
        """Read a model written by :meth:`save` (or the training script).

        Raises:
            OptionsError: the file is missing, unreadable, not a model, or
                trained on other features.
        """
        p = Path(path)
        try:
            raw = p.read_bytes()
            if raw[:2] == b"\x1f\x8b":
                raw = gzip.decompress(raw)
            data = json.loads(raw.decode("utf-8"))
        except (OSError, ValueError, EOFError) as exc:
            raise OptionsError(f"cannot read line model {p}: {exc}") from None
        return cls._from_json(data, str(p))

    @classmethod
    def _from_json(cls, data: object, where: str) -> LineModel:
        if not isinstance(data, dict):
            raise OptionsError(f"line model {where}: expected a JSON object")
        version = data.get("feature_version")
        if version != FEATURE_VERSION:
            raise OptionsError(
                f"line model {where}: trained on features version {version!r}, "
                f"this newsclean computes version {FEATURE_VERSION}: retrain it"
            )
        bias, weights, max_words = data.get("bias"), data.get("weights"), data.get("max_words", 40)
        if not isinstance(bias, (int, float)) or not isinstance(weights, dict):
            raise OptionsError(f"line model {where}: needs a numeric 'bias' and a 'weights' object")
        if not isinstance(max_words, int) or max_words < 1:
            raise OptionsError(f"line model {where}: 'max_words' must be a positive integer")
        clean: dict[str, float] = {}
        for k, v in weights.items():
            if not isinstance(v, (int, float)):
                raise OptionsError(f"line model {where}: weight of {k!r} is not a number")
            clean[str(k)] = float(v)
        return cls(bias=float(bias), weights=clean, max_words=max_words)

    @staticmethod
    @lru_cache(maxsize=1)
    def builtin() -> LineModel:
        """The packaged model (trained on ``tests/data/articles``)."""
        ref = resources.files("newsclean.clean") / "data" / "line_model.json.gz"
        with resources.as_file(ref) as path:
            return LineModel.load(path)
