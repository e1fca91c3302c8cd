// The entry point of libnianbao-ocr.so, the module the program loads for scanned pages
// (extract/read/scan/scan_reader.h).
#include <string>

#include "extract/read/scan/ocr/scan_page_reader.h"

extern "C" __attribute__((visibility("default"))) nianbao::ScanReader* nianbao_ocr_new_reader(std::string* why) {
  auto reader = std::make_unique<nianbao::ScanPageReader>();
  if (!reader->ready()) {
    if (why) *why = reader->error();
    return nullptr;
  }
  return reader.release();
}
