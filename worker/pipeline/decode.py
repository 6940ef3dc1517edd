"""bytes + headers -> RawArticle, or a Rejection with a closed reason code."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

import orjson
from pydantic import ValidationError

from worker.errors import Reason, Rejection
from worker.models.raw import ContentKind, RawArticle, RawEnvelope

Declared = Literal["text", "html", "json", "unsupported"]

# Control characters other than \t \n \r (and the C1 range) mark binary noise, not text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_MAX_CONTROL_RATIO = 0.01


def _header(headers: Sequence[tuple[str, bytes]], *names: str) -> str | None:
    for name, value in headers:
        if name.lower() in names:
            return value.decode("ascii", "replace").strip().lower()
    return None


_KINDS: dict[str, Declared] = {
    "text/plain": "text",
    "text": "text",
    "plain": "text",
    "text/html": "html",
    "html": "html",
    "application/xhtml+xml": "html",
    "application/json": "json",
    "json": "json",
}


def _kind_of(content_type: str | None) -> Declared | None:
    """The declared kind; "unsupported" for a content type we cannot read; None when undeclared."""
    if not content_type:
        return None
    return _KINDS.get(content_type.split(";", 1)[0].strip().lower(), "unsupported")


def _sniff(text: str) -> ContentKind:
    head = text[:2048].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<head", "<body")) or (
        "<html" in head and "</" in text[:65536]
    ):
        return "html"
    return "text"


def _reject(reason: Reason, detail: str, stage: str = "decode") -> Rejection:
    cls = "ValidationError" if stage == "validate" else "DecodeError"
    return Rejection(reason, detail, stage, cls)


def _binary(text: str) -> bool:
    sample = text[:65536]
    return bool(sample) and len(_CONTROL.findall(sample)) > _MAX_CONTROL_RATIO * len(sample)


def decode(
    key: bytes | None,
    value: bytes | None,
    headers: Sequence[tuple[str, bytes]],
    *,
    max_bytes: int,
) -> RawArticle | Rejection:
    """Decode one message value. Never raises."""
    if not value or not value.strip():
        return _reject(Reason.EMPTY_VALUE, "message value is empty")
    if len(value) > max_bytes:
        return _reject(Reason.TOO_LARGE, f"value is {len(value)} bytes, limit is {max_bytes}")
    try:
        text = value.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _reject(Reason.BAD_ENCODING, f"not valid UTF-8 at byte {exc.start}: {exc.reason}")
    if text.startswith("\ufeff"):
        text = text[1:]
    if _binary(text):
        return _reject(Reason.BINARY_CONTENT, "value contains control characters: binary data, not text")
    key_text = key.decode("utf-8", "replace") if key is not None else None
    ct = _header(headers, "content-type", "content_type")
    declared = _kind_of(ct)
    if declared == "unsupported":
        return _reject(
            Reason.UNSUPPORTED_CONTENT_TYPE,
            f"content type {ct!r} is not text/plain, text/html or application/json",
        )
    if declared == "json" or (declared is None and text.lstrip().startswith("{")):
        return _decode_envelope(key_text, value, required=declared == "json")
    kind: ContentKind = declared if declared == "text" or declared == "html" else _sniff(text)
    return RawArticle(key=key_text, kind=kind, body=text)


def _decode_envelope(key: str | None, value: bytes, *, required: bool) -> RawArticle | Rejection:
    try:
        doc = orjson.loads(value)
    except orjson.JSONDecodeError as exc:
        what = "declared application/json" if required else "starts with '{'"
        return _reject(Reason.BAD_JSON, f"value {what} but is not valid JSON: {exc}")
    if not isinstance(doc, dict):
        return _reject(Reason.SCHEMA_VIOLATION, f"JSON envelope must be an object, got {type(doc).__name__}")
    try:
        env = RawEnvelope.model_validate(doc)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or '<root>'}: {e['msg']}" for e in exc.errors()[:5]
        )
        return _reject(Reason.SCHEMA_VIOLATION, f"JSON envelope invalid: {problems}", "validate")
    declared = _kind_of(env.content_type)
    if declared == "unsupported" or declared == "json":
        return _reject(
            Reason.UNSUPPORTED_CONTENT_TYPE,
            f"envelope content_type {env.content_type!r} is not text/plain or text/html",
            "validate",
        )
    if _binary(env.body):
        return _reject(Reason.BINARY_CONTENT, "envelope body contains control characters", "validate")
    kind: ContentKind = declared if declared is not None else _sniff(env.body)
    return RawArticle(
        key=key,
        kind=kind,
        body=env.body,
        url=env.url,
        source=env.source,
        fetched_at=env.fetched_at,
        enveloped=True,
    )
