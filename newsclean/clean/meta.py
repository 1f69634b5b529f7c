"""Byline and time-stamp lines: recognise them and parse author and date.

A byline ("By Jane Doe, Staff Writer", "Von Max Mustermann", "Jane Doe | Reuters")
or a time stamp ("Published 12 March 2026, 10:14", "Updated 3 hours ago",
"Publié le 12 mars 2026 à 10h14") leaves the body; what can be parsed goes to
``Article.meta``. The words involved (month and weekday names, prefixes,
roles) are data files: ``byline.txt``, ``timestamp.txt``, ``months.txt``,
``weekdays.txt``.

>>> p = MetaParser.builtin()
>>> p.parse_byline("By Jane Doe, Staff Writer").authors
('Jane Doe',)
>>> p.parse_timestamp("Published 12 March 2026, 10:14").iso
'2026-03-12T10:14'
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .lexicon import MARK_CLASS, fold, line_key, load_builtin

__all__ = ["Byline", "MetaParser", "Timestamp"]


@dataclass(frozen=True)
class Byline:
    """A parsed byline (``credit`` is True for "Reporting by ...; Editing by ..." lines)."""

    authors: tuple[str, ...]
    credit: bool = False
    timestamp: Timestamp | None = None


@dataclass(frozen=True)
class Timestamp:
    """A parsed time stamp. ``iso`` is ``None`` for relative times ("3 hours ago")."""

    kind: str  # "published" or "updated"
    iso: str | None
    raw: str
    author: str | None = None  # "Posted on March 3, 2026 by Jane Doe"


_PARTICLES = frozenset(
    [
        "de",
        "da",
        "del",
        "della",
        "dei",
        "der",
        "den",
        "van",
        "von",
        "la",
        "le",
        "di",
        "du",
        "dos",
        "das",
        "do",
        "bin",
        "ibn",
        "al",
        "el",
        "ten",
        "ter",
        "y",
        "e",
        "st",
        "st.",
        "mc",
        "mac",
    ]
)
_FUNCTION_WORDS = frozenset(
    [
        "of",
        "for",
        "the",
        "at",
        "in",
        "and",
        "on",
        "de",
        "du",
        "des",
        "la",
        "le",
        "el",
        "del",
        "der",
        "die",
        "das",
        "für",
        "und",
        "y",
        "et",
        "e",
        "di",
        "da",
        "do",
        "dos",
        "van",
        "von",
        "a",
        "an",
        "en",
        "with",
    ]
)
_DIGIT_RE = re.compile(r"\d")
_WORD_SPAN_RE = re.compile(r"\S+")
# "Helen Marchetti in London": a name and where it was written.
_NAME_AT_PLACE_RE = re.compile(
    r"^(\S+(?:\s+\S+){1,2})\s+(?:in|from|aus|à|en|em|desde|da|i|w|v|u|в|у)\s+(\S+(?:\s+\S+){0,2})$"
)
# The most whitespace-separated tokens a bare byline can have: a name of 2-3
# (is_person_name), name + "in" + place of 1-3 (_NAME_AT_PLACE_RE: 4-7),
# place of 1-2 with its colon + name of 2-3 (_PLACE_THEN_NAME_RE: 3-5).
# (``\s`` / ``\S`` and str.split() agree on what whitespace is.)
_NAME_LINE_TOKENS = 7
# "دبي: سارة المنصوري": where it was written, then the name.
_PLACE_THEN_NAME_RE = re.compile(r"^(\S+(?:\s+\S+)?)[:：]\s+(\S+(?:\s+\S+){1,2})$")
# An e-mail address or a social handle.
_CONTACT_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|@\w{2,30}")
_TRAILING_PAREN_RE = re.compile(r"\s*\(([^()]{1,80})\)$")
_BYLINE_SEP_RE = re.compile(r"[,|·•—–/;]| - ")
# "(APA/red.)", "(dpa)", "(AFP/Reuters)": an agency credit closing wire copy.
_AGENCY_CREDIT_RE = re.compile(
    r"^\(\s*(?:[A-Za-z][A-Za-z]{1,11}|red\.?)(?:\s*[/,;&]\s*(?:[A-Za-z][A-Za-z]{1,11}|red\.?|ag\.?|mit \w+)){0,3}\s*\)$"
)
# "（中野支局・石田真由美）", "（記者 王小明／台北報導）", "(서울=기자 홍길동)": a
# reporter's or bureau's credit in brackets, a line of its own.
_CJK_CREDIT_RE = re.compile(
    r"^[（(【\[][^（）()【】\[\]]{0,24}(?:支局|総局|支社|本社|編集局|記者|记者|特派員|特派员"
    r"|報導|报道|通訊員|通讯员|기자|특파원)[^（）()【】\[\]]{0,24}[）)】\]]$"
)
# "Julie Masson (avec Belga)": a trailing "(with Agency)" on a byline.
_WITH_AGENCY_RE = re.compile(
    r"\s*\((?:avec|with|mit|con|com|met|e)\s+[^()]{1,40}\)$", re.IGNORECASE
)
def _capital(token: str) -> bool:
    """A capitalised word, or one in a script without letter case (Arabic, CJK)."""
    c = token[:1]
    return c.isupper() or (c.isalpha() and not c.islower())


# A name's letters, with the combining marks of scripts that write vowels as
# marks ("नेहा", "สมชาย") and the joiners of Persian ("محمدی‌فر").
_NAME_TOKEN_RE = re.compile(rf"^[^\W\d_](?:[^\W\d_]|[{MARK_CLASS}\u200c\u200d]|[-'’.])*$")
# ("Kimone Grant/Staff Reporter": a slash between words, not in a date.)
_SEPARATORS_RE = re.compile(
    r"\s+[|·•—–]\s+|\s*\|\s*|\s+-\s+|\s+/\s+|(?<=[^\W\d_])/(?=[^\W\d_])|\s*;\s*"
)
_AND_RE = re.compile(r"\s+(?:and|und|et|y|e|en|&|og|och)\s+|\s*&\s*", re.IGNORECASE)
_TZ = (
    r"(?:ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|GMT|UTC|BST|CET|CEST|MEZ|MESZ|WET|WEST|EET|EEST|IST"
    r"|JST|KST|HKT|SGT|MYT|EAT|CAT|WAT|SAST|PKT|ICT|PHT|AEST|AEDT|AWST|NZST|NZDT|WIB|WITA|WIT|MSK|BRT|ART|HE|HNE|HAE|HNC|HAC"
    r"|ACST|ACDT|AKST|AKDT|HST|AST|ADT|NST|NDT|GST|BDT|NPT|TRT|IRST|CLT|COT|PET|VET|UYT|ECT"
    # "بتوقيت مكة" (Mecca time), "بتوقيت غرينتش": a zone named by a place.
    r"|بتوقيت(?:\s+\S+){1,2})"
)
_NUMBER_WORDS = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|ein|eine|einer|einem|zwei|drei|un|une|deux|trois|uno|una|dos|tres|um|uma)"
_UNITS = (
    r"(?:sec|secs|second|seconds|min|mins|minute|minutes|hr|hrs|hour|hours|h|day|days|week|weeks|month|months|year|years"
    r"|sekunden?|minuten?|stunden?|std|tag|tagen|tage|woche|wochen|monat|monaten|jahr|jahren"
    r"|secondes?|heures?|jours?|semaines?|mois|ans?|années?"
    r"|segundos?|minutos?|horas?|días?|dias?|semanas?|mes|meses|años?|anos?"
    r"|secondi|minuti|ore|ora|giorni|giorno|settimane?|mesi|anni|uur|dagen|weken)"
)
_RELATIVE = (
    rf"(?:(?:about|around|approx\.?|over|vor|ca\.?|il y a|hace|há|fa|circa)\s+)?(?:\d+\s*(?:m|d|w|y)\b|{_NUMBER_WORDS}\s*{_UNITS})\.?"
    r"(?:\s+(?:ago|fa|atrás|geleden))?"
    r"|just now|moments? ago|yesterday|today|heute|gestern|soeben|aujourd'hui|hier|à l'instant|hoy|ayer"
    r"|ahora|oggi|ieri|hoje|ontem|vandaag|gisteren"
)


def _read_prefixed(lines: Iterable[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        kind, _, value = line.partition(":")
        out.setdefault(kind.strip(), []).append(value.strip())
    return out


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True) if w)


def _trie_alternation(words: Iterable[str]) -> str:
    """A regex matching exactly the strings :func:`_alternation` matches, with
    the words' common prefixes factored out ("publi(?:shed|é)"): the regex
    engine tries the alternatives of a group one by one, so a few hundred
    phrases cost a few hundred tries per line; as a trie, a few dozen. Only
    for tests of whether a match exists (which alternative matched, and so
    the matched text, may differ from the longest-first alternation).

    >>> _trie_alternation(["am", "an", "a"])
    'a(?:m|n)?'
    """
    trie: dict[str, Any] = {}
    for w in set(words):
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def emit(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        if len(alts) == 1 and "" not in node:
            return alts[0]
        body = alts[0] if len(alts) == 1 and len(alts[0]) == 1 else f"(?:{'|'.join(alts)})"
        return body + "?" if "" in node else body

    return emit(trie)


_FIRST_WORD_RE = re.compile(r"[^\W\d_]+")
class _FirstWords:
    """The first words of a set of phrases, as a cheap test before a costly
    regex alternation of them: a line whose first word (folded like the
    lexicons fold) is none of them cannot start with one of the phrases.
    When a phrase does not start with a letter, every line may."""

    def __init__(self, phrases: Iterable[str]) -> None:
        firsts = [_FIRST_WORD_RE.match(p) for p in phrases]
        self._words = frozenset(fold(w.group()) for w in firsts if w is not None)
        self._any = any(w is None for w in firsts)

    def may_start(self, s: str) -> bool:
        if self._any:
            return True
        w = _FIRST_WORD_RE.match(s)
        if w is None:
            return False
        word = w.group()
        # An ASCII word folds as it lowers (fold() only differs on "İ", "ı",
        # Greek accents and Arabic marks); lower() saves a Python call.
        return (word.lower() if word.isascii() else fold(word)) in self._words


# Every date form of MetaParser._date_re holds a four-digit year, except
# "12.03.26", which holds a digit, a separator and a digit: a line with neither
# skips that regex (its month alternation of hundreds of names made it ~50 us
# per heading such as "Chapter 3 Begins").
_DATE_DIGITS_RE = re.compile(r"\d{4}|\d[./·-]\d")
# The afternoon words before a clock time in Korean, Chinese and Japanese.
_CJK_PM = frozenset(["오후", "下午", "午後"])
# A year this large is of the Buddhist era (Thai dates): 2569 is 2026.
_BUDDHIST_ERA_FROM = 2400
# What may follow a date and its time to say when it was updated: every
# "updated:" prefix of timestamp.txt, and these words, which are no such
# prefix there ("published" is another kind; "更新" alone, "تحديث" alone).
_UPDATED_WORDS = ("modifica", "first published", "published", "تحديث", "更新")

_BY_WORDS_PADDED = (" by ", " von ", " par ", " por ", " di ", " door ")

# Only figures of a day, month and time: "27.11. 2:00", "27/11 - 14:05".
_NUMERIC_STAMP_RE = re.compile(
    r"^\d{1,2}[./-]\d{1,2}\.?(?:[./-]\d{2,4})?(?:\s*(?:,|-|–|\||klo|kl\.?|at|um|à|om)?\s*"
    r"\d{1,2}[:.h]\d{2}(?:\s*(?:uhr|uur|h))?)?$",
    re.IGNORECASE,
)
# A dateline's place before a date: one to three capitalised words and a comma.
_PLACE_RE = re.compile(r"^(?:[^\W\d_][\w'’.-]*)(?:\s+[^\W\d_][\w'’.-]*){0,2},\s+")

# An unknown label before a date: one to three words of letters, maybe a ":".
_UNKNOWN_LABEL_RE = re.compile(
    r"^[^\W\d_]+(?:[ -][^\W\d_]+){0,2}(?:\s+[^\W\d_]{1,3})??\s*(?P<colon>[:：])?\s+"
)


class MetaParser:
    """Recognises byline and time-stamp lines. Immutable after construction."""

    def __init__(
        self,
        *,
        months: dict[str, int],
        weekdays: frozenset[str],
        byline: dict[str, list[str]],
        timestamp: dict[str, list[str]],
    ) -> None:
        self._months = months
        self._weekdays = weekdays
        # Every date form starts with a digit, a weekday or a month name: a line
        # whose first word is none of them skips the (costly) date regex.
        self._date_first = _FirstWords((*months, *weekdays))
        self._roles = frozenset(line_key(r) for r in byline.get("role", []))
        self._role_words = frozenset(w for r in self._roles for w in r.split())
        self._role_len = max((len(r.split()) for r in self._roles), default=0)
        month = _alternation(months)
        weekday = _alternation(weekdays)
        time = (
            r"(?:\s*(?:,|at|um|à|a las|a la|alle|às|ás|om|kl\.?|klo\.?|godz\.?|o godz\.?|u|v|в|saat|lúc|-|–|—|\||·|/)?\s*"
            r"(?P<H>\d{1,2})(?:\s?[:.h]\s?(?P<M>\d{2})|(?=\s*[ap]\.?\s?m\b))(?::\d{2})?"
            r"(?:\s*(?P<ampm>[ap])\.?\s?m\.?)?(?:\s*(?:uhr|uur|h|hs|hrs|hr|horas|ore|heures|val\.?|น\.?|(?P<arpm>مساءً|مساء)|صباحاً|صباحا))?"
            rf"(?:\s*\(?(?:{_TZ}|(?:utc|gmt)\s*[+-]\s*\d{{1,2}}(?::?\d{{2}})?)\)?)?)?"
        )
        day = r"(?P<d>\d{1,2})(?:st|nd|rd|th|er|º|°|\.)?"
        date_forms = (
            # 2026-03-12, 2026.03.12. (Hungarian), 2026/03/12, with a time.
            r"(?P<iy>\d{4})(?P<isep>[-./])(?P<im>\d{1,2})(?P=isep)(?P<id>\d{1,2})\.?"
            r"(?:(?:T|\s+|,\s*)(?:(?P<kampm>오전|오후|上午|下午|午前|午後)\s*)?"
            r"(?P<iH>\d{1,2}):(?P<iM>\d{2})(?::\d{2}(?:\.\d+)?)?"
            r"(?:Z|[+-]\d{2}:?\d{2})?)?",
            # 2026年3月12日 (Japanese, Chinese), 2026년 3월 12일 (Korean), with a time.
            r"(?P<cy>\d{4})\s*[年년]\s*(?P<cm>\d{1,2})\s*[月월]\s*(?P<cd>\d{1,2})\s*[日일]"
            r"(?:\s*[（(]?[月火水木金土日][）)]?)?"
            r"(?:\s*(?P<cH>\d{1,2})\s*(?:[:：]|時|시)\s*(?P<cM>\d{2})\s*(?:分|분)?)?",
            # 2026. november 27. (Hungarian): year, month name, day.
            rf"(?P<hy>\d{{4}})\.\s*(?P<hmon>{month})\.?\s+(?P<hd>\d{{1,2}})\.?",
            rf"{day}\s*(?:de\s+)?(?P<mon>{month})\.?,?\s*(?:de\s+|del\s+)?(?P<y>\d{{4}})",
            rf"(?P<mon2>{month})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})",
            r"(?P<na>\d{1,2})[./·-](?P<nb>\d{1,2})[./·-](?P<ny>\d{4}|\d{2})(?:(?<=\d{4})\.)?",
        )
        weekday_prefix = rf"(?:(?:{weekday})\.?,?\s+)?"
        # "10:14, 12 March 2026": the time may also come first.
        lead_time = (
            r"(?:(?P<LH>\d{1,2})[:.h](?P<LM>\d{2})(?:\s*(?P<lampm>[ap])\.?\s?m\.?)?"
            rf"(?:\s*(?:uhr|h))?(?:\s*{_TZ})?\s*(?:,|-|–|\||·)?\s*)?"
        )
        # "..., mis à jour à 23h40" / "| updated 4:10 pm": a second time may follow.
        # Also with no separator, or in parentheses: "22/11/2026 09h15
        # Atualizado há 2 dias", "26 novembre 2026 (modifica il 26 novembre
        # 2026 | 21:48)", "2026-11-21 09:12 수정 2026-11-21 10:05".
        # The words are those above and every "updated:" prefix of
        # timestamp.txt ("Laatste update: 27-11-26, 18:02").
        updated_words = _alternation(
            [*_UPDATED_WORDS, *(w.casefold() for w in timestamp.get("updated", []))]
        )
        also_updated = (
            rf"(?:\s*(?:,|\||·|-|–|\()?\s*(?:{updated_words})(?:\b|(?<=\W)|(?<=[수정更新]))[^|()]{{0,40}}"
            r"(?:\|\s*\d{1,2}[:.h]\d{2}\s*)?\)?"
            # "2026年11月28日 5時00分（11月28日 9時41分更新）": the update
            # word closes the parenthesis.
            r"|\s*[（(][^（）()]{1,30}(?:更新|수정)[）)])?"
        )
        self._date_re = re.compile(
            rf"^{lead_time}{weekday_prefix}(?:{'|'.join(date_forms)}){time}{also_updated}\s*$",
            re.IGNORECASE,
        )
        self._relative_re = re.compile(rf"^(?:{_RELATIVE}){time}\s*$", re.IGNORECASE)
        # A time on its own: a stamp with its zone ("11.58 GMT"), a player's
        # duration ("1:12", "02:13:05"). A clock time with a.m./p.m. and no
        # zone ("11:40 a.m.") heads a live-blog entry and is left alone.
        # A time after its prefix, maybe after "at" ("Mis à jour à 21 h 45",
        # "Actualitzada a les 10:12 h").
        self._time_only_re = re.compile(
            r"^(?:(?:à|a les|a las|a la|les|las|at|um|alle|às|om|kl\.?|klo)\s+)?"
            # ("6 h 12 HNE": a Quebec stamp spaces its "h".)
            rf"(?:\d{{1,2}}(?:[:.h]|\s?h\s?)\d{{2}}(?:\s*(?:uhr|h|hs|hrs))?\s*\(?(?:{_TZ})\)?"
            r"|\d{1,2}\s?[:h]\s?\d{2}(?::\d{2})?(?:\s*(?:uhr|h|hs|hrs))?)\s*$",
        )
        ts_prefixes: dict[str, str] = {}
        for kind in ("published", "updated"):
            for p in timestamp.get(kind, []):
                ts_prefixes[p.casefold()] = kind
        self._ts_kinds = ts_prefixes
        # A line starting with none of the prefixes' first words skips the
        # prefix regex (an alternation of hundreds of phrases).
        self._prefix_first = _FirstWords(ts_prefixes)
        self._ts_prefix_re = re.compile(
            rf"^(?P<p>{_alternation(ts_prefixes)})(?:\s+(?:on|at|am|le|el|il|em|op|um|a|à|às|den)\b)?\s*[:：]?\s*",
            re.IGNORECASE,
        )
        # Time stamps without digits start with a prefix word or a relative time.
        self._no_digit_re = re.compile(
            rf"^[\s()\[\]|·•*–—-]*(?:{_trie_alternation(ts_prefixes)}|{_RELATIVE})", re.IGNORECASE
        )
        self._by_prefix_re = re.compile(
            rf"^(?P<p>{_alternation(byline.get('prefix', []))})\s*[:：]?\s+", re.IGNORECASE
        )
        self._credit_re = re.compile(
            rf"^[(\[]?\s*(?:{_alternation(byline.get('credit', []))})\b\s*:?\s*\S", re.IGNORECASE
        )
        self._trailing_by_re = re.compile(
            r"\s+(?:by|von|par|por|di|door)\s+(?P<who>.{1,60})$", re.IGNORECASE
        )

    @classmethod
    def builtin(cls) -> MetaParser:
        """The parser built from the packaged data files (cached: it is immutable)."""
        return _builtin_parser()

    # -- time stamps -------------------------------------------------------
    def _date_iso(self, m: re.Match[str]) -> str | None:
        g = m.groupdict()
        try:
            if g.get("iy"):
                y, mo, d = int(g["iy"]), int(g["im"]), int(g["id"])
                hh, mm = g.get("iH"), g.get("iM")
            elif g.get("cy"):
                y, mo, d = int(g["cy"]), int(g["cm"]), int(g["cd"])
                hh, mm = g.get("cH"), g.get("cM")
            else:
                if g.get("hmon"):
                    y, mo, d = int(g["hy"]), self._months[g["hmon"].casefold()], int(g["hd"])
                elif g.get("mon"):
                    y, mo, d = int(g["y"]), self._months[g["mon"].casefold()], int(g["d"])
                elif g.get("mon2"):
                    y, mo, d = int(g["y2"]), self._months[g["mon2"].casefold()], int(g["d2"])
                else:
                    a, b, y = int(g["na"]), int(g["nb"]), int(g["ny"])
                    if y < 100:
                        y += 2000 if y < 70 else 1900
                    d, mo = (a, b) if b <= 12 else (b, a)
                hh, mm = g.get("H"), g.get("M")
                if hh is None and g.get("LH"):
                    hh, mm = g["LH"], g["LM"]
                    g["ampm"] = g.get("lampm")
            if y >= _BUDDHIST_ERA_FROM:  # "28 พ.ย. 2569": Thai years count from 543 BC
                y -= 543
            date = _dt.date(y, mo, d)
        except (KeyError, ValueError, TypeError):
            return None
        if hh is None:
            return date.isoformat()
        hour, minute = int(hh), int(mm or 0)
        # مساءً, 오후, 下午, 午後: p.m.
        ampm = (g.get("ampm") or ("p" if g.get("arpm") else "")).lower()
        if g.get("kampm"):
            ampm = "p" if g["kampm"] in _CJK_PM else "a"
        if ampm == "p" and hour < 12:
            hour += 12
        elif ampm == "a" and hour == 12:
            hour = 0
        if hour > 23 or minute > 59:
            return date.isoformat()
        return f"{date.isoformat()}T{hour:02d}:{minute:02d}"

    def parse_timestamp(self, text: str) -> Timestamp | None:
        """Parse a whole line as a time stamp, or return ``None``.

        >>> MetaParser.builtin().parse_timestamp("Veröffentlicht am 12.03.2026, 10:14 Uhr").iso
        '2026-03-12T10:14'
        """
        if len(text) > 120:
            return None
        if _DIGIT_RE.search(text) is None and not self._no_digit_re.match(text):
            return None  # cheap exit: no date, no relative time, no prefix
        s = text.strip(" ()[]|·•-–—*")
        kind = "published"
        m = self._ts_prefix_re.match(s) if self._may_be_prefix(s) else None
        has_prefix = False
        if m:
            kind = self._ts_kinds.get(m.group("p").casefold(), "published")
            rest = s[m.end() :]
            has_prefix = True
        else:
            rest = s
        rest = rest.strip(" ,")
        if not rest:
            return Timestamp(kind, None, text) if has_prefix else None
        folded = rest.casefold()
        author_tail = (
            self._trailing_by_re.search(rest)
            if any(map(folded.__contains__, _BY_WORDS_PADDED))
            else None
        )
        author = None
        if author_tail:  # "Posted on March 3, 2026 by admin"
            rest = rest[: author_tail.start()]
            who = author_tail.group("who").strip(" .")
            author = who if self._is_name(who) else None
        dm = self._date_re.match(rest) if self._may_be_date(rest) else None
        if dm:
            return Timestamp(kind, self._date_iso(dm), text, author)
        if self._relative_re.match(rest) or self._time_only_re.match(rest):
            return Timestamp(kind, None, text, author)
        if has_prefix and _NUMERIC_STAMP_RE.match(rest):
            # "Julkaistu: 27.11. 2:00": a stamp without its year; no date to record.
            return Timestamp(kind, None, text, author)
        # (Both forms below need _may_be_date on a part of ``s``: without a
        # date's digits in ``s``, neither regex is tried.)
        if not has_prefix and _DATE_DIGITS_RE.search(s) is not None:
            # A dateline place before the date: "Cusco, 28 de noviembre de 2026 | 09:47 h".
            pm = _PLACE_RE.match(rest)
            if pm:
                after = rest[pm.end() :]
                dm = self._date_re.match(after) if self._may_be_date(after) else None
                if dm:
                    return Timestamp(kind, self._date_iso(dm), text, author)
            # A label in a language the lexicon lacks ("Publisert 27.11.2026
            # 11:32", "Giriş: 24.11.2026 09:14"): one to three words before a
            # full date with its time is a stamp.
            lm = _UNKNOWN_LABEL_RE.match(s)
            if lm:
                after = s[lm.end() :].strip(" ,")
                dm = self._date_re.match(after) if self._may_be_date(after) else None
                if dm:
                    iso = self._date_iso(dm)
                    if iso is not None and "T" in iso:
                        return Timestamp("published", iso, text, None)
        return None

    # -- bylines -----------------------------------------------------------
    def is_person_name(self, s: str, *, caps: bool = False) -> bool:
        """Whether ``s`` is a bare person name of 2-3 words ("Lotte Vermeulen";
        in capitals, "HOÀNG LONG", only with ``caps``)."""
        return 2 <= len(s.split()) <= 3 and self._is_name(s) and (caps or not s.isupper())

    def person_name_at(self, s: str) -> str | None:
        """The name of a bare byline: a person name, or one with the place it
        was written in ("Helen Marchetti in London" and "London: Helen
        Marchetti" give "Helen Marchetti").

        >>> MetaParser.builtin().person_name_at("Helen Marchetti in London")
        'Helen Marchetti'
        """
        if len(s.split(None, _NAME_LINE_TOKENS)) > _NAME_LINE_TOKENS:
            return None  # (a paragraph: split cut short, no regex tried)
        if self.is_person_name(s):
            return s
        m = _NAME_AT_PLACE_RE.match(s)
        if m and self.is_person_name(m.group(1)) and self._is_name(m.group(2)):
            return m.group(1)
        m = _PLACE_THEN_NAME_RE.match(s)
        if m and self._is_name(m.group(1)) and self.is_person_name(m.group(2)):
            return m.group(2)  # "دبي: سارة المنصوري" (Dubai: Sara Al-Mansouri)
        return None

    def _is_name(self, s: str) -> bool:
        tokens = s.split()
        if not 1 <= len(tokens) <= 5:
            return False
        first = tokens[0]
        if not _capital(first) or first.casefold().rstrip(".,") in self._weekdays:
            return False
        if first.casefold().rstrip(".,") in self._months:
            return False
        for t in tokens:
            bare = t.strip(".,'’")
            if not bare or not _NAME_TOKEN_RE.match(bare):
                return False
            if _capital(bare):
                continue
            if bare.casefold() not in _PARTICLES:
                return False
        return True

    def _may_be_prefix(self, s: str) -> bool:
        """Whether ``s`` can start with a time-stamp prefix ("Published", "Aktualisiert")."""
        return self._prefix_first.may_start(s)

    def may_open_stamp(self, s: str) -> bool:
        """Whether ``s`` starts as a time stamp can: with a digit, a month or
        weekday name, or a stamp's prefix word (a cheap test before
        :meth:`parse_timestamp` on lines as long as a sentence)."""
        return bool(s) and (
            s[0].isdigit() or self._date_first.may_start(s) or self._may_be_prefix(s)
        )

    def _may_be_date(self, s: str) -> bool:
        """Whether ``s`` can start a date (a digit, a weekday or a month name)
        and holds the digits every date form has (see ``_DATE_DIGITS_RE``)."""
        # (The digits first: most lines that reach here have none, and the
        # search is cheaper than folding the first word.)
        return (
            bool(s)
            and _DATE_DIGITS_RE.search(s) is not None
            and (s[0].isdigit() or self._date_first.may_start(s))
        )

    def starts_with_role(self, text: str) -> bool:
        """Whether ``text`` opens with a journalist's role ("Periodista
        especializada en ...", "Reporter covering ...").

        >>> MetaParser.builtin().starts_with_role("Periodista especializada en economía.")
        True
        """
        words = line_key(text[:60]).split()
        return any(" ".join(words[:n]) in self._roles for n in (1, 2, 3) if n <= len(words))

    def _strip_roles(self, name: str) -> tuple[str, bool]:
        if line_key(name) in self._roles:
            return name, False  # "By The Associated Press"
        tokens = name.split()
        cut = len(tokens)
        while cut > 1 and tokens[cut - 1].casefold() in self._role_words:
            cut -= 1
        return " ".join(tokens[:cut]), cut < len(tokens)

    def _role(self, s: str) -> str | None:
        """ "strong" for a known role or outlet, "weak" for a short capitalised phrase."""
        key = line_key(s)
        if not key:
            return "weak"
        if key in self._roles:
            return "strong"
        found = self._roles_in(key)
        if found:
            allowed = {w for r in found for w in r.split()}
            lower = [
                w
                for w in (x.casefold().strip(".,;:()") for x in s.split() if x[:1].islower())
                if w not in _FUNCTION_WORDS and w not in allowed
            ]
            return "strong" if len(lower) <= 1 else None
        lower = [w for w in s.split() if w[:1].islower() and w.casefold() not in _FUNCTION_WORDS]
        return "weak" if len(key.split()) <= 6 and not lower else None

    def _roles_in(self, key: str) -> list[str]:
        """The roles that occur in ``key`` (a :func:`line_key`) as whole words.

        A role is a key too (words joined by single spaces), so it occurs in
        ``key`` exactly when it is one of the key's runs of consecutive words:
        looking those few runs up in the role set replaces a substring test
        per role (some hundred per segment of a byline).
        """
        words = key.split(" ")
        longest = self._role_len
        roles = self._roles
        found = {
            run
            for i in range(len(words))
            for n in range(1, min(longest, len(words) - i) + 1)
            if (run := " ".join(words[i : i + n])) in roles
        }
        return sorted(found)

    def _names(self, part: str, max_tokens: int) -> tuple[list[str], str]:
        """Split ``part`` into leading names and the remainder (role/outlet)."""
        names: list[str] = []
        segs = [x.strip() for x in part.split(",")]
        i = 0
        while i < len(segs):
            if i > 0 and self._role(segs[i]) == "strong":
                break
            subs = [x.strip() for x in _AND_RE.split(segs[i]) if x.strip()]
            # After a comma, a one-word or long segment is a place or an outlet
            # ("Von Anna Schmidt, Berlin"), not another person.
            limit = max_tokens if i == 0 else 3
            if not subs or not all(
                self._is_name(x) and (i == 0 or len(x.split()) >= 2) and len(x.split()) <= limit
                for x in subs
            ):
                break
            # "By DESHAWN CARTER": names set in capitals are given in title case.
            subs = [x.title() if x.isupper() and len(x) > 3 else x for x in subs]
            stripped = [self._strip_roles(x) for x in subs]
            names.extend(n for n, _ in stripped)
            i += 1
            if any(had_role for _, had_role in stripped):
                break
        return names, ", ".join(segs[i:])

    def _name_then_stamp(self, s: str, max_tokens: int) -> Byline | None:
        """ "Hanneke Vos 27-11-26, 16:20": a name and a time stamp with
        nothing between them (the name of 2-3 words, up to 5 after "By")."""
        if _DATE_DIGITS_RE.search(s) is None:
            # Every stamp tried below must pass _may_be_date on a part of
            # ``s``, so ``s`` holds a date's digits (a heading "Chapter 3
            # Begins" has a digit and no date).
            return None
        if self._may_be_prefix(s) and self._ts_prefix_re.match(s):
            return None  # "Publié le 12 mars 2026": a stamp's prefix, not a name
        words = list(_WORD_SPAN_RE.finditer(s))
        lowest = 1 if max_tokens > 3 else 2
        for k in range(min(max_tokens, len(words) - 1), lowest - 1, -1):
            rest = s[words[k].start() :]
            if not self._may_be_date(rest):
                continue
            name = s[: words[k - 1].end()].strip(" ,")
            if not self._is_name(name):
                continue
            ts = self.parse_timestamp(rest)
            if ts is not None and ts.iso is not None:
                return Byline((name,), timestamp=ts)
        return None

    def parse_byline(self, text: str) -> Byline | None:
        """Parse a whole line as a byline or credit line, or return ``None``.

        >>> MetaParser.builtin().parse_byline("By Monday, the talks had collapsed.") is None
        True
        """
        if len(text) > 200:
            return None
        contact = False
        if "@" in text:
            # "Erik Lindqvist erik.lindqvist@kuriren.se", "By Marcus
            # Greene@mgreene_hoops Nov 21, 2026": a writer's address or
            # handle beside the name.
            bare = " ".join(_CONTACT_RE.sub(" ", text).split())
            if bare != text.strip():
                text, contact = bare, True
                if self.is_person_name(text.strip(" ,;|·•-–—")):
                    return Byline((text.strip(" ,;|·•-–—"),))
        s = text.strip(" ()[]|·•-–—*")
        stripped = text.strip()
        # The agency and parenthesis patterns all need a "(" (the last two end
        # with ")"): most lines skip them on a substring test.
        has_paren = "(" in stripped
        if (
            self._credit_re.match(stripped)
            or (has_paren and _AGENCY_CREDIT_RE.match(stripped))
            or _CJK_CREDIT_RE.match(stripped)
        ):
            return Byline((), credit=True)
        with_agency = _WITH_AGENCY_RE.search(stripped) if has_paren else None
        if with_agency:
            s = stripped[: with_agency.start()].strip(" ()[]|·•-–—*")
        # "Par Julien Marchetti (Perpignan, correspondant)": place and role in
        # parentheses after the name.
        paren_role = False
        paren = _TRAILING_PAREN_RE.search(stripped) if has_paren else None
        if paren and not with_agency:
            parts = [p.strip() for p in paren.group(1).split(",") if p.strip()]
            if any(self._role(p) == "strong" for p in parts) and all(
                len(p.split()) <= 4 for p in parts
            ):
                s = stripped[: paren.start()].strip(" ()[]|·•-–—*")
                paren_role = True
        m = self._by_prefix_re.match(s)
        dated = self._name_then_stamp(s[m.end() :] if m else s, 5 if m else 3)
        if dated is not None:
            return dated
        if not m and not with_agency and not paren_role and _BYLINE_SEP_RE.search(s) is None:
            return None  # no "By", no separator: a heading, not a byline
        segments = [x for x in _SEPARATORS_RE.split(s[m.end() :] if m else s) if x]
        if not segments:
            return None
        # Without a "By" prefix only short person names count ("Jane Doe | Reuters").
        names, remainder = self._names(segments[0], 5 if m else 3)
        if not names:
            return None
        rest = [remainder] if remainder else []
        rest.extend(segments[1:])
        if not m and not rest and not with_agency and not paren_role:
            return None  # a bare name could be a heading
        stamp: Timestamp | None = None
        role_seen = False
        for seg in rest:
            ts = self.parse_timestamp(seg)
            if ts is not None:
                stamp = stamp or ts
                continue
            role = self._role(seg)
            if role is None:
                return None
            role_seen = role_seen or role == "strong"
        if (
            not m
            and not role_seen
            and stamp is None
            and not with_agency
            and not paren_role
            and not contact
        ):
            return None
        if s.endswith(".") and not rest and not s.split()[-1][:-1].isupper():
            return None
        if not m and all(len(n.split()) == 1 for n in names):
            # "عمّان - مراسل الشرق اليوم" (Amman - our correspondent): one
            # word before a role is a dateline's place as often as a name.
            return Byline((), credit=True, timestamp=stamp)
        return Byline(tuple(names), timestamp=stamp)


@lru_cache(maxsize=1)
def _builtin_parser() -> MetaParser:
    months: dict[str, int] = {}
    for number, names in _read_prefixed(load_builtin("months")).items():
        for name in names[0].split() if names else ():
            months.setdefault(name.casefold(), int(number))
    # "_" joins the words of a name written in two ("thứ_năm", "chủ_nhật").
    weekdays = frozenset(
        w.casefold().replace("_", " ")
        for line in load_builtin("weekdays")
        if line.strip() and not line.startswith("#")
        for w in line.split()
    )
    return MetaParser(
        months=months,
        weekdays=weekdays,
        byline=_read_prefixed(load_builtin("byline")),
        timestamp=_read_prefixed(load_builtin("timestamp")),
    )
