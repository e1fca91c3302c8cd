// The subcommands of the nianbao command line; each gets the rules main() loaded once, but for
// `check`, which loads them in its checking process (rules_on_demand.h).
#pragma once

#include <string>
#include <vector>

#include "extract/read/limits.h"
#include "app/cli/rules_on_demand.h"
#include "extract/rules/rules.h"

namespace nianbao {

struct CheckOptions {
  std::string format = "text";
  std::string lang = "zh";
  std::string color = "auto";
  bool verbose = false;
  // Where the output goes: standard output, one file (-o), or one file per report in a
  // directory (--output-dir; the only way to get several HTML reports, each a whole page).
  std::string output, output_dir;
  Limits limits;  // each file is checked in a child process under these
  std::vector<std::string> files;
};

// Exit status as docs/OUTPUT.md: 0 no error finding, 1 an error finding, 3 an input unreadable.
int run_check(const CheckOptions& options, const RulesOnDemand& rules);

struct RulesOptions {
  std::string lang = "zh";
};
int run_rules(const RulesOptions& options, const Rules& rules);

struct ServeCommandOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;
  int max_upload_mb = 20;
  Limits limits;  // each upload is checked in a child process under these
};
// The local self-check web page (app/serve/); runs until interrupted.
int run_serve(const ServeCommandOptions& options, const Rules& rules);

// nianbao batch: the archive run (app/batch/archive.h).
struct BatchCommandOptions {
  int jobs = 1;
  std::string out, db, xlsx, shard, html_dir, hierarchy;
  Limits limits;
  std::vector<std::string> paths;
};
int run_batch(const BatchCommandOptions& options, const Rules& rules);

// nianbao merge: shard databases into one, then the cross-report checks.
struct MergeOptions {
  std::string db, out, xlsx, html_dir, hierarchy;
  std::vector<std::string> inputs;
};
int run_merge(const MergeOptions& options, const Rules& rules);

}  // namespace nianbao
