#!/bin/sh
# Installs promptfoo (pinned) from the npm registry into a cache directory under the build
# tree, once; the peer benchmark runs it from there. Prints the path of the promptfoo entry
# point on success; prints why and exits 1 when it cannot be installed (no npm, no network),
# so the benchmark can skip it with that message.
#
#   bench/peer/install-promptfoo.sh BUILD_DIR
set -u
BUILD=${1:-build}
VERSION=0.120.0
DIR="$BUILD/peer-cache/promptfoo-$VERSION"
ENTRY="$DIR/node_modules/promptfoo/dist/src/main.js"

# promptfoo 0.120.0 looks for its database migrations in <package>/drizzle while the package
# ships them in <package>/dist/drizzle: without this link every command stops with
# "Can't find meta/_journal.json".
link_migrations() {
  PKG="$DIR/node_modules/promptfoo"
  if [ -d "$PKG/dist/drizzle" ] && [ ! -e "$PKG/drizzle" ]; then ln -s dist/drizzle "$PKG/drizzle"; fi
}

if [ -f "$ENTRY" ]; then
  link_migrations
  echo "$ENTRY"
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "npm not found: install Node.js and npm (tools/install-deps.sh) to compare with promptfoo" >&2
  exit 1
fi
mkdir -p "$DIR"
LOG="$DIR/npm-install.log"
echo "installing promptfoo@$VERSION into $DIR (once; log: $LOG)" >&2
if ! npm install --prefix "$DIR" --no-audit --no-fund --no-save "promptfoo@$VERSION" >"$LOG" 2>&1; then
  echo "npm install promptfoo@$VERSION failed (see $LOG; last lines below)" >&2
  tail -n 5 "$LOG" >&2
  exit 1
fi
if [ ! -f "$ENTRY" ]; then
  echo "promptfoo@$VERSION installed but $ENTRY is missing; see $LOG" >&2
  exit 1
fi
link_migrations
echo "$ENTRY"
