#include "validate/validate.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "extract/model/errors.h"
#include "extract/rules/headings.h"
#include "extract/rules/rules_dir.h"
#include "extract/rules/schema.h"

namespace nianbao {

Rules Rules::load() { return load(rules_dir()); }

Rules Rules::load(const std::string& dir) {
  Rules r;
  const std::string checks_path = dir + "/checks.toml";
  const std::string relations_path = dir + "/relations.toml";
  // The extraction reads the same files from rules_dir(), once; share them rather than parse
  // them twice at every start.
  const bool shared = dir == rules_dir();
  r.catalog = Catalog::load(checks_path);
  r.relations = shared ? Relations::standard() : Relations::load(relations_path);
  r.labels = Labels::load(dir + "/labels.toml");
  // 2021 first: it names a key when a report's format version is not known.
  for (const char* version : {"2021", "2019"}) {
    if (shared) r.labels.add_schema(Schema::standard(version));
    else r.labels.add_schema(Schema::load(dir + "/schema-" + version + ".toml"));
  }
  if (shared) r.labels.add_parts(HeadingRules::standard());
  else r.labels.add_parts(HeadingRules::load(dir + "/headings.toml"));
  r.prose = ProseRules::load(dir + "/prose.toml");
  for (const RateRule& rate : r.prose.rates)
    if (!r.catalog.find(rate.rule))
      throw RulesError(checks_path + ": no entry for rule '" + rate.rule + "' used by " + dir +
                       "/prose.toml:" + std::to_string(rate.line));
  // A finding without an entry would print a bare id; refuse such rules at load time instead.
  for (const Relation& rel : r.relations.all())
    if (!r.catalog.find(rel.id))
      throw RulesError(checks_path + ": no entry for rule '" + rel.id + "' used by " +
                       relations_path + ":" + std::to_string(rel.line));
  for (const std::string& id : checks::emitted_rules())
    if (!r.catalog.find(id))
      throw RulesError(checks_path + ": no entry for rule '" + id + "'");
  return r;
}

namespace {

void sort_by_place(std::vector<Finding>& findings) {
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
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
  std::vector<Finding>& out = v.findings;
  checks::structure(report, rules, out);
  checks::meta(report, rules, out);
  checks::cells(report, rules, out);
  checks::arithmetic(report, rules, out);
  checks::prose(report, rules, out, &v.verified);
  checks::body_years(report, rules, out);
  sort_by_place(v.findings);
  sort_by_place(v.verified);
  return v;
}

std::string verified_rule(const std::string& rule) { return "verified." + rule; }

namespace checks {

const std::vector<std::string>& emitted_rules() {
  static const std::vector<std::string> ids = {
      "table.missing_cell",        "table.missing_row",        "table.invalid_value",
      "structure.missing_section", "structure.order",          "structure.order.numbering",
      "structure.format_version",  "meta.year_mismatch",       "meta.late",
      "meta.year_mismatch.body",   "structure.missing_section.table",
      "text.table_mismatch",       "text.table_mismatch.zero", "text.table_mismatch.percent",
      "text.sum_mismatch",         "text.sum_mismatch.percent", "text.double_count",
      "text.unfilled_blank",       "structure.empty_section",
      // How statements that hold are worded (--verbose, JSON "verified").
      "verified.text.table_mismatch", "verified.text.table_mismatch.zero",
      "verified.text.table_mismatch.percent", "verified.text.sum_mismatch",
      "verified.text.sum_mismatch.percent", "verified.text.sum_mismatch.rate"};
  return ids;
}

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

std::string chinese_numeral(int n) {
  static const char* const names[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  if (n >= 1 && n <= 10) return names[n - 1];
  return std::to_string(n);
}

void put(Finding& f, const std::string& name, const Text& text) {
  f.args[name + "_zh"] = text.zh;
  f.args[name + "_en"] = text.en;
}

std::string schema_version(const Report& report) {
  const std::string& v = report.meta.format_version;
  return v == "2019" || v == "2021" ? v : std::string();
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
