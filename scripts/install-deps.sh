#!/usr/bin/env bash
# Installs what kiemdiem needs on Debian 12 with Swift: the C libraries it links, and with
# --test what the tests need besides: the PostgreSQL server the shared-store tests start (in a
# temporary folder of their own), LibreOffice Calc and Writer without a desktop, Carlito (the
# metric twin of Excel's Calibri, so printed pages are laid out as Excel does), and the Python
# packages openpyxl, python-docx and pdfplumber. Quiet when all is there.
set -euo pipefail
packages=(libxml2-dev libzip-dev libxlsxwriter-dev libssl-dev libsqlite3-dev libpq5 pkg-config)
if [[ ${1:-} == --test ]]; then
  packages+=(libreoffice-calc-nogui libreoffice-writer-nogui fonts-crosextra-carlito)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# LibreOffice installed some other way (a full desktop build) serves the tests as well.
if command -v soffice >/dev/null; then
  kept=()
  for p in "${missing[@]}"; do [[ $p == libreoffice-* ]] || kept+=("$p"); done
  missing=("${kept[@]}")
fi
if ((${#missing[@]})); then
  sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
  echo "install-deps: apt-get install ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if [[ ${1:-} == --test ]]; then
  # The server for the shared-store tests (SharedStoreTests). Without it those tests are skipped
  # with a message naming the package, and every other test still runs.
  if ! dpkg-query -W -f='${Status}' postgresql 2>/dev/null | grep -q "install ok installed"; then
    sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
    echo "install-deps: apt-get install postgresql" >&2
    { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null; } \
      || echo "install-deps: postgresql could not be installed; the PostgreSQL tests will be skipped" >&2
  fi
  # python3 on PATH may be a pyenv build that cannot see Debian's python3-* packages.
  python3 -c 'import openpyxl, docx, pdfplumber' 2>/dev/null \
    || python3 -m pip install -q --disable-pip-version-check openpyxl python-docx pdfplumber
fi
