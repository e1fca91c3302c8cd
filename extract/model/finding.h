// A finding: one problem (or one verified statement) with its rule, severity and place.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "extract/model/model.h"

namespace nianbao {

enum class Severity { Info, Warning, Error };
const char* to_string(Severity s);

// Where a finding is in a web page, as a person looks for it there: the nearest part heading
// above it and the table row it is on, or the paragraph under that heading. HTML only: a
// page's source lines (one for a page written on one line) do not show a reader the place.
struct Where {
  std::string heading;  // the part heading as printed; "" above the first part (the title)
  std::string row;      // the table row's label, when the place is a row
  int paragraph = 0;    // else the paragraph under the heading (1-based); 0: the heading itself
};

// One cell a finding names among several (blank cells of a table said together), in the
// finding's table; `text` is what was printed there, when anything was.
struct CellRef {
  std::string row, column, text;
};

struct Finding {
  std::string rule;  // e.g. "applications.balance", "text.sum_mismatch.visitors"
  Severity severity = Severity::Error;
  Location loc;
  std::string table, row, column;  // the cell concerned, when there is one
  // The cells a finding groups (row and column above are set only when they share it).
  std::vector<CellRef> cells;
  // Whether the finding tells of a limit of this tool's reading (cells it could not read)
  // rather than a problem of the report: such notes are counted apart from the report's
  // problems, and never ask the agency to change anything.
  bool reading = false;
  std::optional<double> expected, actual;
  // Named values substituted into the rule's message template ({lhs}, {rhs}, {diff} …).
  // Values are already formatted for display; "*_zh"/"*_en" variants win for that language.
  std::map<std::string, std::string> args;
  std::optional<Where> where;  // HTML input only (nianbao/locate.h)
};

}  // namespace nianbao
