#include "extract/rules/rules_snapshot.h"

#include <cstdint>
#include <cstring>
#include <functional>
#include <mutex>
#include <unordered_map>

namespace nianbao {

namespace {

// The layout: the magic, then the root table's body. A node is its kind, its line, then:
// a table its entry count and each key and node; an array its count and nodes; a string its
// length and bytes; an integer zig-zag; a float its 8 bytes; a boolean one byte. Counts, lengths
// and lines are unsigned LEB128.
constexpr std::string_view kMagic{"nianbao-toml-1\n", 15};

enum Kind : std::uint8_t { kTable = 1, kInlineTable, kArray, kString, kInteger, kFloat, kBoolean };

// Lines of the nodes made from snapshots, by address. A node made otherwise has its line from
// toml++ (or none); an entry is replaced when its address is reused by a later snapshot's node.
std::mutex g_lines_mutex;
std::unordered_map<const toml::node*, int>& lines() {
  static auto* map = new std::unordered_map<const toml::node*, int>();
  return *map;
}

void put_varint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

void put_text(std::string& out, std::string_view s) {
  put_varint(out, s.size());
  out.append(s);
}

bool put_node(std::string& out, const toml::node& n);

bool put_table_body(std::string& out, const toml::table& t) {
  put_varint(out, t.size());
  for (auto&& [key, value] : t) {
    put_text(out, key.str());
    if (!put_node(out, value)) return false;
  }
  return true;
}

bool put_node(std::string& out, const toml::node& n) {
  const std::uint64_t line = n.source().begin.line;
  switch (n.type()) {
    case toml::node_type::table: {
      const toml::table& t = *n.as_table();
      out.push_back(static_cast<char>(t.is_inline() ? kInlineTable : kTable));
      put_varint(out, line);
      return put_table_body(out, t);
    }
    case toml::node_type::array: {
      const toml::array& a = *n.as_array();
      out.push_back(static_cast<char>(kArray));
      put_varint(out, line);
      put_varint(out, a.size());
      for (const toml::node& e : a)
        if (!put_node(out, e)) return false;
      return true;
    }
    case toml::node_type::string:
      out.push_back(static_cast<char>(kString));
      put_varint(out, line);
      put_text(out, n.as_string()->get());
      return true;
    case toml::node_type::integer: {
      out.push_back(static_cast<char>(kInteger));
      put_varint(out, line);
      const std::int64_t v = n.as_integer()->get();
      put_varint(out, (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
      return true;
    }
    case toml::node_type::floating_point: {
      out.push_back(static_cast<char>(kFloat));
      put_varint(out, line);
      const double v = n.as_floating_point()->get();
      char bytes[sizeof v];
      std::memcpy(bytes, &v, sizeof v);
      out.append(bytes, sizeof v);
      return true;
    }
    case toml::node_type::boolean:
      out.push_back(static_cast<char>(kBoolean));
      put_varint(out, line);
      out.push_back(n.as_boolean()->get() ? 1 : 0);
      return true;
    default:  // dates and times
      return false;
  }
}

// Reads a snapshot; every read is bounded by what is left, and a failure poisons the rest.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : rest_(bytes) {}
  bool ok() const { return ok_; }
  bool done() const { return ok_ && rest_.empty(); }

  bool literal(std::string_view s) {
    if (!ok_ || rest_.substr(0, s.size()) != s) return ok_ = false;
    rest_.remove_prefix(s.size());
    return true;
  }
  std::uint8_t byte() {
    if (!ok_ || rest_.empty()) return ok_ = false;
    const auto b = static_cast<std::uint8_t>(rest_.front());
    rest_.remove_prefix(1);
    return b;
  }
  std::uint64_t varint() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      const std::uint8_t b = byte();
      if (!ok_) return 0;
      v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) return v;
    }
    ok_ = false;
    return 0;
  }
  // A count of things each at least `least` bytes long: more than what is left is damage.
  std::size_t count(std::size_t least) {
    const std::uint64_t n = varint();
    if (n > rest_.size() / least) ok_ = false;
    return ok_ ? static_cast<std::size_t>(n) : 0;
  }
  std::string_view text() {
    const std::size_t n = count(1);
    const std::string_view s = rest_.substr(0, n);
    rest_.remove_prefix(n);
    return s;
  }
  double float64() {
    double v = 0;
    if (!ok_ || rest_.size() < sizeof v) return ok_ = false;
    std::memcpy(&v, rest_.data(), sizeof v);
    rest_.remove_prefix(sizeof v);
    return v;
  }

 private:
  std::string_view rest_;
  bool ok_ = true;
};

// The smallest node: its kind, its line and one byte.
constexpr std::size_t kLeastNode = 3;

// Depth is bounded as toml++'s parser bounds it, so that a damaged file cannot exhaust the stack.
constexpr int kMaxDepth = 256;

bool read_table_body(Reader& r, toml::table& t, int depth);

// Where a node read goes: it is moved into its table or array, and returned as it lies there.
using Place = std::function<toml::node&(toml::node&&)>;

// Reads one node and gives it to `place`.
bool read_node(Reader& r, int depth, const Place& place) {
  if (depth > kMaxDepth) return false;
  const std::uint8_t kind = r.byte();
  const auto line = static_cast<int>(r.varint());
  if (!r.ok()) return false;
  toml::node* placed = nullptr;
  switch (kind) {
    case kTable:
    case kInlineTable: {
      toml::table t;
      t.is_inline(kind == kInlineTable);
      if (!read_table_body(r, t, depth + 1)) return false;
      placed = &place(std::move(t));
      break;
    }
    case kArray: {
      toml::array a;
      const std::size_t n = r.count(kLeastNode);
      a.reserve(n);
      for (std::size_t i = 0; i < n; ++i)
        if (!read_node(r, depth + 1, [&a](toml::node&& v) -> toml::node& {
              a.push_back(std::move(v));
              return a.back();
            }))
          return false;
      placed = &place(std::move(a));
      break;
    }
    case kString: {
      const std::string_view s = r.text();
      if (!r.ok()) return false;
      toml::value<std::string> v(std::string{s});
      placed = &place(std::move(v));
      break;
    }
    case kInteger: {
      const std::uint64_t z = r.varint();
      if (!r.ok()) return false;
      toml::value<std::int64_t> v(static_cast<std::int64_t>((z >> 1) ^ (~(z & 1) + 1)));
      placed = &place(std::move(v));
      break;
    }
    case kFloat: {
      toml::value<double> v(r.float64());
      if (!r.ok()) return false;
      placed = &place(std::move(v));
      break;
    }
    case kBoolean: {
      const std::uint8_t b = r.byte();
      if (!r.ok() || b > 1) return false;
      toml::value<bool> v(b == 1);
      placed = &place(std::move(v));
      break;
    }
    default:
      return false;
  }
  std::lock_guard<std::mutex> lock(g_lines_mutex);
  lines()[placed] = line;
  return true;
}

bool read_table_body(Reader& r, toml::table& t, int depth) {
  const std::size_t n = r.count(1 + kLeastNode);
  for (std::size_t i = 0; i < n; ++i) {
    const std::string key(r.text());
    if (!r.ok() || t.contains(key)) return false;
    if (!read_node(r, depth, [&t, &key](toml::node&& v) -> toml::node& {
          return t.insert(key, std::move(v)).first->second;
        }))
      return false;
  }
  return r.ok();
}

}  // namespace

std::optional<std::string> encode_snapshot(const toml::table& doc) {
  std::string out(kMagic);
  if (!put_table_body(out, doc)) return std::nullopt;
  return out;
}

std::optional<toml::table> decode_snapshot(std::string_view bytes) {
  Reader r(bytes);
  toml::table doc;
  if (!r.literal(kMagic) || !read_table_body(r, doc, 0) || !r.done()) return std::nullopt;
  return doc;
}

int snapshot_line(const toml::node& node) {
  std::lock_guard<std::mutex> lock(g_lines_mutex);
  const auto it = lines().find(&node);
  return it == lines().end() ? 0 : it->second;
}

}  // namespace nianbao
