"""Enrichment works with the network blocked and the tables loaded from scratch."""

from __future__ import annotations

import socket
from datetime import UTC, datetime
from typing import Any

import pytest

from tests.enrich_fixtures import dev_articles
from worker.pipeline.enrich import DedupIndex, enrich, load_tables


def _no_network(*args: Any, **kwargs: Any) -> None:
    raise OSError("network blocked by test")


def test_enrich_offline_from_scratch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket.socket, "connect", _no_network)
    monkeypatch.setattr(socket.socket, "connect_ex", _no_network)
    monkeypatch.setattr(socket, "create_connection", _no_network)
    monkeypatch.setattr(socket, "getaddrinfo", _no_network)
    load_tables.cache_clear()
    tables = load_tables()
    dedup = DedupIndex(1000)
    now = datetime(2024, 1, 1, tzinfo=UTC)
    results = [enrich(a, tables=tables, dedup=dedup, now=now, source="UPI") for _, a in dev_articles()[:40]]
    assert len(results) == 40
    assert all(r.language.code == "en" for r in results)
    assert sum(len(r.countries) for r in results) > 40
