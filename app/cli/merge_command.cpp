// `nianbao merge`: combines shard databases and runs the cross-report checks over the whole.
#include <iostream>
#include <stdexcept>

#include "app/batch/archive.h"
#include "extract/model/errors.h"
#include "app/cli/commands.h"

namespace nianbao {

int run_merge(const MergeOptions& o, const Rules& rules) {
  try {
    return batch::run_merge(o.inputs, o.db, o.out, o.xlsx, o.html_dir, o.hierarchy, rules);
  } catch (const RulesError&) {
    throw;  // main says it is the rules, as for every command
  } catch (const std::runtime_error& e) {
    std::cerr << "nianbao: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace nianbao
