#!/usr/bin/env bash
# Pack import against unzip (docs/performance.md): builds a course of
# about MB megabytes (default 50) of incompressible images, signs it, and
# times `ogohctl course install` into a fresh data folder (the same code
# as the app's import: verify the signature and every file, validate the
# course, write it durably, record it) against `unzip` of the same file.
# Medians of RUNS runs (default 5).
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-50}
runs=${RUNS:-5}
out=${BENCH_DIR:-/tmp/ogoh-bench}/pack-$mb
rm -rf "$out"
mkdir -p "$out"
go build -o "$out/ogohctl" ./cmd/ogohctl
go run ./bench/bigcourse -o "$out/course" -mb "$mb"
(cd "$out" && ./ogohctl key new bench >/dev/null)
"$out/ogohctl" course pack "$out/course" --key "$out/bench.key" -o "$out/big.ogoh" >/dev/null

# ms runs a command and prints how long it took, in milliseconds.
ms() {
	local start end
	start=$(date +%s%N)
	"$@" >/dev/null
	end=$(date +%s%N)
	echo $(((end - start) / 1000000))
}
median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

install=() unzipped=()
for _ in $(seq "$runs"); do
	rm -rf "$out/data" "$out/unzipped"
	install+=("$(ms "$out/ogohctl" course install "$out/big.ogoh" --data "$out/data" --trust "$out/bench.pub")")
	unzipped+=("$(ms unzip -q "$out/big.ogoh" -d "$out/unzipped")")
done
i=$(printf '%s\n' "${install[@]}" | median)
u=$(printf '%s\n' "${unzipped[@]}" | median)
size=$(du -m "$out/big.ogoh" | cut -f1)
echo
echo "pack import, ${size} MB pack, median of $runs runs"
echo
echo "| | ms |"
echo "|---|---|"
echo "| unzip | $u |"
echo "| ogohctl course install | $i |"
echo "| ratio | $(awk -v i="$i" -v u="$u" 'BEGIN {printf "%.2f×", i / u}') |"
