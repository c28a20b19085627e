#!/usr/bin/env bash
# Sets up everything the service needs on a fresh Debian 12 machine:
# system packages (LibreOffice, python3-uno, fonts), the virtualenv .venv/
# and the Python packages. Safe to run again: it only adds what is missing.
#   scripts/setup.sh          service only
#   scripts/setup.sh --dev    plus the test tools (Chromium, poppler, pytest...)
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PACKAGES=(python3-venv python3-uno libreoffice-writer-nogui fonts-liberation2)
DEV_PACKAGES=(poppler-utils chromium)
want=("${SYSTEM_PACKAGES[@]}")
[[ "${1:-}" == "--dev" ]] && want+=("${DEV_PACKAGES[@]}")

missing=()
for package in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "==> Installing system packages: ${missing[*]}"
  sudo_cmd=""; [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Debian's python3 with --system-site-packages: LibreOffice's "uno" module
# (python3-uno) is importable, which the unoserver instances need.
if [[ ! -x .venv/bin/python ]]; then
  echo "==> Creating .venv"
  /usr/bin/python3 -m venv --system-site-packages .venv
fi
requirements=requirements.txt
[[ "${1:-}" == "--dev" ]] && requirements=requirements-dev.txt
stamp=".venv/.installed-$(sha1sum requirements.txt requirements-dev.txt | sha1sum | cut -c1-12)-${requirements}"
if [[ ! -f "$stamp" ]]; then
  echo "==> Installing Python packages from $requirements"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -r "$requirements"
  touch "$stamp"
fi
