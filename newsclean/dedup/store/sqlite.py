"""The SQLite backend: one file, WAL mode, one transaction per batch.

Tables: ``settings`` (one JSON row), ``docs`` (one row per document:
assignment, metadata, zlib text, signatures; indexed by key and cluster)
and ``keys`` (lookup key -> document, a ``WITHOUT ROWID`` primary key, so a
lookup is one B-tree probe). A batch runs under ``BEGIN IMMEDIATE``: two
processes adding at once take turns (``busy_timeout``), and a process
killed mid-batch leaves the last committed batch (SQLite rolls the rest
back when the file is next opened).

>>> import os, tempfile
>>> path = os.path.join(tempfile.mkdtemp(), "news.db")
>>> b = SqliteBackend(path)
>>> b.create_settings({"num_perm": 128})["num_perm"]
128
>>> b.counts()
(0, 0)
>>> b.close()
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ...errors import DedupIndexError, IndexCorruptError
from .base import Reader, StoredDoc, Writes, json_object, pack, settings_num_perm, unpack

__all__ = ["SqliteBackend"]

_CHUNK = 900  # bound parameters per statement
_SCHEMA = """
CREATE TABLE IF NOT EXISTS settings (id INTEGER PRIMARY KEY CHECK (id = 1), value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS docs (
    seq INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    cluster TEXT NOT NULL,
    canon INTEGER NOT NULL,
    asg BLOB NOT NULL,
    meta BLOB NOT NULL,
    text BLOB NOT NULL,
    sig BLOB NOT NULL,
    lsig BLOB
);
CREATE INDEX IF NOT EXISTS docs_cluster ON docs (cluster);
CREATE TABLE IF NOT EXISTS keys (
    key INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (key, seq)
) WITHOUT ROWID;
"""
_COLS = "seq, key, asg, meta, text, sig, lsig"


def _chunks(items: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


class _SqliteReader:
    def __init__(self, con: sqlite3.Connection, num_perm: int) -> None:
        self.con = con
        self.num_perm = num_perm

    def next_seq(self) -> int:
        row = self.con.execute("SELECT COALESCE(MAX(seq), 0) FROM docs").fetchone()
        return int(row[0]) + 1

    def lookup(self, keys: Sequence[int]) -> set[str]:
        seqs: set[int] = set()
        uniq = sorted(set(keys))
        for part in _chunks(uniq):
            q = f"SELECT seq FROM keys WHERE key IN ({','.join('?' * len(part))})"
            seqs.update(r[0] for r in self.con.execute(q, tuple(part)))
        out: set[str] = set()
        for part in _chunks(sorted(seqs)):
            q = f"SELECT key FROM docs WHERE seq IN ({','.join('?' * len(part))})"
            out.update(str(r[0]) for r in self.con.execute(q, tuple(part)))
        return out

    def get(self, doc_keys: Sequence[str]) -> dict[str, StoredDoc]:
        out: dict[str, StoredDoc] = {}
        for part in _chunks(list(doc_keys)):
            q = f"SELECT {_COLS} FROM docs WHERE key IN ({','.join('?' * len(part))})"
            for row in self.con.execute(q, tuple(part)):
                d = _row(row, self.num_perm)
                out[d.key] = d
        return out

    def members(self, cluster_keys: Sequence[str]) -> set[str]:
        out: set[str] = set()
        for part in _chunks(list(cluster_keys)):
            q = f"SELECT key FROM docs WHERE cluster IN ({','.join('?' * len(part))})"
            out.update(str(r[0]) for r in self.con.execute(q, tuple(part)))
        return out


def _row(row: tuple[Any, ...], num_perm: int) -> StoredDoc:
    seq, key, asg, meta, text, sig, lsig = row
    if not isinstance(key, str):
        raise IndexCorruptError(f"document key {key!r} is not text")
    d = unpack({"asg": asg, "meta": meta, "text": text, "sig": sig, "lsig": lsig},
               num_perm=num_perm, key=key)
    if d.seq != seq:
        raise IndexCorruptError(f"document {key!r}: insertion number {d.seq} != row {seq}")
    return d


class SqliteBackend:
    """An index in one SQLite file (created when missing)."""

    def __init__(self, path: str | os.PathLike[str], *, timeout_s: float = 120.0) -> None:
        self.location = str(path)
        self.path = Path(path)
        self.num_perm = 0
        try:
            self.con = sqlite3.connect(
                self.location, timeout=timeout_s, isolation_level=None, check_same_thread=False
            )
            self.con.execute(f"PRAGMA busy_timeout = {int(timeout_s * 1000)}")
            mode = self.con.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            self.con.execute("PRAGMA synchronous = NORMAL")
            # the lookup-key B-tree takes random inserts: a larger page cache (64 MB) keeps
            # them in memory well past 100k documents
            self.con.execute("PRAGMA cache_size = -65536")
            self.con.execute("BEGIN IMMEDIATE")
            for stmt in _SCHEMA.split(";"):
                if stmt.strip():
                    self.con.execute(stmt)
            self.con.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            kind = IndexCorruptError if "not a database" in str(exc) else DedupIndexError
            raise kind(f"cannot open the index {self.location!r}: {exc}") from None
        if str(mode).lower() != "wal":
            raise DedupIndexError(f"{self.location!r}: SQLite refused WAL mode ({mode})")

    def _settings_row(self) -> dict[str, Any] | None:
        row = self.con.execute("SELECT value FROM settings WHERE id = 1").fetchone()
        if row is None:
            return None
        return json_object(row[0], f"{self.location!r}: settings", plural=True)

    def _num_perm(self, settings: dict[str, Any]) -> None:
        self.num_perm = settings_num_perm(settings, self.location)

    def read_settings(self) -> dict[str, Any] | None:
        try:
            s = self._settings_row()
        except sqlite3.DatabaseError as exc:
            raise IndexCorruptError(f"{self.location!r}: {exc}") from None
        if s is not None:
            self._num_perm(s)
        return s

    def create_settings(self, settings: dict[str, Any]) -> dict[str, Any]:
        try:
            self.con.execute("BEGIN IMMEDIATE")
            try:
                self.con.execute(
                    "INSERT OR IGNORE INTO settings (id, value) VALUES (1, ?)",
                    (json.dumps(settings, sort_keys=True),),
                )
                self.con.execute("COMMIT")
            except BaseException:
                self.con.execute("ROLLBACK")
                raise
        except sqlite3.DatabaseError as exc:
            raise DedupIndexError(f"{self.location!r}: {exc}") from None
        got = self.read_settings()
        if got is None:  # pragma: no cover - the row was just written
            raise IndexCorruptError(f"{self.location!r}: settings vanished")
        return got

    def batch(self, work: Callable[[Reader], Writes], *, write: bool = True) -> Writes:
        con = self.con
        if not write:  # a read transaction: a snapshot, writers are not blocked (WAL)
            con.execute("BEGIN")
            try:
                return work(_SqliteReader(con, self.num_perm))
            finally:
                con.execute("COMMIT")
        try:
            con.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as exc:
            raise DedupIndexError(f"{self.location!r}: cannot start a batch: {exc}") from None
        try:
            w = work(_SqliteReader(con, self.num_perm))
            rows = []
            key_rows: list[tuple[int, int]] = []
            for doc, keys in w.new:
                f = pack(doc)
                rows.append((doc.seq, doc.key, doc.cluster_key, int(doc.is_canonical),
                             f["asg"], f["meta"], f["text"], f["sig"], f.get("lsig")))
                key_rows.extend((k, doc.seq) for k in keys)
            con.executemany(
                "INSERT INTO docs (seq, key, cluster, canon, asg, meta, text, sig, lsig) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            con.executemany("INSERT OR IGNORE INTO keys (key, seq) VALUES (?, ?)", key_rows)
            con.executemany(
                "UPDATE docs SET cluster = ?, canon = ?, asg = ? WHERE key = ?",
                [(d.cluster_key, int(d.is_canonical), d.assignment_json().encode(), d.key)
                 for d in w.relabel],
            )
            con.execute("COMMIT")
        except BaseException:
            if con.in_transaction:
                con.execute("ROLLBACK")
            raise
        return w

    def counts(self) -> tuple[int, int]:
        docs = self.con.execute("SELECT COUNT(*) FROM docs").fetchone()[0]
        clusters = self.con.execute("SELECT COUNT(DISTINCT cluster) FROM docs").fetchone()[0]
        return int(docs), int(clusters)

    def size_bytes(self) -> int:
        total = 0
        for suffix in ("", "-wal", "-shm"):
            p = Path(self.location + suffix)
            if p.exists():
                total += p.stat().st_size
        return total

    def iter_docs(self) -> Iterator[StoredDoc]:
        last = 0
        while True:
            rows = self.con.execute(
                f"SELECT {_COLS} FROM docs WHERE seq > ? ORDER BY seq LIMIT 1000", (last,)
            ).fetchall()
            if not rows:
                return
            for row in rows:
                yield _row(row, self.num_perm)
            last = int(rows[-1][0])

    def close(self) -> None:
        self.con.close()
