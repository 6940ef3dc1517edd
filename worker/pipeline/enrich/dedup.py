"""Near-duplicate index: bounded LRU of recent simhashes with 4 x 16-bit band buckets.

Two 64-bit hashes within Hamming distance 3 agree exactly on at least one of 4 bands (pigeonhole),
so a lookup only compares against the few entries sharing a band: O(1)-ish per article.
"""

from __future__ import annotations

from collections import OrderedDict

MAX_DISTANCE = 3
BANDS = 4
BAND_BITS = 16
_MASK = (1 << BAND_BITS) - 1


def _bands(h: int) -> list[tuple[int, int]]:
    return [(b, (h >> (b * BAND_BITS)) & _MASK) for b in range(BANDS)]


class DedupIndex:
    """Not thread-safe; one per worker (the caller owns it)."""

    def __init__(self, capacity: int = 100_000) -> None:
        if capacity < 1:
            raise ValueError("capacity must be >= 1")
        self.capacity = capacity
        self._hashes: OrderedDict[str, int] = OrderedDict()
        self._seq: dict[str, int] = {}  # insertion order: ties go to the earliest, whatever the hash seed
        self._next = 0
        self._buckets: dict[tuple[int, int], set[str]] = {}

    def __len__(self) -> int:
        return len(self._hashes)

    def find(self, simhash: int, *, exclude: str | None = None) -> str | None:
        """The closest earlier article within ``MAX_DISTANCE`` (ties: the earliest seen)."""
        best: tuple[int, int, str] | None = None
        for band in _bands(simhash):
            for other in self._buckets.get(band, ()):
                if other == exclude:
                    continue
                dist = (self._hashes[other] ^ simhash).bit_count()
                if dist <= MAX_DISTANCE:
                    cand = (dist, self._seq[other], other)
                    if best is None or cand < best:
                        best = cand
        return best[2] if best else None

    def add(self, article_id: str, simhash: int) -> None:
        if article_id in self._hashes:
            self._remove(article_id)
        self._hashes[article_id] = simhash
        self._seq[article_id] = self._next
        self._next += 1
        for band in _bands(simhash):
            self._buckets.setdefault(band, set()).add(article_id)
        while len(self._hashes) > self.capacity:
            oldest = next(iter(self._hashes))
            self._remove(oldest)

    def check_and_add(self, article_id: str, simhash: int) -> str | None:
        found = self.find(simhash, exclude=article_id)
        self.add(article_id, simhash)
        return found

    def _remove(self, article_id: str) -> None:
        h = self._hashes.pop(article_id)
        del self._seq[article_id]
        for band in _bands(h):
            bucket = self._buckets.get(band)
            if bucket is not None:
                bucket.discard(article_id)
                if not bucket:
                    del self._buckets[band]
