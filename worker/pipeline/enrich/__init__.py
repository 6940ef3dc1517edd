"""Enrichment (pure): ParsedArticle -> Enrichment.  No clock, env, network or broker imports here.

Only the headline, the body paragraphs and the dateline feed entities, quotes, numbers and counts;
captions, credits and related-story teasers never do.
"""

# ruff: noqa: E402 - the imports of the package's modules come after activate()
from __future__ import annotations

from collections import Counter
from datetime import datetime

from worker.native import activate

activate(__name__, __path__)  # the compiled modules first, if built from these very sources

from worker.models.article import ParsedArticle
from worker.models.enrichment import DATELINE_PARA, HEADLINE_PARA, Enrichment
from worker.models.trusted import trusted
from worker.pipeline.enrich.assemble import _drop_person_names, _place_name, build_entities, build_geo
from worker.pipeline.enrich.byte_scan import latin1_twin
from worker.pipeline.enrich.countries import PlaceHit, SegmentHits, body_dateline, resolve_places
from worker.pipeline.enrich.dates import extract_dates
from worker.pipeline.enrich.dedup import DedupIndex
from worker.pipeline.enrich.entities import find_names
from worker.pipeline.enrich.gazetteer import scan, with_org_places
from worker.pipeline.enrich.identity import article_id, content_sha256, simhash_tokens
from worker.pipeline.enrich.keywords import top_keywords
from worker.pipeline.enrich.language import detect_language
from worker.pipeline.enrich.numbers import extract_numbers
from worker.pipeline.enrich.quotes import SpeakerResolver, extract_quotes
from worker.pipeline.enrich.tables import EnrichTables, Place, load_tables
from worker.pipeline.enrich.tokens import word_counts
from worker.pipeline.enrich.tone import lexicon as tone_lexicon
from worker.pipeline.enrich.tone import tone

__all__ = ["DedupIndex", "EnrichTables", "enrich", "load_tables"]


def _dateline_text(article: ParsedArticle) -> str:
    if article.dateline is None:  # a dateline the parser left in the body (HTML, other layouts)
        return body_dateline([p.text for p in article.paragraphs[:2]])
    place = article.dateline.place
    if not place:
        return ""
    return ", ".join(p if "." in p and len(p) <= 6 else p.title() for p in place.split(", "))


def tokenize(body: str, twin: bytes | None = None) -> tuple[list[str], Counter[str]]:
    """The one word tokenisation of the body (``tokens.words``) and its counts, shared by the simhash
    and the keywords (``twin``: the body's ``latin1_twin``)."""
    return word_counts(body, twin)


_ENRICHMENT_SET = frozenset(Enrichment.model_fields)  # the fields enrich() sets


def enrich(
    article: ParsedArticle,
    *,
    tables: EnrichTables,
    dedup: DedupIndex | None,
    now: datetime,
    source: str | None,
) -> Enrichment:
    """Enrich one parsed article.  ``now`` is accepted for the contract but never read for content."""
    del now
    body = article.body_text
    twin = latin1_twin(body)  # shared by the scans for digits, date words, words and letters
    paras = [(p.idx, p.char_start, p.text) for p in article.paragraphs]
    starts = [p.char_start for p in article.paragraphs]

    idxs = [p.idx for p in article.paragraphs]
    body_hits = scan(body, tables, twin)
    headline_hits = scan(article.headline, tables)
    dateline = _dateline_text(article)
    dateline_hits = scan(dateline, tables) if dateline else []
    segments = [
        SegmentHits(0, body, with_org_places(body_hits, tables.org_places)),
        SegmentHits(HEADLINE_PARA, article.headline, with_org_places(headline_hits, tables.org_places)),
    ]
    if dateline_hits:
        segments.append(SegmentHits(DATELINE_PARA, dateline, dateline_hits))
    surfaces = {h.term.surface for seg in segments for h in seg.hits}
    places = resolve_places(segments, surfaces)
    if article.dateline and article.dateline.country_iso2 and not dateline_hits:
        iso = article.dateline.country_iso2
        place = Place(
            tables.country_names.get(iso, iso), iso, article.dateline.admin1, "country", 0, None, None, None
        )
        places.append(PlaceHit(DATELINE_PARA, 0, 0, article.dateline.place or iso, place))
    names = find_names(body, body_hits, tables.stopwords_en, tables.segment_cache, article.headline)
    places = _drop_person_names(places, names, tables, body)
    place_names = {h.surface: _place_name(h, tables) for h in places}
    resolver = SpeakerResolver(names, tables.stopwords_en, place_names, body)
    quotes = extract_quotes(paras, resolver)
    published = article.published_at.date() if article.published_at else None
    dates = extract_dates(paras, published, body, twin)
    numbers = extract_numbers(paras, [(d.start, d.end) for d in dates], body, twin)
    speakers = {q.speaker_entity for q in quotes if q.speaker_entity}
    demonyms = [h for h in body_hits if h.term.demonym is not None and not h.term.places]
    entities = build_entities(
        names, places, demonyms, starts, idxs, tables, speakers, [a.name for a in article.authors]
    )
    countries, locations = build_geo(places, tables)
    entity_counts = [(e.canonical, e.count) for e in entities if e.type in ("PERSON", "ORG") and e.count]
    tokens, counts = tokenize(body, twin)
    sh = simhash_tokens(tokens)
    aid = article_id(article, source)
    near = dedup.check_and_add(aid, sh) if dedup is not None else None
    values = {
        "article_id": aid,
        "content_sha256": content_sha256(body),
        "simhash64": f"{sh:016x}",
        "near_duplicate_of": near,
        "language": detect_language(body, tables.language_stopwords, twin)
        if body
        else detect_language(article.headline, tables.language_stopwords),
        "entities": entities,
        "countries": countries,
        "primary_country": countries[0].iso2 if countries else None,
        "locations": locations,
        "quotes": quotes,
        "numbers": numbers,
        "dates_mentioned": dates,
        "keywords": top_keywords(
            counts, entity_counts, tables.keyword_drop, tables.keyword_idf, tables.background_docs
        ),
        "tone": tone(tokens, counts, tone_lexicon()),
    }
    return trusted(Enrichment, values, _ENRICHMENT_SET)
