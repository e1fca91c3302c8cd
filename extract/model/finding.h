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

struct Finding {
  std::string rule;  // e.g. "applications.balance", "text.sum_mismatch.visitors"
  Severity severity = Severity::Error;
  Location loc;
  std::string table, row, column;  // the cell concerned, when there is one
  std::optional<double> expected, actual;
  // Named values substituted into the rule's message template ({lhs}, {rhs}, {diff} …).
  // Values are already formatted for display; "*_zh"/"*_en" variants win for that language.
  std::map<std::string, std::string> args;
};

}  // namespace nianbao
