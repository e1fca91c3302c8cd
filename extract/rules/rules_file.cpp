#include "extract/rules/rules_file.h"

#include <algorithm>
#include <optional>
#include <fstream>
#include <sstream>

#include "extract/model/errors.h"
#include "extract/normalize/normalize.h"
#include "extract/rules/rules_cache.h"
#include "extract/rules/rules_snapshot.h"

namespace nianbao {

toml::table parse_rules_text(std::string_view text, const std::string& source) {
  auto fail = [&](const toml::parse_error& e) {
    return RulesError(source + ":" + std::to_string(e.source().begin.line) + ": " +
                      std::string(e.description()));
  };
#if TOML_EXCEPTIONS
  try {
    return toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    throw fail(e);
  }
#else
  auto result = toml::parse(text, source);
  if (!result) throw fail(result.error());
  return std::move(result).table();
#endif
}

toml::table parse_rules_file(const std::string& path, std::string* text_out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw RulesError(path + ": cannot be read");
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  toml::table doc;
  if (std::optional<toml::table> cached = cached_rules_document(text)) {
    doc = std::move(*cached);
  } else {
    doc = parse_rules_text(text, path);
    cache_rules_document(text, doc);
  }
  if (text_out) *text_out = std::move(text);
  return doc;
}

int line_of(const toml::node& n) {
  const auto line = static_cast<int>(n.source().begin.line);
  return line > 0 ? line : snapshot_line(n);
}

const toml::table& as_table(const toml::node& n, const std::string& source,
                            const std::string& what) {
  const toml::table* t = n.as_table();
  if (!t)
    throw RulesError(source + ":" + std::to_string(line_of(n)) + ": " + what +
                     " must be a table");
  return *t;
}

void RulesEntry::fail(const std::string& what) const {
  throw RulesError(source + ":" + std::to_string(line_of(t)) + ": " + name + ": " + what);
}

std::string RulesEntry::text(const char* key, bool required) const {
  const toml::node* n = t.get(key);
  if (!n) {
    if (required) fail(std::string("missing required field '") + key + "'");
    return {};
  }
  auto v = n->value<std::string>();
  if (!v) fail(std::string("field '") + key + "' must be a string");
  return *v;
}

std::vector<std::string> RulesEntry::list(const char* key, bool required) const {
  std::vector<std::string> out;
  const toml::node* n = t.get(key);
  if (!n) {
    if (required) fail(std::string("missing required field '") + key + "'");
    return out;
  }
  const toml::array* a = n->as_array();
  if (!a) fail(std::string("field '") + key + "' must be an array of strings");
  for (const toml::node& e : *a) {
    auto v = e.value<std::string>();
    if (!v) fail(std::string("field '") + key + "' must be an array of strings");
    out.push_back(*v);
  }
  return out;
}

std::vector<std::string> RulesEntry::words(const char* key) const {
  std::vector<std::string> out;
  for (const std::string& w : list(key, true)) {
    std::string c = compact(w);
    if (c.empty()) fail(std::string(key) + ": an empty word");
    out.push_back(std::move(c));
  }
  std::stable_sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return out;
}

bool RulesEntry::flag(const char* key) const {
  const toml::node* n = t.get(key);
  if (!n) return false;
  auto v = n->value<bool>();
  if (!v) fail(std::string("field '") + key + "' must be true or false");
  return *v;
}

Text RulesEntry::pair(const char* key, bool required) const {
  const toml::node* n = t.get(key);
  if (!n) {
    if (required) fail(std::string("missing required field '") + key + "'");
    return {};
  }
  const toml::table* p = n->as_table();
  if (!p) fail(std::string("field '") + key + "' must be { zh = \"…\", en = \"…\" }");
  RulesEntry sub{source, *p, name + "." + key};
  return {sub.text("zh"), sub.text("en")};
}

const toml::array* RulesEntry::tables(const char* key) const {
  const toml::node* n = t.get(key);
  if (!n) return nullptr;
  const toml::array* a = n->as_array();
  if (!a || !a->is_array_of_tables())
    fail(std::string("field '") + key + "' must be an array of tables ([[" + key + "]])");
  return a;
}

RulesEntry section_entry(const std::string& source, const toml::table& doc, const char* name) {
  const std::string what = std::string("[") + name + "]";
  const toml::node* n = doc.get(name);
  if (!n) throw RulesError(source + ": missing " + what);
  return RulesEntry{source, as_table(*n, source, what), what};
}

void for_each_entry(const std::string& source, const toml::table& doc, const char* key,
                    const std::function<void(RulesEntry& entry, int line)>& read) {
  const toml::node* n = doc.get(key);
  if (!n) return;
  const toml::array* a = n->as_array();
  const std::string what = std::string("[[") + key + "]]";
  if (!a) throw RulesError(source + ":" + std::to_string(line_of(*n)) + ": " + what + " must be an array of tables");
  for (const toml::node& node : *a) {
    RulesEntry e{source, as_table(node, source, what), key};
    read(e, line_of(node));
  }
}

}  // namespace nianbao
