# The two commands of the README are `make run` and `make test`; each installs what it needs.
.PHONY: run test build deps deps-test clean check-workbooks

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

# LibreOffice converts every sheet of a workbook written by the tests (too slow to install in CI:
# the test skips itself when soffice is missing, this target installs it and runs it).
# The workbooks as LibreOffice prints them (deps-test installs LibreOffice, Carlito, pdfplumber).
check-workbooks: deps-test
	swift test --filter 'LibreOfficeTests|PrintedWorkbookTests'

# libFuzzer targets for the package, Word and form layers (Fuzz/README.md), one after another:
# make fuzz FUZZ_SECONDS=600 [FUZZ_TARGETS="package word form"]
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= package word form
.PHONY: fuzz
fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) ./Fuzz/run.sh $(FUZZ_TARGETS)

# Benchmarks (not part of `make test`): kiemdiem run vs the python-docx baseline and the libxml2
# floor, one table; see BENCHMARKS.md. `make bench-100k` is the documented 100,000-form run.
.PHONY: bench bench-100k
bench: deps
	./Benchmarks/bench.sh

bench-100k: deps
	BENCH_SIZES=100000 BENCH_WORKERS="2" BENCH_REPEAT=1 BENCH_BASELINE_N=1000 BENCH_FLOOR_SIZES="" ./Benchmarks/bench.sh
