"""Text -> tokens -> stable shingle hashes (the first stage of deduplication).

Normalization for shingling is deliberately small and fast: Unicode NFKC,
case folding, and tokens separated by white space, ASCII punctuation and the
common Unicode punctuation (quotes, dashes, ellipses, Latin-1 symbols, CJK
punctuation), so re-wrapping and re-punctuating a story changes nothing.
Characters of scripts written without spaces (CJK,
kana, Thai, Lao, Khmer, Myanmar) are tokens of their own, so a shingle of
``ngram`` tokens is a word n-gram in English and a character n-gram in Chinese.

Every hash is *stable*: a token hashes with fixed 64-bit arithmetic (BLAKE2b
for tokens over 64 bytes; never Python's ``hash()``) and an n-gram combines
the token hashes the same way, so the same text gives the same shingles in
any process, on any machine. Hashing runs on numpy over many texts at once.

>>> from newsclean.dedup.shingle import shingle_hash, text_shingles, tokenize
>>> tokenize("Stocks ROSE 2.5 pct, traders said.")
[b'stocks', b'rose', b'2', b'5', b'pct', b'traders', b'said']
>>> tokenize("東京株式")
[b'\\xe6\\x9d\\xb1', b'\\xe4\\xba\\xac', b'\\xe6\\xa0\\xaa', b'\\xe5\\xbc\\x8f']
>>> [int(h) for h in text_shingles("the cat sat on the mat")] == [
...     shingle_hash(s) for s in (b"the cat sat", b"cat sat on", b"sat on the", b"on the mat")]
True
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

__all__ = [
    "Utf8Batch",
    "encode_batch",
    "normalize",
    "normalize_many",
    "shingle_hash",
    "shingles",
    "text_shingles",
    "token_hash",
    "token_hashes",
    "tokenize",
]

U32 = npt.NDArray[np.uint32]
U64 = npt.NDArray[np.uint64]

# Scripts written without spaces between words: one character per token.
_NOSPACE = (
    "\u0e00-\u0e7f"  # Thai
    "\u0e80-\u0eff"  # Lao
    "\u1000-\u109f"  # Myanmar
    "\u1780-\u17ff"  # Khmer
    "\u2e80-\u2fdf"  # CJK radicals
    "\u3040-\u30ff"  # Hiragana, Katakana
    "\u3100-\u31ff"  # Bopomofo, Katakana extensions
    "\u3400-\u4dbf"  # CJK extension A
    "\u4e00-\u9fff"  # CJK unified ideographs
    "\uf900-\ufaff"  # CJK compatibility ideographs
    "\U00020000-\U0003134f"  # CJK extensions B-G
)
# Token separators beyond ASCII punctuation: Unicode white space, Latin-1
# punctuation and symbols, General Punctuation, currency signs, CJK punctuation,
# BOM. None of
# them is, or turns by NFKC into, a letter or digit.
_SEP = (
    "\u00a0-\u00a9\u00ab-\u00b1\u00b4\u00b6-\u00b8\u00bb\u00bf\u00d7\u00f7"
    "\u1680\u2000-\u206f\u20a0-\u20a7\u20a9-\u20cf\u3000-\u303f\ufeff"
)
_ASCII_SEP = "\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f"
_PUNCT_RE = re.compile(f"[{_SEP}]+")
# one character that separates tokens (what the token regex below does not match)
_SEP_CHAR_RE = re.compile(f"[\\s{_ASCII_SEP}{_SEP}]")
_WIDE_SEP_RE = re.compile(f"[{_SEP}]|[^\\S\\x00-\\x7f]")  # non-ASCII separators
_NOSPACE_RE = re.compile(f"[{_NOSPACE}]")
_TOKEN_RE = re.compile(f"[{_NOSPACE}]|[^\\s{_ASCII_SEP}{_SEP}{_NOSPACE}]+")

_COMMON_SEPS = tuple(
    c.encode("utf-8")
    for c in "\u2019\u201c\u201d\u2018\u2014\u2013\u00a0\u2026\u00ab\u00bb\u00b7\u2022\u00a9"
)

# The UTF-8 forms of every non-ASCII separator (white space and _SEP)
_SEP_BYTES_RE = re.compile(
    rb"\xc2[\x85\xa0-\xa9\xab-\xb1\xb4\xb6-\xb8\xbb\xbf]|\xc3[\x97\xb7]"
    rb"|\xe1\x9a\x80|\xe2\x80[\x80-\xbf]|\xe2\x81[\x80-\xaf]"
    rb"|\xe2\x82[\xa0-\xa7\xa9-\xbf]|\xe2\x83[\x80-\x8f]|\xe3\x80[\x80-\xbf]|\xef\xbb\xbf"
)
_HIGH_BYTES = bytes(range(0x80, 0x100))
_ASCII_BYTES = bytes(range(0x80))
_HIGH_RE = re.compile(b"[\x80-\xff]+")

# Byte-level fast paths: ASCII letters lower-cased, every other ASCII byte that is
# not a letter or digit becomes a space; bytes >= 0x80 (UTF-8 of other letters) stay.
_ASCII_TABLE = bytes(
    b if (0x30 <= b <= 0x39 or 0x61 <= b <= 0x7A or b >= 0x80)
    else (b + 32 if 0x41 <= b <= 0x5A else 0x20)
    for b in range(256)
)
# The same for many texts joined with NUL: NUL becomes the text separator \x01.
_BATCH_TABLE = b"\x01" + _ASCII_TABLE[1:]

_M = np.uint64(0x9E3779B97F4A7C15)  # n-gram polynomial multiplier (odd)
_FOLD = np.uint64(0xD6E8FEB86659FD93)  # final 64 -> 32 bit mixer (odd)
_S32 = np.uint64(32)
_MASK64 = (1 << 64) - 1


def tokenize(text: str, cache: dict[bytes, list[bytes]] | None = None) -> list[bytes]:
    """Split ``text`` into normalized tokens (UTF-8 bytes).

    The tokens are those of a Unicode regex over the NFKC-normalized,
    case-folded text; most text takes byte-level fast paths to the same
    tokens. ``cache`` (any dict, e.g. one per batch) remembers how words with
    non-ASCII characters normalize.
    """
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_TABLE).split()
    # Split at ASCII separators on the UTF-8 bytes (fast; the commonest Unicode
    # quotes, dashes and spaces are turned into spaces first), then give the few
    # tokens holding other characters the full treatment: NFKC, case folding,
    # Unicode separators, one token per CJK/Thai character. Same tokens as
    # running that on the whole text.
    raw = text.encode("utf-8")
    for seq in _COMMON_SEPS:
        if seq in raw:
            raw = raw.replace(seq, b" ")
    t = raw.translate(_ASCII_TABLE)
    if raw.isascii():
        return t.split()
    high = len(t) - len(t.translate(None, _HIGH_BYTES))
    if high * 4 > len(t):  # mostly another script: do the whole text at once
        norm = unicodedata.normalize("NFKC", text).casefold()
        return [x.encode("utf-8") for x in _TOKEN_RE.findall(norm)]
    out: list[bytes] = []
    pos = 0
    for m in _HIGH_RE.finditer(t):
        start = m.start()
        if start < pos:
            continue  # inside the token just handled
        start = t.rfind(b" ", 0, start) + 1
        end = t.find(b" ", m.end())
        if end < 0:
            end = len(t)
        out.extend(t[pos:start].split())
        odd = t[start:end]
        if cache is None:
            out.extend(_odd_token(odd))
        else:
            got = cache.get(odd)
            if got is None:
                got = cache[odd] = _odd_token(odd)
            out.extend(got)
        pos = end
    out.extend(t[pos:].split())
    return out


def _odd_token(tok: bytes) -> list[bytes]:
    norm = unicodedata.normalize("NFKC", tok.decode("utf-8")).casefold()
    return [t.encode("utf-8") for t in _TOKEN_RE.findall(norm)]


def normalize(text: str, cache: dict[bytes, list[bytes]] | None = None) -> bytes:
    """The normalized text: its tokens separated by spaces (one or more; what gets hashed).

    >>> normalize("He said: “Rates ROSE 2.5%.”").split()
    [b'he', b'said', b'rates', b'rose', b'2', b'5']
    """
    return normalize_many([text], cache)


@dataclass(frozen=True)
class Utf8Batch:
    """The UTF-8 of ``"\\x00".join(texts)``; text ``t`` is ``raw[starts[t]:ends[t]]``."""

    raw: bytes
    starts: npt.NDArray[np.int64]
    ends: npt.NDArray[np.int64]


def encode_batch(texts: Sequence[str]) -> Utf8Batch | None:
    """The texts encoded once, for the passes over their bytes to share (``None``
    when a text holds a NUL or cannot be encoded: callers encode on their own then).

    >>> b = encode_batch(["ab", "é"])
    >>> b.raw, b.starts.tolist(), b.ends.tolist()
    (b'ab\\x00\\xc3\\xa9', [0, 3], [2, 5])
    """
    try:
        raw = "\x00".join(texts).encode("utf-8")
    except UnicodeEncodeError:
        return None
    nul = np.flatnonzero(np.frombuffer(raw, dtype=np.uint8) == 0)
    if len(nul) != len(texts) - 1:
        return None
    starts = np.zeros(len(texts), dtype=np.int64)
    starts[1:] = nul + 1
    ends = np.empty(len(texts), dtype=np.int64)
    ends[:-1] = nul
    ends[-1:] = len(raw)
    return Utf8Batch(raw, starts, ends)


def normalize_many(
    texts: Sequence[str], cache: dict[bytes, list[bytes]] | None = None, utf8: Utf8Batch | None = None
) -> bytes:
    """``b"\\x01".join(normalize(t) for t in texts)``, computed on all texts at once.

    Texts are brought to NFKC form (most already are), case-folded together,
    and their separators replaced with spaces on the UTF-8 bytes (numpy and
    ``bytes.translate``); texts with characters of scripts written without
    spaces (CJK, Thai, ...) go through :func:`tokenize` one by one (``cache``
    is passed on to it). ``utf8``: the texts already encoded (:func:`encode_batch`).
    """
    clean = list(texts)
    if utf8 is not None:
        raw = utf8.raw
        if raw.isascii():
            return raw.translate(_BATCH_TABLE)
    else:
        joined = "\x00".join(texts)
        if joined.count("\x00") != len(texts) - 1:  # a NUL inside a text (one C scan, not one per text)
            clean = [t.replace("\x00", " ") if "\x00" in t else t for t in texts]
            joined = "\x00".join(clean)
        if joined.isascii():
            return joined.encode("ascii").translate(_BATCH_TABLE)
        raw = joined.encode("utf-8")
    # Case folding, separators and the ASCII table in one compiled pass over the UTF-8
    # bytes (the same bytes as str.casefold, _blank_separators and _BATCH_TABLE; tested).
    # The pass also runs the NFKC quick check, and writes the NFKC forms of the
    # characters that can be substituted in place (an ellipsis, a fraction, a no-break
    # space: _kernels.fold_blank_tables); only the texts it is unsure of (~1% of the
    # simulated texts, ~15% before the substitutions) are checked in Python; the
    # definition is NFKC first, so the few that are not in NFKC form are normalized and
    # folded again. (Checking every non-ASCII text with unicodedata.is_normalized cost
    # ~5 us a text.)
    from ._kernels import fold_blank

    out, odd, maybe, starts = fold_blank(raw, _IS_SEP_CP, _IS_NOSPACE_CP, _BATCH_TABLE, len(clean))
    fixed: list[int] = []
    for i in maybe:
        t = clean[i]
        if not unicodedata.is_normalized("NFKC", t):
            # The commonest offenders replaced by their NFKC forms first (str.replace
            # is C-fast): replacing a piece by its NFKC form keeps the NFKC of the whole,
            # and most texts are then normalized already (a full pass is ~10x dearer).
            for c, nf in _NFKC_COMMON:
                if c in t:
                    t = t.replace(c, nf)
            clean[i] = t if unicodedata.is_normalized("NFKC", t) else unicodedata.normalize("NFKC", t)
            fixed.append(i)
    if not fixed and not odd:
        return out
    new: dict[int, bytes] = {}  # texts whose bytes are replaced
    if fixed:  # fold the normalized texts again (folding is per character: same bytes as folding all)
        again, again_odd, _, a_st = fold_blank(
            "\x00".join(clean[i] for i in fixed).encode("utf-8"),
            _IS_SEP_CP,
            _IS_NOSPACE_CP,
            _BATCH_TABLE,
            len(fixed),
        )
        a_off = a_st.tolist()
        for k, i in enumerate(fixed):
            new[i] = again[a_off[k] : a_off[k + 1] - 1]
        odd = sorted(set(odd).difference(fixed).union(fixed[k] for k in again_odd))
    for i in odd:
        new[i] = b" ".join(tokenize(clean[i], cache))
    # splice the replaced texts in (the kernel's text offsets: no split of the batch)
    off = starts.tolist()
    pieces: list[bytes] = []
    pos = 0
    for i in sorted(new):
        pieces.append(out[pos : off[i]])
        pieces.append(new[i])
        pos = off[i + 1] - 1
    pieces.append(out[pos:])
    return b"".join(pieces)


_NFKC_COMMON = tuple((c, unicodedata.normalize("NFKC", c)) for c in "\u2026\u00a0\u00bd\u00bc\u00be")


def _code_point_table(ranges: str, *, space: bool = False) -> npt.NDArray[np.bool_]:
    """For every BMP code point: is it in the regex class body ``ranges``
    (characters and ``a-b`` ranges), or (``space``) non-ASCII white space?"""
    table = np.zeros(0x10000, dtype=bool)
    k = 0
    while k < len(ranges):
        lo = hi = ord(ranges[k])
        if k + 2 < len(ranges) and ranges[k + 1] == "-":
            hi = ord(ranges[k + 2])
            k += 3
        else:
            k += 1
        table[lo : min(hi, 0xFFFF) + 1] = True
    if space:
        table[[c for c in range(0x80, 0x10000) if chr(c).isspace()]] = True
    return table


_IS_SEP_CP = _code_point_table(_SEP, space=True)
_IS_NOSPACE_CP = _code_point_table(_NOSPACE)


def _blank_separators(raw: bytes) -> tuple[bytes, npt.NDArray[np.int64]]:
    """UTF-8 ``raw`` with every non-ASCII separator character (white space and
    ``_SEP``) replaced by spaces, one per byte -- the tokens ``_SEP_BYTES_RE.sub``
    leaves, with numpy instead of a regex (~4x faster) -- and the byte offsets
    of characters of scripts written without spaces (CJK, Thai, ...)."""
    arr = np.frombuffer(raw, dtype=np.uint8)
    lead = np.flatnonzero(arr >= 0xC2)
    if len(lead) == 0:
        return raw, lead
    b0 = arr[lead]
    two = lead[b0 < 0xE0]
    three = lead[(b0 >= 0xE0) & (b0 < 0xF0)]
    four = lead[b0 >= 0xF0]
    cp2 = ((arr[two].astype(np.int64) & 0x1F) << 6) | (arr[two + 1] & 0x3F)
    cp3 = (
        ((arr[three].astype(np.int64) & 0x0F) << 12)
        | ((arr[three + 1].astype(np.int64) & 0x3F) << 6)
        | (arr[three + 2] & 0x3F)
    )
    cp4 = (
        ((arr[four].astype(np.int64) & 0x07) << 18)
        | ((arr[four + 1].astype(np.int64) & 0x3F) << 12)
        | ((arr[four + 2].astype(np.int64) & 0x3F) << 6)
        | (arr[four + 3] & 0x3F)
    )
    solo = np.concatenate((three[_IS_NOSPACE_CP[cp3]], four[(cp4 >= 0x20000) & (cp4 <= 0x3134F)]))
    sep2, sep3 = two[_IS_SEP_CP[cp2]], three[_IS_SEP_CP[cp3]]
    if len(sep2) == 0 and len(sep3) == 0:
        return raw, solo
    out = arr.copy()
    for k in range(2):
        out[sep2 + k] = 0x20
    for k in range(3):
        out[sep3 + k] = 0x20
    return out.tobytes(), solo


def _pad(m: re.Match[str]) -> str:
    return " " + m.group() + " "


def _splitmix(x: U64) -> U64:
    with np.errstate(over="ignore"):
        x = x ^ (x >> np.uint64(30))
        x *= np.uint64(0xBF58476D1CE4E5B9)
        x ^= x >> np.uint64(27)
        x *= np.uint64(0x94D049BB133111EB)
        x ^= x >> np.uint64(31)
    return x


_K3 = np.uint64(0x2545F4914F6CDD1D)
_KW = tuple(
    np.uint64(k) for k in (
        0x9FB21C651E98DF25, 0xC13FA9A902A6328F, 0xD6E8FEB86659FD93, 0xFF51AFD7ED558CCD,
        0xC4CEB9FE1A85EC53, 0x94D049BB133111EB, 0xBF58476D1CE4E5B9, 0x87C37B91114253D5,
    )
)
_WIDE = 64  # tokens up to this many bytes hash with numpy; longer ones with BLAKE2b
_NARROW = 16  # most tokens: hashed (and checked for digits) in a narrower pass


def token_hash(token: bytes) -> int:
    """The stable 64-bit hash of one token (the reference form of :func:`token_hashes`).

    A token of up to 64 bytes is read as eight little-endian 64-bit words
    (zero-padded) that are mixed with its length (splitmix64); a longer one is
    hashed with BLAKE2b.
    """
    if len(token) > _WIDE:
        return int.from_bytes(hashlib.blake2b(token, digest_size=8).digest(), "little")
    padded = token.ljust(_WIDE, b"\0")
    h = len(token) * int(_K3)
    for k, mult in enumerate(_KW):
        h ^= int.from_bytes(padded[8 * k : 8 * k + 8], "little") * int(mult)
    return int(_splitmix(np.array([h & _MASK64], dtype=np.uint64))[0])


def token_hashes(
    blobs: Sequence[bytes] | bytes, n_texts: int | None = None
) -> tuple[U64, npt.NDArray[np.int64], npt.NDArray[np.bool_]]:
    """Hash the tokens of many normalized texts (:func:`normalize`) at once.

    ``blobs`` is a list of normalized texts, or their ``b"\\x01"``-joined form
    (:func:`normalize_many`) with ``n_texts`` texts. Returns the token hashes
    back to back, the token offsets of each text, and whether each token is a
    number (ASCII digits only).
    """
    if isinstance(blobs, bytes):
        big = blobs
        n = int(n_texts if n_texts is not None else big.count(b"\x01") + 1)
    else:
        n = len(blobs)
        big = b"\x01".join(blobs)  # \x01 never occurs in a normalized text
    buf = np.frombuffer(big + b"\x01" + bytes(_WIDE), dtype=np.uint8)
    body = buf[: len(big) + 1]
    tok = body > 32  # token bytes: [a-z0-9] and UTF-8 bytes >= 0x80
    edge = np.diff(tok.view(np.int8), prepend=np.int8(0))
    starts = np.flatnonzero(edge == 1)
    ends = np.flatnonzero(edge == -1)
    lengths = ends - starts
    # tokens per text: those starting before each separator
    offsets = np.zeros(n + 1, dtype=np.int64)
    offsets[1:] = np.searchsorted(starts, np.flatnonzero(body == 1)[:n])
    if len(starts) == 0:
        return np.zeros(0, dtype=np.uint64), offsets, np.zeros(0, dtype=bool)
    # a number: no byte of the token is outside 0-9 (tokens of up to _NARROW bytes)
    other = tok & ((body - np.uint8(0x30)) > 9)
    numeric = (np.maximum.reduceat(other, starts) == 0) & (lengths <= _NARROW)
    # The token's bytes as little-endian 64-bit words, zero-padded: unaligned
    # 8-byte reads at every offset of the buffer, masked to the token's length.
    words = np.ndarray(shape=(len(buf) - 7,), dtype="<u8", buffer=buf, strides=(1,))
    h = np.empty(len(starts), dtype=np.uint64)
    wide = lengths <= _WIDE
    sel = None if wide.all() else np.flatnonzero(wide)
    st = starts if sel is None else starts[sel]
    ln = lengths if sel is None else lengths[sel]
    with np.errstate(over="ignore"):
        hh = ln.astype(np.uint64) * _K3
        for k in range(_WIDE // 8):
            part = np.flatnonzero(ln > 8 * k) if k else None
            if part is not None and len(part) == 0:
                break
            w = words[st + 8 * k] if part is None else words[st[part] + 8 * k]
            rest = (ln if part is None else ln[part]) - 8 * k
            short = rest < 8
            if short.any():
                w[short] &= (np.uint64(1) << (rest[short] * 8).astype(np.uint64)) - np.uint64(1)
            w *= _KW[k]
            if part is None:
                hh ^= w
            else:
                hh[part] ^= w
        hh = _splitmix(hh)
    if sel is None:
        h[:] = hh
    else:
        h[sel] = hh
    for k in np.flatnonzero(~wide).tolist():
        h[k] = token_hash(big[starts[k] : ends[k]])
    return h, offsets, numeric


def fast_token_hashes(
    big: bytes, n_texts: int
) -> tuple[U64, npt.NDArray[np.int64], npt.NDArray[np.bool_]]:
    """:func:`token_hashes` of ``b"\\x01"``-joined normalized texts (:func:`normalize_many`),
    in one compiled pass over the bytes (same output; tested against it).

    >>> h, off, num = fast_token_hashes(b"rates rose 25\\x01rain", 2)
    >>> off.tolist(), num.tolist(), int(h[0]) == token_hash(b"rates")
    ([0, 3, 4], [False, False, True, False], True)
    """
    from ._kernels import hash_tokens

    h, offsets, numeric, long_at, starts, ends = hash_tokens(big, n_texts)
    for k, s, e in zip(long_at.tolist(), starts.tolist(), ends.tolist(), strict=True):
        h[k] = token_hash(big[s:e])
    return h, offsets, numeric


def shingle_hash(shingle: bytes) -> int:
    """The stable 32-bit hash of one shingle given as space-joined tokens.

    The reference (one shingle at a time) form of :func:`shingles`; a valid
    ``hashfunc`` for :class:`datasketch.MinHash`, which is how the tests prove
    that newsclean's signatures are datasketch signatures.
    """
    h = 0
    for tok in shingle.split(b" "):
        h = (h * int(_M) + token_hash(tok)) & _MASK64
    h = ((h ^ (h >> 32)) * int(_FOLD)) & _MASK64
    return h >> 32


def shingles(
    hashes: U64, offsets: npt.NDArray[np.int64], ngram: int
) -> tuple[U32, npt.NDArray[np.int64]]:
    """Shingles of many documents from their token hashes (:func:`token_hashes`).

    Returns the 32-bit shingle hashes back to back, in text order (they may
    repeat), and their offsets: a document of ``k`` tokens has
    ``max(k - ngram + 1, 1)`` shingles (one of all its tokens when it is
    shorter than ``ngram``), none when empty.
    """
    w = hashes
    lengths = np.diff(offsets)
    n_sh = np.where(lengths >= ngram, lengths - ngram + 1, np.minimum(lengths, 1))
    sh_off = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(n_sh, out=sh_off[1:])
    total = int(sh_off[-1])
    if total == 0:
        return np.zeros(0, dtype=np.uint32), sh_off
    with np.errstate(over="ignore"):
        if len(w) >= ngram:
            h = w[: len(w) - ngram + 1].copy()
            for k in range(1, ngram):
                h *= _M
                h += w[k : len(w) - ngram + 1 + k]
        else:
            h = np.zeros(0, dtype=np.uint64)
        if (lengths >= ngram).all():
            full = h[_segment_index(offsets[:-1], n_sh)]
        else:
            full = np.empty(total, dtype=np.uint64)
            for d in np.flatnonzero(n_sh):
                s, k = int(offsets[d]), int(lengths[d])
                o = int(sh_off[d])
                if k >= ngram:
                    full[o : o + k - ngram + 1] = h[s : s + k - ngram + 1]
                else:
                    acc = np.uint64(0)
                    for t in w[s : s + k]:
                        acc = acc * _M + t
                    full[o] = acc
        full ^= full >> _S32
        full *= _FOLD
    return (full >> _S32).astype(np.uint32), sh_off


def text_shingles(text: str, ngram: int = 3) -> U32:
    """The shingle hashes of one text (convenience for :func:`shingles`)."""
    h, off, _ = token_hashes([normalize(text)])
    return shingles(h, off, ngram)[0]


def _segment_index(starts: npt.NDArray[np.int64], counts: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Concatenated ``arange(starts[i], starts[i] + counts[i])`` without a Python loop."""
    total = int(counts.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    seg_start = np.zeros(len(counts), dtype=np.int64)
    np.cumsum(counts[:-1], out=seg_start[1:])
    idx = np.arange(total, dtype=np.int64)
    idx -= np.repeat(seg_start - starts, counts)
    return idx
