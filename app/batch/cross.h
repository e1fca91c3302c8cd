// The checks that need two reports: carry-over between consecutive years, 现行有效
// continuity, copied prose, the same content under two names, missing years.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/batch/store.h"

namespace nianbao {
struct Rules;
}

namespace nianbao::batch {

struct CrossResult {
  std::vector<nlohmann::ordered_json> findings;  // archive.* findings, as docs/OUTPUT.md
  std::vector<nlohmann::ordered_json> verified;  // pairs checked and consistent
};

// `names` are every (sha256, file) seen; reports whose status is not "ok" are skipped.
CrossResult cross_check(const std::vector<Stored>& reports,
                        const std::vector<std::pair<std::string, std::string>>& names, const Rules& rules);

// archive.copied alone (copied.cpp): pairs of reports whose prose, template boilerplate
// excluded, is mostly the same.
void copied_check(const std::vector<const Stored*>& reports, const Rules& rules,
                  std::vector<nlohmann::ordered_json>& out);

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

// The declaration of copied_check, beside it in copied.cpp.
const CrossCheck& copied_declaration();

// A finding object of `rule` worded by the catalog, naming both reports.
nlohmann::ordered_json archive_finding(const std::string& rule, const Rules& rules, const Stored& report,
                                       const std::string& related_file,
                                       const std::map<std::string, std::string>& args);

}  // namespace nianbao::batch
