// Checking one file in a child process under the per-file time and memory limits: a reader
// that crashes, loops or runs out of memory takes only its child. `check`, `batch` and `serve`
// all check files this way.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "app/isolate/child_process.h"
#include "nianbao/nianbao.h"

namespace nianbao {

// The per-file time and memory limits, as a child process applies them.
ChildLimits child_limits(const Limits& limits);

// The result of a file whose checking child did not finish (outcome.end != Finished): timeout
// and out_of_memory name the limit and its flag; crashed and internal ask for the file to be
// reported.
CheckResult unfinished_result(const std::string& path, const ChildOutcome& outcome, const Limits& limits);

// check_file in a child process under the time and memory limits; `render` runs in the child
// too (page images are drawn from the document the check loaded), and when the child does not
// finish, here, on unfinished_result. Returns what `render` returned and whether the result was
// ok and had an error finding.
struct IsolatedCheck {
  std::string output;
  bool ok = false;
  bool has_error = false;
};
IsolatedCheck check_file_isolated(const std::string& path, const Rules& rules, const Limits& limits,
                                  const std::function<std::string(const CheckResult&)>& render);

// check_file_isolated for a command that ends right after it (`check` of one report written to
// standard output): in this process (app/isolate/in_process.h), no child forked. When the check
// does not finish, its failure is written to standard output from a signal handler and the
// process ends with `exit_status`.
IsolatedCheck check_file_in_this_process(const std::string& path, const Rules& rules, const Limits& limits,
                                         const std::function<std::string(const CheckResult&)>& render,
                                         int exit_status);

// check_file_isolated for each of `paths`, in one long-lived child that checks file after file
// (replaced, as batch's workers are, when it crashes, runs out of time or memory, or grows), each
// file under its own limits: forking once rather than per file, and what the rules build on
// first use built once. `rules` is called in the child, so rules loaded on demand are loaded
// there (app/cli/rules_on_demand.h). `done` gets each file's answer in the order of `paths`.
void check_files_isolated(const std::vector<std::string>& paths, const std::function<const Rules&()>& rules,
                          const Limits& limits,
                          const std::function<std::string(const CheckResult&)>& render,
                          const std::function<void(std::size_t, IsolatedCheck&&)>& done);

// The same for a document in memory (check_bytes): the forked child sees the bytes as they are.
IsolatedCheck check_bytes_isolated(const std::string& name, const std::string& bytes, const Rules& rules,
                                   const Limits& limits, const std::function<std::string(const CheckResult&)>& render);

}  // namespace nianbao
