"""Rule lexicons: the data files that say what junk looks like, and how they are read.

Each removal rule (a :class:`~newsclean.Reason`) has a plain UTF-8 data file in
``newsclean/clean/data/<reason>.txt``. Users extend a rule with their own
files or entries through :class:`~newsclean.CleanOptions`; they never need to
touch code. The format, one entry per line::

    # a comment
    @max_words 8          phrases and vocabulary only match lines of at most 8 words
    @max_chars 300        patterns only run on lines of at most 300 characters
    skip to content       a phrase: matches the WHOLE line, ignoring case, punctuation
                          and spacing ("Skip to Content »" matches)
    re: ^advertisement\\b  a regular expression (re.search, case-insensitive)
    edge: menu            an entry that only applies at the top or the bottom of the
    edge re: ^more from   article (outside the run of body paragraphs)
    follow: accept all    an entry that only applies right after a line removed for
    follow re: ^name\\b    the same reason (e.g. the buttons under a cookie banner)
    words: facebook x     a vocabulary: a line made only of these words ...
    anchors: facebook     ... and containing at least one anchor word, matches

>>> from newsclean.article import Reason
>>> rules = parse_rules(Reason.ADVERTISEMENT, ["Advertisement", "re: ^sponsored by\\\\b"])
>>> rules.match_phrase(line_key("ADVERTISEMENT"), 1, zone_edge=False, follows=False)
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..article import Reason
from ..errors import OptionsError

__all__ = ["RuleSet", "line_key", "load_builtin", "parse_rules", "read_entries"]

_KEY_RE = re.compile(r"[\W_]+")

DEFAULT_MAX_WORDS = 10
DEFAULT_MAX_CHARS = 400


def line_key(text: str) -> str:
    """The comparison key of a line: casefolded words separated by single spaces.

    >>> line_key("« Skip to   Content »")
    'skip to content'
    """
    return _KEY_RE.sub(" ", text.casefold()).strip()


def _compile(patterns: Sequence[str], where: str) -> re.Pattern[str] | None:
    if not patterns:
        return None
    for p in patterns:
        try:
            re.compile(p)
        except re.error as exc:
            raise OptionsError(f"{where}: invalid regular expression {p!r}: {exc}") from None
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@dataclass(frozen=True)
class RuleSet:
    """The compiled lexicon of one rule. Immutable; build with :func:`parse_rules`."""

    reason: Reason
    phrases: frozenset[str] = frozenset()
    edge_phrases: frozenset[str] = frozenset()
    follow_phrases: frozenset[str] = frozenset()
    pattern: re.Pattern[str] | None = None
    edge_pattern: re.Pattern[str] | None = None
    follow_pattern: re.Pattern[str] | None = None
    words: frozenset[str] = frozenset()
    anchors: frozenset[str] = frozenset()
    max_words: int = DEFAULT_MAX_WORDS
    max_chars: int = DEFAULT_MAX_CHARS
    sources: tuple[str, ...] = field(default=(), compare=False)

    def match_phrase(self, key: str, n_words: int, *, zone_edge: bool, follows: bool) -> bool:
        """Whether a line with comparison ``key`` (of ``n_words`` words) is a lexicon phrase."""
        if n_words > self.max_words or not key:
            return False
        if key in self.phrases:
            return True
        if zone_edge and key in self.edge_phrases:
            return True
        if follows and key in self.follow_phrases:
            return True
        if self.words:
            tokens = key.split(" ")
            if all(t in self.words for t in tokens) and (
                not self.anchors or any(t in self.anchors for t in tokens)
            ):
                return True
        return False

    def match_pattern(self, text: str, *, zone_edge: bool, follows: bool) -> bool:
        """Whether ``text`` matches one of the rule's regular expressions."""
        if len(text) > self.max_chars:
            return False
        if self.pattern is not None and self.pattern.search(text):
            return True
        if zone_edge and self.edge_pattern is not None and self.edge_pattern.search(text):
            return True
        return bool(
            follows and self.follow_pattern is not None and self.follow_pattern.search(text)
        )

    def match(self, text: str, key: str, n_words: int, *, zone_edge: bool, follows: bool) -> bool:
        """Phrase or pattern match."""
        return self.match_phrase(key, n_words, zone_edge=zone_edge, follows=follows) or (
            self.match_pattern(text, zone_edge=zone_edge, follows=follows)
        )


def read_entries(path: str | Path) -> list[str]:
    """Read the entry lines of a lexicon file (a user file or a packaged one)."""
    try:
        return Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise OptionsError(f"lexicon_files: cannot read {str(path)!r}: {exc}") from None
    except UnicodeDecodeError as exc:
        raise OptionsError(f"lexicon_files: {str(path)!r} is not UTF-8: {exc}") from None


def parse_rules(
    reason: Reason,
    lines: Iterable[str],
    *,
    extra_phrases: Sequence[str] = (),
    extra_patterns: Sequence[str] = (),
    source: str = "<entries>",
) -> RuleSet:
    """Parse lexicon lines (see the module docstring) into a :class:`RuleSet`."""
    phrases: set[str] = set()
    edge_phrases: set[str] = set()
    follow_phrases: set[str] = set()
    patterns: list[str] = []
    edge_patterns: list[str] = []
    follow_patterns: list[str] = []
    words: set[str] = set()
    anchors: set[str] = set()
    max_words = DEFAULT_MAX_WORDS
    max_chars = DEFAULT_MAX_CHARS
    for n, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        where = f"{source}:{n}"
        if line.startswith("@"):
            name, _, value = line[1:].partition(" ")
            if name not in ("max_words", "max_chars") or not value.strip().isdigit():
                raise OptionsError(f"{where}: unknown setting {line!r}")
            if name == "max_words":
                max_words = int(value)
            else:
                max_chars = int(value)
            continue
        kind, sep, rest = line.partition(":")
        kind = kind.strip()
        if sep and kind in ("re", "edge re", "follow re"):
            target = {"re": patterns, "edge re": edge_patterns, "follow re": follow_patterns}[kind]
            target.append(rest.strip())
        elif sep and kind in ("edge", "follow"):
            key = line_key(rest)
            if key:
                (edge_phrases if kind == "edge" else follow_phrases).add(key)
        elif sep and kind in ("words", "anchors"):
            (words if kind == "words" else anchors).update(line_key(rest).split())
        else:
            key = line_key(line)
            if key:
                phrases.add(key)
    phrases.update(k for k in (line_key(p) for p in extra_phrases) if k)
    patterns.extend(extra_patterns)
    return RuleSet(
        reason=reason,
        phrases=frozenset(phrases),
        edge_phrases=frozenset(edge_phrases),
        follow_phrases=frozenset(follow_phrases),
        pattern=_compile(patterns, f"{source} ({reason.value})"),
        edge_pattern=_compile(edge_patterns, f"{source} ({reason.value})"),
        follow_pattern=_compile(follow_patterns, f"{source} ({reason.value})"),
        words=frozenset(words),
        anchors=frozenset(anchors),
        max_words=max_words,
        max_chars=max_chars,
        sources=(source,),
    )


def load_builtin(name: str) -> list[str]:
    """The lines of a packaged data file (``newsclean/clean/data/<name>.txt``)."""
    ref = resources.files("newsclean.clean").joinpath(f"data/{name}.txt")
    if not ref.is_file():
        return []
    return ref.read_text(encoding="utf-8").splitlines()
