# Thin wrapper over CMake. `make demo` and `make test` work from a fresh clone.
BUILD ?= build
JOBS ?= $(shell nproc)

.PHONY: all deps build demo test test-promptfoo bench clean

all: build

deps:
	@tools/install-deps.sh

$(BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	$(BUILD)/distillscope demo

# The promptfoo import test's setup (an npm install, minutes on a new machine) starts while the
# build runs; the test waits for it (tools/install-promptfoo.sh holds a lock) or installs itself.
test: deps $(BUILD)/CMakeCache.txt
	@mkdir -p $(BUILD) && (tools/install-promptfoo.sh >/dev/null 2>$(BUILD)/promptfoo-install.log &)
	cmake --build $(BUILD) -j $(JOBS)
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# Only the import test against the real promptfoo (part of `make test` too); its setup installs
# the pinned promptfoo from npm once per machine (tools/install-promptfoo.sh).
test-promptfoo: build
	cd $(BUILD) && ctest --output-on-failure -L npm

bench: build
	cmake --build $(BUILD) -j $(JOBS) --target benches
	@tools/install-deps.sh --bench
	bench/run-all.sh $(BUILD)

clean:
	rm -rf $(BUILD)
