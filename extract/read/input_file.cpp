#include "extract/read/input_file.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "extract/model/errors.h"

namespace nianbao {
namespace {

[[noreturn]] void fail(const char* code, const std::string& path, const std::string& zh,
                       const std::string& en) {
  throw ReadError(code, path + ": " + zh + " (" + en + ")");
}

}  // namespace

std::string read_input_file(const std::string& path, const Limits& limits) {
  std::string bytes = read_input_bytes(path, limits);
  if (bytes.empty()) fail("empty", path, "文件为空", "empty file");
  return bytes;
}

std::string read_input_bytes(const std::string& path, const Limits& limits) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (path.empty() || status.type() == fs::file_type::not_found)
    fail("not_found", path, "文件不存在", "file not found");
  if (ec) fail("io", path, "无法访问文件：" + ec.message(), "cannot access the file: " + ec.message());
  if (fs::is_directory(status)) fail("not_a_file", path, "是目录，不是文件；检查目录中的全部报告请用 nianbao batch " + path,
                                          "a directory: to check every report in it, use nianbao batch");
  if (!fs::is_regular_file(status)) fail("not_a_file", path, "不是普通文件", "not a regular file");
  const std::uintmax_t size = fs::file_size(path, ec);
  if (!ec) check_file_size(path, size, limits);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const std::string reason = std::strerror(errno);
    fail("io", path, "无法读取文件：" + reason, "cannot read the file: " + reason);
  }
  std::string bytes;
  bytes.reserve(static_cast<size_t>(ec ? 0 : size));
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    bytes.append(buf, static_cast<size_t>(in.gcount()));
    // A file that grows while being read (a pipe, /proc) still stops at the limit.
    check_file_size(path, bytes.size(), limits);
  }
  if (in.bad()) fail("io", path, "读取文件出错", "read error");
  return bytes;
}

}  // namespace nianbao
