// SHA-256 of a file's bytes: the key under which a report is stored, so a renamed or copied
// file is recognised and a rerun skips what is already done.
#pragma once

#include <string>
#include <string_view>

namespace nianbao::batch {

// Lower-case hex digest of `data` (FIPS 180-4).
std::string sha256_hex(std::string_view data);

// Digest of the file's content; empty when the file cannot be read.
std::string sha256_file(const std::string& path);

}  // namespace nianbao::batch
