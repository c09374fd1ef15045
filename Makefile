# Parley build entry points. `make run` installs what is missing, builds and serves on :8065;
# `make test` runs every test: unit tests on SQLite, the end-to-end suite (official Mattermost
# client) on SQLite, the web client's tests (Vitest, then headless Chromium), then unit and
# end-to-end tests again on one throwaway PostgreSQL cluster.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
export CCACHE_DIR ?= $(HOME)/.cache/ccache

.PHONY: deps build run test unit e2e e2e-deps webclient webclient-test test-pg unit-pg e2e-pg bench bench-capacity clean format

deps:
	./scripts/install-deps.sh

$(BUILD_DIR)/build.ninja:
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: deps $(BUILD_DIR)/build.ninja webclient
	ninja -C $(BUILD_DIR) -j $(JOBS)

# Parley's own web client (webapp/): npm ci and a Vite build into webapp/dist, each redone only
# when its inputs changed.
WEBAPP_SRC := $(shell find webapp/src -type f) webapp/root.html webapp/vite.config.ts webapp/tsconfig.json

webapp/node_modules: webapp/package.json webapp/package-lock.json
	cd webapp && npm ci --no-audit --no-fund --loglevel=error
	touch webapp/node_modules

webapp/dist/root.html: webapp/node_modules $(WEBAPP_SRC)
	cd webapp && npx vite build --logLevel warn

webclient: webapp/dist/root.html

run: build
	$(BUILD_DIR)/parley

unit: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

tests/e2e/node_modules: tests/e2e/package.json tests/e2e/package-lock.json
	cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error
	touch tests/e2e/node_modules

e2e-deps: tests/e2e/node_modules

E2E_RUN = cd tests/e2e && PARLEY_BIN=$(abspath $(BUILD_DIR))/parley node --test --test-concurrency=1 --test-reporter=spec

e2e: build e2e-deps
	$(E2E_RUN)

# The web client: unit tests (Vitest), then two people in headless Chromium against the server.
webclient-test: build e2e-deps
	cd webapp && npx vitest run
	cd webapp && PARLEY_BIN=$(abspath $(BUILD_DIR))/parley node --test --test-concurrency=1 --test-reporter=spec tests/browser/

# PostgreSQL: one cluster (scripts/with-pg-cluster.sh) for the unit and end-to-end runs; each test
# gets a fresh database on it. The cluster is stopped whatever the outcome.
test-pg: build e2e-deps
	./scripts/with-pg-cluster.sh $(MAKE) --no-print-directory unit-pg e2e-pg

# These two expect PARLEY_TEST_PG_URL (use test-pg, or point it at a cluster of your own).
unit-pg:
	@test -n "$$PARLEY_TEST_PG_URL" || { echo "PARLEY_TEST_PG_URL is not set" >&2; exit 1; }
	$(BUILD_DIR)/parley_unit_tests --gtest_brief=1

e2e-pg:
	@test -n "$$PARLEY_TEST_PG_URL" || { echo "PARLEY_TEST_PG_URL is not set" >&2; exit 1; }
	$(E2E_RUN)

test: unit e2e webclient-test test-pg

# Benchmarks (docs/benchmarks.md): the quick set, and the long capacity search.
bench: build
	./bench/run.sh

bench-capacity: build
	./bench/capacity.sh

format:
	clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.h' 'tests/unit/*.cpp')

clean:
	rm -rf $(BUILD_DIR)
