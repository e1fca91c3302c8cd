// Where the data files of rules/ are read from: --rules DIR, else $NIANBAO_RULES, else the
// directory fixed at build time.
#pragma once

#include <string>

namespace nianbao {

const std::string& rules_dir();
void set_rules_dir(const std::string& dir);
// rules_dir() + "/" + name
std::string rules_path(const std::string& name);

}  // namespace nianbao
