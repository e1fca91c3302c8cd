// Report metadata: title, agency, year, published date, statistics period.
#pragma once

#include <vector>

#include "extract/model/model.h"

namespace nianbao {

// format_version is left "unknown": it needs the tables (see analyze.h).
Meta extract_meta(const Document& doc, const std::vector<Paragraph>& paragraphs);

}  // namespace nianbao
