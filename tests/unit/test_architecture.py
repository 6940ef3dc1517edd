"""The tree is the design: purity of the pipeline and the single broker seam are enforced."""

from __future__ import annotations

import ast
from pathlib import Path

import worker

ROOT = Path(worker.__file__).parent
FORBIDDEN_IN_PIPELINE = ("kafka", "prometheus_client", "worker.broker", "worker.runtime", "socket", "os")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_pipeline_is_pure() -> None:
    offenders = []
    for path in (ROOT / "pipeline").rglob("*.py"):
        for name in _imports(path):
            if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN_IN_PIPELINE):
                offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert not offenders, offenders


def test_only_the_broker_package_imports_kafka_python() -> None:
    offenders = []
    for path in ROOT.rglob("*.py"):
        if path.parent.name == "broker":
            continue
        for name in _imports(path):
            if name == "kafka" or name.startswith("kafka."):
                offenders.append(str(path.relative_to(ROOT)))
    assert not offenders, offenders


def test_pipeline_reads_no_clock() -> None:
    offenders = []
    for path in (ROOT / "pipeline").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for call in ("datetime.now(", "time.time(", "time.monotonic(", "date.today(", "os.environ"):
            if call in text:
                offenders.append(f"{path.relative_to(ROOT)}: {call}")
    assert not offenders, offenders


def test_no_utils_module_and_small_modules() -> None:
    assert not list(ROOT.rglob("utils.py"))
    big = [
        f"{p.relative_to(ROOT)}: {n}"
        for p in ROOT.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400
    ]
    assert not big, big
