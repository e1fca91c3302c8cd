// The rules of a directory, loaded the first time they are asked for. `check` of several files
// forks its checking process before anything else and loads the rules there: a process that has
// loaded them costs several milliseconds more to fork and to end (its pages copied on write, its
// heap torn down), which for a short report is a fifth of the whole check. The program itself
// then loads them only when it must render a file whose checking process did not finish. A
// `check` of one report forks nothing and loads them at once (app/isolate/in_process.h).
#pragma once

#include <optional>
#include <string>

#include "nianbao/nianbao.h"

namespace nianbao {

class RulesOnDemand {
 public:
  explicit RulesOnDemand(std::string dir) : dir_(std::move(dir)) {}
  // Throws RulesError, as load_rules does, when the directory's rules are malformed.
  const Rules& get() const {
    if (!rules_) rules_.emplace(load_rules(dir_));
    return *rules_;
  }

 private:
  std::string dir_;
  mutable std::optional<Rules> rules_;
};

}  // namespace nianbao
