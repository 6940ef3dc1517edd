"""The runtime: owns polling, sending, commits, rebalances, backpressure and shutdown."""
