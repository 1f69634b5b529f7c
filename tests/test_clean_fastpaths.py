"""The cleaner's fast paths give the answers of the slow ones they replace.

Each shortcut in the plain-text cleaner (one gate scan per line shared by all
rules, first-character dispatch inside each rule, gate indexes for tail and
gated patterns, cheap pre-tests before costly regular expressions, values
cached on a unit across passes and rounds) must change no result, only the
time. These tests compare every shortcut with the direct computation, on the
lines of the test articles and on generated lines.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsclean
from newsclean.clean import meta as meta_mod
from newsclean.clean.lexicon import (
    TAIL_CHARS,
    GateIndex,
    Patterns,
    fold,
    folded_key,
    last_chars,
    line_key,
    line_start_chars,
)
from newsclean.clean.meta import MetaParser
from newsclean.clean.normalize import _SPACES_RE, normalize_line, split_units

ARTICLES = Path(__file__).parent / "data" / "articles"


@lru_cache(maxsize=1)
def corpus_lines() -> tuple[str, ...]:
    """Every unit of every test article (junk and body lines alike)."""
    lines: list[str] = []
    for path in sorted(ARTICLES.glob("*/input.txt")):
        lines.extend(u.text for u in split_units(path.read_text(encoding="utf-8")))
    return tuple(lines)


@lru_cache(maxsize=1)
def cleaner() -> newsclean.Cleaner:
    return newsclean.Cleaner()


def _all_patterns(c: newsclean.Cleaner) -> list[Patterns]:
    out: list[Patterns] = []
    for r in c._rules:
        out.extend(p for p in (r.pattern, r.edge_pattern, r.follow_pattern) if p is not None)
    for unions in c._tier_unions.values():
        out.extend(p for p in unions if p is not None)
    return out


@cache
def _compiled(src: str) -> re.Pattern[str]:
    # (re's own cache holds 512 patterns; the lexicons have thousands, so
    # re.match(src, ...) would compile them again on every line.)
    return re.compile(src, re.IGNORECASE)


def _slow_search(p: Patterns, text: str) -> bool:
    """What ``Patterns.search`` answers, computed the direct way: every anchored
    pattern tried with ``re.match``, every gate tested with ``in``."""
    folded = fold(text)
    tail = folded[-TAIL_CHARS:]
    if any(_compiled(src).match(text) for src in p.anchored_src):
        return True
    if p.floating is not None and p.floating.search(text):
        return True
    start = max(0, len(text) - TAIL_CHARS)
    for gate, rx in p.tails:
        if (not gate or any(g in tail for g in gate)) and rx.search(text, start):
            return True
    return any(any(g in folded for g in gate) and rx.search(text) for gate, rx in p.gated)


# Lines that exercise the gates: junk of several rules, with a few edits.
_JUNK = [
    "Advertisement",
    "Continue reading below the advertisement",
    "Photo: Jane Doe/Reuters",
    "(Photo: AFP)",
    "© 2026 Example Media. All rights reserved.",
    "Tel. 0123 456 789",
    "Home | News | Sport",
    "Subscribe to our newsletter to get the latest news in your inbox",
    "We use cookies to improve your experience on our site.",
    "Follow us on WhatsApp and Telegram",
    "The storm closed schools across the county on Tuesday, officials said.",
    "Download our app for iPhone and Android to read the latest news",
    "DOWNLOAD the app: App Store | Google Play",
    "Subscribe for $1 a week for the first 12 weeks. Cancel anytime.",
]


def _sample(items: tuple[str, ...] | list[Path], size: int) -> list:  # type: ignore[type-arg]
    """About ``size`` items spread evenly over ``items`` (the corpus grows; the
    suite's time should not grow with it)."""
    return list(items[:: max(1, len(items) // size)])


@pytest.mark.parametrize("text", [*_JUNK, *_sample(corpus_lines(), 300)])
def test_search_with_shared_scan_equals_direct_search(text: str) -> None:
    """The cleaner's one scan per line, dispatch and gate indexes answer as the
    direct computation does, for every rule and tier union."""
    c = cleaner()
    scan = c._gate_index.scan(fold(text))
    for p in _all_patterns(c):
        expected = _slow_search(p, text)
        assert p.search(text) is expected
        assert p.search(text, fold(text), scan) is expected


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from([*_JUNK, "(", ")", "/", " | ", "©", ":", "—", "1", "2026"]), max_size=6)
)
def test_search_on_generated_lines(parts: list[str]) -> None:
    text = " ".join(parts).strip() or "x"
    c = cleaner()
    scan = c._gate_index.scan(fold(text))
    for p in _all_patterns(c):
        assert p.search(text, fold(text), scan) is _slow_search(p, text)


@given(st.text(alphabet=st.sampled_from(" \u3000ab.\t"), max_size=40))
def test_normalize_line_fast_path(line: str) -> None:
    assert normalize_line(line) == _SPACES_RE.sub(" ", line).strip()


@given(st.text(max_size=60))
def test_folded_key_equals_line_key(text: str) -> None:
    assert folded_key(fold(text)) == line_key(text)


@given(st.text(alphabet=st.sampled_from("ab (),.:/-0123456789"), max_size=40))
def test_paren_patterns_need_a_paren(text: str) -> None:
    """parse_byline skips these patterns on lines without "("."""
    if "(" not in text:
        assert meta_mod._AGENCY_CREDIT_RE.match(text) is None
        assert meta_mod._WITH_AGENCY_RE.search(text) is None
        assert meta_mod._TRAILING_PAREN_RE.search(text) is None


_DATES = [
    "12 March 2026",
    "March 12, 2026",
    "2026-03-12",
    "2026-03-12T10:14",
    "12.03.2026, 10:14 Uhr",
    "12.03.26",
    "3/12/26 10:14 am",
    "2026年3月12日",
    "Thursday, 12 March 2026 10:14 GMT",
    "10:14, 12 March 2026",
    "12 de marzo de 2026",
    "le 12 mars 2026 à 10h14",
]


@pytest.mark.parametrize("text", [*_DATES, *_sample(tuple(u for u in corpus_lines() if len(u) <= 120), 400)])
def test_date_gate_never_hides_a_date(text: str) -> None:
    """A line the date regex matches always passes its digit gate."""
    p = MetaParser.builtin()
    for rest in (text, text.strip(" ,")):
        if p._date_re.match(rest):
            assert meta_mod._DATE_DIGITS_RE.search(rest) is not None


@lru_cache(maxsize=1)
def warm_cleaner() -> newsclean.Cleaner:
    c = newsclean.Cleaner()
    for path in sorted(ARTICLES.glob("*/input.txt")):
        c.clean(path.read_text(encoding="utf-8"))
    return c


@pytest.mark.parametrize("path", _sample(sorted(ARTICLES.glob("*/input.txt")), 12), ids=lambda p: p.parent.name)
def test_reused_cleaner_equals_fresh_cleaner(path: Path) -> None:
    """Memos inside a Cleaner (dispatch unions, compiled patterns) change no
    result: a Cleaner that has cleaned every article answers as a new one."""
    text = path.read_text(encoding="utf-8")
    a, b = warm_cleaner().clean(text), newsclean.Cleaner().clean(text)
    assert (a.title, a.text, a.removed, a.meta) == (b.title, b.text, b.removed, b.meta)


# ---- session 5: trie alternations, role lookup, line-start gates, ASCII scan


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.text(alphabet="abAB é.-", min_size=1, max_size=5), min_size=1, max_size=8),
    st.text(alphabet="abAB é.-:x", max_size=8),
)
def test_trie_alternation_matches_as_the_alternation(words: list[str], text: str) -> None:
    """The factored alternation accepts exactly the prefixes the plain one does."""
    plain = re.compile(rf"^(?:{meta_mod._alternation(words)})\b", re.IGNORECASE)
    trie = re.compile(rf"^(?:{meta_mod._trie_alternation(words)})\b", re.IGNORECASE)
    for probe in (text, *(w + text for w in words)):
        assert bool(plain.match(probe)) is bool(trie.match(probe))


def test_no_digit_gate_equals_plain_alternation() -> None:
    """The time-stamp parser's no-digit test (a trie of the prefixes) answers
    as the longest-first alternation did, on the corpus and on every prefix."""
    parser = MetaParser.builtin()
    old = re.compile(
        rf"^[\s()\[\]|·•*–—-]*(?:{meta_mod._alternation(parser._ts_kinds)}|{meta_mod._RELATIVE})",
        re.IGNORECASE,
    )
    probes = [*_sample(corpus_lines(), 1500), *_DATES]
    for p in parser._ts_kinds:
        probes += [p, p.upper(), p.title() + ": 3 hours ago", p[:-1], "- " + p + " x"]
    for text in probes:
        assert bool(parser._no_digit_re.match(text)) is bool(old.match(text)), text


def _roles_by_substring(parser: MetaParser, key: str) -> list[str]:
    padded = f" {key} "
    return sorted(r for r in parser._roles if f" {r} " in padded)


@settings(deadline=None)
@given(st.lists(st.sampled_from(["reporter", "staff", "writer", "the", "news", "x", "agency"]), max_size=8))
def test_roles_in_equals_substring_test(words: list[str]) -> None:
    parser = MetaParser.builtin()
    key = " ".join(words)
    assert parser._roles_in(key) == _roles_by_substring(parser, key)


def test_roles_in_equals_substring_test_on_corpus() -> None:
    parser = MetaParser.builtin()
    for key in (line_key(t) for t in _sample(corpus_lines(), 800)):
        if key:
            assert parser._roles_in(key) == _roles_by_substring(parser, key)


def test_line_start_chars_never_hides_a_match() -> None:
    """A gated group skipped for the line's first character has no match there."""
    c = cleaner()
    groups = {rx.pattern: rx for p in _all_patterns(c) for _, rx in p.gated}
    assert any(line_start_chars(src) is not None for src in groups)
    for text in [*_JUNK, *_sample(corpus_lines(), 1500)]:
        first = text[:1]
        for src, rx in groups.items():
            chars = line_start_chars(src)
            if chars is not None and rx.search(text):
                assert first in chars or ("0" in chars and first.isdecimal()) or (
                    first.casefold()[:1] in chars
                ), (src[:60], text)


@given(st.lists(st.sampled_from(["ab", "é", "cookie", "фото", " ", "©", "app"]), max_size=12))
def test_gate_scan_of_ascii_lines_equals_direct_test(parts: list[str]) -> None:
    """The ASCII automaton (for ASCII lines) finds what the ``in`` tests find."""
    text = "".join(parts)
    index = GateIndex(["cookie", "фото", "app", "©", "b a"])
    folded = fold(text)
    hits, tail = index.scan(folded)
    assert set(hits) == {lit for lit in index.literals if lit in folded}
    assert set(tail) == {lit for lit in hits if lit in folded[-TAIL_CHARS:]}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # Vowel signs and viramas are marks, not letters: they stay in their word.
        ("जयपुर में पानी की किल्लत: 40 कॉलोनियों", "जयपुर में पानी की किल्लत 40 कॉलोनियों"),
        ("ฝุ่น PM2.5 เชียงใหม่", "ฝุ่น pm2 5 เชียงใหม่"),
        ("கோயம்புத்தூர் மாவட்டம்", "கோயம்புத்தூர் மாவட்டம்"),
        # An emoji's variation selector is no letter of a word.
        ("➡️ Leia também:", "leia também"),
        ("0:_0", "0 0"),
    ],
)
def test_key_keeps_combining_marks_in_words(text: str, key: str) -> None:
    assert line_key(text) == key
    assert folded_key(fold(text)) == key


# Photo-credit and agency endings on body sentences (the ungated tails' junk).
_ENDINGS = [
    "",
    " REUTERS",
    " AFP PHOTO",
    ". - AFP",
    ". – BELGA",
    ". - PTI",
    " | Foto: Jan Novák",
    " (AP)",
    " JOHN SMITH/GETTY",
    ". Photo Jane Doe",
    " ſ",
    " K",
    " ΣΟΦΙΑ ΠΑΠΑΔΟΠΟΥΛΟΥ",
    ".\n",
]


def _tail_sources(c: newsclean.Cleaner) -> list[str]:
    return sorted({src for p in _all_patterns(c) for src in p.tail_sources})


def _ends_in(chars: frozenset[str], text: str) -> bool:
    c = text[-1]
    return bool({c, c.lower(), c.upper(), c.casefold()[:1], "0" if c.isdecimal() else c} & chars)


def test_last_chars_never_hides_a_match() -> None:
    """An ungated tail pattern skipped for the line's last character has no match there."""
    c = cleaner()
    sources = _tail_sources(c)
    assert sum(last_chars(src) is not None for src in sources) >= 3
    body = "The council met on Tuesday and approved the new budget after a long debate."
    texts = [*_JUNK, *_sample(corpus_lines(), 800), *(body + e for e in _ENDINGS)]
    for text in texts:
        for src in sources:
            chars = last_chars(src)
            if chars is not None and re.search(src, text, re.IGNORECASE) and not text.endswith("\n"):
                assert _ends_in(chars, text), (src[:60], text)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["", "The mayor spoke.", "Rain fell on the city all day"]),
    st.lists(st.sampled_from([e for e in _ENDINGS if e] + [" ", ".", "x", "É", "ß", "ς"]), max_size=5),
)
def test_tail_dispatch_by_last_character_equals_all_tails(head: str, parts: list[str]) -> None:
    """The union picked by the last character answers as every ungated tail does."""
    text = (head + "".join(parts)) or "x"
    c = cleaner()
    for p in _all_patterns(c):
        if p._tail_ends is None:
            continue
        expected = any(rx.search(text, max(0, len(text) - TAIL_CHARS)) for rx in p._tail_always)
        picked = p._tail_ends.pick(text)
        got = picked is not None and picked.search(text, max(0, len(text) - TAIL_CHARS)) is not None
        assert got is expected, text


# ---------------------------------------------------------------- site suffix pre-test


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" ab|-–—:·•»›/：｜_é漢\u3000", max_size=30))
def test_site_separator_needs_one_of_its_characters(text: str) -> None:
    """``_site_tail`` returns early on a line without any separator character:
    the separator regex never matches such a line."""
    from newsclean.clean import cleaner as cleaner_mod

    if cleaner_mod._SITE_SEP_RE.search(text):
        assert not cleaner_mod._SITE_SEP_CHARS.isdisjoint(text)


def test_site_separator_pre_test_on_corpus() -> None:
    from newsclean.clean import cleaner as cleaner_mod

    for text in _sample(corpus_lines(), 2000):
        if cleaner_mod._SITE_SEP_RE.search(text):
            assert not cleaner_mod._SITE_SEP_CHARS.isdisjoint(text), text
