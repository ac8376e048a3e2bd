#!/usr/bin/env bash
# Installs what building and testing Ogoh needs and is missing: a C
# compiler and the OpenGL/X11 headers that Fyne and go-sqlite3 build
# against, and Node.js with npm for the test LRS (Debian/Ubuntu names). Uses apt-get as root or through
# sudo; otherwise names the packages to install and stops. Then the two
# checkers make test runs, staticcheck and gocyclo, with go install.
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

# The checkers make test runs, at pinned versions, into $(go env GOPATH)/bin
# unless GOBIN says otherwise (the Makefile looks in the same place). A binary
# built from another version of its module is replaced. GOFLAGS is cleared so
# the build tags Ogoh's make sets do not reach them.
gobin="$(go env GOBIN)"
if [ -z "$gobin" ]; then
	gopath="$(go env GOPATH)"
	gobin="${gopath%%:*}/bin" # go install uses the first folder of GOPATH
fi
tools=(
	staticcheck honnef.co/go/tools v0.8.2 honnef.co/go/tools/cmd/staticcheck
	gocyclo github.com/fzipp/gocyclo v0.6.0 github.com/fzipp/gocyclo/cmd/gocyclo
)
for ((i = 0; i < ${#tools[@]}; i += 4)); do
	name=${tools[i]} module=${tools[i + 1]} version=${tools[i + 2]} pkg=${tools[i + 3]}
	if [ -x "$gobin/$name" ] &&
		go version -m "$gobin/$name" 2>/dev/null | grep -qF "$(printf '\tmod\t%s\t%s\t' "$module" "$version")"; then
		continue
	fi
	echo "Installing $pkg@$version …"
	GOFLAGS= GOBIN="$gobin" go install "$pkg@$version"
done
