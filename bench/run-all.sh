#!/usr/bin/env bash
# Runs every benchmark; BUILD_DIR (default: build) holds the built bench_* executables.
set -euo pipefail
BUILD_DIR="${1:-build}"
"$BUILD_DIR/bench_lineage"
