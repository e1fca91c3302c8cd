#include "extract/rules/meta_rules.h"

#include <algorithm>

#include "extract/model/errors.h"
#include "extract/normalize/normalize.h"
#include "extract/rules/rules_file.h"

namespace nianbao {

namespace {

// The words of a list in the compact form lines are compared in, longest first (so that
// "年度报告" is preferred to "年报" where both could end a title).
std::vector<std::string> words(const RulesEntry& e, const char* key) {
  std::vector<std::string> out;
  for (const std::string& w : e.list(key, true)) {
    std::string c = compact(w);
    if (c.empty()) e.fail(std::string(key) + ": an empty word");
    out.push_back(std::move(c));
  }
  std::stable_sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return out;
}

const toml::table& section(const toml::table& doc, const char* name, const std::string& path) {
  const toml::node* n = doc.get(name);
  if (!n) throw RulesError(path + ": missing [" + std::string(name) + "]");
  return as_table(*n, path, "[" + std::string(name) + "]");
}

}  // namespace

MetaRules MetaRules::load(const std::string& path) {
  toml::table doc = parse_rules_file(path);
  MetaRules r;
  const RulesEntry title{path, section(doc, "title", path), "[title]"};
  r.report_words = words(title, "report_words");
  r.navigation = words(title, "navigation");
  r.sentence_openers = words(title, "sentence_openers");
  if (auto n = title.t["max_lines"].value<int64_t>()) {
    if (*n < 1 || *n > 10) title.fail("max_lines must be 1 to 10");
    r.max_title_lines = static_cast<size_t>(*n);
  }
  const RulesEntry fields{path, section(doc, "fields", path), "[fields]"};
  r.title_fields = words(fields, "title");
  r.agency_fields = words(fields, "agency");
  r.other_fields = words(fields, "other");
  const RulesEntry summary{path, section(doc, "summary", path), "[summary]"};
  r.summary_title_words = words(summary, "title_words");
  r.government_endings = words(summary, "government_endings");
  r.office_words = words(summary, "office_words");
  r.department_words = words(summary, "department_words");
  r.place_endings = words(summary, "place_endings");
  return r;
}

}  // namespace nianbao
