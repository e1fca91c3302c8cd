// Report metadata: title, agency, year, published date, statistics period.
#pragma once

#include <vector>

#include "extract/model/model.h"
#include "extract/rules/meta_rules.h"

namespace nianbao {

// format_version is left "unknown": it needs the tables (see analyze.h).
// `rules`: rules/meta.toml (what a title ends with, navigation, the metadata fields of a page).
Meta extract_meta(const Document& doc, const std::vector<Paragraph>& paragraphs, const MetaRules& rules);

}  // namespace nianbao
