#!/usr/bin/env bash
# Builds the installable packages into dist/: the Linux tar.xz (binary,
# desktop file and icon) and the Windows .exe (icon and version metadata
# from FyneApp.toml), both with `fyne package`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh --package
go install fyne.io/tools/cmd/fyne@v1.7.4
fyne="$(go env GOPATH)/bin/fyne"
mkdir -p dist
# fyne package bumps the build number in FyneApp.toml; the repository's
# copy stays as committed.
cp FyneApp.toml dist/.FyneApp.toml
trap 'mv dist/.FyneApp.toml FyneApp.toml' EXIT

"$fyne" package -os linux -release --tags no_emoji
mv Ogoh.tar.xz dist/ogoh-linux-amd64.tar.xz

CC=x86_64-w64-mingw32-gcc CGO_ENABLED=1 "$fyne" package -os windows -release --tags no_emoji
mv Ogoh.exe dist/Ogoh-windows-amd64.exe

ls -l dist
