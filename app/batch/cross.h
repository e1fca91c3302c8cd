// The checks that need two reports: carry-over between consecutive years, 现行有效
// continuity, copied prose, the same content under two names, missing years, editions of one
// report that disagree, an area's summary against its departments. They run once per report,
// on its primary edition (editions.h).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/batch/store.h"
#include "extract/rules/agency_rules.h"

namespace nianbao {
struct Rules;
}

namespace nianbao::batch {

struct ArchiveReport;
struct Editions;

struct CrossResult {
  std::vector<nlohmann::ordered_json> findings;  // archive.* findings, as docs/OUTPUT.md
  std::vector<nlohmann::ordered_json> verified;  // pairs checked and consistent
  // The lists of the last JSON line (editions.h): reports with their files, reports whose
  // agency could not be read, files that could not be read and stand for no report read.
  nlohmann::ordered_json editions, unidentified, unreadable;
};

struct CrossOptions {
  std::string hierarchy;  // --hierarchy FILE: areas and their departments (hierarchy.h)
};

// The agency names of rules/agencies.toml in the rules directory. Throws RulesError.
AgencyRules load_agency_rules(const Rules& rules);

// `names` are every (sha256, file) seen; reports whose status is not "ok" are only grouped with
// the reports they are editions of, or said to be unreadable.
CrossResult cross_check(const std::vector<Stored>& reports,
                        const std::vector<std::pair<std::string, std::string>>& names, const Rules& rules,
                        const CrossOptions& options = {});

// archive.copied alone (copied.cpp): pairs of reports whose own prose, the format's
// boilerplate excluded, is mostly the same.
void copied_check(const std::vector<const ArchiveReport*>& reports, const AgencyRules& agencies, const Rules& rules,
                  std::vector<nlohmann::ordered_json>& out);

// archive.area_sum alone (area_sum.cpp): each area's summary report against its departments'
// reports of the year; `hierarchy` may be empty.
void area_sum_check(const Editions& editions, const std::string& hierarchy, const AgencyRules& agencies,
                    const Rules& rules, std::vector<nlohmann::ordered_json>& out);

// One check of the cross-report pass and the rule ids it reports, declared as the checks of one
// report declare theirs (validate/validate.h): a rule it reports must have a catalog entry, and
// every catalog entry a sample that triggers it (tests/registry_test.cpp).
struct CrossCheck {
  std::string name;
  std::vector<std::string> rules;
};

// Every check cross_check() runs, in the order it runs them.
const std::vector<const CrossCheck*>& cross_checks();
// Every rule id the cross-report checks may report, each once, sorted.
std::vector<std::string> cross_rules();
// Every rule id the program may report: the checks of one report (reported_rules) and those
// across reports, each once, sorted.
std::vector<std::string> program_rules(const Rules& rules);
// Throws RulesError naming checks.toml when a cross-report check may report a rule that has no
// entry there (a finding would print a bare id).
void require_cross_catalog_entries(const Rules& rules);

// The declarations of copied_check, area_sum_check and group_editions, beside them.
const CrossCheck& copied_declaration();
const CrossCheck& area_sum_declaration();
const CrossCheck& editions_declaration();

// A finding object of `rule` worded by the catalog, naming both reports.
nlohmann::ordered_json archive_finding(const std::string& rule, const Rules& rules, const Stored& report,
                                       const std::string& related_file,
                                       const std::map<std::string, std::string>& args);

}  // namespace nianbao::batch
