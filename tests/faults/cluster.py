"""Brokers for the scenarios, and partition leadership read from cluster metadata.

Leaders are read with kafka-python's admin client directly (tests may import kafka-python; the
worker's own seam has no notion of leaders and does not need one).
"""

from __future__ import annotations

import contextlib
import time
import warnings
from typing import Any

from worker.broker.embedded import KafkaCluster


def start_cluster(nodes: int) -> KafkaCluster:
    # KafkaCluster applies the recipe's fast-failover settings (RF 3, min ISR 2, short broker
    # session and replica lag) itself when nodes > 1.
    return KafkaCluster(nodes=nodes, start_timeout_s=120).start()


def _admin(bootstrap: str) -> Any:
    from kafka.admin.client import KafkaAdminClient

    return KafkaAdminClient(
        bootstrap_servers=bootstrap.split(","), client_id="faults-metadata", request_timeout_ms=10_000
    )


def partition_state(bootstrap: str, topics: list[str]) -> dict[tuple[str, int], tuple[int, list[int]]]:
    """(topic, partition) -> (leader id, in-sync replica ids); leader -1 while there is none."""
    admin = _admin(bootstrap)
    try:
        out: dict[tuple[str, int], tuple[int, list[int]]] = {}
        for desc in admin.describe_topics(topics):
            for p in desc["partitions"]:
                out[(str(desc["name"]), int(p["partition_index"]))] = (
                    int(p["leader_id"]),
                    sorted(int(n) for n in p["isr_nodes"]),
                )
        return out
    finally:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            with contextlib.suppress(Exception):
                admin.close()


def leader_of(bootstrap: str, topic: str, partition: int) -> int:
    return partition_state(bootstrap, [topic])[(topic, partition)][0]


def wait_fully_replicated(bootstrap: str, topics: list[str], replicas: int, timeout_s: float = 90) -> None:
    """Until every partition of ``topics`` has a leader and ``replicas`` in-sync replicas."""
    deadline = time.monotonic() + timeout_s
    state: dict[tuple[str, int], tuple[int, list[int]]] = {}
    while time.monotonic() < deadline:
        with contextlib.suppress(Exception):  # any metadata failure: not ready yet
            state = partition_state(bootstrap, topics)
            if state and all(leader >= 0 and len(isr) >= replicas for leader, isr in state.values()):
                return
        time.sleep(0.5)
    raise TimeoutError(f"partitions not fully replicated after {timeout_s}s: {state}")


def leaderships(bootstrap: str, node: int, topics: list[str]) -> list[str]:
    """The partitions ``node`` currently leads, as ``topic[p]`` strings."""
    return [
        f"{t}[{p}]"
        for (t, p), (leader, _) in sorted(partition_state(bootstrap, topics).items())
        if leader == node
    ]
