"""Readiness probe for the embedded broker: which broker ids are registered and unfenced."""

from __future__ import annotations

import contextlib
import logging

from kafka.admin.client import KafkaAdminClient


def fetch_live_brokers(bootstrap: list[str], timeout_s: float) -> set[int]:
    """Broker ids visible (and not fenced) via describe_cluster; empty set if unreachable."""
    logger = logging.getLogger("kafka")
    level = logger.level
    admin = None
    try:
        logger.setLevel(logging.CRITICAL)  # connection-refused noise while the JVM boots
        admin = KafkaAdminClient(
            bootstrap_servers=bootstrap,
            client_id="news-ingest-probe",
            bootstrap_timeout_ms=max(500, int(timeout_s * 1000)),
            request_timeout_ms=max(1000, int(timeout_s * 1000)),
        )
        info = admin.describe_cluster()
        return {int(b["broker_id"]) for b in info.get("brokers", []) if not b.get("is_fenced", False)}
    except Exception:  # noqa: BLE001 - any failure means "not ready yet"
        return set()
    finally:
        if admin is not None:
            with contextlib.suppress(Exception):
                admin.close()
        logger.setLevel(level)
