// The subcommands of the nianbao command line.
#pragma once

#include <string>
#include <vector>

namespace nianbao {

struct CheckOptions {
  std::string format = "text";
  std::string lang = "zh";
  std::string color = "auto";
  bool verbose = false;
  std::vector<std::string> files;
};

// Exit status as output.md: 0 no error finding, 1 an error finding, 3 an input unreadable.
int run_check(const CheckOptions& options);

struct RulesOptions {
  std::string lang = "zh";
};
int run_rules(const RulesOptions& options);

}  // namespace nianbao
