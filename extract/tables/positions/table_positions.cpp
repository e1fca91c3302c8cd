#include "extract/tables/positions/table_positions.h"

#include <algorithm>

#include "extract/rules/schema.h"
#include "extract/tables/table_cells.h"
#include "extract/tables/table_decisions.h"
#include "extract/tables/grid/table_grid.h"
#include "extract/tables/positions/table_positions_build.h"

namespace nianbao {

namespace {

struct Range {
  size_t first = 0, end = 0;
};

// The lines of a part: from its heading to the next part's heading; the whole document when
// the heading is missing (the labels still find the table).
Range part_range(const std::vector<Section>& sections, int part, size_t n) {
  for (const auto& s : sections)
    if (s.number == part) return {s.first_line, std::max(s.end_line, s.first_line + 1)};
  return {0, n};
}

Table build_from_positions(const Schema& schema, const SchemaTable& st, const std::vector<PageTokens>& pages,
                           const std::vector<const Schema*>& others) {
  if (st.wide) return build_wide_table(schema, st, pages);
  if (st.part == 2) return build_item_table(schema, st, pages);
  return build_grid_table(schema, st, pages, others);
}

// The table from the lines drawn around its cells when the part prints it ruled and the grid
// reads as the table; else from the positions of its words. A grid that found every row leaves
// the positions nothing to add, so they are not read then (most of a ruled table's cost).
Table build(const Document& doc, const Schema& schema, const SchemaTable& st,
            const std::vector<const Line*>& lines, size_t first, size_t end,
            const std::vector<const Schema*>& others) {
  std::vector<PageTokens> pages = tokens_of(lines, first, end);
  std::optional<Table> grid = rebuild_table_from_grid(doc, schema, st, pages, others);
  Table t;
  if (grid && is_table(st, *grid) && rows_found(*grid) == static_cast<long>(grid->rows.size())) {
    t = std::move(*grid);
  } else {
    t = build_from_positions(schema, st, pages, others);
    if (grid && prefer_grid(st, *grid, t)) t = std::move(*grid);
  }
  blank_absent_rows(st, t);
  cover_cells(t);
  return t;
}

}  // namespace

TableExtraction rebuild_tables_from_positions(const Document& doc, const Rules& rules,
                                              const std::vector<Section>& sections,
                                              std::optional<int> year,
                                              const std::vector<Section>& repeated) {
  TableExtraction out;
  std::vector<const Line*> lines = doc.all_lines();

  std::string table_text;
  for (int part : {2, 3, 4}) {
    Range r = part_range(sections, part, lines.size());
    for (size_t i = r.first; i < r.end && i < lines.size(); ++i) table_text += match_form(lines[i]->text);
  }
  TableFormat format = table_format(rules, table_text, year);
  out.format_version = format.version;
  if (!format.schema) return out;
  for (const auto& st : format.schema->tables) {
    Range r = part_range(sections, st.part, lines.size());
    Table t = build(doc, *format.schema, st, lines, r.first, r.end, format.others);
    // A table printed under a repeated heading of its part (tables numbered apart from the
    // narrative): the range where most of its rows are found wins.
    for (const Section& alt : repeated) {
      if (alt.number != st.part) continue;
      Table at = build(doc, *format.schema, st, lines, alt.first_line, alt.end_line, format.others);
      if (rows_found(at) > rows_found(t)) t = std::move(at);
    }
    if (is_table(st, t)) out.tables[st.key] = std::move(t);
  }
  settle_tables(out, rules, year);
  return out;
}

}  // namespace nianbao
