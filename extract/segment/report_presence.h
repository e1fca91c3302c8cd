// Whether what was read is a report at all. A portal's listing page (an index of links to the
// reports of several years), a JSON record or a page that only names a report has a title but
// none of the report's parts and no figure in its tables: checking it as a report would put a
// report of the year it names into an archive, with every cell missing.
#pragma once

#include <optional>
#include <string>

#include "extract/model/model.h"
#include "extract/rules/meta_rules.h"

namespace nianbao {

// Why `report` (read from `doc`) is not an annual report, in Chinese and English
// ("中文 (English)"); nullopt when it is one.
std::optional<std::string> why_not_a_report(const Document& doc, const Report& report, const MetaRules& rules);

}  // namespace nianbao
