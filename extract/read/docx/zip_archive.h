// A ZIP archive read from memory (minizip) with limits that keep a zip bomb from exhausting
// memory: the number of entries, and the bytes actually inflated (not the sizes the archive
// claims, which a crafted archive can understate).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "extract/read/limits.h"

namespace nianbao {

class ZipArchive {
 public:
  static constexpr std::int64_t kMaxEntries = 10000;

  // Throws ReadError: "corrupt" (not a ZIP archive, or damaged), "too_large" (too many
  // entries). `path` only goes into the messages. `bytes` must outlive the archive; the budget
  // of inflated bytes over all reads is limits.max_inflated_mb.
  ZipArchive(const std::string& bytes, const std::string& path, const Limits& limits = {});
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  bool has(const std::string& name) const;
  // The inflated entry, nothing when it is absent. Throws ReadError "too_large_inflated" when the
  // archive's budget of inflated bytes runs out, "corrupt" when the entry cannot be inflated.
  std::optional<std::string> read(const std::string& name);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace nianbao
