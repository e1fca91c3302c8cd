#include "extract/rules/schema.h"


#include <algorithm>
#include <map>

#include "extract/model/errors.h"
#include "extract/normalize/misread.h"
#include "extract/normalize/normalize.h"
#include "extract/normalize/vocabulary.h"
#include "extract/rules/relations.h"
#include "extract/rules/rules_file.h"

namespace nianbao {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "1.属于国家秘密" → "属于国家秘密", "(一)予以公开" → "予以公开", "一、本年新收…" → "本年新收…".
std::string strip_numbering(const std::string& m) { return m.substr(item_number_length(m)); }

SchemaColumn load_column(RulesEntry e) {
  SchemaColumn col;
  col.key = e.text("key");
  e.name += " '" + col.key + "'";
  col.label = e.text("label");
  col.variants = e.list("variants");
  col.is_signed = e.flag("signed");
  col.decimal = e.flag("decimal");
  // Validation knows a column as a count, a signed count or an amount; not both of the latter.
  if (col.is_signed && col.decimal) e.fail("signed or decimal, not both");
  col.unit = e.text("unit", false);
  col.en = e.text("en", false);
  if (col.en.empty()) col.en = col.key;
  col.applicant = e.text("applicant", false);
  if (!col.applicant.empty() && col.applicant != "person" && col.applicant != "organisation")
    e.fail("applicant must be \"person\" or \"organisation\"");
  return col;
}

SchemaRow load_row(const RulesEntry& e, const std::map<std::string, std::string>& group_labels) {
  SchemaRow row;
  row.key = e.text("key");
  row.label = e.text("label");
  for (const auto& m : e.list("match")) row.match.push_back(match_form(m));
  // The official label itself, with and without its numbering, is always a match.
  std::string full = match_form(row.label);
  row.match.push_back(full);
  // Without its numbering only when still distinctive: "（七）总计" is not "总计".
  std::string bare = strip_numbering(full);
  if (bare.size() >= 12) row.match.push_back(bare);
  std::sort(row.match.begin(), row.match.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  row.number = e.text("number", false);
  row.group = e.text("group", false);
  row.columns = e.list("columns");
  // Messages name a row by its label (or the shorter `zh`) under its group's printed label.
  std::string zh = e.text("zh", false);
  if (zh.empty()) zh = row.label;
  if (auto g = group_labels.find(row.group); g != group_labels.end()) zh = g->second + " " + zh;
  row.name = {zh, e.text("en", false)};
  if (row.name.en.empty()) row.name.en = row.key;
  return row;
}

SchemaTable load_table(const RulesEntry& e) {
  SchemaTable st;
  st.key = e.text("key");
  const std::string& path = e.source;
  RulesEntry te{path, e.t, "table " + st.key};
  if (const toml::node* n = e.t.get("part")) st.part = static_cast<int>(n->value_or<int64_t>(0));
  st.name = {te.text("zh", false), te.text("en", false)};
  if (st.name.zh.empty()) st.name.zh = st.key;
  if (st.name.en.empty()) st.name.en = st.key;
  std::string layout = te.text("layout", false);
  if (!layout.empty() && layout != "rows" && layout != "wide")
    te.fail("layout must be \"rows\" or \"wide\"");
  st.wide = layout == "wide";
  if (const toml::array* cols = te.tables("column"))
    for (const toml::node& n : *cols)
      st.columns.push_back(load_column({path, *n.as_table(), "table " + st.key + " column"}));
  std::map<std::string, std::string> group_labels;
  if (const toml::array* groups = te.tables("group"))
    for (const toml::node& n : *groups) {
      RulesEntry g{path, *n.as_table(), "table " + st.key + " group"};
      group_labels[g.text("key")] = g.text("label");
    }
  std::vector<std::string> all_columns;
  for (const auto& c : st.columns) all_columns.push_back(c.key);
  if (const toml::array* rows = te.tables("row"))
    for (const toml::node& n : *rows) {
      RulesEntry r{path, *n.as_table(), "table " + st.key + " row"};
      SchemaRow row = load_row(r, group_labels);
      r.name += " '" + row.key + "'";
      if (row.columns.empty()) row.columns = all_columns;
      for (const auto& c : row.columns)
        if (!st.column(c)) r.fail("unknown column " + c);
      st.rows.push_back(std::move(row));
    }
  if (e.t.get("relation"))
    te.fail("[[table.relation]]: sums belong in relations.toml");
  return st;
}

}  // namespace

std::string match_form_folded(std::string_view folded, std::vector<MatchRun>* runs, size_t base) {
  std::string out;
  out.reserve(folded.size());
  // Whether the next byte kept continues the last run (nothing dropped or rewritten since).
  bool continues = false;
  auto push = [&](std::string_view s, size_t from, bool copied) {
    if (runs && !continues) runs->push_back({base + out.size(), from});
    out.append(s);
    continues = copied;
  };
  for (size_t i = 0; i < folded.size();) {
    unsigned char c = static_cast<unsigned char>(folded[i]);
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    len = std::min(len, folded.size() - i);
    std::string_view ch = folded.substr(i, len);
    if (ch == " " || ch == "\t" || ch == "\n" || ch == "\r") {
      continues = false;  // dropped
    } else if (ch == "、" && !out.empty() && is_digit(out.back())) {
      continues = false;
      push(".", i, false);
    } else {
      push(ch, i, true);
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

size_t SchemaTable::cells() const {
  size_t n = 0;
  for (const auto& r : rows) n += r.columns.size();
  return n;
}

std::vector<std::string> SchemaTable::applicant_columns(std::string_view kind) const {
  std::vector<std::string> out;
  for (const auto& c : columns)
    if (!c.applicant.empty() && (kind.empty() || c.applicant == kind)) out.push_back(c.key);
  return out;
}

int SchemaTable::row_index(const std::string& k) const {
  for (size_t i = 0; i < rows.size(); ++i)
    if (rows[i].key == k) return static_cast<int>(i);
  return -1;
}

std::vector<std::string> SchemaTable::expand(const std::string& k) const {
  std::vector<std::string> out;
  for (const auto& r : rows)
    if (glob_match(k, r.key)) out.push_back(r.key);
  return out;
}

Schema Schema::load(const std::string& path) {
  toml::table root = parse_rules_file(path);
  RulesEntry top{path, root, "top level"};
  Schema s;
  s.path = path;
  s.version = top.text("version");
  const toml::node* since = root.get("since");
  if (!since || !since->is_integer())
    top.fail("since must be a year: the first report year that uses this version");
  s.since = static_cast<int>(since->value_or<int64_t>(0));
  s.name = top.pair("name");
  if (const toml::table* d = root["detect"].as_table())
    for (const auto& sig : RulesEntry{path, *d, "detect"}.list("signals"))
      s.signals.push_back(match_form(sig));
  const toml::array* tables = top.tables("table");
  if (!tables) throw RulesError(path + ":1: no [[table]]");
  for (const toml::node& n : *tables)
    s.tables.push_back(load_table({path, *n.as_table(), "table"}));
  return s;
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


namespace {

// A name to look for in a label read by OCR: a row's or a column's.
struct NearName {
  std::string table, key;
  std::u32string pattern;
};

// The name one of whose patterns is found in `label` with the fewest misreadings per character,
// within few_misreads (patterns of at least four characters); none when two names are as close.
std::optional<NearName> closest_name(std::string_view label, const std::vector<NearName>& names) {
  const std::u32string m = code_points(match_form(label));
  const NearName* best = nullptr;
  double best_share = 1;
  bool tie = false;
  for (const NearName& n : names) {
    if (n.pattern.size() < 4) continue;
    const size_t d = near_distance(n.pattern, m);
    if (!few_misreads(d, n.pattern.size())) continue;
    const double share = static_cast<double>(d) / static_cast<double>(n.pattern.size());
    if (best && share == best_share && best->key != n.key) tie = true;
    if (!best || share < best_share) {
      best = &n;
      best_share = share;
      tie = false;
    }
  }
  if (!best || tie) return std::nullopt;
  return *best;
}

}  // namespace

std::optional<Schema::RowMatch> Schema::match_row_near(std::string_view label, const std::string& only) const {
  if (auto exact = match_row(label, only)) return exact;
  std::vector<NearName> names;
  for (const auto& t : tables) {
    if (!only.empty() && t.key != only) continue;
    for (const auto& r : t.rows)
      for (const auto& pat : r.match) names.push_back({t.key, r.key, code_points(pat)});
  }
  auto best = closest_name(label, names);
  if (!best) return std::nullopt;
  return RowMatch{best->table, best->key};
}

std::optional<std::string> Schema::match_column_near(std::string_view label, const std::string& table_key) const {
  if (auto exact = match_column(label, table_key)) return exact;
  const SchemaTable* t = table(table_key);
  if (!t) return std::nullopt;
  std::vector<NearName> names;
  for (const auto& c : t->columns) {
    names.push_back({t->key, c.key, code_points(match_form(c.label))});
    for (const auto& v : c.variants) names.push_back({t->key, c.key, code_points(match_form(v))});
  }
  auto best = closest_name(label, names);
  if (!best) return std::nullopt;
  return best->key;
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
