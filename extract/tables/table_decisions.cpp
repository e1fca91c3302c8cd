#include "extract/tables/table_decisions.h"

#include <algorithm>

#include "extract/tables/format_version.h"

namespace nianbao {

namespace {

// Below this many rows found, the application labels met are prose, not the table.
constexpr long kMinApplicationRows = 5;

}  // namespace

TableFormat table_format(const Rules& rules, const std::string& label_text, std::optional<int> year) {
  std::vector<int> signals = count_signals(label_text, rules);
  TableFormat format;
  format.version = decide_version(signals, rules, year);
  // Reports before the first format follow the older layout: their statistics are not these tables.
  bool none = std::all_of(signals.begin(), signals.end(), [](int n) { return n == 0; });
  if (none && year && *year < rules.first_format_year()) {
    format.version = kUnknownFormatVersion;
    return format;
  }
  // With nothing to tell the versions apart, the newest format is the likelier one.
  format.schema = rules.schema(format.version);
  if (!format.schema) format.schema = &rules.newest();
  for (auto s = rules.schemas.rbegin(); s != rules.schemas.rend(); ++s)
    if (&*s != format.schema) format.others.push_back(&*s);
  return format;
}

long rows_found(const Table& table) {
  return std::count_if(table.rows.begin(), table.rows.end(),
                       [](const TableRow& r) { return r.found; });
}

bool is_table(const SchemaTable& st, const Table& table) {
  long found = rows_found(table);
  return found > 0 && !(st.key == "applications" && found < kMinApplicationRows);
}

bool prefer_grid(const SchemaTable& st, const Table& grid, const Table& positions) {
  return is_table(st, grid) && rows_found(grid) >= rows_found(positions);
}

void settle_tables(TableExtraction& extraction, const Rules& rules, std::optional<int> year) {
  auto& tables = extraction.tables;
  if (!tables.count("applications")) {
    // Without the application table (present in both formats) a report not known to be of 2019
    // or later is not on either format: pre-2019 layouts mention 主动公开 items in prose and
    // must not be force-matched. From 2019 on the format is mandatory, so the other tables are
    // still its tables when part 3's is missing (published as a picture, say).
    if (!(year && *year >= rules.first_format_year())) tables.clear();
    // Without part 3's table to vouch for the layout, a table counts only when most of its rows
    // are there: a few 主动公开 words in the prose are not a part-2 table.
    std::erase_if(tables, [](const auto& entry) {
      const Table& t = entry.second;
      return static_cast<size_t>(rows_found(t)) * 2 < t.rows.size();
    });
  }
  if (tables.empty()) extraction.format_version = kUnknownFormatVersion;
}

}  // namespace nianbao
