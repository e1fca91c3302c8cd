# Quick start: `make run` and `make test` (as root on Debian 12: missing packages are installed).
BUILD_TYPE ?= Release
BUILD_DIR  ?= build
JOBS       ?= $(shell nproc)

.PHONY: all deps build run test debug sanitize clean

all: build

deps:
	@tools/install-deps

$(BUILD_DIR)/CMakeCache.txt: | deps
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) >/dev/null

build: deps $(BUILD_DIR)/CMakeCache.txt
	@cmake --build $(BUILD_DIR) -j $(JOBS)

# Checks every report in samples/ and prints the findings (exit status 1 is expected:
# the samples are made to break rules).
SAMPLES = $(sort $(wildcard samples/*.txt samples/*/*.txt samples/*/*.md samples/*/*.html \
                             samples/*/*.docx samples/*/*.pdf))
run: build
	@$(BUILD_DIR)/nianbao check $(SAMPLES); \
	  rc=$$?; [ $$rc -le 1 ] || exit $$rc

test: build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

debug:
	@$(MAKE) --no-print-directory BUILD_TYPE=Debug BUILD_DIR=build-debug test

# The whole suite built with clang under AddressSanitizer and UndefinedBehaviorSanitizer.
SANITIZE_FLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
sanitize: deps
	@CC=clang CXX=clang++ cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug \
	  -DCMAKE_CXX_FLAGS="$(SANITIZE_FLAGS)" -DCMAKE_EXE_LINKER_FLAGS="$(SANITIZE_FLAGS)" >/dev/null
	@cmake --build build-asan -j $(JOBS)
	@cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --output-on-failure -j $(JOBS)

clean:
	rm -rf build build-debug build-asan
