// The PDF reader through Poppler and everything after it. Poppler reads files: each input is
// written to one file in memory-backed storage first.
#include <unistd.h>

#include <fstream>

#include "extract/read/pdf/pdf_reader.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path = "/dev/shm/nianbao-fuzz-" + std::to_string(getpid()) + ".pdf";
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  try {
    nianbao::fuzz::analyze_and_validate(nianbao::read_pdf_file(path, nianbao::fuzz::rules().headings));
  } catch (const nianbao::ReadError&) {
  }
  return 0;
}
