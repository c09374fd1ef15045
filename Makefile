# Parley build entry points. `make run` installs what is missing, builds and serves on :8065;
# `make test` runs every test (unit + end-to-end with the official Mattermost client).
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
export CCACHE_DIR ?= $(HOME)/.cache/ccache

.PHONY: deps build run test unit e2e e2e-deps clean format

deps:
	./scripts/install-deps.sh

$(BUILD_DIR)/build.ninja:
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: deps $(BUILD_DIR)/build.ninja
	ninja -C $(BUILD_DIR) -j $(JOBS)

run: build
	$(BUILD_DIR)/parley

unit: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

tests/e2e/node_modules: tests/e2e/package.json tests/e2e/package-lock.json
	cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error
	touch tests/e2e/node_modules

e2e-deps: tests/e2e/node_modules

e2e: build e2e-deps
	cd tests/e2e && PARLEY_BIN=$(abspath $(BUILD_DIR))/parley node --test --test-concurrency=1 --test-reporter=spec

test: unit e2e

format:
	clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.h' 'tests/unit/*.cpp')

clean:
	rm -rf $(BUILD_DIR)
