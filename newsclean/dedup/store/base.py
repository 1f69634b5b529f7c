"""What a persistent dedup index holds, how it is encoded, and the backend protocol.

Every document stored is a :class:`StoredDoc`: its assignment (cluster id,
canonical flag, similarity, reason), what the pair decision needs to
recompute its features (the text as given, zlib-compressed, with title,
date, url and source), its MinHash signatures, and an insertion number.
Lookup keys (LSH band keys of the body and the lead, the exact-text key,
the title key) map to documents.

Backends store the same encoded fields (:func:`pack` / :func:`unpack`):
JSON for the small fields, raw bytes for text and signatures. Nothing is
ever unpickled; everything read back is validated and a bad value raises
:class:`~newsclean.errors.IndexCorruptError`.

>>> d = StoredDoc("a", "a", True, 1.0, "unique", 1, "Some text.", None, None, None, None,
...               b"\\x00" * 8, None)
>>> unpack(pack(d), num_perm=2, key="s:a") == d
True
>>> encode_id(7), encode_id("7"), decode_id("i:7")
('i:7', 's:7', 7)
"""

from __future__ import annotations

import json
import math
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from ...errors import IndexCorruptError

__all__ = [
    "Backend",
    "DocId",
    "Reader",
    "StoredDoc",
    "Writes",
    "decode_id",
    "encode_id",
    "json_object",
    "pack",
    "settings_num_perm",
    "unpack",
]

DocId = str | int

MAX_TEXT_BYTES = 64 * 1024 * 1024  # a stored text larger than this is not trusted (zip bomb)
_REASONS = frozenset({
    "unique", "too_short", "empty", "longest_body", "earliest_date", "source_priority",
    "exact_duplicate", "near_duplicate", "truncated_copy",
})


def encode_id(doc_id: DocId) -> str:
    """The storage key of a document id: ``"s:<id>"`` or ``"i:<id>"`` (ids keep their type)."""
    if isinstance(doc_id, bool) or not isinstance(doc_id, (str, int)):
        raise TypeError(f"document ids are str or int, got {type(doc_id).__name__}")
    return f"i:{doc_id}" if isinstance(doc_id, int) else f"s:{doc_id}"


def decode_id(key: str | bytes) -> DocId:
    """The document id of a storage key; :class:`IndexCorruptError` when it is not one."""
    if isinstance(key, bytes):
        try:
            key = key.decode("utf-8")
        except UnicodeDecodeError:
            raise IndexCorruptError(f"bad document key {key[:40]!r}") from None
    if key.startswith("s:"):
        return key[2:]
    if key.startswith("i:"):
        try:
            return int(key[2:])
        except ValueError:
            pass
    raise IndexCorruptError(f"bad document key {key[:40]!r}")


@dataclass(frozen=True)
class StoredDoc:
    """One document in an index (ids keep their type; ``date`` is a POSIX timestamp)."""

    doc_id: DocId
    cluster_id: DocId
    is_canonical: bool
    similarity: float
    reason: str
    seq: int
    text: str
    title: str | None
    date: float | None
    url: str | None
    source: str | None
    signature: bytes
    lead_signature: bytes | None

    @property
    def key(self) -> str:
        """The storage key of the document."""
        return encode_id(self.doc_id)

    @property
    def cluster_key(self) -> str:
        """The storage key of the cluster (its canonical document's key)."""
        return encode_id(self.cluster_id)

    def as_doc(self) -> dict[str, Any]:
        """The mapping :func:`newsclean.cluster` takes."""
        doc: dict[str, Any] = {"id": self.doc_id, "text": self.text}
        for name in ("title", "date", "url", "source"):
            value = getattr(self, name)
            if value is not None:
                doc[name] = value
        return doc

    def assignment_json(self) -> str:
        """The mutable part (assignment), as stored."""
        return json.dumps(
            {"c": self.cluster_key, "k": self.is_canonical, "s": self.similarity, "r": self.reason},
            separators=(",", ":"),
        )


@dataclass
class Writes:
    """What one batch adds: new documents with their lookup keys, and re-labelled documents."""

    new: list[tuple[StoredDoc, list[int]]] = field(default_factory=list)
    relabel: list[StoredDoc] = field(default_factory=list)


class Reader(Protocol):
    """Reads inside a batch transaction."""

    def next_seq(self) -> int:
        """The insertion number the next new document gets."""
        ...

    def lookup(self, keys: Sequence[int]) -> set[str]:
        """Keys of the documents that have any of the lookup ``keys``."""
        ...

    def get(self, doc_keys: Sequence[str]) -> dict[str, StoredDoc]:
        """The stored documents among ``doc_keys`` (missing ones are left out)."""
        ...

    def members(self, cluster_keys: Sequence[str]) -> set[str]:
        """Keys of all documents of the given clusters."""
        ...


class Backend(Protocol):
    """Storage of an index: settings, documents, lookup keys, atomic batches."""

    location: str

    def read_settings(self) -> dict[str, Any] | None:
        """The stored settings, ``None`` for a new (empty) index."""
        ...

    def create_settings(self, settings: dict[str, Any]) -> dict[str, Any]:
        """Store ``settings`` unless some are stored already; return the stored ones."""
        ...

    def batch(self, work: Callable[[Reader], Writes], *, write: bool = True) -> Writes:
        """Run ``work`` and apply its writes as one transaction (retried on a write conflict);
        ``write=False``: a consistent read only (its writes must be empty)."""
        ...

    def counts(self) -> tuple[int, int]:
        """``(documents, clusters)``."""
        ...

    def size_bytes(self) -> int:
        """Bytes used on disk (or in server memory)."""
        ...

    def iter_docs(self) -> Iterator[StoredDoc]:
        """Every stored document, in insertion order."""
        ...

    def close(self) -> None:
        """Release connections and files."""
        ...


# -- encoding -----------------------------------------------------------------------
def pack(doc: StoredDoc) -> dict[str, bytes]:
    """The stored fields of ``doc``: ``asg``, ``meta`` (JSON), ``text`` (zlib), ``sig``, ``lsig``."""
    meta = {"q": doc.seq, "t": doc.title, "d": doc.date, "u": doc.url, "o": doc.source}
    out = {
        "asg": doc.assignment_json().encode(),
        "meta": json.dumps(meta, separators=(",", ":")).encode(),
        "text": zlib.compress(doc.text.encode("utf-8"), 1),  # level 1: 3x faster than 6, ~10% larger
        "sig": doc.signature,
    }
    if doc.lead_signature is not None:
        out["lsig"] = doc.lead_signature
    return out


def json_object(raw: Any, where: str, *, plural: bool = False) -> dict[str, Any]:
    """Stored JSON that must be an object (the backends' settings, a document's
    assignment and meta); :class:`IndexCorruptError` naming ``where`` otherwise.

    >>> json_object('{"a": 1}', "settings", plural=True)
    {'a': 1}
    """
    verb = "are" if plural else "is"
    try:
        obj = json.loads(raw)
    except (TypeError, ValueError):  # (UnicodeDecodeError is a ValueError)
        raise IndexCorruptError(f"{where} {verb} not JSON") from None
    if not isinstance(obj, dict):
        raise IndexCorruptError(f"{where} {verb} not a JSON object")
    return obj


def _json_obj(raw: object, what: str, key: str) -> dict[str, Any]:
    if not isinstance(raw, (bytes, str)):
        raise IndexCorruptError(f"document {key!r}: {what} missing")
    return json_object(raw, f"document {key!r}: {what}")


def _opt_str(value: object, name: str, key: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise IndexCorruptError(f"document {key!r}: {name} must be a string")


def decompress_text(blob: object, key: str) -> str:
    """The text of a stored document; :class:`IndexCorruptError` for anything but valid zlib UTF-8."""
    if not isinstance(blob, bytes):
        raise IndexCorruptError(f"document {key!r}: text missing")
    try:
        d = zlib.decompressobj()
        raw = d.decompress(blob, MAX_TEXT_BYTES)
        if d.unconsumed_tail or not d.eof:
            raise IndexCorruptError(f"document {key!r}: text truncated or larger than {MAX_TEXT_BYTES} bytes")
        return raw.decode("utf-8")
    except (zlib.error, UnicodeDecodeError):
        raise IndexCorruptError(f"document {key!r}: text is not valid compressed UTF-8") from None


def settings_num_perm(settings: Mapping[str, Any], location: str) -> int:
    """The signature length stored in an index's settings, checked (untrusted input)."""
    n = settings.get("num_perm")
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= 100_000:
        raise IndexCorruptError(f"{location!r}: bad num_perm {n!r} in the settings")
    return n


def check_signature(blob: object, num_perm: int, key: str, what: str = "signature") -> bytes:
    """A stored signature: ``num_perm`` 32-bit values."""
    if not isinstance(blob, bytes) or len(blob) != 4 * num_perm:
        raise IndexCorruptError(f"document {key!r}: {what} is not {num_perm} 32-bit values")
    return blob


def parse_assignment(raw: object, key: str) -> tuple[DocId, bool, float, str]:
    """``(cluster_id, is_canonical, similarity, reason)`` from the stored ``asg`` field."""
    a = _json_obj(raw, "assignment", key)
    c, k, s, r = a.get("c"), a.get("k"), a.get("s"), a.get("r")
    if not isinstance(c, str) or not isinstance(k, bool) or not isinstance(r, str) or r not in _REASONS:
        raise IndexCorruptError(f"document {key!r}: bad assignment {a!r}"[:200])
    if isinstance(s, bool) or not isinstance(s, (int, float)) or not 0.0 <= s <= 1.0:
        raise IndexCorruptError(f"document {key!r}: bad similarity {s!r}")
    return decode_id(c), k, float(s), r


def unpack(fields: Mapping[str, object], *, num_perm: int, key: str | None = None) -> StoredDoc:
    """A :class:`StoredDoc` from stored fields, validated (``key``: the expected document key)."""
    meta = _json_obj(fields.get("meta"), "meta", str(key))
    seq, title, date = meta.get("q"), meta.get("t"), meta.get("d")
    if isinstance(seq, bool) or not isinstance(seq, int) or seq < 0:
        raise IndexCorruptError(f"document {key!r}: bad insertion number {seq!r}")
    if date is not None and (
        isinstance(date, bool) or not isinstance(date, (int, float)) or not math.isfinite(date)
    ):
        raise IndexCorruptError(f"document {key!r}: bad date {date!r}")
    cid, canon, sim, reason = parse_assignment(fields.get("asg"), str(key))
    doc_key = key if key is not None else ""
    doc_id = decode_id(doc_key)
    lsig = fields.get("lsig")
    return StoredDoc(
        doc_id=doc_id,
        cluster_id=cid,
        is_canonical=canon,
        similarity=sim,
        reason=reason,
        seq=seq,
        text=decompress_text(fields.get("text"), doc_key),
        title=_opt_str(title, "title", doc_key),
        date=float(date) if date is not None else None,
        url=_opt_str(meta.get("u"), "url", doc_key),
        source=_opt_str(meta.get("o"), "source", doc_key),
        signature=check_signature(fields.get("sig"), num_perm, doc_key),
        lead_signature=(
            None if lsig is None else check_signature(lsig, num_perm, doc_key, "lead signature")
        ),
    )
