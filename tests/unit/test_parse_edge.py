"""Hand-written edge cases for the UPI text shape: one robustness item per test."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.parse_fixtures import LICENSE_A, NY, message, parse_ok
from worker.errors import Reason, Rejection
from worker.pipeline.parse import parse_article

BASE_BODY = ["Officials said Friday that new measures would take effect next week.",
             "The measures follow months of talks.", "Critics said the plan falls short."]  # fmt: skip


def test_baseline_message() -> None:
    art = parse_ok(message())
    assert art.headline == "Officials announce new measures on trade"
    assert art.section == "World News" and art.flags.trending
    assert art.published_at == datetime(2023, 12, 22, 7, 11, tzinfo=NY)
    assert [a.name for a in art.authors] == ["Jane Doe"]
    assert [p.text for p in art.paragraphs] == BASE_BODY
    assert art.photos[0].photographer == "Ann Lee" and art.photos[0].credit_org == "UPI"
    assert art.quality.date_consistent is True


def test_crlf_and_cr_line_endings() -> None:
    for nl in ("\r\n", "\r"):
        art = parse_ok(message(nl=nl))
        assert [p.text for p in art.paragraphs] == BASE_BODY
        assert art.headline == "Officials announce new measures on trade"
        assert (
            art.photos[0].license_url
            == "https://www.upi.com/News_Photos/lp/142b0e0867dad47208abedf7cdcfa1c2/"
        )


def test_nbsp_and_odd_whitespace() -> None:
    text = message(
        headline="Officials\u00a0announce  new measures\u2009on trade\u200b",
        body=("The\u00a0measures follow\tmonths of talks.", "\ufeffCritics said the plan falls short.\u00a0"),
    )
    art = parse_ok(text)
    assert art.headline == "Officials announce new measures on trade"
    assert [p.text for p in art.paragraphs] == BASE_BODY


def test_html_entities_and_stray_tags() -> None:
    text = message(
        headline="AT&amp;T and Verizon &#8216;agree&#8217; on&nbsp;deal",
        body=(
            'The <a href="https://example.com/x">measures</a> follow <em>months</em> of talks.',
            "Critics said the plan falls short.</p>",
            "<p>&quot;We will see,&quot; one said &mdash; &amp; left.</p>",
        ),
    )
    art = parse_ok(text)
    assert art.headline == "AT&T and Verizon \u2018agree\u2019 on deal"
    assert [p.text for p in art.paragraphs][1:] == [
        "The measures follow months of talks.",
        "Critics said the plan falls short.",
        '"We will see," one said \u2014 & left.',
    ]
    assert ("https://example.com/x", "measures", "inline") in [(x.href, x.text, x.rel) for x in art.links]
    assert art.quality.html_fragments_found >= 3


def test_boilerplate_lines_removed() -> None:
    art = parse_ok(message(body=("Advertisement", "The measures follow months of talks.", "* * *",
                                 "ADVERTISEMENT", "Critics said the plan falls short.")))  # fmt: skip
    assert [p.text for p in art.paragraphs] == BASE_BODY
    assert art.quality.boilerplate_lines_removed == 3


def test_no_section_no_header() -> None:
    art = parse_ok(message(section=None, header=None))
    assert art.section is None and art.date_header is None and art.flags.trending is False
    assert art.headline == "Officials announce new measures on trade"
    assert art.quality.has_section is False


def test_not_trending_header() -> None:
    art = parse_ok(message(header=" date 2023-12-22"))
    assert art.flags.trending is False and art.date_header == "2023-12-22"


def test_no_byline_no_caption_no_teaser() -> None:
    art = parse_ok(message(bylines=(), captions=()))
    assert art.authors == [] and art.photos == [] and art.related == []
    assert art.quality.has_byline is False
    assert [p.text for p in art.paragraphs] == BASE_BODY


def test_no_dateline() -> None:
    art = parse_ok(message(first="Officials said Friday that new measures would take effect next week."))
    assert art.dateline is None and art.quality.has_dateline is False
    assert [p.text for p in art.paragraphs] == BASE_BODY


def test_two_bylines_and_two_captions() -> None:
    caps = (
        f"A crowd gathers in Paris. File photo by the U.S. Navy | {LICENSE_A}",
        "Ministers meet in Rome on Dec. 1, 2023. Pool Photo by Marco Rossi/UPI | License Photo",
    )
    art = parse_ok(message(bylines=("By Jane Doe and John Roe", "By Ann Smith, UPI Staff Writer"),
                           captions=caps))  # fmt: skip
    assert [(a.name, a.role) for a in art.authors] == [
        ("Jane Doe", None), ("John Roe", None), ("Ann Smith", "UPI Staff Writer")
    ]  # fmt: skip
    assert [(p.caption, p.credit, p.photographer, p.credit_org, p.is_file_photo) for p in art.photos] == [
        ("A crowd gathers in Paris.", "File photo by the U.S. Navy", None, "U.S. Navy", True),
        (
            "Ministers meet in Rome on Dec. 1, 2023.",
            "Pool Photo by Marco Rossi/UPI",
            "Marco Rossi",
            "UPI",
            False,
        ),
    ]
    assert art.photos[0].license_url is not None and art.photos[1].license_url is None


@pytest.mark.parametrize(
    ("byline", "names", "roles"),
    [
        ("By A. Smith, B. Jones and C. Doe", ["A. Smith", "B. Jones", "C. Doe"], [None, None, None]),
        ("By Joe Fisher, UPI Staff Writer", ["Joe Fisher"], ["UPI Staff Writer"]),
        ("By Jane Doe, The Associated Press", ["Jane Doe"], [None]),
        ("By Mary Major, Senior Correspondent, and Tom Minor", ["Mary Major", "Tom Minor"],
         ["Senior Correspondent", None]),
        ("BY RALPH D. RUSSO AND BOB FERRANTE", ["RALPH D. RUSSO", "BOB FERRANTE"], [None, None]),
        ("By Slate Staff", ["Slate Staff"], [None]),
    ],
)  # fmt: skip
def test_byline_splitting_and_roles(byline: str, names: list[str], roles: list[str | None]) -> None:
    art = parse_ok(message(bylines=(byline,)))
    assert [a.name for a in art.authors] == names
    assert [a.role for a in art.authors] == roles


@pytest.mark.parametrize(
    ("first", "raw", "place", "agency", "city", "admin1", "country"),
    [
        ("BISMARCK, N.D., Dec. 22 (UPI) -- Officials", "BISMARCK, N.D., Dec. 22 (UPI) --", "BISMARCK, N.D.",
         "UPI", "Bismarck", "US-ND", "US"),
        ("LA CROSSE, Wis. (AP) — Officials", "LA CROSSE, Wis. (AP) —", "LA CROSSE, Wis.", "AP", "La Crosse",
         "US-WI", "US"),
        ("ISLAMABAD, Dec. 22 (Reuters) - Officials", "ISLAMABAD, Dec. 22 (Reuters) -", "ISLAMABAD", "Reuters",
         "Islamabad", None, "PK"),
        ("TEHRAN, Iran, Dec. 22 (UPI) -- Officials", "TEHRAN, Iran, Dec. 22 (UPI) --", "TEHRAN, Iran", "UPI",
         "Tehran", None, "IR"),
        ("LONDON, Dec. 22 (AFP) -- Officials", "LONDON, Dec. 22 (AFP) --", "LONDON", "AFP", "London", None,
         "GB"),
        ("BEIJING, Dec. 22 (Xinhua) -- Officials", "BEIJING, Dec. 22 (Xinhua) --", "BEIJING", "Xinhua",
         "Beijing", None, "CN"),
        ("ABERDEEN, Scotland, Dec. 22 (UPI) -- Officials", "ABERDEEN, Scotland, Dec. 22 (UPI) --",
         "ABERDEEN, Scotland", "UPI", "Aberdeen", None, "GB"),
        ("AUSTIN, Texas, Dec. 22 (UPI) -- Officials", "AUSTIN, Texas, Dec. 22 (UPI) --", "AUSTIN, Texas",
         "UPI", "Austin", "US-TX", "US"),
        ("ATLANTA -- Officials", "ATLANTA --", "ATLANTA", None, "Atlanta", "US-GA", "US"),
    ],
)  # fmt: skip
def test_datelines(first: str, raw: str, place: str, agency: str | None, city: str, admin1: str | None,
                   country: str) -> None:  # fmt: skip
    art = parse_ok(message(first=first + " said Friday that new measures would take effect next week."))
    dl = art.dateline
    assert dl is not None
    assert (dl.raw, dl.place, dl.agency, dl.city, dl.admin1, dl.country_iso2) == (
        raw, place, agency, city, admin1, country
    )  # fmt: skip
    assert art.paragraphs[0].text == BASE_BODY[0]


def test_not_a_dateline() -> None:
    art = parse_ok(message(first="The United States (UPI) said Friday that it would act."))
    assert art.dateline is None
    assert art.paragraphs[0].text == "The United States (UPI) said Friday that it would act."


def test_updated_line_own_line() -> None:
    art = parse_ok(message(extra_meta=("Updated Dec. 23, 2023 / 5:38 AM",)))
    assert art.updated_at == datetime(2023, 12, 23, 5, 38, tzinfo=NY)
    assert art.updated_at is not None and art.updated_at.isoformat() == "2023-12-23T05:38:00-05:00"
    assert art.updated_at_raw == "Dec. 23, 2023 / 5:38 AM"
    assert art.published_at == datetime(2023, 12, 22, 7, 11, tzinfo=NY)


def test_updated_on_timestamp_line_and_after_headline() -> None:
    art = parse_ok(message(stamp="Dec. 22, 2023 / 7:11 AM | Updated Dec. 22, 2023 / 9:02 PM"))
    assert art.updated_at == datetime(2023, 12, 22, 21, 2, tzinfo=NY)
    art2 = parse_ok(message(bylines=("By Jane Doe", "Updated Dec. 22, 2023 / 9:02 PM")))
    assert art2.updated_at == datetime(2023, 12, 22, 21, 2, tzinfo=NY)
    assert [a.name for a in art2.authors] == ["Jane Doe"]


def test_updated_prose_in_body_is_body() -> None:
    art = parse_ok(message(body=("Updated December 2023: we added new picks.", "Critics said so.")))
    assert art.updated_at is None
    assert art.paragraphs[1].text == "Updated December 2023: we added new picks."


def test_timestamp_tz_and_dst() -> None:
    summer = parse_ok(message(stamp="June 2, 2023 / 12:05 AM", header=" date 2023-06-02",
                              first="June 2 (UPI) -- Officials said so."))  # fmt: skip
    assert summer.published_at is not None and summer.published_at.isoformat() == "2023-06-02T00:05:00-04:00"
    assert summer.quality.date_consistent is True
    sept = parse_ok(
        message(stamp="Sept. 20, 2023 / 12:30 PM", header=None, first="Sept. 20 (UPI) -- Hi there.")
    )
    assert sept.published_at == datetime(2023, 9, 20, 12, 30, tzinfo=NY)
    utc = parse_article(message(), content_type="text", tz=__import__("zoneinfo").ZoneInfo("UTC"))
    assert not isinstance(utc, Rejection) and utc.published_at is not None
    assert utc.published_at.isoformat() == "2023-12-22T07:11:00+00:00"


def test_date_inconsistency_flagged() -> None:
    art = parse_ok(message(header=" date 2023-12-21", first="Dec. 20 (UPI) -- Officials said so."))
    assert art.quality.date_consistent is False


def test_related_teasers_not_in_body() -> None:
    teasers = (
        ("Storm hits coast, thousands without power",
         "A tree lies on a car in Miami. Photo by Al Roe/UPI | License Photo"),
        ("Markets rally.", "Traders work in New York. File Photo by Bo Li/UPI | License Photo"),
    )  # fmt: skip
    art = parse_ok(message(teasers=teasers))
    assert [(r.headline, r.caption, r.credit) for r in art.related] == [
        (
            "Storm hits coast, thousands without power",
            "A tree lies on a car in Miami.",
            "Photo by Al Roe/UPI",
        ),
        ("Markets rally.", "Traders work in New York.", "File Photo by Bo Li/UPI"),
    ]
    assert [p.text for p in art.paragraphs] == BASE_BODY
    assert "Storm" not in art.body_text and "Traders" not in art.body_text


def test_inline_caption_mid_body_is_a_photo() -> None:
    art = parse_ok(message(body=("The measures follow months of talks.",
                                 "A man speaks in Ohio. Photo by Kim Park/UPI | License Photo",
                                 "Critics said the plan falls short.")))  # fmt: skip
    assert [p.text for p in art.paragraphs] == BASE_BODY
    assert [(p.caption, p.position) for p in art.photos][-1] == ("A man speaks in Ohio.", "inline")


def test_very_short_and_very_long_articles() -> None:
    short = parse_ok(message(body=(), first="Dec. 22 (UPI) -- Yes."))
    assert [p.text for p in short.paragraphs] == ["Yes."] and short.reading_time_min == 1
    long_body = tuple(f"Paragraph number {i} has a handful of words in it." for i in range(3000))
    big = parse_ok(message(body=long_body))
    assert len(big.paragraphs) == 3001
    assert big.word_count == len(big.body_text.split())
    assert big.reading_time_min == -(-big.word_count // 238)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", Reason.NOT_AN_ARTICLE),
        ("   \n\n\t ", Reason.NOT_AN_ARTICLE),
        ("hello world, this is just some chatter\nwith two lines", Reason.NOT_AN_ARTICLE),
        ('{"key": "value", "n": 3}', Reason.NOT_AN_ARTICLE),
        ("\ufffd" * 50 + "abc", Reason.NOT_AN_ARTICLE),
        (" date 2023-12-22\nWorld News\nDec. 22, 2023 / 7:11 AM\n\n", Reason.NO_HEADLINE),
        (" date 2023-12-22\nWorld News\nDec. 22, 2023 / 7:11 AM\n\nBy Jane Doe\nDec. 22 (UPI) -- Hi.",
         Reason.NO_HEADLINE),
        (" date 2023-12-22\nWorld News\nDec. 22, 2023 / 7:11 AM\n\nA headline here\n\nBy Jane Doe\n",
         Reason.NO_BODY),
    ],
)  # fmt: skip
def test_rejections(text: str, reason: Reason) -> None:
    res = parse_article(text, content_type="text", tz=NY)
    assert isinstance(res, Rejection), res
    assert res.reason == reason
    assert res.detail


def test_invalid_timestamp_is_not_fatal() -> None:
    art = parse_ok(message(stamp="Feb. 30, 2023 / 7:11 AM"))
    assert art.published_at is None and "invalid_timestamp" in art.quality.warnings


def test_base_url_and_absolute_license() -> None:
    cap = 'A view. Photo by X Y/UPI | <a href="https://img.example/lp/1/">License Photo</a>'
    art = parse_ok(message(captions=(cap,)), base_url="https://upi.test")
    assert art.photos[0].license_url == "https://img.example/lp/1/"
    art2 = parse_ok(message(), base_url="https://upi.test/")
    assert art2.photos[0].license_url == "https://upi.test/News_Photos/lp/142b0e0867dad47208abedf7cdcfa1c2/"


def test_headline_starting_with_by_is_a_headline() -> None:
    art = parse_ok(message(headline="By the numbers: how inflation hit holiday shopping"))
    assert art.headline == "By the numbers: how inflation hit holiday shopping"
    assert [a.name for a in art.authors] == ["Jane Doe"]
