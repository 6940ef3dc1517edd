"""kafka-python 3.0.x implementation of the broker seam (:mod:`worker.broker.types`).

Only modules in ``worker/broker/`` import kafka-python. The consumer lives in
:mod:`worker.broker.kafka_consumer`.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

# Import from submodules: the repo's kafka/ (pom.xml) directory would otherwise shadow the
# top-level ``kafka`` package for mypy (it resolves it as a namespace package without attributes).
import kafka.errors as kerrors
from kafka.admin.client import KafkaAdminClient
from kafka.producer.kafka import KafkaProducer
from kafka.structs import OffsetAndMetadata
from kafka.structs import TopicPartition as KTopicPartition

from worker.broker.types import (
    Admin,
    BrokerError,
    CommitFailedError,
    Consumer,
    ConsumerConfig,
    Headers,
    Producer,
    ProducerConfig,
    SendHandle,
    TopicPartition,
    TopicSpec,
)

__all__ = ["KafkaAdmin", "KafkaBroker", "KafkaProducerClient", "KafkaSendHandle", "to_broker_error"]

RECONNECT_BACKOFF_MAX_MS = 1000

# Group-membership failures of a commit: the partitions may already belong to someone else.
_COMMIT_FAILED = (
    kerrors.CommitFailedError,
    kerrors.RebalanceInProgressError,
    kerrors.IllegalGenerationError,
    kerrors.UnknownMemberIdError,
    kerrors.FencedInstanceIdError,
)


def to_broker_error(exc: BaseException) -> BrokerError:
    """Map a kafka-python (or socket) exception to the seam's error type."""
    if isinstance(exc, BrokerError):
        return exc
    message = f"{type(exc).__name__}: {exc}"
    if isinstance(exc, _COMMIT_FAILED):
        err: BrokerError = CommitFailedError(message, retriable=False)
    elif isinstance(exc, kerrors.KafkaError):
        err = BrokerError(message, retriable=bool(getattr(exc, "retriable", False)))
    elif isinstance(exc, (OSError, TimeoutError)):
        err = BrokerError(message, retriable=True)
    else:
        err = BrokerError(message, retriable=False)
    err.__cause__ = exc
    return err


@contextlib.contextmanager
def translate_errors() -> Iterator[None]:
    try:
        yield
    except BrokerError:
        raise
    except (kerrors.KafkaError, OSError) as exc:
        raise to_broker_error(exc) from exc


def ktp(tp: TopicPartition) -> Any:
    return KTopicPartition(tp.topic, tp.partition)


def seam_tp(tp: Any) -> TopicPartition:
    return TopicPartition(tp.topic, tp.partition)


def offsets_payload(offsets: Mapping[TopicPartition, int]) -> dict[Any, Any]:
    return {ktp(tp): OffsetAndMetadata(int(off), "", -1) for tp, off in offsets.items()}


def ms(seconds: float) -> int:
    return max(1, int(seconds * 1000))


class KafkaSendHandle:
    """SendHandle over kafka-python's FutureRecordMetadata (or an immediate failure)."""

    def __init__(self, future: Any = None, failure: BrokerError | None = None) -> None:
        self._event = threading.Event()
        self._future = future
        self._failure = failure
        if future is None:
            self._event.set()
        else:
            future.add_both(lambda _result: self._event.set())

    def done(self) -> bool:
        return self._event.is_set()

    def error(self) -> BrokerError | None:
        if self._failure is not None:
            return self._failure
        if self._future is not None and self._event.is_set() and self._future.failed():
            self._failure = to_broker_error(self._future.exception)
        return self._failure

    def wait(self, timeout_s: float) -> BrokerError | None:
        if not self._event.wait(max(0.0, timeout_s)):
            return BrokerError(f"send not acknowledged within {timeout_s}s", retriable=True)
        return self.error()

    @property
    def offset(self) -> int | None:
        """The acknowledged offset (None until done or when failed)."""
        if self._future is None or not self._event.is_set() or self._future.failed():
            return None
        return int(self._future.value.offset)


class KafkaProducerClient:
    def __init__(self, bootstrap: str, config: ProducerConfig, overrides: Mapping[str, object]) -> None:
        idempotent = config.acks in ("all", "-1") and config.max_in_flight <= 5
        kwargs: dict[str, object] = {
            "bootstrap_servers": bootstrap.split(","),
            # kafka-python's default caps reconnect backoff at 30 s (Java: 1 s): after a broker
            # restart the worker would idle for up to 30 s before noticing the broker is back.
            "reconnect_backoff_max_ms": RECONNECT_BACKOFF_MAX_MS,
            "client_id": config.client_id,
            "acks": "all" if config.acks in ("all", "-1") else int(config.acks),
            "enable_idempotence": idempotent,
            "linger_ms": config.linger_ms,
            "compression_type": config.compression,
            "max_request_size": config.max_request_size,
            "request_timeout_ms": ms(config.request_timeout_s),
            "delivery_timeout_ms": ms(config.delivery_timeout_s),
            "max_in_flight_requests_per_connection": config.max_in_flight,
            "allow_auto_create_topics": False,
        }
        if config.transactional_id is not None:
            kwargs["transactional_id"] = config.transactional_id
        kwargs.update(overrides)
        with translate_errors():
            self._producer = KafkaProducer(**kwargs)

    def send(self, topic: str, key: bytes | None, value: bytes | None, headers: Headers = ()) -> SendHandle:
        try:
            future = self._producer.send(topic, value=value, key=key, headers=list(headers) or None)
        except (kerrors.KafkaError, OSError) as exc:
            return KafkaSendHandle(failure=to_broker_error(exc))
        return KafkaSendHandle(future)

    def flush(self, timeout_s: float) -> None:
        with translate_errors():
            self._producer.flush(timeout=timeout_s)

    def init_transactions(self) -> None:
        with translate_errors():
            self._producer.init_transactions()

    def begin_transaction(self) -> None:
        with translate_errors():
            self._producer.begin_transaction()

    def send_offsets_to_transaction(
        self, offsets: Mapping[TopicPartition, int], group_metadata: object
    ) -> None:
        with translate_errors():
            self._producer.send_offsets_to_transaction(offsets_payload(offsets), group_metadata)

    def commit_transaction(self) -> None:
        with translate_errors():
            self._producer.commit_transaction()

    def abort_transaction(self) -> None:
        with translate_errors():
            self._producer.abort_transaction()

    def close(self, timeout_s: float) -> None:
        with translate_errors():
            self._producer.close(timeout=timeout_s)


class KafkaAdmin:
    def __init__(self, bootstrap: str, overrides: Mapping[str, object]) -> None:
        kwargs: dict[str, object] = {
            "bootstrap_servers": bootstrap.split(","),
            # kafka-python's default caps reconnect backoff at 30 s (Java: 1 s): after a broker
            # restart the worker would idle for up to 30 s before noticing the broker is back.
            "reconnect_backoff_max_ms": RECONNECT_BACKOFF_MAX_MS,
            "client_id": "news-ingest-admin",
        }
        kwargs.update(overrides)
        with translate_errors():
            self._admin = KafkaAdminClient(**kwargs)

    def create_topics(self, specs: Sequence[TopicSpec], timeout_s: float) -> None:
        if not specs:
            return
        request = {
            s.name: {
                "num_partitions": s.partitions,
                "replication_factor": s.replication_factor,
                "configs": dict(s.configs),
            }
            for s in specs
        }
        with translate_errors():
            result = self._admin.create_topics(request, timeout_ms=ms(timeout_s), raise_errors=False)
            for topic in result["topics"]:
                code = topic["error_code"]
                if code not in (0, kerrors.TopicAlreadyExistsError.errno):
                    err = kerrors.for_code(code)(topic.get("error_message") or topic["name"])
                    raise to_broker_error(err)
            self._admin.wait_for_topics([s.name for s in specs], timeout_ms=ms(timeout_s))

    def delete_topics(self, names: Sequence[str], timeout_s: float) -> None:
        if not names:
            return
        deadline = time.monotonic() + timeout_s
        with translate_errors():
            result = self._admin.delete_topics(list(names), timeout_ms=ms(timeout_s), raise_errors=False)
            for topic in result["topics"]:
                code = topic["error_code"]
                if code not in (0, kerrors.UnknownTopicOrPartitionError.errno):
                    raise to_broker_error(kerrors.for_code(code)(topic.get("error_message") or topic["name"]))
            while set(names) & self.list_topics():
                if time.monotonic() > deadline:
                    raise BrokerError(
                        f"topics still listed after {timeout_s}s: {sorted(names)}", retriable=True
                    )
                time.sleep(0.1)

    def list_topics(self) -> set[str]:
        with translate_errors():
            return {t for t in self._admin.list_topics() if not t.startswith("__")}

    def partitions_for(self, topic: str) -> list[int]:
        with translate_errors():
            (desc,) = self._admin.describe_topics([topic])
            if desc["error_code"]:
                raise to_broker_error(kerrors.for_code(desc["error_code"])(topic))
            return sorted(int(p["partition_index"]) for p in desc["partitions"])

    def committed_offsets(self, group_id: str) -> dict[TopicPartition, int]:
        deadline = time.monotonic() + 30.0
        while True:
            try:
                with translate_errors():
                    offsets = self._admin.list_group_offsets(group_id).get(group_id, {})
                return {seam_tp(tp): int(o.offset) for tp, o in offsets.items() if o.offset >= 0}
            except BrokerError as exc:  # coordinator still loading right after broker start
                if not exc.retriable or time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

    def describe_cluster(self) -> dict[str, object]:
        with translate_errors():
            info = self._admin.describe_cluster()
        return {
            "brokers": sorted(int(b["broker_id"]) for b in info["brokers"]),
            "controller_id": info.get("controller_id"),
            "cluster_id": info.get("cluster_id"),
        }

    def close(self) -> None:
        with translate_errors():
            self._admin.close()


class KafkaBroker:
    """Client factory for one Kafka cluster. ``*_overrides`` are raw kafka-python kwargs."""

    def __init__(
        self,
        bootstrap: str,
        *,
        consumer_overrides: Mapping[str, object] | None = None,
        producer_overrides: Mapping[str, object] | None = None,
        admin_overrides: Mapping[str, object] | None = None,
    ) -> None:
        self.bootstrap = bootstrap
        self.consumer_overrides = dict(consumer_overrides or {})
        self.producer_overrides = dict(producer_overrides or {})
        self.admin_overrides = dict(admin_overrides or {})

    def consumer(self, config: ConsumerConfig) -> Consumer:
        from worker.broker.kafka_consumer import KafkaConsumerClient

        return KafkaConsumerClient(self.bootstrap, config, self.consumer_overrides)

    def producer(self, config: ProducerConfig) -> Producer:
        return KafkaProducerClient(self.bootstrap, config, self.producer_overrides)

    def admin(self) -> Admin:
        return KafkaAdmin(self.bootstrap, self.admin_overrides)
