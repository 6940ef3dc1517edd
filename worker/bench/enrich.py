"""Enrichment throughput and peak RSS on one core.

    python -m worker.bench.enrich /work/shared/data/dev/articles.jsonl [--repeat 5] [--profile]

Two measurements over the same records, each ``repeat`` passes after a warm-up:

* ``enrich``: articles built from the corpus ground truth (``truth.paragraphs`` etc.), so the number
  is enrichment alone, without parsing;
* ``parse+enrich``: ``parse_article(value, content_type="text", tz=America/New_York)`` on the raw
  ``value``, then ``enrich`` on the result (rejections are counted and not enriched);
* ``parse+enrich, memos cleared per pass``: the same with the bounded memo tables (capitalised segments,
  word hashes) emptied before each pass, as for a stream of articles never seen before.

CPU time (``process_time``) per pass; the report gives the mean over all passes and the best pass.
``--profile`` adds a per-stage breakdown of ``enrich`` (ms/article, by wrapping the stage functions
that ``worker.pipeline.enrich`` calls; the wrappers add ~1 µs per call, so the total is a bit higher).
Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import worker.pipeline.enrich as enrich_mod
from worker.errors import Rejection
from worker.models.article import Author, Dateline, Paragraph, ParsedArticle
from worker.pipeline.enrich import DedupIndex, enrich, load_tables
from worker.pipeline.enrich.identity import clear_word_cache
from worker.pipeline.parse import parse_article

TZ = ZoneInfo("America/New_York")
NOW = datetime(2024, 1, 1, tzinfo=UTC)
# functions looked up in ``worker.pipeline.enrich`` at call time; missing names are skipped
STAGES = (
    "tokenize",
    "scan",
    "resolve_places",
    "find_names",
    "SpeakerResolver",
    "extract_quotes",
    "extract_dates",
    "extract_numbers",
    "build_entities",
    "simhash64",
    "simhash_tokens",
    "article_id",
    "content_sha256",
    "detect_language",
    "top_keywords",
    "build_geo",
)


def article_from_truth(truth: dict[str, Any]) -> ParsedArticle:
    paragraphs: list[Paragraph] = []
    pos = 0
    for i, text in enumerate(truth["paragraphs"]):
        paragraphs.append(Paragraph(idx=i, text=text, char_start=pos, char_end=pos + len(text)))
        pos += len(text) + 2
    dl = truth.get("dateline")
    return ParsedArticle(
        shape="upi_text",
        headline=truth["headline"],
        published_at=datetime.fromisoformat(truth["published_at"]) if truth.get("published_at") else None,
        authors=[Author(name=a) for a in truth.get("authors", [])],
        dateline=Dateline(raw=dl["raw"], place=dl.get("place"), agency=dl.get("agency")) if dl else None,
        paragraphs=paragraphs,
        body_text="\n\n".join(truth["paragraphs"]),
        source_url=truth.get("source_url"),
    )


def _passes(repeat: int, one_pass: Callable[[], None]) -> list[float]:
    out: list[float] = []
    for _ in range(max(1, repeat)):
        t0 = time.process_time()
        one_pass()
        out.append(time.process_time() - t0)
    return out


def _rates(n: int, passes: list[float]) -> dict[str, float]:
    total = sum(passes)
    best = min(passes)
    return {
        "articles_per_s": round(n * len(passes) / total, 1),
        "ms_per_article": round(1000 * total / (n * len(passes)), 4),
        "best_pass_articles_per_s": round(n / best, 1),
        "best_pass_ms_per_article": round(1000 * best / n, 4),
        "median_pass_ms_per_article": round(1000 * statistics.median(passes) / n, 4),
    }


def _stage_profile(articles: list[ParsedArticle], tables: Any, repeat: int) -> dict[str, float]:
    """ms/article per stage, by temporarily wrapping the stage functions in the enrich namespace."""
    spent: dict[str, float] = {}
    originals: dict[str, Any] = {}

    def wrap(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - t0

        return timed

    for name in STAGES:
        fn = getattr(enrich_mod, name, None)
        if callable(fn):
            originals[name] = fn
            setattr(enrich_mod, name, wrap(name, fn))
    try:
        t0 = time.perf_counter()
        for _ in range(max(1, repeat)):
            for a in articles:
                enrich(a, tables=tables, dedup=None, now=NOW, source="UPI")
        total = time.perf_counter() - t0
    finally:
        for name, fn in originals.items():
            setattr(enrich_mod, name, fn)
    n = len(articles) * max(1, repeat)
    out = {name: round(1000 * s / n, 4) for name, s in sorted(spent.items(), key=lambda kv: -kv[1])}
    out["(rest of enrich)"] = round(1000 * (total - sum(spent.values())) / n, 4)
    out["(total, wrapped)"] = round(1000 * total / n, 4)
    return out


def _read(corpus: Path) -> list[dict[str, Any]]:
    with corpus.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _enrich_all(articles: Iterable[ParsedArticle], tables: Any, dedup: DedupIndex) -> None:
    for a in articles:
        enrich(a, tables=tables, dedup=dedup, now=NOW, source="UPI")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m worker.bench.enrich", description=__doc__)
    ap.add_argument("corpus", type=Path, help="JSONL with value + truth.paragraphs (e.g. dev/articles.jsonl)")
    ap.add_argument("--repeat", type=int, default=5, help="passes over the corpus (default 5)")
    ap.add_argument("--profile", action="store_true", help="add a per-stage breakdown of enrich")
    args = ap.parse_args(argv)
    records = _read(args.corpus)
    articles = [article_from_truth(r["truth"]) for r in records]
    raws = [r["value"] for r in records]
    t0 = time.perf_counter()
    tables = load_tables()
    load_s = time.perf_counter() - t0
    for a in articles[:20]:  # warm-up: regex compilation, caches
        enrich(a, tables=tables, dedup=None, now=NOW, source="UPI")
    chars = sum(len(a.body_text) for a in articles)

    dedup = DedupIndex(100_000)
    enrich_passes = _passes(args.repeat, lambda: _enrich_all(articles, tables, dedup))

    rejected = 0

    def parse_and_enrich() -> None:
        nonlocal rejected
        for raw in raws:
            parsed = parse_article(raw, content_type="text", tz=TZ)
            if isinstance(parsed, Rejection):
                rejected += 1
                continue
            enrich(parsed, tables=tables, dedup=dedup, now=NOW, source="UPI")

    parse_and_enrich()  # warm-up
    rejected = 0
    pe_passes = _passes(args.repeat, parse_and_enrich)

    def parse_only() -> None:
        for raw in raws:
            parse_article(raw, content_type="text", tz=TZ)

    parse_passes = _passes(max(1, args.repeat // 2), parse_only)

    def parse_and_enrich_cold() -> None:
        tables.segment_cache.clear()  # a stream of new articles: nothing memoised from earlier passes
        clear_word_cache()
        parse_and_enrich()

    cold_passes = _passes(args.repeat, parse_and_enrich_cold)

    report: dict[str, Any] = {
        "articles": len(articles),
        "passes": args.repeat,
        "mean_body_chars": round(chars / max(len(articles), 1)),
        "table_load_s": round(load_s, 3),
        "enrich": _rates(len(articles), enrich_passes),
        "parse": _rates(len(raws), parse_passes),
        "parse+enrich": _rates(len(raws), pe_passes) | {"rejected_per_pass": rejected / len(pe_passes)},
        "parse+enrich, memos cleared per pass": _rates(len(raws), cold_passes),
    }
    if args.profile:
        report["stages_ms_per_article"] = _stage_profile(articles, tables, args.repeat)
    report["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    sys.stdout.write(json.dumps(report, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
