"""Gender of given names, for pronoun antecedents: the 1990 US census first-name frequency lists shipped
by the ``names`` package (``dist.male.first``, ``dist.female.first``; public-domain data, MIT package),
read once per process.  A name counts for one gender only when it is at least four times as frequent
for it as for the other (``CARL`` is male; ``JESSIE``, ``JORDAN`` are neither)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

_RATIO = 4.0


def _frequencies(filename: str) -> dict[str, float]:
    text = resources.files("names").joinpath(filename).read_text(encoding="ascii")
    out: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 4:
            out[parts[0].lower()] = float(parts[1])
    return out


@lru_cache(maxsize=1)
def name_genders() -> dict[str, str]:
    """Lower-case given name -> ``M`` or ``F``."""
    male, female = _frequencies("dist.male.first"), _frequencies("dist.female.first")
    out: dict[str, str] = {}
    for name in male.keys() | female.keys():
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if m >= _RATIO * f and m > 0:
            out[name] = "M"
        elif f >= _RATIO * m and f > 0:
            out[name] = "F"
    return out
