#include "table_builder.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "validate/validate.h"

namespace nianbao::test {

namespace {

const std::vector<std::string> kColumns = {"natural_person", "commercial",    "research",
                                           "social_org",     "legal_service", "other_org",
                                           "total"};

std::vector<std::string> application_rows(const std::string& version) {
  std::vector<std::string> rows = {
      "new",                  "carried_over",               "granted",
      "partly_granted",       "denied.state_secret",        "denied.prohibited",
      "denied.security",      "denied.third_party",         "denied.internal",
      "denied.process",       "denied.enforcement",         "denied.query",
      "unavailable.not_held", "unavailable.needs_creation", "unavailable.unclear",
      "rejected.complaint",   "rejected.repeated",          "rejected.publication",
      "rejected.excessive",   "rejected.confirmation"};
  if (version == "2019") {
    rows.push_back("other");
  } else {
    for (const char* k : {"other.no_correction", "other.no_fee", "other.misc"}) rows.push_back(k);
  }
  rows.push_back("results_total");
  rows.push_back("carried_forward");
  return rows;
}

// Rows with their own columns, all 0, from `first_line` on `page`.
Table zero_table(const std::string& key, Location loc, int first_line,
                 const std::vector<std::pair<std::string, std::vector<std::string>>>& rows) {
  Table t;
  t.key = key;
  t.loc = loc;
  int line = first_line;
  for (const auto& [row_key, cols] : rows) {
    TableRow row;
    row.key = row_key;
    row.loc = {loc.page, line};
    row.found = true;
    for (const std::string& c : cols) {
      row.cells[c] = value_cell(0, {loc.page, line});
      if (std::find(t.columns.begin(), t.columns.end(), c) == t.columns.end()) t.columns.push_back(c);
    }
    t.rows.push_back(row);
    ++line;
  }
  return t;
}

}  // namespace

Cell value_cell(double v, Location loc) {
  Cell c;
  c.value = v;
  c.text = checks::format_number(v);
  c.state = CellState::Value;
  c.loc = loc;
  return c;
}

Table applications(const std::string& version) {
  std::vector<std::pair<std::string, std::vector<std::string>>> rows;
  for (const auto& key : application_rows(version)) rows.emplace_back(key, kColumns);
  return zero_table("applications", {4, 10}, 12, rows);
}

Table reviews() {
  std::vector<std::string> cols = {"upheld", "corrected", "other", "pending", "total"};
  return zero_table("reviews", {5, 3}, 6,
                    {{"review", cols}, {"litigation_direct", cols}, {"litigation_after_review", cols}});
}

Table proactive(const std::string& version) {
  if (version == "2021")
    return zero_table("proactive", {2, 3}, 5,
                      {{"regulations", {"issued", "abolished", "in_force"}},
                       {"normative_docs", {"issued", "abolished", "in_force"}},
                       {"licensing", {"decisions"}},
                       {"penalty", {"decisions"}},
                       {"enforcement", {"decisions"}},
                       {"fees", {"amount_wan"}}});
  return zero_table("proactive", {2, 3}, 5,
                    {{"regulations", {"made", "published", "total_published"}},
                     {"normative_docs", {"made", "published", "total_published"}},
                     {"licensing", {"previous", "change", "decisions"}},
                     {"other_services", {"previous", "change", "decisions"}},
                     {"penalty", {"previous", "change", "decisions"}},
                     {"enforcement", {"previous", "change", "decisions"}},
                     {"fees", {"previous", "change"}},
                     {"procurement", {"items", "amount_yuan"}}});
}

void set(Table& t, const std::string& row, const std::string& column, double v) {
  Cell& c = t.row(row)->cells.at(column);
  c = value_cell(v, c.loc);
}

}  // namespace nianbao::test
