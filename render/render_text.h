// Human-readable, compiler-style rendering: "FILE:PAGE:LINE: error[rule]: message", then a
// one-line summary per file.
#pragma once

#include <string>

#include "extract/model/check_result.h"
#include "extract/rules/catalog.h"

namespace nianbao {

struct TextOptions {
  Lang lang = Lang::Zh;
  bool color = false;
  bool verbose = false;  // also the prose statements that hold and the parts found
};

std::string render_text(const CheckResult& result, const Catalog& catalog, const TextOptions& options);

}  // namespace nianbao
