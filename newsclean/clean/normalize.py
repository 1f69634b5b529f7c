"""Text normalization and segmentation into units (paragraphs or lines).

This is the first step of cleaning: it turns whatever a scraper left into a
list of :class:`Unit` — one per paragraph, with the 1-based input line it
starts on — in time linear in the input.

* Unicode NFC; NBSP and other fixed-width spaces become plain spaces;
  zero-width spaces, word joiners, BOMs and soft hyphens are removed; control
  characters (NUL included) are dropped; ``\\r\\n``/``\\r`` become ``\\n``.
* Whitespace inside a line is collapsed to one space and lines are stripped.
* Hard-wrapped paragraphs (scrapers often break at ~70 characters) are
  re-joined: a line is glued to the next when the next line's first word would
  have fitted on it had the paragraph not been wrapped, and (in any text)
  when a long line without end punctuation is followed by a lowercase
  continuation. Bullet items are never glued.

>>> [u.text for u in split_units("A Title\\n\\nThe first line of a hard-wrapped\\nparagraph goes on here")]
['A Title', 'The first line of a hard-wrapped paragraph goes on here']
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

__all__ = ["Row", "Unit", "normalize_line", "normalize_text", "split_rows", "split_units"]

# Fixed-width and no-break spaces -> a plain space. The ideographic space
# (U+3000) is a character of CJK text, kept inside lines (stripped at their
# ends like any space, and a cell separator in menus).
_SPACE_CHARS = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\t\v\f"
# Invisible characters removed outright. ZWJ/ZWNJ are kept: they carry meaning
# in Persian, Indic scripts and emoji sequences.
_DROP_CHARS = "\u200b\u2060\ufeff\u00ad\u180e\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

_TABLE: dict[int, str | None] = {}
for _c in _SPACE_CHARS:
    _TABLE[ord(_c)] = " "
for _c in _DROP_CHARS:
    _TABLE[ord(_c)] = None
for _i in range(0x20):
    if _i not in (0x09, 0x0A, 0x0B, 0x0C, 0x0D):
        _TABLE[_i] = None
_TABLE[0x7F] = None
for _i in range(0x80, 0xA0):
    _TABLE[_i] = None
_TABLE[0x2028] = "\n"  # line separator
_TABLE[0x2029] = "\n\n"  # paragraph separator
_TABLE[0x0D] = "\n"  # lone CR (CRLF is handled before the table)

_SPACES_RE = re.compile(r" {2,}")
# str.translate looks every character up in a dict (slow on long text); a
# character-class regex finds the rare characters that need it much faster.
_SPECIAL_RE = re.compile("[" + re.escape("".join(chr(c) for c in _TABLE)) + "]")
_BULLET_RE = re.compile(r"^(?:[-*•·▪‣◦●○■□➤►▶✓✔–—]|\d{1,3}[.)]|[a-z][.)])\s")
_TERMINAL = frozenset('.!?…:;"”’»)]')
# Scripts written without spaces between words: wrapped lines join with no space.
_NO_SPACE_SCRIPT_RE = re.compile(
    r"[\u0e00-\u0e7f\u0e80-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf"
    r"\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]"
)

# Wrap widths outside this range are not hard wrapping: lines longer than
# this are whole paragraphs, shorter ones are lists of short lines.
MIN_WRAP_WIDTH = 30
MAX_WRAP_WIDTH = 160
_WRAP_SLACK = 3


@dataclass(frozen=True)
class Unit:
    """One paragraph (or stand-alone line) of the normalized input."""

    line_no: int
    text: str
    block: int = 0  # index of the blank-line-separated block the unit is in
    # Cells of a single input line separated by runs of spaces or tabs before
    # they were collapsed ("Menu  Search  Subscribe" has 3); 1 otherwise.
    cells: int = 1


def normalize_text(text: str) -> str:
    """NFC, invisible characters removed, line breaks unified (lines not yet stripped).

    >>> normalize_text("caf\\u0065\\u0301\\u00a0au\\u00adlait\\r\\n")
    'café aulait\\n'
    """
    text = text.replace("\r\n", "\n")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return _SPECIAL_RE.sub(_replace_special, text)


def _replace_special(m: re.Match[str]) -> str:
    return _TABLE[ord(m.group())] or ""


def normalize_line(line: str) -> str:
    """Collapse runs of spaces and strip one (already normalized) line."""
    # The substring test is much cheaper than the regex on the (usual) line
    # without a double space.
    return _SPACES_RE.sub(" ", line).strip() if "  " in line else line.strip()


_GAP_RE = re.compile(r"[ \t\u3000]{2,}|[\t\u3000]")


def _first_word_len(line: str) -> int:
    cut = line.find(" ")
    return len(line) if cut < 0 else cut


def _wrap_width(blocks: list[list[tuple[int, str]]]) -> int | None:
    """Estimate the width a text was hard-wrapped at, or ``None`` if it was not.

    Looks at every line that is followed by another line of the same block:
    in wrapped text most of them sit just under one ceiling.
    """
    inner = sorted(len(line) for block in blocks for _, line in block[:-1])
    if len(inner) < 3:
        return None
    ceiling = inner[(len(inner) * 9) // 10]
    if not _wrapped_under(inner, ceiling):
        return None
    # A few longer lines wrapped at another width (a cookie notice, a footer)
    # lift the top decile above the story's width: a lower ceiling under
    # which more lines sit close wins, if the text is wrapped under it too.
    top = ceiling
    best = bisect_right(inner, top) - bisect_left(inner, 0.85 * top)
    for c in sorted(set(inner)):
        if MIN_WRAP_WIDTH <= c < top:
            k = bisect_right(inner, c) - bisect_left(inner, 0.85 * c)
            if k > best and _wrapped_under(inner, c):
                best, ceiling = k, c
    return max(n for n in inner if n <= ceiling + 2)


def _wrapped_under(inner: list[int], ceiling: int) -> bool:
    """Whether lines of these lengths (sorted) read as wrapped under ``ceiling``."""
    if not MIN_WRAP_WIDTH <= ceiling <= MAX_WRAP_WIDTH:
        return False
    # Short lines (list items, figures, labels) say nothing about wrapping; among
    # the others, most must sit just under the ceiling.
    # (Counted by bisection: the widths are sorted.)
    longish = len(inner) - bisect_left(inner, 0.5 * ceiling)
    near = bisect_right(inner, ceiling + 2) - bisect_left(inner, 0.7 * ceiling)
    return longish >= 3 and near >= 0.7 * longish


def _glue(left: str, right: str) -> str:
    if left.endswith("-") and len(left) > 1 and left[-2].isalpha() and right[:1].islower():
        return left + right
    if _NO_SPACE_SCRIPT_RE.match(left[-1]) and _NO_SPACE_SCRIPT_RE.match(right[0]):
        return left + right
    return left + " " + right


def _wrapped(line: str, nxt: str, width: int) -> bool:
    """The next word would not have fitted on ``line``: it was wrapped. A few
    characters of slack absorb invisible characters (soft hyphens) that
    counted when the text was wrapped and are gone now."""
    return (
        0.6 * width <= len(line) <= width + 2
        and len(line) + 1 + _first_word_len(nxt) > width - _WRAP_SLACK
    )


def _continues(line: str, nxt: str, width: int | None, listing: bool = False) -> bool:
    """Whether ``nxt`` continues the paragraph ``line`` (both in one block).

    ``listing``: ``line`` is an item of a list under a lead-in that ended
    with a colon, in a run of lines none of which ended a sentence (see
    :func:`_lists`).
    """
    # "... on December" / "11. The panel ...": a number that wrapped to the
    # start of a line is no list item when the line above ran to the wrapping
    # width without ending its sentence (and was no list item).
    if _BULLET_RE.match(nxt) and not (
        nxt[:1].isdigit()
        and width is not None
        and not _BULLET_RE.match(line)
        and line[-1] not in _TERMINAL
        and _wrapped(line, nxt, width)
    ):
        return False
    if nxt[:1].isupper() and not any(w[:1].islower() for w in line.split()):
        return False  # a title-case line (menu, headline, label) is not wrapped prose
    if listing and line[-1] == ";":
        return False  # "...the Toyota Hilux;" / "a two-year ban ...": the next item
    if width is not None:
        if _wrapped(line, nxt, width):
            return True
        if _NO_SPACE_SCRIPT_RE.match(line[-1]) and len(line) >= 0.8 * width / 2:
            # Wrapped CJK text: width counts wide characters, be lenient.
            return True
    # Anywhere: a long line without end punctuation followed by a lowercase
    # continuation of several words. (Not in a list under a colon, whose
    # items start in lowercase and end without a full stop: "They want:" /
    # "a written apology" / "the ban lifted before Christmas" / "a copy of
    # the footage".)
    if listing:
        return False
    # (Not a line of bar-separated items: "de Andrei Munteanu | 28 noiembrie
    # 2026, 14:20 | 1.482 vizualizări" under its headline is a byline row.)
    return (
        len(line) >= 30
        and line[-1] not in _TERMINAL
        and nxt[:1].islower()
        and nxt.count(" ") >= 2
        and line.count(" ") >= 4
        and " | " not in nxt
        and not _byline_start(nxt)
    )


def _lists(unit: str, listing: bool) -> bool:
    """Whether the lines after ``unit`` are items of a list: it is a lead-in
    ending with a colon, or an item of a list that has not ended (no full
    stop yet; items end with ";" or "," or nothing)."""
    end = unit[-1]
    return end == ":" or (listing and (end in ";," or end not in _TERMINAL))


def _byline_start(line: str) -> bool:
    """A "by Marcus Delgado, KVTR Staff" line under a headline: a byline, not the
    rest of the line above (a sentence going on "by a wide margin" or "by the
    council" names no one in capitals next)."""
    words = line.split(maxsplit=3)
    return (
        len(words) >= 3
        and words[0] == "by"
        and words[1][:1].isupper()
        and words[2][:1].isupper()
        and (len(words) == 3 or words[2].endswith(","))
    )


def _drop_cap(acc: str, nxt: str) -> bool:
    """A decorated first letter on a line of its own: "O" / "n a gray Tuesday…".

    "A" and "I" are English words of one letter, so they are left alone.
    """
    return (
        len(acc) == 1
        and acc.isupper()
        and acc not in "AI"
        and nxt[:1].islower()
        and len(nxt) >= MIN_WRAP_WIDTH
    )


def split_units(text: str, *, join_wrapped: bool = True) -> list[Unit]:
    """Normalize ``text`` and split it into paragraph units.

    Blank lines separate blocks; inside a block each line is its own unit
    unless it is the hard-wrapped continuation of the previous one.

    >>> [u.text for u in split_units("Title\\n\\nA   first\\nparagraph.")]
    ['Title', 'A first', 'paragraph.']
    """
    return [Unit(*row) for row in split_rows(text, join_wrapped=join_wrapped)]


Row = tuple[int, str, int, int]  # a Unit's fields in order: line_no, text, block, cells


def split_rows(text: str, *, join_wrapped: bool = True) -> list[Row]:
    """:func:`split_units` as plain tuples (the cleaner's input: creating
    frozen dataclasses cost ~1 us a unit)."""
    text = normalize_text(text)
    blocks: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    cells: dict[int, int] = {}
    # Document-level tests first: most texts have no run of spaces and no
    # ideographic space or tab anywhere, and then no line needs them.
    spaced = "  " in text
    gaps = spaced or "\t" in text or "\u3000" in text
    for line_no, raw in enumerate(text.split("\n"), start=1):
        line = normalize_line(raw) if spaced else raw.strip()
        if line:
            current.append((line_no, line))
            if gaps and ("  " in raw or "\t" in raw or "\u3000" in raw):
                cells[line_no] = len(_GAP_RE.split(raw.strip()))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)

    width = _wrap_width(blocks) if join_wrapped else None
    units: list[Row] = []
    listing = False  # (see _continues)
    for b, block in enumerate(blocks):
        start, acc = block[0]
        prev = acc
        joined = False
        for line_no, line in block[1:]:
            if join_wrapped and _drop_cap(acc, line):
                acc += line
                joined = True
            elif join_wrapped and _continues(prev, line, width, listing):
                acc = _glue(acc, line)
                joined = True
            else:
                units.append((start, acc, b, 1 if joined else cells.get(start, 1)))
                listing = _lists(acc, listing)
                start, acc, joined = line_no, line, False
            prev = line
        units.append((start, acc, b, 1 if joined else cells.get(start, 1)))
        # (Into the next block only from the lead-in itself: "The sentence
        # was:" / blank line / the items.)
        listing = acc[-1] == ":"
    return units
