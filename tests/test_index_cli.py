"""``newsclean run/dedup --index`` and ``newsclean index stats|export|import``; Deduplicator(index=...)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsclean import DedupIndex, Deduplicator, DedupOptions, OptionsError, PipelineOptions
from newsclean.cli import main

STORY = ("The central bank raised its benchmark rate by a quarter point on Tuesday, citing "
         "stubborn inflation, and signalled that more increases could follow if prices keep "
         "rising faster than expected this year.")
OTHER = ("Heavy rain flooded roads across the region on Monday, closing schools and cutting "
         "power to thousands of homes, officials said, as rivers rose to record levels.")
THIRD = ("The football club announced on Friday that its long-serving captain will retire at "
         "the end of the season after more than four hundred league appearances for the team.")


def _jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _clusters(out: Path) -> dict[str, dict[str, Any]]:
    rows = [json.loads(line) for line in (out / "clusters.jsonl").read_text().splitlines()]
    return {r["doc_id"]: r for r in rows}


def test_dedup_day2_against_the_index(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "news.db"
    day1 = _jsonl(tmp_path / "day1.jsonl", [
        {"id": "wire", "text": STORY, "title": "Central bank raises rates", "date": "2024-03-05T10:00:00Z"},
        {"id": "rain", "text": OTHER, "date": "2024-03-05T11:00:00Z"},
    ])
    day2 = _jsonl(tmp_path / "day2.jsonl", [
        {"id": "outlet", "text": "Home | Business\n" + STORY + "\nShare this article",
         "title": "Rates go up again", "date": "2024-03-06T09:00:00Z"},
        {"id": "club", "text": THIRD, "date": "2024-03-06T09:30:00Z"},
    ])
    assert main(["dedup", str(day1), "-o", str(tmp_path / "out1"), "--index", str(db), "--quiet"]) == 0
    assert main(["dedup", str(day2), "-o", str(tmp_path / "out2"), "--index", str(db), "--quiet"]) == 0
    c2 = _clusters(tmp_path / "out2")
    assert c2["outlet"]["cluster_id"] == "wire" and c2["outlet"]["is_canonical"] is False
    assert c2["club"]["is_canonical"] is True
    articles = [json.loads(x) for x in (tmp_path / "out2" / "articles.jsonl").read_text().splitlines()]
    assert [a["id"] for a in articles] == ["club"]  # the day-2 copy is not kept again
    # the same input again: nothing inserted twice, the same answers
    assert main(["dedup", str(day2), "-o", str(tmp_path / "out3"), "--index", str(db), "--quiet"]) == 0
    assert _clusters(tmp_path / "out3") == c2
    capsys.readouterr()
    assert main(["index", "stats", str(db)]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["documents"] == 4 and stats["clusters"] == 3
    assert stats["settings"]["num_perm"] == 128 and stats["size_bytes"] > 0
    # export -> import into another file -> the same documents
    exp = tmp_path / "export.jsonl"
    assert main(["index", "export", str(db), "-o", str(exp)]) == 0
    lines = exp.read_text().splitlines()
    assert len(lines) == 5
    row = json.loads(lines[1])
    assert {"doc_id", "cluster_id", "signature"} <= set(row)
    copy = tmp_path / "copy.db"
    assert main(["index", "import", str(exp), str(copy)]) == 0
    with DedupIndex(copy) as ix, DedupIndex(db) as orig:
        assert [(d.doc_id, d.cluster_id, d.signature) for d in ix.iter_docs()] == [
            (d.doc_id, d.cluster_id, d.signature) for d in orig.iter_docs()]


def test_index_errors_are_one_line_messages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["index", "stats", str(tmp_path / "missing.db")]) == 1
    assert "no index at" in capsys.readouterr().err
    assert not (tmp_path / "missing.db").exists()
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n")
    assert main(["index", "import", str(bad), str(tmp_path / "x.db")]) == 1
    assert "header" in capsys.readouterr().err
    DedupIndex(tmp_path / "small.db", DedupOptions(num_perm=64)).close()
    rows = _jsonl(tmp_path / "d.jsonl", [{"id": "a", "text": STORY}])
    assert main(["dedup", str(rows), "-o", str(tmp_path / "o"), "--index", str(tmp_path / "small.db"),
                 "--quiet"]) == 1
    assert "num_perm=64" in capsys.readouterr().err


def test_pipeline_options_check_the_index() -> None:
    with pytest.raises(OptionsError):
        PipelineOptions(index="")


def test_deduplicator_on_a_persistent_index(tmp_path: Path) -> None:
    db = tmp_path / "stream.db"
    dd = Deduplicator(index=str(db))
    assert dd.add({"id": "a", "text": STORY}) is None
    assert dd.add({"id": "b", "text": OTHER}) is None
    again = Deduplicator(index=db)  # another process, later
    m = again.add({"id": "c", "text": STORY + " Read more at example.com"})
    assert m is not None and (m.cluster_id, m.reason) == ("a", "near_duplicate")
    assert len(again) == 3 and "c" in again and "zzz" not in again
    assert {x.doc_id for x in again.query({"id": "probe", "text": STORY})} == {"a", "c"}
    with pytest.raises(OptionsError):
        Deduplicator(index=str(db), storage_config={"basename": b"x"})
    with pytest.raises(OptionsError):
        Deduplicator(index=42)
