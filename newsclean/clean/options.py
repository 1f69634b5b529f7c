"""Options of the plain-text cleaner.

>>> from newsclean import CleanOptions, Reason
>>> opts = CleanOptions(keep={"advertisement"}, extra_phrases={Reason.NAVIGATION: ["Zur Übersicht"]})
>>> Reason.ADVERTISEMENT in opts.keep
True
>>> CleanOptions(min_content_words=0)
Traceback (most recent call last):
...
newsclean.errors.OptionsError: CleanOptions.min_content_words must be an int between 1 and 1000, got 0
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..article import Reason
from ..errors import OptionsError

__all__ = ["CleanOptions"]


def _reason(value: object, where: str) -> Reason:
    if isinstance(value, Reason):
        return value
    if isinstance(value, str):
        try:
            return Reason(value)
        except ValueError:
            pass
    valid = ", ".join(r.value for r in Reason)
    raise OptionsError(f"CleanOptions.{where}: unknown reason {value!r} (valid: {valid})")


def _str_seq(value: object, where: str) -> tuple[str, ...]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise OptionsError(
            f"CleanOptions.{where} must be a list of strings, got {type(value).__name__}"
        )
    out = tuple(value)
    for item in out:
        if not isinstance(item, str):
            raise OptionsError(
                f"CleanOptions.{where} must contain strings, got {type(item).__name__}"
            )
    return out


def _reason_map(
    value: object, name: str, *, paths: bool = False
) -> Mapping[Reason, tuple[Any, ...]]:
    if not isinstance(value, Mapping):
        raise OptionsError(
            f"CleanOptions.{name} must be a mapping of reason -> list, got {type(value).__name__}"
        )
    out: dict[Reason, tuple[Any, ...]] = {}
    for key, items in value.items():
        reason = _reason(key, name)
        where = f"{name}[{reason.value!r}]"
        if paths:
            if isinstance(items, (str, Path)) or not isinstance(items, Iterable):
                raise OptionsError(f"CleanOptions.{where} must be a list of paths")
            seq = tuple(items)
            for p in seq:
                if not isinstance(p, (str, Path)):
                    raise OptionsError(
                        f"CleanOptions.{where} must contain paths, got {type(p).__name__}"
                    )
            out[reason] = tuple(Path(p) for p in seq)
        else:
            out[reason] = _str_seq(items, where)
    return MappingProxyType(out)


_INT_LIMITS: dict[str, tuple[int, int]] = {
    "min_content_words": (1, 1000),
    "max_heading_words": (1, 100),
    "max_title_words": (1, 200),
    "max_related_items": (0, 1000),
    "max_nav_run_words": (0, 50),
    "min_nav_run": (2, 1000),
    "footer_gap": (0, 1000),
    "max_footer_group": (1, 1000),
}
# Numbers (int or float) and their bounds.
_NUMBER_LIMITS: dict[str, tuple[float, float]] = {
    "line_model_threshold": (0.5, 1.0),
}


@dataclass(frozen=True)
class CleanOptions:
    """How :class:`~newsclean.Cleaner` cleans. Validated on construction.

    Attributes:
        keep: reasons switched off: lines they would remove stay in the body.
        extra_phrases: per reason, whole-line phrases added to the built-in lexicon
            (matched ignoring case, punctuation and spacing).
        extra_patterns: per reason, regular expressions (``re.search``, case-insensitive).
        lexicon_files: per reason, extra lexicon files in the data-file format
            (see :mod:`newsclean.clean.lexicon`).
        builtin_lexicons: use the packaged lexicons (turn off to use only your own).
        detect_title: find the headline when ``title=`` is not given.
        join_wrapped_lines: re-join hard-wrapped paragraphs.
        fix_mojibake: repair mis-decoded text with ftfy (``pip install 'newsclean[ftfy]'``).
        compiled_prefilter: with the optional hyperscan package (``pip install
            'newsclean[fast]'``), skip lexicon tests a compiled scan proves cannot
            match (same output, less CPU on long articles). Its database is
            compiled on a machine's first use (10-20 s, then cached; see
            :func:`newsclean.clean.prefilter.cache_dir`): turn it off for a
            one-off run.
        min_content_words: a paragraph with at least this many words ending in
            sentence punctuation is article body; junk at the top and bottom is
            judged relative to the first and last such paragraph.
        max_heading_words: longest line reported as a section heading.
        max_title_words: longest line considered as a headline.
        max_related_items: most headline lines removed under one related-links marker.
        max_nav_run_words / min_nav_run: at the top and bottom, a run of at least
            ``min_nav_run`` lines of at most ``max_nav_run_words`` words without
            sentence punctuation is a menu (0 words turns this off).
        footer_gap / max_footer_group: below the story (after its last two
            adjacent paragraphs), once ``footer_gap`` removed lines in a row have
            begun the page footer, any group of at most ``max_footer_group``
            kept lines between removed ones is footer too: a bio, an ethics
            note, a promo, a commenter's post (0 turns this off).
        line_model: score the short lines the rules kept with the learned line
            model (:mod:`newsclean.clean.linemodel`); a line scoring at least
            ``line_model_threshold`` leaves with reason ``line_model``.
        line_model_file: a model of your own (trained with
            ``python -m newsclean.clean.linemodel_train``) instead of the packaged one.
        line_model_threshold: the score (a probability, between 0.5 and 1) at
            which a line goes; higher keeps more.
    """

    keep: frozenset[Reason] = frozenset()
    extra_phrases: Mapping[Reason, Sequence[str]] = field(default_factory=dict)
    extra_patterns: Mapping[Reason, Sequence[str]] = field(default_factory=dict)
    lexicon_files: Mapping[Reason, Sequence[str | Path]] = field(default_factory=dict)
    builtin_lexicons: bool = True
    detect_title: bool = True
    join_wrapped_lines: bool = True
    fix_mojibake: bool = False
    compiled_prefilter: bool = True
    min_content_words: int = 12
    max_heading_words: int = 15
    max_title_words: int = 30
    max_related_items: int = 10
    max_nav_run_words: int = 4
    min_nav_run: int = 3
    footer_gap: int = 4
    max_footer_group: int = 5
    line_model: bool = True
    line_model_file: str | Path | None = None
    line_model_threshold: float = 0.98

    def __post_init__(self) -> None:
        keep = self.keep
        if isinstance(keep, (str, Reason)) or not isinstance(keep, Iterable):
            raise OptionsError(
                f"CleanOptions.keep must be a set of reasons, got {type(keep).__name__}"
            )
        object.__setattr__(self, "keep", frozenset(_reason(r, "keep") for r in keep))
        object.__setattr__(self, "extra_phrases", _reason_map(self.extra_phrases, "extra_phrases"))
        object.__setattr__(
            self, "extra_patterns", _reason_map(self.extra_patterns, "extra_patterns")
        )
        for reason, patterns in self.extra_patterns.items():
            for p in patterns:
                try:
                    re.compile(p)
                except re.error as exc:
                    raise OptionsError(
                        f"CleanOptions.extra_patterns[{reason.value!r}]: invalid regular expression "
                        f"{p!r}: {exc}"
                    ) from None
        object.__setattr__(
            self, "lexicon_files", _reason_map(self.lexicon_files, "lexicon_files", paths=True)
        )
        f_ = self.line_model_file
        if f_ is not None and not isinstance(f_, (str, Path)):
            raise OptionsError(
                f"CleanOptions.line_model_file must be a path or None, got {type(f_).__name__}"
            )
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in _INT_LIMITS:
                lo, hi = _INT_LIMITS[f.name]
                if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
                    raise OptionsError(
                        f"CleanOptions.{f.name} must be an int between {lo} and {hi}, got {value!r}"
                    )
            elif f.name in _NUMBER_LIMITS:
                lo_n, hi_n = _NUMBER_LIMITS[f.name]
                if (
                    isinstance(value, bool)
                    or not isinstance(value, (int, float))
                    or not lo_n <= value <= hi_n
                ):
                    raise OptionsError(
                        f"CleanOptions.{f.name} must be a number between {lo_n:g} and {hi_n:g}, "
                        f"got {value!r}"
                    )
            elif f.type in ("bool",) and not isinstance(value, bool):
                raise OptionsError(f"CleanOptions.{f.name} must be a bool, got {value!r}")
