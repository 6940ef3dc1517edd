"""Attribution clauses of English news copy: which words around a quote name its speaker.

Pure string functions, no tables.  The speaker of a quote is the subject of the reporting clause
adjacent to it: after it (``"...," Kirby said`` / ``"...," said Kirby``), before it in the same
sentence (``Kirby said, "..."``, ``Kirby said the plan was "bad"``, ``according to X``), or around it
(``"A," she said, "B."``).  Results are subject *phrases*; ``SpeakerResolver`` turns them into speakers.
"""

from __future__ import annotations

import re

from worker.pipeline.enrich.clause_words import (
    CUT_AFTER_VERB,
    DETERMINERS,
    INTRO,
    INVERTIBLE,
    LEADING_CONJUNCTIONS,
    PRONOUNS,
    RELATIVES,
    SUBORDINATORS,
    VERB_RE,
    WITH_ING,
    is_noun_use,
    is_verb,
    passive_before,
)
from worker.pipeline.enrich.name_words import ORG_WORDS, PERSON_NOUNS
from worker.pipeline.enrich.sentences import is_abbrev
from worker.pipeline.enrich.subject_shapes import has_name, short_name, starts_np, titled_name
from worker.pipeline.enrich.subjects import is_intro, subject_of
from worker.pipeline.enrich.text_case import lower

_PARENS = re.compile(r"\([^)]*\)")
# the second title of a coordinated pair and the name: "(co-founder and) CEO John Mackey"
_AND_TITLED = re.compile(r"(?:[A-Za-z-]+ ){1,3}?((?:[A-Z][\w.'’-]+ ){1,3}[A-Z][\w.'’-]+)$")
# verbs whose next noun phrase is their object, never an inverted subject ("..., told The Eagle.")
_OBJECT_VERBS = frozenset(("told", "tells", "tell", "informed", "informs", "assured", "assures", "reminded"))
_ON_TO = re.compile(r" (?:then )?(?:went|goes|go|going) on to$")
# what follows the object of "asked" (``asked Patel, who ..., whether``), not its inverted subject
_ASKED_OBJECT = re.compile(r"(?:,[^,]*,)?\s*(?:whether|if|to|about|for|why|what|how|when|where)\b")


def cut_subject(rest: str) -> str:
    """The noun phrase at the start of ``rest`` (after an inverted verb or ``according to``)."""
    for m in CUT_AFTER_VERB.finditer(rest):
        if rest[m.start()] == "." and is_abbrev(rest, m.start()):
            continue
        if _org_of(rest, m.start()):
            continue
        return rest[: m.start()]
    return rest


def _org_of(rest: str, at: int) -> bool:
    """`` of`` inside an organisation name: ``the National Library of Medicine``."""
    for word in (" of ", " for "):
        if rest.startswith(word, at):
            return rest[at + len(word) : at + len(word) + 1].isupper() and any(
                w in ORG_WORDS for w in rest[:at].split()[-3:]
            )
    return False


def role_of(subj: str) -> bool:
    """``founder of WSL Retail`` (in ``Wendy Lee, founder of WSL Retail told``): an appositive that
    describes the name before it, not a subject."""
    return subj[:1].islower() and subj.split(" ", 1)[0] in PERSON_NOUNS and " of " in subj


def _role_only(chunk: str) -> bool:
    """``its chairman and CEO``: a role with no name in it (an acronym such as CEO is a role word)."""
    words = chunk.split()
    return bool(words) and lower(words[0]) in DETERMINERS and all(w.islower() or w.isupper() for w in words)


def _clean_chunk(chunk: str) -> str:
    """``but while X`` -> ``X``; ``Rogan and his guest`` -> ``Rogan``; ``X and Y`` -> ``X`` (the first)."""
    chunk = " " + chunk.strip() + " "
    for sep in SUBORDINATORS:
        if sep in chunk:
            chunk = " " + chunk.rsplit(sep, 1)[1]
    words = chunk.split()
    while words and lower(words[0]) in LEADING_CONJUNCTIONS:
        words = words[1:]
    chunk = " ".join(words)
    if " and " in chunk:
        left, right = chunk.split(" and ", 1)
        titled = _AND_TITLED.match(right)
        if titled is not None and left.split()[-1].islower():  # "Acme co-founder and CEO John Roe"
            return titled.group(1)
        right_np = right[:1].isupper() or lower(right.split()[0]) in DETERMINERS
        if right_np and len(left.split()) > 6 and len(right.split()) <= 6:
            return _clean_chunk(right)  # two clauses: "X did not respond and a spokesperson for Y"
        if right_np and (any(w[:1].isupper() for w in left.split()) or lower(left.split()[0]) in DETERMINERS):
            return left
    words = chunk.split()
    if len(words) > 1 and lower(words[-1]) in PRONOUNS:
        return words[-1]  # "in which he" -> "he"
    return chunk


def subject_before(pre: str, stopwords: frozenset[str]) -> str:
    """The subject right before a reporting verb.

    ``X said`` -> X; ``In a memo, the DEA said`` -> the DEA; ``X, 18, from Truro, told`` -> X;
    ``The university's rector, Milena K, said`` -> Milena K; ``Jones, a former minister wrote`` -> Jones.
    """
    if "(" in pre:
        pre = _PARENS.sub("", pre)
    if "; " in pre:  # "X may not diverge from the trend; Reed has said": the last clause's subject
        pre = pre.rsplit("; ", 1)[1]
    pre = pre.strip().strip("\"“”'’").rstrip()
    if pre.endswith(" on to"):  # "X did A and went on to say": the subject of "did A"
        pre = _ON_TO.sub("", pre)
    if not pre:
        return ""
    if pre.endswith(","):
        chunks = [c for c in pre[:-1].split(", ") if c.strip()]
        i = 0
        while i < len(chunks) - 1 and is_intro(chunks[i]):
            i += 1
        if not chunks:
            return ""
        if (
            (not has_name(chunks[i], stopwords) or _role_only(chunks[i]))
            and i + 1 < len(chunks)
            and has_name(chunks[i + 1], stopwords)
        ):
            i += 1
        return _clean_chunk(chunks[i])
    chunks = pre.split(", ")
    subj = _clean_chunk(chunks[-1])
    first = lower(subj.split()[0]) if subj.split() else ""
    if first in RELATIVES:
        words = subj.split()
        if len(words) == 1 and len(chunks) >= 2 and len(chunks[-2].split()) <= 6:
            return _clean_chunk(chunks[-2])  # "Donald Trump, who admitted": the noun phrase before
        if len(words) == 1 and len(chunks) >= 2:
            return _last_np(chunks[-2])  # "The caption wasn't lost on fans either, who declared"
        if len(words) > 1 and (first == "whom" or words[1][:1].isupper() or words[1] in DETERMINERS):
            return subj.split(" ", 1)[1]  # "journalists, whom Trump has referred to as"
    if pre.endswith((" and", " but", " then", " yet")) and len(chunks[-1].split()) > 3:
        head = subject_of(chunks[-1], stopwords)  # "Ashley was with X and noted": Ashley
        if head is not None and lower(head.split()[0]) not in DETERMINERS:  # a name or a pronoun
            return head
    prev = _clean_chunk(chunks[-2]) if len(chunks) >= 2 else ""
    role = first in PERSON_NOUNS and subj[:1].islower() and " of " in subj  # "founder of X told"
    if (
        (first in ("a", "an") or role)
        and 0 < len(prev.split()) <= 4
        and all(w[:1].isupper() for w in prev.split())
    ):
        return prev  # appositive without its closing comma: "Jonathan Gullis, a former minister wrote"
    return subj


_LAST_PREP = re.compile(r".* (?:on|to|of|by|with|for|from|among|like) ")
_TRAILING_ADVERBS = frozenset({"either", "too", "also", "again", "alike", "instead"})


def _last_np(chunk: str) -> str:
    """The noun phrase that ends a clause: after its last preposition, trailing adverbs dropped."""
    m = _LAST_PREP.match(chunk)
    words = chunk[m.end() :].split() if m else []
    while words and lower(words[-1]) in _TRAILING_ADVERBS:
        words.pop()
    return " ".join(words) if 0 < len(words) <= 4 else ""


def _as_clause(inner: str, verb: str, rest: str, at: int) -> tuple[str, str, int] | None:
    """The attribution of ``As CISA notes, ...`` (inner ``CISA``) or ``As explained by the agency, ...``."""
    if rest.startswith(" by ") and (not inner or inner.islower()):
        return cut_subject(rest[4:]).strip(), verb, at
    if inner and not passive_before(inner) and (inner[:1].isupper() or inner.split()[0] in DETERMINERS):
        return inner, verb, at
    return None


def _by_agent(rest: str) -> bool:
    """``by`` and a noun phrase after a participle: ``defined by Community Solutions as``, ``described by
    the agency as`` (not ``responded by saying``)."""
    if not rest.startswith(" by "):
        return False
    first = rest[4:].split(" ", 1)[0]
    return first[:1].isupper() or lower(first) in DETERMINERS


def _is_phrase(chunk: str) -> bool:
    """A prepositional or adverbial phrase with no name or pronoun in it (``for the year``), never a
    subject (unlike ``Instead of what partner Matthew Somerton``)."""
    first = lower(chunk.split(" ", 1)[0])
    if first not in INTRO or first in ("and", "but", "or", "so"):
        return False
    return not any(w[:1].isupper() or lower(w) in PRONOUNS for w in chunk.split()[1:])


def _with_np(pre: str) -> str | None:
    """``with a source close to him saying`` -> ``a source close to him``."""
    k = pre.rfind(" with ")
    if k < 0:
        if not lower(pre).startswith("with "):
            return None
        k = -1
    if "," in pre[k + 1 :]:
        return None
    np = pre[k + 6 :].strip()
    return np or None


def clause_before(before: str, stopwords: frozenset[str]) -> tuple[str, str, int] | None:
    """(subject phrase, verb, verb offset) of the first reporting clause in ``before`` (same sentence).

    The first one wins, so relayed speech keeps the relaying speaker (``Brass said Heuermann told her``).
    A subject of ``""`` means "the subject of the sentence" (``..., saying "..."``, ``and accused ...``).
    """
    first_comma = before.find(", ")
    intro_end = first_comma if first_comma > 0 and is_intro(before[:first_comma]) else -1
    if intro_end > 0 and not before[intro_end + 2 :].strip():
        intro_end = -1  # 'when the host asked, "..."': the clause right before the quote is its own
    as_clause = None  # "As CISA notes, ...": used when the main clause has no reporting verb
    for m in VERB_RE.finditer(before):
        if not is_verb(before, m) or is_noun_use(before, m):
            continue  # "the promises", "so-called"
        verb = lower(m.group(1))
        rest = before[m.end() :]
        if verb == "according to":
            return cut_subject(rest).strip(), verb, m.start()
        if lower(before.lstrip()[:3]) == "as " and rest.startswith(",") and as_clause is None:
            inner = before[: m.start()].lstrip()[3:].strip(" ,")
            if ", " in inner and inner[:1].isupper():  # "As Cyd Harrell, the city's CDO, put it, ..."
                as_clause = (inner.split(", ", 1)[0], verb, m.start())
                continue
        if m.start() < intro_end and lower(before.lstrip()[:3]) == "as " and as_clause is None:
            inner = before[: m.start()].lstrip()[3:].strip()
            as_clause = _as_clause(inner, verb, rest, m.start())
        if m.start() < intro_end or (verb.startswith("continue") and rest.startswith(" to ")):
            continue
        pre = before[: m.start()]
        if passive_before(pre) or (verb.endswith("ed") and _by_agent(rest)):
            if rest.startswith(" by "):  # "was described by X as" / "— defined by X as"
                return cut_subject(rest[4:]).strip(), verb, m.start()
            continue
        stripped = pre.strip(' ,"“”—–')
        if m.group(1)[0].isupper() and not stripped:  # sentence-initial verb
            after = rest.lstrip(" ,")
            if after[:1].isupper() or after.split(" ", 1)[0] in ("the", "a", "an", "one"):
                return cut_subject(after).strip(), verb, m.start()  # "Said Ohtani, through ...:"
            continue  # "Asked about her concern, ..."
        if verb.endswith("ing"):
            np = _with_np(pre)
            if np:
                return np, verb, m.start()
            return "", verb, m.start()  # "..., saying" / "could be heard saying": the sentence's subject
        if not stripped or lower(stripped) in ("and", "but", "then", "and then"):
            after = rest.lstrip(" ,")
            if not stripped and after[:1].isupper() and verb not in _OBJECT_VERBS:  # not "..., told X."
                np = cut_subject(after)
                if verb not in ("asked", "asks") or not _ASKED_OBJECT.match(after, len(np)):
                    return np.strip(), verb, m.start()
            return "", verb, m.start()
        if _inverted_mid(pre, verb, rest, stopwords):  # "The mission is X, said Hollerich, which ..."
            return cut_subject(rest.lstrip(" ,")).strip(), verb, m.start()
        subject = subject_before(pre, stopwords)
        if _is_phrase(subject):  # '"..." for the year, asked X': the sentence's subject
            return "", verb, m.start()
        if subject and as_clause is not None and lower(subject.split()[0]) in ("we", "you", "one"):
            return as_clause  # "As X puts it, we must tell ourselves: ..." (a generic subject)
        if subject:
            return subject, verb, m.start()
    w = WITH_ING.search(before) if "with " in before else None  # "with the party's spokesman X branding it"
    if w is not None:
        return w.group(1), w.group(2), w.start()
    return as_clause


def clause_after(after: str, stopwords: frozenset[str], strict: bool) -> tuple[str, str, int] | None:
    """(subject phrase, verb, verb offset) from the text right after a quote, up to the sentence end.

    ``strict``: only an attribution that starts the text (``, Kirby said`` / ``, said the minister``).
    """
    m = VERB_RE.search(after, 0, 200)
    while m is not None and (not is_verb(after, m) or is_noun_use(after, m)):
        m = VERB_RE.search(after, m.end(), 200)
    if m is None:
        if strict:  # '"...," informs Dean Benzaken, co-founder of ...': a verb not in the list, inverted
            u = _UNLISTED_INVERTED.match(after)
            if u is not None and u.group(1) not in stopwords:
                return u.group(2), u.group(1), u.start(1)
        return None
    verb = lower(m.group(1))
    rest = after[m.end() :]
    pre = after[: m.start()]
    if verb == "according to":
        return (cut_subject(rest).strip(), verb, m.start()) if not strict or not pre.strip(" ,") else None
    if passive_before(pre):
        return (cut_subject(rest[4:]).strip(), verb, m.start()) if rest.startswith(" by ") else None
    stripped = pre.strip(' ,"“”—–')
    nxt = rest.lstrip(" ,")
    if not stripped:
        if verb not in INVERTIBLE:  # '"...," arguing that ...' / '"..." called the plan': not inverted
            return None
        return (cut_subject(nxt).strip(), verb, m.start()) if starts_np(nxt, stopwords) else None
    if (
        verb in INVERTIBLE
        and verb not in ("asked", "asks")  # "..., asked Patel whether": Patel is the one asked
        and pre.rstrip().endswith(",")
        and starts_np(nxt, stopwords)
        and not short_name(pre.rsplit(", ", 2)[-2] if pre.count(", ") >= 1 else pre, stopwords)
    ):
        return cut_subject(nxt).strip(), verb, m.start()  # '"directly fund" the programs, said X'
    words = stripped.split()
    if strict and (len(words) > 14 or verb.endswith("ing")):
        return None
    if strict and words[0] in ("He", "She", "They", "It", "We", "I") and pre[:1] != ",":
        return None  # '"...?" He then claimed ...': a new sentence, not an attribution
    if verb.endswith("ing"):
        np = _with_np(pre)
        return (np, verb, m.start()) if np else None
    subject = subject_before(pre, stopwords)
    if not strict and _is_phrase(subject):  # '"..." about the plan, asked X': the sentence's subject
        return "", verb, m.start()
    return (subject, verb, m.start()) if subject else None


def _inverted_mid(pre: str, verb: str, rest: str, stopwords: frozenset[str]) -> bool:
    """``<a clause>, said Hollerich, which ...``: an inverted attribution inside a sentence, its subject a
    short capitalised name closed by a comma or the end, after a clause (not an appositive subject)."""
    if verb not in INVERTIBLE or verb in ("asked", "asks") or not pre.endswith(", "):
        return False
    nxt = rest.lstrip(" ,")[:80]
    if not nxt[:1].isupper():
        return False
    last = pre[:-2].rsplit(", ", 1)[-1]
    if len(last.split()) <= 4 or short_name(last, stopwords):
        return False
    name = cut_subject(nxt)
    words = name.split()
    if titled_name(words) and nxt[len(name) :].strip()[:1] in ("", ",", "."):
        return True  # "..., said Daily Ledger economics reporter Ian Croft."
    if not 0 < len(words) <= 4 or not all(w[:1].isupper() for w in words) or lower(words[0]) in stopwords:
        return False
    return nxt[len(name) :].strip()[:1] in ("", ",") and starts_np(nxt, stopwords)


_UNLISTED_INVERTED = re.compile(
    r"\s*([a-z]{3,}(?:s|ed)) ((?:Dr\.? |Mr\.? |Ms\.? )?[A-Z][\w'’-]+(?: [A-Z][\w'’.-]+){1,3})(?=[,.(]|\s*$)"
)
