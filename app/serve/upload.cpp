#include "app/serve/upload.h"

#include <algorithm>

#include "validate/validate.h"

namespace nianbao {

std::string display_name(const std::string& client_name) {
  std::string name = client_name;
  if (auto slash = name.find_last_of("/\\"); slash != std::string::npos) name = name.substr(slash + 1);
  name.erase(std::remove_if(name.begin(), name.end(),
                            [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }),
             name.end());
  if (name.size() > 200) name.resize(200);  // may cut a UTF-8 sequence; only ever shown escaped
  return name.empty() ? "upload" : name;
}

std::string check_upload(const std::string& client_name, const std::string& bytes, const Rules& rules,
                         const Limits& limits, const std::function<std::string(const CheckResult&)>& render) {
  return check_bytes_isolated(display_name(client_name), bytes, rules, limits, render).output;
}

}  // namespace nianbao
