// Validation: runs every check over a Report and returns its findings.
//
// What is checked and how it is worded is data under rules/: checks.toml (severities,
// messages, documentation), relations.toml (the arithmetic), schema-<version>.toml (rows,
// columns and their names), headings.toml (part names), labels.toml (other names), prose.toml
// (the statements of the prose).
//
// Each check is a named unit that declares the rule ids it reports (validate/registry.cpp lists
// them); a rule a check reports must have a catalog entry, and every catalog entry a sample that
// triggers it (tests/registry_test.cpp).
#pragma once

#include <string>
#include <vector>

#include "extract/model/finding.h"
#include "extract/model/model.h"
#include "extract/rules/rules.h"

namespace nianbao {

// The findings, sorted by severity (errors first; a note on what this tool could not read after
// the report's notes), then by (page, line, rule); and the statements of the prose that were
// checked and hold (a supervisor must see what was confirmed, not only what failed), sorted by
// (page, line, rule). Findings at the same place keep the order the checks produced them in.
struct Validation {
  std::vector<Finding> findings;
  std::vector<Finding> verified;
};
Validation validate_all(const Report& report, const Rules& rules);
// Only the findings.
std::vector<Finding> validate(const Report& report, const Rules& rules);

// The catalog entry that words a verified statement of `rule`: "verified.text.sum_mismatch".
std::string verified_rule(const std::string& rule);

// One check: a name, the rule ids it may report, and what it does.
struct Check {
  std::string name;
  // The ids it reports (findings, and verified.* for the statements it confirms).
  std::vector<std::string> rules;
  // The ids it reports that the rules data names (relations.toml, prose.toml rates); may be null.
  std::vector<std::string> (*rules_from_data)(const Rules& rules) = nullptr;
  void (*run)(const Report& report, const Rules& rules, Validation& out) = nullptr;
};

// Every check validate_all() runs, in the order it runs them.
const std::vector<const Check*>& registered_checks();
// Every rule id the registered checks may report with `rules`, each once, sorted.
std::vector<std::string> reported_rules(const Rules& rules);
// Throws RulesError naming checks.toml when a check may report a rule that has no entry there
// (a finding would print a bare id).
void require_catalog_entries(const Rules& rules);

// The checks, each appending to `out`; exposed so tests can run one alone.
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

// Their declarations, each beside its check.
const Check& arithmetic_check();
const Check& cells_check();
const Check& structure_check();
const Check& meta_check();
const Check& prose_check();
const Check& body_years_check();

// A finding of `rule` with the severity the catalog gives it.
Finding start_finding(const std::string& rule, const Rules& rules);

// Shared formatting. Whole numbers without decimals ("12"), others with up to 4 ("0.25").
std::string format_number(double value);
// Sets args name_zh and name_en.
void put(Finding& f, const std::string& name, const Text& text);
// The format version whose schema applies to the report's tables ("2019", "2021"), or "" when
// the report follows none (pre2019, unknown).
std::string schema_version(const Report& report, const Rules& rules);
// The first known of the locations, else the last one.
Location first_known(std::initializer_list<Location> locs);

}  // namespace checks
}  // namespace nianbao
