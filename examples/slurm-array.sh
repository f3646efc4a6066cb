#!/usr/bin/env bash
# distillscope on Slurm: an array job runs the shards (task K of N is shard K/N), then a job
# that depends on it merges, reports and gates. Submit both from the repository root:
#
#   jobid=$(sbatch --parsable examples/slurm-array.sh)
#   sbatch --dependency=afterany:$jobid --job-name=distillscope-merge \
#          --wrap "bash examples/slurm-array.sh merge"
#
# Keys come from the submitting environment (sbatch exports it): OPENAI_API_KEY, ANTHROPIC_API_KEY.
#SBATCH --job-name=distillscope-shards
#SBATCH --array=1-4
#SBATCH --cpus-per-task=2
#SBATCH --time=06:00:00
#SBATCH --output=distillscope-%A_%a.log
set -euo pipefail
export MODELS="${MODELS:-openai:gpt-4o-mini anthropic:claude-sonnet-4-5}"
export SUITES="${SUITES:-math coding creativity philosophy probes}"
export SAMPLES="${SAMPLES:-2}" SEED="${SEED:-1}"
export OUT="${OUT:-shards}" SHARDS="${SHARDS:-shards}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# Under sbatch the script runs from a spool copy: find examples/ci from the submit directory.
ci="${SLURM_SUBMIT_DIR:+$SLURM_SUBMIT_DIR/examples/ci}"
[ -d "${ci:-}" ] || ci="$here/ci"
if [ "${1:-}" = merge ]; then
  exec bash "$ci/merge-and-gate.sh"
fi
: "${SLURM_ARRAY_TASK_ID:?run with sbatch (an array job), or pass 'merge'}"
export SHARD="${SLURM_ARRAY_TASK_ID}/${SLURM_ARRAY_TASK_COUNT}"
exec bash "$ci/run-shard.sh"
