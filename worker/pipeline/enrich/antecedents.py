"""Antecedents of pronouns and descriptions: the article's person and organisation mentions in order,
sentence starts, genders, and the rule that picks the mention a pronoun refers to.

Pronoun rule: inside the pronoun's own sentence the nearest compatible mention before it (outside
quotes and outside an introductory clause); otherwise the *first* compatible mention (the subject) of
the most recent sentence that has one.  ``he``/``she`` need a compatible gender (titles ``Mr``/``Ms``,
common first names, or the article's own ``X ... he``/``X ... her``); ``it`` needs an organisation.
Never an antecedent: the object of ``told``, a name followed by a number (``Apollo 9``), a lone acronym.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from worker.pipeline.enrich.given_names import name_genders
from worker.pipeline.enrich.name_index import NameIndex
from worker.pipeline.enrich.name_words import FEMALE, MALE
from worker.pipeline.enrich.sentences import last_terminator
from worker.pipeline.enrich.subjects import is_intro
from worker.pipeline.enrich.text_case import lower

Speaker = tuple[str, str | None]  # (speaker text, canonical entity or None)

_GENDER_TITLE = re.compile(
    r"\b(?:(Mr|Sir|Lord|King|Prince|Father)|(Mrs|Ms|Miss|Dame|Lady|Queen|Princess))\.? $"
)
_PRONOUN_GENDER = re.compile(r"\b(?:(he|his|him|himself)|(she|her|hers|herself))\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,.;:]\s")
_APPOSITIVE_END = re.compile(r"[.;:]\s|, (?!\d)")
# "..., Sarah Dunning said." ends a sentence with its attribution: that name is the subject
_TRAILING_SAID = re.compile(r"(?:’s|'s)? (?:said|says|told|added|adds|wrote|writes|explained|noted|argued)\b")


_POSSESSOR = {"M": "his", "F": "her"}
_MALE_NOUNS = (
    "husband man father dad son brother boyfriend grandfather uncle king actor businessman chairman spokesman"
    " congressman widower groom boy prince"
)
_FEMALE_NOUNS = (
    "wife woman mother mom mum daughter sister girlfriend grandmother aunt queen actress businesswoman"
    " chairwoman spokeswoman congresswoman widow bride girl princess"
)
NOUN_GENDER = {w: g for words, g in ((_MALE_NOUNS, "M"), (_FEMALE_NOUNS, "F")) for w in words.split()}


class Antecedents:
    """Mentions of one article body and the speakers found so far (``last``)."""

    def __init__(self, names: NameIndex, stopwords: frozenset[str], body: str) -> None:
        self.names = names
        self.stopwords = stopwords
        self.body = body
        self.last: Speaker | None = None
        self.last_para = -10
        self.last_pos = -1
        self._quote_starts: list[int] = []
        self._quote_ends: list[int] = []
        self._mentions: list[tuple[int, int, str, str]] | None = None  # (start, end, canonical, P|O)
        self._mention_starts: list[int] = []
        self._genders: dict[str, str | None] = {}
        self._sent_starts: dict[int, int] = {}  # body offset -> start of its sentence
        self._strict = False  # a gendered description: only persons known to be of that gender

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
        first = lower(canonical.split(" ", 1)[0])
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
        if want == "P":
            return True
        g = self.gender(m[2])
        if not self._strict:
            return g in (None, want)
        # a gendered description ("the country queen"): a person known to be of that gender, from the text
        # or, when the text does not say, the census lists ("Dolly"); never used to rule a person out
        return g == want or (g is None and name_genders().get(lower(m[2].split(" ", 1)[0])) == want)

    def _in_intro(self, sent: int, pos: int) -> bool:
        """Is ``pos`` inside the sentence's introductory chunks (``After meeting X, Y said``, ``Separately,
        on the topic of X's plans, Y said``)?  Not the source of ``According to X, ...``."""
        start = sent
        while True:
            comma = self.body.find(", ", start, pos + 300)
            if comma < 0 or not is_intro(self.body[start:comma]):
                return False
            if comma >= pos:
                return not self.body.startswith("ccording to ", start + 1)
            start = comma + 2

    def antecedent(self, pos: int, want: str, nearest: bool = True) -> str | None:
        """Canonical person (``want`` M/F/P) or organisation (O) a pronoun at ``pos`` refers to.

        ``nearest=False`` (definite descriptions): the own sentence is searched like the earlier ones;
        for a gendered description (``the country queen``) a person known to be of that gender wins.
        """
        if not nearest and want in ("M", "F"):
            self._strict = True
            try:
                found = self._antecedent(pos, want, nearest)
            finally:
                self._strict = False
            if found is not None:
                return found
        return self._antecedent(pos, want, nearest)

    def _antecedent(self, pos: int, want: str, nearest: bool) -> str | None:
        ms = self._index()
        j = bisect_left(self._mention_starts, pos) - 1
        cur = self._sent_start(pos) if nearest else pos
        while j >= 0 and ms[j][0] >= cur:  # own sentence: nearest
            m = ms[j]
            usable = self._ok(m, want) and not self._in_quote(m[0]) and not self._in_intro(cur, m[0])
            if usable and not self._in_appositive(cur, m[0], j):
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
            main = [
                g for g in group if not self._in_intro(sent, g[0]) and not self._gerund_object(sent, g[0])
            ]
            main = main or group
            if want != "O" and len(main) > 1:
                main = [g for g in main[1:] if self._trailing_attribution(g)][-1:] or main
            if self._pronoun_subject(sent, main[0][0], want):  # "She booked shows like X": not X
                j = bisect_left(self._mention_starts, sent) - 1
                continue
            if self.last is not None and self.last_pos > m[1] and self._last_ok(want, sent):
                return self.last[1] or self.last[0]  # the last speaker came later than that sentence
            return main[0][2]
        return None

    def _in_appositive(self, sent: int, pos: int, j: int) -> bool:
        """``Greta Lee, the breakout star of Past Lives, says``: a name inside an appositive that describes
        the person named just before it is not the next pronoun's antecedent."""
        comma = self.body.rfind(", ", sent, pos)
        if comma < 0 or self.body[comma + 2 : pos].split(" ", 1)[0] not in ("the", "a", "an"):
            return False
        return (
            any(m[1] == comma and m[3] == "P" for m in self._mentions[max(0, j - 3) : j])
            if self._mentions
            else False
        )

    def _trailing_attribution(self, m: tuple[int, int, str, str]) -> bool:
        """``Tebay takes a novel approach, Sarah Dunning said.``: a later name in a reporting clause after a
        comma is the sentence's subject, not its first name."""
        body = self.body
        return body.endswith(", ", 0, m[0]) and _TRAILING_SAID.match(body, m[1]) is not None

    def _gerund_object(self, sent: int, pos: int) -> bool:
        """``Playing Tommy Lee Royce has given Norton nightmares``: the object of a sentence-initial gerund
        is not the sentence's subject."""
        lead = self.body[sent:pos]
        return lead.endswith("ing ") and lead.count(" ") == 1 and lead[:1].isupper()

    def _pronoun_subject(self, sent: int, pos: int, want: str) -> bool:
        """Is the subject of the sentence at ``sent`` a pronoun of the wanted gender before ``pos`` (then
        a later name in it is not what the next ``he``/``she`` refers to: the pronoun chain goes on)?"""
        if want not in ("M", "F"):
            return False
        chunks = self.body[sent:pos].split(", ")
        k = 0
        while k < len(chunks) - 1 and is_intro(chunks[k]):
            k += 1
        pronoun = "he" if want == "M" else "she"
        first = lower(chunks[k].split(" ", 1)[0].strip("\"“”'‘’(—–"))
        if first == pronoun:
            return True
        clause = self.body[sent:pos]
        clause = clause[clause.rfind(", ") + 1 :]  # the name's own chunk ("Though he grew up in X, Hill")
        if f" {pronoun} " in lower(clause):  # "Although she denied she dumped Pitt": she is someone named
            return True  # before, and the chain goes on past Pitt
        # "Just like many fans, she was marked by X's fame": the pronoun subject after a lead-in chunk
        return k + 1 < len(chunks) and chunks[k + 1].split(" ", 1)[0] == pronoun

    def _last_ok(self, want: str, sent: int) -> bool:
        """Can the last speaker be the antecedent (a person of the wanted gender, in a later sentence)?"""
        if self.last is None or want == "O" or self._sent_start(self.last_pos) <= sent:
            return False
        text, entity = self.last
        if entity is not None:
            return (entity in self.names.persons and self.gender(entity) in (None, want)) or want == "P"
        words = lower(text).split()
        if (
            want in _POSSESSOR
            and words
            and (words[0] == _POSSESSOR[want] or NOUN_GENDER.get(words[-1], want) != want)
        ):
            return False  # "Her husband" is not the next "she"
        return text[:1].isupper() and len(text.split()) <= 3 and lower(text) not in self.stopwords

    def _role(self, noun: str, pos: int) -> str | None:
        """The person introduced with ``noun`` (``judge Chris Holmes``, ``X, a 25-year-old student``);
        a title in the name itself (``Pope Francis`` for ``the pope``) wins over words around a name."""
        best, best_pos = None, -1
        titled, titled_pos = None, -1
        for name, person in self.names.persons.items():
            in_name = noun in lower(name).split()
            for s, e in person.mentions:
                if not best_pos < s < pos and not (in_name and titled_pos < s < pos):
                    continue
                if in_name:
                    titled, titled_pos = name, s
                    continue
                head = _CLAUSE_END.split(self.body[max(0, s - 40) : s])[-1]
                tail = (
                    _APPOSITIVE_END.split(self.body[e + 2 : e + 72])[0]
                    if self.body.startswith(", ", e)
                    else ""
                )
                if noun in lower(head) or noun in lower(tail):
                    best, best_pos = name, s
        return titled or best
