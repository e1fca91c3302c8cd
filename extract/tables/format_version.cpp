#include "extract/tables/format_version.h"

#include <algorithm>

#include "extract/normalize/text_search.h"

namespace nianbao {

std::vector<int> count_signals(const std::string& text, const Rules& rules) {
  std::vector<std::string_view> signals;
  std::vector<size_t> schema_of;
  for (size_t k = 0; k < rules.schemas.size(); ++k)
    for (const auto& sig : rules.schemas[k].signals) {
      signals.push_back(sig);
      schema_of.push_back(k);
    }
  // The signals of every version looked for in one walk of the text (a report may be one line
  // of megabytes).
  std::vector<bool> present(signals.size());
  TextSearch(signals).find_all(text, 0, text.size(), [&](size_t k, size_t) { present[k] = true; });
  std::vector<int> counts(rules.schemas.size());
  for (size_t k = 0; k < signals.size(); ++k) counts[schema_of[k]] += present[k];
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
