"""Two whole-text questions about the space character, answered without a per-character Python-level or
branchy C loop.

``"  " in text`` and ``text.count(" ")`` both cost ~2 ns per character: spaces are frequent, so the
search loops mispredict a branch at almost every word.  The same answers come from C routines that do
not branch per character:

* ``has_double_space``: read the UTF-8 bytes as UTF-16 code units at both byte alignments; two
  adjacent space bytes are the unit U+2020, which a memchr-based ``in`` finds.  Space (0x20) is never
  part of a multi-byte UTF-8 sequence, so the unit appears exactly where the text has two spaces.
* ``count_spaces``: map each byte to 1 (space) or 0 (anything else) and sum the bytes with Adler-32,
  whose low half is ``1 + sum of the bytes`` (modulo 65521, so only for inputs shorter than that).
"""

from __future__ import annotations

import codecs
import zlib

_PAIR_OF_SPACES = "\u2020"  # the UTF-16 code unit made of the bytes 0x20 0x20
_SPACE_TO_ONE = bytes(1 if b == 0x20 else 0 for b in range(256))
_ADLER_MOD = 65521


def has_double_space(data: bytes) -> bool:
    """``b"  " in data`` for UTF-8 ``data``."""
    even, _ = codecs.utf_16_le_decode(data, "surrogatepass", False)  # a trailing odd byte is left over
    if _PAIR_OF_SPACES in even:
        return True
    odd, _ = codecs.utf_16_le_decode(memoryview(data)[1:], "surrogatepass", False)
    return _PAIR_OF_SPACES in odd


def count_spaces(text: str) -> int:
    """``text.count(" ")``."""
    data = text.encode("utf-8", "surrogatepass")
    if len(data) >= _ADLER_MOD - 1:
        return text.count(" ")
    return (zlib.adler32(data.translate(_SPACE_TO_ONE)) & 0xFFFF) - 1
