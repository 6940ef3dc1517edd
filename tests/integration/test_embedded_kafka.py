"""The embedded Kafka launcher: start/stop, no JVM left behind, 3-node failover, restarts, CLI."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from worker.broker.embedded import KafkaCluster
from worker.broker.kafka import KafkaBroker
from worker.broker.types import ConsumerConfig, ProducerConfig, Record, TopicPartition, TopicSpec

pytestmark = pytest.mark.integration


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _kafka_jvms(ours: set[int]) -> set[int]:
    """PIDs among ``ours`` that pgrep still reports as kafka.Kafka processes."""
    out = subprocess.run(["pgrep", "-f", "kafka.Kafka"], capture_output=True, text=True, check=False).stdout
    return {int(p) for p in out.split()} & ours


def _read_all(broker: KafkaBroker, topic: str, n: int, timeout_s: float = 60.0) -> list[Record]:
    consumer = broker.consumer(ConsumerConfig(group_id=None))
    try:
        consumer.assign([TopicPartition(topic, 0)])
        records: list[Record] = []
        deadline = time.monotonic() + timeout_s
        while len(records) < n and time.monotonic() < deadline:
            records += consumer.poll(0.5, 500)
        return records
    finally:
        consumer.close()


def _send_all(broker: KafkaBroker, topic: str, values: list[bytes], timeout_s: float = 60.0) -> None:
    producer = broker.producer(ProducerConfig())
    try:
        handles = [producer.send(topic, None, v) for v in values]
        assert [h.wait(timeout_s) for h in handles] == [None] * len(values)
    finally:
        producer.close(10)


def test_single_node_start_restart_stop_leaves_no_jvm() -> None:
    cluster = KafkaCluster()
    with cluster:
        pids = set(cluster.pids().values())
        assert len(pids) == 1 and all(_alive(p) for p in pids)
        assert cluster.bootstrap.startswith("127.0.0.1:")
        broker = KafkaBroker(cluster.bootstrap)
        admin = broker.admin()
        admin.create_topics([TopicSpec("keep", 1)], 30)
        admin.close()
        _send_all(broker, "keep", [b"survives-restart"])
        cluster.restart()
        pids |= set(cluster.pids().values())
        assert [r.value for r in _read_all(broker, "keep", 1)] == [b"survives-restart"]
        workdir = cluster.workdir
    assert not any(_alive(p) for p in pids)
    assert not _kafka_jvms(pids)
    assert workdir is not None and not workdir.exists()


def test_three_node_cluster_survives_losing_a_node() -> None:
    with KafkaCluster(nodes=3) as cluster:
        assert sorted(cluster.pids()) == [1, 2, 3]
        broker = KafkaBroker(cluster.bootstrap)
        admin = broker.admin()
        try:
            assert admin.describe_cluster()["brokers"] == [1, 2, 3]
            admin.create_topics([TopicSpec("ha", 1, 3, {"min.insync.replicas": "2"})], 60)
            _send_all(broker, "ha", [b"before"])
            cluster.kill_node(2)
            assert sorted(cluster.pids()) == [1, 3]
            _send_all(broker, "ha", [b"during"])  # RF=3, min.insync=2: still writable with 2 nodes
            assert [r.value for r in _read_all(broker, "ha", 2)] == [b"before", b"during"]
            cluster.start_node(2)
            assert sorted(cluster.pids()) == [1, 2, 3]
            assert admin.describe_cluster()["brokers"] == [1, 2, 3]
        finally:
            admin.close()
        pids = set(cluster.pids().values())
    assert not _kafka_jvms(pids)


def test_cli_prints_bootstrap_and_stops_on_sigterm(tmp_path: Path) -> None:
    with (tmp_path / "cli.err").open("wb") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "worker.broker.embedded"], stdout=subprocess.PIPE, stderr=err, text=True
        )
    try:
        assert proc.stdout is not None
        bootstrap = proc.stdout.readline().strip()
        assert bootstrap.startswith("127.0.0.1:"), (tmp_path / "cli.err").read_text()
        admin = KafkaBroker(bootstrap).admin()
        assert admin.describe_cluster()["brokers"] == [1]
        admin.close()
        port = int(bootstrap.rsplit(":", 1)[1])
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
        with pytest.raises(OSError):  # the JVM is gone: nothing listens on the port any more
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()
