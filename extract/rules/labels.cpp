#include "extract/rules/labels.h"

#include <algorithm>

#include "extract/model/errors.h"
#include "extract/normalize/normalize.h"
#include "extract/rules/headings.h"
#include "extract/rules/rules_file.h"
#include "extract/rules/schema.h"

namespace nianbao {

namespace {

bool applies(const std::vector<std::string>& versions, std::string_view version) {
  return versions.empty() || version.empty() ||
         std::find(versions.begin(), versions.end(), version) != versions.end();
}

void read_names(const toml::table& doc, const std::string& source,
                std::map<std::string, Text>& versions, std::map<std::string, Text>& states) {
  RulesEntry top{source, doc, "top level"};
  // Written once elsewhere: a copy here could only drift from them.
  if (doc.get("table")) top.fail("[table] belongs in the schema files (schema-<version>.toml)");
  if (doc.get("section")) top.fail("[[section]] belongs in headings.toml ([[part]])");
  for (const char* group : {"format_version", "cell_state"}) {
    const toml::table* g = doc[group].as_table();
    if (!g) top.fail(std::string("missing table [") + group + "]");
    auto& dest = std::string_view(group) == "format_version" ? versions : states;
    RulesEntry ge{source, *g, group};
    for (const auto& [k, v] : *g) {
      (void)v;
      dest[std::string(k.str())] = ge.pair(std::string(k.str()).c_str());
    }
  }
}

ValueKind kind_of(const SchemaColumn& c) {
  if (c.is_signed) return ValueKind::Signed;
  if (c.decimal) return ValueKind::Amount;
  return ValueKind::Count;
}

}  // namespace

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

Labels Labels::load(const std::string& path) {
  Labels out;
  read_names(parse_rules_file(path), path, out.versions_, out.states_);
  return out;
}

Labels Labels::parse(std::string_view toml_text, const std::string& source) {
  Labels out;
  read_names(parse_rules_text(toml_text, source), source, out.versions_, out.states_);
  return out;
}

void Labels::add_schema(const Schema& schema) {
  versions_[schema.version] = schema.name;
  const std::vector<std::string> only{schema.version};
  for (const SchemaTable& st : schema.tables) {
    auto [it, added] = tables_.try_emplace(st.key);
    TableLabels& tl = it->second;
    if (added) {
      tl.key = st.key;
      tl.name = st.name;
    }
    for (const SchemaColumn& c : st.columns)
      tl.columns.push_back({c.key, {c.label, c.en}, kind_of(c), only, c.applicant});
    for (const SchemaRow& r : st.rows) tl.rows.push_back({r.key, r.name, only, r.columns});
  }
}

void Labels::add_parts(const HeadingRules& headings) {
  for (int n = 1; n <= 6; ++n) {
    std::string zh = headings.part_name(n, false), en = headings.part_name(n, true);
    if (zh.empty() && en.empty()) continue;
    sections_[n] = {chinese_numeral(n) + "、" + zh, std::to_string(n) + ". " + en};
  }
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
