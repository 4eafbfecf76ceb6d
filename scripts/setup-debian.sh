#!/usr/bin/env bash
# Prepares a fresh Debian machine for Storyline: Debian's Chromium (the browser the demo and the
# end-to-end tests drive; no browser is ever downloaded by a test tool) and the npm packages from
# the committed lockfile. Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi

npm ci --no-audit --no-fund --loglevel=error
