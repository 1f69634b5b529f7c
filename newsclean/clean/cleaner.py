"""The plain-text cleaner: scraped text in, :class:`~newsclean.Article` out.

The steps, in order (each a method below):

1. normalize and split into paragraph units (:mod:`.normalize`);
2. lexicon rules that hold anywhere (:mod:`.lexicon` data files);
3. the headline: found from its repeats at the top (or given), every variant
   of it removed wherever it appears, page chrome above it removed;
4. bylines and time stamps, parsed into ``meta`` (:mod:`.meta`);
5. exact duplicate paragraphs;
6. the body zone: from the first to the last real paragraph; lexicon rules
   that only hold at the edges (top/bottom) run outside it, and so do runs of
   menu-like short lines;
7. related-story lists under their marker;
8. output: paragraphs, section headings, removals, meta.

>>> from newsclean import Cleaner
>>> a = Cleaner().clean("Skip to content\\n\\nA Quiet Day\\n\\nA Quiet Day\\n\\n"
...                     "Nothing much happened in the village today, residents said, "
...                     "and that is exactly how they like it.\\n\\nShare this:")
>>> a.title, a.text[:20]
('A Quiet Day', 'Nothing much happene')
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..article import Article, Reason, Removal
from ..errors import InputTypeError, MissingDependencyError
from .lexicon import (
    GateIndex,
    GateScan,
    Patterns,
    RuleSet,
    fold,
    folded_key,
    line_key,
    load_builtin,
    may_be_vocabulary,
    parse_rules,
    read_entries,
    union,
    vocabulary,
)
from .linemodel import LineModel, PageLine
from .meta import MetaParser, Timestamp
from .normalize import Row, split_rows
from .options import CleanOptions
from .prefilter import plain_text, tier_prefilter

if TYPE_CHECKING:  # pragma: no cover
    from ..profiles import SiteProfile

__all__ = ["Cleaner", "clean_text"]

# Lexicon rules in priority order: the first that matches names the reason.
LEXICON_REASONS: tuple[Reason, ...] = (
    Reason.DECORATION,
    Reason.NAVIGATION,
    Reason.SHARE_WIDGET,
    Reason.ADVERTISEMENT,
    Reason.COOKIE_NOTICE,
    Reason.NEWSLETTER,
    Reason.COMMENTS_SCAFFOLD,
    Reason.RELATED_LINKS,
    Reason.BOILERPLATE,
    Reason.COPYRIGHT,
    Reason.DISCLAIMER,
    Reason.PHOTO_CREDIT,
    Reason.TAGS_META,
    Reason.SOURCE_LABEL,
)
# Rules driven by a parser; users may still add phrases/patterns to them.
PARSED_REASONS: tuple[Reason, ...] = (Reason.BYLINE, Reason.TIMESTAMP)

# The line model (Cleaner._scored_lines) runs on a page where the rules
# removed at least this many lines of scraper residue: a headline, a
# decoration or a repeated paragraph is not residue, clean text has them too.
_MIN_RESIDUE = 2
_NOT_RESIDUE = frozenset({Reason.REPEATED_TITLE, Reason.DECORATION, Reason.DUPLICATE_PARAGRAPH})

_QUOTES = frozenset('“"«„‘‚‹「『')
# Full-width and ideographic forms too: "。" ends a Japanese or Chinese sentence.
_RUN_BREAK = frozenset('.!?…;:"”’»)],。！？；：」』）')
_SENTENCE_END = frozenset(".!?…。！？")
_TIME_ONLY_RE = re.compile(
    r"^\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?\s?m\.?)?(?:\s*(?:uhr|h|hs|hrs))?(?:\s*[A-Z]{2,5})?$",
    re.IGNORECASE,
)
_BARE_NUMBER_RE = re.compile(r"^\d{1,2}[.)]?$")
# A score box's or a quote strip's row: "Possession 54% | 46%", "Shots 14 | 9",
# "PSAR -3.12%" (two or more in a row go, see _figure_runs).
_STAT_ROW_RE = re.compile(
    r"^(?:[^\W\d][^\d|]{1,30}\s+\d[\d.,]*%?\s*\|\s*\d[\d.,]*%?"
    r"|(?-i:[A-Z][A-Z0-9.]{1,7})\s+[-+−–]\d[\d.,]*%)$"
)
# A short label and a separator at the start of a line ("Lea también: ...").
_INLINE_MARKER_RE = re.compile(r"^[\[(]?([^:：|»>\[\]()]{2,40}?)\s*[:：|»>]\s*")
# A line of figures only: "64.25 (5.73%)", "-5.2%", "₹1,186.40"; not a bare list
# number or year ("12.", "2019"), a time ("17:05") or a date ("27.11.2026").
_FIGURE_RE = re.compile(
    r"^(?!\d+[.)]?$|\d{1,2}:\d\d(?::\d\d)?$|.*\d[./-]\d{1,2}[./-]\d)"
    r"[-+−–]?[$€£¥₹]?\s?\d[\d\s+\-−–.,%()$€£¥₹/:]*$"
)
_NUMBERED_RE = re.compile(r"^\d{1,2}[.)]?\s+")
# One figure of a ticker: "8,412.33", "+0.41%", "₹76,420", "▲", "05h41", "$74.12".
_FIGURE_WORD_RE = re.compile(r"[▲▼△▽↑↓]|[-+−]?[$€£¥₹]?\d[\d.,:%°]*(?:h\d\d)?[%°]?")
_TICKER_FIGURES = 4
_FIGURE_MARK_RE = re.compile(r"\d+|[▲▼△▽↑↓]")  # what each match of _FIGURE_WORD_RE holds
_TIME_ROW_RE = re.compile(r"^\d{1,2}[:.]\d{2}(?:\s*(?:uhr|h))?\s+(?:[-–—|·]\s*)?[^\W\d_]", re.IGNORECASE)
_STANDING_ROW_RE = re.compile(
    r"^\d{1,2}[.)]?\s+[^\d]{2,40}?\s+\d{1,3}(?:\s*(?:pts?|points?|punkte|puntos|punti|pontos|pkt|p)\.?)?$",
    re.IGNORECASE,
)
# An AI-written summary box's label or note: an "AI" word and a "summary" or
# "generated" word on one short line ("Quick summary (AI-generated, reviewed by
# editors)", "Resumo gerado por IA", "AI 요약 beta", "Diese Zusammenfassung wurde
# mithilfe von KI erstellt").
_AI_WORD_RE = re.compile(
    r"(?:\b(?:ai|ki|ia)\b|ai가|tekoäly|künstliche[rn]? intelligenz|artificial intelligence|"
    r"intelligence artificielle|inteligencia artificial|inteligência artificial|"
    r"intelligenza artificiale|τεχνητη νοημοσυνη|искусственн\w+ интеллект\w*|штучн\w+ інтелект\w*|"
    r"sztuczn\w+ inteligencj\w+|umělá inteligence|yapay zeka|人工智能|人工知能|"
    # "요약봇", "Summary bot": a bot that summarises.
    r"봇|\bbot\b|"
    r"الذكاء الاصطناعي|هوش مصنوعی|בינה מלאכותית|कृत्रिम बुद्धिमत्ता|आर्टिफिशियल इंटेलिजेंस|\bएआई\b|"
    r"ปัญญาประดิษฐ์|trí tuệ nhân tạo|kecerdasan buatan|akili bandia)",
)
_SUMMARY_WORD_RE = re.compile(
    r"(?:summar|zusammenfass|zusammengefasst|résumé|resumen|resumo|riassunt|samenvatting|"
    r"sammendrag|sammanfattning|yhteenveto|tiivistelm|özet|podsumowanie|shrnutí|rezumat|"
    r"összefoglal|tóm tắt|συνοψη|περιληψη|резюме|краткое|коротко|streszczenie|요약|摘要|要約|"
    r"ملخص|خلاصه|תקציר|סיכום|सारांश|สรุป|ringkasan|muhtasari)",
)
_GENERATED_WORD_RE = re.compile(
    r"(?:generated|generiert|generad|gerad|génér|generat|erstellt|erzeugt|"
    # "자동 추출 기술로 요약된 내용입니다": summarised automatically.
    r"automatic|automatisch|automatiqu|automátic|automatyczn|automaticky|자동|自動|自动|"
    r"آلياً|آليا|تلقائي|خودکار|אוטומטי|स्वचालित|อัตโนมัติ)"
)
_AI_NOTE_WORDS = 25  # the longest note saying a summary was made by a machine
_AI_LABEL_WORDS = 8  # "AI generated": a label, where a summary word is missing
_SUMMARY_ITEMS = 6  # most lines in an AI summary box
_SUMMARY_ITEM_WORDS = 30
_BULLET_RE = re.compile(r"^(?:[-*•·▪‣◦●○■□➤►▶✓✔–—]|\d{1,3}[.)])\s")
# Separators between a headline and its site name; "_" only between two
# non-ASCII characters ("标题_新闻频道_华北网": Chinese portals), never in
# "snake_case" words.
_SITE_SEP_RE = re.compile(
    # (The space after is not consumed: "... en janvier » - RTFB Actus", a
    # closing guillemet and then the site's separator.)
    r"\s+(?:\||-|–|—|::|·|•|»|›|/)(?=\s)|\s*[：｜]\s*|(?<=[^\x00-\x7f])_(?=[^\x00-\x7f])"
)
# The most words of a site name after a headline's separator.
_SITE_NAME_WORDS = 5
# Every match of _SITE_SEP_RE holds one of these characters.
_SITE_SEP_CHARS = frozenset("|-–—:·•»›/：｜_")
# Separators that set off a site's name whatever its case (not "-", which
# also joins the parts of a headline).
_STRONG_SEPS = frozenset(["|", "–", "—", "::", "·", "•", "»", "›"])
_TAIL_PARTICLES = frozenset(
    [
        "de", "la", "del", "der", "die", "das", "des", "du", "di", "da", "do", "dos", "el",
        "los", "las", "le", "les", "of", "the", "and", "&", "y", "und", "et", "e", "z", "ze",
        "w", "v", "na", "i", "og", "och", "van", "von", "al", "dello", "della", "degli",
        "delle", "dei", "den", "det", "het", "för", "für", "am", "im", "zu", "zur", "zum",
        "sul", "sulla", "nel", "nella", "en", "op", "aan",
    ]
)
_SEGMENT_SEP_RE = re.compile(r"\s+[|·•–—-]\s+|\s*\|\s*")
_MAX_PARSE_CHARS = 200
# A reading time at the end of a time stamp's line, with no separator.
_READ_TIME_TAIL_RE = re.compile(r"\s\d{1,3}\s?(?:-\s?)?(?:minutes?|mins?\.?)\s+read$", re.IGNORECASE)
_MAX_ROUNDS = 3
# Longest footer line (in words) taken as furniture once the footer has begun.
_FOOTER_LABEL_WORDS = 4
# The headline is looked for among the first lines only (bounds the work).
_MAX_HEADER_UNITS = 150
# "<Author> is a columnist ...": the verb after a name that opens a bio.
# (Hebrew and Arabic set a pronoun where others set the verb: "... היא כתבת".)
_BE_VERBS = frozenset(
    ["is", "was", "ist", "war", "est", "était", "es", "era", "è", "é", "er", "är", "jest", "to",
     "je", "on", "este", "yra", "ir", "היא", "הוא", "هي", "هو"]
)
_BIO_WORDS = 80  # an author bio is a short paragraph
# ... and "<Author> covers / writes about ...".
_BIO_VERBS = _BE_VERBS | frozenset(
    ["covers", "writes", "reports", "joined", "dekker", "skriver", "cubre", "escribe",
     "couvre", "écrit", "berichtet", "schreibt", "copre", "scrive", "cobre", "escreve"]
)
_LABEL_SEP_RE = re.compile(r":\s+|\s+(?:\||/|›|»|>|–|—)\s+")
_MENU_CELLS = 3  # spaced-apart items on one line that make a menu bar
_MENU_CELL_WORDS = 3  # most words per item, on average
_MENU_SEP_RE = re.compile(r"\s+[|·•]\s+")
_MENU_ITEMS_ANYWHERE = 5  # bar-separated items that make a menu even inside the body
_SENTENCE_WORDS = 4  # a line of this many words ending in "." is a sentence
_HEADLINE_WORDS = 4  # site names and section labels are shorter
_QUESTION_HEADING_WORDS = 5  # a question this short over a paragraph is a subheading
# A headline that appears once is picked among the header's lines: the first
# one this long that leads into the story. Chrome that leads into a longer
# line ("Sign in Start free", "Star us on GitHub 8.4k", an agency's name over
# its <title>) is shorter.
_LONE_HEADLINE_WORDS = 7
_FAR_VARIANT_SHARE = 0.6  # see _close_variant
_STORY_RUN = 3  # real paragraphs in a row that start the story (see _story_start)
# What may follow a headline directly (see Cleaner._lone_title).
_AFTER_HEADLINE = frozenset({Reason.BYLINE, Reason.TIMESTAMP, Reason.SOURCE_LABEL})
_PULL_QUOTE_MIN_WORDS = 5
_PULL_QUOTE_MAX_WORDS = 40
_PULL_QUOTE_MIN_PROBE = 12  # characters of the pre-test's probe
_PUNCT_RUN_RE = re.compile(r"[^\w\s]+")
_WORD_RE = re.compile(r"\w+")
_FOOTER_SENTENCE_WORDS = 6  # a sentence of the story, for the footer's start (see _footer)
_FOOTER_PROSE_GAP = 2  # extra removed lines before a prose group counts as footer
_FOOTER_CLOSING_WORDS = 15  # longest closing line that naming the story's subject keeps
_PULL_QUOTE_WINDOW = 4  # kept paragraphs on either side a pull quote is compared with
_BY_WORDS = frozenset({"by", "von", "par", "por", "di", "door", "av", "af"})
_COMMENTS_MIN_BEFORE = 3  # body paragraphs above a comment-section header
# Share of the shorter wording's content words two header lines must share to
# be two wordings of one headline (see _reworded).
_REWORDED_SHARE = 0.75
# Junk that comes in blocks: a short line between two of its lines joins it.
_BLOCK_REASONS = frozenset(
    {Reason.NEWSLETTER, Reason.COOKIE_NOTICE, Reason.COMMENTS_SCAFFOLD, Reason.SHARE_WIDGET}
)
_ENTITY_SKIP = frozenset(
    [
        "the",
        "le",
        "la",
        "les",
        "l",
        "du",
        "des",
        "de",
        "d",
        "the",
        "der",
        "die",
        "das",
        "el",
        "los",
        "las",
        "il",
        "lo",
    ]
)
_ABOUT_RE = re.compile(
    r"^(?:about|über|ueber|à propos (?:de|du|des|d')|a propos (?:de|du|des|d')|acerca de|sobre|"
    r"informazioni su|over)\s*(?:the\s+|die\s+|der\s+|das\s+)?"
    r"((?-i:[A-Z0-9])[\w&.,'’ -]{0,80})$",
    re.IGNORECASE,
)
# Letters of scripts written without spaces between words (kana, CJK
# ideographs, Hangul syllables are spaced and left out, Thai, Lao, Khmer,
# Myanmar).
# Scripts written without spaces: Japanese kana and CJK ideographs (about two
# characters a word), Thai, Lao, Myanmar and Khmer (about four code points a
# word, vowel signs and tone marks included).
_NO_SPACE_CHAR_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_NO_SPACE_SEA_RE = re.compile(r"[\u0e00-\u0e7f\u0e80-\u0eff\u1000-\u109f\u1780-\u17ff]")
# A letter of either (both are one character class): _count_words needs the
# counts only where there is one. (tests/test_clean_shortcuts.py checks it
# against the two.)
_NO_SPACE_ANY_RE = re.compile(f"[{_NO_SPACE_CHAR_RE.pattern[1:-1]}{_NO_SPACE_SEA_RE.pattern[1:-1]}]")
_MAX_KEY_CHARS = 400
_MAX_KEY_WORDS = 40


# Slots: a unit's fields are read in every rule, and slot access (and
# creating the units) is cheaper than through an instance dict.
@dataclass(slots=True)
class _U:
    """Working state of one unit."""

    idx: int
    line_no: int
    text: str
    key: str
    n_words: int
    folded: str
    block: int = 0
    reason: Reason | None = None
    _base: tuple[str, ...] | None = None  # tokens without a site suffix (cached)
    _cut: int | None = -1  # _site_tail(text), cached (-1: not computed yet)
    cells: int = 1  # items separated by runs of spaces in the input line (see Unit)
    # The line's lexicon gate strings (Cleaner._scan): computed once, shared by
    # every rule, pass and round.
    scan: GateScan | None = None
    # (at_edge, previous line's reason) pairs for which no lexicon rule matched
    # the line (Cleaner._match_unit): not tried again.
    missed: set[tuple[bool, Reason | None]] | None = None
    padded_key: str | None = None  # " <line_key> " (Cleaner._pull_quotes), cached
    probe: str | None = None  # longest run without punctuation (Cleaner._pull_quotes)
    # Computed on first use from the text alone (the headline search asks for
    # them many times per unit, in every round).
    _toks: tuple[str, ...] | None = None  # _tokens
    _vkeys: set[tuple[str, ...]] | None = None  # _variant_keys
    body: bool | None = None  # long enough to be a paragraph (Cleaner._is_content)
    phrase_hit: bool | None = None  # the lexicon pass's phrase pre-test (Cleaner._match_rules)
    # The compiled pre-test's expressions that may match the line (a bit mask,
    # see prefilter.Prefilter.scan); None: not scanned, the Python path decides.
    maybe: int | None = None
    tick: bool | None = None  # _ticker(unit), cached (asked again in every round)
    ai_box: bool | None = None  # _ai_box_line(unit), cached (asked again in every round)
    # The neighbours (by identity) among which Cleaner._pull_quotes found no
    # source for the line: the same window in the next round gives the same no.
    pq_window: tuple[int, ...] | None = None
    headline: bool | None = None  # the text's part of Cleaner._headline_like, cached
    # The line model leaves the line alone: a rule would have removed it but
    # the user keeps its reason (CleanOptions.keep), or a rule found it to be
    # the story's own (the footer's closing line that names its subject).
    spared: bool = False
    lm: PageLine | None = None  # the line for the line model (keeps its text's part)

    @property
    def kept(self) -> bool:
        # The cleaner's loops test ``reason is None`` directly: a property is a
        # function call, and this one ran millions of times per corpus.
        return self.reason is None


def _make_unit(
    idx: int,
    line_no: int,
    text: str,
    block: int = 0,
    cells: int = 1,
    folded: str | None = None,
    spaced: bool = False,
    single: bool = False,
) -> _U:
    """A unit of ``text``; ``folded`` is ``fold(text)`` when already known,
    ``spaced`` that ``text`` has no letter of a script written without spaces,
    ``single`` that its only whitespace is single spaces between words (see
    :func:`_make_units`)."""
    if folded is None:
        folded = fold(text)
    spaces = text.count(" ")
    if len(text) > _MAX_KEY_CHARS or spaces >= _MAX_KEY_WORDS:
        # Longer than any headline or junk phrase: no phrase or title check needs
        # the key, so skip computing it (it is the costliest per-line step).
        n_long = spaces + 1 if single and text else len(text.split())
        if not spaced:
            n_long = _count_words(text, n_long)
        return _U(idx, line_no, text, "", n_long, folded, block, cells=cells)
    key = folded_key(folded)
    n_words = key.count(" ") + 1 if key else 0  # (a key's words are joined by single spaces)
    if not spaced:
        n_words = _count_words(text, n_words)
    return _U(idx, line_no, text, key, n_words, folded, block, cells=cells)


def _make_units(split: Sequence[Row]) -> list[_U]:
    """The units of a document, folded and checked for scripts without spaces
    once for the whole document rather than line by line (the same result:
    :func:`fold` works character by character and never makes or takes a
    newline, and a line of a document without such letters has none).
    About a tenth less time for the units of a long article."""
    texts = [row[1] for row in split]
    text = "\n".join(texts)
    if text.count("\n") != len(texts) - 1:  # a line with a newline (or no line)
        return [_make_unit(i, *row) for i, row in enumerate(split)]
    single = False
    if plain_text(text):
        # Printable ASCII and common punctuation only (the usual English
        # article): fold() is casefold() there, and no letter is of a
        # script without spaces. One search instead of two.
        folded = text.casefold().split("\n")
        spaced = True
        # Its only whitespace is " " (and the newlines joining the lines):
        # without runs of spaces or spaces at a line's ends, a line's words
        # are its spaces plus one (a count instead of a split).
        single = (
            "  " not in text
            and "\n " not in text
            and " \n" not in text
            and not text.startswith(" ")
            and not text.endswith(" ")
        )
    else:
        folded = fold(text).split("\n")
        spaced = text.isascii() or _NO_SPACE_ANY_RE.search(text) is None
    return [
        _make_unit(i, line_no, line, block, cells, f, spaced, single)
        for i, ((line_no, line, block, cells), f) in enumerate(zip(split, folded, strict=True))
    ]


def _count_words(text: str, spaced: int) -> int:
    """``spaced`` words, or more in scripts written without spaces (Japanese,
    Chinese, Thai...), where a "word" between punctuation is a whole clause:
    there a few characters count as a word (see ``_NO_SPACE_CHAR_RE``), so
    length rules see a paragraph as a paragraph and a headline as a headline."""
    if text.isascii():
        return spaced
    return max(
        spaced,
        len(_NO_SPACE_CHAR_RE.findall(text)) // 2 + len(_NO_SPACE_SEA_RE.findall(text)) // 4,
    )


# The longest caption split from its credit (see Cleaner._captions).
_CAPTION_WORDS = 25
# The longest role or outlet line between a bare byline name and its time stamp.
_ROLE_WORDS = 6
# A <title> and a headline sharing this many words are the page's headline.
_SURE_TITLE_WORDS = 5
_EMAIL_LINE_RE = re.compile(r"\S+@\S+\.\w+")


def _stamp_or_contact(u: _U) -> bool:
    """A removed time stamp or byline, or an e-mail address on a line of its
    own: what sits beside a bare author name in a byline block."""
    return u.reason in (Reason.TIMESTAMP, Reason.BYLINE) or (
        len(u.text.split()) <= 2 and _EMAIL_LINE_RE.search(u.text) is not None
    )


def _suffixed(group: list[_U]) -> bool:
    """Whether a group of headline copies holds the page's <title>: a copy with
    a site suffix whose words (five or more) start another copy."""
    return any(
        _site_cut(u)
        and len(_base_tokens(u)) >= _SURE_TITLE_WORDS
        and any(v is not u and _is_prefix(_base_tokens(u), _tokens(v), False) for v in group)
        for u in group
    )


def _mostly_figures(text: str) -> bool:
    """Half the words or more are figures: "25 novembre 2026 (modifica il 25
    novembre 2026 | 21:40)", a score line, a price row."""
    words = text.split()
    figures = sum(1 for w in words if _FIGURE_WORD_RE.fullmatch(w.strip("()[],;▲▼△▽↑↓")))
    return 2 * figures >= len(words)


def _menu_items(text: str) -> list[str]:
    """The items of a row between bars or dots ("Home | News | Sport"); the
    whole line as one item when it has no such separator."""
    if "|" not in text and "·" not in text and "•" not in text:
        return [text]
    return [p.strip() for p in _MENU_SEP_RE.split(text) if p.strip()]


def _menu_row(text: str) -> bool:
    """A one-line menu ("Home | Nation | States | Sport | Business | ..."):
    five or more items of at most three words between bars or dots."""
    items = _menu_items(text)
    return len(items) >= _MENU_ITEMS_ANYWHERE and all(
        len(p.split()) <= _MENU_CELL_WORDS for p in items
    )


def _is_label(u: _U) -> bool:
    """A line that is not a sentence and not a list item: "Save", "Home"."""
    return u.text[-1] not in _RUN_BREAK and not _BULLET_RE.match(u.text)


def _ends_sentence(text: str) -> bool:
    t = text.rstrip('"”’»)]*」』）')
    return bool(t) and t[-1] in _SENTENCE_END


def _tokens(u: _U) -> tuple[str, ...]:
    toks = u._toks
    if toks is None:
        toks = u._toks = tuple(u.key.split())
    return toks


def _is_prefix(short: Sequence[str], long: Sequence[str], truncated: bool) -> bool:
    n = len(short)
    if truncated and n >= 2:
        return tuple(long[: n - 1]) == tuple(short[:-1]) and long[n - 1].startswith(short[-1])
    return tuple(long[:n]) == tuple(short)


# A web address with a scheme, "www." or a path ("anc.net.au/emergency"), or a
# social handle: a promo strip's ("Find your local warnings at ...") or a
# share counter's ("Paylaşan: @gezgin_elif ve 1.284 kişi daha"), not a headline's.
_WEB_ADDRESS_RE = re.compile(
    r"(?:https?://|\bwww\.|\b[\w-]+\.[a-z]{2,}/\w|(?<!\w)@\w{2,})", re.IGNORECASE
)


# A date strip's weather: a temperature and a year on one line ("Sat 14 Nov
# 2026 Leeds 9°C light rain", "2026년 11월 20일 금요일 서울 맑음 4℃").
_WEATHER_STRIP_RE = re.compile(r"(?=.*\d\s*(?:°|℃|℉))(?=.*(?<!\d)(?:19|20)\d\d(?!\d))")


def _site_tail(text: str) -> int | None:
    """Where a " | Site Name" suffix starts in a headline, or ``None``.

    The tail must look like a name: at most 5 words, capitalised (particles
    like "de la" allowed inside) or a domain name ("bitwerk.blog").
    """
    if _SITE_SEP_CHARS.isdisjoint(text):
        return None  # (the regex, tried at every position, cost ~10 us a headline)
    seps = list(_SITE_SEP_RE.finditer(text))
    if not seps:
        return None
    m = seps[-1]
    words = text[m.end() :].split()
    if not words or len(words) > _SITE_NAME_WORDS or m.start() == 0:
        return None
    if words[0].casefold() in _BY_WORDS and len(words) >= 2:
        words = words[1:]  # "Headline - by Leah Brennan": the author, not the headline
    if len(words) == 1 and "." in words[0].strip("."):
        return m.start()
    if not any(ch.isupper() or ch.islower() for w in words for ch in w):
        # A script without letter case (Arabic, CJK, Thai, Hebrew...): a short
        # name after the separator, much shorter than the headline before it.
        head = text[: m.start()]
        return m.start() if len(words) <= 4 and 2 * len(" ".join(words)) < len(head) else None
    if len(words) == 1 and m.group().strip() in _STRONG_SEPS and len(words[0]) <= 20:
        return m.start()  # "Headline | rbn24": one word after a bar is the site
    # "l'Ouest", "d'Italia": the capital is after the elided article.
    words = [w[2:] if w[:2].casefold() in ("l'", "d'", "l’", "d’") and len(w) > 2 else w for w in words]
    caps = [w[:1].isupper() or w[:1].isdigit() for w in words]
    if (
        m.group().strip() in _STRONG_SEPS
        and caps[0]
        and len(words) <= 3
        and 3 * len(" ".join(words)) <= m.start()
    ):
        return m.start()  # "... | Jesenický deník": a short name in sentence case
    if (
        caps[0]
        and caps[-1]
        and all(c or w.casefold() in _TAIL_PARTICLES for c, w in zip(caps, words, strict=True))
    ):
        return m.start()
    return None


def _base_words(u: _U) -> int:
    """Words of a line without its site suffix, counted as :func:`_count_words`
    counts them (a Chinese headline of two "words" is some ten)."""
    toks = _base_tokens(u)
    return _count_words(" ".join(toks), len(toks))


_FIGURE_CHARS = 60  # the longest figure line or stat row (_figure_like)
_ROW_CHARS = 160  # the longest ticker or table row (_row_like); >= _FIGURE_CHARS


def _figure_like(text: str) -> bool:
    """A line of figures or a stat row (see ``_FIGURE_RE``, ``_STAT_ROW_RE``);
    cheap tests first: most lines are neither (the regexes cost ~3 ms a
    5,000-word article when tried on every line)."""
    if len(text) > _FIGURE_CHARS:
        return False
    c = text[0]
    if c.isdigit() or c in "+-−–$€£¥₹":
        return _FIGURE_RE.match(text) is not None
    return ("|" in text or "%" in text) and _STAT_ROW_RE.match(text) is not None


def _row_like(text: str) -> bool:
    """A news ticker's row ("14:05 Повітряні сили: уночі збито 46 дронів",
    "17.02 Uhr Flawil: Lieferwagen prallt ...") or a league table's ("1.
    Toulouse 42 pts"): two or more in a row are a widget (see _figure_runs).
    A live blog's entries are paragraphs between such times, never runs."""
    c = text[0]
    if not c.isdigit() or len(text) > _ROW_CHARS or text[-1] in _SENTENCE_END:
        return False
    return _TIME_ROW_RE.match(text) is not None or _STANDING_ROW_RE.match(text) is not None


def _ticker(u: _U) -> bool:
    """A strip of quotes or scores on one line, not a sentence: at least four
    figures making up three in ten of its words ("FTSE 100 8,412.33 +0.41%
    FTSE 250 ...", "1 Inter 31 2 Napoli 29 ...", "PM 05h41 (coef. 87) – BM
    11h58")."""
    tick = u.tick
    if tick is None:
        tick = u.tick = _is_ticker(u)
    return tick


def _is_ticker(u: _U) -> bool:
    if (
        u.n_words < _TICKER_FIGURES
        or len(u.text) > 400
        or u.text[-1] in _RUN_BREAK
        or u.text[-1] == ","
        or _BULLET_RE.match(u.text)  # a list item of the story ("1) from 8:00 to 12:30 ...;")
        # Every figure word holds a digit run or is an arrow, each in its own
        # word: fewer of those than figures needed, and no word is split.
        or len(_FIGURE_MARK_RE.findall(u.text)) < _TICKER_FIGURES
    ):
        return False
    words = u.text.split()
    figures = sum(1 for w in words if _FIGURE_WORD_RE.fullmatch(w.strip("()[],;:")))
    # (Words as counted for the line: a Thai sentence has few spaces.)
    return figures >= _TICKER_FIGURES and 10 * figures >= 3 * _count_words(u.text, len(words))


def _ai_box_line(u: _U) -> bool:
    """An AI summary box's label or note: "AI summary", "AI generated", "This
    summary was generated automatically". (Not "Key takeaways": one writer's
    story section, another's page box.) See Cleaner._summary_boxes."""
    folded = u.folded  # (lower-case patterns on the folded line: no IGNORECASE scan)
    summary = _SUMMARY_WORD_RE.search(folded)
    return bool(
        (
            (summary or (u.n_words <= _AI_LABEL_WORDS and _GENERATED_WORD_RE.search(folded)))
            and _AI_WORD_RE.search(folded)
        )
        or (summary and u.n_words <= _AI_NOTE_WORDS and _GENERATED_WORD_RE.search(folded))
    )


def _cjk(text: str) -> bool:
    """Whether ``text`` has Chinese, Japanese or Korean characters."""
    return any("\u2e80" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" for ch in text)


def _tail_cuts(text: str) -> list[tuple[str, ...]]:
    """The tokens of ``text`` without one, two, ... site suffixes ("Headline -
    by Author - Site" gives "Headline - by Author" and "Headline")."""
    out = []
    while (cut := _site_tail(text)) is not None:
        text = text[:cut]
        out.append(tuple(line_key(text).split()))
    return out


def _site_cut(u: _U) -> int | None:
    """:func:`_site_tail` of the unit's text, computed once per unit (the
    headline search compares header lines pairwise and asked again and again)."""
    cut = u._cut
    if cut == -1:
        cut = u._cut = _site_tail(u.text)
    return cut


def _base_text(u: _U) -> str:
    cut = _site_cut(u)
    return (u.text if cut is None else u.text[:cut]).rstrip(" .")


def _base_tokens(u: _U) -> tuple[str, ...]:
    if u._base is None:
        cut = _site_cut(u)
        u._base = _tokens(u) if cut is None else tuple(line_key(u.text[:cut]).split())
    return u._base


def _token_variant(ta: tuple[str, ...], ta_text: str, tb: tuple[str, ...], tb_text: str) -> bool:
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    if len(ta) <= len(tb):
        short, long, short_text = ta, tb, ta_text
    else:
        short, long, short_text = tb, ta, tb_text
    if len(short) < 3 and not (len("".join(short)) >= 12 and _cjk(short_text)):
        return False  # (a CJK headline is one or two long "words")
    truncated = short_text.rstrip().endswith(("...", "…"))
    if _is_prefix(short, long, truncated):
        return True
    # "Site Name: Headline" / "Section | Headline": only across a separator.
    long_text = tb_text if short is ta else ta_text
    return (
        len(short) >= 4
        and tuple(long[-len(short) :]) == tuple(short)
        and (": " in long_text or _SITE_SEP_RE.search(long_text) is not None)
    )


def _variant(a: _U, b: _U) -> bool:
    """Whether two lines are variants of one headline (site suffixes ignored)."""
    ta, tb = _tokens(a), _tokens(b)
    if _token_variant(ta, a.text, tb, b.text):
        return True
    ba, bb = _base_tokens(a), _base_tokens(b)
    return (ba, bb) != (ta, tb) and _token_variant(ba, a.text, bb, b.text)


def _stems(u: _U) -> set[str]:
    """Content-word stems of a line without its site suffix (crude: the first
    five letters of words of three letters or more, so "router"/"routers" meet)."""
    return {t[:5] for t in _base_tokens(u) if len(t) >= 3}


def _names(text: str, *, first: bool = False) -> list[str]:
    """Capitalised words of four letters or more: the people and places a line
    names. The first word is left out unless ``first`` (it is capitalised
    anyway; counted in the story, "The" would look like a name)."""
    words = _WORD_RE.findall(text)
    return [w for w in (words if first else words[1:]) if len(w) >= 4 and w[0].isupper()]


def _name_counts(texts: Iterable[str]) -> Counter[str]:
    return Counter(w for t in texts for w in _names(t))


def _topic_stems(text: str) -> set[str]:
    """Stems of the longer words of ``text`` (six letters or more, so no
    "mayor"/"mayores", cut to five so "upprop"/"uppropet" meet): what a
    subheading and its paragraph share."""
    return {w[:5] for w in _WORD_RE.findall(text.casefold()) if len(w) >= 6}


def _reworded(a: _U, b: _U) -> bool:
    """Whether two header lines are two wordings of one headline: the page's
    ``<title>`` ("Talheim: Hallenbad schließt für zwei Jahre | Oberland-Bote")
    and its on-page headline ("Hallenbad in Talheim schließt ab Juni für zwei
    Jahre"). One of them must carry a site suffix (the ``<title>`` signal), and
    most content words of the shorter must occur in the longer."""
    if (_site_cut(a) is None) == (_site_cut(b) is None):
        return False
    sa, sb = _stems(a), _stems(b)
    shared = len(sa & sb)
    return shared >= 3 and shared >= _REWORDED_SHARE * min(len(sa), len(sb))


def _close_variant(a: _U, b: _U) -> bool:
    """Variants close enough in length to count as a repeat far from the top: a
    short prefix below the header ("Severn Vale District Council" in the body
    against a standfirst that starts with it) is no repeat of the headline."""
    la, lb = len(_base_tokens(a)), len(_base_tokens(b))
    return min(la, lb) >= _FAR_VARIANT_SHARE * max(la, lb)


def _variant_keys(u: _U) -> set[tuple[str, ...]]:
    """Keys two variants always share: the first word, or the last four words
    (for "Site: Headline"), of the line with or without its site suffix."""
    keys = u._vkeys
    if keys is None:
        keys = u._vkeys = set()
        for toks in (_tokens(u), _base_tokens(u)):
            if toks:
                keys.add(("^", toks[0]))
                keys.add(("$", *toks[-4:]))
    return keys


def _variant_index(units: list[_U]) -> dict[tuple[str, ...], list[_U]]:
    index: dict[tuple[str, ...], list[_U]] = {}
    for u in units:
        for k in _variant_keys(u):
            index.setdefault(k, []).append(u)
    return index


def _variant_candidates(index: dict[tuple[str, ...], list[_U]], u: _U) -> list[_U]:
    seen: dict[int, _U] = {}
    for k in _variant_keys(u):
        for c in index.get(k, ()):
            seen.setdefault(c.idx, c)
    return [seen[i] for i in sorted(seen)]


# Where a headline may end before a site's name, when a copy of the page
# shows the headline alone (see _most_complete).
_COPY_SEP_CHARS = frozenset("|-–—·•»›/:_－｜：")
_COPY_SEP_RE = re.compile(r"\s*[|\-–—·•»›/_－｜：]+\s*|\s+:\s+")
_COPIED_SITE_WORDS = 8


def _most_complete(group: list[_U], copies: list[_U] | None = None) -> str:
    """The most complete variant, without a site suffix that other variants lack.

    ``copies``: every copy of the headline on the page, when ``group`` holds
    only those at its top (a suffix the copies further down lack is cut too).
    """
    def size(x: _U) -> tuple[int, int, int]:
        return len(_base_tokens(x)), x.n_words, -x.idx

    best = max(group, key=size)
    # The page's <title> (a variant with a site suffix) may add words for
    # search engines; the headline the page shows (the h1: no suffix) wins.
    plain = [u for u in group if _site_cut(u) is None]
    if plain and _site_cut(best) is not None:
        best = max(plain, key=size)
    # "Headline? - Jihlavský deník" beside the bare "Headline?": what follows
    # the separator is a site's name, whatever its case, when another copy
    # is exactly the part before it.
    # (Any separator, spaced or not, "...在京发布-启明书香公益基金会", and a
    # name of up to _COPIED_SITE_WORDS words, "– Le Messager d'Anjou et de
    # Bretagne": the exact copy says where the headline ends.)
    if _site_cut(best) is None and not _COPY_SEP_CHARS.isdisjoint(best.text):
        for m in _COPY_SEP_RE.finditer(best.text):
            if len(best.text[m.end() :].split()) > _COPIED_SITE_WORDS:
                continue
            head = best.text[: m.start()]
            copy = next((u for u in group if u is not best and u.text == head), None)
            if copy is not None:
                best = copy
                break
    # "Latest: Headline" or "Home / Counties / Headline" beside a bare
    # "Headline": the label or breadcrumb is no part of it.
    base = _base_text(best)
    for m in _LABEL_SEP_RE.finditer(base):
        rest = tuple(line_key(base[m.end() :]).split())
        if len(rest) < 3 or 2 * len(rest) <= len(_base_tokens(best)):
            continue  # the part after the separator is the smaller: a site name
        bare = [u for u in group if _base_tokens(u) == rest]
        if bare:
            best = bare[0]
            break
    text = best.text
    # Strip suffixes the other variants lack, one at a time: "Headline |
    # Columnist Name | Site" beside a bare "Headline" is the bare headline.
    while (cut := _site_tail(text)) is not None:
        tail = tuple(line_key(text[cut:]).split())
        if all(_tokens(u)[-len(tail) :] == tail for u in copies or group):
            break
        text = text[:cut].rstrip(" ")
    if any(u.text == text for u in group):
        return text  # as the page shows it, full stop included
    return text if text.endswith(("...", "…")) else text.rstrip(" .")


class Cleaner:
    """A reusable, configured plain-text cleaner.

    Build it once (lexicons are compiled here) and call :meth:`clean` for
    every document; it holds no state between calls.

    >>> from newsclean import Cleaner, CleanOptions, Reason
    >>> c = Cleaner(CleanOptions(keep={Reason.ADVERTISEMENT}))
    >>> c.clean("Advertisement\\n\\nThe council met on Tuesday and approved the new budget "
    ...         "after a long debate about library funding.").paragraphs[0]
    'Advertisement'
    """

    def __init__(self, options: CleanOptions | None = None) -> None:
        if options is not None and not isinstance(options, CleanOptions):
            raise InputTypeError(f"options must be CleanOptions, got {type(options).__name__}")
        self.options = options or CleanOptions()
        if self.options.fix_mojibake:
            try:
                import ftfy  # noqa: F401
            except ImportError:
                raise MissingDependencyError(
                    "fix_mojibake needs ftfy: pip install 'newsclean[ftfy]'"
                ) from None
        self._rules = _build_rules(self.options)
        self._max_chars = max((r.max_chars for r in self._rules), default=0)
        self._max_words = max((r.max_words for r in self._rules), default=0)
        self._all_phrases = frozenset(
            k for r in self._rules for k in (*r.phrases, *r.edge_phrases, *r.follow_phrases)
        )
        self._vocab_rules = tuple(r for r in self._rules if r.words)
        self._vocab_tokens = vocabulary(self._vocab_rules)
        by_reason = {r.reason: r for r in self._rules}
        # Rules with "follow:" entries, by the reason of the line they follow.
        self._follow_rules = {
            r.reason: r for r in self._rules if r.follow_phrases or r.follow_pattern is not None
        }
        self._related_markers = by_reason[Reason.RELATED_LINKS].phrases
        # Labels of a box over the story ("Key points"), by their rule's reason.
        self._box_labels = {k: r.reason for r in self._rules for k in r.box_phrases}
        self._boilerplate_markers = by_reason[Reason.BOILERPLATE].phrases
        self._tags_markers = by_reason[Reason.TAGS_META].phrases
        comments = by_reason[Reason.COMMENTS_SCAFFOLD]
        # "Comments" is a comment-section header only at the page's edge; the
        # comment section itself may be what keeps it from being at the edge.
        self._comment_headers = comments.phrases | comments.edge_phrases
        self._tier_limits, self._tier_unions = (
            _default_tiers() if self._rules is _default_rules() else _tiers(self._rules)
        )
        # One automaton for the gate strings of every rule and tier: each line
        # is scanned once instead of once per rule it is tried against.
        self._gate_index = (
            _default_gate_index()
            if self._rules is _default_rules()
            else _gate_index(self._rules, self._tier_unions)
        )
        # The compiled pre-test (prefilter.py, with the optional hyperscan
        # package) for the packaged lexicons only: its database takes seconds
        # to compile (once, then it is cached on disk), which a Cleaner with
        # its own lexicon entries should not pay at start-up.
        self._prefilter, self._prefilter_masks = (
            tier_prefilter(self._tier_unions)
            if self._rules is _default_rules() and self.options.compiled_prefilter
            else (None, {False: [], True: []})
        )
        # Per zone: every tier has a mask, so a unit the scan clears (maybe == 0)
        # meets no tier pattern (see _lexicon_pass).
        self._prefilter_clears = {
            e: bool(masks) and all(m is not None for m in masks)
            for e, masks in self._prefilter_masks.items()
        }
        self._parsed_extra = {
            r: _build_rule(r, self.options, builtin=False) for r in PARSED_REASONS
        }
        self._meta = MetaParser.builtin()
        self._line_model = (
            None
            if not self.options.line_model or Reason.LINE_MODEL in self.options.keep
            else LineModel.builtin()
            if self.options.line_model_file is None
            else LineModel.load(self.options.line_model_file)
        )

    # ------------------------------------------------------------------ API
    def clean(
        self, text: str, title: str | None = None, profile: SiteProfile | None = None
    ) -> Article:
        """Clean one scraped plain-text article.

        Args:
            text: the scraped text.
            title: the headline when known; otherwise it is detected.
            profile: the page's site profile (``SiteProfiles.for_url(url)``): its
                lines go first, with reason ``site_boilerplate``.

        Raises:
            InputTypeError: ``text`` is not a ``str`` (or ``title`` not ``str``/``None``).
        """
        if not isinstance(text, str):
            raise InputTypeError(
                f"clean_text() expects str, got {type(text).__name__}"
                + (
                    " (decode it first, or use newsclean.extract for HTML)"
                    if isinstance(text, (bytes, bytearray))
                    else ""
                )
            )
        if title is not None and not isinstance(title, str):
            raise InputTypeError(f"title must be str or None, got {type(title).__name__}")
        if self.options.fix_mojibake:
            import ftfy

            text = ftfy.fix_text(text)
        units = _make_units(split_rows(text, join_wrapped=self.options.join_wrapped_lines))
        meta: dict[str, Any] = {}
        if profile is not None:  # the site's learned boilerplate (newsclean.profiles)
            profile.mark(units, meta, self.options.keep)
        title_out, title_source = self._run(units, title, meta)
        # Cleaning must be idempotent: the clean text, cleaned again, is itself.
        # Some rules depend on context that removals change (what sits next to a
        # paragraph, where the body starts), so re-run on what was kept, as
        # clean_text(article.text) would, until nothing more goes. One extra
        # run almost always confirms; the bound is a safety net.
        for _ in range(_MAX_ROUNDS):
            kept_now = [u for u in units if u.reason is None]
            if len(kept_now) == len(units) or not kept_now:
                break
            # The kept units stand for the clean text: renumbered, each its own
            # block (and one cell). They are re-indexed in place rather than
            # copied, so what was computed from their text (keys, gate scans,
            # lexicon misses...) serves this round too; removals made here are
            # the round's result, and the positions are put back after it.
            where = [(u.idx, u.block, u.cells) for u in kept_now]
            for i, u in enumerate(kept_now):
                u.idx, u.block, u.cells = i, i, 1
            self._run(kept_now, None, {}, first_round=False)
            for u, (idx, block, cells) in zip(kept_now, where, strict=True):
                u.idx, u.block, u.cells = idx, block, cells
            if all(u.reason is None for u in kept_now):
                break
        if title_out is not None:
            meta["title_source"] = title_source
        if "date" not in meta and "date_modified" in meta:
            meta["date"] = meta["date_modified"]

        kept = [u for u in units if u.reason is None]
        paragraphs = tuple(u.text for u in kept)
        most = self.options.max_heading_words  # (_is_heading's first test, inline)
        headings = tuple(
            u.text for j, u in enumerate(kept) if 0 < u.n_words <= most and self._is_heading(kept, j)
        )
        removed = tuple(Removal(u.line_no, u.text, u.reason) for u in units if u.reason is not None)
        return Article(
            title=title_out,
            text="\n\n".join(paragraphs),
            paragraphs=paragraphs,
            headings=headings,
            removed=removed,
            meta=meta,
        )

    def _run(
        self,
        units: list[_U],
        title: str | None,
        meta: dict[str, Any],
        *,
        first_round: bool = True,
    ) -> tuple[str | None, str]:
        """One run of every rule over ``units`` (mutated); returns (title, source).

        Later rounds run on lines that survived a round. The line-by-line rules
        (lexicon rules outside the edges, bylines, exact duplicates) depend on
        nothing but the line itself and the removed line before it, so they
        cannot remove anything new there and are skipped.
        """
        if first_round:
            self._lexicon_pass(units, edge=None)
            self._inline_related(units)
            # "News provided by" / "Media contact:" take their lines with them
            # before the headline is looked for (a company name is no headline).
            self._blocks(units, reasons=(Reason.BOILERPLATE,))
        title_out, title_source = self._title(units, title)
        if first_round:
            self._bylines(units, meta)
            self._bare_bylines(units, meta)
            self._author_boxes(units, meta.get("authors", ()))
            if Reason.DUPLICATE_PARAGRAPH not in self.options.keep:
                self._duplicates(units)
        if Reason.DUPLICATE_PARAGRAPH not in self.options.keep:
            # Context-dependent (what sits beside a line), so it runs in every round.
            self._pull_quotes(units)
        first, last = self._body_zone(units)

        def edge(i: int) -> bool:
            return i < first or i > last

        self._lexicon_pass(units, edge=edge)
        self._sandwiches(units)
        self._figure_runs(units)
        self._captions(units)
        self._summary_boxes(units)
        self._top_boxes(units)
        self._blocks(units)
        self._about_blocks(units)
        self._comment_section(units, first)
        # Blocks and author boxes removed since may have moved the body's end
        # (a bio paragraph under "About the author" is no longer the last one).
        first, last = self._body_zone(units)
        spared = self._spared(units, first, last)
        self._edge_furniture(units, first, last, spared)
        self._nav_runs(units, first, last, spared)
        self._footer(units)
        self._signature(units, meta)
        if title_out is None and title is None and self.options.detect_title:
            title_out, title_source = self._lone_title(units, first)
        self._scored_lines(units, title_out)
        return title_out, title_source

    # --------------------------------------------------------------- steps
    def _scored_lines(self, units: list[_U], title: str | None) -> None:
        """Last step: the learned line model scores the short lines still kept.

        It sees the page as the rules left it (which neighbours went, and
        why), so it runs after every rule; see :mod:`newsclean.clean.linemodel`.
        """
        model = self._line_model
        if model is None:
            return
        residue = 0
        for u in units:
            if u.reason is not None and u.reason not in _NOT_RESIDUE:
                residue += 1
                if residue >= _MIN_RESIDUE:
                    break
        else:
            # Clean text (or nearly): the rules found no page around the
            # story, and the model is trained on scraped pages.
            return
        lines = []
        for u in units:
            line = u.lm
            if line is None:
                line = u.lm = PageLine(u.text)
            line.reason = None if u.reason is None else u.reason.value
            lines.append(line)
        spare = {i for i, u in enumerate(units) if u.spared}
        for i in model.furniture(lines, title, self.options.line_model_threshold, spare=spare):
            units[i].reason = Reason.LINE_MODEL

    def _assign(self, u: _U, reason: Reason) -> bool:
        if reason in self.options.keep:
            u.spared = True
            return False
        u.reason = reason
        return True

    def _lexicon_pass(self, units: list[_U], edge: Callable[[int], bool] | None) -> None:
        """Run every lexicon rule over the kept units, in input order.

        ``edge`` is ``None`` in the first pass (edge-only entries off) and a
        predicate on the unit index in the second, where a body unit that
        already passed the first pass is only looked at again when the line
        before it was removed (``follow:`` entries).
        """
        if edge is None and self._prefilter is not None:
            self._prefilter.mark(units)
        prev: Reason | None = None
        cleared = self._prefilter_clears
        most = self._max_words
        for u in units:
            if u.reason is not None:
                prev = u.reason
                continue
            at_edge = bool(edge(u.idx)) if edge is not None else False
            if edge is None or at_edge or prev is not None:
                if (
                    prev is None
                    and u.maybe == 0
                    and cleared[at_edge]
                    and (u.n_words > most or u.phrase_hit is False)
                ):
                    # The compiled pre-test found no pattern of any tier, no
                    # phrase fits the line and no follow rule applies: what
                    # _match_rules finds too, without the calls (most lines
                    # of a long article; ~5% of its time).
                    continue
                self._match_unit(u, at_edge, prev)
            prev = u.reason

    def _match_unit(self, u: _U, at_edge: bool, prev: Reason | None) -> None:
        """Remove ``u`` for the first lexicon rule that matches it.

        The answer depends on the line, ``at_edge`` and ``prev`` only, so a
        miss is remembered on the unit (``u.missed``): the later passes and the
        confirming round skip what was already tried (on the 5,000-word
        benchmark, about a tenth of the lexicon work).
        """
        length = len(u.text)
        if length > self._max_chars and u.n_words > self._max_words:
            return
        missed = u.missed
        if missed is not None and (at_edge, prev) in missed:
            return
        if not self._match_rules(u, at_edge, prev):
            if missed is None:
                missed = u.missed = set()
            missed.add((at_edge, prev))

    def _match_rules(self, u: _U, at_edge: bool, prev: Reason | None) -> bool:
        """See :meth:`_match_unit`; returns whether ``u`` was removed."""
        length = len(u.text)
        folded = u.folded
        # A line in quotation marks is someone speaking, never a UI label: the
        # phrase lexicons ("Next", "Home", "Share") do not apply to it.
        quoted = u.text[0] in _QUOTES
        # Cheap pre-test shared by all rules; most body paragraphs stop here.
        # It depends on the line alone: computed once per unit.
        phrase_hit = u.phrase_hit
        if phrase_hit is None:
            phrase_hit = u.phrase_hit = (
                not quoted
                and u.n_words <= self._max_words
                and (
                    u.key in self._all_phrases
                    or (
                        may_be_vocabulary(u.key, self._vocab_tokens)
                        and any(
                            r.match_phrase(u.key, u.n_words, zone_edge=False, follows=False)
                            for r in self._vocab_rules
                        )
                    )
                )
            )
        if not phrase_hit:
            t = bisect_left(self._tier_limits, length)
            tier = self._tier_unions[at_edge][t] if t < len(self._tier_limits) else None
            # The union of a tier has its own, smaller automaton: on a body
            # paragraph it finds about a third of the hits of the scan for
            # every rule (each hit is a Python step), and most lines stop at
            # this test; the full scan is made for lines that pass it.
            if tier is None:
                hit = False
            elif (
                u.maybe is not None
                and (mask := self._prefilter_masks[at_edge][t]) is not None
                and not u.maybe & mask
            ):
                # No pattern of the tier can match (prefilter.py: exact).
                hit = False
            elif u.scan is None:
                hit = tier.search(u.text, folded)
            else:
                hit = tier.search(u.text, folded, self._scan(u))
            if not hit:
                follow_rules = self._follow_rules.get(prev) if prev is not None else None
                if follow_rules is None or not follow_rules.match(
                    u.text, u.key, u.n_words, zone_edge=at_edge, follows=True, scan=self._scan(u)
                ):
                    return False
        scan = self._scan(u)
        for rules in self._rules:
            if length > rules.max_chars and u.n_words > rules.max_words:
                continue
            follows = prev is rules.reason
            if not quoted and rules.match_phrase(
                u.key, u.n_words, zone_edge=at_edge, follows=follows
            ):
                if self._assign(u, rules.reason):
                    return True
            elif rules.match_pattern(
                u.text, zone_edge=at_edge, follows=follows, folded=folded, scan=scan
            ) and self._assign(u, rules.reason):
                return True
        return False

    def _scan(self, u: _U) -> GateScan:
        """The gate strings of every lexicon pattern in ``u`` (computed once)."""
        scan = u.scan
        if scan is None:
            scan = u.scan = self._gate_index.scan(u.folded)
        return scan

    def _inline_related(self, units: list[_U]) -> None:
        """A related-links marker of the lexicon run into the headline it
        points to: "Le puede interesar: Festival Vallenato 2026: ...",
        "Pročitajte još: Ljeto rekorda ...". Every marker phrase of the
        related-links lexicon (in any language it has) works as such a prefix."""
        markers = self._related_markers
        for u in units:
            t = u.text
            if not u.kept or u.n_words > 40:
                continue
            if not (":" in t or "|" in t or "»" in t or ">" in t or "：" in t):
                continue  # (every match of the regex holds one of its separators)
            m = _INLINE_MARKER_RE.match(u.text)
            if m is None or line_key(m.group(1)) not in markers:
                continue
            rest = u.text[m.end() :]
            # A headline after it, not a sentence going on in lower case
            # ("Más información: la oficina de turismo organiza ...").
            if rest and not rest[0].islower() and len(rest.split()) <= 30:
                self._assign(u, Reason.RELATED_LINKS)

    def _is_content(self, u: _U) -> bool:
        body = u.body
        if body is None:  # the text's part of the answer, computed once per unit
            n = self.options.min_content_words
            body = u.body = (
                u.n_words >= 2 * n or (u.n_words >= n and _ends_sentence(u.text))
            ) and not _menu_row(u.text)
        return u.reason is None and body

    def _headline_like(self, u: _U) -> bool:
        if u.reason is not None:
            return False
        like = u.headline
        if like is None:  # the text's part of the answer, computed once per unit
            like = u.headline = (
                1 <= u.n_words <= self.options.max_title_words
                and len(u.text) <= 300
                # A question or an exclamation may be a headline ("Wer behandelt
                # uns, wenn Dr. Albrecht geht?"); a statement with a full stop is
                # a sentence of the story.
                and (u.text.endswith(("...", "…", "?", "!")) or not _ends_sentence(u.text))
                and not _BULLET_RE.match(u.text)
            )
        return like

    def _title(self, units: list[_U], given: str | None) -> tuple[str | None, str]:
        """Find the headline from its repeats at the top (or use ``given``) and
        remove it and every variant of it. Returns (title, source); (None, ...)
        when no repeated headline was found (see :meth:`_lone_title`)."""
        first_content = next((u.idx for u in units if self._is_content(u)), len(units))
        header_end = min(self._story_start(units), _MAX_HEADER_UNITS)
        most = self.options.max_title_words  # (_headline_like's first test, inline)
        header = [u for u in units[:header_end] if u.n_words <= most and self._headline_like(u)]
        # Below the header a question is a subheading ("Что изменится для
        # пассажиров?" under "...: что изменится для пассажиров").
        candidates = [
            u
            for u in units
            if u.n_words <= most
            and self._headline_like(u)
            and (u.idx < header_end or not u.text.endswith(("?", "!")))
        ]
        # A headline that ends in a full stop ("Here's what I missed.") reads
        # as a sentence; it is still one when the page's <title> above it is
        # the same words with a site suffix.
        titled = {t for u in header for t in _tail_cuts(u.text)}
        if titled:
            # (Such a headline may itself look like the story's first paragraph.)
            stops = [
                u
                for u in units[: header_end + 1]
                if u.kept
                and _ends_sentence(u.text)
                and u.n_words <= self.options.max_title_words
                and not self._headline_like(u)
                and _tokens(u) in titled
            ]
            if stops:
                header = sorted([*header, *stops], key=lambda x: x.idx)
                candidates = sorted([*candidates, *stops], key=lambda x: x.idx)
        if given is not None:
            g = " ".join(given.split())
            if not g:
                return None, "given"
            g_unit = _make_unit(-1, 0, g)
            members = [
                u
                for u in candidates
                if _variant(u, g_unit) or (u.idx < header_end and _reworded(u, g_unit))
            ]
            top = min((u.idx for u in members if u.idx < header_end), default=None)
            if top is not None:
                # The page's <title> in yet another wording, above the headline.
                members += [
                    u
                    for u in header
                    if u.idx < top and u.n_words >= _HEADLINE_WORDS and _site_cut(u)
                ]
            self._remove_title(units, members, first_content, header_end)
            return g, "given"
        if not self.options.detect_title:
            return None, "none"

        index = _variant_index(candidates)
        used: set[int] = set()
        groups: list[list[_U]] = []
        fuzzy: set[int] = set()  # ids of groups joined by a reworded headline
        for h in header:
            if h.idx in used or h.n_words < 2 or _mostly_figures(h.text):
                continue  # a date line repeated at the top and bottom is no headline
            group = [h]
            frontier = [h]
            seen = {h.idx}
            reworded: list[_U] = []
            while frontier:
                cur = frontier.pop()
                for c in _variant_candidates(index, cur):
                    if (
                        c.idx not in seen
                        and _variant(c, cur)
                        and (c.idx < header_end or _close_variant(c, cur))
                    ):
                        seen.add(c.idx)
                        group.append(c)
                        if c.idx < header_end:
                            frontier.append(c)
                if cur.idx < header_end:
                    for c in header:
                        if c.idx not in seen and c.n_words >= 3 and _reworded(c, cur):
                            seen.add(c.idx)
                            group.append(c)
                            reworded.append(c)
                            frontier.append(c)
            used |= seen
            if len(group) >= 2:
                groups.append(sorted(group, key=lambda x: x.idx))
                if reworded:
                    fuzzy.add(id(groups[-1]))
        if not groups:
            return None, "none"
        # Several lines may repeat at the top ("Watch Live", a newsletter pitch,
        # the standfirst shown twice): the headline is the group the page's
        # <title> with its site suffix belongs to -- the surest sign there
        # is -- else the group with the longest member; ties go to the first.
        title_group = max(
            groups, key=lambda g: (_suffixed(g), max(_base_words(u) for u in g), -g[0].idx)
        )
        longest = max(_base_words(u) for u in title_group)
        lone = self._lone_pick(units, [u for u in header if u.n_words >= 2])
        # No line seen once overrules such a <title> either.
        suffixed = longest >= _HEADLINE_WORDS and _suffixed(title_group)
        if (
            lone is not None
            and not suffixed
            and lone not in title_group
            and lone.n_words >= _HEADLINE_WORDS
            and (longest < _HEADLINE_WORDS or (self._leads(units, lone) and lone.n_words > longest))
        ):
            # Only short lines repeat (a site name in the header and footer,
            # "Local News" twice, a photo credit under two pictures), or a
            # longer headline that leads into the story appears once: it wins.
            return None, "none"
        # The headline as the top of the page shows it: a variant further down
        # (a "Most read" item run together with the next one) is only removed.
        top_group = [u for u in title_group if u.idx <= header_end] or title_group
        if id(title_group) in fuzzy:
            # Two wordings: the page's own headline (no site suffix) wins over
            # the <title> written for search engines.
            on_page = [u for u in top_group if _site_cut(u) is None]
            title = _most_complete(on_page or top_group, title_group)
        else:
            title = _most_complete(top_group, title_group)
        self._remove_title(units, title_group, first_content, header_end)
        for other in groups:
            if other is title_group:
                continue
            best = max(other, key=lambda x: (len(_base_tokens(x)), -x.idx))
            for u in other:
                if u is not best and u.reason is None:
                    self._assign(u, Reason.DUPLICATE_PARAGRAPH)
        return title, "repeated"

    def _remove_title(
        self, units: list[_U], members: list[_U], first_content: int, header_end: int
    ) -> None:
        if not members:
            return
        for u in members:
            self._assign(u, Reason.REPEATED_TITLE)
        # Copies of the headline itself, not a widget quoting it ("Share this
        # story: <headline>"): their first word is another copy's first word.
        # (A ticker of items between bars above the headline reads as a
        # paragraph; the header reaches past it.)
        firsts = Counter(_tokens(u)[:1] for u in members)
        story = next(
            (u.idx for u in units[first_content:] if self._is_content(u) and " | " not in u.text),
            first_content,
        )
        header_members = [
            u.idx for u in members if u.idx < story and firsts[_tokens(u)[:1]] > 1
        ] or [u.idx for u in members if u.idx < first_content]
        if header_members:
            self._chrome_above(units, max(header_members))
        else:
            # A cookie box or a weather blurb before the headline is no story:
            # the page chrome above the headline still goes.
            top = [u.idx for u in members if u.idx < header_end]
            if top:
                self._chrome_above(units, min(top))

    def _chrome_above(self, units: list[_U], last: int) -> None:
        """Page chrome above the headline's last copy in the page's header: the
        menus, tickers and consent boxes above it, and the labels between its
        copies ("LOCAL NEWS", a site name, a section kicker). The story starts
        under its headline."""
        for u in units[:last]:
            # Short labels, a site name with its slogan ("Tribune-Ledger |
            # Breaking news, sports and weather"), a menu bar ("首页 新闻 财经
            # 体育 娱乐 科技 汽车"), a news ticker, a consent box: no line of
            # the story sits between the page's <title> and its headline.
            if u.reason is None:
                self._assign(u, Reason.NAVIGATION)

    def _story_start(self, units: list[_U]) -> int:
        """Where the story's text begins, for the headline search: the first
        real paragraph with at least ``_STORY_RUN - 1`` more among the next
        ``_STORY_RUN`` kept lines (removed lines do not count), so a weather
        blurb or a cookie text in the page's chrome does not end the header;
        failing that, the first real paragraph."""
        kept = [u for u in units if u.reason is None]
        # (Asked as the loop goes: the story usually starts within the first
        # lines, and asking every line was a tenth of the headline search.)
        content: list[bool] = []

        def is_content(j: int) -> bool:
            while len(content) <= j:
                content.append(self._is_content(kept[len(content)]))
            return content[j]

        first = len(units)
        for j, u in enumerate(kept):
            if not is_content(j):
                continue
            first = min(first, u.idx)
            # A long headline or a standfirst without a full stop is no start.
            # (A paragraph longer than any box's item with another right under
            # it starts the story too, whatever short lines come next: a
            # question heading, a lead-in, list items.)
            if _ends_sentence(u.text) and (
                sum(is_content(k) for k in range(j + 1, min(j + 1 + _STORY_RUN, len(kept))))
                >= _STORY_RUN - 1
                or (u.n_words > _SUMMARY_ITEM_WORDS and j + 1 < len(kept) and is_content(j + 1))
            ):
                return u.idx
        return first

    def _leads(self, units: list[_U], u: _U) -> bool:
        """Whether a headline candidate leads into the story: a standfirst, a
        byline, a time stamp or the text follows it (a cookie box's title is
        followed by its removed text, a menu by more menu)."""
        nxt = units[u.idx + 1] if u.idx + 1 < len(units) else None
        return (
            nxt is None
            or nxt.reason in _AFTER_HEADLINE
            or (nxt.reason is None and (self._is_content(nxt) or nxt.n_words > u.n_words))
        )

    def _lone_pick(self, units: list[_U], cands: list[_U]) -> _U | None:
        """The headline among header lines ``cands`` (see :meth:`_lone_title`)."""
        if not cands:
            return None
        # The site's name on its own line is the suffix of the page's <title>
        # ("...沿線自治体は反発：東都新聞デジタル" over "東都新聞デジタル"): no headline.
        tails = {line_key(u.text[cut:]) for u in cands if (cut := _site_cut(u)) is not None}
        cands = [u for u in cands if u.key not in tails] or cands

        def rank(u: _U) -> tuple[bool, bool, bool, bool, int]:
            # The first line long enough to be a headline (site names, section
            # labels and buttons are shorter) that leads into the story, the page's
            # own headline before a <title> with a site suffix; failing all
            # that, the longest line. A row of items ("Dollar 3.67 | Gold
            # 318.25") is no headline, nor a line with a web address, nor a
            # date strip with the weather.
            return (
                (" | " not in u.text or _site_cut(u) is not None)
                and not _mostly_figures(u.text)
                and _WEB_ADDRESS_RE.search(u.text) is None
                and _WEATHER_STRIP_RE.match(u.text) is None,
                u.n_words >= _LONE_HEADLINE_WORDS,
                self._leads(units, u),
                _site_cut(u) is None,
                -u.idx,
            )

        best = max(cands, key=rank)
        if best.n_words < _HEADLINE_WORDS:
            best = max(cands, key=lambda x: (x.n_words, -x.idx))
        return best

    def _lone_title(self, units: list[_U], body_start: int) -> tuple[str | None, str]:
        """The headline when it appears only once: the longest headline-like line
        above the body. It leaves the body only when the top of the page shows
        scraper residue; in clean text it may be a section heading, so it stays."""
        body_start = max(body_start, min(self._story_start(units), _MAX_HEADER_UNITS))
        header = units[: min(body_start, len(units))]
        # (A line ending in ":", ";" or "," leads into a list or is an item of
        # one: "The ministry lists three changes:" is no headline.)
        cands = [
            u
            for u in header
            if self._headline_like(u) and u.n_words >= 2 and u.text[-1] not in ":;,"
        ]
        if body_start < len(units) and units[body_start].text.endswith(("!", "?")):
            # A long headline that exclaims or asks reads as the first
            # paragraph ("Rentner soll 41 Mal geblitzt worden sein – im Stau!").
            first = units[body_start]
            if self._headline_like(first) and first.n_words >= _HEADLINE_WORDS:
                cands.append(first)
        best = self._lone_pick(units, cands)
        if best is None:
            return None, "none"
        title = _base_text(best)
        residue = any(u.reason is not None and u.reason is not Reason.DECORATION for u in header)
        if residue and self._assign(best, Reason.REPEATED_TITLE):
            self._chrome_above(units, best.idx)
            # The page's <title> in another wording ("Rural Pharmacy Closures:
            # ... | The Meridian") above the headline is chrome too.
            for u in cands:
                if u.idx < best.idx and u.reason is None and u.n_words >= 4 and _site_cut(u) is not None:
                    self._assign(u, Reason.REPEATED_TITLE)
        return title, "first_line"

    def _bylines(self, units: list[_U], meta: dict[str, Any]) -> None:
        parser = self._meta
        extra_b = self._parsed_extra[Reason.BYLINE]
        extra_t = self._parsed_extra[Reason.TIMESTAMP]
        # (Without user entries these rules match nothing: not asked.)
        live_b, live_t = extra_b.has_entries(), extra_t.has_entries()
        for u in units:
            # Bylines and time stamps are short; body sentences are not parsed.
            if u.reason is not None or len(u.text) > _MAX_PARSE_CHARS:
                continue
            if self._is_content(u):
                # A stamp as long as a sentence ("23 de noviembre de 2026 -
                # 07:30 a. m. Actualizado: 23 de noviembre de 2026 - 11:12 a.
                # m."): the whole line must parse as one.
                if not parser.may_open_stamp(u.text):
                    continue  # (most sentences: no parse)
                ts = parser.parse_timestamp(u.text)
                if ts is not None and self._assign(u, Reason.TIMESTAMP):
                    self._record_time(meta, ts.kind, ts.iso, ts.raw)
                continue
            by = parser.parse_byline(u.text)
            if by is not None or (live_b and extra_b.match(
                u.text, u.key, u.n_words, zone_edge=True, follows=False
            )):
                if not self._assign(u, Reason.BYLINE):
                    continue
                if by is not None:
                    if by.credit:
                        meta.setdefault("credits", []).append(u.text.strip("() "))
                    elif by.authors:
                        self._record_authors(meta, by.authors)
                    if by.timestamp is not None:
                        self._record_time(
                            meta, by.timestamp.kind, by.timestamp.iso, by.timestamp.raw
                        )
                continue
            ts = parser.parse_timestamp(u.text)
            if ts is None:
                ts = self._composite_timestamp(u.text)
            matched = ts is not None or (live_t and extra_t.match(
                u.text, u.key, u.n_words, zone_edge=True, follows=False
            ))
            if matched and self._assign(u, Reason.TIMESTAMP) and ts is not None:
                self._record_time(meta, ts.kind, ts.iso, ts.raw)
                if ts.author:
                    meta.setdefault("author", ts.author)
                    meta.setdefault("authors", []).append(ts.author)

    def _bare_bylines(self, units: list[_U], meta: dict[str, Any]) -> None:
        """A bare author name ("Lotte Vermeulen") right above or below a time
        stamp, before the body: a byline without "By"."""
        found: list[tuple[_U, str]] = []
        for u in units:
            name = None if u.reason is not None else self._meta.person_name_at(u.text)
            if name is None:
                continue
            near = [units[j] for j in (u.idx - 1, u.idx + 1) if 0 <= j < len(units)]
            if any(_stamp_or_contact(v) for v in near):
                found.append((u, name))
            elif u.idx + 2 < len(units) and _stamp_or_contact(units[u.idx + 2]):
                # The name, the writer's role or outlet ("Transport
                # Correspondent", "La Voix de l'Est"), the time stamp.
                role = units[u.idx + 1]
                if (
                    role.reason is None
                    and role.n_words <= _ROLE_WORDS
                    and not _ends_sentence(role.text)
                    and self._assign(role, Reason.BYLINE)
                ):
                    found.append((u, name))
        for u, name in found:
            self._bare_author(u, meta, name)

    def _bare_author(self, u: _U, meta: dict[str, Any], name: str | None = None) -> None:
        if self._assign(u, Reason.BYLINE):
            self._record_authors(meta, [name or u.text])

    @staticmethod
    def _record_authors(meta: dict[str, Any], names: Sequence[str]) -> None:
        """The first byline's names are the author; every name found is in "authors"."""
        meta.setdefault("author", " and ".join(names))
        authors = meta.setdefault("authors", [])
        authors.extend(a for a in names if a not in authors)

    def _signature(self, units: list[_U], meta: dict[str, Any]) -> None:
        """The signature under the story ("Nguyễn Đông" above the share
        buttons): a bare name after the last paragraph, the last line before
        page furniture, that the story itself never mentions."""
        end = self._body_zone(units)[1]
        after = end + 1
        while after < len(units) and units[after].reason is None:
            after += 1
        if end < 0 or after - 1 <= end or after >= len(units):
            return  # no story, or nothing but kept lines after it
        u = units[after - 1]
        if (
            u.reason is None
            and self._meta.is_person_name(u.text, caps=True)
            and not any(
                # (on the text: a long paragraph has no key)
                u.folded in v.folded
                for v in units[: after - 1]
                if v.reason is None
            )
        ):
            self._bare_author(u, meta)

    def _composite_timestamp(self, text: str) -> Timestamp | None:
        """A line like "March 12, 2026 | 5 min read | Share": a time stamp whose other
        segments are all junk by some rule."""
        if "°" in text:
            return None  # a weather strip's date is today's, not the story's
        # (Every separator holds one of these characters: most lines skip the split.)
        parts = (
            [p for p in _SEGMENT_SEP_RE.split(text) if p]
            if "|" in text or "-" in text or "–" in text or "—" in text or "·" in text or "•" in text
            else [text]
        )
        if len(parts) < 2:
            # "Publié aujourd'hui à 11h02, modifié à 12h47": two stamps;
            # "27 Nov 2026 3 minute read": the reading time run on.
            parts = [p for p in text.split(", ") if p]
            if len(parts) < 2:
                m = _READ_TIME_TAIL_RE.search(text)
                if m is None or m.start() == 0:
                    return None
                parts = [text[: m.start()], m.group().strip()]
        # Without a time stamp among the segments the answer is None whatever
        # the other segments are: parse them all first (the parser is pure) and
        # test the rest against every lexicon rule only when one is a stamp.
        stamps = [self._meta.parse_timestamp(p) for p in parts]
        if all(ts is None for ts in stamps):
            return None
        stamp = None
        for j, p in enumerate(parts):
            ts = stamps[j]
            if ts is not None:
                stamp = stamp or ts
                continue
            key = line_key(p)
            n = len(key.split())
            if any(r.match(p, key, n, zone_edge=True, follows=False) for r in self._rules):
                continue
            if j == 0 and 0 < n <= 4 and p[:1].isupper():
                continue  # a dateline place: "Albarracín (Teruel) - 12 mar 2026 - 06:00"
            if stamp is not None and _TIME_ONLY_RE.match(p):
                continue  # the time after the date: "12 mar 2026 - 06:00 CET"
            return None
        return stamp

    @staticmethod
    def _record_time(meta: dict[str, Any], kind: str, iso: str | None, raw: str) -> None:
        if iso is None:
            meta.setdefault("date_text", raw)
            return
        if kind == "updated":
            meta.setdefault("date_modified", iso)
        else:
            meta.setdefault("date", iso)

    def _duplicates(self, units: list[_U]) -> None:
        seen: set[str] = set()
        for u in units:
            if u.reason is not None:
                continue
            k = u.folded  # units are already whitespace-normalized
            if k in seen:
                self._assign(u, Reason.DUPLICATE_PARAGRAPH)
            else:
                seen.add(k)

    def _pull_quotes(self, units: list[_U]) -> None:
        """A pull quote: a short sentence repeating words of a longer paragraph
        near it, word for word ("People don't stop needing their medicine..."
        set in large type beside the paragraph that quotes it).

        Only the ``_PULL_QUOTE_WINDOW`` kept paragraphs on either side are
        compared (a pull quote sits by its source), so the cost stays linear.
        """
        kept = [u for u in units if u.reason is None]

        def key(u: _U) -> str:
            k = u.padded_key
            if k is None:  # cached on the unit: asked again in every round
                k = u.padded_key = f" {u.key or line_key(u.text)} "
            return k

        for j, u in enumerate(kept):
            if not (
                _PULL_QUOTE_MIN_WORDS <= u.n_words <= _PULL_QUOTE_MAX_WORDS
                and _ends_sentence(u.text)  # a quoted sentence, not a heading
            ):
                continue
            # Cheap necessary test first: the longest run of the line without
            # punctuation must occur in the neighbour as it stands.
            probe = u.probe
            if probe is None:  # cached on the unit: asked again in every round
                probe = u.probe = max(_PUNCT_RUN_RE.split(u.folded), key=len).strip()
            if len(probe) < _PULL_QUOTE_MIN_PROBE:
                continue
            lo, hi = max(0, j - _PULL_QUOTE_WINDOW), j + _PULL_QUOTE_WINDOW + 1
            window = kept[lo:hi]
            ids = tuple(map(id, window))
            if ids == u.pq_window:
                continue  # (asked in the last round among the same lines: no)
            for p in window:
                if p.n_words > u.n_words and probe in p.folded and key(u) in key(p):
                    self._assign(u, Reason.DUPLICATE_PARAGRAPH)
                    break
            else:
                u.pq_window = ids

    def _body_zone(self, units: list[_U]) -> tuple[int, int]:
        """The first and last index of the article body.

        The body starts at the first real paragraph directly followed by more
        body, a paragraph or a heading and a paragraph (a standfirst followed
        by a byline and share buttons is still top matter), and ends at the
        last real paragraph whose line above was not removed. Everything
        outside is the edge zone.
        """
        n = len(units)
        # The real paragraphs' indexes, met lazily from either end: the body
        # starts and ends near the page's edges, and this runs a few times a
        # round (testing every line each time was ~2% of a long article).
        is_content = self._is_content
        content = (i for i in range(n) if is_content(units[i]))
        first = next(content, None)
        if first is None:
            return n, -1  # everything is edge
        last = next(i for i in range(n - 1, -1, -1) if is_content(units[i]))

        def body_follows(i: int) -> bool:  # more body: a paragraph, or a heading and one
            if i >= n or units[i].reason is not None:
                return False
            return is_content(units[i]) or (i + 1 < n and is_content(units[i + 1]))

        start = first if body_follows(first + 1) else next((i for i in content if body_follows(i + 1)), None)
        if start is None:
            start = next(
                (i for i in range(first, n) if is_content(units[i]) and i + 1 < n and units[i + 1].reason is None),
                first,
            )
        end = next(
            (i for i in range(last, -1, -1) if is_content(units[i]) and i > 0 and units[i - 1].reason is None),
            last,
        )
        if start > end:
            return first, last
        return start, end

    def _figure_runs(self, units: list[_U]) -> None:
        """A ticker line (see :func:`_ticker`); two or more lines in a row that
        are figures only ("$4.61" / "-5.2%",
        "10,284.50" / "-349.00" / "-3.28%") or stat rows ("Shots 14 | 9",
        "PSAR -3.12%") are a quote widget or a score box,
        not the story. One such line alone ("42%" over its caption) is kept.
        Dates and times are not figures here (they are the time-stamp parser's)."""
        for t in units:
            if t.reason is None and _ticker(t):  # (cached on the unit)
                self._assign(t, Reason.DECORATION)
        run: list[_U] = []
        for u in [*units, None]:
            # (Rows another rule already removed still count for the run.
            # Neither test takes a line over _ROW_CHARS: not asked.)
            if (
                u is not None
                and len(u.text) <= _ROW_CHARS
                and (_figure_like(u.text) or _row_like(u.text))
            ):
                run.append(u)
                continue
            if len(run) >= 2:
                for v in run:
                    if v.kept:
                        self._assign(v, Reason.DECORATION)
            run.clear()

    def _captions(self, units: list[_U]) -> None:
        """A short line between a photo credit and the byline or time stamp
        under it ("The flood gates near the bridge were installed in 1985."):
        the caption of the lead picture, split from its credit. Story text
        never sits between the two."""
        stamps = (Reason.BYLINE, Reason.TIMESTAMP)
        for u in units[1:-1]:
            if u.reason is not None or u.n_words > _CAPTION_WORDS:
                continue
            # (Not the other way round: the standfirst often sits between the
            # time stamp and the lead picture's caption.)
            before, after = units[u.idx - 1].reason, units[u.idx + 1].reason
            if before is Reason.PHOTO_CREDIT and after in stamps:
                self._assign(u, Reason.PHOTO_CREDIT)

    def _summary_boxes(self, units: list[_U]) -> None:
        """An AI-written summary box: its label or note (see ``_AI_WORD_RE``)
        and the list items next to it ("• 93% recovery in lab tests ..."), or
        the short sentences between its label and its note."""
        n = len(units)
        for u in units:
            if u.n_words > _SUMMARY_ITEM_WORDS + 10:
                continue
            box = u.ai_box
            if box is None:
                box = u.ai_box = _ai_box_line(u)
            if not box:
                continue
            if u.reason is None:
                self._assign(u, Reason.BOILERPLATE)
            # Sentences above the box's closing note belong to it; those above
            # its label ("AI SUMMARY") are the headline and standfirst.
            note = _ends_sentence(u.text) or u.n_words > _AI_LABEL_WORDS
            for step in (1, -1):
                between: list[_U] = []
                j = u.idx + step
                while 0 <= j < n and len(between) < _SUMMARY_ITEMS:
                    v = units[j]
                    if v.reason is None and (
                        _BULLET_RE.match(v.text) or v.text[:1] in "·•▪"
                    ) and v.n_words <= _SUMMARY_ITEM_WORDS:
                        self._assign(v, Reason.BOILERPLATE)
                    elif (
                        v.reason is None and v.n_words <= _SUMMARY_ITEM_WORDS and step == -1 and note
                    ):
                        between.append(v)  # a sentence: kept unless a label closes the box
                    else:
                        break
                    j += step
                # "Auf den Punkt gebracht" / three sentences / "... mithilfe von KI
                # erstellt": the sentences between a removed label and the note.
                if between and 0 <= j < n and units[j].reason is not None and units[j].n_words <= 6:
                    for v in between:
                        self._assign(v, Reason.BOILERPLATE)

    def _top_boxes(self, units: list[_U]) -> None:
        """A box over the story under a lexicon ``box:`` label ("Key points",
        "In short:", "Das Wichtigste in Kürze"): the label and the short lines
        under it, when the story's first long paragraph comes right after them.

        Only above the story: no kept line before the label is longer than a
        box's item, and the box holds at most ``_SUMMARY_ITEMS`` + 2 lines (a
        question heading inside it: "What's next?").
        """
        labels = self._box_labels
        if not labels:
            return
        for u in units:
            if u.reason is None and u.n_words > _SUMMARY_ITEM_WORDS:
                return  # the story has begun
            if not u.key or u.key not in labels:
                continue  # (a label another rule removed first still heads its box)
            # Its items: the kept lines down to the first long one (the
            # story's first paragraph), at most _SUMMARY_ITEMS + 2 of them.
            items: list[_U] = []
            story = None
            for v in units[u.idx + 1 :]:
                if v.reason is not None:
                    continue
                if v.n_words > _SUMMARY_ITEM_WORDS:
                    story = v
                    break
                items.append(v)
                if len(items) > _SUMMARY_ITEMS + 2:
                    break
            if story is None:
                continue  # no long paragraph right after: not a box over the story
            if items:
                reason = labels[u.key]
                if u.reason is None:
                    self._assign(u, reason)
                for v in items:
                    self._assign(v, reason)
            return

    def _sandwiches(self, units: list[_U]) -> None:
        """A short line between two lines of one junk block (a newsletter box, a
        cookie banner, a comment form, a share bar) belongs to the block."""
        for i in range(1, len(units) - 1):
            u, before, after = units[i], units[i - 1], units[i + 1]
            if (
                u.reason is None
                and u.n_words <= 25
                and before.reason in _BLOCK_REASONS
                and after.reason is before.reason
            ):
                self._assign(u, before.reason)

    def _blocks(
        self,
        units: list[_U],
        reasons: tuple[Reason, ...] = (Reason.RELATED_LINKS, Reason.BOILERPLATE),
    ) -> None:
        """Lines under a block marker: the headlines under "Related Articles",
        the name, e-mail and phone under "Media contact:"."""
        limit = self.options.max_related_items
        for u in units:
            if u.reason is None or not u.key:
                continue
            # A related-links marker: a lexicon phrase, or any short label the rule
            # removed ("More from Crime"); "Read more: <headline>" is one line.
            is_related_marker = u.key in self._related_markers or (
                u.reason is Reason.RELATED_LINKS and u.n_words <= 4 and ":" not in u.text.rstrip(": ")
            )
            if Reason.RELATED_LINKS in reasons and is_related_marker:
                reason, item = Reason.RELATED_LINKS, self._related_item
            elif (
                Reason.BOILERPLATE in reasons
                and u.reason is Reason.TAGS_META
                and (u.key in self._tags_markers)
            ):
                # "Topics" / "Tags" with the tags one per line under it.
                reason, item = Reason.TAGS_META, self._tag_like
            elif Reason.BOILERPLATE in reasons and u.key in self._boilerplate_markers:
                reason, item = Reason.BOILERPLATE, self._contact_like
            else:
                continue
            taken = 0
            # A marker with its first item on the next line (no blank line) heads
            # a list that ends with its block; after a blank line, items may be
            # separated by blank lines too.
            nxt = units[u.idx + 1] if u.idx + 1 < len(units) else None
            same_block = nxt is not None and nxt.block == u.block
            if not same_block and u.idx > 0 and units[u.idx - 1].block == u.block:
                # The last line of a block it does not start ("SPONSORED /
                # <promo headline> / Partner content") is the card's label, not
                # the heading of a list below it.
                continue
            prev_words = 0
            numbered = False
            for v in units[u.idx + 1 :]:
                if taken >= limit or (same_block and v.block != u.block):
                    break
                if v.reason is not None:
                    if v.reason is Reason.REPEATED_TITLE:
                        break  # the story's headline: what follows is the story's
                    if v.reason is reason and v.n_words:
                        prev_words = len(v.text.split())  # removed already ("Read more: X")
                        taken += 1
                    continue
                if reason is Reason.RELATED_LINKS and (
                    self._leads_in(units, v)
                    or (numbered and not _BULLET_RE.match(v.text))
                    # A short question over a paragraph: the story's subheading
                    # ("What's going on?", "Ist die Talsohle erreicht?"); other
                    # stories' headlines that ask are longer.
                    or (
                        taken
                        and v.text.endswith("?")
                        and v.n_words <= _QUESTION_HEADING_WORDS
                        and self._body_next(units, v)
                    )
                    or (
                        taken
                        and ": " not in v.text  # "Town: Headline" is another story
                        and self._resumes(units, v, prev_words)
                    )
                ):
                    # The story resumes: a heading with its paragraph after a
                    # list of longer headlines, or after a numbered list.
                    break
                # A headline may ask a question of a dozen words; it is no
                # paragraph of the story for that.
                question = (
                    reason is Reason.RELATED_LINKS
                    and v.text.endswith("?")
                    and v.n_words <= self.options.max_title_words
                )
                content = self._is_content(v) and not question
                if not item(v) or content or not self._assign(v, reason):
                    break
                numbered = numbered or (not taken and bool(_BULLET_RE.match(v.text)))
                prev_words = len(v.text.split())
                taken += 1

    def _related_item(self, u: _U) -> bool:
        """A headline under a related-links marker (numbered lists allowed).

        Lines ending in ":", ";" or "," are list items and lead-ins of the
        story, never headlines of other stories.
        """
        if _BARE_NUMBER_RE.match(u.text):
            return True  # "1." on its own line, its headline on the next
        if u.text[-1] in ":;,":
            return False
        text = u.text
        if _BULLET_RE.match(text):  # "1. Headline", "* Headline", "• Headline"
            text = _BULLET_RE.sub("", text, count=1)
        if text.endswith("?"):  # headlines ask questions too: "Où en est la reconstruction ?"
            text = text.rstrip(" ?")
        elif u.text[:1].isdigit() and text.endswith(".") and not text.endswith(".."):
            # A numbered headline of two short sentences: "1. Atak zimy w
            # górach. Zamknięte szlaki w Tatrach." under "Najczęściej czytane".
            text = text[:-1]
        if text != u.text:
            if not text:
                return False
            u = _make_unit(u.idx, u.line_no, text)
        return self._headline_like(u)

    def _resumes(self, units: list[_U], u: _U, prev_words: int) -> bool:
        """Whether ``u``, after a related item of ``prev_words`` words, is the
        story's next subheading rather than one more headline: a paragraph
        follows it, and it is much shorter than the item above, or clearly
        shorter (at most 70%) and it names what that paragraph is about ("Upprop har samlat
        tusentals namn" over "Ett upprop mot nedläggningen har ...")."""
        words = len(u.text.split())
        if 10 * words > 7 * prev_words or not self._body_next(units, u):
            return False
        if 2 * words < prev_words:
            return True
        # ... and the story goes on after that paragraph (not a footer line).
        nxt, *rest = (v for v in units[u.idx + 1 :] if v.reason is None)
        return bool(_topic_stems(u.text) & _topic_stems(nxt.text)) and any(
            self._is_content(v) for v in rest[:2]
        )

    def _body_next(self, units: list[_U], u: _U) -> bool:
        """Whether the next kept line after ``u`` is a paragraph of the story
        (a real paragraph, or a sentence: a one-line quote)."""
        for v in units[u.idx + 1 :]:
            if v.reason is None:
                return self._is_content(v) or (
                    v.n_words >= _SENTENCE_WORDS and _ends_sentence(v.text)
                )
        return False

    def _leads_in(self, units: list[_U], u: _U) -> bool:
        """Whether the line after ``u`` is a sentence leading into a list
        ("The most common frauds are:"): ``u`` is then the section's heading."""
        nxt = units[u.idx + 1] if u.idx + 1 < len(units) else None
        return (
            nxt is not None
            and nxt.reason is None
            and nxt.text[-1] == ":"
            and nxt.n_words >= min(_SENTENCE_WORDS, self.options.min_content_words // 2)
        )

    def _tag_like(self, u: _U) -> bool:
        return u.reason is None and 0 < u.n_words <= 3 and u.text[-1] not in _RUN_BREAK

    def _contact_like(self, u: _U) -> bool:
        """A name, an e-mail address, a phone number: short, not a sentence."""
        return (
            u.reason is None
            and u.n_words <= 10
            and not self._is_content(u)
            and self._meta.parse_timestamp(u.text) is None
        )

    def _author_boxes(self, units: list[_U], authors: Sequence[str]) -> None:
        """The author's box under the story, for an author the byline named:
        their name alone on a line with the bio under it ("Lucía Ferrer" /
        "Periodista especializada en ..."), or a paragraph that opens with
        their full name and a verb of being ("Harriet Lowe is a columnist
        and ..."). Story text never sets the writer's name on its own line
        or introduces them in the third person."""
        # (A byline's name may carry the writer's town: "Daniela Kern, Biel".)
        names = {
            k
            for a in authors
            for k in (line_key(a), line_key(a.split(",", 1)[0]))
            if len(k.split()) >= 2
        }
        if not names:
            return
        # A bio may name its author by one name only ("Oyelaran covers
        # agriculture ...", "Chukwuemeka is a correspondent with ...").
        parts = {p for k in names for p in k.split() if len(p) >= 4}
        start = self._story_start(units)
        kept = [u for u in units if u.reason is None and u.idx > start]
        for j, u in enumerate(kept):
            key = u.key
            label, colon, rest = u.text.partition(":")
            if colon and 0 < len(label.split()) <= 3 and not _ends_sentence(label):
                # "Over de auteur: Hanneke Vos is verslaggever ...": the box's
                # label before the bio.
                key = line_key(rest)
            if u.key in names and u.n_words <= 4:
                self._assign(u, Reason.BOILERPLATE)
                nxt = kept[j + 1] if j + 1 < len(kept) else None
                if nxt is not None and nxt.reason is None and self._meta.starts_with_role(nxt.text):
                    self._assign(nxt, Reason.BOILERPLATE)
                continue
            for name in names:
                if key.startswith(name + " "):
                    after = key[len(name) + 1 :].split(" ", 1)[0]
                    if after in _BIO_VERBS and u.n_words <= _BIO_WORDS:
                        self._assign(u, Reason.BOILERPLATE)
                    break
            else:
                first, _, rest = u.key.partition(" ")
                if (
                    first in parts
                    and rest.split(" ", 1)[0] in _BIO_VERBS
                    and u.n_words <= _BIO_WORDS
                    and u.idx > len(units) // 2  # a bio follows the story
                ):
                    self._assign(u, Reason.BOILERPLATE)

    def _about_blocks(self, units: list[_U]) -> None:
        """Press-release boilerplate: an "About <Company>" heading whose paragraph
        names the company in its first words, when nothing but such blocks and
        page furniture follows it."""
        kept = [u for u in units if u.reason is None]
        for j, u in enumerate(kept):
            if u.n_words > 12 or j + 1 >= len(kept):
                continue  # (the cheap tests before the regex)
            m = _ABOUT_RE.match(u.text)
            if not m:
                continue
            entity = [w for w in line_key(m.group(1)).split() if w not in _ENTITY_SKIP]
            if not entity:
                continue
            first_word = entity[0]
            block = [u]
            for v in kept[j + 1 :]:
                if _ABOUT_RE.match(v.text) and v.n_words <= 12:
                    break
                block.append(v)
            body = [v for v in block[1:] if self._is_content(v)]
            if not body or first_word not in line_key(body[0].text[:200]).split()[:20]:
                continue
            rest = kept[j + len(block) :]
            if any(self._is_content(v) and not _ABOUT_RE.match(v.text) for v in rest[:1]):
                continue
            for v in block:
                self._assign(v, Reason.BOILERPLATE)

    def _comment_section(self, units: list[_U], first: int) -> None:
        """Reader comments under the article: after a comment-section header
        ("6 Comments", "Leave a reply", "Comments (38)") below the bulk of the
        body, every line is comment text, a commenter's name or form chrome.

        The header must follow most of the body (at least
        ``_COMMENTS_MIN_BEFORE`` paragraphs above it, and less than half as
        many body words below it as above), so a "Comments" button in a share
        bar above the story, or a comment count in its middle, never takes
        the story with it.
        """
        headers = self._comment_headers
        if not any(
            u.n_words <= 4
            and (
                u.reason is Reason.COMMENTS_SCAFFOLD or (u.reason is None and u.key in headers)
            )
            for u in units
        ):
            return  # no line can be the header (the usual page): nothing to count
        words_before = 0
        paras_before = 0
        header: int | None = None
        for u in units:
            if (
                u.idx > first
                and (
                    u.reason is Reason.COMMENTS_SCAFFOLD
                    or (u.reason is None and u.key in self._comment_headers)
                )
                and u.n_words <= 4
                and ":" not in u.text
                and paras_before >= _COMMENTS_MIN_BEFORE
            ):
                header = u.idx
                break
            if self._is_content(u):
                words_before += u.n_words
                paras_before += 1
        if header is None:
            return
        after = units[header + 1 :]
        words_after = sum(u.n_words for u in after if self._is_content(u))
        if 2 * words_after >= words_before:
            return
        self._assign(units[header], Reason.COMMENTS_SCAFFOLD)
        for u in after:
            if u.reason is None:
                self._assign(u, Reason.COMMENTS_SCAFFOLD)

    def _spared(self, units: list[_U], first: int, last: int) -> set[int]:
        """Edge lines that touch the body with nothing removed in between (a
        sign-off after the last paragraph, a subheading before the first)."""
        spared: set[int] = set()
        i = last + 1
        while 0 <= i < len(units) and units[i].reason is None:
            spared.add(i)
            i += 1
        i = first - 1
        while 0 <= i < len(units) and units[i].reason is None:
            spared.add(i)
            i -= 1
        return spared

    def _edge_furniture(self, units: list[_U], first: int, last: int, spared: set[int]) -> None:
        """Page furniture at the top and bottom that no lexicon names."""

        def at_edge(u: _U) -> bool:
            return (u.idx < first or u.idx > last) and u.idx not in spared

        n = len(units)
        # The lines outside the body, in order (the loops below that only
        # touch edge lines walk these alone: the body is most of a long page).
        outside = units if first > last else [*units[:first], *units[last + 1 :]]
        # A row of short items spaced apart ("Menu  Search  Subscribe  Log in"):
        # a menu bar, even where no item is in a lexicon.
        for u in outside:
            if (
                u.reason is None
                and at_edge(u)
                and u.cells >= _MENU_CELLS
                and u.n_words <= _MENU_CELL_WORDS * u.cells
                and _is_label(u)
            ):
                self._assign(u, Reason.NAVIGATION)
        # The same with its items between bars or dots ("Home | News | Sport |
        # Business", "Dólar $942 | Euro $1.021 | UF $39.512"): at the edge,
        # or anywhere with five items or more.
        for u in units:
            if u.reason is not None:
                continue
            items = _menu_items(u.text)
            if (
                len(items) > _MENU_CELLS
                and (at_edge(u) or len(items) >= _MENU_ITEMS_ANYWHERE)
                and all(len(p.split()) <= _MENU_CELL_WORDS + 1 for p in items)
                and not any(p[-1] in _SENTENCE_END for p in items)
            ):
                self._assign(u, Reason.NAVIGATION)
        # A short label between two removed lines belongs with them ("Save"
        # between "Share" and "Listen (3 min)").
        for u in outside:
            i = u.idx
            if (
                u.reason is None
                and at_edge(u)
                and 0 < i < n - 1
                and units[i - 1].reason is not None
                and units[i + 1].reason is not None
                and 0 < u.n_words <= 6
                and _is_label(u)
            ):
                self._assign(u, Reason.NAVIGATION)
        # A short line right above a bare photo credit ("Supplied", "Getty
        # Images") is the photo's caption.
        for u in outside:
            if u.idx >= n - 1:
                continue
            nxt = units[u.idx + 1]
            if (
                u.reason is None
                and (u.idx < first or u.idx > last)
                and u.n_words <= 30
                and nxt.reason is Reason.PHOTO_CREDIT
                and nxt.n_words <= 4
            ):
                self._assign(u, Reason.PHOTO_CREDIT)
        # Below the body, once the page footer has begun (something was removed
        # after the last paragraph), short non-sentences are footer furniture
        # too: a slogan, a platform's tagline.
        footer_started = False
        for u in units[last + 1 :] if last >= 0 else ():
            if u.reason is not None:
                footer_started = True
            elif (
                footer_started
                and u.idx not in spared
                and u.n_words <= 2 * _FOOTER_LABEL_WORDS
                and _is_label(u)
            ):
                self._assign(u, Reason.NAVIGATION)

    def _nav_runs(self, units: list[_U], first: int, last: int, spared: set[int]) -> None:
        """At the top and bottom, a run of short non-sentence lines is a menu.

        Removed short lines count as part of a run (a menu whose "Home" and
        "Contact" were already recognised); removed long lines are skipped;
        spared lines (see :meth:`_spared`) end a run.
        """
        max_words = self.options.max_nav_run_words
        if max_words == 0:
            return
        run: list[_U] = []

        def flush() -> None:
            if len(run) >= self.options.min_nav_run and any(v.reason is None for v in run):
                for v in run:
                    if v.reason is None:
                        self._assign(v, Reason.NAVIGATION)
            run.clear()

        for u in units:
            short = 0 < u.n_words <= max_words and _is_label(u)
            if u.reason is not None:
                if short and u.reason is not Reason.REPEATED_TITLE:
                    run.append(u)
                continue
            if short and (u.idx < first or u.idx > last) and u.idx not in spared:
                run.append(u)
            else:
                flush()
        flush()

    def _footer(self, units: list[_U]) -> None:
        """Below the story, lines that only the page footer surrounds.

        The story ends, at the latest, with its last two adjacent paragraphs.
        After them, a run of ``footer_gap`` removed lines (related lists,
        share bars, newsletter boxes, comment forms) starts the page footer;
        from there a group of at most ``max_footer_group`` kept lines between
        removed ones belongs to it too, prose or not: an author bio, an ethics
        or rights notice, an event promo, a commenter's post. A story's closing
        paragraph after a short ad or link is not cut: the gap must be long.

        >>> c = Cleaner()
        >>> body = ["Paragraph %d of the story, long enough to be a real one here." % i
        ...         for i in range(3)]
        >>> junk = ["Related", "Headline one", "Headline two", "Share", "Tweet"]
        >>> bio = "Jo Bloggs writes about town halls and the people who run them for us."
        >>> a = c.clean("\\n\\n".join([*body, *junk, bio, "Privacy policy"]))
        >>> bio in a.paragraphs
        False
        """
        gap = self.options.footer_gap
        if gap == 0:
            return
        n = len(units)
        # The story's last stretch: the last group of kept lines (nothing
        # removed between them) with two sentences of the story in it.
        anchor, sentences = None, 0
        for j in range(n - 1, -1, -1):
            u = units[j]
            if u.reason is not None:
                sentences = 0
                continue
            if u.n_words >= _FOOTER_SENTENCE_WORDS and _ends_sentence(u.text):
                sentences += 1
                if sentences == 2:
                    anchor = j
                    break
        if anchor is None:
            return
        while anchor + 1 < n and units[anchor + 1].reason is None:
            anchor += 1
        # A short closing line on its own that names who or what the story is
        # about ("Mr Hale has until June 16 to respond.") is the story's, even
        # after a long junk block.
        names: Counter[str] | None = None
        run, i = 0, anchor + 1
        longest = 0  # the longest run of removed lines since the story's end
        while i < n:
            if units[i].reason is not None:
                run += 1
                longest = max(longest, run)
                i += 1
                continue
            run, j = 0, i
            while j < n and units[j].reason is None:
                j += 1
            # A paragraph of prose needs a longer gap than labels do: an inline
            # box of four lines ("More from Styria", two headlines, an app
            # promo) may stand between the story's last two paragraphs.
            need = gap + _FOOTER_PROSE_GAP if any(self._is_content(v) for v in units[i:j]) else gap
            if longest >= need and j - i <= self.options.max_footer_group:
                if names is None:
                    names = _name_counts(v.text for v in units[: anchor + 1] if v.reason is None)
                lone = units[i] if j == i + 1 and units[i].n_words <= _FOOTER_CLOSING_WORDS else None
                if lone is None or not any(
                    names.get(w, 0) >= 2 for w in _names(lone.text, first=True)
                ):
                    for v in units[i:j]:
                        self._assign(v, Reason.BOILERPLATE)
                else:
                    lone.spared = True
            i = j

    def _is_heading(self, kept: list[_U], j: int) -> bool:
        u = kept[j]
        if j + 1 >= len(kept) or u.n_words == 0 or u.n_words > self.options.max_heading_words:
            return False
        text = u.text
        if len(text) > 150 or text[-1] in ".!?…,;:。！？、；：" or _BULLET_RE.match(text):
            return False
        if text[-1] in '"”’»' and len(text) > 1 and text[-2] in ".!?,":
            return False
        first = next((c for c in text if c.isalpha()), "")
        if first and first.islower():
            return False
        nxt = kept[j + 1]
        return nxt.n_words >= 1.5 * u.n_words or bool(_BULLET_RE.match(nxt.text))


def _build_rule(reason: Reason, options: CleanOptions, *, builtin: bool) -> RuleSet:
    lines: list[str] = []
    sources: list[str] = []
    if builtin and options.builtin_lexicons:
        lines.extend(load_builtin(reason.value))
        sources.append(f"builtin:{reason.value}.txt")
    packaged = len(lines)
    for path in options.lexicon_files.get(reason, ()):
        lines.append("@requires")  # a gate never carries over into another file
        lines.extend(read_entries(path))
        sources.append(str(path))
    return parse_rules(
        reason,
        lines,
        extra_phrases=options.extra_phrases.get(reason, ()),
        extra_patterns=options.extra_patterns.get(reason, ()),
        source=",".join(sources) or "<options>",
        packaged_lines=packaged,
    )


@lru_cache(maxsize=1)
def _default_rules() -> tuple[RuleSet, ...]:
    # The packaged lexicons are immutable data: compiling them once per process
    # changes no result, it only saves the work.
    return tuple(_build_rule(r, CleanOptions(), builtin=True) for r in LEXICON_REASONS)


_Tiers = tuple[list[int], dict[bool, list[Patterns | None]]]


def _tiers(rules: tuple[RuleSet, ...]) -> _Tiers:
    """Pre-tests by line length: a line of length L can only match rules whose
    max_chars >= L, so a long body paragraph faces a much smaller union."""
    limits = sorted({r.max_chars for r in rules})
    # Tier t holds lines longer than limits[t - 1]: patterns that cannot match
    # a line that long are left out of its union.
    floors = [0, *(limit + 1 for limit in limits[:-1])]
    unions = {
        at_edge: [
            union(
                (
                    p
                    for r in rules
                    if r.max_chars >= limit
                    for p in ((r.pattern, r.edge_pattern) if at_edge else (r.pattern,))
                ),
                min_len=floor,
            )
            for limit, floor in zip(limits, floors, strict=True)
        ]
        for at_edge in (False, True)
    }
    return limits, unions


@lru_cache(maxsize=1)
def _default_tiers() -> _Tiers:
    # Built once per process from the immutable packaged lexicons, like them.
    return _tiers(_default_rules())


def _gate_index(rules: tuple[RuleSet, ...], tiers: dict[bool, list[Patterns | None]]) -> GateIndex:
    literals = set().union(*(r.literals() for r in rules))
    literals.update(lit for unions in tiers.values() for p in unions if p for lit in p.literals)
    return GateIndex(literals)


@lru_cache(maxsize=1)
def _default_gate_index() -> GateIndex:
    # Built once per process from the immutable packaged lexicons, like them.
    return _gate_index(_default_rules(), _default_tiers()[1])


def _build_rules(options: CleanOptions) -> tuple[RuleSet, ...]:
    if (
        options.builtin_lexicons
        and not options.extra_phrases
        and not options.extra_patterns
        and not options.lexicon_files
    ):
        return _default_rules()
    return tuple(_build_rule(r, options, builtin=True) for r in LEXICON_REASONS)


def clean_text(
    text: str,
    *,
    title: str | None = None,
    options: CleanOptions | None = None,
    profile: SiteProfile | None = None,
) -> Article:
    """Clean one scraped plain-text article (a one-shot :class:`Cleaner`).

    >>> from newsclean import clean_text
    >>> a = clean_text("hOME\\n\\nThe Vote Is In\\n\\nThe Vote Is In\\n\\nVoters in the town approved "
    ...                "the new school by a wide margin on Sunday, officials said.\\n\\nExit mobile version")
    >>> a.title, a.paragraphs
    ('The Vote Is In', ('Voters in the town approved the new school by a wide margin on Sunday, officials said.',))
    """
    return Cleaner(options).clean(text, title=title, profile=profile)
