// The result of checking one input file, as every renderer receives it.
#pragma once

#include <string>
#include <vector>

#include "extract/model.h"
#include "validate/finding.h"

namespace nianbao {

struct Rules;

struct CheckResult {
  std::string file;
  bool ok = false;
  std::string error_code, error_message;  // when !ok: the ReadError
  InputFormat format = InputFormat::Text;
  Report report;
  std::vector<Finding> findings;
  int count(Severity s) const;
};

// Reads, analyses and validates one file. Never throws for a bad input: a file that cannot be
// read is a result with ok == false and its reason.
CheckResult check_file(const std::string& path, const Rules& rules);

}  // namespace nianbao
