"""Whole-text scans: space counts, double spaces, characters to normalise, binary garbage.

When the compiled build is active (``worker/native.py``) these are the C functions of ``_textscan.c``,
one branch-free pass over the str's own code units each.  Otherwise the Python definitions below are
used; they are the reference the C functions are tested against.  Without C, they still avoid
per-character Python loops and the branchy ``str.count``/``in`` (~2 ns per character on text full of
spaces):

* ``has_double_space``: read the UTF-8 bytes as UTF-16 code units at both byte alignments; two adjacent
  space bytes are the unit U+2020, which an ``in`` finds.  Space (0x20) is never part of a multi-byte
  UTF-8 sequence, so the unit appears exactly where the text has two spaces.
* ``count_spaces``: map each byte to 1 (space) or 0 (anything else) and sum the bytes with Adler-32,
  whose low half is ``1 + sum of the bytes`` (modulo 65521, so only for inputs shorter than that).
* ``scan_text``: drop printable ASCII from the UTF-8 bytes (C-speed), decode the few bytes left and
  search those characters for an odd one.
"""

from __future__ import annotations

import codecs
import re
import zlib
from collections.abc import Callable

_PAIR_OF_SPACES = "\u2020"  # the UTF-16 code unit made of the bytes 0x20 0x20
_SPACE_TO_ONE = bytes(1 if b == 0x20 else 0 for b in range(256))
_ADLER_MOD = 65521
_PRINTABLE_ASCII = b"\n" + bytes(range(32, 127))
# Characters normalize_text rewrites (lone surrogates are odd too: they make the UTF-8 encoding fail).
ODD_CHAR = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f\x85\xa0\xad\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u2060\u3000"
    "\ufeff\ufffe\uffff]"
)


def py_has_double_space(text: str) -> bool:
    """``"  " in text``."""
    data = text.encode("utf-8", "surrogatepass")
    even, _ = codecs.utf_16_le_decode(data, "surrogatepass", False)  # a trailing odd byte is left over
    if _PAIR_OF_SPACES in even:
        return True
    odd, _ = codecs.utf_16_le_decode(memoryview(data)[1:], "surrogatepass", False)
    return _PAIR_OF_SPACES in odd


def py_count_spaces(text: str) -> int:
    """``text.count(" ")``."""
    data = text.encode("utf-8", "surrogatepass")
    if len(data) >= _ADLER_MOD - 1:
        return text.count(" ")
    return (zlib.adler32(data.translate(_SPACE_TO_ONE)) & 0xFFFF) - 1


def py_scan_text(text: str) -> tuple[bool, int]:
    """``(needs normalising, number of U+FFFD and NUL characters)`` of ``text``."""
    try:
        unusual = text.encode("utf-8").translate(None, _PRINTABLE_ASCII).decode("utf-8")
    except UnicodeEncodeError:  # lone surrogates
        return True, text.count("\ufffd") + text.count("\x00")
    odd = ODD_CHAR.search(unusual) is not None
    bad = unusual.count("\ufffd") + (unusual.count("\x00") if odd else 0)
    return odd, bad


has_double_space: Callable[[str], bool] = py_has_double_space
count_spaces: Callable[[str], int] = py_count_spaces
scan_text: Callable[[str], tuple[bool, int]] = py_scan_text
COMPILED = False
try:  # the C build sits on the package path only when it matches the sources (worker/native.py)
    from worker.pipeline.parse._textscan import count_spaces as _c_count_spaces
    from worker.pipeline.parse._textscan import has_double_space as _c_has_double_space
    from worker.pipeline.parse._textscan import scan_text as _c_scan_text
except ImportError:
    pass
else:
    has_double_space, count_spaces, scan_text = _c_has_double_space, _c_count_spaces, _c_scan_text
    COMPILED = True
