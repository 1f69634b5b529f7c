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


def test_list_items_under_a_colon_are_not_joined() -> None:
    """Items without bullets or full stops, some starting in lowercase, under a
    lead-in ending with a colon, in a page that is not hard-wrapped."""
    items = [
        "The family say they want:",
        "a written apology from the hall's manager",
        "Maureen's ban lifted before Christmas",
        "a copy of the CCTV footage from the night",
        "Brenda could not be reached for comment.",
    ]
    assert texts("\n".join([PARA, *items, PARA])) == [PARA, *items, PARA]
    # Without the lead-in, a long line going on in lowercase is one sentence.
    broken = [
        "The council voted on Tuesday to close the Harlan Falls pool for two years after",
        "engineers found the roof beams had rotted through.",
    ]
    assert texts("\n".join([PARA, *broken, PARA])) == [PARA, " ".join(broken), PARA]


def test_wrapped_list_items_ending_with_semicolons_stay_apart() -> None:
    """A hard-wrapped page: a lead-in, a blank line, items ending with ";" (one
    of them wrapped) start in lowercase and are not joined to each other."""
    items = [
        "a fine of $18,500;",
        "forfeiture of the boat, trailer, dive gear and the Toyota Hilux;",
        "a two-year ban on holding any fishing or diving permits.",
    ]
    wrapped = "\n".join(textwrap.wrap(PARA, 70))
    text = "\n\n".join([wrapped, "The sentence imposed was:", "\n".join(items), wrapped])
    assert texts(text) == [PARA, "The sentence imposed was:", *items, PARA]
    long_item = "mandatory advisory no-anchor zones over restored beds larger than one hectare;"
    text = "\n\n".join([wrapped, "It recommends:", "\n".join([items[0], *textwrap.wrap(long_item, 70)]), wrapped])
    assert texts(text) == [PARA, "It recommends:", items[0], long_item, PARA]


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


def test_wrap_width_is_the_body_s_when_a_few_lines_run_wider() -> None:
    """A cookie notice wrapped at 80 columns does not lift the width of a story
    wrapped at 64: a paragraph's line that stopped short of 64 because the next
    word did not fit still joins."""
    story = "\n\n".join("\n".join(textwrap.wrap(PARA, 64)) for _ in range(4))
    cookie = "Cookies help us run this site and show you news that matters to you. " * 3
    wide = "\n".join(textwrap.wrap(cookie, 80))
    quote = [
        '"We waited here since six in the morning, nobody told us",',
        "said Marta Grasso, a student who was due to fly home to Milan.",
        '"The app still showed the flight on time half an hour ago."',
    ]
    out = texts("\n\n".join([wide, story, "\n".join(quote), wide]))
    assert out == [cookie.strip(), PARA, PARA, PARA, PARA, " ".join(quote), cookie.strip()]
