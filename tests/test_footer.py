"""The page footer below the story (``Cleaner._footer``, options ``footer_gap``
and ``max_footer_group``): prose that no lexicon names goes once a long run of
removed lines has begun the footer; story text after short junk stays."""

from __future__ import annotations

import pytest

from newsclean import Cleaner, CleanOptions, Reason, clean_text

STORY = [
    "The regional council voted on Thursday to close the indoor pool in Eastfield "
    "for two years while its roof and heating are replaced at a cost of four million.",
    "Swimming clubs will move to the school pool in Northbridge, which the council "
    "says can take most of the weekly sessions if the timetable is changed.",
    "Parents said the longer journey would make it harder for children to keep up "
    "their lessons, and a petition against the closure has gathered two thousand names.",
    "The council said the work at Eastfield could not wait because the roof had "
    "failed two inspections and the boilers were more than forty years old.",
]
# Six lines every lexicon knows: a related list, a share bar.
FOOTER = ["Related", "Council tax to rise by 4.9 percent", "New bus lanes open in March",
          "Library hours cut at three branches", "Share this article", "Facebook Twitter Email"]

FOOTER_PROSE = [
    # an author bio in the third person, without the byline's full name
    "Mills covers local government and public services for the Eastfield Courier "
    "and lives in Northbridge with her family.",
    # an ethics note
    "The Courier follows the principles of responsible journalism; if you spot an "
    "error, our readers' editor will look into it.",
    # an event promo
    "Meet our reporters at the Courier Live evening in the town hall on 5 March, "
    "with tickets on sale from Monday.",
    # a commenter's post
    "Greenfan77: They closed the library last year and now this, what is next?",
]


def _page(*tail: str) -> str:
    return "\n\n".join([*STORY, *tail])


@pytest.mark.parametrize("prose", FOOTER_PROSE)
def test_prose_in_the_footer_goes(prose: str) -> None:
    a = clean_text(_page(*FOOTER, prose, "Privacy policy"))
    assert prose not in a.paragraphs
    assert any(r.line == prose for r in a.removed)
    assert list(a.paragraphs) == STORY


def test_footer_reason_is_boilerplate() -> None:
    a = clean_text(_page(*FOOTER, FOOTER_PROSE[0], "Privacy policy"))
    assert {r.reason for r in a.removed if r.line == FOOTER_PROSE[0]} == {Reason.BOILERPLATE}


def test_footer_group_of_several_lines_goes() -> None:
    group = ["Greenfan77", "They closed the library last year and now this, what is next?",
             "Reply", "Like"]
    a = clean_text(_page(*FOOTER, *group, "Load more comments", "Privacy policy"))
    assert list(a.paragraphs) == STORY


def test_closing_paragraph_after_a_short_ad_stays() -> None:
    closing = "The pool is due to reopen in the spring of 2028."
    a = clean_text(_page("Advertisement", "Share this article", closing))
    assert a.paragraphs[-1] == closing


def test_closing_line_about_the_story_stays_after_a_long_block() -> None:
    # A short line on its own that names the town the story is about (twice in
    # the story): the story's own last line.
    closing = "Eastfield's pool users can comment on the plans until 30 April."
    a = clean_text(_page(*FOOTER, closing, "Most read", "Privacy policy"))
    assert closing in a.paragraphs


def test_last_paragraphs_after_an_inline_box_stay() -> None:
    # Four removed lines (a related box and an app promo) between the story's
    # last paragraphs: prose after them needs a longer gap to be footer.
    box = ["More from Eastfield", "Council tax to rise by 4.9 percent",
           "New bus lanes open in March",
           "Download the Courier app for iOS and Android now for free"]
    last = ["Police are asking anyone who saw the roof damage before Tuesday to get in "
            "touch with the council's building team.", "The inquiry goes on."]
    a = clean_text(_page(*box, *last, "Found an error? Tell us", "Comments"))
    assert list(a.paragraphs) == [*STORY, *last]


def test_story_goes_on_after_a_long_mid_article_box() -> None:
    more = [
        "What happens next",
        "The council will publish the contract for the roof works in January, and "
        "building firms have until the end of February to bid.",
        "A decision on the contractor is expected at the council meeting in April.",
    ]
    newsletter = ["Sign up to our newsletter", "Get the day's news every morning",
                  "Enter your email", "Sign up", "Privacy notice"]
    a = clean_text("\n\n".join([*STORY[:2], *newsletter, *STORY[2:], *more]))
    assert list(a.paragraphs) == [*STORY, *more]


def test_footer_gap_zero_turns_the_rule_off() -> None:
    prose = FOOTER_PROSE[0]
    # (The line model off: it would take the bio on its own.)
    a = Cleaner(CleanOptions(footer_gap=0, line_model=False)).clean(
        _page(*FOOTER, prose, "Privacy policy")
    )
    assert prose in a.paragraphs


def test_larger_groups_are_left_alone() -> None:
    prose = FOOTER_PROSE[:3]
    a = Cleaner(CleanOptions(max_footer_group=2, line_model=False)).clean(_page(*FOOTER, *prose))
    assert all(p in a.paragraphs for p in prose)


def test_idempotent_on_a_footer_page() -> None:
    a = clean_text(_page(*FOOTER, *FOOTER_PROSE[:2], "Privacy policy"))
    assert clean_text(a.text).text == a.text


@pytest.mark.parametrize("bad", [-1, 1001, 2.5, True])
def test_footer_options_are_validated(bad: object) -> None:
    from newsclean.errors import OptionsError

    with pytest.raises(OptionsError, match="footer_gap"):
        CleanOptions(footer_gap=bad)  # type: ignore[arg-type]
