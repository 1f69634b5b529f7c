"""newsclean: scraped news in, clean article text out.

Plain text: :func:`clean_text` / :class:`Cleaner`; HTML: :func:`extract` / :class:`Extractor`;
near-duplicate clustering: :func:`cluster` / :class:`Deduplicator`; all of it over
many records: :class:`Pipeline` (and ``newsclean run``).

>>> import newsclean
>>> a = newsclean.clean_text("Home\\n\\nMarkets Rally\\n\\nMarkets Rally\\n\\nStocks rose sharply on "
...                          "Friday as investors cheered strong jobs data, traders said.")
>>> a.title, len(a.paragraphs)
('Markets Rally', 1)
"""

from .article import Article, Reason, Removal
from .clean import Cleaner, CleanOptions, clean_text
from .dedup import (
    Assignment,
    Candidate,
    CanonicalPolicy,
    Cluster,
    ClusterResult,
    Deduplicator,
    DedupOptions,
    DedupParams,
    DedupStats,
    EarliestDate,
    LongestBody,
    LSHParams,
    Match,
    SourcePriority,
    cluster,
)
from .dedup.store import DedupIndex
from .errors import (
    DedupIndexError,
    DocumentTooLargeError,
    EmptyDocumentError,
    ExtractionError,
    ExtractionTimeoutError,
    IndexCorruptError,
    IndexMismatchError,
    InputError,
    InputTypeError,
    MissingDependencyError,
    NewscleanError,
    NoContentError,
    NotHTMLError,
    OptionsError,
    ParseError,
    ProfileError,
)
from .extract import ExtractOptions, Extractor, extract
from .pipeline import Pipeline, PipelineOptions, Processed, process_record
from .profiles import LearnOptions, SiteProfile, SiteProfiles

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Assignment",
    "Candidate",
    "CanonicalPolicy",
    "CleanOptions",
    "Cleaner",
    "Cluster",
    "ClusterResult",
    "DedupIndex",
    "DedupIndexError",
    "DedupOptions",
    "DedupParams",
    "DedupStats",
    "Deduplicator",
    "DocumentTooLargeError",
    "EarliestDate",
    "EmptyDocumentError",
    "ExtractOptions",
    "ExtractionError",
    "ExtractionTimeoutError",
    "Extractor",
    "IndexCorruptError",
    "IndexMismatchError",
    "InputError",
    "InputTypeError",
    "LSHParams",
    "LearnOptions",
    "LongestBody",
    "Match",
    "MissingDependencyError",
    "NewscleanError",
    "NoContentError",
    "NotHTMLError",
    "OptionsError",
    "ParseError",
    "Pipeline",
    "PipelineOptions",
    "Processed",
    "ProfileError",
    "Reason",
    "Removal",
    "SiteProfile",
    "SiteProfiles",
    "SourcePriority",
    "__version__",
    "clean_text",
    "cluster",
    "extract",
    "process_record",
]
