"""Country rules that depend on the rest of the article (made-up text)."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.enrich_fixtures import paragraphs_from_texts
from worker.models.article import ParsedArticle
from worker.models.enrichment import Enrichment
from worker.pipeline.enrich import enrich, load_tables


def enriched(headline: str, *texts: str) -> Enrichment:
    paragraphs, body = paragraphs_from_texts(list(texts))
    article = ParsedArticle(shape="upi_text", headline=headline, paragraphs=paragraphs, body_text=body)
    now = datetime(2024, 1, 1, tzinfo=UTC)
    return enrich(article, tables=load_tables(), dedup=None, now=now, source=None)


def countries(headline: str, *texts: str) -> set[str]:
    return {c.iso2 for c in enriched(headline, *texts).countries}


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


def test_a_place_inside_an_organisation_name_counts() -> None:
    assert countries("Media news", "The New York Times reported the deal on Monday.") == {"US"}
    assert countries("Rates", "The Bank of England held rates.") == {"GB"}
    out = enriched("Race", "She told The Washington Post she would run.")
    assert [e.canonical for e in out.entities if e.type == "ORG"] == ["The Washington Post"]


def test_a_currency_prefix_is_no_place() -> None:
    assert countries("Box office", "The film earned 131 million yen (about US$904,100).") == set()
    assert countries("Box office", "It made AU$2 million in Sydney.") == {"AU"}


def test_regions_islands_and_landmarks_inside_one_country() -> None:
    assert countries("Weather", "No white Christmas in most of New England this year.") == {"US"}
    assert countries("Travel", "A quiet weekend on Maui, then a cruise.") == {"US"}
    assert countries("Solstice", "Crowds gathered at Stonehenge at dawn.") == {"GB"}
    assert countries("Business", "The firm opened its second office in KSA.") == {"SA"}


def test_towns_named_like_people_or_words_or_brands_are_no_place() -> None:
    assert countries("Nativity", "Mary and Joseph travelled for days.") == set()
    assert countries("Books", "She wrote in her book Confidence Man that he lied.") == set()
    assert countries("Cars", "Toyota cut the price of the electric model.") == set()


def test_a_blocked_town_name_does_not_break_a_person_name() -> None:
    from tests.unit.test_enrich_quotes import quotes

    said = quotes("Victoria Beckham met Tom Brown.", "\u201cIt went better than expected,\u201d she said.")
    assert [q.speaker for q in said] == ["Victoria Beckham"]


def test_a_football_club_prefix_or_suffix_makes_an_organisation_with_its_city() -> None:
    text = "Nico Ferraz won three titles with FC Barcelona. Ferraz later left Barcelona for good."
    assert countries("Transfer news", text) == {"ES"}


def test_a_dateline_left_in_the_body_counts() -> None:
    found = countries("Climate", "The pope is angry.", "VATICAN CITY (RNS) \u2014 A new letter came out.")
    assert found == {"VA"}
    assert countries("Drugs", "ATLANTA -- Federal officials warned pharmacies.") == {"US"}
    assert countries("Sales", "SUPER SATURDAY \u2014 Shops expect crowds.") == set()


def test_common_words_that_are_towns_abroad_are_no_place() -> None:
    found = countries(
        "Sleep",
        "Delta sleep suffers after drinking. Oral histories have emerged.",
        "The retailer Mango opened a store in the Hamptons.",
    )
    assert found == {"US"}


def test_a_country_that_is_a_persons_surname_is_the_person_unless_used_as_a_place() -> None:
    text = "The Steelers fired offensive coordinator Matt Canada. They fired Canada before the game."
    assert countries("Football", text) == set()
    assert countries("Football", "Fans blamed coordinator Matt Canada. Not firing Canada was wrong.") == set()
    assert countries("Whiskey", "Blender Pete Ireland spoke. He grew up in Ireland.") == {"IE"}


def test_credentials_slash_lists_and_water_bodies_are_no_place() -> None:
    assert countries("Diet", "Bethany Keith, MS, RDN, a dietitian, agreed.") == set()
    assert countries("Tech", "From quantum computing, AR/VR/MR and more.") == set()
    assert countries("Ships", "Ships in the Gulf of Aden and the Taiwan Strait were hit.") == set()
    assert countries("Home", "He lives in Jackson, MS, with his wife.") == {"US"}


def test_more_aliases() -> None:
    assert countries("Sport", "She won Wimbledon after growing up in Trinidad.") == {"GB", "TT"}
    assert countries("Finance", "A shell company in the British Virgin Islands.") == {"VG"}


def test_a_same_named_town_in_a_state_the_article_names() -> None:
    # Naples and Wellington are large cities abroad and small towns in Florida
    text = "Florida lawmakers debated the bill. A think tank based in Naples wrote the first draft."
    assert countries("Labor laws", text) == {"US"}
    text = "The Ohio group met in Tallahassee, Florida. Its founder lives in Wellington with his family."
    assert countries("Politics", text) == {"US"}
    # without the state the city keeps its main reading
    assert countries("Travel", "We ate pizza in Naples and took the ferry.") == {"IT"}
    # a province named in the article picks the Canadian reading
    text = "Ontario is short of nurses, and a hospital in London hired fifty of them."
    assert countries("Health", text) == {"CA"}


def test_a_large_city_spelled_without_its_diacritics() -> None:
    assert countries("Trade", "Talks resumed in Montreal and Bogota on Tuesday.") == {"CA", "CO"}


def test_a_common_word_city_name_needs_a_preposition_or_its_country() -> None:
    # "Tours" and "Surrey" are cities abroad and English words / an English county
    assert countries("Mill", "Tours have been popular since the mill reopened.") == set()
    assert countries("Film", "He lives with his wife in suburban Surrey, far from the city.") == set()
    assert countries("Rail", "The night train from Tours was late again.") == {"FR"}
    assert countries("Rail", "France added trains. Tours welcomed the news.") == {"FR"}


def test_a_firm_named_after_people_is_no_place() -> None:
    assert countries("Colleges", "Research from Kennedy & Company found costs rose.") == set()


def test_a_postal_code_that_is_a_degree_or_starts_a_name_is_no_state() -> None:
    assert countries("Lips", "It helps, says Marisa Garshick, MD, a dermatologist.") == set()
    assert countries("Software", "Titles include Windows, MS Office and more.") == set()
    assert countries("Port", "The ship docked in Baltimore, MD, on Friday.") == {"US"}


def test_an_industry_metonym_counts_only_inside_a_name_or_with_a_state() -> None:
    assert countries("Pay", "Black women in Hollywood are paid less.") == set()
    assert countries("Markets", "Wall Street is ready for a rate cut.") == set()
    assert countries("Media", "According to the Wall Street Journal, he will leave.") == {"US"}
    assert countries("Storm", "The storm hit Hollywood, Fla., on Monday.") == {"US"}


def test_a_city_name_inside_a_team_or_institution_name_counts() -> None:
    assert countries("Orlando City acquire a forward", "He moves from Peru's league.") == {"US", "PE"}
    assert countries("Zoo", "A baby gorilla was born at the Denver Zoo last week.") == {"US"}
    assert countries("Music", "She later played with the Vancouver Symphony Orchestra.") == {"CA"}
    assert countries("Trends", "said Ann Berg, a trend analyst at XYZ London.") == {"GB"}
    # a person all the same
    assert countries("Film", "The actress Florence Smith smiled.") == set()
    assert countries("Election", "Aides of George W. Bush disagreed.") == set()


def test_short_names_of_big_cities() -> None:
    assert countries("Boxing", "He was out in L.A. recently, then flew to Vegas.") == {"US"}
    assert countries("Olympics", "She won medals at the Rio Games.") == {"BR"}
    assert countries("Parking", "The photo was taken today in DC by a staffer.") == {"US"}
    assert countries("Comics", "Fans of DC and Marvel lined up.") == set()


def test_a_town_with_a_name_of_several_words() -> None:
    assert countries("Auction", "The gown sold at a sale in Beverly Hills on Friday.") == {"US"}
    assert countries("Draft", "School/Team: Saint-Quentin. Position: guard.") == {"FR"}
    # not after "the" (a branch, a district) nor after a given name (a person)
    assert countries("Library", "She heads to the New Amsterdam branch every week.") == set()
    assert countries("Advice", "The column is written by Abigail Van Buren.") == set()


def test_the_carolinas_are_no_town_in_puerto_rico() -> None:
    assert countries("Playoffs", "The Packers play at Carolina on Sunday.") == {"US"}


def test_an_upper_case_teaser_line_before_a_paragraph() -> None:
    text = "WHERE YOU CAN EXPECT SNOW IN THE US THIS YEAR\n\nThe retail group expects crowds at the malls."
    assert countries("Shopping", text) == set()


def test_english_counties_and_irish_counties() -> None:
    assert countries("Museum", "The couple, from a village in Surrey, waited for hours.") == {"GB"}
    assert countries("Royals", "Now, as the Duchess of Sussex, she travels less.") == {"GB"}
    assert countries("Crash", "A man died after a crash in County Kerry.") == {"IE"}
    assert countries("Dress", "It was shown at Kensington Palace for two years.") == {"GB"}
    # the city in British Columbia where the article names the province
    assert countries("Transit", "British Columbia is adding buses in Surrey and Burnaby.") == {"CA"}
    # a US county named like an English one
    assert "GB" not in countries("Police", "Ohio troopers and Norfolk County State Police searched.")


def test_a_named_state_does_not_pull_a_metropolis_to_a_small_namesake() -> None:
    text = "Florida fans flew to Melbourne for the final against the home side."
    assert countries("Tennis", text) == {"US", "AU"}


def test_first_level_regions_of_other_countries() -> None:
    text = "The team worked with the University of the Basque Country on the polymer."
    assert countries("Plastics", text) == {"ES"}
    assert countries("Floods", "Heavy rain hit Tamil Nadu and Flanders this week.") == {"IN", "BE"}


def test_a_city_name_qualified_by_in_and_a_country() -> None:
    text = "Builders raised Stonehenge in England and the Torreon in Peru to track the sun."
    assert countries("Solstice", text) == {"GB", "PE"}


def test_a_city_name_that_is_a_given_name_needs_a_preposition_or_its_country() -> None:
    assert countries("Meetings", "I don't think Madison was finished with her point.") == set()
    assert countries("Film", "Danielle Brooks’ Sofia is married to Harpo.") == set()
    assert countries("Travel", "The delegation landed in Sofia on Monday.") == {"BG"}
    assert countries("Hiring", "I only hired people from North Jersey.") == {"US"}


def test_georgia_read_by_the_places_listed_beside_it() -> None:
    text = "Texas firms joined. Bulgaria, Romania, Turkey, and Georgia have shown interest."
    assert countries("Seaweed", text) == {"US", "BG", "RO", "TR", "GE"}
    assert countries("Storms", "Storms hit Ohio, Alabama and Georgia overnight.") == {"US"}


def test_a_metropolis_named_like_a_word_is_the_city() -> None:
    assert countries("Police", "The Phoenix police chief resigned on Monday.") == {"US"}
    assert countries("Council", "The Austin City Council voted on Tuesday.") == {"US"}
