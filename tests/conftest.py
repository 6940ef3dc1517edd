"""Shared pytest fixtures. Keep each group of fixtures under its own header."""

from __future__ import annotations

import gc
import os
import re
import uuid
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

# kafka-python 3.0.12 loads its protocol schemas with importlib.resources.read_text at import
# time; that DeprecationWarning is attributed to importlib (not kafka.*), so the pyproject filter
# misses it and "error" turns it into a collection error. Import kafka-python once, quietly.
with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import kafka  # noqa: F401  (its __init__ imports the consumer, producer and admin modules)

# ---------------------------------------------------------------------------------------------
# Environment hygiene
# ---------------------------------------------------------------------------------------------

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "dev" / "articles.jsonl"


def pytest_sessionstart(session: pytest.Session) -> None:
    """In CI the shared development corpus must be there: tests that need it never skip in CI."""
    if os.environ.get("CI") and not SHARED_DATA.is_file():
        pytest.exit(f"CI run without the development corpus at {SHARED_DATA}", returncode=1)


@pytest.fixture(autouse=True)
def _no_ingest_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never see the developer's INGEST_* settings."""
    for key in list(os.environ):
        if key.startswith("INGEST_"):
            monkeypatch.delenv(key)


# ---------------------------------------------------------------------------------------------
# Broker (worker/broker): a real Kafka for the session, unique names
# ---------------------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _quiet_kafka_socket_garbage(request: pytest.FixtureRequest) -> Iterator[None]:
    """kafka-python 3.0.12 drops sockets without closing them (a failed connect() in
    kafka/net/inet.py; an in-flight connect when a client closes), so CPython emits ``ResourceWarning:
    unclosed <socket...>`` -- sometimes only at a later GC pass -- which ``filterwarnings=error`` turns
    into an error of whatever test runs then. For integration tests (real brokers, which die and
    restart) ignore exactly that warning while the test and its fixtures run, then collect the garbage.
    """
    if request.node.get_closest_marker("integration") is None:
        yield
        return
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="unclosed <socket", category=ResourceWarning)
        yield
        gc.collect()


@pytest.fixture(scope="session")
def kafka_bootstrap() -> Iterator[str]:
    """``$KAFKA_BOOTSTRAP`` if set, else one embedded single-node KRaft broker for the session."""
    external = os.environ.get("KAFKA_BOOTSTRAP")
    if external:
        yield external
        return
    from worker.broker.embedded import EmbeddedKafka

    kafka = EmbeddedKafka()
    kafka.start()
    try:
        yield kafka.bootstrap
    finally:
        kafka.stop()


@pytest.fixture
def unique_name(request: pytest.FixtureRequest) -> Callable[[str], str]:
    """``unique_name("topic")`` -> ``"topic-<test name>-<8 hex>"``: valid Kafka topic/group ids."""
    base = re.sub(r"[^A-Za-z0-9._-]+", "-", request.node.name)[:80].strip("-")

    def make(prefix: str) -> str:
        return f"{prefix}-{base}-{uuid.uuid4().hex[:8]}"

    return make


@pytest.fixture
def topic_factory(unique_name: Callable[[str], str]) -> Callable[..., str]:
    """``topic_factory(admin, partitions=1, replication_factor=1, configs=None) -> name``."""
    from worker.broker.types import Admin, TopicSpec

    def make(
        admin: Admin,
        partitions: int = 1,
        replication_factor: int = 1,
        configs: dict[str, str] | None = None,
        prefix: str = "t",
    ) -> str:
        name = unique_name(prefix)
        admin.create_topics([TopicSpec(name, partitions, replication_factor, configs or {})], timeout_s=30)
        return name

    return make
