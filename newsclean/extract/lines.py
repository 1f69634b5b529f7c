"""Line rules on the extracted text (one block a line), run before the cleaner.

- :func:`drop_headlines` needs the HTML: the page knows its headline
  (``<h1>``, ``og:title``, ``<title>``). A line at the top of the body that *is*
  the headline, or a piece of it ("Rain Ends Drought" under ``<title>Rain Ends
  Drought After Two Years | Daily</title>``), is the headline repeated,
  whatever words it uses — no lexicon can know that.
- :func:`drop_credits`: reporting credits at the end of the body, which read
  like sentences and so escape the cleaner's byline rules.

>>> lines = ["Rain Ends Drought", "Heavy rain fell on Monday, ending the drought."]
>>> drop_headlines(lines, ("Rain Ends Drought After Two Years | Daily",))
(['Heavy rain fell on Monday, ending the drought.'], ['Rain Ends Drought'])
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = [
    "CREDIT_PATTERNS",
    "CREDIT_ZONE",
    "HEADLINE_ZONE",
    "drop_credits",
    "drop_headlines",
    "line_key",
]

HEADLINE_ZONE = 3
"""The headline is looked for among this many first lines of the body."""

_MIN_PART_WORDS = 3
_KEY_RE = re.compile(r"[\W_]+")


def line_key(text: str) -> str:
    """Casefolded words separated by single spaces: what two lines are compared by."""
    return _KEY_RE.sub(" ", text.casefold()).strip()


def _is_headline(key: str, headline_keys: Sequence[str]) -> bool:
    if not key:
        return False
    n_words = key.count(" ") + 1
    for h in headline_keys:
        if key == h:
            return True
        # A piece of a longer headline (the page title often adds the site name
        # or a kicker): long enough not to be a common phrase, at a word boundary.
        if n_words >= _MIN_PART_WORDS and f" {key} " in f" {h} ":
            return True
    return False


def drop_headlines(lines: list[str], headlines: Sequence[str]) -> tuple[list[str], list[str]]:
    """Remove headline lines from the first :data:`HEADLINE_ZONE` lines.

    Returns ``(kept, removed)``. A line matches when its words equal a
    headline candidate's, or when it is a run of at least three of a
    candidate's words (the page title adds a site name or a kicker); later
    lines are never looked at, so a headline quoted in the story stays.
    """
    keys = [k for h in headlines if (k := line_key(h))]
    if not keys:
        return lines, []
    removed: list[str] = []
    cut = 0
    for i, line in enumerate(lines[:HEADLINE_ZONE]):
        if _is_headline(line_key(line), keys):
            removed.append(line)
            cut = i + 1
    if not removed:
        return lines, []
    kept = [line for line in lines[:cut] if line not in removed] + lines[cut:]
    return kept, removed


CREDIT_ZONE = 3
"""Reporting credits are looked for among this many last lines of the body."""

CREDIT_PATTERNS: tuple[str, ...] = (
    r"^\(?\s*(?:additional |with )?reporting by\b",
    r"^\(?\s*(?:editing|edited|writing|written|compiled|produced|translated) by\b.{0,200}$",
    r"\bcontributed (?:to )?(?:this |the )?(?:report|reporting|story|article)\b.{0,80}$",
    r"^\(?\s*con (?:información|informaciones|reporte|reportes) de\b",
    r"^\(?\s*com (?:informações|agências|reportagem) d[aeo]s?\b",
    r"^\(?\s*avec (?:l'|l’)?(?:afp|reuters|ap|agences?)\b",
    r"^\(?\s*mit material (?:von|der|des)\b",
)
"""Reporting-credit lines ("Associated Press writers A and B contributed to this
report.", "(Reporting by A; Editing by B)") — case-insensitive ``re.search``.

The cleaner's byline rules only look at short lines; credits naming many
people read like sentences, so they are matched here, at the end of the body.
"""

_CREDIT_RE = re.compile("|".join(f"(?:{p})" for p in CREDIT_PATTERNS), re.IGNORECASE)
_MAX_CREDIT_WORDS = 80


def drop_credits(lines: list[str]) -> tuple[list[str], list[str]]:
    """Remove reporting-credit lines among the last :data:`CREDIT_ZONE` lines.

    >>> drop_credits(["The talks ended on Friday.", "(Reporting by Jane Doe; Editing by Bob Roe)"])
    (['The talks ended on Friday.'], ['(Reporting by Jane Doe; Editing by Bob Roe)'])
    """
    start = max(len(lines) - CREDIT_ZONE, 1)  # never the only or the first line
    removed = [
        line
        for line in lines[start:]
        if line.count(" ") < _MAX_CREDIT_WORDS and _CREDIT_RE.search(line)
    ]
    if not removed:
        return lines, []
    return lines[:start] + [line for line in lines[start:] if line not in removed], removed
