"""newsclean: scraped news in, clean article text out.

>>> import newsclean
>>> a = newsclean.clean_text("Home\\n\\nMarkets Rally\\n\\nMarkets Rally\\n\\nStocks rose sharply on "
...                          "Friday as investors cheered strong jobs data, traders said.")
>>> a.title, len(a.paragraphs)
('Markets Rally', 1)
"""

from .article import Article, Reason, Removal
from .clean import Cleaner, CleanOptions, clean_text
from .errors import (
    InputError,
    InputTypeError,
    MissingDependencyError,
    NewscleanError,
    OptionsError,
)

__version__ = "0.1.0"

__all__ = [
    "Article",
    "CleanOptions",
    "Cleaner",
    "InputError",
    "InputTypeError",
    "MissingDependencyError",
    "NewscleanError",
    "OptionsError",
    "Reason",
    "Removal",
    "__version__",
    "clean_text",
]
