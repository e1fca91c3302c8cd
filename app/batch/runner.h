// Checks many files, each in its own child process with a time and memory limit, so a file
// that crashes or hangs its parser is recorded as failed and the batch goes on.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/batch/run_summary.h"
#include "extract/read/limits.h"

namespace nianbao {
struct Rules;
}

namespace nianbao::batch {

struct Job {
  std::string path;
  std::string sha256;
  bool store = true;  // false: only the file's HTML page is wanted, its stored result stays
};

// One file's result, as this process receives it: the line, not the parsed object, which the
// workers alone build (parsing it again here made this process the bottleneck of a run).
struct Outcome {
  std::string path, sha256;
  std::string line;   // the object `check --format json` prints (its "file" the job's path), one line
  ResultBrief brief;  // what the run's tally needs of it
  // The failure object of a file whose worker did not finish; its result is not in the
  // database yet (a worker stores only what it finished).
  std::optional<nlohmann::ordered_json> failure;
};

struct RunOptions {
  int jobs = 1;
  Limits limits;               // per file: sizes and pages in the reader, time and memory in the child
  bool progress = false;       // a progress line on standard error
  // When set, each file's HTML report (`check --format html`) is written there as
  // page_name (html_pages.h): by the child, which has read the file anyway and alone
  // may parse it; by the parent, from the failure alone, when the child did not finish.
  std::string html_dir;
  // When set, each worker stores the results it makes in this database (store.h), with its own
  // connection: one opened before a fork is never used after it.
  std::string db;
};

// Runs every job; `done` is called in the parent, in completion order, once per job.
void run_isolated(const std::vector<Job>& jobs, const Rules& rules, const RunOptions& options,
                  const std::function<void(Outcome&&)>& done);

// The failure object for a file that could not be checked: status "error" and its reason.
nlohmann::ordered_json failure(const std::string& path, const std::string& code, const std::string& message);

}  // namespace nianbao::batch
