"""newsclean: scraped news in, clean article text out.

Plain text: :func:`clean_text` / :class:`Cleaner`; HTML: :func:`extract` / :class:`Extractor`.

>>> import newsclean
>>> a = newsclean.clean_text("Home\\n\\nMarkets Rally\\n\\nMarkets Rally\\n\\nStocks rose sharply on "
...                          "Friday as investors cheered strong jobs data, traders said.")
>>> a.title, len(a.paragraphs)
('Markets Rally', 1)
"""

from .article import Article, Reason, Removal
from .clean import Cleaner, CleanOptions, clean_text
from .errors import (
    DocumentTooLargeError,
    EmptyDocumentError,
    ExtractionError,
    ExtractionTimeoutError,
    InputError,
    InputTypeError,
    MissingDependencyError,
    NewscleanError,
    NoContentError,
    NotHTMLError,
    OptionsError,
    ParseError,
)
from .extract import ExtractOptions, Extractor, extract

__version__ = "0.1.0"

__all__ = [
    "Article",
    "CleanOptions",
    "Cleaner",
    "DocumentTooLargeError",
    "EmptyDocumentError",
    "ExtractOptions",
    "ExtractionError",
    "ExtractionTimeoutError",
    "Extractor",
    "InputError",
    "InputTypeError",
    "MissingDependencyError",
    "NewscleanError",
    "NoContentError",
    "NotHTMLError",
    "OptionsError",
    "ParseError",
    "Reason",
    "Removal",
    "__version__",
    "clean_text",
    "extract",
]
