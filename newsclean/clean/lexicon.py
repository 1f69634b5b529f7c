"""Rule lexicons: the data files that say what junk looks like, and how they are read.

Each removal rule (a :class:`~newsclean.Reason`) has a plain UTF-8 data file in
``newsclean/clean/data/<reason>.txt``. Users extend a rule with their own
files or entries through :class:`~newsclean.CleanOptions`; they never need to
touch code. The format, one entry per line::

    # a comment
    @max_words 8          phrases and vocabulary only match lines of at most 8 words
    @max_chars 300        patterns only run on lines of at most 300 characters
    @requires ©|rights    the patterns after it that are not anchored with ^ (or that
                          may start with any character) are only tried on lines
                          containing one of these (lowercase) strings
    skip to content       a phrase: matches the WHOLE line, ignoring case, punctuation
                          and spacing ("Skip to Content »" matches)
    re: ^advertisement\\b  a regular expression (re.search, case-insensitive)
    edge: menu            an entry that only applies at the top or the bottom of the
    edge re: ^more from   article (outside the run of body paragraphs)
    tail re: /reuters$    a regular expression tried on the last 120 characters only
                          (fast on long lines, for junk that ends a line)
    follow: accept all    an entry that only applies right after a line removed for
    follow re: ^name\\b    the same reason (e.g. the buttons under a cookie banner)
    box: key points       the label of a box above the story: an edge entry that also
                          takes the short lines under it, down to the story's first
                          paragraph (a key-points box over the story)
    words: facebook x     a vocabulary: a line made only of these words ...
    anchors: facebook     ... and containing at least one anchor word, matches
    @vocab_slack 33       ... or, with at least 3 anchor words, up to 33% of its
                          words outside the vocabulary ("Paylaş: Facebook | X |
                          WhatsApp | Telegram | E-posta": a label in a language the
                          vocabulary lacks)

>>> from newsclean.article import Reason
>>> rules = parse_rules(Reason.ADVERTISEMENT, ["Advertisement", "re: ^sponsored by\\\\b"])
>>> rules.match_phrase(line_key("ADVERTISEMENT"), 1, zone_edge=False, follows=False)
True
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

from ..article import Reason
from ..errors import OptionsError

__all__ = [
    "GateIndex",
    "GateScan",
    "Patterns",
    "RuleSet",
    "fold",
    "folded_key",
    "line_key",
    "load_builtin",
    "parse_rules",
    "read_entries",
    "union",
]


def _mark_ranges() -> str:
    """The combining marks of the Basic Multilingual Plane as a regex class body.

    Vowel signs and viramas (Devanagari "ि", Thai "ุ", Tamil "்") are marks,
    not letters, so ``\\w`` stops at them and "किल्लत" fell apart into
    "क ल लत". A key keeps them inside their word. (~15 ms once per process;
    built from the running Python's Unicode tables, like ``\\w`` itself.)
    """
    marks = [
        c
        for c in range(0x300, 0x10000)
        if unicodedata.category(chr(c))[0] == "M"
        # Not the marks that dress symbols: emoji variation selectors
        # ("➡️") and the combining marks for symbols (keycaps).
        and not (0xFE00 <= c <= 0xFE0F or 0x20D0 <= c <= 0x20FF)
    ]
    spans: list[tuple[int, int]] = []
    for c in marks:
        if spans and spans[-1][1] == c - 1:
            spans[-1] = (spans[-1][0], c)
        else:
            spans.append((c, c))
    return "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in spans)


# The combining marks as a regex class body (see _mark_ranges); the byline
# parser's name tokens use it too.
MARK_CLASS = _mark_ranges()
# What separates the words of a key: neither a word character nor a mark.
_KEY_RE = re.compile(rf"(?:[^\w{MARK_CLASS}]|_)+")

# Common punctuation, every one a separator of keys (see folded_key; a test
# checks none is a word character or a mark).
_KEY_PUNCT = ",.;:!?\"'()[]{}“”‘’«»„‚‹›—–-…*/|#&%+=<>~^`@$€£"

DEFAULT_MAX_WORDS = 10
DEFAULT_MAX_CHARS = 400
TAIL_CHARS = 120
_MAX_VOCAB_WORDS = 25
_SLACK_ANCHORS = 3  # distinct anchor words a line needs before unknown words are allowed


# fold() removes what casefold() leaves that regular expressions with
# IGNORECASE treat as "i": the dot of a Turkish capital İ (casefold gives
# "i" + U+0307) and the dotless ı.


_MARKS_RE = re.compile("[άέήίόύώΐΰ\u064b-\u0652\u0670]")
_TONOS = str.maketrans("άέήίόύώΐΰ", "αεηιουωιυ")
_HARAKAT_RE = re.compile("[\u064b-\u0652\u0670]")


def fold(text: str) -> str:
    """Casefold ``text`` as the lexicons compare it: "İLGİLİ" and "ilgili" are one.

    >>> fold("İLGİLİ Haberler")
    'ilgili haberler'
    """
    folded = text.casefold()
    # Two substring tests, not str.translate: translate looks every character
    # up in a dict, which cost more than the rest of a line's lexicon tests.
    if "\u0307" in folded:
        folded = folded.replace("\u0307", "")
    if "ı" in folded:
        folded = folded.replace("ı", "i")
    # Greek capitals drop their accents ("ΔΙΑΒΑΣΤΕ ΕΠΙΣΗΣ" is "Διαβάστε επίσης"),
    # so the tonos goes on both sides. isascii() is O(1): ASCII lines pay nothing.
    # Arabic short-vowel marks are optional ("نُشر" is "نشر"): they go too. One
    # search finds either kind (most non-ASCII lines have neither).
    if not folded.isascii() and _MARKS_RE.search(folded):
        folded = _HARAKAT_RE.sub("", folded.translate(_TONOS))
    return folded


def line_key(text: str) -> str:
    """The comparison key of a line: casefolded words separated by single spaces.

    >>> line_key("« Skip to   Content »")
    'skip to content'
    """
    return _KEY_RE.sub(" ", fold(text)).strip()


def folded_key(folded: str) -> str:
    """:func:`line_key` of a line already folded with :func:`fold` (saves folding twice).

    >>> folded_key(fold("« Skip to   Content »")) == line_key("« Skip to   Content »")
    True
    """
    # Word by word: a whitespace-separated token that is all letters and
    # digits (``str.isalnum``, exactly what the regex's ``\\w`` accepts besides
    # "_") is a word of the key as it stands; only the others go through the
    # regex. A quarter less time than the regex over the whole line, which
    # tests every character against ``[\\W_]`` (the key was ~10% of a clean).
    out: list[str] = []
    for token in folded.split():
        if token.isalnum():
            out.append(token)
            continue
        # Most other tokens are a word with punctuation at its ends ("said,",
        # "(2026)", "“the"): stripped of separators only (_KEY_PUNCT holds no
        # word character or mark), what is left is the word (a quarter less
        # time for a line's key than the regex on every such token).
        core = token.strip(_KEY_PUNCT)
        if core.isalnum():
            out.append(core)
        elif core:
            out.extend(_KEY_RE.sub(" ", core).split())
    return " ".join(out)


# Memoised: first_chars, required_strings, max_match_len and
# line_start_chars each read the parsed pattern; parsing it once for all of
# them is a fifth of the Cleaner's start-up. (The parse tree is only read.)
@lru_cache(maxsize=4096)
def _parsed(pattern: str) -> Any:
    """``pattern`` parsed as the regex engine parses it (with IGNORECASE)."""
    # The regex parser is private; when it is unavailable or changes shape the
    # callers catch the error and answer "unknown", which is always correct.
    from re import _parser  # type: ignore[attr-defined]

    return _parser.parse(pattern, re.IGNORECASE)


# Memoised: a pure function of the pattern string (every tier asks again).
@lru_cache(maxsize=4096)
def first_chars(pattern: str) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can start with (both cases), or
    ``None`` when that cannot be told (a class like ``\\w``, ``.``, a lookahead).

    >>> sorted(first_chars(r"^(?:ad|promo)\\b"))
    ['A', 'P', 'a', 'p']
    """
    try:
        # The regex parser is private; when it is unavailable or changes shape,
        # the answer is "any character", which is always correct, only slower.

        parsed = _parsed(pattern)
        chars, _ = _first_of(list(parsed))
    except Exception:
        return None
    if chars is None:
        return None
    return _with_cases(chars)


def _with_cases(chars: Iterable[str]) -> frozenset[str]:
    """``chars`` in every case IGNORECASE matches them in."""
    out: set[str] = set()
    for c in chars:
        out.update((c, c.lower(), c.upper(), c.casefold()))
        out.update(_CASE_ALIASES.get(c.lower(), ()))
    return frozenset(out)


# Memoised: a pure function of the pattern string.
@lru_cache(maxsize=4096)
def line_start_chars(pattern: str) -> frozenset[str] | None:
    """The characters a LINE matched by ``pattern`` (``re.search``) can start
    with, or ``None`` when that cannot be told: every alternative of the
    pattern must be anchored at the start (``^``), and lookarounds are passed
    over (``^(?=.{0,80}$)(?:download|get)`` gives "d", "g" and their cases).
    Used to skip a gated group of patterns on lines that start otherwise (a
    superset of the truth, so never a match lost).

    >>> sorted(line_start_chars(r"(?:^(?!“)(?:go|do)\b)|(?:^ad$)"))
    ['A', 'D', 'G', 'a', 'd', 'g']
    >>> line_start_chars(r"\bcookies?\b") is None
    True
    """
    try:
        from re import _constants as c  # type: ignore[attr-defined]

        items = list(_parsed(pattern))
        branches = [items]
        if len(items) == 1 and items[0][0] is c.BRANCH:
            branches = [list(b) for b in items[0][1][1]]
        for branch in branches:
            # Past the groups that open the alternative, "^" must come first.
            while branch and branch[0][0] is c.SUBPATTERN and len(branch) == 1:
                branch = list(branch[0][1][3])
            if not branch or branch[0] != (c.AT, c.AT_BEGINNING):
                return None
        chars, _ = _first_of(items, skip_asserts=True)
    except Exception:
        return None
    return _with_cases(chars) if chars is not None else None


# Memoised: a pure function of the pattern string.
@lru_cache(maxsize=4096)
def last_chars(pattern: str) -> frozenset[str] | None:
    """The characters a line matched by ``pattern`` (``re.search``) can END
    with, or ``None`` when that cannot be told: every alternative must end
    with ``$`` (or ``\\Z``) right after what it consumes, and that must be
    a known, non-empty set of characters (lookarounds are passed over, so the
    answer is a superset of the truth). Used to skip "tail re:" patterns on
    lines ending otherwise: a body paragraph ending in "." never meets the
    photo-credit tails that end in a capital letter.

    >>> sorted(last_chars(r"[.!?]\\s+\\((?:AP|AFP)\\)$"))
    [')']
    >>> sorted(last_chars(r"(?:^|\\s)(?:afp|ap)\\.?$"))
    ['.', 'P', 'p']
    >>> last_chars(r"\\s[\\w.-]+$") is None
    True
    """
    try:
        chars = _end_of(list(_parsed(pattern)))
    except Exception:
        return None
    return _with_cases(chars) if chars is not None else None


def _end_of(items: list[Any]) -> set[str] | None:
    """The last characters of a parsed sequence that must end at ``$``."""
    from re import _constants as c  # type: ignore[attr-defined]

    if not items:
        return None
    op, av = items[-1]
    if op is c.AT and av in (c.AT_END, c.AT_END_STRING):
        chars, empty = _first_of(items[:-1][::-1], skip_asserts=True, reverse=True)
        return None if empty else chars
    if op is c.SUBPATTERN:
        return _end_of(list(av[3]))
    if op is c.BRANCH:
        acc: set[str] = set()
        for branch in av[1]:
            sub = _end_of(list(branch))
            if sub is None:
                return None
            acc |= sub
        return acc
    return None


# Characters common in prose: a gate string made of them is a weak filter.
_COMMON_CHARS = frozenset(" .,-'’\"")
_MIN_GATE_WEIGHT = 3


def _gate_weight(lit: str) -> int:
    """How selective a gate string is: letters count 1, rare punctuation 4."""
    return sum(1 if ch.isalnum() or ch in _COMMON_CHARS else 4 for ch in lit)


@lru_cache(maxsize=4096)
def required_strings(pattern: str) -> tuple[str, ...] | None:
    r"""Casefolded strings one of which every match of ``pattern`` contains, or
    ``None`` when no selective set can be told.

    Derived from the parsed pattern: a run of literal characters, a small
    class of literal characters, or the alternatives of a group, whichever is
    the most selective. A line containing none of them cannot match, so the
    pattern is not tried on it (the regex engine has no such pre-filter).

    >>> required_strings(r"^.{0,80}\b(?:tel|phone)\.?\s*\d+$")
    ('phone', 'tel')
    >>> required_strings(r"^[\w ]{1,60}\s*[|·]\s*ad$")
    ('|', '·')
    >>> required_strings(r"^\w+$") is None
    True
    """
    try:

        found = _required_of(list(_parsed(pattern)))
    except Exception:
        return None
    if not found or min(map(_gate_weight, found)) < _MIN_GATE_WEIGHT:
        return None
    return tuple(sorted(found))


def _required_of(items: list[Any]) -> set[str] | None:
    """The most selective required string set of a parsed sequence."""
    from re import _constants as c  # type: ignore[attr-defined]

    found: list[set[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            found.append({fold("".join(run))})
            run.clear()

    for op, av in items:
        if op is c.LITERAL:
            run.append(chr(av))
            continue
        flush()
        sub: set[str] | None = None
        if op is c.IN:
            if len(av) <= 8 and all(o is c.LITERAL for o, _ in av):
                sub = {fold(chr(v)) for _, v in av}
        elif op is c.SUBPATTERN:
            sub = _required_of(list(av[3]))
        elif op is c.BRANCH:
            branches = [_required_of(list(b)) for b in av[1]]
            if all(b for b in branches):
                sub = set().union(*branches)  # type: ignore[arg-type]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            sub = _required_of(list(av[2]))
        if sub and all(sub):
            found.append(sub)
    flush()
    if not found:
        return None
    return max(found, key=lambda s: (min(map(_gate_weight, s)), -len(s)))


# Characters IGNORECASE matches beyond lower/upper/casefold: Turkish İ and ı
# for "i", the Kelvin sign for "k", the long s for "s".
_CASE_ALIASES = {"i": ("İ", "ı"), "k": ("\u212a",), "s": ("ſ",)}

# "\d" stands for these in first_chars; _Dispatch.match maps every decimal
# digit (other scripts' too, which "\d" matches in str patterns) onto "0".
_ASCII_DIGITS = "0123456789"


def _first_of(
    items: list[Any], skip_asserts: bool = False, reverse: bool = False
) -> tuple[set[str] | None, bool]:
    """(first characters, can be empty) of a parsed sequence. With
    ``skip_asserts``, lookarounds (zero-width) are passed over: the first
    character is then that of what follows them (a superset of the truth).
    With ``reverse``, ``items`` are given last first and the answer is the
    LAST characters (every sub-sequence is read backwards too)."""
    from re import _constants as c  # type: ignore[attr-defined]

    def seq(sub: Any) -> list[Any]:
        return list(sub)[::-1] if reverse else list(sub)

    acc: set[str] = set()
    for op, av in items:
        if op is c.AT or (skip_asserts and op in (c.ASSERT, c.ASSERT_NOT)):
            continue
        if op is c.LITERAL:
            acc.add(chr(av))
            return acc, False
        if op is c.IN:
            for iop, iav in av:
                if iop is c.LITERAL:
                    acc.add(chr(iav))
                elif iop is c.RANGE and iav[1] - iav[0] <= 64:
                    acc.update(chr(x) for x in range(iav[0], iav[1] + 1))
                elif iop is c.CATEGORY and iav is c.CATEGORY_DIGIT:
                    acc.update(_ASCII_DIGITS)
                else:
                    return None, False
            return acc, False
        if op is c.SUBPATTERN:
            sub, empty = _first_of(seq(av[3]), skip_asserts, reverse)
        elif op is c.BRANCH:
            sub, empty = set(), False
            for branch in av[1]:
                b, b_empty = _first_of(seq(branch), skip_asserts, reverse)
                if b is None:
                    return None, False
                sub |= b
                empty = empty or b_empty
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            sub, empty = _first_of(seq(av[2]), skip_asserts, reverse)
            empty = empty or av[0] == 0
        else:
            return None, False
        if sub is None:
            return None, False
        acc |= sub
        if not empty:
            return acc, False
    return acc, True


def _top_level_alternation(pattern: str) -> bool:
    """Whether ``pattern`` has a ``|`` outside any group or character class."""
    depth = 0
    in_class = False
    escaped = False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return True
    return False


@dataclass(frozen=True)
class Patterns:
    """A rule's regular expressions, split for speed.

    Patterns anchored at the start (``^...``, the usual case for junk lines)
    are combined into one regex tried once at position 0 with ``match``;
    only the rest need a scan of the whole line with ``search``.
    """

    anchored: re.Pattern[str] | None
    floating: re.Pattern[str] | None
    # The individual anchored patterns (``anchored`` is their combination).
    anchored_src: tuple[str, ...] = ()
    # "tail re:" patterns, grouped by gate: searched in the last TAIL_CHARS
    # characters only, when that tail contains one of the gate's strings (an
    # empty gate: always).
    tails: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = ()
    # For large unions: the anchored patterns split by the first character.
    dispatch: _Dispatch | None = None
    # Floating patterns behind a cheap substring test (``@requires``):
    # (substrings one of which the casefolded line must contain, pattern).
    gated: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = ()
    # The sources of the "tail re:" patterns without a gate (the ``tails``
    # group with an empty gate), when known: they are then tried by the
    # line's last character (see _EndDispatch). Derived, never part of equality.
    tail_sources: tuple[str, ...] = field(default=(), compare=False)
    # Derived from the gates above (never part of equality): see __post_init__.
    _gates: GateIndex | None = field(default=None, init=False, repr=False, compare=False)
    # Tail patterns without a gate, and gate string -> positions in ``tails`` /
    # ``gated``: a line's few hits pick its patterns directly instead of a
    # set test per pattern group (derived, never part of equality).
    _tail_always: tuple[re.Pattern[str], ...] = field(
        default=(), init=False, repr=False, compare=False
    )
    _tail_ends: _EndDispatch | None = field(default=None, init=False, repr=False, compare=False)
    _tail_by_gate: dict[str, tuple[int, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _gated_by_gate: dict[str, tuple[int, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    # With a dispatch: the scan of a line starting with a given character only
    # needs the gate strings of the patterns that line can meet (see
    # _index_for). Memos of derived automata, never part of equality.
    _fixed_literals: frozenset[str] = field(
        default=frozenset(), init=False, repr=False, compare=False
    )
    _char_index: dict[str, GateIndex] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _index_by_literals: dict[frozenset[str], GateIndex] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    # Position in ``gated`` -> line_start_chars of its regex (filled on first
    # use; derived, never part of equality).
    _gated_starts: dict[int, frozenset[str] | None] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        # One scan of the line finds every gate string it contains (see
        # GateIndex); built once per Patterns, never part of equality.
        literals = {g for gate, _ in (*self.tails, *self.gated) for g in gate if g}
        if self.dispatch is not None:
            literals.update(g for gate in self.dispatch.gates if gate for g in gate)
        object.__setattr__(self, "_gates", GateIndex(literals) if literals else None)
        object.__setattr__(
            self,
            "_fixed_literals",
            frozenset(g for gate, _ in (*self.tails, *self.gated) for g in gate if g),
        )
        object.__setattr__(self, "_tail_always", tuple(rx for gate, rx in self.tails if not gate))
        if self.tail_sources and len(self._tail_always) == 1:
            object.__setattr__(self, "_tail_ends", _EndDispatch(self.tail_sources))
        object.__setattr__(self, "_tail_by_gate", _positions_by_gate(self.tails))
        object.__setattr__(self, "_gated_by_gate", _positions_by_gate(self.gated))

    @property
    def literals(self) -> frozenset[str]:
        """Every gate string of these patterns (what :meth:`search` scans for)."""
        return frozenset(self._gates.literals) if self._gates is not None else frozenset()

    def _index_for(self, dispatch: _Dispatch, c: str) -> GateIndex:
        """The automaton for lines starting with ``c``: the tail and gated
        patterns' strings and those of the anchored patterns such a line can
        meet. Most anchored gates belong to patterns with a known first letter
        ("the" opens "^(?:during|given) the ..."): on a body paragraph this
        scan finds a fraction of the hits of the whole set (each hit costs a
        Python step), for the same answer."""
        index = self._char_index.get(c)
        if index is None:
            literals = self._fixed_literals | dispatch.gate_strings(c)
            index = self._index_by_literals.get(literals)
            if index is None:
                index = self._index_by_literals[literals] = GateIndex(literals)
            self._char_index[c] = index
        return index

    def search(self, text: str, folded: str | None = None, scan: GateScan | None = None) -> bool:
        """Whether any pattern matches ``text`` (``folded`` is its casefold, if known).

        ``scan`` is the line's gate scan by a :class:`GateIndex` holding (at
        least) :attr:`literals`: the cleaner scans each line once for all its
        rules instead of once per rule. Strings of other patterns in it change
        nothing (only a gate's own strings are looked up).
        """
        if scan is not None:
            hits, tail_hits = scan
        elif self._gates is not None:
            if folded is None:
                folded = fold(text)
            dispatch = self.dispatch
            index = self._gates if dispatch is None else self._index_for(dispatch, text[:1])
            hits, tail_hits = index.scan(folded)
        else:
            hits = tail_hits = _NO_HITS
        if self.dispatch is not None:
            if self.dispatch.match(text, hits):
                return True
        elif self.anchored is not None and self.anchored.match(text):
            return True
        if self.floating is not None and self.floating.search(text) is not None:
            return True
        if self.tails:
            start = max(0, len(text) - TAIL_CHARS)
            ends = self._tail_ends
            if ends is not None:
                # Only the ungated tails that can end with the line's last
                # character: on a body paragraph ending in "." that is 2 of
                # the 7 photo-credit endings (each was tried at every one of
                # the last 120 positions: ~15% of a long line's pre-test).
                rx = ends.pick(text)
                if rx is not None and rx.search(text, start):
                    return True
            else:
                for rx in self._tail_always:
                    if rx.search(text, start):
                        return True
            if tail_hits:
                for i in _picked(self._tail_by_gate, tail_hits):
                    if self.tails[i][1].search(text, start):
                        return True
        if self.gated and hits:
            starts = self._gated_starts
            c = text[:1]
            d = "0" if c.isdecimal() else c  # "\\d" gives "0"-"9" (see _Dispatch.match)
            for i in _picked(self._gated_by_gate, hits):
                if i in starts:
                    first = starts[i]
                else:  # (parsed on first use: most groups never meet a hit)
                    first = starts[i] = line_start_chars(self.gated[i][1].pattern)
                if (
                    first is not None
                    and c not in first
                    and d not in first
                    # (IGNORECASE also pairs "ς" with "σ", "ϐ" with "β"...:
                    # characters of one casefold)
                    and c.casefold()[:1] not in first
                ):
                    continue  # every pattern of the group starts the line otherwise
                if self.gated[i][1].search(text):
                    return True
        return False


_NO_HITS: frozenset[str] = frozenset()


def _positions_by_gate(
    groups: Sequence[tuple[tuple[str, ...], re.Pattern[str]]],
) -> dict[str, tuple[int, ...]]:
    """Gate string -> positions of the (gate, pattern) groups it opens."""
    out: dict[str, list[int]] = {}
    for i, (gate, _) in enumerate(groups):
        for g in gate:
            out.setdefault(g, []).append(i)
    return {g: tuple(ix) for g, ix in out.items()}


def _picked(by_gate: dict[str, tuple[int, ...]], hits: AbstractSet[str]) -> list[int]:
    """Positions of the groups opened by ``hits``, in order, each once."""
    if len(hits) == 1:
        for g in hits:
            return list(by_gate.get(g, ()))
    found: set[int] = set()
    for g in hits:
        found.update(by_gate.get(g, ()))
    return sorted(found)
# (gate strings found in a casefolded line, those in its last TAIL_CHARS characters)
GateScan = tuple[AbstractSet[str], AbstractSet[str]]


class GateIndex:
    """Which gate strings a casefolded line contains, in one pass.

    Testing each gate string with ``in`` costs a scan of the line per string:
    with a few dozen strings per rule that was a third of the cleaner's time
    on long articles. An Aho-Corasick automaton (pyahocorasick, C) finds all of
    them in one scan; without it the ``in`` tests run (same answers, slower).
    Returns the strings found anywhere and those inside the last
    ``TAIL_CHARS`` characters (the gate of ``tail re:`` patterns).
    """

    def __init__(self, literals: Iterable[str]) -> None:
        self._literals = tuple(sorted(set(literals)))
        self._automaton: Any = None
        # The automaton of the ASCII gate strings alone, for ASCII lines: no
        # other string can occur in them, and the smaller automaton scans a
        # line faster. Built on the first ASCII line (a memo, no result
        # changes); stays ``None`` when every gate string is ASCII.
        self._ascii_automaton: Any = None
        self._ascii_pending = False
        if not self._literals:
            return
        self._automaton = _automaton(self._literals)
        self._ascii_pending = self._automaton is not None and not all(
            lit.isascii() for lit in self._literals
        )

    @property
    def literals(self) -> tuple[str, ...]:
        return self._literals

    def scan(self, folded: str) -> GateScan:
        """The gate strings in ``folded`` (a casefolded line): anywhere, and in its tail."""
        if not self._literals:
            return _NO_HITS, _NO_HITS
        cut = len(folded) - TAIL_CHARS
        hits: set[str] = set()
        tail: set[str] = set()
        if self._automaton is None:
            tail_text = folded[-TAIL_CHARS:]
            hits.update(lit for lit in self._literals if lit in folded)
            tail.update(lit for lit in hits if lit in tail_text)
            return hits, tail
        automaton = self._automaton
        if self._ascii_pending and folded.isascii():
            automaton = self._ascii_automaton
            if automaton is None:
                ascii_only = [lit for lit in self._literals if lit.isascii()]
                automaton = self._ascii_automaton = _automaton(ascii_only) if ascii_only else _EMPTY
            if automaton is _EMPTY:
                return _NO_HITS, _NO_HITS
        for end, (lit, n) in automaton.iter(folded):
            hits.add(lit)
            if end - n + 1 >= cut:
                tail.add(lit)
        return hits, tail


_EMPTY: Any = object()  # GateIndex._ascii_automaton when no gate string is ASCII


def _automaton(literals: Iterable[str]) -> Any:
    """A pyahocorasick automaton reporting (string, length) for each of
    ``literals``, or ``None`` without pyahocorasick."""
    try:
        import ahocorasick  # type: ignore[import-not-found,unused-ignore]
    except ImportError:  # pragma: no cover - declared dependency
        return None
    automaton = ahocorasick.Automaton()
    for lit in literals:
        automaton.add_word(lit, (lit, len(lit)))
    automaton.make_automaton()
    return automaton


class _Dispatch:
    """Anchored patterns grouped by the character a match can start with.

    A union of many anchored patterns tries every branch at position 0; most
    cannot match a line starting with, say, "T". Grouping them by possible
    first character (see :func:`first_chars`) leaves a handful of branches per
    line. Compiling a union costs tens of milliseconds, so a character's lines
    are first tried against the few patterns that fit, one by one, and only a
    character met ``_UNION_AFTER`` times gets its compiled union: a page in a
    new script pays no compile per character, a long run gets one regex per
    line. The memos change no result, only the time.
    """

    def __init__(self, patterns: Sequence[str]) -> None:
        self._parts = [(p, first_chars(p)) for p in patterns]
        # Patterns with required strings (see required_strings) are tried one
        # by one, and only on lines containing one of them: on most lines none
        # is left. The others go through the per-character unions.
        self.gates: list[tuple[str, ...] | None] = [required_strings(p) for p in patterns]
        # Gate string -> the gated patterns it lets through.
        self._by_gate: dict[str, list[int]] = {}
        for i, gate in enumerate(self.gates):
            for g in gate or ():
                self._by_gate.setdefault(g, []).append(i)
        self._singles: list[re.Pattern[str] | None] = [None] * len(self._parts)
        # Per first character: [ungated indices, lines seen, compiled union, gated indices].
        self._memo: dict[str, list[Any]] = {}
        # Unions by the set of patterns they hold: most characters (every CJK
        # or Hangul syllable, say) start no specific pattern and share one.
        self._unions: dict[tuple[int, ...], re.Pattern[str] | None] = {}

    def _single(self, i: int) -> re.Pattern[str]:
        rx = self._singles[i]
        if rx is None:
            rx = self._singles[i] = re.compile(self._parts[i][0], re.IGNORECASE)
        return rx

    def _entry(self, c: str) -> list[Any]:
        """The memo of first character ``c``: [ungated indices, lines seen,
        compiled union, gated indices, the gated patterns' gate strings,
        gate string -> gated indices]."""
        entry = self._memo.get(c)
        if entry is None:
            # Any decimal digit (also "٣", "३") may start a match of "\\d".
            d = "0" if c.isdecimal() else c
            chosen = [
                i for i, (_, fc) in enumerate(self._parts) if fc is None or c in fc or d in fc
            ]
            plain = tuple(i for i in chosen if self.gates[i] is None)
            gated = frozenset(i for i in chosen if self.gates[i] is not None)
            strings = frozenset(g for i in gated for g in self.gates[i] or ())
            # Gate string -> the gated patterns of this character it opens:
            # a line's hits pick them without a membership test per pattern.
            by_gate = {
                g: ix for g in strings if (ix := tuple(i for i in self._by_gate[g] if i in gated))
            }
            entry = self._memo[c] = [plain, 0, self._unions.get(plain), gated, strings, by_gate]
        return entry

    def gate_strings(self, c: str) -> frozenset[str]:
        """The gate strings :meth:`match` looks up for a line starting with ``c``."""
        strings: frozenset[str] = self._entry(c)[4]
        return strings

    def match(self, text: str, hits: AbstractSet[str]) -> bool:
        """Whether an anchored pattern matches; ``hits`` are the gate strings in the line."""
        entry = self._memo.get(text[:1]) or self._entry(text[:1])
        by_gate: dict[str, tuple[int, ...]] = entry[5]
        if hits and by_gate:
            tried: set[int] = set()
            for g in hits:
                for i in by_gate.get(g, ()):
                    if i not in tried:
                        tried.add(i)
                        if self._single(i).match(text) is not None:
                            return True
        union = entry[2]
        if union is not None:
            return union.match(text) is not None
        chosen = entry[0]
        entry[1] += 1
        if entry[1] >= _UNION_AFTER and chosen:
            union = self._unions.get(chosen)
            if union is None:
                union = self._unions[chosen] = _combine([self._parts[i][0] for i in chosen])
            entry[2] = union
            return union is not None and union.match(text) is not None
        return any(self._single(i).match(text) is not None for i in chosen)


class _EndDispatch:
    """Ungated "tail re:" patterns grouped by the character a match can end
    with (see :func:`last_chars`): a line is searched with the union of the
    patterns its last character can end, compiled once per such set. The
    memos change no result, only the time.
    """

    def __init__(self, patterns: Sequence[str]) -> None:
        self._parts = [(p, _with_case_fixes(last_chars(p))) for p in patterns]
        self._memo: dict[str, re.Pattern[str] | None] = {}

    def pick(self, text: str) -> re.Pattern[str] | None:
        """The union of the patterns that can match ``text``, or ``None``."""
        c = text[-1:]
        if c in self._memo:
            return self._memo[c]
        if not c or c == "\n":
            # ("$" also matches before a final newline: no filter then.)
            chosen = tuple(p for p, _ in self._parts)
        else:
            # IGNORECASE pairs characters of one lower case (and a few
            # more, see _with_case_fixes); "\\d" matches every decimal digit.
            keys = {c, c.lower(), c.upper(), c.casefold()[:1], "0" if c.isdecimal() else c}
            chosen = tuple(p for p, lc in self._parts if lc is None or not keys.isdisjoint(lc))
        rx = self._memo[c] = _combined(chosen)
        return rx


def _with_case_fixes(chars: frozenset[str] | None) -> frozenset[str] | None:
    """``chars`` with the characters the regex engine's IGNORECASE also pairs
    with them beyond lower/upper case ("ς"/"σ", "ϐ"/"β"...)."""
    if chars is None:
        return None
    try:
        from re._casefix import _EXTRA_CASES  # type: ignore[import-not-found,unused-ignore]
    except ImportError:  # pragma: no cover - private module; then no filter
        return None
    out = set(chars)
    for ch in chars:
        for x in {ch, ch.lower()}:
            if len(x) == 1:
                out.update(chr(o) for o in _EXTRA_CASES.get(ord(x), ()))
    return frozenset(out)


# Memoised: a pure function of the pattern sources (tiers share their tails).
@lru_cache(maxsize=1024)
def _combined(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    return _combine(patterns)


_DISPATCH_MIN = 8  # anchored patterns in a union before it dispatches by first character
_UNION_AFTER = 64  # lines starting with one character before its union is compiled


# Memoised: a pure function of the pattern string (every tier asks again).
@lru_cache(maxsize=4096)
def max_match_len(pattern: str) -> int | None:
    """The longest line an anchored ``^...$`` pattern can match, or ``None``
    when that is unbounded or cannot be told (no ``$`` at the end, a top-level
    ``|``, an unknown construct).

    >>> max_match_len("^(?:home|start page)$")
    10
    >>> max_match_len("^read more") is None
    True
    """
    try:
        # The regex parser is private; when it is unavailable or changes shape
        # the answer is "unknown", which is always correct, only slower.
        from re import _constants as c  # type: ignore[attr-defined]

        parsed = _parsed(pattern)
        items = list(parsed)
        if not items or items[-1] != (c.AT, c.AT_END) or items[0] != (c.AT, c.AT_BEGINNING):
            return None
        hi = int(parsed.getwidth()[1])
    except Exception:
        return None
    return hi if hi < _UNBOUNDED else None


_UNBOUNDED = 1 << 16  # widths at or above this count as unbounded


def union(parts: Iterable[Patterns | None], *, min_len: int = 0) -> Patterns | None:
    """One :class:`Patterns` matching wherever any of ``parts`` matches.

    Used as a cheap pre-test: a long body paragraph is checked once against
    the union instead of once per rule. With ``min_len``, the union is only
    ever tried on lines at least that long, so anchored patterns that cannot
    match such a line (``^...{0,60}$``) are left out.
    """
    anchored: list[str] = []
    floating: list[str] = []
    tail: list[tuple[str, tuple[str, ...]]] = []
    gated: list[tuple[str, tuple[str, ...]]] = []
    for part in parts:
        if part is None:
            continue
        for src in part.anchored_src:
            hi = max_match_len(src) if min_len else None
            if hi is None or hi >= min_len:
                anchored.append(src)
        if part.floating is not None:
            floating.append(part.floating.pattern)
        for gate, rx in part.tails:
            if not gate and part.tail_sources and part._tail_ends is not None:
                # The ungated group pattern by pattern, for the union's
                # last-character dispatch (the same alternatives).
                tail.extend((src, gate) for src in part.tail_sources)
            else:
                tail.append((rx.pattern, gate))
        for gate, rx in part.gated:
            gated.append((rx.pattern, gate))
    if not anchored and not floating and not gated and not tail:
        return None
    dispatch = _Dispatch(anchored) if len(anchored) > _DISPATCH_MIN else None
    return Patterns(
        # With a dispatch the combined regex is never used: not compiled.
        anchored=_combine(anchored) if dispatch is None else None,
        floating=_combine(floating),
        anchored_src=tuple(anchored),
        tails=_group_by_gate(tail),
        tail_sources=tuple(p for p, gate in tail if not gate),
        dispatch=dispatch,
        # One regex per gate, as in the rules: a line containing "(" tries the
        # few patterns gated on "(", not every gated pattern of every rule.
        gated=_group_by_gate(gated),
    )


def _combine(patterns: Sequence[str]) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE) if patterns else None


def _compile(
    patterns: Sequence[tuple[str, tuple[str, ...], bool]],
    where: str,
    checked: AbstractSet[str] = frozenset(),
) -> Patterns | None:
    """Compile ``(pattern, gate)`` pairs; a non-empty gate lists substrings one of
    which the casefolded line must contain before a floating pattern is tried.
    Patterns in ``checked`` are known to compile (see :func:`parse_rules`)."""
    if not patterns:
        return None
    anchored: list[str] = []
    floating: list[str] = []
    tail: list[tuple[str, tuple[str, ...]]] = []
    gated: dict[tuple[str, ...], list[str]] = {}
    for p, gate, at_tail in patterns:
        if p not in checked:
            try:
                re.compile(p)
            except re.error as exc:
                raise OptionsError(f"{where}: invalid regular expression {p!r}: {exc}") from None
        if at_tail:
            tail.append((p, gate))
        elif (
            p.startswith("^")
            and not _top_level_alternation(p)
            and not (gate and first_chars(p) is None)
        ):
            anchored.append(p)
        elif gate:
            # Floating patterns, and anchored ones that may start with any
            # character (no first-character dispatch can skip them), wait for
            # their gate.
            gated.setdefault(gate, []).append(p)
        else:
            floating.append(p)

    gated_rx = tuple((gate, rx) for gate, ps in gated.items() if (rx := _combine(ps)) is not None)
    # A rule's own anchored patterns dispatch by first character too, as the
    # unions do: a line that passed the union faces a few of them, not all
    # (the combined regex tries every branch at position 0; that was a tenth
    # of the time on typical articles, whose junk lines reach this stage).
    dispatch = _Dispatch(anchored) if len(anchored) > _DISPATCH_MIN else None
    return Patterns(
        anchored=_combine(anchored) if dispatch is None else None,
        floating=_combine(floating),
        anchored_src=tuple(anchored),
        tails=_group_by_gate(tail),
        tail_sources=tuple(p for p, gate in tail if not gate),
        dispatch=dispatch,
        gated=gated_rx,
    )


def _group_by_gate(
    items: Sequence[tuple[str, tuple[str, ...]]],
) -> tuple[tuple[tuple[str, ...], re.Pattern[str]], ...]:
    """Combine patterns that share a gate into one regex per gate."""
    groups: dict[tuple[str, ...], list[str]] = {}
    for p, gate in items:
        groups.setdefault(gate, []).append(p)
    return tuple((gate, rx) for gate, ps in groups.items() if (rx := _combine(ps)) is not None)


@dataclass(frozen=True)
class RuleSet:
    """The compiled lexicon of one rule. Immutable; build with :func:`parse_rules`."""

    reason: Reason
    phrases: frozenset[str] = frozenset()
    edge_phrases: frozenset[str] = frozenset()
    follow_phrases: frozenset[str] = frozenset()
    box_phrases: frozenset[str] = frozenset()  # (edge phrases too)
    pattern: Patterns | None = None
    edge_pattern: Patterns | None = None
    follow_pattern: Patterns | None = None
    words: frozenset[str] = frozenset()
    anchors: frozenset[str] = frozenset()
    max_words: int = DEFAULT_MAX_WORDS
    max_chars: int = DEFAULT_MAX_CHARS
    # Percent of a vocabulary line's words that may be unknown (>= 3 anchors).
    vocab_slack: int = 0
    sources: tuple[str, ...] = field(default=(), compare=False)

    def has_entries(self) -> bool:
        """Whether the rule has any phrase, word or pattern (an empty rule
        matches nothing: :meth:`match` is False on every line).

        >>> RuleSet(Reason.BYLINE).has_entries()
        False
        """
        return bool(
            self.phrases
            or self.edge_phrases
            or self.follow_phrases
            or self.words
            or self.pattern is not None
            or self.edge_pattern is not None
            or self.follow_pattern is not None
        )

    def match_phrase(self, key: str, n_words: int, *, zone_edge: bool, follows: bool) -> bool:
        """Whether a line with comparison ``key`` (of ``n_words`` words) is a lexicon phrase."""
        if not key:
            return False
        if n_words > self.max_words:
            # A vocabulary line (a one-line menu) may be longer than a phrase.
            return bool(self.words) and n_words <= _MAX_VOCAB_WORDS and self._vocab(key)
        if key in self.phrases:
            return True
        if zone_edge and key in self.edge_phrases:
            return True
        if follows and key in self.follow_phrases:
            return True
        return bool(self.words) and self._vocab(key)

    def _vocab(self, key: str) -> bool:
        tokens = key.split(" ")
        if not self.vocab_slack:
            return all(t in self.words for t in tokens) and (
                not self.anchors or any(t in self.anchors for t in tokens)
            )
        # Counters ("Comments (23)", "1.2k shares") are no words of their own.
        unknown = sum(t not in self.words and not t.isdigit() for t in tokens)
        if unknown == 0:
            return not self.anchors or any(t in self.anchors for t in tokens)
        return (
            unknown * 100 <= self.vocab_slack * len(tokens)
            and len({t for t in tokens if t in self.anchors}) >= _SLACK_ANCHORS
        )

    def match_pattern(
        self,
        text: str,
        *,
        zone_edge: bool,
        follows: bool,
        folded: str | None = None,
        scan: GateScan | None = None,
    ) -> bool:
        """Whether ``text`` matches one of the rule's regular expressions
        (``scan``: see :meth:`Patterns.search`)."""
        if len(text) > self.max_chars:
            return False
        if self.pattern is not None and self.pattern.search(text, folded, scan):
            return True
        if (
            zone_edge
            and self.edge_pattern is not None
            and self.edge_pattern.search(text, folded, scan)
        ):
            return True
        return bool(
            follows
            and self.follow_pattern is not None
            and self.follow_pattern.search(text, folded, scan)
        )

    def literals(self) -> frozenset[str]:
        """Every gate string of the rule's patterns (see :class:`GateIndex`)."""
        return frozenset().union(
            *(p.literals for p in (self.pattern, self.edge_pattern, self.follow_pattern) if p)
        )

    def match(
        self,
        text: str,
        key: str,
        n_words: int,
        *,
        zone_edge: bool,
        follows: bool,
        scan: GateScan | None = None,
    ) -> bool:
        """Phrase or pattern match."""
        return self.match_phrase(key, n_words, zone_edge=zone_edge, follows=follows) or (
            self.match_pattern(text, zone_edge=zone_edge, follows=follows, scan=scan)
        )


class Vocabulary(NamedTuple):
    """What every vocabulary test of some rules needs (see :func:`vocabulary`)."""

    words: frozenset[str]  # every word and anchor of the rules
    slack: int  # the largest share of unknown words (percent) a rule allows


def vocabulary(rules: Iterable[RuleSet]) -> Vocabulary:
    """The words, anchors and largest slack of ``rules`` (see :func:`may_be_vocabulary`).

    >>> vocabulary([RuleSet(Reason.NAVIGATION, words=frozenset({"home"}))])
    Vocabulary(words=frozenset({'home'}), slack=0)
    """
    rules = list(rules)
    return Vocabulary(
        frozenset().union(*(r.words | r.anchors for r in rules)),
        max((r.vocab_slack for r in rules), default=0),
    )


def may_be_vocabulary(key: str, vocab: Vocabulary) -> bool:
    """Whether a line's ``key`` may pass the vocabulary test of one of the
    rules ``vocab`` was made of: at most ``vocab.slack`` percent of its words
    are neither rule words nor figures (every rule needs that much: a rule
    without slack needs all its words known, see :meth:`RuleSet._vocab`).
    False is exact: :meth:`RuleSet.match_phrase` can then only match the key
    as a phrase. Counting known words with C-level maps is cheaper than
    the lookups per token and rule (~3 us a short line, mostly headings).

    >>> v = Vocabulary(frozenset({"home", "news", "sport"}), 33)
    >>> may_be_vocabulary("growing frustration over news", v)
    False
    >>> may_be_vocabulary("home news sport 12", v), may_be_vocabulary("home news sport weather", v)
    (True, True)
    """
    tokens = key.split(" ")
    # (A token both a word and a figure counts twice: an upper bound of the
    # known words, so the test never says False where a rule could match.)
    known = sum(map(vocab.words.__contains__, tokens)) + sum(map(str.isdigit, tokens))
    return (len(tokens) - known) * 100 <= vocab.slack * len(tokens)


def read_entries(path: str | Path) -> list[str]:
    """Read the entry lines of a lexicon file (a user file or a packaged one)."""
    try:
        return Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise OptionsError(f"lexicon_files: cannot read {str(path)!r}: {exc}") from None
    except UnicodeDecodeError as exc:
        raise OptionsError(f"lexicon_files: {str(path)!r} is not UTF-8: {exc}") from None


def parse_rules(
    reason: Reason,
    lines: Iterable[str],
    *,
    extra_phrases: Sequence[str] = (),
    extra_patterns: Sequence[str] = (),
    source: str = "<entries>",
    packaged_lines: int = 0,
) -> RuleSet:
    """Parse lexicon lines (see the module docstring) into a :class:`RuleSet`.

    The first ``packaged_lines`` lines are the packaged lexicons: the test
    suite compiles each of their patterns, so they are not compiled once more
    to be checked here (a tenth of a ``Cleaner``'s start-up; the lexicons
    hold thousands of patterns). ``extra_patterns`` were checked by
    :class:`CleanOptions`. Other lines' patterns are checked: a bad one raises
    :class:`OptionsError` naming its file and line."""
    phrases: set[str] = set()
    edge_phrases: set[str] = set()
    follow_phrases: set[str] = set()
    box_phrases: set[str] = set()
    patterns: list[tuple[str, tuple[str, ...], bool]] = []
    edge_patterns: list[tuple[str, tuple[str, ...], bool]] = []
    follow_patterns: list[tuple[str, tuple[str, ...], bool]] = []
    checked: set[str] = set(extra_patterns)
    gate: tuple[str, ...] = ()
    words: set[str] = set()
    anchors: set[str] = set()
    max_words = DEFAULT_MAX_WORDS
    max_chars = DEFAULT_MAX_CHARS
    vocab_slack = 0
    for n, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        where = f"{source}:{n}"
        if line.startswith("@requires"):
            gate = tuple(fold(g) for g in line[len("@requires") :].strip().split("|") if g)
            continue
        if line.startswith("@"):
            name, _, value = line[1:].partition(" ")
            if name not in ("max_words", "max_chars", "vocab_slack") or not (
                value.strip().isdigit()
            ):
                raise OptionsError(f"{where}: unknown setting {line!r}")
            if name == "max_words":
                max_words = int(value)
            elif name == "max_chars":
                max_chars = int(value)
            elif int(value) > 100:
                raise OptionsError(f"{where}: @vocab_slack is a percentage (0-100), got {value}")
            else:
                vocab_slack = int(value)
            continue
        kind, sep, rest = line.partition(":")
        kind = kind.strip()
        if sep and kind in ("re", "edge re", "follow re", "tail re"):
            target = {
                "re": patterns,
                "tail re": patterns,
                "edge re": edge_patterns,
                "follow re": follow_patterns,
            }[kind]
            target.append((rest.strip(), gate, kind == "tail re"))
            if n <= packaged_lines:
                checked.add(rest.strip())
        elif sep and kind in ("edge", "follow", "box"):
            key = line_key(rest)
            if key:
                (follow_phrases if kind == "follow" else edge_phrases).add(key)
                if kind == "box":
                    box_phrases.add(key)
        elif sep and kind in ("words", "anchors"):
            (words if kind == "words" else anchors).update(line_key(rest).split())
        else:
            key = line_key(line)
            if key:
                phrases.add(key)
    extra_keys = [k for k in (line_key(p) for p in extra_phrases) if k]
    phrases.update(extra_keys)
    # A user's phrase always counts, however long the rule's usual junk lines are.
    max_words = max([max_words, *(len(k.split()) for k in extra_keys)])
    patterns.extend((p, (), False) for p in extra_patterns)
    return RuleSet(
        reason=reason,
        phrases=frozenset(phrases),
        edge_phrases=frozenset(edge_phrases),
        follow_phrases=frozenset(follow_phrases),
        box_phrases=frozenset(box_phrases),
        pattern=_compile(patterns, f"{source} ({reason.value})", checked),
        edge_pattern=_compile(edge_patterns, f"{source} ({reason.value})", checked),
        follow_pattern=_compile(follow_patterns, f"{source} ({reason.value})", checked),
        words=frozenset(words),
        anchors=frozenset(anchors),
        max_words=max_words,
        max_chars=max_chars,
        vocab_slack=vocab_slack,
        sources=(source,),
    )


def load_builtin(name: str) -> list[str]:
    """The lines of a packaged data file (``newsclean/clean/data/<name>.txt``)."""
    ref = resources.files("newsclean.clean").joinpath(f"data/{name}.txt")
    if not ref.is_file():
        return []
    return ref.read_text(encoding="utf-8").splitlines()
