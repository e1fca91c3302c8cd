// The checks validation runs, and the rule ids they may report.
#include <algorithm>
#include <set>

#include "extract/model/errors.h"
#include "validate/validate.h"

namespace nianbao {

const std::vector<const Check*>& registered_checks() {
  static const std::vector<const Check*> all = {
      &checks::structure_check(), &checks::meta_check(),  &checks::cells_check(),
      &checks::arithmetic_check(), &checks::prose_check(), &checks::body_years_check(),
  };
  return all;
}

std::vector<std::string> reported_rules(const Rules& rules) {
  std::set<std::string> ids;
  for (const Check* c : registered_checks()) {
    ids.insert(c->rules.begin(), c->rules.end());
    if (c->rules_from_data)
      for (std::string& id : c->rules_from_data(rules)) ids.insert(std::move(id));
  }
  return {ids.begin(), ids.end()};
}

void require_catalog_entries(const Rules& rules) {
  for (const std::string& id : reported_rules(rules))
    if (!rules.catalog.find(id))
      throw RulesError(rules.dir + "/checks.toml: no entry for rule '" + id + "'");
}

}  // namespace nianbao
