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

// A finding object of `rule` worded by the catalog, naming both reports.
nlohmann::ordered_json archive_finding(const std::string& rule, const Rules& rules, const Stored& report,
                                       const std::string& related_file,
                                       const std::map<std::string, std::string>& args);

}  // namespace nianbao::batch
