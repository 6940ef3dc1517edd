"""Compiled builds of the hot pure packages (mypyc, hand-written C), used only when they match the sources
exactly.

``make install`` runs ``python -m worker.native ensure``: mypyc compiles the modules of each package in
``GROUPS`` (their ``__init__`` stays Python; ``COMPILED`` says which modules) and the C compiler its
``_*.c`` extension modules (each with a Python reference beside it) into ``build/native/`` beside the
sources, and writes a manifest with the SHA-256 of every module and C source of the package (those left as
Python too: the compiled code was typed against them) and the interpreter's extension suffix.  When a
package is imported, its ``__init__`` calls ``activate``, which puts the compiled directory first on the
package's ``__path__`` only if the manifest matches the sources on disk; otherwise (no C compiler at
install, a source edited since the build, another Python) the package runs as plain Python, with the
same results.  A stale build can therefore never shadow an edited module.

``NEWS_INGEST_PURE_PYTHON=1`` forces plain Python (for debugging and for the equivalence test).
``python -m worker.native status`` prints what is active.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import sysconfig
from collections.abc import MutableSequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NATIVE_DIR = ROOT / "build" / "native"
NATIVE_HEADER = ROOT / "worker" / "native_str.h"  # included by every C extension
PURE_ENV = "NEWS_INGEST_PURE_PYTHON"

# package -> modules left as Python (besides __init__): html.py only wraps trafilatura.
GROUPS: dict[str, frozenset[str]] = {
    "worker.pipeline.parse": frozenset({"html.py"}),
    "worker.pipeline.enrich": frozenset(),
}
# package -> the only modules mypyc compiles, where not all of them are.  In enrich: the person and
# organisation finder, the number and date scans, the sentence helpers and the assembly of entities, where
# mypyc saves ~7% of the enrich time (the word loops are the C extension ``_wordscan.c``; keywords, tone
# and language measured no gain), and the quote attribution (quotes to clause_words: extract_quotes ~0.50
# -> ~0.34 ms/article; the word lists speaker_words and name_words measured no gain).  speakers.py and
# antecedents.py go together (a Python class cannot inherit from a compiled one).  mypyc's ``s.lower()``
# ignores the final-sigma rule (``"AΣ".lower()``), so these modules call ``text_case.lower`` (and
# ``text_case.upper``; tests/unit/test_native.py).
COMPILED: dict[str, frozenset[str]] = {
    "worker.pipeline.enrich": frozenset(
        {
            "entities.py",
            "name_links.py",
            "name_merges.py",
            "name_forms.py",
            "name_index.py",
            "numbers.py",
            "dates.py",
            "paragraphs.py",
            "sentences.py",
            "assemble.py",
            "quotes.py",
            "quote_marks.py",
            "attribution.py",
            "subject_shapes.py",
            "speakers.py",
            "speaker_patterns.py",
            "subjects.py",
            "antecedents.py",
            "clause_words.py",
        }
    ),
}

_active: dict[str, str] = {}  # package -> "native" or the reason it is not


def _ext_suffix() -> str:
    return str(sysconfig.get_config_var("EXT_SUFFIX") or "")


def package_dir(package: str) -> Path:
    return ROOT.joinpath(*package.split("."))


def sources(package: str) -> list[Path]:
    """The Python modules of ``package`` that mypyc compiles (C extensions: ``c_sources``)."""
    skip = GROUPS[package] | {"__init__.py"}
    only = COMPILED.get(package)
    return sorted(
        p
        for p in package_dir(package).glob("*.py")
        if p.name not in skip and (only is None or p.name in only)
    )


def c_sources(package: str) -> list[Path]:
    """Hand-written C extension modules of ``package`` (each with a Python reference beside it)."""
    return sorted(package_dir(package).glob("_*.c"))


def watched(package: str) -> list[Path]:
    """The files whose digests the manifest holds: every module of ``package`` (but ``__init__``) and its
    C extensions.  Modules left as Python count too: mypyc specialised the compiled code to the types it
    saw in them (a constant that changes from a frozenset to a dict would break it), so an edit to any
    module of the package makes the build stale."""
    mods = sorted(p for p in package_dir(package).glob("*.py") if p.name != "__init__.py")
    return [*mods, *c_sources(package), *([NATIVE_HEADER] if c_sources(package) else [])]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def manifest_path(package: str) -> Path:
    return NATIVE_DIR / f"{package}.json"


def _why_not(package: str) -> str | None:
    """None if the compiled build of ``package`` matches its sources, else the reason it is not used."""
    if os.environ.get(PURE_ENV, "") not in ("", "0"):
        return f"{PURE_ENV} is set"
    try:
        manifest = json.loads(manifest_path(package).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "not built (run `make install`)"
    if manifest.get("ext_suffix") != _ext_suffix():
        return "built for another Python"
    built: dict[str, str] = manifest.get("sources", {})
    current = {str(p.relative_to(ROOT)): _digest(p) for p in watched(package)}
    if built != current:
        return "sources changed since the build (run `make install`)"
    return None


def activate(package: str, path: MutableSequence[str]) -> bool:
    """Called by ``package``'s ``__init__`` with its ``__path__``: prefer the compiled modules if they are
    current.  Returns True if they are."""
    reason = _why_not(package)
    if reason is None:
        path.insert(0, str(NATIVE_DIR.joinpath(*package.split("."))))
        _active[package] = "native"
        return True
    _active[package] = reason
    return False


def status() -> dict[str, str]:
    """package -> "native" or why it runs as Python (packages not imported yet are checked now)."""
    return {pkg: _active.get(pkg) or _why_not(pkg) or "native" for pkg in GROUPS}


def build(packages: list[str] | None = None) -> int:
    """Compile ``packages`` (default all of GROUPS) with mypyc; 0 on success.  Needs mypy and a C compiler."""
    try:
        from mypyc.build import mypycify
        from setuptools import Extension, setup
    except ImportError as exc:
        print(f"native build skipped: {exc}", file=sys.stderr)
        return 1
    tmp = ROOT / "build" / "native-tmp"
    status_code = 0
    for package in packages or list(GROUPS):
        srcs = sources(package)
        manifest_path(package).unlink(missing_ok=True)
        # a module no longer compiled must not leave its stale shim (it would import a missing symbol)
        shutil.rmtree(NATIVE_DIR.joinpath(*package.split(".")), ignore_errors=True)
        rel = [str(p.relative_to(ROOT)) for p in srcs]
        c_rel = [str(p.relative_to(ROOT)) for p in c_sources(package)]
        cwd = Path.cwd()
        try:
            os.chdir(ROOT)  # mypyc names modules after their paths relative to the working directory
            ext = (
                mypycify(rel, group_name=f"{package}._native", target_dir=str(tmp / "c" / package))
                if rel
                else []
            )
            ext += [
                Extension(
                    f"{package}.{Path(c).stem}",
                    [c],
                    include_dirs=[str(NATIVE_HEADER.parent)],
                    extra_compile_args=["-O3"],
                )
                for c in c_rel
            ]
            setup(
                name=f"native-{package}",
                ext_modules=ext,
                script_args=[
                    "--quiet", "build_ext", "--build-lib", str(NATIVE_DIR), "--build-temp", str(tmp / "o"),
                ],
            )  # fmt: skip
        except (SystemExit, Exception) as exc:  # noqa: BLE001 - a failed build means plain Python
            print(f"native build of {package} failed ({exc}); it runs as plain Python", file=sys.stderr)
            status_code = 1
            continue
        finally:
            os.chdir(cwd)
        manifest = {
            "ext_suffix": _ext_suffix(),
            "python": sys.version,
            "sources": {str(p.relative_to(ROOT)): _digest(p) for p in watched(package)},
        }
        manifest_path(package).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        print(f"native build of {package}: {len(srcs)} modules compiled, {len(c_rel)} C extension(s)")
    return status_code


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["build"]:
        return build(args[1:] or None)
    if args[:1] == ["ensure"]:  # build what is missing or stale; never fails the install
        stale = [pkg for pkg in GROUPS if _why_not(pkg) is not None]
        if stale:
            build(stale)
        return 0
    if args[:1] == ["status"]:
        for package, state in status().items():
            print(f"{package}: {state}")
        return 0
    print("usage: python -m worker.native build [PACKAGE...] | ensure | status", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
