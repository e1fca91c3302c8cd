// Prose statements with arithmetic of their own (rules/prose.toml).
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace re2 {
class RE2;
}

namespace nianbao {

struct RateRule {
  std::string rule, name_zh, name_en;
  std::shared_ptr<re2::RE2> pattern;
  int whole = 1, part = 2, percent = 3;
  int line = 0;
};

struct ProseRules {
  std::vector<RateRule> rates;
  // Throws RulesError naming the file and line on malformed TOML or a pattern that does not compile.
  static ProseRules load(const std::string& path);
};

}  // namespace nianbao
