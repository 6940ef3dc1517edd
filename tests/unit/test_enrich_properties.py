"""Properties: any paragraphs text enriches without raising; the fast scanners equal their regexes."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.enrich_fixtures import dev_articles, paragraphs_from_texts
from worker.models.article import Dateline, ParsedArticle
from worker.models.enrichment import Enrichment
from worker.pipeline.enrich import DedupIndex, enrich, load_tables
from worker.pipeline.enrich.dates import DATE_RE, date_matches, extract_dates
from worker.pipeline.enrich.entities import _PART, _UP, CAP_RUN
from worker.pipeline.enrich.numbers import NUMBER_RE, extract_numbers, number_matches
from worker.pipeline.enrich.tokens import LETTERS_RE, WORD_RE, letter_words, words

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
    assert Enrichment.model_validate(result.model_dump()) == result
    for q in result.quotes:
        assert 0 <= q.start <= q.end <= len(body)


# The fast paths must give exactly what the plain regexes give.
FAST_PIECES = st.one_of(
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=6),
    st.sampled_from(
        [
            *" '’“-—\n.,$£€¥%İK",
            "In ", "since ", "Mid ", "mid-", "Early ", "Last ", "next ", "May", "Sept. ", "Jan.", "Nov",
            "ember",
            "Monday", "Wednesdays", "5", "27", "2022", "1,000", "3.5", " to ", "US$", "EUR ", "USD", "GBP",
            " million", "bn", " percent", " people", "John", "O'Neil", "U.S.", "Van ", "de ", "of ", "The ",
            "Don't", "--", "'s", "Σ", "ﬁ", "é", "١٢",
        ]
    ),
)  # fmt: skip
FAST_TEXT = st.lists(FAST_PIECES, max_size=24).map("".join)
OLD_TOKEN = rf"(?:[{_UP}](?:[\w\-]|['’](?=\w))*\.?(?:[{_UP}]\.)*|[{_UP}]\.)"
OLD_CAP_RUN = re.compile(rf"(?<![\w'’]){OLD_TOKEN}(?:[ ](?:{_PART}[ ])?{OLD_TOKEN})*")


def _spans(matches: Iterable[re.Match[str]]) -> list[tuple[tuple[int, int], dict[str, Any]]]:
    return [(m.span(), m.groupdict()) for m in matches]


@settings(max_examples=1500, deadline=None)
@given(text=FAST_TEXT)
def test_fast_paths_equal_their_regexes(text: str) -> None:
    assert words(text) == WORD_RE.findall(text.lower())
    assert letter_words(text) == LETTERS_RE.findall(text.lower())
    assert _spans(date_matches(text)) == _spans(DATE_RE.finditer(text))
    assert _spans(number_matches(text)) == _spans(NUMBER_RE.finditer(text))
    assert [m.span() for m in CAP_RUN.finditer(text)] == [m.span() for m in OLD_CAP_RUN.finditer(text)]


def test_fast_paths_equal_their_regexes_on_the_corpus() -> None:
    for _, article in dev_articles():
        body = article.body_text
        assert words(body) == WORD_RE.findall(body.lower())
        assert letter_words(body[:4000]) == LETTERS_RE.findall(body[:4000].lower())
        assert [m.span() for m in CAP_RUN.finditer(body)] == [m.span() for m in OLD_CAP_RUN.finditer(body)]
        for p in article.paragraphs:
            assert _spans(date_matches(p.text)) == _spans(DATE_RE.finditer(p.text))
            assert _spans(number_matches(p.text)) == _spans(NUMBER_RE.finditer(p.text))


def _scanned_both_ways(texts: list[str]) -> None:
    paras, body = paragraphs_from_texts(texts)
    triples = [(p.idx, p.char_start, p.text) for p in paras]
    taken = [(m.start(), m.end()) for m in re.finditer(r"\d+", body)][::3]
    assert extract_numbers(triples, taken, body) == extract_numbers(triples, taken)
    for published in (None, date(2024, 3, 6)):
        assert extract_dates(triples, published, body) == extract_dates(triples, published)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            TEXT,
            st.sampled_from(
                ["5", "$3", "EUR 4", "US$2", "12 m", "7 percent", "In March", "March", "Friday", " ", ","]
            ),
        ),
        max_size=6,
    )
)
def test_numbers_and_dates_scanned_over_the_body_equal_paragraph_by_paragraph(texts: list[str]) -> None:
    _scanned_both_ways(texts)


def test_numbers_and_dates_scanned_over_the_body_equal_paragraph_by_paragraph_on_the_corpus() -> None:
    for _, article in dev_articles():
        _scanned_both_ways([p.text for p in article.paragraphs])


def test_weekday_at_the_edge_of_the_calendar() -> None:
    paragraphs, body = paragraphs_from_texts(["The vote was held on Monday and again next Friday."])
    for day in (date(1, 1, 1), date(9999, 12, 31)):
        found = extract_dates([(p.idx, p.char_start, p.text) for p in paragraphs], day, body)
        assert found  # resolved within the calendar, never an OverflowError
