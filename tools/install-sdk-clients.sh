#!/usr/bin/env bash
# Installs the official `openai`, `@anthropic-ai/sdk`, `@google/genai` and
# `@aws-sdk/client-bedrock-runtime` npm packages (the versions locked in
# tools/sdk-clients/package-lock.json) into a cache folder, once per lock file, and prints
# that folder. The SDK tests run tools/sdk-clients/stream-check.mjs, provider-check.mjs and
# sigv4-check.mjs from there.
# Exits 1 with a message when node or npm is missing or the registry cannot be reached.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/sdk-clients" && pwd)"
for tool in node npm; do
  command -v "$tool" >/dev/null || { echo "install-sdk-clients: $tool is not installed" >&2; exit 1; }
done
lock_hash="$(sha256sum "$here/package-lock.json" | cut -c1-16)"
cache="${DISTILLSCOPE_SDK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/distillscope/sdk-clients}/$lock_hash"
if [ ! -f "$cache/.installed" ]; then
  mkdir -p "$cache"
  cp "$here/package.json" "$here/package-lock.json" "$cache/"
  (cd "$cache" && npm ci --no-audit --no-fund --loglevel=error >&2) ||
    { echo "install-sdk-clients: npm ci failed in $cache" >&2; exit 1; }
  touch "$cache/.installed"
fi
cp "$here/stream-check.mjs" "$here/provider-check.mjs" "$here/sigv4-check.mjs" "$cache/"
echo "$cache"
