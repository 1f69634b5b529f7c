"""The learned line model (newsclean/clean/linemodel.py) and its training."""

from __future__ import annotations

import gzip
import json
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import Cleaner, CleanOptions, Reason, clean_text
from newsclean.clean.linemodel import (
    FEATURE_VERSION,
    LineContext,
    LineModel,
    PageLine,
    line_features,
)
from newsclean.clean.normalize import split_units
from newsclean.errors import OptionsError

ARTICLES = Path(__file__).parent / "data" / "articles"

STORY = [
    "The regional council voted on Thursday to keep the night bus between the two "
    "towns running through the winter, reversing a cut it had announced in October.",
    "Drivers' representatives said the decision would protect about forty jobs and "
    "give shift workers at the hospital a way home after midnight.",
    "The council will pay for the service from its reserves until March, when the "
    "transport budget for next year is due to be agreed.",
]
# A scraped page: the rules remove the menu, the share button and the
# footer; "JOB OPPORTUNITY" (a job box's label no lexicon names), right
# under the share button in the story, stays for the model.
LABEL = "JOB OPPORTUNITY"
PAGE = "\n\n".join(
    [
        "Home",
        "News",
        "Night bus between the towns will keep running",
        STORY[0],
        STORY[1],
        "Share on Facebook",
        LABEL,
        STORY[2],
        "© 2026 Kreisbote Medien GmbH",
    ]
)


def test_the_model_removes_furniture_the_rules_keep() -> None:
    base = Cleaner(CleanOptions(line_model=False)).clean(PAGE)
    assert LABEL in base.paragraphs  # no rule names it
    a = clean_text(PAGE)
    assert a.paragraphs == tuple(STORY)
    assert a.title == "Night bus between the towns will keep running"
    assert [r.line for r in a.removed if r.reason is Reason.LINE_MODEL] == [LABEL]


@pytest.mark.parametrize(
    "options",
    [CleanOptions(line_model=False), CleanOptions(keep={Reason.LINE_MODEL})],
    ids=["off", "kept"],
)
def test_the_model_can_be_switched_off(options: CleanOptions) -> None:
    a = clean_text(PAGE, options=options)
    assert LABEL in a.paragraphs
    assert all(r.reason is not Reason.LINE_MODEL for r in a.removed)


def test_a_high_threshold_keeps_more() -> None:
    a = clean_text(PAGE, options=CleanOptions(line_model_threshold=1.0))
    assert LABEL in a.paragraphs


def test_clean_text_is_left_to_the_rules() -> None:
    # No scraper residue around the story: the model does not run, and a
    # short line that could be furniture stays (as the rules decide).
    doc = "\n\n".join([STORY[0], STORY[1], LABEL, STORY[2]])
    assert clean_text(doc).paragraphs == (STORY[0], STORY[1], LABEL, STORY[2])


def test_subheadings_inside_the_story_are_not_scored() -> None:
    page = PAGE.replace(STORY[1], LABEL + "\n\n" + STORY[1])
    a = clean_text(page)
    # Between two paragraphs of the story it is a subheading, whatever its words.
    assert a.paragraphs[:3] == (STORY[0], LABEL, STORY[1])


def test_a_line_kept_by_the_user_is_not_scored_away() -> None:
    page = PAGE.replace(LABEL, "Advertisement")
    assert "Advertisement" not in clean_text(page).paragraphs
    a = clean_text(page, options=CleanOptions(keep={Reason.ADVERTISEMENT}))
    assert "Advertisement" in a.paragraphs


def _pages() -> list[Path]:
    return sorted(p for p in ARTICLES.iterdir() if (p / "input.txt").is_file())[::25]


@pytest.mark.parametrize("folder", _pages(), ids=lambda p: p.name)
def test_fast_scores_equal_the_features_scores(folder: Path) -> None:
    """score_lines (cached text parts, weights by kind) == score(line_features)."""
    model = LineModel.builtin()
    raw = (folder / "input.txt").read_text(encoding="utf-8")
    a = Cleaner(CleanOptions(line_model=False)).clean(raw)
    why = {r.line_no: r.reason.value for r in a.removed}
    units = list(split_units(raw))
    texts = [u.text for u in units]
    reasons = [why.get(u.line_no) for u in units]
    fast = model.scores(texts, reasons, a.title)
    ctx = LineContext.of(texts, reasons, a.title)
    for i, p in fast.items():
        assert p == pytest.approx(model.score(line_features(ctx, i)), abs=1e-9)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(min_size=1, max_size=60).map(lambda s: " ".join(s.split()) or "x"),
            st.sampled_from([None, None, "navigation", "share_widget", "repeated_title"]),
        ),
        min_size=1,
        max_size=12,
    ),
    st.none() | st.text(max_size=30),
)
def test_fast_scores_equal_the_features_scores_on_any_page(
    page: list[tuple[str, str | None]], title: str | None
) -> None:
    model = LineModel.builtin()
    texts = [t for t, _ in page]
    reasons = [r for _, r in page]
    lines = [PageLine(t, r) for t, r in page]
    fast = model.score_lines(lines, title)
    again = model.score_lines(lines, title)  # the cached text parts
    assert fast == again
    ctx = LineContext.of(texts, reasons, title)
    for i, p in fast.items():
        assert reasons[i] is None
        assert p == pytest.approx(model.score(line_features(ctx, i)), abs=1e-9)


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    m = LineModel(bias=-2.0, weights={"w:empfohlen": 4.5, "s:pr_navigation": 1.25})
    for name in ("m.json", "m.json.gz"):
        m.save(tmp_path / name)
        back = LineModel.load(tmp_path / name)
        assert back == m
    first = (tmp_path / "m.json.gz").read_bytes()
    m.save(tmp_path / "m.json.gz")
    assert (tmp_path / "m.json.gz").read_bytes() == first  # same model, same bytes


def test_a_user_model_file_is_used(tmp_path: Path) -> None:
    # A model that finds every scored line to be furniture.
    LineModel(bias=50.0).save(tmp_path / "eager.json")
    a = clean_text(PAGE, options=CleanOptions(line_model_file=tmp_path / "eager.json"))
    assert LABEL not in a.paragraphs
    LineModel(bias=-50.0).save(tmp_path / "shy.json")
    a = clean_text(PAGE, options=CleanOptions(line_model_file=str(tmp_path / "shy.json")))
    assert LABEL in a.paragraphs


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not json", "cannot read line model"),
        (json.dumps([1, 2]).encode(), "expected a JSON object"),
        (
            json.dumps({"feature_version": FEATURE_VERSION + 1, "bias": 0, "weights": {}}).encode(),
            "retrain it",
        ),
        (
            json.dumps({"feature_version": FEATURE_VERSION, "weights": {}}).encode(),
            "numeric 'bias'",
        ),
        (
            json.dumps(
                {"feature_version": FEATURE_VERSION, "bias": 0, "weights": {"w:a": "x"}}
            ).encode(),
            "is not a number",
        ),
        (
            json.dumps(
                {"feature_version": FEATURE_VERSION, "bias": 0, "weights": {}, "max_words": 0}
            ).encode(),
            "max_words",
        ),
        (gzip.compress(b"{"), "cannot read line model"),
    ],
)
def test_bad_model_files_are_clear_errors(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "model.json"
    path.write_bytes(content)
    with pytest.raises(OptionsError, match=message):
        LineModel.load(path)
    with pytest.raises(OptionsError, match=message):
        Cleaner(CleanOptions(line_model_file=path))


def test_a_missing_model_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(OptionsError, match="cannot read line model"):
        Cleaner(CleanOptions(line_model_file=tmp_path / "nope.json.gz"))


@pytest.mark.parametrize("bad", [0.2, 1.5, True, "0.9", None])
def test_threshold_is_validated(bad: object) -> None:
    with pytest.raises(OptionsError, match="line_model_threshold"):
        CleanOptions(line_model_threshold=bad)  # type: ignore[arg-type]


def test_model_file_option_is_validated() -> None:
    with pytest.raises(OptionsError, match="line_model_file"):
        CleanOptions(line_model_file=3)  # type: ignore[arg-type]


def test_training_makes_a_model_that_scores(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    from newsclean.clean import linemodel_train as t

    folders = sorted(p for p in ARTICLES.iterdir() if (p / "input.txt").is_file())[:24]
    pages = list(t.labelled_pages(folders))
    assert len(pages) == 24
    assert all(len(p.texts) == len(p.reasons) == len(p.junk) for p in pages)
    model = t.train(pages)
    assert model.weights and all(abs(w) >= t.MIN_WEIGHT for w in model.weights.values())
    table = t.cross_validate(pages, folds=3, thresholds=(0.5, 0.99))
    lo, hi = table[0.5], table[0.99]
    assert hi[0] <= lo[0] and hi[2] <= lo[2]  # a higher threshold removes less
    assert lo[1] == hi[1] and lo[3] == hi[3]  # the same lines are counted
    out = tmp_path / "m.json.gz"
    assert t.main([str(p) for p in folders] + ["-o", str(out)]) == 0
    assert LineModel.load(out).weights


def test_training_refuses_what_it_cannot_learn_from(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    from newsclean.clean import linemodel_train as t
    from newsclean.errors import InputError

    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "input.txt").write_text("Only a line\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a labelled article"):
        list(t.labelled_pages([tmp_path / "a"]))
    (tmp_path / "a" / "expected.txt").write_text("Only a line\n", encoding="utf-8")
    (tmp_path / "a" / "meta.json").write_text('{"title": null}', encoding="utf-8")
    with pytest.raises(InputError, match="both body and furniture"):
        t.train(list(t.labelled_pages([tmp_path / "a"])))


def test_a_paragraph_is_scored_only_beside_a_removed_line() -> None:
    promo = (
        "Get the Courier app for news alerts from your town, the weather and the "
        "traffic, free on iOS and Android."
    )
    texts = [STORY[0], STORY[1], STORY[2], "Share on Facebook", promo, "Privacy policy"]
    reasons = [None, None, None, "share_widget", None, "navigation"]
    scores = LineModel.builtin().scores(texts, reasons, None)
    # The promo reads as prose, but it sits among removed lines: scored (and
    # taken); so is the story's last paragraph, above the share button (and
    # kept); the paragraphs with kept paragraphs on both sides are not scored.
    assert sorted(scores) == [2, 4]
    assert scores[4] >= 0.98 > scores[2]
    a = clean_text("\n\n".join(["Home", "News", *texts]))
    assert promo not in a.paragraphs and a.paragraphs[-3:] == tuple(STORY)


def test_a_line_beside_one_the_model_removed_is_scored_again() -> None:
    # A toy model: "promo" lines go; so does a line right under a line the
    # model removed (its neighbour's reason is "line_model" in the second pass).
    m = LineModel(bias=-4.0, weights={"w:promo": 8.0, "s:pr_line_model": 8.0})

    def page() -> list[PageLine]:
        return [
            PageLine(STORY[0]),
            PageLine("Promo of the week"),
            PageLine("Our weekend offers"),
            PageLine("Privacy policy", "navigation"),
        ]

    assert m.furniture(page(), None, 0.9, rounds=1) == [1]
    lines = page()
    assert m.furniture(lines, None, 0.9) == [1, 2]
    assert [ln.reason for ln in lines] == [None, "line_model", "line_model", "navigation"]
    # A spared line stays, and so does what only its removal would have exposed.
    assert m.furniture(page(), None, 0.9, spare={1}) == []


def test_a_line_in_the_story_s_place_needs_a_surer_score() -> None:
    """A short line between two kept paragraphs belongs to the story by its
    place: it leaves only at 1 - STORY_DOUBT * (1 - threshold), a line at the
    page's foot at the threshold itself."""
    from newsclean.clean.linemodel import STORY_DOUBT

    weights = {"w:promo": 4.0}  # sigmoid(4) = 0.982
    m = LineModel(bias=0.0, weights=weights)
    page = [PageLine(STORY[0]), PageLine("promo"), PageLine(STORY[1]), PageLine("promo")]
    assert m.furniture(page, None, 0.98) == [3]  # the foot's line only
    strict = 1 - STORY_DOUBT * (1 - 0.98)
    sure = LineModel(bias=0.0, weights={"w:promo": math.log(strict / (1 - strict)) + 0.01})
    page = [PageLine(STORY[0]), PageLine("promo"), PageLine(STORY[1]), PageLine("promo")]
    assert sure.furniture(page, None, 0.98) == [1, 3]


def test_the_model_never_takes_every_line_the_rules_kept() -> None:
    """A page the rules left with only lines the model would take keeps them:
    the model removes furniture around a story, not the story."""
    m = LineModel(bias=8.0, weights={})  # everything scores ~1.0
    page = [PageLine("Home", "navigation"), PageLine("The council met on Tuesday.")]
    assert m.furniture(page, None, 0.98) == [] and page[1].reason is None
    page = [PageLine("Home", "navigation"), PageLine("Short line"), PageLine(STORY[0])]
    m2 = LineModel(bias=-8.0, weights={"w:short": 20.0})
    assert m2.furniture(page, None, 0.98) == [1]


def test_a_short_line_deep_in_the_story_is_not_scored() -> None:
    """A short line between paragraphs, more than _STORY_REACH lines from any
    removed line, is not scored (a subheading deep in a long story); near a
    removed line (an ad label) it is, at the stricter threshold."""
    from newsclean.clean.linemodel import _STORY_REACH

    sure = LineModel(bias=0.0, weights={"w:promo": 9.0})
    paras = [PageLine(f"{STORY[k % 3]} ({k})") for k in range(2 * _STORY_REACH + 4)]
    mid = len(paras) // 2
    page = [PageLine("Menu", "navigation"), *paras[:mid], PageLine("promo"), *paras[mid:]]
    assert sure.furniture(page, None, 0.98) == []
    ad = PageLine("Advertisement", "advertisement")
    before = [PageLine(x.text) for x in paras[:mid]]
    after = [PageLine(x.text) for x in paras[mid:]]
    page = [PageLine("Menu", "navigation"), *before[:-1], ad, before[-1], PageLine("promo"), *after]
    assert sure.furniture(page, None, 0.98) == [mid + 2]


def _nearby_direct(ctx: LineContext, i: int) -> str:
    out = []
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(ctx.lines):
            ln = ctx.lines[j]
            if ln.reason is None and ln.paragraph:
                out.append(ln.folded)
                break
            j += step
    return "\n".join(out)


def _in_story_direct(ctx: LineContext, i: int) -> bool:
    from newsclean.clean import linemodel as lm

    before, after = ctx.kind(i - 1), ctx.kind(i + 1)
    text = ctx.lines[i].text
    if (
        before == "repeated_title"
        and lm._n_words(text) >= lm._STANDFIRST_WORDS
        and "|" not in text
        and lm._CLOCK.search(text) is None
    ):
        return True
    if before in ("EDGE", "repeated_title") and after == "kl":
        return not text.endswith(lm._SENTENCE_END)
    lo = i - 1
    while lo >= 0 and ctx.kind(lo) == "ks":
        lo -= 1
    hi = i + 1
    while hi < len(ctx.lines) and ctx.kind(hi) == "ks":
        hi += 1
    return hi - lo - 1 <= lm._STORY_RUN and ctx.kind(lo) == "kl" and ctx.kind(hi) == "kl"


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["Menu", "Share this", STORY[0], STORY[1], "A short line", "Who pays?"]),
            st.sampled_from([None, None, None, "navigation", "repeated_title"]),
        ),
        min_size=1,
        max_size=14,
    )
)
def test_nearby_paragraphs_and_story_place_equal_a_line_by_line_walk(
    page: list[tuple[str, str | None]],
) -> None:
    """What the block arrays and the bounded walk give equals walking the page
    line by line (which took quadratic time on a page of short lines)."""
    from newsclean.clean.linemodel import _in_story

    ctx = LineContext.of([t for t, _ in page], [r for _, r in page], None)
    for i in range(len(page)):
        assert ctx.nearby_paragraphs(i) == _nearby_direct(ctx, i)
        assert _in_story(ctx, i) == _in_story_direct(ctx, i)
