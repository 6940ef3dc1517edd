"""Golden UPI article: countries, quotes and speakers, teaser/caption exclusion, identity, valid output."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.enrich_fixtures import dev_article, dev_articles, dev_records
from worker.models.enrichment import Enrichment
from worker.pipeline.enrich import DedupIndex, enrich, load_tables
from worker.pipeline.enrich.dedup import MAX_DISTANCE
from worker.pipeline.enrich.identity import simhash64

NOW = datetime(2024, 1, 1, tzinfo=UTC)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def golden() -> Enrichment:
    return enrich(dev_article("upi-golden-0001"), tables=load_tables(), dedup=None, now=NOW, source="UPI")


def test_countries_exactly(golden: Enrichment) -> None:
    assert {c.iso2 for c in golden.countries} == {"KP", "RU", "UA", "US", "IR", "GB"}
    by_iso = {c.iso2: c for c in golden.countries}
    assert by_iso["KP"].in_headline and by_iso["RU"].in_headline and by_iso["US"].in_headline
    assert not by_iso["UA"].in_headline
    assert golden.primary_country in {"RU", "KP"}


def test_kirby_quote_and_denial(golden: Enrichment) -> None:
    kirby = [q for q in golden.quotes if q.text.startswith("Our information indicates")]
    assert len(kirby) == 1
    assert kirby[0].speaker == "John Kirby" and kirby[0].speaker_entity == "John Kirby"
    assert kirby[0].verb == "said" and kirby[0].para == 2 and not kirby[0].is_partial
    denial = [q for q in golden.quotes if q.text.startswith("We have never exported")]
    assert len(denial) == 1
    assert denial[0].speaker is not None and "unnamed defense official" in denial[0].speaker
    assert denial[0].speaker_entity is None
    partial = [q for q in golden.quotes if q.text == "significant amounts"]
    assert partial and partial[0].is_partial and partial[0].speaker == "John Kirby"


def test_offsets_index_body_text(golden: Enrichment) -> None:
    body = dev_article("upi-golden-0001").body_text
    for q in golden.quotes:
        assert body[q.start : q.end].strip() == q.text
    for e in golden.entities:
        for m in e.mentions:
            if m.para >= 0:
                surface = body[m.start : m.end]
                assert surface[:1].isupper()
                if e.type == "PERSON":
                    assert surface in e.canonical


def test_entities(golden: Enrichment) -> None:
    orgs = {e.canonical for e in golden.entities if e.type == "ORG"}
    assert "Korean Central News Agency" in orgs
    persons = {e.canonical: e for e in golden.entities if e.type == "PERSON"}
    assert persons["John Kirby"].count == 2 and persons["John Kirby"].role == "speaker"
    assert persons["Joe Fisher"].role == "byline"


def test_no_teaser_or_caption_leak(golden: Enrichment) -> None:
    truth = dev_records()["upi-golden-0001"]["truth"]
    excluded = [
        truth["related"][0]["headline"],
        truth["related"][0]["caption"],
        truth["photos"][0]["caption"],
    ]
    names = {e.canonical for e in golden.entities} | {e.text for e in golden.entities}
    for leaked in ("Kyiv", "Vladyslav Musiienko", "Kim Jung-Un", "Vladimir Putin", "Firefighters"):
        assert leaked not in names
    for q in golden.quotes:
        assert all(q.text not in text for text in excluded)
    assert not any(loc.name == "Kyiv" for loc in golden.locations)


def test_numbers_dates_keywords_language(golden: Enrichment) -> None:
    counts = {n.text: n for n in golden.numbers}
    assert counts["137,000 soldiers"].value == 137000 and counts["137,000 soldiers"].kind == "count"
    dates = {d.text: d.resolved for d in golden.dates_mentioned}
    assert dates["Wednesday"] == "2022-11-02"
    assert dates["September"] == "2022-09"
    assert len(golden.keywords) == 10
    assert golden.language.code == "en"


def test_identity_is_deterministic_and_dedup_finds_copies() -> None:
    article = dev_article("upi-golden-0001")
    dedup = DedupIndex(16)
    first = enrich(article, tables=load_tables(), dedup=dedup, now=NOW, source="UPI")
    again = enrich(article, tables=load_tables(), dedup=dedup, now=NOW, source="UPI")
    assert first.article_id == again.article_id and len(first.article_id) == 32
    assert first.simhash64 == again.simhash64 and len(first.simhash64) == 16
    assert first.near_duplicate_of is None and again.near_duplicate_of is None  # same id: not its own dup
    edited = article.model_copy(update={"headline": article.headline + " (updated)"})
    copy = enrich(edited, tables=load_tables(), dedup=dedup, now=NOW, source="UPI")
    assert copy.article_id != first.article_id
    assert copy.near_duplicate_of == first.article_id


def test_output_round_trips_through_validation(golden: Enrichment) -> None:
    assert Enrichment.model_validate(golden.model_dump()) == golden
    assert Enrichment.model_validate_json(golden.model_dump_json()) == golden


def test_simhash_is_pinned_and_independent_of_hash_seed() -> None:
    """The simhash must not depend on PYTHONHASHSEED (near-duplicate checks span processes)."""
    assert simhash64("The quick brown fox jumps over the lazy dog") == 0xBE13A67C34220E92
    body = dev_article("upi-golden-0001").body_text
    here = simhash64(body)
    code = (
        "from tests.enrich_fixtures import dev_article\n"
        "from worker.pipeline.enrich.identity import simhash64\n"
        "print(simhash64(dev_article('upi-golden-0001').body_text))\n"
    )
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True, cwd=ROOT
        )
        assert int(out.stdout) == here


def test_simhash_separates_articles_and_tolerates_small_edits() -> None:
    hashes = {key: simhash64(a.body_text) for key, a in dev_articles()}
    values = list(hashes.values())
    closest = min((x ^ y).bit_count() for i, x in enumerate(values) for y in values[i + 1 :])
    assert closest > MAX_DISTANCE
    within = 0
    for key, article in dev_articles():
        body = article.body_text
        cut = body.index(" ", len(body) // 2)
        edited = body[:cut] + " extra" + body[cut:]
        within += (simhash64(edited) ^ hashes[key]).bit_count() <= MAX_DISTANCE
    assert within >= 0.8 * len(hashes)
