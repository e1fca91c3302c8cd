// Every message and display name exists in Chinese and English; these carry the pair.
#pragma once

#include <string>

namespace nianbao {

enum class Lang { Zh, En };

struct Text {
  std::string zh, en;
  const std::string& in(Lang lang) const { return lang == Lang::Zh ? zh : en; }
};

}  // namespace nianbao
