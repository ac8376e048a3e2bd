#!/usr/bin/env bash
# Installs what building and testing Ogoh needs and is missing: a C
# compiler and the OpenGL/X11 headers that Fyne and go-sqlite3 build
# against, and Node.js with npm for the test LRS (Debian/Ubuntu names). Uses apt-get as root or through
# sudo; otherwise names the packages to install and stops.
set -euo pipefail

packages=(gcc pkg-config libgl1-mesa-dev xorg-dev)
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
# make package also cross-compiles for Windows.
[ "${1:-}" = "--package" ] && packages+=(gcc-mingw-w64-x86-64 xz-utils)
# make bench runs the app under a virtual X server and compares with unzip.
[ "${1:-}" = "--bench" ] && packages+=(xvfb unzip)

missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
	if [ "$(id -u)" -eq 0 ]; then
		apt_get=(apt-get)
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
		apt_get=(sudo apt-get)
	else
		echo "Ogoh needs these system packages: ${missing[*]}" >&2
		echo "Install them with: sudo apt-get install ${missing[*]}" >&2
		exit 1
	fi
	echo "Installing ${missing[*]} …"
	DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" update -qq
	DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -qq "${missing[@]}"
fi

if ! command -v go >/dev/null 2>&1; then
	echo "Ogoh needs Go 1.26 or newer: see https://go.dev/doc/install" >&2
	exit 1
fi
