// An area's government and its departments, as a user knows them (nianbao batch --hierarchy
// FILE; the format is rules/hierarchy.example.toml): which reports an area's summary report
// sums, and whether they are all of them.
#pragma once

#include <string>
#include <vector>

#include "extract/rules/agency_rules.h"

namespace nianbao::batch {

struct HierarchyArea {
  std::string agency;                    // as written ("东湖县人民政府")
  std::string form;                      // its agency form (agency_identity.h)
  std::vector<std::string> departments;  // their agency forms
  bool complete = false;                 // the departments are all the area's bodies that report
};

// The areas of a hierarchy file; none for "". Throws RulesError naming the file and line.
std::vector<HierarchyArea> load_hierarchy(const std::string& path, const AgencyRules& agencies);

}  // namespace nianbao::batch
