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
  // Statements of the prose that were checked and hold, worded by the catalog entry
  // verified_rule(rule); listed by --verbose and under "verified" in JSON.
  std::vector<Finding> verified;
  int count(Severity s) const;
};

// Reads, analyses and validates one file. Never throws for a bad input: a file that cannot be
// read is a result with ok == false and its reason.
CheckResult check_file(const std::string& path, const Rules& rules);

}  // namespace nianbao
