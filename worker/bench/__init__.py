"""Micro-benchmarks (pure CPU, one process): ``python -m worker.bench.parse <articles.jsonl>``."""
