# Ogoh: `make run` starts the app, `make test` runs every test.
# Both first install what is missing (scripts/deps.sh).

# Fyne's colour-emoji font is left out: no text of Ogoh's uses it (a test
# checks), and parsing it cost 25 MB and start-up time.
export GOFLAGS := -tags=no_emoji

GO ?= go
DATA ?=
# The sync tests run a real LRS from npm (Learning Locker's xapi-statements).
LRS_DIR := internal/lrs/testdata/lrs
LRS := $(LRS_DIR)/node_modules/.package-lock.json
# The checkers scripts/deps.sh installs, where go install puts them. gocyclo
# looks at every function, tests too (no Go file here is generated), and
# fails on any over 15.
GOBIN_DIR = $(or $(shell $(GO) env GOBIN),$(firstword $(subst :, ,$(shell $(GO) env GOPATH)))/bin)
STATICCHECK = $(GOBIN_DIR)/staticcheck
GOCYCLO = $(GOBIN_DIR)/gocyclo

.PHONY: run test conformance fuzz faults bench package build ogohctl deps clean

run: deps
	$(GO) run . $(if $(DATA),--data $(DATA))

test: deps $(LRS)
	gofmt -l . | (! grep .) || (echo "gofmt would change the files above" && false)
	$(GO) vet ./...
	$(GO) vet -tags ogohsized ./bench/textwindow # the floor at Ogoh's size (scripts/bench-startup.sh)
	$(STATICCHECK) ./...
	$(GOCYCLO) -over 15 .
	# The UI package alone takes 4–6 minutes under -race on two cores, and
	# more on a busy machine: past go test's default 10-minute timeout.
	$(GO) test -race -count=1 -timeout 30m ./...

# GIFT import against the external conformance set (51 files with a
# reference parser's reading), kept outside this repository.
conformance:
	$(GO) run ./internal/gift/conformance ../shared/conformance/gift

# Each fuzz target from its committed seed corpus, for a number of runs (about
# 15 s each on two cores). A count, not a duration: with -fuzztime 15s, Go 1.26
# can fail a clean run with "context deadline exceeded" as the time runs out
# (go.dev/issue/75804, fixed in Go 1.27), which failed CI once.
FUZZSCALE ?= 1
FUZZMIN := -fuzzminimizetime 2000x
fuzzruns = $(shell echo $$(( $(1) * $(FUZZSCALE) )))x
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzLoadCourse$$' -fuzztime $(call fuzzruns,150000) $(FUZZMIN) ./internal/course
	$(GO) test -run '^$$' -fuzz '^FuzzReadPack$$' -fuzztime $(call fuzzruns,150000) $(FUZZMIN) ./internal/course
	$(GO) test -run '^$$' -fuzz '^FuzzLessonImages$$' -fuzztime $(call fuzzruns,150000) $(FUZZMIN) ./internal/course
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(call fuzzruns,500000) $(FUZZMIN) ./internal/gift
	$(GO) test -run '^$$' -fuzz '^FuzzReadMoodleXML$$' -fuzztime $(call fuzzruns,200000) $(FUZZMIN) ./internal/bank
	$(GO) test -run '^$$' -fuzz '^FuzzReadAiken$$' -fuzztime $(call fuzzruns,300000) $(FUZZMIN) ./internal/bank
	$(GO) test -run '^$$' -fuzz '^FuzzReadSyncFile$$' -fuzztime $(call fuzzruns,200000) $(FUZZMIN) ./internal/syncfile
	$(GO) test -run '^$$' -fuzz '^FuzzVerify$$' -fuzztime $(call fuzzruns,200000) $(FUZZMIN) ./internal/cert
	$(GO) test -run '^$$' -fuzz '^FuzzReadMoveFile$$' -fuzztime $(call fuzzruns,200000) $(FUZZMIN) ./internal/progress

# Fault tests too long for go test: 200 kill -9 runs of a scripted learner
# at random moments (OGOH_CRASH_SEED picks them; the date by default).
OGOH_CRASH_SEED ?= $(shell date +%s)
# The disk-full tests mount a small tmpfs: run as root, or with sudo.
faults: deps
	OGOH_CRASH_RUNS=200 OGOH_CRASH_SEED=$(OGOH_CRASH_SEED) $(GO) test -count=1 -run '^TestKilledMidQuizLosesNoConfirmedAnswer$$' -timeout 30m ./internal/ui
	$(GO) test -tags faults,no_emoji -count=1 -run '^TestDiskFull' ./internal/ui

# Benchmarks, then their budgets checked by the script (docs/performance.md
# says what each measures and what it gave).
bench: deps $(LRS)
	scripts/deps.sh --bench
	scripts/bench.sh

# dist/ogoh-linux-amd64.tar.xz and dist/Ogoh-windows-amd64.exe
package:
	scripts/package.sh

build: deps
	$(GO) build -o ogoh .
	$(GO) build -o ogohctl ./cmd/ogohctl

ogohctl:
	$(GO) build -o ogohctl ./cmd/ogohctl

deps:
	@scripts/deps.sh

$(LRS): $(LRS_DIR)/package-lock.json
	cd $(LRS_DIR) && npm ci --no-audit --no-fund --loglevel=error

clean:
	rm -rf ogoh ogohctl dist
