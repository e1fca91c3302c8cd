// The HTML reader and everything after it, on arbitrary bytes.
#include "extract/read/html/html_reader.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    nianbao::fuzz::analyze_and_validate(nianbao::read_html_bytes(nianbao::fuzz::bytes(data, size), "fuzz.html", nianbao::fuzz::rules().headings));
  } catch (const nianbao::ReadError&) {
  }
  return 0;
}
