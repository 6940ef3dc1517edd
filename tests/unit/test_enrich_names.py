"""Person-name heuristics of the entity finder, one made-up sentence per rule."""

from __future__ import annotations

from functools import lru_cache

import pytest

from worker.pipeline.enrich import load_tables
from worker.pipeline.enrich.entities import find_names
from worker.pipeline.enrich.gazetteer import scan
from worker.pipeline.enrich.name_index import NameIndex
from worker.pipeline.enrich.tables import EnrichTables


@lru_cache(maxsize=1)
def tables() -> EnrichTables:
    return load_tables()


def names(body: str) -> NameIndex:
    t = tables()
    return find_names(body, scan(body, t), t.stopwords_en, {})


def test_generational_suffix_is_kept_and_the_surname_links_back() -> None:
    body = "Activist Walter P. Greene Jr. spoke on Monday. Later, Greene added more."
    index = names(body)
    assert "Walter P. Greene Jr." in index.persons
    assert index.lookup("Greene") == "Walter P. Greene Jr."
    assert index.lookup("Greene Jr.") == "Walter P. Greene Jr."
    start, end = index.persons["Walter P. Greene Jr."].mentions[0]
    assert body[start:end] == "Walter P. Greene Jr"


def test_suffix_printed_without_a_period() -> None:
    assert "Walter P. Greene Jr." in names("Candidate Walter P. Greene Jr, who sued, spoke.").persons


@pytest.mark.parametrize(
    ("body", "person"),
    [
        ("Lisbon Secretary of State for Urbanism Marta Vidal said it was fine.", "Marta Vidal"),
        ("Director of Organizing at Players’ Equity Tomas Reyes said so.", "Tomas Reyes"),
        ("Deputy Minister for Transportation Ilse Brandt said so.", "Ilse Brandt"),
    ],
)
def test_title_chains_and_possessives_are_cut(body: str, person: str) -> None:
    assert list(names(body).persons) == [person]


def test_organisation_then_titled_person() -> None:
    index = names("Federation of Tanners President Paul Martel said prices would hold.")
    assert "Federation of Tanners" in index.orgs
    assert "Paul Martel" in index.persons


def test_given_name_is_not_taken_for_an_abstract_noun() -> None:
    assert "Trinity Ann Moss" in names("Nurse Trinity Ann Moss said so.").persons


def test_known_as_alias_links_back() -> None:
    body = "Samuel Okafor, known by his stage name Zedo, is in Lagos. Zedo said he was tired."
    index = names(body)
    assert index.lookup("Zedo") == "Samuel Okafor"
    assert len(index.persons["Samuel Okafor"].mentions) == 3


def test_quoted_title_is_not_a_person() -> None:
    body = 'The city adopted a plan known as "Bright Streets." Critics of Bright Streets objected.'
    assert "Bright Streets" not in names(body).persons


def test_coordinated_first_name_shares_the_surname() -> None:
    body = "Melissa and Tomas Varga agree on it. Melissa says so, and Tomas says no."
    index = names(body)
    assert index.lookup("Melissa") == "Melissa Varga"
    assert index.lookup("Tomas") == "Tomas Varga"


def test_place_after_a_given_name_is_a_surname() -> None:
    index = names("Trend analyst Karen Holland said it. Holland added more.")
    assert "Karen Holland" in index.persons
    assert index.lookup("Holland") == "Karen Holland"


def test_headline_gives_the_full_name_of_a_first_name_only_body() -> None:
    t = tables()
    body = "Ashley posted a photo. Ashley wrote that she was engaged."
    index = find_names(body, scan(body, t), t.stopwords_en, {}, "Reality star Ashley Quinterro gets engaged")
    assert index.lookup("Ashley") == "Ashley Quinterro"
    assert len(index.persons["Ashley Quinterro"].mentions) == 2
    unused = find_names(body, scan(body, t), t.stopwords_en, {}, "Report names Karen Molloy as new chief")
    assert "Karen Molloy" not in unused.persons  # never mentioned in the body: no entity


def test_organisation_split_at_and_is_joined_and_its_acronym_links_back() -> None:
    body = (
        "The Forestry and Land Management Agency (FLMA) issued a warning. FLMA said the risk was high. "
        "The National Institutes of Health (NIH) agreed."
    )
    orgs = names(body).orgs
    assert "Forestry and Land Management Agency" in orgs
    surfaces = [surface for _, _, surface in orgs["Forestry and Land Management Agency"]]
    assert surfaces.count("FLMA") == 2
    assert [surface for _, _, surface in orgs["National Institutes of Health"]][-1] == "NIH"


def test_initials_written_together_stay_in_the_name() -> None:
    index = names("Author J.R. Moss wrote it. Later, Moss said more. Sen. J.D. Vance agreed.")
    assert index.lookup("Moss") == "J.R. Moss"
    assert "J.D. Vance" in index.persons


def test_a_place_before_an_institution_word_is_part_of_its_name() -> None:
    orgs = names("Researchers at Zhejiang University agreed. So did a team at New York University.").orgs
    assert "Zhejiang University" in orgs
    assert "New York University" in orgs
