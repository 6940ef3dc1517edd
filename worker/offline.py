"""``news-ingest process``: the same pipeline over files, no Kafka.

Input: JSONL records ``{"key": ..., "value": ..., "content_type"?: ...}`` (``.jsonl`` or
``.jsonl.gz``) or any other file taken whole as one raw message.  Output: events as JSONL.
Records that would be dead-lettered are reported on stderr with their reason and counted.
"""

from __future__ import annotations

import gzip
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import orjson

from worker.broker.types import Record
from worker.pipeline.outcome import DeadLetter, Publish, Skip
from worker.pipeline.process import PipelineContext, process_message


@dataclass
class OfflineSummary:
    records: int = 0
    events: int = 0
    skipped: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    unreadable: int = 0


def _records(path: Path, err: IO[str], summary: OfflineSummary) -> Iterator[Record]:
    name = path.name
    if name.endswith((".jsonl", ".jsonl.gz", ".ndjson")):
        opener = gzip.open if name.endswith(".gz") else open
        with opener(path, "rb") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    doc = orjson.loads(line)
                    value = doc["value"]
                except (orjson.JSONDecodeError, KeyError, TypeError) as exc:
                    summary.unreadable += 1
                    print(f"{path}:{lineno}: skipped: not a {{key, value}} record ({exc})", file=err)
                    continue
                key = doc.get("key")
                headers: tuple[tuple[str, bytes], ...] = ()
                if isinstance(doc.get("content_type"), str):
                    headers = (("content-type", doc["content_type"].encode()),)
                raw = value.encode("utf-8") if isinstance(value, str) else orjson.dumps(value)
                yield Record(
                    f"file:{name}",
                    0,
                    lineno - 1,
                    str(key).encode() if key is not None else None,
                    raw,
                    headers,
                )
    else:
        yield Record(f"file:{name}", 0, 0, name.encode(), path.read_bytes())


def process_files(paths: list[Path], ctx: PipelineContext, out: IO[bytes], err: IO[str]) -> OfflineSummary:
    summary = OfflineSummary()
    for path in paths:
        if not path.is_file():
            summary.unreadable += 1
            print(f"{path}: no such file", file=err)
            continue
        for rec in _records(path, err, summary):
            summary.records += 1
            outcome = process_message(rec, ctx)
            if isinstance(outcome, Publish):
                out.write(outcome.value)
                out.write(b"\n")
                summary.events += 1
            elif isinstance(outcome, DeadLetter):
                r = outcome.rejection
                summary.rejected[r.reason.value] += 1
                key = rec.key.decode("utf-8", "replace") if rec.key else "-"
                print(
                    f"{path}:{rec.offset + 1}: key={key}: dead-letter {r.reason.value}: {r.detail}", file=err
                )
            elif isinstance(outcome, Skip):
                summary.skipped += 1
    return summary


def print_summary(summary: OfflineSummary, err: IO[str] | None = None) -> None:
    err = err or sys.stderr
    rejected = sum(summary.rejected.values())
    parts = ", ".join(f"{k}={v}" for k, v in sorted(summary.rejected.items())) or "none"
    print(
        f"processed {summary.records} records: {summary.events} events, {rejected} would be dead-lettered "
        f"({parts}), {summary.skipped} skipped, {summary.unreadable} unreadable",
        file=err,
    )
