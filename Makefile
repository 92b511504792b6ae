# The two commands a newcomer needs: `make play` and `make test`.
GO      ?= go
BIN     := bin/ili
XVFB    := xvfb-run -a -s "-screen 0 1920x1080x24"

.PHONY: play test test-386 setup build vet fmt-check bench fuzz clean dist web FORCE

play: build
	./$(BIN) play

# make test builds every desktop archive as make dist does, into
# bin/dist-test, and tools/dist's test checks them all and runs the Linux
# ones' headless commands (arm64's under qemu).
DISTTEST := bin/dist-test
test: setup vet fmt-check web
	rm -rf $(DISTTEST)
	@$(MAKE) --no-print-directory dist DIST=$(DISTTEST) VERSION=v0.0.0-disttest
	ILI_DIST=$(abspath $(DISTTEST)) $(XVFB) $(GO) test -shuffle=on -count=1 -timeout 30m ./...
	@$(MAKE) --no-print-directory test-386

# The headless packages again as a 32-bit build, which must play the same
# games as the 64-bit one (the golden hashes of game/match say so). A
# machine whose kernel cannot run 386 programs says so and skips it.
HEADLESS := ./game/hex ./game/rules/... ./game/scenario ./game/history ./game/campaign ./game/match ./game/save ./game/files ./game/paint ./game/encyclopedia
test-386:
	@if GOARCH=386 $(GO) test -count=1 -run '^$$' ./game/hex >/dev/null 2>&1; then \
	  GOARCH=386 $(GO) test -count=1 $(HEADLESS) && GOARCH=386 $(GO) build -o /dev/null ./cmd/ili; \
	else echo "test-386: this machine cannot run 386 programs; the 32-bit tests are skipped"; fi

setup:
	@./scripts/setup.sh

build: setup web
	$(GO) build -o $(BIN) ./cmd/ili
	$(GO) build -o bin/ili-window ./cmd/ili-window

vet: setup
	$(GO) vet ./...

fmt-check:
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

# The game in the browser: cmd/ili-web for js/wasm (and cmd/ili-worker,
# the lab's Web Worker), stripped, gzipped into
# cmd/internal/web/static with Go's wasm_exec.js, where ili embeds them
# (ili serve). The uncompressed game stays in bin/web, out of the embed:
# ili carries it once, compressed. go build leaves an up-to-date ili.wasm
# alone, so the compression runs only when the game changed.
WEB := cmd/internal/web/static
web: setup $(WEB)/ili.wasm.gz $(WEB)/ili-worker.wasm.gz $(WEB)/wasm_exec.js

bin/web/ili.wasm: FORCE
	@mkdir -p bin/web
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' -o $@ ./cmd/ili-web

# The lab's Web Worker's program: the batch's runs, with no window.
bin/web/ili-worker.wasm: FORCE
	@mkdir -p bin/web
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' -o $@ ./cmd/ili-worker

$(WEB)/%.wasm.gz: bin/web/%.wasm
	gzip -9 -n -c $< > $@.tmp && mv $@.tmp $@

$(WEB)/wasm_exec.js: FORCE
	@src=$$($(GO) env GOROOT)/lib/wasm/wasm_exec.js; [ -f $$src ] || src=$$($(GO) env GOROOT)/misc/wasm/wasm_exec.js; \
	cmp -s $$src $@ || cp $$src $@

FORCE:

# The desktop builds: ili (and ili-window where Ebiten builds here) for
# linux/amd64, linux/arm64, windows/amd64, darwin/amd64 and darwin/arm64,
# stamped with VERSION, each packed with the README and the licences into
# DIST (tools/dist says which need their own machine). make test builds
# them all too, and checks them.
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
TARGETS ?= all
DIST    ?= dist
dist: web
	@./scripts/setup.sh dist
	$(GO) run ./tools/dist --out $(DIST) --version $(VERSION) --targets $(TARGETS)

bench: setup
	$(GO) test -run '^$$' -bench . -benchmem $$($(GO) list ./... | grep -v /game/ui)
	$(XVFB) $(GO) test -run '^$$' -bench Frame -benchtime 1x ./game/ui

fuzz:
	$(GO) test -run '^$$' -fuzz=FuzzLoad -fuzztime=60s ./game/scenario
	$(GO) test -run '^$$' -fuzz=FuzzLocate -fuzztime=60s ./game/scenario
	$(GO) test -run '^$$' -fuzz=FuzzRead -fuzztime=60s ./game/save

clean:
	rm -rf bin dist $(WEB)/ili.wasm.gz $(WEB)/ili-worker.wasm.gz $(WEB)/wasm_exec.js
