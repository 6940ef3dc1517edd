"""Tone: VADER's lexicon and negation rule over the body tokens, checked against VADER itself."""

from __future__ import annotations

import re
import statistics
from collections import Counter

from tests.enrich_fixtures import dev_records
from worker.models.enrichment import Tone
from worker.pipeline.enrich.tokens import words
from worker.pipeline.enrich.tone import lexicon, tone


def tone_of(text: str) -> Tone | None:
    tokens = words(text)
    return tone(tokens, Counter(tokens), lexicon())


def test_positive_negative_and_neutral() -> None:
    good = tone_of("The rescue was a wonderful success and the families were happy.")
    bad = tone_of("The attack killed ten people; officials condemned the horrific violence.")
    flat = tone_of("The committee meets on Tuesday in the north building.")
    assert good is not None and bad is not None and flat is not None
    assert good.compound == 1.0 and good.pos > 0.3 and good.neg == 0.0
    assert bad.compound == -1.0 and bad.neg > 0.3 and bad.pos == 0.0
    assert flat.compound == 0.0 and flat.pos == 0.0 and flat.neg == 0.0 and flat.neu == 1.0
    for t in (good, bad, flat):
        assert abs(t.pos + t.neg + t.neu - 1.0) < 1e-3


def test_negation_flips_the_next_words_only() -> None:
    negated = tone_of("The plan is not good.")
    assert negated is not None and negated.compound == -1.0
    later = tone_of("The plan is not, as officials keep saying in every briefing, good.")
    assert later is not None and later.compound == 1.0  # "good" is more than three tokens after "not"


def test_mixed_text_is_between() -> None:
    mixed = tone_of("The win was great but the injury was terrible and sad.")
    assert mixed is not None and -1.0 < mixed.compound < 0.0


def test_empty_body_has_no_tone() -> None:
    assert tone_of("") is None
    assert tone_of("1234 5678") is None  # no words, no tone


def test_agrees_with_vader_on_the_dev_corpus() -> None:
    """Pearson r against VADER's own scorer (mean sentence compound) on 60 dev articles."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # type: ignore[import-untyped]

    sia = SentimentIntensityAnalyzer()
    ours: list[float] = []
    theirs: list[float] = []
    for record in list(dev_records().values())[:60]:
        paragraphs = record["truth"]["paragraphs"]
        found = tone_of("\n\n".join(paragraphs))
        assert found is not None
        ours.append(found.compound)
        sentences = [s for p in paragraphs for s in re.split(r"(?<=[.!?])\s+", p) if s.strip()]
        theirs.append(statistics.mean(sia.polarity_scores(s)["compound"] for s in sentences))
    assert statistics.correlation(ours, theirs) >= 0.85
    assert sum((a > 0) == (b > 0) for a, b in zip(ours, theirs, strict=True)) >= 0.9 * len(ours)
