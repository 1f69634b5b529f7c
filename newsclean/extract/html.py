"""Bytes or text in, a parsed lxml tree out — or a typed error saying why not.

Three steps, each bounded in time and memory:

1. :func:`decode_html`: bytes to text. A byte-order mark wins; then strict
   UTF-8; then the charset the document declares in its first bytes (``<meta
   charset>``, ``http-equiv``, the XML declaration; ``iso-8859-1`` and
   ``us-ascii`` read as ``windows-1252``, as browsers do); then charset
   detection (charset-normalizer, through trafilatura; windows-1252, the HTML
   standard's fallback, goes first among one-byte code pages). Gzip input is
   decompressed with the size cap applied to the output.
2. :func:`sniff`: refuse what is not HTML — PDF and other binary formats, JSON,
   text without a single HTML tag — with :class:`~newsclean.NotHTMLError`.
3. :func:`parse_html`: lxml's HTML parser, with trafilatura's settings (no
   comments or processing instructions). libxml2's HTML parser caps nesting
   depth (at 256), never loads external resources and does not expand entities
   declared in a DOCTYPE, so deep nesting and entity bombs stay small.

>>> decode_html('<meta charset="iso-8859-1"><p>café – 5 €</p>'.encode("cp1252"), 1000)
'<meta charset="iso-8859-1"><p>café – 5 €</p>'
>>> sniff('{"title": "JSON, not HTML"}')
Traceback (most recent call last):
...
newsclean.errors.NotHTMLError: the document is JSON, not HTML
"""

from __future__ import annotations

import codecs
import json
import re
from typing import Any

from ..errors import DocumentTooLargeError, EmptyDocumentError, NotHTMLError, ParseError

__all__ = ["decode_html", "parse_html", "sniff"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED_RE = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-zA-Z0-9_:.-]{1,40})"""
    rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["']([a-zA-Z0-9_:.-]{1,40})""",
    re.IGNORECASE,
)
_DECLARED_WINDOW = 4096
# What browsers decode these labels as (WHATWG Encoding Standard).
_WHATWG: dict[str, str] = {
    "iso8859-1": "cp1252",
    "latin-1": "cp1252",
    "ascii": "cp1252",
    "iso8859-9": "cp1254",
    "iso8859-11": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "euc_kr": "cp949",
    "shift_jis": "cp932",
}
_GZIP_MAGIC = b"\x1f\x8b\x08"
_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an office document)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"RIFF", "a RIFF media file"),
    (b"\x7fELF", "an executable"),
)
_TAG_RE = re.compile(
    r"<(?:!doctype\s+html|html|head|body|title|meta|link|script|style|p|div|span|a|br|img|"
    r"article|main|section|header|footer|nav|aside|h[1-6]|ul|ol|li|table|tr|td|form|b|i|em|"
    r"strong|blockquote|pre|figure|time)[\s>/]",
    re.IGNORECASE,
)
_SNIFF_CHARS = 100_000
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f]")
# Multi-byte and Unicode codecs; every other detected codec is a one-byte code page.
_MULTIBYTE_PREFIXES = (
    "utf",
    "shift_jis",
    "cp932",
    "euc",
    "gb",
    "big5",
    "hz",
    "iso2022",
    "cp949",
    "cp950",
    "johab",
)


def _bounded_gunzip(data: bytes, max_bytes: int) -> bytes:
    import zlib

    out = bytearray()
    raw = data
    while raw:
        dec = zlib.decompressobj(31)
        try:
            out += dec.decompress(raw, max_bytes + 1 - len(out))
        except zlib.error as exc:
            raise NotHTMLError(f"corrupt gzip data: {exc}") from None
        if len(out) > max_bytes:
            raise DocumentTooLargeError(
                f"the document is larger than max_bytes={max_bytes:,} once decompressed"
            )
        raw = dec.unused_data if dec.eof else b""
        if not dec.eof:
            break
    return bytes(out)


def _codec(label: bytes | str) -> str | None:
    name = label.decode("ascii", "replace") if isinstance(label, bytes) else label
    try:
        canonical = codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None
    return _WHATWG.get(canonical, canonical)


def _declared(data: bytes) -> str | None:
    m = _DECLARED_RE.search(data, 0, _DECLARED_WINDOW)
    if m is None:
        return None
    codec = _codec(m.group(1) or m.group(2))
    if codec is not None and codec.startswith(("utf-16", "utf-32")):
        return None  # a page read as ASCII cannot be UTF-16: the declaration is wrong
    return codec


def _detected(data: bytes, *, wide: bool) -> list[str]:
    """Codecs charset-normalizer finds plausible, most likely first.

    HTML markup is ASCII, so UTF-16/32 text has NUL bytes; without them (not
    ``wide``) those codecs are not candidates.

    On short Western text the detector often ranks a rarer one-byte code page
    (Baltic, Central European) above windows-1252 although both decode; the
    HTML standard's fallback for undeclared pages is windows-1252, so when it is
    among the candidates and the best one is another one-byte code page, it
    goes first.
    """
    from trafilatura.utils import detect_encoding

    out: list[str] = []
    for guess in detect_encoding(data):
        codec = _codec(guess)
        if codec is None or codec in out or (not wide and codec.startswith(("utf-16", "utf-32"))):
            continue
        out.append(codec)
    if out and "cp1252" in out[1:] and not out[0].startswith(_MULTIBYTE_PREFIXES):
        out.remove("cp1252")
        out.insert(0, "cp1252")
    return out


def decode_html(data: bytes, max_bytes: int) -> str:
    """Decode an HTML document given as bytes (see the module doc for the order).

    Raises:
        DocumentTooLargeError: decompressed gzip data is larger than ``max_bytes``.
        NotHTMLError: a binary format was recognised from its first bytes.
    """
    if data.startswith(_GZIP_MAGIC):
        data = _bounded_gunzip(data, max_bytes)
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            raise NotHTMLError(f"the document is {what}, not HTML")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace")
    # NUL bytes are valid UTF-8 but no HTML has them: UTF-16/32 without a BOM.
    wide = data.count(b"\x00", 0, 4096) > 16
    if not wide:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        declared = _declared(data)
        if declared is not None:
            try:
                return data.decode(declared)
            except (UnicodeDecodeError, LookupError):
                pass
    for codec in _detected(data, wide=wide):
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("utf-8", errors="replace")


def sniff(text: str) -> None:
    """Raise :class:`~newsclean.NotHTMLError` unless ``text`` looks like HTML.

    Raises:
        EmptyDocumentError: ``text`` is empty or only whitespace.
        NotHTMLError: JSON, binary data, or text without any HTML tag.
    """
    start = len(text) - len(text.lstrip("\ufeff \t\r\n\f\v"))
    head = text[start : start + 4096]
    if not head:
        raise EmptyDocumentError("the document is empty")
    if head.startswith("%PDF-"):
        raise NotHTMLError("the document is a PDF document, not HTML")
    if len(_CONTROL_RE.findall(head)) > 0.1 * len(head):
        raise NotHTMLError("the document is binary data, not HTML")
    if head[0] in "{[":
        try:
            json.loads(text)
        except ValueError:
            pass
        else:
            raise NotHTMLError("the document is JSON, not HTML")
    if _TAG_RE.search(head) is None and _TAG_RE.search(text, start, start + _SNIFF_CHARS) is None:
        raise NotHTMLError("no HTML tag found (for plain text use newsclean.clean_text)")


def parse_html(text: str) -> Any:
    """Parse HTML text into an lxml ``HtmlElement``: always the ``<html>`` root.

    Raises:
        ParseError: lxml built no tree.
    """
    from lxml.etree import ParserError  # type: ignore[import-untyped,unused-ignore]
    from lxml.html import document_fromstring  # type: ignore[import-untyped,unused-ignore]
    from trafilatura.utils import HTML_PARSER, repair_faulty_html

    text = repair_faulty_html(text, text[:50].lower())
    try:
        try:
            tree: Any = document_fromstring(text, parser=HTML_PARSER)
        except ValueError:
            # "Unicode strings with encoding declaration are not supported"
            tree = document_fromstring(text.encode("utf-8", "surrogatepass"), parser=HTML_PARSER)
    except (ParserError, ValueError) as exc:
        raise ParseError(f"the HTML parser failed: {exc}") from None
    except RecursionError:  # pragma: no cover - libxml2 caps the depth first
        raise ParseError("the document is nested too deeply to parse") from None
    if tree is None:
        raise ParseError("the HTML parser built no document tree")
    return tree
