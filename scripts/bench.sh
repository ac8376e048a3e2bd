#!/usr/bin/env bash
# make bench: every benchmark of docs/performance.md, then the budgets
# checked against what was measured (never inside go test). Prints the
# figures as it goes and a verdict per budget at the end; exits 1 if any
# budget is missed. The log is kept in $BENCH_DIR/bench.log.
set -uo pipefail
cd "$(dirname "$0")/.."
export BENCH_DIR=${BENCH_DIR:-/tmp/ogoh-bench}
mkdir -p "$BENCH_DIR"
log=$BENCH_DIR/bench.log
: >"$log"
failed=0
step() { echo "== $*" | tee -a "$log"; "$@" 2>&1 | tee -a "$log"; [ "${PIPESTATUS[0]}" -eq 0 ] || failed=1; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, $(go version)" | tee -a "$log"
step go test -run '^$' -bench 'RecordAnswer|FsyncFloor' -benchtime 2000x ./internal/progress
step go test -run '^$' -bench 'LargeDevice' -benchtime 200x -timeout 60m ./internal/progress
step go test -run '^$' -bench 'Sync' -benchtime 1x -timeout 60m ./internal/progress
step go test -run '^$' -bench Hub -benchtime 1x -timeout 60m ./internal/hub
step scripts/bench-pack.sh 50
step scripts/bench-startup.sh 1 10 100

# Budgets of the Go benchmarks: answer p99 under 5 ms; the 500-learner
# device's queries p95 under 20 ms.
echo "== budgets" | tee -a "$log"
awk '
	/^BenchmarkRecordAnswer/ { for (i = 1; i < NF; i++) if ($(i+1) == "p99-ms") check("answer p99", $i, 5) }
	/^BenchmarkLargeDevice\/500-learners\// { split($1, n, "/"); sub(/-[0-9]+$/, "", n[3])
		for (i = 1; i < NF; i++) if ($(i+1) == "p95-ms") check("500 learners, " n[3] " p95", $i, 20) }
	function check(what, v, budget) { printf "%-34s %8.2f ms  budget %d ms  %s\n", what, v, budget, (v < budget ? "within" : "OVER"); if (v >= budget) over = 1 }
	END { exit over }
' "$log" | tee -a "$log"
[ "${PIPESTATUS[0]}" -eq 0 ] || failed=1
grep -h "OVER" "$log" >/dev/null && failed=1
exit $failed
