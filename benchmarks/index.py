"""Persistent dedup index: add throughput and query latency per backend, and the
day-1/day-2 check on the Reuters dev set.

Speed (``--docs 100000``): a synthetic corpus of syndicated copies
(``benchmarks/syndicate.py scaled``, in date order) is added in batches of
``--batch`` documents to a ``DedupIndex`` in memory, in a SQLite file and
in Redis; then ``--queries`` single-document ``query`` calls (copies of
stored documents under new ids) give the latency p50/p99. In the same run,
datasketch's own Redis-backed ``MinHashLSH`` (``storage_config`` redis,
body banding, ``insertion_session``) inserts the same signatures and
answers the same queries. The two do different work: newsclean's add is
the whole job (sign, look up, verify candidates with the pair rule,
cluster, store text and signatures in one transaction per batch);
datasketch's is only the LSH buckets of precomputed signatures, and its
query returns unverified candidates. The signing time is shown apart.

Equality (``--reuters``): day 1 (the first half by date), then day 2
against the stored index, must give the clusters of one ``cluster()`` run
over both, for memory, SQLite and Redis.

A Redis server: ``--redis redis://host:port/db``; by default one is started
on a free loopback port when ``redis-server`` is installed.

    python benchmarks/index.py --docs 100000 --reuters
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import newsclean  # noqa: E402
from newsclean.dedup.api import make_params, prepared_texts, read_docs  # noqa: E402
from newsclean.dedup.options import DedupOptions  # noqa: E402
from newsclean.dedup.signature import to_lean_minhash  # noqa: E402
from newsclean.dedup.store import DedupIndex  # noqa: E402
from newsclean.dedup.verify import Corpus  # noqa: E402

REUTERS = ROOT.parent / "shared" / "bench" / "reuters21578-dev" / "articles.jsonl.gz"


@contextmanager
def redis_server(url: str | None) -> Iterator[str]:
    if url:
        yield url.rstrip("/")
        return
    binary = shutil.which("redis-server")
    if binary is None:
        raise SystemExit("no redis-server: install it (apt-get install redis-server) or pass --redis URL")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    workdir = tempfile.mkdtemp(prefix="nc-redis-")
    proc = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", workdir], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    import redis

    r = redis.Redis(port=port)
    for _ in range(100):
        try:
            r.ping()
            break
        except Exception:
            time.sleep(0.05)
    try:
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        shutil.rmtree(workdir, ignore_errors=True)


def corpus(n: int, cache: Path | None) -> list[dict[str, Any]]:
    if cache is not None and cache.exists():
        with gzip.open(cache, "rt", encoding="utf-8") as fh:
            docs = [json.loads(line) for line in fh]
        if len(docs) >= n:
            return docs[:n]
    from benchmarks.syndicate import scaled

    docs = scaled(n)
    docs.sort(key=lambda d: (d["date"], d["id"]))
    docs = [{k: d[k] for k in ("id", "text", "title", "date", "url", "source")} for d in docs]
    if cache is not None:
        with gzip.open(cache, "wt", encoding="utf-8") as fh:
            for d in docs:
                fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    return docs


def pct(xs: list[float], q: float) -> float:
    return float(np.percentile(np.array(xs), q)) * 1000.0


def probes(docs: list[dict[str, Any]], k: int) -> list[dict[str, Any]]:
    step = max(1, len(docs) // k)
    return [dict(docs[i], id=f"probe-{i}") for i in range(0, len(docs), step)][:k]


def bench_newsclean(name: str, loc: str | None, docs: list[dict[str, Any]], batch: int,
                    queries: list[dict[str, Any]]) -> dict[str, Any]:
    ix = DedupIndex(loc, batch_size=batch)
    t0 = time.perf_counter()
    for b0 in range(0, len(docs), batch * 10):
        ix.add(docs[b0 : b0 + batch * 10])
    add_s = time.perf_counter() - t0
    lat = []
    for q in queries:
        t = time.perf_counter()
        ix.query(q)
        lat.append(time.perf_counter() - t)
    st = ix.stats()
    ix.close()
    return {"backend": name, "docs": len(docs), "add_s": add_s, "docs_per_s": len(docs) / add_s,
            "p50_ms": pct(lat, 50), "p99_ms": pct(lat, 99), "clusters": st.clusters,
            "size_mb": st.size_bytes / 1e6}


def bench_datasketch(url: str, docs: list[dict[str, Any]], queries: list[dict[str, Any]]) -> tuple[dict[str, Any], float]:
    from datasketch import MinHashLSH

    opts = DedupOptions()
    p = make_params(opts)
    t0 = time.perf_counter()
    sigs = []
    for b0 in range(0, len(docs), 5000):
        part = read_docs(docs[b0 : b0 + 5000])
        c = Corpus(part, opts, texts=prepared_texts(part, opts))
        sigs.append(c.sig[c.rep])
    sig = np.concatenate(sigs)
    sign_s = time.perf_counter() - t0
    base, _, db = url.rpartition("/")
    host_port = base.split("//", 1)[1]
    host, _, port = host_port.partition(":")
    cfg = {"type": "redis", "basename": f"ds-{uuid.uuid4().hex[:8]}".encode(),
           "redis": {"host": host, "port": int(port), "db": int(db or 0)}}
    lsh = MinHashLSH(num_perm=opts.num_perm, params=(p.body.bands, p.body.rows), storage_config=cfg)
    t0 = time.perf_counter()
    with lsh.insertion_session(buffer_size=50_000) as session:
        for d, s in zip(docs, sig, strict=True):
            session.insert(str(d["id"]), to_lean_minhash(s, seed=opts.seed), check_duplication=False)
    add_s = time.perf_counter() - t0
    qd = read_docs(queries)
    qc = Corpus(qd, opts, texts=prepared_texts(qd, opts))
    qs = qc.sig[qc.rep]
    lat = []
    for s in qs:
        m = to_lean_minhash(s, seed=opts.seed)
        t = time.perf_counter()
        lsh.query(m)
        lat.append(time.perf_counter() - t)
    return ({"backend": "datasketch MinHashLSH (redis)", "docs": len(docs), "add_s": add_s,
             "docs_per_s": len(docs) / add_s, "p50_ms": pct(lat, 50), "p99_ms": pct(lat, 99),
             "clusters": None, "size_mb": None}, sign_s)


def speed(n: int, batch: int, n_queries: int, redis_url: str, cache: Path | None) -> None:
    docs = corpus(n, cache)
    queries = probes(docs, n_queries)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        rows.append(bench_newsclean("newsclean memory", None, docs, batch, queries))
        rows.append(bench_newsclean("newsclean SQLite", os.path.join(tmp, "bench.db"), docs, batch, queries))
    rows.append(bench_newsclean("newsclean Redis", f"{redis_url}?name=bench-{uuid.uuid4().hex[:8]}",
                                docs, batch, queries))
    ds, sign_s = bench_datasketch(redis_url, docs, queries)
    rows.append(ds)
    print(f"\n{n} documents, batches of {batch}, {len(queries)} queries "
          f"(signing alone, newsclean numpy: {sign_s:.1f} s = {n / sign_s:,.0f} docs/s)\n")
    print("| backend | add (s) | docs/s | query p50 (ms) | query p99 (ms) | clusters | size (MB) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        cl = "" if r["clusters"] is None else f"{r['clusters']:,}"
        size = "" if r["size_mb"] is None else f"{r['size_mb']:.0f}"
        print(f"| {r['backend']} | {r['add_s']:.1f} | {r['docs_per_s']:,.0f} | {r['p50_ms']:.1f} | "
              f"{r['p99_ms']:.1f} | {cl} | {size} |")
    sys.stdout.flush()


def _ts(s: str) -> float:
    return dt.datetime.strptime(s.split(".")[0], "%d-%b-%Y %H:%M:%S").replace(tzinfo=dt.timezone.utc).timestamp()


def partition(labels: dict[Any, Any]) -> list[list[str]]:
    g: dict[Any, list[str]] = {}
    for k, v in labels.items():
        g.setdefault(v, []).append(str(k))
    return sorted(sorted(x) for x in g.values())


def reuters(redis_url: str) -> None:
    with gzip.open(REUTERS, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    docs = sorted(({"id": r["id"], "text": r["text"], "title": r["title"], "date": _ts(r["date"])} for r in rows),
                  key=lambda d: (d["date"], d["id"]))
    cut = docs[len(docs) // 2]["date"]
    day1 = [d for d in docs if d["date"] < cut]
    day2 = [d for d in docs if d["date"] >= cut]
    t = time.perf_counter()
    one = newsclean.cluster(docs)
    one_s = time.perf_counter() - t
    want = partition(one.labels())
    print(f"\nReuters dev: {len(day1)} day-1 + {len(day2)} day-2 documents; one run: "
          f"{len(want)} clusters, {one.stats.duplicates} duplicates, {one_s:.1f} s\n")
    print("| backend | day 1 (s) | day 2 (s) | clusters | same clusters as one run |")
    print("|---|---:|---:|---:|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for name, loc in (("memory", None), ("SQLite", os.path.join(tmp, "r.db")),
                          ("Redis", f"{redis_url}?name=reuters-{uuid.uuid4().hex[:8]}")):
            with DedupIndex(loc) as ix:
                t = time.perf_counter()
                ix.add(day1)
                t1 = time.perf_counter() - t
                t = time.perf_counter()
                ix.add(day2)
                t2 = time.perf_counter() - t
                got = partition({d.doc_id: d.cluster_id for d in ix.iter_docs()})
            print(f"| {name} | {t1:.1f} | {t2:.1f} | {len(got)} | {'yes' if got == want else 'NO'} |")
            sys.stdout.flush()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=100_000, help="documents for the speed table (0: skip)")
    ap.add_argument("--batch", type=int, default=1000, help="documents per transaction")
    ap.add_argument("--queries", type=int, default=300, help="single-document queries timed")
    ap.add_argument("--reuters", action="store_true", help="also the day-1/day-2 equality check")
    ap.add_argument("--redis", help="redis://host:port/db (default: start a redis-server)")
    ap.add_argument("--cache", type=Path, help="corpus cache (.jsonl.gz), made when missing")
    args = ap.parse_args(argv)
    with redis_server(args.redis) as url:
        if args.reuters:
            reuters(url)
        if args.docs:
            speed(args.docs, args.batch, args.queries, url, args.cache)
    return 0


if __name__ == "__main__":
    sys.exit(main())
