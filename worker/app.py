"""Composition root: build the pipeline context, clients and runner from Settings."""

from __future__ import annotations

import socket
import time
from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from ulid import ULID

from worker.broker.types import Broker, ConsumerConfig, ProducerConfig, Record, TopicSpec
from worker.metrics import Metrics
from worker.pipeline.enrich import DedupIndex, load_tables
from worker.pipeline.outcome import Outcome
from worker.pipeline.process import PipelineContext, process_message
from worker.runtime.health import Health
from worker.runtime.loop import LoopConfig, Runner
from worker.runtime.transactional import TransactionalRunner
from worker.settings import Settings


def new_event_id() -> str:
    return str(ULID())


def pipeline_context(settings: Settings, metrics: Metrics | None = None) -> PipelineContext:
    observe: Callable[[str, float], None]
    if metrics is not None:
        hist = metrics.stage_seconds
        children = {stage: hist.labels(stage) for stage in ("decode", "parse", "enrich", "encode")}

        def observe(stage: str, seconds: float) -> None:
            children[stage].observe(seconds)

    else:

        def observe(stage: str, seconds: float) -> None:
            return None

    return PipelineContext(
        tz=ZoneInfo(settings.default_timezone),
        max_bytes=settings.max_message_bytes,
        default_source=settings.default_source,
        base_url=settings.base_url,
        tables=load_tables(),
        dedup=DedupIndex(settings.dedup_capacity) if settings.dedup_capacity else None,
        new_event_id=new_event_id,
        now=lambda: datetime.now(UTC),
        perf=time.perf_counter,
        observe=observe,
        deadline_s=settings.processing_deadline_s,
    )


def processor(ctx: PipelineContext) -> Callable[[Record], Outcome]:
    def process(rec: Record) -> Outcome:
        return process_message(rec, ctx)

    return process


def consumer_config(settings: Settings) -> ConsumerConfig:
    return ConsumerConfig(
        group_id=settings.group_id,
        client_id=settings.client_id,
        auto_offset_reset=settings.auto_offset_reset,
        session_timeout_s=settings.session_timeout_s,
        max_poll_interval_s=settings.max_poll_interval_s,
        max_poll_records=settings.max_poll_records,
        max_partition_fetch_bytes=max(settings.max_message_bytes * 4, 4_194_304),
        group_instance_id=settings.group_instance_id,
        cooperative=settings.cooperative_rebalance,
        isolation_level="read_committed"
        if settings.processing_guarantee == "exactly_once"
        else "read_uncommitted",
    )


def transactional_id(settings: Settings) -> str | None:
    if settings.processing_guarantee != "exactly_once":
        return None
    return (
        settings.transactional_id
        or f"{settings.group_id}-{settings.group_instance_id or socket.gethostname()}"
    )


def producer_config(settings: Settings) -> ProducerConfig:
    return ProducerConfig(
        client_id=settings.client_id,
        transactional_id=transactional_id(settings),
        max_request_size=max(settings.max_message_bytes * 2 + 65_536, 1_048_576),
        request_timeout_s=min(30.0, settings.send_timeout_s),
    )


def loop_config(settings: Settings) -> LoopConfig:
    return LoopConfig(
        input_topic=settings.input_topic,
        output_topic=settings.output_topic,
        dlq_topic=settings.dlq_topic,
        group_id=settings.group_id,
        max_poll_records=settings.max_poll_records,
        max_inflight_messages=settings.max_inflight_messages,
        max_inflight_bytes=settings.max_inflight_bytes,
        commit_interval_s=settings.commit_interval_s,
        shutdown_timeout_s=settings.shutdown_timeout_s,
        backoff_initial_s=settings.retry_backoff_initial_s,
        backoff_max_s=settings.retry_backoff_max_s,
        give_up_after_s=settings.give_up_after_s,
    )


def build_runner(settings: Settings, broker: Broker, metrics: Metrics, health: Health) -> Runner:
    metrics.preinit(settings.input_topic, settings.output_topic)
    ctx = pipeline_context(settings, metrics)
    consumer = broker.consumer(consumer_config(settings))
    producer = broker.producer(producer_config(settings))
    cls = TransactionalRunner if settings.processing_guarantee == "exactly_once" else Runner
    return cls(consumer, producer, processor(ctx), loop_config(settings), metrics, health)


def topic_specs(settings: Settings, partitions: int = 3, replication: int = 1) -> list[TopicSpec]:
    big = {"max.message.bytes": str(max(settings.max_message_bytes * 2 + 65_536, 1_048_576))}
    return [
        TopicSpec(settings.input_topic, partitions, replication, big),
        TopicSpec(settings.output_topic, partitions, replication, big),
        TopicSpec(settings.dlq_topic, 1, replication, big),
    ]
