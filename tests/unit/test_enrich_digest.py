"""Enrichment with the compiled C extension equals plain Python on every article of ``tests.enrich_digest``
(dev corpus from truth and parsed, unseen articles, upper-cased and mixed-script variants)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.enrich_fixtures import DEV_ARTICLES
from worker import native


def _digest(*, pure: bool) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if k != native.PURE_ENV}
    env["PYTHONHASHSEED"] = "0"
    if pure:
        env[native.PURE_ENV] = "1"
    out = subprocess.run(
        [sys.executable, "-m", "tests.enrich_digest"],
        capture_output=True, text=True, env=env, check=True, timeout=300, cwd=native.ROOT,
    )  # fmt: skip
    result: dict[str, object] = json.loads(out.stdout)
    return result


def test_compiled_and_plain_enrichment_have_one_digest() -> None:
    if not DEV_ARTICLES.exists():
        pytest.skip("shared dev corpus not present")
    compiled, pure = _digest(pure=False), _digest(pure=True)
    assert compiled["records"] == pure["records"]
    assert compiled["digest"] == pure["digest"]
