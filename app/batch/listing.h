// Every file name of the archive database with its report's columns, in the order a person looks
// them up: by agency, then year. The spreadsheet's overview and the index page both list it, so
// the two always show the same files in the same order with the same status.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace nianbao {
struct Rules;
}

namespace nianbao::batch {

class Store;

struct FileRow {
  std::string file, sha256, agency, format_version, input_format, status, error_code, error_message;
  // The agency as the cross-report checks know it (agency_identities): spellings of one agency
  // share it; empty when the agency was not read or is not credibly one.
  std::string agency_key;
  std::optional<long long> year;
  long long errors = 0, warnings = 0, infos = 0;
  std::string page;  // its report page's name (page_name), empty when it can have none

  bool ok() const { return status == "ok"; }
};

// From the columns the store keeps beside the JSON (no result object is parsed), sorted by
// sort_rows; the agencies told apart as rules/agencies.toml says.
std::vector<FileRow> file_rows(const Store& store, const Rules& rules);

// A failure object (runner.h) of a file that never reached the database: missing, not a
// regular file. It has no page.
FileRow unstored_row(const nlohmann::ordered_json& failure);

// By agency (agency_key, so spellings of one agency fall together; files whose agency was not
// read last), then year (none last), then file name.
void sort_rows(std::vector<FileRow>& rows);

// The page name of a result object as `check --format json` and the store hold it (with its
// "sha256"): the same name the worker that checked it wrote its page under.
std::string page_of_result(const nlohmann::ordered_json& result);

// How the status column says it: "正常", or "无法读取" for a file that could not be checked.
const char* status_word(const FileRow& row);

}  // namespace nianbao::batch
