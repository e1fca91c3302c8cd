// Reading an input file into memory with the checks every reader makes first (it exists, is a
// regular file, is not over the size limit, is not empty). Used by the text, HTML and Word
// readers.
#pragma once

#include <string>

#include "extract/read/limits.h"

namespace nianbao {

// Throws ReadError: not_found, not_a_file, io, too_large (over limits.max_file_mb, checked
// before reading and while reading), empty.
std::string read_input_file(const std::string& path, const Limits& limits);

// The same without the empty check: for the readers that say more of an empty file (a PDF
// without its header is "not a PDF").
std::string read_input_bytes(const std::string& path, const Limits& limits);

}  // namespace nianbao
