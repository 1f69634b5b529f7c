"""``DedupIndex``: a persistent, incremental near-duplicate index.

New documents are clustered against what the index holds: for each batch,
the stored documents that share a lookup key with a new one (an LSH band of
the body or the lead, the exact text, the title: the candidates
:func:`~newsclean.dedup.cluster` would consider) are fetched with all the
members of their clusters, and :func:`~newsclean.dedup.cluster` runs over
the new documents and the fetched ones together, with the same rule. The
groups it forms are the clusters; a stored cluster keeps its id (a day-1
canonical copy stays the canonical id for day-2 copies; when new copies
join two stored clusters, the older one's id wins). So clustering day 1 and
then day 2 against the index gives the clusters of one run over both.

A document whose id is in the index already is answered from the index and
not inserted again: re-running the same input is idempotent.

>>> from newsclean.dedup.store import DedupIndex
>>> story = ("The central bank raised its benchmark rate by a quarter point on Tuesday, "
...          "citing stubborn inflation, and signalled that more increases could follow.")
>>> with DedupIndex() as ix:                         # in memory; DedupIndex("news.db") persists
...     _ = ix.add([{"id": "wire", "text": story}])
...     r = ix.add([{"id": "copy", "text": "Home | Business\\n" + story}])
...     r.labels(), len(ix)
({'copy': 'wire'}, 2)
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import IO, Any

import numpy as np
import numpy.typing as npt

from ...errors import (
    DedupIndexError,
    IndexCorruptError,
    IndexMismatchError,
    InputError,
    OptionsError,
)
from ..api import (
    Assignment,
    Cluster,
    ClusterResult,
    DedupStats,
    cluster,
    make_params,
    prepared_texts,
    read_docs,
)
from ..canonical import id_key
from ..docs import Doc
from ..index import band_keys
from ..options import DedupOptions
from ..verify import Corpus
from .base import Backend, Reader, StoredDoc, Writes, decode_id, encode_id, parse_assignment

__all__ = [
    "DedupIndex", "IndexStats", "Match", "index_settings", "open_backend", "options_from_settings",
    "read_export_header",
]

FORMAT = 1
_DEFAULT_BATCH = 1000
_MASK = (1 << 64) - 1
_DECISION = (
    "threshold", "min_length_ratio", "title_threshold", "title_relief", "max_days",
    "check_numbers", "min_words", "lsh_threshold", "lsh_weights", "lead_threshold",
    "min_link", "max_bucket", "canonical", "verify", "truncation_patterns",
)
_POLICY_NAMES = {"LongestBody()": "longest", "EarliestDate()": "earliest"}


def _version() -> str:
    from ... import __version__

    return __version__


def index_settings(options: DedupOptions) -> dict[str, Any]:
    """What an index stores about its options and checks on open (JSON values, in check order).

    >>> s = index_settings(DedupOptions())
    >>> s["num_perm"], s["body_bands"], s["body_rows"], s["ngram"]
    (128, 37, 3, 3)
    """
    p = make_params(options)
    s: dict[str, Any] = {
        "format": FORMAT,
        "newsclean_version": _version(),
        "num_perm": options.num_perm,
        "seed": options.seed,
        "ngram": options.ngram,
        "lead_words": options.lead_words,
        "clean": options.clean,
        "body_bands": p.body.bands,
        "body_rows": p.body.rows,
        "lead_bands": p.lead.bands if p.lead is not None else 0,
        "lead_rows": p.lead.rows if p.lead is not None else 0,
    }
    for name in _DECISION:
        value = getattr(options, name)
        s[name] = repr(value) if name == "canonical" else value
    out: dict[str, Any] = json.loads(json.dumps(s))
    return out


def options_from_settings(settings: dict[str, Any]) -> DedupOptions:
    """The :class:`DedupOptions` an index was created with (built-in canonical policies only)."""
    kw: dict[str, Any] = {}
    for name in ("num_perm", "seed", "ngram", "lead_words", "clean", *_DECISION):
        if name not in settings:
            raise IndexCorruptError(f"index settings lack {name!r}")
        kw[name] = settings[name]
    pol = kw["canonical"]
    if pol not in _POLICY_NAMES:
        raise OptionsError(
            f"the index uses the canonical policy {pol}: open it with the same DedupOptions"
        )
    kw["canonical"] = _POLICY_NAMES[pol]
    if isinstance(kw["lsh_weights"], list):
        kw["lsh_weights"] = tuple(kw["lsh_weights"])
    if isinstance(kw["truncation_patterns"], list):
        kw["truncation_patterns"] = tuple(kw["truncation_patterns"])
    try:
        return DedupOptions(**kw)
    except OptionsError as exc:
        raise IndexCorruptError(f"index settings are not valid options: {exc}") from None


def check_settings(stored: dict[str, Any], wanted: dict[str, Any], location: str) -> None:
    """Raise :class:`IndexMismatchError` naming the first setting that differs."""
    for name, value in wanted.items():
        if name not in stored:
            raise IndexMismatchError(
                f"the index {location!r} does not record {name!r} (made by another version?)",
                setting=name,
            )
        if stored[name] != value:
            raise IndexMismatchError(
                f"the index {location!r} was created with {name}={stored[name]!r}, these options "
                f"have {name}={value!r}: open it with the same settings, or export it and "
                "import it into a new index",
                setting=name,
            )


def open_backend(location: str | os.PathLike[str] | None) -> Backend:
    """The backend of ``location``: ``None``/``":memory:"``, a SQLite path or a ``redis://`` URL."""
    if location is None or location == ":memory:":
        from .memory import MemoryBackend

        return MemoryBackend()
    loc = os.fspath(location)
    if loc.startswith(("redis://", "rediss://", "unix://")):
        from .redisdb import RedisBackend

        return RedisBackend(loc)
    if "://" in loc:
        raise OptionsError(f"unknown index location {loc!r}: use a file path or redis://host:port/db?name=NAME")
    from .sqlite import SqliteBackend

    return SqliteBackend(loc)


@dataclass(frozen=True)
class Match:
    """A stored copy of a queried document (``cluster_id``: its story)."""

    doc_id: str | int
    cluster_id: str | int
    similarity: float
    reason: str


@dataclass(frozen=True)
class IndexStats:
    """What :meth:`DedupIndex.stats` reports."""

    location: str
    documents: int
    clusters: int
    size_bytes: int
    settings: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping."""
        return {
            "location": self.location, "documents": self.documents, "clusters": self.clusters,
            "size_bytes": self.size_bytes, "settings": self.settings,
        }


def _salts(n: int) -> npt.NDArray[np.uint64]:
    """splitmix64 of 1..n: one salt per (kind, band) column, so keys of two bands never meet."""
    out = []
    for i in range(1, n + 1):
        z = (i * 0x9E3779B97F4A7C15) & _MASK
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
        out.append(z ^ (z >> 31))
    return np.array(out, dtype=np.uint64)


_SALT = _salts(2 + 2 * 1024)
_LEAD_SALT = 1024


def _hash_key(kind: bytes, data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8, person=kind).digest(), "little", signed=True)


def lookup_keys(corpus: Corpus, options: DedupOptions) -> list[list[int]]:
    """The lookup keys of every document of ``corpus`` (none for documents too short to merge).

    Body and lead LSH band keys, a key of the signature (exact-text copies)
    and of the title's words: the candidate sources of
    :func:`~newsclean.dedup.cluster`.
    """
    p = make_params(options)
    body = band_keys(corpus.sig, bands=p.body.bands, rows=p.body.rows) ^ _SALT[: p.body.bands]
    body_i = body.view(np.int64)
    lead_i = None
    if p.lead is not None and corpus.lead_sig is not None:
        lead = band_keys(corpus.lead_sig, bands=p.lead.bands, rows=p.lead.rows)
        lead_i = (lead ^ _SALT[_LEAD_SALT : _LEAD_SALT + p.lead.bands]).view(np.int64)
    out: list[list[int]] = []
    eligible = corpus.eligible
    has_lead = corpus.has_lead
    for i in range(corpus.n):
        r = int(corpus.rep[i])
        if not eligible[r]:
            out.append([])
            continue
        keys = body_i[r].tolist()
        keys.append(_hash_key(b"exact", corpus.sig[r].tobytes()))
        if lead_i is not None and has_lead[r]:
            keys.extend(lead_i[r].tolist())
        t = corpus.titles[i]
        if t is not None:
            keys.append(_hash_key(b"title", b"\x00".join(sorted(t))))
        out.append(keys)
    return out


class _Batch:
    """One batch: what to write, and the answers (set by the work function)."""

    def __init__(self) -> None:
        self.answers: dict[str, Assignment] = {}
        self.relabelled: list[StoredDoc] = []


def _describe(m: str | int, gid: str | int, by: dict[Any, Assignment]) -> tuple[float, str]:
    """Similarity and reason of member ``m`` of a cluster whose canonical copy is ``gid``."""
    a = by[m]
    if not a.is_canonical:
        return a.similarity_to_canonical, a.reason
    g = by[gid]  # m was the run's canonical copy; the stored one keeps the cluster
    return g.similarity_to_canonical, ("near_duplicate" if g.reason == "truncated_copy" else g.reason)


class DedupIndex:
    """A near-duplicate index that persists: in memory, in a SQLite file, or in Redis.

    ``location``: ``None`` (memory), a file path (SQLite, created when
    missing) or ``redis://host:port/db?name=NAME``. ``options`` must be the
    options the index was created with (checked on open:
    :class:`~newsclean.IndexMismatchError` names the first setting that
    differs); ``None`` uses the stored ones (or the defaults for a new
    index). ``batch_size`` documents are added per transaction. With
    ``create=False`` a missing index is a :class:`~newsclean.DedupIndexError`.

    >>> ix = DedupIndex(None, batch_size=100)
    >>> ix.add([{"id": 1, "text": "too short"}]).labels()
    {1: 1}
    >>> ix.stats().documents
    1
    """

    def __init__(
        self,
        location: str | os.PathLike[str] | None = None,
        options: DedupOptions | None = None,
        *,
        batch_size: int = _DEFAULT_BATCH,
        create: bool = True,
    ) -> None:
        if (
            not create
            and location is not None
            and "://" not in os.fspath(location)
            and not os.path.exists(location)
        ):
            raise DedupIndexError(f"no index at {os.fspath(location)!r}")
        if options is not None and not isinstance(options, DedupOptions):
            raise OptionsError(f"options must be a DedupOptions, got {type(options).__name__}")
        if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
            raise OptionsError(f"batch_size must be an int >= 1, got {batch_size!r}")
        self.batch_size = batch_size
        self.backend: Backend = open_backend(location)
        self.location = self.backend.location
        try:
            stored = self.backend.read_settings()
            if stored is None and not create:
                raise DedupIndexError(f"no index at {self.location!r}")
            if options is None:
                options = options_from_settings(stored) if stored is not None else DedupOptions()
            wanted = index_settings(options)
            if stored is None:
                stored = self.backend.create_settings(wanted)
            check_settings(stored, wanted, self.location)
        except BaseException:
            self.backend.close()
            raise
        self.options: DedupOptions = options
        self.settings = stored

    # -- context manager -------------------------------------------------------------
    def __enter__(self) -> DedupIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection or file."""
        self.backend.close()

    def __len__(self) -> int:
        return self.backend.counts()[0]

    def get(self, doc_id: str | int) -> StoredDoc | None:
        """The stored document with this id, or ``None``."""
        key = encode_id(doc_id)
        found: dict[str, StoredDoc] = {}

        def work(reader: Reader) -> Writes:
            found.update(reader.get([key]))
            return Writes()

        self.backend.batch(work, write=False)
        return found.get(key)

    def __contains__(self, doc_id: object) -> bool:
        return isinstance(doc_id, (str, int)) and not isinstance(doc_id, bool) and self.get(doc_id) is not None

    # -- adding ----------------------------------------------------------------------
    def _sub_run(
        self, reader: Reader, new: list[Doc]
    ) -> tuple[ClusterResult, dict[str | int, StoredDoc], list[list[int]], Corpus]:
        opts = self.options
        corpus = Corpus(new, opts, texts=prepared_texts(new, opts))
        keys = lookup_keys(corpus, opts)
        found = reader.lookup([k for ks in keys for k in ks])
        got = reader.get(sorted(found))
        clusters = sorted({d.cluster_key for d in got.values()})
        more = sorted(reader.members(clusters) - set(got))
        if more:
            got.update(reader.get(more))
        stored = {d.doc_id: d for d in got.values()}
        docs: list[Any] = [
            {"id": d.doc_id, "text": d.text, "title": d.title, "date": d.date, "url": d.url,
             "source": d.source}
            for d in new
        ]
        docs.extend(s.as_doc() for s in sorted(stored.values(), key=lambda s: s.seq))
        return cluster(docs, options=opts), stored, keys, corpus

    def _work(self, docs: list[Doc], out: _Batch, reader: Reader) -> Writes:
        out.answers = {}
        out.relabelled = []
        known = reader.get([encode_id(d.doc_id) for d in docs])
        for k, s in known.items():
            out.answers[k] = Assignment(s.doc_id, s.cluster_id, s.is_canonical, s.similarity, s.reason)
        new = [d for d in docs if encode_id(d.doc_id) not in known]
        w = Writes()
        if not new:
            return w
        sub, stored, keys, corpus = self._sub_run(reader, new)
        by = {a.doc_id: a for a in sub.assignments}
        groups: dict[Any, list[Any]] = {}
        for a in sub.assignments:
            groups.setdefault(a.cluster_id, []).append(a.doc_id)
        seq = reader.next_seq()
        new_pos = {d.doc_id: i for i, d in enumerate(new)}
        sig = corpus.sig
        lead = corpus.lead_sig
        has_lead = corpus.has_lead
        made: dict[Any, StoredDoc] = {}
        for cid, members in groups.items():
            olds = [stored[m] for m in members if m in stored and stored[m].is_canonical]
            gid = min(olds, key=lambda s: s.seq).doc_id if olds else cid
            for m in members:
                canon = m == gid
                if m in stored:
                    s = stored[m]
                    if s.cluster_id == gid and s.is_canonical == canon:
                        continue
                    sim, why = (1.0, by[m].reason) if canon else _describe(m, gid, by)
                    w.relabel.append(replace(s, cluster_id=gid, is_canonical=canon,
                                             similarity=sim, reason=why))
                    continue
                sim, why = (1.0, by[m].reason) if canon else _describe(m, gid, by)
                i = new_pos[m]
                d = new[i]
                r = int(corpus.rep[i])
                made[m] = StoredDoc(
                    doc_id=m, cluster_id=gid, is_canonical=canon, similarity=sim, reason=why,
                    seq=0, text=d.text, title=d.title, date=d.date, url=d.url, source=d.source,
                    signature=sig[r].astype("<u4").tobytes(),
                    lead_signature=(
                        lead[r].astype("<u4").tobytes() if lead is not None and has_lead[r] else None
                    ),
                )
        for i, d in enumerate(new):  # insertion numbers in input order
            s = replace(made[d.doc_id], seq=seq + i)
            w.new.append((s, keys[i]))
            out.answers[s.key] = Assignment(s.doc_id, s.cluster_id, s.is_canonical, s.similarity, s.reason)
        out.relabelled = list(w.relabel)
        return w

    def add(self, docs: Iterable[Any]) -> ClusterResult:
        """Cluster ``docs`` against the index and store them; the assignments of ``docs``.

        Documents whose id is stored already are answered from the index.
        ``clusters`` of the result list the members among ``docs``; cluster
        ids may be ids of stored documents. Raises
        :class:`~newsclean.InputError` for invalid documents or an id given twice.
        """
        items = read_docs(docs)
        answers: dict[str, Assignment] = {}
        for b0 in range(0, len(items), self.batch_size):
            part = items[b0 : b0 + self.batch_size]
            out = _Batch()
            self.backend.batch(lambda reader, part=part, out=out: self._work(part, out, reader))  # type: ignore[misc]
            for s in out.relabelled:  # a later batch may merge clusters of an earlier one
                if s.key in answers:
                    a = answers[s.key]
                    answers[s.key] = Assignment(a.doc_id, s.cluster_id, s.is_canonical, s.similarity, s.reason)
            answers.update(out.answers)
        return _result([answers[encode_id(d.doc_id)] for d in items], self.options)

    def query(self, doc: Any) -> tuple[Match, ...]:
        """The stored copies of ``doc``, best first (``doc`` is not added)."""
        d = read_docs([doc])
        hits: list[Match] = []

        def work(reader: Reader) -> Writes:
            hits.clear()
            key = encode_id(d[0].doc_id)
            known = reader.get([key])
            if key in known:
                raise InputError(f"document id {d[0].doc_id!r} is in the index already")
            sub, stored, _, _ = self._sub_run(reader, d)
            a = sub[d[0].doc_id]
            mates = [x for x in sub.assignments if x.cluster_id == a.cluster_id and x.doc_id in stored]
            for x in mates:
                s = stored[x.doc_id]
                sim = a.similarity_to_canonical if not a.is_canonical else x.similarity_to_canonical
                how = a.reason if not a.is_canonical else x.reason
                hits.append(Match(s.doc_id, s.cluster_id, sim, how))
            return Writes()

        self.backend.batch(work, write=False)
        hits.sort(key=lambda m: (-m.similarity, id_key(m.doc_id)))
        return tuple(hits)

    # -- operations ------------------------------------------------------------------
    def stats(self) -> IndexStats:
        """Documents, clusters, size on disk (server memory for Redis) and settings."""
        docs, clusters = self.backend.counts()
        return IndexStats(self.location, docs, clusters, self.backend.size_bytes(), dict(self.settings))

    def iter_docs(self) -> Iterator[StoredDoc]:
        """Every stored document, in insertion order."""
        return self.backend.iter_docs()

    def export(self, out: IO[str]) -> int:
        """Write the index as JSONL (a settings line, then one line per document); the count."""
        out.write(json.dumps({"newsclean_index": FORMAT, "settings": self.settings}, sort_keys=True) + "\n")
        n = 0
        for d in self.backend.iter_docs():
            out.write(json.dumps(_export_obj(d), ensure_ascii=False) + "\n")
            n += 1
        return n

    def import_jsonl(self, lines: Iterable[str]) -> int:
        """Add the documents of an :meth:`export` with their assignments; the count added.

        Signatures are recomputed from the texts and checked against the
        exported ones; ids stored already are skipped. Raises
        :class:`~newsclean.IndexCorruptError` for a line that is not a
        valid exported document, :class:`~newsclean.IndexMismatchError`
        when the export was made with other settings.
        """
        it = iter(lines)
        header = _header(next(it, None))
        check_settings({**header, "newsclean_version": self.settings["newsclean_version"]},
                       {k: v for k, v in self.settings.items() if k != "newsclean_version"},
                       "the export")
        same_version = header.get("newsclean_version") == self.settings["newsclean_version"]
        added = 0
        chunk: list[dict[str, Any]] = []
        for no, line in enumerate(it, start=2):
            if not line.strip():
                continue
            chunk.append(_import_obj(line, no))
            if len(chunk) >= self.batch_size:
                added += self._import_chunk(chunk, same_version)
                chunk = []
        if chunk:
            added += self._import_chunk(chunk, same_version)
        return added

    def _import_chunk(self, rows: list[dict[str, Any]], check_sig: bool) -> int:
        docs = read_docs([r["doc"] for r in rows])
        opts = self.options
        corpus = Corpus(docs, opts, texts=prepared_texts(docs, opts))
        keys = lookup_keys(corpus, opts)
        count = [0]

        def work(reader: Reader) -> Writes:
            w = Writes()
            known = reader.get([encode_id(d.doc_id) for d in docs])
            seq = reader.next_seq()
            for i, (row, d) in enumerate(zip(rows, docs, strict=True)):
                if encode_id(d.doc_id) in known:
                    continue
                r = int(corpus.rep[i])
                sig = corpus.sig[r].astype("<u4").tobytes()
                if check_sig and sig.hex() != row["signature"]:
                    raise IndexCorruptError(f"document {d.doc_id!r}: the signature does not match its text")
                lead = corpus.lead_sig
                lsig = lead[r].astype("<u4").tobytes() if lead is not None and corpus.has_lead[r] else None
                s = StoredDoc(
                    doc_id=d.doc_id, cluster_id=row["cluster_id"], is_canonical=row["is_canonical"],
                    similarity=row["similarity"], reason=row["reason"], seq=seq + len(w.new),
                    text=d.text, title=d.title, date=d.date, url=d.url, source=d.source,
                    signature=sig, lead_signature=lsig,
                )
                w.new.append((s, keys[i]))
            count[0] = len(w.new)
            return w

        self.backend.batch(work)
        return count[0]


def _export_obj(d: StoredDoc) -> dict[str, Any]:
    return {
        "doc_id": d.doc_id, "cluster_id": d.cluster_id, "signature": d.signature.hex(),
        "is_canonical": d.is_canonical, "similarity": d.similarity, "reason": d.reason,
        "title": d.title, "date": d.date, "url": d.url, "source": d.source, "text": d.text,
    }


def read_export_header(line: str | None) -> dict[str, Any]:
    """The settings in the first line of an :meth:`DedupIndex.export` (validated)."""
    return _header(line)


def _header(line: str | None) -> dict[str, Any]:
    try:
        obj = json.loads(line) if line is not None else None
    except ValueError:
        obj = None
    if not isinstance(obj, dict) or obj.get("newsclean_index") != FORMAT or not isinstance(obj.get("settings"), dict):
        raise IndexCorruptError("line 1 is not the header of a newsclean index export")
    settings: dict[str, Any] = obj["settings"]
    return settings


def _import_obj(line: str, no: int) -> dict[str, Any]:
    try:
        obj = json.loads(line)
    except ValueError:
        raise IndexCorruptError(f"line {no}: not JSON") from None
    if not isinstance(obj, dict):
        raise IndexCorruptError(f"line {no}: not a JSON object")
    did, cid = obj.get("doc_id"), obj.get("cluster_id")
    if isinstance(did, bool) or not isinstance(did, (str, int)):
        raise IndexCorruptError(f"line {no}: bad doc_id {did!r}"[:200])
    if isinstance(cid, bool) or not isinstance(cid, (str, int)):
        raise IndexCorruptError(f"line {no}: bad cluster_id {cid!r}"[:200])
    sig, sim = obj.get("signature"), obj.get("similarity")
    if not isinstance(sig, str):
        raise IndexCorruptError(f"line {no}: signature must be a hex string")
    if isinstance(sim, bool) or not isinstance(sim, (int, float)) or not 0.0 <= sim <= 1.0:
        raise IndexCorruptError(f"line {no}: bad similarity {sim!r}")
    canon, reason, text = obj.get("is_canonical"), obj.get("reason"), obj.get("text")
    if not isinstance(canon, bool) or not isinstance(reason, str) or not isinstance(text, str):
        raise IndexCorruptError(f"line {no}: is_canonical, reason and text are required")
    parse_assignment(json.dumps({"c": encode_id(cid), "k": canon, "s": sim, "r": reason}), f"line {no}")
    doc: dict[str, Any] = {"id": did, "text": text}
    for name in ("title", "date", "url", "source"):
        v = obj.get(name)
        if v is not None:
            if name == "date" and (isinstance(v, bool) or not isinstance(v, (int, float))):
                raise IndexCorruptError(f"line {no}: date must be a timestamp")
            if name != "date" and not isinstance(v, str):
                raise IndexCorruptError(f"line {no}: {name} must be a string")
            doc[name] = v
    decode_id(encode_id(did))
    return {"doc": doc, "cluster_id": cid, "signature": sig.lower(), "is_canonical": canon,
            "similarity": float(sim), "reason": reason}


def _result(assignments: list[Assignment], options: DedupOptions) -> ClusterResult:
    members: dict[Any, list[Any]] = {}
    canon: dict[Any, str] = {}
    for a in assignments:
        members.setdefault(a.cluster_id, []).append(a.doc_id)
        if a.is_canonical:
            canon[a.cluster_id] = a.reason
    clusters = tuple(
        Cluster(cid, cid, tuple(sorted(ms, key=id_key)), canon.get(cid, "stored"))
        for cid, ms in sorted(members.items(), key=lambda kv: id_key(kv[0]))
    )
    n_dup = sum(not a.is_canonical for a in assignments)
    stats = DedupStats(
        documents=len(assignments), clusters=len(clusters), duplicates=n_dup,
        exact_duplicates=sum(a.reason == "exact_duplicate" for a in assignments),
        too_short=sum(a.reason in ("too_short", "empty") for a in assignments),
        candidate_pairs=0, verified_pairs=0, exact_checks=0,
    )
    return ClusterResult(tuple(assignments), clusters, make_params(options), stats)
