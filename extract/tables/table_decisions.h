// What the two table rebuilders (from text lines, table_text.h; from word positions,
// table_positions.h) decide alike: which format the tables are read in, whether a table built
// is the report's table, and which of the tables built the report keeps. A PDF and its text
// conversion must give the same tables, so these decisions are taken in one place.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "extract/model/model.h"
#include "extract/rules/rules.h"

namespace nianbao {

struct TableExtraction {
  std::map<std::string, Table> tables;  // only tables found: "proactive", "applications", "reviews"
  std::string format_version;           // a schema's version, or "unknown": from the labels
};

// The format the tables of a report are read in.
struct TableFormat {
  std::string version;             // a schema's version, or "unknown" (no label says, no year)
  const Schema* schema = nullptr;  // the tables' schema; null: the report has none of them
  // The other versions' schemas, newest first: a row one of them has and `schema` lacks (the
  // 2019 single row "（六）其他处理" in a 2021 table) is still recognised.
  std::vector<const Schema*> others;
};

// From the labels of parts 2–4 (`label_text`, in match form) and, on a tie, the report year.
// A report from before the first format whose labels name none follows the older layout: its
// statistics are not these tables, so there is no schema to read them with.
TableFormat table_format(const Rules& rules, const std::string& label_text, std::optional<int> year);

// How many rows of the format the table holds.
long rows_found(const Table& table);

// Whether a table built for `st` is the report's table, and not a few of its labels met in
// prose ("予以公开", "行政许可").
bool is_table(const SchemaTable& st, const Table& table);

// Whether a PDF table read from the lines drawn around its cells (`grid`) is kept rather than
// the one read from the positions of its words: when it is the schema's table and holds at
// least as many of its rows.
bool prefer_grid(const SchemaTable& st, const Table& grid, const Table& positions);

// Once every table is built: drops the tables that do not count without part 3's table, and
// sets the format version to "unknown" when no table is left.
void settle_tables(TableExtraction& extraction, const Rules& rules, std::optional<int> year);

}  // namespace nianbao
