"""server.properties and JVM flags for the embedded KRaft broker (recipe §3-§5, verified on 4.1.1)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

MAX_MESSAGE_BYTES = 10_485_760  # 2 MB articles (+ headroom) must fit

_COMMON = {
    "process.roles": "broker,controller",
    "inter.broker.listener.name": "PLAINTEXT",
    "controller.listener.names": "CONTROLLER",
    "listener.security.protocol.map": "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
    "offsets.topic.num.partitions": "1",
    "transaction.state.log.num.partitions": "1",
    "group.initial.rebalance.delay.ms": "0",
    "group.min.session.timeout.ms": "1000",
    "num.partitions": "1",
    "auto.create.topics.enable": "false",
    "num.network.threads": "2",
    "num.io.threads": "2",
    "num.recovery.threads.per.data.dir": "1",
    "background.threads": "2",
    "log.cleaner.dedupe.buffer.size": "2097152",
    "message.max.bytes": str(MAX_MESSAGE_BYTES),
    "replica.fetch.max.bytes": str(MAX_MESSAGE_BYTES),
    "replica.fetch.response.max.bytes": str(2 * MAX_MESSAGE_BYTES),
}

_SINGLE = {
    "default.replication.factor": "1",
    "min.insync.replicas": "1",
    "offsets.topic.replication.factor": "1",
    "transaction.state.log.replication.factor": "1",
    "transaction.state.log.min.isr": "1",
    "share.coordinator.state.topic.replication.factor": "1",
    "share.coordinator.state.topic.min.isr": "1",
}

_MULTI = {
    "default.replication.factor": "3",
    "min.insync.replicas": "2",
    "offsets.topic.replication.factor": "3",
    "transaction.state.log.replication.factor": "3",
    "transaction.state.log.min.isr": "2",
    "unclean.leader.election.enable": "false",
    "broker.session.timeout.ms": "3000",
    "broker.heartbeat.interval.ms": "500",
    "replica.lag.time.max.ms": "3000",
}


def node_properties(
    node_id: int,
    nodes: int,
    ports: Mapping[int, int],
    controller_ports: Mapping[int, int],
    data_dir: Path,
    extra: Mapping[str, str],
) -> dict[str, str]:
    voters = ",".join(f"{n}@127.0.0.1:{controller_ports[n]}" for n in sorted(controller_ports))
    props = dict(_COMMON)
    props.update(_SINGLE if nodes == 1 else _MULTI)
    if nodes > 1:  # RF/ISR values fit 3+ nodes; for 2 nodes clamp to what can be satisfied
        rf = str(min(3, nodes))
        for key in ("default.replication.factor", "offsets.topic.replication.factor"):
            props[key] = rf
        props["transaction.state.log.replication.factor"] = rf
    props.update(
        {
            "node.id": str(node_id),
            "controller.quorum.voters": voters,
            "listeners": f"PLAINTEXT://127.0.0.1:{ports[node_id]},CONTROLLER://127.0.0.1:{controller_ports[node_id]}",
            "advertised.listeners": f"PLAINTEXT://127.0.0.1:{ports[node_id]}",
            "log.dirs": str(data_dir),
        }
    )
    props.update(extra)
    return props


def write_properties(path: Path, props: Mapping[str, str]) -> None:
    path.write_text("".join(f"{k}={v}\n" for k, v in props.items()), encoding="utf-8")


def jvm_flags(heap_mb: int, small: bool = False) -> list[str]:
    """Small heap, C1-only JIT and serial GC: the fastest start on 2 cores (measured)."""
    flags = [
        f"-Xms{min(256, heap_mb)}m",
        f"-Xmx{heap_mb}m",
        "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC",
        "-XX:+ExitOnOutOfMemoryError",
        "-XX:-UsePerfData",
        "-Djava.awt.headless=true",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
        "-Dorg.slf4j.simpleLogger.showDateTime=true",
        "-Dorg.slf4j.simpleLogger.log.kafka=warn",
        "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=warn",
        "-Dorg.slf4j.simpleLogger.log.state.change.logger=warn",
    ]
    if small:  # one-shot tools (StorageTool)
        flags += ["-Xshare:auto"]
    return flags
