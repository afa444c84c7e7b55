#!/usr/bin/env bash
# What the build and the tests need from Debian, installed with apt-get only when missing:
# Chromium (the build prints dist/report.pdf with it; the browser tests drive it) and
# poppler-utils (pdftotext and pdfinfo, with which the tests read that PDF). Called by the
# README's build and test commands and by .ci/run; on a machine that has both it does nothing,
# so it needs no network once they are installed (`unshare -n npm run build` works).
set -euo pipefail

missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1 || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-system: installing ${missing[*]} with apt-get"
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
