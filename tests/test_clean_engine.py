"""The compiled pre-test (newsclean/clean/prefilter.py) changes no result.

With the optional ``hyperscan`` package the cleaner scans a document once
for superset rewrites of every tier pattern and skips the Python pre-test on
lines none of them can match. These tests check the superset property itself
(whenever Python's ``re`` finds a pattern in a line, the scan reports it), on
the packaged lexicons and on user-style patterns, and that the cleaner's
output is the same with the engine, without it, and when it is absent.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsclean
from newsclean.clean import prefilter
from newsclean.clean.normalize import split_units
from newsclean.clean.prefilter import Prefilter, _sources

ARTICLES = Path(__file__).parent / "data" / "articles"
BENCH_SEED = Path(__file__).parent.parent / "seeds" / "000_0ea4331d0d193fdf.txt"

needs_engine = pytest.mark.skipif(
    not prefilter.available(), reason="hyperscan is not installed (the 'fast' extra)"
)


@lru_cache(maxsize=1)
def articles() -> tuple[str, ...]:
    return tuple(p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*/input.txt")))


@lru_cache(maxsize=1)
def cleaner() -> newsclean.Cleaner:
    return newsclean.Cleaner()


def _both(text: str) -> tuple[newsclean.Article, newsclean.Article]:
    """The article with the engine and with the Python path alone."""
    c = cleaner()
    engine = c._prefilter
    with_engine = c.clean(text)
    try:
        c._prefilter = None
        without = c.clean(text)
    finally:
        c._prefilter = engine
    return with_engine, without


def _same(a: newsclean.Article, b: newsclean.Article) -> None:
    assert a.title == b.title
    assert a.text == b.text
    assert a.headings == b.headings
    assert a.removed == b.removed
    assert dict(a.meta) == dict(b.meta)


@needs_engine
def test_the_default_cleaner_uses_the_engine() -> None:
    assert cleaner()._prefilter is not None


def test_the_engine_can_be_turned_off() -> None:
    """``compiled_prefilter=False``: no database is compiled, the output is the same."""
    off = newsclean.Cleaner(newsclean.CleanOptions(compiled_prefilter=False))
    assert off._prefilter is None
    text = articles()[0]
    _same(off.clean(text), cleaner().clean(text))


@needs_engine
def test_same_output_on_the_test_articles() -> None:
    for text in articles():
        _same(*_both(text))


@needs_engine
def test_same_output_on_a_long_article() -> None:
    parts = BENCH_SEED.read_text(encoding="utf-8").split("\n\n")
    body = [f"{p.partition(' ')[0]} {i} {p.partition(' ')[2]}" for i in range(6) for p in parts]
    _same(*_both("\n\n".join(parts[:4] + body + parts[-4:])))


@needs_engine
def test_every_tier_match_is_reported_on_the_corpus_lines() -> None:
    """The superset property, pattern group by pattern group: where a tier's
    Python pre-test matches a line, the scan's mask meets the tier's mask."""
    c = cleaner()
    pf = c._prefilter
    assert pf is not None
    lines = [u.text for text in articles() for u in split_units(text)]
    masks = pf.scan(lines)
    scanned = 0
    for line, mask in zip(lines, masks, strict=True):
        if mask is None:
            continue
        scanned += 1
        for at_edge, unions in c._tier_unions.items():
            for t, tier in enumerate(unions):
                group = c._prefilter_masks[at_edge][t]
                if tier is None or group is None:
                    continue
                if tier.search(line):
                    assert mask & group, (line, at_edge, t)
    assert scanned > len(lines) // 3  # most lines of the English articles are scanned


# User-style patterns: lookarounds, back-references, case-sensitive parts,
# anchors inside groups, Unicode classes, possessive and lazy repeats.
USER_PATTERNS = [
    r"^advertisement\b",
    r"(?<![\w.])[+\-−]\d[\d.,]*%",
    r"^(?=(?:\S+\s+){0,5}\S*$)(?:download|get) (?:the|our) app\b",
    r"\b(\w+) \1\b",
    r"(?-i:[A-Z]{2,})\s*/\s*(?-i:[A-Z])\w+$",
    r"(?:^|\s)©\s*\d{4}",
    r"^[^\w\s]{3,}$",
    r"“[^”]{1,40}”$",
    r"(?:a|b)?c{2,}+d*?$",
    r"\bSKIP\b(?!.*content)",
    r"^$",
    r"(?i:é)t[ée]\b",
    r"\Aby\s+\w+\Z",
    r"…\s*(?:more|mehr)$",
    r"[^\x00-\x7f]",
    r"(?:\d{1,2}[:.]\d{2}){1,3}\s*(?:am|pm)?",
]
ALPHABET = "abcdeSKIPABCZ xyz0129 .,:;!?%+-/()'\"©“”’—…éß\u0130\u0131\u017f\u212aΩ_"


@needs_engine
@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=ALPHABET, max_size=60), min_size=1, max_size=8))
def test_user_patterns_superset(lines: list[str]) -> None:
    pf = _user_prefilter()
    if pf is None:
        pytest.skip("no expression to compile")
    masks = pf.scan(lines)
    for line, mask in zip(lines, masks, strict=True):
        for p, group in zip(USER_PATTERNS, pf.group_masks, strict=True):
            if mask is None or group is None:
                continue
            if re.search(p, line, re.IGNORECASE):
                assert mask & group, (p, line)


@lru_cache(maxsize=1)
def _user_prefilter() -> Prefilter | None:
    return Prefilter.build(groups=[[p] for p in USER_PATTERNS])


@needs_engine
def test_user_patterns_that_cannot_be_rewritten_are_left_to_python() -> None:
    pf = _user_prefilter()
    assert pf is not None
    masks = dict(zip(USER_PATTERNS, pf.group_masks, strict=True))
    assert masks[r"^$"] is None  # matches an empty line: no pre-test possible
    assert masks[r"^advertisement\b"]
    # A pattern no line in the alphabet can match needs no expression.
    assert masks[r"[^\x00-\x7f]"] is not None


@needs_engine
def test_lines_outside_the_alphabet_are_not_scanned() -> None:
    pf = _user_prefilter()
    assert pf is not None
    masks = pf.scan(["Advertisement", "Реклама", "tab\there", "Werbung für Sie", "“Quote” — ok"])
    assert masks[0] and masks[2] is None and masks[1] is None and masks[3] is None
    assert masks[4] is not None


@needs_engine
def test_cache_is_reused_and_a_bad_file_is_compiled_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSCLEAN_CACHE_DIR", str(tmp_path))
    groups = [[r"^share (?:this|on)\b"], [r"\bcookies?\b"]]
    first = Prefilter.build(groups=groups)
    assert first is not None
    files = list(tmp_path.glob("prefilter-*.hsdb"))
    assert len(files) == 1
    second = Prefilter.build(groups=groups)
    assert second is not None and second.group_masks == first.group_masks
    files[0].write_bytes(b"not a database")
    third = Prefilter.build(groups=groups)
    assert third is not None
    assert [bool(m) for m in third.scan(["Share this", "We use cookies", "Nothing"])] == [
        True,
        True,
        False,
    ]


def test_without_the_engine_the_python_path_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """No hyperscan (another platform): no prefilter, the same articles."""
    monkeypatch.setattr(prefilter, "_hs", None)
    monkeypatch.setattr(prefilter, "_BUILT", {})
    assert not prefilter.available()
    assert Prefilter.build([r"^advertisement\b"]) is None
    plain = newsclean.Cleaner()
    assert plain._prefilter is None
    monkeypatch.undo()
    for text in articles()[:20]:
        _same(plain.clean(text), cleaner().clean(text))


@needs_engine
@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Advertisement",
                "Share this article",
                "By Jane Doe, Staff Writer",
                "Published 12 March 2026, 10:14",
                "Read more: The council’s new plan",
                "© 2026 Example Media. All rights reserved.",
                "The council voted on Tuesday to raise parking charges by 5% across the city,"
                " a move opposed by traders who say it will cost them customers.",
                "“It is a fair deal,” the mayor said — and the vote passed 7-2.",
                "Photo: Jane Doe/Reuters",
                "Skip to content",
                "Home » News » Local",
                "Sign up for our newsletter",
                "Ça coûte 3,5 % de plus, selon l’étude publiée à Genève.",
                "Related",
                "",
            ]
        ),
        max_size=25,
    )
)
def test_same_output_on_generated_articles(parts: list[str]) -> None:
    _same(*_both("\n\n".join(parts)))


def test_sources_cover_every_part_of_a_union() -> None:
    for unions in cleaner()._tier_unions.values():
        for tier in unions:
            if tier is None:
                continue
            got = _sources(tier)
            assert set(tier.anchored_src) <= set(got)
            assert all(rx.pattern in got for _, rx in (*tier.tails, *tier.gated))
            assert tier.floating is None or tier.floating.pattern in got


@needs_engine
def test_threads_share_a_cleaner() -> None:
    """Each thread scans with its own scratch space (one scan at a time each)."""
    from concurrent.futures import ThreadPoolExecutor

    texts = list(articles()[:12]) * 3
    expected = [cleaner().clean(t).text for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(lambda t: cleaner().clean(t).text, texts))
    assert got == expected
