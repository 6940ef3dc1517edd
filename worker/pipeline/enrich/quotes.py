"""Direct quotations with speaker, reporting verb, offsets and the partial-quote flag.

Speaker search order for each quote: the attribution right after it (``..., Kirby said`` /
``..., said Kirby``), then the reporting verb before it in the same sentence (``Kirby said, "..."``,
``according to X``, partial quotes), then the previous quote of the same paragraph or an unclosed
quote of the previous paragraph.  Pronouns and ``the doctor``-style roles go to the last speaker.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from worker.models.enrichment import Quote
from worker.pipeline.enrich.entities import NameIndex, clean_name, is_org_run
from worker.pipeline.enrich.name_words import TRAILING_JUNK

QUOTE_MARK = re.compile('["“”]')
OPEN = '"“'
CLOSE = '"”'
VERB_RE = re.compile(
    r"\b(said|says|say|told|tells|added|adds|wrote|writes|stated|explained|explains|noted|notes|insisted|"
    r"stressed|argued|claimed|asked|continued|recalled|warned|declared|announced|responded|replied|admitted|"
    r"acknowledged|confirmed|tweeted|posted|reported|reports|suggested|concluded|remarked|commented|testified|"
    r"urged|vowed|joked|sings|sang|texted|described|calling|telling|saying|adding|noting|warning|arguing|"
    r"stressing|insisting|vowing|explaining|according to)\b"
)
TERMINATOR = re.compile(r"[.!?][\"”’)]?\s+(?=[A-Z\"“(])|[.!?]$")
ABBREV = frozenset(
    {"Mr", "Ms", "Mrs", "Dr", "St", "Sen", "Gov", "Rep", "Gen", "Lt", "Col", "Sgt", "Jr", "Sr", "No"}
)
CUT_AFTER_VERB = re.compile(
    r"[,;:!?—–(]|\.(?:\s|$)| (?:in|on|about|at|during|after|before|following|when|while|with|to|that|of|as)\b"
)
ROLE_RE = re.compile(
    r"^the (?:doctor|judge|prime minister|president|general|minister|senator|governor|mayor|chief|host|"
    r"spokesman|spokeswoman|prosecutor|attorney|singer|actor|star|coach|ceo|chairman|director|secretary)$"
)
APPOSITIVE = re.compile(r",\s*(?:who|which|whose|the|a|an|his|her)\b[^,]*,\s*$")
PERSON_PRONOUNS = frozenset({"he", "she"})
PRONOUNS = frozenset({"he", "she", "they", "it", "we"})
POSSESSIVES = frozenset({"her", "his", "their", "its", "my", "our"})


def _last_terminator(text: str) -> int:
    """Index just after the last sentence end in ``text`` (0 if none)."""
    cut = 0
    for m in TERMINATOR.finditer(text):
        word = text[: m.start()].rsplit(" ", 1)[-1]
        if word in ABBREV or (len(word) == 1 and word.isupper()) or (word.count(".") >= 1 and len(word) <= 5):
            continue
        cut = m.end()
    return cut


def _first_terminator(text: str) -> int:
    for m in TERMINATOR.finditer(text):
        word = text[: m.start()].rsplit(" ", 1)[-1]
        if word in ABBREV or (len(word) == 1 and word.isupper()):
            continue
        return m.start()
    return len(text)


def quote_spans(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, closed) of every double-quoted span; ``end`` excludes the closing mark."""
    spans: list[tuple[int, int, bool]] = []
    open_at = -1
    for m in QUOTE_MARK.finditer(text):
        i, ch = m.start(), m.group()
        if open_at < 0:
            if ch in OPEN:
                open_at = i
        elif ch in CLOSE:
            spans.append((open_at, i, True))
            open_at = -1
        else:  # a second opening mark: the first one was never closed
            spans.append((open_at, i, False))
            open_at = i
    if open_at >= 0:
        spans.append((open_at, len(text), False))
    return spans


PASSIVE_AUX = re.compile(r"\b(?:been|was|were|is|are|be|being)\s*$")
DETERMINERS = frozenset(
    {"a", "an", "the", "some", "his", "her", "their", "its", "one", "two", "three", "another"}
)


class SpeakerResolver:
    def __init__(
        self, names: NameIndex, stopwords: frozenset[str], places: dict[str, str], body: str
    ) -> None:
        self.names = names
        self.stopwords = stopwords
        self.places = places  # surface -> canonical country/place name
        self.body = body
        self.last: tuple[str, str | None] | None = None
        self.last_para = -10

    def _person_at(self, pos: int, para: int, role: str = "") -> tuple[str, str | None] | None:
        if role:  # "the judge" -> the person introduced as "judge Chris Holmes"
            noun = role.split()[-1]
            for name, person in self.names.persons.items():
                if any(noun in self.body[max(0, s - 30) : s].lower() for s, _ in person.mentions if s < pos):
                    return (name, name)
        if self.last is not None and para - self.last_para <= 1:
            return self.last
        found = self.names.last_person_before(pos, self.body)
        return (found, found) if found else self.last

    def resolve(self, phrase: str, pos: int, para: int) -> tuple[str, str | None] | None:
        phrase = re.sub(r"\([^)]*\)", " ", phrase).strip(" ,.:;—–-\"“”'’")
        words = phrase.split()
        while words and words[-1].lower() in TRAILING_JUNK:
            words.pop()
        if words and words[0].lower() == "and":
            words = words[1:]
        if not words or len(words) > 12:
            return None
        if words[-1].lower() in PERSON_PRONOUNS:
            return self._person_at(pos, para)
        if ROLE_RE.match(" ".join(words).lower()):
            return self._person_at(pos, para, " ".join(words).lower())
        if words[-1].lower() in ("they", "it", "we"):
            return self.last
        phrase = " ".join(words)
        run: list[str] = []
        for w in reversed(words):
            if (w[0].isupper() and not w.endswith(("'", "’"))) or (
                run and w in ("of", "for", "de", "van", "bin", "al")
            ):
                run.insert(0, w)
            else:
                break
        if run and run[0] in ("of", "for"):
            run = run[1:]
        if not run:
            return (phrase, None) if words[0].lower() in DETERMINERS or len(words) <= 3 else None
        org = self.names.org_canonical(" ".join(run[1:] if run[0] == "The" else run))
        if org is not None:
            return (org, org)
        if is_org_run(run):
            name = " ".join(run[1:] if run[0] == "The" else run)
            return (name, name)
        tokens = clean_name(list(run), self.stopwords)
        if not tokens:
            return (phrase, None) if len(words) > len(run) else None
        name = " ".join(tokens)
        canonical = self.names.lookup(name)
        if canonical is not None:
            return (canonical, canonical)
        if name in self.places:
            return (name, self.places[name])
        return (name, None)

    def remember(self, speaker: tuple[str, str | None], para: int) -> None:
        self.last = speaker
        self.last_para = para


def _cut_subject(rest: str) -> str:
    for m in CUT_AFTER_VERB.finditer(rest):
        if rest[m.start()] == ".":
            word = rest[: m.start()].rsplit(" ", 1)[-1]
            if word in ABBREV or len(word) == 1 or "." in word:
                continue
        return rest[: m.start()]
    return rest


def _and_first(pre: str) -> str:
    if " and " in pre:
        left, right = pre.rsplit(" and ", 1)
        if left.split()[-1:] and left.split()[-1][0].isupper() and right[:1].isupper():
            return _last_chunk(left)
        return right
    return pre


def _last_chunk(pre: str) -> str:
    for sep in (" that ", " when ", " but ", " as ", " while "):
        if sep in pre:
            pre = pre.rsplit(sep, 1)[1]
    return pre


def _subject_before(pre: str) -> str:
    """The subject right before a verb: ``X, who ..., said`` -> X; ``In a memo, the DEA said`` -> the DEA."""
    pre = pre.rstrip()
    if pre.endswith(","):
        parts = pre[:-1].split(", ")
        if len(parts) >= 2:
            return _and_first(_last_chunk(parts[-2]))
    return _and_first(_last_chunk(pre.rsplit(", ", 1)[-1]))


def _sentence_subject(before: str) -> str:
    return before.split(", ", 1)[0]


def _attribution_after(after: str, quote_end: str) -> tuple[str, str] | None:
    """(subject phrase, verb) from the text right after a quote, up to the sentence end."""
    if quote_end == ".":
        return None
    after = after[: _first_terminator(after) + 1].lstrip(" ,.!?)—–")
    m = VERB_RE.search(after[:140])
    if m is None:
        return None
    verb = m.group(1)
    pre = after[: m.start()].strip()
    if verb == "according to":
        return _cut_subject(after[m.end() :]), verb
    if not pre:
        rest = after[m.end() :]
        return _cut_subject(rest[4:] if rest.startswith(" by ") else rest), verb
    chunks = pre.split(", ")
    if chunks[-1].lower() in PRONOUNS:
        return chunks[-1], verb
    subject = chunks[0]
    words = subject.split()
    first, last = words[0], words[-1]
    lowercase_clause = first[0].islower() and first not in DETERMINERS and not last[0].isupper()
    if verb.endswith("ing") or len(words) > 10 or lowercase_clause:
        return None
    if quote_end in "!?" and len(words) > 4:
        return None
    return subject, verb


def _attribution_before(before: str) -> tuple[str, str] | None:
    matches = list(VERB_RE.finditer(before))
    while matches:
        m = matches.pop()
        verb = m.group(1)
        if verb == "according to":
            return _cut_subject(before[m.end() :]), verb
        if verb.endswith("ing"):
            if matches:
                continue
            return _sentence_subject(before), verb
        pre = before[: m.start()]
        rest = before[m.end() :]
        if rest.startswith(" by ") and PASSIVE_AUX.search(pre):
            return _cut_subject(rest[4:]), verb
        if not pre.strip(' ,"”'):
            subj = _cut_subject(rest)
            if subj.strip():
                return subj, verb
        subject = _subject_before(pre)
        if subject.split()[:1] and subject.split()[0].lower() in POSSESSIVES and matches:
            continue  # "her gut told her": look for the earlier verb
        return subject, verb
    return None


def extract_quotes(paragraphs: Sequence[tuple[int, int, str]], resolver: SpeakerResolver) -> list[Quote]:
    """``paragraphs``: (idx, char_start, text).  Offsets in the result are body offsets."""
    items: list[dict[str, Any]] = []
    carried: tuple[str, str | None, str] | None = None  # speaker of an unclosed quote
    for idx, base, text in paragraphs:
        spans = quote_spans(text)
        prev_end = 0
        prev: tuple[str, str | None, str] | None = None
        next_carried = None
        pending: list[dict[str, Any]] = []
        for n, (qs, qe, closed) in enumerate(spans):
            body = text[qs + 1 : qe].strip()
            before_all = text[prev_end:qs]
            before = before_all[_last_terminator(before_all) :]
            after = text[qe + 1 : spans[n + 1][0] if n + 1 < len(spans) else len(text)] if closed else ""
            found = _attribution_after(after, body[-1:]) if after.strip() and body else None
            if found is None and before.strip():
                found = _attribution_before(before)
            speaker: tuple[str, str | None] | None = None
            verb: str | None = None
            if found is not None:
                speaker = resolver.resolve(found[0], base + qs, idx)
                verb = found[1]
            if speaker is None and n == 0 and not before.strip() and carried is not None:
                speaker, verb = (carried[0], carried[1]), carried[2]
            if speaker is None and prev is not None and not before.strip():
                speaker, verb = (prev[0], prev[1]), prev[2]
            if speaker is not None:
                resolver.remember(speaker, idx)
                prev = (speaker[0], speaker[1], verb or "")
                for item in pending:  # earlier unattributed quotes of this paragraph take this speaker
                    item.update(speaker=speaker[0], speaker_entity=speaker[1], verb=verb)
                pending = []
            if not closed and speaker is not None:
                next_carried = (speaker[0], speaker[1], verb or "")
            prev_end = qe + 1
            stripped_before = before.strip()
            partial = bool(stripped_before) and not stripped_before.endswith((",", ":"))
            if not partial and closed and body and body[-1] not in ".,!?…" and after[:1].isalpha():
                partial = True
            if not body:
                continue
            item = {
                "text": body,
                "speaker": speaker[0] if speaker else None,
                "speaker_entity": speaker[1] if speaker else None,
                "verb": verb,
                "para": idx,
                "start": base + qs + 1,
                "end": base + qe,
                "is_partial": partial,
            }
            if speaker is None and not stripped_before and not partial:
                pending.append(item)
            items.append(item)
        carried = next_carried
    return [Quote(**item) for item in items if item["speaker"] is not None or len(item["text"].split()) >= 4]
