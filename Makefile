# The two commands of the README are `make run` and `make test`; each installs what it needs.
.PHONY: run test build deps deps-test clean

run: deps
	swift build -c release
	./scripts/demo.sh

test: deps-test
	swift build
	swift test

build: deps
	swift build -c release

deps:
	./scripts/install-deps.sh

deps-test:
	./scripts/install-deps.sh --test

clean:
	rm -rf .build workspace

# libFuzzer targets for the package, Word and form layers (Fuzz/README.md), one after another:
# make fuzz FUZZ_SECONDS=600 [FUZZ_TARGETS="package word form"]
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= package word form
.PHONY: fuzz
fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) ./Fuzz/run.sh $(FUZZ_TARGETS)
