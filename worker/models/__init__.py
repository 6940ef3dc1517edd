"""Pydantic v2 models: the raw input, the parsed article, enrichment, the output event, the DLQ record."""
