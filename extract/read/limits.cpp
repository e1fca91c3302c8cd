#include "extract/read/limits.h"

#include <cmath>
#include <cstdio>
#include <limits>

#include "extract/model/errors.h"

namespace nianbao {
namespace {

std::string mb_text(std::uint64_t bytes) {
  // Rounded up (one decimal below 10 MB), so a file just over a 1 MB limit reads "1.1 MB", never
  // "1.0 MB over 1 MB".
  const double mb = static_cast<double>(bytes) / (1024.0 * 1024.0);
  char buf[32];
  if (mb < 10) std::snprintf(buf, sizeof buf, "%.1f MB", std::ceil(mb * 10) / 10);
  else std::snprintf(buf, sizeof buf, "%.0f MB", std::ceil(mb));
  return buf;
}

// "<path>: <what> <actual> 超过上限 <limit>（可用 <flag> 调整） (<what_en> <actual> is over the
// limit of <limit>; raise it with <flag>)".
[[noreturn]] void exceeded(const char* code, const std::string& path, const std::string& what_zh,
                           const std::string& what_en, const std::string& actual, const std::string& limit,
                           const char* flag) {
  const std::string shown = actual.empty() ? "" : " " + actual;
  throw ReadError(code, path + ": " + what_zh + (actual.empty() ? "" : " " + actual + " ") + "超过上限 " + limit +
                            "（可用 " + flag + " 调整） (" + what_en + shown + " is over the limit of " + limit +
                            "; raise it with " + flag + ")");
}

}  // namespace

std::uint64_t limit_bytes(std::uint64_t mb) {
  if (mb == 0 || mb > std::numeric_limits<std::uint64_t>::max() / (1024 * 1024))
    return std::numeric_limits<std::uint64_t>::max();
  return mb * 1024 * 1024;
}

void check_file_size(const std::string& path, std::uint64_t bytes, const Limits& limits) {
  if (bytes > limit_bytes(limits.max_file_mb))
    exceeded("too_large", path, "文件大小", "file size", mb_text(bytes),
             std::to_string(limits.max_file_mb) + " MB", "--max-file-mb");
}

void check_page_count(const std::string& path, std::uint64_t pages, const Limits& limits) {
  if (limits.max_pages > 0 && pages > static_cast<std::uint64_t>(limits.max_pages))
    exceeded("too_many_pages", path, "页数", "page count", std::to_string(pages),
             std::to_string(limits.max_pages), "--max-pages");
}

void check_inflated_size(const std::string& path, std::uint64_t bytes, const Limits& limits) {
  if (bytes > limit_bytes(limits.max_inflated_mb))
    exceeded("too_large_inflated", path, "解压后的大小（疑似压缩炸弹）", "the size when inflated (a zip bomb?)", "",
             std::to_string(limits.max_inflated_mb) + " MB", "--max-inflated-mb");
}

std::string timeout_message(const std::string& path, const Limits& limits) {
  const std::string s = std::to_string(limits.timeout_seconds);
  return path + ": 检查用时超过上限 " + s + " 秒（可用 --timeout 调整） (checking took longer than the limit of " + s +
         " s; raise it with --timeout)";
}

std::string out_of_memory_message(const std::string& path, const Limits& limits) {
  const std::string mb = std::to_string(limits.max_memory_mb);
  return path + ": 检查所需内存超过上限 " + mb + " MB（可用 --max-memory-mb 调整） (checking needs more memory than the limit of " +
         mb + " MB; raise it with --max-memory-mb)";
}

}  // namespace nianbao
