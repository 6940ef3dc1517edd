"""The pure pipeline: values in, values out.

No Kafka, Prometheus, sockets, environment reads or clock reads happen here; time,
ids and lookup tables are passed in (see ``PipelineContext``).  A test walks these
imports and fails on any of them.
"""
