#include "extract/table_positions.h"

#include <algorithm>

#include "extract/format_version.h"
#include "extract/schema.h"
#include "extract/table_positions_build.h"

namespace nianbao {

namespace {

// Below this many rows found, the application labels met are prose, not the table.
constexpr long kMinApplicationRows = 5;

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

long rows_found(const Table& t) {
  return std::count_if(t.rows.begin(), t.rows.end(), [](const TableRow& r) { return r.found; });
}

Table build(const Schema& schema, const SchemaTable& st, const std::vector<PageTokens>& pages,
            const Schema& other) {
  if (st.wide) return build_wide_table(schema, st, pages);
  if (st.part == 2) return build_item_table(schema, st, pages);
  return build_grid_table(schema, st, pages, &other);
}

}  // namespace

TableExtraction rebuild_tables_from_positions(const Document& doc,
                                              const std::vector<Section>& sections,
                                              std::optional<int> year,
                                              const std::vector<Section>& repeated) {
  TableExtraction out;
  const Schema& s2019 = Schema::standard("2019");
  const Schema& s2021 = Schema::standard("2021");
  std::vector<const Line*> lines = doc.all_lines();

  std::string table_text;
  for (int part : {2, 3, 4}) {
    Range r = part_range(sections, part, lines.size());
    for (size_t i = r.first; i < r.end && i < lines.size(); ++i) table_text += match_form(lines[i]->text);
  }
  VersionVote vote = count_signals(table_text, s2019, s2021);
  out.format_version = decide_version(vote, year);
  // Reports before 2019 follow the older layout: their statistics are not these tables.
  if (vote.signals_2019 == 0 && vote.signals_2021 == 0 && year && *year < 2019) {
    out.format_version = "unknown";
    return out;
  }
  const Schema& schema = out.format_version == "2019" ? s2019 : s2021;
  const Schema& other = out.format_version == "2019" ? s2021 : s2019;
  for (const auto& st : schema.tables) {
    Range r = part_range(sections, st.part, lines.size());
    Table t = build(schema, st, tokens_of(lines, r.first, r.end), other);
    // A table printed under a repeated heading of its part (tables numbered apart from the
    // narrative): the range where most of its rows are found wins.
    for (const Section& alt : repeated) {
      if (alt.number != st.part) continue;
      Table at = build(schema, st, tokens_of(lines, alt.first_line, alt.end_line), other);
      if (rows_found(at) > rows_found(t)) t = std::move(at);
    }
    long found = rows_found(t);
    if (found == 0 || (st.key == "applications" && found < kMinApplicationRows)) continue;
    out.tables[st.key] = std::move(t);
  }
  if (!out.tables.count("applications")) {
    out.tables.clear();
    out.format_version = "unknown";
  }
  return out;
}

}  // namespace nianbao
