"""Country rules that depend on the rest of the article (made-up text)."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.enrich_fixtures import paragraphs_from_texts
from worker.models.article import ParsedArticle
from worker.pipeline.enrich import enrich, load_tables


def countries(headline: str, *texts: str) -> set[str]:
    paragraphs, body = paragraphs_from_texts(list(texts))
    article = ParsedArticle(shape="upi_text", headline=headline, paragraphs=paragraphs, body_text=body)
    out = enrich(article, tables=load_tables(), dedup=None, now=datetime(2024, 1, 1, tzinfo=UTC), source=None)
    return {c.iso2 for c in out.countries}


def test_a_person_surname_is_not_a_place() -> None:
    # "Kennedy" is also a Bogota locality; here it is the candidate
    found = countries(
        "Kennedy campaigns in Ohio",
        "Presidential candidate Robert F. Kennedy Jr. spoke in Ohio on Monday.",
        "Kennedy said the campaign would go on. Kennedy repeated it later.",
    )
    assert found == {"US"}


def test_a_country_named_like_a_person_still_counts() -> None:
    assert "JO" in countries("Talks", "Ambassador Michael Jordan arrived.", "Jordan hosted the talks.")


def test_a_city_before_a_place_word_is_another_place() -> None:
    found = countries("Valley fire", "Residents of the San Fernando Valley were told to leave on Friday.")
    assert "PH" not in found


def test_the_larger_of_two_same_named_cities() -> None:
    assert "ES" in countries("Cities", "Paris, Vienna and Barcelona rebuilt their streets.")


def test_a_country_inside_a_person_name_is_not_counted() -> None:
    found = countries("Fashion", "Trend analyst Karen Holland said black is back in Paris.")
    assert "NL" not in found and "FR" in found


def test_a_country_alias_used_as_a_surname_is_not_counted() -> None:
    found = countries(
        "Fashion", '"Black is back," said Gwyneth Holland, an analyst.', '"Truly," said Holland.'
    )
    assert "NL" not in found


def test_a_country_after_an_adjective_still_counts() -> None:
    assert "DE" in countries("History", "Businesses were sold under duress in Nazi Germany.")
    assert "US" in countries("Sport", "Fans cheered for Team USA on Sunday.")


def test_a_given_name_that_is_a_country_is_the_person() -> None:
    found = countries(
        "Film", "Fans will wait for Jordan Peele’s next movie.", "Jordan grew up playing games."
    )
    assert "JO" not in found


def test_a_demonym_that_is_also_a_town_is_no_place() -> None:
    # "Brits" (a South African town) and "Latina" (a Spanish one) name people here
    assert countries("Holiday plans", "Many Brits now skip the beach.", "She is a proud Latina.") == set()
    assert countries("Holiday plans", "Brits flock to Spain in August.") == {"ES"}
