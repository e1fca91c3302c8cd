// Rebuilding a table of a PDF report from the ruled tables its words are printed in: a word's
// cell is where the lines drawn around it say, not where its position suggests. Used by the
// positions rebuilding (table_positions.h), which keeps its own reading where a part has no
// ruled table or the grid does not read as the schema's table.
#pragma once

#include <optional>
#include <vector>

#include "extract/model/model.h"
#include "extract/rules/schema.h"
#include "extract/tables/positions/table_positions_geom.h"

namespace nianbao {

// Table `st` from the ruled tables holding the words of `pages` (a part's words); nothing when
// the part prints no ruled table. `others` as for build_grid_table (table_positions_build.h).
std::optional<Table> rebuild_table_from_grid(const Document& doc, const Schema& schema, const SchemaTable& st,
                                             const std::vector<PageTokens>& pages,
                                             const std::vector<const Schema*>& others);

}  // namespace nianbao
