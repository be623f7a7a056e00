# CSTO Map. `make run` opens the app, `make test` runs every check.
# Both first install any missing Debian/Ubuntu packages (scripts/deps.sh).
GO       ?= go
TAGS     := migrated_fynedo,no_emoji
BIN      := build/cstomap
BUILD_DEPS := gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev \
              libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev
TEST_DEPS  := xvfb xdotool imagemagick x11-utils libgl1-mesa-dri librsvg2-bin
# Mapnik draws the baseline of the export budget (scripts/mapnik/render.py).
BENCH_DEPS := python3-mapnik

FYNE     := build/bin/fyne
FYNE_TOOLS := fyne.io/tools/cmd/fyne@v1.7.4

.PHONY: run build test deps test-deps bench-deps fmt-check vet unit clocks smoke bench bench-check startup generate clean package

run: build
	./$(BIN) $(ARGS)

build: deps
	$(GO) build -tags $(TAGS) -o $(BIN) .

deps:
	@scripts/deps.sh $(BUILD_DEPS)

test-deps:
	@scripts/deps.sh $(BUILD_DEPS) $(TEST_DEPS)

test: test-deps fmt-check vet unit clocks smoke ; $(GO) run -tags $(TAGS) . check-data

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi; echo "gofmt: ok"

vet:
	$(GO) vet -tags $(TAGS) ./...

unit:
	$(GO) test -race -tags $(TAGS) ./...

# The suite again with "today" pinned (SOURCE_DATE_EPOCH, read by the one
# clock in internal/clock) to 2027-01-02 and 2040-01-02: no test may depend
# on the calendar.
CLOCKS := 1798848000 2209075200
clocks:
	@for e in $(CLOCKS); do echo "SOURCE_DATE_EPOCH=$$e"; \
	  SOURCE_DATE_EPOCH=$$e $(GO) test -count=1 -tags $(TAGS) ./... || exit 1; done

smoke:
	$(GO) build -race -tags $(TAGS) -o build/cstomap-race .
	scripts/smoke.sh build/cstomap-race

# Benchmarks against their baselines, and start-up against a Fyne hello
# world; the budgets are data in scripts/bench/budgets.toml. `bench` records
# the medians and ratios in docs/BENCHMARKS.md; `bench-check` measures again
# and fails when a ratio is below its budget. A few minutes each.
BENCH_FLAGS ?= -rounds 5

bench-deps:
	@scripts/deps.sh $(BUILD_DEPS) $(TEST_DEPS) $(BENCH_DEPS)

bench: bench-deps
	$(GO) run ./scripts/bench -go $(GO) -tags $(TAGS) $(BENCH_FLAGS) -write docs/BENCHMARKS.md

bench-check: bench-deps
	$(GO) run ./scripts/bench -go $(GO) -tags $(TAGS) $(BENCH_FLAGS) -check

# Start-up only: first frame and resident memory against the hello world.
startup: test-deps
	GO=$(GO) TAGS=$(TAGS) scripts/startup.sh

# A Linux desktop package (tar.xz with the binary, the icon and a .desktop
# entry), built by `fyne package` as a release build (-tags migrated_fynedo,
# -trimpath). fyne package rewrites FyneApp.toml (it bumps Build); the
# original is put back so the checkout stays clean.
package: deps $(FYNE)
	@mkdir -p build && cp FyneApp.toml build/FyneApp.toml.orig
	GOFLAGS=-trimpath $(FYNE) package --os linux --release --tags $(TAGS); \
	  rc=$$?; cp build/FyneApp.toml.orig FyneApp.toml; rm -f build/FyneApp.toml.orig; exit $$rc
	mv -f "CSTO Map.tar.xz" build/cstomap-linux.tar.xz
	@echo "package: build/cstomap-linux.tar.xz (install: tar -xf it, then sudo make install inside)"

$(FYNE):
	GOBIN=$(CURDIR)/build/bin $(GO) install $(FYNE_TOOLS)

generate:
	$(GO) generate ./assets

clean:
	rm -rf build
