#!/usr/bin/env bash
# After every shard: merge the shard stores, write the HTML report and JUnit, then apply the
# CI gates. Takes the same MODELS/SUITES/SAMPLES/SEED/LIMIT as run-shard.sh, plus
#   SHARDS     folder holding shard-*.db (default: shards)
#   DB         the merged store (default: results.db)
#   REPORTS    folder for report.html and junit.xml (default: reports)
#   FAIL_ON    gates separated by spaces, e.g. "math<0.6 coding<0.5" (optional)
#   REFERENCE  reference model for detection in the report and the 'distilled' gate (optional)
# Exits with the gate's code: 0 pass, 1 a gate failed, 3 answers missing from the shards.
set -euo pipefail
: "${MODELS:?set MODELS to the same model specs as the shards}"
ds="${DISTILLSCOPE:-distillscope}"
db="${DB:-results.db}"
reports="${REPORTS:-reports}"
mkdir -p "$reports"
shopt -s nullglob
shards=("${SHARDS:-shards}"/shard-*.db)
[ ${#shards[@]} -gt 0 ] || { echo "merge-and-gate: no shard-*.db in ${SHARDS:-shards}" >&2; exit 2; }
"$ds" merge "${shards[@]}" --db "$db"
reference=()
if [ -n "${REFERENCE:-}" ]; then reference=(--reference "$REFERENCE"); fi
"$ds" report --db "$db" --format html -o "$reports/report.html" "${reference[@]}"
"$ds" report --db "$db" --format junit -o "$reports/junit.xml"
# The gate is `run` over the merged store with the shards' arguments and no --shard: every
# answer is already there, so it sends nothing (a request that failed in a shard is retried).
args=(run --db "$db" --samples "${SAMPLES:-1}" --seed "${SEED:-1}" --no-progress "${reference[@]}")
for model in $MODELS; do args+=(--model "$model"); done
for suite in ${SUITES:-all}; do args+=(--suite "$suite"); done
if [ -n "${LIMIT:-}" ]; then args+=(--limit "$LIMIT"); fi
for gate in ${FAIL_ON:-}; do args+=(--fail-on "$gate"); done
exec "$ds" "${args[@]}"
