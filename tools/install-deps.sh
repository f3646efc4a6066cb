#!/usr/bin/env bash
# Installs the Debian packages distillscope builds and runs with. As root it installs them;
# otherwise it prints the exact apt-get line and exits 1.
#   tools/install-deps.sh          what `make`, `make test` and `make demo` need
#   tools/install-deps.sh --bench  also what `make bench` needs: Node.js for the peer
#                                  benchmark's endpoint, npm to install promptfoo beside it
set -euo pipefail
packages=(cmake g++ make pkg-config python3 libcurl4-openssl-dev nlohmann-json3-dev libeigen3-dev
  libcli11-dev doctest-dev libsqlite3-dev libcpp-httplib-dev libfmt-dev libyaml-cpp-dev
  libssl-dev libboost-math-dev libzip-dev bubblewrap libseccomp-dev wordnet-base wordnet-dev
  # tests: the HTML report rendered in headless Chromium, JUnit checked against its schema
  chromium libxml2-utils)
if [ "${1:-}" = "--bench" ]; then
  # A Node.js from elsewhere (e.g. NodeSource, which bundles npm) is as good as Debian's.
  command -v node >/dev/null 2>&1 || packages+=(nodejs)
  command -v npm >/dev/null 2>&1 || packages+=(npm)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
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
