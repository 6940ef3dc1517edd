"""Speaker phrases -> speakers: names back-linked to the article's people and organisations, pronouns
and definite descriptions (``the 25-year-old``) resolved to a recent compatible person.

Pronoun rule: inside the pronoun's own sentence the nearest compatible mention before it (outside
quotes and outside an introductory clause); otherwise the *first* compatible mention (the subject) of
the most recent sentence that has one.  ``he``/``she`` need a compatible gender (titles ``Mr``/``Ms``,
common first names, or the article's own ``X ... he``/``X ... her``); ``it`` needs an organisation.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from worker.pipeline.enrich.attribution import is_intro
from worker.pipeline.enrich.clause_words import DETERMINERS
from worker.pipeline.enrich.entities import NameIndex, clean_name, is_org_run
from worker.pipeline.enrich.name_words import DOC_NOUNS, FEMALE, MALE, PERSON_NOUNS, TRAILING_JUNK
from worker.pipeline.enrich.sentences import last_terminator
from worker.pipeline.enrich.speaker_words import (
    EXTRA_JUNK,
    GENERIC_ORG_NOUNS,
    INSTITUTION,
    ORG_DESCRIPTIONS,
)

Speaker = tuple[str, str | None]  # (speaker text, canonical entity or None)

_GENDER_TITLE = re.compile(
    r"\b(?:(Mr|Sir|Lord|King|Prince|Father)|(Mrs|Ms|Miss|Dame|Lady|Queen|Princess))\.? $"
)
_PRONOUN_GENDER = re.compile(r"\b(?:(he|his|him|himself)|(she|her|hers|herself))\b", re.IGNORECASE)
_PARENS = re.compile(r"\([^)]*\)")
_CLAUSE_END = re.compile(r"[,.;:]\s")
_APPOSITIVE_END = re.compile(r"[.;:]\s|, (?!\d)")


_PRONOUN_PHRASES = frozenset(
    w for p in ("he", "she", "it", "they", "we", "i") for w in (p, p.capitalize(), p.upper())
)


class SpeakerResolver:
    def __init__(
        self, names: NameIndex, stopwords: frozenset[str], places: dict[str, str], body: str
    ) -> None:
        self.names = names
        self.stopwords = stopwords
        self.places = places  # surface -> canonical country/place name
        self.body = body
        self.last: Speaker | None = None
        self.last_para = -10
        self.last_pos = -1
        self._quote_starts: list[int] = []
        self._quote_ends: list[int] = []
        self._mentions: list[tuple[int, int, str, str]] | None = None  # (start, end, canonical, P|O)
        self._mention_starts: list[int] = []
        self._genders: dict[str, str | None] = {}
        self._described: dict[str, str] = {}  # "the prime minister" -> the person it was resolved to
        self._named_memo: dict[tuple[str, tuple[str, ...]], Speaker | None] = {}  # _named is pure
        self._phrase_memo: dict[str, Speaker | None] = {}  # raw phrase -> _named result
        self._org_names: dict[str, str] | None = None  # org canonical name or surface -> canonical
        self._sent_starts: dict[int, int] = {}  # body offset -> start of its sentence

    # -- bookkeeping ---------------------------------------------------------------------------
    def add_quote_span(self, start: int, end: int) -> None:
        """Body offsets of a quoted span (names inside quotes are never antecedents)."""
        self._quote_starts.append(start)
        self._quote_ends.append(end)

    def remember(self, speaker: Speaker, para: int, pos: int = -1) -> None:
        self.last = speaker
        self.last_para = para
        self.last_pos = pos

    def _in_quote(self, pos: int) -> bool:
        i = bisect_right(self._quote_starts, pos) - 1
        return i >= 0 and pos < self._quote_ends[i]

    def _index(self) -> list[tuple[int, int, str, str]]:
        if self._mentions is None:
            ms = [(s, e, c, "P") for c, p in self.names.persons.items() for s, e in p.mentions if s >= 0]
            ms += [(s, e, c, "O") for c, om in self.names.orgs.items() for s, e, _ in om if s >= 0]
            ms.sort()
            self._mentions = ms
            self._mention_starts = [m[0] for m in ms]
        return self._mentions

    def _sent_start(self, pos: int) -> int:
        found = self._sent_starts.get(pos)
        if found is None:
            lo = max(0, pos - 400)
            window = self.body[lo:pos]
            found = self._sent_starts[pos] = lo + max(last_terminator(window), window.rfind("\n") + 1)
        return found

    def gender(self, canonical: str) -> str | None:
        if canonical in self._genders:
            return self._genders[canonical]
        first = canonical.split(" ", 1)[0].lower()
        g: str | None = "M" if first in MALE else "F" if first in FEMALE else None
        person = self.names.persons.get(canonical)
        if g is None and person is not None:
            votes = [0, 0]
            self._index()
            for s, e in person.mentions[:4]:
                t = _GENDER_TITLE.search(self.body[max(0, s - 9) : s])
                if t:
                    votes[0 if t.group(1) else 1] += 3
                tail = self.body[e : e + 160]
                tail = tail[: tail.find(". ") + 1 or len(tail)]
                p = _PRONOUN_GENDER.search(tail)
                if p and bisect_left(self._mention_starts, e + p.start()) == bisect_left(
                    self._mention_starts, e
                ):
                    votes[0 if p.group(1) else 1] += 1
            g = "M" if votes[0] > votes[1] else "F" if votes[1] > votes[0] else None
        self._genders[canonical] = g
        return g

    # -- antecedents ---------------------------------------------------------------------------
    def _ok(self, m: tuple[int, int, str, str], want: str) -> bool:
        if want == "O":
            return m[3] == "O"
        body = self.body
        if (
            m[3] != "P"
            or body.endswith("told ", 0, m[0])  # the one told is not the next speaker
            or body[m[1] + 1 : m[1] + 2].isdigit()  # "Apollo 9": a mission, not a person
            or body[m[0] : m[1]].isupper()  # a lone acronym back-linked to a name ("AI")
        ):
            return False
        return want == "P" or self.gender(m[2]) in (None, want)

    def _in_intro(self, sent: int, pos: int) -> bool:
        """Is ``pos`` inside the sentence's introductory chunk (``After meeting X, Y said``)?"""
        if ", " in self.body[sent:pos]:
            return False
        comma = self.body.find(", ", pos, pos + 300)
        return comma > 0 and is_intro(self.body[sent:comma])

    def antecedent(self, pos: int, want: str, nearest: bool = True) -> str | None:
        """Canonical person (``want`` M/F/P) or organisation (O) a pronoun at ``pos`` refers to.

        ``nearest=False`` (definite descriptions): the own sentence is searched like the earlier ones.
        """
        ms = self._index()
        j = bisect_left(self._mention_starts, pos) - 1
        cur = self._sent_start(pos) if nearest else pos
        while j >= 0 and ms[j][0] >= cur:  # own sentence: nearest
            m = ms[j]
            if self._ok(m, want) and not self._in_quote(m[0]) and not self._in_intro(cur, m[0]):
                return m[2]
            j -= 1
        while j >= 0 and pos - ms[j][0] < 4000:
            m = ms[j]
            if not self._ok(m, want) or self._in_quote(m[0]):
                j -= 1
                continue
            sent = self._sent_start(m[0])
            group = [g for g in ms[bisect_left(self._mention_starts, sent) : j + 1] if self._ok(g, want)]
            group = [g for g in group if not self._in_quote(g[0])] or [m]
            for g in group:  # a question's addressee answers it: "X asked Palacios ... " -> Palacios
                if self.body[max(sent, g[0] - 6) : g[0]] == "asked ":
                    return g[2]
            main = [g for g in group if not self._in_intro(sent, g[0])] or group
            if self.last is not None and self.last_pos > m[1] and self._last_ok(want, sent):
                return self.last[1] or self.last[0]  # the last speaker came later than that sentence
            return main[0][2]
        return None

    def _last_ok(self, want: str, sent: int) -> bool:
        """Can the last speaker be the antecedent (a person of the wanted gender, in a later sentence)?"""
        if self.last is None or want == "O" or self._sent_start(self.last_pos) <= sent:
            return False
        text, entity = self.last
        if entity is not None:
            return (entity in self.names.persons and self.gender(entity) in (None, want)) or want == "P"
        return text[:1].isupper() and len(text.split()) <= 3 and text.lower() not in self.stopwords

    def _role(self, noun: str, pos: int) -> str | None:
        """The person introduced with ``noun`` (``judge Chris Holmes``, ``X, a 25-year-old student``)."""
        best, best_pos = None, -1
        for name, person in self.names.persons.items():
            for s, e in person.mentions:
                if not best_pos < s < pos:
                    continue
                head = _CLAUSE_END.split(self.body[max(0, s - 40) : s])[-1]
                tail = (
                    _APPOSITIVE_END.split(self.body[e + 2 : e + 72])[0]
                    if self.body.startswith(", ", e)
                    else ""
                )
                if noun in head.lower() or noun in tail.lower():
                    best, best_pos = name, s
        return best

    # -- phrases -------------------------------------------------------------------------------
    def _pronoun(self, word: str, pos: int) -> Speaker | None:
        if word in ("he", "she", "his", "her", "him"):
            found = self.antecedent(pos, "M" if word in ("he", "his", "him") else "F")
            if found is not None:
                return (found, found)
            return self.last if self.last is not None and self.last[1] in self.names.persons else None
        if word in ("it", "its"):
            found = self.antecedent(pos, "O")
            return (found, found) if found is not None else None
        if word == "i":  # the writer or an interviewee: no antecedent in the text
            return None
        if self.last is not None and self.last[1] not in self.names.persons:  # they / we / their
            return self.last
        return None

    def resolve(self, phrase: str, pos: int, para: int) -> Speaker | None:
        del para
        if phrase in self._phrase_memo:  # a name: the same speaker wherever it stands
            return self._phrase_memo[phrase]
        if phrase in _PRONOUN_PHRASES:  # the commonest subject: skip the clean-up below
            return self._pronoun(phrase.lower(), pos)
        raw = phrase
        phrase = _PARENS.sub(" ", phrase).strip(" ,.:;—–-\"“”'’")
        words = phrase.split()
        while words and (
            words[-1].lower() in TRAILING_JUNK
            or words[-1].lower() in EXTRA_JUNK
            or (words[-1].endswith("ly") and words[-1].islower() and len(words) > 1)
        ):
            words.pop()
        while words and words[0].lower() in ("and", "but", "then", "so"):
            words = words[1:]
        if len(words) > 2 and words[-1] == "to" and words[-2].islower():  # "The report goes on to"
            words = words[:-2] if words[-2] != "on" else words[:-3]  # "to", "on" and the verb before
        if not words or len(words) > 12:
            return None
        low = [w.lower() for w in words]
        if low[0] in ("he", "she", "it", "they", "we", "i") and all(w.islower() for w in words[1:]):
            return self._pronoun(low[0], pos)  # "she", "She seems to", "he would later"
        if len(words) == 2 and low[0] in ("his", "her", "their", "its") and low[1] in DOC_NOUNS:
            return self._pronoun(low[0], pos)
        if len(words) >= 2 and low[-1] in DOC_NOUNS and low[-2].endswith(("'s", "’s")):
            words = words[:-1]
            words[-1] = words[-1][:-2]
            low = [w.lower() for w in words]
        capital = [w for w in words if w[:1].isupper() and w.lower() not in self.stopwords]
        if low[0] == "the" and not capital and len(words) <= 4 and low[-1] in ORG_DESCRIPTIONS:
            org = self._described.get(phrase.lower()) or self._described_org(low[-1], pos)
            if org is not None:
                self._described[phrase.lower()] = org
                return (org, org)
        if low[0] == "the" and not capital and len(words) <= 5:
            head = low[-1]
            if head in PERSON_NOUNS or head.endswith("-year-old"):
                role = " ".join(low[1:])
                found = self._described.get(role) or self._role(role, pos) or self.antecedent(pos, "P", False)
                if found is None:
                    return (phrase, None)
                self._described[role] = found
                return (found, found)
        key = (phrase, tuple(words))
        if key in self._named_memo:
            return self._named_memo[key]
        named = self._named_memo[key] = self._named(words, phrase)
        if low[0] != "the":
            self._phrase_memo[raw] = named
        return named

    def _described_org(self, noun: str, pos: int) -> str | None:
        """The organisation ``the <noun>`` refers to: the most recent one before ``pos`` whose name has a
        word of that kind (``Denver Zoo`` for ``the zoo``), for a company noun one named without an
        institution word (``Microsoft`` for ``the company``), for a generic noun (``the organization``)
        else the most recent one."""
        ms = self._index()
        kinds = ORG_DESCRIPTIONS[noun]
        plain = not kinds or noun == "company"
        latest = None  # for a generic noun ("the organization"), any organisation will do
        j = bisect_left(self._mention_starts, pos) - 1
        while j >= 0 and pos - ms[j][0] < 6000:
            m = ms[j]
            j -= 1
            if m[3] != "O" or self._in_quote(m[0]):
                continue
            words = m[2].split()
            if any(w in kinds for w in words) or (plain and not any(w in INSTITUTION for w in words)):
                return m[2]
            if latest is None and noun in GENERIC_ORG_NOUNS and pos - m[0] < 300:  # a recent one
                latest = m[2]
        return latest

    def _org_canonical(self, name: str) -> str | None:
        """``NameIndex.org_canonical`` (the first organisation named ``name``), from a dict built once."""
        if self._org_names is None:
            self._org_names = {}
            for canonical, mentions in self.names.orgs.items():
                self._org_names.setdefault(canonical, canonical)
                for _, _, surface in mentions:
                    self._org_names.setdefault(surface, canonical)
        return self._org_names.get(name)

    def _named(self, words: list[str], phrase: str) -> Speaker | None:
        run: list[str] = []
        for w in reversed(words):
            if (w[:1].isupper() and not w.endswith(("'", "’"))) or (
                run and w in ("of", "for", "de", "van", "bin", "al")
            ):
                run.insert(0, w)
            else:
                break
        phrase = " ".join(words)  # without the junk trimmed from its end
        k = len(words) - len(run)
        if run and words[0].lower() in DETERMINERS and "for" in words[max(1, k - 2) : k + 1]:
            return (phrase, None)  # "a spokesperson for (the) X": someone speaking for X
        if run and run[0] in ("of", "for"):
            run = run[1:]
        if not run:
            return (phrase, None) if words[0].lower() in DETERMINERS or len(words) <= 3 else None
        if run[0] == "The":
            run = run[1:] or run
        org = self._org_canonical(" ".join(run))
        if org is not None:
            return (org, org)
        if is_org_run(run):
            name = " ".join(run)
            return (name, name)
        tokens = clean_name(list(run), self.stopwords)
        if len(tokens) >= 3 and f" {tokens[0].lower()} " in self.body:
            tokens = tokens[1:]  # a capitalised common noun at the start of a sentence: "Student Daniel Broz"
        if not tokens:
            return (phrase, None) if len(words) > len(run) else None
        name = " ".join(tokens)
        canonical = self.names.lookup(name)
        if canonical is not None:
            return (canonical, canonical)
        if name in self.places:
            return (name, self.places[name])
        return (name, None)
