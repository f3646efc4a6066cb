#!/bin/sh
# Runs every benchmark; called by `make bench` as `bench/run-all.sh BUILD_DIR`.
# Benchmarks print figures and the command to reproduce them; none passes or fails on time.
set -e
BUILD=${1:-build}
"$BUILD"/bench_engine --requests 20000 --concurrency 256 --latency-ms 50
"$BUILD"/bench_lineage 230 805
"$BUILD"/bench_scorers
"$BUILD"/bench_probe_power 200 1000
