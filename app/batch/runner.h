// Checks many files, each in its own child process with a time and memory limit, so a file
// that crashes or hangs its parser is recorded as failed and the batch goes on.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "extract/read/limits.h"

namespace nianbao {
struct Rules;
}

namespace nianbao::batch {

struct Job {
  std::string path;
  std::string sha256;
};

struct Outcome {
  std::string path, sha256;
  nlohmann::ordered_json result;  // the object `check --format json` prints, or a failure
  std::string prose;              // the report's prose, for the cross-report copy check
};

struct RunOptions {
  int jobs = 1;
  Limits limits;               // per file: sizes and pages in the reader, time and memory in the child
  bool progress = false;       // a progress line on standard error
  // When set, each file's HTML report (`check --format html`) is written there as
  // page_name (html_pages.h): by the child, which has read the file anyway and alone
  // may parse it; by the parent, from the failure alone, when the child did not finish.
  std::string html_dir;
};

// Runs every job; `done` is called in the parent, in completion order, once per job.
void run_isolated(const std::vector<Job>& jobs, const Rules& rules, const RunOptions& options,
                  const std::function<void(Outcome&&)>& done);

// The failure object for a file that could not be checked: status "error" and its reason.
nlohmann::ordered_json failure(const std::string& path, const std::string& code, const std::string& message);

}  // namespace nianbao::batch
