"""Inputs that used to be slow or are easy to get wrong: they must give a valid
Article (these would hang the suite if any step were quadratic)."""

from __future__ import annotations

import newsclean


def test_many_identical_headline_lines() -> None:
    # Every line is a variant of every other: the headline search must stay
    # bounded to the top of the page.
    a = newsclean.clean_text("Council Approves New Budget\n" * 20_000)
    assert a.title == "Council Approves New Budget"
    assert a.paragraphs == ()
    assert len(a.removed) == 20_000


def test_many_identical_lines_with_control_characters() -> None:
    a = newsclean.clean_text("abc\x00\x01def ghi\x1b jkl\n" * 10_000)
    assert all("\x00" not in r.line and "\x1b" not in r.line for r in a.removed)
    assert len(a.paragraphs) + len(a.removed) == 10_000


def test_long_menu_of_short_lines() -> None:
    text = (
        "Home\nNews\nSport\n" * 5_000
        + "\nThe council met on Tuesday and approved the budget after a long debate.\n"
    )
    a = newsclean.clean_text(text)
    assert a.paragraphs == (
        "The council met on Tuesday and approved the budget after a long debate.",
    )


def test_fix_mojibake_with_ftfy() -> None:
    text = "The cafÃ© reopened on Monday after a long renovation, its owner said proudly."
    plain = newsclean.clean_text(text)
    fixed = newsclean.clean_text(text, options=newsclean.CleanOptions(fix_mojibake=True))
    assert "cafÃ©" in plain.text
    assert "café" in fixed.text


def test_options_type_checked() -> None:
    import pytest

    with pytest.raises(newsclean.InputError, match="CleanOptions"):
        newsclean.Cleaner(options={"keep": []})  # type: ignore[arg-type]
    with pytest.raises(newsclean.OptionsError, match="min_content_words"):
        newsclean.CleanOptions(min_content_words=-1)
