#!/usr/bin/env bash
# setup.sh installs what `ili` needs to build and test on Debian or Ubuntu:
# the C headers Ebiten links against, pkg-config, Xvfb for the window tests,
# Chromium with poppler's pdftoppm and the Noto fonts for the tests that
# open the pages ili writes in a real browser and print them, and GNU
# parallel for the test that runs the README's recipe for batches in parts.
# It skips what is installed, uses sudo when not root, and on other systems says
# what to install by hand.
#
# `setup.sh dist` (make dist) adds what the desktop builds need beyond that:
# on an amd64 machine, the arm64 C cross compiler and arm64's X11 libraries
# (Debian's multiarch), with which the linux/arm64 game window links, and
# qemu's user mode, in which make test runs the arm64 build's commands.
set -euo pipefail

packages=(libc6-dev libgl1-mesa-dev libxcursor-dev libxi-dev libxinerama-dev
  libxrandr-dev libxxf86vm-dev libasound2-dev pkg-config xvfb xauth
  chromium poppler-utils fonts-noto-core parallel)

foreign=""
if [ "${1:-}" = "dist" ] && command -v dpkg >/dev/null 2>&1 && [ "$(dpkg --print-architecture)" = "amd64" ]; then
  foreign=arm64
  packages+=(gcc-aarch64-linux-gnu libc6-dev-arm64-cross libx11-dev:arm64 libxrandr-dev:arm64
    libxxf86vm-dev:arm64 libxi-dev:arm64 libxcursor-dev:arm64 libxinerama-dev:arm64 libgl-dev:arm64
    qemu-user-static)
fi

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

# installed reports whether a package is installed: for a name without an
# architecture, this machine's own or an architecture-independent one (with
# a foreign architecture added, dpkg-query lists each architecture's).
native=$(dpkg --print-architecture)
installed() {
  local name=$1 arch=$native
  if [[ "$1" == *:* ]]; then name=${1%%:*} arch=${1##*:}; fi
  local st
  st=$(dpkg-query -W -f='${Status} ${Architecture}\n' "$name" 2>/dev/null || true)
  grep -qE "^install ok installed ($arch|all)\$" <<<"$st"
}

missing=()
for p in "${packages[@]}"; do
  installed "$p" || missing+=("$p")
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
if [ -n "$foreign" ] && ! dpkg --print-foreign-architectures | grep -qx "$foreign"; then
  "${sudo[@]}" dpkg --add-architecture "$foreign"
fi
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: done"
