"""Direct quotations with speaker, reporting verb, offsets and the partial-quote flag.

Each quote's speaker, in order of preference:

1. its own attribution clause (``attribution.py``): right after it (``"...," Kirby said`` /
   ``"...," said Kirby``), else the first reporting clause before it in the same sentence
   (``Kirby said, "..."``, ``Kirby said the plan was "bad"``, ``"A," she said, "B."``, ``according to X``);
2. a clause with no subject of its own (``..., saying "..."``, ``and accused them of "..."``) or no
   clause at all inside a sentence: the previous quote of the same sentence, else the sentence's subject
   (``Shae Roberts spends her days "going to where the people are."``);
3. an unclosed quote continued by this paragraph (``"A ...`` / ``"B ...," he said.``);
4. the nearest reporting clause of the same paragraph (``X says. "..."``), preferring one before it;
5. the last speaker of the previous paragraph(s) (a paragraph that is one bare quote continues the
   current speaker).

Speaker phrases become speakers in ``speakers.py`` (names back-linked, pronouns resolved).
Only paragraphs that contain a double-quote character are looked at.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from worker.models.enrichment import Quote
from worker.models.trusted import trusted
from worker.pipeline.enrich.attribution import clause_after, clause_before, role_of
from worker.pipeline.enrich.clause_words import QUOTE_ONLY, RELATIVES, has_verb
from worker.pipeline.enrich.quote_marks import (
    GLUED_OPEN,
    INTRODUCES,
    MAIN_SAID,
    NAME_VERBED,
    attribution_gap,
    is_title_text,
    quote_spans,
    signature,
    term_or_title,
    two_apostrophes,
)
from worker.pipeline.enrich.sentences import first_terminator, last_terminator, sentences
from worker.pipeline.enrich.speakers import Speaker, SpeakerResolver
from worker.pipeline.enrich.subject_shapes import titled_name
from worker.pipeline.enrich.subjects import sentence_subject
from worker.pipeline.enrich.text_case import lower

__all__ = ["SpeakerResolver", "extract_quotes", "quote_spans"]

_QUOTE_FIELDS = ("text", "speaker", "speaker_entity", "verb", "para", "start", "end", "is_partial")
OPEN = '"“'
CLOSE = '"”'


def _events(base: int, text: str, spans: list[tuple[int, int, bool]]) -> list[list[Any]]:
    """One entry per sentence outside the quotes of a paragraph that may hold a reporting clause:
    [body offset of the sentence, speaker, verb, subject phrase, where to resolve it, sentence].  The
    clause is parsed and its subject resolved on first use (``_first_speaker``): most are never needed.
    Sentences lie between quotes, so their starts order them against the quotes like their verbs would.
    """
    out: list[list[Any]] = []
    cuts = [-1] + [p for s, e, _ in spans for p in (s, e)] + [len(text)]
    for k in range(0, len(cuts) - 1, 2):
        lo = cuts[k] + 1
        segment = text[lo : cuts[k + 1]]
        if not has_verb(segment):
            continue
        for n, (offset, sentence) in enumerate(sentences(segment)):
            # '"...," he said': a pronoun right after a quote is resolved from before the quote
            after_quote = base + lo - 1 if n == 0 and k > 0 else -1
            out.append([base + lo + offset, None, None, None, after_quote, sentence])
    return out


def _clause(ev: list[Any], resolver: SpeakerResolver) -> None:
    """Parse the reporting clause of an ``_events`` sentence into its verb, subject and resolve point."""
    sentence, ev[5] = ev[5], None
    pos = ev[0]
    tail = sentence.rsplit(", ", 1)
    found = None
    if len(tail) == 2 and has_verb(tail[1]):  # "..., Leese told PA Media." is the main clause
        found = clause_before(tail[1], resolver.stopwords)
        subj = found[0] if found is not None else ""
        short = not role_of(subj) and (len(subj.split()) <= 5 or titled_name(subj.split()))
        if found is not None and short and lower(subj) not in RELATIVES:
            pos += len(tail[0]) + 2
        else:
            found = None
    if found is None:
        found = clause_before(sentence, resolver.stopwords)
    if found is not None and found[0] and found[1] not in QUOTE_ONLY:
        ev[2], ev[3] = found[1], found[0]
        if ev[4] < 0:
            ev[4] = pos + found[2]


def _first_speaker(events: Iterable[list[Any]], resolver: SpeakerResolver) -> list[Any] | None:
    """The first event whose subject resolves to a speaker (parsing and resolving lazily)."""
    for ev in events:
        if ev[5] is not None:
            _clause(ev, resolver)
        if ev[3] is not None:
            ev[1] = resolver.resolve(ev[3], ev[4], -1)
            ev[3] = None
        if ev[1] is not None:
            return ev
    return None


def _attribute(
    idx: int, base: int, text: str, spans: list[tuple[int, int, bool]], resolver: SpeakerResolver
) -> list[dict[str, Any]]:
    """Quotes of one paragraph with their own attribution (``speaker`` None when they have none)."""
    recs: list[dict[str, Any]] = []
    stop = resolver.stopwords
    sent_start = 0
    for n, (qs, qe, closed) in enumerate(spans):
        body = text[qs + 1 : qe].strip()
        prev_end = spans[n - 1][1] + 1 if n else 0
        seg = text[prev_end:qs]
        cut = last_terminator(seg)
        before = seg[cut:]
        prev_text = recs[-1]["text"] if recs else ""
        new_sentence = n == 0 or cut > 0 or (prev_text[-1:] in ".!?" and not before.strip(" ,"))
        if new_sentence:
            sent_start = prev_end + cut
        nxt = spans[n + 1][0] if n + 1 < len(spans) else len(text)
        after_all = text[qe + 1 : nxt] if closed else ""
        end = body[-1:]
        if end in "’‘')]" and end:  # a nested quote or bracket closes after the full stop
            end = body.rstrip("’‘')]")[-1:]
        after = ""
        if end != "." and after_all.strip():  # after a full stop no attribution is looked for after it
            after = after_all[: first_terminator(after_all) + 1]
        found = None
        pos = base + qs  # where a pronoun in an attribution after the quote is resolved from
        if after.strip() and end in ",!?…—-":
            found = clause_after(after, stop, strict=True)
        trailing_clause = found is not None
        if found is None and before.strip():
            found = clause_before(before, stop)
            pos = base + prev_end + cut + (found[2] if found else 0)
            if found is not None and not found[0] and found[1].endswith("ing") and end not in ".!?":
                # 'X was known for telling others "...", said another witness, Fiona Hill.': the main clause
                main = MAIN_SAID.search(after_all)
                if main is not None:
                    who = main.group(2).split(", ")  # "another witness, former adviser Fiona Hill"
                    subject = who[-1] if any(w[:1].isupper() for w in who[-1].split()) else who[0]
                    found, pos = (subject, main.group(1), main.start(1)), base + qs
        if found is None and after.strip() and end not in ".":
            found, pos = clause_after(after, stop, strict=False), base + qs
        if found is None and end in ",!?" and (trailing := NAME_VERBED.match(after_all)) is not None:
            found, pos = (trailing.group(1), trailing.group(2), trailing.start(2)), base + qs  # X recounted
        speaker: Speaker | None = None
        if found is None and body[:1].isupper() and INTRODUCES.search(before) is not None:
            lead = text[(prev_end + cut if n == 0 or cut > 0 else sent_start) : qs]  # the whole sentence
            subject = sentence_subject(lead, stop)  # "X underscored the challenge: “...”", "X elaborates, “”"
            if subject and lower(subject) not in ("it", "this", "that", "there", "both", "all", "each"):
                at = base + qs - len(lead) + max(0, lead.find(subject))
                named = resolver.resolve(subject, at, idx)
                if named is not None and named[1] is not None:
                    speaker = named
        verb = found[1] if found else None
        stripped_before = before.strip()
        partial = bool(stripped_before) and not stripped_before.endswith((",", ":"))
        if not partial and closed and body and body[-1] not in ".,!?…" and after_all[:1].isalpha():
            partial = True
        subject_end = qs
        if speaker is not None:
            pass
        elif found is not None and found[0] and recs and recs[-1]["_phrase"] == found[0] and seg[:1] == ",":
            speaker = (recs[-1]["speaker"], recs[-1]["speaker_entity"])  # '“A”, he said. “B”': one clause
        elif found is not None and found[0]:
            speaker = resolver.resolve(found[0], pos, idx)
        elif found is not None:
            subject_end = pos - base
        recs.append(
            {
                "text": body,
                "speaker": speaker[0] if speaker else None,
                "speaker_entity": speaker[1] if speaker else None,
                "verb": verb,
                "para": idx,
                "start": base + qs + 1,
                "end": base + qe,
                "is_partial": partial,
                "_explicit": speaker is not None,
                "_phrase": found[0] if found is not None and speaker is not None else None,
                "_first_person": found is not None and lower(found[0]) == "i",  # "I said": unnamed
                "_inherit": (found is not None and not found[0]) or (partial and speaker is None),
                "_trailing": trailing_clause and speaker is not None,  # '“...,” company CEO X said.'
                "_new_sentence": new_sentence,
                "_subject": (sent_start, subject_end),  # the text before it in its sentence
                "_closed": closed,
                "_pos": base + qs,
            }
        )
        if speaker is not None:
            resolver.remember(speaker, idx, base + qs)
    return recs


def _closing_attribution(recs: list[dict[str, Any]], n: int) -> dict[str, Any] | None:
    """A later quote of the same sentence whose own attribution follows it and closes the sentence: the
    speaker of the partial quotes before it in that sentence."""
    if not recs[n]["is_partial"]:
        return None
    for later in recs[n + 1 :]:
        if later["_new_sentence"]:
            return None
        if later["_explicit"]:
            return later if later["_trailing"] else None
    return None


def _set(rec: dict[str, Any], speaker: Speaker, verb: str | None) -> None:
    rec["speaker"], rec["speaker_entity"] = speaker
    if rec["verb"] is None:
        rec["verb"] = verb


def _narrated_person(
    text: str, spans: list[tuple[int, int, bool]], n: int, base: int, idx: int, resolver: SpeakerResolver
) -> Speaker | None:
    """A quote with no reporting clause in its paragraph, right after a sentence of narration about a
    person (its subject): that person is the speaker."""
    lo = spans[n - 1][1] + 1 if n else 0
    pieces = sentences(text[lo : spans[n][0]])
    if not pieces or not pieces[-1][1].rstrip().endswith((".", "?", "!")):
        return None
    offset, sentence = pieces[-1]
    subject = sentence_subject(sentence, resolver.stopwords)
    if subject is None or subject.endswith(("'s", "’s")):  # "X's influence has motivated her"
        return None
    found = resolver.resolve(subject, base + lo + offset, idx)
    return found if found is not None and found[1] in resolver.names.persons else None


def _said_words(text: str) -> str:
    return " ".join(lower(text).strip(" .,!?…").split())


def _pull_quotes(items: list[dict[str, Any]]) -> None:
    """A paragraph that is one bare quote repeating words attributed elsewhere in the article (a pull
    quote) has the speaker they are attributed to."""
    bare = [r for r in items if "_bare" in r and not r["_explicit"] and len(r["text"]) >= 30]
    if not bare:
        return
    said: dict[str, list[dict[str, Any]]] = {}  # by the first 20 characters
    for r in items:
        if r["speaker"] is not None and "_bare" not in r and len(r["text"]) >= 20:
            said.setdefault(lower(r["text"][:20]), []).append(r)
    for rec in bare:
        words = _said_words(rec["text"])
        same = [(_said_words(r["text"]), r) for r in said.get(lower(rec["text"][:20]), ())]
        found = next((r for t, r in same if t.startswith(words) or words.startswith(t)), None)
        if found is not None:
            _set(rec, (found["speaker"], found["speaker_entity"]), None)
            rec["verb"] = found["verb"]


def extract_quotes(paragraphs: Sequence[tuple[int, int, str]], resolver: SpeakerResolver) -> list[Quote]:
    """``paragraphs``: (idx, char_start, text).  Offsets in the result are body offsets."""
    items: list[dict[str, Any]] = []
    carry: dict[str, Any] | None = None  # an unclosed quote at the end of the previous paragraph
    block: list[dict[str, Any]] = []  # quotes of the paragraphs an unclosed quote runs through
    prev: tuple[int, int, str, list[tuple[int, int, bool]]] | None = None
    for idx, base, text in paragraphs:
        if '"' not in text and "“" not in text and "”" not in text:
            prev, carry = (idx, base, text, []), None
            continue
        if "''" in text or "’’" in text:
            text = two_apostrophes(text)
        if "”" in text and text.count("”") > text.count("“"):
            text = GLUED_OPEN.sub("“", text)  # 'news.”It is ...,” he said': a closing mark typed to open
        spans = quote_spans(text)
        for qs, qe, _ in spans:
            resolver.add_quote_span(base + qs, base + qe)
        recs = _attribute(idx, base, text, spans, resolver)
        events: list[list[Any]] | None = None
        prev_events: list[list[Any]] | None = None
        for n, rec in enumerate(recs):
            if rec["speaker"] is not None or rec["_first_person"]:
                continue
            if (
                n
                and recs[n - 1]["speaker"] is not None
                and (not rec["_new_sentence"] or attribution_gap(text, spans, n))
            ):  # '“A,” he continued. “B.”': B goes on in the voice just attributed
                _set(rec, (recs[n - 1]["speaker"], recs[n - 1]["speaker_entity"]), recs[n - 1]["verb"])
                continue
            closing = _closing_attribution(recs, n)
            if closing is not None:  # 'The outages have been “A” and the firm “B,” CEO X said.'
                _set(rec, (closing["speaker"], closing["speaker_entity"]), closing["verb"])
                continue
            if rec["_inherit"]:
                lead = text[slice(*rec["_subject"])]
                subject = sentence_subject(lead, resolver.stopwords)
                found = None
                if subject:  # resolved from the subject's own place in the sentence
                    at = base + rec["_subject"][0] + max(0, lower(lead).find(lower(subject)))
                    found = resolver.resolve(subject, at, idx)
                if found is not None:
                    _set(rec, found, None)
                    continue
            if (
                n == 0
                and carry is not None
                and carry["speaker"] is not None
                and not text[: spans[0][0]].strip()
            ):
                _set(rec, (carry["speaker"], carry["speaker_entity"]), carry["verb"])
                continue
            if events is None:
                events = _events(base, text, spans)
                events += [
                    [r["_pos"], (r["speaker"], r["speaker_entity"]), r["verb"], None, 0, None]
                    for r in recs
                    if r["_explicit"]
                ]
                events.sort(key=lambda ev: ev[0])
            at = rec["_pos"]
            # events[::-1], not reversed(events): mypyc's reversed() in a generator fails to compile
            ev = _first_speaker((ev for ev in events[::-1] if ev[0] < at), resolver) or _first_speaker(
                (ev for ev in events if ev[0] > at), resolver
            )
            if ev is not None:
                _set(rec, ev[1], ev[2])
                continue
            found = _narrated_person(text, spans, n, base, idx, resolver)
            if found is not None:  # "Jo, 40, hides her fillers. She is careful. “I wear a scarf.”"
                _set(rec, found, None)
                continue
            candidates: list[list[Any]] = []
            if prev is not None and prev[0] == idx - 1:
                if prev_events is None:
                    prev_events = _events(prev[1], prev[2], prev[3])
                candidates = list(prev_events)
            if resolver.last is not None and resolver.last_para >= idx - 2:
                candidates.append([resolver.last_pos, resolver.last, None, None, 0, None])
            candidates.sort(key=lambda c: -c[0])  # the latest (the first of equals)
            ev = _first_speaker(candidates, resolver)
            if ev is not None:
                _set(rec, ev[1], ev[2])
            elif n == 0 and not text[: spans[0][0]].strip():  # a paragraph that opens with a bare quote
                found = resolver.last or resolver.main_person()  # the speaker so far, else the interviewee
                if found is not None:
                    _set(rec, found, None)
            elif not term_or_title(rec["text"]):  # no attribution near: the person a profile is about
                found = resolver.dominant_person()
                if found is not None:
                    _set(rec, found, None)
        goes_on = carry is not None and recs and not text[: spans[0][0]].strip()
        block = block + recs if goes_on else recs  # a quote left open goes on in this paragraph
        signed = signature(text, spans)
        if signed is not None:  # a signed block: its quotes without their own attribution are the signer's
            found = resolver.resolve(signed[1], base + signed[0], idx)
            if found is not None:
                for rec in block:
                    if not rec["_explicit"]:
                        rec["speaker"], rec["speaker_entity"] = found
                resolver.remember(found, idx, base + signed[0])
        if carry is not None and carry["speaker"] is None and recs and recs[0]["_explicit"]:
            _set(carry, (recs[0]["speaker"], recs[0]["speaker_entity"]), recs[0]["verb"])
        for rec in recs:
            if rec["_explicit"] or (not rec["is_partial"] and rec["speaker"] is not None):
                resolver.remember((rec["speaker"], rec["speaker_entity"]), idx, rec["_pos"])
        carry = recs[-1] if recs and not recs[-1]["_closed"] else None
        for rec in recs:  # a title quoted inside a sentence is named, not said: no speaker
            if rec["is_partial"] and rec["speaker"] is not None and is_title_text(rec["text"]):
                rec["speaker"] = rec["speaker_entity"] = rec["verb"] = None
        if len(recs) == 1 and not text[: spans[0][0]].strip() and not text[spans[0][1] + 1 :].strip():
            recs[0]["_bare"] = True  # a paragraph that is one quote and nothing else
        items.extend(r for r in recs if r["text"])
        prev = (idx, base, text, spans)
    _pull_quotes(items)
    return [
        trusted(Quote, {k: item[k] for k in _QUOTE_FIELDS})
        for item in items
        if item["speaker"] is not None or len(item["text"].split(None, 3)) == 4  # 4 words or more
    ]
