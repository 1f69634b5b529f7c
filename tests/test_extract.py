"""newsclean.extract / Extractor / ExtractOptions: the API, metadata, line rules, options."""

from __future__ import annotations

import dataclasses
import threading

import pytest

import newsclean
from newsclean import Article, ExtractOptions, Extractor, Reason
from newsclean.extract.html import parse_html
from newsclean.extract.lines import drop_credits, drop_headlines
from newsclean.extract.metadata import read_metadata
from newsclean.extract.recover import fragment_text, needs_full_pass, needs_recovery
from newsclean.extract.restore import (
    dropped_prose,
    is_prose,
    needs_balanced_pass,
    restore_prose,
)

BODY = (
    "<p>Heavy rain fell across the region on Monday, ending a drought that had lasted for "
    "more than two years, officials said at a news conference in the capital.</p>"
    "<p>Farmers welcomed the downpour, which filled reservoirs within hours and raised river "
    "levels across the valley for the first time since the spring of last year.</p>"
    "<p>Forecasters expect more rain later in the week, although they warned that the soil "
    "would need months of steady rainfall to recover fully from the long dry spell.</p>"
)


def page(body: str = BODY, head: str = "", title: str = "Rain Ends Drought | The Daily") -> str:
    return (
        f"<!DOCTYPE html><html lang='en-GB'><head><title>{title}</title>{head}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>Rain Ends Drought</h1>{body}</article>"
        "<footer>© The Daily. All rights reserved.</footer></body></html>"
    )


def test_extract_returns_clean_article() -> None:
    a = newsclean.extract(page())
    assert isinstance(a, Article)
    assert a.paragraphs[0].startswith("Heavy rain fell")
    assert len(a.paragraphs) == 3
    assert a.text == "\n\n".join(a.paragraphs)
    assert "Home" not in a.text and "All rights reserved" not in a.text
    assert a.title == "Rain Ends Drought"
    assert a.meta["extraction"] == "trafilatura"
    assert a.meta["language"] == "en"


def test_extractor_is_reusable_and_stateless() -> None:
    ex = Extractor()
    first = ex.extract(page())
    other = ex.extract(page(title="Something Else"))
    again = ex.extract(page())
    assert first == again
    assert other.text == first.text


def test_bytes_and_str_give_the_same_article() -> None:
    html = page()
    assert newsclean.extract(html.encode("utf-8")) == newsclean.extract(html)


def test_metadata_from_meta_tags_and_json_ld() -> None:
    head = (
        '<meta property="og:site_name" content="The Daily">'
        '<meta property="og:title" content="Rain ends two-year drought">'
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "NewsArticle", "headline": "Rain Ends Drought", '
        '"datePublished": "2024-03-05T08:00:00+01:00", '
        '"author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", '
        '"name": "John Roe"}]}</script>'
    )
    a = newsclean.extract(page(head=head), url="https://daily.example/rain?x=1")
    m = a.meta
    assert m["sitename"] == "The Daily"
    assert m["title"] == "Rain ends two-year drought"
    assert m["date"] == "2024-03-05"
    assert m["authors"] == ["Jane Doe", "John Roe"]
    assert m["author"] == "Jane Doe; John Roe"
    assert m["url"] == "https://daily.example/rain?x=1"
    assert m["hostname"] == "daily.example"


def test_metadata_survives_broken_json_ld_and_odd_values() -> None:
    head = (
        '<script type="application/ld+json">{not json</script>'
        '<meta name="date" content="not a date"><meta name="author" content="https://x.org/me">'
        '<link rel="canonical" href="https://daily.example/c">'
    )
    a = newsclean.extract(page(head=head))
    assert "date" not in a.meta and "author" not in a.meta
    assert a.meta["url"] == "https://daily.example/c"


def test_time_element_gives_date() -> None:
    body = '<p><time datetime="2023-11-02">2 Nov</time></p>' + BODY
    assert newsclean.extract(page(body=body)).meta["date"] == "2023-11-02"


def test_byline_in_text_goes_to_meta() -> None:
    body = "<p>By Jane Doe</p>" + BODY
    a = newsclean.extract(page(body=body))
    assert a.paragraphs[0].startswith("Heavy rain")
    assert a.meta.get("author") == "Jane Doe"
    assert any(r.reason is Reason.BYLINE for r in a.removed)


def test_headline_repeated_at_top_is_removed_with_reason() -> None:
    body = "<p>Rain Ends Drought</p>" + BODY
    a = newsclean.extract(page(body=body))
    assert a.paragraphs[0].startswith("Heavy rain")
    assert any(r.reason is Reason.REPEATED_TITLE for r in a.removed)


def test_calls_to_action_and_credits_at_the_end_are_removed() -> None:
    body = BODY + (
        "<p>Follow The Daily on Twitter and Facebook for the latest weather news.</p>"
        "<p>Associated Press writers Ann Example and Bob Sample contributed to this report.</p>"
    )
    a = newsclean.extract(page(body=body))
    assert a.paragraphs[-1].startswith("Forecasters expect")
    assert a.meta["credits"] == [
        "Associated Press writers Ann Example and Bob Sample contributed to this report."
    ]
    reasons = {r.reason for r in a.removed}
    assert {Reason.NEWSLETTER, Reason.BYLINE} <= reasons


def test_removed_lines_are_numbered_in_the_extracted_text() -> None:
    body = "<p>Rain Ends Drought</p><p>By Jane Doe</p>" + BODY
    a = newsclean.extract(page(body=body))
    numbers = [r.line_no for r in a.removed]
    assert numbers == sorted(numbers)
    assert numbers[:2] == [1, 2]


def test_stages_can_be_switched_off() -> None:
    body = "<p>Rain Ends Drought</p><p>By Jane Doe</p>" + BODY
    raw = newsclean.extract(page(body=body), options=ExtractOptions(clean=False, line_rules=False))
    assert raw.paragraphs[0] == "Rain Ends Drought"
    assert raw.removed == ()
    no_meta = newsclean.extract(page(), options=ExtractOptions(with_metadata=False))
    assert set(no_meta.meta) <= {"extraction", "title"}


def test_clean_options_pass_through() -> None:
    body = BODY + "<p>Advertisement</p>" + BODY.replace("Heavy", "Light")
    keep = ExtractOptions(clean_options=newsclean.CleanOptions(keep={Reason.ADVERTISEMENT}))
    assert "Advertisement" in newsclean.extract(page(body=body), options=keep).paragraphs
    assert "Advertisement" not in newsclean.extract(page(body=body)).paragraphs


def test_include_comments_option() -> None:
    comments = (
        "<div id='comments' class='comments'><h3>3 Comments</h3><ul>"
        "<li class='comment'><p>Great article, I really enjoyed reading about the rain and "
        "the farmers in the valley, thank you for writing it.</p></li></ul></div>"
    )
    html = page(body=BODY).replace("</article>", "</article>" + comments)
    without = newsclean.extract(html)
    assert "Great article" not in without.text
    with_comments = newsclean.extract(html, options=ExtractOptions(include_comments=True))
    assert with_comments.paragraphs[:3] == without.paragraphs[:3]


def test_min_text_length() -> None:
    with pytest.raises(newsclean.NoContentError) as info:
        newsclean.extract(page(), options=ExtractOptions(min_text_length=10_000))
    assert info.value.reason == "no_content"
    assert "min_text_length" in str(info.value)


def test_empty_body_can_be_returned_when_asked() -> None:
    html = "<html><head><title>Nothing</title></head><body><div></div></body></html>"
    with pytest.raises(newsclean.NoContentError):
        newsclean.extract(html)
    a = newsclean.extract(html, options=ExtractOptions(min_text_length=0))
    assert a.text == "" and a.paragraphs == ()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("max_bytes", 0),
        ("max_bytes", 1.5),
        ("max_bytes", True),
        ("timeout_s", 0),
        ("timeout_s", -1.0),
        ("timeout_s", float("inf")),
        ("timeout_s", float("nan")),
        ("timeout_s", "30"),
        ("timeout_s", True),
        ("min_text_length", -1),
        ("fallback", "yes"),
        ("include_comments", 1),
        ("clean_options", {"keep": []}),
    ],
)
def test_options_are_validated_naming_the_field(field: str, value: object) -> None:
    with pytest.raises(newsclean.OptionsError, match=f"ExtractOptions.{field}"):
        ExtractOptions(**{field: value})  # type: ignore[arg-type]


def test_options_are_frozen_and_normalized() -> None:
    opts = ExtractOptions(timeout_s=2)
    assert opts.timeout_s == 2.0 and isinstance(opts.timeout_s, float)
    assert ExtractOptions(timeout_s=None).timeout_s is None
    with pytest.raises(dataclasses.FrozenInstanceError):
        opts.timeout_s = 3.0  # type: ignore[misc]


def test_wrong_types_are_input_type_errors() -> None:
    with pytest.raises(newsclean.InputTypeError):
        newsclean.extract(None)  # type: ignore[arg-type]
    with pytest.raises(newsclean.InputTypeError):
        newsclean.extract(123)  # type: ignore[arg-type]
    with pytest.raises(newsclean.InputTypeError):
        newsclean.extract(page(), url=b"https://x.org")  # type: ignore[arg-type]
    with pytest.raises(newsclean.InputTypeError):
        Extractor(options={"timeout_s": 3})  # type: ignore[arg-type]


def test_bytearray_and_memoryview_are_accepted() -> None:
    data = page().encode()
    assert newsclean.extract(bytearray(data)).text == newsclean.extract(memoryview(data)).text


def test_extract_works_from_worker_threads() -> None:
    results: list[Article] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            results.append(Extractor().extract(page()))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(results) == 3 and all(r == results[0] for r in results)


def test_error_tree() -> None:
    for cls in (
        newsclean.EmptyDocumentError,
        newsclean.NotHTMLError,
        newsclean.DocumentTooLargeError,
        newsclean.ParseError,
        newsclean.ExtractionTimeoutError,
        newsclean.NoContentError,
    ):
        assert issubclass(cls, newsclean.ExtractionError)
        assert issubclass(cls, newsclean.NewscleanError)
        assert cls("x").reason == cls.default_reason
    assert issubclass(newsclean.ExtractionTimeoutError, TimeoutError)
    assert newsclean.ExtractionError("x", reason="custom").reason == "custom"


def test_public_api_is_exported_and_sorted() -> None:
    for name in ("extract", "Extractor", "ExtractOptions", "ExtractionError"):
        assert name in newsclean.__all__
    assert newsclean.__all__ == sorted(newsclean.__all__)
    assert callable(newsclean.extract)


# ---------------------------------------------------------------- units


def test_drop_headlines_only_at_the_top() -> None:
    lines = ["Rain Ends Drought", "Body sentence one.", "x", "Rain Ends Drought"]
    kept, removed = drop_headlines(lines, ("Rain Ends Drought | The Daily",))
    assert removed == ["Rain Ends Drought"]
    assert kept == lines[1:]
    # a short common phrase that happens to be inside the title is not a headline
    kept, removed = drop_headlines(["Drought", "Body."], ("Rain Ends Drought",))
    assert removed == []
    assert drop_headlines(["Body."], ()) == (["Body."], [])


def test_drop_credits_only_at_the_end() -> None:
    lines = ["Reporting by Jane Doe is the subject of this story.", "Body.", "More body."]
    assert drop_credits(lines) == (lines, [])
    lines = ["Body.", "More body.", "Keith Bradsher contributed reporting from Hong Kong."]
    assert drop_credits(lines)[1] == [lines[-1]]


def test_recovery_thresholds() -> None:
    assert needs_recovery(0, 0)
    assert needs_recovery(99, 0)
    assert not needs_recovery(100, 150)
    assert needs_recovery(400, 1000)
    assert needs_full_pass(650, 1000) and not needs_full_pass(750, 1000)


LINKED = (
    "<p><a href='/report'>The full weather service report lists rainfall totals for every "
    "town in the valley.</a></p>"
)
LINKED_TEXT = "The full weather service report lists rainfall totals for every town in the valley."


def test_prose_dropped_by_precision_mode_comes_back() -> None:
    # A paragraph that is one link: precision mode drops it, balanced mode keeps it.
    at = BODY.index("<p>Farmers")
    html = page(body=BODY[:at] + LINKED + BODY[at:])
    article = newsclean.extract(html)
    assert article.paragraphs[1] == LINKED_TEXT
    assert article.paragraphs[2].startswith("Farmers")
    without = newsclean.extract(html, options=ExtractOptions(restore_prose=False))
    assert LINKED_TEXT not in without.paragraphs
    # A linked paragraph after the body is not inside it: not restored.
    after = newsclean.extract(page(body=BODY + LINKED))
    assert LINKED_TEXT not in after.paragraphs


def test_restore_prose_only_inside_and_only_prose() -> None:
    precise = "First line of the story.\nLast line of the story."
    long_line = "A paragraph of the story that precision mode dropped because it was a link."
    balanced = "\n".join(
        [
            long_line,
            "First line of the story.",
            long_line,
            "Short teaser",
            "Last line of the story.",
        ]
    )
    body, added = restore_prose(precise, balanced)
    assert added == 1
    assert body.split("\n") == ["First line of the story.", long_line, "Last line of the story."]
    # The two modes disagree (a precision line balanced mode lacks): no change.
    assert restore_prose(precise + "\nOther line.", balanced) == (precise + "\nOther line.", 0)
    assert restore_prose("", balanced) == ("", 0)
    assert is_prose(long_line) and not is_prose("Short teaser")
    assert not is_prose(long_line[:-1] + " https://example.org/story")
    assert is_prose("日本語の文章" * 13 + "。")
    assert needs_balanced_pass(80, 100) and needs_balanced_pass(300, 100)
    assert not needs_balanced_pass(95, 100)


def test_dropped_prose_between_kept_blocks() -> None:
    at = BODY.index("<p>Farmers")
    tree = parse_html(page(body=BODY[:at] + LINKED + BODY[at:]))
    kept = fragment_text(BODY)
    assert dropped_prose(tree, kept)
    assert not dropped_prose(tree, kept.split("\n")[0])  # nothing kept after it
    assert not dropped_prose(tree, "")


def test_fragment_text_keeps_words_apart() -> None:
    # Text nodes are joined by a space (CJK words at inline-tag edges stay
    # apart); a block ends a line.
    assert fragment_text("<div><span>日本</span><span>語</span><p>a<br>b</p>c</div>") == (
        "日本 語 a\nb\nc"
    )
    assert fragment_text("  ") == ""


def test_read_metadata_without_anything() -> None:
    from newsclean.extract.html import parse_html

    assert read_metadata(parse_html("<p>x</p>"), None) == {}


@pytest.mark.parametrize(
    "junk",
    [
        "Follow @DailyWeather on Twitter for more updates.",
        "Email Jane Doe at jane.doe@daily.example or follow her on Twitter.",
        "If you enjoyed this article, please share it with your friends.",
        "SEE MORE: Farmers count the cost of the long dry summer",
        "Also on daily.example Farmers count the cost of the long dry summer",
        "Subscribe to The Daily and stay informed every morning.",
        "Baca juga: Petani menghitung kerugian musim kemarau",
        "Читайте также: Фермеры подсчитывают убытки от засухи",
    ],
)
def test_extraction_lexicon_removes_furniture(junk: str) -> None:
    a = newsclean.extract(page(body=BODY + f"<p>{junk}</p>"))
    assert junk not in a.paragraphs
    assert len(a.paragraphs) == 3
    off = newsclean.extract(
        page(body=BODY + f"<p>{junk}</p>"), options=ExtractOptions(line_rules=False)
    )
    assert len(off.paragraphs) >= 3


def test_extraction_lexicon_spares_body_sentences() -> None:
    body = BODY + (
        "<p>Farmers said they would follow the forecasts closely on the radio this winter.</p>"
        "<p>More rain is expected in the north, where the reservoirs are still low.</p>"
    )
    a = newsclean.extract(page(body=body))
    assert len(a.paragraphs) == 5


def test_unusual_line_breaks_keep_removal_numbers_in_range() -> None:
    body = "<p>By Jane Doe</p>" + BODY.replace("officials said", "officials\u2028said")
    a = newsclean.extract(page(body=body))
    assert a.removed and all(1 <= r.line_no <= 10 for r in a.removed)


def test_site_name_is_stripped_from_the_title() -> None:
    head = (
        '<meta property="og:site_name" content="The Daily">'
        '<meta property="og:title" content="Rain Ends Two-Year Drought | The Daily">'
    )
    a = newsclean.extract(page(head=head))
    assert a.title == a.meta["title"] == "Rain Ends Two-Year Drought"
    assert a.meta["sitename"] == "The Daily"
