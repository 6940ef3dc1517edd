"""The command line as a user runs it: offline processing, schemas, configuration errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from worker.cli import main

SHARED = Path(__file__).resolve().parents[3] / "shared"
CORPUS = SHARED / "data" / "dev" / "articles.jsonl"


@pytest.mark.skipif(not CORPUS.is_file(), reason=f"development corpus not found at {CORPUS}")
def test_process_emits_one_event_per_record_and_scores(tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    assert main(["process", str(CORPUS), "--output", str(out)]) == 0
    events = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    n_records = sum(1 for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip())
    assert len(events) == n_records
    assert len({e["ingest"]["key"] for e in events}) == n_records
    score = subprocess.run(
        [
            sys.executable,
            str(SHARED / "eval" / "score.py"),
            "--truth",
            str(CORPUS),
            "--events",
            str(out),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert '"coverage"' in score.stdout


def test_process_reports_rejections_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"key": "a", "value": ""})
        + "\n"
        + json.dumps({"key": "b", "value": "just words"})
        + "\nnot json\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    assert main(["process", str(src), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "key=a: dead-letter empty_value" in err
    assert "key=b: dead-letter" in err
    assert "not a {key, value} record" in err
    assert "processed 2 records: 0 events, 2 would be dead-lettered" in err
    assert out.read_text() == ""


def test_bad_configuration_exits_2_with_the_variable_named(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("INGEST_METRICS_PORT", "99999")
    assert main(["run"]) == 2
    assert "INGEST_METRICS_PORT" in capsys.readouterr().err
    monkeypatch.setenv("INGEST_METRICS_PORT", "0")
    monkeypatch.setenv("INGEST_DEFAULT_TIMEZONE", "Mars/Olympus")
    assert main(["run"]) == 2
    assert "unknown time zone" in capsys.readouterr().err


def test_schemas_check(tmp_path: Path) -> None:
    assert main(["schemas", "--dir", str(tmp_path), "--check"]) == 1
    assert main(["schemas", "--dir", str(tmp_path)]) == 0
    assert main(["schemas", "--dir", str(tmp_path), "--check"]) == 0
