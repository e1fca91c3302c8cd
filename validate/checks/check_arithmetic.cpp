// The arithmetic relations of rules/relations.toml, evaluated over the tables of a report.
//
// Each finding is about one cell, the relation's `check` cell (for applications.balance the
// carried_forward cell of the column): `expected` is the value that cell would need for the
// relation to hold with every other cell as printed, `actual` is its printed value.
#include <algorithm>
#include <cmath>
#include <functional>

#include "validate/validate.h"

namespace nianbao::checks {

namespace {


bool contains(const std::vector<std::string>& v, const std::string& k) {
  return std::find(v.begin(), v.end(), k) != v.end();
}

struct Sides {
  std::vector<std::string> left, right;
};

// Evaluates one instance of `rel` (one column, or one row). `cell_of` gives the cell of a key
// of the sides; `where` names the column or row in the message.
void evaluate(const Relation& rel, const Sides& sides,
              const std::function<const Cell*(const std::string&)>& cell_of,
              const Rules& rules, Finding proto, Location fallback, std::vector<Finding>& out) {
  double lhs = 0, rhs = 0;
  for (const auto* side : {&sides.left, &sides.right}) {
    for (const std::string& k : *side) {
      const Cell* c = cell_of(k);
      // No number: reported once as table.missing_cell; the relation cannot be judged.
      if (!c || !c->present()) return;
      (side == &sides.left ? lhs : rhs) += *c->value;
    }
  }
  double diff = lhs - rhs;
  if (std::fabs(diff) <= rel.tolerance + 1e-9) return;

  const Cell* checked = cell_of(rel.check);
  double actual = *checked->value;
  bool in_left = contains(sides.left, rel.check);
  double expected = in_left ? actual - diff : actual + diff;

  Finding f = std::move(proto);
  f.rule = rel.id;
  f.severity = rules.catalog.severity(rel.id);
  f.table = rel.table;
  f.loc = first_known({checked->loc, fallback});
  f.expected = expected;
  f.actual = actual;
  put(f, "lhs_label", rel.left_label);
  put(f, "rhs_label", rel.right_label);
  f.args["lhs"] = format_number(lhs);
  f.args["rhs"] = format_number(rhs);
  f.args["diff"] = format_number(std::fabs(diff));
  f.args["expected"] = format_number(expected);
  f.args["actual"] = format_number(actual);
  out.push_back(std::move(f));
}

Text quoted_where(const Text& name, bool column) {
  if (column) return {"“" + name.zh + "”列", "column \"" + name.en + "\""};
  return {"“" + name.zh + "”行", "row \"" + name.en + "\""};
}

void per_column(const Relation& rel, const Table& table, const Rules& rules,
                const std::string& version, std::vector<Finding>& out) {
  std::vector<std::string> row_keys;
  for (const TableRow& r : table.rows) row_keys.push_back(r.key);
  Sides sides{resolve_keys(rel.left, row_keys), resolve_keys(rel.right, row_keys)};
  if (sides.left.empty() || sides.right.empty()) return;
  if (!contains(sides.left, rel.check) && !contains(sides.right, rel.check)) return;
  // An absent row is reported as table.missing_row; the relation cannot be judged without it.
  for (const auto* side : {&sides.left, &sides.right})
    for (const std::string& k : *side)
      if (!table.row(k)->found) return;

  const TableRow* check_row = table.row(rel.check);
  Text row_name = rules.labels.row_name(rel.table, rel.check, version);
  for (const std::string& col : table.columns) {
    if (!rel.selects(col)) continue;
    Finding proto;
    proto.row = rel.check;
    proto.column = col;
    Text col_name = rules.labels.column_name(rel.table, col, version);
    put(proto, "row", row_name);
    put(proto, "column", col_name);
    put(proto, "table", rules.labels.table_name(rel.table));
    put(proto, "where", quoted_where(col_name, true));
    auto cell_of = [&](const std::string& k) { return table.cell(k, col); };
    evaluate(rel, sides, cell_of, rules, std::move(proto),
             first_known({check_row->loc, table.loc}), out);
  }
}

void per_row(const Relation& rel, const Table& table, const Rules& rules,
             const std::string& version, std::vector<Finding>& out) {
  Sides sides{resolve_keys(rel.left, table.columns), resolve_keys(rel.right, table.columns)};
  if (sides.left.empty() || sides.right.empty()) return;
  if (!contains(sides.left, rel.check) && !contains(sides.right, rel.check)) return;

  Text col_name = rules.labels.column_name(rel.table, rel.check, version);
  for (const TableRow& row : table.rows) {
    if (!row.found || !rel.selects(row.key)) continue;
    Finding proto;
    proto.row = row.key;
    proto.column = rel.check;
    Text row_name = rules.labels.row_name(rel.table, row.key, version);
    put(proto, "row", row_name);
    put(proto, "column", col_name);
    put(proto, "table", rules.labels.table_name(rel.table));
    put(proto, "where", quoted_where(row_name, false));
    auto cell_of = [&](const std::string& k) -> const Cell* {
      auto it = row.cells.find(k);
      return it == row.cells.end() ? nullptr : &it->second;
    };
    evaluate(rel, sides, cell_of, rules, std::move(proto), first_known({row.loc, table.loc}),
             out);
  }
}

}  // namespace

void arithmetic(const Report& report, const Rules& rules, std::vector<Finding>& out) {
  const std::string version = schema_version(report, rules);
  for (const Relation& rel : rules.relations.all()) {
    if (!rel.versions.empty() && !contains(rel.versions, report.meta.format_version)) continue;
    auto it = report.tables.find(rel.table);
    if (it == report.tables.end()) continue;
    if (rel.per == Relation::Per::Column)
      per_column(rel, it->second, rules, version, out);
    else
      per_row(rel, it->second, rules, version, out);
  }
}

// Its rules are the relations of relations.toml.
const Check& arithmetic_check() {
  static const Check check{"arithmetic", {},
                           [](const Rules& rules) {
                             std::vector<std::string> ids;
                             for (const Relation& rel : rules.relations.all()) ids.push_back(rel.id);
                             return ids;
                           },
                           [](const Report& r, const Rules& rules, Validation& v) { arithmetic(r, rules, v.findings); }};
  return check;
}

}  // namespace nianbao::checks
