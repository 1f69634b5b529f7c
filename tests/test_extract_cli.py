"""The `newsclean extract` command: output, JSON, stdin, encodings, exit codes."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsclean.cli import main

PARAS = [
    "Heavy rain fell across the region on Monday, ending a drought that had lasted for more "
    "than two years, officials said at a news conference in the capital.",
    "Farmers welcomed the downpour, which filled reservoirs within hours and raised river "
    "levels across the valley for the first time since the spring of last year.",
    "Forecasters expect more rain later in the week, although they warned that the soil "
    "would need months of steady rainfall to recover fully from the long dry spell.",
]
HTML = (
    "<html lang='en'><head><title>Rain Ends Drought | The Daily</title></head><body>"
    "<nav><a href='/'>Home</a></nav><article><h1>Rain Ends Drought</h1>"
    + "".join(f"<p>{p}</p>" for p in PARAS)
    + "</article></body></html>"
)


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    return path


def run(argv: list[str], stdin: bytes = b"", monkeypatch: pytest.MonkeyPatch | None = None) -> int:
    if monkeypatch is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    return main(argv)


def test_text_output(page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(page)]) == 0
    out = capsys.readouterr().out
    assert out == "\n\n".join(PARAS) + "\n"


def test_json_output_with_url(page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--json", "--url", "https://daily.example/rain", str(page)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["title"] == "Rain Ends Drought"
    assert data["paragraphs"] == PARAS
    assert data["meta"]["url"] == "https://daily.example/rain"
    assert data["meta"]["hostname"] == "daily.example"
    assert data["meta"]["extraction"] == "trafilatura"
    assert set(data) == {"title", "text", "paragraphs", "headings", "removed", "meta"}


def test_stdin_in_another_encoding(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    html = HTML.replace("Forecasters", "Météorologues")
    assert run(["extract", "-"], html.encode("cp1252"), monkeypatch) == 0
    assert "Météorologues expect" in capsys.readouterr().out


def test_not_html_is_exit_1_with_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["extract"], b'{"json": true}', monkeypatch) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("newsclean: -: ") and err.rstrip().endswith("(not_html)")


def test_empty_and_no_content_are_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    assert main(["extract", str(empty)]) == 1
    assert "(empty)" in capsys.readouterr().err
    bare = tmp_path / "bare.html"
    bare.write_text("<html><body><div></div></body></html>")
    assert main(["extract", str(bare)]) == 1
    assert "(no_content)" in capsys.readouterr().err


def test_missing_file_is_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(tmp_path / "nope.html")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("newsclean: cannot read") and err.count("\n") == 1


@pytest.mark.parametrize(
    "argv",
    [
        ["extract", "--timeout", "0", "x"],
        ["extract", "--timeout", "abc", "x"],
        ["extract", "--bogus"],
    ],
)
def test_usage_errors_are_exit_2(argv: list[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2


def test_timeout_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    slow = tmp_path / "slow.html"
    para = "<p>The council met again on Tuesday and argued about the library budget, they said.</p>"
    slow.write_text("<html><body><article>" + para * 10_000 + "</article></body></html>")
    assert main(["extract", "--timeout", "0.1", str(slow)]) == 1
    assert "(timeout)" in capsys.readouterr().err


def test_console_entry_point_runs(page: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "newsclean", "extract", str(page)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Heavy rain fell")
    assert proc.stderr == ""
