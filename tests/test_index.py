"""The persistent dedup index (newsclean.dedup.store): memory, SQLite and a real Redis server.

Incremental clustering (day 1, then day 2 against the stored index) must
give the clusters of one ``cluster()`` run over both days; parameters are
checked on open; a writer killed mid-batch leaves the last committed batch
and a rerun completes; two processes adding at once lose nothing.

Redis tests start their own ``redis-server`` on a free loopback port (or use
``NEWSCLEAN_TEST_REDIS=redis://host:port/db``) and skip with a message only
when neither is possible.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsclean
from newsclean import DedupOptions
from newsclean.dedup.store import DedupIndex
from newsclean.dedup.store.base import StoredDoc, decode_id, encode_id, pack, unpack
from newsclean.errors import IndexCorruptError, IndexMismatchError, OptionsError

ROOT = Path(__file__).resolve().parent.parent
REUTERS = ROOT.parent / "shared" / "bench" / "reuters21578-dev" / "articles.jsonl.gz"
SUBSET = 700  # the first documents by date: a few hundred stories with re-sends and corrections


def _ts(s: str) -> float:
    d = dt.datetime.strptime(s.split(".")[0], "%d-%b-%Y %H:%M:%S")
    return d.replace(tzinfo=dt.timezone.utc).timestamp()


@pytest.fixture(scope="module")
def reuters() -> list[dict[str, Any]]:
    if not REUTERS.exists():
        pytest.skip(f"benchmark data not found at {REUTERS} (the shared/ folder beside the repo)")
    with gzip.open(REUTERS, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    docs = [{"id": r["id"], "text": r["text"], "title": r["title"], "date": _ts(r["date"])} for r in rows]
    docs.sort(key=lambda d: (d["date"], d["id"]))
    return docs[:SUBSET]


def partition(labels: dict[Any, Any]) -> list[list[str]]:
    groups: dict[Any, list[str]] = {}
    for doc_id, cid in labels.items():
        groups.setdefault(cid, []).append(str(doc_id))
    return sorted(sorted(g) for g in groups.values())


def stored_labels(ix: DedupIndex) -> dict[Any, Any]:
    return {d.doc_id: d.cluster_id for d in ix.iter_docs()}


def check_consistent(ix: DedupIndex) -> list[StoredDoc]:
    """Every cluster id is a stored canonical document of that cluster; one canonical each."""
    docs = list(ix.iter_docs())
    by = {d.doc_id: d for d in docs}
    canon = [d for d in docs if d.is_canonical]
    assert all(d.cluster_id == d.doc_id for d in canon)
    for d in docs:
        assert d.cluster_id in by, d
        assert by[d.cluster_id].is_canonical
    assert len({d.seq for d in docs}) == len(docs)
    n, c = ix.backend.counts()
    assert (n, c) == (len(docs), len(canon))
    return docs


# -- a real Redis server ---------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def redis_base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    pytest.importorskip("redis", reason="the redis client is missing: pip install 'newsclean[redis]'")
    import redis

    env = os.environ.get("NEWSCLEAN_TEST_REDIS")
    if env:
        try:
            redis.Redis.from_url(env).ping()
        except Exception as exc:  # pragma: no cover - environment
            pytest.skip(f"NEWSCLEAN_TEST_REDIS={env} does not answer: {exc}")
        yield env.rstrip("/")
        return
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("no redis-server binary (apt-get install redis-server) and NEWSCLEAN_TEST_REDIS unset")
    port = _free_port()
    workdir = tmp_path_factory.mktemp("redis")
    proc = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(workdir)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    for _ in range(100):
        try:
            client.ping()
            break
        except Exception:
            if proc.poll() is not None:
                pytest.skip(f"redis-server exited with {proc.returncode} on port {port}")
            time.sleep(0.05)
    else:  # pragma: no cover - environment
        proc.kill()
        pytest.skip("redis-server did not answer within 5 s")
    yield url
    client.close()
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(params=["memory", "sqlite", "redis"])
def location(request: pytest.FixtureRequest, tmp_path: Path) -> str | None:
    if request.param == "memory":
        return None
    if request.param == "sqlite":
        return str(tmp_path / "news.db")
    base = request.getfixturevalue("redis_base")
    return f"{base}?name=test-{uuid.uuid4().hex[:12]}"


@pytest.fixture(params=["sqlite", "redis"])
def persistent(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "news.db")
    base = request.getfixturevalue("redis_base")
    return f"{base}?name=test-{uuid.uuid4().hex[:12]}"


# -- incremental = one run -----------------------------------------------------------------
def test_day1_then_day2_gives_the_clusters_of_one_run(reuters: list[dict[str, Any]], location: str | None) -> None:
    cut = reuters[len(reuters) // 2]["date"]
    day1 = [d for d in reuters if d["date"] < cut]
    day2 = [d for d in reuters if d["date"] >= cut]
    one = newsclean.cluster(reuters)
    assert one.stats.duplicates > 10  # the subset has real copies
    with DedupIndex(location, batch_size=150) as ix:
        r1 = ix.add(day1)
        r2 = ix.add(day2)
        assert [a.doc_id for a in r1] == [d["id"] for d in day1]
        assert [a.doc_id for a in r2] == [d["id"] for d in day2]
        assert partition(stored_labels(ix)) == partition(one.labels())
        check_consistent(ix)
        # day-2 copies of day-1 stories point at day-1 canonical ids
        day1_ids = {d["id"] for d in day1}
        cross = [a for a in r2 if not a.is_canonical and a.cluster_id in day1_ids]
        assert cross, "expected day-2 copies of day-1 stories"
        stored = {d.doc_id: d for d in ix.iter_docs()}
        assert all(stored[a.cluster_id].is_canonical for a in cross)
        # idempotent: the same input again inserts nothing and answers the same
        n = len(ix)
        again = ix.add(day2)
        assert len(ix) == n
        assert again.labels() == {d.doc_id: d.cluster_id for d in ix.iter_docs() if d.doc_id in again.labels()}
        assert [(a.doc_id, a.cluster_id, a.is_canonical) for a in again] == [
            (d.doc_id, d.cluster_id, d.is_canonical) for d in (stored[x["id"]] for x in day2)
        ]


def test_reopened_index_keeps_its_documents(reuters: list[dict[str, Any]], persistent: str) -> None:
    docs = reuters[:120]
    with DedupIndex(persistent) as ix:
        first = ix.add(docs).labels()
    with DedupIndex(persistent) as ix:
        assert len(ix) == len(docs)
        assert ix.add(docs).labels() == first
        probe = dict(docs[0], id="probe-copy")
        matches = ix.query(probe)
        assert matches and matches[0].cluster_id == first[docs[0]["id"]]
        assert len(ix) == len(docs)  # query does not add


def test_a_stored_canonical_keeps_the_cluster_id() -> None:
    story = ("The city council approved the new budget on Tuesday after a long debate over "
             "school funding, road repairs and the cost of the new library in the town centre.")
    longer = story + " The mayor said the vote was a victory for families across the city."
    ix = DedupIndex()
    assert ix.add([{"id": "day1", "text": story}]).labels() == {"day1": "day1"}
    r = ix.add([{"id": "day2", "text": longer}])
    # one batch run would pick the longer day-2 copy; the index keeps the stored id
    assert newsclean.cluster([{"id": "day1", "text": story}, {"id": "day2", "text": longer}]).labels() == {
        "day1": "day2", "day2": "day2"}
    a = r["day2"]
    assert (a.cluster_id, a.is_canonical, a.reason) == ("day1", False, "near_duplicate")
    assert 0.5 < a.similarity_to_canonical <= 1.0


def test_new_copies_join_two_stored_clusters_under_the_older_id() -> None:
    a_text = " ".join(f"alpha{i} beta{i} gamma{i}" for i in range(30))
    b_text = " ".join(f"delta{i} eps{i} zeta{i}" for i in range(30))
    ix = DedupIndex(None, DedupOptions(min_link=0.0, threshold=0.45, title_relief=0.1))
    ix.add([{"id": "a", "text": a_text}])
    ix.add([{"id": "b", "text": b_text}])
    ix.add([{"id": "ab", "text": a_text + " " + b_text}])
    labels = stored_labels(ix)
    one = newsclean.cluster([{"id": "a", "text": a_text}, {"id": "b", "text": b_text},
                             {"id": "ab", "text": a_text + " " + b_text}],
                            options=ix.options)
    assert partition(labels) == partition(one.labels())
    check_consistent(ix)


# -- parameters travel with the index ----------------------------------------------------
def test_other_settings_fail_with_a_typed_error_naming_the_setting(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    DedupIndex(path, DedupOptions(num_perm=64)).close()
    with pytest.raises(IndexMismatchError) as exc:
        DedupIndex(path, DedupOptions(num_perm=128))
    assert exc.value.setting == "num_perm"
    assert "num_perm=64" in str(exc.value)
    with pytest.raises(IndexMismatchError) as exc2:
        DedupIndex(path, DedupOptions(num_perm=64, ngram=4))
    assert exc2.value.setting == "ngram"
    with pytest.raises(IndexMismatchError) as exc3:
        DedupIndex(path, DedupOptions(num_perm=64, threshold=0.8))
    assert exc3.value.setting == "threshold"
    # no options: the stored ones
    with DedupIndex(path) as ix:
        assert ix.options.num_perm == 64


def test_a_different_newsclean_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    DedupIndex(path).close()
    con = sqlite3.connect(path)
    (raw,) = con.execute("SELECT value FROM settings").fetchone()
    s = json.loads(raw)
    s["newsclean_version"] = "0.0.1"
    con.execute("UPDATE settings SET value = ?", (json.dumps(s),))
    con.commit()
    con.close()
    with pytest.raises(IndexMismatchError) as exc:
        DedupIndex(path, DedupOptions())
    assert exc.value.setting == "newsclean_version"


def test_redis_needs_a_name() -> None:
    with pytest.raises(OptionsError, match="needs a name"):
        DedupIndex("redis://127.0.0.1:1/0")
    with pytest.raises(OptionsError, match="unknown index location"):
        DedupIndex("ftp://example.org/x")


# -- untrusted files -----------------------------------------------------------------------
def test_a_file_that_is_not_an_index_is_a_typed_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(IndexCorruptError):
        DedupIndex(bad)


def test_corrupt_rows_are_typed_errors(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    story = "The council approved the budget on Tuesday after a long debate over school funding and roads."
    with DedupIndex(path) as ix:
        ix.add([{"id": "a", "text": story}, {"id": "b", "text": story + " More."}])
    for column, value in (("text", b"\x78\x9cnot zlib"), ("sig", b"\x00" * 5),
                          ("asg", b'{"c": 1}'), ("meta", b"[]"), ("key", "x:bad")):
        con = sqlite3.connect(path)
        con.execute("SAVEPOINT s")
        con.execute(f"UPDATE docs SET {column} = ? WHERE seq = 1", (value,))
        con.commit()
        con.close()
        with DedupIndex(path) as ix, pytest.raises(IndexCorruptError):
            list(ix.iter_docs())
        path.unlink()
        for suffix in ("-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        with DedupIndex(path) as ix:
            ix.add([{"id": "a", "text": story}, {"id": "b", "text": story + " More."}])


def test_a_zip_bomb_is_refused() -> None:
    import zlib

    from newsclean.dedup.store.base import MAX_TEXT_BYTES, decompress_text

    bomb = zlib.compress(b"a" * (MAX_TEXT_BYTES + 10))
    with pytest.raises(IndexCorruptError):
        decompress_text(bomb, "s:x")


# -- hypothesis: encoding round trips --------------------------------------------------------
_ids = st.one_of(st.text(max_size=20), st.integers(-(2**62), 2**62))


@settings(max_examples=60, deadline=None)
@given(doc_id=_ids, cid=_ids, canon=st.booleans(), sim=st.floats(0.0, 1.0),
       text=st.text(max_size=200), title=st.none() | st.text(max_size=30),
       date=st.none() | st.floats(-1e10, 1e10), seq=st.integers(1, 2**40),
       sig=st.binary(min_size=16, max_size=16), lead=st.none() | st.binary(min_size=16, max_size=16))
def test_pack_unpack_round_trip(doc_id: Any, cid: Any, canon: bool, sim: float, text: str,
                                title: str | None, date: float | None, seq: int, sig: bytes,
                                lead: bytes | None) -> None:
    d = StoredDoc(doc_id, cid, canon, sim, "near_duplicate", seq, text, title, date, None, "src", sig, lead)
    assert decode_id(encode_id(doc_id)) == doc_id
    assert unpack(pack(d), num_perm=4, key=d.key) == d


@settings(max_examples=15, deadline=None)
@given(st.lists(st.integers(0, 59), min_size=1, max_size=40), st.integers(1, 7))
def test_adding_again_changes_nothing(picks: list[int], batch: int) -> None:
    texts = [" ".join(f"w{(i * 7 + k) % 50}x{i % 6}" for k in range(30)) for i in range(60)]
    docs = [{"id": i, "text": texts[i]} for i in sorted(set(picks))]
    ix = DedupIndex(None, batch_size=batch)
    first = ix.add(docs).labels()
    n = len(ix)
    assert ix.add(docs[::-1]).labels() == {k: first[k] for k in reversed(list(first))}
    assert len(ix) == n == len(docs)
    check_consistent(ix)


# -- export / import between backends -----------------------------------------------------
def test_export_import_moves_an_index_between_backends(reuters: list[dict[str, Any]], persistent: str,
                                                        tmp_path: Path) -> None:
    docs = reuters[:150]
    with DedupIndex(tmp_path / "src.db") as src:
        src.add(docs)
        buf = io.StringIO()
        assert src.export(buf) == len(docs)
        want = {(d.doc_id, d.cluster_id, d.is_canonical, d.signature) for d in src.iter_docs()}
    lines = buf.getvalue().splitlines()
    first = json.loads(lines[1])
    assert set(first) >= {"doc_id", "cluster_id", "signature"}
    assert len(bytes.fromhex(first["signature"])) == 4 * 128
    with DedupIndex(persistent) as dst:
        assert dst.import_jsonl(lines) == len(docs)
        assert dst.import_jsonl(lines) == 0  # idempotent
        assert {(d.doc_id, d.cluster_id, d.is_canonical, d.signature) for d in dst.iter_docs()} == want
        st_ = dst.stats()
        assert st_.documents == len(docs) and st_.clusters == len({w[1] for w in want})
        # the imported index keeps deduplicating
        m = dst.query(dict(docs[3], id="again"))
        assert m and m[0].cluster_id == {w[0]: w[1] for w in want}[docs[3]["id"]]
    bad = [lines[0], lines[1].replace(first["signature"][:8], "ffffffff")]
    with DedupIndex(None) as other, pytest.raises(IndexCorruptError):
        other.import_jsonl(bad)
    with DedupIndex(None, DedupOptions(num_perm=64)) as other, pytest.raises(IndexMismatchError):
        other.import_jsonl(lines)
    with DedupIndex(None) as other, pytest.raises(IndexCorruptError):
        other.import_jsonl([lines[0], "[1, 2]"])


# -- crashes and concurrency, for real (subprocesses) ---------------------------------------
_WORKER = r"""
import json, os, sys, time
from newsclean.dedup.store import DedupIndex
from newsclean.dedup.store import core
loc, data, batch, hang_at = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
docs = [json.loads(line) for line in open(data, encoding="utf-8")]
if hang_at >= 0:
    real = core.DedupIndex._work
    calls = [0]
    def work(self, docs, out, reader):
        w = real(self, docs, out, reader)
        calls[0] += 1
        if calls[0] == hang_at:  # inside the transaction, writes computed, nothing committed
            print("IN-BATCH", flush=True)
            time.sleep(600)
        return w
    core.DedupIndex._work = work
ix = DedupIndex(loc, batch_size=batch)
ix.add(docs)
ix.close()
print("DONE", flush=True)
"""


def _worker(loc: str, data: Path, batch: int, hang_at: int = -1) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.Popen(
        [sys.executable, "-c", _WORKER, loc, str(data), str(batch), str(hang_at)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )


def _write(docs: list[dict[str, Any]], path: Path) -> Path:
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return path


def test_killed_mid_batch_keeps_the_committed_batches_and_a_rerun_completes(
    reuters: list[dict[str, Any]], persistent: str, tmp_path: Path
) -> None:
    docs = reuters[:400]
    batch = 50
    data = _write(docs, tmp_path / "docs.jsonl")
    p = _worker(persistent, data, batch, hang_at=4)
    assert p.stdout is not None
    line = p.stdout.readline()
    assert line.strip() == "IN-BATCH", p.stderr.read() if p.stderr else ""
    p.send_signal(signal.SIGKILL)
    p.wait(timeout=30)
    with DedupIndex(persistent) as ix:
        stored = check_consistent(ix)
        assert len(stored) == 3 * batch  # batches 1-3 committed, batch 4 not at all
        assert [d.doc_id for d in stored] == [d["id"] for d in docs[: 3 * batch]]
    # a kill at an arbitrary moment (possibly during the commit) is as safe
    q = _worker(persistent, data, batch)
    time.sleep(1.0)
    q.send_signal(signal.SIGKILL)
    q.wait(timeout=30)
    with DedupIndex(persistent) as ix:
        assert len(check_consistent(ix)) % batch == 0
    r = _worker(persistent, data, batch)
    _, err = r.communicate(timeout=300)
    assert r.returncode == 0, err
    with DedupIndex(persistent) as ix:
        check_consistent(ix)
        assert len(ix) == len(docs)
        got = stored_labels(ix)
    clean = DedupIndex(None, batch_size=batch)
    clean.add(docs)
    assert got == stored_labels(clean)  # the same answers as an uninterrupted run
    assert partition(got) == partition(newsclean.cluster(docs).labels())


def test_two_writers_at_once_lose_nothing(reuters: list[dict[str, Any]], persistent: str,
                                          tmp_path: Path) -> None:
    docs = reuters[:400]
    a = _write(docs[0::2], tmp_path / "a.jsonl")
    b = _write(docs[1::2], tmp_path / "b.jsonl")
    procs = [_worker(persistent, a, 20), _worker(persistent, b, 20)]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    with DedupIndex(persistent) as ix:
        stored = check_consistent(ix)
        assert sorted(d.doc_id for d in stored) == sorted(d["id"] for d in docs)
        assert partition(stored_labels(ix)) == partition(newsclean.cluster(docs).labels())


def test_corrupt_redis_values_are_typed_errors(redis_base: str) -> None:
    import redis

    name = f"test-{uuid.uuid4().hex[:12]}"
    url = f"{redis_base}?name={name}"
    story = "The council approved the budget on Tuesday after a long debate over school funding and roads."
    with DedupIndex(url, DedupOptions(num_perm=64)) as ix:
        ix.add([{"id": "a", "text": story}])
    with pytest.raises(IndexMismatchError) as exc:
        DedupIndex(url, DedupOptions())
    assert exc.value.setting == "num_perm"
    r = redis.Redis.from_url(redis_base)
    r.hset(f"{name}:d:s:a", "text", b"garbage")
    with DedupIndex(url) as ix, pytest.raises(IndexCorruptError):
        list(ix.iter_docs())
    r.set(f"{name}:settings", b"\x80not json")
    with pytest.raises(IndexCorruptError):
        DedupIndex(url)
    r.close()
