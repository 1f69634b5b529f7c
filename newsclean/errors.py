"""The one exception tree of newsclean.

Every error newsclean raises on purpose is a :class:`NewscleanError`, so a
pipeline can catch them all in one place and let real bugs through::

    >>> import newsclean
    >>> try:
    ...     newsclean.clean_text(b"bytes are not text")  # type: ignore[arg-type]
    ... except newsclean.InputError as exc:
    ...     print(exc)
    clean_text() expects str, got bytes (decode it first, or use newsclean.extract for HTML)

Extraction failures are :class:`ExtractionError` subclasses; each carries a
stable, machine-readable ``reason`` (what a pipeline writes to its rejects)::

    >>> try:
    ...     newsclean.extract(b"")
    ... except newsclean.ExtractionError as exc:
    ...     print(exc.reason, "-", exc)
    empty - the document is empty

The tree::

    NewscleanError
    ├── InputError (ValueError)
    │   └── InputTypeError (TypeError)
    ├── OptionsError (ValueError)
    ├── MissingDependencyError (ImportError)
    ├── DedupIndexError          a persistent dedup index cannot be used
    │   ├── IndexMismatchError   opened with other settings (``setting`` names the first)
    │   └── IndexCorruptError    what was read back is not a valid index
    ├── ProfileError (InputError) a site-profiles file is corrupt or of another kind
    └── ExtractionError
        ├── EmptyDocumentError       reason "empty"
        ├── NotHTMLError             reason "not_html"
        ├── DocumentTooLargeError    reason "too_large"
        ├── ParseError               reason "parse_error"
        ├── ExtractionTimeoutError   reason "timeout" (also a TimeoutError)
        └── NoContentError           reason "no_content"
"""

from __future__ import annotations

from typing import ClassVar

__all__ = [
    "DedupIndexError",
    "DocumentTooLargeError",
    "EmptyDocumentError",
    "ExtractionError",
    "ExtractionTimeoutError",
    "IndexCorruptError",
    "IndexMismatchError",
    "InputError",
    "InputTypeError",
    "MissingDependencyError",
    "NewscleanError",
    "NoContentError",
    "NotHTMLError",
    "OptionsError",
    "ParseError",
    "ProfileError",
]


class NewscleanError(Exception):
    """Base class of every error newsclean raises on purpose."""


class InputError(NewscleanError, ValueError):
    """The input document cannot be processed as given."""


class InputTypeError(InputError, TypeError):
    """The input has the wrong type (e.g. ``bytes`` where ``str`` is expected)."""


class OptionsError(NewscleanError, ValueError):
    """An option has an invalid value; the message names the field."""


class MissingDependencyError(NewscleanError, ImportError):
    """An optional dependency is needed; the message names the pip command."""


class DedupIndexError(NewscleanError):
    """A persistent dedup index cannot be opened or used (unreachable server, locked file...)."""


class IndexMismatchError(DedupIndexError):
    """The index was created with other settings; ``setting`` names the first that differs."""

    def __init__(self, message: str, *, setting: str) -> None:
        super().__init__(message)
        self.setting: str = setting


class IndexCorruptError(DedupIndexError):
    """What was read back from an index file or server is not a valid index."""


class ProfileError(InputError):
    """A site-profiles file (``newsclean learn``) is corrupt, foreign or of another version."""


class ExtractionError(NewscleanError):
    """An HTML document gave no article; ``reason`` says why in one stable word.

    Subclasses fix the reason; the message says what was found.
    """

    default_reason: ClassVar[str] = "extraction_failed"

    def __init__(self, message: str, *, reason: str | None = None) -> None:
        super().__init__(message)
        self.reason: str = reason or self.default_reason


class EmptyDocumentError(ExtractionError):
    """The document is empty or only whitespace."""

    default_reason = "empty"


class NotHTMLError(ExtractionError):
    """The document is not HTML (JSON, PDF, plain text, binary data...)."""

    default_reason = "not_html"


class DocumentTooLargeError(ExtractionError):
    """The document is larger than ``ExtractOptions.max_bytes``."""

    default_reason = "too_large"


class ParseError(ExtractionError):
    """The HTML parser could not build a document tree."""

    default_reason = "parse_error"


class ExtractionTimeoutError(ExtractionError, TimeoutError):
    """Extraction took longer than ``ExtractOptions.timeout_s``."""

    default_reason = "timeout"


class NoContentError(ExtractionError):
    """The page parsed but holds no article body (or one shorter than ``min_text_length``)."""

    default_reason = "no_content"
