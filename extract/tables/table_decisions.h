// What the two table rebuilders (from text lines, table_text.h; from word positions,
// table_positions.h) decide alike: which format the tables are read in, whether a table built
// is the report's table, and which of the tables built the report keeps. A PDF and its text
// conversion must give the same tables, so these decisions are taken in one place.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "extract/model/model.h"
#include "extract/rules/schema.h"

namespace nianbao {

struct TableExtraction {
  std::map<std::string, Table> tables;  // only tables found: "proactive", "applications", "reviews"
  std::string format_version;           // "2019" | "2021" | "unknown": from the labels
};

// The format the tables of a report are read in.
struct TableFormat {
  std::string version;             // "2019" | "2021" | "unknown" (no label says, no year)
  const Schema* schema = nullptr;  // the tables' schema; null: the report has none of them
  const Schema* other = nullptr;   // the other version's (a 2019 row printed in a 2021 table)
};

// From the labels of parts 2–4 (`label_text`, in match form) and, on a tie, the report year.
// A report from before 2019 whose labels name neither format follows the older layout: its
// statistics are not these tables, so there is no schema to read them with.
TableFormat table_format(const std::string& label_text, std::optional<int> year);

// How many rows of the format the table holds.
long rows_found(const Table& table);

// Whether a table built for `st` is the report's table, and not a few of its labels met in
// prose ("予以公开", "行政许可").
bool is_table(const SchemaTable& st, const Table& table);

// Once every table is built: drops the tables that do not count without part 3's table, and
// sets the format version to "unknown" when no table is left.
void settle_tables(TableExtraction& extraction, std::optional<int> year);

}  // namespace nianbao
