#include "extract/schema.h"

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <toml++/toml.h>

#include "extract/errors.h"
#include "extract/normalize.h"
#include "extract/rules_dir.h"

namespace nianbao {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

[[noreturn]] void fail(const std::string& path, const toml::source_region& where,
                       const std::string& what) {
  throw RulesError(path + ":" + std::to_string(where.begin.line) + ": " + what);
}

std::string str(const toml::table& t, const char* name, const std::string& path, bool required) {
  const toml::node* n = t.get(name);
  if (!n) {
    if (required) fail(path, t.source(), std::string("missing \"") + name + "\"");
    return {};
  }
  auto v = n->value<std::string>();
  if (!v) fail(path, n->source(), std::string("\"") + name + "\" must be a string");
  return *v;
}

std::vector<std::string> strs(const toml::table& t, const char* name, const std::string& path) {
  std::vector<std::string> out;
  const toml::node* n = t.get(name);
  if (!n) return out;
  const toml::array* a = n->as_array();
  if (!a) fail(path, n->source(), std::string("\"") + name + "\" must be an array of strings");
  for (const toml::node& e : *a) {
    auto v = e.value<std::string>();
    if (!v) fail(path, e.source(), std::string("\"") + name + "\" must hold strings only");
    out.push_back(*v);
  }
  return out;
}

bool flag(const toml::table& t, const char* name, const std::string& path) {
  const toml::node* n = t.get(name);
  if (!n) return false;
  auto v = n->value<bool>();
  if (!v) fail(path, n->source(), std::string("\"") + name + "\" must be true or false");
  return *v;
}

const toml::array* tables_of(const toml::table& t, const char* name, const std::string& path) {
  const toml::node* n = t.get(name);
  if (!n) return nullptr;
  const toml::array* a = n->as_array();
  if (!a || !a->is_array_of_tables())
    fail(path, n->source(), std::string("\"") + name + "\" must be an array of tables ([[" +
                                name + "]])");
  return a;
}

// "1.属于国家秘密" → "属于国家秘密", "(一)予以公开" → "予以公开", "一、本年新收…" → "本年新收…".
std::string strip_numbering(const std::string& m) {
  size_t i = 0;
  while (i < m.size() && is_digit(m[i])) ++i;
  if (i > 0 && i < m.size() && m[i] == '.') return m.substr(i + 1);
  static const std::string numerals = "一二三四五六七八九十";
  auto numeral_run = [&](size_t from) {
    size_t k = from;
    while (k + 3 <= m.size() && numerals.find(m.substr(k, 3)) != std::string::npos) k += 3;
    return k;
  };
  if (!m.empty() && m[0] == '(') {
    size_t k = numeral_run(1);
    if (k > 1 && k < m.size() && m[k] == ')') return m.substr(k + 1);
  }
  size_t k = numeral_run(0);
  if (k > 0 && m.compare(k, 3, "、") == 0) return m.substr(k + 3);
  return m;
}

SchemaTable load_table(const toml::table& t, const std::string& path) {
  SchemaTable st;
  st.key = str(t, "key", path, true);
  if (const toml::node* n = t.get("part")) st.part = static_cast<int>(n->value_or<int64_t>(0));
  std::string layout = str(t, "layout", path, false);
  if (!layout.empty() && layout != "rows" && layout != "wide")
    fail(path, t.source(), "layout must be \"rows\" or \"wide\"");
  st.wide = layout == "wide";
  if (const toml::array* cols = tables_of(t, "column", path))
    for (const toml::node& n : *cols) {
      const toml::table& c = *n.as_table();
      SchemaColumn col;
      col.key = str(c, "key", path, true);
      col.label = str(c, "label", path, true);
      col.variants = strs(c, "variants", path);
      col.is_signed = flag(c, "signed", path);
      col.decimal = flag(c, "decimal", path);
      col.unit = str(c, "unit", path, false);
      st.columns.push_back(std::move(col));
    }
  std::vector<std::string> all_columns;
  for (const auto& c : st.columns) all_columns.push_back(c.key);
  if (const toml::array* rows = tables_of(t, "row", path))
    for (const toml::node& n : *rows) {
      const toml::table& r = *n.as_table();
      SchemaRow row;
      row.key = str(r, "key", path, true);
      row.label = str(r, "label", path, true);
      for (const auto& m : strs(r, "match", path)) row.match.push_back(match_form(m));
      // The official label itself, with and without its numbering, is always a match.
      std::string full = match_form(row.label);
      row.match.push_back(full);
      // Without its numbering only when still distinctive: "（七）总计" is not "总计".
      std::string bare = strip_numbering(full);
      if (bare.size() >= 12) row.match.push_back(bare);
      std::sort(row.match.begin(), row.match.end(),
                [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
      row.number = str(r, "number", path, false);
      row.group = str(r, "group", path, false);
      row.columns = strs(r, "columns", path);
      if (row.columns.empty()) row.columns = all_columns;
      for (const auto& c : row.columns)
        if (!st.column(c)) fail(path, r.source(), "row " + row.key + ": unknown column " + c);
      st.rows.push_back(std::move(row));
    }
  if (const toml::array* rels = tables_of(t, "relation", path))
    for (const toml::node& n : *rels) {
      const toml::table& r = *n.as_table();
      SchemaRelation rel;
      std::string per = str(r, "per", path, true);
      if (per != "row" && per != "column") fail(path, r.source(), "per must be \"row\" or \"column\"");
      rel.per_row = per == "row";
      rel.left = strs(r, "left", path);
      rel.right = strs(r, "right", path);
      if (rel.left.empty() || rel.right.empty())
        fail(path, r.source(), "a relation needs left and right");
      st.relations.push_back(std::move(rel));
    }
  return st;
}

}  // namespace

std::string match_form_folded(std::string_view folded, std::vector<size_t>* map) {
  std::string out;
  if (map) map->clear();
  auto push = [&](std::string_view s, size_t from) {
    out.append(s);
    if (map) map->insert(map->end(), s.size(), from);
  };
  for (size_t i = 0; i < folded.size();) {
    unsigned char c = static_cast<unsigned char>(folded[i]);
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    len = std::min(len, folded.size() - i);
    std::string_view ch = folded.substr(i, len);
    if (ch == " " || ch == "\t" || ch == "\n" || ch == "\r") {
      // dropped
    } else if (ch == "、" && !out.empty() && is_digit(out.back())) {
      push(".", i);
    } else {
      push(ch, i);
    }
    i += len;
  }
  return out;
}

std::string match_form(std::string_view text) { return match_form_folded(fold(text)); }

const SchemaColumn* SchemaTable::column(const std::string& k) const {
  for (const auto& c : columns)
    if (c.key == k) return &c;
  return nullptr;
}

int SchemaTable::row_index(const std::string& k) const {
  for (size_t i = 0; i < rows.size(); ++i)
    if (rows[i].key == k) return static_cast<int>(i);
  return -1;
}

std::vector<std::string> SchemaTable::expand(const std::string& k) const {
  if (k.size() < 2 || k.compare(k.size() - 2, 2, ".*") != 0) return {k};
  std::string prefix = k.substr(0, k.size() - 1);  // keeps the dot
  std::vector<std::string> out;
  for (const auto& r : rows)
    if (r.key.compare(0, prefix.size(), prefix) == 0) out.push_back(r.key);
  return out;
}

Schema Schema::load(const std::string& path) {
  toml::table root;
  try {
    root = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    throw RulesError(path + ":" + std::to_string(e.source().begin.line) + ": " +
                     std::string(e.description()));
  }
  Schema s;
  s.path = path;
  s.version = str(root, "version", path, true);
  if (const toml::table* d = root["detect"].as_table())
    for (const auto& sig : strs(*d, "signals", path)) s.signals.push_back(match_form(sig));
  const toml::array* tables = tables_of(root, "table", path);
  if (!tables) throw RulesError(path + ":1: no [[table]]");
  for (const toml::node& n : *tables) s.tables.push_back(load_table(*n.as_table(), path));
  return s;
}

const Schema& Schema::standard(const std::string& version) {
  static std::mutex mu;
  static std::map<std::string, std::unique_ptr<Schema>> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto& slot = cache[version];
  if (!slot) slot = std::make_unique<Schema>(load(rules_path("schema-" + version + ".toml")));
  return *slot;
}

const SchemaTable* Schema::table(const std::string& k) const {
  for (const auto& t : tables)
    if (t.key == k) return &t;
  return nullptr;
}

std::optional<Schema::RowMatch> Schema::match_row(std::string_view label,
                                                  const std::string& only) const {
  std::string m = match_form(label);
  std::optional<RowMatch> best;
  size_t best_len = 0;
  for (const auto& t : tables) {
    if (!only.empty() && t.key != only) continue;
    for (const auto& r : t.rows)
      for (const auto& pat : r.match)
        if (pat.size() > best_len && m.find(pat) != std::string::npos) {
          best = RowMatch{t.key, r.key};
          best_len = pat.size();
        }
  }
  return best;
}

std::optional<std::string> Schema::match_column(std::string_view label,
                                                const std::string& table_key) const {
  const SchemaTable* t = table(table_key);
  if (!t) return std::nullopt;
  std::string m = match_form(label);
  // An exact label or variant first ("其他" must not be taken for "其他结果"), then containment.
  for (const auto& c : t->columns) {
    if (m == match_form(c.label)) return c.key;
    for (const auto& v : c.variants)
      if (m == match_form(v)) return c.key;
  }
  std::optional<std::string> best;
  size_t best_len = 0;
  for (const auto& c : t->columns) {
    std::vector<std::string> names{c.label};
    names.insert(names.end(), c.variants.begin(), c.variants.end());
    for (const auto& n : names) {
      std::string f = match_form(n);
      if (f.size() > best_len && m.find(f) != std::string::npos) {
        best = c.key;
        best_len = f.size();
      }
    }
  }
  return best;
}

}  // namespace nianbao
