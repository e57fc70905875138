#!/usr/bin/env bash
# Installs what kiemdiem needs on Debian 12 with Swift: the C libraries it links, and with
# --test the Python packages the tests read workbooks with. Quiet when all is there already.
set -euo pipefail
packages=(libxml2-dev libzip-dev libxlsxwriter-dev libssl-dev libsqlite3-dev pkg-config)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
  echo "install-deps: apt-get install ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if [[ ${1:-} == --test ]]; then
  # python3 on PATH may be a pyenv build that cannot see Debian's python3-* packages.
  python3 -c 'import openpyxl, docx' 2>/dev/null || python3 -m pip install -q --disable-pip-version-check openpyxl python-docx
fi
