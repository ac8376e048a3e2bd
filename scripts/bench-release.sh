#!/usr/bin/env bash
# The most that freeing a screen as soon as it is left could take off the
# peak after a course (docs/performance.md, issue 18). Fyne 2.7 keeps what
# it made for a left screen (renderers, canvas entries, object textures)
# for a minute and has no public way to free it sooner, so this builds
# Ogoh against a copy of Fyne given one: what Fyne does for a closed
# window, done for one screen (bench/release/). One binary runs three
# ways in turn, RUNS rounds (default 9), under OGOH_PROBE=course:
#   stock       as the app runs;
#   renderers   each left screen's renderers and canvas entries freed;
#   textures    its object textures (icons, images) freed too.
# Prints the medians of peak RSS at the catalogue and after the course.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${BENCH_DIR:-/tmp/ogoh-bench}
mkdir -p "$out"
work=$(mktemp -d)
cleanup=("rm -rf '$work'")
trap 'for c in "${cleanup[@]}"; do eval "$c"; done' EXIT

version=$(go list -m -f '{{.Version}}' fyne.io/fyne/v2)
cp -r "$(go env GOMODCACHE)/fyne.io/fyne/v2@$version" "$work/fyne"
chmod -R u+w "$work/fyne"
cp bench/release/release.go.txt "$work/fyne/driver/release_bench.go"
cp bench/release/cache.go.txt "$work/fyne/internal/cache/release_bench.go"
cp go.mod "$work/go.mod"
cp go.sum "$work/go.sum"
go mod edit -modfile="$work/go.mod" -replace "fyne.io/fyne/v2=$work/fyne"
go build -modfile="$work/go.mod" -tags no_emoji,fynerelease -o "$out/ogoh-release" .
go build -o "$out/ogohctl" ./cmd/ogohctl
cp FyneApp.toml "$out/"
data="$out/data-x1"
[ -f "$data/ogoh.db" ] || "$out/ogohctl" demo seed --data "$data" --learners 25 --days 365 >/dev/null

. scripts/lib/xvfb.sh

modes=(stock renderers textures)
probe() { # mode -> "catalogue_kb course_kb"
	local mode=$1
	[ "$mode" = stock ] && mode=
	OGOH_RELEASE=$mode OGOH_PROBE=course timeout 120 "$out/ogoh-release" --data "$data" 2>/dev/null |
		sed -n 's/^probe .*hwm_kb=\([0-9]*\).*/\1/p' | tr '\n' ' '
}
probe stock >/dev/null # warm-up: the page cache reads the program in
for _ in $(seq "${RUNS:-9}"); do
	for m in "${modes[@]}"; do
		read -r cat course <<<"$(probe "$m")"
		[ -n "${course:-}" ] || continue # a run that never drew (rare under Xvfb)
		echo "$cat" >>"$work/$m.catalogue"
		echo "$course" >>"$work/$m.course"
	done
done
median() { sort -n "$1" | awk '{v[NR]=$1} END {printf "%.1f", v[int((NR+1)/2)]/1024}'; }
echo "Freeing each screen as it is left (Fyne $version with bench/release/ laid in), median peak RSS of ${RUNS:-9} runs:"
echo
echo "| mode | catalogue (MB) | after the course (MB) | after the course, against stock |"
echo "|---|---|---|---|"
stock=$(median "$work/stock.course")
for m in "${modes[@]}"; do
	c=$(median "$work/$m.course")
	echo "| $m | $(median "$work/$m.catalogue") | $c | $(awk -v a="$c" -v b="$stock" 'BEGIN {printf "%+.1f MB", a - b}') |"
done
