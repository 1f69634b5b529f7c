"""Plain-text cleaning: :func:`clean_text`, :class:`Cleaner`, :class:`CleanOptions`."""

from .cleaner import Cleaner, clean_text
from .options import CleanOptions

__all__ = ["CleanOptions", "Cleaner", "clean_text"]
