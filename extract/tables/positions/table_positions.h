// Rebuilding the three tables of a PDF report from the positions of its words: columns where
// the values stand, named by the header over them; rows by their labels left of the values,
// however the labels wrap; tables continued on the next page with or without their header.
// Driven by the schemas of rules/ like the text rebuilding (table_text.h), with the same result.
#pragma once

#include <optional>
#include <vector>

#include "extract/model/model.h"
#include "extract/tables/table_decisions.h"

namespace nianbao {

// `sections` and `repeated` as for rebuild_tables_from_text (table_text.h). Lines need their
// spans (boxes).
TableExtraction rebuild_tables_from_positions(const Document& doc, const Rules& rules,
                                              const std::vector<Section>& sections,
                                              std::optional<int> year,
                                              const std::vector<Section>& repeated = {});

}  // namespace nianbao
