"""The main job: records in, clean deduplicated articles out, every record accounted for.

Data flows one way: read (:mod:`newsclean.io`) -> extract or clean (worker
processes, one document at a time, with a time limit and a size cap) ->
cluster (:func:`newsclean.cluster`) -> write. Every input record ends as
exactly one of: a kept (canonical) article, a duplicate pointing at its
canonical copy, or a reject with a stage and a reason.

>>> from newsclean import process_record
>>> out = process_record({"id": "a", "text": "Home\\n\\nThe council met on Tuesday and approved "
...                       "the new budget after a long debate about library funding."})
>>> out.article.text[:15], out.path
('The council met', 'clean')
>>> process_record({"id": "b", "text": "   "}).reason
'missing_text'
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from .article import Article
from .clean import Cleaner, CleanOptions
from .clean.meta import MetaParser
from .dedup import ClusterResult, DedupOptions, cluster
from .errors import ExtractionError, InputError, NewscleanError, OptionsError
from .extract import ExtractOptions, Extractor
from .io import FieldMap, Record, Reject, open_writer, read_records, record_from_mapping
from .profiles import ProfileLearner, SiteProfiles

__all__ = [
    "Pipeline",
    "PipelineOptions",
    "Processed",
    "RunSummary",
    "normalize_date",
    "process_record",
    "run",
]

_ISO_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_MIN_WORDS = 1  # an article with no words left after cleaning is a reject


@dataclass(frozen=True)
class PipelineOptions:
    """How records are processed.

    ``workers``: processes for extraction and cleaning (0: all cores, 1: in
    this process). ``max_inflight``: records handed to the workers at once (0:
    four per worker), which bounds memory whatever the input size. The time
    limit and size cap per document are ``extract.timeout_s`` and
    ``extract.max_bytes``.

    >>> PipelineOptions(workers=-1)
    Traceback (most recent call last):
    ...
    newsclean.errors.OptionsError: PipelineOptions.workers must be >= 0, got -1
    """

    workers: int = 0
    max_inflight: int = 0
    # Seconds the parent waits for one record before it stops the workers and
    # rejects it (None: twice the per-document time limit plus 30 s).
    stall_s: float | None = None
    process: bool = True  # False: records are clean text already (``newsclean dedup``)
    extract: ExtractOptions = field(default_factory=ExtractOptions)
    clean: CleanOptions = field(default_factory=CleanOptions)
    dedup: DedupOptions = field(default_factory=DedupOptions)
    # A persistent dedup index (SQLite path or redis://host:port/db?name=NAME): records are
    # clustered against what it holds and added to it (newsclean.dedup.store.DedupIndex).
    index: str | None = None
    # Learned site boilerplate (newsclean.profiles) applied to every record by its URL's site;
    # learn_boilerplate: learn it from this run's own articles and strip it before clustering.
    profiles: SiteProfiles | None = None
    learn_boilerplate: bool = False

    def __post_init__(self) -> None:
        if self.profiles is not None and not isinstance(self.profiles, SiteProfiles):
            raise OptionsError("PipelineOptions.profiles must be SiteProfiles or None")
        if not isinstance(self.learn_boilerplate, bool):
            raise OptionsError("PipelineOptions.learn_boilerplate must be a bool")
        if self.index is not None and (not isinstance(self.index, str) or not self.index.strip()):
            raise OptionsError(f"PipelineOptions.index must be a path or URL, got {self.index!r}")
        for name in ("workers", "max_inflight"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise OptionsError(f"PipelineOptions.{name} must be >= 0, got {value!r}")
        if self.stall_s is not None and (
            isinstance(self.stall_s, bool)
            or not isinstance(self.stall_s, (int, float))
            or not self.stall_s > 0
            or self.stall_s == float("inf")
        ):
            raise OptionsError(
                f"PipelineOptions.stall_s must be a positive number of seconds or None, "
                f"got {self.stall_s!r}"
            )
        for name, kind in (
            ("extract", ExtractOptions),
            ("clean", CleanOptions),
            ("dedup", DedupOptions),
        ):
            if not isinstance(getattr(self, name), kind):
                raise OptionsError(f"PipelineOptions.{name} must be a {kind.__name__}")

    def n_workers(self) -> int:
        return self.workers or os.cpu_count() or 1


@dataclass(frozen=True)
class Processed:
    """A record that came out of extraction or cleaning with an article."""

    record: Record
    article: Article
    path: str  # "extract" or "clean"

    def date(self) -> str | None:
        """The publication date (ISO 8601) from the page, else from the record."""
        for value in (self.article.meta.get("date"), self.record.date):
            iso = normalize_date(value)
            if iso is not None:
                return iso
        return None

    def title(self) -> str | None:
        return self.article.title or self.record.title

    def doc(self) -> dict[str, Any]:
        """The mapping :func:`newsclean.cluster` takes."""
        return _Kept.of(self).doc()


# Date forms met in feeds and archives besides ISO 8601 and RFC 2822
# ("26-FEB-1987 15:01:01.79" in Reuters-21578, "03/26/1987 14:08").
_DATE_FORMATS = (
    "%d-%b-%Y %H:%M:%S",
    "%d-%b-%Y",
    "%d %b %Y %H:%M:%S",
    "%d %B %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y",
    "%Y/%m/%d",
)


def normalize_date(value: object) -> str | None:
    """An ISO 8601 form of a date from a record or a page, or ``None``.

    >>> normalize_date("26-FEB-1987 15:01:01.79"), normalize_date("not a date")
    ('1987-02-26T15:01:01', None)
    """
    if not isinstance(value, str) or not value.strip():
        return None
    s = value.strip()
    if _ISO_DATE_RE.match(s):
        return s
    try:
        return parsedate_to_datetime(s).replace(tzinfo=None).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    plain = s.split(".")[0] if re.search(r"\d:\d\d\.\d+$", s) else s
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(plain, fmt).isoformat()
        except ValueError:
            continue
    stamp = MetaParser.builtin().parse_timestamp(s)
    return stamp.iso if stamp is not None else None


class _Workers:
    """The configured extractor and cleaner of one process (built once per process)."""

    def __init__(self, options: PipelineOptions) -> None:
        self.extractor = Extractor(options.extract)
        self.cleaner = Cleaner(options.clean)
        self.profiles = options.profiles


def _as_is(record: Record | Reject) -> Processed | Reject:
    """A record whose text is clean already (``process=False``), as it is."""
    if isinstance(record, Reject):
        return record
    if not record.text:
        return Reject(
            record.id, "read", "missing_text", "no text (HTML is not read here)", record.source
        )
    paragraphs = tuple(p for p in (x.strip() for x in record.text.split("\n\n")) if p)
    article = Article(title=record.title, text="\n\n".join(paragraphs), paragraphs=paragraphs)
    return Processed(record, article, "as_is")


def _process(workers: _Workers, record: Record | Reject) -> Processed | Reject:
    if isinstance(record, Reject):
        return record
    try:
        if record.html is not None:
            article = workers.extractor.extract(record.html, url=record.url, profiles=workers.profiles)
            path = "extract"
        else:
            profile = workers.profiles.for_url(record.url) if workers.profiles and record.url else None
            article = workers.cleaner.clean(record.text or "", title=record.title, profile=profile)
            path = "clean"
    except ExtractionError as exc:
        return Reject(record.id, "extract", exc.reason, str(exc), record.source)
    except NewscleanError as exc:
        stage = "extract" if record.html is not None else "clean"
        return Reject(record.id, stage, "error", str(exc), record.source)
    if len(article.text.split()) < _MIN_WORDS:
        return Reject(
            record.id, path, "empty_after_cleaning", "no text left after cleaning", record.source
        )
    return Processed(record, article, path)


def process_record(
    record: Record | Reject | Mapping[str, Any],
    *,
    options: PipelineOptions | None = None,
    fields: FieldMap | None = None,
) -> Processed | Reject:
    """Extract (a record with HTML) or clean (one with text) a single record.

    Usable with ``datasets.map`` or ``pandas.apply`` one record at a time; a
    :class:`Pipeline` reuses its extractor and cleaner across records.
    """
    opts = options or PipelineOptions()
    if isinstance(record, Mapping):
        record = record_from_mapping(record, fields or FieldMap(), "<record>")
    if not opts.process:
        return _as_is(record)
    return _process(_Workers(opts), record)


# Worker-process state: the extractor and cleaner built by the pool's
# initializer, used by every task that process runs. Nothing else reads it.
_POOL_WORKERS: _Workers | None = None


def _pool_init(options: PipelineOptions) -> None:
    global _POOL_WORKERS
    _POOL_WORKERS = _Workers(options)


def _pool_task(record: Record | Reject) -> Processed | Reject:
    if _POOL_WORKERS is None:  # pragma: no cover - the initializer always ran
        raise RuntimeError("worker not initialised")
    return _process(_POOL_WORKERS, record)


class Pipeline:
    """Extract or clean a stream of records, in order, with bounded memory.

    ``run(records)`` is lazy: it yields a :class:`Processed` or a
    :class:`Reject` for every record, in input order, while at most
    ``max_inflight`` records are in the workers.

    >>> from newsclean import Pipeline, PipelineOptions
    >>> out = list(Pipeline(PipelineOptions(workers=1)).run(
    ...     [{"id": "1", "text": "The mayor opened the new bridge on Friday morning."}]))
    >>> type(out[0]).__name__
    'Processed'
    """

    def __init__(self, options: PipelineOptions | None = None, *, fields: FieldMap | None = None):
        self.options = options or PipelineOptions()
        self.fields = fields or FieldMap()

    def _records(self, records: Iterable[Any]) -> Iterator[Record | Reject]:
        for n, r in enumerate(records, start=1):
            if isinstance(r, (Record, Reject)):
                yield r
            elif isinstance(r, Mapping):
                yield record_from_mapping(r, self.fields, f"<record {n}>")
            else:
                source = f"<record {n}>"
                yield Reject(
                    source, "read", "bad_record", f"expected a mapping, got {type(r).__name__}"
                )

    def run(self, records: Iterable[Any]) -> Iterator[Processed | Reject]:
        if not self.options.process:
            # Text taken as it is: nothing for an extractor, a cleaner or a
            # worker process to do.
            for r in self._records(records):
                yield _as_is(r)
            return
        n = self.options.n_workers()
        if n <= 1:
            workers = _Workers(self.options)
            for r in self._records(records):
                yield _process(workers, r)
            return
        window = self.options.max_inflight or 4 * n
        pending: list[tuple[Future[Processed | Reject], Record | Reject]] = []
        pool = self._pool(n)
        try:
            for r in self._records(records):
                pending.append((pool.submit(_pool_task, r), r))
                while len(pending) >= window:
                    result, pool = self._next(pending, pool, n)
                    yield result
            while pending:
                result, pool = self._next(pending, pool, n)
                yield result
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def _pool(self, n: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=n, initializer=_pool_init, initargs=(self.options,))

    def _next(
        self,
        pending: list[tuple[Future[Processed | Reject], Record | Reject]],
        pool: ProcessPoolExecutor,
        n: int,
    ) -> tuple[Processed | Reject, ProcessPoolExecutor]:
        """The oldest result. A worker that dies (killed, out of memory) takes
        its record with it as a reject; the pool is rebuilt and the records
        that were waiting in it are handed to the new one: the run goes on."""
        fut, record = pending.pop(0)
        try:
            return fut.result(timeout=self._watchdog_s()), pool
        except FutureTimeout:
            # The worker's own time limit did not fire: it is stuck where a
            # signal cannot reach it (inside a C library). Kill the workers,
            # reject the record, hand the others to a new pool.
            _terminate(pool)
            pool = self._restart(pending, n)
            return _timeout_reject(record, self._watchdog_s()), pool
        except BrokenProcessPool as exc:
            pool.shutdown(wait=False, cancel_futures=True)
            pool = self._restart(pending, n)
            return _crash_reject(record, exc), pool
        except Exception as exc:  # a bug in a worker: one record, not the run
            return _crash_reject(record, exc), pool

    def _restart(
        self, pending: list[tuple[Future[Processed | Reject], Record | Reject]], n: int
    ) -> ProcessPoolExecutor:
        pool = self._pool(n)
        for i, (_, waiting) in enumerate(pending):
            pending[i] = (pool.submit(_pool_task, waiting), waiting)
        return pool

    def _watchdog_s(self) -> float | None:
        """How long the parent waits for the oldest record before it kills the
        workers: the per-document limit plus a grace period for start-up and
        the limit's own reaction time; ``None`` when there is no limit."""
        if self.options.stall_s is not None:
            return float(self.options.stall_s)
        limit = self.options.extract.timeout_s
        return None if limit is None else 2 * limit + _WATCHDOG_GRACE_S


_WATCHDOG_GRACE_S = 30.0


def _terminate(pool: ProcessPoolExecutor) -> None:
    """Kill a pool's worker processes (``shutdown`` waits for running tasks)."""
    # concurrent.futures offers no public way to kill a stuck worker; its
    # process table is the one handle there is.
    processes = getattr(pool, "_processes", None) or {}
    for proc in list(processes.values()):
        proc.terminate()
    pool.shutdown(wait=False, cancel_futures=True)


def _timeout_reject(record: Record | Reject, seconds: float | None) -> Reject:
    if isinstance(record, Reject):
        return record
    stage = "extract" if record.html is not None else "clean"
    return Reject(
        record.id,
        stage,
        "timeout",
        f"no result after {seconds:g} s: the worker was stopped",
        record.source,
    )


def _crash_reject(record: Record | Reject, exc: BaseException) -> Reject:
    if isinstance(record, Reject):
        return record
    stage = "extract" if record.html is not None else "clean"
    return Reject(
        record.id, stage, "worker_error", f"{type(exc).__name__}: {exc}", record.source
    )


@dataclass
class RunSummary:
    """Counts and timings of one :func:`run`, also written to ``stats.json``."""

    records_in: int = 0
    extracted: int = 0
    cleaned: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    clusters: int = 0
    duplicates: int = 0
    kept: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["rejected"] = dict(sorted(self.rejected.items()))
        d["rejected_total"] = sum(self.rejected.values())
        d["docs_per_second"] = round(self.records_in / self.seconds, 1) if self.seconds else None
        return d

    def table(self) -> str:
        rows = [
            ("records in", self.records_in),
            ("extracted (HTML)", self.extracted),
            ("cleaned (text)", self.cleaned),
            ("rejected", sum(self.rejected.values())),
            *((f"  {reason}", count) for reason, count in sorted(self.rejected.items())),
            ("clusters", self.clusters),
            ("duplicates removed", self.duplicates),
            ("articles kept", self.kept),
            ("docs/s", round(self.records_in / self.seconds, 1) if self.seconds else "-"),
        ]
        width = max(len(str(k)) for k, _ in rows)
        return "\n".join(f"{k:<{width}}  {v}" for k, v in rows)


_ARTICLE_COLUMNS = {
    "id": "string",
    "url": "string",
    "title": "string",
    "date": "string",
    "text": "string",
    "language": "string",
    "cluster_id": "string",
    "cluster_size": "int64",
    "duplicates": "list<string>",
}


def run(
    inputs: Sequence[str | Path],
    outdir: str | Path,
    *,
    options: PipelineOptions | None = None,
    fields: FieldMap | None = None,
    format: str | None = None,
    output_format: str = "jsonl",
    progress: bool = False,
) -> RunSummary:
    """Read ``inputs``, extract/clean, cluster, and write the outputs to ``outdir``.

    Writes ``articles.jsonl`` (or ``.parquet``), ``clusters.jsonl``,
    ``rejects.jsonl`` and ``stats.json``, each to a temporary file renamed
    only when the whole run succeeded.

    Raises:
        InputError: an input cannot be read, or ``outdir`` cannot be written.
    """
    opts = options or PipelineOptions()
    out = Path(outdir)
    started = time.perf_counter()
    summary = RunSummary()
    records = read_records(inputs, format=format, fields=fields)  # checks every input first
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create {str(out)!r}: {exc.strerror or exc}") from None
    ext = "parquet" if output_format == "parquet" else "jsonl"
    articles_w = open_writer(
        out / f"articles.{ext}",
        output_format,
        columns=_ARTICLE_COLUMNS if output_format == "parquet" else None,
    )
    clusters_w = open_writer(out / "clusters.jsonl")
    rejects_w = open_writer(out / "rejects.jsonl")
    writers = (articles_w, clusters_w, rejects_w)
    # What clustering and the articles file need waits on disk, not in memory:
    # a run over millions of records holds their ids, never their texts.
    kept = _Spill(out)
    learner = ProfileLearner() if opts.learn_boilerplate else None
    try:
        bar = _progress(progress)
        for result in Pipeline(opts, fields=fields).run(records):
            summary.records_in += 1
            if bar is not None:
                bar.update(1)
            if isinstance(result, Reject):
                summary.rejected[f"{result.stage}:{result.reason}"] += 1
                rejects_w.write(result.to_dict())
                continue
            if not kept.add(_Kept.of(result)):
                summary.rejected["dedup:duplicate_id"] += 1
                rejects_w.write(
                    Reject(
                        result.record.id,
                        "dedup",
                        "duplicate_id",
                        f"id {result.record.id!r} appears more than once; the first is kept",
                        result.record.source,
                    ).to_dict()
                )
                continue
            if learner is not None:  # --learn-boilerplate: count this site's lines
                learner.add(result.article.text, url=result.record.url)
            if result.path == "extract":
                summary.extracted += 1
            else:
                summary.cleaned += 1
        if bar is not None:
            bar.close()
        # Site boilerplate stripped as the kept articles are read back: learned in
        # this run, and/or given (``run`` applies given ones in the workers already).
        given = opts.profiles if not opts.process else None
        learned = learner.profiles() if learner is not None else None
        if given is not None and learned is not None:
            kept.profiles = given.merge(learned)
        else:
            kept.profiles = learned if learned is not None else given
        rss_streaming = _peak_rss_mb()
        if opts.index is None:
            result_clusters = cluster((k.doc() for k in kept.values()), options=opts.dedup)
        else:
            from .dedup.store import DedupIndex

            with DedupIndex(opts.index, opts.dedup) as index:
                result_clusters = index.add(k.doc() for k in kept.values())
        _write_clusters(result_clusters, kept, articles_w, clusters_w, summary)
        summary.seconds = round(time.perf_counter() - started, 3)
        stats = summary.to_dict()
        # Peak memory of this process while records streamed through (before
        # clustering) and overall (clustering holds the dedup index), and of
        # the largest worker process.
        stats["peak_rss_mb"] = {
            "main_before_dedup": rss_streaming,
            "main": _peak_rss_mb(),
            "workers": _peak_rss_mb(children=True),
        }
        if kept.profiles is not None:  # learned in this run (--learn-boilerplate)
            stats["site_profiles"] = {
                "sites": len(kept.profiles),
                "lines": sum(len(p.lines) for p in kept.profiles.values()),
            }
        stats["options"] = {
            "workers": opts.n_workers(),
            "extract": asdict(opts.extract),
            "dedup": _jsonable(asdict(opts.dedup)),
            "index": opts.index,
        }
        for w in writers:
            w.commit()
        stats_tmp = out / ".stats.json.tmp"
        stats_tmp.write_text(json.dumps(stats, indent=2, default=str) + "\n", encoding="utf-8")
        os.replace(stats_tmp, out / "stats.json")
    except BaseException:
        for w in writers:
            w.discard()
        raise
    finally:
        kept.close()
    return summary


def _peak_rss_mb(*, children: bool = False) -> float | None:
    """Peak resident memory (MB) of this process or of its largest child, where known."""
    try:
        import resource
    except ImportError:  # pragma: no cover - not on Windows
        return None
    usage = resource.getrusage(resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF)
    # ru_maxrss is in kilobytes on Linux, bytes on macOS.
    scale = 1 / (1024 * 1024) if sys.platform == "darwin" else 1 / 1024
    return round(usage.ru_maxrss * scale, 1) if usage.ru_maxrss else None


def _jsonable(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str))


@dataclass(frozen=True)
class _Kept:
    """The part of a processed record a run holds until it writes the articles."""

    id: str
    text: str
    url: str | None
    title: str | None
    date: str | None
    language: str | None

    @classmethod
    def of(cls, p: Processed) -> _Kept:
        lang = p.article.meta.get("language")
        return cls(
            p.record.id,
            p.article.text,
            p.record.url,
            p.title(),
            p.date(),
            lang if isinstance(lang, str) else None,
        )

    def doc(self) -> dict[str, Any]:
        """The mapping :func:`newsclean.cluster` takes."""
        doc: dict[str, Any] = {"id": self.id, "text": self.text}
        for key in ("title", "date", "url"):
            value = getattr(self, key)
            if value:
                doc[key] = value
        return doc


class _Spill:
    """Kept articles in a temporary file next to the outputs.

    Nothing of an article stays in memory: :meth:`values` streams them back
    in the order they were added (once for clustering, once for writing).
    Duplicate ids are caught with :class:`_IdSet`. The file is removed by
    :meth:`close`, whatever happened. JSON, not pickle: the file is plain data.
    """

    def __init__(self, directory: Path) -> None:
        import tempfile

        try:
            fd, name = tempfile.mkstemp(prefix=".newsclean-spill-", suffix=".jsonl", dir=directory)
        except OSError as exc:
            raise InputError(f"cannot write in {str(directory)!r}: {exc.strerror or exc}") from None
        self._path = Path(name)
        self._file = os.fdopen(fd, "wb")
        self._ids = _IdSet()
        self._count = 0
        self.profiles: SiteProfiles | None = None  # stripped from texts on the way back

    def __len__(self) -> int:
        return self._count

    def add(self, k: _Kept) -> bool:
        """Store ``k``; ``False`` (nothing stored) when its id was seen before."""
        if not self._ids.add(k.id):
            return False
        self._file.write(json.dumps(asdict(k), ensure_ascii=False).encode("utf-8") + b"\n")
        self._count += 1
        return True

    def values(self) -> Iterator[_Kept]:
        """Every kept article, in the order they were added."""
        self._file.flush()
        with open(self._path, "rb") as f:
            for line in f:
                k = _Kept(**json.loads(line))
                prof = self.profiles.for_url(k.url) if self.profiles is not None and k.url else None
                text = prof.strip(k.text)[0] if prof is not None else ""
                yield _Kept(**{**asdict(k), "text": text}) if text else k

    def close(self) -> None:
        self._file.close()
        self._path.unlink(missing_ok=True)


class _IdSet:
    """The record ids seen so far, in about 8 bytes each.

    A set of Python strings costs ~100 bytes an id, which grows a long run's
    memory with its input; here each id is a 64-bit BLAKE2b digest. Recent
    digests sit in a small set; full, it becomes a sorted numpy array, and
    arrays of similar size are merged (like a binary counter), so a lookup is
    one bisection per level (about log2 of the count over 4,096) and merging
    costs O(n log n) in all. (Two different ids share a digest with
    probability ~n^2/2^65: about 3e-8 for a billion records.)
    """

    _MERGE_AT = 1 << 12

    def __init__(self) -> None:
        self._levels: list[npt.NDArray[np.uint64]] = []  # sorted arrays, largest first
        self._recent: set[int] = set()

    def add(self, doc_id: str) -> bool:
        """Add ``doc_id``; ``False`` when it was already there."""
        h = int.from_bytes(hashlib.blake2b(doc_id.encode("utf-8"), digest_size=8).digest(), "little")
        if h in self._recent:
            return False
        key = np.uint64(h)
        for arr in self._levels:
            i = int(arr.searchsorted(key))
            if i < arr.size and int(arr[i]) == h:
                return False
        self._recent.add(h)
        if len(self._recent) >= self._MERGE_AT:
            new = np.sort(np.fromiter(self._recent, dtype=np.uint64, count=len(self._recent)))
            self._recent = set()
            while self._levels and self._levels[-1].size <= 2 * new.size:
                new = np.union1d(self._levels.pop(), new)
            self._levels.append(new)
        return True


def _write_clusters(
    result: ClusterResult,
    kept: _Spill,
    articles_w: Any,
    clusters_w: Any,
    summary: RunSummary,
) -> None:
    members: dict[str, list[str]] = {}
    for a in result.assignments:
        members.setdefault(str(a.cluster_id), []).append(str(a.doc_id))
    summary.clusters = len(members)
    # Assignments come in input order, as the spilled articles do.
    for a, k in zip(result.assignments, kept.values(), strict=True):
        doc_id, cluster_id = str(a.doc_id), str(a.cluster_id)
        if doc_id != k.id:  # pragma: no cover - an invariant of newsclean.cluster
            raise RuntimeError(f"cluster assignments out of order at {doc_id!r} / {k.id!r}")
        clusters_w.write(
            {
                "doc_id": doc_id,
                "cluster_id": cluster_id,
                "is_canonical": a.is_canonical,
                "similarity": a.similarity_to_canonical,
                "reason": a.reason,
            }
        )
        if not a.is_canonical:
            summary.duplicates += 1
            continue
        summary.kept += 1
        articles_w.write(
            {
                "id": doc_id,
                "url": k.url,
                "title": k.title,
                "date": k.date,
                "text": k.text,
                "language": k.language,
                "cluster_id": cluster_id,
                "cluster_size": len(members[cluster_id]),
                "duplicates": [m for m in members[cluster_id] if m != doc_id],
            }
        )


def _progress(enabled: bool) -> Any:
    """A tqdm bar on stderr with docs/s, only when asked and stderr is a terminal."""
    if not enabled or not sys.stderr.isatty():
        return None
    try:
        from tqdm import tqdm  # type: ignore[import-untyped, import-not-found, unused-ignore]
    except ImportError:
        return None
    return tqdm(unit="doc", file=sys.stderr, smoothing=0.1)
