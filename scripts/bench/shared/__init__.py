"""Pieces the benchmark scripts share (a folder, so scripts/bench.sh does not run it as a benchmark)."""
