#!/usr/bin/env bash
# Prepares a fresh Debian machine for Storyline: Debian's Chromium and Firefox ESR (the browsers the
# demo and the end-to-end tests drive; no browser is ever downloaded by a test tool: playwright-core
# and puppeteer-core only launch the ones installed here) and the npm packages from the committed
# lockfile. Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# Node.js is not installed here: Debian 12's own package (18) is too old for the tools.
NODE_VERSION="$(node -v 2>/dev/null || true)"
if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' 2>/dev/null; then
  echo "setup-debian.sh: Storyline needs Node.js 20.19 or newer (found ${NODE_VERSION:-none}); install it from https://nodejs.org first." >&2
  exit 1
fi

MISSING=""
[ -x /usr/bin/chromium ] || MISSING="$MISSING chromium"
[ -x /usr/bin/firefox-esr ] || MISSING="$MISSING firefox-esr"
# unzip: the packaging test unpacks the store zips with it.
command -v unzip >/dev/null || MISSING="$MISSING unzip"
# openssl: the e2e outlet network makes a throw-away certificate for its test hosts.
command -v openssl >/dev/null || MISSING="$MISSING openssl"
if [ -n "$MISSING" ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086 # one word per package
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $MISSING fonts-dejavu-core >/dev/null
fi

npm ci --no-audit --no-fund --loglevel=error
