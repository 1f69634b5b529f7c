"""The one exception tree of newsclean.

Every error newsclean raises on purpose is a :class:`NewscleanError`, so a
pipeline can catch them all in one place and let real bugs through::

    >>> import newsclean
    >>> try:
    ...     newsclean.clean_text(b"bytes are not text")  # type: ignore[arg-type]
    ... except newsclean.InputError as exc:
    ...     print(exc)
    clean_text() expects str, got bytes (decode it first, or use newsclean.extract for HTML)
"""

from __future__ import annotations

__all__ = [
    "InputError",
    "InputTypeError",
    "MissingDependencyError",
    "NewscleanError",
    "OptionsError",
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
