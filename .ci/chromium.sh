#!/usr/bin/env bash
# Finds headless Chromium for the HTML report test and prints its path as the last line of stdout. Idempotent:
# installs Debian's chromium (and CJK fonts, so the printed PDF shows Chinese) only when it is missing. Needs root or
# sudo-free apt-get for the install; fails loudly otherwise. PARTYDOMAIN_CHROMIUM names another binary.
set -euo pipefail
exec 9>/tmp/partydomain-apt.lock
flock 9
log() { echo "chromium.sh: $*" >&2; }

binary="${PARTYDOMAIN_CHROMIUM:-}"
if [ -z "$binary" ]; then
  binary=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
fi
if [ -z "$binary" ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
  log "installing Debian's chromium"
  if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-noto-cjk 9>&-; } >&2; then
    log "could not install chromium (apt-get install chromium); install it or set PARTYDOMAIN_CHROMIUM"
    exit 1
  fi
  binary=$(command -v chromium)
fi
"$binary" --headless --no-sandbox --version >&2 || { log "$binary does not start"; exit 1; }
echo "$binary"
