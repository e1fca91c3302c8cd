#include "extract/rules/agency_rules.h"

#include <algorithm>

#include "extract/model/errors.h"
#include "extract/normalize/normalize.h"
#include "extract/rules/rules_file.h"

namespace nianbao {
namespace {

bool longer(const std::string& a, const std::string& b) { return a.size() > b.size(); }

std::vector<std::string> words(const RulesEntry& e, const char* key) {
  std::vector<std::string> out;
  for (const std::string& w : e.list(key, true)) {
    std::string c = compact(w);
    if (c.empty()) e.fail(std::string(key) + ": an empty word");
    out.push_back(std::move(c));
  }
  std::stable_sort(out.begin(), out.end(), longer);
  return out;
}

size_t count(const RulesEntry& e, const char* key, size_t fallback) {
  const toml::node* n = e.t.get(key);
  if (!n) return fallback;
  auto v = n->value<int64_t>();
  if (!v || *v < 1 || *v > 50) e.fail(std::string(key) + " must be a number from 1 to 50");
  return static_cast<size_t>(*v);
}

const toml::table& section(const toml::table& doc, const char* name, const std::string& path) {
  const std::string what = std::string("[") + name + "]";
  const toml::node* n = doc.get(name);
  if (!n) throw RulesError(path + ": missing " + what);
  return as_table(*n, path, what);
}

}  // namespace

AgencyRules AgencyRules::load(const std::string& path) {
  toml::table doc = parse_rules_file(path);
  AgencyRules r;
  for_each_entry(path, doc, "equivalent", [&](RulesEntry& e, int) {
    const std::string form = compact(e.text("form"));
    for (const std::string& v : words(e, "variants")) r.equivalents.emplace_back(v, form);
  });
  std::stable_sort(r.equivalents.begin(), r.equivalents.end(),
                   [](const auto& a, const auto& b) { return longer(a.first, b.first); });
  const RulesEntry area{path, section(doc, "area", path), "[area]"};
  r.government_endings = words(area, "government_endings");
  r.place_endings = words(area, "place_endings");
  r.parent_endings = words(area, "parent_endings");
  r.sub_area_endings = words(area, "sub_area_endings");
  r.max_place_chars = count(area, "max_place_chars", r.max_place_chars);
  const RulesEntry identity{path, section(doc, "identity", path), "[identity]"};
  r.min_chars = count(identity, "min_chars", r.min_chars);
  r.type_words = words(identity, "type_words");
  for_each_entry(path, doc, "alias", [&](RulesEntry& e, int) {
    std::string name = compact(e.text("name")), same = compact(e.text("same_as"));
    if (name.empty() || same.empty()) e.fail("an empty name");
    r.aliases.emplace_back(std::move(name), std::move(same));
  });
  return r;
}

}  // namespace nianbao
