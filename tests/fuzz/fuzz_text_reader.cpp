// The text reader and everything after it, on arbitrary bytes.
#include "extract/read/text/text_reader.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    nianbao::fuzz::analyze_and_validate(nianbao::read_text_bytes(nianbao::fuzz::bytes(data, size), "fuzz.txt"));
  } catch (const nianbao::ReadError&) {
  }
  return 0;
}
