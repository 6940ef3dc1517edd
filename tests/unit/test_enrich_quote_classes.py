"""Attribution miss classes found on the labelled sets, one made-up case (or two) per class."""

from __future__ import annotations

from tests.unit.test_enrich_quotes import quotes, speaker_of


def test_the_zoo_is_the_zoo_named_before() -> None:
    found = quotes(
        "Keepers at the Riverside Zoo welcomed a baby giraffe last week.",
        "On Friday, the zoo shared the news. “She is healthy and curious,” the zoo said in a post.",
    )
    assert speaker_of(found, "She is healthy") == "Riverside Zoo"


def test_the_company_is_the_company_named_before() -> None:
    found = quotes(
        "Microsoft released a patch for the printer bug on Tuesday, a month after Harvard University "
        "reported it.",
        "“Most home users will not notice the change,” the company wrote.",
    )
    assert speaker_of(found, "Most home users") == "Microsoft"


def test_the_ministry_needs_a_ministry() -> None:
    found = quotes(
        "The Ministry of Health and Google signed a data deal.",
        "“The data stays in the country,” the ministry said.",
    )
    assert speaker_of(found, "The data stays") == "Ministry of Health"


def test_the_object_of_told_is_not_the_next_speaker() -> None:
    found = quotes(
        "Walter Brennan, 71, was honored at the gala.",
        "He told Morning Report Weekly fans still stop him on the street. “I always say hello,” he said.",
    )
    assert speaker_of(found, "I always say hello") == "Walter Brennan"


def test_inverted_verb_with_a_role_noun_before_the_name() -> None:
    found = quotes("“The update broke my laptop,” reported user Pixel42. “Now it will not boot.”")
    assert speaker_of(found, "The update broke") == "Pixel42"
    assert speaker_of(found, "Now it will not") == "Pixel42"


def test_inverted_verb_after_a_partial_quote_and_a_long_object() -> None:
    found = quotes(
        "Smuggling rings “quietly finance” Valdoria’s militias and their weapons programs, "
        "said Interior Ministry spokesperson Anna Ferreira."
    )
    assert speaker_of(found, "quietly finance") == "Anna Ferreira"


def test_asked_after_a_partial_quote_takes_an_object() -> None:
    found = quotes(
        "Gloria Mendez said the cuts were “not negotiable” and “final” for the year, asked Tom Reyes, "
        "who chairs the board, whether he could “find the money.”"
    )
    assert speaker_of(found, "final") == "Gloria Mendez"
    assert speaker_of(found, "find the money") == "Gloria Mendez"


def test_relative_clause_speaker_is_the_noun_before_who() -> None:
    found = quotes(
        "The former mayor, Frank Dolan, who admitted Monday that he will run as an “outsider,” "
        "is touring the state."
    )
    assert speaker_of(found, "outsider") == "Frank Dolan"


def test_object_relative_clause_speaker() -> None:
    found = quotes(
        "Mayor Ann Lee's critics, whom Frank Dolan has repeatedly described as “liars,” were not invited."
    )
    assert speaker_of(found, "liars") == "Frank Dolan"


def test_verb_forms_used_as_nouns_are_not_reporting_clauses() -> None:
    found = quotes(
        "Nadia Perez, who insisted that such claims are “pure fiction,” left the room.",
    )
    assert speaker_of(found, "pure fiction") == "Nadia Perez"


def test_continued_as_an_adjective_is_not_a_reporting_verb() -> None:
    found = quotes(
        "“Prices will fall next year,” Owen Blake says. But the plants face continued delays. "
        "“If supply recovers, it could happen sooner.”"
    )
    assert speaker_of(found, "If supply recovers") == "Owen Blake"


def test_ing_clause_after_a_quote_keeps_the_sentence_subject() -> None:
    found = quotes(
        "Lena Ortiz, the bill's sponsor, said the cap was “pro-worker,” arguing that the rules hurt "
        "small shops."
    )
    assert speaker_of(found, "pro-worker") == "Lena Ortiz"


def test_second_clause_after_and_has_its_own_subject() -> None:
    found = quotes(
        "Martin Cole did not respond to a request for comment on Friday and a lawyer for Cole said "
        "he would “fight the charges.”"
    )
    assert speaker_of(found, "fight the charges") == "a lawyer for Cole"


def test_reflexive_and_adverb_trimmed_from_the_subject() -> None:
    found = quotes(
        "“We are ready,” council member Tom Reyes said of Mayor Ellen Park's plan.",
        "Park has herself repeatedly said: “The plan is dead on arrival.”",
    )
    assert speaker_of(found, "The plan is dead") == "Ellen Park"


def test_a_name_followed_by_a_number_is_no_antecedent() -> None:
    found = quotes(
        "Before the Gemini Space Program launch, Gemini 4 pilot Ed Marsh wrote to the kitchen. "
        "“Send more soup,” he wrote."
    )
    assert speaker_of(found, "Send more soup") == "Ed Marsh"


def test_punctuation_before_an_introductory_word() -> None:
    found = quotes(
        "Governor Dana Holt spoke at the summit.",
        "??At a lunch with investor Mary Stone in Boston, Holt asked why they stay. “The answer was "
        "talent,” she said.",
    )
    assert speaker_of(found, "The answer was talent") == "Dana Holt"
