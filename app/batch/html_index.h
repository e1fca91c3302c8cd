// DIR/index.html of `batch --html-dir` and `merge --html-dir`. First an overview of every file
// of the database (agency, year, format, counts, status, its report page), sortable by any
// column and filtered by agency, year, errors and rule or by a search, with a few lines of
// inline script and nothing fetched; then the cross-report findings, grouped by agency. Built
// from the database alone, so a resumed run or a merge lists the files of earlier runs and other
// shards as well.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace nianbao {
struct Rules;
}

namespace nianbao::batch {

class Store;

// `unstored` are failure objects (runner.h) of this run's files that never reached the
// database (missing, not a regular file); `archive` the cross-report findings. A file whose
// page is not in `dir` is listed without a link. Throws std::runtime_error when the index
// cannot be written.
void write_html_index(const Store& store, const std::string& dir, const std::vector<nlohmann::ordered_json>& archive,
                      const std::vector<nlohmann::ordered_json>& unstored, const Rules& rules);

}  // namespace nianbao::batch
