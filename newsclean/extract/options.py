"""Options of HTML extraction: :class:`ExtractOptions`.

>>> from newsclean import ExtractOptions
>>> ExtractOptions(timeout_s=5).timeout_s
5.0
>>> ExtractOptions(max_bytes=0)
Traceback (most recent call last):
...
newsclean.errors.OptionsError: ExtractOptions.max_bytes must be an int between 1 and 2147483647, got 0
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields

from ..clean.options import CleanOptions
from ..errors import OptionsError

__all__ = ["DEFAULT_MAX_BYTES", "DEFAULT_TIMEOUT_S", "ExtractOptions"]

DEFAULT_MAX_BYTES = 20_000_000
"""Default size cap: 20 MB (the largest real article pages are a few MB)."""

DEFAULT_TIMEOUT_S = 30.0
"""Default time limit per document, in seconds (typical pages take 10-100 ms)."""

_INT_LIMITS: dict[str, tuple[int, int]] = {
    "max_bytes": (1, 2**31 - 1),
    "min_text_length": (0, 10**9),
}


@dataclass(frozen=True)
class ExtractOptions:
    """How :class:`~newsclean.Extractor` extracts. Validated on construction.

    The defaults are the settings measured best on the ScrapingHub benchmark
    (``benchmarks/RESULTS.md``); every switch exists to turn one stage off.

    Attributes:
        max_bytes: size cap; a larger document raises
            :class:`~newsclean.DocumentTooLargeError` before any parsing (bytes
            for ``bytes`` input, characters for ``str``; decompressed gzip
            input is capped too).
        timeout_s: time limit per document in seconds (``None``: no limit); over
            it :class:`~newsclean.ExtractionTimeoutError` is raised. Enforced
            with an interval timer in the main thread and a watchdog thread
            elsewhere; either interrupts Python code, not a single long call into
            the C parser (parsing is linear and bounded by ``max_bytes``).
        include_comments: keep the reader comments trafilatura finds (off: the
            article body only).
        include_tables: keep table text.
        favor_precision: trafilatura's precision mode (drops borderline blocks).
        fast_first: run trafilatura's fast mode first and its full mode (which
            compares with its other algorithms) only when the fast body is short
            for the page; off: always the full mode.
        restore_prose: in precision mode, when the body's size is off against
            the page's ``<p>`` text and a prose block of the page is missing
            between blocks that are in it, also run trafilatura's balanced mode
            (fast) and put back its prose lines that lie inside the precision
            body (:mod:`newsclean.extract.restore`; off: a little faster).
        fallback: when trafilatura returns nothing or much less text than the
            page's paragraphs hold, try readability-lxml and keep the longer body.
        line_rules: remove lines the page itself marks as furniture: the
            headline (``<title>``, ``og:title``, ``<h1>``) repeated at the top of
            the body, and the extraction lexicon (``newsclean/extract/data``).
        clean: run the plain-text cleaner (:class:`~newsclean.Cleaner`) over
            the extracted text.
        clean_options: options of that cleaner; ``None`` uses
            :data:`EXTRACT_CLEAN_OPTIONS <newsclean.extract.extractor.EXTRACT_CLEAN_OPTIONS>`,
            which keeps what extracted bodies legitimately hold (duplicate
            paragraphs, copyright and disclaimer lines, photo credits...).
        with_metadata: fill ``Article.meta`` from the page (title, author,
            date, site name, language, url); off saves a little time.
        min_text_length: a body shorter than this many characters raises
            :class:`~newsclean.NoContentError` (0: return even an empty body).
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    timeout_s: float | None = DEFAULT_TIMEOUT_S
    include_comments: bool = False
    include_tables: bool = True
    favor_precision: bool = True
    fast_first: bool = True
    restore_prose: bool = True
    fallback: bool = True
    line_rules: bool = True
    clean: bool = True
    clean_options: CleanOptions | None = None
    with_metadata: bool = True
    min_text_length: int = 1

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in _INT_LIMITS:
                lo, hi = _INT_LIMITS[f.name]
                if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
                    raise OptionsError(
                        f"ExtractOptions.{f.name} must be an int between {lo} and {hi}, "
                        f"got {value!r}"
                    )
            elif f.type == "bool" and not isinstance(value, bool):
                raise OptionsError(f"ExtractOptions.{f.name} must be a bool, got {value!r}")
        timeout = self.timeout_s
        if timeout is not None:
            if isinstance(timeout, bool) or not isinstance(timeout, (int, float)):
                raise OptionsError(
                    f"ExtractOptions.timeout_s must be a number of seconds or None, got {timeout!r}"
                )
            if not (math.isfinite(timeout) and timeout > 0):
                raise OptionsError(
                    f"ExtractOptions.timeout_s must be positive and finite, got {timeout!r}"
                )
            object.__setattr__(self, "timeout_s", float(timeout))
        if self.clean_options is not None and not isinstance(self.clean_options, CleanOptions):
            raise OptionsError(
                "ExtractOptions.clean_options must be a CleanOptions or None, "
                f"got {type(self.clean_options).__name__}"
            )
