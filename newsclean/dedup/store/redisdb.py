"""The Redis backend: ``redis://host:port/db?name=NAME`` (the name is required).

A thin layer of our own rather than ``MinHashLSH(storage_config=redis)``:
datasketch's storage writes the band buckets with plain pipelines (no
transaction), so a process killed mid-insert leaves half a document, and
it holds only the buckets, not the data the pair decision needs. Here a
batch is optimistic: ``WATCH`` the index's version key, read (pipelined),
then write everything in one ``MULTI``/``EXEC``; when another writer
committed in between, the batch is recomputed. A killed process never
commits a partial batch. The lookup-key sets are filled by one small Lua
script per batch (``SADD`` in a loop), read with ``SUNION``. (benchmarks/index.py compares the speed with
datasketch's Redis-backed ``MinHashLSH``.)

Keys, under ``NAME:``: ``settings`` (JSON), ``version``, ``seq``,
``d:<doc>`` (a hash of the packed fields), ``k:<lookup key>`` and
``c:<cluster>`` (sets of document keys), ``ids`` (all document keys, in a
sorted set by insertion number) and ``canon`` (canonical documents).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from typing import Any
from urllib.parse import parse_qs, urlsplit, urlunsplit

from ...errors import DedupIndexError, IndexCorruptError, MissingDependencyError, OptionsError
from .base import Reader, StoredDoc, Writes, json_object, pack, settings_num_perm, unpack

__all__ = ["RedisBackend", "parse_redis_url"]

_UNION = 2000  # lookup keys per SUNION
# All SADDs of a batch in one command (the client spends its time packing
# commands, not the server running them: 65 lookup keys per document). Key
# names are passed in ARGV, so this suits a standalone server, not a cluster.
_SADD_MANY = "for i = 1, #ARGV, 2 do redis.call('SADD', ARGV[i], ARGV[i + 1]) end return 0"
_SADD_CHUNK = 20000  # arguments per script call


def parse_redis_url(url: str) -> tuple[str, str]:
    """``(connection url, index name)`` of ``redis://host:port/db?name=NAME``.

    >>> parse_redis_url("redis://127.0.0.1:6379/0?name=news")
    ('redis://127.0.0.1:6379/0', 'news')
    >>> parse_redis_url("redis://127.0.0.1:6379/0")
    Traceback (most recent call last):
    ...
    newsclean.errors.OptionsError: a Redis index needs a name: redis://host:port/db?name=NAME (got 'redis://127.0.0.1:6379/0')
    """
    parts = urlsplit(url)
    query = parse_qs(parts.query, keep_blank_values=True)
    names = query.pop("name", [])
    if len(names) != 1 or not names[0].strip():
        raise OptionsError(f"a Redis index needs a name: redis://host:port/db?name=NAME (got {url!r})")
    name = names[0].strip()
    if any(c in name for c in " \n\r\t"):
        raise OptionsError(f"a Redis index name cannot contain white space, got {name!r}")
    rest = "&".join(f"{k}={v}" for k, vs in query.items() for v in vs)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, rest, "")), name


def _connect(url: str) -> Any:
    try:
        import redis
    except ImportError:
        raise MissingDependencyError(
            "a Redis index needs the redis client: pip install 'newsclean[redis]'"
        ) from None
    return redis.Redis.from_url(url, socket_timeout=60, socket_connect_timeout=10)


class _RedisReader:
    def __init__(self, b: RedisBackend) -> None:
        self.b = b
        self.r = b.r

    def next_seq(self) -> int:
        raw = self.r.get(self.b.k("seq"))
        return (int(raw) if raw is not None else 0) + 1

    def lookup(self, keys: Sequence[int]) -> set[str]:
        uniq = sorted(set(keys))
        p = self.r.pipeline(transaction=False)
        for i in range(0, len(uniq), _UNION):  # SUNION: one command for many keys
            p.sunion([self.b.k(f"k:{k}") for k in uniq[i : i + _UNION]])
        out: set[str] = set()
        for got in p.execute():
            out.update(x.decode("utf-8", "replace") for x in got)
        return out

    def get(self, doc_keys: Sequence[str]) -> dict[str, StoredDoc]:
        keys = list(doc_keys)
        p = self.r.pipeline(transaction=False)
        for key in keys:
            p.hgetall(self.b.k(f"d:{key}"))
        out: dict[str, StoredDoc] = {}
        for key, fields in zip(keys, p.execute(), strict=True):
            if fields:
                f = {k.decode("ascii", "replace"): v for k, v in fields.items()}
                out[key] = unpack(f, num_perm=self.b.num_perm, key=key)
        return out

    def members(self, cluster_keys: Sequence[str]) -> set[str]:
        p = self.r.pipeline(transaction=False)
        for c in cluster_keys:
            p.smembers(self.b.k(f"c:{c}"))
        out: set[str] = set()
        for got in p.execute():
            out.update(x.decode("utf-8", "replace") for x in got)
        return out


class RedisBackend:
    """An index under ``NAME:`` in a Redis database."""

    def __init__(self, url: str, *, max_retries: int = 1000) -> None:
        self.location = url
        conn, self.name = parse_redis_url(url)
        self.r = _connect(conn)
        self.num_perm = 0
        self.max_retries = max_retries
        try:
            self.r.ping()
        except Exception as exc:
            raise DedupIndexError(f"cannot reach the Redis server of {url!r}: {exc}") from None

    def k(self, suffix: str) -> str:
        """The Redis key ``NAME:suffix``."""
        return f"{self.name}:{suffix}"

    def _num_perm(self, settings: dict[str, Any]) -> None:
        self.num_perm = settings_num_perm(settings, self.location)

    def read_settings(self) -> dict[str, Any] | None:
        raw = self.r.get(self.k("settings"))
        if raw is None:
            return None
        value = json_object(raw, f"{self.location!r}: settings", plural=True)
        self._num_perm(value)
        return value

    def create_settings(self, settings: dict[str, Any]) -> dict[str, Any]:
        self.r.set(self.k("settings"), json.dumps(settings, sort_keys=True), nx=True)
        got = self.read_settings()
        if got is None:  # pragma: no cover - just written
            raise IndexCorruptError(f"{self.location!r}: settings vanished")
        return got

    def batch(self, work: Callable[[Reader], Writes], *, write: bool = True) -> Writes:
        from redis.exceptions import WatchError

        if not write:
            return work(_RedisReader(self))

        for _ in range(self.max_retries):
            with self.r.pipeline(transaction=True) as tx:
                tx.watch(self.k("version"))
                w = work(_RedisReader(self))
                # the current cluster of every re-labelled document, to move it between sets
                old = _RedisReader(self).get([d.key for d in w.relabel]) if w.relabel else {}
                tx.multi()
                top = 0
                pairs: list[str] = []
                for doc, keys in w.new:
                    key = doc.key
                    tx.hset(self.k(f"d:{key}"), mapping=pack(doc))
                    for lk in keys:
                        pairs.append(self.k(f"k:{lk}"))
                        pairs.append(key)
                    tx.sadd(self.k(f"c:{doc.cluster_key}"), key)
                    tx.zadd(self.k("ids"), {key: doc.seq})
                    if doc.is_canonical:
                        tx.sadd(self.k("canon"), key)
                    top = max(top, doc.seq)
                for doc in w.relabel:
                    key = doc.key
                    before = old.get(key)
                    if before is not None:
                        tx.srem(self.k(f"c:{before.cluster_key}"), key)
                    tx.sadd(self.k(f"c:{doc.cluster_key}"), key)
                    tx.hset(self.k(f"d:{key}"), "asg", doc.assignment_json().encode())
                    if doc.is_canonical:
                        tx.sadd(self.k("canon"), key)
                    else:
                        tx.srem(self.k("canon"), key)
                for i in range(0, len(pairs), _SADD_CHUNK):
                    tx.eval(_SADD_MANY, 0, *pairs[i : i + _SADD_CHUNK])
                if top:
                    tx.set(self.k("seq"), top)
                tx.incr(self.k("version"))
                try:
                    tx.execute()
                except WatchError:
                    continue
                return w
        raise DedupIndexError(f"{self.location!r}: gave up after {self.max_retries} write conflicts")

    def counts(self) -> tuple[int, int]:
        return int(self.r.zcard(self.k("ids"))), int(self.r.scard(self.k("canon")))

    def size_bytes(self) -> int:
        """Server memory used (``INFO memory``; the whole database, not only this index)."""
        info = self.r.info("memory")
        return int(info.get("used_memory", 0))

    def iter_docs(self) -> Iterator[StoredDoc]:
        reader = _RedisReader(self)
        start = 0
        while True:
            keys = self.r.zrange(self.k("ids"), start, start + 999)
            if not keys:
                return
            ks = [k.decode("utf-8", "replace") for k in keys]
            got = reader.get(ks)
            for k in ks:
                if k not in got:
                    raise IndexCorruptError(f"{self.location!r}: document {k!r} listed but missing")
                yield got[k]
            start += len(keys)

    def close(self) -> None:
        self.r.close()
