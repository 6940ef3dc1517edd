"""Fault harness: the worker as subprocesses against real brokers, under crashes and failovers.

``python -m tests.faults.run`` runs the six scenarios and prints the delivery table;
``tests/faults/test_faults.py`` runs short variants in the normal suite and full ones under ``slow``.
"""
