"""Body zone of the UPI text shape: paragraphs, inline captions, trailing related-story teasers.

One pass classifies the non-blank lines (caption / boilerplate / text) with cheap first- and last-character
tests before any regex; the slow per-paragraph loop only runs when there are anchors or inline captions.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import compress

from worker.models.article import Related
from worker.models.trusted import trusted
from worker.pipeline.parse.captions import parse_caption, strip_license_tail
from worker.pipeline.parse.dateline import match_dateline
from worker.pipeline.parse.state import PHOTO_END, Lines, Segments, add_caption, add_links, license_url
from worker.pipeline.parse.textclean import is_boilerplate


def read_body(seg: Segments, cl: Lines, start: int, base_url: str) -> None:
    """Fill ``seg.paragraphs``, ``seg.related``, inline ``seg.photos`` and ``seg.dateline`` from
    ``cl.lines[start:]``."""
    lines = cl.lines
    idxs: list[int] = []
    keep = idxs.append
    caps: set[int] = set()
    dropped = 0
    for j in compress(range(start, len(lines)), lines[start:]):  # non-blank lines
        s = lines[j]
        if s[-1] in "oO" and s.endswith(PHOTO_END) and strip_license_tail(s) is not None:
            caps.add(j)
        elif (len(s) <= 40 or not (s[0].isalnum() or s[1].isalnum())) and is_boilerplate(s):
            dropped += 1
            continue
        keep(j)
    seg.boilerplate_removed = dropped

    # related-story teasers: trailing (headline, caption) pairs, at least one body line before them
    end = len(idxs)
    if caps:
        while end >= 3 and idxs[end - 1] in caps and idxs[end - 2] not in caps:
            end -= 2
        for k in range(end, len(idxs), 2):
            _add_teaser(seg, cl, idxs[k], idxs[k + 1], base_url)
    if not end:
        seg.lines_dropped += dropped
        return
    body = idxs[:end] if end < len(idxs) else idxs

    # dateline on the first body line (unless it is a caption)
    lo, hi = body[0], body[-1]
    first_text = lines[lo]
    if lo not in caps:
        dl = match_dateline(first_text)
        if dl is not None:
            seg.dateline, first_text = dl

    anchors = cl.anchors
    if not _any_between(anchors, lo, hi) and not _any_between(caps, lo, hi):
        paragraphs = list(map(lines.__getitem__, body))
        paragraphs[0] = first_text
        seg.paragraphs = paragraphs if first_text else paragraphs[1:]
    else:
        for pos, j in enumerate(body):
            if j in caps:
                caption = strip_license_tail(lines[j]) or ""
                if not add_caption(seg, caption, j, cl, base_url, licensed=True, position="inline"):
                    seg.lines_dropped += 1
                continue
            s = first_text if pos == 0 else lines[j]
            if j in anchors:
                add_links(seg, j, cl, base_url, "inline")
            if s:
                seg.paragraphs.append(s)
    seg.lines_dropped += dropped


def _any_between(idxs: Iterable[int], lo: int, hi: int) -> bool:
    for j in idxs:  # noqa: SIM110 - a plain loop costs half of any() over a generator
        if lo <= j <= hi:
            return True
    return False


def _add_teaser(seg: Segments, cl: Lines, head_idx: int, cap_idx: int, base_url: str) -> None:
    cap = parse_caption(strip_license_tail(cl.lines[cap_idx]) or "", licensed=True)
    url = license_url(cap_idx, cl, base_url, seg)
    add_links(seg, head_idx, cl, base_url, "related")
    seg.related.append(
        trusted(Related, {
            "headline": cl.lines[head_idx],
            "caption": cap.caption if cap else None,
            "credit": cap.credit if cap else None,
            "license_url": url,
        })
    )  # fmt: skip
