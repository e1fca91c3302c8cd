#include "extract/tables/table_decisions.h"

#include <algorithm>

#include "extract/tables/format_version.h"

namespace nianbao {

namespace {

// Below this many rows found, the application labels met are prose, not the table.
constexpr long kMinApplicationRows = 5;

}  // namespace

TableFormat table_format(const std::string& label_text, std::optional<int> year) {
  const Schema& s2019 = Schema::standard("2019");
  const Schema& s2021 = Schema::standard("2021");
  VersionVote vote = count_signals(label_text, s2019, s2021);
  TableFormat format;
  format.version = decide_version(vote, year);
  // Reports before 2019 follow the older layout: their statistics are not these tables.
  if (vote.signals_2019 == 0 && vote.signals_2021 == 0 && year && *year < 2019) {
    format.version = "unknown";
    return format;
  }
  // With nothing to tell the versions apart, the current format is the likelier one.
  bool v2019 = format.version == "2019";
  format.schema = v2019 ? &s2019 : &s2021;
  format.other = v2019 ? &s2021 : &s2019;
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

void settle_tables(TableExtraction& extraction, std::optional<int> year) {
  auto& tables = extraction.tables;
  if (!tables.count("applications")) {
    // Without the application table (present in both formats) a report not known to be of 2019
    // or later is not on either format: pre-2019 layouts mention 主动公开 items in prose and
    // must not be force-matched. From 2019 on the format is mandatory, so the other tables are
    // still its tables when part 3's is missing (published as a picture, say).
    if (!(year && *year >= 2019)) tables.clear();
    // Without part 3's table to vouch for the layout, a table counts only when most of its rows
    // are there: a few 主动公开 words in the prose are not a part-2 table.
    std::erase_if(tables, [](const auto& entry) {
      const Table& t = entry.second;
      return static_cast<size_t>(rows_found(t)) * 2 < t.rows.size();
    });
  }
  if (tables.empty()) extraction.format_version = "unknown";
}

}  // namespace nianbao
