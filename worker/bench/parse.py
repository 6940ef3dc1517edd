"""Parser throughput on one core.

    python -m worker.bench.parse /work/shared/data/dev/articles.jsonl [--repeat 20]
    python -m worker.bench.parse /work/shared/data/dev/html.jsonl.gz --content html --repeat 2

Reads the records once, then times ``parse_article`` alone (no JSON decoding, no output) over
``repeat`` passes and prints articles/s of process CPU time (one core; not inflated by other processes
competing for the CPU, which wall time is), the mean and the best pass.
``--content auto`` uses each record's ``content_type``.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import sys
import time
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo

import orjson

from worker.errors import Rejection
from worker.native import status as native_status
from worker.pipeline.parse import parse_article

TZ = ZoneInfo("America/New_York")


def _load(path: Path, content: str) -> list[tuple[str, Literal["text", "html"]]]:
    opener = gzip.open if path.suffix == ".gz" else open
    out: list[tuple[str, Literal["text", "html"]]] = []
    with opener(path, "rb") as f:
        for line in f:
            if not line.strip():
                continue
            rec = orjson.loads(line)
            kind: Literal["text", "html"]
            if content == "auto":
                kind = "html" if "html" in str(rec.get("content_type", "")) else "text"
            else:
                kind = "html" if content == "html" else "text"
            out.append((rec["value"], kind))
    return out


def run(path: Path, *, repeat: int, content: str) -> dict[str, float]:
    """Time ``repeat`` passes over the file; returns articles/s, mean µs/article, rejections, bytes/s."""
    docs = _load(path, content)
    if not docs:
        return {
            "articles": 0.0,
            "articles_per_s": 0.0,
            "us_per_article": 0.0,
            "rejected": 0.0,
            "mb_per_s": 0.0,
        }
    for text, kind in docs[: min(len(docs), 20)]:  # warm-up: imports, regex caches
        parse_article(text, content_type=kind, tz=TZ)
    rejected = 0
    passes: list[float] = []
    wall0 = time.perf_counter()
    gc_was = gc.isenabled()
    gc.disable()  # measure the parser, not the collector's schedule
    try:
        for _ in range(max(1, repeat)):
            t0 = time.process_time()  # CPU time of this process: robust to other load on the host
            for text, kind in docs:
                if isinstance(parse_article(text, content_type=kind, tz=TZ), Rejection):
                    rejected += 1
            passes.append(time.process_time() - t0)
            gc.collect()
    finally:
        if gc_was:
            gc.enable()
    elapsed = sum(passes)
    wall = time.perf_counter() - wall0
    n = len(docs) * len(passes)
    nbytes = sum(len(t.encode("utf-8", "surrogatepass")) for t, _ in docs)
    return {
        "articles": float(n),
        "seconds": elapsed,
        "wall_seconds": wall,
        "articles_per_s": n / elapsed,
        "best_pass_articles_per_s": len(docs) / min(passes),
        "us_per_article": elapsed / n * 1e6,
        "rejected": float(rejected) / len(passes),
        "mb_per_s": nbytes * len(passes) / elapsed / 1e6,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Parser throughput (one core).")
    ap.add_argument("path", type=Path, help="articles.jsonl or html.jsonl.gz")
    ap.add_argument(
        "--repeat", type=int, default=None, help="passes over the file (default 20 text / 2 html)"
    )
    ap.add_argument("--content", choices=["auto", "text", "html"], default="auto")
    args = ap.parse_args(argv)
    repeat = args.repeat
    if repeat is None:
        repeat = 2 if args.content == "html" or args.path.suffix == ".gz" else 20
    res = run(args.path, repeat=repeat, content=args.content)
    sys.stdout.write(
        f"{args.path.name}: {res['articles']:.0f} parses in {res.get('seconds', 0.0):.3f} CPU s "
        f"({res.get('wall_seconds', 0.0):.3f} s wall) -> "
        f"{res['articles_per_s']:,.0f} articles/s mean, "
        f"{res.get('best_pass_articles_per_s', 0.0):,.0f} best pass "
        f"({res['us_per_article']:.1f} µs/article, "
        f"{res['mb_per_s']:.1f} MB/s, {res['rejected']:.0f} rejected per pass)\n"
        f"parser build: {native_status()['worker.pipeline.parse']}\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
