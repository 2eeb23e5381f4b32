#!/usr/bin/env bash
# Finds a Python with aiosmtpd, the real SMTP server the reminder e-mail tests start on 127.0.0.1, and prints its path
# as the last line of stdout. Idempotent: installs Debian's python3-aiosmtpd only when missing. Needs root or
# sudo-free apt-get for the install; fails loudly otherwise. PARTYDOMAIN_SMTP_PYTHON names another Python.
set -euo pipefail
exec 9>/tmp/partydomain-apt.lock
flock 9
log() { echo "smtp.sh: $*" >&2; }

python="${PARTYDOMAIN_SMTP_PYTHON:-/usr/bin/python3}"
if ! "$python" -c 'import aiosmtpd' 2>/dev/null; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
  log "installing Debian's python3-aiosmtpd"
  if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends python3-aiosmtpd 9>&-; } >&2; then
    log "could not install python3-aiosmtpd (apt-get install python3-aiosmtpd); install it or set PARTYDOMAIN_SMTP_PYTHON"
    exit 1
  fi
  python=/usr/bin/python3
fi
"$python" -c 'import aiosmtpd' >&2 || { log "$python has no aiosmtpd"; exit 1; }
echo "$python"
