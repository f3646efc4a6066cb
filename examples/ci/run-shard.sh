#!/usr/bin/env bash
# One shard of a run spread over many machines: every machine runs this same script with its
# own SHARD=K/N and writes OUT/shard-K.db. The merge step (merge-and-gate.sh) combines them.
# Used by github-actions.yml, kubernetes-indexed-job.yaml and slurm-array.sh.
#
#   SHARD=K/N        this machine's part (required)
#   MODELS           model specs, separated by spaces (required), e.g.
#                    "openai:gpt-4o-mini anthropic:claude-sonnet-4-5"
#   SUITES           suite names (default: all)       SAMPLES  samples per item (default 1)
#   SEED             sampling seed (default 1)         LIMIT    items per suite (optional)
#   OUT              folder for the shard store (default: shards)
#   DISTILLSCOPE     the distillscope binary (default: distillscope on PATH)
# API keys come from the environment only (OPENAI_API_KEY, ANTHROPIC_API_KEY).
# Exit code 3 means some requests still failed: run the same command again to resume.
set -euo pipefail
: "${SHARD:?set SHARD=K/N, e.g. SHARD=1/4}"
: "${MODELS:?set MODELS to the model specs, separated by spaces}"
ds="${DISTILLSCOPE:-distillscope}"
out="${OUT:-shards}"
mkdir -p "$out"
args=(run --shard "$SHARD" --db "$out/shard-${SHARD%/*}.db" --samples "${SAMPLES:-1}" --seed "${SEED:-1}"
      --no-progress)
for model in $MODELS; do args+=(--model "$model"); done
for suite in ${SUITES:-all}; do args+=(--suite "$suite"); done
if [ -n "${LIMIT:-}" ]; then args+=(--limit "$LIMIT"); fi
exec "$ds" "${args[@]}"
