"""Build ``worker/pipeline/enrich/data/background_df.tsv`` (build time only).

Document frequencies of lower-cased words over a background corpus (one JSON article per line with
``truth.paragraphs``), keeping words seen in >= 2 documents.  Only counts are shipped, no text.

    .venv/bin/python scripts/build_keyword_background.py /work/shared/data/dev/articles.jsonl
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "worker" / "pipeline" / "enrich" / "data" / "background_df.tsv"
WORD = re.compile(r"[a-z][a-z'-]+")


def main(argv: list[str]) -> int:
    df: Counter[str] = Counter()
    docs = 0
    for path in argv:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                text = " ".join(rec["truth"]["paragraphs"]).lower()
                df.update(set(WORD.findall(text)))
                docs += 1
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write("# word<TAB>document frequency; first row: __docs__<TAB>corpus size\n")
        fh.write(f"__docs__\t{docs}\n")
        for word, n in sorted(df.items(), key=lambda kv: (-kv[1], kv[0])):
            if n >= 2:
                fh.write(f"{word}\t{n}\n")
    sys.stderr.write(f"{docs} documents, wrote {OUT}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
