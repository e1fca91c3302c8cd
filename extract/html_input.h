// Reading an input file into memory with the checks every reader makes first (it exists, is a
// regular file, is not over the size limit, is not empty). Used by the HTML and Word readers.
#pragma once

#include <cstdint>
#include <string>

namespace nianbao {

// Throws ReadError: not_found, not_a_file, io, too_large (over `max_bytes`, checked before
// reading), empty.
std::string read_input_file(const std::string& path, std::uintmax_t max_bytes);

// "50 MB" for the messages.
std::string megabytes(std::uintmax_t bytes);

}  // namespace nianbao
