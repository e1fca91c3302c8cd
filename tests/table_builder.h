// Hand-built tables for the validation tests: complete, all-zero tables of a format version
// with known locations, to be broken one cell at a time.
#pragma once

#include <string>

#include "extract/model/model.h"

namespace nianbao::test {

// A cell holding `v` as printed, at `loc`.
Cell value_cell(double v, Location loc);
// The applications table of `version` ("2019" or "2021"), all 0, on page 4: the table starts on
// line 10 and row i is on line 12 + i, every cell on its row's line.
Table applications(const std::string& version);
// The part-4 table, all 0, on page 5: the table starts on line 3, row i on line 6 + i.
Table reviews();
// The part-2 table of `version`, all 0, on page 2: the table starts on line 3, row i on 5 + i.
Table proactive(const std::string& version);
// Sets a cell to a printed number.
void set(Table& t, const std::string& row, const std::string& column, double v);

}  // namespace nianbao::test
