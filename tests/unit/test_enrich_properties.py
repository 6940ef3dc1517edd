"""Property: any paragraphs text enriches without raising."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.enrich_fixtures import paragraphs_from_texts
from worker.models.article import Dateline, ParsedArticle
from worker.pipeline.enrich import DedupIndex, enrich, load_tables

PIECES = st.one_of(
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=20),
    st.sampled_from([*"\"“”‘’'.,:;$£%-— ", "U.S.", " said ", "Kirby", " Wednesday", "Nov. 27", "Georgia"]),
    st.sampled_from(
        [" John Kirby", ", he said.", " according to ", "$5 million", " 45%", " In September", "Paris, "]
    ),
)
TEXT = st.lists(PIECES, max_size=30).map("".join)
DEDUP = DedupIndex(64)


@settings(max_examples=300, deadline=None)
@given(
    paragraphs=st.lists(TEXT, max_size=6),
    headline=TEXT,
    place=st.one_of(st.none(), TEXT),
    published=st.one_of(st.none(), st.datetimes(timezones=st.just(UTC))),
)
def test_any_text_enriches(
    paragraphs: list[str], headline: str, place: str | None, published: datetime | None
) -> None:
    paras, body = paragraphs_from_texts(paragraphs)
    article = ParsedArticle(
        shape="plain_text",
        headline=headline,
        published_at=published,
        dateline=Dateline(raw=place or "", place=place) if place is not None else None,
        paragraphs=paras,
        body_text=body,
    )
    result = enrich(
        article, tables=load_tables(), dedup=DEDUP, now=datetime(2024, 1, 1, tzinfo=UTC), source=None
    )
    assert len(result.simhash64) == 16
    for q in result.quotes:
        assert 0 <= q.start <= q.end <= len(body)
