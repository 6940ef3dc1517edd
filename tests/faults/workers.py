"""The worker under test as subprocesses (``python -m worker run``), each in its own process group.

Nothing may outlive the harness: every process is tracked in a module-wide set and killed (its whole
group) by :meth:`Fleet.close`, at interpreter exit, and -- on Linux -- when the spawning thread dies
(``PR_SET_PDEATHSIG``).
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Mapping
from pathlib import Path

_LIVE: set[subprocess.Popen[bytes]] = set()
_LIVE_LOCK = threading.Lock()


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=10)


def _kill_all_live() -> None:
    with _LIVE_LOCK:
        procs = list(_LIVE)
        _LIVE.clear()
    for proc in procs:
        _kill_group(proc)


atexit.register(_kill_all_live)


def _die_with_parent() -> None:  # pragma: no cover - runs in the forked child
    with contextlib.suppress(OSError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)


_SNAPSHOT: Path | None = None


def code_snapshot(base: Path) -> Path:
    """A frozen copy of the ``worker`` package (made once per process) for every worker start.

    Other people edit the tree while a long fault run goes on; a half-saved edit must not crash a
    restarted worker and be reported as a fault result. The copy is checked to import.
    """
    global _SNAPSHOT
    if _SNAPSHOT is not None and _SNAPSHOT.is_dir():
        return _SNAPSHOT
    import worker

    dest = base / "code"
    shutil.rmtree(dest, ignore_errors=True)
    shutil.copytree(
        Path(worker.__file__).parent, dest / "worker", ignore=shutil.ignore_patterns("__pycache__")
    )
    check = subprocess.run(
        [sys.executable, "-c", "import worker.app, worker.cli"],
        cwd=dest,
        env={**os.environ, "PYTHONPATH": str(dest)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if check.returncode != 0:
        raise RuntimeError(f"the worker package does not import:\n{check.stderr[-2000:]}")
    _SNAPSHOT = dest
    return dest


class WorkerProcess:
    """One ``news-ingest run`` subprocess; output goes to ``log`` (appended across restarts)."""

    def __init__(self, name: str, env: Mapping[str, str], log: Path, code: Path | None = None) -> None:
        self.name, self.log, self.code = name, log, code
        self.env = dict(env)
        if code is not None:
            self.env["PYTHONPATH"] = str(code)
        self.proc: subprocess.Popen[bytes] | None = None
        self.exit_codes: list[int] = []

    def start(self) -> WorkerProcess:
        if self.alive:
            raise RuntimeError(f"{self.name} is already running")
        on_main = threading.current_thread() is threading.main_thread()
        with self.log.open("ab") as out:
            out.write(f"=== {self.name} start at {time.time():.3f}\n".encode())
            out.flush()
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "worker", "run"],
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                cwd=self.code,
                preexec_fn=_die_with_parent if on_main and sys.platform == "linux" else None,
            )
        with _LIVE_LOCK:
            _LIVE.add(self.proc)
        return self

    @property
    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    @property
    def pid(self) -> int | None:
        return self.proc.pid if self.proc is not None else None

    def _reap(self, proc: subprocess.Popen[bytes]) -> int:
        code = proc.wait()
        with _LIVE_LOCK:
            _LIVE.discard(proc)
        self.exit_codes.append(code)
        self.proc = None
        return code

    def kill(self) -> int:
        """SIGKILL (the whole process group) and reap; returns the exit code (-9)."""
        if self.proc is None:
            raise RuntimeError(f"{self.name} is not running")
        proc = self.proc
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
        return self._reap(proc)

    def terminate(self, timeout_s: float = 90.0, *, signalled: bool = False) -> int:
        """SIGTERM (graceful drain) and wait; SIGKILL after ``timeout_s``. Returns the exit code."""
        if self.proc is None:
            raise RuntimeError(f"{self.name} is not running")
        proc = self.proc
        if not signalled:
            with contextlib.suppress(ProcessLookupError):
                proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)
        return self._reap(proc)

    def tail(self, lines: int = 40) -> str:
        try:
            text = self.log.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(no log)"
        return "\n".join(text.splitlines()[-lines:])


class Fleet:
    """The workers of one scenario, sharing one environment (per-worker overrides allowed)."""

    def __init__(self, base_env: Mapping[str, str], log_dir: Path, code: Path | None = None) -> None:
        self.base_env = dict(base_env)
        self.log_dir, self.code = log_dir, code
        self.workers: dict[str, WorkerProcess] = {}

    def add(self, name: str, **env: str) -> WorkerProcess:
        merged = {**self.base_env, **env}
        worker = WorkerProcess(name, merged, self.log_dir / f"{name}.log", self.code)
        self.workers[name] = worker
        return worker.start()

    def alive(self) -> list[WorkerProcess]:
        return [w for w in self.workers.values() if w.alive]

    def dead(self) -> list[WorkerProcess]:
        """Workers that exited on their own (not through kill/terminate): a crash to report."""
        return [w for w in self.workers.values() if w.proc is not None and w.proc.poll() is not None]

    def terminate_all(self, timeout_s: float = 90.0) -> dict[str, int]:
        for w in self.alive():
            assert w.proc is not None
            with contextlib.suppress(ProcessLookupError):
                w.proc.send_signal(signal.SIGTERM)
        return {
            w.name: w.terminate(timeout_s, signalled=True)
            for w in list(self.workers.values())
            if w.proc is not None
        }

    def close(self) -> None:
        """Kill whatever is still running (idempotent)."""
        for w in self.workers.values():
            if w.proc is not None:
                _kill_group(w.proc)
                with _LIVE_LOCK:
                    _LIVE.discard(w.proc)
                w.proc = None


def worker_env(
    bootstrap: str, input_topic: str, output_topic: str, dlq_topic: str, group: str
) -> dict[str, str]:
    """The inherited environment minus any INGEST_*, plus the scenario's topics and fast settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("INGEST_")}
    env.update(
        INGEST_BOOTSTRAP_SERVERS=bootstrap,
        INGEST_INPUT_TOPIC=input_topic,
        INGEST_OUTPUT_TOPIC=output_topic,
        INGEST_DLQ_TOPIC=dlq_topic,
        INGEST_GROUP_ID=group,
        INGEST_METRICS_PORT="0",
        INGEST_SESSION_TIMEOUT_S="10",
        INGEST_COMMIT_INTERVAL_S="0.2",  # finer progress signal for the harness (default 1 s)
        INGEST_LOG_LEVEL="INFO",
        PYTHONUNBUFFERED="1",
    )
    return env
