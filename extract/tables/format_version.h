// Which table format a report uses, read from its labels (format.md §1): headers and rows that
// only one version prints. The year only breaks ties; comparing the two is the caller's job
// (structure.format_version).
#pragma once

#include <optional>
#include <string>

#include "extract/rules/schema.h"

namespace nianbao {

struct VersionVote {
  int signals_2019 = 0;  // distinct 2019-only labels found
  int signals_2021 = 0;
};

// Counts the signals of both schemas in `text` (match form, see match_form).
VersionVote count_signals(const std::string& text, const Schema& v2019, const Schema& v2021);

// "2019" or "2021" when the labels say so, else from the year (2019–2020 → "2019", 2021 on →
// "2021"), else "unknown".
std::string decide_version(const VersionVote& vote, std::optional<int> year);

}  // namespace nianbao
