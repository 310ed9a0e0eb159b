#!/usr/bin/env bash
# Installs the Debian packages Pufa needs (only the missing ones), and with --test the test tools too.
# Safe to run repeatedly; `make run` and `make test` call it.
set -euo pipefail

runtime=(libmicrohttpd-dev libsqlite3-dev libsodium-dev zlib1g-dev libxlsxwriter-dev libssl-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libjs-chart.js libcurl4 pkg-config)
testing=(chromium chromium-driver python3-pip fonts-wqy-microhei node-acorn)
bench=(wrk nginx)

want=("${runtime[@]}")
case "${1:-}" in
  --test) want+=("${testing[@]}") ;;
  --bench) want+=("${bench[@]}") ;;
esac

missing=()
for pkg in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "installing Debian packages: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "${1:-}" = "--test" ]; then
  python3 -c "import selenium, pytest, requests" 2>/dev/null || \
    python3 -m pip install -q selenium pytest requests 2>/dev/null || \
    python3 -m pip install -q --break-system-packages selenium pytest requests
fi

command -v swift >/dev/null || { echo "Swift 6 is required (https://www.swift.org/install/linux/); put it on PATH" >&2; exit 1; }
