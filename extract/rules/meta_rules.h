// How the head of a report is read (rules/meta.toml): the words a title ends with, what around
// it is a site's navigation or a sentence, and the metadata fields of a portal's article page.
#pragma once

#include <string>
#include <vector>

namespace nianbao {

struct MetaRules {
  std::vector<std::string> report_words;      // compact form, longest first
  size_t max_title_lines = 3;
  std::vector<std::string> navigation;        // compact form
  std::vector<std::string> sentence_openers;  // compact form
  std::vector<std::string> title_fields, agency_fields, other_fields;
  // [summary]: what tells an area's summary report (deadline 31 March) from an agency's own.
  std::vector<std::string> summary_title_words, government_endings, office_words, department_words,
      place_endings;

  // Loads rules/meta.toml; throws RulesError naming the file and line.
  static MetaRules load(const std::string& path);
};

}  // namespace nianbao
