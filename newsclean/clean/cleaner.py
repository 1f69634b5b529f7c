"""The plain-text cleaner: scraped text in, :class:`~newsclean.Article` out.

The steps, in order (each a method below):

1. normalize and split into paragraph units (:mod:`.normalize`);
2. lexicon rules that hold anywhere (:mod:`.lexicon` data files);
3. the headline: found from its repeats at the top (or given), every variant
   of it removed wherever it appears, page chrome above it removed;
4. bylines and time stamps, parsed into ``meta`` (:mod:`.meta`);
5. exact duplicate paragraphs;
6. the body zone: from the first to the last real paragraph; lexicon rules
   that only hold at the edges (top/bottom) run outside it, and so do runs of
   menu-like short lines;
7. related-story lists under their marker;
8. output: paragraphs, section headings, removals, meta.

>>> from newsclean import Cleaner
>>> a = Cleaner().clean("Skip to content\\n\\nA Quiet Day\\n\\nA Quiet Day\\n\\n"
...                     "Nothing much happened in the village today, residents said, "
...                     "and that is exactly how they like it.\\n\\nShare this:")
>>> a.title, a.text[:20]
('A Quiet Day', 'Nothing much happene')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..article import Article, Reason, Removal
from ..errors import InputTypeError, MissingDependencyError
from .lexicon import RuleSet, line_key, load_builtin, parse_rules, read_entries
from .meta import MetaParser
from .normalize import split_units
from .options import CleanOptions

__all__ = ["Cleaner", "clean_text"]

# Lexicon rules in priority order: the first that matches names the reason.
LEXICON_REASONS: tuple[Reason, ...] = (
    Reason.DECORATION,
    Reason.NAVIGATION,
    Reason.SHARE_WIDGET,
    Reason.ADVERTISEMENT,
    Reason.COOKIE_NOTICE,
    Reason.NEWSLETTER,
    Reason.COMMENTS_SCAFFOLD,
    Reason.RELATED_LINKS,
    Reason.COPYRIGHT,
    Reason.DISCLAIMER,
    Reason.PHOTO_CREDIT,
    Reason.TAGS_META,
    Reason.SOURCE_LABEL,
)
# Rules driven by a parser; users may still add phrases/patterns to them.
PARSED_REASONS: tuple[Reason, ...] = (Reason.BYLINE, Reason.TIMESTAMP)

_END_PUNCT = frozenset('.!?…;:"”’»)]')
_SENTENCE_END = frozenset(".!?…")
_BULLET_RE = re.compile(r"^(?:[-*•·▪‣◦●○■□➤►▶✓✔–—]|\d{1,3}[.)])\s")
_SITE_SEP_RE = re.compile(r"\s+(?:\||-|–|—|::|·|•|»)\s+")
_SEGMENT_SEP_RE = re.compile(r"\s+[|·•]\s+|\s*\|\s*")
_MAX_PARSE_CHARS = 200
_MAX_KEY_CHARS = 5000


@dataclass
class _U:
    """Working state of one unit."""

    idx: int
    line_no: int
    text: str
    key: str
    n_words: int
    reason: Reason | None = None
    marker: bool = False  # a bare related-links marker

    @property
    def kept(self) -> bool:
        return self.reason is None


def _make_unit(idx: int, line_no: int, text: str) -> _U:
    if len(text) > _MAX_KEY_CHARS:
        # Far longer than any junk line: no phrase can match, so skip the key.
        return _U(idx, line_no, text, "", text.count(" ") + 1)
    key = line_key(text)
    return _U(idx, line_no, text, key, len(key.split()) if key else 0)


def _ends_sentence(text: str) -> bool:
    t = text.rstrip('"”’»)]*')
    return bool(t) and t[-1] in _SENTENCE_END


def _tokens(u: _U) -> tuple[str, ...]:
    return tuple(u.key.split())


def _is_prefix(short: Sequence[str], long: Sequence[str], truncated: bool) -> bool:
    n = len(short)
    if truncated and n >= 2:
        return tuple(long[: n - 1]) == tuple(short[:-1]) and long[n - 1].startswith(short[-1])
    return tuple(long[:n]) == tuple(short)


def _variant(a: _U, b_tokens: tuple[str, ...], b_text: str) -> bool:
    """Whether unit ``a`` and a headline (tokens/text) are variants of one headline."""
    ta = _tokens(a)
    if not ta or not b_tokens:
        return False
    if ta == b_tokens:
        return True
    if len(ta) <= len(b_tokens):
        short, long, short_text = ta, b_tokens, a.text
    else:
        short, long, short_text = b_tokens, ta, b_text
    if len(short) < 3:
        return False
    truncated = short_text.rstrip().endswith(("...", "…"))
    if _is_prefix(short, long, truncated):
        return True
    # "Site Name: Headline" / "Section | Headline"
    return len(short) >= 4 and tuple(long[-len(short) :]) == tuple(short)


class Cleaner:
    """A reusable, configured plain-text cleaner.

    Build it once (lexicons are compiled here) and call :meth:`clean` for
    every document; it holds no state between calls.

    >>> from newsclean import Cleaner, CleanOptions, Reason
    >>> c = Cleaner(CleanOptions(keep={Reason.ADVERTISEMENT}))
    >>> c.clean("Advertisement\\n\\nThe council met on Tuesday and approved the new budget "
    ...         "after a long debate about library funding.").paragraphs[0]
    'Advertisement'
    """

    def __init__(self, options: CleanOptions | None = None) -> None:
        if options is not None and not isinstance(options, CleanOptions):
            raise InputTypeError(f"options must be CleanOptions, got {type(options).__name__}")
        self.options = options or CleanOptions()
        if self.options.fix_mojibake:
            try:
                import ftfy  # noqa: F401
            except ImportError:
                raise MissingDependencyError(
                    "fix_mojibake needs ftfy: pip install 'newsclean[ftfy]'"
                ) from None
        self._rules = _build_rules(self.options)
        self._parsed_extra = {
            r: _build_rule(r, self.options, builtin=False) for r in PARSED_REASONS
        }
        self._meta = MetaParser.builtin()

    # ------------------------------------------------------------------ API
    def clean(self, text: str, title: str | None = None) -> Article:
        """Clean one scraped plain-text article.

        Args:
            text: the scraped text.
            title: the headline when known; otherwise it is detected.

        Raises:
            InputTypeError: ``text`` is not a ``str`` (or ``title`` not ``str``/``None``).
        """
        if not isinstance(text, str):
            raise InputTypeError(
                f"clean_text() expects str, got {type(text).__name__}"
                + (
                    " (decode it first, or use newsclean.extract for HTML)"
                    if isinstance(text, (bytes, bytearray))
                    else ""
                )
            )
        if title is not None and not isinstance(title, str):
            raise InputTypeError(f"title must be str or None, got {type(title).__name__}")
        if self.options.fix_mojibake:
            import ftfy

            text = ftfy.fix_text(text)
        units = [
            _make_unit(i, u.line_no, u.text)
            for i, u in enumerate(split_units(text, join_wrapped=self.options.join_wrapped_lines))
        ]
        meta: dict[str, Any] = {}
        keep = self.options.keep

        self._lexicon_pass(units, edge=None)
        title_out, title_source = self._title(units, title, meta)
        self._bylines(units, meta)
        if Reason.DUPLICATE_PARAGRAPH not in keep:
            self._duplicates(units)
        first, last = self._body_zone(units)

        def edge(i: int) -> bool:
            return i < first or i > last

        self._lexicon_pass(units, edge=edge)
        self._related(units, edge)
        self._nav_runs(units, edge)
        if title_source == "first_line" and title_out is not None:
            title_out, title_source = self._lone_title(units, first, title_out)
        if title_out is not None:
            meta["title_source"] = title_source
        if "date" not in meta and "date_modified" in meta:
            meta["date"] = meta["date_modified"]

        kept = [u for u in units if u.kept]
        paragraphs = tuple(u.text for u in kept)
        headings = tuple(u.text for j, u in enumerate(kept) if self._is_heading(kept, j))
        removed = tuple(Removal(u.line_no, u.text, u.reason) for u in units if u.reason is not None)
        return Article(
            title=title_out,
            text="\n\n".join(paragraphs),
            paragraphs=paragraphs,
            headings=headings,
            removed=removed,
            meta=meta,
        )

    # --------------------------------------------------------------- steps
    def _assign(self, u: _U, reason: Reason) -> bool:
        if reason in self.options.keep:
            return False
        u.reason = reason
        return True

    def _lexicon_pass(self, units: list[_U], edge: Any) -> None:
        """Run every lexicon rule over the kept units, in input order.

        ``edge`` is ``None`` in the first pass (edge-only entries off) and a
        predicate on the unit index in the second.
        """
        prev: Reason | None = None
        for u in units:
            if not u.kept:
                prev = u.reason
                continue
            at_edge = bool(edge(u.idx)) if edge is not None else False
            for rules in self._rules:
                follows = prev is rules.reason
                if rules.match_phrase(u.key, u.n_words, zone_edge=at_edge, follows=follows):
                    if self._assign(u, rules.reason):
                        u.marker = rules.reason is Reason.RELATED_LINKS and u.key in rules.phrases
                        break
                elif rules.match_pattern(
                    u.text, zone_edge=at_edge, follows=follows
                ) and self._assign(u, rules.reason):
                    break
            prev = u.reason

    def _is_content(self, u: _U) -> bool:
        n = self.options.min_content_words
        return u.kept and (u.n_words >= 2 * n or (u.n_words >= n and _ends_sentence(u.text)))

    def _headline_like(self, u: _U) -> bool:
        return (
            u.kept
            and 1 <= u.n_words <= self.options.max_title_words
            and len(u.text) <= 300
            and (u.text.endswith(("...", "…")) or not _ends_sentence(u.text))
            and not _BULLET_RE.match(u.text)
        )

    def _title(
        self, units: list[_U], given: str | None, meta: dict[str, Any]
    ) -> tuple[str | None, str]:
        """Find the headline and remove it and its variants. Returns (title, source)."""
        first_content = next((u.idx for u in units if self._is_content(u)), len(units))
        header = [u for u in units[: min(first_content, 40)] if self._headline_like(u)]
        candidates = [u for u in units if self._headline_like(u)]
        if given is not None:
            g = " ".join(given.split())
            if not g:
                return None, "given"
            g_unit = _U(-1, 0, g, line_key(g), len(line_key(g).split()))
            tokens = [_tokens(g_unit)]
            base = _SITE_SEP_RE.split(g)[0]
            if base != g:
                tokens.append(tuple(line_key(base).split()))
            members = [u for u in candidates if any(_variant(u, t, g) for t in tokens if t)]
            self._remove_title(units, members)
            return g, "given"
        if not self.options.detect_title:
            return None, "none"

        used: set[int] = set()
        groups: list[list[_U]] = []
        for h in header:
            if h.idx in used or h.n_words < 2:
                continue
            group = [h]
            frontier = [h]
            seen = {h.idx}
            while frontier:
                cur = frontier.pop()
                for c in candidates:
                    if c.idx not in seen and _variant(c, _tokens(cur), cur.text):
                        seen.add(c.idx)
                        group.append(c)
                        if c.idx < first_content:
                            frontier.append(c)
            used |= seen
            if len(group) >= 2:
                groups.append(sorted(group, key=lambda x: x.idx))
        if not groups:
            lone = next((u for u in header if u.n_words >= 2), None)
            return (lone.text if lone else None), "first_line"
        title_group = groups[0]
        title = self._most_complete(title_group)
        self._remove_title(units, title_group)
        for other in groups[1:]:
            best = max(other, key=lambda x: (x.n_words, -x.idx))
            for u in other:
                if u is not best and u.kept:
                    self._assign(u, Reason.DUPLICATE_PARAGRAPH)
        return title, "repeated"

    def _most_complete(self, group: list[_U]) -> str:
        best = max(group, key=lambda x: (x.n_words, -x.idx))
        text = best.text
        parts = _SITE_SEP_RE.split(text)
        if len(parts) >= 2:
            head = parts[0]
            head_tokens = tuple(line_key(head).split())
            tail_tokens = line_key(text[len(head) :]).split()
            # Strip a " | Site Name" suffix when another variant lacks it.
            if (
                len(tail_tokens) <= 5
                and any(
                    _tokens(u) != _tokens(best)
                    and _tokens(u)[-len(tail_tokens) :] != tuple(tail_tokens)
                    for u in group
                )
                and head_tokens
            ):
                text = head
        return text.rstrip(" .")

    def _remove_title(self, units: list[_U], members: list[_U]) -> None:
        if not members:
            return
        for u in members:
            self._assign(u, Reason.REPEATED_TITLE)
        # Page chrome above the first headline: short non-sentence lines.
        first = min(u.idx for u in members)
        for u in units[:first]:
            if u.kept and u.n_words <= 12 and not _ends_sentence(u.text):
                self._assign(u, Reason.NAVIGATION)

    def _lone_title(self, units: list[_U], first_content: int, title: str) -> tuple[str, str]:
        """A headline seen once: remove it only when the top of the page shows
        scraper residue (otherwise it may be a section heading of clean text)."""
        header = units[: min(first_content, len(units))]
        if any(not u.kept and u.reason is not Reason.DECORATION for u in header):
            lone = next((u for u in header if u.kept and u.text == title), None)
            if lone is not None and self._assign(lone, Reason.REPEATED_TITLE):
                for u in units[: lone.idx]:
                    if u.kept and u.n_words <= 12 and not _ends_sentence(u.text):
                        self._assign(u, Reason.NAVIGATION)
                return title, "first_line"
        return title, "first_line"

    def _bylines(self, units: list[_U], meta: dict[str, Any]) -> None:
        parser = self._meta
        for u in units:
            if not u.kept or len(u.text) > _MAX_PARSE_CHARS:
                continue
            extra_b = self._parsed_extra[Reason.BYLINE]
            extra_t = self._parsed_extra[Reason.TIMESTAMP]
            by = parser.parse_byline(u.text)
            if by is not None or extra_b.match(
                u.text, u.key, u.n_words, zone_edge=True, follows=False
            ):
                if not self._assign(u, Reason.BYLINE):
                    continue
                if by is not None:
                    if by.credit:
                        meta.setdefault("credits", []).append(u.text.strip("() "))
                    elif by.authors:
                        meta.setdefault("author", " and ".join(by.authors))
                        authors = meta.setdefault("authors", [])
                        authors.extend(a for a in by.authors if a not in authors)
                    if by.timestamp is not None:
                        self._record_time(
                            meta, by.timestamp.kind, by.timestamp.iso, by.timestamp.raw
                        )
                continue
            ts = parser.parse_timestamp(u.text)
            if ts is None:
                ts = self._composite_timestamp(u.text)
            matched = ts is not None or extra_t.match(
                u.text, u.key, u.n_words, zone_edge=True, follows=False
            )
            if matched and self._assign(u, Reason.TIMESTAMP) and ts is not None:
                self._record_time(meta, ts.kind, ts.iso, ts.raw)

    def _composite_timestamp(self, text: str) -> Any:
        """A line like "March 12, 2026 | 5 min read | Share": a time stamp whose other
        segments are all junk by some rule."""
        parts = [p for p in _SEGMENT_SEP_RE.split(text) if p]
        if len(parts) < 2:
            return None
        stamp = None
        for p in parts:
            ts = self._meta.parse_timestamp(p)
            if ts is not None:
                stamp = stamp or ts
                continue
            key = line_key(p)
            n = len(key.split())
            if not any(r.match(p, key, n, zone_edge=True, follows=False) for r in self._rules):
                return None
        return stamp

    @staticmethod
    def _record_time(meta: dict[str, Any], kind: str, iso: str | None, raw: str) -> None:
        if iso is None:
            meta.setdefault("date_text", raw)
            return
        if kind == "updated":
            meta.setdefault("date_modified", iso)
        else:
            meta.setdefault("date", iso)

    def _duplicates(self, units: list[_U]) -> None:
        seen: set[str] = set()
        for u in units:
            if not u.kept:
                continue
            k = " ".join(u.text.casefold().split())
            if k in seen:
                self._assign(u, Reason.DUPLICATE_PARAGRAPH)
            else:
                seen.add(k)

    def _body_zone(self, units: list[_U]) -> tuple[int, int]:
        content = [u.idx for u in units if self._is_content(u)]
        if not content:
            return len(units), -1  # everything is edge
        return content[0], content[-1]

    def _related(self, units: list[_U], edge: Any) -> None:
        limit = self.options.max_related_items
        for u in units:
            if not u.marker:
                continue
            taken = 0
            j = u.idx + 1
            while j < len(units) and taken < limit:
                v = units[j]
                if not v.kept:
                    j += 1
                    continue
                if not self._headline_like(v) or self._is_content(v) or v.text.endswith(":"):
                    break
                if not edge(v.idx):
                    nxt = next((w for w in units[j + 1 :] if w.kept), None)
                    if nxt is not None and self._is_content(nxt) and v.n_words <= 5:
                        break  # a section heading: the body goes on
                if not self._assign(v, Reason.RELATED_LINKS):
                    break
                taken += 1
                j += 1

    def _nav_runs(self, units: list[_U], edge: Any) -> None:
        max_words = self.options.max_nav_run_words
        if max_words == 0:
            return
        run: list[_U] = []

        def flush() -> None:
            if len(run) >= self.options.min_nav_run:
                for v in run:
                    self._assign(v, Reason.NAVIGATION)
            run.clear()

        for u in units:
            if not u.kept:
                continue  # removed lines do not break a menu
            if (
                edge(u.idx)
                and u.n_words <= max_words
                and u.text[-1] not in _END_PUNCT
                and not _BULLET_RE.match(u.text)
            ):
                run.append(u)
            else:
                flush()
        flush()

    def _is_heading(self, kept: list[_U], j: int) -> bool:
        u = kept[j]
        if j + 1 >= len(kept) or u.n_words == 0 or u.n_words > self.options.max_heading_words:
            return False
        text = u.text
        if len(text) > 150 or text[-1] in ".!?…,;:" or _BULLET_RE.match(text):
            return False
        if text[-1] in '"”’»' and len(text) > 1 and text[-2] in ".!?,":
            return False
        first = next((c for c in text if c.isalpha()), "")
        if first and first.islower():
            return False
        nxt = kept[j + 1]
        return nxt.n_words >= 1.5 * u.n_words or bool(_BULLET_RE.match(nxt.text))


def _build_rule(reason: Reason, options: CleanOptions, *, builtin: bool) -> RuleSet:
    lines: list[str] = []
    sources: list[str] = []
    if builtin and options.builtin_lexicons:
        lines.extend(load_builtin(reason.value))
        sources.append(f"builtin:{reason.value}.txt")
    for path in options.lexicon_files.get(reason, ()):
        lines.extend(read_entries(path))
        sources.append(str(path))
    return parse_rules(
        reason,
        lines,
        extra_phrases=options.extra_phrases.get(reason, ()),
        extra_patterns=options.extra_patterns.get(reason, ()),
        source=",".join(sources) or "<options>",
    )


@lru_cache(maxsize=1)
def _default_rules() -> tuple[RuleSet, ...]:
    # The packaged lexicons are immutable data: compiling them once per process
    # changes no result, it only saves the work.
    return tuple(_build_rule(r, CleanOptions(), builtin=True) for r in LEXICON_REASONS)


def _build_rules(options: CleanOptions) -> tuple[RuleSet, ...]:
    if (
        options.builtin_lexicons
        and not options.extra_phrases
        and not options.extra_patterns
        and not options.lexicon_files
    ):
        return _default_rules()
    return tuple(_build_rule(r, options, builtin=True) for r in LEXICON_REASONS)


def clean_text(
    text: str, *, title: str | None = None, options: CleanOptions | None = None
) -> Article:
    """Clean one scraped plain-text article (a one-shot :class:`Cleaner`).

    >>> from newsclean import clean_text
    >>> a = clean_text("hOME\\n\\nThe Vote Is In\\n\\nThe Vote Is In\\n\\nVoters in the town approved "
    ...                "the new school by a wide margin on Sunday, officials said.\\n\\nExit mobile version")
    >>> a.title, a.paragraphs
    ('The Vote Is In', ('Voters in the town approved the new school by a wide margin on Sunday, officials said.',))
    """
    return Cleaner(options).clean(text, title=title)
