#include "extract/tables/format_version.h"

#include <algorithm>

namespace nianbao {

std::vector<int> count_signals(const std::string& text, const Rules& rules) {
  std::vector<int> counts;
  for (const Schema& s : rules.schemas) {
    int n = 0;
    for (const auto& sig : s.signals)
      if (!sig.empty() && text.find(sig) != std::string::npos) ++n;
    counts.push_back(n);
  }
  return counts;
}

std::string decide_version(const std::vector<int>& signals, const Rules& rules, std::optional<int> year) {
  const int most = signals.empty() ? 0 : *std::max_element(signals.begin(), signals.end());
  if (most == 0) {
    if (year && *year >= rules.first_format_year()) return rules.required_version(*year);
    return std::string(kUnknownFormatVersion);
  }
  std::vector<const Schema*> tied;
  for (size_t i = 0; i < signals.size(); ++i)
    if (signals[i] == most) tied.push_back(&rules.schemas[i]);
  if (tied.size() == 1) return tied.front()->version;
  if (!year || *year < rules.first_format_year()) return std::string(kUnknownFormatVersion);
  // The schemas are in order of `since`, so are the tied ones.
  const Schema* pick = tied.front();
  for (const Schema* s : tied)
    if (s->since <= *year) pick = s;
  return pick->version;
}

}  // namespace nianbao
