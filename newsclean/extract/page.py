"""What the HTML page itself says about its article, read once before extraction.

- the headline candidates: ``<title>``, ``og:title``/``twitter:title`` and the
  ``<h1>`` elements (the line rules remove them from the top of the body);
- how much paragraph text the page holds (``<p>`` word tokens): the recovery
  path runs when the extracted body is much shorter than that.

The tree is only read here; trafilatura gets a copy of it later.

>>> from newsclean.extract.html import parse_html
>>> ctx = page_context(parse_html("<html><head><title>Rain | Daily</title></head>"
...                               "<body><h1>Rain</h1><p>It rained all day.</p></body></html>"))
>>> ctx.headlines, ctx.p_tokens
(('Rain', 'Rain | Daily'), 4)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

__all__ = ["PageContext", "page_context"]

_TOKEN_RE = re.compile(r"\w+")
_MAX_HEADLINES = 8
_MAX_HEADLINE_CHARS = 500


@dataclass(frozen=True)
class PageContext:
    """Facts about the page that the extracted text alone does not carry."""

    title: str | None
    """The ``<title>`` text (whitespace collapsed)."""
    headlines: tuple[str, ...]
    """Headline candidates, distinct: ``<h1>`` texts, ``og:title``/``twitter:title``, ``<title>``."""
    p_tokens: int
    """Word tokens (``\\w+``) in all ``<p>`` elements of the page."""


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())[:_MAX_HEADLINE_CHARS]


def count_tokens(text: str) -> int:
    """The number of ``\\w+`` tokens of ``text`` (the benchmark's tokens)."""
    return len(_TOKEN_RE.findall(text))


def page_context(tree: Any) -> PageContext:
    """Read the headline candidates and the paragraph volume of a parsed page."""
    title = _clean(tree.findtext(".//title")) or None
    found: list[str] = []
    for h1 in tree.iterfind(".//h1"):
        found.append(_clean(h1.text_content()))
        if len(found) >= 3:
            break
    for meta in tree.iterfind(".//meta[@content]"):
        key = (meta.get("property") or meta.get("name") or "").lower()
        if key in ("og:title", "twitter:title"):
            found.append(_clean(meta.get("content")))
    if title:
        found.append(title)
    headlines = tuple(dict.fromkeys(h for h in found if h))[:_MAX_HEADLINES]
    # Plain strings, not lxml's "smart" ones that know their parent: faster.
    p_text = " ".join(tree.xpath("//p//text()", smart_strings=False))
    return PageContext(title=title, headlines=headlines, p_tokens=count_tokens(p_text))
