"""Fast word tokenisers: ``bytes.translate`` + ``split`` instead of a regex ``findall`` over the body.

Each function returns exactly what its regex would (``words`` == ``WORD_RE.findall(text.lower())``,
``letter_words`` == ``LETTERS_RE.findall(text.lower())``), checked by tests on the dev corpus and on
random text; the regex stays as the fallback for inputs the fast path does not cover.

``word_counts`` (the body's words and their counts) is the C function of ``_wordscan.c`` when the
compiled build is active (``worker/native.py``): one pass over the str's code units that makes one str
per distinct word.  ``py_word_counts`` is its Python reference.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Callable

WORD_RE = re.compile(r"[a-z][a-z'-]*")
LETTERS_RE = re.compile(r"[^\W\d_]+")

_UPPER = string.ascii_uppercase.encode()
_LOWER = string.ascii_lowercase.encode()


def _table(keep: bytes) -> bytes:
    """256-byte table: ASCII capitals -> lower case, ``keep`` bytes unchanged, everything else -> space."""
    table = bytearray(b" " * 256)
    for b in keep:
        table[b] = b
    for up, low in zip(_UPPER, _LOWER, strict=True):
        table[up] = low
    return bytes(table)


_WORD_TABLE = _table(_LOWER + b"'-")
_LETTER_TABLE = _table(_LOWER)
# the only non-ASCII characters whose lower case contains ASCII letters (İ -> i + U+0307, Kelvin -> k)
_LOWERS_TO_ASCII = ("\u0130", "\u212a")
# non-letter characters frequent in news text; blanking them leaves most texts pure ASCII
_PUNCTUATION = ("\u2019", "\u201c", "\u201d", "\u2018", "\u2014", "\u2013", "\xa0", "\u2026")
_MAX_STRIP_PASSES = 6


def words(text: str, twin: bytes | None = None) -> list[str]:
    """``WORD_RE.findall(text.lower())``: ASCII words with inner apostrophes/hyphens, lower-cased.
    ``twin``: ``byte_scan.latin1_twin(text)`` if the caller has it (no encoding then)."""
    if twin is not None:
        raw = twin  # Latin-1: one byte per character, non-ASCII ones become spaces like the separators
    else:
        if not text.isascii() and any(ch in text for ch in _LOWERS_TO_ASCII):
            text = text.lower()
        raw = text.encode("utf-8", "surrogatepass")
    # non-ASCII characters become (several) spaces, like the regex treats them as separators
    buf = b" " + raw.translate(_WORD_TABLE)
    # a word starts with a letter: drop apostrophes/hyphens at the start of every run
    for _ in range(_MAX_STRIP_PASSES):
        if b" '" not in buf and b" -" not in buf:
            return buf.decode("ascii").split()
        buf = buf.replace(b" '", b"  ").replace(b" -", b"  ")
    return WORD_RE.findall(text.lower())  # long runs of leading apostrophes/hyphens: rare


def _latin1_letters() -> bytes:
    """Latin-1 byte -> its lower case if that is a ``LETTERS_RE`` character, else a space."""
    table = bytearray(b" " * 256)
    for b in range(256):
        low = chr(b).lower()
        if len(low) == 1 and ord(low) < 256 and LETTERS_RE.fullmatch(low):
            table[b] = ord(low)
    return bytes(table)


_LATIN1_LETTERS = _latin1_letters()


def latin1_letter_words(twin: bytes, limit: int) -> list[str]:
    """The first ``limit`` items of ``letter_words(text)``, from ``byte_scan.latin1_twin(text)`` (only
    those ``limit`` strings are made)."""
    return twin.translate(_LATIN1_LETTERS).decode("latin-1").split(None, limit)[:limit]


def letter_words(text: str) -> list[str]:
    """``LETTERS_RE.findall(text.lower())``: runs of letters (any script), lower-cased."""
    ascii_text = text
    if not text.isascii():
        for ch in _PUNCTUATION:
            if ch in ascii_text:
                ascii_text = ascii_text.replace(ch, " ")
        if not ascii_text.isascii():
            return LETTERS_RE.findall(text.lower())  # (lower() of the original: final-sigma context)
    return ascii_text.encode("ascii").translate(_LETTER_TABLE).decode("ascii").split()


def py_word_counts(text: str, twin: bytes | None = None) -> tuple[list[str], Counter[str]]:
    """``words(text)`` and their counts (first-seen order)."""
    tokens = words(text, twin)
    return tokens, Counter(tokens)


def _c_word_counts(text: str, twin: bytes | None = None) -> tuple[list[str], Counter[str]]:
    tokens, counts = _c_scan(text)
    return tokens, Counter(counts)


word_counts: Callable[[str, bytes | None], tuple[list[str], Counter[str]]] = py_word_counts
COMPILED = False
try:  # the C build sits on the package path only when it matches the sources (worker/native.py)
    from worker.pipeline.enrich._wordscan import word_counts as _c_scan
except ImportError:
    pass
else:
    word_counts = _c_word_counts
    COMPILED = True
