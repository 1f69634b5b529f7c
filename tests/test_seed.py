"""The seed article: its hand-checked clean output, exactly."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import newsclean

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED = SEEDS / "000_0ea4331d0d193fdf.txt"


def _seed() -> newsclean.Article:
    return newsclean.clean_text(SEED.read_text(encoding="utf-8"))


def test_seed_text_exact() -> None:
    expected = (SEEDS / "000_0ea4331d0d193fdf.expected.txt").read_text(encoding="utf-8")
    assert _seed().text == expected.rstrip("\n")


def test_seed_title_and_removals() -> None:
    spec = json.loads((SEEDS / "000_0ea4331d0d193fdf.expected.json").read_text(encoding="utf-8"))
    a = _seed()
    assert a.title == spec["title"]
    assert [[r.line_no, r.reason.value] for r in a.removed] == spec["removed"]


def test_seed_acceptance_points() -> None:
    a = _seed()
    for heading in (
        "White House Confirms Summit Cancellation",
        "Growing Frustration Over Diplomatic Deadlock",
        "Conclusion: A Pause, Not a Full Stop",
    ):
        assert heading in a.paragraphs
        assert heading in a.headings
    for gone in ("hOME", "Source", "Exit mobile version", "Trump Cancels Meeting With Putin"):
        assert gone not in a.paragraphs
    assert not any(p.startswith("Disclaimer:") for p in a.paragraphs)
    # Every body paragraph of the input survives, in order.
    body = [
        p
        for p in SEED.read_text(encoding="utf-8").split("\n\n")
        if len(p.split()) > 12 and not p.startswith("Disclaimer")
    ]
    assert [p for p in a.paragraphs if len(p.split()) > 12] == body


def test_seed_given_title_same_text() -> None:
    a = _seed()
    b = newsclean.clean_text(SEED.read_text(encoding="utf-8"), title=a.title)
    assert b.text == a.text


def test_seed_idempotent() -> None:
    a = _seed()
    assert newsclean.clean_text(a.text).text == a.text


def test_cli_clean_seed() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "newsclean", "clean", str(SEED)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out == (SEEDS / "000_0ea4331d0d193fdf.expected.txt").read_text(encoding="utf-8")


def test_cli_clean_json() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "newsclean", "clean", "--json", "-"],
        input=SEED.read_text(encoding="utf-8"),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    data = json.loads(out)
    assert data["title"].startswith("Trump Cancels Meeting With Putin Amid")
    assert {"line_no": 89, "line": "hOME", "reason": "navigation"} in data["removed"]
    assert "Conclusion: A Pause, Not a Full Stop" in data["headings"]


def test_cli_missing_file_exit_1(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "newsclean", "clean", str(tmp_path / "nope.txt")],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 1
    assert "cannot read" in proc.stderr
    assert proc.stderr.count("\n") == 1


def test_cli_usage_error_exit_2() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "newsclean", "clean", "--bogus"], capture_output=True, text=True
    )
    assert proc.returncode == 2
