// Limits on the work one input file may cause. A report is a few MB and a few dozen pages; a
// file far beyond that is either not a report or an attack (a zip bomb, a PDF that makes the
// parser loop), and a batch of thousands must not stall on it. Each limit has a sane default and
// a command-line flag; 0 means no limit. Exceeding one is a ReadError whose code says which
// limit and whose message names the limit and its flag.
#pragma once

#include <cstdint>
#include <string>

namespace nianbao {

struct Limits {
  std::uint64_t max_file_mb = 100;      // --max-file-mb: bytes on disk (code too_large)
  int max_pages = 300;                  // --max-pages: pages of the document (too_many_pages)
  std::uint64_t max_inflated_mb = 200;  // --max-inflated-mb: DOCX parts after decompression
                                        // (too_large_inflated)
  int timeout_seconds = 120;            // --timeout: CPU and wall-clock seconds per file (timeout)
  long max_memory_mb = 4096;            // --max-memory-mb: address space per file (out_of_memory)
};

// Bytes of a limit given in MB; the largest value when the limit is off (0).
std::uint64_t limit_bytes(std::uint64_t mb);

// Throw the ReadError of an exceeded limit when `bytes`/`pages` is over it.
void check_file_size(const std::string& path, std::uint64_t bytes, const Limits& limits);
void check_page_count(const std::string& path, std::uint64_t pages, const Limits& limits);
void check_inflated_size(const std::string& path, std::uint64_t bytes, const Limits& limits);

// The messages of the limits enforced outside the readers (by the process that runs the check),
// one line each, naming the file, the limit and its flag.
std::string timeout_message(const std::string& path, const Limits& limits);
std::string out_of_memory_message(const std::string& path, const Limits& limits);

}  // namespace nianbao
