#!/usr/bin/env bash
# Installs the Debian packages Parley needs to build and test, only those that are missing.
set -euo pipefail
packages=(build-essential cmake ninja-build ccache pkg-config
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsqlite3-dev sqlite3 libpq-dev postgresql libssl-dev libcrypt-dev libspdlog-dev libfmt-dev libgtest-dev
  zlib1g-dev libcurl4-openssl-dev libvips-dev
  libpoppler-glib-dev libzip-dev libxml2-dev
  chromium)  # headless browser for the web client tests (webapp/tests/browser)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js may come from elsewhere with npm bundled (Debian's npm package then conflicts):
# install Debian's only when the commands are missing.
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
