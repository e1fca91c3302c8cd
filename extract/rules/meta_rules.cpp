#include "extract/rules/meta_rules.h"

#include <algorithm>

#include "extract/model/errors.h"
#include "extract/normalize/normalize.h"
#include "extract/rules/rules_file.h"

namespace nianbao {

MetaRules MetaRules::load(const std::string& path) {
  toml::table doc = parse_rules_file(path);
  MetaRules r;
  const RulesEntry title = section_entry(path, doc, "title");
  r.report_words = title.words("report_words");
  r.navigation = title.words("navigation");
  r.sentence_openers = title.words("sentence_openers");
  if (auto n = title.t["max_lines"].value<int64_t>()) {
    if (*n < 1 || *n > 10) title.fail("max_lines must be 1 to 10");
    r.max_title_lines = static_cast<size_t>(*n);
  }
  const RulesEntry fields = section_entry(path, doc, "fields");
  r.title_fields = fields.words("title");
  r.agency_fields = fields.words("agency");
  r.other_fields = fields.words("other");
  const RulesEntry summary = section_entry(path, doc, "summary");
  r.summary_title_words = summary.words("title_words");
  r.government_endings = summary.words("government_endings");
  r.office_words = summary.words("office_words");
  r.department_words = summary.words("department_words");
  r.place_endings = summary.words("place_endings");
  return r;
}

}  // namespace nianbao
