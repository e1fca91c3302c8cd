#include "render/render_html_tables.h"
#include "render/render_where.h"

#include <algorithm>
#include <map>
#include <sstream>

#include "render/render_html.h"
#include "validate/validate.h"

namespace nianbao {

namespace {

// Ids must not carry dots (CSS selectors) — "denied.state_secret" becomes "denied_state_secret".
std::string id_part(std::string s) {
  std::replace(s.begin(), s.end(), '.', '_');
  return s;
}

// Findings per cell id, by their index in r.findings: a cell may have several.
using CellFindings = std::map<std::string, std::vector<size_t>>;

CellFindings findings_by_cell(const CheckResult& r) {
  CellFindings m;
  for (size_t i = 0; i < r.findings.size(); ++i) {
    const Finding& f = r.findings[i];
    if (f.table.empty()) continue;
    // A finding that groups cells marks each of them.
    for (const CellRef& c : f.cells) m[cell_id(f.table, c.row, c.column)].push_back(i);
    if (f.cells.empty() && !f.row.empty() && !f.column.empty()) m[cell_id(f.table, f.row, f.column)].push_back(i);
  }
  return m;
}

struct Ctx {
  const CheckResult& r;
  const Rules& rules;
  Lang lang;
  std::string version;
  CellFindings bad;
};

std::string th(const std::string& text, int colspan = 1, int rowspan = 1) {
  std::string s = "<th";
  if (colspan > 1) s += " colspan=\"" + std::to_string(colspan) + "\"";
  if (rowspan > 1) s += " rowspan=\"" + std::to_string(rowspan) + "\"";
  return s + ">" + html_escape(text) + "</th>";
}

// One value cell: the number as printed, its state when there is no number, and when a finding
// concerns it the class "bad", the rule and message as a tooltip and the finding indices.
std::string td(const Ctx& c, const Table& t, const TableRow& row, const std::string& col) {
  std::string id = cell_id(t.key, row.key, col);
  auto it = row.cells.find(col);
  std::string shown, cls = "cell";
  if (!row.found) {
    cls += " absent";
  } else if (it != row.cells.end()) {
    const Cell& cell = it->second;
    shown = cell.present() ? checks::format_number(*cell.value) : cell.text;
    if (cell.state != CellState::Value) cls += " odd";
  }
  std::string attrs = " id=\"" + id + "\"";
  if (auto b = c.bad.find(id); b != c.bad.end()) {
    std::string title, nums;
    Severity worst = Severity::Info;
    for (size_t i : b->second) {
      const Finding& f = c.r.findings[i];
      worst = std::max(worst, f.severity);
      if (!title.empty()) title += "\n";
      title += f.rule + ": " + c.rules.catalog.format_message(f, c.lang);
      if (!nums.empty()) nums += ' ';
      nums += std::to_string(i);
    }
    cls += std::string(" bad sev-") + to_string(worst);
    attrs += " title=\"" + html_escape(title) + "\" data-findings=\"" + nums + "\" tabindex=\"0\"";
  }
  return "<td class=\"" + cls + "\"" + attrs + ">" + html_escape(shown) + "</td>";
}

std::string row_label(const Ctx& c, const Table& t, const TableRow& row) {
  std::string name = c.rules.labels.row_name(t.key, row.key, c.version).in(c.lang);
  if (name.empty()) name = row.label;
  std::string where;
  if (row.loc.known())
    where = " <span class=\"where\">" + place_short(c.r.format, row.loc, c.lang) + "</span>";
  return "<th class=\"rowname\">" + html_escape(name) + where + "</th>";
}

std::string col_name(const Ctx& c, const std::string& table, const std::string& col) {
  return c.rules.labels.column_name(table, col, c.version).in(c.lang);
}

// The table's columns by their applicant kind in the schema (person, organisation, none).
struct ApplicantColumns {
  std::vector<std::string> person, organisation, other;
};
ApplicantColumns applicant_columns(const Ctx& c, const Table& t) {
  ApplicantColumns a;
  const TableLabels* tl = c.rules.labels.table(t.key);
  for (const auto& col : t.columns) {
    const ColumnLabel* cl = tl ? tl->column(col, c.version) : nullptr;
    if (!cl && tl) cl = tl->column(col);  // format unknown: any version's column
    const std::string kind = cl ? cl->applicant : "";
    (kind == "person" ? a.person : kind == "organisation" ? a.organisation : a.other).push_back(col);
  }
  return a;
}

// Part 3: the applicant columns under "申请人情况", the kinds of organisation grouped, as the
// format prints them: the person column, the organisations, then 总计.
std::string applications(const Ctx& c, const Table& t) {
  std::ostringstream o;
  bool zh = c.lang == Lang::Zh;
  const ApplicantColumns a = applicant_columns(c, t);
  std::vector<std::string> printed = a.person;
  printed.insert(printed.end(), a.organisation.begin(), a.organisation.end());
  printed.insert(printed.end(), a.other.begin(), a.other.end());
  if (a.person.size() == 1 && !a.organisation.empty() && a.other.size() == 1 && printed == t.columns) {
    const int span = static_cast<int>(t.columns.size());
    o << "<tr>" << th("", 1, 3) << th(zh ? "申请人情况" : "Applicants", span) << "</tr><tr>"
      << th(col_name(c, t.key, a.person[0]), 1, 2)
      << th(zh ? "法人或其他组织" : "Legal persons or other organisations", static_cast<int>(a.organisation.size()))
      << th(col_name(c, t.key, a.other[0]), 1, 2) << "</tr><tr>";
    for (const auto& col : a.organisation) o << th(col_name(c, t.key, col));
    o << "</tr>";
  } else {
    o << "<tr>" << th("");
    for (const auto& col : t.columns) o << th(col_name(c, t.key, col));
    o << "</tr>";
  }
  for (const auto& row : t.rows) {
    o << "<tr>" << row_label(c, t, row);
    for (const auto& col : t.columns) o << td(c, t, row, col);
    o << "</tr>";
  }
  return o.str();
}

// Part 4: one wide row as printed — 行政复议 then 行政诉讼 (direct / after review), five
// result columns each.
std::string reviews(const Ctx& c, const Table& t) {
  std::ostringstream o;
  bool zh = c.lang == Lang::Zh;
  const TableRow* review = t.row("review");
  std::vector<const TableRow*> lit;
  for (const auto& r : t.rows)
    if (r.key != "review") lit.push_back(&r);
  int n = static_cast<int>(t.columns.size());
  o << "<tr>";
  if (review) o << th(c.rules.labels.row_name(t.key, "review", c.version).in(c.lang), n, 2);
  if (!lit.empty()) o << th(zh ? "行政诉讼" : "Administrative litigation", n * static_cast<int>(lit.size()));
  o << "</tr><tr>";
  for (const auto* r : lit) o << th(c.rules.labels.row_name(t.key, r->key, c.version).in(c.lang), n);
  o << "</tr><tr>";
  std::vector<const TableRow*> all;
  if (review) all.push_back(review);
  all.insert(all.end(), lit.begin(), lit.end());
  for (size_t i = 0; i < all.size(); ++i)
    for (const auto& col : t.columns) o << th(col_name(c, t.key, col));
  o << "</tr><tr>";
  for (const auto* r : all)
    for (const auto& col : t.columns) o << td(c, t, *r, col);
  o << "</tr>";
  return o.str();
}

// Part 2: sub-tables, each a run of rows sharing the same columns, with its own header.
std::string proactive(const Ctx& c, const Table& t) {
  std::ostringstream o;
  std::vector<std::string> header;
  for (const auto& row : t.rows) {
    std::vector<std::string> cols;
    for (const auto& col : t.columns)
      if (row.cells.count(col)) cols.push_back(col);
    if (const TableLabels* tl = c.rules.labels.table(t.key))
      if (const RowLabel* rl = tl->row(row.key, c.version)) cols = tl->schema_columns(*rl, c.version);
    if (cols != header) {
      header = cols;
      o << "<tr class=\"subhead\">" << th(c.lang == Lang::Zh ? "信息内容" : "Item");
      for (const auto& col : cols) o << th(col_name(c, t.key, col));
      o << "</tr>";
    }
    o << "<tr>" << row_label(c, t, row);
    for (const auto& col : cols) o << td(c, t, row, col);
    o << "</tr>";
  }
  return o.str();
}

}  // namespace

std::string cell_id(const std::string& table, const std::string& row, const std::string& column) {
  return "cell-" + id_part(table) + "-" + id_part(row) + "-" + id_part(column);
}

std::vector<std::string> finding_cells(const Finding& f, const Report& report, const Rules& rules) {
  std::vector<std::string> ids;
  if (!f.table.empty() && !f.cells.empty()) {
    for (const CellRef& c : f.cells) ids.push_back(cell_id(f.table, c.row, c.column));
    return ids;
  }
  if (f.table.empty() || f.row.empty() || f.column.empty()) return ids;
  ids.push_back(cell_id(f.table, f.row, f.column));
  auto t = report.tables.find(f.table);
  if (t == report.tables.end()) return ids;
  // The relation the finding comes from names the other cells of the same column (or row).
  for (const auto& rel : rules.relations.all()) {
    if (rel.id != f.rule || rel.table != f.table) continue;
    bool per_col = rel.per == Relation::Per::Column;
    std::vector<std::string> keys;
    if (per_col)
      for (const auto& row : t->second.rows) keys.push_back(row.key);
    else
      keys = t->second.columns;
    std::vector<std::string> sides = resolve_keys(rel.left, keys), right = resolve_keys(rel.right, keys);
    sides.insert(sides.end(), right.begin(), right.end());
    for (const auto& k : sides) {
      std::string id = per_col ? cell_id(f.table, k, f.column) : cell_id(f.table, f.row, k);
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
  }
  return ids;
}

std::string render_tables_html(const CheckResult& r, const Rules& rules, Lang lang) {
  Ctx c{r, rules, lang, checks::schema_version(r.report, rules), findings_by_cell(r)};
  std::ostringstream o;
  static const std::pair<const char*, int> order[] = {{"proactive", 2}, {"applications", 3}, {"reviews", 4}};
  for (const auto& [key, part] : order) {
    auto it = r.report.tables.find(key);
    if (it == r.report.tables.end()) continue;
    const Table& t = it->second;
    o << "<section class=\"table\" id=\"table-" << key << "\"><h3>"
      << html_escape(rules.labels.section_name(part).in(lang));
    if (t.loc.known())
      o << " <span class=\"where\">" << place_short(r.format, t.loc, lang) << "</span>";
    o << "</h3><div class=\"scroll\"><table class=\"official " << key << "\">";
    if (t.key == "applications") o << applications(c, t);
    else if (t.key == "reviews") o << reviews(c, t);
    else o << proactive(c, t);
    o << "</table></div></section>\n";
  }
  return o.str();
}

}  // namespace nianbao
