#include "extract/rules/agency_rules.h"

#include <algorithm>

#include "extract/model/errors.h"
#include "extract/normalize/normalize.h"
#include "extract/rules/rules_file.h"

namespace nianbao {
namespace {

bool longer(const std::string& a, const std::string& b) { return a.size() > b.size(); }

size_t count(const RulesEntry& e, const char* key, size_t fallback) {
  const toml::node* n = e.t.get(key);
  if (!n) return fallback;
  auto v = n->value<int64_t>();
  if (!v || *v < 1 || *v > 50) e.fail(std::string(key) + " must be a number from 1 to 50");
  return static_cast<size_t>(*v);
}

}  // namespace

AgencyRules AgencyRules::load(const std::string& path) {
  toml::table doc = parse_rules_file(path);
  AgencyRules r;
  for_each_entry(path, doc, "equivalent", [&](RulesEntry& e, int) {
    const std::string form = compact(e.text("form"));
    for (const std::string& v : e.words("variants")) r.equivalents.emplace_back(v, form);
  });
  std::stable_sort(r.equivalents.begin(), r.equivalents.end(),
                   [](const auto& a, const auto& b) { return longer(a.first, b.first); });
  const RulesEntry area = section_entry(path, doc, "area");
  r.government_endings = area.words("government_endings");
  r.place_endings = area.words("place_endings");
  r.parent_endings = area.words("parent_endings");
  r.sub_area_endings = area.words("sub_area_endings");
  r.max_place_chars = count(area, "max_place_chars", r.max_place_chars);
  const RulesEntry identity = section_entry(path, doc, "identity");
  r.min_chars = count(identity, "min_chars", r.min_chars);
  r.type_words = identity.words("type_words");
  for_each_entry(path, doc, "alias", [&](RulesEntry& e, int) {
    std::string name = compact(e.text("name")), same = compact(e.text("same_as"));
    if (name.empty() || same.empty()) e.fail("an empty name");
    r.aliases.emplace_back(std::move(name), std::move(same));
  });
  return r;
}

}  // namespace nianbao
