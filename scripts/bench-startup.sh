#!/usr/bin/env bash
# Start-up time and peak memory of Ogoh against an empty Fyne window, both
# built here with the same toolchain and flags and run under Xvfb
# (docs/performance.md). Each argument is a data scale: N means 25×N
# learners over a year, seeded once by ogohctl demo seed. Default: 1.
# Exits 1 when a ratio is over its budget, 3 when the empty window's runs
# spread too much to judge (a busy machine).
#
# BEFORE=<git revision> also builds that revision (in a temporary git
# worktree) and measures it in the same run, beside today's build. Where the
# revision's probe lacks OGOH_PROBE=first, today's probe.go is laid over it
# for the build, since the probe is the benchmark's, not the app's.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${BENCH_DIR:-/tmp/ogoh-bench}
mkdir -p "$out"
tags=(-tags no_emoji) # as make build and make package do
go build "${tags[@]}" -o "$out/ogoh" .
go build "${tags[@]}" -o "$out/emptywindow" ./bench/emptywindow
go build "${tags[@]}" -o "$out/textwindow" ./bench/textwindow
# The same floor with Ogoh's program linked in, never run: a file of Ogoh's size.
go build -tags no_emoji,ogohsized -o "$out/textwindow-sized" ./bench/textwindow
# A packaged build carries FyneApp.toml's settings; go build reads them from
# beside the binary.
cp FyneApp.toml "$out/"
go build -o "$out/ogohctl" ./cmd/ogohctl
go build -o "$out/startup" ./bench/startup
# Each program starts from a page cache that read it from disk, as after a
# reboot, not from one that has just written it: here a file just written
# is mapped in larger pieces, 4 MB more of every program's peak RSS, and
# the figures then depended on whether go build had rewritten a binary
# (docs/performance.md). The warm-up run reads it back in.
evict() {
	sync
	for f in "$@"; do dd if="$f" iflag=nocache count=0 status=none; done
}
evict "$out/ogoh" "$out/emptywindow" "$out/textwindow" "$out/textwindow-sized"

cleanup=()
trap 'for c in "${cleanup[@]}"; do eval "$c"; done' EXIT
before=()
if [ -n "${BEFORE:-}" ]; then
	rev=$(git rev-parse --short "$BEFORE^{commit}")
	tree=$(mktemp -d)/ogoh-$rev
	git worktree add --detach --quiet "$tree" "$rev"
	cleanup+=("git worktree remove --force '$tree'; rmdir '$(dirname "$tree")'")
	first=true
	if ! grep -q ProbeFirst "$tree/internal/ui/probe.go"; then
		cp internal/ui/probe.go "$tree/internal/ui/probe.go"
		if ! (cd "$tree" && go build "${tags[@]}" -o "$out/ogoh-before" . 2>/dev/null); then
			git -C "$tree" checkout --quiet -- internal/ui/probe.go
			first=false
		fi
	fi
	(cd "$tree" && go build "${tags[@]}" -o "$out/ogoh-before" .)
	evict "$out/ogoh-before"
	before=(-before "$out/ogoh-before" -before-name "$rev" -before-first="$first")
fi

. scripts/lib/xvfb.sh

status=0
for scale in "${@:-1}"; do
	data="$out/data-x$scale"
	[ -f "$data/ogoh.db" ] || "$out/ogohctl" demo seed --data "$data" --learners $((25 * scale)) --days 365 >/dev/null
	echo
	"$out/startup" -ogoh "$out/ogoh" -empty "$out/emptywindow" -floor "$out/textwindow" -floor-sized "$out/textwindow-sized" -data "$data" -runs "${RUNS:-9}" "${before[@]}" \
		-label "data x$scale ($((25 * scale)) learners over a year, $(du -h "$data/ogoh.db" | cut -f1) database)" || status=$?
done
exit $status
