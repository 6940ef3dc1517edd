"""Readiness probe for the embedded broker: which broker ids are registered and unfenced."""

from __future__ import annotations

import contextlib
import gc
import logging
import socket
import warnings

from kafka.admin.client import KafkaAdminClient


def _accepts_tcp(address: str) -> bool:
    host, _, port = address.rpartition(":")
    try:
        with socket.create_connection((host, int(port)), timeout=0.5):
            return True
    except OSError:
        return False


def fetch_live_brokers(bootstrap: list[str], timeout_s: float) -> set[int]:
    """Broker ids visible (and not fenced) via describe_cluster; empty set if unreachable."""
    reachable = [a for a in bootstrap if _accepts_tcp(a)]
    if not reachable:
        return set()
    logger = logging.getLogger("kafka")
    level = logger.level
    admin = None
    try:
        logger.setLevel(logging.CRITICAL)  # connection noise while the JVM boots
        admin = KafkaAdminClient(
            bootstrap_servers=reachable,
            client_id="news-ingest-probe",
            bootstrap_timeout_ms=max(500, int(timeout_s * 1000)),
            request_timeout_ms=max(1000, int(timeout_s * 1000)),
        )
        info = admin.describe_cluster()
        return {int(b["broker_id"]) for b in info.get("brokers", []) if not b.get("is_fenced", False)}
    except Exception:  # noqa: BLE001 - any failure means "not ready yet"
        return set()
    finally:
        with warnings.catch_warnings():
            # a failed KafkaAdminClient() leaks its sockets (kafka-python 3.0.12): finalize them quietly
            warnings.simplefilter("ignore", ResourceWarning)
            if admin is not None:
                with contextlib.suppress(Exception):
                    admin.close()
            else:
                gc.collect()
        logger.setLevel(level)
