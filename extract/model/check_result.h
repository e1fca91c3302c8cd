// The result of checking one input file: the report read from it and what validation found,
// or why it could not be read. Every renderer (text, JSON, HTML, the archive's store) draws
// from this alone.
#pragma once

#include <string>
#include <vector>

#include "extract/model/finding.h"
#include "extract/model/model.h"

namespace nianbao {

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
  // The report's problems of severity `s`; notes on cells this tool could not read are not
  // among them (Finding::reading), they are counted by unread_cells().
  int count(Severity s) const;
  // The cells named by the notes on what this tool could not read.
  int unread_cells() const;
};

}  // namespace nianbao
