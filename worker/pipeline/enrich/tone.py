"""Document tone from the VADER sentiment lexicon (the ``vaderSentiment`` package's ``vader_lexicon.txt``,
MIT licence), scored over the body's word tokens in one pass.

VADER's own scorer works sentence by sentence (boosters, capitals, ``but``, punctuation) at ~26 documents
per second and its compound saturates to +-1 on long texts; this one keeps its lexicon and its negation
rule (a valence word within three tokens after ``not``/``never``/... is scaled by -0.74) and reports:

* ``compound``: net valence ratio ``sum(v) / sum(|v|)`` in [-1, 1], independent of article length;
* ``pos`` / ``neg`` / ``neu``: VADER's proportions (positive valence + 1 per word, negative valence - 1
  per word, and 1 per neutral word, over their total).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Set
from functools import lru_cache
from importlib import resources
from itertools import compress

from worker.models.enrichment import Tone
from worker.models.trusted import trusted

N_SCALAR = -0.74  # VADER's negation scalar
NEGATION_WINDOW = 3
_NEGATE_WORDS = """
    aint arent cannot cant couldnt darent didnt doesnt ain't aren't can't couldn't daren't didn't doesn't
    dont hadnt hasnt havent isnt mightnt mustnt neither don't hadn't hasn't haven't isn't mightn't mustn't
    neednt needn't never none nope nor not nothing nowhere oughtnt shant shouldnt uhuh wasnt werent oughtn't
    shan't shouldn't uh-uh wasn't weren't without wont wouldnt won't wouldn't rarely seldom despite"""
NEGATE = frozenset(_NEGATE_WORDS.split())
_TONE_FIELDS = frozenset({"compound", "pos", "neg", "neu"})


@lru_cache(maxsize=1)
def lexicon() -> dict[str, float]:
    """word -> mean valence (-4..4); word entries only (emoticons are dropped: the tokens have none)."""
    text = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(encoding="utf-8")
    out: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0][:1].isalpha():
            out[parts[0]] = float(parts[1])
    return out


class _Sums:
    """Valence sums split by sign, with the number of words behind each."""

    __slots__ = ("n_neg", "n_pos", "neg", "pos")

    def __init__(self) -> None:
        self.pos = self.neg = 0.0
        self.n_pos = self.n_neg = 0

    def add(self, v: float, n: int) -> None:
        if v > 0:
            self.pos += v * n
            self.n_pos += n
        elif v < 0:
            self.neg += v * n
            self.n_neg += n


def _valence_sums(counts: Counter[str], lex: dict[str, float]) -> _Sums:
    """The sums over the words of ``counts``, added in first-seen order (float sums must not depend on
    set order); the lexicon lookups and the filtering are C-level ``map``/``compress``, the Python loop
    only sees the few words that have a valence."""
    vals = list(map(lex.get, counts))
    found = compress(counts, vals)  # words with a non-zero valence
    sums = _Sums()
    for v, n in zip(filter(None, vals), map(counts.__getitem__, found), strict=True):
        if v > 0:
            sums.pos += v * n
            sums.n_pos += n
        else:
            sums.neg += v * n
            sums.n_neg += n
    return sums


def tone(tokens: list[str], counts: Counter[str], lex: dict[str, float]) -> Tone | None:
    """Tone of a body given its lower-cased word tokens and their counts; None for an empty body."""
    if not tokens:
        return None
    sums = _valence_sums(counts, lex)
    present = frozenset(filter(counts.__contains__, NEGATE)) if sums.n_pos + sums.n_neg else None
    if present:
        for v in _negated(tokens, present, lex):
            sums.add(v, -1)  # take the plain reading back out (n = -1 undoes one word) ...
            sums.add(v * N_SCALAR, 1)  # ... and count the negated one
    pos_sum = sums.pos + sums.n_pos  # VADER: +1 per positive word, -1 per negative word
    neg_sum = sums.neg - sums.n_neg
    neutral = len(tokens) - sums.n_pos - sums.n_neg
    total = pos_sum - neg_sum + neutral
    magnitude = sums.pos - sums.neg
    values = {
        "compound": round((sums.pos + sums.neg) / magnitude, 4) if magnitude else 0.0,
        "pos": round(pos_sum / total, 4) if total > 0 else 0.0,
        "neg": round((0.0 - neg_sum) / total, 4) if total > 0 else 0.0,
        "neu": round(neutral / total, 4) if total > 0 else 0.0,
    }
    return trusted(Tone, values, _TONE_FIELDS)


def _negated(tokens: list[str], present: frozenset[str], lex: dict[str, float]) -> list[float]:
    """Valences of the words within ``NEGATION_WINDOW`` tokens after a negation word (each word once);
    ``present`` are the negation words that occur in ``tokens``."""
    out: list[float] = []
    last = -1
    n = len(tokens)
    for i in indices(tokens, present):
        for j in range(max(i + 1, last + 1), min(i + 1 + NEGATION_WINDOW, n)):
            word = tokens[j]
            v = lex.get(word)
            if v is not None and word not in NEGATE:
                out.append(v)
            last = j
    return out


def py_indices(tokens: list[str], present: Set[str]) -> list[int]:
    """Indices of the tokens in ``present``."""
    return [i for i, tok in enumerate(tokens) if tok in present]


# the C function of ``_wordscan.c`` when the compiled build is active (worker/native.py)
indices: Callable[[list[str], Set[str]], list[int]] = py_indices
try:
    from worker.pipeline.enrich._wordscan import indices as _c_indices
except ImportError:
    pass
else:
    indices = _c_indices
