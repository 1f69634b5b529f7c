"""Site profiles: each site's own boilerplate, learned from the corpus itself.

Rules and lexicons catch junk that looks like junk. A site's template lines
(its slogan, its footer sentence, the "About the author" paragraph under every
post, a promo line in a language no lexicon has) are caught by noticing that
they recur on many pages of the same site while story text does not.

Learning (:meth:`SiteProfiles.learn`, ``newsclean learn``) groups pages by
site (the registered domain of the URL, found with courlan's public-suffix
aware :func:`courlan.extract_domain`, or a ``site``/``source`` field), counts
normalized lines per site in bounded memory and keeps as boilerplate the lines
found on at least ``min_share`` of the site's distinct stories. Story text
that recurs (a quotation used in many stories, a background paragraph reused
by follow-up stories, copies of one story) is kept out by

* counting each story once: a page whose longest rare lines were all seen
  before on the site is a copy of a story already counted and is skipped;
* position: a line found mostly between the story's sentences rather than
  above or below them needs a much higher share (``mid_share``);
* length: a long paragraph needs a higher share too (``long_share``).

Applying: :meth:`Cleaner.clean(text, profile=...) <newsclean.Cleaner.clean>`,
``clean_text(..., profile=...)``, ``extract(..., profiles=...)`` and
``newsclean run --profiles FILE`` / ``--learn-boilerplate``. Lines of the
profile are removed with reason ``site_boilerplate``; ``meta["site_boilerplate"]``
names the site and each line's page share.

>>> from newsclean import SiteProfiles, clean_text
>>> words = "rain wind snow fog sun hail ice heat storm cloud mist dew frost gale haze".split()
>>> pages = [{"url": f"https://www.dailyplanet.co.uk/story-{i}",
...           "text": f"Daily Example: news you can trust\\n\\nThe {a} and the {b} came to "
...                   f"town on the same day this week.\\n\\nNobody had seen {a} with {b} "
...                   f"before, officials said.\\n\\nSupport local journalism today."}
...          for i, (a, b) in enumerate(zip(words, words[3:] + words[:3]))]
>>> profiles = SiteProfiles.learn(pages)
>>> [line.text for line in profiles["dailyplanet.co.uk"].lines]
['Daily Example: news you can trust', 'Support local journalism today.']
>>> a = clean_text(pages[0]["text"], profile=profiles.for_url("https://dailyplanet.co.uk/x"))
>>> [(r.line, r.reason.value) for r in a.removed]
[('Daily Example: news you can trust', 'site_boilerplate'), ('Support local journalism today.', 'site_boilerplate')]
>>> a.meta["site_boilerplate"]["site"]
'dailyplanet.co.uk'
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any, Protocol

from .article import Reason
from .clean.normalize import normalize_text
from .errors import InputError, InputTypeError, OptionsError, ProfileError

__all__ = [
    "PROFILE_FORMAT",
    "PROFILE_VERSION",
    "LearnOptions",
    "ProfileLearner",
    "SiteLine",
    "SiteProfile",
    "SiteProfiles",
    "line_hash",
    "site_of",
]

PROFILE_FORMAT = "newsclean-site-profiles"
PROFILE_VERSION = 1

_SPACES_RE = re.compile(r" {2,}")


def _digest(folded: bytes) -> bytes:
    # A stable 64-bit hash (never Python's salted hash()): profiles written
    # by one process are read by another. Kept as 8 bytes (no int conversion).
    return hashlib.blake2b(folded, digest_size=8).digest()


def line_hash(line: str) -> int:
    """The stable 64-bit key of a line: A-Z lowered, digits as ``0``, spaces collapsed.

    Two lines with the same key count as the same line ("© 2024 Site" and
    "© 2025 site" do).

    >>> line_hash("© 2024 Daily  Example") == line_hash("© 2025 daily example")
    True
    """
    return int.from_bytes(_digest(_fold(line).strip()), "little")


def _host_of(url: str) -> str | None:
    rest = url.split("://", 1)[1] if "://" in url else url
    host = rest.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0].rsplit("@", 1)[-1]
    host = host.split(":", 1)[0].strip(".").lower()
    return host or None


def site_of(url: str | None = None, source: str | None = None) -> str | None:
    """The site a page belongs to: the registered domain of ``url``, else ``source``.

    The registered domain comes from courlan (a trafilatura dependency), which
    uses a bundled copy of the Public Suffix List and never fetches it.

    >>> site_of("https://news.bbc.co.uk/world"), site_of("http://www.example.com:8080/a")
    ('bbc.co.uk', 'example.com')
    >>> site_of(None, "Reuters"), site_of("http://localhost/x")
    ('reuters', 'localhost')
    """
    if url:
        from courlan import extract_domain

        full = url if "://" in url else "http://" + url
        try:
            domain = extract_domain(full)
        except (ValueError, TypeError):  # pragma: no cover - courlan returns None on junk
            domain = None
        if domain:
            return str(domain).lower()
        host = _host_of(url)
        if host and " " not in host:
            return host
    if source and source.strip():
        return source.strip().lower()
    return None


@dataclass(frozen=True)
class LearnOptions:
    """How :meth:`SiteProfiles.learn` decides what is a site's boilerplate.

    Attributes:
        min_share: a line must be on at least this share of the site's distinct
            stories (pages that are copies of a counted story are not counted).
        min_pages: sites with fewer distinct stories learn nothing.
        edge_lines: a line above the page's first story sentence, below its last
            one, or among its first or last ``edge_lines`` lines (a third of the
            page at most) is at the edge, where templates sit. A story sentence
            has 12 words or more, ends like a sentence and is not frequent on
            the site yet.
        min_edge_share: a line found at the edge in less than this share of its
            occurrences is a mid-page line and needs ``mid_share``.
        mid_share: the share a mid-page line needs.
        long_words: a line of at least this many words is a long paragraph...
        long_share: ...and needs this share.
        max_entries: most line counters held at once over all sites (the memory
            bound: about 110 bytes each); when exceeded, the rarest are dropped
            (lossy counting: a dropped line can only be under-counted).
        skip_copies: count a page whose longest rare lines were all seen on the
            site before (a copy of a counted story) no more.

    >>> LearnOptions(min_share=1.5)
    Traceback (most recent call last):
    ...
    newsclean.errors.OptionsError: LearnOptions.min_share must be a number in (0, 1], got 1.5
    """

    min_share: float = 0.3
    min_pages: int = 10
    edge_lines: int = 8
    min_edge_share: float = 0.8
    mid_share: float = 0.7
    long_words: int = 20
    long_share: float = 0.5
    max_entries: int = 500_000
    skip_copies: bool = True

    def __post_init__(self) -> None:
        for name in ("min_share", "min_edge_share", "mid_share", "long_share"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1:
                raise OptionsError(f"LearnOptions.{name} must be a number in (0, 1], got {value!r}")
        limits = {
            "min_pages": (2, 10**9),
            "edge_lines": (0, 1000),
            "long_words": (1, 10**6),
            "max_entries": (1000, 10**10),
        }
        for name, (lo, hi) in limits.items():
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
                raise OptionsError(
                    f"LearnOptions.{name} must be an int between {lo} and {hi}, got {value!r}"
                )
        if not isinstance(self.skip_copies, bool):
            raise OptionsError(f"LearnOptions.skip_copies must be a bool, got {self.skip_copies!r}")


@dataclass(frozen=True)
class SiteLine:
    """One learned boilerplate line of a site.

    ``share``: the share of the site's distinct stories it was on;
    ``pages``: on how many; ``edge``: the share of those where it sat at the
    top or bottom of the page.
    """

    text: str
    share: float
    pages: int = 0
    edge: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "share": round(self.share, 4),
            "pages": self.pages,
            "edge": round(self.edge, 4),
        }


class _Unit(Protocol):
    """What :meth:`SiteProfile.mark` needs of a cleaner unit."""

    line_no: int
    text: str
    reason: Reason | None


@dataclass(frozen=True)
class SiteProfile:
    """The learned boilerplate of one site.

    >>> p = SiteProfile("example.org", 40, (SiteLine("Exit mobile version", 0.95, 38),))
    >>> p.match("exit  MOBILE version").share
    0.95
    >>> p.match("A line of story text.") is None
    True
    """

    site: str
    pages: int
    lines: tuple[SiteLine, ...] = ()
    _index: Mapping[bytes, SiteLine] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        # A plain dict (not a mapping proxy): profiles are pickled to worker processes.
        object.__setattr__(self, "_index", {_digest(_fold(s.text).strip()): s for s in self.lines})

    def match(self, line: str) -> SiteLine | None:
        """The learned line ``line`` is (same key), or ``None``."""
        return self._index.get(_digest(_fold(line).strip()))

    def mark(
        self, units: Sequence[_Unit], meta: dict[str, Any], keep: Iterable[Reason] = ()
    ) -> int:
        """Give every unit of the profile reason ``site_boilerplate`` (the cleaner's hook).

        Records ``meta["site_boilerplate"] = {"site", "pages", "lines": [{"line_no", "share"}]}``
        and returns how many units were marked.
        """
        if Reason.SITE_BOILERPLATE in frozenset(keep) or not self._index:
            return 0
        hits: list[dict[str, Any]] = []
        for u in units:
            if u.reason is not None:
                continue
            found = self.match(u.text)
            if found is not None:
                u.reason = Reason.SITE_BOILERPLATE
                hits.append({"line_no": u.line_no, "share": round(found.share, 4)})
        if hits:
            meta["site_boilerplate"] = {"site": self.site, "pages": self.pages, "lines": hits}
        return len(hits)

    def strip(self, text: str) -> tuple[str, int]:
        """``text`` (paragraphs separated by blank lines) without the profile's paragraphs.

        >>> p = SiteProfile("example.org", 40, (SiteLine("Exit mobile version", 0.95, 38),))
        >>> p.strip("Story.\\n\\nExit mobile version")
        ('Story.', 1)
        """
        paragraphs = [p.strip() for p in text.split("\n\n")]
        kept = [p for p in paragraphs if p and self.match(p) is None]
        return "\n\n".join(kept), sum(1 for p in paragraphs if p) - len(kept)

    def to_dict(self) -> dict[str, Any]:
        return {"pages": self.pages, "lines": [s.to_dict() for s in self.lines]}


# ASCII digits all become "0" ("© 2024" and "© 2025" are one line): a bytes
# table, applied to the whole page at once (much faster than a regex per line).
# Letters A-Z are lowered in the same table: str.casefold on a whole page costs
# about as much as all the rest of the key (case beyond ASCII is kept).
_FOLD_TABLE = bytes.maketrans(
    b"123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"000000000abcdefghijklmnopqrstuvwxyz"
)
_SPACES_B_RE = re.compile(rb" {2,}")


def _fold(text: str) -> bytes:
    """The key form of normalized text: ASCII lowercase, digits as 0, spaces collapsed (UTF-8)."""
    data = text.encode("utf-8", "surrogatepass").translate(_FOLD_TABLE)
    return _SPACES_B_RE.sub(b" ", data) if b"  " in data else data


def _page_lines(text: str) -> tuple[list[str], list[bytes]]:
    """Every line of a page (as shown) and its key; the whole page is folded at once."""
    norm = normalize_text(text)
    # Folding keeps every line break: the two splits line up.
    return norm.split("\n"), _fold(norm).split(b"\n")


# A story sentence: at least 12 words, ending like a sentence (ASCII or UTF-8 bytes).
_PROSE_SPACES = 11
_SENTENCE_ENDS = tuple(c.encode("utf-8") for c in '.!?…"”»')


# A line's counters packed in one int (an int is ~32 bytes, a list of three ~88):
# pages it was on | pages where it sat at the edge << 24 | possible undercount << 48.
_COUNT_BITS = 24
_COUNT_MASK = (1 << _COUNT_BITS) - 1
_MAX_SITE_PAGES = _COUNT_MASK  # a site stops counting there (16.7 million stories)


class _SiteCounts:
    """Line counters of one site: hash -> packed (pages, at the edge, possible undercount)."""

    __slots__ = ("counts", "pages", "seen", "stories", "texts")

    def __init__(self) -> None:
        self.pages = 0  # distinct stories counted
        self.seen = 0  # pages seen, copies included
        self.counts: dict[bytes, int] = {}
        self.texts: dict[bytes, str] = {}
        self.stories: set[bytes] = set()


class ProfileLearner:
    """Streaming learner behind :meth:`SiteProfiles.learn`: feed pages, then :meth:`profiles`.

    Memory is bounded by ``LearnOptions.max_entries`` counters whatever the
    number of pages.

    >>> learner = ProfileLearner(LearnOptions(min_pages=3))
    >>> for word in ("rain", "snow", "fog", "sun", "hail"):
    ...     _ = learner.add(f"Top line\\n\\nA story about {word} and what it did.", site="x.org")
    >>> [s.text for s in learner.profiles()["x.org"].lines]
    ['Top line']
    """

    def __init__(self, options: LearnOptions | None = None) -> None:
        if options is not None and not isinstance(options, LearnOptions):
            raise InputTypeError(f"options must be LearnOptions, got {type(options).__name__}")
        self.options = options or LearnOptions()
        self._sites: dict[str, _SiteCounts] = {}
        self._entries = 0
        self._level = 0  # lossy-counting prune level: max undercount of a new counter
        self._domains: dict[str, str | None] = {}  # host -> site, for this learner only
        self.pages_seen = 0
        self.pages_without_site = 0

    def _site(self, url: str | None, source: str | None) -> str | None:
        if url:
            host = _host_of(url) or url
            if host not in self._domains:
                if len(self._domains) > 100_000:
                    self._domains.clear()
                self._domains[host] = site_of(url)
            found = self._domains[host]
            if found:
                return found
        return site_of(None, source)

    def add(self, text: str, *, url: str | None = None, site: str | None = None) -> bool:
        """Count one page (its text) for its site; ``site`` wins over ``url``.

        Returns whether the page was counted (``False``: no site, empty, or a
        copy of a story already counted).
        """
        if not isinstance(text, str):
            raise InputTypeError(f"text must be str, got {type(text).__name__}")
        self.pages_seen += 1
        name = site.strip().lower() if site and site.strip() else self._site(url, None)
        if name is None:
            self.pages_without_site += 1
            return False
        return self._add(name, text)

    def add_record(self, record: Any) -> bool:
        """Count a record: a mapping with ``text`` and ``url``/``site``/``source``,
        or a :class:`newsclean.io.Record` (its ``source`` is a file position, not a site)."""
        if isinstance(record, Mapping):
            text = record.get("text")
            url = record.get("url")
            site = record.get("site") or record.get("source")
            if not isinstance(text, str):
                self.pages_seen += 1
                return False
            return self.add(
                text,
                url=url if isinstance(url, str) else None,
                site=site if isinstance(site, str) else None,
            )
        text = getattr(record, "text", None)
        url = getattr(record, "url", None)
        if isinstance(text, str):
            return self.add(text, url=url if isinstance(url, str) else None)
        self.pages_seen += 1
        return False

    def _add(self, name: str, text: str) -> bool:
        shown, folded = _page_lines(text)
        sc = self._sites.get(name)
        if sc is None:
            sc = self._sites[name] = _SiteCounts()
        counts = sc.counts
        # A line on a fifth of the stories so far is no story sentence (a long
        # template sentence must not move the story's bounds).
        frequent = max(2, sc.pages // 5)
        keyed: dict[bytes, tuple[int, int]] = {}  # line hash -> (line index, non-empty index)
        lengths: dict[bytes, int] = {}
        n = 0
        first_prose = last_prose = -1  # story sentences: templates sit outside them
        for i, raw in enumerate(folded):
            key = raw.strip()
            if key:
                h = _digest(key)
                if h not in keyed:
                    keyed[h] = (i, n)
                    lengths[h] = len(key)
                if (
                    key.count(b" ") >= _PROSE_SPACES
                    and key.endswith(_SENTENCE_ENDS)
                    and (counts.get(h, 0) & _COUNT_MASK) < frequent
                ):
                    if first_prose < 0:
                        first_prose = n
                    last_prose = n
                n += 1
        if not keyed or sc.pages >= _MAX_SITE_PAGES:
            return False
        sc.seen += 1
        if self.options.skip_copies:
            # The page's fingerprint: its two longest lines not (yet) frequent on
            # the site. All of them seen before: a copy of a counted story.
            rare = [
                h for h, k in lengths.items() if k >= 40 and (counts.get(h, 0) & _COUNT_MASK) < 2
            ]
            prints = sorted(rare, key=lengths.__getitem__, reverse=True)[:2]
            if prints and all(p in sc.stories for p in prints):
                return False
            before = len(sc.stories)
            sc.stories.update(prints)
            self._entries += len(sc.stories) - before  # in the memory budget too
        sc.pages += 1
        # At the edge: above the first or below the last story sentence, or among
        # the first/last lines (a third of the page at most: the middle stays
        # the middle on a short page).
        e = min(self.options.edge_lines, max(2, n // 3))
        top, bottom = max(e, first_prose), min(n - e, last_prose + 1 if last_prose >= 0 else n)
        base = self._level << (2 * _COUNT_BITS)  # the lossy-counting undercount
        edge_one = 1 | (1 << _COUNT_BITS)
        for h, (i, j) in keyed.items():
            add = edge_one if (j < top or j >= bottom) else 1
            c = counts.get(h)
            if c is None:
                counts[h] = base + add
                self._entries += 1
            else:
                counts[h] = c + add
                if (c & _COUNT_MASK) == 1:  # now on two pages: keep its text
                    sc.texts[h] = _SPACES_RE.sub(" ", shown[i]).strip()
        if self._entries > self.options.max_entries:
            self._prune()
        return True

    def _prune(self) -> None:
        """Drop the rarest counters until half the budget is free (lossy counting)."""
        target = self.options.max_entries // 2
        while self._entries > target:
            self._level += 1
            cut = self._level
            total = 0
            for name in list(self._sites):
                sc = self._sites[name]
                # New dicts, not deletions: a dict never shrinks its table, and the
                # tables of all sites would add up past the budget.
                sc.counts = {
                    h: c
                    for h, c in sc.counts.items()
                    if (c & _COUNT_MASK) + (c >> (2 * _COUNT_BITS)) > cut
                }
                sc.texts = {h: t for h, t in sc.texts.items() if h in sc.counts}
                # Fingerprints of earlier stories go too: only copy detection forgets
                # (a copy of a story seen before the prune is counted once more).
                sc.stories.clear()
                total += len(sc.counts)
            self._entries = total

    def profiles(self) -> SiteProfiles:
        """The profiles learned so far (the learner can go on counting)."""
        o = self.options
        out: dict[str, SiteProfile] = {}
        for name, sc in self._sites.items():
            n = sc.pages
            if n < o.min_pages:
                continue
            learned: list[SiteLine] = []
            for h, packed in sc.counts.items():
                c = packed & _COUNT_MASK
                e = (packed >> _COUNT_BITS) & _COUNT_MASK
                share = c / n
                if share < o.min_share or h not in sc.texts:
                    continue
                text = sc.texts[h]
                need = o.min_share
                if e / c < o.min_edge_share:
                    need = max(need, o.mid_share)
                if text.count(" ") + 1 >= o.long_words:
                    need = max(need, o.long_share)
                if share >= need:
                    learned.append(SiteLine(text, min(share, 1.0), c, e / c))
            if learned:
                learned.sort(key=lambda s: (-s.share, s.text))
                out[name] = SiteProfile(name, n, tuple(learned))
        return SiteProfiles(out, options=o)


class SiteProfiles(Mapping[str, SiteProfile]):
    """Learned boilerplate of many sites: a read-only mapping site -> :class:`SiteProfile`.

    Profiles are data: :meth:`save` writes a versioned JSON file a person can
    read and edit (delete a line, add one with its ``text``), :meth:`load`
    reads it back, :meth:`merge` combines runs.

    >>> import tempfile, os
    >>> p = SiteProfiles({"a.org": SiteProfile("a.org", 10, (SiteLine("Menu", 1.0, 10),))})
    >>> path = os.path.join(tempfile.mkdtemp(), "profiles.json")
    >>> p.save(path)
    >>> SiteProfiles.load(path)["a.org"].lines[0].text
    'Menu'
    >>> p.for_url("https://www.a.org/story").site
    'a.org'
    """

    def __init__(
        self,
        profiles: Mapping[str, SiteProfile] | None = None,
        *,
        options: LearnOptions | None = None,
    ) -> None:
        self._profiles = dict(profiles or {})
        self.options = options or LearnOptions()

    # Mapping
    def __getitem__(self, site: str) -> SiteProfile:
        return self._profiles[site]

    def __iter__(self) -> Iterator[str]:
        return iter(self._profiles)

    def __len__(self) -> int:
        return len(self._profiles)

    def __repr__(self) -> str:
        lines = sum(len(p.lines) for p in self._profiles.values())
        return f"SiteProfiles({len(self)} sites, {lines} lines)"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SiteProfiles):
            return NotImplemented
        return self.to_dict() == other.to_dict()

    __hash__ = None  # type: ignore[assignment]

    # ------------------------------------------------------------ learning
    @classmethod
    def learn(cls, records: Iterable[Any], options: LearnOptions | None = None) -> SiteProfiles:
        """Learn every site's boilerplate from ``records`` in one pass.

        Records are mappings with ``text`` and ``url`` (or ``site``/``source``
        naming the site), or :class:`newsclean.io.Record` objects with text.
        See :class:`LearnOptions` for the decision.
        """
        learner = ProfileLearner(options)
        for r in records:
            learner.add_record(r)
        return learner.profiles()

    def for_url(self, url: str | None = None, *, source: str | None = None) -> SiteProfile | None:
        """The profile of the site of ``url`` (or named by ``source``), if learned."""
        name = site_of(url, source)
        return None if name is None else self._profiles.get(name)

    # --------------------------------------------------------------- merge
    def merge(self, other: SiteProfiles) -> SiteProfiles:
        """Both runs combined: pages add up; a line's share is re-weighted by pages.

        A line the other run did not learn counts as absent there; lines whose
        combined share falls under ``min_share`` are dropped. A line with no
        page count at all (written by hand into a site with ``"pages": 0``) is kept.

        >>> a = SiteProfiles({"s.org": SiteProfile("s.org", 30, (SiteLine("Menu", 1.0, 30),))})
        >>> b = SiteProfiles({"s.org": SiteProfile("s.org", 10, (SiteLine("Footer", 0.9, 9),))})
        >>> [(s.text, s.share) for s in a.merge(b)["s.org"].lines]
        [('Menu', 0.75)]
        """
        if not isinstance(other, SiteProfiles):
            raise InputTypeError(f"merge() expects SiteProfiles, got {type(other).__name__}")
        min_share = min(self.options.min_share, other.options.min_share)
        out: dict[str, SiteProfile] = {}
        for name in {*self._profiles, *other._profiles}:
            a, b = self._profiles.get(name), other._profiles.get(name)
            if a is None or b is None:
                only = a if a is not None else b
                if only is not None:
                    out[name] = only
                continue
            total = a.pages + b.pages
            by_key: dict[bytes, tuple[SiteLine, int, float]] = {}
            manual: dict[bytes, SiteLine] = {}
            for prof in (a, b):
                for s in prof.lines:
                    k = _digest(_fold(s.text).strip())
                    pages = s.pages or round(s.share * prof.pages)
                    if pages == 0:
                        manual.setdefault(k, s)
                        continue
                    edge_pages = s.edge * pages
                    if k in by_key:
                        first, p0, e0 = by_key[k]
                        by_key[k] = (first, p0 + pages, e0 + edge_pages)
                    else:
                        by_key[k] = (s, pages, edge_pages)
            merged = [
                SiteLine(s.text, min(p / max(total, p), 1.0), p, e / p)
                for s, p, e in by_key.values()
                if p / max(total, p) >= min_share
            ]
            merged += [s for k, s in manual.items() if k not in by_key]
            merged.sort(key=lambda s: (-s.share, s.text))
            if merged:
                out[name] = SiteProfile(name, total, tuple(merged))
        opts = self.options
        return SiteProfiles(dict(sorted(out.items())), options=opts)

    # ------------------------------------------------------------------ IO
    def to_dict(self) -> dict[str, Any]:
        """The JSON document :meth:`save` writes."""
        return {
            "format": PROFILE_FORMAT,
            "version": PROFILE_VERSION,
            "options": asdict(self.options),
            "sites": {name: self._profiles[name].to_dict() for name in sorted(self._profiles)},
        }

    @classmethod
    def from_dict(cls, data: Any, *, where: str = "profiles") -> SiteProfiles:
        """Profiles from :meth:`to_dict` output.

        Raises:
            ProfileError: not a newsclean profiles document, another version, or
                a malformed entry (the message says which).
        """
        if not isinstance(data, Mapping) or data.get("format") != PROFILE_FORMAT:
            raise ProfileError(
                f'{where}: not a newsclean site-profiles file (no "format": "{PROFILE_FORMAT}")'
            )
        version = data.get("version")
        if version != PROFILE_VERSION:
            raise ProfileError(
                f"{where}: site-profiles version {version!r} is not supported (this newsclean reads {PROFILE_VERSION})"
            )
        raw_opts = data.get("options", {})
        if not isinstance(raw_opts, Mapping):
            raise ProfileError(f'{where}: "options" must be an object')
        known = {f.name for f in fields(LearnOptions)}
        try:
            options = LearnOptions(**{k: v for k, v in raw_opts.items() if k in known})
        except (OptionsError, TypeError) as exc:
            raise ProfileError(f"{where}: bad options: {exc}") from None
        sites = data.get("sites")
        if not isinstance(sites, Mapping):
            raise ProfileError(f'{where}: "sites" must be an object of site -> profile')
        out: dict[str, SiteProfile] = {}
        for name, entry in sites.items():
            at = f"{where}: site {name!r}"
            if not isinstance(name, str) or not name or not isinstance(entry, Mapping):
                raise ProfileError(f'{at}: must be an object with "pages" and "lines"')
            pages = entry.get("pages")
            if isinstance(pages, bool) or not isinstance(pages, int) or pages < 0:
                raise ProfileError(f'{at}: "pages" must be a non-negative int, got {pages!r}')
            raw_lines = entry.get("lines")
            if not isinstance(raw_lines, list):
                raise ProfileError(f'{at}: "lines" must be a list')
            lines: list[SiteLine] = []
            for j, item in enumerate(raw_lines):
                if isinstance(item, str):
                    item = {"text": item}
                if (
                    not isinstance(item, Mapping)
                    or not isinstance(item.get("text"), str)
                    or not item["text"].strip()
                ):
                    raise ProfileError(f'{at}: line {j} must be an object with a non-empty "text"')
                share = item.get("share", 1.0)
                n = item.get("pages", 0)
                edge = item.get("edge", 1.0)
                if (
                    isinstance(share, bool)
                    or not isinstance(share, (int, float))
                    or not 0 <= share <= 1
                ):
                    raise ProfileError(f'{at}: line {j}: "share" must be a number in [0, 1]')
                if isinstance(n, bool) or not isinstance(n, int) or n < 0:
                    raise ProfileError(f'{at}: line {j}: "pages" must be a non-negative int')
                if (
                    isinstance(edge, bool)
                    or not isinstance(edge, (int, float))
                    or not 0 <= edge <= 1
                ):
                    raise ProfileError(f'{at}: line {j}: "edge" must be a number in [0, 1]')
                lines.append(SiteLine(item["text"].strip(), float(share), n, float(edge)))
            out[name] = SiteProfile(name, pages, tuple(lines))
        return cls(out, options=options)

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the profiles as indented JSON (atomically: a temp file renamed)."""
        target = Path(path)
        tmp = target.with_name(f".{target.name}.tmp")
        try:
            tmp.write_text(
                json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
            )
            os.replace(tmp, target)
        except OSError as exc:
            raise InputError(f"cannot write {str(target)!r}: {exc.strerror or exc}") from None

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> SiteProfiles:
        """Read a file written by :meth:`save` (or by hand).

        Raises:
            InputError: the file cannot be read.
            ProfileError: it is not valid JSON or not a site-profiles document.
        """
        where = str(path)
        try:
            raw = Path(path).read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise ProfileError(f"{where}: not a site-profiles file (not UTF-8 text)") from None
        except OSError as exc:
            raise InputError(f"cannot read {where!r}: {exc.strerror or exc}") from None
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise ProfileError(
                f"{where}: not valid JSON ({exc.msg} at line {exc.lineno})"
            ) from None
        return cls.from_dict(data, where=where)
