#!/usr/bin/env bash
# Finds LibreOffice (soffice) for the document tests (Word page count, XLSX/CSV opened with no formula evaluated)
# and prints its path as the last line of stdout. Idempotent: installs Debian's headless Writer and Calc, poppler's
# pdftoppm/pdfinfo and the Noto CJK fonts (so Chinese text lays out as it will for the bureau) only when missing.
# Needs root or sudo-free apt-get for the install; fails loudly otherwise. PARTYDOMAIN_SOFFICE names another binary.
set -euo pipefail
exec 9>/tmp/partydomain-apt.lock
flock 9
log() { echo "libreoffice.sh: $*" >&2; }

binary="${PARTYDOMAIN_SOFFICE:-}"
if [ -z "$binary" ]; then
  binary=$(command -v soffice || command -v libreoffice || true)
fi
missing=()
[ -n "$binary" ] || missing+=(libreoffice-writer-nogui libreoffice-calc-nogui)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
  log "installing ${missing[*]}"
  if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" 9>&-; } >&2; then
    log "could not install ${missing[*]} (apt-get install); install them or set PARTYDOMAIN_SOFFICE"
    exit 1
  fi
  [ -n "$binary" ] || binary=$(command -v soffice)
fi
"$binary" --headless --version >&2 || { log "$binary does not start"; exit 1; }
echo "$binary"
