"""HTML pages go through trafilatura into the same ParsedArticle fields (shape='html')."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from tests.parse_fixtures import NY, message
from worker.errors import Reason, Rejection
from worker.models.article import ParsedArticle
from worker.pipeline.parse import parse_article
from worker.pipeline.parse.html import choose_headline

PARAS = [
    "The city council voted on Tuesday to expand the bike lane network across three districts downtown.",
    "Supporters said the plan would make streets safer for riders and pedestrians during rush hour traffic.",
    "Opponents argued that removing parking spaces would hurt small businesses along the main corridor.",
    "The first new lanes are expected to open in the spring, with the rest following by the end of the year.",
]
PAGE = f"""<!DOCTYPE html><html lang="en"><head>
<title>Council expands bike lanes downtown | The Daily Example</title>
<meta property="og:title" content="Council expands bike lanes downtown | The Daily Example">
<meta name="author" content="Dana Writer">
<meta property="article:published_time" content="2023-12-19T10:00:00-05:00">
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<article>
<h1>Council expands bike lanes downtown</h1>
<p class="byline">By Dana Writer</p>
{"".join(f"<p>{p}</p>" for p in PARAS)}
</article>
<footer><p>Copyright 2023 The Daily Example. All rights reserved.</p></footer>
</body></html>"""


def test_html_page() -> None:
    res = parse_article(PAGE, content_type="html", tz=NY, source_url="https://example.com/a")
    assert isinstance(res, ParsedArticle), res
    assert res.shape == "html"
    assert res.headline == "Council expands bike lanes downtown"
    assert res.published_at is not None and res.published_at.date() == date(2023, 12, 19)
    assert res.published_at == datetime(2023, 12, 19, 10, 0, tzinfo=timezone(timedelta(hours=-5)))
    assert res.published_at.utcoffset() == timedelta(hours=-5)  # the page's own offset, to the minute
    assert "date_only_precision" not in res.quality.warnings
    assert [a.name for a in res.authors] == ["Dana Writer"]
    texts = [p.text for p in res.paragraphs]
    for p in PARAS:
        assert p in texts
    assert res.headline not in texts
    assert res.source_url == "https://example.com/a"
    assert ParsedArticle.model_validate(res.model_dump()) == res


def test_html_sniffed_even_if_labelled_text() -> None:
    res = parse_article(PAGE, content_type="text", tz=NY)
    assert isinstance(res, ParsedArticle) and res.shape == "html"


def test_html_without_body_is_rejected() -> None:
    for page in ("<html><body></body></html>", "<html><body><nav>Home</nav></body></html>", "<<<>>>"):
        res = parse_article(page, content_type="html", tz=NY)
        assert isinstance(res, Rejection)
        assert res.reason in (Reason.NO_BODY, Reason.NOT_AN_ARTICLE, Reason.NO_HEADLINE)


def test_choose_headline() -> None:
    assert (
        choose_headline(["Site", "A story about cats"], "A story about cats | Site") == "A story about cats"
    )
    assert choose_headline(["Opinion What I will pray for"], "Opinion | What I will pray for") == (
        "What I will pray for"
    )
    assert choose_headline([], "A short title here - Example News") == "A short title here"
    assert (
        choose_headline(["Report: US considers tariffs"], "Other words entirely")
        == "Report: US considers tariffs"
    )
    assert choose_headline([], None) is None


def test_upi_text_labelled_html_is_parsed_as_text() -> None:
    text = message()
    res = parse_article(text, content_type="html", tz=NY)
    assert isinstance(res, ParsedArticle) and res.shape == "upi_text"
    assert res.photos and res.photos[0].license_url is not None


def test_html_page_without_a_timestamp_keeps_the_day() -> None:
    page = PAGE.replace('<meta property="article:published_time" content="2023-12-19T10:00:00-05:00">', "")
    page = page.replace("<header>", '<header><time datetime="2023-12-19">Dec. 19, 2023</time>')
    res = parse_article(page, content_type="html", tz=NY)
    assert isinstance(res, ParsedArticle), res
    assert res.published_at is not None and res.published_at.date() == date(2023, 12, 19)
    assert "date_only_precision" in res.quality.warnings
