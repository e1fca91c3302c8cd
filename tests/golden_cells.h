// The cells of a report as `check --format json` gives them, and the golden files they are
// compared with (tests/data/pdf/*.golden: key, value, state, "page:line"), for the tests of
// tables read from PDFs, text or scanned.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace nianbao::test {

struct Golden {
  std::map<std::string, std::string> meta;
  // key -> {value, state, "page:line" or "*" (any known place)}
  std::map<std::string, std::vector<std::string>> cells;
};

// `nianbao check --format json path`, parsed.
nlohmann::json check_json(const std::string& path);

// tests/data/pdf/<name>.golden.
Golden load_golden(const std::string& name);

// A number as the golden files write it ("null" when absent).
std::string number_text(const nlohmann::json& v);
std::string meta_text(const nlohmann::json& v);

// Every cell of the report: key -> {value, state, page:line}.
std::map<std::string, std::vector<std::string>> cells_of(const nlohmann::json& report);

// The rule and row of every error finding.
std::vector<std::pair<std::string, std::string>> errors_of(const nlohmann::json& d);

}  // namespace nianbao::test
