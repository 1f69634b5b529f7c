"""Writers: JSON lines or Parquet, written to a temporary file and renamed
into place only when the run completes.

A crash, a kill or an exception leaves no half-written file under the final
name: the output either is complete or is not there. Several writers
(articles, clusters, rejects) are committed together at the end of a run.

>>> import json, os, tempfile
>>> from newsclean.io import JsonlWriter
>>> path = os.path.join(tempfile.mkdtemp(), "out.jsonl")
>>> with JsonlWriter(path) as w:
...     w.write({"id": "a", "text": "Story."})
...     os.path.exists(path)
False
>>> os.path.exists(path), [json.loads(x)["id"] for x in open(path)]
(True, ['a'])
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

from ..errors import InputError, MissingDependencyError, OptionsError

__all__ = ["OUTPUT_FORMATS", "JsonlWriter", "ParquetWriter", "Writer", "open_writer"]

OUTPUT_FORMATS = ("jsonl", "parquet")
# Column types a ParquetWriter knows ("list<string>" for lists of ids).
_TYPES = ("string", "int64", "float64", "bool", "list<string>")


class Writer:
    """Base of the writers: a temporary file beside ``path``, renamed on commit.

    Use as a context manager (commits on success, discards on an exception)
    or call :meth:`commit` / :meth:`discard` yourself.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        parent = self.path.parent
        if not parent.is_dir():
            raise InputError(f"output folder {str(parent)!r} does not exist")
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=parent)
        except OSError as exc:
            raise InputError(
                f"cannot write in {str(parent)!r}: {exc.strerror or exc}"
            ) from None
        os.close(fd)
        self.tmp_path = Path(tmp)
        self.count = 0
        self._done = False

    def write(self, row: Mapping[str, Any]) -> None:
        raise NotImplementedError

    def _close(self) -> None:
        raise NotImplementedError

    def commit(self) -> None:
        """Finish the file and move it to its final name (atomic on POSIX)."""
        if self._done:
            return
        self._close()
        os.replace(self.tmp_path, self.path)
        self._done = True

    def discard(self) -> None:
        """Drop the temporary file; the final name is left untouched."""
        if self._done:
            return
        try:
            self._close()
        finally:
            self._done = True
            self.tmp_path.unlink(missing_ok=True)

    def __enter__(self) -> Writer:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.discard()


class JsonlWriter(Writer):
    """One JSON object per line, UTF-8, non-ASCII characters kept as they are."""

    def __init__(self, path: str | Path) -> None:
        super().__init__(path)
        self._f = open(self.tmp_path, "w", encoding="utf-8", newline="\n")  # noqa: SIM115

    def write(self, row: Mapping[str, Any]) -> None:
        self._f.write(json.dumps(row, ensure_ascii=False, default=str))
        self._f.write("\n")
        self.count += 1

    def _close(self) -> None:
        if not self._f.closed:
            self._f.flush()
            os.fsync(self._f.fileno())
            self._f.close()


class ParquetWriter(Writer):
    """Rows buffered in batches and written as Parquet row groups.

    ``columns`` fixes the schema: ``{"id": "string", "cluster_size": "int64",
    "duplicates": "list<string>"}``; a missing value is written as null.
    """

    def __init__(
        self, path: str | Path, columns: Mapping[str, str], *, batch_size: int = 1000
    ) -> None:
        try:
            import pyarrow as pa  # type: ignore[import-untyped, import-not-found, unused-ignore]
            import pyarrow.parquet as pq  # type: ignore[import-untyped, import-not-found, unused-ignore]
        except ImportError:
            raise MissingDependencyError(
                "writing Parquet needs pyarrow: pip install 'newsclean[parquet]'"
            ) from None
        bad = {k: v for k, v in columns.items() if v not in _TYPES}
        if not columns or bad:
            raise OptionsError(f"columns must map names to one of {_TYPES}, got {dict(columns)!r}")
        if batch_size < 1:
            raise OptionsError(f"batch_size must be >= 1, got {batch_size}")
        super().__init__(path)
        types = {
            "string": pa.string(),
            "int64": pa.int64(),
            "float64": pa.float64(),
            "bool": pa.bool_(),
            "list<string>": pa.list_(pa.string()),
        }
        self._pa = pa
        self._schema = pa.schema([(k, types[v]) for k, v in columns.items()])
        self._names: Sequence[str] = list(columns)
        self._batch: list[Mapping[str, Any]] = []
        self._batch_size = batch_size
        self._writer = pq.ParquetWriter(self.tmp_path, self._schema)

    def write(self, row: Mapping[str, Any]) -> None:
        self._batch.append(row)
        self.count += 1
        if len(self._batch) >= self._batch_size:
            self._flush()

    def _flush(self) -> None:
        if not self._batch:
            return
        data = {k: [r.get(k) for r in self._batch] for k in self._names}
        self._writer.write_table(self._pa.Table.from_pydict(data, schema=self._schema))
        self._batch = []

    def _close(self) -> None:
        if self._writer is not None:
            try:
                self._flush()
            finally:
                self._writer.close()
                self._writer = None


def open_writer(
    path: str | Path, format: str = "jsonl", *, columns: Mapping[str, str] | None = None
) -> Writer:
    """A writer for ``format`` ("jsonl" or "parquet"; Parquet needs ``columns``)."""
    if format == "jsonl":
        return JsonlWriter(path)
    if format == "parquet":
        if columns is None:
            raise OptionsError("a Parquet writer needs its columns")
        return ParquetWriter(path, columns)
    raise OptionsError(f"output format must be one of {', '.join(OUTPUT_FORMATS)}, got {format!r}")
