"""schemas/ is generated from the models; a stale file fails the suite."""

from __future__ import annotations

from pathlib import Path

import worker
from worker.schemas import MODELS, render, stale_schemas

SCHEMAS = Path(worker.__file__).resolve().parent.parent / "schemas"


def test_schemas_are_up_to_date() -> None:
    stale = stale_schemas(SCHEMAS)
    assert not stale, f"stale: {stale}; run `news-ingest schemas`"


def test_stale_detection_works(tmp_path: Path) -> None:
    assert set(stale_schemas(tmp_path)) == set(MODELS)
    (tmp_path / "raw_envelope.schema.json").write_text(render(MODELS["raw_envelope.schema.json"]))
    assert "raw_envelope.schema.json" not in stale_schemas(tmp_path)
    (tmp_path / "raw_envelope.schema.json").write_text("{}\n")
    assert "raw_envelope.schema.json" in stale_schemas(tmp_path)
