#include "extract/rules/rules_dir.h"

#include <cstdlib>

namespace nianbao {

namespace {
std::string& dir_storage() {
  static std::string dir = [] {
    if (const char* env = std::getenv("NIANBAO_RULES"); env && *env) return std::string(env);
    return std::string(NIANBAO_RULES_DIR);
  }();
  return dir;
}
}  // namespace

const std::string& rules_dir() { return dir_storage(); }
void set_rules_dir(const std::string& dir) { dir_storage() = dir; }
std::string rules_path(const std::string& name) { return rules_dir() + "/" + name; }

}  // namespace nianbao
