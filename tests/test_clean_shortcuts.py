"""The session-8 shortcuts of the plain-text cleaner give the slow paths' answers.

Each one (whole-document folding of the units, word counts from spaces, the
vocabulary pre-test, the parsers' early exits, the lazy body zone and story
start, the prefilter's document-level alphabet test and match-to-line
counting, the lexicon pass skipping lines the compiled pre-test cleared) is
compared here with the direct computation it replaces, on the lines of the
test articles and on generated text, with and without the ``hyperscan``
engine.
"""

from __future__ import annotations

import random
import re
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsclean
from newsclean.clean import cleaner as cleaner_mod
from newsclean.clean import meta as meta_mod
from newsclean.clean import prefilter
from newsclean.clean.cleaner import _make_unit, _make_units
from newsclean.clean.lexicon import fold, may_be_vocabulary
from newsclean.clean.meta import MetaParser
from newsclean.clean.normalize import split_rows, split_units

ARTICLES = Path(__file__).parent / "data" / "articles"
BENCH_SEED = Path(__file__).parent.parent / "seeds" / "000_0ea4331d0d193fdf.txt"


@lru_cache(maxsize=1)
def articles() -> tuple[str, ...]:
    return tuple(p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*/input.txt")))


@lru_cache(maxsize=1)
def corpus_lines() -> tuple[str, ...]:
    return tuple(u.text for text in articles() for u in split_units(text))


@lru_cache(maxsize=1)
def cleaner() -> newsclean.Cleaner:
    return newsclean.Cleaner()


def _fields(u: Any) -> tuple[Any, ...]:
    return (u.idx, u.line_no, u.text, u.key, u.n_words, u.folded, u.block, u.cells)


# Lines in many scripts and shapes: accents, Greek with tonos, Arabic marks,
# Turkish dotted/dotless i, CJK and Thai (counted without spaces), runs of
# spaces, an ideographic space, punctuation-only lines.
_PIECES = [
    "The council",
    "met on Tuesday.",
    "“Quote” — ok",
    "Ünïcödé",
    "ΔΙΑΒΑΣΤΕ ΕΠΙΣΗΣ",
    "Διαβάστε",
    "نُشر اليوم",
    "İLGİLİ ılık",
    "東京で会議が開かれた",
    "ข่าวล่าสุดวันนี้",
    "a\u3000b",
    "  spaced  out ",
    "--- ***",
    "12:30",
    "Straße",
    "x\ty",
]


# ----------------------------------------------------------------- units
def _split_direct(text: str, join_wrapped: bool = True) -> list[tuple[int, str, int, int]]:
    """split_rows without its document-level tests (every line normalized
    and tested for gaps on its own)."""
    from newsclean.clean import normalize as nm

    text = nm.normalize_text(text)
    blocks: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    cells: dict[int, int] = {}
    for line_no, raw in enumerate(text.split("\n"), start=1):
        line = nm.normalize_line(raw)
        if line:
            current.append((line_no, line))
            if "  " in raw or "\t" in raw or "\u3000" in raw:
                cells[line_no] = len(nm._GAP_RE.split(raw.strip()))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    width = nm._wrap_width(blocks) if join_wrapped else None
    rows: list[tuple[int, str, int, int]] = []
    listing = False
    for b, block in enumerate(blocks):
        start, acc = block[0]
        prev, joined = acc, False
        for line_no, line in block[1:]:
            if join_wrapped and nm._drop_cap(acc, line):
                acc += line
                joined = True
            elif join_wrapped and nm._continues(prev, line, width, listing):
                acc = nm._glue(acc, line)
                joined = True
            else:
                rows.append((start, acc, b, 1 if joined else cells.get(start, 1)))
                listing = acc[-1] == ":" or (listing and (acc[-1] in ";," or acc[-1] not in nm._TERMINAL))
                start, acc, joined = line_no, line, False
            prev = line
        rows.append((start, acc, b, 1 if joined else cells.get(start, 1)))
        listing = acc[-1] == ":"
    return rows


def _per_line(text: str) -> list[Any]:
    return [
        _make_unit(i, u.line_no, u.text, u.block, u.cells) for i, u in enumerate(split_units(text))
    ]


@pytest.mark.parametrize("text", articles()[::7])
def test_units_of_a_document_equal_units_line_by_line(text: str) -> None:
    assert split_rows(text) == _split_direct(text)
    got = _make_units(split_rows(text))
    assert [_fields(u) for u in got] == [_fields(u) for u in _per_line(text)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=5), max_size=8))
def test_units_of_generated_documents(blocks: list[list[str]]) -> None:
    text = "\n\n".join(" ".join(b) for b in blocks)
    assert split_rows(text) == _split_direct(text)
    got = _make_units(split_rows(text))
    assert [_fields(u) for u in got] == [_fields(u) for u in _per_line(text)]


def test_fold_works_character_by_character() -> None:
    """What whole-document folding relies on: no character folds into or out
    of a newline, and on the prefilter's alphabet fold() is casefold() and no
    letter is of a script written without spaces."""
    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        if ch != "\n":
            assert "\n" not in ch.casefold()
    alphabet = [chr(c) for c in range(0x20, 0x7F)] + list(prefilter._EXTRA)
    assert prefilter.plain_text("\n".join(alphabet))
    for ch in alphabet:
        assert fold(ch) == ch.casefold()
        assert cleaner_mod._NO_SPACE_ANY_RE.search(ch) is None


def test_spaceless_script_class_is_the_union_of_both() -> None:
    any_re = cleaner_mod._NO_SPACE_ANY_RE
    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        either = bool(cleaner_mod._NO_SPACE_CHAR_RE.match(ch) or cleaner_mod._NO_SPACE_SEA_RE.match(ch))
        assert bool(any_re.match(ch)) == either, hex(cp)


def test_whitespace_is_what_split_splits_on() -> None:
    """``\\s`` and str.split() agree (the bare-byline token bound counts tokens
    with split(); the regexes it bounds use \\s and \\S)."""
    space = re.compile(r"\s")
    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        assert (space.match(ch) is not None) == ch.isspace(), hex(cp)


# ------------------------------------------------------- vocabulary test
def _vocab_match(c: newsclean.Cleaner, key: str, n_words: int) -> bool:
    return any(
        r.match_phrase(key, n_words, zone_edge=False, follows=False) for r in c._vocab_rules
    )


def test_vocabulary_pre_test_never_hides_a_match_on_corpus() -> None:
    c = cleaner()
    for line in corpus_lines():
        u = _make_unit(0, 0, line)
        if not u.key or u.key in c._all_phrases:
            continue
        if _vocab_match(c, u.key, u.n_words):
            assert may_be_vocabulary(u.key, c._vocab_tokens), line


@lru_cache(maxsize=1)
def _vocab_words() -> list[str]:
    c = cleaner()
    words = sorted(c._vocab_tokens.words)
    return [*random.Random(8).sample(words, 60), "12", "3", "zzq", "story", "the", "²"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_vocab_words()), min_size=1, max_size=25))
def test_vocabulary_pre_test_never_hides_a_match(words: list[str]) -> None:
    c = cleaner()
    key = " ".join(words)
    if _vocab_match(c, key, len(words)):
        assert may_be_vocabulary(key, c._vocab_tokens), key


# ---------------------------------------------------------------- parsers
def _person_name_at_direct(p: MetaParser, s: str) -> str | None:
    if p.is_person_name(s):
        return s
    m = meta_mod._NAME_AT_PLACE_RE.match(s)
    if m and p.is_person_name(m.group(1)) and p._is_name(m.group(2)):
        return m.group(1)
    m = meta_mod._PLACE_THEN_NAME_RE.match(s)
    if m and p._is_name(m.group(1)) and p.is_person_name(m.group(2)):
        return m.group(2)
    return None


_NAMES = ["Helen", "Marchetti", "in", "London", "London:", "دبي:", "سارة", "المنصوري", "de", "la", "x", "The"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_NAMES), min_size=1, max_size=10), st.sampled_from([" ", "  ", "\t", "\u3000"]))
def test_bare_byline_token_bound(words: list[str], sep: str) -> None:
    p = MetaParser.builtin()
    s = sep.join(words)
    assert p.person_name_at(s) == _person_name_at_direct(p, s)


def test_bare_byline_token_bound_on_corpus() -> None:
    p = MetaParser.builtin()
    for line in corpus_lines():
        assert p.person_name_at(line) == _person_name_at_direct(p, line), line


_STAMPS = [
    "Hanneke Vos 27-11-26, 16:20",
    "By Jane Doe 12 March 2026 10:14",
    "Growing 0 Frustration Over Diplomatic Deadlock",
    "Chapter 3 Begins",
    "Cusco, 28 de noviembre de 2026 | 09:47 h",
    "Publisert 27.11.2026 11:32",
    "Updated 3 hours ago",
    "Julkaistu: 27.11. 2:00",
    "2026年3月12日 10:14",
    "Posted on March 3, 2026 by admin",
]


@pytest.mark.parametrize(
    "text", [*_STAMPS, *random.Random(3).sample([x for x in corpus_lines() if len(x) <= 200], 600)]
)
def test_date_digit_exits_change_no_parse(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the date-digit test made to pass everything (no early exit), the
    parsers give the same bylines and stamps."""
    p = MetaParser.builtin()
    fast = (p.parse_byline(text), p.parse_timestamp(text))
    monkeypatch.setattr(meta_mod, "_DATE_DIGITS_RE", re.compile(""))
    assert (p.parse_byline(text), p.parse_timestamp(text)) == fast


# ---------------------------------------------------- body zone, story start
def _body_zone_direct(c: newsclean.Cleaner, units: list[Any]) -> tuple[int, int]:
    content = [u.idx for u in units if c._is_content(u)]
    if not content:
        return len(units), -1
    n = len(units)

    def body_follows(i: int) -> bool:
        if i >= n or units[i].reason is not None:
            return False
        return c._is_content(units[i]) or (i + 1 < n and c._is_content(units[i + 1]))

    start = next((i for i in content if body_follows(i + 1)), None)
    if start is None:
        start = next((i for i in content if i + 1 < n and units[i + 1].reason is None), content[0])
    end = next((i for i in reversed(content) if i > 0 and units[i - 1].reason is None), content[-1])
    if start > end:
        return content[0], content[-1]
    return start, end


def _story_start_direct(c: newsclean.Cleaner, units: list[Any]) -> int:
    kept = [u for u in units if u.reason is None]
    content = [c._is_content(u) for u in kept]
    first = len(units)
    for j, u in enumerate(kept):
        if not content[j]:
            continue
        first = min(first, u.idx)
        if cleaner_mod._ends_sentence(u.text) and (
            sum(content[j + 1 : j + 1 + cleaner_mod._STORY_RUN]) >= 2
            or (u.n_words > cleaner_mod._SUMMARY_ITEM_WORDS and content[j + 1 : j + 2] == [True])
        ):
            return u.idx
    return first


@settings(max_examples=150, deadline=None)
@given(st.integers(0, len(articles()) - 1), st.integers(0, 2**32), st.floats(0, 1))
def test_lazy_body_zone_and_story_start(article: int, seed: int, share: float) -> None:
    c = cleaner()
    units = _make_units(split_rows(articles()[article]))
    r = random.Random(seed)
    for u in units:  # any pattern of removed lines
        if r.random() < share:
            u.reason = newsclean.Reason.NAVIGATION
    assert c._body_zone(units) == _body_zone_direct(c, units)
    assert c._story_start(units) == _story_start_direct(c, units)


# -------------------------------------------------------------- prefilter
needs_engine = pytest.mark.skipif(
    not prefilter.available(), reason="hyperscan is not installed (the 'fast' extra)"
)


@needs_engine
@pytest.mark.parametrize("text", [*articles()[::5], BENCH_SEED.read_text(encoding="utf-8")])
def test_document_scan_equals_line_by_line_mapping(text: str) -> None:
    pf = cleaner()._prefilter
    assert pf is not None
    lines = [u.text for u in split_units(text)]
    assert pf.scan(lines) == pf._scan_lines(lines)


@needs_engine
@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*_PIECES, "Advertisement", "Share this", "Related:", "", "x\ny"]), max_size=12))
def test_document_scan_on_generated_lines(lines: list[str]) -> None:
    pf = cleaner()._prefilter
    assert pf is not None
    assert pf.scan(lines) == pf._scan_lines(lines)


# --------------------------------------------------------- whole cleaner
def _article_tuple(a: newsclean.Article) -> tuple[Any, ...]:
    return (a.title, a.text, a.headings, a.removed, sorted(a.meta.items(), key=str))


def _slow(monkeypatch: pytest.MonkeyPatch) -> None:
    """The cleaner without this session's document-level unit building and
    with the lexicon pass's skip of cleared lines turned off."""
    monkeypatch.setattr(
        cleaner_mod,
        "_make_units",
        lambda split: [_make_unit(i, *row) for i, row in enumerate(split)],
    )
    monkeypatch.setattr(
        cleaner_mod,
        "split_rows",
        lambda text, join_wrapped=True: [
            (u.line_no, u.text, u.block, u.cells) for u in split_units(text, join_wrapped=join_wrapped)
        ],
    )


@pytest.mark.parametrize("engine", [True, False])
def test_same_articles_without_the_shortcuts(engine: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = newsclean.Cleaner(newsclean.CleanOptions(compiled_prefilter=engine))
    texts = [*articles()[::9], BENCH_SEED.read_text(encoding="utf-8")]
    want = [_article_tuple(fast.clean(t)) for t in texts]
    _slow(monkeypatch)
    slow = newsclean.Cleaner(newsclean.CleanOptions(compiled_prefilter=engine))
    slow._prefilter_clears = {False: False, True: False}
    assert [_article_tuple(slow.clean(t)) for t in texts] == want


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_PIECES, "\n", "\x01", "\x7f", "’", "€", "é", "\ud800", "a"]), max_size=30))
def test_plain_text_equals_the_regex(parts: list[str]) -> None:
    text = "".join(parts)
    assert prefilter.plain_text(text) == (prefilter._OUTSIDE_TEXT.search(text) is None)


def test_key_punctuation_holds_only_separators() -> None:
    from newsclean.clean import lexicon

    assert lexicon._KEY_RE.fullmatch(lexicon._KEY_PUNCT)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["said,", "(2026)", "“the", "u.s.", "_x_", "a’b", "ä.", "--", "naïve", "x\u0301,", "9", " "]), max_size=12))
def test_folded_key_of_punctuated_words(parts: list[str]) -> None:
    from newsclean.clean.lexicon import folded_key, line_key

    text = " ".join(parts)
    assert folded_key(fold(text)) == line_key(text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab (:：|»>[]-–—·•\u3000\t"), max_size=30))
def test_separator_pre_tests_never_hide_a_match(text: str) -> None:
    """The characters tested before _INLINE_MARKER_RE and _SEGMENT_SEP_RE."""
    if cleaner_mod._INLINE_MARKER_RE.match(text):
        assert any(c in text for c in ":|»>：")
    if cleaner_mod._SEGMENT_SEP_RE.search(text):
        assert any(c in text for c in "|-–—·•")


@settings(max_examples=60, deadline=None)
@given(st.integers(0, len(articles()) - 1), st.integers(0, 2**32))
def test_pull_quote_window_memo(article: int, seed: int) -> None:
    """A second round over fewer lines gives what fresh units give."""
    c = cleaner()
    text = articles()[article] + "\n\n" + articles()[article]  # sources near their copies
    rows = split_rows(text)
    memo, fresh = _make_units(rows), _make_units(rows)
    c._pull_quotes(memo)
    r = random.Random(seed)
    gone = {i for i in range(len(rows)) if r.random() < 0.2}
    for units in (memo, fresh):
        for i in gone:
            if units[i].reason is None:
                units[i].reason = newsclean.Reason.NAVIGATION
    for u, v in zip(memo, fresh, strict=True):  # the first round's removals, on both
        if u.reason is not None and v.reason is None:
            v.reason = u.reason
    c._pull_quotes(memo)
    c._pull_quotes(fresh)
    assert [u.reason for u in memo] == [u.reason for u in fresh]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["8,412.33", "+0.41%", "▲", "₹76,420", "05h41", "FTSE", "(3)", "x", "1", "a1b", "−2", "$", "٣"]), max_size=14))
def test_ticker_pre_test_never_hides_a_ticker(words: list[str]) -> None:
    text = " ".join(words) or "x"
    u = _make_unit(0, 0, text)
    figures = sum(1 for w in text.split() if cleaner_mod._FIGURE_WORD_RE.fullmatch(w.strip("()[],;:")))
    assert figures <= len(cleaner_mod._FIGURE_MARK_RE.findall(text))
    assert cleaner_mod._is_ticker(u) == (
        u.n_words >= cleaner_mod._TICKER_FIGURES
        and len(text) <= 400
        and text[-1] not in cleaner_mod._RUN_BREAK
        and text[-1] != ","
        and not cleaner_mod._BULLET_RE.match(text)
        and figures >= cleaner_mod._TICKER_FIGURES
        and 10 * figures >= 3 * cleaner_mod._count_words(text, len(text.split()))
    )
