// Whether what was read is a report at all. A portal's listing page (an index of links to the
// reports of several years) has titles of reports but none of a report's parts and no figure in
// its tables; a JSON record or a page that names a report has neither, nor an agency and year:
// checking either as a report would put a report of the year it names into an archive, with
// every cell missing.
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
