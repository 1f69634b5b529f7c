"""Site profiles (issue 7): learning each site's boilerplate, applying it, profiles as data."""

from __future__ import annotations

import json
import pickle
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsclean
from benchmarks.sites import STORY, TEMPLATE, TITLE, generate
from newsclean import (
    Cleaner,
    CleanOptions,
    LearnOptions,
    ProfileError,
    Reason,
    SiteProfile,
    SiteProfiles,
    clean_text,
)
from newsclean.cli import main
from newsclean.errors import InputError, OptionsError
from newsclean.profiles import PROFILE_FORMAT, ProfileLearner, SiteLine, line_hash, site_of

WORDS = [
    "river",
    "council",
    "budget",
    "school",
    "bridge",
    "harvest",
    "market",
    "storm",
    "doctor",
    "library",
    "museum",
    "station",
    "festival",
    "election",
    "factory",
    "harbour",
    "theatre",
    "vaccine",
    "tunnel",
    "airport",
    "stadium",
    "orchard",
]


def _story(rng: random.Random, n: int = 4) -> list[str]:
    return [
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(14, 24))).capitalize() + "."
        for _ in range(n)
    ]


def _site_pages(
    domain: str, n: int, top: list[str], bottom: list[str], seed: int = 1
) -> list[dict[str, str]]:
    rng = random.Random(seed)
    return [
        {"url": f"https://www.{domain}/story-{i}", "text": "\n\n".join(top + _story(rng) + bottom)}
        for i in range(n)
    ]


TOP = ["Daily Planet: news you can trust", "Sections · World · Local · Opinion"]
BOTTOM = ["Unterstützen Sie den Daily Planet ab 5 Euro im Monat.", "Got a tip? tips@planet.com"]


@pytest.fixture(scope="module")
def corpus() -> list:  # type: ignore[type-arg]
    return generate(3, n_sites=12)


@pytest.fixture(scope="module")
def corpus_profiles(corpus: list) -> SiteProfiles:  # type: ignore[type-arg]
    return SiteProfiles.learn({"url": p.url, "text": p.text} for p in corpus)


# ------------------------------------------------------------------ sites and keys
@pytest.mark.parametrize(
    ("url", "source", "site"),
    [
        ("https://news.bbc.co.uk/world/1", None, "bbc.co.uk"),
        ("http://www.example.com:8080/a?b=1", None, "example.com"),
        ("https://sub.example.com.au/x", None, "example.com.au"),
        ("example.org/path", None, "example.org"),
        ("HTTPS://WWW.Example.COM/", None, "example.com"),
        (None, " Reuters ", "reuters"),
        ("", "AP", "ap"),
        (None, None, None),
    ],
)
def test_site_of_uses_the_registered_domain(
    url: str | None, source: str | None, site: str | None
) -> None:
    assert site_of(url, source) == site


def test_line_hash_is_stable_and_normalized() -> None:
    # A fixed value: profiles written by one process are read by another.
    assert line_hash("Exit mobile version") == 7771425803369665182
    assert line_hash("© 2024  Daily Planet") == line_hash("© 1999 daily planet")
    assert line_hash("Daily Planet") != line_hash("Daily Plane")


@given(st.text(min_size=1, max_size=60))
@settings(max_examples=200, deadline=None)
def test_line_hash_ignores_ascii_case_digits_and_spaces(line: str) -> None:
    shouted = "".join(c.upper() if c.isascii() else c for c in line).replace("7", "3")
    assert line_hash(line) == line_hash("  " + shouted.replace(" ", "  ") + " ")


# ------------------------------------------------------------------ learning
def test_learns_template_lines_not_story_lines() -> None:
    pages = _site_pages("planet.com", 30, TOP, BOTTOM)
    profiles = SiteProfiles.learn(pages)
    assert list(profiles) == ["planet.com"]
    prof = profiles["planet.com"]
    assert sorted(s.text for s in prof.lines) == sorted(TOP + BOTTOM)
    assert prof.pages == 30
    assert all(s.share == 1.0 and s.pages == 30 and s.edge == 1.0 for s in prof.lines)


def test_few_pages_learn_nothing() -> None:
    assert len(SiteProfiles.learn(_site_pages("planet.com", 3, TOP, BOTTOM))) == 0
    assert len(SiteProfiles.learn(_site_pages("planet.com", 9, TOP, BOTTOM))) == 0
    assert (
        len(
            SiteProfiles.learn(_site_pages("planet.com", 5, TOP, BOTTOM), LearnOptions(min_pages=5))
        )
        == 1
    )


def test_sites_are_kept_apart() -> None:
    a = _site_pages("planet.com", 12, TOP, [], seed=1)
    b = _site_pages("courier.co.uk", 12, ["The Courier"], ["Courier footer line"], seed=2)
    profiles = SiteProfiles.learn(a + b)
    assert {s.text for s in profiles["courier.co.uk"].lines} == {
        "The Courier",
        "Courier footer line",
    }
    assert {s.text for s in profiles["planet.com"].lines} == set(TOP)


def test_site_or_source_field_names_the_site() -> None:
    pages = [{"text": p["text"], "source": "Planet"} for p in _site_pages("x.com", 12, TOP, [])]
    assert list(SiteProfiles.learn(pages)) == ["planet"]


def test_recurring_quote_mid_page_is_not_learned() -> None:
    rng = random.Random(5)
    quote = "“We will not back down,” the mayor said."
    pages = []
    for i in range(40):
        body = _story(rng, 6)
        if i % 2 == 0:  # in half the stories, in the middle
            body.insert(3, quote)
        pages.append(
            {"url": f"https://planet.com/{i}", "text": "\n\n".join([TOP[0], *body, BOTTOM[0]])}
        )
    lines = {s.text for s in SiteProfiles.learn(pages)["planet.com"].lines}
    assert lines == {TOP[0], BOTTOM[0]}


def test_follow_up_background_paragraph_is_not_learned() -> None:
    rng = random.Random(6)
    background = " ".join(_story(rng, 2))  # a long paragraph reused by a series
    pages = []
    for i in range(30):
        body = _story(rng, 4)
        if i < 12:  # a series of 12 follow-ups: 40% of the site's stories, at the bottom
            body.append(background)
        pages.append({"url": f"https://planet.com/{i}", "text": "\n\n".join([TOP[0], *body])})
    lines = {s.text for s in SiteProfiles.learn(pages)["planet.com"].lines}
    assert lines == {TOP[0]}


def test_copies_of_one_story_count_once() -> None:
    rng = random.Random(7)
    story = _story(rng, 5)
    pages = [
        {"url": f"https://planet.com/live-{i}", "text": "\n\n".join([TOP[0], *story])}
        for i in range(25)
    ]
    pages += _site_pages("planet.com", 12, TOP[:1], [], seed=8)
    learner = ProfileLearner()
    for p in pages:
        learner.add_record(p)
    prof = learner.profiles()["planet.com"]
    assert prof.pages == 13  # the 25 copies are one story
    assert {s.text for s in prof.lines} == {TOP[0]}


def test_memory_is_bounded_by_max_entries() -> None:
    learner = ProfileLearner(LearnOptions(max_entries=1000))
    rng = random.Random(9)
    for i in range(400):
        site = f"site{i % 4}.com"
        learner.add(
            "\n\n".join([f"Top of {site}", *_story(rng, 5), f"Bottom of {site}"]),
            url=f"https://{site}/{i}",
        )
        assert learner._entries <= 1000
    profiles = learner.profiles()
    assert {s.text for s in profiles["site1.com"].lines} == {
        "Top of site1.com",
        "Bottom of site1.com",
    }


def test_learn_options_are_validated() -> None:
    with pytest.raises(OptionsError, match="min_pages"):
        LearnOptions(min_pages=1)
    with pytest.raises(OptionsError, match="skip_copies"):
        LearnOptions(skip_copies="yes")  # type: ignore[arg-type]
    with pytest.raises(newsclean.InputTypeError):
        ProfileLearner().add(b"bytes")  # type: ignore[arg-type]


# ------------------------------------------------------------------ applying
def test_clean_text_removes_profile_lines_with_reason_and_share() -> None:
    pages = _site_pages("planet.com", 20, TOP, BOTTOM)
    profiles = SiteProfiles.learn(pages)
    text = pages[0]["text"]
    a = clean_text(text, profile=profiles.for_url("https://planet.com/new"))
    assert all(line not in a.paragraphs for line in TOP + BOTTOM)
    assert len(a.paragraphs) == 4
    site_removed = [r.line for r in a.removed if r.reason is Reason.SITE_BOILERPLATE]
    assert sorted(site_removed) == sorted(TOP + BOTTOM)
    info = a.meta["site_boilerplate"]
    assert info["site"] == "planet.com" and info["pages"] == 20
    assert [x["share"] for x in info["lines"]] == [1.0] * 4
    assert {x["line_no"] for x in info["lines"]} == {
        r.line_no for r in a.removed if r.reason is Reason.SITE_BOILERPLATE
    }
    # Without the profile the unknown-language promo stays.
    assert BOTTOM[0] in clean_text(text).paragraphs
    # Switched off like any reason; idempotent.
    kept = Cleaner(CleanOptions(keep={Reason.SITE_BOILERPLATE})).clean(
        text, profile=profiles["planet.com"]
    )
    assert BOTTOM[0] in kept.paragraphs
    assert clean_text(a.text, profile=profiles["planet.com"]).text == a.text


def test_extract_applies_the_profile_of_the_url_site() -> None:
    pages = _site_pages("planet.com", 20, TOP, BOTTOM)
    profiles = SiteProfiles.learn(pages)
    rng = random.Random(11)
    body = "".join(f"<p>{p}</p>" for p in _story(rng, 4))
    html = (
        f"<html><head><title>Rain</title></head><body><article><h1>Rain</h1>{body}"
        f"<p>{BOTTOM[0]}</p></article></body></html>"
    )
    plain = newsclean.extract(html, url="https://planet.com/rain")
    assert BOTTOM[0] in plain.paragraphs
    a = newsclean.extract(html, url="https://planet.com/rain", profiles=profiles)
    assert BOTTOM[0] not in a.paragraphs
    assert any(r.reason is Reason.SITE_BOILERPLATE and r.line == BOTTOM[0] for r in a.removed)
    assert a.meta["site_boilerplate"]["site"] == "planet.com"
    other = newsclean.extract(html, url="https://elsewhere.org/rain", profiles=profiles)
    assert BOTTOM[0] in other.paragraphs


def test_simulated_corpus_quality(corpus: list, corpus_profiles: SiteProfiles) -> None:  # type: ignore[type-arg]
    """The acceptance numbers hold on a small simulated corpus too."""
    templates = stories = t_hit = s_hit = 0
    for p in corpus:
        prof = corpus_profiles.for_url(p.url)
        for text, label in p.lines:
            hit = prof is not None and prof.match(text) is not None
            if label == TEMPLATE:
                templates += 1
                t_hit += hit
            elif label in (STORY, TITLE):
                stories += 1
                s_hit += hit
    assert t_hit / templates >= 0.99
    assert s_hit / stories <= 0.002


# ------------------------------------------------------------------ profiles are data
def test_save_load_roundtrip_and_readable_json(
    tmp_path: Path, corpus_profiles: SiteProfiles
) -> None:
    path = tmp_path / "profiles.json"
    corpus_profiles.save(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == PROFILE_FORMAT and data["version"] == 1
    site, entry = next(iter(data["sites"].items()))
    assert set(entry) == {"pages", "lines"} and set(entry["lines"][0]) == {
        "text",
        "share",
        "pages",
        "edge",
    }
    assert SiteProfiles.load(path) == corpus_profiles
    restored = pickle.loads(pickle.dumps(corpus_profiles))
    assert restored[site].match(entry["lines"][0]["text"]) is not None


def test_hand_edited_file(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text(
        json.dumps(
            {
                "format": PROFILE_FORMAT,
                "version": 1,
                "sites": {"planet.com": {"pages": 0, "lines": ["Read the Planet on paper"]}},
            }
        ),
        encoding="utf-8",
    )
    prof = SiteProfiles.load(path)["planet.com"]
    a = clean_text(
        "Read the Planet on paper\n\nThe bridge opened on Monday after two years of work, "
        "the council said.",
        profile=prof,
    )
    assert [r.reason for r in a.removed] == [Reason.SITE_BOILERPLATE]


@pytest.mark.parametrize(
    ("content", "match"),
    [
        ("{not json", "not valid JSON"),
        ('{"format": "something-else", "version": 1}', "not a newsclean site-profiles file"),
        ("[1, 2, 3]", "not a newsclean site-profiles file"),
        (json.dumps({"format": PROFILE_FORMAT, "version": 99, "sites": {}}), "version 99"),
        (json.dumps({"format": PROFILE_FORMAT, "version": 1, "sites": []}), "sites"),
        (
            json.dumps(
                {
                    "format": PROFILE_FORMAT,
                    "version": 1,
                    "sites": {"a.com": {"pages": -1, "lines": []}},
                }
            ),
            "pages",
        ),
        (
            json.dumps(
                {
                    "format": PROFILE_FORMAT,
                    "version": 1,
                    "sites": {"a.com": {"pages": 3, "lines": [{"text": ""}]}},
                }
            ),
            "line 0",
        ),
        (
            json.dumps(
                {
                    "format": PROFILE_FORMAT,
                    "version": 1,
                    "sites": {"a.com": {"pages": 3, "lines": [{"text": "x", "share": 2}]}},
                }
            ),
            "share",
        ),
        (
            json.dumps(
                {"format": PROFILE_FORMAT, "version": 1, "options": {"min_share": 5}, "sites": {}}
            ),
            "bad options",
        ),
    ],
)
def test_corrupt_or_foreign_file_is_a_typed_error(tmp_path: Path, content: str, match: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ProfileError, match=match):
        SiteProfiles.load(path)


def test_binary_or_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "bin.json"
    path.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(ProfileError):
        SiteProfiles.load(path)
    with pytest.raises(InputError, match="cannot read"):
        SiteProfiles.load(tmp_path / "missing.json")
    assert issubclass(ProfileError, InputError)


def test_merge_adds_pages_and_reweights_shares() -> None:
    a = SiteProfiles(
        {"s.com": SiteProfile("s.com", 30, (SiteLine("Menu", 1.0, 30), SiteLine("Promo", 0.5, 15)))}
    )
    b = SiteProfiles(
        {
            "s.com": SiteProfile("s.com", 30, (SiteLine("Menu", 0.9, 27),)),
            "t.com": SiteProfile("t.com", 12, (SiteLine("Footer", 1.0, 12),)),
        }
    )
    m = a.merge(b)
    assert sorted(m) == ["s.com", "t.com"]
    assert m["s.com"].pages == 60
    assert [(s.text, s.share, s.pages) for s in m["s.com"].lines] == [("Menu", 0.95, 57)]
    assert m == b.merge(a)
    assert a.merge(SiteProfiles()) == a
    hand = SiteProfiles({"s.com": SiteProfile("s.com", 0, (SiteLine("Written by hand", 1.0, 0),))})
    both = a.merge(hand)["s.com"]
    assert both.pages == 30
    assert {x.text for x in both.lines} == {"Menu", "Promo", "Written by hand"}


@given(
    st.lists(
        st.sampled_from(["Menu", "Footer line", "Promo", "About us"]),
        min_size=1,
        max_size=4,
        unique=True,
    ),
    st.integers(10, 500),
)
@settings(max_examples=50, deadline=None)
def test_profiles_roundtrip_through_json(lines: list[str], pages: int) -> None:
    p = SiteProfiles(
        {
            "x.org": SiteProfile(
                "x.org", pages, tuple(SiteLine(t, 0.5, pages // 2, 1.0) for t in lines)
            )
        }
    )
    again = SiteProfiles.from_dict(json.loads(json.dumps(p.to_dict())))
    assert again == p
    assert all(again["x.org"].match(t.upper()) is not None for t in lines)


@given(st.lists(st.text(alphabet="abc \n", max_size=40), min_size=10, max_size=30))
@settings(max_examples=30, deadline=None)
def test_learned_lines_are_lines_of_the_input(texts: list[str]) -> None:
    profiles = SiteProfiles.learn({"url": "https://a.com/x", "text": t} for t in texts)
    seen = {" ".join(line.split()) for t in texts for line in t.split("\n")}
    for prof in profiles.values():
        for s in prof.lines:
            assert s.text in seen
            assert 0 < s.share <= 1


# ------------------------------------------------------------------ pipeline and CLI
def _write_jsonl(path: Path, pages: list) -> None:  # type: ignore[type-arg]
    with path.open("w", encoding="utf-8") as f:
        for p in pages:
            f.write(json.dumps({"id": p.id, "url": p.url, "text": p.text}) + "\n")


def test_cli_learn_and_run_with_profiles(tmp_path: Path, corpus: list) -> None:  # type: ignore[type-arg]
    pages = corpus[:300]
    src = tmp_path / "in.jsonl"
    _write_jsonl(src, pages)
    prof_path = tmp_path / "profiles.json"
    assert main(["learn", str(src), "-o", str(prof_path)]) == 0
    profiles = SiteProfiles.load(prof_path)
    assert len(profiles) >= 1
    # Merging a run with itself keeps the lines.
    assert main(["learn", str(src), "-o", str(tmp_path / "m.json"), "--merge", str(prof_path)]) == 0
    assert {s for s in SiteProfiles.load(tmp_path / "m.json")} == set(profiles)

    outs = {}
    for name, extra in (
        ("plain", []),
        ("profiles", ["--profiles", str(prof_path)]),
        ("learn", ["--learn-boilerplate"]),
    ):
        out = tmp_path / name
        assert main(["run", str(src), "-o", str(out), "--workers", "1", "--quiet", *extra]) == 0
        outs[name] = [
            json.loads(line) for line in (out / "articles.jsonl").read_text().splitlines()
        ]
    templates = {
        t for p in pages if profiles.for_url(p.url) for t, lab in p.lines if lab == TEMPLATE
    }

    def template_paragraphs(arts: list[dict[str, str]]) -> int:
        return sum(1 for a in arts for par in a["text"].split("\n\n") if par in templates)

    assert template_paragraphs(outs["plain"]) > 0
    assert template_paragraphs(outs["profiles"]) == 0
    assert template_paragraphs(outs["learn"]) < template_paragraphs(outs["plain"]) / 10
    stats = json.loads((tmp_path / "learn" / "stats.json").read_text())
    assert stats["site_profiles"]["sites"] >= 1


def test_cli_bad_profiles_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "nope"}', encoding="utf-8")
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "1", "text": "The bridge opened on Monday."}\n', encoding="utf-8")
    assert (
        main(["run", str(src), "-o", str(tmp_path / "o"), "--profiles", str(bad), "--quiet"]) == 1
    )
    assert "not a newsclean site-profiles file" in capsys.readouterr().err


def test_pipeline_options_carry_profiles_to_worker_processes(
    corpus: list, corpus_profiles: SiteProfiles
) -> None:  # type: ignore[type-arg]
    pages = [p for p in corpus if corpus_profiles.for_url(p.url) is not None][:8]
    opts = newsclean.PipelineOptions(workers=2, profiles=corpus_profiles)
    out = list(
        newsclean.Pipeline(opts).run({"id": p.id, "url": p.url, "text": p.text} for p in pages)
    )
    assert all(isinstance(o, newsclean.Processed) for o in out)
    assert all(any(r.reason is Reason.SITE_BOILERPLATE for r in o.article.removed) for o in out)  # type: ignore[union-attr]
    with pytest.raises(OptionsError, match="profiles"):
        newsclean.PipelineOptions(profiles={"a": 1})  # type: ignore[arg-type]


def test_dedup_command_strips_given_profiles(tmp_path: Path) -> None:
    pages = _site_pages("planet.com", 20, TOP, BOTTOM)
    src = tmp_path / "in.jsonl"
    src.write_text(
        "".join(json.dumps({"id": str(i), **p}) + "\n" for i, p in enumerate(pages)),
        encoding="utf-8",
    )
    prof_path = tmp_path / "p.json"
    SiteProfiles.learn(pages).save(prof_path)
    out = tmp_path / "out"
    assert main(["dedup", str(src), "-o", str(out), "--profiles", str(prof_path), "--quiet"]) == 0
    texts = [json.loads(x)["text"] for x in (out / "articles.jsonl").read_text().splitlines()]
    assert len(texts) == 20
    assert not any(line in t.split("\n\n") for t in texts for line in TOP + BOTTOM)
