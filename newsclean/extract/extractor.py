"""HTML in, :class:`~newsclean.Article` out: :func:`extract` and :class:`Extractor`.

The steps (each a module of this package):

1. **read** (:mod:`.html`): size cap, bytes decoded, non-HTML refused, parsed once;
2. **look** (:mod:`.page`, :mod:`.metadata`): headline candidates, paragraph
   volume and metadata from the markup;
3. **extract**: trafilatura on a copy of the tree, in precision mode without
   comments (the settings measured best, see ``benchmarks/RESULTS.md``): first
   its fast mode, then its full mode only when the fast body is short for the
   page (same result on the benchmark, about 35% less time);
4. **restore** (:mod:`.restore`): when the body's size is off against the
   page's paragraph text and a prose block of the page is missing between
   blocks that are in the body, trafilatura's balanced mode runs too (fast)
   and its prose lines inside the precision body come back;
5. **recover** (:mod:`.recover`): readability-lxml when trafilatura's body is far
   shorter than the page's paragraph text;
6. **trim** (:mod:`.lines`): the headline repeated at the top of the body;
7. **clean**: the plain-text :class:`~newsclean.Cleaner` with the page title and
   the extraction lexicon (``newsclean/extract/data``); its removals, bylines and
   time stamps come back in the Article.

Everything runs under the per-document time limit (:mod:`.deadline`).

>>> import newsclean
>>> html = ("<html><head><title>Rain Ends Drought | The Daily</title></head><body>"
...         "<nav><a href='/'>Home</a></nav><article><h1>Rain Ends Drought</h1>"
...         "<p>Heavy rain fell across the region on Monday, ending a drought that had "
...         "lasted for more than two years, officials said.</p>"
...         "<p>Farmers welcomed the downpour, which filled reservoirs within hours.</p>"
...         "</article></body></html>")
>>> a = newsclean.extract(html, url="https://daily.example/rain")
>>> a.title, a.paragraphs[1]
('Rain Ends Drought', 'Farmers welcomed the downpour, which filled reservoirs within hours.')
>>> a.meta["extraction"], a.meta["hostname"]
('trafilatura', 'daily.example')
"""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..article import Article, Reason, Removal
from ..clean import Cleaner, CleanOptions
from ..errors import (
    DocumentTooLargeError,
    ExtractionError,
    InputTypeError,
    MissingDependencyError,
    NoContentError,
    ParseError,
)
from .deadline import Deadline, time_limit
from .html import decode_html, parse_html, sniff
from .lines import drop_credits, drop_headlines
from .metadata import read_metadata
from .options import ExtractOptions
from .page import PageContext, count_tokens, page_context
from .recover import LONGER_BY, needs_full_pass, needs_recovery, readability_text
from .restore import dropped_prose, needs_balanced_pass, restore_prose

if TYPE_CHECKING:  # pragma: no cover
    from ..profiles import SiteProfile, SiteProfiles

__all__ = ["EXTRACT_CLEAN_OPTIONS", "Extractor", "extract"]

_LINE_BREAK_RE = re.compile(r"\r\n?|[\n\u2028\u2029]")

EXTRACT_CLEAN_OPTIONS = CleanOptions(
    keep=frozenset(
        {
            Reason.DUPLICATE_PARAGRAPH,
            Reason.BOILERPLATE,
            Reason.COPYRIGHT,
            Reason.DISCLAIMER,
            Reason.PHOTO_CREDIT,
            Reason.DECORATION,
        }
    ),
    line_model=False,
)
"""The cleaner's options for extracted text (measured on the ScrapingHub set).

Switched off: rules that remove lines an article body extracted from HTML
legitimately holds — repeated paragraphs (Q&A, refrains), "About the company"
and source notes, copyright and disclaimer lines, photo credits, separators.
Each of them lowered F1 there (``benchmarks/NOTES-extraction.md``). The line
model too: it is trained on scraped plain-text pages, and on trafilatura's
output it lowered recall (0.9768 -> 0.9737, F1 0.9763 -> 0.9748).
"""


def _extract_lexicons() -> dict[Reason, list[Path]]:
    """The extraction lexicon: ``newsclean/extract/data/<reason>.txt`` files."""
    out: dict[Reason, list[Path]] = {}
    root = resources.files(__package__) / "data"
    for reason in Reason:
        entry = root / f"{reason.value}.txt"
        if entry.is_file():
            out[reason] = [Path(str(entry))]
    return out


def _with_extract_lexicons(options: CleanOptions) -> CleanOptions:
    merged: dict[Reason, list[str | Path]] = {r: list(p) for r, p in options.lexicon_files.items()}
    for reason, paths in _extract_lexicons().items():
        merged.setdefault(reason, []).extend(paths)
    return dataclasses.replace(options, lexicon_files=merged)


class Extractor:
    """A reusable, configured HTML extractor.

    Build it once (the cleaner's lexicons are compiled here) and call
    :meth:`extract` for every page; it holds no state between calls.

    >>> from newsclean import Extractor, ExtractOptions
    >>> ex = Extractor(ExtractOptions(fallback=False, timeout_s=10))
    >>> ex.extract("<html><body><div><img src='photo.jpg'></div></body></html>")
    Traceback (most recent call last):
    ...
    newsclean.errors.NoContentError: no article text found on the page
    """

    def __init__(self, options: ExtractOptions | None = None) -> None:
        if options is not None and not isinstance(options, ExtractOptions):
            raise InputTypeError(f"options must be ExtractOptions, got {type(options).__name__}")
        self.options = options or ExtractOptions()
        try:
            import trafilatura  # noqa: F401
        except ImportError:  # pragma: no cover - a runtime dependency
            raise MissingDependencyError(
                "newsclean.extract needs trafilatura: pip install newsclean"
            ) from None
        self._cleaner: Cleaner | None = None
        if self.options.clean:
            clean_options = self.options.clean_options or EXTRACT_CLEAN_OPTIONS
            if self.options.line_rules:
                clean_options = _with_extract_lexicons(clean_options)
            self._cleaner = Cleaner(clean_options)

    # ------------------------------------------------------------------ API
    def extract(
        self, html: str | bytes, url: str | None = None, profiles: SiteProfiles | None = None
    ) -> Article:
        """Extract the article of one HTML page.

        Args:
            html: the page, as text or as bytes in any encoding (declared or not).
            url: the page's URL, when known (recorded in ``meta``; never fetched).
            profiles: learned site boilerplate (:class:`newsclean.SiteProfiles`); the
                profile of ``url``'s site is applied by the cleaner.

        Returns:
            The article: clean body, title, removed lines with reasons, and
            ``meta`` (``title``, ``author``/``authors``, ``date``, ``sitename``,
            ``url``, ``hostname``, ``language``, ``extraction``: the path taken).

        Raises:
            InputTypeError: ``html`` is not ``str``/``bytes`` or ``url`` not ``str``/``None``.
            ExtractionError: a subclass saying why there is no article
                (``EmptyDocumentError``, ``NotHTMLError``, ``DocumentTooLargeError``,
                ``ParseError``, ``ExtractionTimeoutError``, ``NoContentError``).
        """
        if isinstance(html, (bytearray, memoryview)):
            html = bytes(html)
        if not isinstance(html, (str, bytes)):
            raise InputTypeError(f"extract() expects str or bytes, got {type(html).__name__}")
        if url is not None and not isinstance(url, str):
            raise InputTypeError(f"url must be str or None, got {type(url).__name__}")
        limit = self.options.max_bytes
        if len(html) > limit:
            unit = "bytes" if isinstance(html, bytes) else "characters"
            raise DocumentTooLargeError(
                f"the document has {len(html):,} {unit}, over max_bytes={limit:,}"
            )
        profile = profiles.for_url(url) if profiles is not None and url else None
        with time_limit(self.options.timeout_s) as deadline:
            return self._extract(html, url, deadline, profile)

    # ------------------------------------------------------------ pipeline
    def _extract(
        self,
        html: str | bytes,
        url: str | None,
        deadline: Deadline,
        profile: SiteProfile | None = None,
    ) -> Article:
        opts = self.options
        text = decode_html(html, opts.max_bytes) if isinstance(html, bytes) else html
        sniff(text)
        tree = parse_html(text)
        page = page_context(tree)
        meta: dict[str, Any] = read_metadata(tree, url) if opts.with_metadata else {}
        deadline.check()

        body, path = self._trafilatura(tree, fast=opts.fast_first), "trafilatura"
        deadline.check()
        if opts.fast_first and needs_full_pass(count_tokens(body), page.p_tokens):
            # Fast mode skips trafilatura's comparison with its other algorithms;
            # that comparison only matters when the main pass found little.
            body = self._trafilatura(tree, fast=False)
            deadline.check()
        if (
            opts.restore_prose
            and opts.favor_precision
            and needs_balanced_pass(count_tokens(body), page.p_tokens)
            and dropped_prose(tree, body)
        ):
            # Precision mode sometimes drops a real paragraph (mostly one link, a
            # linked heading): balanced mode's inner prose lines come back.
            body, _ = restore_prose(body, self._trafilatura(tree, fast=True, precision=False))
            deadline.check()
        if opts.fallback:
            body, path = self._recover(text, page, body, path)
            deadline.check()
        return self._finish(body, path, page, meta, profile)

    def _trafilatura(self, tree: Any, *, fast: bool, precision: bool | None = None) -> str:
        import trafilatura

        opts = self.options
        try:
            out = trafilatura.extract(
                tree,  # trafilatura works on a copy of it
                fast=fast,
                favor_precision=opts.favor_precision if precision is None else precision,
                include_comments=opts.include_comments,
                include_tables=opts.include_tables,
            )
        except RecursionError:  # pragma: no cover - libxml2 caps the depth first
            raise ParseError("the document is nested too deeply to extract") from None
        except MemoryError:  # pragma: no cover
            raise
        except Exception as exc:  # pragma: no cover - trafilatura catches its own errors
            raise ExtractionError(
                f"trafilatura failed: {type(exc).__name__}: {exc}", reason="extractor_failed"
            ) from exc
        return out or ""

    def _recover(self, html: str, page: PageContext, body: str, path: str) -> tuple[str, str]:
        tokens = count_tokens(body)
        if not needs_recovery(tokens, page.p_tokens):
            return body, path
        try:
            other = readability_text(html)
        except MemoryError:  # pragma: no cover
            raise
        except Exception:  # readability raises its own errors on odd pages: keep trafilatura's
            return body, path
        if count_tokens(other) >= LONGER_BY * max(tokens, 1):
            return other, "readability"
        return body, path

    def _finish(
        self,
        body: str,
        path: str,
        page: PageContext,
        meta: dict[str, Any],
        profile: SiteProfile | None = None,
    ) -> Article:
        opts = self.options
        # Removals report 1-based lines of the extracted text (one block a line).
        # (Split as the cleaner does, so that its line numbers map back.)
        numbered = [
            (i, line) for i, line in enumerate(_LINE_BREAK_RE.split(body), 1) if line.strip()
        ]
        removed: list[Removal] = []
        credits: list[str] = []
        if opts.line_rules:
            lines = [line for _, line in numbered]
            _, heads = drop_headlines(lines, page.headlines)
            _, credits = drop_credits(lines)
            for reason, dropped in ((Reason.REPEATED_TITLE, heads), (Reason.BYLINE, credits)):
                gone = set(dropped)
                removed.extend(Removal(i, line, reason) for i, line in numbered if line in gone)
                numbered = [(i, line) for i, line in numbered if line not in gone]
        lines = [line for _, line in numbered]
        title_hint = meta.get("title") or (page.headlines[0] if page.headlines else None)
        if self._cleaner is not None:
            article = self._cleaner.clean("\n".join(lines), title=title_hint, profile=profile)
            paragraphs, headings = article.paragraphs, article.headings
            removed.extend(
                dataclasses.replace(r, line_no=numbered[r.line_no - 1][0]) for r in article.removed
            )
            removed.sort(key=lambda r: r.line_no)
            found = dict(article.meta)
            title = meta.get("title") or article.title
        else:
            paragraphs = tuple(" ".join(line.split()) for line in lines)
            headings, found, title = (), {}, title_hint
        text = "\n\n".join(paragraphs)
        if len(text) < opts.min_text_length:
            raise NoContentError(
                "no article text found on the page"
                if not text
                else f"the article text is shorter than min_text_length={opts.min_text_length}"
            )
        for key in ("author", "authors", "date", "date_modified", "credits", "site_boilerplate"):
            if key in found and key not in meta:
                meta[key] = found[key]
        if credits:
            meta["credits"] = [*meta.get("credits", []), *(c.strip("() ") for c in credits)]
        meta["extraction"] = path
        if title is not None:
            meta.setdefault("title", title)
        return Article(
            title=title,
            text=text,
            paragraphs=paragraphs,
            headings=headings,
            removed=tuple(removed),
            meta=meta,
        )


@lru_cache(maxsize=1)
def _default_extractor() -> Extractor:
    # Stateless: caching it only saves compiling the lexicons on every call.
    return Extractor()


def extract(
    html: str | bytes,
    *,
    url: str | None = None,
    options: ExtractOptions | None = None,
    profiles: SiteProfiles | None = None,
) -> Article:
    """Extract the clean article of one HTML page (see :class:`Extractor`).

    For many pages build an :class:`Extractor` once.

    >>> import newsclean
    >>> newsclean.extract("{}")
    Traceback (most recent call last):
    ...
    newsclean.errors.NotHTMLError: the document is JSON, not HTML
    """
    extractor = _default_extractor() if options is None else Extractor(options)
    return extractor.extract(html, url=url, profiles=profiles)
