# Quick start: `make run` and `make test` (as root on Debian 12: missing packages are installed).
BUILD_TYPE ?= Release
BUILD_DIR  ?= build
JOBS       ?= $(shell nproc)

.PHONY: all deps build run test debug sanitize fuzz-build fuzz fuzz-smoke clean

all: build

deps:
	@tools/install-deps

$(BUILD_DIR)/CMakeCache.txt: | deps
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) >/dev/null

build: deps $(BUILD_DIR)/CMakeCache.txt
	@cmake --build $(BUILD_DIR) -j $(JOBS)

# Checks every report in samples/ and prints the findings (exit status 1 is expected:
# the samples are made to break rules). The reports of samples/archive are checked one by one
# here; what they break across years shows with `build/nianbao batch samples/archive`
# (samples/archive.expected).
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
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/fuzz/lsan.supp ctest --output-on-failure -j $(JOBS)

# libFuzzer harnesses (tests/fuzz/), one per entry point, seeded from the samples.
FUZZERS = text_reader html_reader docx_reader pdf_reader table_positions prose rules page_image
FUZZ_SECONDS ?= 600
FUZZ_FLAGS = -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
fuzz-build: deps
	@CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNIANBAO_FUZZ=ON \
	  -DCMAKE_CXX_FLAGS="$(FUZZ_FLAGS)" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
	@cmake --build build-fuzz -j $(JOBS)

export LSAN_OPTIONS = suppressions=$(CURDIR)/tests/fuzz/lsan.supp

# Each fuzzer for FUZZ_SECONDS (default 10 minutes), keeping what it learns in build-fuzz/corpus.
fuzz: fuzz-build
	@for f in $(FUZZERS); do \
	  tools/fuzz-seeds $$f build-fuzz/corpus/$$f && mkdir -p tests/fuzz/regressions/$$f && \
	  build-fuzz/tests/fuzz/fuzz_$$f -max_total_time=$(FUZZ_SECONDS) -timeout=20 -rss_limit_mb=2048 \
	    -dict=tests/fuzz/report.dict -artifact_prefix=build-fuzz/crash-$$f- \
	    build-fuzz/corpus/$$f tests/fuzz/regressions/$$f || exit 1; \
	done

# What CI runs: every fuzzer for FUZZ_SMOKE_SECONDS from its seeds (fixed random seed), after
# replaying every regression input kept from earlier crashes.
FUZZ_SMOKE_SECONDS ?= 30
fuzz-smoke: fuzz-build
	@for f in $(FUZZERS); do \
	  rm -rf build-fuzz/smoke/$$f && tools/fuzz-seeds $$f build-fuzz/smoke/$$f && \
	  mkdir -p tests/fuzz/regressions/$$f && \
	  build-fuzz/tests/fuzz/fuzz_$$f -seed=1 -max_total_time=$(FUZZ_SMOKE_SECONDS) -timeout=20 -rss_limit_mb=2048 \
	    -dict=tests/fuzz/report.dict -artifact_prefix=build-fuzz/smoke-crash-$$f- \
	    build-fuzz/smoke/$$f tests/fuzz/regressions/$$f \
	    2>build-fuzz/smoke-$$f.log || { tail -60 build-fuzz/smoke-$$f.log; exit 1; }; \
	  echo "fuzz_$$f: $$(grep -o 'Done [0-9]* runs' build-fuzz/smoke-$$f.log | head -1 | cut -d' ' -f2) inputs in $(FUZZ_SMOKE_SECONDS) s, no crash"; \
	done

clean:
	rm -rf build build-debug build-asan build-fuzz
