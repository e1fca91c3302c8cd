#include "extract/rules/rules_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "extract/rules/rules_snapshot.h"

namespace nianbao {

namespace {

std::uint64_t fnv1a(std::string_view s, std::uint64_t seed) {
  std::uint64_t h = seed;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

constexpr std::uint64_t kNameSeed = 0xcbf29ce484222325ULL;
// A second hash of the text, with another seed, kept inside the snapshot: two texts that share
// a file name would also have to share this.
constexpr std::uint64_t kCheckSeed = 0x84222325cbf29ce4ULL;

std::string hex(std::uint64_t v) {
  static const char digits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) out[static_cast<std::size_t>(i)] = digits[v & 0xF];
  return out;
}

// The snapshot's path for `text` in `dir`.
std::string snapshot_path(const std::string& dir, std::string_view text) {
  return dir + "/rules-" + hex(fnv1a(text, kNameSeed)) + "-" + hex(text.size()) + ".bin";
}

// What heads a snapshot file: the second hash of the text it was made from.
std::string check_header(std::string_view text) { return hex(fnv1a(text, kCheckSeed)) + "\n"; }

bool read_file(const std::string& path, std::string& out) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  char buf[65536];
  ssize_t n;
  while ((n = ::read(fd, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
  ::close(fd);
  return n == 0;
}

// mkdir -p, quietly.
bool make_dirs(const std::string& dir) {
  for (std::size_t slash = dir.find('/', 1);; slash = dir.find('/', slash + 1)) {
    const std::string part = dir.substr(0, slash);
    if (::mkdir(part.c_str(), 0755) != 0 && errno != EEXIST) return false;
    if (slash == std::string::npos) return true;
  }
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
  std::string bytes;
  if (!read_file(snapshot_path(dir, text), bytes)) return std::nullopt;
  const std::string header = check_header(text);
  if (bytes.compare(0, header.size(), header) != 0) return std::nullopt;
  return decode_snapshot(std::string_view(bytes).substr(header.size()));
}

void cache_rules_document(std::string_view text, const toml::table& doc) {
  const std::string dir = rules_cache_dir();
  if (dir.empty()) return;
  const std::optional<std::string> snapshot = encode_snapshot(doc);
  if (!snapshot || !make_dirs(dir)) return;
  // Written aside and renamed into place: a reader sees a whole snapshot or none.
  const std::string path = snapshot_path(dir, text);
  const std::string part = path + "." + std::to_string(::getpid()) + ".part";
  const int fd = ::open(part.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return;
  const std::string bytes = check_header(text) + *snapshot;
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n <= 0) break;
    written += static_cast<std::size_t>(n);
  }
  const bool whole = ::close(fd) == 0 && written == bytes.size();
  if (!whole || ::rename(part.c_str(), path.c_str()) != 0) ::unlink(part.c_str());
}

}  // namespace nianbao
