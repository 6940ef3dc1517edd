"""Identity: deterministic ``article_id``, ``content_sha256`` and a 64-bit word-shingle simhash."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable
from urllib.parse import urlsplit, urlunsplit

from worker.models.article import ParsedArticle
from worker.pipeline.enrich.tokens import words

SHINGLE = 3
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
WORD_CACHE_MAX = 100_000  # ~12 MB at most; cleared (not evicted one by one) when full
_ROW = 24  # bytes per word: three independent 64-bit tabulation entries


class _WordTables(dict[str, bytes]):
    """word -> 24 bytes of blake2b (stable across processes), cached: news vocabularies repeat."""

    def __missing__(self, word: str) -> bytes:
        if len(self) >= WORD_CACHE_MAX:
            self.clear()
        value = self[word] = hashlib.blake2b(word.encode(), digest_size=_ROW).digest()
        return value


_WORD_TABLES = _WordTables()


def clear_word_cache() -> None:
    """Forget every memoised word hash (benchmarks of never-seen text)."""
    _WORD_TABLES.clear()


_BITS = tuple(range(8))


def canonical_url(url: str) -> str:
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if parts.port:
        host = f"{host}:{parts.port}"
    path = parts.path.rstrip("/")
    return urlunsplit((parts.scheme.lower() or "https", host, path, "", ""))


def normalise_headline(headline: str) -> str:
    return _NON_ALNUM.sub(" ", unicodedata.normalize("NFKC", headline).casefold()).strip()


def article_id(article: ParsedArticle, source: str | None) -> str:
    url = next((link.href for link in article.links if link.rel == "canonical"), None) or article.source_url
    if url and urlsplit(url).hostname:
        key = canonical_url(url)
    else:
        day = article.published_at.date().isoformat() if article.published_at else (article.date_header or "")
        key = f"{(source or '').strip().lower()}|{day}|{normalise_headline(article.headline)}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def content_sha256(body_text: str) -> str:
    return hashlib.sha256(body_text.encode("utf-8")).hexdigest()


def simhash64(text: str) -> int:
    """Simhash of ``text`` (see ``py_simhash_tokens``)."""
    return simhash_tokens(words(text))


def py_simhash_tokens(tokens: list[str]) -> int:
    """Charikar simhash over the 3-word shingles of ``tokens`` (``tokens.words`` of the text).

    A shingle ``(a, b, c)`` hashes to ``T1[a] ^ T2[b] ^ T3[c]`` (simple tabulation hashing with words as
    characters, 3-independent), the three 64-bit entries of a word coming from one blake2b digest, so the
    hash is stable across processes and platforms.  Bit ``i`` of the result is set when more than half
    of the shingles (counted with repetition) have it set.  Counted by byte column: byte ``j`` of every
    shingle hash at once is a big-integer XOR of three strided slices of the packed per-token entries,
    and its eight bits are eight masked popcounts.
    """
    if len(tokens) < SHINGLE:
        tokens = tokens + [""] * (SHINGLE - len(tokens))
    n = len(tokens) - SHINGLE + 1  # shingles
    rows = b"".join(map(_WORD_TABLES.__getitem__, tokens))  # token k's entries in bytes 24k..24k+23
    stop = _ROW * n
    ones = int.from_bytes(b"\x01" * n, "little")
    masks = [ones << b for b in _BITS]  # bit b of every byte
    half = n // 2
    from_bytes = int.from_bytes
    out = 0
    bit = 1
    for j in range(8):
        # byte j of T1[token k], T2[token k + 1] and T3[token k + 2] for every shingle k
        column = (
            from_bytes(rows[j:stop:_ROW], "little")
            ^ from_bytes(rows[_ROW + 8 + j : stop + _ROW + 8 + j : _ROW], "little")
            ^ from_bytes(rows[2 * _ROW + 16 + j :: _ROW], "little")
        )
        for mask in masks:
            if (column & mask).bit_count() > half:
                out |= bit
            bit <<= 1
    return out


def _c_simhash_tokens(tokens: list[str]) -> int:
    return _c_simhash(tokens, _WORD_TABLES)


# the C function of ``_wordscan.c`` (the same counts, one pass over the shingles) when the compiled build
# is active (worker/native.py)
simhash_tokens: Callable[[list[str]], int] = py_simhash_tokens
try:
    from worker.pipeline.enrich._wordscan import simhash as _c_simhash
except ImportError:
    pass
else:
    simhash_tokens = _c_simhash_tokens
