"""``lower`` and ``upper``: CPython's ``str.lower`` and ``str.upper``, for the enrich modules that mypyc
compiles (``worker/native.py``).

mypyc compiles ``s.lower()`` to its own primitive, which lower-cases one character at a time and so
misses the final-sigma rule (CPython: ``"AΣ".lower() == "aς"``; mypyc's primitive gives ``"aσ"``).
Calling the method object through a name keeps CPython's.  Compiled modules call ``lower(s)``, never
``s.lower()``, and likewise ``upper(s)`` (no context rule in upper-casing today, but one code path for
both; tests/unit/test_native.py checks their sources).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

lower: Final[Callable[[str], str]] = str.lower
upper: Final[Callable[[str], str]] = str.upper
