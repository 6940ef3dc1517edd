"""JSON Schemas of the public models, exported to ``schemas/`` and checked for staleness."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from worker.models.deadletter import DeadLetterHeaders
from worker.models.event import ArticleEvent
from worker.models.raw import RawEnvelope

MODELS: dict[str, type[BaseModel]] = {
    "article_event.schema.json": ArticleEvent,
    "raw_envelope.schema.json": RawEnvelope,
    "dead_letter_headers.schema.json": DeadLetterHeaders,
}


def render(model: type[BaseModel]) -> str:
    schema = model.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def export_schemas(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in MODELS.items():
        path = directory / name
        path.write_text(render(model), encoding="utf-8")
        written.append(path)
    return written


def stale_schemas(directory: Path) -> list[str]:
    stale = []
    for name, model in MODELS.items():
        path = directory / name
        if not path.is_file() or path.read_text(encoding="utf-8") != render(model):
            stale.append(name)
    return stale
