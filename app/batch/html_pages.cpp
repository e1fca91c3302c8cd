#include "app/batch/html_pages.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace nianbao::batch {
namespace fs = std::filesystem;

namespace {

// The length of the UTF-8 sequence starting at text[i], 0 when it is not a valid one.
std::size_t utf8_length(const std::string& text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
  if (n == 0 || i + n > text.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(text[i + k]) >> 6) != 0x2) return 0;
  return n;
}

}  // namespace

std::string safe_name(const std::string& text, std::size_t max_bytes) {
  static const std::string kSpecial = "/\\:*?\"<>|#%&'` ";
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t n = utf8_length(text, i);
    const bool replaced = n == 0 || (n == 1 && (static_cast<unsigned char>(text[i]) < 0x20 || text[i] == 0x7f ||
                                                kSpecial.find(text[i]) != std::string::npos ||
                                                (out.empty() && text[i] == '.')));
    const std::string piece = replaced ? std::string(1, '_') : text.substr(i, n);
    if (out.size() + piece.size() > max_bytes) break;
    out += piece;
    i += n == 0 ? 1 : n;
  }
  return out;
}

std::string page_name(const std::string& agency, std::optional<long long> year, const std::string& sha256) {
  if (sha256.size() != 64) return "";
  for (char c : sha256)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return "";
  std::string base = safe_name(agency);
  if (base.empty()) base.assign("未识别机关");
  if (year) base.append("-").append(std::to_string(*year));
  return base.append("-").append(sha256, 0, 8).append(".html");
}

bool page_exists(const std::string& dir, const std::string& name) {
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
