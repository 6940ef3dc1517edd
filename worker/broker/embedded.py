"""A real Apache Kafka (KRaft) broker or 3-node cluster on 127.0.0.1, run from Maven Central jars.

For tests, demos and benchmarks (recipe: ``/work/shared/design/kafka-broker.md``)::

    with EmbeddedKafka() as kafka:          # or KafkaCluster(nodes=3)
        use(kafka.bootstrap)                # "127.0.0.1:port,..."

``python -m worker.broker.embedded [--nodes N]`` starts one, prints the bootstrap and runs
until Ctrl-C/SIGTERM. Every JVM runs in its own process group and is killed on ``stop()``,
at interpreter exit, on SIGTERM/SIGHUP, and (Linux) when this process dies.
"""

from __future__ import annotations

import argparse
import atexit
import base64
import contextlib
import ctypes
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from types import FrameType, TracebackType

from worker.broker.embedded_config import jvm_flags, node_properties, write_properties
from worker.broker.embedded_jars import ensure_jars, require_tool
from worker.broker.embedded_probe import fetch_live_brokers

__all__ = ["EmbeddedKafka", "KafkaCluster", "KafkaStartError", "ensure_jars"]

_LIVE: set[KafkaCluster] = set()
_LIVE_LOCK = threading.Lock()
_HOOKS_INSTALLED = False


class KafkaStartError(RuntimeError):
    """The broker did not become ready (the message carries the tail of its log)."""


def _kill_all_live() -> None:
    with _LIVE_LOCK:
        clusters = list(_LIVE)
    for cluster in clusters:
        cluster.stop(graceful=False)


def _on_signal(signum: int, frame: FrameType | None) -> None:
    _kill_all_live()
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)


def _install_hooks() -> None:
    global _HOOKS_INSTALLED
    if _HOOKS_INSTALLED:
        return
    _HOOKS_INSTALLED = True
    atexit.register(_kill_all_live)
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGTERM, signal.SIGHUP):
            if signal.getsignal(sig) is signal.SIG_DFL:
                signal.signal(sig, _on_signal)


def _die_with_parent() -> None:  # pragma: no cover - runs in the forked child
    """preexec_fn: SIGKILL the JVM when the thread that started it dies (PR_SET_PDEATHSIG)."""
    with contextlib.suppress(OSError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)


def _cluster_id() -> str:
    """Like Kafka's Uuid.randomUuid(): URL-safe base64, unpadded, never starting with '-'
    (StorageTool's argparse would read such an id as an option)."""
    while True:
        cid = base64.urlsafe_b64encode(uuid.uuid4().bytes).rstrip(b"=").decode()
        if not cid.startswith("-"):
            return cid


def _free_ports(n: int) -> list[int]:
    import socket

    socks = []
    try:
        for _ in range(n):
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.bind(("127.0.0.1", 0))
            socks.append(s)
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


def _tail(path: Path, lines: int = 50) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


class KafkaCluster:
    """A KRaft cluster of ``nodes`` combined broker+controller JVMs in a fresh temp dir."""

    def __init__(
        self,
        nodes: int = 1,
        *,
        start_timeout_s: float = 90.0,
        extra_properties: dict[str, str] | None = None,
        heap_mb: int | None = None,
        keep_dir: bool = False,
    ) -> None:
        if nodes < 1:
            raise ValueError("nodes must be >= 1")
        self.nodes = nodes
        self.start_timeout_s = start_timeout_s
        self.extra_properties = dict(extra_properties or {})
        self.heap_mb = heap_mb if heap_mb is not None else (512 if nodes == 1 else 384)
        self.keep_dir = keep_dir
        self.cluster_id = _cluster_id()
        self.workdir: Path | None = None
        self.lib: Path | None = None
        self.ports: dict[int, int] = {}
        self.controller_ports: dict[int, int] = {}
        self._procs: dict[int, subprocess.Popen[bytes]] = {}
        self._lock = threading.RLock()
        self.start_seconds: float | None = None

    # -- public API ---------------------------------------------------------------------------

    @property
    def node_ids(self) -> list[int]:
        return list(range(1, self.nodes + 1))

    @property
    def bootstrap(self) -> str:
        if not self.ports:
            raise RuntimeError("cluster not started")
        return ",".join(f"127.0.0.1:{self.ports[n]}" for n in self.node_ids)

    def start(self) -> KafkaCluster:
        started = time.monotonic()
        require_tool("java")
        self.lib = ensure_jars()
        _install_hooks()
        with _LIVE_LOCK:
            _LIVE.add(self)
        last_error: Exception | None = None
        for _attempt in range(3):  # retry on a lost free-port race
            try:
                self._start_once()
                self.start_seconds = time.monotonic() - started
                return self
            except KafkaStartError as exc:
                last_error = exc
                self._kill_procs()
                if "Address already in use" not in str(exc):
                    break
        self.stop(graceful=False)
        assert last_error is not None
        raise last_error

    def stop(self, graceful: bool = True) -> None:
        """Kill every node (SIGTERM first for one node when graceful) and remove the temp dir."""
        with self._lock:
            self._kill_procs(graceful=graceful and self.nodes == 1)
            if self.workdir is not None and not self.keep_dir:
                shutil.rmtree(self.workdir, ignore_errors=True)
                self.workdir = None
        with _LIVE_LOCK:
            _LIVE.discard(self)

    def kill_node(self, node_id: int) -> None:
        """Crash one node (SIGKILL to its process group)."""
        with self._lock:
            proc = self._procs.pop(node_id, None)
            if proc is not None:
                self._signal(proc, signal.SIGKILL)
                proc.wait(timeout=30)

    def start_node(self, node_id: int, timeout_s: float | None = None) -> None:
        """(Re)start a node with its existing data dir; wait until it is an unfenced broker again."""
        with self._lock:
            if node_id in self._procs and self._procs[node_id].poll() is None:
                return
            self._spawn(node_id)
        self._wait_ready({node_id}, timeout_s or self.start_timeout_s)

    def restart(self, timeout_s: float | None = None) -> None:
        """Stop every node (keeping data) and start them again on the same ports."""
        with self._lock:
            self._kill_procs(graceful=self.nodes == 1)
            for node in self.node_ids:
                self._spawn(node)
        self._wait_ready(set(self.node_ids), timeout_s or self.start_timeout_s)

    def pids(self) -> dict[int, int]:
        """Node id -> pid of every running node JVM."""
        with self._lock:
            return {n: p.pid for n, p in self._procs.items() if p.poll() is None}

    def log_path(self, node_id: int) -> Path:
        assert self.workdir is not None
        return self.workdir / f"node-{node_id}" / "server.log"

    def __enter__(self) -> KafkaCluster:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    # -- internals ----------------------------------------------------------------------------

    def _start_once(self) -> None:
        if self.workdir is not None:
            shutil.rmtree(self.workdir, ignore_errors=True)
        self.workdir = Path(tempfile.mkdtemp(prefix="news-ingest-kafka-"))
        ports = _free_ports(2 * self.nodes)
        self.ports = {n: ports[2 * i] for i, n in enumerate(self.node_ids)}
        self.controller_ports = {n: ports[2 * i + 1] for i, n in enumerate(self.node_ids)}
        for node in self.node_ids:
            self._format(node)
        for node in self.node_ids:
            self._spawn(node)
        self._wait_ready(set(self.node_ids), self.start_timeout_s)

    def _props_path(self, node_id: int) -> Path:
        assert self.workdir is not None
        return self.workdir / f"node-{node_id}" / "server.properties"

    def _format(self, node_id: int) -> None:
        assert self.workdir is not None and self.lib is not None
        node_dir = self.workdir / f"node-{node_id}"
        (node_dir / "data").mkdir(parents=True)
        props = node_properties(
            node_id, self.nodes, self.ports, self.controller_ports, node_dir / "data", self.extra_properties
        )
        write_properties(self._props_path(node_id), props)
        cmd = ["java", *jvm_flags(256, small=True), "-cp", f"{self.lib}/*", "kafka.tools.StorageTool"]
        cmd += ["format", f"--cluster-id={self.cluster_id}", "--config", str(self._props_path(node_id))]
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
        if result.returncode != 0:
            out = (result.stdout + result.stderr).strip().splitlines()[-50:]
            raise KafkaStartError(f"StorageTool format failed for node {node_id}:\n" + "\n".join(out))

    def _spawn(self, node_id: int) -> None:
        assert self.lib is not None
        log = self.log_path(node_id)
        cmd = ["java", *jvm_flags(self.heap_mb), "-cp", f"{self.lib}/*", "kafka.Kafka"]
        cmd.append(str(self._props_path(node_id)))
        on_main = threading.current_thread() is threading.main_thread()
        with log.open("ab") as out:
            self._procs[node_id] = subprocess.Popen(
                cmd,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                cwd=str(log.parent),
                preexec_fn=_die_with_parent if on_main and sys.platform == "linux" else None,
            )

    def _wait_ready(self, expected: set[int], timeout_s: float) -> None:
        deadline = time.monotonic() + timeout_s
        while True:
            with self._lock:
                procs = {n: self._procs.get(n) for n in expected}
            for node, proc in procs.items():
                if proc is None or proc.poll() is not None:
                    code = None if proc is None else proc.returncode
                    raise KafkaStartError(
                        f"Kafka node {node} exited early (code {code}); last log lines of "
                        f"{self.log_path(node)}:\n{_tail(self.log_path(node))}"
                    )
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                tails = "\n".join(f"--- node {n} ---\n{_tail(self.log_path(n))}" for n in sorted(expected))
                raise KafkaStartError(f"Kafka not ready after {timeout_s:.0f}s:\n{tails}")
            live = fetch_live_brokers(
                [f"127.0.0.1:{self.ports[n]}" for n in sorted(expected)], min(5.0, remaining)
            )
            if expected <= live:
                return
            time.sleep(0.2)

    @staticmethod
    def _signal(proc: subprocess.Popen[bytes], sig: int) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, sig)

    def _kill_procs(self, graceful: bool = False) -> None:
        with self._lock:
            procs, self._procs = self._procs, {}
        if graceful:
            for proc in procs.values():
                self._signal(proc, signal.SIGTERM)
            deadline = time.monotonic() + 5.0
            for proc in procs.values():
                with contextlib.suppress(subprocess.TimeoutExpired):
                    proc.wait(timeout=max(0.0, deadline - time.monotonic()))
        for proc in procs.values():
            self._signal(proc, signal.SIGKILL)  # the whole group: nothing may outlive us
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=30)


EmbeddedKafka = KafkaCluster


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m worker.broker.embedded", description=__doc__)
    parser.add_argument("--nodes", type=int, default=1, help="1 (default) or 3")
    parser.add_argument("--timeout", type=float, default=120.0, help="start timeout in seconds")
    args = parser.parse_args(argv)
    stop = threading.Event()

    def _request_stop(signum: int, frame: FrameType | None) -> None:
        stop.set()

    cluster = KafkaCluster(nodes=args.nodes, start_timeout_s=args.timeout)
    try:
        cluster.start()  # Ctrl-C here raises KeyboardInterrupt; SIGTERM runs the module hook
        signal.signal(signal.SIGTERM, _request_stop)
        signal.signal(signal.SIGINT, _request_stop)
        sys.stdout.write(f"{cluster.bootstrap}\n")
        sys.stdout.flush()
        sys.stderr.write(
            f"Kafka ({args.nodes} node(s)) ready in {cluster.start_seconds:.1f}s, logs in {cluster.workdir}; "
            "Ctrl-C to stop\n"
        )
        while not stop.wait(0.5):
            pass
    finally:
        cluster.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
