"""Recovery when trafilatura returns far too little: its full mode, then readability-lxml.

trafilatura sometimes picks the wrong block (a print footer, one of several
sibling containers the body is split across, a teaser). The page's ``<p>``
text tells when: the extracted body has fewer tokens than
:data:`SHORT_FRACTION` of it, or fewer than :data:`MIN_TOKENS` tokens at all.
Then readability-lxml (a different algorithm: the best-scoring container and
its siblings) runs, and its text replaces trafilatura's only when it is at
least :data:`LONGER_BY` times longer. Measured on the ScrapingHub set
(``benchmarks/NOTES-extraction.md``): readability runs on about one page in
ten and wins on a few, for +0.008 F1; the thresholds are round numbers, and
F1 is flat around them.

>>> needs_recovery(extracted_tokens=40, page_p_tokens=900)
True
>>> needs_recovery(extracted_tokens=800, page_p_tokens=900)
False
"""

from __future__ import annotations

import re
from typing import Any

__all__ = [
    "FULL_PASS_FRACTION",
    "LONGER_BY",
    "MIN_TOKENS",
    "SHORT_FRACTION",
    "needs_full_pass",
    "needs_recovery",
    "readability_text",
]

SHORT_FRACTION = 0.5
"""Recover when the body has fewer tokens than this share of the page's ``<p>`` tokens."""
MIN_TOKENS = 100
"""... or fewer tokens than this."""
LONGER_BY = 1.5
"""readability's text must have this many times the tokens to replace trafilatura's."""

_BLOCK_TAGS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt"),
        *("figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6"),
        *("header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table"),
        *("td", "th", "tr", "ul"),
    }
)
_SPACE_RE = re.compile(r"[^\S\n]+")


FULL_PASS_FRACTION = 0.7
"""Run trafilatura's full mode when its fast body has fewer tokens than this share
of the page's ``<p>`` tokens (or fewer than :data:`MIN_TOKENS`).

On the ScrapingHub set the fast and full modes differ on 6 pages of 181, all
of them short by the recovery measure (``SHORT_FRACTION``); the wider margin
here costs a full pass on about a quarter of the pages and guards pages whose
text sits outside ``<p>`` elements.
"""


def needs_full_pass(extracted_tokens: int, page_p_tokens: int) -> bool:
    """Whether trafilatura's fast body is short enough to warrant its full mode.

    >>> needs_full_pass(600, 1000), needs_full_pass(800, 1000)
    (True, False)
    """
    return extracted_tokens < MIN_TOKENS or extracted_tokens < FULL_PASS_FRACTION * page_p_tokens


def needs_recovery(extracted_tokens: int, page_p_tokens: int) -> bool:
    """Whether trafilatura's body is suspiciously short for the page."""
    return extracted_tokens < MIN_TOKENS or extracted_tokens < SHORT_FRACTION * page_p_tokens


def fragment_text(fragment: str) -> str:
    """The text of an HTML fragment: one line per block, text nodes joined by a space.

    (``text_content()`` would glue the words of adjacent inline elements.)

    >>> fragment_text("<div><p>One <b>two</b></p><p>three</p></div>")
    'One two\\nthree'
    """
    from lxml import html as lxml_html  # type: ignore[import-untyped,unused-ignore]

    if not fragment.strip():
        return ""
    root: Any = lxml_html.fragment_fromstring(fragment, create_parent="div")
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")
    lines = " ".join(root.itertext()).split("\n")
    return "\n".join(joined for line in lines if (joined := " ".join(line.split())))


def readability_text(html: str) -> str:
    """readability-lxml's article body as text ("" when it finds none)."""
    from readability import Document  # type: ignore[import-untyped,unused-ignore]

    summary: str = Document(html).summary(html_partial=True)
    return fragment_text(summary)
