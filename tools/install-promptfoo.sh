#!/usr/bin/env bash
# Installs the pinned promptfoo (npm) into DIR (default build/promptfoo) for the import test
# that runs the real promptfoo against `distillscope serve --simulate`. Installed once and
# reused; prints nothing on success. Exits 1 with the reason when npm or a suitable Node.js
# is missing or the install fails: the test then skips with that message.
set -euo pipefail
version=0.121.20  # the newest release that supports Node.js 20 (engines: ^20.20.0 || >=22.22.0)
dir="${1:-build/promptfoo}"
bin="$dir/node_modules/.bin/promptfoo"
if [ -x "$bin" ] && [ "$(cat "$dir/.version" 2>/dev/null)" = "$version" ]; then exit 0; fi
command -v npm >/dev/null || { echo "npm is not installed" >&2; exit 1; }
command -v node >/dev/null || { echo "node is not installed" >&2; exit 1; }
node -e 'const [a,b]=process.versions.node.split(".").map(Number);
  process.exit((a===20&&b>=20)||(a===22&&b>=22)||a>22?0:1)' ||
  { echo "promptfoo $version needs Node.js ^20.20 or >=22.22, found $(node --version)" >&2; exit 1; }
mkdir -p "$dir"
start=$(date +%s)
if ! npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "promptfoo@$version" \
     > "$dir/npm-install.log" 2>&1; then
  echo "npm install promptfoo@$version failed (see $dir/npm-install.log)" >&2
  exit 1
fi
echo "$version" > "$dir/.version"
echo "installed promptfoo $version in $(( $(date +%s) - start )) s" >&2
