#include "validate/validate.h"

#include <algorithm>
#include <cmath>
#include <cstdio>


namespace nianbao {

namespace {

// The statements that hold are listed in reading order.
void sort_by_place(std::vector<Finding>& findings) {
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    if (a.loc.page != b.loc.page) return a.loc.page < b.loc.page;
    if (a.loc.line != b.loc.line) return a.loc.line < b.loc.line;
    return a.rule < b.rule;
  });
}

// The findings most serious first, a person fixes errors before looking at notes; within a
// severity in reading order. Notes on what this tool could not read come after the report's
// own notes.
void sort_by_severity_and_place(std::vector<Finding>& findings) {
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    if (a.severity != b.severity) return a.severity > b.severity;
    if (a.reading != b.reading) return b.reading;
    if (a.loc.page != b.loc.page) return a.loc.page < b.loc.page;
    if (a.loc.line != b.loc.line) return a.loc.line < b.loc.line;
    return a.rule < b.rule;
  });
}

}  // namespace

std::vector<Finding> validate(const Report& report, const Rules& rules) {
  return validate_all(report, rules).findings;
}

Validation validate_all(const Report& report, const Rules& rules) {
  Validation v;
  for (const Check* check : registered_checks()) check->run(report, rules, v);
  sort_by_severity_and_place(v.findings);
  sort_by_place(v.verified);
  return v;
}

std::string verified_rule(const std::string& rule) { return "verified." + rule; }

namespace checks {

Finding start_finding(const std::string& rule, const Rules& rules) {
  Finding f;
  f.rule = rule;
  f.severity = rules.catalog.severity(rule);
  return f;
}

std::string format_number(double value) {
  double rounded = std::round(value);
  if (std::fabs(value - rounded) < 1e-9) {
    // A whole number, printed without decimals; one beyond long long (a 400-digit cell) too.
    char buf[512];
    if (std::fabs(rounded) < 9e15)
      std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(rounded));
    else
      std::snprintf(buf, sizeof buf, "%.0f", rounded);
    return buf;
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4f", value);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

void put(Finding& f, const std::string& name, const Text& text) {
  f.args[name + "_zh"] = text.zh;
  f.args[name + "_en"] = text.en;
}

std::string schema_version(const Report& report, const Rules& rules) {
  const std::string& v = report.meta.format_version;
  return rules.schema(v) ? v : std::string();
}

Location first_known(std::initializer_list<Location> locs) {
  Location last;
  for (const Location& l : locs) {
    if (l.known()) return l;
    last = l;
  }
  return last;
}

}  // namespace checks
}  // namespace nianbao
