"""Text normalisation: newlines, odd whitespace, HTML fragments, entities, boilerplate lines.

Hot path: each function first checks cheaply whether there is anything to do.
"""

from __future__ import annotations

import html
import re
from typing import NamedTuple

from worker.pipeline.parse.textscan import scan_text

# Newline variants -> "\n".  Odd spaces -> " ".  Zero-width/soft hyphen, C0 controls, surrogates -> removed.
_NEWLINE = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_ODD_SPACE = re.compile(r"[\t\x0b\x0c\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_DROP = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\u200b-\u200f\u2060\ufeff\u00ad\ufffe\uffff\ud800-\udfff]")

_SCRIPT = re.compile(r"<(script|style|noscript)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>|<![A-Za-z][^<>]*>")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
# Every match of _BR, _SCRIPT or _COMMENT starts with a match of this.
_RARE_MARKUP = re.compile(r"<(?:br|script|style|noscript|!--)", re.IGNORECASE)
_ANCHOR = re.compile(
    r"""<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>(.*?)</a\s*>""",
    re.IGNORECASE | re.DOTALL,
)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")
_MULTISPACE = re.compile(r"\s{2,}")
_has_alnum = re.compile(r"\w").search

# Bare boilerplate lines dropped from the body (compared case-folded, trailing punctuation removed).
_BOILERPLATE = frozenset(
    {
        "advertisement",
        "advertisements",
        "ad",
        "sponsored",
        "sponsored content",
        "story continues below advertisement",
        "article continues below advertisement",
        "continue reading below",
        "continue reading",
        "scroll to continue",
        "scroll to continue with content",
        "skip advertisement",
        "share this article",
        "share",
        "related",
        "read more",
    }
)


_tuple = tuple.__new__  # == Anchor(...) without NamedTuple's Python-level __new__ (3x cheaper)


class Anchor(NamedTuple):
    href: str
    text: str


def needs_normalizing(text: str) -> bool:
    """True if ``text`` holds CR, tabs, controls, NBSP, zero-width or other odd characters."""
    return scan_text(text)[0]


def normalize_text(text: str, *, check: bool = True) -> str:
    """CRLF/CR/LS/PS -> LF, NBSP and other odd spaces -> space, zero-width chars and controls removed.

    ``check=False``: the caller already knows ``needs_normalizing(text)`` is true.
    """
    if check and not needs_normalizing(text):
        return text
    text = _NEWLINE.sub("\n", text)
    text = _ODD_SPACE.sub(" ", text)
    return _DROP.sub("", text)


def clean_fragment(line: str, anchors: list[Anchor] | None = None) -> tuple[str, bool]:
    """Strip HTML tags (keeping link text), unescape entities, collapse spaces.

    Returns ``(clean_text, had_html)``.  Anchors found are appended to ``anchors`` when given.
    """
    had_html = False
    lt = line.find("<")
    if lt >= 0:
        # every pattern below starts with "<": the regexes scan from the first one on
        if anchors is not None and ("<a" in line or "<A" in line):
            for m in _ANCHOR.finditer(line, lt):
                href = m.group(1) or m.group(2) or m.group(3) or ""
                inner = _TAG.sub("", m.group(4))
                text = " ".join(html.unescape(inner).split())
                anchors.append(_tuple(Anchor, (html.unescape(href).strip(), text)))
        if _RARE_MARKUP.search(line, lt) is not None:  # one scan instead of three that find nothing
            new = _BR.sub(" ", line)
            new = _SCRIPT.sub(" ", new)
            new = _COMMENT.sub(" ", new)
            new = _TAG.sub("", new)
        else:
            new = line[:lt] + _TAG.sub("", line[lt:])
        if new != line:
            had_html = True
            line = new
    if "&" in line and _ENTITY.search(line) is not None:
        line = html.unescape(line)
        had_html = True
        if needs_normalizing(line):
            line = _DROP.sub("", _ODD_SPACE.sub(" ", _NEWLINE.sub(" ", line)))
    if "  " in line or "\n" in line:
        line = _MULTISPACE.sub(" ", line)
    return line.strip(), had_html


def is_boilerplate(line: str) -> bool:
    """A line that carries no article text: bare 'Advertisement' etc., or no letters/digits at all."""
    if len(line) > 40:
        return not line[0].isalnum() and _has_alnum(line) is None
    if not line[:1].isalnum() and _has_alnum(line) is None:
        return True
    return line.casefold().rstrip(" .:!»>›→") in _BOILERPLATE


def looks_binary(length: int, bad: int) -> bool:
    """Decoded garbage: many U+FFFD replacement characters or NULs (``bad``, from ``scan_text``) in a
    text of ``length`` characters."""
    return bad > 8 and bad * 20 > length
