"""Readers: files, folders and streams of scraped pages in, records out.

Formats, told by the file name (or given as ``format=``):

- ``jsonl`` (``.jsonl``, ``.ndjson``, ``.json``): one JSON object per line;
- ``csv`` (``.csv``; ``.tsv`` is read tab-separated);
- ``parquet`` (``.parquet``, needs pyarrow: ``pip install 'newsclean[parquet]'``);
- ``warc`` (``.warc``, ``.warc.gz``): HTTP response records, needs fastwarc or
  warcio (``pip install 'newsclean[warc]'``);
- ``dir``: a folder, read recursively: ``.html``/``.htm`` pages (extracted) and
  ``.txt`` files (cleaned), each also gzipped;
- ``html`` / ``txt``: one such file;
- ``-``: JSON lines on standard input.

``.gz``, ``.bz2``, ``.xz`` and ``.zst`` (needs zstandard) compression is
undone on the fly. Everything streams: memory does not grow with the input.

Every record in the input comes out as a :class:`Record` or a
:class:`Reject` with a reason (a malformed JSON line, a missing text, invalid
UTF-8); an input that cannot be read at all (missing file, unknown format, a
missing optional dependency) raises :class:`newsclean.InputError` or
:class:`newsclean.MissingDependencyError` before the first record.

>>> import json, os, tempfile
>>> from newsclean.io import read_records
>>> d = tempfile.mkdtemp()
>>> path = os.path.join(d, "in.jsonl")
>>> with open(path, "w") as f:
...     _ = f.write(json.dumps({"id": "a", "text": "Story."}) + "\\n{not json\\n")
>>> [type(r).__name__ for r in read_records([path])]
['Record', 'Reject']
"""

from __future__ import annotations

import bz2
import csv
import gzip
import io
import itertools
import json
import lzma
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import InputError, MissingDependencyError, OptionsError
from .records import FieldMap, Record, Reject, record_from_mapping

__all__ = ["FORMATS", "detect_format", "read", "read_records"]

FORMATS = ("jsonl", "csv", "parquet", "warc", "dir", "html", "txt")
_COMPRESSIONS = (".gz", ".bz2", ".xz", ".zst")
_BY_SUFFIX = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".warc": "warc",
    ".arc": "warc",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "txt",
}
_DIR_FORMATS = ("html", "txt")
_CSV_FIELD_LIMIT = 2**31 - 1  # csv's default (128 KiB) is far below a real page
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _split_compression(name: str) -> tuple[str, str | None]:
    lower = name.lower()
    for ext in _COMPRESSIONS:
        if lower.endswith(ext):
            return name[: -len(ext)], ext
    return name, None


def detect_format(path: str | Path) -> str:
    """The format of ``path`` from its name (or ``dir`` for a folder).

    >>> detect_format("crawl/day1.jsonl.gz"), detect_format("pages.warc.gz")
    ('jsonl', 'warc')

    Raises:
        InputError: the name says nothing this module reads.
    """
    p = Path(path)
    if str(path) == "-":
        return "jsonl"
    if p.is_dir():
        return "dir"
    base, _ = _split_compression(p.name)
    suffix = Path(base).suffix.lower()
    fmt = _BY_SUFFIX.get(suffix)
    if fmt is None:
        raise InputError(
            f"cannot tell the format of {str(path)!r} from its name; "
            f"give it with --format ({', '.join(FORMATS)})"
        )
    return fmt


def _open_binary(path: Path) -> IO[bytes]:
    """Open ``path`` for reading bytes, undoing its compression."""
    _, comp = _split_compression(path.name)
    try:
        if comp == ".gz":
            return gzip.open(path, "rb")  # type: ignore[return-value]
        if comp == ".bz2":
            return bz2.open(path, "rb")
        if comp == ".xz":
            return lzma.open(path, "rb")
        if comp == ".zst":
            try:
                import zstandard  # type: ignore[import-untyped, import-not-found, unused-ignore]
            except ImportError:
                raise MissingDependencyError(
                    f"reading {path.name} needs zstandard: pip install 'newsclean[zstd]'"
                ) from None
            raw = open(path, "rb")  # noqa: SIM115 - handed to the stream reader, closed with it
            stream = zstandard.ZstdDecompressor().stream_reader(raw, closefd=True)
            # The decompressor reads raw blocks; the buffer gives it lines.
            return io.BufferedReader(stream)
        return open(path, "rb")
    except OSError as exc:
        raise InputError(f"cannot read {str(path)!r}: {exc.strerror or exc}") from None


def _check_readable(path: Path) -> None:
    if not path.exists():
        raise InputError(f"input {str(path)!r} does not exist")
    if not path.is_dir() and not os.access(path, os.R_OK):
        raise InputError(f"input {str(path)!r} is not readable (permission denied)")


def read(
    path: str | Path,
    *,
    format: str | None = None,
    fields: FieldMap | None = None,
) -> Iterator[Record | Reject]:
    """Records of one input (a file, a folder, or ``"-"`` for stdin).

    The checks that can fail for the whole input (existence, format,
    optional dependencies) run before the first record is yielded.

    Raises:
        InputError: the input does not exist, cannot be read, or its format is unknown.
        MissingDependencyError: the format needs a package that is not installed.
        OptionsError: ``format`` is not one of :data:`FORMATS`.
    """
    fields = fields or FieldMap()
    if format is not None and format not in FORMATS:
        raise OptionsError(f"format must be one of {', '.join(FORMATS)}, got {format!r}")
    if str(path) == "-":
        if format not in (None, "jsonl"):
            raise OptionsError(f"standard input is read as JSON lines, not {format}")
        return _jsonl_stream(sys.stdin.buffer, "<stdin>", fields)
    p = Path(path)
    _check_readable(p)
    fmt = format or detect_format(p)
    if fmt == "dir":
        if not p.is_dir():
            raise InputError(f"input {str(p)!r} is not a folder")
        return _read_dir(p)
    if p.is_dir():
        raise InputError(f"input {str(p)!r} is a folder; read it with format 'dir'")
    if fmt == "jsonl":
        return _read_jsonl(p, fields)
    if fmt == "csv":
        return _read_csv(p, fields)
    if fmt == "parquet":
        return _read_parquet(p, fields)
    if fmt == "warc":
        return _read_warc(p)
    return _read_files([(p, p.name)], fmt)


def read_records(
    paths: Iterable[str | Path],
    *,
    format: str | None = None,
    fields: FieldMap | None = None,
) -> Iterator[Record | Reject]:
    """Records of several inputs, one after the other (see :func:`read`).

    Every input is checked before the first record comes out, so a typo in
    the last path fails at once, not after hours of work.
    """
    iterators = [read(p, format=format, fields=fields) for p in paths]
    return itertools.chain.from_iterable(iterators)


# --------------------------------------------------------------- JSON lines
def _read_jsonl(path: Path, fields: FieldMap) -> Iterator[Record | Reject]:
    with _open_binary(path) as f:
        yield from _jsonl_stream(f, path.name, fields)


def _jsonl_stream(f: IO[bytes], name: str, fields: FieldMap) -> Iterator[Record | Reject]:
    try:
        for n, raw in enumerate(f, start=1):
            source = f"{name}:{n}"
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield Reject(source, "read", "invalid_utf8", f"line {n}: {exc.reason}", source)
                continue
            try:
                obj = json.loads(line)
            except (json.JSONDecodeError, RecursionError) as exc:
                msg = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
                yield Reject(source, "read", "malformed_json", f"line {n}: {msg}", source)
                continue
            if not isinstance(obj, dict):
                yield Reject(
                    source,
                    "read",
                    "not_an_object",
                    f"line {n}: expected a JSON object, got {type(obj).__name__}",
                    source,
                )
                continue
            yield record_from_mapping(obj, fields, source)
    except (OSError, EOFError, ValueError) as exc:
        # A truncated or corrupt compressed stream: what was read so far stands.
        yield Reject(name, "read", "unreadable_file", f"{name}: {exc}", name)


# ----------------------------------------------------------------------- CSV
def _read_csv(path: Path, fields: FieldMap) -> Iterator[Record | Reject]:
    csv.field_size_limit(_CSV_FIELD_LIMIT)
    base, _ = _split_compression(path.name)
    delimiter = "\t" if base.lower().endswith(".tsv") else ","
    with _open_binary(path) as fb:
        # surrogateescape: a row with invalid UTF-8 becomes a reject, not a crash.
        f = io.TextIOWrapper(fb, encoding="utf-8-sig", errors="surrogateescape", newline="")
        reader = csv.DictReader(f, delimiter=delimiter)
        try:
            for n, row in enumerate(reader, start=2):  # line 1 is the header
                source = f"{path.name}:{n}"
                values = [v for v in row.values() if isinstance(v, str)]
                if any(_has_surrogates(v) for v in values):
                    yield Reject(source, "read", "invalid_utf8", f"row {n}: invalid UTF-8", source)
                    continue
                if None in row:
                    yield Reject(
                        source, "read", "malformed_csv", f"row {n}: more fields than columns", source
                    )
                    continue
                yield record_from_mapping(row, fields, source)
        except (csv.Error, OSError, EOFError, ValueError) as exc:
            yield Reject(path.name, "read", "unreadable_file", f"{path.name}: {exc}", path.name)


def _has_surrogates(s: str) -> bool:
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


# ------------------------------------------------------------------- Parquet
def _read_parquet(path: Path, fields: FieldMap) -> Iterator[Record | Reject]:
    try:
        import pyarrow.parquet as pq  # type: ignore[import-untyped, import-not-found, unused-ignore]
    except ImportError:
        raise MissingDependencyError(
            f"reading {path.name} needs pyarrow: pip install 'newsclean[parquet]'"
        ) from None
    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises its own ArrowInvalid/OSError types
        raise InputError(f"cannot read {str(path)!r} as Parquet: {exc}") from None
    return _parquet_rows(pf, path.name, fields)


def _parquet_rows(pf: Any, name: str, fields: FieldMap) -> Iterator[Record | Reject]:
    present = set(pf.schema_arrow.names)
    columns = [c for c in fields.columns() if c in present]
    n = 0
    try:
        for batch in pf.iter_batches(batch_size=256, columns=columns):
            for row in batch.to_pylist():
                n += 1
                yield record_from_mapping(row, fields, f"{name}:{n}")
    except Exception as exc:
        yield Reject(name, "read", "unreadable_file", f"{name}: {exc}", name)


# ---------------------------------------------------------------------- WARC
def _read_warc(path: Path) -> Iterator[Record | Reject]:
    try:
        # fastwarc is several times faster than warcio; either will do.
        from fastwarc.warc import ArchiveIterator, WarcRecordType  # type: ignore[import-untyped, import-not-found, unused-ignore]
    except ImportError:
        try:
            import warcio  # type: ignore[import-untyped, import-not-found, unused-ignore]  # noqa: F401
        except ImportError:
            raise MissingDependencyError(
                f"reading {path.name} needs fastwarc or warcio: pip install 'newsclean[warc]'"
            ) from None
        return _warc_warcio(path)
    return _warc_fastwarc(path, ArchiveIterator, WarcRecordType)


def _warc_record(
    name: str,
    n: int,
    record_id: str | None,
    url: str | None,
    date: str | None,
    content_type: str | None,
    body: bytes,
) -> Record | Reject:
    source = f"{name}:{n}"
    doc_id = record_id or url or source
    ctype = (content_type or "").split(";")[0].strip().lower()
    if ctype and ctype not in _HTML_TYPES:
        return Reject(
            doc_id, "read", "not_html", f"response of type {ctype!r}, not HTML", source
        )
    if not body.strip():
        return Reject(doc_id, "read", "missing_text", "empty HTTP response body", source)
    return Record(id=doc_id, html=body, url=url, date=date, source=source)


_WarcFields = tuple[str | None, str | None, str | None, str | None, bytes]


def _warc_fastwarc(path: Path, archive_iterator: Any, record_type: Any) -> Iterator[Record | Reject]:
    def fields(f: IO[bytes]) -> Iterator[_WarcFields]:
        for rec in archive_iterator(f, record_types=record_type.response, parse_http=True):
            h, http = rec.headers, rec.http_headers
            yield (
                h.get("WARC-Record-ID"),
                h.get("WARC-Target-URI"),
                h.get("WARC-Date"),
                http.get("Content-Type") if http is not None else None,
                rec.reader.read(),
            )

    return _warc_records(path, fields)


def _warc_warcio(path: Path) -> Iterator[Record | Reject]:
    from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped, import-not-found, unused-ignore]

    def fields(f: IO[bytes]) -> Iterator[_WarcFields]:
        for rec in ArchiveIterator(f):
            if rec.rec_type != "response":
                continue
            h, http = rec.rec_headers, rec.http_headers
            yield (
                h.get_header("WARC-Record-ID"),
                h.get_header("WARC-Target-URI"),
                h.get_header("WARC-Date"),
                http.get_header("Content-Type") if http is not None else None,
                rec.content_stream().read(),
            )

    return _warc_records(path, fields)


def _warc_records(
    path: Path, fields: Callable[[IO[bytes]], Iterator[_WarcFields]]
) -> Iterator[Record | Reject]:
    """Response records of one archive, whichever library parses it."""
    with open(path, "rb") as f:
        try:
            for n, (record_id, url, date, ctype, body) in enumerate(fields(f), start=1):
                yield _warc_record(path.name, n, record_id, url, date, ctype, body)
        except Exception as exc:  # a truncated or corrupt archive
            yield Reject(path.name, "read", "unreadable_file", f"{path.name}: {exc}", path.name)


# ------------------------------------------------------------ files, folders
def _read_dir(root: Path) -> Iterator[Record | Reject]:
    def walk() -> Iterator[tuple[Path, str]]:
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for fn in sorted(filenames):
                if fn.startswith("."):
                    continue
                base, _ = _split_compression(fn)
                if _BY_SUFFIX.get(Path(base).suffix.lower()) in _DIR_FORMATS:
                    p = Path(dirpath) / fn
                    yield p, p.relative_to(root).as_posix()

    for p, rel in walk():
        base, _ = _split_compression(p.name)
        fmt = _BY_SUFFIX[Path(base).suffix.lower()]
        yield from _read_files([(p, rel)], fmt)


def _read_files(files: Iterable[tuple[Path, str]], fmt: str) -> Iterator[Record | Reject]:
    for p, rel in files:
        try:
            with _open_binary(p) as f:
                data = f.read()
        except (InputError, OSError, EOFError, ValueError) as exc:
            yield Reject(rel, "read", "unreadable_file", f"{rel}: {exc}", rel)
            continue
        if not data.strip():
            yield Reject(rel, "read", "missing_text", f"{rel} is empty", rel)
            continue
        if fmt == "html":
            yield Record(id=rel, html=data, source=rel)
            continue
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            yield Reject(rel, "read", "invalid_utf8", f"{rel}: {exc.reason}", rel)
            continue
        yield Record(id=rel, text=text, source=rel)
