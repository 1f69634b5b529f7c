"""The main job (``newsclean run`` / :mod:`newsclean.pipeline`): accounting, order, outputs."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

import newsclean
from newsclean.cli import main
from newsclean.pipeline import Pipeline, PipelineOptions, Processed, run

STORY = (
    "The city council voted on Tuesday to close the old swimming pool for two years while "
    "engineers replace the roof and the pumps, a decision that angered swimming clubs."
)
OTHER = (
    "Heavy rain flooded roads across the region on Monday, closing schools and cutting "
    "power to thousands of homes, officials said, as rivers kept rising overnight."
)
HTML = (
    "<html><head><title>Pool closes</title></head><body><nav>Home News Sport</nav>"
    "<article><h1>Pool closes for two years</h1>"
    + "".join(f"<p>{STORY} Paragraph {i} adds detail about the works.</p>" for i in range(4))
    + "</article><footer>Copyright 2026</footer></body></html>"
)


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]


# About 1 MB of tiny blocks: extraction runs for seconds (a page that trips a
# short time limit) while staying under the size cap used below.
SLOW_HTML = (
    "<html><body>"
    + "".join(f"<div><p>Paragraph {i} alpha beta gamma delta epsilon.</p></div>" for i in range(15000))
    + "</body></html>"
)


def _mixed_corpus(tmp_path: Path, *, slow: bool = False) -> Path:
    path = tmp_path / "mixed.jsonl"
    lines: list[bytes] = [
        json.dumps({"id": "story", "text": "Home\n\n" + STORY}).encode(),
        json.dumps({"id": "copy", "text": STORY + "\n\nShare this article"}).encode(),
        json.dumps({"id": "other", "text": OTHER}).encode(),
        json.dumps({"id": "page", "html": HTML, "url": "https://x.test/pool"}).encode(),
        json.dumps({"id": "empty", "text": ""}).encode(),
        json.dumps({"id": "junk", "html": "%PDF-1.4 binary"}).encode(),
        b"{broken json",
        b"\xff\xfe not utf-8",
        json.dumps({"id": "nofield"}).encode(),
        json.dumps({"id": "story", "text": OTHER + " Again."}).encode(),
        json.dumps({"id": "big", "html": "<p>" + "x " * 600_000 + "</p>"}).encode(),
    ]
    if slow:
        lines.append(json.dumps({"id": "slow", "html": SLOW_HTML}).encode())
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


@pytest.mark.parametrize("workers", [1, 2])
def test_every_record_accounted_for(tmp_path: Path, workers: int) -> None:
    src = _mixed_corpus(tmp_path, slow=True)
    out = tmp_path / "out"
    opts = PipelineOptions(
        workers=workers, extract=newsclean.ExtractOptions(max_bytes=1_000_000, timeout_s=0.5)
    )
    summary = run([src], out, options=opts)
    clusters = _rows(out / "clusters.jsonl")
    rejects = _rows(out / "rejects.jsonl")
    articles = _rows(out / "articles.jsonl")
    stats = json.loads((out / "stats.json").read_text())
    assert summary.records_in == 12 == len(clusters) + len(rejects)
    assert stats["records_in"] == 12 and stats["rejected_total"] == len(rejects)
    reasons = sorted(r["reason"] for r in rejects)
    assert reasons == sorted(
        [
            "missing_text",
            "not_html",
            "malformed_json",
            "invalid_utf8",
            "missing_text",
            "duplicate_id",
            "too_large",
            "timeout",
        ]
    )
    by_id = {c["doc_id"]: c for c in clusters}
    assert by_id["story"]["cluster_id"] == by_id["copy"]["cluster_id"]
    assert by_id["other"]["cluster_id"] != by_id["story"]["cluster_id"]
    kept_ids = {a["id"] for a in articles}
    assert kept_ids == {c["doc_id"] for c in clusters if c["is_canonical"]}
    assert all("Home" not in a["text"] and "Share this" not in a["text"] for a in articles)


def test_output_is_the_same_whatever_the_worker_count(tmp_path: Path) -> None:
    src = _mixed_corpus(tmp_path)
    outs = []
    for workers in (1, 2):
        out = tmp_path / f"out{workers}"
        run([src], out, options=PipelineOptions(workers=workers))
        outs.append([(out / n).read_text() for n in ("articles.jsonl", "clusters.jsonl")])
    assert outs[0] == outs[1]


def test_pipeline_is_lazy_and_ordered() -> None:
    docs = ({"id": str(i), "text": f"{STORY} Number {i}."} for i in range(20))
    results = Pipeline(PipelineOptions(workers=2, max_inflight=3)).run(docs)
    first = next(results)
    assert isinstance(first, Processed) and first.record.id == "0"
    assert [r.record.id for r in results if isinstance(r, Processed)] == [
        str(i) for i in range(1, 20)
    ]


def test_cluster_results_match_newsclean_cluster(tmp_path: Path) -> None:
    docs = [
        {"id": "a", "text": STORY, "date": "2026-03-01"},
        {"id": "b", "text": STORY + " A local paragraph.", "date": "2026-03-02"},
        {"id": "c", "text": OTHER},
    ]
    src = tmp_path / "clean.jsonl.gz"
    src.write_bytes(gzip.compress("\n".join(json.dumps(d) for d in docs).encode()))
    out = tmp_path / "out"
    run([src], out, options=PipelineOptions(workers=1, process=False))
    got = {c["doc_id"]: c["cluster_id"] for c in _rows(out / "clusters.jsonl")}
    assert got == {str(k): str(v) for k, v in newsclean.cluster(docs).labels().items()}


def test_failed_run_leaves_no_outputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = _mixed_corpus(tmp_path)
    out = tmp_path / "out"

    def boom(*a: Any, **k: Any) -> Any:
        raise RuntimeError("crash in clustering")

    monkeypatch.setattr("newsclean.pipeline.cluster", boom)
    with pytest.raises(RuntimeError):
        run([src], out, options=PipelineOptions(workers=1))
    assert list(out.iterdir()) == []


def test_cli_run_on_seeds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    out = tmp_path / "out"
    assert main(["run", str(seeds), "-o", str(out), "--workers", "1"]) == 0
    assert "records in" in capsys.readouterr().err
    assert {p.name for p in out.iterdir()} == {
        "articles.jsonl",
        "clusters.jsonl",
        "rejects.jsonl",
        "stats.json",
    }
    # The seed and its hand-cleaned copy are one story.
    assert len(_rows(out / "articles.jsonl")) == 1


def test_cli_run_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "o")]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()
    with pytest.raises(SystemExit) as exc:
        main(["run", "x.jsonl"])
    assert exc.value.code == 2


def test_cli_dedup_skips_cleaning(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "1", "text": "Home\n\n" + STORY}) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["dedup", str(src), "-o", str(out), "--quiet"]) == 0
    (article,) = _rows(out / "articles.jsonl")
    assert article["text"].startswith("Home"), "dedup takes the text as it is"


def test_options_validated() -> None:
    with pytest.raises(newsclean.OptionsError, match="workers"):
        PipelineOptions(workers=-2)


def test_a_dying_worker_costs_one_record_not_the_run(monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing
    import os

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("needs the fork start method to plant the crash in the workers")
    import newsclean.pipeline as P

    real = P._process

    def crashing(workers: Any, record: Any) -> Any:
        if getattr(record, "id", None) == "crash":
            os._exit(13)  # the worker dies as if killed
        return real(workers, record)

    monkeypatch.setattr(P, "_process", crashing)
    docs = [{"id": str(i), "text": f"{STORY} Number {i}."} for i in range(6)]
    docs.insert(3, {"id": "crash", "text": STORY})
    out = list(Pipeline(PipelineOptions(workers=2, max_inflight=2)).run(docs))
    assert len(out) == 7
    ids = [r.record.id if isinstance(r, Processed) else r.doc_id for r in out]
    assert ids == ["0", "1", "2", "crash", "3", "4", "5"]
    crash = out[3]
    assert not isinstance(crash, Processed) and crash.reason == "worker_error"
    assert all(isinstance(r, Processed) for i, r in enumerate(out) if i != 3)


def test_a_stuck_worker_is_stopped_and_the_run_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker stuck where its own time limit cannot reach (a C call with
    signals blocked) is killed by the parent; its record is a timeout reject."""
    import multiprocessing
    import signal
    import time

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("needs the fork start method to plant the hang in the workers")
    import newsclean.pipeline as P

    real = P._process

    def hanging(workers: Any, record: Any) -> Any:
        if getattr(record, "id", None) == "stuck":
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(600)
        return real(workers, record)

    monkeypatch.setattr(P, "_process", hanging)
    docs = [{"id": str(i), "text": f"{STORY} Number {i}."} for i in range(5)]
    docs.insert(2, {"id": "stuck", "text": STORY})
    started = time.monotonic()
    out = list(Pipeline(PipelineOptions(workers=2, max_inflight=2, stall_s=15)).run(docs))
    assert time.monotonic() - started < 120  # not the 600 s of the hang
    ids = [r.record.id if isinstance(r, Processed) else r.doc_id for r in out]
    assert ids == ["0", "1", "stuck", "2", "3", "4"]
    stuck = out[2]
    assert not isinstance(stuck, Processed) and stuck.reason == "timeout", stuck
    assert all(isinstance(r, Processed) for i, r in enumerate(out) if i != 2)


def test_stall_option_validated() -> None:
    for bad in (0, -1.0, float("inf"), True, "5"):
        with pytest.raises(newsclean.OptionsError, match="stall_s"):
            PipelineOptions(stall_s=bad)  # type: ignore[arg-type]


def test_id_set_finds_repeats_across_merges() -> None:
    from newsclean.pipeline import _IdSet

    ids = _IdSet()
    ids._MERGE_AT = 4  # type: ignore[misc]  # merge often: repeats must be found in both parts
    assert all(ids.add(f"doc-{i}") for i in range(50))
    assert not any(ids.add(f"doc-{i}") for i in range(50))
    assert ids.add("doc-50")
