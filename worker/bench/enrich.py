"""Enrichment throughput and peak RSS on one core: ``python -m worker.bench.enrich articles.jsonl``.

Articles are built from the corpus ground truth (``truth.paragraphs`` etc.), so the number is
enrichment alone, without parsing.  Prints JSON: articles/s, ms/article, table load time, peak RSS.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from worker.models.article import Author, Dateline, Paragraph, ParsedArticle
from worker.pipeline.enrich import DedupIndex, enrich, load_tables


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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m worker.bench.enrich", description=__doc__)
    ap.add_argument("corpus", type=Path, help="JSONL with truth.paragraphs (e.g. dev/articles.jsonl)")
    ap.add_argument("--repeat", type=int, default=5, help="passes over the corpus (default 5)")
    args = ap.parse_args(argv)
    with args.corpus.open(encoding="utf-8") as fh:
        articles = [article_from_truth(json.loads(line)["truth"]) for line in fh if line.strip()]
    t0 = time.perf_counter()
    tables = load_tables()
    load_s = time.perf_counter() - t0
    now = datetime(2024, 1, 1, tzinfo=UTC)
    dedup = DedupIndex(100_000)
    for a in articles[:20]:  # warm-up
        enrich(a, tables=tables, dedup=None, now=now, source="UPI")
    chars = sum(len(a.body_text) for a in articles)
    t1 = time.process_time()
    for _ in range(args.repeat):
        for a in articles:
            enrich(a, tables=tables, dedup=dedup, now=now, source="UPI")
    cpu = time.process_time() - t1
    n = len(articles) * args.repeat
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    report = {
        "articles": len(articles),
        "passes": args.repeat,
        "mean_body_chars": round(chars / max(len(articles), 1)),
        "table_load_s": round(load_s, 3),
        "cpu_s": round(cpu, 3),
        "articles_per_s": round(n / cpu, 1) if cpu else None,
        "ms_per_article": round(1000 * cpu / n, 3) if n else None,
        "us_per_1k_chars": round(1e6 * cpu / (chars * args.repeat / 1000), 1) if chars else None,
        "peak_rss_mb": round(rss_kb / 1024, 1),
    }
    sys.stdout.write(json.dumps(report, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
