"""Near-duplicate clustering: hand-built stories, invariants, policies, streams, bad input."""

from __future__ import annotations

import datetime as dt
import math
import random
import subprocess
import sys
import textwrap
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from newsclean import Article, InputError, InputTypeError, OptionsError
from newsclean.dedup import (
    Candidate,
    ClusterResult,
    Deduplicator,
    DedupOptions,
    EarliestDate,
    LongestBody,
    SourcePriority,
    cluster,
)
from newsclean.dedup.index import candidate_pairs, lsh_params
from newsclean.dedup.shingle import shingle_hash, text_shingles, tokenize
from newsclean.dedup.signature import sign, to_lean_minhash

ROOT = Path(__file__).resolve().parent.parent

STORY = [
    "The city council voted 7 to 2 on Tuesday to approve a 48 million dollar plan to rebuild "
    "the old harbour bridge, ending a debate that has divided residents for almost a decade.",
    "Construction is expected to begin in March and to last about three years, the mayor said "
    "after the vote, adding that the work would create roughly 350 jobs in the region.",
    "Opponents had argued that the money should go to schools and public transport instead, "
    "and several of them said they would ask the regional court to review the decision.",
    "The bridge, opened in 1931, carries about 22,000 vehicles a day and has been closed to "
    "heavy trucks since engineers found corrosion in its steel frame two years ago.",
    "Federal funds will cover 60 percent of the cost, with the rest coming from a local sales "
    "tax that voters approved last spring, according to the city budget office.",
    "Council members who voted against the plan said the cost estimates were too optimistic "
    "and warned that delays could push the final bill well above the approved amount.",
]
OTHER = [
    "Heavy rain flooded streets across the northern districts on Sunday, forcing the closure of "
    "two schools and cutting power to thousands of homes for several hours, officials said.",
    "Emergency crews pumped water from basements late into the night while the weather service "
    "warned that more storms were likely to reach the coast before the end of the week.",
    "Farmers in the valley said the rain came too late to save much of this year's harvest after "
    "a long dry summer that had already left many fields brown and cracked.",
]
T0 = dt.datetime(2024, 5, 7, 9, 0, tzinfo=dt.timezone.utc)


def body(paras: list[str]) -> str:
    return "\n\n".join(paras)


def doc(doc_id: str, text: str, *, title: str | None = None, hours: float = 0.0, **kw: object) -> dict[str, object]:
    d: dict[str, object] = {"id": doc_id, "text": text, "date": (T0 + dt.timedelta(hours=hours)).isoformat()}
    if title is not None:
        d["title"] = title
    d.update(kw)
    return d


def outlet_copy(paras: list[str]) -> str:
    """Chrome on top and at the bottom, a credit line, hard-wrapped lines, one word changed."""
    wrapped = "\n".join(textwrap.fill(p.replace(" said", " says", 1), 64) + "\n" for p in paras)
    return (
        "Skip to content\nHome | News | Local | Sports\nSubscribe\n\n(AP) —\n\n"
        + wrapped
        + "\nShare this:\nFacebook Twitter Email\n© 2024 The Daily Example. All rights reserved."
    )


def corpus() -> list[dict[str, object]]:
    return [
        doc("wire", body(STORY), title="Council approves harbour bridge plan"),
        doc("outlet-a", outlet_copy(STORY), title="Bridge rebuild gets green light", hours=5),
        doc("outlet-b", body(STORY[:2]) + "\n\nRead the full story at wire.example", hours=9,
            title="Harbour bridge to be rebuilt"),
        doc("rain", body(OTHER), title="Storms flood northern districts", hours=3),
        doc("rain-copy", "Weather desk\n\n" + body(OTHER) + "\n\nMore from Weather", hours=4),
    ]


def groups(result: ClusterResult) -> set[frozenset[object]]:
    by: dict[object, set[object]] = {}
    for a in result.assignments:
        by.setdefault(a.cluster_id, set()).add(a.doc_id)
    return {frozenset(v) for v in by.values()}


# -- hand-built clusters ------------------------------------------------------------
def test_syndicated_copies_and_truncated_copy_join_their_story() -> None:
    r = cluster(corpus())
    assert groups(r) == {frozenset({"wire", "outlet-a", "outlet-b"}), frozenset({"rain", "rain-copy"})}
    reasons = {a.doc_id: a.reason for a in r.assignments}
    assert reasons["outlet-b"] == "truncated_copy"
    assert r["outlet-b"].similarity_to_canonical > 0.8


def test_partial_copy_without_a_marker_is_a_different_story() -> None:
    # the first take of a story (a short brief) and the full story are kept apart ...
    r = cluster([doc("full", body(STORY)), doc("brief", body(STORY[:2]), hours=1)])
    assert r.labels() == {"full": "full", "brief": "brief"}
    # ... unless the short copy says it was cut
    r = cluster([doc("full", body(STORY)), doc("cut", body(STORY[:2]) + "\nContinue reading", hours=1)])
    assert len(r.clusters) == 1


def test_template_lookalikes_with_other_figures_stay_apart() -> None:
    other_day = [p.replace("7 to 2", "5 to 4").replace("48 million", "52 million")
                 .replace("350 jobs", "410 jobs").replace("60 percent", "55 percent") for p in STORY]
    r = cluster([doc("mon", body(STORY)), doc("tue", body(other_day), hours=20),
                 doc("mon-copy", outlet_copy(STORY), hours=2)])
    assert groups(r) == {frozenset({"mon", "mon-copy"}), frozenset({"tue"})}
    # without the figure check they would merge: the check is what keeps them apart
    r = cluster([doc("mon", body(STORY)), doc("tue", body(other_day), hours=20)],
                options=DedupOptions(check_numbers=False))
    assert len(r.clusters) == 1


def test_follow_up_reusing_background_stays_apart() -> None:
    follow = [
        "Work on the harbour bridge was halted on Thursday after divers found an unexploded "
        "wartime shell lodged in the mud beneath one of the central piers, police said.",
        "Navy specialists are expected to remove the device over the weekend, and the area "
        "around the harbour will be closed to boats and pedestrians until then.",
        "A spokeswoman for the construction company said the discovery would delay the project "
        "by at least two weeks but would not change the overall budget.",
        STORY[3],
    ]
    r = cluster([doc("story", body(STORY)), doc("follow", body(follow), hours=40)])
    assert len(r.clusters) == 2


def test_copies_far_apart_in_time_are_different_stories() -> None:
    same = body(STORY)
    r = cluster([doc("a", same), doc("b", same, hours=24 * 30), doc("c", same, hours=12)])
    assert groups(r) == {frozenset({"a", "c"}), frozenset({"b"})}
    r = cluster([doc("a", same), doc("b", same, hours=24 * 30)], options=DedupOptions(max_days=None))
    assert len(r.clusters) == 1


def test_chaining_guard_keeps_unrelated_stories_apart() -> None:
    # a roundup quoting two unrelated stories in full: both are "contained" in it,
    # but they are not copies of each other
    roundup = body(STORY) + "\n\n" + body(OTHER)
    r = cluster(
        [doc("bridge", body(STORY)), doc("rain", body(OTHER), hours=1), doc("roundup", roundup, hours=2)],
        options=DedupOptions(min_length_ratio=0.2),
    )
    labels = r.labels()
    assert labels["bridge"] != labels["rain"]


# -- invariants ---------------------------------------------------------------------
def mixed_corpus(seed: int) -> list[dict[str, object]]:
    rng = random.Random(seed)
    words = " ".join(STORY + OTHER).split()
    docs = corpus()
    for k in range(12):
        rng.shuffle(words)
        text = " ".join(words[:80])
        docs.append(doc(f"x{k}", text, hours=rng.random() * 30))
        if k % 3 == 0:
            docs.append(doc(f"x{k}-copy", "Menu\n" + text + "\nShare", hours=rng.random() * 30))
    docs.append(doc("empty", ""))
    docs.append(doc("word", "Breaking"))
    return docs


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_invariants_and_order_independence(seed: int) -> None:
    docs = mixed_corpus(seed)
    r = cluster(docs)
    ids = [d["id"] for d in docs]
    assert [a.doc_id for a in r.assignments] == ids  # input order, everyone once
    members = Counter(m for c in r.clusters for m in c.members)
    assert set(members) == set(ids) and set(members.values()) == {1}
    for c in r.clusters:
        canon = [m for m in c.members if r[m].is_canonical]
        assert canon == [c.canonical_id] and c.cluster_id == c.canonical_id
        assert all(r[m].cluster_id == c.cluster_id for m in c.members)
    shuffled = docs[:]
    random.Random(seed).shuffle(shuffled)
    assert cluster(shuffled).labels() == r.labels()


def test_empty_and_short_documents_are_singletons_with_a_reason() -> None:
    r = cluster([doc("e1", ""), doc("e2", "   "), doc("w1", "Breaking"), doc("w2", "Breaking"),
                 doc("s", "Markets fell today")])
    assert {a.doc_id: a.reason for a in r.assignments} == {
        "e1": "empty", "e2": "empty", "w1": "too_short", "w2": "too_short", "s": "too_short"}
    assert len(r.clusters) == 5
    assert r.stats.too_short == 5


def test_exact_duplicates_take_the_fast_path() -> None:
    text = body(STORY)
    r = cluster([doc(f"d{k}", text, hours=k) for k in range(6)])
    assert len(r.clusters) == 1
    assert r.stats.exact_duplicates == 5
    assert {a.reason for a in r.assignments if not a.is_canonical} == {"exact_duplicate"}


def test_params_report_the_lsh_setup() -> None:
    p = cluster(corpus()).params
    assert p.bands * p.rows <= p.num_perm == 128
    assert 0 <= p.false_positive <= 1 and 0 <= p.false_negative <= 1
    assert p.lead is not None and p.lead.bands * p.lead.rows <= 128


# -- canonical policies -------------------------------------------------------------
def test_canonical_policies() -> None:
    docs = [
        doc("short", body(STORY[:5]) + "\nRead more", hours=0, source="blog.example"),
        doc("long", outlet_copy(STORY), hours=3, url="https://www.wire.example/x"),
        doc("mid", body(STORY), hours=1, source="paper.example"),
    ]
    r = cluster(docs)
    assert len(r.clusters) == 1
    assert r.clusters[0].canonical_id == "long" and r["long"].reason == "longest_body"
    r = cluster(docs, options=DedupOptions(canonical="earliest"))
    assert r.clusters[0].canonical_id == "short" and r["short"].reason == "earliest_date"
    r = cluster(docs, options=DedupOptions(canonical=SourcePriority(["paper.example", "wire.example"])))
    assert r.clusters[0].canonical_id == "mid" and r["mid"].reason == "source_priority"
    r = cluster(docs, options=DedupOptions(canonical=SourcePriority(["wire.example"])))
    assert r.clusters[0].canonical_id == "long"
    assert r.labels() == {"short": "long", "long": "long", "mid": "long"}


def test_custom_policy_and_bad_policy_output() -> None:
    class Alphabetical:
        def choose(self, members: list[Candidate]) -> tuple[int, str]:
            return min(range(len(members)), key=lambda i: str(members[i].doc_id)), "alphabetical"

    docs = [doc("b", body(STORY)), doc("a", outlet_copy(STORY), hours=1)]
    r = cluster(docs, options=DedupOptions(canonical=Alphabetical()))
    assert r.clusters[0].canonical_id == "a" and r["a"].reason == "alphabetical"

    class Broken:
        def choose(self, members: list[Candidate]) -> tuple[int, str]:
            return 7, "nope"

    with pytest.raises(OptionsError, match="choose"):
        cluster(docs, options=DedupOptions(canonical=Broken()))
    assert LongestBody().choose([Candidate("x", 5), Candidate("y", 5, date=1.0)]) == (1, "longest_body")
    assert EarliestDate().choose([Candidate("x", 5), Candidate("y", 5)]) == (0, "earliest_date")


# -- input forms --------------------------------------------------------------------
def test_articles_and_pairs_are_documents() -> None:
    a = Article(title="Council approves bridge", text=body(STORY), paragraphs=tuple(STORY),
                meta={"id": "art", "date": "2024-05-07"})
    b = Article(title=None, text=outlet_copy(STORY), paragraphs=())
    r = cluster([a, ("pair", b), (3, body(OTHER))])
    assert r.labels()["art"] == r.labels()["pair"]
    assert r.labels()[3] == 3
    with pytest.raises(InputError, match="meta\\['id'\\]"):
        cluster([b])


# -- bad input ----------------------------------------------------------------------
def test_duplicate_ids_name_the_id() -> None:
    with pytest.raises(InputError, match="'wire'"):
        cluster([doc("wire", "a b c"), doc("x", "d e f"), doc("wire", "g h i")])


@pytest.mark.parametrize(
    ("item", "exc", "match"),
    [
        ({"id": "a"}, InputError, "no 'text'"),
        ({"id": "a", "text": None}, InputError, "no 'text'"),
        ({"id": "a", "text": b"bytes"}, InputTypeError, "decode it first"),
        ({"id": "a", "text": 12}, InputTypeError, "must be a str"),
        ({"text": "no id"}, InputError, "no 'id'"),
        ({"id": 1.5, "text": "x"}, InputTypeError, "'id' must be a str or int"),
        ({"id": "a", "text": "x", "date": "yesterday-ish"}, InputError, "bad 'date'"),
        ({"id": "a", "text": "x", "title": 5}, InputTypeError, "'title' must be a string"),
        ("just a string", InputTypeError, "must be a mapping"),
    ],
)
def test_bad_documents(item: object, exc: type[Exception], match: str) -> None:
    with pytest.raises(exc, match=match):
        cluster([item])
    assert issubclass(InputTypeError, TypeError) and issubclass(InputError, ValueError)


def test_docs_must_be_an_iterable_of_documents() -> None:
    with pytest.raises(InputError):
        cluster("not documents")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"threshold": math.nan}, "threshold"),
        ({"threshold": 1.5}, "threshold"),
        ({"threshold": -0.1}, "threshold"),
        ({"threshold": True}, "threshold"),
        ({"lsh_threshold": math.inf}, "lsh_threshold"),
        ({"min_length_ratio": "0.5"}, "min_length_ratio"),
        ({"max_days": -1}, "max_days"),
        ({"num_perm": 8}, "num_perm"),
        ({"ngram": 0}, "ngram"),
        ({"min_words": 2.5}, "min_words"),
        ({"title_relief": 0.8}, "title_relief"),
        ({"lsh_weights": (0.7, 0.7)}, "lsh_weights"),
        ({"canonical": "random"}, "canonical"),
        ({"canonical": 42}, "canonical"),
        ({"verify": "maybe"}, "verify"),
        ({"truncation_patterns": ["("]}, "truncation_patterns"),
        ({"check_numbers": "yes"}, "check_numbers"),
    ],
)
def test_invalid_options_name_the_field(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(OptionsError, match=f"DedupOptions.{field}"):
        DedupOptions(**kwargs)  # type: ignore[arg-type]
    assert issubclass(OptionsError, ValueError)


def test_ten_megabyte_document_is_handled() -> None:
    rng = random.Random(5)
    words = " ".join(STORY + OTHER).split()
    big = " ".join(rng.choice(words) for _ in range(1_900_000))
    assert len(big) > 10_000_000
    r = cluster([doc("big", big), doc("small", body(STORY), hours=1), doc("copy", outlet_copy(STORY), hours=2)])
    assert r.labels()["small"] == r.labels()["copy"]
    assert r["big"].reason == "unique"


# -- streams ------------------------------------------------------------------------
def test_deduplicator_add_and_query() -> None:
    dd = Deduplicator()
    assert dd.add(corpus()[0]) is None
    m = dd.add(corpus()[1])
    assert m is not None and (m.doc_id, m.cluster_id, m.reason) == ("wire", "wire", "near_duplicate")
    m = dd.add(corpus()[2])
    assert m is not None and m.cluster_id == "wire" and m.reason == "truncated_copy"
    assert dd.add(corpus()[3]) is None
    probe = doc("probe", body(STORY), hours=1)
    found = dd.query(probe)
    assert {x.doc_id for x in found} >= {"wire", "outlet-a"} and "probe" not in dd
    assert found[0].similarity >= found[-1].similarity
    with pytest.raises(InputError, match="'wire'"):
        dd.add(corpus()[0])
    assert len(dd) == 4


def test_deduplicator_agrees_with_cluster_on_the_hand_built_corpus() -> None:
    dd = Deduplicator()
    stream = {}
    for d in corpus():
        m = dd.add(d)
        stream[d["id"]] = m.cluster_id if m else d["id"]
    assert {frozenset(k for k in stream if stream[k] == v) for v in stream.values()} == groups(cluster(corpus()))


def test_deduplicator_storage_config_needs_a_basename() -> None:
    with pytest.raises(OptionsError, match="basename"):
        Deduplicator(storage_config={"type": "dict"})


# -- engine: datasketch compatibility, LSH, stable hashing ----------------------------
def test_signatures_are_datasketch_signatures() -> None:
    from datasketch import LeanMinHash, MinHash

    for text in (body(STORY), "one two", "Ünïcödé TEXT — with “quotes” and 東京株式"):
        toks = tokenize(text)
        grams = [b" ".join(toks[i : i + 3]) for i in range(max(len(toks) - 2, 1))]
        m = MinHash(num_perm=128, seed=1, hashfunc=shingle_hash)
        m.update_batch(grams)
        sh = text_shingles(text)
        sig = sign(sh, np.array([0, len(sh)]), num_perm=128, seed=1)[0]
        assert np.array_equal(sig, m.hashvalues)
        lean = to_lean_minhash(sig, seed=1)
        assert isinstance(lean, LeanMinHash) and lean == LeanMinHash(m)


def test_bulk_signing_equals_one_by_one() -> None:
    texts = [body(STORY), "", "short text here", body(OTHER) * 30]
    shs = [text_shingles(t) for t in texts]
    off = np.cumsum([0] + [len(s) for s in shs])
    bulk = sign(np.concatenate(shs), off, workers=2)
    for k, s in enumerate(shs):
        assert np.array_equal(bulk[k], sign(s, np.array([0, len(s)]))[0])
    assert (bulk[1] == 0xFFFFFFFF).all()


def test_lsh_params_match_datasketch() -> None:
    from datasketch.lsh import _optimal_param

    for t in (0.3, 0.5, 0.7, 0.9):
        p = lsh_params(t, 128)
        assert (p.bands, p.rows) == _optimal_param(t, 128, 0.5, 0.5)
        assert 0.0 <= p.probability(0.0) < p.probability(t) < p.probability(1.0) == 1.0


def test_candidate_pairs_are_minhashlsh_candidates() -> None:
    from datasketch import MinHashLSH

    rng = np.random.default_rng(0)
    base = rng.integers(0, 50, size=(40, 64)).astype(np.uint32)
    sig = base.copy()
    sig[20:] = base[:20]  # near copies: a few slots changed
    sig[20:, :8] += 1  # one band of eight differs
    pairs = {tuple(p) for p in candidate_pairs(sig, bands=8, rows=8).tolist()}
    lsh = MinHashLSH(num_perm=64, params=(8, 8))
    for i in range(len(sig)):
        lsh.insert(i, to_lean_minhash(sig[i]))
    expected = {(min(i, j), max(i, j)) for i in range(len(sig)) for j in lsh.query(to_lean_minhash(sig[i])) if i != j}
    assert pairs == expected and len(pairs) >= 20


def test_signatures_are_stable_across_processes() -> None:
    code = (
        "import numpy as np\n"
        "from newsclean.dedup.shingle import text_shingles\n"
        "from newsclean.dedup.signature import sign\n"
        f"sh = text_shingles({body(STORY)!r} + ' Ünïcödé 東京')\n"
        "print(sign(sh, np.array([0, len(sh)]))[0].tolist())\n"
    )
    outs = set()
    for seed in ("0", "1", "random"):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT,
            env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"},
        ).stdout
        outs.add(out)
    sh = text_shingles(body(STORY) + " Ünïcödé 東京")
    here = str(sign(sh, np.array([0, len(sh)]))[0].tolist()) + "\n"
    assert outs == {here}
