// How the names of one agency are told to be one (rules/agencies.toml): equivalent forms
// (人民政府/政府), an area's government named by the area, parent areas before an area's name,
// what makes a name an agency's at all, and the aliases a user adds.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace nianbao {

struct AgencyRules {
  // (variant, form), compact, longest variant first.
  std::vector<std::pair<std::string, std::string>> equivalents;
  std::vector<std::string> government_endings, place_endings, parent_endings, sub_area_endings;  // compact, longest first
  size_t max_place_chars = 10;
  size_t min_chars = 3;
  std::vector<std::string> type_words;
  // (name, same_as), both compact as written.
  std::vector<std::pair<std::string, std::string>> aliases;

  // Loads rules/agencies.toml; throws RulesError naming the file and line.
  static AgencyRules load(const std::string& path);
};

}  // namespace nianbao
