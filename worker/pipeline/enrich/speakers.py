"""Speaker phrases -> speakers: names back-linked to the article's people and organisations, pronouns
and definite descriptions (``the 25-year-old``, ``the company``) resolved to a recent compatible person
or organisation (the antecedent rules are in ``antecedents.py``).
"""

from __future__ import annotations

from bisect import bisect_left

from worker.pipeline.enrich.antecedents import NOUN_GENDER, Antecedents, Speaker
from worker.pipeline.enrich.clause_words import DETERMINERS, RELATIVES
from worker.pipeline.enrich.entities import clean_name, is_org_run, org_then_person
from worker.pipeline.enrich.name_index import NameIndex
from worker.pipeline.enrich.name_words import DOC_NOUNS, PERSON_NOUNS, TRAILING_JUNK
from worker.pipeline.enrich.speaker_patterns import (
    AND_COLLEAGUES,
    AUTHOR_BY,
    CODE,
    CONTRACTED,
    DASH,
    EPITHET_GENDER,
    EPITHET_HEADS,
    FIRST_PERSON,
    GROUP_AUTHORS,
    GROUP_ENDINGS,
    GROUP_HEADS,
    HEAD_NAME,
    INTERJECTIONS,
    INTRODUCED,
    LY_NOUNS,
    MEMBERS_OF,
    PARENS,
    PLURAL_SUBJECT,
    PRONOUN_PHRASES,
    PRONOUNS_ALL,
    SOMEONE,
    descriptor_head,
    without_tail,
)
from worker.pipeline.enrich.speaker_words import (
    AUTHORED_DOCS,
    COMPANY_NOUNS,
    COUNT_WORDS,
    EXTRA_JUNK,
    GENERIC_ORG_NOUNS,
    INSTITUTION,
    NON_SPEAKER_HEADS,
    ORG_DESCRIPTIONS,
)
from worker.pipeline.enrich.subjects import subject_of
from worker.pipeline.enrich.text_case import lower

__all__ = ["Speaker", "SpeakerResolver"]


class SpeakerResolver(Antecedents):
    def __init__(
        self, names: NameIndex, stopwords: frozenset[str], places: dict[str, str], body: str
    ) -> None:
        super().__init__(names, stopwords, body)
        self.places = places  # surface -> canonical country/place name
        self._described: dict[str, str] = {}  # "the prime minister" -> the person it was resolved to
        self._named_memo: dict[tuple[str, tuple[str, ...]], Speaker | None] = {}  # _named is pure
        self._phrase_memo: dict[str, Speaker | None] = {}  # raw phrase -> _named result
        self._org_names: dict[str, str] | None = None  # org canonical name or surface -> canonical
        self._dominant: Speaker | None = None  # dominant_person(), ("", None) when there is none
        self._descriptors: dict[str, Speaker] = {}  # head noun -> an unnamed speaker ("a former aide")

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
        if word == "they":  # "Big Machine have denied it. “...,” they said": a plural named subject
            group = None
            for m in PLURAL_SUBJECT.finditer(self.body, max(0, pos - 800), pos):
                if not self._in_quote(m.start(1)) and lower(m.group(1).split()[0]) not in self.stopwords:
                    group = m.group(1)
            if group is not None:
                org = self._org_canonical(group)
                return (org, org) if org is not None else (group, self.names.lookup(group))
        return None

    def resolve(self, phrase: str, pos: int, para: int, depth: int = 0) -> Speaker | None:
        del para
        if phrase in self._phrase_memo:  # a name: the same speaker wherever it stands
            return self._phrase_memo[phrase]
        if phrase in PRONOUN_PHRASES:  # the commonest subject: skip the clean-up below
            return self._pronoun(lower(phrase), pos)
        contracted = CONTRACTED.match(phrase)
        rest = phrase[contracted.end() :] if contracted is not None else ""
        if contracted is not None and (not rest or rest.islower()):
            return self._pronoun(lower(contracted.group(1)), pos)  # "he’d", "they’ve", "he’d only"
        raw = phrase
        if "(" in phrase:
            phrase = PARENS.sub(" ", phrase)
        phrase = phrase.strip(" ,.:;—–-\"“”'’*()")  # "Paula*": a changed name; "(A spokesperson"
        if "—" in phrase or "–" in phrase:
            parts = DASH.split(phrase)  # "Yi Wangxia—her name means sunset—came": before a parenthesis;
            named_last = len(parts) == 2 and any(w[:1].isupper() for w in parts[1].split())
            phrase = (parts[1] if named_last else parts[0]).strip(" ,")  # "X — a process Persoons"
        words = phrase.split()
        while words and (
            lower(words[-1]) in TRAILING_JUNK
            or lower(words[-1]) in EXTRA_JUNK
            or (words[-1].endswith("ly") and words[-1].islower() and len(words) > 1)
        ):
            words.pop()
        if len(words) > 1 and words[0][:1].isupper() and lower(words[0]) not in DETERMINERS:
            words = without_tail(words)  # "Varma adding", "Loofbourow elsewhere", "Merchant WENT IN"
        while words and lower(words[0]) in ("and", "but", "then", "so"):
            words = words[1:]
        if len(words) > 2 and words[-1] == "to" and words[-2].islower():  # "The report goes on to"
            words = words[:-2] if words[-2] != "on" else words[:-3]  # "to", "on" and the verb before
        if not words or len(words) > 12 or (len(words) == 1 and lower(words[0]) in RELATIVES):
            return None
        if len(words) == 1 and words[0].islower() and words[0].endswith("ly") and words[0] not in LY_NOUNS:
            return None  # "... the interests" mutually shared by ...: an adverb, never a speaker
        low = [lower(w) for w in words]
        if low[0] in ("he", "she", "it", "they", "we", "i") and all(w.islower() for w in words[1:]):
            return self._pronoun(low[0], pos)  # "she", "She seems to", "he would later"
        if len(words) == 2 and low[0] in ("his", "her", "their", "its") and low[1] in DOC_NOUNS:
            return self._pronoun(low[0], pos)
        if len(words) >= 2 and low[-1] in DOC_NOUNS and low[-2].endswith(("'s", "’s", "s'", "s’")):
            words = words[:-1]  # "the White House’s announcement", "a Moody’s Analytics’ forecast"
            words[-1] = words[-1][:-2] if words[-1].endswith(("'s", "’s")) else words[-1][:-1]
            if lower(words[0]) in ("a", "an", "the"):
                words = words[1:]
            low = [lower(w) for w in words]
        capital = [w for w in words if w[:1].isupper() and lower(w) not in self.stopwords]
        if (
            low[0] == "the"
            and capital
            and 3 <= len(words) <= 6
            and words[-1].islower()
            and low[-1] in EPITHET_HEADS
            and all(w[:1].isupper() for w in words[1:-1])
        ):  # "The Love Actually actress", "the Good Wife actor": an epithet for someone named before it
            at = self.body.rfind(" ".join(words[1:-1]), 0, pos + 400)
            found = self.antecedent(at, EPITHET_GENDER.get(low[-1], "P"), False) if at > 0 else None
            if found is not None:
                return (found, found)
        if low[0] == "the" and not capital and len(words) <= 3 and low[-1] in GROUP_AUTHORS:
            lead = self._lead_member(pos)  # "said Dr. X from the Y Centre and colleagues" ... "the authors"
            if lead is not None:
                return (lead, lead)
        if low[0] == "the" and not capital and len(words) <= 3 and low[-1] in AUTHORED_DOCS and depth == 0:
            author = self._document_author(low[-1], pos)
            if author is not None:
                return author
        if low[0] == "the" and not capital and len(words) <= 4 and low[-1] in ORG_DESCRIPTIONS:
            org = self._described_org(low[-1], pos)
            if org is not None:
                return (org, org)
        if low[0] == "the" and not capital and len(words) <= 5:
            head = low[low.index("of") - 1] if "of" in low[2:] else low[-1]  # "the secretary of state"
            if head in PERSON_NOUNS or head.endswith("-year-old"):
                role = " ".join(low[1:])
                found = self._described.get(role)
                if found is None and head in self._descriptors:  # "a former aide who ..." ... "the aide"
                    return self._descriptors[head]
                found = found or self._role(role, pos) or (head != role and self._role(head, pos)) or None
                found = found or self.antecedent(pos, NOUN_GENDER.get(head, "P"), False)  # "the actress"
                if found is None:
                    return (phrase, None)
                self._described[role] = found
                return (found, found)
        named_head = HEAD_NAME.match(" ".join(words))
        if named_head is not None:  # "Ana Veldt of the University of X", "Sen. X of Ohio"
            person = self.names.lookup(named_head.group(1))
            rest = " ".join(words)[named_head.end(1) :]
            own = person is not None and person.split()[-1] in named_head.group(1)
            if own and person is not None and not any(p in rest for p in self.names.persons):
                return (person, person)
        key = (phrase, tuple(words))
        if key in self._named_memo:
            return self._named_memo[key]
        named = self._named(words, phrase)
        if named is not None and named[1] is None and not self._speaker_like(named[0]):
            named = None
        if named is not None and named[1] is None and len(words) == 2 and words[0].endswith(("’s", "'s")):
            owner = self.names.lookup(words[0][:-2])  # "Ma’s office": "Jack Ma’s office"
            if owner is not None and owner != words[0][:-2] and words[1].islower():
                named = (f"{owner}{words[0][-2:]} {words[1]}", None)
        if named is not None and named[1] is None and low[0] in ("a", "an"):
            head = descriptor_head(low)
            if head in PERSON_NOUNS:
                self._descriptors.setdefault(head, named)
        self._named_memo[key] = named
        if low[0] != "the":
            self._phrase_memo[raw] = named
        return named

    def _lead_member(self, pos: int) -> str | None:
        """The person named with ``and colleagues`` (``and her team``) last before ``pos``."""
        found = None
        for m in AND_COLLEAGUES.finditer(self.body, max(0, pos - 5000), pos):
            found = m
        return self.names.lookup(found.group(1)) if found is not None else None

    def _document_author(self, noun: str, pos: int) -> Speaker | None:
        """``the letter`` / ``the lawsuit`` as a speaker: the author named where it was introduced (``A
        lawsuit, filed by the Authors Guild, ...``, ``In a notification, UKMTO said``, ``The caucus sent a
        letter``, ``Acme announced ...`` for ``the announcement``)."""
        lo = max(0, pos - 4000)
        found = None
        for m in INTRODUCED.finditer(self.body, lo, pos):
            if lower(m.group(1) or m.group(2)).startswith(noun[:7]) and not self._in_quote(m.start()):
                found = m
        if found is None:
            return None
        start = self._sent_start(found.start())
        stop = self.body.find(". ", found.end(), found.end() + 400)
        sentence = self.body[start : stop if stop > 0 else found.end() + 400]
        agent = AUTHOR_BY.search(sentence, found.end() - start)
        subject = agent.group(1) if agent is not None else subject_of(sentence, self.stopwords)
        if subject and lower(subject) in GROUP_HEADS:  # "Members of the Congressional Black Caucus"
            member = MEMBERS_OF.match(sentence, sentence.find(subject))
            subject = member.group(1) if member is not None else None
        if not subject or lower(subject) in PRONOUNS_ALL:
            return None
        speaker = self.resolve(subject, start, -1, 1)
        if speaker is None or (speaker[1] is None and not subject[:1].isupper()):
            return None
        return speaker

    def main_person(self) -> Speaker | None:
        """The person an interview or profile is about: the first one named (before ``pos`` of the first
        quote) who is named again."""
        first = min(
            ((p.mentions[0][0], c) for c, p in self.names.persons.items() if len(p.mentions) >= 2),
            default=None,
        )
        if first is None or not self._quote_starts or first[0] > self._quote_starts[0]:
            return None
        return (first[1], first[1])

    def dominant_person(self) -> Speaker | None:
        """The person a profile is about: named at least five times and twice as often as anyone else."""
        if self._dominant is None:
            counts = sorted(((len(p.mentions), c) for c, p in self.names.persons.items()), reverse=True)
            top = counts[0] if counts else (0, "")
            ok = top[0] >= 5 and (len(counts) == 1 or top[0] >= 2 * counts[1][0])
            self._dominant = (top[1], top[1]) if ok else ("", None)
        return self._dominant if self._dominant[1] is not None else None

    def _speaker_like(self, text: str) -> bool:
        """Can an unresolved phrase name a speaker?  Not a sentence-initial adverb or common word
        (``Remarkably``, ``Various``, ``Conversation``), a code (``COVID-19``) or a descriptor whose head
        is a thing (``The question``, ``a tweet``, ``A 2000 analysis``)."""
        if CODE.search(text) is not None:
            return False
        words = text.split()
        head = lower(words[-1]).strip(".,")
        if lower(words[0]).replace("’", "'") in FIRST_PERSON:
            return False  # "I’m not gonna", "You know": the writer or an interviewee, no named speaker
        if len(words) == 1:
            if not text[:1].isupper():  # "officials", "police"; not "tour", "effect", "everything"
                noun = head in PERSON_NOUNS or head.rstrip("s") in PERSON_NOUNS
                return noun or head.endswith(GROUP_ENDINGS) or head in SOMEONE
            return not (
                head.endswith(("ly", "ing"))
                or head in INTERJECTIONS
                or f" {head}" in self.body  # written in lower case elsewhere: a common word
            )
        if words[-1][:1].isupper():
            return True
        return head not in NON_SPEAKER_HEADS

    def _described_org(self, noun: str, pos: int) -> str | None:
        """The organisation ``the <noun>`` refers to: the most recent one before ``pos`` whose name has a
        word of that kind (``Denver Zoo`` for ``the zoo``), for a company noun one named without an
        institution word (``Microsoft`` for ``the company``), for a generic noun (``the organization``)
        else the most recent one."""
        ms = self._index()
        kinds = ORG_DESCRIPTIONS[noun]
        plain = noun in COMPANY_NOUNS
        latest = None  # for a generic noun ("the organization"), any organisation will do
        j = bisect_left(self._mention_starts, pos) - 1
        while j >= 0 and pos - ms[j][0] < 3000:  # named in the last few paragraphs
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
        found = self._org_names.get(name)
        if found is None and " " not in name and name not in self.names.surnames:
            # "Insomniac" for "Insomniac Games": the one organisation whose name starts with the word
            longer = {c for c in self.names.orgs if c.startswith(name + " ")}
            found = longer.pop() if len(longer) == 1 else None
        return found

    def _named(self, words: list[str], phrase: str) -> Speaker | None:
        run: list[str] = []
        for w in reversed(words):
            if run and w.endswith(("'s", "’s")) and not is_org_run(run):
                break  # "Bank of America's Reif Ehrlich": not the owner (but "Sheriff's Office")
            if (w[:1].isupper() and not w.endswith(("'", "’"))) or (
                run and w in ("of", "for", "de", "van", "bin", "al")
            ):
                run.insert(0, w)
            else:
                break
        phrase = " ".join(words)  # without the junk trimmed from its end
        k = len(words) - len(run)
        if run and lower(words[0]) in DETERMINERS and "for" in words[max(1, k - 2) : k + 1]:
            return (phrase, None)  # "a spokesperson for (the) X": someone speaking for X
        if run and run[0] in ("of", "for"):
            run = run[1:]
        if not run:
            first = lower(words[0])
            countable = first in DETERMINERS or first in COUNT_WORDS  # "Four of Kennedy's siblings"
            return (phrase, None) if countable or len(words) <= 3 else None
        if run[0] == "The":
            run = run[1:] or run
        org = self._org_canonical(" ".join(run))
        if org is not None:
            return (org, org)
        if is_org_run(run):
            person = org_then_person(run)[1]  # "Acme University Professor Jane Roe": the person
            if not person:
                name = " ".join(run)
                return (name, name)
            run = person
        tokens = clean_name(list(run), self.stopwords)
        if len(tokens) >= 3 and f" {lower(tokens[0])} " in self.body:
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
