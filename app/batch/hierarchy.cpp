#include "app/batch/hierarchy.h"

#include "app/batch/agency_identity.h"
#include "extract/rules/rules_file.h"

namespace nianbao::batch {

std::vector<HierarchyArea> load_hierarchy(const std::string& path, const AgencyRules& agencies) {
  std::vector<HierarchyArea> out;
  if (path.empty()) return out;
  const toml::table doc = parse_rules_file(path);
  for_each_entry(path, doc, "area", [&](RulesEntry& e, int) {
    HierarchyArea a;
    a.agency = e.text("agency");
    a.form = agency_form(a.agency, agencies);
    if (!credible_agency(a.agency, agencies)) e.fail("agency '" + a.agency + "' is not an agency's name");
    for (const std::string& d : e.list("departments", true)) a.departments.push_back(agency_form(d, agencies));
    a.complete = e.flag("complete");
    out.push_back(std::move(a));
  });
  return out;
}

}  // namespace nianbao::batch
