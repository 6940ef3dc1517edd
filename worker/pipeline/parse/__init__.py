"""The article parser: one raw message (UPI-shape text or an HTML page) -> ParsedArticle or Rejection.

Pure: no I/O, no clock, no environment.  ``parse_article`` (in ``article.py``) never raises.
"""

from __future__ import annotations

from worker.native import activate

activate(__name__, __path__)  # compiled modules first, if built from these very sources

from worker.pipeline.parse.article import parse_article, parse_text  # noqa: E402 - after activate()

__all__ = ["parse_article", "parse_text"]
