"""The one metric catalogue, on an injected registry.

Names follow ``news_ingest_<thing>_<unit>``; counters end in ``_total`` on exposition;
every label has a closed value set (topics and partitions come from configuration and
assignment, reasons from ``worker.errors.Reason``). Known label values are pre-created
so dashboards see zeros, not gaps.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

from worker import __version__
from worker.errors import Reason
from worker.native import status as native_status

OUTCOMES = ("ok", "dlq", "skipped")
STAGES = ("decode", "validate", "parse", "enrich", "encode", "publish", "commit")
_LATENCY_BUCKETS = (0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0)
_E2E_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600)


class Metrics:
    """Every metric the worker exports. Create one per process (or per test) with its registry."""

    def __init__(
        self, registry: CollectorRegistry, *, git_sha: str = "unknown", parser_build: str | None = None
    ) -> None:
        ns = "news_ingest"
        self.registry = registry
        self.build_info = Gauge(
            "build_info",
            "Always 1; labels carry the version and the parser build (native: compiled, python: plain)",
            ["version", "git_sha", "parser_build"],
            namespace=ns,
            registry=registry,
        )
        if parser_build is None:
            parser_build = "native" if native_status()["worker.pipeline.parse"] == "native" else "python"
        self.build_info.labels(__version__, git_sha, parser_build).set(1)
        self.consumed = Counter(
            "messages_consumed",
            "Messages read from the input topic",
            ["topic", "partition"],
            namespace=ns,
            registry=registry,
        )
        self.consumed_bytes = Counter(
            "consumed_bytes",
            "Bytes (key + value + headers) read from the input topic",
            ["topic"],
            namespace=ns,
            registry=registry,
        )
        self.processed = Counter(
            "messages_processed",
            "Messages fully handled, by outcome",
            ["topic", "outcome"],
            namespace=ns,
            registry=registry,
        )
        self.published = Counter(
            "events_published",
            "Events acknowledged by the output topic",
            ["topic"],
            namespace=ns,
            registry=registry,
        )
        self.dlq = Counter(
            "dlq_messages",
            "Messages acknowledged by the dead-letter topic, by reason",
            ["reason"],
            namespace=ns,
            registry=registry,
        )
        self.dlq_produce_failures = Counter(
            "dlq_produce_failures",
            "Failed attempts to write to the dead-letter topic",
            namespace=ns,
            registry=registry,
        )
        self.errors = Counter(
            "errors",
            "Errors by stage and type",
            ["stage", "error_type"],
            namespace=ns,
            registry=registry,
        )
        self.retries = Counter(
            "retries",
            "Retried sends and commits",
            ["stage"],
            namespace=ns,
            registry=registry,
        )
        self.stage_seconds = Histogram(
            "stage_duration_seconds",
            "Time spent per pipeline stage",
            ["stage"],
            namespace=ns,
            registry=registry,
            buckets=_LATENCY_BUCKETS,
        )
        self.end_to_end_seconds = Histogram(
            "end_to_end_latency_seconds",
            "Record timestamp to acknowledged output",
            ["topic"],
            namespace=ns,
            registry=registry,
            buckets=_E2E_BUCKETS,
        )
        self.lag_messages = Gauge(
            "consumer_lag_messages",
            "End offset minus next offset to process, owned partitions only",
            ["topic", "partition"],
            namespace=ns,
            registry=registry,
        )
        self.lag_seconds = Gauge(
            "consumer_lag_seconds",
            "Age of the oldest unprocessed record (0 when caught up)",
            ["topic", "partition"],
            namespace=ns,
            registry=registry,
        )
        self.last_processed_ts = Gauge(
            "last_processed_timestamp_seconds",
            "Kafka timestamp of the last processed record",
            ["topic", "partition"],
            namespace=ns,
            registry=registry,
        )
        self.assigned_partitions = Gauge(
            "assigned_partitions",
            "Partitions currently assigned to this worker",
            ["topic"],
            namespace=ns,
            registry=registry,
        )
        self.rebalances = Counter(
            "rebalance_events",
            "Partition assignment changes",
            ["event"],
            namespace=ns,
            registry=registry,
        )
        self.commits = Counter(
            "commits",
            "Offset commits by result",
            ["result"],
            namespace=ns,
            registry=registry,
        )
        self.commit_seconds = Histogram(
            "commit_duration_seconds",
            "Synchronous offset commit time",
            namespace=ns,
            registry=registry,
            buckets=_LATENCY_BUCKETS[3:],
        )
        self.inflight_messages = Gauge(
            "inflight_messages",
            "Messages consumed but not yet acknowledged downstream",
            namespace=ns,
            registry=registry,
        )
        self.inflight_bytes = Gauge(
            "inflight_bytes",
            "Bytes consumed but not yet acknowledged downstream",
            namespace=ns,
            registry=registry,
        )
        self.paused_partitions = Gauge(
            "paused_partitions",
            "Partitions paused for backpressure or retry",
            namespace=ns,
            registry=registry,
        )
        self.poll_interval_max = Gauge(
            "poll_interval_max_seconds",
            "Longest gap between two polls in the last minute",
            namespace=ns,
            registry=registry,
        )
        self.last_poll_ts = Gauge(
            "last_poll_timestamp_seconds",
            "Wall-clock time of the last poll-loop tick",
            namespace=ns,
            registry=registry,
        )
        self.ready = Gauge("ready", "1 when /readyz would answer 200", namespace=ns, registry=registry)
        self.dlq_circuit_open = Gauge(
            "dlq_circuit_open",
            "1 when the DLQ circuit breaker has tripped",
            ["topic"],
            namespace=ns,
            registry=registry,
        )
        self.client = Gauge(
            "kafka_client_metric",
            "Selected kafka-python client metrics",
            ["client", "name"],
            namespace=ns,
            registry=registry,
        )

    def preinit(self, input_topic: str, output_topic: str) -> None:
        """Create the known label combinations so every series exists from the start."""
        for outcome in OUTCOMES:
            self.processed.labels(input_topic, outcome)
        for reason in Reason:
            self.dlq.labels(reason.value)
        for stage in STAGES:
            self.stage_seconds.labels(stage)
            self.retries.labels(stage)
        for result in ("ok", "failed"):
            self.commits.labels(result)
        for event in ("assigned", "revoked", "lost"):
            self.rebalances.labels(event)
        self.published.labels(output_topic)
        self.consumed_bytes.labels(input_topic)
        self.assigned_partitions.labels(input_topic)
        self.end_to_end_seconds.labels(output_topic)
        self.dlq_circuit_open.labels(input_topic)
