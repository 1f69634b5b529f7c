"""The result types shared by every stage: :class:`Article`, :class:`Removal`, :class:`Reason`.

An :class:`Article` is what cleaning (and later extraction) returns: the clean
body, the title, the section headings kept in the body, every line that was
removed with the reason why, and metadata found on the way::

    >>> from newsclean import clean_text, Reason
    >>> a = clean_text("Home\\n\\nRain Ends Drought\\n\\nRain Ends Drought\\n\\n"
    ...                "Heavy rain fell across the region on Monday, ending a drought that "
    ...                "had lasted for more than two years, officials said.")
    >>> a.title
    'Rain Ends Drought'
    >>> [r.reason for r in a.removed]
    [<Reason.NAVIGATION: 'navigation'>, <Reason.REPEATED_TITLE: 'repeated_title'>, \
<Reason.REPEATED_TITLE: 'repeated_title'>]
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from types import MappingProxyType
from typing import Any

__all__ = ["Article", "Reason", "Removal"]


class Reason(str, Enum):
    """Why a line left the article body.

    The value is the stable, lowercase name used in JSON output and in
    ``CleanOptions.keep``.
    """

    REPEATED_TITLE = "repeated_title"
    NAVIGATION = "navigation"
    SHARE_WIDGET = "share_widget"
    RELATED_LINKS = "related_links"
    BOILERPLATE = "boilerplate"
    ADVERTISEMENT = "advertisement"
    NEWSLETTER = "newsletter"
    COMMENTS_SCAFFOLD = "comments_scaffold"
    COOKIE_NOTICE = "cookie_notice"
    COPYRIGHT = "copyright"
    DISCLAIMER = "disclaimer"
    PHOTO_CREDIT = "photo_credit"
    TAGS_META = "tags_meta"
    SOURCE_LABEL = "source_label"
    BYLINE = "byline"
    TIMESTAMP = "timestamp"
    DECORATION = "decoration"
    DUPLICATE_PARAGRAPH = "duplicate_paragraph"
    SITE_BOILERPLATE = "site_boilerplate"  # learned per site (newsclean.profiles)
    LINE_MODEL = "line_model"  # scored as furniture by the learned line model

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Removal:
    """One unit of the input that was removed from the body.

    ``line_no`` is the 1-based line of the input where the unit starts (a
    hard-wrapped paragraph spans several input lines); ``line`` is the
    normalized text of the unit.
    """

    line_no: int
    line: str
    reason: Reason

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: ``{"line_no": 3, "line": "Home", "reason": "navigation"}``."""
        return {"line_no": self.line_no, "line": self.line, "reason": self.reason.value}


def _frozen_mapping(value: Mapping[str, Any] | None = None) -> Mapping[str, Any]:
    return MappingProxyType(dict(value or {}))


@dataclass(frozen=True)
class Article:
    """A clean article.

    Attributes:
        title: the headline, given or detected; ``None`` when there is none.
        text: the clean body, paragraphs separated by one blank line, section
            headings as paragraphs of their own.
        paragraphs: the same body as a tuple, one item per paragraph/heading.
        headings: the section subheadings kept in the body, in order.
        removed: every removed unit with its reason, in input order.
        meta: what was learned on the way (``author``, ``date``, ``title_source``...).
    """

    title: str | None
    text: str
    paragraphs: tuple[str, ...]
    headings: tuple[str, ...] = ()
    removed: tuple[Removal, ...] = ()
    meta: Mapping[str, Any] = field(default_factory=_frozen_mapping)

    def __post_init__(self) -> None:
        if not isinstance(self.meta, MappingProxyType):
            object.__setattr__(self, "meta", _frozen_mapping(self.meta))

    def __reduce__(self) -> tuple[Any, ...]:
        # ``meta`` is a read-only mapping proxy, which pickle cannot copy:
        # rebuild from a plain dict (worker processes send articles back).
        return (
            Article,
            (self.title, self.text, self.paragraphs, self.headings, self.removed, dict(self.meta)),
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of every field."""
        return {
            "title": self.title,
            "text": self.text,
            "paragraphs": list(self.paragraphs),
            "headings": list(self.headings),
            "removed": [r.to_dict() for r in self.removed],
            "meta": dict(self.meta),
        }
