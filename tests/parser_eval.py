"""Dev script: parse the shared eval data and write scorer-ready events JSONL.

    python tests/parser_eval.py --data /work/shared/data/dev/articles.jsonl --out /tmp/events.jsonl

One event per record = ``ParsedArticle.model_dump(mode="json")`` plus ``{"ingest": {"key": ...}}``.
Rejected records get no event (the scorer counts them as misses).
"""

from __future__ import annotations

import argparse
import gzip
import sys
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo

import orjson

from worker.errors import Rejection
from worker.pipeline.parse import parse_article

TZ = ZoneInfo("America/New_York")


def load_records(path: Path) -> list[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as f:
        return [orjson.loads(line) for line in f if line.strip()]


def events_for(records: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[tuple[str, Rejection]]]:
    events: list[dict[str, Any]] = []
    rejected: list[tuple[str, Rejection]] = []
    for rec in records:
        ctype: Literal["text", "html"] = "html" if "html" in str(rec.get("content_type", "")) else "text"
        res = parse_article(rec["value"], content_type=ctype, tz=TZ)
        if isinstance(res, Rejection):
            rejected.append((rec["key"], res))
            continue
        ev = res.model_dump(mode="json")
        ev["ingest"] = {"key": rec["key"]}
        events.append(ev)
    return events, rejected


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--data", type=Path, required=True, help="articles.jsonl or html.jsonl.gz")
    ap.add_argument("--out", type=Path, required=True, help="events JSONL to write")
    args = ap.parse_args(argv)
    events, rejected = events_for(load_records(args.data))
    with args.out.open("wb") as f:
        for ev in events:
            f.write(orjson.dumps(ev) + b"\n")
    for key, rej in rejected:
        print(f"rejected {key}: {rej.reason}: {rej.detail}", file=sys.stderr)
    print(f"wrote {len(events)} events ({len(rejected)} rejected) to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
