"""Near-duplicate clustering of syndicated news copies (MinHash LSH).

>>> from newsclean.dedup import cluster
>>> r = cluster([{"id": 1, "text": "one two three four five six seven eight nine ten eleven"},
...              {"id": 2, "text": "One two three four five six seven eight nine ten eleven!"}])
>>> r.labels()
{1: 1, 2: 1}
"""

from .api import Assignment, Cluster, ClusterResult, DedupParams, DedupStats, cluster
from .canonical import Candidate, CanonicalPolicy, EarliestDate, LongestBody, SourcePriority
from .index import LSHParams
from .options import DedupOptions
from .stream import Deduplicator, Match

__all__ = [
    "Assignment",
    "Candidate",
    "CanonicalPolicy",
    "Cluster",
    "ClusterResult",
    "DedupOptions",
    "DedupParams",
    "DedupStats",
    "Deduplicator",
    "EarliestDate",
    "LSHParams",
    "LongestBody",
    "Match",
    "SourcePriority",
    "cluster",
]
