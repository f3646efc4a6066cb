#!/usr/bin/env bash
# Installs the pinned promptfoo (npm) for the import test that runs the real promptfoo against
# `distillscope serve --simulate`, and prints the path of its binary (the only output on stdout).
# The test runs this as its setup step; it is never run at build time.
#
# Installed once per machine into DIR (default: $DISTILLSCOPE_TOOLS_DIR, else
# ${XDG_CACHE_HOME:-~/.cache}/distillscope, + /promptfoo-VERSION) and reused by every build
# tree and clone; a lock keeps concurrent test runs from installing into it at once.
# Exit codes: 0 ready; 77 npm or a suitable Node.js is missing (the test skips, printing the
# reason); 1 the install failed (reason and log path on stderr).
set -euo pipefail
version=0.121.20  # the newest release that supports Node.js 20 (engines: ^20.20.0 || >=22.22.0)
root="${DISTILLSCOPE_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/distillscope}"
dir="${1:-$root/promptfoo-$version}"
bin="$dir/node_modules/.bin/promptfoo"

command -v npm >/dev/null || { echo "npm is not installed" >&2; exit 77; }
command -v node >/dev/null || { echo "node is not installed" >&2; exit 77; }
node -e 'const [a,b]=process.versions.node.split(".").map(Number);
  process.exit((a===20&&b>=20)||(a===22&&b>=22)||a>22?0:1)' ||
  { echo "promptfoo $version needs Node.js ^20.20 or >=22.22, found $(node --version)" >&2; exit 77; }

mkdir -p "$(dirname "$dir")"
exec 9>"$dir.lock"
flock 9
if [ ! -x "$bin" ] || [ "$(cat "$dir/.version" 2>/dev/null)" != "$version" ]; then
  rm -rf "$dir"
  mkdir -p "$dir"
  start=$(date +%s)
  if ! npm install --prefix "$dir" --prefer-offline --no-audit --no-fund --loglevel=error \
       "promptfoo@$version" > "$dir/npm-install.log" 2>&1; then
    echo "npm install promptfoo@$version failed (see $dir/npm-install.log)" >&2
    exit 1
  fi
  echo "$version" > "$dir/.version"
  echo "installed promptfoo $version into $dir in $(( $(date +%s) - start )) s" >&2
fi
echo "$bin"
