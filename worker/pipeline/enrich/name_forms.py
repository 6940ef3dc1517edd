"""Two forms of a person's name the capitalised-run finder cannot see on its own.

* A regnal or religious title before a single name is the name (``Pope Francis``, ``King Charles``,
  ``Prince Harry``): without the title one token is left, which is never a person by itself.
* A quoted nickname between the first and the last name (``Jonny “JonnyCakes” Manganello``,
  ``Dwayne "The Rock" Johnson``): the quote marks cut the run, so neither half is a full name.
"""

from __future__ import annotations

import re

# titles that go with a single name
REGNAL = frozenset(
    {"Pope", "King", "Queen", "Prince", "Princess", "Emperor", "Empress", "Sheikh", "Sultan", "Emir", "Saint"}
)
_WORD = r"[A-Z][a-zà-ÿ'’-]+"
# matched at each opening mark that follows a space (found with str.find, not a scan of the whole body)
_AFTER_MARK = re.compile(rf"[“\"]([^”\"\n]{{1,30}})[”\"] ({_WORD}(?: (?:Jr\.|Sr\.|II|III))?)")
_FIRST = re.compile(rf"(?:^|(?<=[\s(]))({_WORD}) $")


def regnal_name(tokens: list[str], name_tokens: list[str]) -> str | None:
    """``"Pope Francis"`` when the one name token left of ``tokens`` follows a regnal title."""
    if len(name_tokens) != 1 or name_tokens[0] not in tokens:
        return None
    i = tokens.index(name_tokens[0])
    if i > 0 and tokens[i - 1] in REGNAL:
        return f"{tokens[i - 1]} {name_tokens[0]}"
    return None


_NOT_FIRST = frozenset({"The", "A", "An", "In", "On", "At", "As", "And", "But", "Of", "By", "For", "With"})


def nickname_names(body: str) -> list[tuple[str, int, int]]:
    """``(first last, start, end)`` of every ``First "Nick" Last`` (the span covers the nickname)."""
    out: list[tuple[str, int, int]] = []
    for mark in ("“", '"'):
        q = body.find(mark, 1)
        while q >= 0:
            m = _AFTER_MARK.match(body, q) if body[q - 1] == " " else None
            first = _FIRST.search(body, max(0, q - 31), q) if m is not None else None
            if m is not None and first is not None and first.group(1) not in _NOT_FIRST:
                out.append((f"{first.group(1)} {m.group(2)}", first.start(1), m.end()))
            q = body.find(mark, q + 1)
    out.sort(key=lambda t: t[1])
    return out
