"""Hand-worked cases for the ScrapingHub benchmark metric (benchmarks/extraction_metric.py).

Every expected number below was worked out by hand; the comments show the
shingles so the arithmetic can be checked without running anything.
"""

from __future__ import annotations

import csv
import gzip
import json
from collections import Counter
from pathlib import Path

import pytest

from benchmarks.extraction_metric import (
    PageScore,
    aggregate,
    page_scores,
    shingles,
    tokenize,
)

# 8 tokens -> 5 shingles: (a b c d) x2, (b c d a), (c d a b), (d a b c)
TWICE = "a b c d a b c d"
# 12 tokens -> 9 shingles: (a b c d) x3, (b c d a) x2, (c d a b) x2, (d a b c) x2
THRICE = "a b c d a b c d a b c d"


def test_tokenize_keeps_case_and_unicode_and_drops_punctuation() -> None:
    assert tokenize("Hello, world! It's 5 p.m.") == ["Hello", "world", "It", "s", "5", "p", "m"]
    assert tokenize("São Paulo — 3,5%") == ["São", "Paulo", "3", "5"]
    assert tokenize("snake_case") == ["snake_case"]
    assert tokenize("") == []
    assert tokenize(None) == []


def test_shingles_are_a_multiset_of_4grams() -> None:
    assert shingles(TWICE) == Counter(
        {
            ("a", "b", "c", "d"): 2,
            ("b", "c", "d", "a"): 1,
            ("c", "d", "a", "b"): 1,
            ("d", "a", "b", "c"): 1,
        }
    )
    assert sum(shingles("one two three four five").values()) == 2


def test_short_texts_give_one_short_shingle_and_empty_gives_none() -> None:
    assert shingles("Hello") == Counter({("Hello",): 1})
    assert shingles("Breaking news!") == Counter({("Breaking", "news"): 1})
    assert shingles("one two three") == Counter({("one", "two", "three"): 1})
    assert shingles("one two three four") == Counter({("one", "two", "three", "four"): 1})
    assert shingles("") == Counter()
    assert shingles(" -- !! ") == Counter()


def test_identical_texts() -> None:
    # 9 tokens -> 6 shingles, all shared.
    text = "The quick brown fox jumps over the lazy dog."
    s = page_scores(text, text)
    assert (s.tp, s.fp, s.fn) == (6, 0, 0)
    assert s.precision == 1.0
    assert s.recall == 1.0
    assert s.f1 == 1.0
    assert s.exact


def test_disjoint_texts() -> None:
    # pred: 1 shingle; truth: 2 shingles; nothing shared.
    s = page_scores("alpha beta gamma delta", "one two three four five")
    assert (s.tp, s.fp, s.fn) == (0, 1, 2)
    assert s.precision == 0.0
    assert s.recall == 0.0
    assert s.f1 == 0.0
    assert not s.exact


def test_partial_overlap_counts_repeated_4grams_once_per_occurrence() -> None:
    # pred {abcd:1} vs truth {abcd:2, bcda, cdab, dabc}: tp 1, fp 0, fn 4.
    s = page_scores("a b c d", TWICE)
    assert (s.tp, s.fp, s.fn) == (1, 0, 4)
    assert s.precision == 1.0
    assert s.recall == pytest.approx(1 / 5)


def test_multiset_excess_is_a_false_positive() -> None:
    # pred {abcd:3, bcda:2, cdab:2, dabc:2} vs truth {abcd:2, bcda:1, cdab:1, dabc:1}:
    # tp = 2+1+1+1 = 5, fp = 9-5 = 4, fn = 0. A set-based metric would say precision 1.
    s = page_scores(THRICE, TWICE)
    assert (s.tp, s.fp, s.fn) == (5, 4, 0)
    assert s.precision == pytest.approx(5 / 9)
    assert s.recall == 1.0
    assert s.f1 == pytest.approx(2 * (5 / 9) / (5 / 9 + 1))  # = 10/14
    assert s.f1 == pytest.approx(5 / 7)


def test_partial_overlap_on_a_sentence() -> None:
    # truth: 7 tokens -> 4 shingles; pred drops the first token and adds two:
    #   t1 Rain fell on the / t2 fell on the city / t3 on the city all / t4 the city all day
    # pred "fell on the city all day long ago": 8 tokens -> 5 shingles:
    #   t2, t3, t4, (city all day long), (all day long ago) -> tp 3, fp 2, fn 1.
    s = page_scores("fell on the city all day long ago", "Rain fell on the city all day")
    assert (s.tp, s.fp, s.fn) == (3, 2, 1)
    assert s.precision == pytest.approx(3 / 5)
    assert s.recall == pytest.approx(3 / 4)


def test_short_shingle_matches_only_an_equal_short_text() -> None:
    s = page_scores("Breaking news", "Breaking news")
    assert (s.tp, s.fp, s.fn) == (1, 0, 0)
    assert s.exact
    # A 2-token short shingle is not a prefix match of a 4-gram.
    s = page_scores("Breaking news", "Breaking news today now")
    assert (s.tp, s.fp, s.fn) == (0, 1, 1)
    assert s.precision == 0.0
    assert s.recall == 0.0
    # 3 tokens against 5: one short shingle against two 4-grams.
    s = page_scores("one two three", "one two three four five")
    assert (s.tp, s.fp, s.fn) == (0, 1, 2)


def test_empty_prediction_has_no_precision_and_zero_recall() -> None:
    for empty in ("", None, "  ... !! "):
        s = page_scores(empty, "one two three four five")
        assert (s.tp, s.fp, s.fn) == (0, 0, 2)
        assert s.precision is None
        assert s.recall == 0.0
        assert s.f1 == 0.0
        assert not s.exact


def test_empty_truth_has_no_recall() -> None:
    s = page_scores("one two three four five", "")
    assert (s.tp, s.fp, s.fn) == (0, 2, 0)
    assert s.precision == 0.0
    assert s.recall is None
    assert not s.exact
    both = page_scores("", "")
    assert (both.tp, both.fp, both.fn) == (0, 0, 0)
    assert both.precision is None
    assert both.recall is None
    assert both.exact


def test_accuracy_ignores_punctuation_and_spacing_but_not_case_or_words() -> None:
    assert page_scores("Hello, world!\n\nIt's 5 p.m.", "Hello world It s 5 p m").exact
    assert page_scores("A  -  B\tC", "A B C").exact
    assert not page_scores("hello world", "Hello world").exact
    assert not page_scores("Hello world again", "Hello world").exact
    # Case matters for shingles too: no shared shingle.
    s = page_scores("hello world", "Hello world")
    assert (s.tp, s.fp, s.fn) == (0, 1, 1)


def test_aggregate_excludes_empty_prediction_from_precision_only() -> None:
    scores = [
        page_scores(
            "The quick brown fox jumps over the lazy dog.",
            "The quick brown fox jumps over the lazy dog.",
        ),  # P 1,   R 1,   exact
        page_scores("a b c d", TWICE),  # P 1,   R 1/5
        page_scores("", "one two three four five"),  # P -,   R 0
        page_scores(THRICE, TWICE),  # P 5/9, R 1
    ]
    summary = aggregate(scores)
    # precision = (1 + 1 + 5/9) / 3 = 23/27; recall = (1 + 1/5 + 0 + 1) / 4 = 11/20
    assert summary.precision == pytest.approx(23 / 27)
    assert summary.recall == pytest.approx(11 / 20)
    # F1 = 2 * 23/27 * 11/20 / (23/27 + 11/20) = (506/540) / (757/540) = 506/757
    assert summary.f1 == pytest.approx(506 / 757)
    assert summary.accuracy == pytest.approx(1 / 4)
    assert summary.pages == 4
    assert summary.empty_predictions == 1
    # Not the mean of per-page F1 ((1 + 1/3 + 0 + 5/7) / 4), and not precision 23/36.
    assert summary.f1 != pytest.approx((1 + 1 / 3 + 0 + 5 / 7) / 4)
    assert summary.precision != pytest.approx(23 / 36)


def test_aggregate_recall_skips_pages_with_empty_truth() -> None:
    summary = aggregate(
        [PageScore(tp=1, fp=1, fn=0, exact=False), PageScore(tp=0, fp=2, fn=0, exact=False)]
    )
    assert summary.precision == pytest.approx(0.25)  # (1/2 + 0) / 2
    assert summary.recall == 1.0  # only the first page has a truth
    assert summary.f1 == pytest.approx(0.4)  # 2 * 0.25 * 1 / 1.25


def test_aggregate_of_nothing_is_zero() -> None:
    summary = aggregate([])
    assert (summary.f1, summary.precision, summary.recall, summary.accuracy) == (0, 0, 0, 0)
    assert summary.pages == 0


# --- the benchmark harness (benchmarks/extraction.py), on a tiny made-up data set ---


def _write_dataset(root: Path, pages: dict[str, tuple[str, str]]) -> None:
    (root / "html").mkdir(parents=True)
    truth = {}
    for page_id, (html, body) in pages.items():
        with gzip.open(root / "html" / f"{page_id}.html.gz", "wb") as fh:
            fh.write(html.encode("utf-8"))
        truth[page_id] = {"articleBody": body, "url": f"https://example.com/{page_id}"}
    (root / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")


def test_harness_loads_runs_and_tabulates(tmp_path: Path) -> None:
    from benchmarks.extraction import (
        Extractor,
        format_table,
        load_pages,
        run_extractor,
        write_per_page,
    )

    body = "Rain fell on the city all day"
    _write_dataset(
        tmp_path,
        {
            "b": ("<html><body><p>Hello</p></body></html>", "one two three four five"),
            "a": (f"<html><body><p>{body}</p></body></html>", body),
        },
    )
    pages = load_pages(tmp_path)
    assert [p.id for p in pages] == ["a", "b"]
    assert pages[0].url == "https://example.com/a"
    assert load_pages(tmp_path, limit=1)[0].id == "a"

    def fake(html: str, url: str) -> str | None:
        if url.endswith("/b"):
            raise RuntimeError("boom")
        return body

    result = run_extractor(Extractor("fake", "fake extractor", fake), pages)
    assert result.errors == 1
    assert result.summary.precision == 1.0
    assert result.summary.recall == 0.5  # page b raised: empty prediction, recall 0
    assert result.summary.empty_predictions == 1
    table = format_table([Extractor("nc", "newsclean", None, "n/a (not yet)"), result])
    lines = table.splitlines()
    assert len(lines) == 4
    assert lines[2] == "| newsclean | n/a (not yet) | | | | |"
    assert lines[3].startswith(
        "| fake extractor (1 empty, 1 raised) | 0.667 | 1.000 | 0.500 | 0.500 |"
    )

    csv_path = tmp_path / "per_page.csv"
    write_per_page(csv_path, pages, [result])
    rows = list(csv.DictReader(csv_path.open(encoding="utf-8")))
    assert [(r["id"], r["precision"], r["recall"]) for r in rows] == [
        ("a", "1.0000", "1.0000"),
        ("b", "", "0.0000"),
    ]
    assert rows[1]["error"] == "RuntimeError: boom"


def test_html_to_text_keeps_words_of_adjacent_elements_apart() -> None:
    pytest.importorskip("lxml")
    from benchmarks.extraction import html_to_text

    html = "<div><p>Hello <b>big</b> world.</p><p>Second</p><ul><li>a</li><li>b</li></ul>end</div>"
    assert html_to_text(html) == "Hello big world.\nSecond\na\nb\nend"
    assert tokenize(html_to_text("<p>one</p><p>two</p>")) == ["one", "two"]
    assert html_to_text("  ") == ""
