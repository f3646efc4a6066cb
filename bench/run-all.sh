#!/bin/sh
# Runs every benchmark; called by `make bench` as `bench/run-all.sh BUILD_DIR`.
# Benchmarks print figures and the command to reproduce them; none passes or fails on time.
set -e
BUILD=${1:-build}
"$BUILD"/bench_engine --requests 20000 --concurrency 256 --latency-ms 50
# The same requests through distillscope and promptfoo (pinned, installed once under BUILD from
# npm; skipped with the reason when it cannot be installed) against an independent endpoint.
PROMPTFOO=$(bench/peer/install-promptfoo.sh "$BUILD") || PROMPTFOO=""
"$BUILD"/bench_peer --requests 2000 --concurrency 64 --latency-ms 50 --repeat 3 ${PROMPTFOO:+--promptfoo "$PROMPTFOO"}
# promptfoo takes minutes at this size: distillscope only.
"$BUILD"/bench_peer --requests 11200 --concurrency 128 --latency-ms 50 --repeat 3
"$BUILD"/bench_peer --requests 11200 --concurrency 256 --latency-ms 50 --repeat 3
# Every judge call of a run through one runner, follow-ups included.
"$BUILD"/bench_judge --answers 2000 --concurrency 64 --latency-ms 50
"$BUILD"/bench_lineage 230 805
"$BUILD"/bench_scorers
# The demo end to end in a scratch folder: its phases print their times on stderr.
BUILD_ABS=$(cd "$BUILD" && pwd)
DEMO_DIR=$(mktemp -d)
start=$(date +%s.%N)
(cd "$DEMO_DIR" && "$BUILD_ABS"/distillscope demo > /dev/null)
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" 'BEGIN { printf "demo: %.1f s end to end (reproduce: time %s/distillscope demo)\n", e - s, ARGV[1] }' "$BUILD"
rm -rf "$DEMO_DIR"
"$BUILD"/bench_probe_power 200 1000
