# CSTO Map. `make run` opens the app, `make test` runs every check.
# Both first install any missing Debian/Ubuntu packages (scripts/deps.sh).
GO       ?= go
TAGS     := migrated_fynedo
BIN      := build/cstomap
BUILD_DEPS := gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev \
              libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev
TEST_DEPS  := xvfb xdotool imagemagick x11-utils libgl1-mesa-dri librsvg2-bin

.PHONY: run build test deps test-deps fmt-check vet unit smoke bench generate clean

run: build
	./$(BIN) $(ARGS)

build: deps
	$(GO) build -tags $(TAGS) -o $(BIN) .

deps:
	@scripts/deps.sh $(BUILD_DEPS)

test-deps:
	@scripts/deps.sh $(BUILD_DEPS) $(TEST_DEPS)

test: test-deps fmt-check vet unit smoke

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi; echo "gofmt: ok"

vet:
	$(GO) vet -tags $(TAGS) ./...

unit:
	$(GO) test -race -tags $(TAGS) ./...

smoke:
	$(GO) build -race -tags $(TAGS) -o build/cstomap-race .
	scripts/smoke.sh build/cstomap-race

bench:
	$(GO) test -run '^$$' -bench . -count 5 ./geo/ ./export/ ./cli/

generate:
	$(GO) generate ./assets

clean:
	rm -rf build
