"""One frozen settings object, built once at the edge (CLI) from the environment.

Environment variables use the prefix ``INGEST_`` (nested fields with ``__``), e.g.
``INGEST_BOOTSTRAP_SERVERS=127.0.0.1:9092``, ``INGEST_INPUT_TOPIC=articles.raw``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from worker.errors import ConfigError


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="INGEST_", frozen=True, extra="ignore")

    # Kafka
    bootstrap_servers: str = Field("127.0.0.1:9092", description="Comma-separated host:port list")
    input_topic: str = "articles.raw"
    output_topic: str = "articles.events"
    dlq_topic: str = "articles.dlq"
    group_id: str = "news-ingest"
    client_id: str = "news-ingest"
    group_instance_id: str | None = Field(None, description="Static membership id, e.g. the pod name")
    auto_offset_reset: Literal["earliest", "latest"] = "earliest"
    session_timeout_s: float = Field(45.0, gt=0)
    max_poll_interval_s: float = Field(300.0, gt=0)
    max_poll_records: int = Field(500, ge=1)
    cooperative_rebalance: bool = True
    processing_guarantee: Literal["at_least_once", "exactly_once"] = "at_least_once"
    transactional_id: str | None = Field(
        None,
        description="Exactly-once: stable per instance; default '<group_id>-<group_instance_id|hostname>'",
    )

    # Pipeline
    max_message_bytes: int = Field(
        1_048_576, ge=1024, description="Larger message values are dead-lettered (too_large)"
    )
    processing_deadline_s: float = Field(
        5.0, gt=0, description="A message still not parsed and enriched after this is dead-lettered"
    )
    default_timezone: str = "America/New_York"
    default_source: str = "upi"
    base_url: str = "https://www.upi.com"
    dedup_capacity: int = Field(50_000, ge=0)

    # Runtime
    max_inflight_messages: int = Field(5_000, ge=1)
    max_inflight_bytes: int = Field(64_000_000, ge=1024)
    commit_interval_s: float = Field(1.0, gt=0)
    send_timeout_s: float = Field(30.0, gt=0)
    shutdown_timeout_s: float = Field(30.0, gt=0)
    retry_backoff_initial_s: float = Field(0.2, gt=0)
    retry_backoff_max_s: float = Field(10.0, gt=0)
    give_up_after_s: float = Field(600.0, gt=0, description="Exit non-zero after failing this long")

    # Observability
    metrics_host: str = "127.0.0.1"
    metrics_port: int = Field(9108, ge=0, le=65535)
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    log_format: Literal["text", "json"] = "text"

    @field_validator("default_timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value


def load_settings(**overrides: object) -> Settings:
    """Build settings from the environment plus explicit overrides; ConfigError on bad values."""
    from pydantic import ValidationError

    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        problems = "; ".join(
            f"INGEST_{'__'.join(str(p) for p in err['loc']).upper()}: {err['msg']}" for err in exc.errors()
        )
        raise ConfigError(f"invalid configuration: {problems}") from None
