"""The input side: what a scraper puts on the raw topic, after decoding."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ContentKind = Literal["text", "html"]


class RawEnvelope(BaseModel):
    """The optional JSON envelope around an article body."""

    model_config = ConfigDict(extra="allow", frozen=True)

    body: str = Field(min_length=1)
    url: str | None = None
    source: str | None = None
    fetched_at: datetime | None = Field(None, description="ISO 8601; when the scraper fetched the page")
    content_type: str | None = Field(None, description="text/plain or text/html; sniffed when absent")


class RawArticle(BaseModel):
    """A validated input message: the article body as text plus what the envelope said about it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    key: str | None
    kind: ContentKind
    body: str
    url: str | None = None
    source: str | None = None
    fetched_at: datetime | None = None
    enveloped: bool = False
