"""Which copy of a story to keep: pluggable canonical policies.

A policy looks at the members of one cluster and returns the index of the
copy to keep and a stable reason code. Every policy breaks ties the same
way in the end (by document id), so the choice never depends on input order.

>>> from newsclean.dedup.canonical import Candidate, EarliestDate, LongestBody, SourcePriority
>>> docs = [Candidate("a", words=120, date=100.0, source="blog.example"),
...         Candidate("b", words=300, date=200.0, source="wire.example")]
>>> LongestBody().choose(docs)
(1, 'longest_body')
>>> EarliestDate().choose(docs)
(0, 'earliest_date')
>>> SourcePriority(["wire.example"]).choose(docs[::-1])
(0, 'source_priority')
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable
from urllib.parse import urlsplit

from ..errors import OptionsError

__all__ = [
    "Candidate",
    "CanonicalPolicy",
    "EarliestDate",
    "LongestBody",
    "SourcePriority",
    "id_key",
]


def id_key(doc_id: str | int) -> tuple[int, str]:
    """A total order over document ids (ints before strings, ints numerically)."""
    if isinstance(doc_id, int):
        return (0, f"{doc_id:+021d}")
    return (1, doc_id)


@dataclass(frozen=True)
class Candidate:
    """What a policy sees of one cluster member.

    ``words`` is the length of the body used for shingling (after cleaning
    when ``DedupOptions.clean`` is on); ``date`` is a POSIX timestamp or
    ``None``.
    """

    doc_id: str | int
    words: int
    date: float | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None


@runtime_checkable
class CanonicalPolicy(Protocol):
    """Chooses the copy to keep. ``choose`` returns ``(index, reason)``."""

    def choose(self, members: Sequence[Candidate]) -> tuple[int, str]: ...


def _date_key(c: Candidate) -> float:
    return c.date if c.date is not None else math.inf


def _pick(members: Sequence[Candidate], key: object) -> int:
    keyed = [(key(c), id_key(c.doc_id), i) for i, c in enumerate(members)]  # type: ignore[operator]
    return min(keyed)[2]


@dataclass(frozen=True)
class LongestBody:
    """Keep the longest body (ties: earliest date, then smallest id). The default."""

    def choose(self, members: Sequence[Candidate]) -> tuple[int, str]:
        return _pick(members, lambda c: (-c.words, _date_key(c))), "longest_body"


@dataclass(frozen=True)
class EarliestDate:
    """Keep the earliest copy (undated copies last; ties: longest body, then id)."""

    def choose(self, members: Sequence[Candidate]) -> tuple[int, str]:
        return _pick(members, lambda c: (_date_key(c), -c.words)), "earliest_date"


def _host(url: str | None) -> str:
    if not url:
        return ""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


@dataclass(frozen=True)
class SourcePriority:
    """Keep the copy from the most preferred source.

    ``sources`` is a priority list of source names or host names: a member
    matches an entry when its ``source`` equals it (case-insensitive) or its
    ``url`` host is the entry or a subdomain of it. Members matching no
    entry come last; ties fall back to the longest body, then the id.
    """

    sources: tuple[str, ...] = field(default=())

    def __init__(self, sources: Sequence[str]) -> None:
        if isinstance(sources, str) or not all(isinstance(s, str) and s for s in sources):
            raise OptionsError("SourcePriority.sources must be a list of non-empty strings")
        object.__setattr__(self, "sources", tuple(s.lower() for s in sources))

    def rank(self, c: Candidate) -> int:
        """The position of ``c``'s source in the list (``len(sources)`` when absent)."""
        src = (c.source or "").lower()
        host = _host(c.url)
        for i, s in enumerate(self.sources):
            if src == s or (host and (host == s or host.endswith("." + s))):
                return i
        return len(self.sources)

    def choose(self, members: Sequence[Candidate]) -> tuple[int, str]:
        return _pick(members, lambda c: (self.rank(c), -c.words, _date_key(c))), "source_priority"
