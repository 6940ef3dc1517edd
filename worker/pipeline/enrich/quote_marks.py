"""The marks and shapes of quoted text: double-quoted spans, ``''`` typed for a closing quote, a
signature closing a quoted block, titles and terms in quotes, and the short clauses around a quote that
hand it over to a speaker (an unlisted ``-ed`` verb after a name, a colon, a trailing attribution)."""

from __future__ import annotations

import re

from worker.pipeline.enrich.text_case import lower

QUOTE_MARK = re.compile('["“”]')
GLUED_OPEN = re.compile(r"(?<=[.!?])”(?=[A-Z])")
_TWO_APOSTROPHES = re.compile(r"(?<!\d)(?:''|’’)")  # not an inch mark: 6'2'' (typed or curly)'
_SPAN = re.compile('["“]([^"“”]*)(["”])?')


def quote_spans(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, closed) of every double-quoted span; ``end`` excludes the closing mark.  A second
    opening mark ends an unclosed span and opens the next; a stray closing mark is ignored."""
    return [(m.start(), m.end(1), m.lastindex == 2) for m in _SPAN.finditer(text)]


_SIGNATURE = re.compile(r"\s*(?:[—–]+|--| -) ?((?:[A-Z][\w'’.-]*)(?: [A-Z][\w'’.-]*){0,3})(?:,|\s*$)")


def signature(text: str, spans: list[tuple[int, int, bool]]) -> tuple[int, str] | None:
    """``“...” — Sara Lane, owner of ...``: (offset, name) of the signature that ends a paragraph after
    its last quote; it names the speaker of the quoted block it closes."""
    if not spans or not spans[-1][2] or len(text) - spans[-1][1] < 4:
        return None
    m = _SIGNATURE.match(text, spans[-1][1] + 1)
    return (m.start(1), m.group(1)) if m is not None else None


def two_apostrophes(text: str) -> str:
    """``''`` typed for a closing double quote (``"..., 'you are the father,'' he said``) when a double
    quote is left open; same length, so offsets are kept."""
    if len(QUOTE_MARK.findall(text)) % 2 == 0:
        return text
    return _TWO_APOSTROPHES.sub(lambda m: m.group(0)[0] + "”", text)


# an attribution with a verb no list has: '“...,” Mr. Trump recounted in a meeting', '“...,” she mused.'
NAME_VERBED = re.compile(
    r"\s*((?:(?:Mr|Mrs|Ms|Dr)\.? )?[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}|he|she|they) ([a-z]{3,}ed)\b(?! by)"
)
# a clause that hands over to a full-sentence quote: "... the challenge:" or "Habets elaborates,"
INTRODUCES = re.compile(r":\s*$|^\s*[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)* [a-z]+s,\s*$")


def attribution_gap(text: str, spans: list[tuple[int, int, bool]], n: int) -> bool:
    """Between quotes ``n - 1`` and ``n`` only the previous quote's short attribution (``, he said.``)."""
    qs, qe, _ = spans[n - 1]
    gap = text[qe + 1 : spans[n][0]].strip()
    trailing = gap[:1] == "," or text[qs + 1 : qe].rstrip()[-1:] in (",", "?", "!", "—")
    return trailing and gap.endswith((".", ":")) and len(gap.split()) <= 25 and "“" not in gap


def term_or_title(text: str) -> bool:
    """A one-word term or a title in capitals (``"anti-vax"``, ``"Masked Singer"``): not speech."""
    words = text.split()
    return len(words) < 2 or all(w[:1].isupper() or not w[:1].isalpha() for w in words)


_TITLE_SMALL = frozenset(
    ["a", "an", "the", "of", "and", "in", "on", "for", "to", "at", "by", "with", "from", "or", "vs"]
)


def is_title_text(text: str) -> bool:
    """``"The Wuhan Cover-Up"``, ``"Masked Singer"``: a short run of two or more capitalised words (small
    words allowed), not all in capitals (``"IM ENGAGED!"`` is speech; a lone ``"Ouch"`` may be)."""
    words = text.strip(" ,.!?;:").split()
    if not 2 <= len(words) <= 8 or text.isupper() or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or not w[:1].isalpha() or lower(w) in _TITLE_SMALL for w in words)


# a main clause that ends the sentence with an inverted attribution: "..., said another witness, X."
MAIN_SAID = re.compile(
    r", (said|says|told|wrote) ((?:the |a |an |another )?[^,.“”]{2,60}(?:, [^,.“”]{2,80})?)\.(?:\s|$)"
)
