// `nianbao batch`: the archive run. Argument checks here; the work is in app/batch/.
#include <unistd.h>

#include <iostream>
#include <stdexcept>

#include "app/batch/archive.h"
#include "extract/model/errors.h"
#include "app/cli/commands.h"

namespace nianbao {

int run_batch(const BatchCommandOptions& o, const Rules& rules) {
  batch::BatchOptions b;
  b.paths = o.paths;
  b.jobs = o.jobs;
  b.out = o.out;
  b.db = o.db;
  b.xlsx = o.xlsx;
  b.html_dir = o.html_dir;
  b.hierarchy = o.hierarchy;
  b.limits = o.limits;
  b.progress = isatty(STDERR_FILENO) != 0;
  if (!o.shard.empty() && !batch::parse_shard(o.shard, b.shard, b.shards)) {
    std::cerr << "nianbao: --shard 应为 K/N，1 ≤ K ≤ N (expected K/N)\n";
    return 2;
  }
  try {
    return batch::run_batch(b, rules);
  } catch (const RulesError&) {
    throw;  // main says it is the rules, as for every command
  } catch (const std::runtime_error& e) {
    std::cerr << "nianbao: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace nianbao
