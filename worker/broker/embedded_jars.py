"""Fetch (once) and cache the Apache Kafka broker jars from Maven Central via ``kafka/pom.xml``.

The cache lives outside the repository:
``${NEWS_INGEST_CACHE:-~/.cache/news-ingest}/kafka-<version>-<pomhash>/lib``. A marker file
records a complete download, so later runs need neither network nor Maven.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import worker

MARKER = ".complete"


class ToolMissingError(RuntimeError):
    """``java`` or ``mvn`` is not installed (or not on PATH)."""


def repo_root() -> Path:
    return Path(worker.__file__).resolve().parent.parent


def pom_path() -> Path:
    return repo_root() / "kafka" / "pom.xml"


def kafka_version(pom: Path | None = None) -> str:
    text = (pom or pom_path()).read_text(encoding="utf-8")
    match = re.search(r"<kafka\.version>\s*([^<\s]+)\s*</kafka\.version>", text)
    if match is None:
        raise RuntimeError(f"no <kafka.version> property in {pom or pom_path()}")
    return match.group(1)


def cache_root() -> Path:
    env = os.environ.get("NEWS_INGEST_CACHE")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "news-ingest"


def lib_dir(pom: Path | None = None) -> Path:
    pom = pom or pom_path()
    digest = hashlib.sha256(pom.read_bytes()).hexdigest()[:12]
    return cache_root() / f"kafka-{kafka_version(pom)}-{digest}" / "lib"


def require_tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        hint = {
            "java": "install a JDK >= 17 (e.g. `apt-get install openjdk-17-jre-headless`)",
            "mvn": "install Maven >= 3.6 (e.g. `apt-get install maven`), or pre-populate the jar cache",
        }[name]
        raise ToolMissingError(f"`{name}` not found on PATH: {hint}")
    return found


def is_complete(lib: Path) -> bool:
    marker = lib / MARKER
    if not marker.is_file():
        return False
    names = [n for n in marker.read_text(encoding="utf-8").splitlines() if n]
    return bool(names) and all((lib / n).is_file() for n in names)


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a+") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def _run_mvn(mvn: str, pom: Path, out: Path, offline: bool) -> subprocess.CompletedProcess[str]:
    cmd = [mvn, "-q", "-B"]
    if offline:
        cmd.append("-o")
    cmd += [
        "-f",
        str(pom),
        "dependency:copy-dependencies",
        "-DincludeScope=runtime",
        f"-DoutputDirectory={out}",  # absolute: Maven resolves relative paths against the POM dir
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=900, check=False)


def ensure_jars(pom: Path | None = None) -> Path:
    """Return the directory holding the broker jars, downloading them on first use."""
    pom = (pom or pom_path()).resolve()
    if not pom.is_file():
        raise FileNotFoundError(f"Kafka POM not found at {pom}")
    lib = lib_dir(pom)
    if is_complete(lib):
        return lib
    require_tool("java")
    mvn = require_tool("mvn")
    with _file_lock(lib.parent / ".lock"):
        if is_complete(lib):  # another process finished meanwhile
            return lib
        tmp = Path(tempfile.mkdtemp(prefix="lib-", dir=lib.parent))
        try:
            result = _run_mvn(mvn, pom, tmp, offline=False)
            if result.returncode != 0:
                online_err = (result.stdout + result.stderr).strip()
                result = _run_mvn(mvn, pom, tmp, offline=True)
                if result.returncode != 0:
                    offline_err = (result.stdout + result.stderr).strip()
                    raise RuntimeError(
                        f"mvn dependency:copy-dependencies failed for {pom}\n--- online ---\n"
                        f"{online_err[-3000:]}\n--- offline (-o) ---\n{offline_err[-3000:]}"
                    )
            jars = sorted(p.name for p in tmp.glob("*.jar"))
            if not any(j.startswith("kafka_2.13-") for j in jars):
                raise RuntimeError(f"mvn produced no kafka_2.13 jar in {tmp}: {jars}")
            (tmp / MARKER).write_text("\n".join(jars) + "\n", encoding="utf-8")
            if lib.exists():
                shutil.rmtree(lib)
            tmp.rename(lib)
        finally:
            if tmp.exists():
                shutil.rmtree(tmp, ignore_errors=True)
    return lib


def main() -> int:
    """``python -m worker.broker.embedded_jars``: fetch the broker jars (used by ``make install``)."""
    try:
        lib = ensure_jars()
    except (ToolMissingError, RuntimeError, FileNotFoundError) as exc:
        print(f"news-ingest: cannot fetch the Kafka broker jars: {exc}", file=sys.stderr)
        return 1
    print(f"Kafka broker jars ({kafka_version()}): {lib} ({len(list(lib.glob('*.jar')))} jars)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
