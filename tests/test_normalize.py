"""Normalization and paragraph splitting (``newsclean.clean.normalize``)."""

from __future__ import annotations

import textwrap

import pytest

from newsclean.clean.normalize import split_units

PARA = (
    "The council voted on Tuesday to close the Harlan Falls pool for two years, "
    "after engineers found the roof beams had rotted through in several places "
    "and the pumps were older than most of the lifeguards who worked there."
)


def texts(text: str) -> list[str]:
    return [u.text for u in split_units(text)]


def test_hard_wrapped_paragraph_rejoined() -> None:
    wrapped = "\n".join(textwrap.wrap(PARA, 70))
    assert texts(f"{wrapped}\n\n{wrapped}") == [PARA, PARA]


def test_number_wrapped_to_a_line_start_is_no_list_item() -> None:
    """"... on December" / "11. The panel ...": the wrap put a date's day first."""
    para = (
        "The decision will be reviewed by the council's scrutiny panel on December "
        "11. The panel cannot reverse the cut but can ask the cabinet to reconsider it."
    )
    lines = [
        "The decision will be reviewed by the council's scrutiny panel on December",
        "11. The panel cannot reverse the cut but can ask the cabinet to reconsider it.",
        "",
        PARA,
    ]
    wrapped = "\n".join([*lines, "", "\n".join(textwrap.wrap(PARA, 74))])
    assert texts(wrapped)[0] == para
    # A numbered list of headlines stays a list, however long its items.
    items = "\n".join(
        f"{i}. Council votes to keep the aging downtown pool open for two more years {i}"
        for i in (1, 2, 3)
    )
    assert len(texts(f"{items}\n\n{wrapped}")) == 3 + len(texts(wrapped))


def test_drop_cap_letter_rejoined_to_its_word() -> None:
    assert texts("O\nn a gray Tuesday in February, Doris Whelan sat in the car.") == [
        "On a gray Tuesday in February, Doris Whelan sat in the car."
    ]


@pytest.mark.parametrize("letter", ["A", "I"])
def test_one_letter_english_words_are_not_drop_caps(letter: str) -> None:
    line = "large crowd gathered outside the town hall on Saturday morning."
    assert texts(f"{letter}\n{line}") == [letter, line]


def test_single_letter_before_a_capitalised_line_stays_apart() -> None:
    assert texts("B\nBoard members met on Tuesday to discuss the budget.") == [
        "B",
        "Board members met on Tuesday to discuss the budget.",
    ]


def test_nbsp_zero_width_and_soft_hyphen_normalized() -> None:
    assert texts("caf\u00e9\u00a0au\u200b lait, phar\u00admacy") == ["café au lait, pharmacy"]
