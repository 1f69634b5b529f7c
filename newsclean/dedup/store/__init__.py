"""Persistent, incremental near-duplicate indexes: memory, SQLite, Redis.

>>> from newsclean.dedup.store import DedupIndex
>>> ix = DedupIndex()                       # or DedupIndex("news.db"), DedupIndex("redis://...?name=news")
>>> ix.add([{"id": "a", "text": "Short."}]).labels()
{'a': 'a'}
>>> ix.stats().documents
1
"""

from .base import StoredDoc
from .core import (
    DedupIndex,
    IndexStats,
    Match,
    index_settings,
    open_backend,
    options_from_settings,
    read_export_header,
)

__all__ = [
    "DedupIndex",
    "IndexStats",
    "Match",
    "StoredDoc",
    "index_settings",
    "open_backend",
    "options_from_settings",
    "read_export_header",
]
