"""Unit tests for the parser's parts: geo tables, captions/credits, bylines, timestamps, text cleaning."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.parse_fixtures import NY
from worker.pipeline.parse import geo
from worker.pipeline.parse.byline import parse_byline
from worker.pipeline.parse.captions import parse_caption, split_credit
from worker.pipeline.parse.dateline import locate, match_dateline
from worker.pipeline.parse.textclean import clean_fragment, is_boilerplate, needs_normalizing, normalize_text
from worker.pipeline.parse.timestamps import parse_timestamp_line, parse_updated_line


@pytest.mark.parametrize(
    ("word", "code"),
    [("N.D.", "US-ND"), ("Wis.", "US-WI"), ("Calif.", "US-CA"), ("Texas", "US-TX"), ("D.C.", "US-DC"),
     ("W.Va.", "US-WV"), ("Iran", None)],
)  # fmt: skip
def test_us_states(word: str, code: str | None) -> None:
    assert geo.us_state(word) == code


def test_countries_and_cities() -> None:
    assert geo.country_iso2("Iran") == "IR"
    assert geo.country_iso2("South Korea") == "KR"
    assert geo.country_iso2("Scotland") == "GB"
    assert geo.country_iso2("Norway") == "NO"
    assert geo.country_iso2("Nowhereland") is None
    assert locate("LONDON") == ("London", None, "GB")
    assert locate("WASHINGTON") == ("Washington", "US-DC", "US")
    assert locate("SPRINGFIELD, Ill.") == ("Springfield", "US-IL", "US")
    assert locate("MILLVILLE") == ("Millville", None, None)


@pytest.mark.parametrize(
    ("credit", "photographer", "org", "is_file"),
    [
        ("Photo by Vladyslav Musiienko/UPI", "Vladyslav Musiienko", "UPI", False),
        ("File photo by KCNA", None, "KCNA", True),
        ("File Photo by Jordan Duarte/UPI", "Jordan Duarte", "UPI", True),
        ("Pool Photo by Paul Farrow/UPI", "Paul Farrow", "UPI", False),
        ("Photo courtesy of the Library of Congress", None, "Library of Congress", False),
        ("File photo by the European Space Agency", None, "European Space Agency", True),
        ("Photo by Jane Smith", "Jane Smith", None, False),
    ],
)  # fmt: skip
def test_split_credit(credit: str, photographer: str | None, org: str | None, is_file: bool) -> None:
    c = split_credit(credit)
    assert (c.photographer, c.org, c.is_file) == (photographer, org, is_file)


def test_parse_caption() -> None:
    cap = parse_caption(
        "Kim is seen in a file photo released by state media. Photo by A B/UPI", licensed=True
    )
    assert cap is not None
    assert (cap.caption, cap.credit) == (
        "Kim is seen in a file photo released by state media.",
        "Photo by A B/UPI",
    )
    no_credit = parse_caption("Just a caption.", licensed=True)
    assert no_credit is not None and no_credit.credit is None
    assert parse_caption("A long sentence about a photo by the lake that we liked.", licensed=False) is None
    unlicensed = parse_caption("A man walks by. Photo courtesy Delta Airlines", licensed=False)
    assert unlicensed is not None and unlicensed.credit_org == "Delta Airlines"


def test_byline_suffix_and_credentials() -> None:
    assert [a.name for a in parse_byline("Martin Luther King, Jr.")] == ["Martin Luther King Jr."]
    authors = parse_byline("Robert E. Moffit, Ph.D.")
    assert [(a.name, a.role) for a in authors] == [("Robert E. Moffit", "Ph.D")]
    assert [(a.first, a.last) for a in parse_byline("Mary Q. Public")] == [("Mary", "Public")]
    assert [(a.first, a.last) for a in parse_byline("AFPRelaxnews")] == [(None, None)]


def test_timestamps() -> None:
    pub, upd = parse_timestamp_line("Nov. 2, 2022 / 4:17 PM", NY) or (None, None)
    assert pub is not None and pub.dt == datetime(2022, 11, 2, 16, 17, tzinfo=NY) and upd is None
    for line in ("March 4, 2023 / 12:00 AM", "Sept. 30, 2023 / 11:59 p.m.", "May 1, 2023 at 9:05 AM ET"):
        res = parse_timestamp_line(line, NY)
        assert res is not None and res[0] is not None, line
    assert parse_timestamp_line("Nov. 2 (UPI) -- text", NY) is None
    upd_only = parse_updated_line("Updated Nov. 3, 2022 / 9:12 AM", NY)
    assert not isinstance(upd_only, bool) and upd_only is not None
    assert upd_only.dt == datetime(2022, 11, 3, 9, 12, tzinfo=NY)
    assert parse_updated_line("Updated wide camera with brighter results", NY) is False


def test_dateline_rejects_prose() -> None:
    assert match_dateline("The United States (UPI) said on Friday") is None
    assert match_dateline("Washington (CNN) -- A thing") is None
    assert match_dateline("US -- The thing") is None


def test_text_cleaning() -> None:
    assert normalize_text("a\r\nb\rc\u2028d") == "a\nb\nc\nd"
    assert normalize_text("a\u00a0b\u200bc\x07d") == "a bcd"
    assert not needs_normalizing("plain ascii\nand curly \u2019quotes\u2019")
    assert needs_normalizing("lone \ud800 surrogate")
    anchors: list[object] = []
    text, had = clean_fragment('See <a href="/x?a=1&amp;b=2">the &quot;report&quot;</a>&nbsp;now', anchors)  # type: ignore[arg-type]
    assert (text, had) == ('See the "report" now', True)
    assert anchors and anchors[0] == ("/x?a=1&b=2", 'the "report"')
    assert clean_fragment("a < b and c > d")[0] == "a < b and c > d"
    assert is_boilerplate("Advertisement") and is_boilerplate("* * *") and not is_boilerplate("Ad hoc plans.")
