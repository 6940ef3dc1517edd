"""SHA-256 digest of the enrichment of every dev-corpus article and every unseen article, for checking that
a speed change leaves the output bit-identical.

    .venv/bin/python -m tests.enrich_digest            # prints {"digest": ..., "records": ..., "build": ...}
    .venv/bin/python -m tests.enrich_digest --per-article > before.jsonl   # one digest per article

Articles enriched (in this order, one shared ``DedupIndex`` so ``near_duplicate_of`` is covered too):

* every dev-corpus record built from its ground truth (as the enrich benchmark does), and parsed from its
  raw ``value``;
* every unseen article (``tests/data/unseen_articles.jsonl``), parsed;
* variants of the dev articles that move the text into other ``str`` kinds and scripts: upper-cased,
  with Greek / Cyrillic / CJK / emoji words mixed in (final sigma, dotted I, astral code points), so
  that any change in tokenising, case folding or byte scanning of non-Latin-1 text shows up.

Enrichment is pure (``now`` is never read), so the whole serialized ``Enrichment`` is hashed.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from tests.enrich_fixtures import DEV_ARTICLES, UNSEEN_ARTICLES, article_from_truth
from worker.errors import Rejection
from worker.models.article import ParsedArticle
from worker.native import status
from worker.pipeline.enrich import DedupIndex, enrich, load_tables
from worker.pipeline.parse import parse_article

TZ = ZoneInfo("America/New_York")
NOW = datetime(2024, 1, 1, tzinfo=UTC)
_MIXED = [
    "ΟΔΥΣΣΕΑΣ Σοφοκλής λέγει",
    "Москва ПУТИН заявил",
    "İstanbul DİYARBAKIR ıı",
    "東京 北京 😀 𝐀𝐁𝐂",
    "Straße STRASSE ﬁnance",
    "naïve café ÉCOLE",
]


def _variants(texts: list[str], i: int) -> Iterator[list[str]]:
    yield [t.upper() for t in texts]
    mix = _MIXED[i % len(_MIXED)]
    yield [f"{t[: len(t) // 2]} {mix} {t[len(t) // 2 :]}" for t in texts]


def _parsed(raw: str) -> ParsedArticle | Rejection:
    return parse_article(raw, content_type="text", tz=TZ)


def articles() -> Iterator[tuple[str, ParsedArticle | Rejection]]:
    with DEV_ARTICLES.open(encoding="utf-8") as fh:
        dev = [json.loads(line) for line in fh if line.strip()]
    with UNSEEN_ARTICLES.open(encoding="utf-8") as fh:
        unseen = [json.loads(line) for line in fh if line.strip()]
    for rec in dev:
        yield f"truth:{rec['key']}", article_from_truth(rec["truth"])
    for rec in dev:
        yield f"parsed:{rec['key']}", _parsed(rec["value"])
    for rec in unseen:
        yield f"unseen:{rec['key']}", _parsed(rec["value"])
    for i, rec in enumerate(dev):
        truth = rec["truth"]
        for j, paras in enumerate(_variants(list(truth["paragraphs"]), i)):
            yield f"variant{j}:{rec['key']}", article_from_truth({**truth, "paragraphs": paras})


def main(argv: list[str]) -> int:
    per_article = "--per-article" in argv
    tables, dedup = load_tables(), DedupIndex()
    whole = hashlib.sha256()
    n = 0
    for key, art in articles():
        if isinstance(art, Rejection):
            data = repr(art).encode()
        else:
            e = enrich(art, tables=tables, dedup=dedup, now=NOW, source="UPI")
            data = e.model_dump_json().encode()
        whole.update(data)
        n += 1
        if per_article:
            print(json.dumps({"key": key, "sha256": hashlib.sha256(data).hexdigest()}))
    if not per_article:
        print(json.dumps({"digest": whole.hexdigest(), "records": n, "build": status()}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
