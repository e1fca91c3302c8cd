// The result of checking one input file, as every renderer receives it.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "extract/limits.h"
#include "extract/model.h"
#include "tools/isolate/child_process.h"
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

// Reads, analyses and validates one file in this process. Never throws for a bad input: a file
// that cannot be read, or is over one of `limits`, is a result with ok == false and its reason.
CheckResult check_file(const std::string& path, const Rules& rules, const Limits& limits = {});

// The per-file time and memory limits, as a child process applies them.
ChildLimits child_limits(const Limits& limits);

// The result of a file whose checking child did not finish (outcome.end != Finished): timeout
// and out_of_memory name the limit and its flag; crashed and internal ask for the file to be
// reported.
CheckResult unfinished_result(const std::string& path, const ChildOutcome& outcome, const Limits& limits);

// check_file in a child process under the time and memory limits; `render` runs in the child
// too (page images read the file), and when the child does not finish, here, on
// unfinished_result. Returns what `render` returned and whether the result was ok and had an
// error finding.
struct IsolatedCheck {
  std::string output;
  bool ok = false;
  bool has_error = false;
};
IsolatedCheck check_file_isolated(const std::string& path, const Rules& rules, const Limits& limits,
                                  const std::function<std::string(const CheckResult&)>& render);

}  // namespace nianbao
