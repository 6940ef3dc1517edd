"""The probe server: /metrics exposition parses, /livez tracks loop progress, /readyz readiness."""

from __future__ import annotations

import urllib.error
import urllib.request

from prometheus_client import CollectorRegistry
from prometheus_client.parser import text_string_to_metric_families

from worker import __version__
from worker.metrics import Metrics
from worker.runtime.health import Health
from worker.runtime.probes import ProbeServer


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return int(resp.status), resp.read().decode()
    except urllib.error.HTTPError as exc:
        return int(exc.code), exc.read().decode()


def test_probe_endpoints() -> None:
    now = [1000.0]
    registry = CollectorRegistry()
    metrics = Metrics(registry)
    metrics.preinit("raw", "events")
    health = Health(stall_after_s=30, clock=lambda: now[0])
    server = ProbeServer(registry, health, "127.0.0.1", 0).start()
    try:
        assert _get(server.url + "/livez")[0] == 200  # starting counts as alive
        assert _get(server.url + "/readyz") == (503, "fail: not started\n")
        health.mark_started()
        health.set_assignment(3)
        assert _get(server.url + "/readyz") == (200, "ok: ok; 3 partitions assigned\n")
        health.note_failure("raw[0]", now[0])
        health.set_ready(False, "sends failing on raw[0] since 31s")
        status, body = _get(server.url + "/readyz")
        assert status == 503 and "sends failing" in body
        health.clear_failure("raw[0]")
        assert _get(server.url + "/readyz")[0] == 200
        now[0] += 31  # the loop stopped ticking: a stuck loop is not live, nor ready
        status, body = _get(server.url + "/livez")
        assert status == 503 and "stalled" in body
        assert _get(server.url + "/readyz")[0] == 503
        health.tick(now[0], 0.01)
        assert _get(server.url + "/livez")[0] == 200
        status, text = _get(server.url + "/metrics")
        assert status == 200
        names = {f.name for f in text_string_to_metric_families(text)}
        assert {
            "news_ingest_messages_processed",
            "news_ingest_dlq_messages",
            "news_ingest_consumer_lag_seconds",
            "news_ingest_build_info",
        } <= names
        assert _get(server.url + "/nope")[0] == 404
    finally:
        server.stop()


def test_build_info_says_which_parser_build_runs() -> None:
    registry = CollectorRegistry()
    Metrics(registry, git_sha="abc", parser_build="python")
    value = registry.get_sample_value(
        "news_ingest_build_info", {"version": __version__, "git_sha": "abc", "parser_build": "python"}
    )
    assert value == 1.0
    registry = CollectorRegistry()
    Metrics(registry)  # the build that is actually active
    families = [f for f in registry.collect() if f.name == "news_ingest_build_info"]
    assert families[0].samples[0].labels["parser_build"] in ("native", "python")


def test_metric_names_follow_conventions() -> None:
    registry = CollectorRegistry()
    Metrics(registry).preinit("raw", "events")
    for family in registry.collect():
        assert family.name.startswith("news_ingest_"), family.name
        for sample in family.samples:
            if family.type == "counter" and sample.name.endswith(("_total",)):
                continue
            assert set(sample.labels) <= {
                "topic",
                "partition",
                "outcome",
                "reason",
                "stage",
                "error_type",
                "event",
                "result",
                "client",
                "name",
                "version",
                "git_sha",
                "parser_build",
                "le",
            }
