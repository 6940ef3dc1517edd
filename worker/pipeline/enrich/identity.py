"""Identity: deterministic ``article_id``, ``content_sha256`` and a 64-bit word-shingle simhash."""

from __future__ import annotations

import hashlib
import re
import struct
import unicodedata
from urllib.parse import urlsplit, urlunsplit

from worker.models.article import ParsedArticle

SHINGLE = 3
_WORD_RE = re.compile(r"\w+")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
# lane-spread tables: bit i of a 16-bit value moves to bit 16*i, so 16 counters add up in one big int
_SPREAD8 = tuple(sum(((b >> i) & 1) << (16 * i) for i in range(8)) for b in range(256))
_SPREAD16 = tuple(_SPREAD8[v & 255] | (_SPREAD8[v >> 8] << 128) for v in range(1 << 16))
_LANE = (1 << 16) - 1
_UNPACK = struct.Struct("<4H").unpack


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
    """Charikar simhash over 3-word shingles, blake2b-64 per shingle, bit counts summed in 16-bit lanes."""
    words = _WORD_RE.findall(text.lower())
    if len(words) < SHINGLE:
        words = words + [""] * (SHINGLE - len(words))
    shingles = set(map(" ".join, zip(words, words[1:], words[2:], strict=False)))
    l0 = l1 = l2 = l3 = 0  # word k of every hash: 16 bit-counters of 16 bits each
    spread, unpack, blake = _SPREAD16, _UNPACK, hashlib.blake2b
    for sh in shingles:
        a, b, c, d = unpack(blake(sh.encode(), digest_size=8).digest())
        l0 += spread[a]
        l1 += spread[b]
        l2 += spread[c]
        l3 += spread[d]
    half = len(shingles) // 2
    out = 0
    for k, acc in enumerate((l0, l1, l2, l3)):
        for i in range(16):
            if ((acc >> (16 * i)) & _LANE) > half:
                out |= 1 << (16 * k + i)
    return out
