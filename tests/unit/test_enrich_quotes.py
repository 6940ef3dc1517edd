"""Quote attribution patterns of English news copy, one hand-written case each (made-up text)."""

from __future__ import annotations

from functools import lru_cache

import pytest

from tests.enrich_fixtures import paragraphs_from_texts
from worker.models.enrichment import Quote
from worker.pipeline.enrich import load_tables
from worker.pipeline.enrich.attribution import clause_after, clause_before, subject_before
from worker.pipeline.enrich.entities import find_names
from worker.pipeline.enrich.gazetteer import scan
from worker.pipeline.enrich.quotes import SpeakerResolver, extract_quotes, quote_spans
from worker.pipeline.enrich.tables import EnrichTables


@lru_cache(maxsize=1)
def tables() -> EnrichTables:
    return load_tables()


def quotes(*texts: str) -> list[Quote]:
    paragraphs, body = paragraphs_from_texts(list(texts))
    t = tables()
    names = find_names(body, scan(body, t), t.stopwords_en)
    resolver = SpeakerResolver(names, t.stopwords_en, {}, body)
    return extract_quotes([(p.idx, p.char_start, p.text) for p in paragraphs], resolver)


def speaker_of(found: list[Quote], prefix: str) -> str | None:
    match = [q for q in found if q.text.startswith(prefix)]
    assert match, f"no quote starting {prefix!r} in {[q.text for q in found]}"
    return match[0].speaker


def test_speaker_after_with_surname_back_link() -> None:
    found = quotes(
        "White House spokesman John Kirby spoke on Monday.",
        "“Our information indicates that the deliveries continue,” Kirby said.",
    )
    q = found[0]
    assert (q.speaker, q.speaker_entity, q.verb, q.para, q.is_partial) == (
        "John Kirby",
        "John Kirby",
        "said",
        1,
        False,
    )


def test_inverted_attribution_after_quote() -> None:
    found = quotes('"We have been clear from the start," said Laura Stone, a senior adviser.')
    assert speaker_of(found, "We have been clear") == "Laura Stone"


def test_speaker_first_and_straight_quotes() -> None:
    found = quotes('Peter Hall said, "The plan was never going to work out."')
    assert speaker_of(found, "The plan was never") == "Peter Hall"


def test_according_to_organisation() -> None:
    found = quotes("Prices will rise “well above inflation,” according to the Georgia Pharmacy Association.")
    assert speaker_of(found, "well above inflation") == "Georgia Pharmacy Association"


def test_organisation_as_subject() -> None:
    found = quotes(
        "“Supply is tight and getting tighter,” the Georgia Pharmacy Association wrote in a letter."
    )
    assert speaker_of(found, "Supply is tight") == "Georgia Pharmacy Association"


def test_attribution_inside_quote() -> None:
    found = quotes(
        "Mary Jones runs the clinic.",
        "“We see it every week,” she said, “and it is getting worse every single year.”",
    )
    assert speaker_of(found, "We see it") == "Mary Jones"
    assert speaker_of(found, "and it is getting") == "Mary Jones"


def test_quote_spanning_paragraphs() -> None:
    found = quotes(
        "Tom Brown chairs the board.",
        "“We looked at every option before we took this decision.",
        "“In the end there was only one way forward,” Brown said.",
    )
    assert speaker_of(found, "We looked at") == "Tom Brown"
    assert speaker_of(found, "In the end") == "Tom Brown"


def test_pronoun_is_gender_aware() -> None:
    text = "Mary Jones met Tom Brown at the summit on Monday."
    assert speaker_of(quotes(text, "“It went better than expected,” she said."), "It went") == "Mary Jones"
    assert speaker_of(quotes(text, "“It went better than expected,” he said."), "It went") == "Tom Brown"


def test_pronoun_prefers_subject_of_previous_sentence() -> None:
    found = quotes(
        "Tom Brown spoke after Bill Green had left the stage.",
        "“The numbers do not add up any more,” he said.",
    )
    assert speaker_of(found, "The numbers") == "Tom Brown"


def test_pronoun_inside_quote_attribution_skips_names_in_the_quote() -> None:
    found = quotes(
        "Carl Evans said he plans to appeal.",
        "“He was never part of the plan” to hurt Dan Moss, he said. “He did not know anything.”",
    )
    assert speaker_of(found, "He was never") == "Carl Evans"
    assert speaker_of(found, "He did not know") == "Carl Evans"


def test_descriptor_speaker_has_no_entity() -> None:
    found = quotes("“We have never exported any weapons,” an unnamed defense official said.")
    q = next(q for q in found if q.text.startswith("We have never"))
    assert q.speaker is not None and "unnamed defense official" in q.speaker
    assert q.speaker_entity is None


def test_partial_quote_with_reporting_verb() -> None:
    found = quotes("Sen. Joe Manchin said the proposal “makes absolutely no sense.”")
    q = found[0]
    assert q.speaker == "Joe Manchin" and q.is_partial


def test_partial_quote_without_reporting_verb_takes_sentence_subject() -> None:
    found = quotes(
        "As an assessor for the county, Shae Roberts spends her days “going to where the people are.”"
    )
    assert speaker_of(found, "going to where") == "Shae Roberts"


def test_two_subjects_take_the_first() -> None:
    found = quotes("He played a “minor role,” prosecutors Andrea Gold and Monica Cash said.")
    assert speaker_of(found, "minor role") == "Andrea Gold"


def test_relayed_speech_keeps_the_relaying_speaker() -> None:
    found = quotes("Anna Lee said Mark Stone told her the victims “didn't have anyone who cared about them.”")
    assert speaker_of(found, "didn't have anyone") == "Anna Lee"


def test_bare_quote_paragraph_continues_the_speaker() -> None:
    found = quotes(
        "“That is history nobody wants to be part of,” guard Cade Miller said.",
        "“We are trying to build something that lasts for years.”",
    )
    assert speaker_of(found, "We are trying") == "Cade Miller"


def test_participle_clause_takes_the_sentence_subject() -> None:
    found = quotes(
        "On Thursday the Home Office watered down the measure, saying it would rise in “incremental stages.”"
    )
    assert speaker_of(found, "incremental stages") == "Home Office"


def test_with_np_participle() -> None:
    found = quotes(
        "Robert Jenkins was among the critics, with a source close to him saying: “It is too small.”"
    )
    assert "source close to him" in (speaker_of(found, "It is too small") or "")


def test_answer_to_a_question_goes_to_the_addressee() -> None:
    found = quotes(
        "Judge Jose Martin asked Mario Palacios if the facts were true.",
        "“Yes, your honor,” he said.",
    )
    assert speaker_of(found, "Yes, your honor") == "Mario Palacios"


def test_definite_description_refers_back() -> None:
    found = quotes(
        "Jakob Weiss, a journalist and student, was sitting an exam.",
        "“I heard gunshots and screaming in the corridor,” the 25-year-old told reporters.",
    )
    assert speaker_of(found, "I heard gunshots") == "Jakob Weiss"


def test_short_unattributed_scare_quote_is_dropped() -> None:
    found = quotes("The company calls it a “Clean Net” policy for the new network.")
    assert all(q.text != "Clean Net" or q.speaker is not None for q in found)


def test_offsets_point_into_the_body() -> None:
    texts = ["Mary Jones runs the clinic.", "“We see it every week,” she said, “and it is getting worse.”"]
    _, body = paragraphs_from_texts(texts)
    for q in quotes(*texts):
        assert body[q.start : q.end].strip() == q.text


@pytest.mark.parametrize(
    ("pre", "subject"),
    [
        ("Richard Gowan, U.N. Director for the International Crisis Group,", "Richard Gowan"),
        ("tourist Joe Hyde, 18, from Truro, Cornwall,", "tourist Joe Hyde"),
        ("The university's rector, Milena Kral,", "Milena Kral"),
        ("As long as it fits the rules, Friedman", "Friedman"),
        ("David Jones told the BBC it was bad while Jon Gull, a former minister", "Jon Gull"),
    ],
)
def test_subject_before_verb(pre: str, subject: str) -> None:
    assert subject_before(pre, tables().stopwords_en) == subject


def test_clauses() -> None:
    stop = tables().stopwords_en
    assert clause_after(" said State Department spokesperson Ved Patel.", stop, strict=True) == (
        "State Department spokesperson Ved Patel",
        "said",
        1,
    )
    assert clause_before("Said Ohtani, through his interpreter: ", stop) == ("Ohtani", "said", 0)
    assert clause_before("Asked about her concern, Neuberger acknowledged the hackers are ", stop) == (
        "Neuberger",
        "acknowledged",
        35,
    )


def test_quote_spans_unclosed() -> None:
    assert quote_spans("“A,” he said, “B") == [(0, 3, True), (14, 16, False)]
