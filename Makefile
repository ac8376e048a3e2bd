# Ogoh: `make run` starts the app, `make test` runs every test.
# Both first install what is missing (scripts/deps.sh).

GO ?= go
DATA ?=
# The sync tests run a real LRS from npm (Learning Locker's xapi-statements).
LRS_DIR := internal/sync/testdata/lrs
LRS := $(LRS_DIR)/node_modules/.package-lock.json

.PHONY: run test conformance fuzz package build ogohctl deps clean

run: deps
	$(GO) run . $(if $(DATA),--data $(DATA))

test: deps $(LRS)
	gofmt -l . | (! grep .) || (echo "gofmt would change the files above" && false)
	$(GO) vet ./...
	$(GO) test -race -count=1 ./...

# GIFT import against the external conformance set (51 files with a
# reference parser's reading), kept outside this repository.
conformance:
	$(GO) run ./internal/gift/conformance ../shared/conformance/gift

# Each fuzz target for a bounded time, from its committed seed corpus.
FUZZTIME ?= 15s
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzReadPack$$' -fuzztime $(FUZZTIME) ./internal/course
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./internal/gift

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
