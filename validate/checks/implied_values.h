// What the arithmetic relations of a table (rules/relations.toml) say a cell must hold when
// every other cell of a relation is read: for a cell this tool could not read, a suggestion to
// the reader, never a value put in the table.
#pragma once

#include <optional>
#include <string>

#include "extract/model/model.h"
#include "extract/rules/rules.h"

namespace nianbao::checks {

// The value of cell (`row`, `column`) of `table` that the relations of its format `version`
// imply: each relation in which it is the only cell without a number gives one, and all of them
// must give the same. None when no relation gives one, when two disagree, or when the value is
// one the column cannot hold (below zero in a column that is not signed, a fraction in a column
// of counts).
std::optional<double> implied_value(const Table& table, const Rules& rules, const std::string& version,
                                    const std::string& row, const std::string& column);

}  // namespace nianbao::checks
