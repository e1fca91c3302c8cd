# Quick start: `make run` and `make test` (as root on Debian 12: missing packages are installed).
BUILD_TYPE ?= Release
BUILD_DIR  ?= build
JOBS       ?= $(shell nproc)

.PHONY: all deps build run test debug clean

all: build

deps:
	@tools/install-deps

$(BUILD_DIR)/CMakeCache.txt: | deps
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) >/dev/null

build: deps $(BUILD_DIR)/CMakeCache.txt
	@cmake --build $(BUILD_DIR) -j $(JOBS)

# Checks every report in samples/ and prints the findings (exit status 1 is expected:
# the samples are made to break rules).
run: build
	@$(BUILD_DIR)/nianbao check samples/*.txt samples/rules/*.txt; \
	  rc=$$?; [ $$rc -le 1 ] || exit $$rc

test: build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

debug:
	@$(MAKE) --no-print-directory BUILD_TYPE=Debug BUILD_DIR=build-debug test

clean:
	rm -rf build build-debug
