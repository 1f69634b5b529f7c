"""An optional compiled pre-test for the lexicon pass (Hyperscan), exact by construction.

Most lines of a long article are body paragraphs that no lexicon pattern
matches; proving that costs the pure-Python path a gate-string scan plus a
few regex confirmations per line (~20 us a paragraph, a third of a
5,000-word article's cleaning). With `Hyperscan <https://www.hyperscan.io>`_
(the ``hyperscan`` package, Linux x86_64 wheels) the cleaner instead scans
the whole document once for every pattern of the length-tier unions, and the
Python path only runs on the lines where some pattern *may* match.

Exactness: the Hyperscan database never holds the lexicon's regexes as
written. Each pattern is rewritten (:func:`_rewrite`, on Python's own parse
tree) into a *superset* pattern over a small alphabet: the printable ASCII
characters plus a few common punctuation marks (:data:`_EXTRA`, all of them
non-word characters, so ``\\b`` means the same to both engines). Every
character class, literal and ``.`` becomes the explicit set of alphabet
characters that Python's ``re`` itself (with the pattern's flags, IGNORECASE
included) accepts there; lookarounds and back-references are dropped or
widened; large bounded repeats become unbounded. A Python match on a line
written in the alphabet is then a match of the rewritten pattern, so "no
Hyperscan match" proves "no Python match". Lines with any other character
(accented letters, other scripts, control characters) are not scanned and
take the Python path, as do all lines without the ``hyperscan`` package or
with user lexicons whose pattern cannot be rewritten.

>>> pf = Prefilter.build([r"^advertisement\\b", r"^share (?:this|on)\\b"])
>>> pf is None or [bool(m) for m in pf.scan(["Share this", "A paragraph."])] == [True, False]
True
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

__all__ = ["Prefilter", "available", "plain_text"]

_hs: Any
try:  # optional: Linux x86_64 wheels (the "fast" extra)
    import hyperscan as _hs
except ImportError:  # pragma: no cover - depends on the platform
    _hs = None

# re's parser and compiler (private modules, stable in 3.10-3.13): the
# rewrite walks the parse tree Python's own regex engine uses, so it cannot
# misread a pattern; without them (another Python) there is no prefilter.
try:
    from re import _compiler as _sre_compile  # type: ignore[attr-defined,unused-ignore]
    from re import _constants as _c  # type: ignore[attr-defined,unused-ignore]
    from re import _parser as _sre_parse  # type: ignore[attr-defined,unused-ignore]
except ImportError:  # pragma: no cover - Python 3.10
    try:
        import sre_compile as _sre_compile
        import sre_constants as _c
        import sre_parse as _sre_parse
    except ImportError:
        _sre_parse = None


def available() -> bool:
    """Whether the compiled pre-test can run here (``hyperscan`` importable).

    >>> isinstance(available(), bool)
    True
    """
    return _hs is not None and _sre_parse is not None


# Non-ASCII characters common in English and other Latin-script prose that
# are not word characters (so ``\\b`` is the same for Python and Hyperscan,
# which scans UTF-8 bytes and counts no byte above 127 as a word character).
_EXTRA = "’‘“”—–…«»„•·©®™€£°‹›¡¿×‚″′§¶"
# The alphabet: character -> its UTF-8 bytes, as Hyperscan source.
_ALPHABET = {chr(b): chr(b) for b in range(0x20, 0x7F)} | {
    ch: "".join(f"\\x{b:02x}" for b in ch.encode("utf-8")) for ch in _EXTRA
}
# A character outside the alphabet: such a line is not scanned.
_OUTSIDE = re.compile("[^\x20-\x7e" + re.escape(_EXTRA) + "]")
def plain_text(text: str) -> bool:
    """Whether ``text`` holds only newlines and characters of the alphabet
    (printable ASCII and common punctuation): its lines are all scanned, and
    it has no letter outside ASCII (a cheap test for other steps as well).

    >>> plain_text("“Quote” — ok\\nAdvertisement"), plain_text("Реклама")
    (True, False)
    """
    if text.isascii():
        return _OUTSIDE_TEXT.search(text) is None
    # The regex tests every character against a class of ~125 (0.25 ms for
    # 38 kB); bytes.translate drops the printable ASCII and the newlines at
    # C speed (no byte of a multi-byte UTF-8 sequence is ASCII), and the
    # regex reads only what is left.
    rest = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_TEXT)
    return _OUTSIDE.search(rest.decode("utf-8", "surrogatepass")) is None


# Printable ASCII and the newline, as bytes (see plain_text).
_ASCII_TEXT = bytes([0x0A, *range(0x20, 0x7F)])


def _in_alphabet(line: str) -> bool:
    """Whether every character of ``line`` is in the alphabet (it is scanned)."""
    return line.isprintable() if line.isascii() else _OUTSIDE.search(line) is None


# The same in lines joined by newlines.
_OUTSIDE_TEXT = re.compile("[^\n\x20-\x7e" + re.escape(_EXTRA) + "]")
# Rewritten piece of a pattern: (Hyperscan source, whether it can match the
# empty string), or None for a piece no line in the alphabet can match.
_Piece = tuple[str, bool] | None


# The anchors kept (at the start / the end of a top-level alternative): on a
# line without a newline, "\\A" and "^" are its start, "\\Z" and "$" its end.
_STARTS = (_c.AT_BEGINNING, _c.AT_BEGINNING_STRING, _c.AT_BEGINNING_LINE) if _sre_parse else ()
_ENDS = (_c.AT_END, _c.AT_END_STRING, _c.AT_END_LINE) if _sre_parse else ()


def _charset_code(chars: Iterable[str]) -> str:
    """Hyperscan source matching one of ``chars`` (alphabet characters, at
    least one): a class of the ASCII ones, alternatives for the others."""
    ascii_codes = {ord(ch) for ch in chars if ch.isascii()}
    codes = sorted(ascii_codes)
    parts = [_ALPHABET[ch] for ch in sorted(chars) if not ch.isascii()]
    if len(codes) == 1:
        parts.insert(0, _byte(codes[0]))
    elif codes:
        parts.insert(0, _ascii_class(codes))
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def _ascii_class(codes: list[int]) -> str:
    out: list[str] = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        if j - i >= 2:
            out.append(f"{_byte(codes[i])}-{_byte(codes[j])}")
        else:
            out.extend(_byte(b) for b in codes[i : j + 1])
        i = j + 1
    return "[" + "".join(out) + "]"


def _byte(b: int) -> str:
    ch = chr(b)
    return ch if ch.isascii() and ch.isalnum() else f"\\x{b:02x}"


class _Rewriter:
    """Rewrites parse trees; memoises the single-character sets."""

    def __init__(self) -> None:
        self._sets: dict[tuple[Any, ...], frozenset[str]] = {}

    def charset(self, item: tuple[Any, Any], flags: int) -> frozenset[str]:
        """The alphabet's characters that one-character item ``item`` accepts under
        ``flags``, asked of Python's regex engine itself."""
        key = (repr(item), flags)
        got = self._sets.get(key)
        if got is None:
            state = _sre_parse.State()
            state.flags = flags
            sub = _sre_parse.SubPattern(state, [item])
            rx = _sre_compile.compile(sub, flags)
            got = self._sets[key] = frozenset(
                ch for ch in _ALPHABET if rx.fullmatch(ch) is not None
            )
        return got

    def seq(self, items: Sequence[tuple[Any, Any]], flags: int) -> _Piece:
        """(Hyperscan source, can match empty) of a sequence, or None."""
        out: list[str] = []
        nullable = True
        for item in items:
            got = self.item(item, flags)
            if got is None:
                return None
            src, empty = got
            out.append(src)
            nullable = nullable and empty
        return "".join(out), nullable

    def alternatives(self, subs: Sequence[Any], flags: int) -> _Piece:
        parts = [p for sub in subs if (p := self.seq(sub, flags)) is not None]
        if not parts:
            return None
        srcs = sorted({src for src, _ in parts})
        nullable = any(empty for _, empty in parts)
        if len(srcs) == 1:
            return f"(?:{srcs[0]})", nullable
        return "(?:" + "|".join(srcs) + ")", nullable

    def item(self, item: tuple[Any, Any], flags: int) -> _Piece:
        op, av = item
        if op in (_c.LITERAL, _c.NOT_LITERAL, _c.IN, _c.ANY):
            chars = self.charset(item, flags)
            return (_charset_code(chars), False) if chars else None
        if op is _c.SUBPATTERN:
            _group, add, remove, sub = av
            return self.alternatives([sub], (flags | add) & ~remove)
        if op is _c.BRANCH:
            return self.alternatives(av[1], flags)
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) or op is getattr(_c, "POSSESSIVE_REPEAT", None):
            lo, hi, sub = av
            got = self.alternatives([sub], flags)
            if got is None:
                return ("", True) if lo == 0 else None
            src, empty = got
            # A superset that compiles small: large or open bounds become
            # "*" / "+" (x{2,300} -> x+), small ones stay.
            if hi != _c.MAXREPEAT and hi <= 4:
                return f"{src}{{{lo},{hi}}}", empty or lo == 0
            return (f"{src}*", True) if lo == 0 or empty else (f"{src}+", False)
        if op is getattr(_c, "ATOMIC_GROUP", None):
            return self.alternatives([av], flags)
        if op is _c.AT:
            # "^" and "$" are kept only first and last in a top-level
            # alternative (see rewrite; Hyperscan refuses embedded anchors):
            # dropped elsewhere, a superset.
            if av in (_c.AT_BOUNDARY, _c.AT_UNI_BOUNDARY, _c.AT_LOC_BOUNDARY):
                return "\\b", True
            if av in (_c.AT_NON_BOUNDARY, _c.AT_UNI_NON_BOUNDARY, _c.AT_LOC_NON_BOUNDARY):
                return "\\B", True
            return "", True
        if op in (_c.ASSERT, _c.ASSERT_NOT):
            return "", True  # dropped: a superset
        if op is _c.GROUPREF:
            return f"{_charset_code(_ALPHABET)}*", True  # any text: a superset
        if op is _c.GROUPREF_EXISTS:
            _group, yes, no = av
            return self.alternatives([yes, no or []], flags)
        raise ValueError(f"unknown regex op {op}")

    def rewrite(self, pattern: str) -> list[str] | None:
        """The superset patterns (one per top-level alternative) of
        ``pattern`` (compiled with IGNORECASE), ``[]`` when it can never
        match a line in the alphabet, or ``None`` when some alternative can
        match an empty string (it matches every line: no pre-test)."""
        parsed = _sre_parse.parse(pattern, re.IGNORECASE)
        flags = parsed.state.flags | re.IGNORECASE
        items = list(parsed)
        one_branch = len(items) == 1 and items[0][0] is _c.BRANCH
        branches = items[0][1][1] if one_branch else [items]
        out: list[str] = []
        for branch in branches:
            branch = list(branch)
            head = tail = ""
            if branch and branch[0][0] is _c.AT and branch[0][1] in _STARTS:
                head, branch = "\\n", branch[1:]
            if branch and branch[-1][0] is _c.AT and branch[-1][1] in _ENDS:
                tail, branch = "\\n", branch[:-1]
            got = self.seq(branch, flags)
            if got is None:
                continue
            src, empty = got
            if empty:
                # All of it optional once its lookarounds are dropped
                # ("^(?=(?:.*?[+-]\\d[\\d.,]*%){3}).{0,300}$"): a line it matches
                # also contains a match of its lookaround's pattern, which
                # may not be optional (a superset again).
                inner = self.assertion(branch, flags)
                if inner is None:
                    return None
                src = inner
                out.append(src)
                continue
            out.append(head + src + tail)
        return out

    def assertion(self, branch: Sequence[tuple[Any, Any]], flags: int) -> str | None:
        """A non-optional rewrite of one of ``branch``'s positive lookarounds."""
        for op, av in branch:
            if op is _c.ASSERT:
                got = self.seq(list(av[1]), flags)
                if got is not None and not got[1]:
                    return got[0]
        return None


class Prefilter:
    """One Hyperscan database of superset rewrites of many patterns.

    Built from groups of regex sources (one group per length-tier union);
    :meth:`scan` tells, per line, which groups may match it. Build with
    :meth:`build`, which returns ``None`` when the engine is absent.
    """

    def __init__(self, db: Any, group_masks: list[int | None]) -> None:
        self._db = db
        # Hyperscan scratch space serves one scan at a time: one per thread
        # (a Cleaner may be shared by threads; the database is read-only).
        self._local = threading.local()
        # Group -> bit mask of its expressions' ids; None: always try it.
        self.group_masks = group_masks

    @classmethod
    def build(
        cls, patterns: Sequence[str] | None = None, *, groups: Sequence[Sequence[str]] | None = None
    ) -> Prefilter | None:
        """A prefilter for ``groups`` of regex sources (or one group,
        ``patterns``), or ``None`` without Hyperscan (or with nothing to scan).

        The compiled database is kept in :func:`cache_dir` between processes.
        """
        if not available():
            return None
        if groups is None:
            groups = [patterns or ()]
        path = cache_dir() / f"prefilter-{_digest(groups)}.hsdb"
        try:
            data = path.read_bytes()
            size = int.from_bytes(data[:8], "little")
            masks = json.loads(data[8 : 8 + size])
            return cls(_hs.loadb(data[8 + size :], _hs.HS_MODE_BLOCK), masks)
        except Exception:  # absent, unreadable or from another build: compile
            pass
        expressions, masks = _rewrite_groups(groups)
        if not expressions:
            return None
        db = _hs.Database(mode=_hs.HS_MODE_BLOCK)
        flags = _hs.HS_FLAG_PREFILTER
        try:
            db.compile(
                expressions=[src.encode("ascii") for src in expressions],
                ids=list(range(len(expressions))),
                flags=[flags] * len(expressions),
            )
        except _hs.error:  # a construct Hyperscan refuses: the Python path, as without it
            return None
        header = json.dumps(masks).encode("utf-8")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(len(header).to_bytes(8, "little") + header + _hs.dumpb(db))
            os.replace(tmp, path)  # atomic: a reader sees the whole file or none
        except OSError:
            pass  # a read-only home: compile again next time
        return cls(db, masks)

    def _scratch(self) -> Any:
        scratch = getattr(self._local, "scratch", None)
        if scratch is None:
            scratch = self._local.scratch = _hs.Scratch(self._db)
        return scratch

    def scan(self, lines: Sequence[str]) -> list[int | None]:
        """Per line: a bit mask of the expressions that may match it, or
        ``None`` for a line outside the alphabet (not scanned)."""
        text = "\n".join(lines)
        if text.count("\n") != len(lines) - 1:
            return self._scan_lines(lines)  # a line holds a newline (or none given)
        out: list[int | None]
        if plain_text(text):
            # Every line is in the alphabet (most English articles): one
            # search of the document instead of one per line.
            out = [0] * len(lines)
        else:
            out = [0 if _in_alphabet(line) else None for line in lines]
        data = ("\n" + text + "\n").encode("utf-8")
        ends = self._ends(data)
        # A match ends inside one line or at the newline closing it (no
        # rewritten class holds "\n"): its line is the number of newlines
        # before its last byte, less the one opening the document. Counted
        # from match to match in order, so the document is read once.
        ends.sort()
        row, pos = -1, 0
        for to, id_ in ends:
            row += data.count(b"\n", pos, to - 1)
            pos = max(pos, to - 1)
            mask = out[row] if row >= 0 else None
            if mask is not None:
                out[row] = mask | 1 << id_
        return out

    def _ends(self, data: bytes) -> list[tuple[int, int]]:
        """(end offset, expression id) of every match in ``data``."""
        ends: list[tuple[int, int]] = []
        self._db.scan(
            data,
            match_event_handler=lambda id_, _from, to, _flags, _ctx: ends.append((to, id_)),
            scratch=self._scratch(),
        )
        return ends

    def _scan_lines(self, lines: Sequence[str]) -> list[int | None]:
        """:meth:`scan` for lines that may hold newlines themselves (such a
        line is outside the alphabet, but its bytes shift the others')."""
        out: list[int | None] = [0 if _in_alphabet(line) else None for line in lines]
        starts: list[int] = []
        pos = 1  # after the newline that opens the document (see _rewrite)
        for line in lines:
            starts.append(pos)
            pos += (len(line) if line.isascii() else len(line.encode("utf-8"))) + 1
        for to, id_ in self._ends(("\n" + "\n".join(lines) + "\n").encode("utf-8")):
            row = bisect_right(starts, to - 1) - 1
            mask = out[row] if row >= 0 else None
            if mask is not None:
                out[row] = mask | 1 << id_
        return out

    def mark(self, units: Sequence[Any]) -> None:
        """Set ``unit.maybe`` (see :meth:`scan`) on every unit of a document."""
        for u, mask in zip(units, self.scan([u.text for u in units]), strict=True):
            u.maybe = mask


def cache_dir() -> Path:
    """Where compiled databases are kept between processes:
    ``$NEWSCLEAN_CACHE_DIR``, else ``$XDG_CACHE_HOME/newsclean``, else
    ``~/.cache/newsclean``.

    Compiling the packaged lexicons' database takes seconds; loading it takes
    milliseconds. A file is named by a hash of exactly what it was compiled
    from (the rewritten expressions, the flags, the Hyperscan version), so a
    changed lexicon never meets a stale file; a file that fails to load is
    compiled again. Delete the directory to drop the cache.

    >>> cache_dir().name
    'newsclean'
    """
    env = os.environ.get("NEWSCLEAN_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newsclean"


def _digest(groups: Sequence[Sequence[str]]) -> str:
    """What a cached database depends on: the pattern groups, this module's
    code (the rewrite and the alphabet) and the Hyperscan version."""
    code = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
    key = json.dumps([code, getattr(_hs, "__version__", "?"), [list(g) for g in groups]])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _rewrite_groups(
    groups: Sequence[Sequence[str]],
) -> tuple[list[str], list[int | None]]:
    """The distinct rewritten expressions of ``groups``, and per group the bit
    mask of its expressions' positions (None: a pattern of it could not be
    rewritten or matches every line, so the group is always tried in Python)."""
    rewriter = _Rewriter()
    by_source: dict[str, list[str] | None] = {}
    ids: dict[str, int] = {}
    masks: list[int | None] = []
    for group in groups:
        mask = 0
        usable = True
        for pattern in group:
            if pattern not in by_source:
                try:
                    by_source[pattern] = rewriter.rewrite(pattern)
                except (re.error, ValueError, TypeError, RecursionError):
                    by_source[pattern] = None
            got = by_source[pattern]
            if got is None:
                usable = False
                break
            for src in got:
                mask |= 1 << ids.setdefault(src, len(ids))
        masks.append(mask if usable else None)
    return list(ids), masks


def _sources(patterns: Any) -> list[str]:
    """Every regex source a :class:`~newsclean.clean.lexicon.Patterns` may try
    (each of its parts matches only where one of these matches)."""
    out = list(patterns.anchored_src)
    if patterns.floating is not None:
        out.append(patterns.floating.pattern)
    out.extend(rx.pattern for _, rx in patterns.tails)
    out.extend(rx.pattern for _, rx in patterns.gated)
    return out


_BUILT: dict[tuple[tuple[str, ...], ...], Prefilter | None] = {}


def tier_prefilter(
    tiers: dict[bool, list[Any]],
) -> tuple[Prefilter | None, dict[bool, list[int | None]]]:
    """The prefilter of the cleaner's length-tier unions, and per (at_edge,
    tier) its expressions' mask (None: that tier is always tried in Python)."""
    keys = [(e, t) for e in (False, True) for t in range(len(tiers[e]))]
    groups = tuple(tuple(_sources(tiers[e][t])) if tiers[e][t] is not None else () for e, t in keys)
    if groups not in _BUILT:
        _BUILT[groups] = Prefilter.build(groups=groups)
    pf = _BUILT[groups]
    masks: dict[bool, list[int | None]] = {False: [], True: []}
    for (e, _), m in zip(keys, pf.group_masks if pf else [None] * len(keys), strict=True):
        masks[e].append(m)
    return pf, masks
