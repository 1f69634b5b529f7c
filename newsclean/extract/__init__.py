"""HTML extraction: :func:`extract`, :class:`Extractor`, :class:`ExtractOptions`."""

from .extractor import Extractor, extract
from .options import ExtractOptions

__all__ = ["ExtractOptions", "Extractor", "extract"]
