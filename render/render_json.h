// JSON rendering of a check result: the object of the output contract (schema "nianbao/1").
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "extract/model/check_result.h"
#include "extract/rules/catalog.h"

namespace nianbao {

// The object on one line, written directly (render/json_writer.h): what `check --format json`
// prints.
std::string to_json_text(const CheckResult& result, const Catalog& catalog, Lang lang);
// The same text parsed, for callers that add to it or look into it (batch, the tests).
nlohmann::ordered_json to_json(const CheckResult& result, const Catalog& catalog, Lang lang);

}  // namespace nianbao
