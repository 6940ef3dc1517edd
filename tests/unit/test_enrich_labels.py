"""Hand labels: quote speaker accuracy and country micro-F1.

Label files (rules in tests/data/README.md):

* ``enrich_labels.jsonl`` - 30 dev articles, the set the quote/country code was tuned on;
* ``enrich_labels_holdout.jsonl`` - 11 further articles labelled before the quote rewrite
  (``countries`` is ``null`` there: quotes only);
* ``enrich_labels_holdout2.jsonl`` - 10 fresh articles labelled before the name-finder rework (quotes
  only);
* ``enrich_labels_holdout3.jsonl`` - 15 fresh articles (quotes and countries), first scored in round 2;
* ``enrich_labels_holdout5.jsonl`` - 20 fresh articles (quotes and countries), scored once before its
  misses were read (the "unseen" figure in tests/data/README.md);
* ``enrich_labels_holdout4.jsonl``, ``enrich_labels_holdout6.jsonl`` - sealed sets, each measured once and
  then opened;
* ``enrich_labels_holdout8.jsonl`` - 20 unseen NAEB articles outside the dev corpus (README-holdout8.md),
  measured once while sealed (0.711), then opened.
* ``enrich_labels_countries10.jsonl`` - 60 more unseen NAEB articles, countries only (README-countries10.md):
  0.900 when first measured, then opened.

All these sets are now development sets (their misses were read and fixed by class); an unseen
measurement needs a sealed set (see tests/data/README.md).

A labelled quote is matched to a predicted quote in the same paragraph whose text starts with the label's
prefix (quotes/apostrophes normalised); a labelled quote that is not found counts as a wrong speaker.
Quotes labelled with no speaker (titles, scare quotes, document text) are not scored.
``python -m tests.unit.test_enrich_labels`` prints the dev misses and every set's accuracy;
``--holdout`` prints the misses of the held-out sets too.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from tests.enrich_fixtures import dev_article
from worker.models.enrichment import Enrichment
from worker.pipeline.enrich import enrich, load_tables

DATA = Path(__file__).resolve().parents[1] / "data"
LABELS = DATA / "enrich_labels.jsonl"
HOLDOUT = DATA / "enrich_labels_holdout.jsonl"
HOLDOUT2 = DATA / "enrich_labels_holdout2.jsonl"
HOLDOUT3 = DATA / "enrich_labels_holdout3.jsonl"
HOLDOUT5 = DATA / "enrich_labels_holdout5.jsonl"
HOLDOUT4 = DATA / "enrich_labels_holdout4.jsonl"  # sealed until measured once: see README
HOLDOUT6 = DATA / "enrich_labels_holdout6.jsonl"  # sealed until measured once: see README
HOLDOUT8 = DATA / "enrich_labels_holdout8.jsonl"  # unseen NAEB articles: see README-holdout8.md
HOLDOUT9 = DATA / "enrich_labels_holdout9.jsonl"  # unseen NAEB articles: see README-holdout9.md
HOLDOUT7 = DATA / "enrich_labels_holdout7.jsonl"  # unseen NAEB articles, the last sealed set
COUNTRIES10 = DATA / "enrich_labels_countries10.jsonl"  # unseen NAEB articles, countries only
HOLDOUT12 = DATA / "enrich_labels_holdout12.jsonl"  # unseen NAEB articles, quotes only
COUNTRIES11 = DATA / "enrich_labels_countries11.jsonl"  # unseen NAEB articles, countries only
# 44 real news articles (README-news13-sources.md, README-news13a.md), quotes and countries; opened
NEWS13A = DATA / "enrich_labels_news13a.jsonl"
# the other 45 (README-news13b.md): kept sealed through the whole session, measured once on its final code
NEWS13B = DATA / "enrich_labels_news13b.jsonl"
SETS = (
    ("dev", LABELS),
    ("holdout", HOLDOUT),
    ("holdout2", HOLDOUT2),
    ("holdout3", HOLDOUT3),
    ("holdout5", HOLDOUT5),
    ("holdout4", HOLDOUT4),
    ("holdout6", HOLDOUT6),
    ("holdout8", HOLDOUT8),
    ("holdout9", HOLDOUT9),
    ("holdout7", HOLDOUT7),
    ("countries10", COUNTRIES10),
    ("holdout12", HOLDOUT12),
    ("countries11", COUNTRIES11),
    ("news13a", NEWS13A),
    ("news13b", NEWS13B),
)
HONORIFICS = re.compile(r"^(?:sir|dame|mr|mrs|ms|dr|the|a|an|some)\.? ")


def norm_text(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).translate(str.maketrans("‘’“”", "''\"\""))
    return " ".join(s.split()).lower()


def norm_speaker(s: str) -> str:
    s = norm_text(s).strip(" .,")
    while HONORIFICS.match(s):
        s = HONORIFICS.sub("", s, count=1)
    return s


def speaker_ok(predicted: str | None, label: str) -> bool:
    if predicted is None:
        return False
    p, lab = norm_speaker(predicted), norm_speaker(label)
    return p == lab or (" " not in label.strip() and lab in p.split()) or (label[:1].islower() and lab in p)


def load_labels(path: Path = LABELS) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def run(key: str) -> Enrichment:
    return enrich(
        dev_article(key), tables=load_tables(), dedup=None, now=datetime(2024, 1, 1, tzinfo=UTC), source="UPI"
    )


def score(path: Path = LABELS) -> dict[str, Any]:
    tp = fp = fn = 0
    right = total = 0
    misses: list[str] = []
    labels = load_labels(path)
    for label in labels:
        result = run(label["key"])
        if label.get("countries") is not None:
            gold = set(label["countries"])
            pred = {c.iso2 for c in result.countries}
            tp += len(gold & pred)
            fp += len(pred - gold)
            fn += len(gold - pred)
            if pred != gold:
                misses.append(f"{label['key']} countries +{sorted(pred - gold)} -{sorted(gold - pred)}")
        for q in label["quotes"]:
            if q["speaker"] is None:
                continue
            total += 1
            prefix = norm_text(q["text_prefix"])
            match = next(
                (p for p in result.quotes if p.para == q["para"] and norm_text(p.text).startswith(prefix)),
                None,
            )
            wanted = [q["speaker"], *q.get("speaker_alt", [])]
            if match is not None and any(speaker_ok(match.speaker, w) for w in wanted):
                right += 1
            else:
                got = "no quote" if match is None else repr(match.speaker)
                misses.append(
                    f"{label['key']} [{q['para']}] {q['text_prefix']!r}: want {q['speaker']!r}, got {got}"
                )
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "articles": len(labels),
        "quotes_scored": total,
        "quotes_right": right,
        "speaker_accuracy": right / total if total else 1.0,
        "country_precision": precision,
        "country_recall": recall,
        "country_f1": f1,
        "misses": misses,
    }


@lru_cache(maxsize=16)
def cached_score(path: Path = LABELS) -> dict[str, Any]:
    return score(path)


def combined_accuracy() -> float:
    scores = [cached_score(path) for _, path in SETS]
    right: int = sum(s["quotes_right"] for s in scores)
    total: int = sum(s["quotes_scored"] for s in scores)
    return right / total


def test_labels_cover_enough_articles() -> None:
    labels = load_labels()
    assert len(labels) >= 25
    assert sum(1 for lab in labels for q in lab["quotes"] if q["speaker"]) >= 100


def test_holdout_labels_are_separate() -> None:
    held = load_labels(HOLDOUT)
    assert len(held) >= 10
    assert not {lab["key"] for lab in held} & {lab["key"] for lab in load_labels()}
    assert sum(1 for lab in held for q in lab["quotes"] if q["speaker"]) >= 100


def test_holdout2_labels_are_separate() -> None:
    held2 = load_labels(HOLDOUT2)
    assert len(held2) >= 10
    earlier = {lab["key"] for lab in load_labels()} | {lab["key"] for lab in load_labels(HOLDOUT)}
    assert not {lab["key"] for lab in held2} & earlier
    assert sum(1 for lab in held2 for q in lab["quotes"] if q["speaker"]) >= 100


def test_later_holdout_labels_are_separate() -> None:
    """No article is labelled twice for the same thing (holdout12 labels only the quotes of articles whose
    countries countries10/countries11 label)."""
    seen: dict[str, set[str]] = {"quotes": set(), "countries": set()}
    for _, path in SETS:
        for lab in load_labels(path):
            for part in ("quotes", "countries"):
                if lab.get(part):
                    assert lab["key"] not in seen[part], (path.name, lab["key"], part)
                    seen[part].add(lab["key"])
    for path, quotes in (
        (HOLDOUT3, 100),
        (HOLDOUT5, 100),
        (HOLDOUT4, 100),
        (HOLDOUT6, 60),
        (HOLDOUT8, 300),
        (HOLDOUT9, 150),
        (HOLDOUT7, 300),
        (HOLDOUT12, 250),
        (NEWS13A, 350),
        (NEWS13B, 400),
    ):
        labels = load_labels(path)
        assert len(labels) >= 15
        assert sum(1 for lab in labels for q in lab["quotes"] if q["speaker"]) >= quotes


def test_country_micro_f1() -> None:
    result = cached_score(LABELS)
    assert result["country_f1"] >= 0.98, "\n".join(m for m in result["misses"] if "countries" in m)
    # measured 0.965 / 0.937 (holdout3 / holdout5): regression floors, not targets
    assert cached_score(HOLDOUT3)["country_f1"] >= 0.95
    assert cached_score(HOLDOUT5)["country_f1"] >= 0.96
    # sealed sets, measured once before anything was tuned on them (holdout4 0.967, holdout6 0.851), then
    # opened: 0.983 / 0.870, then 1.000 / 0.977 after the geo classes (metonyms, degrees, county names)
    assert cached_score(HOLDOUT4)["country_f1"] >= 0.98
    assert cached_score(HOLDOUT6)["country_f1"] >= 0.96
    # holdout8 (unseen NAEB articles): 0.9375 measured once while sealed, 0.968 since
    assert cached_score(HOLDOUT8)["country_f1"] >= 0.96
    # holdout9 (unseen NAEB articles): 0.958 measured twice while sealed, 0.969 after the FC/SC club fix,
    # 1.000 after the geo classes
    assert cached_score(HOLDOUT9)["country_f1"] >= 0.98
    # holdout7: 0.923 measured three times while sealed (unchanged by the countries10 and holdout9 work),
    # 0.974 when opened, 0.987 after the geo classes
    assert cached_score(HOLDOUT7)["country_f1"] >= 0.97
    # countries10 (60 unseen NAEB articles): 0.900 when first measured, 0.962 after its classes were fixed,
    # 0.987 after the geo classes (same-named towns, common words, metonyms, short city names)
    assert cached_score(COUNTRIES10)["country_f1"] >= 0.97, "\n".join(cached_score(COUNTRIES10)["misses"])
    # countries11 (76 unseen NAEB articles): 0.916 measured once while sealed, 0.954 after its classes,
    # 0.977 after the geo classes
    assert cached_score(COUNTRIES11)["country_f1"] >= 0.96, "\n".join(cached_score(COUNTRIES11)["misses"])
    # news13a (44 real news articles): 0.959 measured while sealed, unchanged since
    assert cached_score(NEWS13A)["country_f1"] >= 0.95, "\n".join(cached_score(NEWS13A)["misses"])
    # news13b (45 real news articles): 0.987 sealed at the session's start and again on its final code
    assert cached_score(NEWS13B)["country_f1"] >= 0.97, "\n".join(cached_score(NEWS13B)["misses"])


def test_quote_speaker_accuracy_floor() -> None:
    """Regression floor per set, a few points under the measured level (see tests/data/README.md)."""
    assert cached_score(LABELS)["speaker_accuracy"] >= 0.94, "\n".join(cached_score(LABELS)["misses"])
    assert cached_score(HOLDOUT)["speaker_accuracy"] >= 0.98, "\n".join(cached_score(HOLDOUT)["misses"])
    assert cached_score(HOLDOUT2)["speaker_accuracy"] >= 0.97, "\n".join(cached_score(HOLDOUT2)["misses"])
    # measured 0.871 (242/278) and 0.881 (119/135): see tests/data/README.md
    assert cached_score(HOLDOUT3)["speaker_accuracy"] >= 0.85, "\n".join(cached_score(HOLDOUT3)["misses"])
    assert cached_score(HOLDOUT5)["speaker_accuracy"] >= 0.86, "\n".join(cached_score(HOLDOUT5)["misses"])
    # unseen figures, each measured once while sealed: holdout4 0.685 (126/184), holdout6 0.815 (53/65);
    # after opening them: 0.783 and 0.846
    assert cached_score(HOLDOUT4)["speaker_accuracy"] >= 0.76, "\n".join(cached_score(HOLDOUT4)["misses"])
    assert cached_score(HOLDOUT6)["speaker_accuracy"] >= 0.82, "\n".join(cached_score(HOLDOUT6)["misses"])
    # holdout8: 0.711 (221/311) measured once while sealed; 0.952 (296/311) after fixing its miss classes
    assert cached_score(HOLDOUT8)["speaker_accuracy"] >= 0.93, "\n".join(cached_score(HOLDOUT8)["misses"])
    # holdout9: 0.696 (126/181) measured twice while sealed (README-holdout9.md); 0.829 (150/181) after
    # fixing its general miss classes (titles, trailing attributions, company descriptors, appositives)
    assert cached_score(HOLDOUT9)["speaker_accuracy"] >= 0.81, "\n".join(cached_score(HOLDOUT9)["misses"])
    # holdout7: 0.652 (212/325) measured three times while sealed, unchanged by the holdout8 and holdout9
    # rounds; opened: 0.797 (259/325) after the nickname and regnal-title classes
    assert cached_score(HOLDOUT7)["speaker_accuracy"] >= 0.78, "\n".join(cached_score(HOLDOUT7)["misses"])
    # holdout12: 0.696 (199/286) measured once while sealed, on the session's final code
    assert cached_score(HOLDOUT12)["speaker_accuracy"] >= 0.68, "\n".join(cached_score(HOLDOUT12)["misses"])
    # news13a (44 real news articles): 0.766 (315/411) measured while sealed at the session's start, 0.771 on
    # the first fixes; opened: 0.852 (350/411) after its general classes
    assert cached_score(NEWS13A)["speaker_accuracy"] >= 0.83, "\n".join(cached_score(NEWS13A)["misses"])
    # news13b (45 real news articles): 0.841 (365/434) sealed at the session's start, 0.848 (368/434) sealed
    # on its final code; 0.855 after three classes seen in its misses (then tuned)
    assert cached_score(NEWS13B)["speaker_accuracy"] >= 0.83, "\n".join(cached_score(NEWS13B)["misses"])


def test_quote_speaker_accuracy_all_sets() -> None:
    """All label sets together (0.901 before holdout8 joined, 0.860 with it as first measured, 0.919
    after the holdout8 classes were fixed; 0.894 with holdout9 as first measured, 0.911 after its
    classes; 0.891 with holdout7 after its nickname and regnal-title classes; 0.867 with holdout12 as
    measured once, sealed, on the final code; 0.880 with news13a after the second session's classes;
    0.877 with news13b as measured sealed): a regression guard (every set but news13b has been tuned on);
    the unseen figures are the sealed measurements in tests/data/README.md."""
    assert combined_accuracy() >= 0.865, "\n".join(cached_score(LABELS)["misses"])


if __name__ == "__main__":
    show_holdout = "--holdout" in sys.argv[1:]
    for name, path in SETS:
        out = score(path)
        misses = out.pop("misses")
        if name == "dev" or show_holdout:
            print("\n".join(misses))
        if name in ("holdout", "holdout2"):  # quotes only: no country labels
            del out["country_precision"], out["country_recall"], out["country_f1"]
        print(name, json.dumps(out, indent=1))
    print("combined speaker accuracy", round(combined_accuracy(), 3))
