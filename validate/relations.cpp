#include "validate/relations.h"

#include <algorithm>
#include <toml++/toml.h>

#include "extract/errors.h"

namespace nianbao {

namespace {

int line_of(const toml::node& n) { return static_cast<int>(n.source().begin.line); }

// Reads the fields of one entry, naming the file, line and entry in every error.
struct Entry {
  const std::string& source;
  const toml::table& t;
  std::string name;

  [[noreturn]] void fail(const std::string& what) const {
    throw RulesError(source + ":" + std::to_string(line_of(t)) + ": " + name + ": " + what);
  }
  std::string text(const char* key, bool required = true) const {
    const toml::node* n = t.get(key);
    if (!n) {
      if (required) fail(std::string("missing required field '") + key + "'");
      return {};
    }
    auto v = n->value<std::string>();
    if (!v) fail(std::string("field '") + key + "' must be a string");
    return *v;
  }
  std::vector<std::string> list(const char* key, bool required = false) const {
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
  Text pair(const char* key, bool required = true) const {
    const toml::node* n = t.get(key);
    if (!n) {
      if (required) fail(std::string("missing required field '") + key + "'");
      return {};
    }
    const toml::table* p = n->as_table();
    if (!p) fail(std::string("field '") + key + "' must be { zh = \"…\", en = \"…\" }");
    Entry sub{source, *p, name + "." + key};
    return {sub.text("zh"), sub.text("en")};
  }
};

const toml::table& as_table(const toml::node& n, const std::string& source,
                            const std::string& what) {
  const toml::table* t = n.as_table();
  if (!t) throw RulesError(source + ":" + std::to_string(line_of(n)) + ": " + what +
                           " must be a table");
  return *t;
}

bool applies(const std::vector<std::string>& versions, std::string_view version) {
  return versions.empty() || version.empty() ||
         std::find(versions.begin(), versions.end(), version) != versions.end();
}

}  // namespace

bool glob_match(std::string_view p, std::string_view k) {
  // Iterative matcher with single-star backtracking: patterns here are short.
  size_t pi = 0, ki = 0, star = std::string_view::npos, mark = 0;
  while (ki < k.size()) {
    if (pi < p.size() && p[pi] == '*') {
      star = pi++;
      mark = ki;
    } else if (pi < p.size() && p[pi] == k[ki]) {
      ++pi;
      ++ki;
    } else if (star != std::string_view::npos) {
      pi = star + 1;
      ki = ++mark;
    } else {
      return false;
    }
  }
  while (pi < p.size() && p[pi] == '*') ++pi;
  return pi == p.size();
}

Relations Relations::load(const std::string& path) { return parse(read_rules_file(path), path); }

Relations Relations::parse(std::string_view toml_text, const std::string& source) {
  auto doc = parse_rules_toml<toml::table>(toml_text, source);
  Relations out;
  const toml::array* entries = doc["relation"].as_array();
  if (!entries) throw RulesError(source + ": no [[relation]] entries");
  size_t n = 0;
  for (const toml::node& node : *entries) {
    ++n;
    Entry e{source, as_table(node, source, "relation entry " + std::to_string(n)),
            "relation entry " + std::to_string(n)};
    Relation r;
    r.line = line_of(node);
    r.id = e.text("id");
    e.name = "relation '" + r.id + "'";
    r.table = e.text("table");
    std::string per = e.text("per");
    if (per == "column") r.per = Relation::Per::Column;
    else if (per == "row") r.per = Relation::Per::Row;
    else e.fail("field 'per' must be \"column\" or \"row\", not '" + per + "'");
    r.left = e.list("left", true);
    r.right = e.list("right", true);
    if (r.left.empty() || r.right.empty()) e.fail("'left' and 'right' must not be empty");
    r.check = e.text("check", false);
    if (r.check.empty()) {
      if (r.left.size() != 1 || r.left[0].find('*') != std::string::npos)
        e.fail("field 'check' is required when 'left' is not a single key");
      r.check = r.left[0];
    }
    r.left_label = e.pair("left_label");
    r.right_label = e.pair("right_label");
    r.only = e.list("only");
    r.versions = e.list("versions");
    if (const toml::node* tol = e.t.get("tolerance")) {
      auto v = tol->value<double>();
      if (!v || *v < 0) e.fail("field 'tolerance' must be a non-negative number");
      r.tolerance = *v;
    }
    out.relations_.push_back(std::move(r));
  }
  return out;
}

const RowLabel* TableLabels::row(std::string_view k, std::string_view version) const {
  for (const auto& r : rows)
    if (r.key == k && applies(r.versions, version)) return &r;
  return nullptr;
}

const ColumnLabel* TableLabels::column(std::string_view k, std::string_view version) const {
  for (const auto& c : columns)
    if (c.key == k && applies(c.versions, version)) return &c;
  return nullptr;
}

std::vector<const RowLabel*> TableLabels::schema_rows(std::string_view version) const {
  std::vector<const RowLabel*> out;
  for (const auto& r : rows)
    if (applies(r.versions, version)) out.push_back(&r);
  return out;
}

std::vector<std::string> TableLabels::schema_columns(const RowLabel& r,
                                                     std::string_view version) const {
  if (!r.columns.empty()) return r.columns;
  std::vector<std::string> out;
  for (const auto& c : columns)
    if (applies(c.versions, version)) out.push_back(c.key);
  return out;
}

Labels Labels::load(const std::string& path) { return parse(read_rules_file(path), path); }

Labels Labels::parse(std::string_view toml_text, const std::string& source) {
  auto doc = parse_rules_toml<toml::table>(toml_text, source);
  Labels out;
  Entry top{source, doc, "top level"};
  if (const toml::array* secs = doc["section"].as_array()) {
    for (const toml::node& node : *secs) {
      Entry e{source, as_table(node, source, "section entry"), "section entry"};
      auto num = e.t["number"].value<int64_t>();
      if (!num || *num < 1 || *num > 6) e.fail("field 'number' must be 1..6");
      out.sections_[static_cast<int>(*num)] = {e.text("zh"), e.text("en")};
    }
  }
  for (const char* group : {"format_version", "cell_state"}) {
    const toml::table* g = doc[group].as_table();
    if (!g) top.fail(std::string("missing table [") + group + "]");
    auto& dest = std::string_view(group) == "format_version" ? out.versions_ : out.states_;
    Entry ge{source, *g, group};
    for (const auto& [k, v] : *g) {
      (void)v;
      dest[std::string(k.str())] = ge.pair(std::string(k.str()).c_str());
    }
  }
  const toml::table* tables = doc["table"].as_table();
  if (!tables) top.fail("missing table [table]");
  for (const auto& [tk, tnode] : *tables) {
    std::string tname = "table." + std::string(tk.str());
    Entry te{source, as_table(tnode, source, tname), tname};
    TableLabels tl;
    tl.key = std::string(tk.str());
    tl.name = {te.text("zh"), te.text("en")};
    if (const toml::array* cols = te.t["column"].as_array()) {
      for (const toml::node& node : *cols) {
        Entry e{source, as_table(node, source, tname + ".column"), tname + ".column"};
        ColumnLabel c;
        c.key = e.text("key");
        e.name = tname + ".column '" + c.key + "'";
        c.name = {e.text("zh"), e.text("en")};
        std::string kind = e.text("kind", false);
        if (kind.empty() || kind == "count") c.kind = ValueKind::Count;
        else if (kind == "signed") c.kind = ValueKind::Signed;
        else if (kind == "amount") c.kind = ValueKind::Amount;
        else e.fail("field 'kind' must be count, signed or amount, not '" + kind + "'");
        c.versions = e.list("versions");
        tl.columns.push_back(std::move(c));
      }
    }
    if (const toml::array* rows = te.t["row"].as_array()) {
      for (const toml::node& node : *rows) {
        Entry e{source, as_table(node, source, tname + ".row"), tname + ".row"};
        RowLabel r;
        r.key = e.text("key");
        e.name = tname + ".row '" + r.key + "'";
        r.name = {e.text("zh"), e.text("en")};
        r.versions = e.list("versions");
        r.columns = e.list("columns");
        tl.rows.push_back(std::move(r));
      }
    }
    out.tables_[tl.key] = std::move(tl);
  }
  return out;
}

const TableLabels* Labels::table(std::string_view key) const {
  auto it = tables_.find(key);
  return it == tables_.end() ? nullptr : &it->second;
}

Text Labels::table_name(const std::string& t) const {
  const TableLabels* tl = table(t);
  return tl ? tl->name : Text{t, t};
}

Text Labels::row_name(const std::string& t, const std::string& r,
                      std::string_view version) const {
  const TableLabels* tl = table(t);
  const RowLabel* rl = tl ? tl->row(r, version) : nullptr;
  if (!rl && tl) rl = tl->row(r);
  return rl ? rl->name : Text{r, r};
}

Text Labels::column_name(const std::string& t, const std::string& c,
                         std::string_view version) const {
  const TableLabels* tl = table(t);
  const ColumnLabel* cl = tl ? tl->column(c, version) : nullptr;
  if (!cl && tl) cl = tl->column(c);
  return cl ? cl->name : Text{c, c};
}

ValueKind Labels::column_kind(const std::string& t, const std::string& c) const {
  const TableLabels* tl = table(t);
  const ColumnLabel* cl = tl ? tl->column(c) : nullptr;
  return cl ? cl->kind : ValueKind::Count;
}

Text Labels::section_name(int number) const {
  auto it = sections_.find(number);
  return it == sections_.end() ? Text{std::to_string(number), std::to_string(number)}
                               : it->second;
}

Text Labels::format_version_name(const std::string& v) const {
  auto it = versions_.find(v);
  return it == versions_.end() ? Text{v, v} : it->second;
}

Text Labels::cell_state_name(const std::string& s) const {
  auto it = states_.find(s);
  return it == states_.end() ? Text{s, s} : it->second;
}

}  // namespace nianbao
