"""The scorer's bar on the shared dev data (issue #4).  Skipped when ../shared is absent."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED = REPO_ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
EVAL_SCRIPT = REPO_ROOT / "tests" / "parser_eval.py"

TEXT_MIN = {
    "coverage": 1.0, "headline": 0.995, "published_at": 0.995, "authors_f1": 0.99, "dateline_place": 0.98,
    "dateline_agency": 0.98, "photos_f1": 0.98, "related_f1": 0.98, "body_f1": 0.99,
}  # fmt: skip
HTML_MIN = {"body_f1": 0.93, "headline": 0.90, "date": 0.85}

pytestmark = pytest.mark.skipif(
    not SCORER.exists(),
    reason=f"shared eval data/scorer not found at {SHARED} (needs the sibling shared/ tree)",
)


def _score(data: Path, tmp_path: Path) -> dict[str, Any]:
    events = tmp_path / (data.name + ".events.jsonl")
    subprocess.run(
        [sys.executable, str(EVAL_SCRIPT), "--data", str(data), "--out", str(events)],
        check=True, cwd=REPO_ROOT, capture_output=True, text=True,
    )  # fmt: skip
    out = subprocess.run(
        [sys.executable, str(SCORER), "--truth", str(data), "--events", str(events), "--json"],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    result: dict[str, Any] = json.loads(out.stdout)
    return result


def test_text_shape_bar(tmp_path: Path) -> None:
    res = _score(SHARED / "data" / "dev" / "articles.jsonl", tmp_path)
    m = res["metrics"]
    low = {k: m.get(k) for k, v in TEXT_MIN.items() if m.get(k, 0.0) < v}
    assert not low, f"below the bar: {low}"
    assert m["leak"] == 0.0


def test_html_bar(tmp_path: Path) -> None:
    res = _score(SHARED / "data" / "dev" / "html.jsonl.gz", tmp_path)
    m = res["metrics"]
    low = {k: m.get(k) for k, v in HTML_MIN.items() if m.get(k, 0.0) < v}
    assert not low, f"below the bar: {low}"
    assert m["coverage"] == 1.0
