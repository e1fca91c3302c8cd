#include "extract/rules/rules_cache.h"

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "extract/rules/rules_snapshot.h"

namespace nianbao {

namespace {

namespace fs = std::filesystem;

// FNV-1a, 64 bits: rules files are the user's own, so an accidental collision is all it must
// avoid, and the name also holds the text's length.
std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

// The snapshot's path for `text` in `dir`.
fs::path snapshot_path(const std::string& dir, std::string_view text) {
  char name[64];
  std::snprintf(name, sizeof name, "rules-%016llx-%zx.bin", static_cast<unsigned long long>(fnv1a(text)),
                text.size());
  return fs::path(dir) / name;
}

// The mark that `what` was found sound in `text`, beside its snapshot.
fs::path mark_path(const std::string& dir, std::string_view text, std::string_view what) {
  fs::path path = snapshot_path(dir, text);
  path.replace_extension();
  path += '-';
  path += what;
  path += ".sound";
  return path;
}

}  // namespace

std::string rules_cache_dir() {
  if (const char* dir = std::getenv("NIANBAO_CACHE_DIR")) return dir;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg == '/') return std::string(xdg) + "/nianbao";
  if (const char* home = std::getenv("HOME"); home && *home == '/') return std::string(home) + "/.cache/nianbao";
  return {};
}

std::optional<toml::table> cached_rules_document(std::string_view text) {
  const std::string dir = rules_cache_dir();
  if (dir.empty()) return std::nullopt;
  std::ifstream in(snapshot_path(dir, text), std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream bytes;
  bytes << in.rdbuf();
  return decode_snapshot(bytes.str());
}

void cache_rules_document(std::string_view text, const toml::table& doc) {
  const std::string dir = rules_cache_dir();
  if (dir.empty()) return;
  const std::optional<std::string> snapshot = encode_snapshot(doc);
  if (!snapshot) return;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return;
  // Written aside and renamed into place: a reader sees a whole snapshot or none.
  const fs::path path = snapshot_path(dir, text);
  fs::path part = path;
  part += ".";
  part += std::to_string(::getpid());
  part += ".part";
  {
    std::ofstream out(part, std::ios::binary | std::ios::trunc);
    out.write(snapshot->data(), static_cast<std::streamsize>(snapshot->size()));
    if (!out.flush()) {
      out.close();
      fs::remove(part, ec);
      return;
    }
  }
  fs::rename(part, path, ec);
  if (ec) fs::remove(part, ec);
}

bool cached_as_sound(std::string_view text, std::string_view what) {
  const std::string dir = rules_cache_dir();
  std::error_code ec;
  return !dir.empty() && fs::exists(mark_path(dir, text, what), ec);
}

void cache_as_sound(std::string_view text, std::string_view what) {
  const std::string dir = rules_cache_dir();
  if (dir.empty()) return;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (!ec) std::ofstream(mark_path(dir, text, what), std::ios::binary | std::ios::trunc);
}

}  // namespace nianbao
