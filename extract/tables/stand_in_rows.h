// A row of another format version printed where this version has a group of rows: the 2019
// single row "（六）其他处理" in a table of the 2021 format, which splits it into the three rows
// of its group "other" (洪泽区 2023, 2024). In the schemas' data such a row is one whose key is
// the name of a group of the other version. Every reader (text, HTML, Word, PDF by positions,
// PDF by its ruled grid) takes the same decision here, so that a report reads the same
// whichever form it came in.
#pragma once

#include <vector>

#include "extract/model/model.h"
#include "extract/rules/schema.h"

namespace nianbao {

// The row of `others` with key `key` when it stands for a group of rows of `st`; else null.
const SchemaRow* stand_in_row(const SchemaTable& st, const std::vector<const Schema*>& others,
                              const std::string& key);

// Whether `t` (built for `st`) lacks every row of a group that a row of `others` stands for.
bool stand_in_wanted(const Table& t, const SchemaTable& st, const std::vector<const Schema*>& others);

// Whether `t` holds a row that is not a row of `st` (a stand-in settled into it).
bool has_stand_in(const Table& t, const SchemaTable& st);

// `st` with every stand-in row of `others` inserted before the rows it stands for, for
// readers that find rows in the schema's order.
SchemaTable with_stand_ins(const SchemaTable& st, const std::vector<const Schema*>& others);

// Settles the rows of a table built for `st` that are not rows of `st`: a stand-in row found
// with something printed in it, while none of the rows it stands for was found, takes their
// place (where the first of them stood); any other such row is dropped. The validation then
// says once that the row belongs to another format version (structure.format_version.row).
void settle_stand_ins(Table& t, const SchemaTable& st, const std::vector<const Schema*>& others);

}  // namespace nianbao
