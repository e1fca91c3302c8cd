// Which table format a report uses, read from its labels (docs/FORMAT.md §1): headers and rows that
// only one version prints (each schema's [detect] signals). The year only breaks ties; comparing
// the version found with the one the year requires is validation's job (structure.format_version).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "extract/rules/rules.h"

namespace nianbao {

// For each format version of the rules, in their order, how many of its signals `text` holds
// (match form, see match_form).
std::vector<int> count_signals(const std::string& text, const Rules& rules);

// The version whose signals are the most. When several tie above none, the one among them a
// report of `year` would use (the latest whose `since` is not after it; the earliest of them if
// none is), and "unknown" when there is no year or it comes before every format. With no signal at all, the version the year
// requires, else "unknown".
std::string decide_version(const std::vector<int>& signals, const Rules& rules, std::optional<int> year);

}  // namespace nianbao
