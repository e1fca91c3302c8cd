// Putting the labels and number groups found in a part (table_stream.h) into the rows of a
// schema table.
#pragma once

#include "extract/model/model.h"
#include "extract/rules/schema.h"
#include "extract/tables/text/table_stream.h"

namespace nianbao {

// Every row of `table` in schema order; rows whose label was not found have found = false.
// Nothing is guessed: numbers that cannot be attributed or cut uniquely give Unreadable cells.
Table assemble_table(const SchemaTable& table, const TextStream& stream, const StreamScan& scan);

}  // namespace nianbao
