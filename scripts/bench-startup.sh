#!/usr/bin/env bash
# Start-up time and peak memory of Ogoh against an empty Fyne window, both
# built here with the same toolchain and flags and run under Xvfb
# (docs/performance.md). Each argument is a data scale: N means 25×N
# learners over a year, seeded once by ogohctl demo seed. Default: 1.
# Exits non-zero when a ratio is over its budget.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${BENCH_DIR:-/tmp/ogoh-bench}
mkdir -p "$out"
tags=(-tags no_emoji) # as make build and make package do
go build "${tags[@]}" -o "$out/ogoh" .
go build "${tags[@]}" -o "$out/emptywindow" ./bench/emptywindow
# A packaged build carries FyneApp.toml's settings; go build reads them from
# beside the binary.
cp FyneApp.toml "$out/"
go build -o "$out/ogohctl" ./cmd/ogohctl
go build -o "$out/startup" ./bench/startup

if [ -z "${DISPLAY:-}" ]; then
	n=97 # the first display number no X server is using
	while [ -e /tmp/.X11-unix/X$n ] || [ -e /tmp/.X$n-lock ]; do n=$((n + 1)); done
	Xvfb :$n -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
	xvfb=$!
	trap 'kill $xvfb' EXIT
	export DISPLAY=:$n
	for _ in $(seq 100); do [ -S /tmp/.X11-unix/X$n ] && break; sleep 0.1; done
fi

status=0
for scale in "${@:-1}"; do
	data="$out/data-x$scale"
	[ -f "$data/ogoh.db" ] || "$out/ogohctl" demo seed --data "$data" --learners $((25 * scale)) --days 365 >/dev/null
	echo
	"$out/startup" -ogoh "$out/ogoh" -empty "$out/emptywindow" -data "$data" -runs "${RUNS:-9}" \
		-label "data x$scale ($((25 * scale)) learners over a year, $(du -h "$data/ogoh.db" | cut -f1) database)" || status=$?
done
exit $status
