"""Hypothesis properties of the cleaner: total, idempotent, never inventing text,
deterministic, and accounting for every unit of the input."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsclean
from newsclean.clean.normalize import normalize_text, split_units

_WS = re.compile(r"\s+")

# Fragments that look like what scrapers leave: junk, headlines, body prose,
# look-alikes, in several languages and cases.
FRAGMENTS = [
    "Home",
    "hOME",
    "Menu",
    "Skip to content",
    "Exit mobile version",
    "News » World",
    "Home > Sport > Football",
    "Share this:",
    "Facebook Twitter WhatsApp Email",
    "Advertisement",
    "Anzeige",
    "Publicidad",
    "Related Articles",
    "Read more: Storm closes schools across the county",
    "You may also like",
    "Leave a Reply",
    "Cancel reply",
    "Name *",
    "We use cookies to improve your experience on our site.",
    "Accept",
    "© 2026 Example Media. All rights reserved.",
    "Disclaimer: This article is for informational purposes only.",
    "Photo: Jane Roe/Reuters",
    "Tags: budget, council, roads",
    "Source",
    "Quelle",
    "By Jane Doe, Staff Writer",
    "Published 12 March 2026, 10:14",
    "Updated 3 hours ago",
    "***",
    "Council Approves New Budget",
    "Council Approves New Budget Amid Protests Over Library Cuts",
    "What happens next",
    "Conclusion: A Pause, Not a Full Stop",
    "“We will not back down.”",
    "Shares in Acme fell 4% on Tuesday after the company cut its forecast for the year.",
    "Source: official figures show unemployment fell to 4.1% in March, the lowest in a decade.",
    "The council met on Tuesday and voted to approve the budget after a long debate about "
    "library funding and road repairs across the district.",
    "Residents who spoke at the meeting said they were worried about the closure of two "
    "branch libraries, which the council says will save about 300,000 euros a year.",
    "Der Gemeinderat hat am Dienstag den Haushalt beschlossen, nachdem lange über die "
    "Finanzierung der Bibliotheken gestritten worden war.",
    "Le conseil municipal a adopté mardi le budget après un long débat sur le financement "
    "des bibliothèques et la réfection des routes.",
    "The trial resumes on Monday.",
    "• Applications open on Saturday",
    "line one of a hard wrapped paragraph that goes on and on for a while and",
    "then continues on the next line without any punctuation at all here",
    "",
    "   ",
    "\u00a0",
    "\u200b",
    "x",
]

documents = st.lists(
    st.tuples(
        st.sampled_from(FRAGMENTS),
        st.sampled_from(["\n", "\n\n", "\r\n", "\n \n", "\n\n\n"]),
        st.sampled_from(["", " ", "\t", "\u00a0", "\u00ad", "\u200b"]),
    ),
    max_size=30,
).map(lambda parts: "".join(frag + pad + sep for frag, sep, pad in parts))

any_text = st.one_of(st.text(max_size=400), documents)

SETTINGS = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _squash(s: str) -> str:
    return _WS.sub("", s)


@SETTINGS
@given(any_text)
def test_never_raises_and_is_consistent(text: str) -> None:
    a = newsclean.clean_text(text)
    assert isinstance(a, newsclean.Article)
    assert a.text == "\n\n".join(a.paragraphs)
    assert all(p and p == p.strip() and "\n" not in p for p in a.paragraphs)
    assert set(a.headings) <= set(a.paragraphs)
    n_lines = normalize_text(text).count("\n") + 1
    assert all(1 <= r.line_no <= n_lines for r in a.removed)
    # Every unit of the input is either kept or removed, never dropped silently.
    assert len(a.paragraphs) + len(a.removed) == len(split_units(text))


@SETTINGS
@given(any_text)
def test_idempotent(text: str) -> None:
    a = newsclean.clean_text(text)
    assert newsclean.clean_text(a.text).text == a.text


@SETTINGS
@given(any_text)
def test_never_invents_text(text: str) -> None:
    source = _squash(normalize_text(text))
    a = newsclean.clean_text(text)
    for p in a.paragraphs:
        assert _squash(p) in source
    if a.title is not None:
        assert _squash(a.title) in source


@SETTINGS
@given(any_text)
def test_deterministic(text: str) -> None:
    a = newsclean.clean_text(text)
    b = newsclean.Cleaner().clean(text)
    assert a == b


@SETTINGS
@given(documents, st.sampled_from(FRAGMENTS[30:34]))
def test_given_title_is_used_and_never_kept(text: str, title: str) -> None:
    a = newsclean.clean_text(text, title=title)
    assert a.title == title
    assert title not in a.paragraphs


def test_idempotent_with_pull_quotes_and_wrapped_copies() -> None:
    """Found by hypothesis: a paragraph repeated inside a hard-wrapped neighbour
    is a pull quote in one round and must be one in the next too."""
    text = 'Le conseil municipal a adopté mardi le budget après un long débat sur le financement des bibliothèques et la réfection des routes.\t\n \nhOME\xad\nPublicidad\t\n\nDer Gemeinderat hat am Dienstag den Haushalt beschlossen, nachdem lange über die Finanzierung der Bibliotheken gestritten worden war.\n\n\n***\u200b\n \n“We will not back down.”\n\nShares in Acme fell 4% on Tuesday after the company cut its forecast for the year.\xa0\nSource: official figures show unemployment fell to 4.1% in March, the lowest in a decade.\u200b\n\n\nDer Gemeinderat hat am Dienstag den Haushalt beschlossen, nachdem lange über die Finanzierung der Bibliotheken gestritten worden war.\nMenu\t\n\nLe conseil municipal a adopté mardi le budget après un long débat sur le financement des bibliothèques et la réfection des routes. \nShares in Acme fell 4% on Tuesday after the company cut its forecast for the year. \n \nConclusion: A Pause, Not a Full Stop\n\n\nhOME\xad\nDer Gemeinderat hat am Dienstag den Haushalt beschlossen, nachdem lange über die Finanzierung der Bibliotheken gestritten worden war.\nRelated Articles\xad\r\nLe conseil municipal a adopté mardi le budget après un long débat sur le financement des bibliothèques et la réfection des routes.\t\n\nSource \n'
    a = newsclean.clean_text(text)
    assert newsclean.clean_text(a.text).text == a.text
