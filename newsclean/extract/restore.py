"""Prose paragraphs that trafilatura's precision mode dropped, put back.

Precision mode removes borderline blocks: a paragraph that is mostly one link,
a heading that links to itself, a block whose markup looks like a teaser. Now
and then such a block is a real paragraph of the story. trafilatura's balanced
mode (its default) keeps them, but also keeps much furniture, so its body is
not taken whole: only its lines that

- lie *inside* the precision body (after its first line and before its last,
  in balanced mode's order: no standfirsts, teasers or footers around it), and
- read like prose: at least :data:`MIN_WORDS` words (or ``6 x MIN_WORDS``
  characters for scripts without spaces), ending like a sentence, without a URL,

are inserted where balanced mode has them. When the precision body has lines
that balanced mode lacks, the two disagree about the page and nothing is
inserted.

Balanced mode costs a trafilatura pass, so it runs only when two cheap tests
agree (:func:`needs_balanced_pass`, then :func:`dropped_prose`): the body's
size is off against the page's ``<p>`` text, and the page has a prose block
missing from the body between two blocks that are in it. Measured on the
ScrapingHub set (``benchmarks/NOTES-extraction.md``): about one page in six
runs it, and it brings back real paragraphs on four (F1 +0.0007, no page
worse); the thresholds are round numbers chosen there.

>>> precise = "First paragraph of the story.\\nLast paragraph."
>>> balanced = ("Subscribe now\\nFirst paragraph of the story.\\n"
...             "A linked paragraph that precision mode dropped, though it is "
...             "plainly part of the story.\\nShort teaser line\\nLast paragraph.\\nMore news")
>>> print(restore_prose(precise, balanced)[0])
First paragraph of the story.
A linked paragraph that precision mode dropped, though it is plainly part of the story.
Last paragraph.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["MIN_WORDS", "dropped_prose", "is_prose", "needs_balanced_pass", "restore_prose"]

MIN_WORDS = 12
"""A restored line has at least this many words (or 6x as many characters)."""

CHECK_BELOW = 0.9
"""Run balanced mode when the body has fewer tokens than this share of the page's
``<p>`` tokens ..."""
CHECK_ABOVE = 2.0
"""... or more than this multiple of them (the text lives outside ``<p>``)."""

_SENTENCE_END_RE = re.compile(r"[.!?:;\u2026\u3002\uff01\uff1f][\"'\u201d\u2019\u00bb)\]]*$")


def is_prose(line: str) -> bool:
    """Whether a line reads like a paragraph of running text.

    >>> is_prose("Read more"), is_prose("See https://example.org/a/very/long/path/for/this/story.")
    (False, False)
    >>> is_prose("The discovery was announced in an article published Monday in the journal.")
    True
    """
    if "://" in line or not _SENTENCE_END_RE.search(line):
        return False
    return len(line.split()) >= MIN_WORDS or len(line) >= 6 * MIN_WORDS


def needs_balanced_pass(extracted_tokens: int, page_p_tokens: int) -> bool:
    """Whether the body's size, against the page's ``<p>`` text, suggests dropped text.

    >>> needs_balanced_pass(950, 1000), needs_balanced_pass(700, 1000), needs_balanced_pass(900, 10)
    (False, True, True)
    """
    return not (CHECK_BELOW * page_p_tokens <= extracted_tokens <= CHECK_ABOVE * page_p_tokens)


_TEXT_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote")


def dropped_prose(tree: Any, body: str) -> bool:
    """Whether the page has a prose block missing from ``body`` between blocks in it.

    Walks the text blocks (``<p>``, headings, list items, quotes) in document
    order; a block is "in" when its text occurs in ``body``. True when a block
    that is not in, but reads like prose, lies between the first and the last
    block that is: the cheap test that balanced mode may have something to add.

    >>> from newsclean.extract.html import parse_html
    >>> tree = parse_html("<html><body><p>One.</p><p>" + "A dropped but real line "
    ...                   "of the story, long enough to be a paragraph." + "</p><p>Two.</p></body></html>")
    >>> dropped_prose(tree, "One.\\nTwo."), dropped_prose(tree, "One.")
    (True, False)
    """
    flat = " ".join(body.split())
    if not flat:
        return False
    seen_in = False
    pending = False  # a dropped prose block after the first block that is in
    for el in tree.iter(*_TEXT_TAGS):
        text = " ".join(el.text_content().split())
        if not text:
            continue
        if text in flat:
            if pending:
                return True
            seen_in = True
        elif seen_in and not pending and is_prose(text):
            pending = True
    return False


def restore_prose(precise: str, balanced: str) -> tuple[str, int]:
    """The precision body with balanced mode's inner prose lines put back.

    Returns the body and the number of lines inserted (``precise`` itself when 0).
    """
    kept = [line.strip() for line in precise.split("\n") if line.strip()]
    others = [line.strip() for line in balanced.split("\n") if line.strip()]
    known = set(kept)
    if not known or not known <= set(others):
        return precise, 0
    at = [i for i, line in enumerate(others) if line in known]
    first, last = at[0], at[-1]
    out: list[str] = []
    added = 0
    for i, line in enumerate(others):
        if line in known:
            out.append(line)
        elif first < i < last and is_prose(line):
            out.append(line)
            added += 1
    return ("\n".join(out), added) if added else (precise, 0)
