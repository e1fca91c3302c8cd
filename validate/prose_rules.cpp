#include "validate/prose_rules.h"

#include <re2/re2.h>

#include "extract/errors.h"
#include "extract/rules_file.h"

namespace nianbao {

ProseRules ProseRules::load(const std::string& path) {
  toml::table doc = parse_rules_file(path);
  ProseRules out;
  if (const toml::array* rates = doc["rate"].as_array()) {
    for (const auto& node : *rates) {
      const toml::table* t = node.as_table();
      if (!t) throw RulesError(path + ": [[rate]] must be a table");
      RateRule r;
      r.line = static_cast<int>(t->source().begin.line);
      std::string where = path + ":" + std::to_string(r.line);
      r.rule = (*t)["rule"].value_or(std::string());
      r.name_zh = (*t)["name_zh"].value_or(std::string());
      r.name_en = (*t)["name_en"].value_or(std::string());
      auto pattern = (*t)["pattern"].value<std::string>();
      if (r.rule.empty() || !pattern) throw RulesError(where + ": [[rate]] needs 'rule' and 'pattern'");
      r.pattern = std::make_shared<re2::RE2>(*pattern, re2::RE2::Quiet);
      if (!r.pattern->ok()) throw RulesError(where + ": pattern does not compile: " + r.pattern->error());
      r.whole = (*t)["whole"].value_or(1);
      r.part = (*t)["part"].value_or(2);
      r.percent = (*t)["percent"].value_or(3);
      int groups = r.pattern->NumberOfCapturingGroups();
      for (int g : {r.whole, r.part, r.percent})
        if (g < 1 || g > groups) throw RulesError(where + ": group " + std::to_string(g) + " is not in the pattern");
      out.rates.push_back(std::move(r));
    }
  }
  return out;
}

}  // namespace nianbao
