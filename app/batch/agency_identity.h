// Which names are one agency's (rules/agencies.toml): the form a name is compared in, whether a
// name is an agency's at all, and, over the names of one archive, the parent-area prefixes that
// may be dropped ("淮安市洪泽区人民政府" is "洪泽区人民政府" when the archive holds that name).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "extract/rules/agency_rules.h"

namespace nianbao::batch {

// The form of a name: compact, punctuation dropped (agency_key), equivalents replaced
// (人民政府 → 政府), an area's government named by the area, then the aliases.
std::string agency_form(const std::string& name, const AgencyRules& rules);

// Whether `name` is credibly an agency's: long enough and naming a kind of body (a misread
// "府" or "共和国" is not). A report whose agency is not is never grouped with another.
bool credible_agency(const std::string& name, const AgencyRules& rules);

// Every form of `forms` -> the form it is one with: itself, or the form left when parent areas
// before it are dropped, where `forms` holds that one.
std::map<std::string, std::string> resolve_forms(const std::set<std::string>& forms, const AgencyRules& rules);

// What each of `names` (one archive's agency names) is as an agency: its form, resolved against
// the forms of the others (resolve_forms); "" for a name that is not credibly an agency's, which
// is never grouped with another. The one grouping of agencies the cross-report checks, the
// spreadsheet and the index all use.
std::vector<std::string> agency_identities(const std::vector<std::string>& names, const AgencyRules& rules);

// The area a form names when it is an area's government ("洪泽区" for "洪泽区政府" and
// "洪泽区"); "" otherwise.
std::string area_of_government(const std::string& form, const AgencyRules& rules);

// The area a name begins with ("东湖县" of "东湖县交通运输局"); "" when none.
std::string leading_area(const std::string& name, const AgencyRules& rules);

// Whether `form` is one of the area's bodies by its name: it begins with the area's name, or
// does after parent areas ("淮安市洪泽区财政局" under "洪泽区"), and is not the area itself nor a
// body of an area within it ("淮安市洪泽区财政局" is not under "淮安市").
bool named_under_area(const std::string& form, const std::string& area, const AgencyRules& rules);

}  // namespace nianbao::batch
