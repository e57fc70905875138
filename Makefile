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
