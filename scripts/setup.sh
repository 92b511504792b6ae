#!/usr/bin/env bash
# setup.sh installs what `ili` needs to build and test on Debian or Ubuntu:
# the C headers Ebiten links against, pkg-config, Xvfb for the window tests,
# Chromium with poppler's pdftoppm and the Noto fonts for the tests that
# open the pages ili writes in a real browser and print them, and GNU
# parallel for the test that runs the README's recipe for batches in parts.
# It skips what is installed, uses sudo when not root, and on other systems says
# what to install by hand.
set -euo pipefail

packages=(libc6-dev libgl1-mesa-dev libxcursor-dev libxi-dev libxinerama-dev
  libxrandr-dev libxxf86vm-dev libasound2-dev pkg-config xvfb xauth
  chromium poppler-utils fonts-noto-core parallel)

if ! command -v go >/dev/null 2>&1; then
  echo "setup: Go is not installed; install Go 1.26 or newer (see README.md) and run make again." >&2
  exit 1
fi

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  echo "setup: this is not a Debian or Ubuntu system, so nothing was installed."
  echo "setup: install by hand a C compiler, pkg-config, the OpenGL, Xcursor, Xi, Xinerama,"
  echo "setup: Xrandr, Xxf86vm and ALSA development headers, Xvfb with xauth, and Chromium,"
  echo "setup: pdftoppm (poppler), the Noto fonts and GNU parallel for the tests."
  exit 0
fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
if ! command -v gcc >/dev/null 2>&1; then missing+=(gcc); fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
  else
    echo "setup: these packages are missing and there is no sudo: ${missing[*]}; install them as root." >&2
    exit 1
  fi
fi

echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: done"
