// Validation: runs every check over a Report and returns its findings.
//
// What is checked and how it is worded is data under rules/: checks.toml (severities,
// messages, documentation), relations.toml (the arithmetic), schema-<version>.toml (rows,
// columns and their names), headings.toml (part names), labels.toml (other names).
#pragma once

#include <string>
#include <vector>

#include "extract/model/model.h"
#include "extract/rules/relations.h"
#include "extract/rules/catalog.h"
#include "extract/model/finding.h"
#include "extract/rules/labels.h"
#include "extract/rules/prose_rules.h"

namespace nianbao {

struct Rules {
  Catalog catalog;
  Relations relations;
  Labels labels;
  ProseRules prose;
  // Every file from rules_dir() (or `dir`). Throws RulesError when a file is malformed or a
  // rule a check emits has no catalog entry.
  static Rules load();
  static Rules load(const std::string& dir);
};

// All findings, sorted by (page, line, rule); findings at the same place keep the order the
// checks produced them in.
std::vector<Finding> validate(const Report& report, const Rules& rules);

// The findings, and the statements of the prose that were checked and hold (a supervisor must
// see what was confirmed, not only what failed), both sorted as above.
struct Validation {
  std::vector<Finding> findings;
  std::vector<Finding> verified;
};
Validation validate_all(const Report& report, const Rules& rules);

// The catalog entry that words a verified statement of `rule`: "verified.text.sum_mismatch".
std::string verified_rule(const std::string& rule);

// The checks validate() runs, each appending to `out`; exposed so tests can run one alone.
namespace checks {

void arithmetic(const Report& report, const Rules& rules, std::vector<Finding>& out);
void cells(const Report& report, const Rules& rules, std::vector<Finding>& out);
void structure(const Report& report, const Rules& rules, std::vector<Finding>& out);
void meta(const Report& report, const Rules& rules, std::vector<Finding>& out);
void prose_rates(const Report& report, const Rules& rules, std::vector<Finding>& out);
// Every check of the prose (rates, sums, shares, figures against the tables, claims of zero,
// template blanks, empty parts); `verified` (may be null) receives the statements that hold.
void prose(const Report& report, const Rules& rules, std::vector<Finding>& out,
           std::vector<Finding>* verified);
void body_years(const Report& report, const Rules& rules, std::vector<Finding>& out);

// The rule ids the checks emit besides those of relations.toml.
const std::vector<std::string>& emitted_rules();

// A finding of `rule` with the severity the catalog gives it.
Finding start_finding(const std::string& rule, const Rules& rules);

// Shared formatting. Whole numbers without decimals ("12"), others with up to 4 ("0.25").
std::string format_number(double value);
// 1..10 as Chinese numerals ("五"), other numbers in digits.
std::string chinese_numeral(int n);
// Sets args name_zh and name_en.
void put(Finding& f, const std::string& name, const Text& text);
// The format version whose schema applies to the report's tables: "2019", "2021" or "".
std::string schema_version(const Report& report);
// The first known of the locations, else the last one.
Location first_known(std::initializer_list<Location> locs);

}  // namespace checks
}  // namespace nianbao
