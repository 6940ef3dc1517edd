"""news-ingest: raw scraped news articles on Kafka in, validated, parsed and enriched events out."""

__version__ = "0.1.0"
