#include "golden_cells.h"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "test_paths.h"

namespace nianbao::test {

using nlohmann::json;

namespace {

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream ss(line);
  std::string part;
  while (std::getline(ss, part, '\t')) out.push_back(part);
  return out;
}

}  // namespace

json check_json(const std::string& path) {
  std::string out;
  run(binary() + " check --format json " + path + " 2>/dev/null", &out);
  return json::parse(out);
}

Golden load_golden(const std::string& name) {
  Golden g;
  std::ifstream in(source_path("tests/data/pdf/" + name + ".golden"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    auto parts = split_tabs(line);
    if (parts[0].rfind("meta.", 0) == 0) g.meta[parts[0].substr(5)] = parts[1];
    else g.cells[parts[0]] = {parts[1], parts[2], parts[3]};
  }
  return g;
}

std::string number_text(const json& v) {
  if (v.is_null()) return "null";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", v.get<double>());
  return buf;
}

std::string meta_text(const json& v) {
  if (v.is_null()) return "null";
  if (v.is_number()) return std::to_string(v.get<int>());
  return v.get<std::string>();
}

// Every cell of the report: key -> {value, state, page:line}.
std::map<std::string, std::vector<std::string>> cells_of(const json& report) {
  std::map<std::string, std::vector<std::string>> out;
  auto put = [&](const std::string& key, const json& value, const json& cell) {
    out[key] = {number_text(value), cell["state"].get<std::string>(),
                std::to_string(cell["page"].get<int>()) + ":" + std::to_string(cell["line"].get<int>())};
  };
  const json& t = report["tables"];
  if (t.contains("applications"))
    for (const auto& row : t["applications"]["rows"])
      for (const auto& [col, v] : row["values"].items())
        put("applications." + row["key"].get<std::string>() + "." + col, v, row["cells"][col]);
  for (const char* key : {"proactive", "reviews"})
    if (t.contains(key))
      for (const auto& [k, v] : t[key]["values"].items()) put(std::string(key) + "." + k, v, t[key]["cells"][k]);
  return out;
}

std::vector<std::pair<std::string, std::string>> errors_of(const json& d) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& f : d["findings"])
    if (f["severity"] == "error") out.push_back({f["rule"], f.value("row", "")});
  return out;
}

}  // namespace nianbao::test
