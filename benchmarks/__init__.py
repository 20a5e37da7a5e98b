"""Benchmarks: the app against the bare floor it can never beat (see docs/performance.md)."""
