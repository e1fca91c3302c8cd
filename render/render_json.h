// JSON rendering of a check result: the object of the output contract (schema "nianbao/1").
#pragma once

#include <nlohmann/json.hpp>

#include "extract/model/check_result.h"
#include "extract/rules/catalog.h"

namespace nianbao {

nlohmann::ordered_json to_json(const CheckResult& result, const Catalog& catalog, Lang lang);
nlohmann::ordered_json to_json(const Report& report);
nlohmann::ordered_json to_json(const Finding& finding, const Catalog& catalog, Lang lang);

}  // namespace nianbao
