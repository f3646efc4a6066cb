#!/usr/bin/env bash
# Installs what distillscope builds, runs and tests with: the Debian packages (as root it
# installs them; otherwise it prints the exact apt-get line and exits 1), then the official
# `openai` and `@anthropic-ai/sdk` npm clients the SDK streaming test runs (tools/install-sdk-clients.sh;
# without node/npm or the registry that test is skipped with a message, so a failure here is a warning).
#   tools/install-deps.sh          what `make`, `make test` and `make demo` need
#   tools/install-deps.sh --bench  the same; Node.js also serves the peer benchmark's endpoint
#                                  and npm installs promptfoo beside it when `make bench` runs
set -euo pipefail
packages=(cmake g++ make pkg-config python3 libcurl4-openssl-dev nlohmann-json3-dev libeigen3-dev
  libcli11-dev doctest-dev libsqlite3-dev libcpp-httplib-dev libfmt-dev libyaml-cpp-dev
  libssl-dev libboost-math-dev libzip-dev bubblewrap libseccomp-dev wordnet-base wordnet-dev
  # tests: the HTML report rendered in headless Chromium, JUnit checked against its schema
  chromium libxml2-utils)
# node and npm from any source will do (NodeSource's nodejs bundles npm and conflicts with Debian's).
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  line="apt-get install -y ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "distillscope needs these Debian packages. Run as root:" >&2
    echo "  apt-get update && $line" >&2
    exit 1
  fi
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
"$(dirname "${BASH_SOURCE[0]}")/install-sdk-clients.sh" >/dev/null ||
  echo "install-deps: warning: the npm SDK clients are not installed; the SDK streaming test will be skipped" >&2
