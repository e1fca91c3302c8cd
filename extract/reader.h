// Picks the reader for an input file and returns its Document.
#pragma once

#include <string>

#include "extract/model.h"

namespace nianbao {

// Throws ReadError: not_found, not_a_file, empty, binary, encoding, too_large,
// unsupported_format (a format whose reader this build does not have).
Document read_document(const std::string& path);

}  // namespace nianbao
