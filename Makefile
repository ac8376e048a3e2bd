# Ogoh: `make run` starts the app, `make test` runs every test.
# Both first install what is missing (scripts/deps.sh).

GO ?= go
DATA ?=

.PHONY: run test build ogohctl vet deps clean

run: deps
	$(GO) run . $(if $(DATA),--data $(DATA))

test: deps
	gofmt -l . | (! grep .) || (echo "gofmt would change the files above" && false)
	$(GO) vet ./...
	$(GO) test -race -count=1 ./...

build: deps
	$(GO) build -o ogoh .
	$(GO) build -o ogohctl ./cmd/ogohctl

ogohctl:
	$(GO) build -o ogohctl ./cmd/ogohctl

deps:
	@scripts/deps.sh

clean:
	rm -f ogoh ogohctl
