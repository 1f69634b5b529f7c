"""Readers and writers (``newsclean.io``): formats, rejects with reasons, atomic outputs."""

from __future__ import annotations

import bz2
import csv
import gzip
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from newsclean import InputError, MissingDependencyError, OptionsError
from newsclean.io import (
    FieldMap,
    JsonlWriter,
    ParquetWriter,
    Record,
    Reject,
    detect_format,
    open_writer,
    read,
    read_records,
)

HTML = b"<html><head><title>T</title></head><body><p>Story text here.</p></body></html>"


def rows(it: Any) -> list[Record | Reject]:
    return list(it)


def write_jsonl(path: Path, lines: list[Any]) -> Path:
    with open(path, "wb") as f:
        for line in lines:
            f.write(line if isinstance(line, bytes) else json.dumps(line).encode())
            f.write(b"\n")
    return path


# ------------------------------------------------------------------ formats
@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.jsonl", "jsonl"),
        ("a.jsonl.gz", "jsonl"),
        ("a.ndjson.zst", "jsonl"),
        ("a.json.bz2", "jsonl"),
        ("a.csv", "csv"),
        ("a.tsv.gz", "csv"),
        ("a.parquet", "parquet"),
        ("a.warc.gz", "warc"),
        ("a.warc", "warc"),
        ("page.html.gz", "html"),
        ("A.HTM", "html"),
        ("note.txt", "txt"),
        ("-", "jsonl"),
    ],
)
def test_detect_format(name: str, fmt: str) -> None:
    assert detect_format(name) == fmt


def test_detect_format_unknown_names_the_option(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="--format"):
        detect_format(tmp_path / "data.bin")


def test_missing_input_fails_before_any_record(tmp_path: Path) -> None:
    good = write_jsonl(tmp_path / "a.jsonl", [{"id": 1, "text": "x y z"}])
    with pytest.raises(InputError, match="does not exist"):
        read_records([good, tmp_path / "missing.jsonl"])


def test_unknown_format_option() -> None:
    with pytest.raises(OptionsError, match="format must be one of"):
        read("x.jsonl", format="xml")


# -------------------------------------------------------------------- JSONL
def test_jsonl_records_and_rejects_are_all_accounted_for(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "in.jsonl",
        [
            {"id": "a", "text": "Clean text."},
            {"id": 2, "html": "<p>Hi</p>", "url": "https://x.test/2", "title": "T"},
            b"{not json",
            b"[1, 2]",
            b"\xff\xfe bad utf8",
            {"id": "empty", "text": "   "},
            {"id": "num", "text": 42},
            b"",
            {"text": "no id here"},
        ],
    )
    got = rows(read(path))
    kinds = [(type(r).__name__, getattr(r, "reason", None)) for r in got]
    assert kinds == [
        ("Record", None),
        ("Record", None),
        ("Reject", "malformed_json"),
        ("Reject", "not_an_object"),
        ("Reject", "invalid_utf8"),
        ("Reject", "missing_text"),
        ("Reject", "bad_field_type"),
        ("Record", None),
    ]
    a, b = got[0], got[1]
    assert isinstance(a, Record) and isinstance(b, Record)
    assert (a.id, a.text, a.html) == ("a", "Clean text.", None)
    assert (b.id, b.html, b.url, b.title) == ("2", "<p>Hi</p>", "https://x.test/2", "T")
    last = got[-1]
    assert isinstance(last, Record) and last.id == "in.jsonl:9", "the id defaults to file:line"
    for r in got:
        if isinstance(r, Reject):
            assert r.stage == "read" and r.message and r.source


def test_jsonl_field_mapping(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [{"doc": "d1", "body": "Some body.", "link": "u"}])
    (r,) = rows(read(path, fields=FieldMap(id="doc", text="body", url="link")))
    assert isinstance(r, Record) and (r.id, r.text, r.url) == ("d1", "Some body.", "u")


@pytest.mark.parametrize("ext", [".gz", ".bz2", ".zst"])
def test_jsonl_compressed(tmp_path: Path, ext: str) -> None:
    data = (json.dumps({"id": "z", "text": "Compressed."}) + "\n").encode()
    path = tmp_path / f"in.jsonl{ext}"
    if ext == ".gz":
        path.write_bytes(gzip.compress(data))
    elif ext == ".bz2":
        path.write_bytes(bz2.compress(data))
    else:
        zstandard = pytest.importorskip("zstandard")
        path.write_bytes(zstandard.ZstdCompressor().compress(data))
    (r,) = rows(read(path))
    assert isinstance(r, Record) and r.text == "Compressed."


def test_truncated_gzip_keeps_what_was_read_and_rejects_the_rest(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"id": i, "text": f"Text {i}."}) + "\n" for i in range(2000))
    blob = gzip.compress(lines.encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(blob[: len(blob) // 2])
    got = rows(read(path))
    assert isinstance(got[0], Record)
    assert isinstance(got[-1], Reject) and got[-1].reason == "unreadable_file"


def test_stdin_jsonl() -> None:
    code = (
        "from newsclean.io import read\n"
        "print(sum(1 for r in read('-') if type(r).__name__ == 'Record'))\n"
    )
    data = b'{"id": 1, "text": "a b c"}\n{"id": 2, "text": "d e f"}\n'
    out = subprocess.run(
        [sys.executable, "-c", code], input=data, capture_output=True, check=True
    )
    assert out.stdout.strip() == b"2"


# ---------------------------------------------------------------------- CSV
def test_csv_with_large_fields_and_bad_rows(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    big = "word " * 100_000  # far above csv's default field size limit
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "text", "url"])
        w.writerow(["1", "Short text.", "https://a.test"])
        w.writerow(["2", big, ""])
        w.writerow(["3", "", ""])
        w.writerow(["4", "too", "many", "fields"])
    got = rows(read(path))
    assert [type(r).__name__ for r in got] == ["Record", "Record", "Reject", "Reject"]
    first, second = got[0], got[1]
    assert isinstance(first, Record) and first.url == "https://a.test"
    assert isinstance(second, Record) and second.text is not None and len(second.text) > 400_000
    assert [r.reason for r in got if isinstance(r, Reject)] == ["missing_text", "malformed_csv"]


def test_csv_invalid_utf8_row_is_a_reject(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(b"id,text\n1,fine text\n2,bad \xff bytes\n")
    got = rows(read(path))
    assert isinstance(got[0], Record)
    assert isinstance(got[1], Reject) and got[1].reason == "invalid_utf8"


def test_tsv(tmp_path: Path) -> None:
    path = tmp_path / "in.tsv"
    path.write_text("id\ttext\nt1\tTab separated text.\n", encoding="utf-8")
    (r,) = rows(read(path))
    assert isinstance(r, Record) and r.text == "Tab separated text."


# ------------------------------------------------------------------ Parquet
def test_parquet_roundtrip(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    path = tmp_path / "in.parquet"
    cols = {"id": "string", "text": "string", "html": "string", "n": "int64"}
    with ParquetWriter(path, cols, batch_size=2) as w:
        for i in range(5):
            w.write({"id": f"p{i}", "text": f"Text {i}." if i != 3 else None, "n": i})
    got = rows(read(path))
    assert [type(r).__name__ for r in got] == ["Record"] * 3 + ["Reject", "Record"]
    assert [r.id for r in got if isinstance(r, Record)] == ["p0", "p1", "p2", "p4"]


def test_parquet_corrupt_file(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    path = tmp_path / "bad.parquet"
    path.write_bytes(b"not parquet at all")
    with pytest.raises(InputError, match="Parquet"):
        read(path)


def test_parquet_without_pyarrow_names_the_extra(tmp_path: Path) -> None:
    path = tmp_path / "x.parquet"
    path.write_bytes(b"PAR1")
    code = (
        "import sys; sys.modules['pyarrow'] = None; sys.modules['pyarrow.parquet'] = None\n"
        "from newsclean.io import read\n"
        "from newsclean import MissingDependencyError\n"
        f"try:\n    read({str(path)!r})\nexcept MissingDependencyError as e:\n    print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "newsclean[parquet]" in out.stdout


# --------------------------------------------------------------------- WARC
def _warc(path: Path, gz: bool) -> None:
    warcio = pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=gz)
        for url, ctype, body in [
            ("https://a.test/1", "text/html; charset=utf-8", HTML),
            ("https://a.test/logo.png", "image/png", b"\x89PNG...."),
            ("https://a.test/2", "text/html", b""),
        ]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = w.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
            w.write_record(rec)
        req = StatusAndHeaders("GET /1 HTTP/1.1", [("Host", "a.test")], is_http_request=True)
        w.write_record(
            w.create_warc_record(
                "https://a.test/1", "request", payload=io.BytesIO(b""), http_headers=req
            )
        )
    assert warcio


@pytest.mark.parametrize("gz", [True, False])
def test_warc_responses(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    _warc(path, gz)
    got = rows(read(path))
    assert [type(r).__name__ for r in got] == ["Record", "Reject", "Reject"]
    rec = got[0]
    assert isinstance(rec, Record)
    assert rec.url == "https://a.test/1" and rec.html == HTML and rec.id.startswith("<urn:uuid:")
    assert [r.reason for r in got if isinstance(r, Reject)] == ["not_html", "missing_text"]


def test_warc_with_warcio_only(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    _warc(path, True)
    code = (
        "import sys; sys.modules['fastwarc'] = None; sys.modules['fastwarc.warc'] = None\n"
        "from newsclean.io import read\n"
        f"print([type(r).__name__ for r in read({str(path)!r})])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['Record', 'Reject', 'Reject']"


# ------------------------------------------------------------------ folders
def test_directory_recursive_sorted_and_typed(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a.html").write_bytes(HTML)
    (tmp_path / "b" / "c.htm.gz").write_bytes(gzip.compress(HTML))
    (tmp_path / "b" / "d.txt").write_text("Plain text story.", encoding="utf-8")
    (tmp_path / "b" / "e.txt").write_bytes(b"\xff\xfe\x00bad")
    (tmp_path / "b" / "empty.html").write_bytes(b"  \n")
    (tmp_path / "b" / "skip.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden.html").write_bytes(HTML)
    got = rows(read(tmp_path))
    summary = [(r.id if isinstance(r, Record) else r.doc_id, type(r).__name__) for r in got]
    assert summary == [
        ("a.html", "Record"),
        ("b/c.htm.gz", "Record"),
        ("b/d.txt", "Record"),
        ("b/e.txt", "Reject"),
        ("b/empty.html", "Reject"),
    ]
    c = got[1]
    assert isinstance(c, Record) and c.html == HTML
    d = got[2]
    assert isinstance(d, Record) and d.text == "Plain text story." and d.html is None


def test_single_files(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_bytes(HTML)
    (r,) = rows(read(page))
    assert isinstance(r, Record) and r.html == HTML


def test_seeds_folder_reads() -> None:
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    got = rows(read(seeds))
    assert got and all(isinstance(r, Record) for r in got)


# ------------------------------------------------------------------ writers
def test_jsonl_writer_is_atomic(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    with pytest.raises(RuntimeError), JsonlWriter(path) as w:
        w.write({"id": "1", "text": "é"})
        raise RuntimeError("crash")
    assert not path.exists()
    assert not [p for p in os.listdir(tmp_path)], "the temporary file is cleaned up"
    with open_writer(path) as w:
        w.write({"id": "1", "text": "é"})
    assert path.read_text(encoding="utf-8") == '{"id": "1", "text": "é"}\n'


def test_writer_into_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        JsonlWriter(tmp_path / "nope" / "out.jsonl")


def test_parquet_writer_rejects_unknown_types(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    with pytest.raises(OptionsError, match="columns"):
        ParquetWriter(tmp_path / "o.parquet", {"id": "uuid"})


def test_open_writer_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(OptionsError, match="output format"):
        open_writer(tmp_path / "o.xml", "xml")


def test_missing_dependency_error_is_an_import_error() -> None:
    assert issubclass(MissingDependencyError, ImportError)
