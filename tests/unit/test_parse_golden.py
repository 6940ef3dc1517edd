"""The real scraped UPI page (``upi-golden-0001``): every field checked by hand."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from tests.parse_fixtures import NY, SHARED, parse_ok
from worker.models.article import ParsedArticle

ARTICLES = SHARED / "data" / "dev" / "articles.jsonl"


@pytest.fixture(scope="module")
def golden() -> tuple[ParsedArticle, dict[str, object]]:
    if not ARTICLES.exists():
        pytest.skip(f"shared eval data not found at {ARTICLES} (golden article is not vendored: licence)")
    with ARTICLES.open(encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec["key"] == "upi-golden-0001":
                return parse_ok(rec["value"]), rec["truth"]
    pytest.skip("upi-golden-0001 not in articles.jsonl")


def test_header_fields(golden: tuple[ParsedArticle, dict[str, object]]) -> None:
    art, truth = golden
    assert art.shape == "upi_text"
    assert art.headline == truth["headline"] == "U.S. accuses North Korea is supplying Russia with munitions"
    assert art.section == "World News"
    assert art.flags.trending is True
    assert art.date_header == "2022-11-02"
    assert art.published_at == datetime(2022, 11, 2, 16, 17, tzinfo=NY)
    assert art.published_at is not None and art.published_at.isoformat() == "2022-11-02T16:17:00-04:00"
    assert art.published_at_raw == "Nov. 2, 2022 / 4:17 PM"
    assert art.updated_at is None and art.updated_at_raw is None
    assert art.source_url is None


def test_authors(golden: tuple[ParsedArticle, dict[str, object]]) -> None:
    art, _ = golden
    assert [(a.name, a.first, a.last, a.role, a.affiliation) for a in art.authors] == [
        ("Joe Fisher", "Joe", "Fisher", None, None)
    ]


def test_dateline(golden: tuple[ParsedArticle, dict[str, object]]) -> None:
    art, _ = golden
    assert art.dateline is not None
    assert art.dateline.model_dump() == {
        "raw": "Nov. 2 (UPI) --", "place": None, "agency": "UPI", "month": 11, "day": 2,
        "city": None, "admin1": None, "country_iso2": None,
    }  # fmt: skip


def test_photo(golden: tuple[ParsedArticle, dict[str, object]]) -> None:
    art, _ = golden
    assert [p.model_dump() for p in art.photos] == [
        {
            "caption": "U.S. security officials accused Kim Jung-Un (L) and North Korea of secretly "
            "supplying artillery to Vladimir Putin and Russia for the war in Ukraine.",
            "credit": "File photo by KCNA",
            "photographer": None,
            "credit_org": "KCNA",
            "is_file_photo": True,
            "license_url": "https://www.upi.com/News_Photos/lp/142b0e0867dad47208abedf7cdcfa1c2/",
            "position": "lead",
        }
    ]


def test_body(golden: tuple[ParsedArticle, dict[str, object]]) -> None:
    art, truth = golden
    assert [p.text for p in art.paragraphs] == truth["paragraphs"]
    assert len(art.paragraphs) == 9
    assert art.lede == art.paragraphs[0].text
    assert art.lede is not None and art.lede.startswith("The United States alleged Wednesday")
    assert art.body_text == "\n\n".join(p.text for p in art.paragraphs)
    for i, p in enumerate(art.paragraphs):
        assert p.idx == i
        assert art.body_text[p.char_start : p.char_end] == p.text
    assert art.char_count == len(art.body_text) == 1983
    assert art.word_count == len(art.body_text.split()) == 316
    assert art.reading_time_min == 2  # ceil(316 / 238)
    # teaser and captions never leak into the body
    assert "kamikaze" not in art.body_text
    assert "License Photo" not in art.body_text
    assert "File photo" not in art.body_text


def test_related_and_links(golden: tuple[ParsedArticle, dict[str, object]]) -> None:
    art, _ = golden
    assert [r.model_dump() for r in art.related] == [
        {
            "headline": "Russia attacks Kyiv, Ukraine with kamikaze drone strike",
            "caption": "Firefighters conduct work while smoke rises from a building after it was attacked by "
            "Russian drones in Kyiv, Ukraine, on October 17, 2022.",
            "credit": "Photo by Vladyslav Musiienko/UPI",
            "license_url": None,
        }
    ]
    assert [(lk.href, lk.text, lk.rel) for lk in art.links] == [
        (
            "https://www.upi.com/News_Photos/lp/142b0e0867dad47208abedf7cdcfa1c2/",
            "License Photo",
            "license_photo",
        )
    ]


def test_quality(golden: tuple[ParsedArticle, dict[str, object]]) -> None:
    art, _ = golden
    q = art.quality
    assert (q.has_byline, q.has_dateline, q.has_timestamp, q.has_section) == (True, True, True, True)
    assert q.date_consistent is True
    assert q.html_fragments_found == 1
    assert q.boilerplate_lines_removed == 0 and q.lines_dropped == 0
    assert q.warnings == []


def test_json_dump_matches_truth(golden: tuple[ParsedArticle, dict[str, object]]) -> None:
    art, truth = golden
    ev = art.model_dump(mode="json")
    assert ev["published_at"] == truth["published_at"]
    assert [a["name"] for a in ev["authors"]] == truth["authors"]
    assert {k: ev["dateline"][k] for k in ("raw", "place", "agency")} == truth["dateline"]
    assert [{k: p[k] for k in ("caption", "credit", "license_url")} for p in ev["photos"]] == truth["photos"]
    assert [{k: r[k] for k in ("headline", "caption", "credit")} for r in ev["related"]] == truth["related"]
