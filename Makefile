# The two commands a newcomer needs: `make play` and `make test`.
GO      ?= go
BIN     := bin/ili
XVFB    := xvfb-run -a -s "-screen 0 1920x1080x24"

.PHONY: play test setup build vet fmt-check bench fuzz clean

play: build
	./$(BIN) play

test: setup vet fmt-check
	$(XVFB) $(GO) test -shuffle=on -count=1 ./...

setup:
	@./scripts/setup.sh

build: setup
	$(GO) build -o $(BIN) ./cmd/ili
	$(GO) build -o bin/ili-window ./cmd/ili-window

vet: setup
	$(GO) vet ./...

fmt-check:
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

bench: setup
	$(GO) test -run '^$$' -bench . -benchmem $$($(GO) list ./... | grep -v /game/ui)
	$(XVFB) $(GO) test -run '^$$' -bench Frame -benchtime 1x ./game/ui

fuzz:
	$(GO) test -run '^$$' -fuzz=FuzzLoad -fuzztime=60s ./game/scenario

clean:
	rm -rf bin
