"""Bad input for newsclean.extract (issue 3, item 6): every case gives an Article
or a typed ExtractionError with a reason — never None, a crash or a hang."""

from __future__ import annotations

import gzip
import socket
import threading
import time
from typing import Any

import pytest

import newsclean
from newsclean import ExtractOptions, Extractor

FR = [
    "Le conseil municipal a approuvé mardi soir le budget de la nouvelle médiathèque, après un "
    "débat animé sur le coût des travaux et l'été prochain.",
    "Les élus de l'opposition ont réclamé une étude complémentaire, jugeant que la dépense "
    "était trop élevée pour une commune de cette taille, déjà très endettée.",
    "Le maire a répondu que l'ouverture était prévue à la rentrée et que les subventions de la "
    "région couvriraient près de la moitié du coût total du chantier.",
]
JA = [
    "市議会は火曜日の夜、新しい図書館の予算を承認した。工事費用について長い議論が続いた後のことだった。"
    "市長は来年の秋に開館する予定だと述べ、住民の期待は高まっている。",
    "野党の議員は追加の調査を求め、この規模の町にとって支出が大きすぎると主張した。"
    "しかし市長は、県の補助金が費用のほぼ半分をまかなうと説明した。",
    "図書館には子ども向けの読書室や学習スペースが設けられ、週末には地域の催しも開かれる予定だ。"
    "完成すれば市内で最も大きな公共施設の一つになる。",
]


def html_page(paragraphs: list[str], *, charset: str | None = None, title: str = "Titre") -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><head>{meta}<title>{title}</title></head><body><article>{body}</article></body></html>"


def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("newsclean.extract tried to open a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


# ------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    ("codec", "declared"),
    [
        ("cp1252", None),
        ("cp1252", "windows-1252"),
        ("latin-1", "iso-8859-1"),
        ("latin-1", None),
        ("utf-8", None),
    ],
)
def test_western_encodings(codec: str, declared: str | None) -> None:
    data = html_page(FR, charset=declared).encode(codec)
    a = newsclean.extract(data)
    assert a.paragraphs == tuple(FR)


@pytest.mark.parametrize("declared", ["shift_jis", None])
def test_shift_jis(declared: str | None) -> None:
    data = html_page(JA, charset=declared, title="図書館").encode("shift_jis")
    a = newsclean.extract(data)
    assert "".join(a.paragraphs) == "".join(JA)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_byte_order_marks(codec: str) -> None:
    data = html_page(FR).encode(codec)
    if codec in ("utf-16-le", "utf-16-be"):
        data = ("\ufeff" + html_page(FR)).encode(codec)
    assert newsclean.extract(data).paragraphs == tuple(FR)


def test_utf16_without_bom() -> None:
    data = html_page(FR).encode("utf-16-le")
    assert newsclean.extract(data).paragraphs == tuple(FR)


def test_wrong_declaration_falls_back_to_detection() -> None:
    # Declared UTF-8 but really cp1252: strict UTF-8 fails, the declaration is
    # skipped for a UTF-8 label that does not decode, detection takes over.
    data = html_page(FR, charset="utf-8").encode("cp1252")
    a = newsclean.extract(data)
    assert "médiathèque" in a.text


def test_undecodable_bytes_never_crash() -> None:
    data = html_page(FR).encode("utf-8") + bytes(range(0x80, 0x100))
    a = newsclean.extract(data)
    assert a.paragraphs[0].startswith("Le conseil")


def test_gzip_input_is_decompressed() -> None:
    data = gzip.compress(html_page(FR).encode("utf-8"))
    assert newsclean.extract(data).paragraphs == tuple(FR)


def test_gzip_bomb_is_capped() -> None:
    bomb = gzip.compress(b"<p>" + b"a" * 5_000_000)
    with pytest.raises(newsclean.DocumentTooLargeError) as info:
        newsclean.extract(bomb, options=ExtractOptions(max_bytes=1_000_000))
    assert info.value.reason == "too_large"


# ------------------------------------------------------- empty / not HTML


@pytest.mark.parametrize("data", ["", b"", "   \n\t ", b"\xef\xbb\xbf", "\ufeff  "])
def test_empty(data: str | bytes) -> None:
    with pytest.raises(newsclean.EmptyDocumentError) as info:
        newsclean.extract(data)
    assert info.value.reason == "empty"


@pytest.mark.parametrize(
    ("data", "what"),
    [
        ('{"title": "x", "body": "<p>text</p>"}', "JSON"),
        (b'[{"a": 1}, {"b": 2}]', "JSON"),
        ("Just some plain text.\n\nWith paragraphs but no markup at all.", "no HTML tag"),
        ("a < b and c > d, said the mathematician", "no HTML tag"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"PK\x03\x04\x14\x00\x00\x00", "ZIP"),
        (bytes(range(32)) * 200, "binary"),
    ],
)
def test_not_html(data: str | bytes, what: str) -> None:
    with pytest.raises(newsclean.NotHTMLError, match=what) as info:
        newsclean.extract(data)
    assert info.value.reason == "not_html"


def test_html_fragment_is_html() -> None:
    a = newsclean.extract("".join(f"<p>{p}</p>" for p in FR))
    assert a.paragraphs == tuple(FR)


def test_page_without_text_is_no_content() -> None:
    with pytest.raises(newsclean.NoContentError) as info:
        newsclean.extract("<html><body><div><img src='a.png'></div></body></html>")
    assert info.value.reason == "no_content"


# ------------------------------------------------------------------ size


def test_fifty_megabyte_page_over_the_cap() -> None:
    big = b"<html><body>" + b"<p>word word word word word.</p>" * 1_600_000 + b"</body></html>"
    assert len(big) > 50_000_000
    start = time.monotonic()
    with pytest.raises(newsclean.DocumentTooLargeError, match="max_bytes") as info:
        newsclean.extract(big)
    assert info.value.reason == "too_large"
    assert time.monotonic() - start < 1.0  # refused before any parsing
    with pytest.raises(newsclean.DocumentTooLargeError):
        newsclean.extract(big.decode("ascii"))


def test_cap_is_an_option() -> None:
    html = html_page(FR)
    with pytest.raises(newsclean.DocumentTooLargeError):
        newsclean.extract(html, options=ExtractOptions(max_bytes=100))
    assert newsclean.extract(html, options=ExtractOptions(max_bytes=len(html))).paragraphs


# ------------------------------------------------- hostile structure


def test_nested_100000_levels_deep() -> None:
    depth = 100_000
    html = (
        "<html><body>"
        + "<div>" * depth
        + "".join(f"<p>{p}</p>" for p in FR)
        + "</div>" * depth
        + "</body></html>"
    )
    start = time.monotonic()
    try:
        a = newsclean.extract(html)
    except newsclean.ExtractionError as exc:  # libxml2 caps the depth: the text may be gone
        assert exc.reason in ("no_content", "parse_error")
    else:
        assert isinstance(a, newsclean.Article)
    assert time.monotonic() - start < 30


def test_deep_nesting_of_inline_elements() -> None:
    html = (
        "<html><body><p>" + "<b><i>" * 50_000 + FR[0] + "</i></b>" * 50_000 + "</p></body></html>"
    )
    try:
        newsclean.extract(html)
    except newsclean.ExtractionError as exc:
        assert exc.reason in ("no_content", "parse_error")


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<html><body><p>&lol9;</p>PARAGRAPHS</body></html>"""


@pytest.mark.parametrize("prefix", ["", "<!DOCTYPE html>\n"])
def test_billion_laughs_is_not_expanded(prefix: str) -> None:
    html = prefix + BILLION_LAUGHS.replace("PARAGRAPHS", "".join(f"<p>{p}</p>" for p in FR))
    start = time.monotonic()
    a = newsclean.extract(html)
    assert time.monotonic() - start < 10
    assert len(a.text) < 10_000  # lol9 would be 10**9 "lol"s
    assert "lollol" not in a.text
    assert a.paragraphs[-1] == FR[-1]


def test_external_entities_and_resources_are_never_fetched(monkeypatch: pytest.MonkeyPatch) -> None:
    html = (
        '<?xml version="1.0"?><!DOCTYPE html SYSTEM "http://127.0.0.1:9/evil.dtd" '
        '[<!ENTITY ext SYSTEM "http://127.0.0.1:9/secret">]>'
        '<html><head><link rel="stylesheet" href="http://127.0.0.1:9/s.css">'
        '<script src="http://127.0.0.1:9/x.js"></script></head><body>'
        '<img src="http://127.0.0.1:9/i.png"><iframe src="http://127.0.0.1:9/f"></iframe>'
        "<p>&ext;</p>" + "".join(f"<p>{p}</p>" for p in FR) + "</body></html>"
    )
    no_network(monkeypatch)
    a = newsclean.extract(html, url="http://127.0.0.1:9/page")
    assert a.paragraphs[-1] == FR[-1]


# ------------------------------------------------------------- time limit


def slow_page(n: int = 10_000) -> str:
    para = (
        "<p>The council met again on Tuesday evening and argued about the budget for the "
        "new library wing, officials said.</p>"
    )
    return "<html><body><article>" + para * n + "</article></body></html>"


def test_time_limit_in_the_main_thread() -> None:
    html = slow_page()
    start = time.monotonic()
    with pytest.raises(newsclean.ExtractionTimeoutError) as info:
        newsclean.extract(html, options=ExtractOptions(timeout_s=0.1))
    assert info.value.reason == "timeout"
    assert time.monotonic() - start < 5
    # the alarm is gone afterwards: a slow step later on is not interrupted
    import signal

    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None)
    time.sleep(0.2)


def test_time_limit_in_a_worker_thread() -> None:
    html = slow_page()
    outcome: list[BaseException | None] = []
    elapsed: list[float] = []

    def work() -> None:
        start = time.monotonic()
        try:
            Extractor(ExtractOptions(timeout_s=0.1)).extract(html)
            outcome.append(None)
        except BaseException as exc:
            outcome.append(exc)
        elapsed.append(time.monotonic() - start)
        time.sleep(0.3)  # nothing goes off late in the thread

    t = threading.Thread(target=work)
    t.start()
    t.join(30)
    assert not t.is_alive()
    assert isinstance(outcome[0], newsclean.ExtractionTimeoutError)
    assert elapsed[0] < 5


def test_time_limit_does_not_fire_after_a_quick_extraction() -> None:
    ex = Extractor(ExtractOptions(timeout_s=0.3))
    for _ in range(3):
        assert ex.extract(html_page(FR)).paragraphs
    time.sleep(0.5)  # an alarm left behind would raise here


def test_time_limit_respects_a_foreign_alarm_handler() -> None:
    import signal

    fired: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: fired.append(signum))
    try:
        with pytest.raises(newsclean.ExtractionTimeoutError):
            newsclean.extract(slow_page(), options=ExtractOptions(timeout_s=0.1))
        assert signal.getsignal(signal.SIGALRM) is not signal.SIG_DFL
    finally:
        signal.signal(signal.SIGALRM, previous)
    assert fired == []
