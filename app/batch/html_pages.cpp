#include "app/batch/html_pages.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace nianbao::batch {
namespace fs = std::filesystem;

std::string page_name(const std::string& sha256) {
  if (sha256.size() != 64) return "";
  for (char c : sha256)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return "";
  return sha256.substr(0, 16) + ".html";
}

bool page_exists(const std::string& dir, const std::string& sha256) {
  const std::string name = page_name(sha256);
  std::error_code ec;
  return !name.empty() && fs::is_regular_file(fs::path(dir) / name, ec);
}

bool write_atomically(const std::string& dir, const std::string& name, const std::string& content) {
  if (name.empty()) return false;
  // Hidden and per process: workers writing pages side by side never share a temporary file.
  const fs::path tmp = fs::path(dir) / ("." + name + "." + std::to_string(::getpid()) + ".tmp");
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << content;
    out.close();
    if (!out) {
      std::error_code ec;
      fs::remove(tmp, ec);
      return false;
    }
  }
  std::error_code ec;
  fs::rename(tmp, fs::path(dir) / name, ec);
  if (ec) fs::remove(tmp, ec);
  return !ec;
}

void prepare_html_dir(const std::string& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir, ec)) throw std::runtime_error("无法创建目录 " + dir);
}

bool inside_dir(const std::string& file, const std::string& dir) {
  std::error_code ed, ef;
  fs::path d = fs::weakly_canonical(fs::absolute(dir), ed);
  const fs::path f = fs::weakly_canonical(fs::absolute(file), ef);
  if (ed || ef) return false;
  if (d.filename().empty()) d = d.parent_path();  // "html/" names the same directory as "html"
  auto [end, _] = std::mismatch(d.begin(), d.end(), f.begin(), f.end());
  return end == d.end();
}

}  // namespace nianbao::batch
