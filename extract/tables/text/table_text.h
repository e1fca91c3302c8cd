// Rebuilding the three tables of a report (part 2 proactive, part 3 applications, part 4
// reviews) from its text lines: tab or pipe separated rows, Markdown conversions with labels
// detached from their numbers, and portal dumps where a whole table is one run of digits.
#pragma once

#include <optional>
#include <vector>

#include "extract/model/model.h"
#include "extract/tables/table_decisions.h"

namespace nianbao {

// `sections` give the line ranges of the parts (Section::first_line/end_line index
// Document::all_lines()); the tables of parts 2/3/4 are looked for in their part's range, or
// anywhere when the part heading is missing. `year` breaks ties when labels give no signal.
// The format's schema is one of `rules.schemas` (rules/schema-*.toml).
// `repeated` are later headings naming a part already in `sections`; a table is also looked
// for under them and the range where most of its rows are found wins. The format version and
// the tables kept are decided by table_decisions.h, as for PDFs.
TableExtraction rebuild_tables_from_text(const Document& doc, const Rules& rules,
                                         const std::vector<Section>& sections,
                                         std::optional<int> year,
                                         const std::vector<Section>& repeated = {});

}  // namespace nianbao
